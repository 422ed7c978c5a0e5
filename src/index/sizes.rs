//! Where the bytes of an index go: per field and per kind of file.
//!
//! Owns the size breakdown `newsidx check --sizes` prints, read from
//! tantivy's space accounting of every segment of the live generation, and
//! the split of the text fields' postings and positions by kind of term
//! (words, stems, compound parts, name keys, boundary markers: see
//! `crate::analysis::terms`), read from each term's byte ranges.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::Searcher;
use tantivy::space_usage::PerFieldSpaceUsage;

use crate::analysis::terms;

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

/// One kind of term of a text field, summed over the segments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindSize {
    /// Distinct terms (per segment, so a term in two segments counts twice).
    pub terms: u64,
    /// Bytes of their posting lists.
    pub postings: u64,
    /// Bytes of their positions.
    pub positions: u64,
}

/// The size breakdown of an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sizes {
    /// Field name → bytes by kind.
    pub fields: BTreeMap<String, FieldSize>,
    /// Text field (`title`, `body`) → kind of term → its share.
    pub term_kinds: BTreeMap<String, BTreeMap<&'static str, KindSize>>,
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
    for name in TEXT_FIELDS {
        out.term_kinds.insert(name.to_string(), term_kinds(searcher, name)?);
    }
    Ok(out)
}

/// The fields indexed with every kind of term.
const TEXT_FIELDS: [&str; 2] = ["title", "body"];

/// The kind of an index term of a text field, by its first character.
fn kind_of(term: &[u8]) -> &'static str {
    match term.first().map(|&b| char::from(b)) {
        Some(terms::STEM) => "stem",
        Some(terms::PART) => "part",
        Some(terms::NAME) => "name key",
        Some('\u{4}') => "boundary",
        _ => "word",
    }
}

/// Terms, postings bytes and positions bytes of each kind of term of
/// `field`, from the byte ranges of every term of every segment.
fn term_kinds(
    searcher: &Searcher,
    field: &str,
) -> std::io::Result<BTreeMap<&'static str, KindSize>> {
    let mut kinds: BTreeMap<&'static str, KindSize> = BTreeMap::new();
    let Ok(field) = searcher.schema().get_field(field) else { return Ok(kinds) };
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(field).map_err(std::io::Error::other)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let info = stream.value();
            let kind = kinds.entry(kind_of(stream.key())).or_default();
            kind.terms += 1;
            kind.postings += info.postings_range.len() as u64;
            kind.positions += info.positions_range.len() as u64;
        }
    }
    Ok(kinds)
}
