//! Dutch text analysis: the one definition of how text becomes terms.
//!
//! Owns the named analyzers that the schema (`index_schema/schema.json`)
//! refers to, and registers them in a tantivy [`TokenizerManager`] so that
//! indexing and querying run the same chain. Also owns the other Dutch
//! word knowledge the search needs: stop words for queries, name spelling
//! keys and aliases, and the decompounder. Knows nothing of pages, fields
//! or files.
//!
//! | name | chain | used for |
//! |---|---|---|
//! | [`NL_TEXT`] | [`DutchTokenizer`] → lowercase → ASCII fold → [`Stemmer`] | `title_stem`, `body_stem`, `parts` |
//! | [`NL_EXACT`] | [`DutchTokenizer`] → lowercase → ASCII fold | `title_exact`, `body_exact`: quoted phrases, prefixes, exact-match boost |
//! | [`NL_FACET`] | [`DutchTokenizer`] → lowercase → ASCII fold | facet values, so `--location den haag` finds `Den Haag` |
//! | [`NL_NAME`] | [`DutchTokenizer`] → capitalised words only → [`name_key`] | `names`: `Poetin` = `Putin` |
//!
//! Folding comes before stemming: a query typed without diacritics
//! (`Oekraine`, `financiele`) then always meets the document form; stemming
//! first mismatches 6.6% of non-ASCII words (research note §2.5).
//! No stopwords are removed from the index: `OM`, `IS`, `van der Plas`,
//! `Den Haag` stay searchable.
//!
//! The chain can be varied ([`AnalysisConfig`]) for the evaluation in
//! `EVALUATION.md`; the default is what that evaluation chose, and the
//! variant in use is part of the [`AnalysisConfig::id`] recorded in every
//! index.

mod aliases;
mod boundaries;
mod compound;
mod inflection;
mod intensified;
pub mod lexicon;
mod names;
mod stem;
mod stopwords;
pub mod terms;
mod tokenizer;

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, TextAnalyzer, TokenizerManager};

pub use tantivy::tokenizer::Token;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use aliases::Aliases;
pub use boundaries::{Boundary, between as boundary_between};
pub use compound::Decompounder;
pub use names::{NameKeyFilter, acronym_key, is_acronym, name_key, name_keys};
pub use stem::{StemFilter, Stemmer, stem};
pub use stopwords::{PARTICLES, is_stopword};
pub use tokenizer::{DutchTokenizer, MAX_TOKEN_BYTES, is_ignorable};

/// Stemmed Dutch text analyzer.
pub const NL_TEXT: &str = "nl_text";
/// Unstemmed (lowercased, folded) Dutch text analyzer.
pub const NL_EXACT: &str = "nl_exact";
/// Analyzer for facet values used as filters.
pub const NL_FACET: &str = "nl_facet";
/// Name spelling keys of capitalised words.
pub const NL_NAME: &str = "nl_name";
/// Every index term of a text in one stream ([`terms`]): words, stems,
/// compound parts, name keys and sentence boundaries.
pub const NL_TERMS: &str = "nl_terms";

/// Every analyzer name this module registers.
pub const ALL: [&str; 5] = [NL_TEXT, NL_EXACT, NL_FACET, NL_NAME, NL_TERMS];

/// Version of the frostem crate the stemmer comes from. A test compares it
/// with `Cargo.lock`, so a dependency bump forces a new analyzer id.
pub const FROSTEM_VERSION: &str = "1.20260821.8";

/// Version of the tokenizer, override map, name key and decompounder
/// rules. Bump it whenever any of them changes what terms a text gives.
pub const RULES_VERSION: u32 = 42;

/// Which variant of the analysis chain an index uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnalysisConfig {
    /// Stemming of the `nl_text` fields.
    pub stemmer: Stemmer,
    /// Write compound parts to the `parts` field.
    pub compounds: bool,
    /// Use the `names` field (spelling keys and aliases) in queries.
    pub names: bool,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig { stemmer: Stemmer::KpTuned, compounds: true, names: true }
    }
}

impl AnalysisConfig {
    /// Identifies the whole analysis chain. It is recorded in every index;
    /// an index built with another id is refused with a request to
    /// rebuild, because its terms would not match the terms of new queries.
    ///
    /// ```
    /// let id = newsidx::analysis::AnalysisConfig::default().id();
    /// assert!(id.contains("frostem-1.20260821.8"));
    /// ```
    pub fn id(&self) -> String {
        let algorithm = match self.stemmer {
            Stemmer::None => "none".to_string(),
            Stemmer::Porter => format!("frostem-{FROSTEM_VERSION}/dutch_porter"),
            Stemmer::Kp => format!("frostem-{FROSTEM_VERSION}/dutch(kraaij-pohlmann)"),
            Stemmer::KpTuned => {
                format!("frostem-{FROSTEM_VERSION}/dutch(kraaij-pohlmann)+overrides")
            }
        };
        let on = |b: bool| if b { "on" } else { "off" };
        format!(
            "nl-{RULES_VERSION};tokenizer=dutch;lowercase;asciifold;stem={algorithm};compounds={};names={}",
            on(self.compounds),
            on(self.names)
        )
    }
}

/// Builds the analyzer registered under `name`, if it is one of ours.
pub fn analyzer(name: &str, config: &AnalysisConfig) -> Option<TextAnalyzer> {
    let folded =
        || TextAnalyzer::builder(DutchTokenizer).filter(LowerCaser).filter(AsciiFoldingFilter);
    match name {
        NL_TEXT => Some(folded().filter(StemFilter(config.stemmer)).build()),
        NL_EXACT | NL_FACET => Some(folded().build()),
        NL_NAME => Some(TextAnalyzer::builder(DutchTokenizer).filter(NameKeyFilter).build()),
        NL_TERMS => Some(TextAnalyzer::from(terms::TermsTokenizer::new(*config, |_| false))),
        _ => None,
    }
}

/// Registers every newsidx analyzer, in the variant `config`, in `manager`.
///
/// # Example
/// ```
/// use newsidx::analysis::{AnalysisConfig, NL_TEXT, register};
/// let manager = tantivy::tokenizer::TokenizerManager::default();
/// register(&manager, &AnalysisConfig::default());
/// let mut nl = manager.get(NL_TEXT).unwrap();
/// let plural = nl.token_stream("Vluchtelingen").next().unwrap().text.clone();
/// let singular = nl.token_stream("vluchteling").next().unwrap().text.clone();
/// assert_eq!(plural, singular);
/// ```
pub fn register(manager: &TokenizerManager, config: &AnalysisConfig) {
    for name in ALL {
        manager.register(name, analyzer(name, config).expect("every name in ALL has an analyzer"));
    }
}

/// Registers the index analysis [`NL_TERMS`] with a place list: the
/// decompounder splits a known place only after a place (`Gazastrook`, not
/// `Zeeland`), and what a place is, the caller knows.
pub fn register_terms(
    manager: &TokenizerManager,
    config: &AnalysisConfig,
    is_place: fn(&str) -> bool,
) {
    manager.register(NL_TERMS, TextAnalyzer::from(terms::TermsTokenizer::new(*config, is_place)));
}

/// Runs the analyzer `name` (default variant) over `text`.
///
/// # Panics
/// If `name` is not one of [`ALL`] (a programming error, not an input error).
pub fn tokens(name: &str, text: &str) -> Vec<Token> {
    tokens_with(&AnalysisConfig::default(), name, text)
}

/// Runs the analyzer `name` in the variant `config` over `text`.
///
/// # Panics
/// If `name` is not one of [`ALL`].
pub fn tokens_with(config: &AnalysisConfig, name: &str, text: &str) -> Vec<Token> {
    let mut analyzer = analyzer(name, config).expect("analyzer name must be one of analysis::ALL");
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |t| out.push(t.clone()));
    out
}

/// Lowercase with diacritics removed (`Oekraïne` → `oekraine`, `ĳ` → `ij`,
/// `’` → `'`): the form word lists and lookups compare.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str, text: &str) -> Vec<String> {
        tokens(name, text).into_iter().map(|t| t.text).collect()
    }

    /// FNV-1a of the shipped lexicon when [`RULES_VERSION`] was last set.
    const LEXICON_FNV: (u32, u64) = (42, 5_960_530_838_190_738_615);

    #[test]
    fn a_new_lexicon_comes_with_a_new_analyzer_id() {
        let fnv =
            include_bytes!("data/opentaal.fst").iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
        assert_eq!(
            (RULES_VERSION, fnv),
            LEXICON_FNV,
            "data/opentaal.fst changed what parts words give: bump RULES_VERSION and record both"
        );
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
    fn name_analyzer_keys_capitalised_words() {
        assert_eq!(texts(NL_NAME, "president Poetin"), texts(NL_NAME, "Putin"));
    }

    #[test]
    fn stemmer_variant_changes_the_id() {
        let porter = AnalysisConfig { stemmer: Stemmer::Porter, ..AnalysisConfig::default() };
        assert_ne!(porter.id(), AnalysisConfig::default().id());
        assert_eq!(texts(NL_TEXT, "bomen"), ["boom"]);
        let words: Vec<String> =
            tokens_with(&porter, NL_TEXT, "bomen").into_iter().map(|t| t.text).collect();
        assert_eq!(words, ["bom"]);
    }

    #[test]
    fn frostem_version_matches_cargo_lock() {
        let lock = include_str!("../../Cargo.lock");
        let entry = format!("name = \"frostem\"\nversion = \"{FROSTEM_VERSION}\"");
        assert!(
            lock.contains(&entry),
            "Cargo.lock has another frostem than {FROSTEM_VERSION}: update FROSTEM_VERSION \
             (indexes must be rebuilt)"
        );
    }
}
