//! What a word is, as far as splitting goes: bound forms that are never
//! parts (prefixes, suffixes, particles), and words that split only by
//! their letters because they are derivations or forms of a whole word
//! (`superspion`, `schadelijker`, `kruimelig`, `stomweg`).
//!
//! Owns the lists of bound forms; the parent asks these questions of a word
//! and its split, [`super::search`] of every candidate part.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::{Span, spans};
use crate::analysis::inflection::{PARTICLES, is_verb_form, listed, with_vowel_ending};
use crate::analysis::lexicon::{self, PLURAL};

/// Prefixes, suffixes and adverbs that are not parts of a compound,
/// besides the particles of separable verbs ([`is_bound`]).
const BOUND: &[&str] = &[
    "ver", "be", "ont", "her", "ge", "mis", "heid", "heden", "ing", "ingen", "lijk", "lijke",
    "isch", "ische", "baar", "bare", "schap", "ster", "sters", "tje", "tjes", "achtig", "loos",
    "zaam", "erij", "ling", "lingen", "ig", "ige", "ter", "tie", "ties", "ist", "isten", "eren",
    "aal", "ief", "ieve", "abel", "abele", "ibel", "ibele", "mede", "weder", "weer", "tussen",
    "boven", "beneden", "binnen", "buiten", "voort", "trans", "erop", "eraan", "erin", "ervan",
    "ermee", "erover", "eruit", "erbij", "ertoe", "erdoor", "ervoor", "erna", "eronder", "eraf",
    "erom", "ertegen", "sief", "sieve", "zeer",
];

/// Stressed prefixes, mostly Greek and Latin, that make derivations of
/// whole words (`superspion`, `superbeleggers`: no `supers+pion`,
/// `superbe+leggers`). Bound forms ([`is_bound`]). `trans` is not among
/// them: `transvet+zuren` is a compound.
const STRESSED_PREFIXES: &[&str] = &[
    "mega", "micro", "mono", "poly", "hypo", "aarts", "aller", "opper", "para", "vice", "infra",
    "super", "techno", "macro", "hyper", "ultra", "pseudo", "semi", "neo", "multi", "anti",
    "contra", "extra",
];

/// Greek and Latin combining forms that end words and are no heads
/// (`foto+grafisch`, `porno+grafische`, `radio+loog`; `grafiek` is a word).
const COMBINING_FORMS: &[&str] = &[
    "grafie",
    "grafisch",
    "grafische",
    "logie",
    "logisch",
    "logische",
    "cratie",
    "cratisch",
    "cratische",
    "loog",
    "logen",
];

/// Rare words that are never parts but often look like one: the linker
/// `s` and a common head (`seis` in `kwaliteit+s+eisen`, `veiligheid+s+eisen`).
const NOT_PARTS: &[&str] = &["seis"];

/// Particles of separable verbs that are words too and may be parts
/// (`weg+restaurant`).
const FREE_PARTICLES: &[&str] = &["weg", "dicht", "heen", "voorbij"];

/// Whether `part` is a bound form, never a compound part: a prefix, a
/// suffix, a particle of a separable verb or two of them (`aan+val`,
/// `veilig+heid`, `vooraan`).
///
/// One set lookup: the decompounder asks it of every candidate part.
pub(super) fn is_bound(part: &str) -> bool {
    static ALL: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
        let free = PARTICLES.iter().filter(|p| !FREE_PARTICLES.contains(p));
        BOUND
            .iter()
            .chain(STRESSED_PREFIXES)
            .chain(NOT_PARTS)
            .chain(COMBINING_FORMS)
            .chain(free)
            .map(|w| w.to_string())
            .chain(double_particles())
            .collect()
    });
    ALL.contains(part)
}

/// Two particles written as one adverb (`vooraan`, `achterin`,
/// `onderdoor`, `voorover`): no part, so `voor+aanzicht` is not read as
/// `vooraan+zicht`. The first particle has three letters or more: `op+los`
/// is a verb's stem (`oplos+middel`), `in+door` English (`indoor+banen`).
fn double_particles() -> impl Iterator<Item = String> {
    let firsts = PARTICLES.iter().filter(|first| first.len() >= 3);
    firsts.flat_map(|first| PARTICLES.iter().map(move |then| format!("{first}{then}")))
}

/// Whether `word` is listed and does not split: a unit that prefixes,
/// suffixes and neighbouring parts attach to as a whole.
pub(super) fn is_whole_word(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    listed(word) && spans(word, is_place).is_none()
}

/// Whether `word` is a listed word of four letters or more that does not
/// split, with one of `endings` and `stem_ok(stem)`: a derivation or form
/// of a whole word, not a compound.
fn is_whole_word_with(
    word: &str,
    endings: &[&str],
    stem_ok: impl Fn(&str) -> bool,
    is_place: &dyn Fn(&str) -> bool,
) -> bool {
    endings.iter().any(|end| {
        word.strip_suffix(end).is_some_and(|stem| {
            stem.chars().count() >= 4 && stem_ok(stem) && is_whole_word(stem, is_place)
        })
    })
}

/// A noun in `-heid` of a listed word that does not split
/// (`walgelijkheid` of `walgelijk`, not `wal+gelijkheid`).
pub(super) fn is_heid_derivation(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    is_whole_word_with(word, &["heid", "heden"], |_| true, is_place)
}

/// The comparative or superlative of an adjective that does not split
/// (`schadelijker`, `nauwkeurigere`, `noodzakelijkste` of `schadelijk`,
/// `nauwkeurig`, `noodzakelijk`; not `scha+del+ijker`): a form of a whole
/// word. An adjective is told from a noun by its inflected `-e` form being
/// listed (`landbouw+er` is no comparative: `landbouwe` is no word).
pub(super) fn is_graded_adjective(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    let adjective = |stem: &str| listed(&format!("{stem}e"));
    is_whole_word_with(word, &["ere", "er", "ste", "st"], adjective, is_place)
}

/// An adjective in `-ig` (or its forms and its `-heid` noun) of a listed
/// word that does not split (`kruimelig` of `kruimel`, `bezitterige` of
/// `bezitter`; not `krui+melig`, `bezit+terige`).
pub(super) fn is_ig_derivation(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    let endings = ["igheid", "igste", "igere", "iger", "ige", "ig"];
    is_whole_word_with(word, &endings, |_| true, is_place)
}

/// A present participle with an adjective's or a noun's ending: `-e`,
/// `-en`, `-er`, `-ere`, `-st`, `-ste` (`rechtverkrijgenden`,
/// `omvattender`): a verb form, as the participle itself is.
pub(super) fn is_inflected_present_participle(word: &str) -> bool {
    ["e", "en", "er", "ere", "st", "ste"].iter().any(|end| {
        word.strip_suffix(end)
            .is_some_and(|participle| participle.ends_with("end") && is_verb_form(participle))
    })
}

/// A word made of an unstressed prefix (or the negating `on`) or one of
/// [`STRESSED_PREFIXES`] and a listed word that does not split itself
/// (`betekenen` of `tekenen`, `verstappen` of `stappen`, `onvrijwillige`
/// of `vrijwillige`, `superspion` of `spion`): a derivation, whatever else
/// its letters spell (`bete+kenen`, `vers+tappen`, `supers+pion`).
/// `gevechtsport` is no such word: `vechtsport` splits.
pub(super) fn is_prefix_derivation(word: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    let unstressed = ["be", "ge", "ver", "ont", "her", "on"];
    unstressed.iter().chain(STRESSED_PREFIXES).any(|prefix| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.chars().count() >= 4 && is_whole_word(rest, is_place))
    })
}

/// Whether `word` is `post` before a Latinate adjective or `-isme` noun,
/// the Latin prefix, not the noun `post` (mail): `postmodern`,
/// `posttraumatische`, `postkoloniaal`, `postimpressionist` are
/// derivations; `post+kantoor`, `post+bode` are compounds.
pub(super) fn is_latin_prefix_word(word: &str, spans: &[Span]) -> bool {
    const LATINATE: &[&str] = &[
        "aal", "ale", "isch", "ische", "ief", "ieve", "air", "aire", "eel", "ele", "ern", "erne",
        "isme", "ist", "isten",
    ];
    spans.len() == 2
        && &word[..spans[1].0] == "post"
        && LATINATE.iter().any(|end| word.ends_with(end))
}

/// Whether the head starting at byte `head` is the end of a suffix, not a
/// word: the `rij` of `-erij` (`zetterijen` is `zetten` + `-erij`, no
/// `zette+rijen`; `boerterij` no `boert+e+rij`) or the `uur` of the Latin
/// `-ectuur` (`prefectuur`, `architectuur` are no `prefect+uur`), or the
/// `lang` of a span of time (`eeuwenlang`, `urenlange`: an adverb, no
/// `eeuw+lang`), or the endings `-alist` (`generalist`) and, of adverbs,
/// `-erwijs` after an adjective (`logischerwijs`, `normalerwijze`; not
/// `vervoer+wijze`), `-shalve` (`gemakshalve`) and `-deels` (`goeddeels`).
pub(super) fn is_suffix_head(word: &str, head: usize) -> bool {
    let (before, rest) = word.split_at(head);
    matches!(rest, "rij" | "rijen") && before.ends_with('e')
        || matches!(rest, "uur" | "uren") && before.ends_with("ect")
        || matches!(rest, "lang" | "lange") && before.ends_with("en")
        || matches!(rest, "list" | "listen") && before.ends_with('a')
        || matches!(rest, "wijs" | "wijze")
            && ["lijker", "ischer", "iger", "ender", "aler"].iter().any(|e| before.ends_with(e))
        || rest == "halve" && before.ends_with('s')
        || rest == "deels"
        || rest == "weg"
            && is_adjective(before)
            && !lexicon::lookup(word).is_some_and(|e| e.is(PLURAL))
}

/// Whether `stem` is an adjective: its inflected, comparative and
/// superlative forms are listed (`koud`: `koude`, `kouder`, `koudst`;
/// `vol`: `volle`, `voller`, `volst`; not `dienst`, though `dienste` and
/// `dienster` are listed).
fn is_adjective(stem: &str) -> bool {
    is_gradable(stem) && (listed(&format!("{stem}st")) || listed(&format!("{stem}ste")))
}

/// Whether the inflected and the comparative form of `stem` are listed
/// (`volle` and `voller`, `hoge` and `hoger`), as of an adjective.
pub(super) fn is_gradable(stem: &str) -> bool {
    ["e", "er"].iter().all(|end| with_vowel_ending(stem, end).is_some())
}
