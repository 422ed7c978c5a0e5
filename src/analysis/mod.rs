//! Dutch text analysis: the one definition of how text becomes terms.
//!
//! Owns the named analyzers that the schema (`index_schema/schema.json`)
//! refers to, and registers them in a tantivy [`TokenizerManager`] so that
//! indexing and querying run the same chain. Knows nothing about pages,
//! fields or files.
//!
//! | name | chain | used for |
//! |---|---|---|
//! | [`NL_TEXT`] | [`DutchTokenizer`] → lowercase → ASCII fold → Kraaij-Pohlmann stem | `title`, `body` |
//! | [`NL_EXACT`] | [`DutchTokenizer`] → lowercase → ASCII fold | `title_exact`, `body_exact`: quoted phrases, prefixes, exact-match boost |
//! | [`NL_FACET`] | [`DutchTokenizer`] → lowercase → ASCII fold | facet values (`location`, `person`…), so `--location den haag` finds `Den Haag` |
//!
//! Folding comes before stemming: a query typed without diacritics
//! (`Oekraine`, `financiele`) then always meets the document form; stemming
//! first mismatches 6.6% of non-ASCII words (research note §2.5).
//! No stopwords are removed: `OM`, `IS`, `van der Plas`, `Den Haag` stay
//! searchable.

mod stem;
mod tokenizer;

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, TextAnalyzer, Token, TokenizerManager};

pub use stem::{ALGORITHM as STEM_ALGORITHM, DutchStemmer, stem};
pub use tokenizer::{DutchTokenizer, MAX_TOKEN_BYTES, is_ignorable};

/// Stemmed Dutch text analyzer.
pub const NL_TEXT: &str = "nl_text";
/// Unstemmed (lowercased, folded) Dutch text analyzer.
pub const NL_EXACT: &str = "nl_exact";
/// Analyzer for facet values used as filters.
pub const NL_FACET: &str = "nl_facet";

/// Every analyzer name this module registers.
pub const ALL: [&str; 3] = [NL_TEXT, NL_EXACT, NL_FACET];

/// Version of the frostem crate the stemmer comes from. A test compares it
/// with `Cargo.lock`, so a dependency bump forces a new [`ANALYZER_ID`].
pub const FROSTEM_VERSION: &str = "1.20260821.8";

/// Identifies the whole analysis chain. It is recorded in every index; an
/// index built with a different id is refused with a request to rebuild,
/// because its terms would no longer match the terms of new queries.
pub const ANALYZER_ID: &str = "nl-1;tokenizer=dutch-1;lowercase;asciifold;\
     stem=frostem-1.20260821.8/dutch(kraaij-pohlmann)";

/// Builds the analyzer registered under `name`, if it is one of ours.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let folded =
        || TextAnalyzer::builder(DutchTokenizer).filter(LowerCaser).filter(AsciiFoldingFilter);
    match name {
        NL_TEXT => Some(folded().filter(DutchStemmer).build()),
        NL_EXACT | NL_FACET => Some(folded().build()),
        _ => None,
    }
}

/// Registers every newsidx analyzer in `manager`.
///
/// # Example
/// ```
/// use tantivy::tokenizer::TokenizerManager;
/// let manager = TokenizerManager::default();
/// newsidx::analysis::register(&manager);
/// let mut nl = manager.get(newsidx::analysis::NL_TEXT).unwrap();
/// let plural = nl.token_stream("Vluchtelingen").next().unwrap().text.clone();
/// let singular = nl.token_stream("vluchteling").next().unwrap().text.clone();
/// assert_eq!(plural, singular);
/// ```
pub fn register(manager: &TokenizerManager) {
    for name in ALL {
        manager.register(name, analyzer(name).expect("every name in ALL has an analyzer"));
    }
}

/// Runs the analyzer `name` over `text` and returns its tokens.
///
/// # Panics
/// If `name` is not one of [`ALL`] (a programming error, not an input error).
pub fn tokens(name: &str, text: &str) -> Vec<Token> {
    let mut analyzer = analyzer(name).expect("analyzer name must be one of analysis::ALL");
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |t| out.push(t.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str, text: &str) -> Vec<String> {
        tokens(name, text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn diacritics_fold_so_oekraine_meets_oekraine() {
        assert_eq!(texts(NL_TEXT, "Oekraïne"), texts(NL_TEXT, "Oekraine"));
        assert_eq!(texts(NL_EXACT, "België"), ["belgie"]);
    }

    #[test]
    fn stemmed_chain_conflates_inflection() {
        assert_eq!(texts(NL_TEXT, "vluchtelingen"), texts(NL_TEXT, "vluchteling"));
        assert_eq!(texts(NL_TEXT, "gedood"), texts(NL_TEXT, "doden"));
    }

    #[test]
    fn exact_chain_does_not_stem() {
        assert_eq!(texts(NL_EXACT, "Vluchtelingen"), ["vluchtelingen"]);
    }

    #[test]
    fn stopwords_and_acronyms_stay() {
        assert_eq!(texts(NL_EXACT, "het OM en IS"), ["het", "om", "en", "is"]);
    }

    #[test]
    fn ij_ligature_and_ij_digraph_meet() {
        assert_eq!(texts(NL_TEXT, "Ĳsland"), texts(NL_TEXT, "IJsland"));
    }

    #[test]
    fn facet_analyzer_matches_case_and_accents() {
        assert_eq!(texts(NL_FACET, "Genève"), texts(NL_FACET, "GENEVE"));
        assert_eq!(texts(NL_FACET, "Den Haag"), ["den", "haag"]);
    }

    #[test]
    fn frostem_version_matches_cargo_lock() {
        let lock = include_str!("../../Cargo.lock");
        let entry = format!("name = \"frostem\"\nversion = \"{FROSTEM_VERSION}\"");
        assert!(
            lock.contains(&entry),
            "Cargo.lock has another frostem than {FROSTEM_VERSION}: update FROSTEM_VERSION \
             and ANALYZER_ID (indexes must be rebuilt)"
        );
        assert!(ANALYZER_ID.contains(FROSTEM_VERSION));
    }
}
