//! What was last exported to a cluster index, kept in the newsidx index
//! folder, so that `export --changes` writes only the difference.
//!
//! ```text
//! .newsidx/opensearch/<key>.state     one line per story: id TAB fingerprint (hex)
//! ```
//!
//! The key names the export: the target index name, the query and the
//! filters (two exports of different selections keep separate records).
//! The fingerprint is a 64-bit FNV-1a hash of the document line: a story
//! whose text, facets, terms (a new analyzer) or cluster changed is
//! exported again. The record is replaced (written beside, then renamed)
//! only after every bulk file is on disk.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::index::keyed_file;
use crate::{Error, Result};

/// Folder of the records inside the index folder.
pub const FOLDER: &str = "opensearch";

/// The record file of the export named by `key_text` in `index_root`.
pub fn path(index_root: &Path, key_text: &str) -> PathBuf {
    keyed_file(index_root, FOLDER, key_text)
}

/// Story id → fingerprint of its last exported document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Record(pub HashMap<String, u64>);

impl Record {
    /// Reads the record at `path`; an empty record when there is none yet.
    ///
    /// # Errors
    /// [`Error::Io`] when it exists but cannot be read;
    /// [`Error::Damaged`] for a line that is not `id TAB hex`.
    pub fn read(path: &Path) -> Result<Record> {
        let file = match fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Record::default()),
            Err(source) => {
                return Err(Error::Io { action: "reading", path: path.into(), source });
            }
        };
        let mut out = HashMap::new();
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line =
                line.map_err(|source| Error::Io { action: "reading", path: path.into(), source })?;
            let parsed = line
                .rsplit_once('\t')
                .and_then(|(id, hex)| Some((id.to_string(), u64::from_str_radix(hex, 16).ok()?)));
            let Some((id, hash)) = parsed else {
                return Err(Error::Damaged {
                    path: path.into(),
                    detail: format!("line {}: expected `id<TAB>hex fingerprint`", n + 1),
                });
            };
            out.insert(id, hash);
        }
        Ok(Record(out))
    }

    /// Writes the record to `path` atomically (a temporary file renamed).
    ///
    /// # Errors
    /// [`Error::Io`] naming the file.
    pub fn write(&self, path: &Path) -> Result<()> {
        let io = |action: &'static str| {
            move |source| Error::Io { action, path: path.to_path_buf(), source }
        };
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(io("creating"))?;
        }
        let partial = path.with_extension("state.partial");
        let mut ids: Vec<(&String, &u64)> = self.0.iter().collect();
        ids.sort();
        let file = fs::File::create(&partial).map_err(io("creating"))?;
        let mut out = BufWriter::new(file);
        for (id, hash) in ids {
            writeln!(out, "{id}\t{hash:016x}").map_err(io("writing"))?;
        }
        let file = out.into_inner().map_err(|e| e.into_error()).map_err(io("writing"))?;
        file.sync_all().map_err(io("writing"))?;
        fs::rename(&partial, path).map_err(io("replacing"))
    }
}
