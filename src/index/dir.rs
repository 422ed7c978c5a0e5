//! The index folder: generations, the `CURRENT` pointer and the build lock.
//!
//! ```text
//! .newsidx/
//!   CURRENT        name of the live generation, e.g. "gen-000002"
//!   build.lock     held (OS file lock) by the running build
//!   gen-000002/    a tantivy index
//!   opensearch/, watch/   state files named by a key ([`keyed_file`])
//! ```
//!
//! Incremental builds commit into the live generation; tantivy's commit is
//! atomic, so readers see the old or the new state, never half. A full
//! rebuild (`--rebuild`, or a new analyzer or schema) writes a new
//! generation beside the live one and then replaces `CURRENT` with an atomic
//! rename, so the old index stays searchable until the new one is complete.
//! The lock is an OS lock: it disappears with the process that held it, so
//! a killed build never blocks the next one.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = "build.lock";
const GEN_PREFIX: &str = "gen-";

/// An index folder.
#[derive(Debug, Clone)]
pub struct IndexDir {
    root: PathBuf,
}

/// Proof that this process holds the build lock; released on drop.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io { action, path: path.to_path_buf(), source }
}

impl IndexDir {
    /// The index folder at `root` (it need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> IndexDir {
        IndexDir { root: root.into() }
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the build lock, creating the folder if needed.
    ///
    /// # Errors
    /// [`Error::Locked`] at once when another process holds it.
    pub fn lock(&self) -> Result<BuildLock> {
        fs::create_dir_all(&self.root).map_err(io("creating index folder", &self.root))?;
        let path = self.root.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io("opening", &path))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked { path }),
            Err(fs::TryLockError::Error(e)) => Err(io("locking", &path)(e)),
        }
    }

    /// The live generation's folder, if there is one.
    pub fn current(&self) -> Result<Option<PathBuf>> {
        let path = self.root.join(CURRENT);
        match fs::read_to_string(&path) {
            Ok(name) => Ok(Some(self.root.join(name.trim()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io("reading", &path)(e)),
        }
    }

    /// A fresh, empty folder for a new generation.
    pub fn new_generation(&self, _lock: &BuildLock) -> Result<PathBuf> {
        let next = self.generations()?.last().map_or(1, |(n, _)| n + 1);
        let path = self.root.join(format!("{GEN_PREFIX}{next:06}"));
        fs::create_dir_all(&path).map_err(io("creating", &path))?;
        Ok(path)
    }

    /// Makes `generation` the live one (atomic rename of `CURRENT`). The
    /// other generations stay until [`IndexDir::remove_others`].
    pub fn publish(&self, generation: &Path, _lock: &BuildLock) -> Result<()> {
        let name = generation
            .file_name()
            .and_then(|n| n.to_str())
            .expect("generation folders have UTF-8 names");
        let tmp = self.root.join("CURRENT.tmp");
        let mut file = File::create(&tmp).map_err(io("writing", &tmp))?;
        file.write_all(format!("{name}\n").as_bytes()).map_err(io("writing", &tmp))?;
        file.sync_all().map_err(io("syncing", &tmp))?;
        let current = self.root.join(CURRENT);
        fs::rename(&tmp, &current).map_err(io("replacing", &current))?;
        if let Ok(dir) = File::open(&self.root) {
            // Persisting the rename is best effort: not every platform can
            // fsync a directory, and the rename itself already happened.
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Removes generation folders other than `keep` (old ones, or the
    /// leftovers of an interrupted rebuild).
    pub fn remove_others(&self, keep: &Path) -> Result<()> {
        for (_, path) in self.generations()? {
            if path != keep {
                fs::remove_dir_all(&path).map_err(io("removing old generation", &path))?;
            }
        }
        Ok(())
    }

    fn generations(&self) -> Result<Vec<(u64, PathBuf)>> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("listing", &self.root)(e)),
        };
        let mut gens: Vec<(u64, PathBuf)> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let n = e.file_name().to_str()?.strip_prefix(GEN_PREFIX)?.parse().ok()?;
                Some((n, e.path()))
            })
            .collect();
        gens.sort();
        Ok(gens)
    }
}

/// 64-bit FNV-1a: stable across versions and platforms (unlike std's
/// hasher), which names and records on disk need.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The state file named by `key` in the folder `folder` of the index
/// folder `root` (`<root>/<folder>/<hash of key>.state`): where the
/// records kept beside the generations live (OpenSearch exports, watches).
pub fn keyed_file(root: &Path, folder: &str, key: &str) -> PathBuf {
    root.join(folder).join(format!("{:016x}.state", fingerprint(key.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_fails_at_once_and_names_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path());
        let _held = dir.lock().unwrap();
        let err = dir.lock().unwrap_err();
        assert!(matches!(err, Error::Locked { .. }));
        assert!(err.to_string().contains("build.lock"), "{err}");
    }

    #[test]
    fn lock_is_released_on_drop() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path());
        drop(dir.lock().unwrap());
        dir.lock().unwrap();
    }

    #[test]
    fn publish_switches_current_and_removes_old_generations() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path());
        let lock = dir.lock().unwrap();
        assert_eq!(dir.current().unwrap(), None);
        let first = dir.new_generation(&lock).unwrap();
        dir.publish(&first, &lock).unwrap();
        let second = dir.new_generation(&lock).unwrap();
        assert_eq!(
            dir.current().unwrap(),
            Some(first.clone()),
            "old generation stays live until publish"
        );
        dir.publish(&second, &lock).unwrap();
        assert_eq!(dir.current().unwrap(), Some(second.clone()));
        dir.remove_others(&second).unwrap();
        assert!(!first.exists());
    }
}
