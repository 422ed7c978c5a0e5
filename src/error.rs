//! The library's error type.
//!
//! Every variant carries the context a user needs to act: the path, the
//! lock, the position in the query. Soft, per-file problems are not errors;
//! they are [`crate::crawl::Skip`] values reported by the build.

use std::path::PathBuf;

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can stop a newsidx operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The corpus folder is missing or unreadable.
    #[error("cannot read corpus folder {}: {message}", path.display())]
    Corpus {
        /// The corpus root.
        path: PathBuf,
        /// What the OS said.
        message: String,
    },
    /// A file of the index folder could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What newsidx was doing.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// There is no index yet.
    #[error("no index at {}; run `newsidx build` first", path.display())]
    NoIndex {
        /// The index folder.
        path: PathBuf,
    },
    /// The index was built by an incompatible version of newsidx.
    #[error(
        "the index at {} was built with {what} {found:?}, but this newsidx uses {expected:?}; \
         run `newsidx build --rebuild` to rebuild it",
        path.display()
    )]
    Incompatible {
        /// The index folder.
        path: PathBuf,
        /// `analyzer`, `storage format` or `schema`.
        what: &'static str,
        /// What the index has.
        found: String,
        /// What this binary needs.
        expected: String,
    },
    /// Index files are missing or corrupt.
    #[error("the index at {} is damaged ({detail}); run `newsidx build --rebuild` to rebuild it", path.display())]
    Damaged {
        /// The index folder.
        path: PathBuf,
        /// Which file, and what is wrong with it.
        detail: String,
    },
    /// Another process is building into the same index.
    #[error("another `newsidx build` is running on this index (lock {} is held)", path.display())]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// The index was built from another corpus folder.
    #[error(
        "the index at {} was built from {}, not from {}; nothing was changed. To make a new index \
         of {}, run `newsidx build --rebuild` (the old index stays until the new one is complete); \
         if the same pages now live in {}, run `newsidx build --corpus-moved` (story ids stay the same)",
        index.display(), built_from.display(), given.display(), given.display(), given.display()
    )]
    CorpusChanged {
        /// The index folder.
        index: PathBuf,
        /// The folder the index was built from.
        built_from: PathBuf,
        /// The folder given now.
        given: PathBuf,
    },
    /// The walk found no page while the index holds stories.
    #[error(
        "no page found in {}, but the index holds {stories} stories; nothing was changed. If the \
         folder really is empty now, run `newsidx build --allow-removals`",
        corpus.display()
    )]
    EmptyCorpus {
        /// The corpus folder.
        corpus: PathBuf,
        /// Stories in the index.
        stories: u64,
    },
    /// The build would remove more than half of the index's stories.
    #[error(
        "this build would remove {stories} of the index's {total} stories ({pages} pages no longer \
         in {}, such as {}); nothing was changed. Check the corpus folder, or run `newsidx build \
         --allow-removals` if the pages were deleted on purpose",
        corpus.display(), examples.join(", ")
    )]
    TooManyRemovals {
        /// The corpus folder.
        corpus: PathBuf,
        /// Stories that would go.
        stories: u64,
        /// Stories in the index.
        total: u64,
        /// Pages that would go.
        pages: usize,
        /// A few of their paths.
        examples: Vec<String>,
    },
    /// A new generation would lose stories whose pages cannot be read.
    #[error(
        "a new index would lose {stories} stories whose pages cannot be read now ({}); nothing \
         was changed. Make them readable, or run with `--allow-removals`",
        problems.join("; ")
    )]
    UnreadableOnRebuild {
        /// Stories that would be lost.
        stories: u64,
        /// A few pages or folders with the reason.
        problems: Vec<String>,
    },
    /// Merging segments failed after the commit was durable.
    #[error("merging segments of the index at {} after the commit: {source}", path.display())]
    Merge {
        /// The index folder.
        path: PathBuf,
        /// tantivy's error.
        source: tantivy::TantivyError,
    },
    /// The embedded schema does not match the code (a build defect).
    #[error("schema error: {0}")]
    Schema(String),
    /// tantivy failed on the index at `path`.
    #[error("index {}: {source}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// tantivy's error.
        source: tantivy::TantivyError,
    },
    /// No story has this id.
    #[error("no story has the id {id:?}")]
    NotFound {
        /// The id asked for.
        id: String,
    },
    /// An entity model file cannot be read or is not a model.
    #[error("cannot use the entity model {}: {detail}", path.display())]
    NerModel {
        /// The model file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The query could not be parsed.
    #[error(transparent)]
    Query(#[from] crate::search::QueryError),
}
