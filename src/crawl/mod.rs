//! Finding page files in a corpus folder and reading them.
//!
//! Owns which files are pages (`*.txt`, any case, not hidden), their order
//! (sorted by path, so every build sees the same sequence), and turning their
//! bytes into text ([`decode`]). Does not look inside the text.
//!
//! Problems with single files are soft: they come back as [`Skip`] values,
//! each naming the file and the reason, and the walk goes on. Only a corpus
//! root that cannot be read at all is an [`Error`](crate::Error).

mod decode;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

pub use decode::{DecodeError, Encoding, decode};

/// A page file found by [`walk`], not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Path to open.
    pub path: PathBuf,
    /// Path relative to the corpus root with `/` separators; the page's
    /// identity in the index.
    pub rel_path: String,
    /// Size in bytes when walked.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 if unknown).
    pub mtime_ns: i64,
}

/// A page file read and decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where it came from.
    pub entry: FileEntry,
    /// Decoded text (BOM removed).
    pub text: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// xxh3 hash of the file's bytes.
    pub hash: u64,
}

/// A file (or folder) that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// Path relative to the corpus root (or as reported by the OS).
    pub path: String,
    /// What went wrong.
    pub reason: SkipReason,
}

/// Why a file was skipped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// Opening or reading failed (permissions, vanished during the walk…).
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A symbolic link points back to one of its own ancestors.
    #[error("symlink loop back to {0}")]
    SymlinkLoop(String),
    /// Not text.
    #[error("{0}")]
    Binary(#[from] DecodeError),
    /// Nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// A bug in newsidx while handling this file (a caught panic).
    #[error("internal error: {0}")]
    Internal(String),
    /// Larger than the configured limit.
    #[error("too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// File size.
        size: u64,
        /// The limit it exceeds.
        limit: u64,
    },
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Result of walking a corpus.
#[derive(Debug, Default)]
pub struct Walk {
    /// Page files in sorted path order.
    pub files: Vec<FileEntry>,
    /// Entries that could not be walked.
    pub skipped: Vec<Skip>,
    /// Regular files that are not pages (not `*.txt`).
    pub ignored: usize,
}

/// Walks `root` in sorted order, following symlinks (loops are reported,
/// not followed), skipping hidden files and folders.
///
/// Each folder is read once and its entries are examined relative to it
/// (`fstatat` on the open folder), so the kernel never resolves a file's
/// whole path: a no-change build of a large corpus is mostly this walk.
///
/// # Errors
/// [`Error::Corpus`](crate::Error::Corpus) when `root` is not a readable folder.
pub fn walk(root: &Path) -> crate::Result<Walk> {
    check_root(root)?;
    let mut walk = Walk::default();
    let mut ancestors = Vec::new();
    if let Ok(meta) = fs::metadata(root) {
        ancestors.push((folder_id(&meta, root), root.to_path_buf()));
    }
    walk_folder(root, root, &mut ancestors, &mut walk);
    Ok(walk)
}

/// What makes two paths the same folder (device and inode on Unix).
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(meta: &fs::Metadata, _: &Path) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn folder_id(_: &fs::Metadata, path: &Path) -> FolderId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Adds the pages under `folder` (depth first, entries sorted by name);
/// `ancestors` are the folders above it, for loop detection.
fn walk_folder(
    root: &Path,
    folder: &Path,
    ancestors: &mut Vec<(FolderId, PathBuf)>,
    walk: &mut Walk,
) {
    let unreadable = |path: &Path, err: std::io::Error| Skip {
        path: relative(root, path),
        reason: SkipReason::Unreadable(err.to_string()),
    };
    let mut entries: Vec<fs::DirEntry> = Vec::new();
    match fs::read_dir(folder) {
        Ok(list) => {
            for entry in list {
                match entry {
                    Ok(entry) => entries.push(entry),
                    Err(err) => walk.skipped.push(unreadable(folder, err)),
                }
            }
        }
        Err(err) => {
            walk.skipped.push(unreadable(folder, err));
            return;
        }
    }
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        if is_hidden(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        // The entry's own type, or its target's for a symlink (followed).
        let meta = match entry.file_type() {
            Ok(t) if t.is_symlink() => fs::metadata(&path),
            Ok(t) if t.is_dir() || t.is_file() => entry.metadata(),
            Ok(_) => continue,
            Err(err) => Err(err),
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(err) => {
                walk.skipped.push(unreadable(&path, err));
                continue;
            }
        };
        if meta.is_dir() {
            let id = folder_id(&meta, &path);
            if let Some((_, ancestor)) = ancestors.iter().find(|(a, _)| *a == id) {
                walk.skipped.push(Skip {
                    path: relative(root, &path),
                    reason: SkipReason::SymlinkLoop(relative(root, ancestor)),
                });
                continue;
            }
            ancestors.push((id, path.clone()));
            walk_folder(root, &path, ancestors, walk);
            ancestors.pop();
        } else if meta.is_file() {
            add_file(walk, root, path, &meta);
        }
    }
}

fn check_root(root: &Path) -> crate::Result<()> {
    let corpus_error = |message: String| crate::Error::Corpus { path: root.to_path_buf(), message };
    let meta = fs::metadata(root).map_err(|e| corpus_error(e.to_string()))?;
    if !meta.is_dir() {
        return Err(corpus_error("not a folder".into()));
    }
    fs::read_dir(root).map_err(|e| corpus_error(e.to_string()))?;
    Ok(())
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn is_page(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

fn add_file(walk: &mut Walk, root: &Path, path: PathBuf, meta: &fs::Metadata) {
    if !is_page(&path) {
        walk.ignored += 1;
        return;
    }
    let rel_path = relative(root, &path);
    walk.files.push(FileEntry { path, rel_path, size: meta.len(), mtime_ns: mtime_ns(meta) });
}

/// `root/2025/12/02/x.txt` → `2025/12/02/x.txt` (lossy for names that are
/// not UTF-8, so the id stays printable).
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // The walk joins names to folders, so on Unix a UTF-8 path is already
    // its id: no component splitting or joining.
    #[cfg(unix)]
    if let Some(text) = rel.to_str()
        && !text.is_empty()
        && !text.contains("//")
        && !text.split('/').any(|c| c == "." || c == "..")
    {
        return text.to_string();
    }
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.is_empty() { ".".to_string() } else { parts.join("/") }
}

/// Modification time in nanoseconds since the epoch, 0 when unknown.
pub fn mtime_ns(meta: &fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Reads and decodes one page file. Files larger than `max_bytes` are
/// skipped rather than read.
pub fn read(entry: &FileEntry, max_bytes: u64) -> Result<SourceFile, Skip> {
    let skip = |reason| Skip { path: entry.rel_path.clone(), reason };
    if entry.size > max_bytes {
        return Err(skip(SkipReason::TooLarge { size: entry.size, limit: max_bytes }));
    }
    let bytes = fs::read(&entry.path).map_err(|e| skip(SkipReason::Unreadable(e.to_string())))?;
    if bytes.len() as u64 > max_bytes {
        return Err(skip(SkipReason::TooLarge { size: bytes.len() as u64, limit: max_bytes }));
    }
    let hash = content_hash(&bytes);
    let (text, encoding) = decode(&bytes).map_err(|e| skip(e.into()))?;
    if text.trim().is_empty() {
        return Err(skip(SkipReason::Empty));
    }
    Ok(SourceFile { entry: entry.clone(), text, encoding, hash })
}

/// The hash newsidx keeps of a file's bytes (xxh3, 64 bits).
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Hash of the file at `path` now, or `None` if it cannot be read.
pub fn hash_file(path: &Path) -> Option<u64> {
    fs::read(path).ok().map(|bytes| content_hash(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in files {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, bytes).unwrap();
        }
        dir
    }

    #[test]
    fn walk_is_sorted_and_takes_only_visible_txt_files() {
        let dir = corpus(&[
            ("b/2.txt", b"x"),
            ("a/1.TXT", b"x"),
            ("a/foto.jpg", b"x"),
            (".verborgen/3.txt", b"x"),
            ("a/.swp.txt", b"x"),
        ]);
        let walk = walk(dir.path()).unwrap();
        let paths: Vec<_> = walk.files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(paths, ["a/1.TXT", "b/2.txt"]);
        assert_eq!(walk.ignored, 1);
    }

    #[test]
    fn relative_ids_use_slashes_and_no_dot_parts() {
        let root = Path::new("/data/nieuws");
        assert_eq!(relative(root, &root.join("2025/12/02/x.txt")), "2025/12/02/x.txt");
        assert_eq!(relative(root, &root.join("./2025//12/x.txt")), "2025/12/x.txt");
        assert_eq!(relative(root, root), ".");
    }

    #[test]
    fn missing_root_is_an_error() {
        let err = walk(Path::new("/bestaat/niet")).unwrap_err();
        assert!(err.to_string().contains("/bestaat/niet"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_not_followed() {
        let dir = corpus(&[("a/1.txt", b"Kop")]);
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/lus")).unwrap();
        let walk = walk(dir.path()).unwrap();
        assert_eq!(walk.files.len(), 1);
        assert_eq!(walk.skipped.len(), 1);
        assert!(matches!(walk.skipped[0].reason, SkipReason::SymlinkLoop(_)), "{:?}", walk.skipped);
    }

    #[test]
    fn file_deleted_after_the_walk_is_a_skip_not_an_error() {
        let dir = corpus(&[("weg.txt", b"Kop")]);
        let walk = walk(dir.path()).unwrap();
        fs::remove_file(dir.path().join("weg.txt")).unwrap();
        let skip = read(&walk.files[0], u64::MAX).unwrap_err();
        assert_eq!(skip.path, "weg.txt");
        assert!(matches!(skip.reason, SkipReason::Unreadable(_)), "{skip}");
    }

    #[test]
    fn read_skips_empty_binary_and_oversized_files() {
        let dir = corpus(&[
            ("leeg.txt", b" \n"),
            ("foto.txt", b"\x89PNG\r\n\x1a\n..."),
            ("groot.txt", b"Kop\nlange tekst"),
        ]);
        let walk = walk(dir.path()).unwrap();
        let reasons: Vec<_> = walk.files.iter().map(|f| read(f, 12).unwrap_err().reason).collect();
        assert_eq!(
            reasons,
            [
                SkipReason::Binary(DecodeError::Binary("PNG image")),
                SkipReason::TooLarge { size: 15, limit: 12 },
                SkipReason::Empty,
            ]
        );
    }
}
