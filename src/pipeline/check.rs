//! `newsidx check`: is the index whole, and does it match the corpus?
//!
//! Owns the health check: the index opens with this binary's analyzer and
//! schema, every index file passes tantivy's checksum, and the pages in
//! the index are the pages in the corpus folder (same size, time and, where
//! in doubt, bytes). It reads; it never repairs.

use std::path::{Path, PathBuf};

use super::{Plan, work};
use crate::index::{NewsIndex, read_manifest, tantivy_error};
use crate::{Result, crawl};

/// What `check` found.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    /// Stories in the index.
    pub documents: u64,
    /// Segments of the live generation.
    pub segments: usize,
    /// Analyzer id recorded in the index.
    pub analyzer: String,
    /// Index files whose checksum fails.
    pub corrupt_files: Vec<PathBuf>,
    /// Corpus folder compared with.
    pub corpus: PathBuf,
    /// Page files not in the index yet.
    pub new_files: Vec<String>,
    /// Page files not in the index because they cannot be used (empty,
    /// binary…), with the reason; `build` skips them too.
    pub unusable_files: Vec<String>,
    /// Page files changed since they were indexed.
    pub changed_files: Vec<String>,
    /// Indexed pages whose file is gone.
    pub removed_files: Vec<String>,
}

impl CheckReport {
    /// No corrupt files.
    pub fn is_whole(&self) -> bool {
        self.corrupt_files.is_empty()
    }

    /// The index holds exactly the corpus as it is now.
    pub fn is_current(&self) -> bool {
        self.new_files.is_empty() && self.changed_files.is_empty() && self.removed_files.is_empty()
    }
}

/// Checks the index at `root` against `corpus` (default: the folder it was
/// built from).
///
/// # Errors
/// The index cannot be opened (missing, incompatible, damaged beyond
/// opening) or the corpus cannot be walked.
pub fn check(root: &Path, corpus: Option<&Path>) -> Result<CheckReport> {
    let index = NewsIndex::open(root)?;
    let corrupt_files = index.tantivy().validate_checksum().map_err(tantivy_error(root))?;
    let mut corrupt_files: Vec<PathBuf> = corrupt_files.into_iter().collect();
    corrupt_files.sort();
    let corpus = corpus.map_or_else(|| index.info().corpus.clone(), Path::to_path_buf);
    let walk = crawl::walk(&corpus)?;
    let known = read_manifest(index.tantivy(), root)?;
    let plan = Plan::new(&walk, &known, index.info().started_ns);
    let mut new_files = Vec::new();
    let mut unusable_files: Vec<String> = walk.skipped.iter().map(ToString::to_string).collect();
    for file in plan.to_read.iter().filter(|f| !known.contains_key(&f.rel_path)) {
        // The same test as the build's, with the build's size limit.
        match work::usable(file, index.info().max_file_bytes) {
            Ok(()) => new_files.push(file.rel_path.clone()),
            Err(skip) => unusable_files.push(skip.to_string()),
        }
    }
    let searcher = index.searcher();
    Ok(CheckReport {
        documents: searcher.num_docs(),
        segments: searcher.segment_readers().len(),
        analyzer: index.info().analyzer.clone(),
        corrupt_files,
        corpus,
        new_files,
        unusable_files,
        changed_files: plan.replaced,
        removed_files: plan.removed,
    })
}
