//! One page file through the stages: read → parse → stories (with
//! entities) → documents.
//!
//! Owns what happens to a single file on a worker thread, and makes sure a
//! file can only ever cost itself: any failure, a panic included, becomes a
//! [`Skip`] of that file and the build goes on.

use std::panic::{AssertUnwindSafe, catch_unwind};

use tantivy::TantivyDocument;

use crate::crawl::{self, Encoding, FileEntry, Skip, SkipReason};
use crate::entities::TaggerExtractor;
use crate::index::{Fields, document};
use crate::news::{self, Kind};

/// What every worker needs to turn a file into documents.
pub struct Job<'a> {
    /// Field handles of the schema.
    pub fields: &'a Fields,
    /// Entity tagger.
    pub extractor: &'a TaggerExtractor,
    /// Larger files are skipped.
    pub max_file_bytes: u64,
}

/// Outcome of one file.
pub enum Outcome {
    /// The file's stories as documents.
    Indexed {
        /// Page path relative to the corpus.
        path: String,
        /// One document per story.
        docs: Vec<TantivyDocument>,
        /// Articles among them.
        articles: usize,
        /// Briefs among them.
        briefs: usize,
        /// Bytes of text read.
        bytes: u64,
        /// Decoded from another encoding than UTF-8.
        transcoded: bool,
    },
    /// The file could not be used.
    Skipped(Skip),
}

/// Runs the stages on `file`; a panic in any of them becomes a skip with
/// the reason "internal error: …".
pub fn process(job: &Job<'_>, file: &FileEntry) -> Outcome {
    match catch_unwind(AssertUnwindSafe(|| stages(job, file))) {
        Ok(outcome) => outcome,
        Err(payload) => Outcome::Skipped(Skip {
            path: file.rel_path.clone(),
            reason: SkipReason::Internal(panic_message(payload.as_ref())),
        }),
    }
}

fn stages(job: &Job<'_>, file: &FileEntry) -> Outcome {
    let skip = |reason| Outcome::Skipped(Skip { path: file.rel_path.clone(), reason });
    let source = match crawl::read(file, job.max_file_bytes) {
        Ok(source) => source,
        Err(skip) => return Outcome::Skipped(skip),
    };
    test_hook("reading", &source.text);
    let page = match crate::parse::page(&source.text) {
        Ok(page) => page,
        Err(e) => return skip(SkipReason::Unreadable(e.to_string())),
    };
    test_hook("parsing", &source.text);
    let stories = news::stories(&source, &page, job.extractor);
    test_hook("tagging", &source.text);
    let briefs = stories.iter().filter(|s| s.kind == Kind::Brief).count();
    let docs = stories.iter().map(|s| document(job.fields, s, &source)).collect();
    test_hook("indexing", &source.text);
    Outcome::Indexed {
        path: file.rel_path.clone(),
        docs,
        articles: stories.len() - briefs,
        briefs,
        bytes: source.text.len() as u64,
        transcoded: source.encoding != Encoding::Utf8,
    }
}

/// Whether the build would index `file`: it can be read and parsed. `check`
/// asks this, so that build and check agree on which files count.
///
/// # Errors
/// The [`Skip`] the build would report.
pub fn usable(file: &FileEntry, max_file_bytes: u64) -> Result<(), Skip> {
    let source = crawl::read(file, max_file_bytes)?;
    crate::parse::page(&source.text).map(|_| ()).map_err(|e| Skip {
        path: file.rel_path.clone(),
        reason: SkipReason::Unreadable(e.to_string()),
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// Test-only fault injection (cargo feature `test-hooks`, which the test
/// suite turns on): a page whose text contains
/// `newsidx-test-panic:<stage>` panics after that stage, so tests can show
/// that one bad page cannot stop a build. Compiled out of normal builds.
#[cfg(feature = "test-hooks")]
fn test_hook(stage: &str, text: &str) {
    if text.contains(&format!("newsidx-test-panic:{stage}")) {
        panic!("test hook: a panic while {stage}");
    }
}

#[cfg(not(feature = "test-hooks"))]
fn test_hook(_: &str, _: &str) {}
