//! What the index holds, page by page: path → file stamp and story count.
//!
//! Owns reading the manifest back from the index itself (the `path`,
//! `file_size` and `file_mtime` fast fields of live documents), so it can
//! never disagree with what was committed. No side file to keep in sync.

use std::collections::HashMap;

use tantivy::Searcher;

/// Size and modification time of a page file when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// Hash of the bytes ([`crate::crawl::content_hash`]).
    pub hash: u64,
    /// Live stories of the page.
    pub stories: u32,
}

/// Page path → stamp, for every page with live documents.
pub fn read(searcher: &Searcher) -> tantivy::Result<HashMap<String, Stamp>> {
    let mut out = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(paths) = fast.str("path")? else { continue };
        let sizes = fast.u64("file_size")?;
        let mtimes = fast.i64("file_mtime")?;
        let hashes = fast.u64("file_hash")?;
        let mut by_ord: HashMap<u64, Stamp> = HashMap::new();
        for doc in segment.doc_ids_alive() {
            let Some(ord) = paths.term_ords(doc).next() else { continue };
            by_ord
                .entry(ord)
                .or_insert_with(|| Stamp {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime_ns: mtimes.first(doc).unwrap_or(0),
                    hash: hashes.first(doc).unwrap_or(0),
                    stories: 0,
                })
                .stories += 1;
        }
        let mut name = String::new();
        for (ord, stamp) in by_ord {
            name.clear();
            paths.ord_to_str(ord, &mut name)?;
            // A page's stories may be spread over segments (tantivy's
            // indexing threads share the documents out).
            out.entry(name.clone())
                .and_modify(|s: &mut Stamp| s.stories += stamp.stories)
                .or_insert(stamp);
        }
    }
    Ok(out)
}
