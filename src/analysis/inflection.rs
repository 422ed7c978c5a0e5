//! Dutch inflected and derived forms, recognised with the lexicon.
//!
//! Owns the small morphology the decompounder needs: whether a word is a
//! conjugated verb ([`is_verb_form`] with the participles of prefixed
//! verbs, `verstoord`; [`is_verb_stem`], the past of a
//! strong verb: [`is_strong_past`]) or a form of a separable verb with its
//! particle written on ([`is_separable_verb`]: `klaarkreeg`), a derivation
//! of a listed verb ([`is_verbal_noun`]: `belangstelling`, and the nouns
//! of `gaan`, `staan`, `slaan` after a particle: `achteruitgang`) or a
//! number written out, ordinals and plurals included ([`is_numeral`]:
//! `honderdduizenden`), and which listed
//! word an inflected or derived form comes from ([`base`]: `pollepels` from
//! `pollepel`, `steelpannetje` from `steelpan`, `verrukking` from
//! `verrukken`). Spelling rules: a consonant doubles after a short vowel
//! (`pan` → `pannen`), a long vowel is written single in an open syllable
//! (`daad` → `daden`), `f` and `s` are voiced before a vowel (`leef` →
//! `leven`, `huis` → `huizen`).

use super::lexicon::{self, LOWER, PLURAL};

/// A listed lower-case word.
pub fn listed(word: &str) -> bool {
    lexicon::lookup(word).is_some_and(|e| e.is(LOWER))
}

/// Diminutive endings, longest first; `-etje` follows a doubled consonant
/// (`flanelletje`, `pannetje`).
const DIMINUTIVES: &[&str] =
    &["etjes", "etje", "tjes", "tje", "pjes", "pje", "kjes", "kje", "jes", "je"];

/// Plural and adjective endings, longest first.
const INFLECTIONS: &[&str] = &["en", "s", "e", "n"];

/// The listed word that `word` is an inflected or derived form of: the
/// word without a diminutive (`steelpannetje` → `steelpan`), the singular of a plural or
/// the bare adjective (`pollepels` → `pollepel`, `pastoraten` →
/// `pastoraat`). `None` when no such listed word exists.
pub fn base(word: &str) -> Option<String> {
    let diminutive = DIMINUTIVES.iter().find_map(|end| {
        let stem = word.strip_suffix(end)?;
        let stem = if end.starts_with('e') { undouble(stem) } else { stem.to_string() };
        listed(&stem).then_some(stem)
    });
    let inflected = || {
        INFLECTIONS.iter().find_map(|end| {
            let stem = word.strip_suffix(end).filter(|s| s.chars().count() >= 3)?;
            respellings(stem).into_iter().find(|w| listed(w))
        })
    };
    diminutive.or_else(inflected).filter(|base| base != word)
}

/// The ways a stem before a vowel ending may be written alone: as it is,
/// with a doubled consonant undone (`pann` → `pan`), with a long vowel
/// written double (`pastorat` → `pastoraat`), with `z`/`v` unvoiced
/// (`huiz` → `huis`).
pub(super) fn respellings(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let mut out = vec![stem.to_string()];
    if n >= 2 && chars[n - 1] == chars[n - 2] {
        out.push(undouble(stem));
    }
    let vowel = |c: char| "aeou".contains(c);
    if n >= 3 && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !vowel(chars[n - 1]) {
        let mut long: String = chars[..n - 1].iter().collect();
        long.push(chars[n - 2]);
        long.push(chars[n - 1]);
        out.push(long);
    }
    let unvoiced = match chars.last() {
        Some('z') => Some('s'),
        Some('v') => Some('f'),
        _ => None,
    };
    if let Some(u) = unvoiced {
        let more: Vec<String> = out
            .iter()
            .map(|w| {
                let mut w = w.clone();
                w.pop();
                w.push(u);
                w
            })
            .collect();
        out.extend(more);
    }
    out
}

/// A conjugated verb: a past participle (`gemaakt`, `gezet`, `geslagen`),
/// a past tense (`barstte`, `adresseerde`, `escorteerden`), a present
/// participle (`daterende`) or a present tense (`schopt`, `annexeert`)
/// whose infinitive is listed (`schoppen`, `annexeren`) — unless it is the
/// plural of a listed noun (`velden`, `poten`). Verbs are not split
/// (`wegschopt`, `annexeert`) and head no compound.
pub fn is_verb_form(word: &str) -> bool {
    if is_noun_plural(word) {
        return false;
    }
    if let Some(rest) = word.strip_prefix("ge") {
        // A weak participle (`gemaakt`, `gezet`: a stem ending in t or d
        // takes no second one) or a strong one that is listed (`geslagen`).
        let doubled = |last: char| listed(&format!("{rest}{last}en"));
        let weak = match rest.chars().last() {
            Some(last @ ('t' | 'd')) => has_infinitive(&rest[..rest.len() - 1]) || doubled(last),
            _ => false,
        };
        let strong = rest.ends_with("en") && rest.chars().count() >= 4 && listed(word);
        if weak || strong {
            return true;
        }
    }
    ["t", "te", "de", "ten", "den", "end", "ende"].iter().any(|end| {
        word.strip_suffix(end).is_some_and(|stem| takes_past(stem, end) && has_infinitive(stem))
    }) || is_separable_participle(word)
        || is_prefixed_participle(word)
}

/// The participle of a verb with an unstressed prefix, which takes no
/// `ge-` (`verstoord` of `verstoren`, `bereid` of `bereiden`), not a
/// compound of `verst` and `oord`.
fn is_prefixed_participle(word: &str) -> bool {
    ["be", "ver", "ont", "her"].iter().any(|p| word.starts_with(p))
        && word.strip_suffix('d').is_some_and(|stem| takes_past(stem, "de") && has_infinitive(stem))
}

/// Whether the ending `end` fits the verb stem `stem` by the spelling rule
/// of the weak past ('t kofschip): `-te(n)` after a voiceless consonant
/// (`zette`, `kookte`), `-de(n)` after anything else (`warmde`, `reisde`:
/// `f` and `s` may stand for a voiced `v`, `z`). `warmte`, `lengte` and
/// `ruimte` are therefore nouns, not pasts of `warmen`, `lengen`,
/// `ruimen`. Other endings fit every stem.
fn takes_past(stem: &str, end: &str) -> bool {
    let Some(last) = stem.chars().last() else {
        return false;
    };
    match end {
        "te" | "ten" => "tkfspchx".contains(last),
        "de" | "den" => !"tkpchx".contains(last),
        _ => true,
    }
}

/// A verb borrowed with `-eren` (`extraheren`, `preserveren`,
/// `modelleren`: its `-eert` or `-eerde` is listed), a simplex word and no
/// compound of `extra` and `heren` or `model` and `leren` — unless the
/// lexicon marks it as a noun's plural too. Nouns in `-eren` (`lammeren`,
/// `kwartieren`) have no such forms. Its adjective in `-eerbaar` is one
/// word too (`traceerbaar`).
pub fn is_romance_verb(word: &str) -> bool {
    if let Some(stem) =
        ["eerbaarheid", "eerbaar", "eerbare"].iter().find_map(|end| word.strip_suffix(end))
    {
        // Its adjective in -eerbaar (`traceerbaar`, no `trac+eerbaar`).
        return is_romance_verb(&format!("{stem}eren"));
    }
    word.strip_suffix("eren")
        .is_some_and(|stem| listed(&format!("{stem}eert")) || listed(&format!("{stem}eerde")))
        && !is_noun_plural(word)
}

/// The plural of a listed noun (`velden`, `poten`, `gevallen`). A past
/// tense is listed with its plural (`escorteerde`, `escorteerden`), which
/// makes it look like a noun; it is none.
fn is_noun_plural(word: &str) -> bool {
    // `gevallen`: the lexicon marks no plural with a doubled consonant.
    let doubled_noun = |stem: &str| {
        let single = undouble(stem);
        single.len() < stem.len() && single.len() >= 3 && listed(&single) && !is_past(&single)
    };
    is_marked_plural(word) || word.strip_suffix("en").is_some_and(doubled_noun)
}

/// The plural of a noun the lexicon marks as having one (`vrijkaarten`
/// of `vrijkaart`), doubled consonants left out: `stopzetten` is no
/// plural of the verb form `stopzet`.
fn is_marked_plural(word: &str) -> bool {
    let noun = |w: &str| {
        w.len() >= 3 && lexicon::lookup(w).is_some_and(|e| e.is(LOWER | PLURAL)) && !is_past(w)
    };
    ["en", "s", "n"]
        .iter()
        .any(|end| word.strip_suffix(end).is_some_and(|stem| noun(stem) || noun(&undouble(stem))))
}

/// A form of a separable verb whose particle is written on: a particle,
/// an adverb or adjective used as one, before an infinitive
/// (`klaarliggen`, `achteroverliggen`, `goedleven`), the past of a strong
/// verb (`klaarkreeg`, `stilhield`, `blootstonden`) or a present
/// participle (`voorafgaande`), or the verb's agent or `-ing` noun
/// (`goedmaker`). Such a word is a verb or its derivation, not a compound
/// of `klaar` and `kreeg`. The plural of a listed noun is no infinitive
/// (`vrijkaarten`: `vrijkaart`).
pub fn is_separable_verb(word: &str) -> bool {
    let verb_after = |particle: &str| {
        word.strip_prefix(particle).filter(|verb| verb.chars().count() >= 3).is_some_and(|verb| {
            is_strong_past(verb)
                || is_infinitive(verb) && (!is_marked_plural(word) || has_listed_present(word))
                || is_present_tense(verb)
                || is_present_participle(verb)
                || is_verbal_noun_of(particle, verb)
                || is_weak_past_of(particle, verb)
        })
    };
    PARTICLES.iter().chain(ADVERBIAL_PARTICLES).any(|p| verb_after(p))
}

/// Whether the infinitive `word` has its present singular listed
/// (`doodbloedt` of `doodbloeden`, `vrijkomt` of `vrijkomen`): a verb,
/// even where the lexicon lists its stem like a noun with a plural
/// (`doodbloed`); nouns have no such form (`vrijkaartt`).
fn has_listed_present(word: &str) -> bool {
    word.strip_suffix("en").is_some_and(|stem| {
        respellings(stem).iter().any(|s| !s.ends_with('t') && listed(&format!("{s}t")))
    })
}

/// A present singular (`geeft`, `slaat`): a listed verb's stem and `-t`,
/// and no noun with a listed plural (`kaart`, `staat`, `kist`: `deelstaat`
/// and `vrijkaart` are compounds).
fn is_present_tense(word: &str) -> bool {
    word.strip_suffix('t')
        .is_some_and(|stem| has_infinitive(stem) || is_infinitive(&format!("{stem}n")))
        && lexicon::lookup(word).is_none_or(|e| !e.is(PLURAL))
}

/// A present participle (`gaande`, `lopend`): an infinitive and `-d` or
/// `-de`.
fn is_present_participle(word: &str) -> bool {
    ["de", "d"].iter().filter_map(|end| word.strip_suffix(end)).any(is_infinitive)
}

/// Whether `rest` is an agent noun or an `-ing` noun whose verb, with
/// `particle` written on, is a listed separable verb: `goedmaker` of
/// `goedmaken`, `klaarmakers` of `klaarmaken`; these are derivations of
/// the verb, not compounds of `goed` and `maker`.
fn is_verbal_noun_of(particle: &str, rest: &str) -> bool {
    ["ingen", "ing", "sters", "ster", "ers", "er"]
        .iter()
        .filter_map(|end| rest.strip_suffix(end))
        .filter_map(infinitive)
        .any(|verb| listed(&format!("{particle}{verb}")))
}

/// Whether `rest` is the weak past of a verb that with `particle` is a
/// listed separable verb (`klaar` + `maakten` of `klaarmaken`, `beet` +
/// `pakten`); `voor+steden` is no `voorsteen`.
fn is_weak_past_of(particle: &str, rest: &str) -> bool {
    ["ten", "den", "te", "de"].iter().any(|end| {
        rest.strip_suffix(end).is_some_and(|stem| {
            takes_past(stem, end)
                && infinitive(stem).is_some_and(|verb| listed(&format!("{particle}{verb}")))
        })
    })
}

/// Whether `word` is an `-ing` noun or an agent noun (`-aar`, `-ster`) of
/// a listed verb: a derivation of that verb, not a compound, whatever
/// its letters spell (`verrukking` is `verrukken` + `-ing`, no
/// `verruk+king`; `onderhandelaars` no `onderhand+laars`;
/// `belangstelling` is `belangstellen` + `-ing`, no `belang+stelling`);
/// `aardbeving` is no listed verb's noun, so `aard+beving` stands.
pub fn is_verbal_noun(word: &str) -> bool {
    ["ingen", "ing", "aars", "aren", "aar", "sters", "ster"]
        .iter()
        .find_map(|end| word.strip_suffix(end))
        .is_some_and(has_infinitive)
        || is_stem_noun_of_particle_verb(word)
}

/// Whether `word` is the noun of `gaan`, `staan` or `slaan` with the
/// particle of a listed separable verb before it (`achteruitgang` of
/// `achteruitgaan`, `stilstand` of `stilstaan`, `neerslag` of
/// `neerslaan`): a derivation, not `achteruit+gang`. `waterstand` stays a
/// compound: `waterstaan` is no verb.
fn is_stem_noun_of_particle_verb(word: &str) -> bool {
    const NOUNS: &[(&str, &str)] = &[
        ("gangen", "gaan"),
        ("gang", "gaan"),
        ("standen", "staan"),
        ("stand", "staan"),
        ("slagen", "slaan"),
        ("slag", "slaan"),
    ];
    NOUNS.iter().any(|(noun, verb)| {
        word.strip_suffix(noun)
            .is_some_and(|particle| !particle.is_empty() && listed(&format!("{particle}{verb}")))
    })
}

/// Whether `word` is a number written out (`honderdvijftig`,
/// `tweeentwintigste`, folded from `tweeëntwintigste`): Dutch writes
/// numbers as one word, and they are no compounds.
pub fn is_numeral(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
        "twintig",
        "dertig",
        "veertig",
        "vijftig",
        "zestig",
        "zeventig",
        "tachtig",
        "negentig",
        "honderd",
        "duizend",
        "miljoen",
        "miljard",
        "anderhalf",
        "anderhalve",
    ];
    // An ordinal (`-ste`, `-de`), a plural (`duizenden`), a multiple
    // (`tienmaal`) or a group (`vijftiental`, `tientallen`) of one.
    std::iter::once(word)
        .chain(
            ["ste", "de", "en", "maal", "tal", "tallen"]
                .iter()
                .filter_map(|end| word.strip_suffix(end)),
        )
        .any(|w| is_run_of_numbers(w, NUMBERS))
}

/// Whether `word` is `numbers` one after another, `en` allowed between
/// them (`vijfenzeventig`).
fn is_run_of_numbers(word: &str, numbers: &[&str]) -> bool {
    // reach[i]: `word[..i]` is a run of numbers.
    let mut reach = vec![false; word.len() + 1];
    reach[0] = true;
    for from in 0..word.len() {
        if !reach[from] {
            continue;
        }
        for number in numbers {
            let rest = &word[from..];
            if rest.starts_with(number) {
                reach[from + number.len()] = true;
            }
            if from > 0 && rest.strip_prefix("en").is_some_and(|r| r.starts_with(number)) {
                reach[from + 2 + number.len()] = true;
            }
        }
    }
    reach[word.len()]
}

/// A listed infinitive: the infinitive of its own stem (`liggen` of
/// `lig`, `leven` of `leef`), or one of the short irregular ones.
fn is_infinitive(word: &str) -> bool {
    const SHORT: &[&str] = &["gaan", "staan", "slaan", "zien", "doen", "zijn", "hebben"];
    SHORT.contains(&word)
        || word.strip_suffix("en").is_some_and(|stem| {
            respellings(stem).iter().any(|s| infinitive(s).as_deref() == Some(word))
        })
}

/// A past tense of a strong or irregular verb, singular or plural
/// (`kreeg`, `kregen`, `stonden`): [`STRONG_PASTS`], whose plurals are
/// recognised by the spelling rules of [`respellings`].
pub fn is_strong_past(word: &str) -> bool {
    STRONG_PASTS.contains(&word)
        || word.strip_suffix("en").is_some_and(|stem| {
            let forms = respellings(stem);
            let past = |s: &String| STRONG_PASTS.contains(&s.as_str());
            // `namen` is the plural of `naam` before it is the past of
            // `nemen`, `lagen` of `laag` before the past of `liggen`.
            forms.iter().any(past) && !forms.iter().any(|s| !past(s) && listed(s))
        })
}

/// Adjectives, adverbs and nouns that are written on to a verb like a
/// particle (`klaarleggen`, `stilhouden`, `doodslaan`, `plaatsvinden`,
/// `deelnemen`, `voorafgaan`).
const ADVERBIAL_PARTICLES: &[&str] = &[
    "vooraan",
    "vreemd",
    "lastig",
    "vooraf",
    "tentoon",
    "waar",
    "plaats",
    "deel",
    "ineen",
    "klaar",
    "goed",
    "stil",
    "bloot",
    "dood",
    "vrij",
    "kapot",
    "schoon",
    "leeg",
    "vol",
    "gelijk",
    "kwijt",
    "zoek",
    "mis",
    "fijn",
    "glad",
    "hard",
    "kort",
    "bekend",
    "bijeen",
    "uiteen",
    "achterover",
    "voorover",
    "teniet",
    "tegemoet",
    "terecht",
    "stuk",
    "plat",
    "wakker",
    "gade",
    "teleur",
    "gerust",
    "beet",
    "dwars",
    "verder",
    "kenbaar",
    "lam",
    "stop",
    "zwart",
    "wit",
    "groot",
    "recht",
];

/// The past singulars of the common strong and irregular verbs, without
/// the ones that are also common nouns or adjectives (`bad`, `was`,
/// `stal`, `week`, `bond`, `vroeg`, `streek`, `sprong`, `sloot`, `vocht`).
const STRONG_PASTS: &[&str] = &[
    "kreeg", "bleef", "schreef", "reed", "keek", "meed", "zweeg", "dreef", "wreef", "prees",
    "bood", "vloog", "zoog", "kroop", "schoof", "snoof", "verloor", "koos", "vroor", "zong",
    "vond", "won", "begon", "zonk", "stonk", "klonk", "dwong", "drong", "zwom", "smolt", "zwol",
    "hielp", "gaf", "lag", "zat", "trad", "vergat", "liep", "sliep", "viel", "hield", "riep",
    "ving", "hing", "liet", "hief", "wierp", "stierf", "droeg", "sloeg", "joeg", "woog", "stond",
    "ging", "deed", "zag", "kwam", "nam", "brak", "sprak", "trok", "zocht", "kocht", "dacht",
    "bracht", "werd", "blies", "schold", "smeet", "bewoog", "schiep", "dook", "zoop",
];

/// The participle of a listed separable verb: `gereedgezet` of
/// `gereedzetten`, `opgeruimd` of `opruimen` (particle, `ge`, the stem and
/// `t` or `d`), or a listed strong one after a particle (`uitgevlogen`).
fn is_separable_participle(word: &str) -> bool {
    word.match_indices("ge").filter(|&(at, _)| at >= 2).any(|(at, _)| {
        let (particle, rest) = (&word[..at], &word[at + 2..]);
        // A strong participle after a particle (`uitgevlogen`, `weggegaan`,
        // `stilgestaan`).
        let particle_like =
            PARTICLES.contains(&particle) || ADVERBIAL_PARTICLES.contains(&particle);
        if particle_like && rest.ends_with('n') && listed(word) {
            return true;
        }
        let Some(stem) = rest.strip_suffix('t').or_else(|| rest.strip_suffix('d')) else {
            return false;
        };
        // A weak one of a listed verb, when the participle is listed
        // (`weggeschrapt`: the word list leaves `wegschrappen` out).
        if particle_like && listed(word) && infinitive(stem).is_some() {
            return true;
        }
        [infinitive(stem), infinitive(rest)]
            .into_iter()
            .flatten()
            .any(|verb| listed(&format!("{particle}{verb}")))
    })
}

/// Particles of separable verbs (`uit` in `uitvliegen`, `uitgevlogen`).
/// The decompounder takes them as bound forms, no parts, except the ones
/// that are words too (`weg+restaurant`).
pub const PARTICLES: &[&str] = &[
    "aan",
    "af",
    "bij",
    "door",
    "in",
    "mee",
    "na",
    "om",
    "onder",
    "op",
    "over",
    "toe",
    "uit",
    "voor",
    "achter",
    "terug",
    "weg",
    "samen",
    "tegen",
    "neer",
    "vast",
    "los",
    "open",
    "dicht",
    "heen",
    "langs",
    "rond",
    "thuis",
    "voorbij",
    "achteruit",
    "vooruit",
    "omhoog",
    "omlaag",
    "tegenover",
    "overeen",
    "teweeg",
    "tegenaan",
];

/// A weak past tense (`escorteerde`, `barstte`): a listed verb's stem and
/// `-te` or `-de`.
fn is_past(word: &str) -> bool {
    ["te", "de"].iter().any(|end| {
        word.strip_suffix(end).is_some_and(|stem| takes_past(stem, end) && has_infinitive(stem))
    })
}

/// A bare verb stem (`preserveer`, `ik preserveer`): its infinitive and its
/// `-t` form are listed. The caller rules out nouns (a listed plural).
pub fn is_verb_stem(word: &str) -> bool {
    listed(&format!("{word}t")) && has_infinitive(word)
}

/// Whether the verb stem `stem` (`schop`, `annexeer`, `leef`) has its
/// infinitive in the lexicon.
pub fn has_infinitive(stem: &str) -> bool {
    infinitive(stem).is_some()
}

/// The listed infinitive of the verb stem `stem`: `stem + en`, with a
/// doubled consonant after a short vowel (`schoppen`), one vowel of a long
/// one dropped (`annexeren`), or `f`/`s` voiced (`leven`, `reizen`).
fn infinitive(stem: &str) -> Option<String> {
    with_vowel_ending(stem, "en")
}

/// `stem` with an ending that starts with a vowel (`-en`, `-e`, `-er`),
/// spelled as the lexicon lists it: the consonant doubled after a short
/// vowel (`vol` → `volle`), a long vowel written single (`hoog` →
/// `hoger`), `f` and `s` voiced (`leef` → `leven`); `None` when no such
/// form is listed or the stem is shorter than three letters.
pub fn with_vowel_ending(stem: &str, ending: &str) -> Option<String> {
    if stem.chars().count() < 3 {
        return None;
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let mut forms = vec![format!("{stem}{ending}"), format!("{stem}{}{ending}", chars[n - 1])];
    if n >= 3 && chars[n - 2] == chars[n - 3] {
        let mut short: String = chars[..n - 2].iter().collect();
        short.push(chars[n - 1]);
        forms.push(format!("{short}{ending}"));
    }
    let voiced = match chars[n - 1] {
        'f' => Some('v'),
        's' => Some('z'),
        _ => None,
    };
    if let Some(v) = voiced {
        let base: String = chars[..n - 1].iter().collect();
        forms.push(format!("{base}{v}{ending}"));
    }
    forms.into_iter().find(|f| listed(f))
}

/// `pott` → `pot`: a stem before `-en` may double its last consonant.
fn undouble(stem: &str) -> String {
    let mut chars: Vec<char> = stem.chars().collect();
    if chars.len() >= 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        chars.pop();
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_of_plurals_diminutives_and_respelled_stems() {
        for (word, want) in [
            ("pollepels", "pollepel"),
            ("pastoraten", "pastoraat"),
            ("ziekenhuizen", "ziekenhuis"),
            ("steelpannetje", "steelpan"),
            ("flanelletje", "flanel"),
            ("vluchtelingen", "vluchteling"),
        ] {
            assert_eq!(base(word).as_deref(), Some(want), "{word}");
        }
        assert_eq!(base("kamp"), None, "no ending");
        assert_eq!(base("xqzwven"), None, "no listed base");
    }

    #[test]
    fn verb_forms_and_stems() {
        assert!(is_verb_form("annexeert") && is_verb_form("gemaakt"));
        assert!(!is_verb_form("velden"), "the plural of a listed noun");
        assert!(
            is_verb_form("escorteerden"),
            "a past plural, though escorteerde looks like a noun"
        );
        assert!(is_verb_form("gezet") && is_verb_form("geslagen"), "weak t-stem and strong");
        assert!(is_verb_form("gereedgezet"), "the participle of gereedzetten");
        assert!(is_verb_form("uitgevlogen"), "a strong participle after a particle");
        assert!(!is_verb_form("gevallen") && !is_verb_form("vechtsport"), "nouns");
        assert!(is_verb_form("kookte") && is_verb_form("warmde") && is_verb_form("reisde"));
        assert!(!is_verb_form("warmte") && !is_verb_form("lengte"), "-te after m, g: nouns");
        assert!(is_verb_stem("preserveer"));
        assert!(!is_verb_stem("oorlog"), "oorlogt is no listed form");
    }

    #[test]
    fn separable_verbs_with_a_written_on_particle() {
        assert!(is_separable_verb("klaarliggen") && is_separable_verb("goedleven"), "infinitives");
        assert!(
            is_separable_verb("klaarkreeg") && is_separable_verb("stilhielden"),
            "strong pasts"
        );
        assert!(!is_separable_verb("vrijkaarten"), "the plural of vrijkaart");
        assert!(!is_separable_verb("klaarover"), "no verb after the particle");
        assert!(is_separable_verb("goedmaker"), "the agent noun of goedmaken");
        assert!(is_separable_verb("ineenvloeien"));
        assert!(is_strong_past("kreeg") && is_strong_past("kregen") && is_strong_past("stonden"));
        assert!(!is_strong_past("namen"), "the plural of naam");
        assert!(!is_strong_past("streek") && !is_strong_past("sprong"), "nouns first");
    }
}
