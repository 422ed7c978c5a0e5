//! Writing a generation: which generation a build writes into, the tantivy
//! writer, and the commit with its [`IndexInfo`] payload.
//!
//! Owns the index side of a build. What to write (walk, plan, pages,
//! stories) is decided by [`crate::pipeline`]; this module only knows
//! generations, documents and commits.

use std::path::{Path, PathBuf};

use tantivy::merge_policy::LogMergePolicy;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter};

use super::manifest::{self, Pages};
use super::{BuildLock, IndexDir, IndexInfo, open_generation, schema, tantivy_error};
use crate::Result;
use crate::analysis::{self, AnalysisConfig};

/// The live generation as a build finds it: what it says about itself and
/// which pages it holds.
pub struct Live {
    /// The generation folder.
    pub generation: PathBuf,
    /// The opened index.
    pub index: Index,
    /// Its commit payload.
    pub info: IndexInfo,
    /// Page path → stamp and story count.
    pub pages: Pages,
}

impl Live {
    /// The live generation of `dir`, if there is one.
    ///
    /// # Errors
    /// The index cannot be opened or is incompatible with this binary.
    pub fn open(dir: &IndexDir, config: &AnalysisConfig) -> Result<Option<Live>> {
        let Some(generation) = dir.current()? else { return Ok(None) };
        let (index, info) = open_generation(dir.root(), &generation, config)?;
        let pages = read_manifest(&index, dir.root())?;
        Ok(Some(Live { generation, index, info, pages }))
    }

    /// Stories in the live generation.
    pub fn stories(&self) -> u64 {
        self.pages.values().map(|s| u64::from(s.stories)).sum()
    }
}

/// The generation a build writes into.
pub struct Target {
    /// The tantivy index.
    pub index: Index,
    /// Its folder.
    pub generation: PathBuf,
    /// A new generation (first build, rebuild, another entity model).
    pub fresh: bool,
}

impl Target {
    /// Continues in the live generation.
    pub fn update(live: Live) -> Target {
        Target { index: live.index, generation: live.generation, fresh: false }
    }

    /// Starts a new, empty generation beside the live one.
    ///
    /// # Errors
    /// The folder cannot be created.
    pub fn create(dir: &IndexDir, lock: &BuildLock, config: &AnalysisConfig) -> Result<Target> {
        let generation = dir.new_generation(lock)?;
        let index = Index::builder()
            .schema(schema())
            .settings(index_settings())
            .create_in_dir(&generation)
            .map_err(tantivy_error(dir.root()))?;
        analysis::register(index.tokenizers(), config);
        analysis::register_terms(index.tokenizers(), config, super::is_place);
        Ok(Target { index, generation, fresh: true })
    }

    /// Opens the writer with `threads` indexing threads sharing
    /// `memory` bytes.
    ///
    /// # Errors
    /// tantivy cannot open the writer.
    pub fn writer(&self, threads: usize, memory: usize, root: &Path) -> Result<IndexWriter> {
        let threads = threads.clamp(1, 8);
        let memory = memory.max(threads * 20_000_000);
        let writer =
            self.index.writer_with_num_threads(threads, memory).map_err(tantivy_error(root))?;
        // A build killed before its commit can leave files the last commit
        // does not use; tantivy only collects them after a commit, and a new
        // build would then fail to create a file of the same name (a delete
        // file of the same segment and opstamp). Collect them first.
        writer.garbage_collect_files().wait().map_err(tantivy_error(root))?;
        let mut policy = LogMergePolicy::default();
        policy.set_min_num_segments(MERGE_FACTOR);
        writer.set_merge_policy(Box::new(policy));
        Ok(writer)
    }

    /// Documents in the generation's last commit.
    ///
    /// # Errors
    /// The index cannot be read.
    pub fn documents(&self, root: &Path) -> Result<u64> {
        let reader = self.index.reader().map_err(tantivy_error(root))?;
        Ok(reader.searcher().num_docs())
    }
}

/// Segments of about one size that are merged into one: four, where
/// tantivy's default waits for eight. A build ends with fewer segments to
/// search (6–7 instead of 8–9 at 100,000 pages, 8 instead of 11 at a
/// million) for a build time within the machine's noise. The memory peak
/// moves with where the large merges fall: lower at 100,000 pages, higher
/// at 300,000, the same at a million (BENCHMARKS.md).
const MERGE_FACTOR: usize = 4;

/// Stored text is the largest part of the index: zstd level 3 stores it in
/// less space than tantivy's default LZ4 on 16 KiB blocks. 32 KiB blocks:
/// against 64 KiB, loading the 10 hits of a search decodes half as much
/// (5.7 -> 5.2 ms per `search` on 20k pages) for 1.4% more index
/// (BENCHMARKS.md).
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor { compression_level: Some(3) }),
        docstore_blocksize: 32 << 10,
        ..IndexSettings::default()
    }
}

/// Page path → stamp of every page with live documents in `index`.
///
/// # Errors
/// The index cannot be read.
pub fn read_manifest(index: &Index, root: &Path) -> Result<Pages> {
    let reader = index.reader().map_err(tantivy_error(root))?;
    manifest::read(&reader.searcher()).map_err(tantivy_error(root))
}

/// Merges every segment of `index` into one and commits that with `info`
/// (atomic, like any commit). Searches open one segment instead of several:
/// about twice as fast at 100,000 pages (BENCHMARKS.md).
///
/// # Errors
/// tantivy cannot merge or commit; the previous commit stays live.
pub fn merge_all(index: &Index, info: &IndexInfo, root: &Path) -> Result<()> {
    let segments = index.searchable_segment_ids().map_err(tantivy_error(root))?;
    if segments.len() <= 1 {
        return Ok(());
    }
    let mut writer: IndexWriter =
        index.writer_with_num_threads(1, 20_000_000).map_err(tantivy_error(root))?;
    writer.merge(&segments).wait().map_err(tantivy_error(root))?;
    commit(writer, info, root)
}

/// Commits `info` as the payload of an index whose documents did not
/// change: a no-change build that hashed pages written shortly before the
/// last build records its own start, so that the next build trusts their
/// times instead of hashing them again.
///
/// # Errors
/// tantivy cannot write the commit; the previous commit stays live.
pub fn record_start(index: &Index, info: &IndexInfo, root: &Path) -> Result<()> {
    let writer: IndexWriter =
        index.writer_with_num_threads(1, 15_000_000).map_err(tantivy_error(root))?;
    commit(writer, info, root)
}

/// Commits everything `writer` holds with `info` as the payload (atomic:
/// readers see the old or the new state), then lets merges finish.
///
/// # Errors
/// tantivy cannot write the commit (the previous commit stays live), or
/// [`crate::Error::Merge`] when merging failed after the commit was durable.
pub fn commit(mut writer: IndexWriter, info: &IndexInfo, root: &Path) -> Result<()> {
    let payload = serde_json::to_string(info).expect("IndexInfo serialises");
    let mut prepared = writer.prepare_commit().map_err(tantivy_error(root))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(tantivy_error(root))?;
    writer
        .wait_merging_threads()
        .map_err(|source| crate::Error::Merge { path: root.to_path_buf(), source })
}
