//! `kwic`: every match in its context (keyword in context).
//!
//! Owns finding where a query matched in a story's text: single words by
//! the same analysis as search (stems, exact words, prefixes, compound
//! parts, name spellings) and phrases as runs of their words in order,
//! with up to `~N` words between them. Each match becomes one line with the
//! text as written on both sides.

use serde::Serialize;

use super::{load, matches};
use crate::Result;
use crate::analysis::{self, AnalysisConfig, NL_EXACT};
use crate::index::NewsIndex;
use crate::search::{Expansion, HighlightTerms, Selection};

/// One match with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicLine {
    /// Story id.
    pub id: String,
    /// Publication time (RFC 3339, UTC).
    pub published: String,
    /// Dateline city.
    pub dateline: Option<String>,
    /// Agencies.
    pub agencies: Vec<String>,
    /// Up to `width` characters before the match.
    pub left: String,
    /// The matched text as written.
    pub matched: String,
    /// Up to `width` characters after the match.
    pub right: String,
}

/// Calls `each` with every match of every story that `selection` finds,
/// stories in rank order, matches in text order. Returns the number of
/// lines.
///
/// # Errors
/// The index cannot be read, or `each` fails (e.g. a closed pipe).
pub fn kwic(
    index: &NewsIndex,
    selection: &Selection,
    width: usize,
    dedupe: bool,
    each: &mut dyn FnMut(KwicLine) -> Result<()>,
) -> Result<usize> {
    let words = HighlightTerms::from_expansions(
        &selection.expansions.iter().filter(|e| !e.phrase).cloned().collect::<Vec<_>>(),
        &selection.nears,
    );
    let phrases: Vec<&Expansion> = selection
        .expansions
        .iter()
        .filter(|e| e.phrase && !e.negated && !e.dropped && e.near.is_none())
        .collect();
    let mut lines = 0;
    for member in matches(index, selection, dedupe)? {
        let story = load(index, &member)?;
        let published = crate::search::rfc3339(story.published);
        for (from, to) in spans(&story.body, &words, &phrases, index.config()) {
            each(KwicLine {
                id: story.id.clone(),
                published: published.clone(),
                dateline: story.dateline.clone(),
                agencies: story.agencies.clone(),
                left: context(&story.body[..from], width, true),
                matched: flat(&story.body[from..to]),
                right: context(&story.body[to..], width, false),
            })?;
            lines += 1;
        }
    }
    Ok(lines)
}

/// Byte spans of the matches in `text`, sorted, overlaps merged.
pub fn spans(
    text: &str,
    words: &HighlightTerms,
    phrases: &[&Expansion],
    config: &AnalysisConfig,
) -> Vec<(usize, usize)> {
    let mut spans = crate::search::matches(text, words, config);
    if !phrases.is_empty() {
        let tokens = first_per_position(analysis::tokens_with(config, NL_EXACT, text));
        for phrase in phrases {
            spans.extend(phrase_spans(&tokens, phrase));
        }
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

fn first_per_position(tokens: Vec<analysis::Token>) -> Vec<analysis::Token> {
    let mut out: Vec<analysis::Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if out.last().is_none_or(|last| last.position != token.position) {
            out.push(token);
        }
    }
    out
}

/// Where the phrase's words occur in order, at most `slop` extra words
/// apart in total; a prefix phrase's last word may be longer.
fn phrase_spans(tokens: &[analysis::Token], phrase: &Expansion) -> Vec<(usize, usize)> {
    let mut words: Vec<&str> = phrase.exact.iter().map(String::as_str).collect();
    let prefix = phrase.prefix.as_deref();
    words.extend(prefix);
    let Some((first, rest)) = words.split_first() else { return Vec::new() };
    let matches = |token: &analysis::Token, word: &str, last: bool| {
        if last && prefix.is_some() { token.text.starts_with(word) } else { token.text == word }
    };
    let mut out = Vec::new();
    for (start, token) in tokens.iter().enumerate() {
        if !matches(token, first, rest.is_empty()) {
            continue;
        }
        let mut at = start;
        let mut budget = phrase.slop as usize;
        let mut complete = true;
        for (k, word) in rest.iter().enumerate() {
            let last = k + 1 == rest.len();
            let found = (at + 1..tokens.len().min(at + 2 + budget))
                .find(|&j| matches(&tokens[j], word, last));
            match found {
                Some(j) => {
                    budget -= j - at - 1;
                    at = j;
                }
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if complete {
            out.push((token.offset_from, tokens[at].offset_to));
        }
    }
    out
}

/// Newlines and runs of spaces as single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last (`before`) or first `width` characters of `text`, flattened.
fn context(text: &str, width: usize, before: bool) -> String {
    let flat = flat(text);
    let chars: Vec<char> = flat.chars().collect();
    let slice = if before {
        &chars[chars.len().saturating_sub(width)..]
    } else {
        &chars[..width.min(chars.len())]
    };
    let mut out: String = slice.iter().collect();
    if before && !text.is_empty() && text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    if !before && text.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(words: &[&str], slop: u32) -> Expansion {
        Expansion {
            exact: words.iter().map(|w| w.to_string()).collect(),
            phrase: true,
            slop,
            ..Expansion::default()
        }
    }

    #[test]
    fn phrases_match_in_order_within_their_slop() {
        let config = AnalysisConfig::default();
        let text = "De premier van Nederland sprak met de premier.";
        let exact = phrase(&["premier", "nederland"], 0);
        assert!(spans(text, &HighlightTerms::default(), &[&exact], &config).is_empty());
        let near = phrase(&["premier", "nederland"], 1);
        assert_eq!(spans(text, &HighlightTerms::default(), &[&near], &config), [(3, 24)]);
    }

    #[test]
    fn context_keeps_the_space_before_and_after() {
        assert_eq!(context("een\nlange zin ", 5, true), "e zin ");
        assert_eq!(context(" en\ndan verder", 6, false), " en dan");
    }
}
