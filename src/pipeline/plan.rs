//! What a build will do to the index, decided before anything is written:
//! which pages to read, which to remove, which to keep although they could
//! not be read, and whether that is safe.
//!
//! Owns the comparison of a walk with the index's manifest and the guards
//! that stop a build from destroying an index by mistake: a corpus folder
//! other than the one the index was built from, a walk that finds no page,
//! and a build that would remove more than half of the stories. A page
//! under a folder that could not be walked, or a file that could not be
//! stat'ed, is never taken for a deleted one: its stories are kept.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::crawl::{self, FileEntry, Skip, Walk};
use crate::index::{Pages, Stamp};
use crate::{Error, Result};

/// Stories the index keeps although their page could not be read now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Kept {
    /// The page, or the folder that holds the pages.
    pub path: String,
    /// Stories kept.
    pub stories: u64,
    /// Why the page could not be read.
    pub reason: String,
}

impl std::fmt::Display for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.stories == 1 { "story" } else { "stories" };
        write!(f, "kept {} {s} under {}: {}", thousands(self.stories), self.path, self.reason)
    }
}

/// `1204` → `1,204`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Which pages to read, replace and remove.
pub struct Plan<'a> {
    /// Files to read: new ones and changed ones.
    pub to_read: Vec<&'a FileEntry>,
    /// Changed pages: their stories are replaced once the file is read.
    pub replaced: Vec<String>,
    /// Pages whose file is gone.
    pub removed: Vec<String>,
    /// Pages (or folders of pages) that could not be walked, with their
    /// stories, which stay as they are.
    pub kept: Vec<Kept>,
    /// Pages left as they were.
    pub unchanged: usize,
    /// Of those, pages whose time was too close to the last build's start
    /// to be trusted and whose bytes were hashed to be sure.
    pub verified: usize,
    /// Pages whose stories are replaced.
    pub updated: usize,
}

/// A file whose modification time is this close to the last build's start
/// may have been changed again within the file system's clock resolution
/// without its time changing: its bytes are hashed to be sure.
const DOUBT_NS: i64 = 2_000_000_000;

impl<'a> Plan<'a> {
    /// Compares the walk with the index's pages. `last_start_ns` is when
    /// the build that made the index started (0 for none).
    pub fn new(walk: &'a Walk, known: &Pages, last_start_ns: i64) -> Plan<'a> {
        let mut plan = Plan {
            to_read: Vec::new(),
            replaced: Vec::new(),
            removed: Vec::new(),
            kept: Vec::new(),
            unchanged: 0,
            verified: 0,
            updated: 0,
        };
        for file in &walk.files {
            let compared = known.get(&file.rel_path).map(|s| compare(s, file, last_start_ns));
            match compared {
                Some(Comparison::Same) => plan.unchanged += 1,
                Some(Comparison::SameBytes) => {
                    plan.unchanged += 1;
                    plan.verified += 1;
                }
                Some(Comparison::Changed) => {
                    plan.updated += 1;
                    plan.replaced.push(file.rel_path.clone());
                    plan.to_read.push(file);
                }
                None => plan.to_read.push(file),
            }
        }
        let present: HashSet<&str> = walk.files.iter().map(|f| f.rel_path.as_str()).collect();
        let mut gone: Vec<&String> =
            known.keys().filter(|k| !present.contains(k.as_str())).collect();
        gone.sort();
        let mut kept: HashMap<&str, Kept> = HashMap::new();
        for path in gone {
            match walk.skipped.iter().find(|s| covers(s, path)) {
                Some(skip) => {
                    let entry = kept.entry(skip.path.as_str()).or_insert_with(|| Kept {
                        path: skip.path.clone(),
                        stories: 0,
                        reason: skip.reason.to_string(),
                    });
                    entry.stories += u64::from(known[path].stories);
                }
                None => plan.removed.push(path.clone()),
            }
        }
        plan.kept = kept.into_values().collect();
        plan.kept.sort_by(|a, b| a.path.cmp(&b.path));
        plan
    }

    /// Nothing to read and nothing to remove.
    pub fn is_empty(&self) -> bool {
        self.to_read.is_empty() && self.removed.is_empty()
    }

    /// Stories that go with the removed pages.
    pub fn removed_stories(&self, known: &Pages) -> u64 {
        self.removed.iter().filter_map(|p| known.get(p)).map(|s| u64::from(s.stories)).sum()
    }
}

/// Whether a walk problem at `skip` hides the indexed page `path`: the
/// page itself, or a page under the folder.
fn covers(skip: &Skip, path: &str) -> bool {
    path == skip.path
        || skip.path == "."
        || path.strip_prefix(skip.path.as_str()).is_some_and(|rest| rest.starts_with('/'))
}

/// How a file compares with the stamp of its indexed page.
enum Comparison {
    /// Same size and time, the time old enough to be trusted.
    Same,
    /// Same size and time, the time too close to the last build's start to
    /// be trusted, and the same bytes.
    SameBytes,
    /// Anything else.
    Changed,
}

fn compare(stamp: &Stamp, file: &FileEntry, last_start_ns: i64) -> Comparison {
    if stamp.size != file.size || stamp.mtime_ns != file.mtime_ns {
        return Comparison::Changed;
    }
    if file.mtime_ns < last_start_ns.saturating_sub(DOUBT_NS) {
        return Comparison::Same;
    }
    if crawl::hash_file(&file.path) == Some(stamp.hash) {
        Comparison::SameBytes
    } else {
        Comparison::Changed
    }
}

/// What the guards need to know about the build being planned.
pub struct Guard<'a> {
    /// Index folder (for messages).
    pub index: &'a Path,
    /// Corpus folder as given, made absolute.
    pub corpus: &'a Path,
    /// The folder the live index was built from.
    pub built_from: &'a Path,
    /// Stories in the live index.
    pub stories: u64,
    /// The user said the pages now live in `corpus` (`--corpus-moved`).
    pub corpus_moved: bool,
    /// The user asked for a new index (`--rebuild`).
    pub rebuild: bool,
    /// The user allowed large removals (`--allow-removals`).
    pub allow_removals: bool,
}

impl Guard<'_> {
    /// Refuses a build of another folder into this index, unless the user
    /// said which way on.
    ///
    /// # Errors
    /// [`Error::CorpusChanged`].
    pub fn same_corpus(&self) -> Result<()> {
        if self.stories == 0 || self.rebuild || self.corpus_moved || self.corpus == self.built_from
        {
            return Ok(());
        }
        Err(Error::CorpusChanged {
            index: self.index.to_path_buf(),
            built_from: self.built_from.to_path_buf(),
            given: self.corpus.to_path_buf(),
        })
    }

    /// Refuses a build that would leave the index with no story, or remove
    /// more than half of its stories, without `--allow-removals`. `removed`
    /// are the pages whose stories would go, with how many.
    ///
    /// # Errors
    /// [`Error::EmptyCorpus`], [`Error::TooManyRemovals`].
    pub fn removals(&self, pages_found: usize, removed: &[(String, u64)]) -> Result<()> {
        if self.allow_removals || self.stories == 0 {
            return Ok(());
        }
        if pages_found == 0 {
            return Err(Error::EmptyCorpus {
                corpus: self.corpus.to_path_buf(),
                stories: self.stories,
            });
        }
        let stories: u64 = removed.iter().map(|(_, n)| n).sum();
        if stories * 2 > self.stories {
            let examples = removed.iter().take(5).map(|(p, _)| p.clone()).collect();
            return Err(Error::TooManyRemovals {
                corpus: self.corpus.to_path_buf(),
                stories,
                total: self.stories,
                pages: removed.len(),
                examples,
            });
        }
        Ok(())
    }
}

impl Guard<'_> {
    /// Refuses a new generation that would lose the stories of pages it
    /// cannot read, without `--allow-removals`.
    ///
    /// # Errors
    /// [`Error::UnreadableOnRebuild`].
    pub fn unreadable(&self, kept: &[Kept]) -> Result<()> {
        if self.allow_removals || kept.is_empty() {
            return Ok(());
        }
        Err(Error::UnreadableOnRebuild {
            stories: kept.iter().map(|k| k.stories).sum(),
            problems: kept.iter().take(5).map(|k| format!("{}: {}", k.path, k.reason)).collect(),
        })
    }
}

/// The corpus folder as an absolute path without symlinks (as given when
/// it cannot be resolved).
pub fn absolute(corpus: &Path) -> PathBuf {
    std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::SkipReason;

    fn entry(path: &str) -> FileEntry {
        FileEntry { path: PathBuf::from(path), rel_path: path.into(), size: 1, mtime_ns: 1 }
    }

    fn stamp(stories: u32) -> Stamp {
        Stamp { size: 1, mtime_ns: 1, hash: 0, stories }
    }

    #[test]
    fn pages_under_an_unreadable_folder_are_kept_not_removed() {
        let walk = Walk {
            files: vec![entry("open/a.txt")],
            skipped: vec![Skip {
                path: "archief/2019".into(),
                reason: SkipReason::Unreadable("Permission denied".into()),
            }],
            ignored: 0,
        };
        let known: Pages = [
            ("open/a.txt", 1),
            ("archief/2019/x.txt", 3),
            ("archief/2019/y.txt", 2),
            ("archief/2019b.txt", 1),
        ]
        .into_iter()
        .map(|(p, n)| (p.to_string(), stamp(n)))
        .collect();
        let plan = Plan::new(&walk, &known, 0);
        assert_eq!(plan.removed, ["archief/2019b.txt"], "a sibling with the same prefix is gone");
        assert_eq!(plan.kept.len(), 1);
        assert_eq!(
            plan.kept[0].to_string(),
            "kept 5 stories under archief/2019: cannot read: Permission denied"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(12), "12");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    fn guard(stories: u64) -> Guard<'static> {
        Guard {
            index: Path::new(".newsidx"),
            corpus: Path::new("/data/nieuws"),
            built_from: Path::new("/data/nieuws"),
            stories,
            corpus_moved: false,
            rebuild: false,
            allow_removals: false,
        }
    }

    #[test]
    fn removing_more_than_half_needs_permission() {
        let removed: Vec<(String, u64)> = (0..6).map(|i| (format!("p{i}.txt"), 2)).collect();
        let err = guard(20).removals(4, &removed).unwrap_err().to_string();
        assert!(err.contains("12 of the index's 20 stories"), "{err}");
        assert!(err.contains("p0.txt") && err.contains("--allow-removals"), "{err}");
        assert!(guard(24).removals(4, &removed).is_ok(), "exactly half is allowed");
        let allowed = Guard { allow_removals: true, ..guard(20) };
        assert!(allowed.removals(4, &removed).is_ok());
    }

    #[test]
    fn an_empty_walk_never_empties_an_index() {
        let err = guard(22).removals(0, &[]).unwrap_err().to_string();
        assert!(err.contains("no page") && err.contains("22 stories"), "{err}");
        assert!(guard(0).removals(0, &[]).is_ok(), "nothing to lose");
    }

    #[test]
    fn another_corpus_folder_is_refused_unless_moved_or_rebuilt() {
        let other = Guard { corpus: Path::new("/data/elders"), ..guard(22) };
        let err = other.same_corpus().unwrap_err().to_string();
        assert!(err.contains("/data/nieuws") && err.contains("/data/elders"), "{err}");
        assert!(err.contains("--rebuild") && err.contains("--corpus-moved"), "{err}");
        assert!(Guard { corpus_moved: true, ..other }.same_corpus().is_ok());
        let other = Guard { corpus: Path::new("/data/elders"), ..guard(22) };
        assert!(Guard { rebuild: true, ..other }.same_corpus().is_ok());
    }
}
