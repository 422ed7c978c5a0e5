//! Test kit: a throwaway corpus and index folder, the real binary, and the
//! JSON shapes it prints (unknown fields are errors, so output changes are
//! noticed).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::Deserialize;

/// The repository's sample corpus.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Shared research data (`../shared/data`), or `None` when it is missing.
///
/// A missing file fails the test when `NEWSIDX_REQUIRE_DATA=1` (CI sets
/// it); otherwise the skip is announced on the terminal, past the test
/// harness's output capture, so it is never silent.
pub fn shared_data(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSIDX_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if dir.join(what).exists() {
        return Some(dir);
    }
    let message = format!(
        "{} not found (set NEWSIDX_SHARED_DATA to the shared data folder)",
        dir.join(what).display()
    );
    if std::env::var_os("NEWSIDX_REQUIRE_DATA").is_some_and(|v| v == "1") {
        panic!("NEWSIDX_REQUIRE_DATA=1 but {message}");
    }
    announce(&format!("SKIPPED (no data): {message}"));
    None
}

/// Writes a line to the real standard error: `eprintln!` output of a
/// passing test is captured and never shown.
pub fn announce(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "\n{line}");
}

/// Whether the tests run as root (CI does), reading `/proc/self/status`.
pub fn is_root() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
    })
}

pub struct TestEnv {
    _dir: tempfile::TempDir,
    pub corpus: PathBuf,
    pub index: PathBuf,
}

impl TestEnv {
    /// An empty corpus folder and no index.
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        fs::create_dir(&corpus).unwrap();
        let index = dir.path().join("index");
        TestEnv { _dir: dir, corpus, index }
    }

    /// A copy of the repository's sample corpus.
    pub fn sample() -> TestEnv {
        let env = TestEnv::new();
        copy_tree(&sample_corpus(), &env.corpus);
        env
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.corpus.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }

    /// The binary with the test's folders and a clean environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsidx"));
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("NEWSIDX_") || key == "NO_COLOR" {
                cmd.env_remove(key);
            }
        }
        let sub = args.first().copied();
        // The defaults go right after the subcommand, before any `--`.
        cmd.args(sub);
        if sub == Some("build") && !args.contains(&"--corpus") {
            cmd.arg("--corpus").arg(&self.corpus);
        }
        if matches!(
            sub,
            Some(
                "build"
                    | "search"
                    | "check"
                    | "kwic"
                    | "timeline"
                    | "facets"
                    | "cooccur"
                    | "terms"
                    | "export"
                    | "show"
                    | "entities"
                    | "serve"
                    | "watch"
            )
        ) {
            cmd.arg("--index").arg(&self.index);
        }
        cmd.args(args.iter().skip(1));
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs the binary as a user without privileges, so that file
    /// permissions apply. As root (CI), the test's folder is given to the
    /// user `nobody` and a copy of the binary runs under `setpriv`; as any
    /// other user the binary runs as that user. Never skipped: without
    /// `setpriv` as root the test fails.
    pub fn run_unprivileged(&self, args: &[&str]) -> Output {
        if !is_root() {
            return self.run(args);
        }
        let top = self._dir.path();
        let bin = top.join("newsidx-unprivileged");
        if !bin.exists() {
            fs::copy(env!("CARGO_BIN_EXE_newsidx"), &bin).unwrap();
        }
        let status = Command::new("chown").arg("-R").arg("65534:65534").arg(top).status();
        assert!(status.is_ok_and(|s| s.success()), "chown of the test folder failed");
        let template = self.command(args);
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&bin);
        cmd.args(template.get_args());
        for (key, value) in template.get_envs() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd.output().expect("setpriv (util-linux) runs the binary as nobody")
    }

    /// `build --json`, expecting `exit`.
    pub fn build_with(&self, extra: &[&str], exit: i32) -> BuildJson {
        let mut args = vec!["build", "--json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert_exit(&out, exit);
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn build(&self) -> BuildJson {
        self.build_with(&[], 0)
    }

    /// `search --json QUERY ARGS…`, expecting success or no hits.
    pub fn search(&self, query: &str, extra: &[&str]) -> SearchJson {
        // Options first and the query after `--`: a query may start with `-`.
        let mut args = vec!["search", "--json"];
        args.extend_from_slice(extra);
        args.extend(["--", query]);
        let out = self.run(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "search {query:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Every story of the index, in id order.
    pub fn all(&self) -> Vec<HitJson> {
        self.search("*", &["--limit", "100000", "--all-copies"]).hits
    }
}

pub fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct BuildJson {
    pub corpus: PathBuf,
    pub index: PathBuf,
    pub files: usize,
    pub indexed_pages: usize,
    pub articles: usize,
    pub briefs: usize,
    pub unchanged: usize,
    pub verified: usize,
    pub updated: usize,
    pub removed: usize,
    pub skipped: Vec<SkipJson>,
    pub kept: Vec<KeptJson>,
    pub warnings: Vec<String>,
    pub ignored: usize,
    pub transcoded: usize,
    pub bytes_read: u64,
    pub documents: u64,
    pub rebuilt: bool,
    pub seconds: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptJson {
    pub path: String,
    pub stories: u64,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkipJson {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchJson {
    pub meta: serde_json::Value,
    #[allow(dead_code)]
    pub query: String,
    pub total: usize,
    pub clusters: usize,
    #[allow(dead_code)]
    pub grouped: usize,
    pub hits: Vec<HitJson>,
    pub facets: std::collections::BTreeMap<String, Vec<FacetJson>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct HitJson {
    pub id: String,
    pub path: String,
    pub kind: String,
    pub section: Option<String>,
    pub title: String,
    pub dateline: Option<String>,
    pub agencies: Vec<String>,
    pub persons: Vec<String>,
    pub locations: Vec<String>,
    pub organizations: Vec<String>,
    pub published: String,
    pub score: f32,
    pub snippet: String,
    pub highlights: Vec<[usize; 2]>,
    pub copies: usize,
    pub copy_ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacetJson {
    pub value: String,
    pub count: u64,
}

pub fn ids(hits: &[HitJson]) -> Vec<String> {
    hits.iter().map(|h| h.id.clone()).collect()
}
