//! The build pipeline: corpus folder → committed index, incrementally.
//!
//! Owns the orchestration of the stages, above them all:
//!
//! 1. take the build lock, walk the corpus (sorted) — [`crate::crawl`];
//! 2. open the live generation and compare the walk with its manifest
//!    (`plan`): unchanged pages are not read at all; the guards refuse a
//!    build that would destroy the index by mistake;
//! 3. pick the generation to write: the live one, or a new one (first
//!    build, `--rebuild`, an entity model other than the index's) —
//!    [`crate::index`];
//! 4. read, parse, extract and convert changed pages on a rayon pool
//!    (`work`), sending documents through a bounded channel to the one
//!    thread that feeds tantivy's writer; a changed page's old stories are
//!    deleted only when its new ones arrive;
//! 5. commit with the [`IndexInfo`] payload (atomic), and publish the
//!    generation if it is new.
//!
//! Anything that fails before the commit leaves the previous index as it
//! was. A file that cannot be used is a [`Skip`], never an abort; what
//! goes wrong after the commit is durable (removing old generations,
//! merges) is a warning.
//!
//! `check` ([`check()`]) compares an index with its corpus the same way.

mod check;
mod plan;
mod work;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crossbeam_channel::bounded;
use rayon::prelude::*;
use tantivy::{IndexWriter, Term};

pub use check::{CheckReport, check};
pub use plan::{Kept, Plan, thousands};

use crate::analysis::AnalysisConfig;
use crate::crawl::{self, FileEntry, Skip};
use crate::entities::TaggerExtractor;
use crate::index::{
    Fields, IndexDir, IndexInfo, Live, Pages, Target, commit, merge_all, record_start,
    tantivy_error,
};
use crate::{Error, Result};
use plan::Guard;
use work::{Job, Outcome};

/// What to build, and with what resources.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Index folder.
    pub index: PathBuf,
    /// Start a new generation from scratch even if an index exists.
    pub rebuild: bool,
    /// The index's pages now live in `corpus` (a moved or remounted
    /// folder): update the index from there, keeping ids.
    pub corpus_moved: bool,
    /// Allow a build that removes more than half of the index's stories
    /// or finds no page at all.
    pub allow_removals: bool,
    /// Merge the index into one segment at the end (faster searches, a
    /// longer build that maps the whole index once).
    pub merge: bool,
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
    /// Defaults: incremental, 64 MiB file limit, all cores, 128 MB writer
    /// budget.
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> BuildConfig {
        BuildConfig {
            corpus: corpus.into(),
            index: index.into(),
            rebuild: false,
            corpus_moved: false,
            allow_removals: false,
            merge: false,
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
    /// Of those, pages written shortly before the last build, whose bytes
    /// were hashed to be sure. A build that verified any records its own
    /// start, so that the next build trusts their times.
    pub verified: usize,
    /// Pages whose documents were replaced.
    pub updated: usize,
    /// Pages whose documents were removed because the file is gone.
    pub removed: usize,
    /// Files that could not be used, with reasons, sorted by path.
    pub skipped: Vec<Skip>,
    /// Stories kept although their page or folder could not be read.
    pub kept: Vec<Kept>,
    /// Problems after the commit was durable (the index is fine).
    pub warnings: Vec<String>,
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

impl BuildReport {
    /// Everything was indexed and nothing needs the user's attention.
    pub fn is_clean(&self) -> bool {
        self.skipped.is_empty() && self.kept.is_empty() && self.warnings.is_empty()
    }
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
    /// Merging the index into one segment (`--merge`).
    Merging,
}

/// Builds or updates the index; see the module documentation.
///
/// # Errors
/// Fatal problems only: the corpus folder cannot be read, the index folder
/// cannot be written, another build holds the lock, the index is from an
/// incompatible version (without `rebuild`), or a guard refused the build
/// (another corpus folder, no page found, too many removals). The previous
/// index stays searchable in every case.
pub fn build(config: &BuildConfig, progress: &mut dyn FnMut(Progress)) -> Result<BuildReport> {
    let started = Instant::now();
    let started_ns = now_ns();
    let extractor = &*TaggerExtractor::load(config.ner_model.as_deref())?;
    let dir = IndexDir::new(&config.index);
    let lock = dir.lock()?;
    let walk = crawl::walk(&config.corpus)?;
    let corpus = plan::absolute(&config.corpus);
    let live = match Live::open(&dir, &config.analysis) {
        Ok(live) => live,
        // A rebuild is how an incompatible or damaged index is replaced.
        Err(_) if config.rebuild => None,
        Err(e) => return Err(e),
    };
    let fresh = config.rebuild || live.as_ref().is_none_or(|l| l.info.entities != extractor.id());
    if let Some(live) = &live {
        guard(config, &corpus, live, &walk, fresh)?;
    }
    let mut live = live;
    let known = match &mut live {
        Some(live) if !fresh => std::mem::take(&mut live.pages),
        _ => Pages::default(),
    };
    let last_start_ns = live.as_ref().map_or(0, |l| l.info.started_ns);
    let live_info = live.as_ref().map(|l| l.info.clone());
    let plan = Plan::new(&walk, &known, last_start_ns);
    progress(Progress::Planned { files: walk.files.len(), to_read: plan.to_read.len() });

    let moved = live.as_ref().is_some_and(|l| l.info.corpus != corpus);
    let mut report = BuildReport {
        files: walk.files.len(),
        unchanged: plan.unchanged,
        verified: plan.verified,
        updated: plan.updated,
        removed: plan.removed.len(),
        skipped: walk.skipped.clone(),
        kept: plan.kept.clone(),
        ignored: walk.ignored,
        rebuilt: fresh,
        ..BuildReport::default()
    };
    let target = match live {
        Some(live) if !fresh => {
            // Leftovers of an interrupted rebuild; the live index is fine.
            if let Err(e) = dir.remove_others(&live.generation) {
                report.warnings.push(e.to_string());
            }
            Target::update(live)
        }
        _ => Target::create(&dir, &lock, &config.analysis)?,
    };
    if plan.is_empty() && !target.fresh && !moved && !config.merge {
        if let Some(info) = live_info.filter(|_| plan.verified > 0) {
            // Nothing changed, but pages whose times were too recent to
            // trust have now been read: from this build's start on, their
            // times can be trusted. Recording it spares the next build
            // hashing them again.
            record_start(&target.index, &IndexInfo { started_ns, ..info }, dir.root())?;
        }
        report.documents = target.documents(dir.root())?;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    let fields = Fields::resolve(&target.index.schema())?;
    let writer = target.writer(config.threads, config.writer_memory, dir.root())?;
    for path in &plan.removed {
        writer.delete_term(Term::from_field_text(fields.path, path));
    }
    let job = Job { fields: &fields, extractor, max_file_bytes: config.max_file_bytes };
    let writing = Writing { writer: &writer, fields: &fields, known: &known };
    index_files(&writing, &job, &plan.to_read, &mut report, progress, config.threads)
        .map_err(tantivy_error(dir.root()))?;
    progress(Progress::Committing);
    let info = IndexInfo::current(
        &corpus,
        &config.analysis,
        config.max_file_bytes,
        extractor.id(),
        started_ns,
    );
    if let Err(e) = commit(writer, &info, dir.root()) {
        match e {
            // The commit is durable; only merging afterwards failed.
            Error::Merge { .. } => report.warnings.push(e.to_string()),
            e => return Err(e),
        }
    }
    if config.merge {
        progress(Progress::Merging);
        merge_all(&target.index, &info, dir.root())?;
    }
    if target.fresh {
        dir.publish(&target.generation, &lock)?;
        if let Err(e) = dir.remove_others(&target.generation) {
            report.warnings.push(e.to_string());
        }
    }
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report.kept.sort_by(|a, b| a.path.cmp(&b.path));
    report.documents = target.documents(dir.root())?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The guards of `plan`, against the live index.
fn guard(
    config: &BuildConfig,
    corpus: &Path,
    live: &Live,
    walk: &crawl::Walk,
    fresh: bool,
) -> Result<()> {
    let guard = Guard {
        index: &config.index,
        corpus,
        built_from: &live.info.corpus,
        stories: live.stories(),
        corpus_moved: config.corpus_moved,
        rebuild: config.rebuild,
        allow_removals: config.allow_removals,
    };
    guard.same_corpus()?;
    if config.rebuild && corpus != live.info.corpus {
        // An explicit new index of another folder: only an empty walk is
        // refused.
        return guard.removals(walk.files.len(), &[]);
    }
    // Against the live index, whether or not this build writes into it: a
    // rebuild that would drop stories drops them as surely.
    let everything = Plan::new(walk, &live.pages, live.info.started_ns);
    let removed: Vec<(String, u64)> =
        everything.removed.iter().map(|p| (p.clone(), u64::from(live.pages[p].stories))).collect();
    guard.removals(walk.files.len(), &removed)?;
    if fresh {
        // A new generation cannot keep stories it cannot read.
        guard.unreadable(&everything.kept)?;
    }
    Ok(())
}

fn now_ns() -> i64 {
    let since =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_nanos()).unwrap_or(i64::MAX)
}

/// The writer side of a build.
struct Writing<'a> {
    writer: &'a IndexWriter,
    fields: &'a Fields,
    /// Pages of the generation written into (their old stories are
    /// replaced when the new ones arrive); empty for a new generation.
    known: &'a Pages,
}

/// Reads and converts `files` on a worker pool; feeds the writer here.
fn index_files(
    writing: &Writing<'_>,
    job: &Job<'_>,
    files: &[&FileEntry],
    report: &mut BuildReport,
    progress: &mut dyn FnMut(Progress),
    threads: usize,
) -> tantivy::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?;
    let (sender, receiver) = bounded::<Outcome>(256);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.install(|| {
                files.par_iter().for_each_with(sender, |sender, file| {
                    // The receiver only goes away when the writer failed; the
                    // build then returns that error, so a lost send is fine.
                    let _ = sender.send(work::process(job, file));
                });
            });
        });
        for outcome in receiver {
            progress(Progress::FileDone);
            record(writing, outcome, report)?;
        }
        Ok(())
    })
}

fn record(
    writing: &Writing<'_>,
    outcome: Outcome,
    report: &mut BuildReport,
) -> tantivy::Result<()> {
    match outcome {
        Outcome::Indexed { path, docs, articles, briefs, bytes, transcoded } => {
            if writing.known.contains_key(&path) {
                // Deleted before the new documents are added, so only the
                // old ones go.
                writing.writer.delete_term(Term::from_field_text(writing.fields.path, &path));
            }
            for doc in docs {
                writing.writer.add_document(doc)?;
            }
            report.indexed_pages += 1;
            report.articles += articles;
            report.briefs += briefs;
            report.bytes_read += bytes;
            report.transcoded += usize::from(transcoded);
        }
        Outcome::Skipped(skip) => {
            if let Some(stamp) = writing.known.get(&skip.path) {
                report.kept.push(Kept {
                    path: skip.path.clone(),
                    stories: u64::from(stamp.stories),
                    reason: skip.reason.to_string(),
                });
            }
            report.skipped.push(skip);
        }
    }
    Ok(())
}
