//! Proximity: `A W/n B`, `A PRE/n B`, `A W/S B`, `A W/P B` and their `NOT`
//! forms, decided on word positions.
//!
//! Owns what "near" means, once, for both places that need it: the index
//! (a tantivy query whose scorer checks the positions of the candidates
//! that have both sides) and a story's text (snippets and KWIC light up
//! exactly the occurrences that satisfy the operator). Both read the same
//! terms, the index's (`crate::analysis::terms`): words, stems, compound
//! parts and name keys share their word's position, and a sentence or
//! paragraph marker shares the position of the word that opens it.
//!
//! - Two occurrences are `n` words apart when their nearest words are
//!   (`Poetin sprak in Moskou. Xi`: 4); `W/n` allows up to `n`, in either
//!   order; `PRE/n` asks for the left side first. Overlapping occurrences
//!   (the same word matching both sides) are never near.
//! - `W/S` and `W/P`: no sentence (paragraph) marker between the first
//!   and the last word of the two occurrences.
//! - `A NOT W/n B`: an occurrence of A with no occurrence of B that near
//!   (a story that mentions A only next to B does not match).
//! - Each field (title, body) is its own text: nothing is near across
//!   them, nor across stories.

use std::collections::HashMap;

use super::plan::{Occur, Plan, Target};
use super::query::NearOp;
use crate::analysis::terms::{PARAGRAPH, SENTENCE};

mod query;

pub use query::NearQuery;

/// Most index terms one prefix side expands to, per segment.
pub const MAX_PREFIX_TERMS: usize = 1_000;

/// First and last word position of one occurrence.
pub type Span = (u32, u32);

/// A proximity operator over two sides, as compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    /// How near.
    pub op: NearOp,
    /// `NOT W/…`.
    pub negated: bool,
    /// The left side's plan (which stories have it at all).
    pub left: Plan,
    /// The right side's plan.
    pub right: Plan,
}

/// One way a side occurs in a field: index terms at position offsets, the
/// last one a word prefix when `prefix`, with up to `slop` extra words.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// (offset from the first word, index term).
    pub words: Vec<(usize, String)>,
    /// The last word is a prefix of plain words.
    pub prefix: bool,
    /// Words allowed between, in order.
    pub slop: u32,
}

/// Every pattern of a side in one field.
pub fn patterns(plan: &Plan, field: Target) -> Vec<Pattern> {
    let mut out = Vec::new();
    collect(plan, field, &mut out);
    out
}

fn collect(plan: &Plan, field: Target, out: &mut Vec<Pattern>) {
    match plan {
        Plan::Term { target, term } if *target == field => {
            out.push(Pattern { words: vec![(0, term.clone())], prefix: false, slop: 0 });
        }
        Plan::Phrase { target, terms, slop } if *target == field => {
            out.push(Pattern { words: terms.clone(), prefix: false, slop: *slop });
        }
        Plan::PhrasePrefix { target, terms } if *target == field => {
            out.push(Pattern { words: terms.clone(), prefix: true, slop: 0 });
        }
        // A side is a disjunction: only the clauses that find stories count.
        Plan::Bool(clauses) => {
            for (occur, inner) in clauses {
                if *occur != Occur::MustNot {
                    collect(inner, field, out);
                }
            }
        }
        Plan::Boost(inner, _) | Plan::Const(inner, _) => collect(inner, field, out),
        _ => {}
    }
}

/// Positions of a term in the current text, sorted.
pub trait Positions {
    /// Positions of the index term `term`.
    fn term(&mut self, term: &str) -> Vec<u32>;
    /// Positions of plain words starting with `prefix`.
    fn prefix(&mut self, prefix: &str) -> Vec<u32>;
}

/// The occurrences of `patterns` in a text, sorted by start.
pub fn spans(patterns: &[Pattern], positions: &mut dyn Positions) -> Vec<Span> {
    let mut out = Vec::new();
    for pattern in patterns {
        let mut lists = Vec::with_capacity(pattern.words.len());
        for (k, (_, term)) in pattern.words.iter().enumerate() {
            let last = k + 1 == pattern.words.len();
            let list =
                if last && pattern.prefix { positions.prefix(term) } else { positions.term(term) };
            if list.is_empty() {
                break;
            }
            lists.push(list);
        }
        if lists.len() == pattern.words.len() {
            occurrences(pattern, &lists, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Where `pattern`'s words follow each other at their offsets, with up to
/// `slop` extra words in total (the first fit for each start).
fn occurrences(pattern: &Pattern, lists: &[Vec<u32>], out: &mut Vec<Span>) {
    for &start in &lists[0] {
        let mut at = start;
        let mut budget = pattern.slop;
        let mut complete = true;
        for (k, list) in lists.iter().enumerate().skip(1) {
            let step = pattern.words[k].0.saturating_sub(pattern.words[k - 1].0) as u32;
            let need = at.saturating_add(step.max(1));
            let i = list.partition_point(|&p| p < need);
            match list.get(i) {
                Some(&p) if p - need <= budget => {
                    budget -= p - need;
                    at = p;
                }
                _ => {
                    complete = false;
                    break;
                }
            }
        }
        if complete {
            out.push((start, at));
        }
    }
}

/// The occurrences that make `op` hold (both sides' for a match; for
/// `negated`, the left occurrences with no right one near), given sorted
/// spans and the sorted positions of the boundaries `op` cares about.
/// Empty when the text does not match.
pub fn satisfied(
    op: NearOp,
    negated: bool,
    left: &[Span],
    right: &[Span],
    boundaries: &[u32],
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut right_used = vec![false; right.len()];
    for &a in left {
        let mut found = false;
        for (k, b) in candidates(op, a, right, boundaries) {
            if is_near(op, a, b, boundaries) {
                found = true;
                right_used[k] = true;
                if negated {
                    break;
                }
            }
        }
        if found != negated {
            out.push(a);
        }
    }
    if !negated {
        out.extend(right.iter().zip(&right_used).filter(|(_, used)| **used).map(|(b, _)| *b));
        out.sort_unstable();
        out.dedup();
    }
    out
}

/// Right occurrences that may be near `a`: those starting in the window
/// the operator allows (the right side is sorted by start).
fn candidates<'r>(
    op: NearOp,
    a: Span,
    right: &'r [Span],
    boundaries: &[u32],
) -> impl Iterator<Item = (usize, Span)> + 'r {
    let longest = right.iter().map(|b| b.1 - b.0).max().unwrap_or(0);
    let (from, to) = match op {
        NearOp::Within(n) => (a.0.saturating_sub(n.saturating_add(longest)), a.1.saturating_add(n)),
        NearOp::Before(n) => (a.1 + 1, a.1.saturating_add(n)),
        NearOp::Sentence | NearOp::Paragraph => {
            let k = boundaries.partition_point(|&q| q <= a.0);
            let start = if k == 0 { 0 } else { boundaries[k - 1] };
            let end = boundaries.get(k).map_or(u32::MAX, |&q| q - 1);
            (start, end)
        }
    };
    let first = right.partition_point(|b| b.0 < from);
    right[first..]
        .iter()
        .enumerate()
        .take_while(move |(_, b)| b.0 <= to)
        .map(move |(k, b)| (first + k, *b))
}

fn is_near(op: NearOp, a: Span, b: Span, boundaries: &[u32]) -> bool {
    if a.0 <= b.1 && b.0 <= a.1 {
        return false;
    }
    match op {
        NearOp::Within(n) => {
            let gap = if a.1 < b.0 { b.0 - a.1 } else { a.0 - b.1 };
            gap <= n
        }
        NearOp::Before(n) => a.1 < b.0 && b.0 - a.1 <= n,
        NearOp::Sentence | NearOp::Paragraph => {
            let (first, last) = (a.0.min(b.0), a.1.max(b.1));
            // A marker at `first` opens the sentence both are in.
            let k = boundaries.partition_point(|&q| q <= first);
            boundaries.get(k).is_none_or(|&q| q > last)
        }
    }
}

/// The marker term whose positions split a text into the units of `op`
/// (none for word distances).
pub fn boundary_term(op: NearOp) -> Option<&'static str> {
    match op {
        NearOp::Sentence => Some(SENTENCE),
        NearOp::Paragraph => Some(PARAGRAPH),
        NearOp::Within(_) | NearOp::Before(_) => None,
    }
}

/// The patterns of both sides of a proximity operator in one field.
#[derive(Debug, Clone)]
pub struct Sides {
    op: NearOp,
    negated: bool,
    left: Vec<Pattern>,
    right: Vec<Pattern>,
}

impl Sides {
    /// `near`'s sides in `field` (title or body).
    pub fn new(near: &Near, field: Target) -> Sides {
        Sides {
            op: near.op,
            negated: near.negated,
            left: patterns(&near.left, field),
            right: patterns(&near.right, field),
        }
    }

    /// Whether a text matches, and where: the occurrences that make the
    /// operator hold (empty: no match).
    pub fn evaluate(&self, positions: &mut dyn Positions) -> Vec<Span> {
        let left = spans(&self.left, positions);
        if left.is_empty() {
            return Vec::new();
        }
        let right = spans(&self.right, positions);
        if right.is_empty() && !self.negated {
            return Vec::new();
        }
        let boundaries = boundary_term(self.op).map(|t| positions.term(t)).unwrap_or_default();
        satisfied(self.op, self.negated, &left, &right, &boundaries)
    }

    /// Every term the patterns need, with whether it is a prefix, plus
    /// the boundary marker.
    fn terms(&self) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = Vec::new();
        for p in self.left.iter().chain(&self.right) {
            let last = p.words.len().saturating_sub(1);
            for (k, (_, t)) in p.words.iter().enumerate() {
                out.push((t.clone(), p.prefix && k == last));
            }
        }
        out.extend(boundary_term(self.op).map(|t| (t.to_string(), false)));
        out.sort();
        out.dedup();
        out
    }
}

/// The positions of a text's terms, from its index tokens.
pub struct TextPositions {
    terms: HashMap<String, Vec<u32>>,
}

impl TextPositions {
    /// Positions of every term of `tokens` (the index analysis of a text).
    pub fn new(tokens: &[tantivy::tokenizer::Token]) -> TextPositions {
        let mut terms: HashMap<String, Vec<u32>> = HashMap::new();
        for token in tokens {
            let list = terms.entry(token.text.clone()).or_default();
            let position = token.position as u32;
            if list.last() != Some(&position) {
                list.push(position);
            }
        }
        TextPositions { terms }
    }
}

impl Positions for TextPositions {
    fn term(&mut self, term: &str) -> Vec<u32> {
        self.terms.get(term).cloned().unwrap_or_default()
    }

    fn prefix(&mut self, prefix: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .terms
            .iter()
            .filter(|(t, _)| t.starts_with(prefix) && !t.starts_with(char::is_control))
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_distance_counts_from_the_nearest_words_in_either_order() {
        let within =
            |n, a: &[Span], b: &[Span]| !satisfied(NearOp::Within(n), false, a, b, &[]).is_empty();
        assert!(within(5, &[(0, 0)], &[(4, 4)]));
        assert!(within(4, &[(4, 4)], &[(0, 0)]), "either order");
        assert!(!within(3, &[(0, 0)], &[(4, 4)]));
        assert!(within(1, &[(0, 1)], &[(2, 2)]), "a phrase's last word is next to it");
        assert!(!within(9, &[(3, 3)], &[(3, 3)]), "the same word is not near itself");
    }

    #[test]
    fn before_keeps_the_order() {
        let before =
            |a: &[Span], b: &[Span]| !satisfied(NearOp::Before(3), false, a, b, &[]).is_empty();
        assert!(before(&[(0, 0)], &[(2, 2)]));
        assert!(!before(&[(2, 2)], &[(0, 0)]));
        assert!(!before(&[(0, 0)], &[(4, 4)]));
    }

    #[test]
    fn sentences_are_split_at_their_markers() {
        // Poetin(0) sprak(1) in(2) Moskou(3). Xi(4) reisde(5) af(6).
        let same =
            |a: &[Span], b: &[Span]| !satisfied(NearOp::Sentence, false, a, b, &[4]).is_empty();
        assert!(!same(&[(0, 0)], &[(4, 4)]));
        assert!(same(&[(0, 0)], &[(3, 3)]));
        assert!(same(&[(4, 4)], &[(6, 6)]), "a marker on the first word opens its sentence");
        assert!(same(&[(6, 6)], &[(4, 4)]));
    }

    #[test]
    fn not_near_keeps_the_free_occurrences() {
        let free = satisfied(NearOp::Within(2), true, &[(0, 0), (10, 10)], &[(1, 1)], &[]);
        assert_eq!(free, vec![(10, 10)]);
        assert!(satisfied(NearOp::Within(2), true, &[(0, 0)], &[(1, 1)], &[]).is_empty());
        assert_eq!(satisfied(NearOp::Within(2), true, &[(0, 0)], &[], &[]), vec![(0, 0)]);
    }

    #[test]
    fn matched_occurrences_are_those_that_take_part() {
        let got = satisfied(NearOp::Within(2), false, &[(0, 0), (20, 20)], &[(1, 1), (9, 9)], &[]);
        assert_eq!(got, vec![(0, 0), (1, 1)]);
    }

    fn sorted_spans(raw: Vec<(u32, u32)>) -> Vec<Span> {
        let mut spans: Vec<Span> = raw.into_iter().map(|(a, len)| (a, a + len)).collect();
        spans.sort_unstable();
        spans.dedup();
        spans
    }

    proptest::proptest! {
        /// Never panics; `W/n` is symmetric; what matches is always one of
        /// the given occurrences; `NOT` keeps only left occurrences.
        #[test]
        fn satisfied_is_total_symmetric_and_returns_given_spans(
            left in proptest::collection::vec((0u32..200, 0u32..3), 0..20),
            right in proptest::collection::vec((0u32..200, 0u32..3), 0..20),
            markers in proptest::collection::btree_set(1u32..200, 0..10),
            n in 1u32..30,
        ) {
            let (left, right) = (sorted_spans(left), sorted_spans(right));
            let markers: Vec<u32> = markers.into_iter().collect();
            for op in [NearOp::Within(n), NearOp::Before(n), NearOp::Sentence, NearOp::Paragraph] {
                for negated in [false, true] {
                    let got = satisfied(op, negated, &left, &right, &markers);
                    proptest::prop_assert!(got.iter().all(|s| left.contains(s) || (!negated && right.contains(s))));
                }
            }
            let ab = !satisfied(NearOp::Within(n), false, &left, &right, &[]).is_empty();
            let ba = !satisfied(NearOp::Within(n), false, &right, &left, &[]).is_empty();
            proptest::prop_assert_eq!(ab, ba);
            let s_ab = !satisfied(NearOp::Sentence, false, &left, &right, &markers).is_empty();
            let s_ba = !satisfied(NearOp::Sentence, false, &right, &left, &markers).is_empty();
            proptest::prop_assert_eq!(s_ab, s_ba);
        }
    }

    #[test]
    fn phrases_with_offsets_and_slop() {
        struct Fixed(HashMap<&'static str, Vec<u32>>);
        impl Positions for Fixed {
            fn term(&mut self, t: &str) -> Vec<u32> {
                self.0.get(t).cloned().unwrap_or_default()
            }
            fn prefix(&mut self, p: &str) -> Vec<u32> {
                let mut v: Vec<u32> = self
                    .0
                    .iter()
                    .filter(|(t, _)| t.starts_with(p))
                    .flat_map(|(_, v)| v.clone())
                    .collect();
                v.sort_unstable();
                v
            }
        }
        let mut text = Fixed(HashMap::from([
            ("minister", vec![0, 7]),
            ("van", vec![1]),
            ("defensie", vec![2, 9]),
            ("defensiebegroting", vec![12]),
        ]));
        let phrase = |words: &[&str], slop, prefix| Pattern {
            words: words.iter().enumerate().map(|(k, w)| (k, w.to_string())).collect(),
            prefix,
            slop,
        };
        assert_eq!(
            spans(&[phrase(&["minister", "van", "defensie"], 0, false)], &mut text),
            vec![(0, 2)]
        );
        assert_eq!(
            spans(&[phrase(&["minister", "defensie"], 1, false)], &mut text),
            vec![(0, 2), (7, 9)]
        );
        assert_eq!(
            spans(&[phrase(&["defensie"], 0, true)], &mut text),
            vec![(2, 2), (9, 9), (12, 12)]
        );
    }
}
