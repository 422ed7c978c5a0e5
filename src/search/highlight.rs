//! Snippets: the part of a story that best shows why it matched.
//!
//! Owns finding matches in the original text (by running the same analyzers
//! over it and comparing with the query's terms, so `aanslagen` lights up
//! for the query `aanslag`) and choosing the window with the most distinct
//! matched words. Returns plain text plus highlight ranges; colours and
//! markup are the printer's business.

use std::collections::HashSet;

use super::compile::Expansion;
use super::near::{Near, Sides, TextPositions};
use super::plan::Target;
use crate::analysis::{self, AnalysisConfig, NL_EXACT};

/// What to light up in a text, gathered from a query's expansions.
#[derive(Debug, Clone, Default)]
pub struct HighlightTerms {
    /// Stemmed terms (`nl_text`).
    pub stems: HashSet<String>,
    /// Exact terms (`nl_exact`), including alias spellings.
    pub exact: HashSet<String>,
    /// Exact prefixes.
    pub prefixes: Vec<String>,
    /// Compound parts: exact words that contain one of these light up.
    pub parts: Vec<String>,
    /// Name spelling keys (`nl_name`).
    pub name_keys: HashSet<String>,
    /// Proximity operators: their sides light up where the operator holds.
    pub nears: Vec<Near>,
}

impl HighlightTerms {
    /// The terms of every expansion that finds (not excludes) stories,
    /// and the proximity operators `nears`.
    pub fn from_expansions(expansions: &[Expansion], nears: &[Near]) -> HighlightTerms {
        let mut terms = HighlightTerms { nears: nears.to_vec(), ..HighlightTerms::default() };
        for e in expansions.iter().filter(|e| !e.negated && !e.dropped && e.near.is_none()) {
            terms.stems.extend(e.stems.iter().cloned());
            terms.exact.extend(e.exact.iter().cloned());
            terms.prefixes.extend(e.prefix.iter().cloned());
            if e.parts {
                terms.parts.extend(e.exact.iter().filter(|w| w.chars().count() >= 3).cloned());
            }
            terms.name_keys.extend(e.name_keys.iter().cloned());
            for alias in &e.aliases {
                terms.exact.extend(analysis::tokens(NL_EXACT, alias).into_iter().map(|t| t.text));
            }
        }
        terms
    }
}

/// A window of text with the byte ranges of matched words in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The window, newlines shown as spaces, `…` where text was cut.
    pub text: String,
    /// Byte ranges of matches in `text`, sorted, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

const ELLIPSIS: &str = "…";

/// Byte ranges in `text` where a query term matches, sorted and merged:
/// the words whose stems, exact form or name keys are the query's, found
/// in one pass of the tokenizer (the same forms the index analysis makes).
pub fn matches(text: &str, terms: &HighlightTerms, config: &AnalysisConfig) -> Vec<(usize, usize)> {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut ranges = Vec::new();
    let initials: HashSet<char> = terms.stems.iter().filter_map(|s| s.chars().next()).collect();
    let mut tokenizer = analysis::DutchTokenizer;
    let mut stream = tokenizer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        let word = analysis::terms::exact_form(&token.text);
        // A stem begins with its word's first letter, or with the letter
        // after a participle's `ge` (`gedood` → `dood`): others cannot match.
        let candidate =
            [word.chars().next(), word.strip_prefix("ge").and_then(|w| w.chars().next())]
                .into_iter()
                .flatten()
                .any(|c| initials.contains(&c));
        let stem_match = candidate
            && config.stemmer.with_stems(&word, |s| s.iter().any(|s| terms.stems.contains(s)));
        let name_match = !terms.name_keys.is_empty()
            && token.text.starts_with(char::is_uppercase)
            && analysis::name_keys(&token.text).iter().any(|k| terms.name_keys.contains(k));
        if stem_match || name_match || exact_match(&word, terms) {
            ranges.push((token.offset_from, token.offset_to));
        }
    }
    ranges.extend(near_matches(text, &terms.nears, config));
    merge(ranges)
}

/// Byte ranges of the occurrences that satisfy `nears` in a body `text`,
/// found on the text's index terms (the same positions the index has).
pub fn near_matches(text: &str, nears: &[Near], config: &AnalysisConfig) -> Vec<(usize, usize)> {
    if nears.is_empty() {
        return Vec::new();
    }
    let tokens = analysis::terms::index_tokens(text, config, crate::index::is_place);
    let mut words: Vec<(usize, usize)> = Vec::new();
    for token in &tokens {
        if words.len() == token.position {
            words.push((token.offset_from, token.offset_to));
        }
    }
    let mut positions = TextPositions::new(&tokens);
    let mut out = Vec::new();
    for near in nears {
        for (first, last) in Sides::new(near, Target::Body).evaluate(&mut positions) {
            if let (Some(a), Some(b)) = (words.get(first as usize), words.get(last as usize)) {
                out.push((a.0, b.1));
            }
        }
    }
    out
}

fn exact_match(word: &str, terms: &HighlightTerms) -> bool {
    terms.exact.contains(word)
        || terms.prefixes.iter().any(|p| word.starts_with(p.as_str()))
        || terms.parts.iter().any(|p| word.len() > p.len() && word.contains(p.as_str()))
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

/// The best window of about `max_bytes` of `text`.
pub fn snippet(
    text: &str,
    terms: &HighlightTerms,
    config: &AnalysisConfig,
    max_bytes: usize,
) -> Snippet {
    let found = matches(text, terms, config);
    let start = best_start(text, &found, max_bytes);
    let end = window_end(text, start, max_bytes);
    let mut out = String::with_capacity(end - start + 2 * ELLIPSIS.len());
    if start > 0 {
        out.push_str(ELLIPSIS);
    }
    let shift = out.len();
    out.extend(text[start..end].chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
    if end < text.len() {
        out.push_str(ELLIPSIS);
    }
    let highlights = found
        .iter()
        .filter(|(from, to)| *from >= start && *to <= end)
        .map(|(from, to)| (from - start + shift, to - start + shift))
        .collect();
    Snippet { text: out, highlights }
}

/// Start of the window: a little before the match that opens the window
/// with the most distinct matched words; the text's start when there are
/// no matches or the best one is near the start anyway.
fn best_start(text: &str, found: &[(usize, usize)], max_bytes: usize) -> usize {
    let mut best = (0, 0);
    for (i, &(from, _)) in found.iter().enumerate() {
        let mut words: Vec<String> = found[i..]
            .iter()
            .take_while(|(_, to)| *to <= from + max_bytes * 3 / 4)
            .map(|(f, t)| text[*f..*t].to_lowercase())
            .collect();
        words.sort();
        words.dedup();
        if words.len() > best.0 {
            best = (words.len(), from);
        }
    }
    if best.0 == 0 {
        return 0;
    }
    if best.1 < max_bytes / 2 {
        return 0;
    }
    word_start_after(text, best.1 - max_bytes / 4)
}

fn window_end(text: &str, start: usize, max_bytes: usize) -> usize {
    let mut end = (start + max_bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end == text.len() {
        return end;
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ => end,
    }
}

/// The first word start at or after byte `at`.
fn word_start_after(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        Some(space) => {
            let rest = &text[at + space..];
            at + space + (rest.len() - rest.trim_start().len())
        }
        None => at,
    }
}

/// Byte range → character range in `text` (for JSON consumers).
pub fn char_range(text: &str, (from, to): (usize, usize)) -> (usize, usize) {
    let from_chars = text[..from].chars().count();
    (from_chars, from_chars + text[from..to].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(stems: &[&str], exact: &[&str]) -> HighlightTerms {
        HighlightTerms {
            stems: stems.iter().map(|s| s.to_string()).collect(),
            exact: exact.iter().map(|s| s.to_string()).collect(),
            ..HighlightTerms::default()
        }
    }

    fn snippet(text: &str, terms: &HighlightTerms, max_bytes: usize) -> Snippet {
        super::snippet(text, terms, &AnalysisConfig::default(), max_bytes)
    }

    #[test]
    fn compound_parts_and_name_spellings_light_up() {
        let terms = HighlightTerms {
            parts: vec!["kamp".into()],
            name_keys: [crate::analysis::name_key("Putin")].into_iter().collect(),
            ..HighlightTerms::default()
        };
        let s = snippet("Poetin bezocht het vluchtelingenkamp.", &terms, 200);
        assert_eq!(marked(&s), "[Poetin] bezocht het [vluchtelingenkamp].");
    }

    fn marked(s: &Snippet) -> String {
        let mut out = s.text.clone();
        for &(from, to) in s.highlights.iter().rev() {
            out.insert(to, ']');
            out.insert(from, '[');
        }
        out
    }

    #[test]
    fn inflected_forms_light_up_for_a_stem() {
        let stem = crate::analysis::stem("vluchteling").into_owned();
        let s = snippet("Twee vluchtelingen en een vluchteling.", &terms(&[&stem], &[]), 200);
        assert_eq!(marked(&s), "Twee [vluchtelingen] en een [vluchteling].");
    }

    #[test]
    fn window_moves_to_the_matches_and_marks_cuts() {
        let text = format!(
            "{}Poetin ontmoet Xi in Moskou. {}",
            "Lange aanloop zonder treffers. ".repeat(20),
            "Slot. ".repeat(40)
        );
        let s = snippet(&text, &terms(&["poetin", "xi"], &[]), 120);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        assert_eq!(s.highlights.len(), 2);
        assert!(marked(&s).contains("[Poetin] ontmoet [Xi]"));
    }

    #[test]
    fn without_matches_the_start_is_shown() {
        let s = snippet("Begin van het verhaal.\nTweede regel.", &terms(&["niets"], &[]), 200);
        assert_eq!(s.text, "Begin van het verhaal. Tweede regel.");
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn char_ranges_count_characters() {
        assert_eq!(char_range("…Oekraïne", (3, 12)), (1, 9));
    }
}
