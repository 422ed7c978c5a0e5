//! Where the bytes of an index go: per field and per kind of file.
//!
//! Owns the size breakdown `newsidx check --sizes` prints, read from
//! tantivy's space accounting of every segment of the live generation.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::Searcher;
use tantivy::space_usage::PerFieldSpaceUsage;

/// Bytes of one field, by kind of index file, summed over the segments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldSize {
    /// Term dictionary.
    pub terms: u64,
    /// Posting lists (documents and frequencies).
    pub postings: u64,
    /// Positions.
    pub positions: u64,
    /// Fast-field columns and their dictionaries.
    pub fast: u64,
    /// Field norms.
    pub fieldnorms: u64,
}

impl FieldSize {
    /// All kinds together.
    pub fn total(&self) -> u64 {
        self.terms + self.postings + self.positions + self.fast + self.fieldnorms
    }
}

/// The size breakdown of an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sizes {
    /// Field name → bytes by kind.
    pub fields: BTreeMap<String, FieldSize>,
    /// Stored documents (compressed blocks and their offsets).
    pub store: u64,
    /// Delete bitsets.
    pub deletes: u64,
    /// Everything.
    pub total: u64,
}

/// Where one kind of file's bytes go in a [`FieldSize`].
type Slot = fn(&mut FieldSize) -> &mut u64;

/// The size breakdown of what `searcher` sees.
///
/// # Errors
/// An index file cannot be read.
pub fn sizes(searcher: &Searcher) -> std::io::Result<Sizes> {
    let usage = searcher.space_usage()?;
    let mut out = Sizes { total: usage.total().get_bytes(), ..Sizes::default() };
    for segment in usage.segments() {
        let parts: [(&PerFieldSpaceUsage, Slot); 5] = [
            (segment.termdict(), |f| &mut f.terms),
            (segment.postings(), |f| &mut f.postings),
            (segment.positions(), |f| &mut f.positions),
            (segment.fast_fields(), |f| &mut f.fast),
            (segment.fieldnorms(), |f| &mut f.fieldnorms),
        ];
        for (per_field, slot) in parts {
            for field in per_field.fields() {
                let entry = out.fields.entry(field.field_name().to_string()).or_default();
                *slot(entry) += field.total().get_bytes();
            }
        }
        out.store += segment.store().total().get_bytes();
        out.deletes += segment.deletes().get_bytes();
    }
    Ok(out)
}
