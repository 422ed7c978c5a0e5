//! What the index holds, page by page: path → file stamp and story count.
//!
//! Owns reading the manifest back from the index itself, so it can never
//! disagree with what was committed: the `path` term dictionary lists the
//! pages, its postings their live stories, and the page's first story
//! carries the file stamp (`file_size`, `file_mtime`, `file_hash` fast
//! fields). No side file to keep in sync.

use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, TERMINATED};

/// Page path → its stamp: the index's pages, looked up once per walked
/// file (a fast hash: paths are not attacker-chosen keys here).
pub type Pages = rustc_hash::FxHashMap<String, Stamp>;

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
pub fn read(searcher: &Searcher) -> tantivy::Result<Pages> {
    let field = searcher.schema().get_field("path")?;
    let mut out = Pages::default();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (sizes, mtimes, hashes) =
            (fast.u64("file_size")?, fast.i64("file_mtime")?, fast.u64("file_hash")?);
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let mut postings =
                inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
            let (mut stories, mut file) = (0, None);
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !segment.is_deleted(doc) {
                    stories += 1;
                    if let Some(size) = sizes.first(doc) {
                        let mtime = mtimes.first(doc).unwrap_or(0);
                        file = Some((size, mtime, hashes.first(doc).unwrap_or(0)));
                    }
                }
                doc = postings.advance();
            }
            if stories == 0 {
                continue;
            }
            let path = String::from_utf8_lossy(terms.key()).into_owned();
            // A page's stories may be spread over segments (tantivy's
            // indexing threads share the documents out); only one carries
            // the stamp.
            let stamp =
                out.entry(path).or_insert(Stamp { size: 0, mtime_ns: 0, hash: 0, stories: 0 });
            stamp.stories += stories;
            if let Some((size, mtime_ns, hash)) = file {
                (stamp.size, stamp.mtime_ns, stamp.hash) = (size, mtime_ns, hash);
            }
        }
    }
    Ok(out)
}
