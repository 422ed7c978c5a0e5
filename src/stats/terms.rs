//! `terms`: the words that set the matching stories apart (keyness).
//!
//! Owns keyness. For every word in the matching stories' text we compare
//! the share of matching stories that contain it with the share of the
//! other stories that do, by Dunning's log-likelihood ratio G² on the 2×2
//! table of story counts ("Accurate methods for the statistics of surprise
//! and coincidence", 1993). Document counts rather than word counts keep
//! one long story from dominating. Words are compared folded and lowercased
//! (as `body_exact` indexes them) and shown in their most frequent written
//! form. Stop words, numbers and words in fewer than two matching stories
//! are left out; only words over-represented in the matches are listed.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::Term;

use super::{load, matches};
use crate::Result;
use crate::analysis::{self, NL_EXACT, is_stopword};
use crate::index::{NewsIndex, tantivy_error};
use crate::search::Selection;

/// One key word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyness {
    /// The word as most often written in the matches.
    pub term: String,
    /// Matching stories containing it.
    pub matches: u64,
    /// Other stories containing it.
    pub rest: u64,
    /// Dunning's G².
    pub llr: f64,
    /// Share among the matches divided by share among the rest (∞ as 1e9).
    pub ratio: f64,
}

/// The `top` key words of the matches of `selection`.
///
/// # Errors
/// The index cannot be read.
pub fn terms(
    index: &NewsIndex,
    selection: &Selection,
    top: usize,
    dedupe: bool,
) -> Result<Vec<Keyness>> {
    let members = matches(index, selection, dedupe)?;
    let mut in_matches: HashMap<String, u64> = HashMap::new();
    let mut written: HashMap<String, HashMap<String, u64>> = HashMap::new();
    for member in &members {
        let story = load(index, member)?;
        let mut seen = std::collections::HashSet::new();
        for token in analysis::tokens_with(index.config(), NL_EXACT, &story.body) {
            if !counts_as_word(&token.text) || !seen.insert(token.text.clone()) {
                continue;
            }
            let surface = story.body[token.offset_from..token.offset_to].to_string();
            *written.entry(token.text.clone()).or_default().entry(surface).or_default() += 1;
            *in_matches.entry(token.text).or_default() += 1;
        }
    }
    let searcher = index.searcher();
    let total = searcher.num_docs();
    let matched = members.len() as u64;
    let rest_total = total.saturating_sub(matched).max(1);
    let mut out = Vec::new();
    for (word, a) in in_matches.into_iter().filter(|(_, a)| *a >= 2) {
        let df = searcher
            .doc_freq(&Term::from_field_text(index.fields().body, &word))
            .map_err(tantivy_error(index.root()))?;
        let b = df.saturating_sub(a);
        let (share_m, share_r) = (a as f64 / matched as f64, b as f64 / rest_total as f64);
        if share_m <= share_r {
            continue;
        }
        let term = most_written(&written[&word]);
        let ratio = if b == 0 { 1e9 } else { share_m / share_r };
        out.push(Keyness { term, matches: a, rest: b, llr: g2(a, b, matched, rest_total), ratio });
    }
    out.sort_by(|x, y| y.llr.total_cmp(&x.llr).then_with(|| x.term.cmp(&y.term)));
    out.truncate(top);
    Ok(out)
}

fn counts_as_word(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().any(char::is_alphabetic)
        && !word.chars().all(|c| c.is_ascii_digit())
        && !is_stopword(word)
}

fn most_written(forms: &HashMap<String, u64>) -> String {
    forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(f, _)| f.clone())
        .unwrap_or_default()
}

/// G² of the 2×2 table: `a` of `n1` matching stories and `b` of `n2` other
/// stories contain the word.
pub fn g2(a: u64, b: u64, n1: u64, n2: u64) -> f64 {
    let cells = [
        (a, n1, a + b),
        (n1 - a.min(n1), n1, n1 + n2 - a - b),
        (b, n2, a + b),
        (n2 - b.min(n2), n2, n1 + n2 - a - b),
    ];
    let n = (n1 + n2) as f64;
    2.0 * cells
        .iter()
        .filter(|(k, _, _)| *k > 0)
        .map(|&(k, row, col)| {
            let expected = row as f64 * col as f64 / n;
            k as f64 * (k as f64 / expected).ln()
        })
        .sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_matches_a_worked_example() {
        // 10 of 20 matching stories and 10 of 980 others: strongly key.
        let g = g2(10, 10, 20, 980);
        assert!((g - 56.8).abs() < 0.5, "{g}");
        assert!(g2(1, 49, 20, 980) < 0.1, "same share in both");
    }

    #[test]
    fn stop_words_and_numbers_are_not_key_words() {
        assert!(!counts_as_word("de"));
        assert!(!counts_as_word("2025"));
        assert!(counts_as_word("a12"));
        assert!(counts_as_word("oekraine"));
    }
}
