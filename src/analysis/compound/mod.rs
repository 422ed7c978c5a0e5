//! Splitting Dutch compounds into their parts.
//!
//! Owns the decompounder. Dutch writes compounds as one word
//! (`vluchtelingenkamp`, `droneaanval`, `luchtverdedigingssystemen`); a
//! query for `kamp`, `drone` or `luchtverdediging` should find them. The
//! parts go to their own low-weight terms; the whole word stays, so it still
//! matches exactly and ranks higher.
//!
//! The dictionary is the OpenTaal word list ([`super::lexicon`]), compiled
//! in: it does not depend on the corpus, so a page gives the same parts in a
//! clean and in an incremental build, and a word that occurs in the corpus
//! only inside compounds is still a known part. With 350,000 words almost
//! every long word has *some* split into listed words (`bestuur` = `best` +
//! `uur`), so the rules that choose a split matter more than the list:
//!
//! - a word splits into two to four listed lower-case words joined by
//!   linking morphemes (`-s-`, `-en-`, `-e-` or none); among the splits the
//!   one whose parts are the most productive compound parts wins (the
//!   geometric mean of how many listed compounds each part heads or
//!   modifies, Koehn & Knight 2003 with productivity for frequency), times
//!   0.8 for every part beyond two; a dynamic program over the word's spans
//!   finds it in O(length²). A three-letter modifier weighs as one of no
//!   compounds in deciding whether a word splits, and by its compounds in
//!   choosing where, when that makes no part rarer (`zee+monding`,
//!   `lamp+licht`);
//! - parts are at least four letters, or three from a short list (`gas`,
//!   `zee`, `wet`…) or in common use by the word frequencies of the
//!   lexicon (`man`, `zak`); prefixes, suffixes and stop words are never
//!   parts (`aan+val`, `veilig+heid`, `ver+klaring`), nor are suffix-like
//!   heads (`-achtig`, `-kundig`, `-waardig`: `bestuurskundig` and
//!   `tandheelkundigen` are derivations);
//! - an inflected form splits where its listed base splits, or not at all
//!   when the base does not ([`super::inflection::base`]: `pollepels`
//!   is no `poll+pels` because `pollepel` does not split,
//!   `vrucht+zakjes` as `vrucht+zak`); an `-ing` or agent noun of a
//!   listed verb is a derivation (`verrukking` is no `verruk+king`,
//!   `belangstelling` no `belang+stelling`); conjugated
//!   verbs, participles included, neither split nor head a compound
//!   ([`super::inflection::is_verb_form`]: `escorteerden`, `gereedgezet`);
//!   Latin and Greek prefixes (`mega`, `micro`, `mono`, `super`, `trans`,
//!   `vice`, `aarts`, `aller`, `contra`, `extra`; `post` before a Latinate
//!   adjective: `postmodern`) are no parts, nor are verbs borrowed with
//!   `-eren` (`modelleren` is no `model+leren`), nor is a modifier that with
//!   its linker spells a prefix (`buitendeur` is no `buit+en+deur`), nor
//!   a superlative (`volstrekt` is no `volst+rekt`), nor an intensifier
//!   before an adjective (`gloed+nieuw`, `spier+naakt`, `honds+brutaal`
//!   mean "very new", "very naked", "very cheeky": a closed list of both);
//!   the past tense is told from a noun by its spelling rule ('t kofschip:
//!   `warmte` is no past of `warmen`, whose past is `warmde`);
//! - separable verbs whose particle is an adverb or adjective, and their
//!   agent and `-ing` nouns, are verbs and derivations, not compounds
//!   (`klaarliggen`, `stilhield`, `goedmaker`:
//!   [`super::inflection::is_separable_verb`]); numbers written out
//!   (`honderdvijftig`), suffixes that spell words (`-erij`: `zetterijen`
//!   is no `zette+rijen`; `-ectuur`, `-abel`, `-lang` after a plural:
//!   `prefectuur`, `acceptabel`, `eeuwenlang`) and three-letter function
//!   words (`stripper` is no `strip+per`) split nothing;
//! - a word in very common use (`ziekenhuis`, `helemaal`) does not split
//!   on its own, nor does an unstressed or a stressed prefix before a listed
//!   word that does not split (`betekenen` is `be+tekenen`, no
//!   `bete+kenen`; `superspion` no `supers+pion`); the
//!   past of a strong verb heads nothing (`schaar+sliepen`);
//! - a linker is not taken from a head that is a word with it
//!   (`water+stand`, no `water+s+tand`), unless that word is much rarer
//!   (`krijg+s+macht`, no `krijg+smacht`);
//! - neighbouring parts that make a listed word which does not split on
//!   its own are one part (`ozon+houdende`, not `ozon+houd+ende`);
//! - a rarely used name listed only with a capital (a street, a village:
//!   `Tulpenlaan`) does not split;
//! - the head must be a noun, an adjective or a verb form that heads listed
//!   compounds, or a noun by its listed plural (`uur` heads `werkuur`, but
//!   `bestuur` is no compound: `best` modifies nothing);
//! - `data/compound_blocklist.txt` lists compounds whose parts mislead
//!   (`schietpartij`, `rechtbank`, `straaljager`);
//! - a known place splits only when its first part is a place itself
//!   (`Gazastrook` = `Gaza` + `strook`, but `Rotterdam` stays whole); the
//!   caller says what a place is.
//!
//! Precision and recall of splitting on a random sample of the word list
//! judged before the rules were tuned are in `EVALUATION.md`.
//!
//! This module decides whether and how a word splits and owns the public
//! [`Decompounder`]; [`search`] weighs candidate parts and finds the best
//! split, [`words`] says what a word is (bound forms, derivations and forms
//! of whole words), [`linking`] places a linking `s` once a word is split.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::inflection::{
    self, is_numeral, is_romance_verb, is_separable_verb, is_verb_form, is_verb_stem,
    is_verbal_noun,
};
use super::intensified;
use super::lexicon::{self, CAPITALISED, LOWER, PLURAL};

mod linking;
mod search;
#[cfg(test)]
mod tests;
mod words;

use linking::{with_linking_s, with_own_s};
use search::{
    MAX_PARTS, Role, SHORT_MODIFIER_DISCOUNT, SHORT_PARTS, Span, Weights, best_split, part_weight,
    productivity,
};
use words::{
    is_graded_adjective, is_heid_derivation, is_ig_derivation, is_inflected_present_participle,
    is_latin_prefix_word, is_prefix_derivation, is_whole_word,
};

static BLOCKED: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| data_words(include_str!("../data/compound_blocklist.txt")));

/// Whether `word` is a blocked word or one with an ending of its
/// inflection or of an adjective or inhabitant made from it
/// (`nederlands`, `nederlandse`, `nederlanders` of `nederland`, which is
/// listed only with a capital, so the lexicon gives no base for them).
fn is_blocked(word: &str) -> bool {
    BLOCKED.contains(word)
        || ["s", "se", "e", "en", "er", "ers"]
            .iter()
            .filter_map(|end| word.strip_suffix(end))
            .any(|stem| BLOCKED.contains(stem))
}

fn data_words(text: &'static str) -> FxHashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// A name listed only with a capital is split only when it is used at
/// least this often (Zipf 3.0: one use in a million words; `Kamerlid`,
/// `Coronacrisis`), not a street or a village (`Tulpenlaan`, `Hooghalen`).
const COMMON_NAME_ZIPF: f64 = 3.0;

/// A listed word used at least this often (Zipf 5.0: 100 uses in a
/// million words) is a lexicalised unit and does not split on its own:
/// of the 8 such words that split before, most were wrong (`vergeten`
/// as `verg+eten`, `helemaal`, `leeftijd`, `ziekenhuis`). 4.5 cost two
/// news compounds of the gold list; 5.0 changed no tuning list but the
/// seed-12 one (`kinder+ziekenhuis`) and no retrieval number.
const LEXICALISED_ZIPF: f64 = 5.0;

/// A part of a part is split off only when every piece is used at least
/// this often (Zipf 3.5: three uses in a million words). Splitting every
/// part that splits lost gold and development precision (bad inner splits:
/// `bede+vaart`, `geslacht+chromo+oom`); 3.0 and 3.5 each gained five
/// judged words and lost none, 3.0 made one wrong split worse.
const EXPAND_PART_ZIPF: f64 = 3.5;

/// Inside a compound, a part that is a productive building block of its
/// own still splits when it is used less than this (Zipf 4.6: 40 uses in
/// a million words) and its pieces are used at least
/// [`PART_PIECE_ZIPF`]: the judges split `land+bouw+project`,
/// `soldaten+vak+bond`, `ijs+hockey+wedstrijd`, while `netwerk` (4.9) and
/// `bijeenkomst` (4.6) stay whole in `netwerk+vorming`,
/// `werk+bijeenkomst`. 5.0 (as [`LEXICALISED_ZIPF`]) split those two as
/// well.
const PART_LEXICALISED_ZIPF: f64 = 4.6;

/// How often each piece of such a part must be used (Zipf 4.0: ten uses in
/// a million words); 3.5 also split `voer+tuig` and `data+base`.
const PART_PIECE_ZIPF: f64 = 4.0;

/// Shortest word that may be split, in characters.
const MIN_COMPOUND: usize = 7;

/// The decompounder. Its dictionary is the compiled-in lexicon, so it has
/// no state of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct Decompounder;

/// What is being split: a word as written, or a part of a compound (which
/// splits down to words in common use: [`PART_LEXICALISED_ZIPF`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Word,
    Part,
}

impl Decompounder {
    /// The decompounder.
    pub fn new() -> Decompounder {
        Decompounder
    }

    /// The parts of a folded, lowercase word, or `None` when it does not
    /// split. For `a+b+c` it returns every meaningful part:
    /// `luchtverdedigingssystemen` → `lucht`, `verdediging`, `systemen`,
    /// `luchtverdediging`, `verdedigingssystemen`.
    ///
    /// `is_place` says whether a word is a known place name.
    pub fn split(&self, word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        let leaves = self.leaves(word, is_place)?;
        Some(with_sub_compounds(word, &leaves))
    }

    /// The smallest parts of a folded, lowercase word as written, linking
    /// morphemes left out (`oorlogsmisdaden` → `oorlog`, `misdaden`), or
    /// `None` when it does not split.
    pub fn leaves(&self, word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        let spans = spans(word, is_place)?;
        Some(spans.iter().map(|&(f, t)| word[f..t].to_string()).collect())
    }
}

/// The parts of `word` as byte spans, or `None` when it does not split.
fn spans(word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<Span>> {
    spans_in(word, Scope::Word, is_place)
}

/// [`spans`] of `word` split as a word or as a part of a compound.
fn spans_in(word: &str, scope: Scope, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<Span>> {
    if word.chars().count() < MIN_COMPOUND || is_blocked(word) {
        return None;
    }
    let first_may_be_place = is_place(word);
    let entry = lexicon::lookup(word);
    // A rare name listed only with a capital (`Tulpenlaan`, `Westsingel`)
    // is no compound, unless it is a place made of a place (`Gazastrook`);
    // a name in common use is (`Kamerlid`, `Coronacrisis`).
    let rare_name =
        |e: lexicon::Entry| e.is(CAPITALISED) && !e.is(LOWER) && e.frequency() < COMMON_NAME_ZIPF;
    if entry.is_some_and(rare_name) && !first_may_be_place
        || entry.is_none_or(|e| !e.is(PLURAL)) && is_verb_stem(word)
    {
        return None;
    }
    let spans = best_spans(word, entry, scope, first_may_be_place, is_place)?;
    // Words that split only by their letters: verbs, derivations and
    // numbers (checked after the split, which most words do not have).
    if is_verb_form(word)
        || is_separable_verb(word)
        || is_prefix_derivation(word, is_place)
        || is_verbal_noun(word)
        || is_numeral(word)
        || is_romance_verb(word)
        || is_inflected_present_participle(word)
        || is_heid_derivation(word, is_place)
        || is_graded_adjective(word, is_place)
        || is_ig_derivation(word, is_place)
    {
        return None;
    }
    // An inflected form splits where its listed base does (`pollepels` not
    // as `poll+pels`: `pollepel` does not split; `vrucht+zakjes` as
    // `vrucht+zak`).
    let spans = match inflection::base(word).filter(|_| !first_may_be_place) {
        Some(base) if BLOCKED.contains(base.as_str()) => return None,
        // A participle used as an adjective (`teleurgestelde`).
        Some(base)
            if word
                .strip_suffix('e')
                .is_some_and(|bare| inflection::respellings(bare).contains(&base))
                && is_verb_form(&base) =>
        {
            return None;
        }
        Some(base) => as_base_splits(word, &base, scope, spans, is_place)?,
        None => spans,
    };
    let spans = merge_whole_words(word, spans, is_place)?;
    if intensified::is_intensified_adjective(word, &spans) || is_latin_prefix_word(word, &spans) {
        return None;
    }
    let spans = with_linking_s(word, with_own_s(word, spans));
    Some(expand_parts(word, spans, is_place))
}

/// Each part that splits on its own into words in common use replaced by
/// its parts, up to [`MAX_PARTS`] in all: `tuinbouw+bedrijf` →
/// `tuin+bouw+bedrijf`, `ruimtevaart+techniek` → `ruimte+vaart+techniek`.
/// The best split prefers fewer parts, so a part can hide a compound.
fn expand_parts(word: &str, parts: Vec<Span>, is_place: &dyn Fn(&str) -> bool) -> Vec<Span> {
    let mut out = Vec::with_capacity(parts.len());
    for (i, &(from, to)) in parts.iter().enumerate() {
        let room = MAX_PARTS - out.len() - (parts.len() - i - 1);
        let part = &word[from..to];
        match spans_in(part, Scope::Part, is_place) {
            Some(inner) if inner.len() <= room && all_in_common_use(part, &inner) => {
                out.extend(inner.iter().map(|&(f, t)| (from + f, from + t)));
            }
            _ => out.push((from, to)),
        }
    }
    out
}

/// Whether every part of `part` is a word of four letters or more, or a
/// three-letter word of [`SHORT_PARTS`] (`spoor+weg`, `grond+wet`), used
/// at least [`EXPAND_PART_ZIPF`]: a lexicalised part whose pieces are rare
/// stays one (`bedevaart` is no `bede+vaart`, `chromosoom` no
/// `chromo+oom`).
fn all_in_common_use(part: &str, inner: &[Span]) -> bool {
    inner.iter().all(|&(f, t)| {
        let piece = &part[f..t];
        (piece.chars().count() >= 4 || SHORT_PARTS.contains(&piece))
            && lexicon::lookup(piece).is_some_and(|e| e.frequency() >= EXPAND_PART_ZIPF)
    })
}

/// `spans` of `word` made to agree with the split of its base form `base`:
/// `None` when the base does not split, the base's parts (the last running
/// to the end of `word`) when they differ.
fn as_base_splits(
    word: &str,
    base: &str,
    scope: Scope,
    spans: Vec<Span>,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<Vec<Span>> {
    let mut parts = best_spans(base, lexicon::lookup(base), scope, false, is_place)?;
    let shared = word.bytes().zip(base.bytes()).take_while(|(a, b)| a == b).count();
    let last = parts.last_mut().expect("a split has parts");
    if last.0 >= shared {
        // The base's head does not reach into `word`'s ending.
        return Some(spans);
    }
    last.1 = word.len();
    Some(parts)
}

/// The best split of `word` by the part weights, or `None` when there is
/// none or the word is better kept whole.
fn best_spans(
    word: &str,
    entry: Option<lexicon::Entry>,
    scope: Scope,
    first_may_be_place: bool,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<Vec<Span>> {
    // A part must make other listed compounds too; the word's own entry
    // counts once when it is listed.
    let attested = 1 + u16::from(entry.is_some_and(|e| e.is(LOWER)));
    // Whether a three-letter modifier with listed compounds was weighed:
    // only then can the choice differ from the decision.
    let short_counted = std::cell::Cell::new(false);
    let split = |weights: Weights| {
        best_split(word, |part, entry, role, first| {
            let place_ok = first && first_may_be_place && is_place(part);
            let w = part_weight(part, entry, role, place_ok, attested, weights);
            if w > 0.0
                && role == Role::Modifier
                && entry.modifiers >= SHORT_MODIFIER_DISCOUNT
                && part.chars().count() == 3
            {
                short_counted.set(true);
            }
            w
        })
    };
    let (score, spans) = split(Weights::Decide)?;
    if first_may_be_place && !is_place(&word[spans[0].0..spans[0].1]) {
        return None;
    }
    // A listed word that is itself a productive building block is a
    // lexicalised unit (`bestuur`): it stays whole unless its parts are
    // the better evidence; a word in very common use always is
    // (`ziekenhuis`, `helemaal`). Inside a compound, a building block
    // not in very common use splits into common words (`land+bouw`).
    if let Some(entry) = entry.filter(|e| e.is(LOWER))
        && (productivity(entry.modifiers.saturating_add(entry.heads)) >= score
            && !(scope == Scope::Part && splits_into_common_words(word, entry, &spans))
            || entry.frequency() >= LEXICALISED_ZIPF)
    {
        return None;
    }
    if !short_counted.get() {
        return Some(spans);
    }
    // The counts of three-letter words are partly accidents (`lam` in
    // `lamsvlees` and `lamleggen`): they choose another split only when it
    // makes no part rarer than the rarest part of the one decided
    // (`zee+monding`, not `zeem+onding`; `lamp+licht`, not `lam+plicht`).
    Some(match split(Weights::Choose) {
        Some((_, chosen)) if rarest_part(word, &chosen) >= rarest_part(word, &spans) => chosen,
        _ => spans,
    })
}

/// The frequency of the least used of the parts `spans` of `word`.
fn rarest_part(word: &str, spans: &[Span]) -> f64 {
    spans
        .iter()
        .map(|&(f, t)| lexicon::lookup(&word[f..t]).map_or(0.0, |e| e.frequency()))
        .fold(f64::MAX, f64::min)
}

/// Whether `word`, a part of a compound, is used less than
/// [`PART_LEXICALISED_ZIPF`] and its `pieces` each at least
/// [`PART_PIECE_ZIPF`] (`vakbond` as `vak+bond`).
fn splits_into_common_words(word: &str, entry: lexicon::Entry, pieces: &[Span]) -> bool {
    entry.frequency() < PART_LEXICALISED_ZIPF
        && pieces.iter().all(|&(f, t)| {
            lexicon::lookup(&word[f..t]).is_some_and(|e| e.frequency() >= PART_PIECE_ZIPF)
        })
}

/// Neighbouring parts that together are a listed word which does not split
/// on its own are one part (`ozon+houdende`, not `ozon+houd+ende`): a word
/// splits the same inside a compound as alone. `None` when one part is
/// left.
fn merge_whole_words(
    word: &str,
    mut parts: Vec<Span>,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<Vec<Span>> {
    let mut i = 0;
    while i + 1 < parts.len() {
        let joined = &word[parts[i].0..parts[i + 1].1];
        let whole = joined.len() < word.len() && is_whole_word(joined, is_place);
        if whole {
            parts[i].1 = parts[i + 1].1;
            parts.remove(i + 1);
        } else {
            i += 1;
        }
    }
    (parts.len() >= 2).then_some(parts)
}

/// The parts, then every run of neighbouring parts shorter than the whole
/// word (`lucht+verdediging+s+systemen` also gives `luchtverdediging` and
/// `verdedigingssystemen`), each once, in that order.
fn with_sub_compounds(word: &str, leaves: &[String]) -> Vec<String> {
    let mut spans = Vec::with_capacity(leaves.len());
    let mut at = 0;
    for leaf in leaves {
        let from = word[at..].find(leaf.as_str()).map_or(at, |i| at + i);
        spans.push((from, from + leaf.len()));
        at = from + leaf.len();
    }
    let mut out: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        if !out.iter().any(|p| p == text) {
            out.push(text.to_string());
        }
    };
    for &(from, to) in &spans {
        add(&word[from..to]);
    }
    for len in 2..spans.len() {
        for run in spans.windows(len) {
            add(&word[run[0].0..run[len - 1].1]);
        }
    }
    out
}
