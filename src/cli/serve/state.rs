//! The index the server reads, and picking up a new one.
//!
//! Owns the live [`NewsIndex`]. Requests share it read-only; at most once a
//! second a request checks whether a build has committed since (the
//! `CURRENT` pointer and the live generation's `meta.json`), and if so the
//! next index is opened beside the old one and swapped in. tantivy commits
//! are atomic and a rebuild's generation is only published when complete,
//! so a half-built index is never served; if opening fails the old one
//! stays.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use newsidx::index::NewsIndex;

/// The index folder, its live index, and when it was last checked.
pub struct Shared {
    root: PathBuf,
    live: RwLock<Arc<NewsIndex>>,
    checked: Mutex<(Instant, Stamp)>,
}

/// What identifies a committed state: the generation name and the time its
/// `meta.json` was written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(String, Option<SystemTime>);

fn stamp(root: &Path) -> Stamp {
    let generation = std::fs::read_to_string(root.join("CURRENT")).unwrap_or_default();
    let generation = generation.trim().to_string();
    let meta =
        std::fs::metadata(root.join(&generation).join("meta.json")).and_then(|m| m.modified());
    Stamp(generation, meta.ok())
}

/// How often a request may look for a new commit.
const CHECK_EVERY: Duration = Duration::from_secs(1);

impl Shared {
    /// Opens the index at `root`.
    ///
    /// # Errors
    /// The index cannot be opened.
    pub fn open(root: &Path) -> newsidx::Result<Shared> {
        let before = stamp(root);
        let index = NewsIndex::open(root)?;
        Ok(Shared {
            root: root.to_path_buf(),
            live: RwLock::new(Arc::new(index)),
            checked: Mutex::new((Instant::now(), before)),
        })
    }

    /// The index to answer a request from: the live one, or a newer one if
    /// a build committed since the last check.
    pub fn index(&self) -> Arc<NewsIndex> {
        self.refresh();
        self.live.read().map(|i| Arc::clone(&i)).unwrap_or_else(|e| Arc::clone(&e.into_inner()))
    }

    fn refresh(&self) {
        let Ok(mut checked) = self.checked.try_lock() else { return };
        if checked.0.elapsed() < CHECK_EVERY {
            return;
        }
        checked.0 = Instant::now();
        let now = stamp(&self.root);
        if now == checked.1 {
            return;
        }
        match NewsIndex::open(&self.root) {
            Ok(index) => {
                if let Ok(mut live) = self.live.write() {
                    *live = Arc::new(index);
                }
                eprintln!("newsidx: serving the index committed at {:?} ({})", now.1, now.0);
                checked.1 = now;
            }
            Err(e) => eprintln!("newsidx: warning: keeping the last index; the new one: {e}"),
        }
    }
}
