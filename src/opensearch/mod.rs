//! OpenSearch as the scale-out path: newsidx analyses, the cluster stores
//! and searches.
//!
//! Owns the contract with an OpenSearch (or Elasticsearch) cluster: the
//! index template ([`mapping`]), the document of a story with the terms
//! newsidx computed for it ([`document`]), the bulk files and the record of
//! what was exported for `--changes` ([`export`], [`changes`]), and the
//! translation of a query plan into the Query DSL ([`dsl`]).
//!
//! The cluster never analyses Dutch itself: every analysed field holds
//! newsidx's own terms separated by spaces and is read with a whitespace
//! tokenizer, so stems (Kraaij-Pohlmann with newsidx's overrides), compound
//! parts and name keys are the ones the local index has, whatever stemmers
//! the cluster's Lucene still ships. A story's terms are split by kind:
//!
//! | field | holds | positions |
//! |---|---|---|
//! | `title_terms.words`, `body_terms.words` | the first word at each position, as indexed (lowercased, folded) | yes: phrases, `~N`, prefixes |
//! | `…_terms.words_alt` | other words at a position (`groenlinkspvda` beside `groenlinks`) | no |
//! | `…_terms.stems` | every stem of each word (a word that is its own stem included) | no |
//! | `…_terms.parts` | stems of compound parts | no |
//! | `…_terms.names` | name spelling keys and acronym keys | no |
//! | `facet_terms.<facet>` | the analysed words of each facet value | yes, 100 apart between values |

pub mod changes;
pub mod document;
pub mod dsl;
pub mod export;
pub mod mapping;

/// A term as one whitespace-separated token: any whitespace inside it
/// becomes `_` (the document and the query side agree on this).
pub fn token(term: &str) -> std::borrow::Cow<'_, str> {
    if term.contains(char::is_whitespace) {
        term.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect::<String>().into()
    } else {
        term.into()
    }
}
