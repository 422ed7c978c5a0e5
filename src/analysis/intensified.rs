//! Intensified adjectives: `gloednieuw`, `spiernaakt`, `ijskoud`,
//! `hondsbrutaal`.
//!
//! Owns the closed lists of intensifiers and of the adjectives they go
//! with, and the check the decompounder makes on a split: such a word means
//! "very new", "very naked", not a compound of `gloed` or `spier`, so a
//! search for `spier` must not find it. The same words before a noun are
//! ordinary parts (`ijs+beer`, `bloed+druk`); the word list does not say
//! which words are adjectives, hence the closed lists.

use super::inflection::respellings;

/// Nouns and adjectives that, written before an adjective, only say
/// "very" (ANS: versterkende samenstellingen): `gloed+nieuw`,
/// `ijs+koud`, `pimpel+paars`, `honds+brutaal`, `doods+bang`. Such a word
/// is no compound ([`is_intensified_adjective`]); before a noun they are
/// ordinary parts (`ijs+beer`, `bloed+bad`). Left out: words that make real
/// compounds with adjectives (`vuur+vast`, `sneeuw+zeker`, `hart+verscheurend`).
const INTENSIFIERS: &[&str] = &[
    "ape", "apen", "beeld", "bere", "beren", "bliksem", "bloed", "dol", "dood", "doods", "git",
    "glas", "gloed", "gort", "goud", "haar", "hagel", "honds", "ijs", "ijzer", "inkt", "kakel",
    "kei", "kern", "klink", "knal", "knetter", "knots", "kots", "kraak", "kristal", "kurk", "loei",
    "lood", "mier", "moeder", "nagel", "oer", "pek", "peper", "piep", "pijl", "pik", "pimpel",
    "pot", "reuze", "reuzen", "smoor", "snik", "snoei", "spier", "spik", "splinter", "spot",
    "staal", "stapel", "steen", "stik", "stok", "stom", "straal", "stront", "vlijm", "wild",
    "zeik", "zonne",
];

/// The adjectives intensifiers go with. A closed list: many adjectives are
/// nouns or verbs too (`druk`, `straf`, `laag`, `punt` — `bloed+druk`,
/// `dood+straf`, `ijs+laag`), and the word list does not say which a
/// word is; tried first, telling an adjective by its listed `-e` and `-er`
/// forms lost such nouns.
#[rustfmt::skip]
const INTENSIFIED: &[&str] = &[
    "koud", "heet", "warm", "hard", "zacht", "nieuw", "oud", "droog", "nat", "gek", "moe", "ziek",
    "stil", "bang", "naakt", "leeg", "sterk", "zwaar", "klein", "groot", "snel", "scherp", "helder",
    "duur", "goedkoop", "zoet", "zuur", "lelijk", "mooi", "schoon", "brutaal", "trouw", "dronken",
    "serieus", "normaal", "gewoon", "simpel", "eenvoudig", "saai", "trots", "blij", "gelukkig",
    "ongelukkig", "link", "eng", "nerveus", "benauwd", "bleek", "dom", "doof", "stijf", "dicht",
    "fijn", "jong", "gezond", "misselijk", "jaloers", "donker", "vreemd", "verliefd", "ernstig",
    "beroerd", "vervelend", "verbaasd", "vies", "lekker", "glad", "dun", "dik", "eerlijk",
    "degelijk", "slecht", "goed", "leuk", "raar", "bezopen", "net", "klaar", "graag", "vers",
];

/// Colours, intensified only by [`COLOUR_INTENSIFIERS`]: after a material
/// they name a shade (`lood+wit`, `staal+blauw`, `ijs+blauw`).
const COLOURS: &[&str] = &[
    "rood", "geel", "groen", "blauw", "zwart", "wit", "grijs", "paars", "roze", "bruin", "oranje",
];

/// Intensifiers of colours (`knal+rood`, `pimpel+paars`, `spier+wit`,
/// `pik+zwart`).
const COLOUR_INTENSIFIERS: &[&str] = &["knal", "pimpel", "spier", "pik", "git", "inkt"];

/// Whether every part of `word` before its head is an intensifier as
/// written ([`INTENSIFIERS`]) and the head an adjective they go with: `spier+naakt`
/// is "very naked", `honds+brutale` "very cheeky", no compound of `spier`
/// or `hond` (`hond+vriendelijk` is: `hond` without `s` intensifies
/// nothing).
pub(super) fn is_intensified_adjective(word: &str, spans: &[(usize, usize)]) -> bool {
    let (head, modifiers) = spans.split_last().expect("a split has parts");
    let written = |i: usize| &word[modifiers[i].0..spans[i + 1].0];
    let all_in = |list: &[&str]| (0..modifiers.len()).all(|i| list.contains(&written(i)));
    let head = &word[head.0..];
    all_in(INTENSIFIERS) && is_form_of(head, INTENSIFIED)
        || all_in(COLOUR_INTENSIFIERS) && is_form_of(head, COLOURS)
}

/// Whether `head` is one of `adjectives` or its form with `-e` (`bange`,
/// `natte`, `dure`, `grijze`).
fn is_form_of(head: &str, adjectives: &[&str]) -> bool {
    adjectives.iter().any(|adj| *adj == head || is_e_form(head, adj))
}

/// Whether `head` is `adj` + `-e`: the stem before the `-e`, written as it
/// stands alone ([`respellings`]: `natt` → `nat`, `dur` →
/// `duur`, `grijz` → `grijs`, `dov` → `doof`), is `adj`. A consonant is
/// doubled only after a short vowel: `grootte` is no form of `groot`.
fn is_e_form(head: &str, adj: &str) -> bool {
    head.strip_suffix('e').is_some_and(|stem| {
        !doubled_after_two_vowels(stem) && respellings(stem).iter().any(|s| s == adj)
    })
}

/// `groott`: a doubled last consonant after two vowels.
fn doubled_after_two_vowels(stem: &str) -> bool {
    let vowel = |c: char| "aeiou".contains(c);
    let c: Vec<char> = stem.chars().rev().take(4).collect();
    c.len() == 4 && c[0] == c[1] && !vowel(c[0]) && vowel(c[2]) && vowel(c[3])
}
