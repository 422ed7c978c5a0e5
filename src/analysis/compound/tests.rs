//! The decompounder's rules, one by one, on real Dutch words.

use super::*;

fn parts(word: &str) -> Option<Vec<String>> {
    Decompounder.split(word, &|w| ["gaza", "gazastrook", "zeeland", "rotterdam"].contains(&w))
}

fn has(word: &str, part: &str) -> bool {
    parts(word).is_some_and(|p| p.iter().any(|x| x == part))
}

#[test]
fn linking_morphemes() {
    assert!(has("vluchtelingenkamp", "kamp") && has("vluchtelingenkamp", "vluchtelingen"));
    assert!(has("kabinetsoverleg", "kabinet") && has("kabinetsoverleg", "overleg"));
    assert!(has("oorlogsmisdaden", "oorlog") && has("oorlogsmisdaden", "misdaden"));
}

#[test]
fn words_the_corpus_never_saw_alone_still_split() {
    assert!(has("droneaanval", "drone"));
    assert!(has("mazelengevallen", "mazelen"));
}

#[test]
fn three_part_compounds_give_every_level() {
    let p = parts("luchtverdedigingssystemen").unwrap();
    for part in ["luchtverdediging", "systemen", "lucht", "verdediging"] {
        assert!(p.iter().any(|x| x == part), "{part} missing from {p:?}");
    }
}

#[test]
fn guards_against_false_splits() {
    for word in [
        "schietpartij",
        "rechtbank",
        "straaljager",
        "aanval",
        "veiligheid",
        "oorlog",
        "verklaring",
        "bestuur",
        "bestuurskundig",
    ] {
        assert_eq!(parts(word), None, "{word}");
    }
}

fn leaves(word: &str) -> Option<Vec<String>> {
    Decompounder.leaves(word, &|_| false)
}

fn stay_whole(words: &[&str]) {
    for word in words {
        assert_eq!(leaves(word), None, "{word}");
    }
}

fn split_as(word: &str, want: &[&str]) {
    assert_eq!(leaves(word), Some(want.iter().map(|p| p.to_string()).collect()), "{word}");
}

#[test]
fn inflected_forms_split_where_their_base_splits() {
    // pollepel, flanel, pastoraat do not split: their inflections
    // must not split on the word their ending makes (pels, elletje, aten).
    stay_whole(&["pollepels", "flanelletje", "pastoraten"]);
    split_as("keukengereedschappen", &["keuken", "gereedschappen"]);
    split_as("vruchtzakjes", &["vrucht", "zakjes"]);
}

#[test]
fn an_ing_noun_of_a_listed_verb_is_a_derivation() {
    assert_eq!(leaves("verrukking"), None, "verrukken + -ing, not verruk+king");
    assert_eq!(leaves("onderhandelaars"), None, "onderhandelen + -aar, not onderhand+laars");
    assert_eq!(leaves("belangstelling"), None, "belangstellen + -ing");
    split_as("waterleidingen", &["water", "leidingen"]);
}

#[test]
fn rare_names_stay_whole_and_common_ones_split() {
    stay_whole(&["tulpenlaan", "westsingel", "hooghalen"]);
    split_as("kamerleden", &["kamer", "leden"]);
    split_as("coronacrisis", &["corona", "crisis"]);
}

#[test]
fn verb_stems_and_suffixoid_derivations_stay_whole() {
    stay_whole(&[
        "preserveer",
        "tandheelkundigen",
        "bestuurskundige",
        "wreedaardig",
        "pondsgewijs",
        "nuttelozer",
        "megaprojecten",
        "monotheistische",
    ]);
}

#[test]
fn common_three_letter_words_are_parts_and_rare_ones_are_not() {
    split_as("zakdoeken", &["zak", "doeken"]);
    assert_eq!(leaves("pollepel"), None, "pel is rare");
}

#[test]
fn words_in_very_common_use_stay_whole() {
    stay_whole(&["vergeten", "helemaal", "allemaal", "ziekenhuis", "leeftijd"]);
    split_as("kinderziekenhuis", &["kind", "ziekenhuis"]);
}

#[test]
fn stressed_prefixes_make_derivations_of_whole_words() {
    stay_whole(&["superbeleggers", "superspion", "superstart", "supergoedkoop"]);
}

#[test]
fn prefix_words_are_no_modifier_and_linker() {
    for word in ["buitendeur", "achterdak", "achtergrachten"] {
        assert_eq!(leaves(word), None, "{word}: no buit+en, acht+er");
    }
}

#[test]
fn common_words_that_only_look_like_compounds_stay_whole() {
    // From the judged list of common words: derivations of an
    // unstressed prefix, agent nouns, prefixes, separable verbs and
    // lexicalised words (tests/eval/compounds_common.txt).
    stay_whole(&[
        "betekenen",
        "verstappen",
        "handelaren",
        "infrarood",
        "supermarkten",
        "waarmaken",
        "plaatsvond",
        "tentoonstelling",
        "maaltijden",
        "nederlanders",
        "nederlandse",
        "schaarsliepen",
        "voorafgaande",
        "lastigvallen",
        "technologische",
    ]);
    split_as("gevechtsport", &["gevecht", "sport"]);
    split_as("vakantiestreek", &["vakantie", "streek"]);
    split_as("bergnamen", &["berg", "namen"]);
}

#[test]
fn adjectives_in_hartig_moedig_and_zuchtig_are_derivations() {
    stay_whole(&[
        "goedhartige",
        "ruimhartigheid",
        "hoogmoedig",
        "zwaarmoedige",
        "blijmoedigheid",
        "oorlogszuchtige",
        "moordzuchtig",
    ]);
    // After a prefix the suffix-like head is a verb's noun.
    split_as("belangenbehartiger", &["belangen", "behartiger"]);
}

#[test]
fn numbers_written_out_are_no_compounds() {
    stay_whole(&[
        "honderdvijftig",
        "tweeentwintigste",
        "drieduizend",
        "vijfenzeventig",
        "anderhalf",
        "honderdduizenden",
        "zevenhonderdnegen",
        "tienmaal",
        "honderdmaal",
        "vijftiental",
        "tweehonderdtal",
    ]);
    split_as("tienkamper", &["tien", "kamper"]);
}

#[test]
fn the_suffix_erij_is_no_head_rij() {
    stay_whole(&["zetterijen", "boerterij"]);
    split_as("bomenrij", &["bomen", "rij"]);
}

#[test]
fn suffixes_that_spell_words_are_no_heads() {
    for word in ["prefectuur", "acceptabel", "eeuwenlang", "urenlange"] {
        assert_eq!(leaves(word), None, "{word}: no prefect+uur, accept+abel, eeuw+lang");
    }
    split_as("contacturen", &["contact", "uren"]);
}

#[test]
fn common_words_of_the_fourth_list_stay_whole() {
    // tests/eval/compounds_common4.txt: a Greek prefix, a suffix-like
    // head, separable participles and a superlative modifier.
    stay_whole(&[
        "hypothese",
        "bewustwording",
        "tegenovergestelde",
        "overeengekomen",
        "volstrekt",
        "benedenstrooms",
    ]);
    split_as("feestdagen", &["feest", "dagen"]);
}

#[test]
fn latin_prefixes_and_borrowed_verbs_make_no_compounds() {
    // `post` before a Latinate adjective or -isme noun is the prefix,
    // `contra` and `extra` are prefixes always, and a verb borrowed
    // with -eren is one word (no `model+leren`, `pres+veren`).
    stay_whole(&[
        "postmoderne",
        "posttraumatische",
        "postkoloniale",
        "contrarevolutie",
        "contraspionage",
        "extraterritoriale",
        "modelleren",
        "jongleren",
        "preserveren",
        "traceerbare",
        "traceerbaarheid",
    ]);
    split_as("postkantoor", &["post", "kantoor"]);
    split_as("hoofdkwartieren", &["hoofd", "kwartieren"]);
}

#[test]
fn intensified_adjectives_are_no_compounds() {
    // "Very naked", "brand new": the first part only intensifies.
    stay_whole(&[
        "spiernaakt",
        "gloednieuwe",
        "goudeerlijke",
        "kakelverse",
        "ijskoude",
        "doodsbang",
        "hondsbrutale",
        "peperdure",
        "pimpelpaarse",
        "knalrode",
        "stokoude",
        "spotgoedkoop",
        "klinkklare",
        "knotsgekke",
        "hagelnieuwe",
        "kraakheldere",
    ]);
    // Before a noun, or a colour after a material, they are parts; so
    // is a noun that merely ends like an adjective's -e form.
    split_as("bloeddruk", &["bloed", "druk"]);
    split_as("doodstraf", &["dood", "straf"]);
    split_as("ijsberg", &["ijs", "berg"]);
    split_as("loodwit", &["lood", "wit"]);
    split_as("beeldgrootte", &["beeld", "grootte"]);
    split_as("hondvriendelijk", &["hond", "vriendelijk"]);
}

#[test]
fn common_words_of_the_zipf_3_5_band_stay_whole() {
    // Read in the lexicon's words used at Zipf 3.5 to 4.0: prefixes
    // (`aarts-`, `aller-`, `opper-`, `para-`, `trans-`, `vice-`), the
    // suffix-like `-tijdig`, separable verbs and participles.
    stay_whole(&[
        "aartsbisschop",
        "allereerst",
        "oppervlakkig",
        "paragraaf",
        "transactie",
        "vicepresident",
        "vroegtijdig",
        "vooraanstaande",
        "vreemdgaan",
        "tegenaanval",
        "verstoord",
        "weggegaan",
        "stilgestaan",
        "fotografisch",
        "pornografische",
        "radioloog",
        "rampzalig",
        "tweedaagse",
    ]);
}

#[test]
fn a_part_that_splits_into_common_words_splits_too() {
    split_as("tuinbouwbedrijf", &["tuin", "bouw", "bedrijf"]);
    split_as("ruimtevaarttechniek", &["ruimte", "vaart", "techniek"]);
    split_as("bedevaartkerken", &["bedevaart", "kerken"]);
    // Short pieces count when they may be parts at all (`weg`, `wet`).
    split_as("spoorwegstation", &["spoor", "weg", "station"]);
    split_as("grondwetswijziging", &["grond", "wet", "wijziging"]);
    split_as("melkwegstelsel", &["melkweg", "stelsel"]);
}

#[test]
fn a_modifier_in_ing_or_heid_takes_the_linking_s_from_its_head() {
    split_as("overheidstaak", &["overheid", "taak"]);
    split_as("koningspaar", &["koning", "paar"]);
    split_as("ringslang", &["ring", "slang"]);
    split_as("tuinslang", &["tuin", "slang"]);
    // Not much commoner, but `steken` and `staken` are no nouns with
    // a plural; `smaak`, `sloep` keep their `s` (`maak` is a verb).
    split_as("herkenningsteken", &["herkenning", "teken"]);
    split_as("veiligheidstaken", &["veiligheid", "taken"]);
    split_as("kledingsmaak", &["kleding", "smaak"]);
    split_as("reddingsloep", &["redding", "sloep"]);
    // `ketting` is no verb's `-ing` noun: `ketting+steken`.
    split_as("kettingsteken", &["ketting", "steken"]);
}

#[test]
fn participles_of_separable_verbs_and_their_inflections_are_verb_forms() {
    // `fijnhakken`, `wegschrappen` (not listed), `omvatten`.
    stay_whole(&["fijngehakte", "kortgeknipt", "weggeschrapte", "omvattender", "treffender"]);
    // `beet` and `dwars` are written on like particles.
    stay_whole(&["beetpakten", "dwarszitten", "dwarsliggen"]);
}

#[test]
fn a_heid_noun_splits_as_its_adjective_does() {
    stay_whole(&["walgelijkheid", "eigenwijsheid", "noodzakelijkheid"]);
    split_as("aangiftebereidheid", &["aangifte", "bereidheid"]);
}

#[test]
fn two_particles_make_an_adverb_not_a_part() {
    // `voor+aanzicht`, `onder+afdeling`: the particle is bound, so no
    // split, not `vooraan+zicht`, `onderaf+deling`.
    stay_whole(&["vooraanzicht", "onderafdeling", "vooroverleg", "onderdoorgang"]);
    // After a two-letter particle: a verb's stem, a loan.
    split_as("oplosmiddel", &["oplos", "middel"]);
    split_as("indoorbanen", &["indoor", "banen"]);
}

#[test]
fn a_building_block_splits_inside_a_compound_when_not_in_very_common_use() {
    // `landbouw`, `vakbond`, `ijshockey` stay whole on their own but
    // split inside a compound, as the judges split them.
    stay_whole(&["landbouw", "vakbond", "ijshockey"]);
    split_as("landbouwbeleid", &["land", "bouw", "beleid"]);
    split_as("vakbondsleider", &["vak", "bond", "leider"]);
    split_as("ijshockeyteam", &["ijs", "hockey", "team"]);
    // Used 40 times in a million words or more (`netwerk`), or with a
    // rarer piece (`tuig`, `base`): one part.
    split_as("netwerkbeheer", &["netwerk", "beheer"]);
    split_as("landbouwvoertuigen", &["land", "bouw", "voertuigen"]);
    split_as("klantendatabase", &["klant", "database"]);
}

#[test]
fn a_rare_word_takes_no_linker_from_a_common_head() {
    split_as("krijgsmacht", &["krijg", "macht"]);
    split_as("hongersnood", &["honger", "nood"]);
    split_as("waterstand", &["water", "stand"]);
}

#[test]
fn the_noun_of_a_particle_verb_is_no_compound() {
    assert_eq!(leaves("achteruitgang"), None, "achteruitgaan, no achteruit+gang");
    split_as("wapenstilstand", &["wapen", "stilstand"]);
    split_as("waterstand", &["water", "stand"]);
}

#[test]
fn function_words_are_no_parts() {
    assert_eq!(leaves("stripper"), None, "no strip+per");
    split_as("draadstripper", &["draad", "stripper"]);
}

#[test]
fn separable_verbs_are_no_compounds() {
    stay_whole(&[
        "klaarliggen",
        "klaarkreeg",
        "stilhield",
        "blootstonden",
        "achteroverliggen",
        "goedmaker",
        "ineenvloeien",
        "stopzetten",
    ]);
    split_as("stuklijsten", &["stuk", "lijsten"]);
}

#[test]
fn a_verb_whose_stem_looks_like_a_noun_is_still_a_verb() {
    // The lexicon lists `doodbloed` and `goedvind` like nouns with a
    // plural; their listed `-t` forms say they are verbs. A present
    // singular after a particle is a verb too, unless it is a noun.
    stay_whole(&["doodbloeden", "goedvinden", "bijtekenen", "overslaat", "doodgaat"]);
    // A participle as an adjective is a verb form too, and `gerust`
    // is written on like a particle.
    stay_whole(&["teleurgestelde", "vrijgemaakte", "geruststellen", "verderzetten"]);
    // Also when the `-e` respells the participle (`stopgezet`, `weggedaan`).
    stay_whole(&["stopgezette", "weggedane"]);
    split_as("deelstaat", &["deel", "staat"]);
    split_as("vrijkaart", &["vrij", "kaart"]);
}

#[test]
fn a_modifier_keeps_its_own_s() {
    // `kruis`, `beurs` are far commoner than `krui`, `beur`; a plural
    // in -s keeps its s as a linker.
    split_as("kruispunt", &["kruis", "punt"]);
    split_as("beursgang", &["beurs", "gang"]);
    split_as("koersdaling", &["koers", "daling"]);
    split_as("kaarsvlam", &["kaars", "vlam"]);
    split_as("asielzoekerscentrum", &["asielzoeker", "centrum"]);
    split_as("bewonersavond", &["bewoner", "avond"]);
}

#[test]
fn a_three_letter_modifier_weighs_its_compounds_in_choosing_the_split() {
    // `zee`, `gas`, `bal` make hundreds of listed compounds, `zeem`,
    // `gast`, `bals` few: of the splits a word has, theirs win.
    split_as("zeemonding", &["zee", "monding"]);
    split_as("zeekanaal", &["zee", "kanaal"]);
    split_as("gastransport", &["gas", "transport"]);
    split_as("balsport", &["bal", "sport"]);
    // Whether a word splits is decided without those counts.
    stay_whole(&["barbier", "potlood", "redactie", "kenmerken", "stabiel"]);
}

#[test]
fn a_three_letter_modifier_makes_no_part_rarer_than_the_split_decided() {
    // `lam` and `bar` make many listed compounds too, but `plicht` and
    // `snood` are rarer than every part of `lamp+licht`, `baren+nood`.
    split_as("lamplicht", &["lamp", "licht"]);
    split_as("barensnood", &["baren", "nood"]);
    split_as("grandslamtoernooi", &["grand", "slam", "toernooi"]);
}

#[test]
fn a_linker_that_spells_a_word_with_the_modifier_is_part_of_it() {
    split_as("koperverbindingen", &["koper", "verbindingen"]);
    split_as("kerkerlucht", &["kerker", "lucht"]);
    split_as("sluiterknop", &["sluiter", "knop"]);
    split_as("rechtervoet", &["rechter", "voet"]);
    // A plural of the modifier is no other word: the linker stays one.
    split_as("kleurenscanner", &["kleur", "scanner"]);
}

#[test]
fn comparatives_and_superlatives_of_whole_adjectives_stay_whole() {
    stay_whole(&["schadelijker", "nauwkeurigere", "noodzakelijkste", "doeltreffender"]);
    // An agent noun is no comparative: `landbouwe` is no word.
    split_as("landbouwer", &["land", "bouwer"]);
}

#[test]
fn an_ig_adjective_of_a_whole_word_stays_whole() {
    stay_whole(&["kruimelig", "bezitterige", "schimmelig", "snotterig"]);
    // Of a compound it splits as the compound does.
    split_as("strijdlustig", &["strijd", "lustig"]);
}

#[test]
fn an_adjective_with_weg_is_an_adverb() {
    stay_whole(&["stomweg", "koudweg", "brutaalweg", "gewoonweg"]);
    // A noun with a plural is a road: `snelwegen`; `dienst` is no adjective.
    split_as("snelwegen", &["snel", "wegen"]);
    split_as("dienstweg", &["dienst", "weg"]);
}

#[test]
fn an_e_after_a_word_that_has_no_comparative_is_part_of_the_modifier() {
    split_as("aardewerk", &["aarde", "werk"]);
    split_as("flexievormen", &["flexie", "vormen"]);
    split_as("morsecode", &["morse", "code"]);
    // An adjective's own `-e` stays a linker: `vrij+e+tijd`.
    split_as("vrijetijdsbesteding", &["vrij", "tijd", "besteding"]);
}

#[test]
fn eis_is_a_part_and_seis_and_zeer_are_none() {
    split_as("kwaliteitseisen", &["kwaliteit", "eisen"]);
    split_as("looneis", &["loon", "eis"]);
    split_as("zeereizen", &["zee", "reizen"]);
    split_as("zeerecht", &["zee", "recht"]);
}

#[test]
fn adverb_endings_and_negations_are_no_compounds() {
    stay_whole(&[
        "logischerwijs",
        "normalerwijze",
        "gemakshalve",
        "veiligheidshalve",
        "goeddeels",
        "onvrijwillige",
        "onevenwichtig",
    ]);
    split_as("vervoerwijze", &["vervoer", "wijze"]);
}

#[test]
fn latinate_suffixes_are_no_heads() {
    // `-alist` and `-ssief` are suffixes, not the words `list`, `sief`.
    stay_whole(&["generalist", "moralisten", "expressief", "regressief"]);
}

#[test]
fn a_listed_word_that_does_not_split_alone_is_one_part() {
    split_as("ozonhoudende", &["ozon", "houdende"]);
}

proptest::proptest! {
    /// Words glued from listed words, endings and odd letters never
    /// make the decompounder panic, and its parts are pieces of the
    /// word in order.
    #[test]
    fn parts_are_pieces_of_the_word_in_order(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "water", "kamp", "ge", "zet", "en", "s", "tje", "etje", "ing", "pan",
                "huis", "vluchteling", "é", "ï", "ß", "ij", "aar", "lijk", "t", "d", "e",
            ]),
            1..7,
        )
    ) {
        let word: String = pieces.concat();
        if let Some(leaves) = leaves(&word) {
            proptest::prop_assert!(leaves.len() >= 2, "{word}: {leaves:?}");
            let mut at = 0;
            for leaf in &leaves {
                let found = word[at..].find(leaf.as_str());
                proptest::prop_assert!(found.is_some(), "{word}: {leaves:?}");
                at += found.unwrap_or(0) + leaf.len();
            }
        }
    }
}

#[test]
fn misleading_compounds_stay_whole_in_every_form() {
    stay_whole(&[
        "brandweer",
        "rechtbanken",
        "spookrijders",
        "bloedbaden",
        "inktvisjes",
        "burgemeesters",
        "europese",
        "planeten",
        "nachtmerries",
        "presenteren",
        "hoofdstukken",
        "middeleeuwse",
        "plattegronden",
        "gewoonweg",
        "paddenstoelen",
        "zeemeeuwen",
        "statushouders",
        "kaarsrechte",
        "loftuitingen",
        "kwetsuren",
    ]);
    split_as("brandweerkazernes", &["brandweer", "kazernes"]);
    split_as("enkelkwetsuur", &["enkel", "kwetsuur"]);
}

#[test]
fn places_split_only_after_a_place() {
    assert!(has("gazastrook", "gaza"));
    assert_eq!(parts("zeeland"), None);
    assert_eq!(parts("rotterdam"), None);
}
