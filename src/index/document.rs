//! Story ↔ tantivy document.
//!
//! Owns the mapping between [`Story`] and the schema's fields, in both
//! directions: writing a story with its file stamp, and reading the stored
//! fields of a hit back into a [`StoredStory`].

use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::analysis::{self, Decompounder, NL_EXACT};
use crate::crawl::FileEntry;
use crate::entities::gazetteer;
use crate::news::Story;

/// The tantivy document of a story; `file` is the page it came from, whose
/// size and modification time let the next build skip unchanged pages.
/// With a decompounder, the parts of compounds go to the `parts` field.
pub fn document(
    f: &Fields,
    story: &Story,
    file: &FileEntry,
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
    doc.add_text(f.title_exact, &story.title);
    doc.add_text(f.body, &story.body);
    doc.add_text(f.body_exact, &story.body);
    doc.add_text(f.names, &story.title);
    doc.add_text(f.names, &story.body);
    if let Some(decompounder) = decompounder {
        doc.add_text(f.parts, parts_text(decompounder, &story.title, &story.body));
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
    doc.add_u64(f.file_size, file.size);
    doc.add_i64(f.file_mtime, file.mtime_ns);
    doc
}

/// The parts of every compound in `title` and `body`, space-separated.
pub fn parts_text(decompounder: &Decompounder, title: &str, body: &str) -> String {
    let is_place = |word: &str| gazetteer().place(word).is_some();
    let mut out = String::new();
    for text in [title, body] {
        for token in analysis::tokens(NL_EXACT, text) {
            for part in decompounder.split(&token.text, &is_place).into_iter().flatten() {
                out.push_str(&part);
                out.push(' ');
            }
        }
    }
    out
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
