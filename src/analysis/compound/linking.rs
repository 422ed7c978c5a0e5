//! Where a linking `s` belongs once a word is split: to the modifier whose
//! word it spells (`kruis+punt`, `beurs+gang`), or to nobody after a
//! derivation that takes it (`overheid+s+taak`, `koning+s+paar`).
//!
//! Owns the two rules and their frequency margins; it moves span borders
//! and never changes whether a word splits.

use super::Span;
use crate::analysis::inflection::{has_infinitive, is_verb_stem};
use crate::analysis::lexicon::{self, LOWER, PLURAL};

/// How much more often a modifier with an `s` must be used than without
/// it to keep the `s` ([`with_own_s`]), and a head without its `s` than
/// with it to give the `s` up ([`with_linking_s`]).
const OWN_S_ZIPF: f64 = 1.0;

/// How much rarer a head without its `s` may be and still give the `s` up
/// when the head with it is no noun ([`with_linking_s`]).
const LINKING_S_NEAR_ZIPF: f64 = 0.5;

/// Each modifier whose linking `s` belongs to it given to it: a modifier
/// that with the `s` spells a word much commoner than itself, and not a
/// plural in `-s`, is that word (`kruis+punt`, not `krui+s+punt`: `krui`
/// is a verb stem; `beurs+gang`, `koers+daling`, `fitness+centrum`), while
/// `oorlog+s+misdaden` and `asielzoeker+s+centrum` keep the linker.
pub(super) fn with_own_s(word: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for i in 0..spans.len() - 1 {
        let (from, to) = spans[i];
        if spans[i + 1].0 != to + 1 || !word[to..].starts_with('s') {
            continue;
        }
        let (bare, with_s) = (&word[from..to], &word[from..=to]);
        let (Some(b), Some(w)) = (lexicon::lookup(bare), lexicon::lookup(with_s)) else {
            continue;
        };
        // `bewoners`, `poffertjes`: a plural in -s, whose s is a linker
        // (an unstressed -er, an -aar agent: `koer+s` is `koers`, `kaar+s`
        // is `kaars`).
        let plural = ["el", "em", "en", "e"].iter().any(|e| bare.ends_with(e))
            || bare.ends_with("aar") && bare.chars().count() >= 5
            || bare
                .strip_suffix("er")
                .is_some_and(|stem| stem.chars().last().is_some_and(|c| !"aeiou".contains(c)));
        if w.is(LOWER) && !plural && w.frequency() >= b.frequency() + OWN_S_ZIPF {
            spans[i].1 = to + 1;
        }
    }
    spans
}

/// Each head that starts with `s` after a derivation that takes a linking
/// `s` ([`takes_linking_s`]) given that `s` as the linker when the head
/// without it is a word used at least [`OWN_S_ZIPF`] more often
/// (`overheid+s+taak`, `koning+s+paar`, not `overheid+staak`,
/// `koning+spaar`), or nearly as often ([`LINKING_S_NEAR_ZIPF`]) while the
/// head with it is no noun with a plural and the head without it no bare
/// verb stem (`herkenning+s+teken`; `kleding+smaak`: `maak` is a verb).
/// Other modifiers keep the `s` on the head (`tuin+slang`).
pub(super) fn with_linking_s(word: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for i in 1..spans.len() {
        let (from, to) = spans[i];
        if spans[i - 1].1 != from || !word[from..to].starts_with('s') || to - from < 5 {
            continue;
        }
        let (with_s, bare) = (&word[from..to], &word[from + 1..to]);
        let (Some(b), Some(w)) = (lexicon::lookup(bare), lexicon::lookup(with_s)) else {
            continue;
        };
        let modifier = &word[spans[i - 1].0..from];
        let takes_s = takes_linking_s(modifier);
        let commoner = b.frequency() >= w.frequency() + OWN_S_ZIPF;
        let no_noun = !w.is(PLURAL)
            && b.frequency() + LINKING_S_NEAR_ZIPF >= w.frequency()
            && (b.is(PLURAL) || !is_verb_stem(bare));
        if takes_s && b.is(LOWER) && (commoner || no_noun) {
            spans[i].0 = from + 1;
        }
    }
    spans
}

/// Whether `modifier` is a derivation that takes a linking `s`: a verb's
/// `-ing` noun (`herkenning` of `herkennen`; `ketting`, `honing` are no
/// such nouns) or a word in `-heid`, `-schap`, `-teit`, `-dom` on a stem
/// of three letters or more (`overheid`; `ring` is no `-ing` word).
fn takes_linking_s(modifier: &str) -> bool {
    let stem_of = |end: &str| modifier.strip_suffix(end).filter(|stem| stem.chars().count() >= 3);
    stem_of("ing").is_some_and(has_infinitive)
        || ["heid", "schap", "teit", "dom"].iter().any(|end| stem_of(end).is_some())
}
