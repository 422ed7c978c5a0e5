//! `build`: corpus folder → committed index, incrementally.
//!
//! Owns the build pipeline:
//!
//! 1. take the build lock, walk the corpus (sorted);
//! 2. open the live generation, or start a new one (first build,
//!    `--rebuild`, or an entity model other than the index's);
//! 3. compare every file's size and modification time with the manifest in
//!    the index: unchanged pages are not read at all; changed and deleted
//!    pages have their documents deleted by path;
//! 4. read, parse, extract and convert changed pages on a rayon pool,
//!    sending documents through a bounded channel to the one thread that
//!    feeds tantivy's writer;
//! 5. commit with the [`IndexInfo`] payload (atomic), and publish the
//!    generation if it is new.
//!
//! Anything that fails before the commit leaves the previous index as it
//! was. A file that cannot be used is a [`Skip`], never an abort.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crossbeam_channel::bounded;
use rayon::prelude::*;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument, Term};

use super::lexicon;
use super::manifest::{self, Stamp};
use super::{Fields, IndexDir, IndexInfo, document, open_generation, schema, tantivy_error};
use crate::analysis::{AnalysisConfig, Decompounder, WordCounts};
use crate::crawl::{self, Encoding, FileEntry, Skip};
use crate::entities::TaggerExtractor;
use crate::news::{self, Kind};
use crate::{Error, Result, analysis};

/// What to build, and with what resources.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Index folder.
    pub index: PathBuf,
    /// Start a new generation from scratch even if an index exists.
    pub rebuild: bool,
    /// Larger files are skipped.
    pub max_file_bytes: u64,
    /// Worker threads for reading and parsing.
    pub threads: usize,
    /// tantivy writer memory budget in bytes (split over its threads).
    pub writer_memory: usize,
    /// Analysis variant (the default outside evaluations).
    pub analysis: AnalysisConfig,
    /// Entity model made by `newsidx train-ner` (default: the embedded one).
    pub ner_model: Option<PathBuf>,
}

impl BuildConfig {
    /// Defaults: incremental, 64 MiB file limit, all cores, 256 MB writer budget.
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> BuildConfig {
        BuildConfig {
            corpus: corpus.into(),
            index: index.into(),
            rebuild: false,
            max_file_bytes: 64 << 20,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            writer_memory: 128 << 20,
            analysis: AnalysisConfig::default(),
            ner_model: None,
        }
    }
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Page files found.
    pub files: usize,
    /// Pages indexed in this run.
    pub indexed_pages: usize,
    /// Articles indexed in this run.
    pub articles: usize,
    /// Briefs indexed in this run.
    pub briefs: usize,
    /// Pages left as they were.
    pub unchanged: usize,
    /// Pages whose documents were replaced.
    pub updated: usize,
    /// Pages whose documents were removed because the file is gone.
    pub removed: usize,
    /// Files that could not be used, with reasons, sorted by path.
    pub skipped: Vec<Skip>,
    /// Regular files that are not pages.
    pub ignored: usize,
    /// Pages decoded from Windows-1252 or UTF-16.
    pub transcoded: usize,
    /// Bytes read from page files.
    pub bytes_read: u64,
    /// Documents in the index after the build.
    pub documents: u64,
    /// A new generation was written (first build, `--rebuild`, another
    /// entity model).
    pub rebuilt: bool,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Progress events, delivered on the calling thread.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// The walk found this many page files, of which this many need reading.
    Planned {
        /// Page files in the corpus.
        files: usize,
        /// Files to read.
        to_read: usize,
    },
    /// One more file was read (indexed or skipped).
    FileDone,
    /// Writing the commit.
    Committing,
}

/// Outcome of one file on a worker thread.
enum Outcome {
    Indexed {
        docs: Vec<TantivyDocument>,
        articles: usize,
        briefs: usize,
        bytes: u64,
        transcoded: bool,
    },
    Skipped(Skip),
}

/// Builds or updates the index; see the module documentation.
///
/// # Errors
/// Fatal problems only: the corpus folder cannot be read, the index folder
/// cannot be written, another build holds the lock, the index is from an
/// incompatible version (without `rebuild`). The previous index stays
/// searchable in every case.
pub fn build(config: &BuildConfig, progress: &mut dyn FnMut(Progress)) -> Result<BuildReport> {
    let started = Instant::now();
    let started_ns = now_ns();
    let extractor = &*TaggerExtractor::load(config.ner_model.as_deref())?;
    let dir = IndexDir::new(&config.index);
    let lock = dir.lock()?;
    let walk = crawl::walk(&config.corpus)?;
    let corpus = std::fs::canonicalize(&config.corpus).unwrap_or_else(|_| config.corpus.clone());
    let target = Target::open(&dir, &lock, config, extractor.id())?;
    let known =
        if target.fresh { HashMap::new() } else { read_manifest(&target.index, dir.root())? };
    let plan = Plan::new(&walk.files, &known, target.last_start_ns);
    progress(Progress::Planned { files: walk.files.len(), to_read: plan.to_read.len() });

    let mut report = BuildReport {
        files: walk.files.len(),
        unchanged: plan.unchanged,
        updated: plan.updated,
        removed: plan.removed.len(),
        skipped: walk.skipped,
        ignored: walk.ignored,
        rebuilt: target.fresh,
        ..BuildReport::default()
    };
    if plan.is_empty() && !target.fresh {
        report.documents = count_documents(&target.index, dir.root())?;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    let fields = Fields::resolve(&target.index.schema())?;
    let writer = open_writer(&target.index, config, dir.root())?;
    for path in plan.removed.iter().chain(&plan.replaced) {
        writer.delete_term(Term::from_field_text(fields.path, path));
    }
    let decompounder = decompounder(&target, &fields, &plan.to_read, config, dir.root())?;
    let job = Job { fields: &fields, decompounder: decompounder.as_ref(), extractor, config };
    index_files(&writer, &job, &plan.to_read, &mut report, progress, dir.root())?;
    progress(Progress::Committing);
    let info = IndexInfo::current(&corpus, &config.analysis, extractor.id(), started_ns);
    commit(writer, &info, dir.root())?;
    if target.fresh {
        dir.publish(&target.generation, &lock)?;
    }
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report.documents = count_documents(&target.index, dir.root())?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The generation a build writes into.
struct Target {
    index: Index,
    generation: PathBuf,
    fresh: bool,
    /// When the build of the current commit started (0 if none).
    last_start_ns: i64,
}

impl Target {
    /// The current generation, or a new one for a rebuild or when the
    /// index's entities came from another model (`entities`).
    fn open(
        dir: &IndexDir,
        lock: &super::BuildLock,
        config: &BuildConfig,
        entities: &str,
    ) -> Result<Target> {
        if let Some(generation) = dir.current()?.filter(|_| !config.rebuild) {
            let (index, info) = open_generation(dir.root(), &generation, &config.analysis)?;
            if info.entities == entities {
                dir.remove_others(&generation)?;
                let last_start_ns = info.started_ns;
                return Ok(Target { index, generation, fresh: false, last_start_ns });
            }
        }
        let generation = dir.new_generation(lock)?;
        let index = Index::builder()
            .schema(schema())
            .settings(index_settings())
            .create_in_dir(&generation)
            .map_err(tantivy_error(dir.root()))?;
        analysis::register(index.tokenizers(), &config.analysis);
        Ok(Target { index, generation, fresh: true, last_start_ns: 0 })
    }
}

fn now_ns() -> i64 {
    let since =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_nanos()).unwrap_or(i64::MAX)
}

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

/// Which pages to read, replace and remove.
pub(super) struct Plan<'a> {
    pub(super) to_read: Vec<&'a FileEntry>,
    pub(super) replaced: Vec<String>,
    pub(super) removed: Vec<String>,
    pub(super) unchanged: usize,
    pub(super) updated: usize,
}

/// A file whose modification time is this close to the last build's start
/// may have been changed again within the file system's clock resolution
/// without its time changing: its bytes are hashed to be sure.
const DOUBT_NS: i64 = 2_000_000_000;

impl<'a> Plan<'a> {
    /// Compares the walk with the index. `last_start_ns` is when the build
    /// that made the index started (0 for none).
    pub(super) fn new(
        files: &'a [FileEntry],
        known: &HashMap<String, Stamp>,
        last_start_ns: i64,
    ) -> Plan<'a> {
        let mut plan = Plan {
            to_read: Vec::new(),
            replaced: Vec::new(),
            removed: Vec::new(),
            unchanged: 0,
            updated: 0,
        };
        for file in files {
            match known.get(&file.rel_path) {
                Some(stamp) if unchanged(stamp, file, last_start_ns) => plan.unchanged += 1,
                Some(_) => {
                    plan.updated += 1;
                    plan.replaced.push(file.rel_path.clone());
                    plan.to_read.push(file);
                }
                None => plan.to_read.push(file),
            }
        }
        let present: HashSet<&str> = files.iter().map(|f| f.rel_path.as_str()).collect();
        plan.removed = known.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
        plan.removed.sort();
        plan
    }

    fn is_empty(&self) -> bool {
        self.to_read.is_empty() && self.removed.is_empty()
    }
}

/// Same size and time, and, when the time is too close to the last build
/// to be trusted, the same bytes.
fn unchanged(stamp: &Stamp, file: &FileEntry, last_start_ns: i64) -> bool {
    if stamp.size != file.size || stamp.mtime_ns != file.mtime_ns {
        return false;
    }
    let doubtful = file.mtime_ns >= last_start_ns.saturating_sub(DOUBT_NS);
    !doubtful || crawl::hash_file(&file.path) == Some(stamp.hash)
}

pub(super) fn read_manifest(index: &Index, root: &Path) -> Result<HashMap<String, Stamp>> {
    let reader = index.reader().map_err(tantivy_error(root))?;
    manifest::read(&reader.searcher()).map_err(tantivy_error(root))
}

fn count_documents(index: &Index, root: &Path) -> Result<u64> {
    let reader = index.reader().map_err(tantivy_error(root))?;
    Ok(reader.searcher().num_docs())
}

fn open_writer(index: &Index, config: &BuildConfig, root: &Path) -> Result<IndexWriter> {
    let threads = config.threads.clamp(1, 8);
    let memory = config.writer_memory.max(threads * 20_000_000);
    let writer = index.writer_with_num_threads(threads, memory).map_err(tantivy_error(root))?;
    // A build killed before its commit can leave files the last commit does
    // not use; tantivy only collects them after a commit, and a new build
    // would then fail to create a file of the same name (a delete file of
    // the same segment and opstamp). Collect them before writing anything.
    writer.garbage_collect_files().wait().map_err(tantivy_error(root))?;
    Ok(writer)
}

/// What every worker needs to turn a file into documents.
struct Job<'a> {
    fields: &'a Fields,
    decompounder: Option<&'a Decompounder>,
    extractor: &'a TaggerExtractor,
    config: &'a BuildConfig,
}

/// The decompounder for this build, when compounds are on: its dictionary
/// is what the index already holds plus the words of the pages to read.
fn decompounder(
    target: &Target,
    fields: &Fields,
    files: &[&FileEntry],
    config: &BuildConfig,
    root: &Path,
) -> Result<Option<Decompounder>> {
    if !config.analysis.compounds {
        return Ok(None);
    }
    let mut counts = if target.fresh {
        WordCounts::default()
    } else {
        lexicon::indexed_words(&target.index, fields.body_exact).map_err(tantivy_error(root))?
    };
    lexicon::add_page_words(&mut counts, files, config.max_file_bytes, config.threads);
    Ok(Some(Decompounder::new(counts)))
}

/// Reads and converts `files` on a worker pool; feeds the writer here.
fn index_files(
    writer: &IndexWriter,
    job: &Job<'_>,
    files: &[&FileEntry],
    report: &mut BuildReport,
    progress: &mut dyn FnMut(Progress),
    root: &Path,
) -> Result<()> {
    let config = job.config;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(config.threads.max(1)).build().map_err(
        |e| Error::Io {
            action: "starting worker threads",
            path: root.to_path_buf(),
            source: std::io::Error::other(e),
        },
    )?;
    let (sender, receiver) = bounded::<Outcome>(256);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.install(|| {
                files.par_iter().for_each_with(sender, |sender, file| {
                    // The receiver only goes away when the writer failed; the
                    // build then returns that error, so a lost send is fine.
                    let _ = sender.send(process(job, file));
                });
            });
        });
        for outcome in receiver {
            progress(Progress::FileDone);
            record(writer, outcome, report).map_err(tantivy_error(root))?;
        }
        Ok(())
    })
}

fn process(job: &Job<'_>, file: &FileEntry) -> Outcome {
    let source = match crawl::read(file, job.config.max_file_bytes) {
        Ok(source) => source,
        Err(skip) => return Outcome::Skipped(skip),
    };
    let page = match crate::parse::page(&source.text) {
        Ok(page) => page,
        Err(e) => {
            return Outcome::Skipped(Skip {
                path: file.rel_path.clone(),
                reason: crawl::SkipReason::Unreadable(e.to_string()),
            });
        }
    };
    let stories = news::stories(&source, &page, job.extractor);
    let briefs = stories.iter().filter(|s| s.kind == Kind::Brief).count();
    Outcome::Indexed {
        docs: stories
            .iter()
            .map(|s| document(job.fields, s, &source, &job.config.analysis, job.decompounder))
            .collect(),
        articles: stories.len() - briefs,
        briefs,
        bytes: source.text.len() as u64,
        transcoded: source.encoding != Encoding::Utf8,
    }
}

fn record(writer: &IndexWriter, outcome: Outcome, report: &mut BuildReport) -> tantivy::Result<()> {
    match outcome {
        Outcome::Indexed { docs, articles, briefs, bytes, transcoded } => {
            for doc in docs {
                writer.add_document(doc)?;
            }
            report.indexed_pages += 1;
            report.articles += articles;
            report.briefs += briefs;
            report.bytes_read += bytes;
            report.transcoded += usize::from(transcoded);
        }
        Outcome::Skipped(skip) => report.skipped.push(skip),
    }
    Ok(())
}

fn commit(mut writer: IndexWriter, info: &IndexInfo, root: &Path) -> Result<()> {
    let payload = serde_json::to_string(info).expect("IndexInfo serialises");
    let mut prepared = writer.prepare_commit().map_err(tantivy_error(root))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(tantivy_error(root))?;
    writer.wait_merging_threads().map_err(tantivy_error(root))
}
