//! Story ↔ tantivy document.
//!
//! Owns the mapping between [`Story`] and the schema's fields, in both
//! directions: writing a story with its file stamp, and reading the stored
//! fields of a hit back into a [`StoredStory`].

use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::crawl::SourceFile;
use crate::entities::gazetteer;
use crate::news::Story;
use crate::syndication;

/// The tantivy document of a story; `file` is the page it came from.
///
/// Title and body are stored as written and indexed, each in one field,
/// under every term [`crate::analysis::terms`] makes of them (words, stems,
/// compound parts, name keys, sentence boundaries): tantivy runs that
/// analysis once per text in its indexing threads.
/// The page's file stamp (size, modification time, hash), which lets the
/// next build skip unchanged pages, goes with its first story only.
pub fn document(f: &Fields, story: &Story, file: &SourceFile) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &story.id);
    doc.add_text(f.path, &story.path);
    doc.add_text(f.kind, story.kind.as_str());
    if let Some(section) = &story.section {
        doc.add_text(f.section, section);
    }
    doc.add_text(f.title, &story.title);
    doc.add_text(f.body, &story.body);
    if let Some(signature) = syndication::signature(&story.body) {
        for (field, word) in f.minhash.iter().zip(syndication::to_words(&signature)) {
            doc.add_u64(*field, word);
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
    if story.id.ends_with("#0") {
        doc.add_u64(f.file_size, file.entry.size);
        doc.add_i64(f.file_mtime, file.entry.mtime_ns);
        doc.add_u64(f.file_hash, file.hash);
    }
    doc
}

/// Whether a word is a known place (the decompounder splits a place only
/// after a place: `Gazastrook`, not `Zeeland`).
pub fn is_place(word: &str) -> bool {
    gazetteer().place(word).is_some()
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
        path: first(f.id)
            .map(|id| id.rsplit_once('#').map_or(id.clone(), |(p, _)| p.to_string()))
            .unwrap_or_default(),
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
