//! Reading stored documents without trusting the store file.
//!
//! Owns loading a story's stored fields. A flipped byte in a store file can
//! turn a length prefix into terabytes, and tantivy allocates a string of
//! that length before reading it: the process would abort. So the bytes of
//! each document are walked first ([`plausible`]) with the layout tantivy
//! writes for the value types newsidx stores; a document that does not fit
//! is reported as damage, which tells the user to rebuild.

use tantivy::store::StoreReader;
use tantivy::{DocAddress, Searcher, TantivyDocument, TantivyError};

/// Store blocks each segment's reader keeps decompressed.
const CACHED_BLOCKS: usize = 4;

/// Loads stored documents, one store reader per segment.
pub struct DocLoader<'s> {
    searcher: &'s Searcher,
    readers: Vec<Option<StoreReader>>,
}

impl<'s> DocLoader<'s> {
    /// A loader for the documents of `searcher`.
    pub fn new(searcher: &'s Searcher) -> DocLoader<'s> {
        DocLoader {
            searcher,
            readers: (0..searcher.segment_readers().len()).map(|_| None).collect(),
        }
    }

    /// The stored document at `address`.
    ///
    /// # Errors
    /// The store cannot be read, or the document's bytes are not a
    /// document (reported as data corruption).
    pub fn load(&mut self, address: DocAddress) -> tantivy::Result<TantivyDocument> {
        let ord = address.segment_ord as usize;
        let slot = self.readers.get_mut(ord).ok_or_else(|| corrupt("no such segment"))?;
        if slot.is_none() {
            *slot = Some(
                self.searcher
                    .segment_reader(address.segment_ord)
                    .get_store_reader(CACHED_BLOCKS)?,
            );
        }
        let reader = slot.as_ref().expect("set above");
        let bytes = reader.get_document_bytes(address.doc_id)?;
        if !plausible(bytes.as_slice()) {
            return Err(corrupt("a stored document does not decode"));
        }
        reader.get(address.doc_id)
    }
}

fn corrupt(what: &str) -> TantivyError {
    TantivyError::DataCorruption(tantivy::error::DataCorruption::comment_only(what))
}

// tantivy's value type codes (tantivy::schema::document::type_codes).
const TEXT: u8 = 0;
const U64: u8 = 1;
const I64: u8 = 2;
const FACET: u8 = 3;
const BYTES: u8 = 4;
const DATE: u8 = 5;
const F64: u8 = 6;
const BOOL: u8 = 9;
const NULL: u8 = 11;

/// Whether `bytes` are one serialised document: a count, then per value a
/// 4-byte field id, a type code and the value, every length within the
/// bytes and nothing left over. Types newsidx never stores (arrays,
/// objects, pre-tokenized text, IP addresses) count as damage.
pub fn plausible(bytes: &[u8]) -> bool {
    let mut r = Bytes(bytes);
    let Some(count) = r.vint() else { return false };
    for _ in 0..count {
        if r.take(4).is_none() || !r.value() {
            return false;
        }
    }
    r.0.is_empty()
}

struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take(&mut self, n: u64) -> Option<&'a [u8]> {
        let n = usize::try_from(n).ok().filter(|&n| n <= self.0.len())?;
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    /// tantivy's VInt: 7 bits per byte, the last byte has the high bit set.
    fn vint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.take(1)?.first()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                return Some(value);
            }
        }
        None
    }

    fn value(&mut self) -> bool {
        let Some(&[code]) = self.take(1) else { return false };
        match code {
            TEXT | FACET | BYTES => self.vint().and_then(|len| self.take(len)).is_some(),
            U64 | I64 | F64 | DATE => self.take(8).is_some(),
            BOOL => self.take(1).is_some(),
            NULL => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_beyond_the_bytes_are_not_a_document() {
        // One value: field 0, text "Poetin".
        let mut doc = vec![0x81, 0, 0, 0, 0, TEXT, 0x86];
        doc.extend_from_slice(b"Poetin");
        assert!(plausible(&doc));
        let mut huge = doc.clone();
        huge[6] = 0x7f; // a length that does not end: 127 + more bytes
        assert!(!plausible(&huge));
        assert!(!plausible(&doc[..doc.len() - 1]));
        let mut extra = doc.clone();
        extra.push(0);
        assert!(!plausible(&extra));
    }
}
