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
