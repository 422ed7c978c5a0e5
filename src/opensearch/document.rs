//! A story as an OpenSearch document: the text for display, the facets as
//! keywords, and the terms newsidx indexes for it, split by kind (the table
//! in [`super`]).

use serde_json::{Map, Value, json};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::mapping::{GAP_TOKEN, text_facets};
use super::token;
use crate::analysis::terms::{NAME, PART, STEM, TermsTokenizer, kind_of};
use crate::analysis::{AnalysisConfig, NL_FACET, analyzer};
use crate::index::{StoredStory, is_place};
use crate::search::{Facet, rfc3339};

/// Makes documents with one index analysis (the analysers are built once).
pub struct Documents {
    config: AnalysisConfig,
    terms: TermsTokenizer,
    facets: TextAnalyzer,
}

/// A text's terms by kind, each a space-separated string.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TextTerms {
    /// The first word at each position (gaps filled with [`GAP_TOKEN`]).
    pub words: String,
    /// Other words at a position.
    pub words_alt: String,
    /// Every stem of every word.
    pub stems: String,
    /// Compound part stems.
    pub parts: String,
    /// Name spelling and acronym keys.
    pub names: String,
}

impl Documents {
    /// Documents analysed like an index with `config`.
    pub fn new(config: &AnalysisConfig) -> Documents {
        Documents {
            config: *config,
            terms: TermsTokenizer::new(*config, is_place),
            facets: analyzer(NL_FACET, config).expect("NL_FACET is an analyzer"),
        }
    }

    /// The `_source` of `story`, in the syndication cluster `cluster`.
    pub fn source(&mut self, story: &StoredStory, cluster: &str) -> Value {
        let mut facet_terms = Map::new();
        for facet in text_facets() {
            let values: Vec<Value> =
                facet_values(story, facet).iter().map(|v| self.facet_words(v).into()).collect();
            facet_terms.insert(facet.field_name().into(), values.into());
        }
        json!({
            "id": story.id,
            "path": story.path,
            "kind": story.kind,
            "section": story.section,
            "published": rfc3339(story.published),
            "title": story.title,
            "body": story.body,
            "dateline": story.dateline,
            "agency": story.agencies,
            "person": story.persons,
            "location": story.locations,
            "organization": story.organizations,
            "cluster": cluster,
            "title_terms": self.text_terms(&story.title).to_json(),
            "body_terms": self.text_terms(&story.body).to_json(),
            "facet_terms": facet_terms,
        })
    }

    /// The terms of `text` by kind, from the index analysis itself.
    pub fn text_terms(&mut self, text: &str) -> TextTerms {
        let mut out = TextTerms::default();
        let mut next_position = 0;
        let mut stream = self.terms.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            match kind_of(&t.text) {
                (None, word) => {
                    if t.position < next_position {
                        push(&mut out.words_alt, word);
                    } else {
                        for _ in next_position..t.position {
                            push(&mut out.words, GAP_TOKEN);
                        }
                        push(&mut out.words, word);
                        next_position = t.position + 1;
                    }
                    // A query for a stem also finds a word that is its own stem.
                    if self.config.stemmer.with_stems(word, |s| s.iter().any(|x| x == word)) {
                        push(&mut out.stems, word);
                    }
                }
                (Some(STEM), stem) => push(&mut out.stems, stem),
                (Some(PART), part) => push(&mut out.parts, part),
                (Some(NAME), key) => push(&mut out.names, key),
                _ => {} // sentence and paragraph markers: positions only
            }
        }
        out
    }

    /// A facet value's analysed words, one per position.
    fn facet_words(&mut self, value: &str) -> String {
        let mut stream = self.facets.token_stream(value);
        let mut out = String::new();
        let mut last = None;
        stream.process(&mut |t: &Token| {
            if last != Some(t.position) {
                push(&mut out, &t.text);
                last = Some(t.position);
            }
        });
        out
    }
}

impl TextTerms {
    fn to_json(&self) -> Value {
        json!({ "words": self.words, "words_alt": self.words_alt, "stems": self.stems,
                "parts": self.parts, "names": self.names })
    }
}

fn push(out: &mut String, term: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&token(term));
}

fn facet_values(story: &StoredStory, facet: Facet) -> Vec<&str> {
    match facet {
        Facet::Location => story.locations.iter().map(String::as_str).collect(),
        Facet::Person => story.persons.iter().map(String::as_str).collect(),
        Facet::Organization => story.organizations.iter().map(String::as_str).collect(),
        Facet::Agency => story.agencies.iter().map(String::as_str).collect(),
        Facet::Dateline => story.dateline.as_deref().into_iter().collect(),
        Facet::Section => story.section.as_deref().into_iter().collect(),
        Facet::Kind => vec![story.kind.as_str()],
    }
}
