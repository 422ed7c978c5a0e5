//! The tantivy index: schema binding, documents, folder lifecycle, builds.
//!
//! Owns everything that touches tantivy's writer and the index folder. It
//! does not parse pages (that is [`crate::parse`]) and does not print.
//!
//! Every commit carries an [`IndexInfo`] payload naming the analyzer it was
//! built with; [`NewsIndex::open`] refuses an index whose analyzer or schema
//! differs from this binary's, with a message that says to rebuild.
//! Query-time name aliases live beside the index in `aliases.tsv` (optional;
//! see `src/analysis/data/aliases.tsv` for the format).

mod analyze;
mod dir;
mod docstore;
mod document;
mod manifest;
mod schema;
mod sizes;
mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

pub use analyze::{DEFAULT_FIELDS, analyzable_fields, analyze};
pub use dir::{BuildLock, IndexDir, fingerprint, keyed_file};
pub use docstore::DocLoader;
pub use document::{StoredStory, document, is_place, stored};
pub use manifest::{Pages, Stamp};
pub use schema::{Fields, SCHEMA_JSON, schema};
pub use sizes::{FieldSize, Sizes, sizes};
pub use writer::{Live, Target, commit, merge_all, read_manifest, record_start};

use crate::analysis::{Aliases, AnalysisConfig};
use crate::{Error, Result, analysis};

/// The shipped aliases plus `path` when it exists.
fn load_aliases(path: &Path) -> Result<Aliases> {
    if !path.exists() {
        return Ok(Aliases::embedded());
    }
    Aliases::with_file(path).map_err(|source| Error::Io {
        action: "reading aliases",
        path: path.to_path_buf(),
        source,
    })
}

/// Metadata stored with every commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    /// [`AnalysisConfig::id`] at build time.
    pub analyzer: String,
    /// newsidx version that made the commit.
    pub newsidx: String,
    /// Absolute corpus folder the index was built from.
    pub corpus: PathBuf,
    /// When the build that made the commit started (ns since the epoch): a
    /// file modified since then may have changed within one clock tick.
    #[serde(default)]
    pub started_ns: i64,
    /// The entity model's id ([`TaggerExtractor::id`](crate::entities::TaggerExtractor::id)).
    #[serde(default)]
    pub entities: String,
    /// [`STORAGE`] at build time (empty for indexes made before it existed).
    #[serde(default)]
    pub storage: String,
    /// Page files larger than this were skipped by the build (`check`
    /// applies the same limit).
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
}

fn default_max_file_bytes() -> u64 {
    64 << 20
}

/// How this binary stores what tantivy's build features decide: stored text
/// in zstd blocks, fast-field dictionaries uncompressed (reading an id from
/// a zstd dictionary block cost a whole decoder per block, about 15% of a
/// `search`; BENCHMARKS.md). An index stored another way needs a rebuild.
pub const STORAGE: &str = "tantivy-0.27;store=zstd;dictionaries=plain";

impl IndexInfo {
    /// What a build records: corpus folder, analysis, file size limit,
    /// entity model and start time.
    pub fn current(
        corpus: &Path,
        config: &AnalysisConfig,
        max_file_bytes: u64,
        entities: &str,
        started_ns: i64,
    ) -> IndexInfo {
        IndexInfo {
            analyzer: config.id(),
            newsidx: env!("CARGO_PKG_VERSION").to_string(),
            corpus: corpus.to_path_buf(),
            started_ns,
            entities: entities.to_string(),
            storage: STORAGE.to_string(),
            max_file_bytes,
        }
    }
}

/// Turns a tantivy error on the index at `path` into ours: damaged files
/// become [`Error::Damaged`] (which says how to repair), the rest
/// [`Error::Index`].
pub(crate) fn tantivy_error(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> Error + '_ {
    move |source| match damage(&source) {
        Some(detail) => Error::Damaged { path: path.to_path_buf(), detail },
        None => Error::Index { path: path.to_path_buf(), source },
    }
}

/// A short description when `error` means index files are missing or
/// corrupt.
fn damage(error: &tantivy::TantivyError) -> Option<String> {
    use std::io::ErrorKind;
    use tantivy::TantivyError as T;
    use tantivy::directory::error::OpenReadError as R;
    let corrupt_io =
        |e: &std::io::Error| matches!(e.kind(), ErrorKind::InvalidData | ErrorKind::UnexpectedEof);
    match error {
        T::OpenReadError(R::FileDoesNotExist(file)) => {
            Some(format!("{} is missing", file.display()))
        }
        T::OpenReadError(R::IoError { io_error, filepath }) if corrupt_io(io_error) => {
            Some(format!("{}: {io_error}", filepath.display()))
        }
        T::OpenReadError(R::IncompatibleIndex(_)) => {
            Some("written by an incompatible tantivy version".into())
        }
        T::DataCorruption(corruption) => Some(format!("{corruption:?}")),
        T::IoError(io_error) if corrupt_io(io_error) => Some(io_error.to_string()),
        _ => None,
    }
}

/// Opens the tantivy index of a generation and checks it is compatible.
fn open_generation(
    root: &Path,
    generation: &Path,
    config: &AnalysisConfig,
) -> Result<(Index, IndexInfo)> {
    let index = Index::open_in_dir(generation).map_err(tantivy_error(root))?;
    analysis::register(index.tokenizers(), config);
    analysis::register_terms(index.tokenizers(), config, document::is_place);
    let info = read_info(&index, root, config)?;
    if info.analyzer != config.id() {
        return Err(Error::Incompatible {
            path: root.to_path_buf(),
            what: "analyzer",
            found: info.analyzer,
            expected: config.id(),
        });
    }
    if info.storage != STORAGE {
        return Err(Error::Incompatible {
            path: root.to_path_buf(),
            what: "storage format",
            found: if info.storage.is_empty() {
                "zstd-compressed dictionaries (newsidx before storage ids)".into()
            } else {
                info.storage
            },
            expected: STORAGE.into(),
        });
    }
    if index.schema() != schema() {
        return Err(Error::Incompatible {
            path: root.to_path_buf(),
            what: "schema",
            found: "an older field layout".into(),
            expected: "the one in index_schema/schema.json".into(),
        });
    }
    Ok((index, info))
}

fn read_info(index: &Index, root: &Path, config: &AnalysisConfig) -> Result<IndexInfo> {
    let metas = index.load_metas().map_err(tantivy_error(root))?;
    let payload = metas.payload.unwrap_or_default();
    serde_json::from_str(&payload).map_err(|_| Error::Incompatible {
        path: root.to_path_buf(),
        what: "analyzer",
        found: "unknown (no newsidx metadata in the index)".into(),
        expected: config.id(),
    })
}

/// File in the index folder with the user's name aliases.
pub const ALIASES_FILE: &str = "aliases.tsv";

/// A built index opened for searching.
pub struct NewsIndex {
    root: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    info: IndexInfo,
    config: AnalysisConfig,
    aliases: Aliases,
}

impl NewsIndex {
    /// Opens the live generation of the index folder `root`.
    ///
    /// # Errors
    /// [`Error::NoIndex`] when nothing was built yet, [`Error::Incompatible`]
    /// when it was built with another analyzer or schema.
    pub fn open(root: &Path) -> Result<NewsIndex> {
        NewsIndex::open_with(root, &AnalysisConfig::default())
    }

    /// Opens an index built with the analysis variant `config` (the
    /// evaluation compares variants this way).
    ///
    /// # Errors
    /// As [`NewsIndex::open`], and [`Error::Io`] if the index folder holds
    /// an `aliases.tsv` that cannot be read.
    pub fn open_with(root: &Path, config: &AnalysisConfig) -> Result<NewsIndex> {
        let dir = IndexDir::new(root);
        let generation =
            dir.current()?.ok_or_else(|| Error::NoIndex { path: root.to_path_buf() })?;
        let (index, info) = match open_generation(root, &generation, config) {
            // A rebuild may have replaced the generation between reading
            // CURRENT and opening it: read CURRENT once more.
            Err(Error::Index { .. } | Error::Damaged { .. })
                if dir.current()?.as_deref() != Some(generation.as_path()) =>
            {
                let generation =
                    dir.current()?.ok_or_else(|| Error::NoIndex { path: root.to_path_buf() })?;
                open_generation(root, &generation, config)?
            }
            other => other?,
        };
        let fields = Fields::resolve(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_error(root))?;
        let aliases = load_aliases(&root.join(ALIASES_FILE))?;
        Ok(NewsIndex {
            root: root.to_path_buf(),
            index,
            reader,
            fields,
            info,
            config: *config,
            aliases,
        })
    }

    /// Replaces the alias groups with the shipped ones plus those in `path`.
    ///
    /// # Errors
    /// [`Error::Io`] if `path` cannot be read.
    pub fn set_alias_file(&mut self, path: &Path) -> Result<()> {
        self.aliases = Aliases::with_file(path).map_err(|source| Error::Io {
            action: "reading aliases",
            path: path.to_path_buf(),
            source,
        })?;
        Ok(())
    }

    /// The analysis variant of this index.
    pub fn config(&self) -> &AnalysisConfig {
        &self.config
    }

    /// Name aliases applied to queries.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// A searcher on the state at open time.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// What the index says about itself.
    pub fn info(&self) -> &IndexInfo {
        &self.info
    }

    /// The index folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The tantivy index of the live generation.
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// Runs a search; see [`crate::search::run`].
    pub fn search(
        &self,
        request: &crate::search::SearchRequest,
    ) -> Result<crate::search::SearchResults> {
        crate::search::run(self, request)
    }
}
