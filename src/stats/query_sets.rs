//! Query sets over the index: one summary per label (`search --queries`)
//! and standing queries (`watch`).
//!
//! Owns what a label's summary is (matches, clusters of copies, newest
//! match) and what is new for a standing query: the stories that match a
//! label now and did not at the previous `watch` of the same set, recorded
//! in the index folder:
//!
//! ```text
//! .newsidx/watch/<key>.state    one line per label and story: label TAB id
//! .newsidx/watch/<key>.lock     held while one watch reads and replaces the record
//! ```
//!
//! The key is a hash of the set's name (its absolute path); each watch reads
//! one generation of the index, so a build that commits meanwhile is seen
//! whole by the next watch, never half. The record is replaced atomically
//! after the answer is computed; labels whose query could not run keep
//! their old record.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use tantivy::SegmentOrdinal;

use super::load;
use crate::index::{NewsIndex, keyed_file, tantivy_error};
use crate::search::{MatchesCollector, Member, Selection, clusters};
use crate::{Error, Result};

/// Folder of the watch records inside the index folder.
pub const FOLDER: &str = "watch";

/// A label's matches in short.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelSummary {
    /// Matching stories.
    pub total: u64,
    /// Clusters of syndicated copies among them (a story alone counts one).
    pub clusters: u64,
    /// The most recently published match: (id, Unix seconds).
    pub newest: Option<(String, i64)>,
}

/// Summarises the matches of `selection`.
///
/// # Errors
/// The index cannot be read.
pub fn summarize(index: &NewsIndex, selection: &Selection) -> Result<LabelSummary> {
    let searcher = index.searcher();
    let index_error = |e| tantivy_error(index.root())(e);
    let all = searcher.search(&selection.query, &MatchesCollector).map_err(index_error)?;
    let total = all.len() as u64;
    let groups = clusters(&searcher, all, true).map_err(index_error)?;
    let mut published = Published::new(&searcher);
    let mut newest: Option<(String, i64)> = None;
    for member in groups.iter().flat_map(|g| &g.members) {
        let time = published.of(member).map_err(index_error)?;
        let better = newest.as_ref().is_none_or(|(id, t)| (time, &member.id) > (*t, id));
        if better {
            newest = Some((member.id.clone(), time));
        }
    }
    Ok(LabelSummary { total, clusters: groups.len() as u64, newest })
}

/// Publication times from the `published` column, per segment.
struct Published<'s> {
    searcher: &'s tantivy::Searcher,
    columns: HashMap<SegmentOrdinal, tantivy::columnar::Column<tantivy::DateTime>>,
}

impl<'s> Published<'s> {
    fn new(searcher: &'s tantivy::Searcher) -> Published<'s> {
        Published { searcher, columns: HashMap::new() }
    }

    fn of(&mut self, member: &Member) -> tantivy::Result<i64> {
        let segment = member.address.segment_ord;
        if !self.columns.contains_key(&segment) {
            let reader = self.searcher.segment_reader(segment);
            self.columns.insert(segment, reader.fast_fields().date("published")?);
        }
        let column = &self.columns[&segment];
        Ok(column.first(member.address.doc_id).map_or(0, |t| t.into_timestamp_secs()))
    }
}

/// A story that is new for a label.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMatch {
    /// Story id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Dateline city.
    pub dateline: Option<String>,
    /// Publication time, Unix seconds.
    pub published: i64,
}

/// What one label gained since the previous watch.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelNews {
    /// The label.
    pub label: String,
    /// Its query.
    pub query: String,
    /// Stories matching now.
    pub total: u64,
    /// The new ones, newest first (ties by id).
    pub new: Vec<NewMatch>,
}

/// Runs the standing queries `queries` (label, query text, selection) of the
/// set named `set` (e.g. its absolute path) and records what they match;
/// the labels `failed` (in the set, but not runnable this time) keep their
/// record.
///
/// # Errors
/// The index or the record cannot be read or written.
pub fn watch(
    index: &NewsIndex,
    set: &str,
    queries: &[(String, String, Selection)],
    failed: &[String],
) -> Result<Vec<LabelNews>> {
    let path = record_path(index.root(), set);
    let _lock = lock(&path)?;
    let mut record = read_record(&path)?;
    let searcher = index.searcher();
    let index_error = |e| tantivy_error(index.root())(e);
    let mut out = Vec::with_capacity(queries.len());
    let mut kept: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for (label, query, selection) in queries {
        let all = searcher.search(&selection.query, &MatchesCollector).map_err(index_error)?;
        let members: Vec<Member> = clusters(&searcher, all, false)
            .map_err(index_error)?
            .into_iter()
            .flat_map(|c| c.members)
            .collect();
        let seen = record.remove(label).unwrap_or_default();
        let mut new = Vec::new();
        for member in members.iter().filter(|m| !seen.contains(&m.id)) {
            let story = load(index, member)?;
            new.push(NewMatch {
                id: story.id,
                title: story.title,
                dateline: story.dateline,
                published: story.published,
            });
        }
        new.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
        kept.insert(label.clone(), members.into_iter().map(|m| m.id).collect());
        out.push(LabelNews {
            label: label.clone(),
            query: query.clone(),
            total: kept[label].len() as u64,
            new,
        });
    }
    // Labels that could not run this time keep what they had seen; labels
    // gone from the set are forgotten.
    for label in failed {
        if let Some(ids) = record.remove(label) {
            kept.insert(label.clone(), ids);
        }
    }
    write_record(&path, &kept)?;
    Ok(out)
}

/// The record of the set named `set` in the index folder `root`.
pub fn record_path(root: &Path, set: &str) -> PathBuf {
    keyed_file(root, FOLDER, set)
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io { action, path: path.to_path_buf(), source }
}

/// Waits for, then holds, the lock of the record at `path`.
fn lock(path: &Path) -> Result<fs::File> {
    let folder = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(io("creating", folder))?;
    let lock_path = path.with_extension("lock");
    let file = fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io("opening", &lock_path))?;
    file.lock().map_err(io("locking", &lock_path))?;
    Ok(file)
}

fn read_record(path: &Path) -> Result<HashMap<String, HashSet<String>>> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(io("reading", path)(e)),
    };
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io("reading", path))?;
        let Some((label, id)) = line.split_once('\t') else {
            return Err(Error::Damaged {
                path: path.into(),
                detail: format!("line {}: expected `label<TAB>story id`", n + 1),
            });
        };
        out.entry(label.to_string()).or_default().insert(id.to_string());
    }
    Ok(out)
}

fn write_record(path: &Path, record: &BTreeMap<String, HashSet<String>>) -> Result<()> {
    let partial = path.with_extension("state.partial");
    let file = fs::File::create(&partial).map_err(io("creating", &partial))?;
    let mut out = BufWriter::new(file);
    for (label, ids) in record {
        let mut ids: Vec<&String> = ids.iter().collect();
        ids.sort();
        for id in ids {
            writeln!(out, "{label}\t{id}").map_err(io("writing", &partial))?;
        }
    }
    let file = out.into_inner().map_err(|e| e.into_error()).map_err(io("writing", &partial))?;
    file.sync_all().map_err(io("writing", &partial))?;
    fs::rename(&partial, path).map_err(io("replacing", path))
}
