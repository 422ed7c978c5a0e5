//! Story ↔ tantivy document.
//!
//! Owns the mapping between [`Story`] and the schema's fields, in both
//! directions: writing a story with its file stamp, and reading the stored
//! fields of a hit back into a [`StoredStory`].

use tantivy::schema::Value;
use tantivy::tokenizer::PreTokenizedString;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::analysis::{self, AnalysisConfig, Decompounder};
use crate::crawl::SourceFile;
use crate::entities::gazetteer;
use crate::news::Story;
use crate::syndication;

/// The tantivy document of a story; `file` is the page it came from, whose
/// size, modification time and hash let the next build skip unchanged
/// pages.
/// Title and body are stored as written and indexed by the registered
/// analyzers of their fields; with a decompounder, the stems of compound
/// parts go to the `parts` field, pre-tokenized.
pub fn document(
    f: &Fields,
    story: &Story,
    file: &SourceFile,
    config: &AnalysisConfig,
    decompounder: Option<&Decompounder>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &story.id);
    doc.add_text(f.path, &story.path);
    doc.add_text(f.kind, story.kind.as_str());
    if let Some(section) = &story.section {
        doc.add_text(f.section, section);
    }
    doc.add_text(f.title, &story.title);
    doc.add_text(f.body, &story.body);
    let texts =
        [(&story.title, f.title_stem, f.title_exact), (&story.body, f.body_stem, f.body_exact)];
    for (text, stem_field, exact_field) in texts {
        doc.add_text(stem_field, text);
        doc.add_text(exact_field, text);
        doc.add_text(f.names, text);
        if let Some(decompounder) = decompounder {
            let exact = analysis::tokens_with(config, analysis::NL_EXACT, text);
            let parts = analysis::part_tokens(&exact, decompounder, &is_place, config);
            doc.add_pre_tokenized_text(f.parts, pre_tokenized(parts));
        }
    }
    if let Some(city) = &story.dateline {
        doc.add_text(f.dateline, city);
    }
    let lists = [
        (f.agency, &story.agencies),
        (f.person, &story.entities.persons),
        (f.location, &story.entities.locations),
        (f.organization, &story.entities.organizations),
    ];
    for (field, values) in lists {
        for value in values {
            doc.add_text(field, value);
        }
    }
    doc.add_date(f.published, DateTime::from_timestamp_secs(story.published.unix_timestamp()));
    doc.add_u64(f.file_size, file.entry.size);
    if let Some(signature) = syndication::signature(&story.body) {
        for value in syndication::to_values(&signature) {
            doc.add_u64(f.minhash, value);
        }
    }
    doc.add_i64(f.file_mtime, file.entry.mtime_ns);
    doc.add_u64(f.file_hash, file.hash);
    doc
}

/// Whether a word is a known place (the decompounder splits a place only
/// after a place: `Gazastrook`, not `Zeeland`).
pub fn is_place(word: &str) -> bool {
    gazetteer().place(word).is_some()
}

/// Tokens for a field that is indexed but not stored: the text itself is
/// not needed.
fn pre_tokenized(tokens: Vec<analysis::Token>) -> PreTokenizedString {
    PreTokenizedString { text: String::new(), tokens }
}

/// The stored fields of one indexed story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)]
pub struct StoredStory {
    pub id: String,
    pub path: String,
    pub kind: String,
    pub section: Option<String>,
    pub title: String,
    pub body: String,
    pub dateline: Option<String>,
    pub agencies: Vec<String>,
    pub persons: Vec<String>,
    pub locations: Vec<String>,
    pub organizations: Vec<String>,
    /// Seconds since the Unix epoch.
    pub published: i64,
}

/// Reads a stored document back.
pub fn stored(f: &Fields, doc: &TantivyDocument) -> StoredStory {
    let first = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
    let all = |field| doc.get_all(field).filter_map(|v| v.as_str()).map(str::to_string).collect();
    StoredStory {
        id: first(f.id).unwrap_or_default(),
        path: first(f.path).unwrap_or_default(),
        kind: first(f.kind).unwrap_or_default(),
        section: first(f.section),
        title: first(f.title).unwrap_or_default(),
        body: first(f.body).unwrap_or_default(),
        dateline: first(f.dateline),
        agencies: all(f.agency),
        persons: all(f.person),
        locations: all(f.location),
        organizations: all(f.organization),
        published: doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .map_or(0, |d| d.into_timestamp_secs()),
    }
}
