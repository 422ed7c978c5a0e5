//! `export --format opensearch`: the export folder.
//!
//! ```text
//! DIR/template.json        the index template (settings and mappings)
//! DIR/bulk-0001.ndjson …   bulk requests: action line, source line; each file under the limit
//! DIR/README.md            the curl commands that load DIR into a cluster
//! ```
//!
//! Stories are written in index order; a story's `_id` is its newsidx id,
//! so loading the same export twice replaces, never duplicates. With
//! `changes`, only stories whose document changed since the last export of
//! the same selection to the same target are written, and stories that
//! left the index are deleted ([`super::changes`]).

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::json;
use tantivy::DocAddress;

use super::changes::{self, Record};
use super::document::Documents;
use super::mapping::template;
use crate::index::fingerprint;
use crate::index::{NewsIndex, tantivy_error};
use crate::search::{MatchesCollector, Selection, clusters};
use crate::{Error, Result};

/// Largest bulk file by default: OpenSearch's default `http.max_content_length`
/// is 100 MB; 10 MB requests are the usual advice for bulk loads.
pub const MAX_BULK_BYTES: usize = 10 * 1000 * 1000 - 1;

/// What to export and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The export folder (created; it may hold only an earlier export).
    pub out: PathBuf,
    /// The cluster index the bulk actions name.
    pub target: String,
    /// Only what changed since the last export of this selection.
    pub changes: bool,
    /// Names the selection (query and filters) for the record of `changes`.
    pub selection_key: String,
    /// Largest bulk file in bytes.
    pub max_bulk_bytes: usize,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Stories in the selection.
    pub stories: usize,
    /// Index actions written.
    pub indexed: usize,
    /// Delete actions written.
    pub deleted: usize,
    /// Stories left out as unchanged.
    pub unchanged: usize,
    /// Whether an earlier export's record was found (with `changes`).
    pub had_record: bool,
    /// Bulk files, in order.
    pub files: Vec<PathBuf>,
    /// Bytes of all bulk files.
    pub bytes: u64,
    /// Stories whose action alone exceeds the file limit (each in its own file).
    pub oversized: Vec<String>,
}

/// Files an export folder may hold from an earlier export.
fn is_export_file(name: &str) -> bool {
    name == "template.json"
        || name == "README.md"
        || (name.starts_with("bulk-") && name.ends_with(".ndjson"))
}

/// Writes the export of `selection` from `index`.
///
/// # Errors
/// [`Error::Io`] for the folder or a file, also when the folder holds
/// files no export wrote; the index cannot be read.
pub fn export(index: &NewsIndex, selection: &Selection, options: &Options) -> Result<Summary> {
    prepare_folder(&options.out)?;
    let record_path = changes::path(index.root(), &record_key(options));
    let old = if options.changes { Record::read(&record_path)? } else { Record::default() };
    let cluster_of = cluster_ids(index, selection)?;
    let mut bulk = Bulk::new(&options.out, options.max_bulk_bytes);
    let mut documents = Documents::new(index.config());
    let mut record = HashMap::new();
    let mut summary = Summary { had_record: !old.0.is_empty(), ..Summary::default() };
    let target = json!(options.target);
    crate::stats::export_addressed(index, selection, &mut |address, story| {
        summary.stories += 1;
        let cluster = cluster_of.get(&address).map_or(story.id.as_str(), String::as_str);
        let source = documents.source(&story, cluster).to_string();
        let hash = fingerprint(format!("{}\n{source}", options.target).as_bytes());
        let unchanged = options.changes && old.0.get(&story.id) == Some(&hash);
        if unchanged {
            summary.unchanged += 1;
        } else {
            let action = json!({ "index": { "_index": target, "_id": story.id } }).to_string();
            if bulk.add(&action, Some(&source))? {
                summary.oversized.push(story.id.clone());
            }
            summary.indexed += 1;
        }
        record.insert(story.id, hash);
        Ok(())
    })?;
    let mut gone: Vec<&String> = old.0.keys().filter(|id| !record.contains_key(*id)).collect();
    gone.sort();
    for id in gone {
        let action = json!({ "delete": { "_index": target, "_id": id } }).to_string();
        bulk.add(&action, None)?;
        summary.deleted += 1;
    }
    (summary.files, summary.bytes) = bulk.finish()?;
    write_file(
        &options.out.join("template.json"),
        &serde_json::to_string_pretty(&template(
            &format!("{}*", options.target),
            &index.info().analyzer,
        ))
        .expect("JSON values serialise"),
    )?;
    write_file(&options.out.join("README.md"), &readme(options, &summary))?;
    Record(record).write(&record_path)?;
    Ok(summary)
}

/// Names the record: target, selection.
fn record_key(options: &Options) -> String {
    format!("{}\n{}", options.target, options.selection_key)
}

/// Creates `out`, or empties it of an earlier export; refuses a folder
/// with other files (an export never deletes what it did not write).
fn prepare_folder(out: &Path) -> Result<()> {
    let io = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { action, path, source }
    };
    fs::create_dir_all(out).map_err(io("creating", out))?;
    let entries = fs::read_dir(out).map_err(io("reading", out))?;
    let mut earlier = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io("reading", out))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_export_file(&name) {
            return Err(Error::Io {
                action: "exporting into",
                path: out.to_path_buf(),
                source: std::io::Error::other(format!(
                    "the folder holds {name:?}, which no export wrote; choose an empty folder"
                )),
            });
        }
        earlier.push(entry.path());
    }
    for path in earlier {
        fs::remove_file(&path).map_err(io("removing", &path))?;
    }
    Ok(())
}

/// Story address → cluster id (the smallest story id of its syndication
/// cluster among the selected stories).
fn cluster_ids(index: &NewsIndex, selection: &Selection) -> Result<HashMap<DocAddress, String>> {
    let searcher = index.searcher();
    let all = searcher
        .search(&selection.query, &MatchesCollector)
        .map_err(tantivy_error(index.root()))?;
    let groups = clusters(&searcher, all, true).map_err(tantivy_error(index.root()))?;
    let mut out = HashMap::new();
    for group in groups.into_iter().filter(|g| g.members.len() > 1) {
        let id = group.members.iter().map(|m| m.id.as_str()).min().unwrap_or_default().to_string();
        for member in &group.members {
            out.insert(member.address, id.clone());
        }
    }
    Ok(out)
}

/// Bulk files of at most `limit` bytes, each action with its source.
struct Bulk {
    folder: PathBuf,
    limit: usize,
    current: Option<(BufWriter<fs::File>, usize)>,
    files: Vec<PathBuf>,
    bytes: u64,
}

impl Bulk {
    fn new(folder: &Path, limit: usize) -> Bulk {
        Bulk { folder: folder.to_path_buf(), limit, current: None, files: Vec::new(), bytes: 0 }
    }

    /// Adds one action (with its source line); true when it alone is
    /// larger than the limit (written to a file of its own).
    fn add(&mut self, action: &str, source: Option<&str>) -> Result<bool> {
        let size = action.len() + 1 + source.map_or(0, |s| s.len() + 1);
        let full = self.current.as_ref().is_some_and(|(_, used)| used + size > self.limit);
        if full || self.current.is_none() {
            self.start()?;
        }
        let path = self.files.last().expect("a file was started").clone();
        let io = |source| Error::Io { action: "writing", path: path.clone(), source };
        let (out, used) = self.current.as_mut().expect("a file is open");
        writeln!(out, "{action}").map_err(io)?;
        if let Some(source) = source {
            writeln!(out, "{source}").map_err(io)?;
        }
        *used += size;
        self.bytes += size as u64;
        Ok(size > self.limit)
    }

    fn start(&mut self) -> Result<()> {
        self.close()?;
        let path = self.folder.join(format!("bulk-{:04}.ndjson", self.files.len() + 1));
        let file = fs::File::create(&path).map_err(|source| Error::Io {
            action: "creating",
            path: path.clone(),
            source,
        })?;
        self.files.push(path);
        self.current = Some((BufWriter::new(file), 0));
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if let Some((out, _)) = self.current.take() {
            let path = self.files.last().expect("an open file has a path").clone();
            let file = out.into_inner().map_err(|e| Error::Io {
                action: "writing",
                path: path.clone(),
                source: e.into_error(),
            })?;
            file.sync_all().map_err(|source| Error::Io { action: "writing", path, source })?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(Vec<PathBuf>, u64)> {
        self.close()?;
        Ok((self.files, self.bytes))
    }
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    fs::write(path, text).map_err(|source| Error::Io {
        action: "writing",
        path: path.to_path_buf(),
        source,
    })
}

/// The export folder's README: what it holds and how to load it.
fn readme(options: &Options, summary: &Summary) -> String {
    let target = &options.target;
    let what = if options.changes && summary.had_record {
        format!(
            "the changes since the last export of this selection: {} stories to index, {} to delete ({} unchanged)",
            summary.indexed, summary.deleted, summary.unchanged
        )
    } else {
        format!("every story of the selection: {} stories", summary.indexed)
    };
    format!(
        "# newsidx export for OpenSearch\n\n\
This folder holds {what}, in {files} bulk file(s) ({mb:.1} MB), for the index `{target}`.\n\n\
- `template.json`: the index template (analyzers and mappings) for indices named `{target}*`.\n\
- `bulk-NNNN.ndjson`: bulk requests (an action line, then the document), each under {limit} bytes.\n\n\
Load it (set `OS` to your cluster, with credentials if it has them, e.g. `OS=https://admin:secret@localhost:9200`):\n\n\
```sh\n\
OS=http://localhost:9200\n\
curl -fsS -X PUT \"$OS/_index_template/{target}\" -H 'Content-Type: application/json' --data-binary @template.json\n\
for f in bulk-*.ndjson; do\n\
  curl -fsS -X POST \"$OS/_bulk\" -H 'Content-Type: application/x-ndjson' --data-binary \"@$f\" \\\n\
    | grep -q '\"errors\":false' || echo \"$f: some actions failed; see the response of _bulk\"\n\
done\n\
curl -fsS -X POST \"$OS/{target}/_refresh\"\n\
curl -fsS \"$OS/{target}/_count\"\n\
```\n\n\
Ask the cluster what `newsidx search` asks the local index: `newsidx search --explain-as opensearch 'QUERY'`\n\
prints the Query DSL; post it to `$OS/{target}/_search` or `_count`.\n\n\
The analysed fields hold newsidx's own terms, separated by spaces, and are read with a\n\
whitespace tokenizer: the cluster never stems or splits Dutch itself. Documents come from an\n\
index whose analyzer is recorded in the template's `_meta`; do not mix exports of indexes with\n\
different analyzers in one cluster index.\n",
        files = summary.files.len(),
        mb = summary.bytes as f64 / 1e6,
        limit = options.max_bulk_bytes,
    )
}
