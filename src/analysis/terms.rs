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
//! | [`NAME`] + each spelling key | capitalised words, not stop words opening a sentence | `\u{3}vluchtelingenkampen` |
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
//! The stream is the tokenizer [`super::NL_TERMS`] of the `title` and
//! `body` fields: tantivy runs it once per text in its indexing threads,
//! and `newsidx analyze` shows it ([`index_tokens`]).

use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::boundaries::{Boundary, between};
use super::{AnalysisConfig, Decompounder, DutchTokenizer, is_acronym, is_stopword, name_keys};
use crate::memo::Memo;

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
pub fn index_tokens(text: &str, config: &AnalysisConfig, is_place: fn(&str) -> bool) -> Vec<Token> {
    let mut tokenizer = TermsTokenizer::new(*config, is_place);
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// The index analysis as a tantivy tokenizer (registered as
/// [`super::NL_TERMS`]): tantivy runs it in its indexing threads, so a
/// text is analysed once and no token list is built.
#[derive(Clone)]
pub struct TermsTokenizer {
    config: AnalysisConfig,
    is_place: fn(&str) -> bool,
    words: DutchTokenizer,
}

impl TermsTokenizer {
    /// The analysis in the variant `config`; `is_place` says whether a
    /// word is a known place.
    pub fn new(config: AnalysisConfig, is_place: fn(&str) -> bool) -> TermsTokenizer {
        TermsTokenizer { config, is_place, words: DutchTokenizer }
    }
}

impl Tokenizer for TermsTokenizer {
    type TokenStream<'a> = TermsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermsStream<'a> {
        TermsStream {
            text,
            raw: self.words.token_stream(text),
            config: self.config,
            is_place: self.is_place,
            queue: Vec::new(),
            queued: 0,
            next: 0,
            token: Token::default(),
            previous: None,
        }
    }
}

/// Token stream of [`TermsTokenizer`]: the terms of one word at a time,
/// from a queue whose strings are reused from word to word.
pub struct TermsStream<'a> {
    text: &'a str,
    raw: super::tokenizer::DutchTokenStream<'a>,
    config: AnalysisConfig,
    is_place: fn(&str) -> bool,
    queue: Vec<Token>,
    queued: usize,
    next: usize,
    token: Token,
    /// Position and offsets of the last word that opened a position.
    previous: Option<(usize, usize, usize)>,
}

impl TokenStream for TermsStream<'_> {
    fn advance(&mut self) -> bool {
        while self.next == self.queued {
            if !self.raw.advance() {
                return false;
            }
            self.fill();
        }
        std::mem::swap(&mut self.token, &mut self.queue[self.next]);
        self.next += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl TermsStream<'_> {
    /// Queues every term of the word the tokenizer is on.
    fn fill(&mut self) {
        self.queued = 0;
        self.next = 0;
        let source = self.raw.token();
        let (position, from, to) = (source.position, source.offset_from, source.offset_to);
        let new_position = self.previous.is_none_or(|(p, _, _)| p != position);
        if new_position {
            if let Some((_, prev_from, prev_to)) = self.previous {
                let text = self.text;
                let boundary =
                    between(&text[prev_from..prev_to], &text[prev_to..from], &source.text);
                if boundary >= Boundary::Sentence {
                    self.push(SENTENCE, None);
                }
                if boundary == Boundary::Paragraph {
                    self.push(PARAGRAPH, None);
                }
            }
            self.previous = Some((position, from, to));
        }
        let word = exact_form(&self.raw.token().text);
        self.push(&word, None);
        let derived = derived_terms(&word, &self.config, self.is_place);
        for term in derived.iter() {
            self.push(term, None);
        }
        let source = &self.raw.token().text;
        let capitalised = source.starts_with(char::is_uppercase) && source.chars().count() >= 2;
        // A capitalised stop word opens a sentence (`De`, `Het`); it is no
        // name, unless written in capitals as an acronym (`IS`, `OM`).
        if capitalised && (!is_stopword(&word) || is_acronym(source)) {
            let keys = name_keys(source);
            for key in keys.iter() {
                self.push(key, Some(NAME));
            }
        }
    }

    /// Queues one term at the current word's position and offsets.
    fn push(&mut self, text: &str, kind: Option<char>) {
        let source = self.raw.token();
        if self.queued == self.queue.len() {
            self.queue.push(Token::default());
        }
        let slot = &mut self.queue[self.queued];
        slot.text.clear();
        if let Some(kind) = kind {
            slot.text.push(kind);
        }
        slot.text.push_str(text);
        slot.position = source.position;
        slot.offset_from = source.offset_from;
        slot.offset_to = source.offset_to;
        slot.position_length = 1;
        self.queued += 1;
    }
}

/// Distinct words whose derived terms a thread remembers (young
/// generation; see [`Memo`]).
const DERIVED_CACHE: usize = 50_000;

/// The analysis variant and place test (as an address) a cache is for.
type CacheKey = (AnalysisConfig, usize);

thread_local! {
    /// word → its stem and part terms, for the analysis variant and place
    /// test in use.
    static DERIVED: std::cell::RefCell<(CacheKey, Memo<Rc<[String]>>)> =
        std::cell::RefCell::new(((AnalysisConfig::default(), 0), Memo::new(DERIVED_CACHE)));
}

/// The prefixed stem terms (stems that differ from the word) and compound
/// part terms (stems of the parts, each once) of a folded word: one cache
/// lookup per word for both.
fn derived_terms(word: &str, config: &AnalysisConfig, is_place: fn(&str) -> bool) -> Rc<[String]> {
    DERIVED.with_borrow_mut(|(cached_for, memo)| {
        let key = (*config, is_place as usize);
        if *cached_for != key {
            *cached_for = key;
            *memo = Memo::new(DERIVED_CACHE);
        }
        memo.get_or_insert_with(word, || {
            let mut out: Vec<String> = Vec::new();
            for stem in config.stemmer.compute(word).into_iter().filter(|s| s != word) {
                out.push(prefixed(STEM, &stem));
            }
            if config.compounds
                && let Some(parts) = Decompounder.split(word, &is_place)
            {
                for part in &parts {
                    for stem in config.stemmer.compute(part) {
                        let term = prefixed(PART, &stem);
                        if !out.contains(&term) {
                            out.push(term);
                        }
                    }
                }
            }
            out.into()
        })
    })
}

/// The word as written, lowercased and folded exactly as the `nl_exact`
/// analyzer does (tantivy's lower caser and ASCII folding).
pub fn exact_form(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    thread_local! {
        static FOLD: std::cell::RefCell<tantivy::tokenizer::TextAnalyzer> = std::cell::RefCell::new(
            tantivy::tokenizer::TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
                .filter(tantivy::tokenizer::LowerCaser)
                .filter(tantivy::tokenizer::AsciiFoldingFilter)
                .build(),
        );
    }
    FOLD.with_borrow_mut(|fold| {
        let mut stream = fold.token_stream(word);
        if stream.advance() { stream.token().text.clone() } else { word.to_lowercase() }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(usize, String)> {
        index_tokens(text, &AnalysisConfig::default(), |_| false)
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
