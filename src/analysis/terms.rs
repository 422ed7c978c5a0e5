//! The terms a text is indexed under: one tokenization feeding every kind
//! of term, all in one positional field.
//!
//! Owns the index analysis. For each word of the text, at the word's
//! position:
//!
//! | term | when | example for `Vluchtelingenkampen` |
//! |---|---|---|
//! | the word as written, lowercased and folded | always | `vluchtelingenkampen` |
//! | [`STEM`] + each stem that differs from the word | stemmed variants | `\u{1}vluchtelingenkamp` |
//! | [`PART`] + the stem of each compound part | compounds | `\u{2}vluchteling`, `\u{2}kamp` |
//! | [`NAME`] + each spelling key | capitalised words | `\u{3}vluchtelingenkampen` |
//! | [`SENTENCE`], [`PARAGRAPH`] | first word of a sentence / paragraph | |
//!
//! A stem equal to its word is not repeated (Lucene's keyword-repeat with
//! duplicates removed, Xapian's `Z` prefix): a query for a stem asks for the
//! stem term *or* the word, when the word is its own stem. Boundary markers
//! share the position of the word they precede, so word distances are not
//! changed by them. The prefixes are control characters, which no word
//! contains, so the kinds never meet and a prefix query on words
//! (`vluchteling*`) never sees the other kinds.
//!
//! The index computes these terms on the worker threads, once per text
//! ([`index_tokens`]); the same function is registered as the tokenizer
//! [`super::NL_TERMS`] so that `newsidx analyze` and tests see what the
//! index holds.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::boundaries::{Boundary, between};
use super::{AnalysisConfig, Decompounder, DutchTokenizer, name_keys};

/// Prefix of a stem term that differs from its word.
pub const STEM: char = '\u{1}';
/// Prefix of the stem of a compound part.
pub const PART: char = '\u{2}';
/// Prefix of a name spelling key.
pub const NAME: char = '\u{3}';
/// Marks the first word of a sentence after the first.
pub const SENTENCE: &str = "\u{4}s";
/// Marks the first word of a paragraph after the first.
pub const PARAGRAPH: &str = "\u{4}p";

/// `kind` + `text` as a term text.
pub fn prefixed(kind: char, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(kind);
    out.push_str(text);
    out
}

/// The kind of a term (`None` for a plain word) and its text.
pub fn kind_of(term: &str) -> (Option<char>, &str) {
    let mut chars = term.chars();
    match chars.next() {
        Some(c @ (STEM | PART | NAME)) => (Some(c), chars.as_str()),
        Some('\u{4}') => (Some('\u{4}'), chars.as_str()),
        _ => (None, term),
    }
}

/// Every index term of `text` (see the module documentation), in position
/// order. `is_place` says whether a word is a known place (the
/// decompounder splits places only after a place).
pub fn index_tokens(
    text: &str,
    config: &AnalysisConfig,
    is_place: &dyn Fn(&str) -> bool,
) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut raw = DutchTokenizer;
    let mut raw = raw.token_stream(text);
    let mut exact = super::analyzer(super::NL_EXACT, config).expect("NL_EXACT is ours");
    let mut exact = exact.token_stream(text);
    let mut previous: Option<(usize, usize, usize)> = None; // position, from, to
    while raw.advance() && exact.advance() {
        let (source, word) = (raw.token(), exact.token());
        let new_position = previous.is_none_or(|(p, _, _)| p != word.position);
        if new_position && let Some((_, from, to)) = previous {
            let boundary = between(&text[from..to], &text[to..word.offset_from], &source.text);
            if boundary >= Boundary::Sentence {
                out.push(marker(word, SENTENCE));
            }
            if boundary == Boundary::Paragraph {
                out.push(marker(word, PARAGRAPH));
            }
        }
        if new_position {
            previous = Some((word.position, word.offset_from, word.offset_to));
        }
        out.push(word.clone());
        add_stems(&mut out, word, config);
        if config.compounds {
            add_parts(&mut out, word, config, is_place);
        }
        if source.text.starts_with(char::is_uppercase) && source.text.chars().count() >= 2 {
            for key in name_keys(&source.text).iter() {
                out.push(Token { text: prefixed(NAME, key), ..word.clone() });
            }
        }
    }
    out
}

fn marker(word: &Token, text: &str) -> Token {
    Token { text: text.to_string(), ..word.clone() }
}

fn add_stems(out: &mut Vec<Token>, word: &Token, config: &AnalysisConfig) {
    config.stemmer.with_stems(&word.text, |stems| {
        for stem in stems.iter().filter(|s| **s != word.text) {
            out.push(Token { text: prefixed(STEM, stem), ..word.clone() });
        }
    });
}

fn add_parts(
    out: &mut Vec<Token>,
    word: &Token,
    config: &AnalysisConfig,
    is_place: &dyn Fn(&str) -> bool,
) {
    let Some(parts) = Decompounder.split(&word.text, is_place) else { return };
    let mut seen: Vec<String> = Vec::new();
    for part in &parts {
        config.stemmer.with_stems(part, |stems| {
            for stem in stems {
                if !seen.contains(stem) {
                    seen.push(stem.clone());
                    out.push(Token { text: prefixed(PART, stem), ..word.clone() });
                }
            }
        });
    }
}

/// [`index_tokens`] as a tantivy tokenizer (registered as
/// [`super::NL_TERMS`]), with no place list: what `newsidx analyze` shows.
#[derive(Clone)]
pub struct TermsTokenizer {
    /// Analysis variant.
    pub config: AnalysisConfig,
    /// Whether a word is a known place.
    pub is_place: fn(&str) -> bool,
}

impl Tokenizer for TermsTokenizer {
    type TokenStream<'a> = TermsStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermsStream {
        let mut tokens = index_tokens(text, &self.config, &self.is_place);
        tokens.reverse();
        TermsStream { tokens, token: Token::default() }
    }
}

/// Token stream of [`TermsTokenizer`].
pub struct TermsStream {
    tokens: Vec<Token>,
    token: Token,
}

impl TokenStream for TermsStream {
    fn advance(&mut self) -> bool {
        match self.tokens.pop() {
            Some(t) => {
                self.token = t;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(usize, String)> {
        index_tokens(text, &AnalysisConfig::default(), &|_| false)
            .into_iter()
            .map(|t| (t.position, t.text))
            .collect()
    }

    fn has(text: &str, position: usize, term: &str) -> bool {
        terms(text).iter().any(|(p, t)| *p == position && t == term)
    }

    #[test]
    fn a_stem_is_added_only_where_it_differs_from_the_word() {
        let t = terms("De vluchtelingen");
        assert!(t.contains(&(0, "de".into())) && t.contains(&(1, "vluchtelingen".into())));
        let stem = crate::analysis::stem("vluchtelingen").into_owned();
        assert!(t.contains(&(1, prefixed(STEM, &stem))), "{t:?}");
        assert!(!t.iter().any(|(_, w)| w == &prefixed(STEM, "de")), "de is its own stem");
    }

    #[test]
    fn compound_parts_and_name_keys_share_the_words_position() {
        assert!(has("Het vluchtelingenkamp", 1, &prefixed(PART, "kamp")));
        let key = crate::analysis::name_key("Poetin");
        assert!(has("president Poetin", 1, &prefixed(NAME, &key)));
        assert!(!terms("president Poetin").iter().any(|(p, t)| *p == 0 && t.starts_with(NAME)));
    }

    #[test]
    fn boundaries_are_marked_at_the_next_words_position() {
        let t = terms("Poetin sprak in Moskou. Xi reisde af.\nDaarna kwam dhr. Jansen.");
        assert!(t.contains(&(4, SENTENCE.into())), "Xi opens a sentence: {t:?}");
        assert!(t.contains(&(7, SENTENCE.into())) && t.contains(&(7, PARAGRAPH.into())));
        assert!(!t.contains(&(10, SENTENCE.into())), "no boundary after dhr.");
        assert_eq!(t.iter().filter(|(_, w)| w.starts_with('\u{4}')).count(), 3);
    }

    #[test]
    fn positions_are_those_of_the_exact_words() {
        let exact = crate::analysis::tokens(crate::analysis::NL_EXACT, "Noord-Holland. Ook Gaza.");
        let t = terms("Noord-Holland. Ook Gaza.");
        for w in exact {
            assert!(t.contains(&(w.position, w.text.clone())), "{w:?} missing from {t:?}");
        }
    }

    #[test]
    fn kinds_are_told_apart() {
        assert_eq!(kind_of(&prefixed(STEM, "kamp")), (Some(STEM), "kamp"));
        assert_eq!(kind_of("kamp"), (None, "kamp"));
    }
}
