//! Nothing lost, nothing crashes: kills during builds, concurrent builds
//! and searches, damaged index files, and `newsidx check`.

use std::fs;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::util::*;

/// A corpus big enough that a debug build takes a noticeable while.
fn busy_corpus(env: &TestEnv, pages: usize, variant: &str) {
    for n in 0..pages {
        let text = format!(
            "Bericht {n} {variant} over de Tweede Kamer\n\
             DEN HAAG (ANP) - Het kabinet van premier Dick Schoof wil dat gemeenten meer woningen bouwen. \
             Minister Mona Keijzer zei dat de woningbouw in {n} gemeenten achterblijft.\n\
             De oppositie van GroenLinks-PvdA noemde het plan {variant} onvoldoende.\n\
             Meer uit Binnenland\n\
             UTRECHT (ANP) - Een trein naar Amersfoort reed {n} minuten te laat.\n\
             1 uur geledenROTTERDAM (ANP) - De haven sloeg meer containers over dan vorig jaar.\n\
             2 uur geleden\n"
        );
        env.write(&page_path(n), text);
    }
    for n in pages..pages + 8 {
        let _ = fs::remove_file(env.corpus.join(page_path(n)));
    }
}

fn page_path(n: usize) -> String {
    format!("2025/12/{:02}/p{n:04}.txt", 1 + n % 28)
}

fn spawn_build(env: &TestEnv, extra: &[&str]) -> Child {
    let mut args = vec!["build", "--quiet"];
    args.extend_from_slice(extra);
    env.command(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
}

/// Every story with its stored fields (scores left out: they depend on
/// deleted documents), by a clean build of `corpus` into a fresh index.
fn clean_state(env: &TestEnv) -> Vec<String> {
    let clean = TestEnv::new();
    fs::remove_dir(&clean.corpus).unwrap();
    copy_dir(&env.corpus, &clean.corpus);
    clean.build();
    state(&clean)
}

/// Every story of the index with its stored fields.
fn state(env: &TestEnv) -> Vec<String> {
    env.all()
        .into_iter()
        .map(|mut h| {
            h.score = 0.0;
            format!("{h:?}")
        })
        .collect()
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// splitmix64, so the kill times vary but the test is repeatable.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[test]
fn killed_builds_leave_the_last_completed_index_and_the_next_build_matches_a_clean_one() {
    let env = TestEnv::new();
    busy_corpus(&env, 150, "a");
    let started = Instant::now();
    env.build();
    let full = started.elapsed();
    let mut seed = 7u64;
    let (mut kills, mut before_commit, mut attempts) = (0, 0, 0);
    while kills < 20 {
        attempts += 1;
        assert!(attempts <= 80, "only {kills} of {attempts} kills landed while a build ran");
        let before = state(&env);
        // Change the corpus so the build has work: edit some pages, add and
        // delete others; every fourth kill is of a full rebuild.
        busy_corpus(&env, 148 + kills % 5, &format!("r{attempts}"));
        let after = clean_state(&env);
        let extra: &[&str] = if kills % 4 == 3 { &["--rebuild"] } else { &[] };
        let mut child = spawn_build(&env, extra);
        let delay = next(&mut seed) % (full.as_millis() as u64 * 9 / 10 + 1);
        std::thread::sleep(Duration::from_millis(delay));
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        child.wait().unwrap();
        if !running {
            // The build finished first: that was no test of a kill.
            continue;
        }
        kills += 1;
        let now = state(&env);
        // A kill before the commit leaves exactly the last completed build;
        // one that lands after the commit became durable (while merges
        // finish or the new generation is published) leaves the new state.
        assert!(
            now == before || now == after,
            "kill {kills} after {delay} ms left a state that is neither the last build nor the new one"
        );
        before_commit += usize::from(now == before && before != after);
        env.build_with(extra, 0);
        assert_eq!(state(&env), after, "kill {kills}: the next build equals a clean build");
    }
    assert!(before_commit >= 10, "only {before_commit} of 20 kills landed before the commit");
}

#[test]
fn search_during_a_build_always_answers_from_the_last_commit() {
    let env = TestEnv::new();
    busy_corpus(&env, 120, "a");
    env.build();
    let old = env.search("kabinet", &[]).total;
    busy_corpus(&env, 240, "b");
    let mut child = spawn_build(&env, &[]);
    let mut searches = 0;
    while child.try_wait().unwrap().is_none() {
        let out = env.run(&["search", "--json", "kabinet", "--limit", "1"]);
        assert_exit(&out, 0);
        let total = serde_json::from_slice::<SearchJson>(&out.stdout).unwrap().total;
        assert!(
            total == old || total == 240,
            "a search saw {total} stories: neither the old nor the new state"
        );
        searches += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(searches > 0, "the build ended before any search ran");
    assert_eq!(env.search("kabinet", &[]).total, 240);
}

#[test]
fn a_concurrent_second_build_fails_at_once_and_a_killed_one_leaves_no_stale_lock() {
    let env = TestEnv::new();
    busy_corpus(&env, 600, "a");
    let mut first = spawn_build(&env, &[]);
    // Wait until the first build holds the lock.
    let lock = env.index.join("build.lock");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !lock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let started = Instant::now();
    let second = env.run(&["build"]);
    let waited = started.elapsed();
    assert!(
        first.try_wait().unwrap().is_none(),
        "precondition: the first build must still run after the second returned (make the corpus larger)"
    );
    assert_exit(&second, 2);
    assert!(stderr(&second).contains("build.lock"), "{}", stderr(&second));
    assert!(waited < Duration::from_secs(5), "the second build waited {waited:?}");
    first.kill().unwrap();
    first.wait().unwrap();
    let report = env.build();
    assert_eq!(report.documents, 1800, "the killed build's lock did not block the next build");
}

fn damage(env: &TestEnv, extension: &str, how: impl Fn(&std::path::Path)) {
    let generation = env.index.join(fs::read_to_string(env.index.join("CURRENT")).unwrap().trim());
    let mut files: Vec<_> = fs::read_dir(&generation)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort_by_key(|p| std::cmp::Reverse(fs::metadata(p).unwrap().len()));
    how(&files[0]);
}

#[test]
fn a_truncated_segment_gives_a_clear_error_that_points_to_rebuild() {
    let env = TestEnv::sample();
    env.build();
    damage(&env, "idx", |f| fs::File::options().write(true).open(f).unwrap().set_len(100).unwrap());
    for args in [&["search", "Poetin"][..], &["check"]] {
        let out = env.run(args);
        assert_exit(&out, 2);
        let err = stderr(&out);
        assert!(err.contains("damaged") && err.contains("build --rebuild"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    env.build_with(&["--rebuild"], 0);
    assert!(env.search("Poetin", &[]).total > 0);
}

#[test]
fn overwritten_bytes_are_found_by_check() {
    let env = TestEnv::sample();
    env.build();
    damage(&env, "pos", |f| {
        let mut bytes = fs::read(f).unwrap();
        for b in bytes.iter_mut().skip(10).take(64) {
            *b ^= 0x5a;
        }
        fs::write(f, bytes).unwrap();
    });
    let out = env.run(&["check"]);
    assert_exit(&out, 2);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("DAMAGED") && text.contains(".pos"), "{text}");
}

/// Flips a byte every 11 bytes of the first 4 KB of stored documents.
/// Some flips make a length prefix absurd (tantivy would try to allocate
/// terabytes and abort); each must be reported as damage instead. One
/// build thread makes one segment, so the same bytes are hit every run.
#[test]
fn damaged_stored_documents_are_reported_not_fatal() {
    let env = TestEnv::sample();
    env.build_with(&["--threads", "1"], 0);
    let pristine = tempfile::tempdir().unwrap();
    copy_dir(&env.index, pristine.path());
    let mut reported = 0;
    for round in 0..360 {
        fs::remove_dir_all(&env.index).unwrap();
        copy_dir(pristine.path(), &env.index);
        damage(&env, "store", |f| {
            let mut bytes = fs::read(f).unwrap();
            let at = (round * 11) % (bytes.len() - 16);
            bytes[at] ^= 0xff;
            fs::write(f, bytes).unwrap();
        });
        let out = env.run(&["export", "*"]);
        let err = stderr(&out);
        assert!(matches!(out.status.code(), Some(0..=2)), "round {round}: {err}");
        assert!(!err.contains("panicked at") && !err.contains("memory allocation"), "{err}");
        reported += usize::from(out.status.code() == Some(2));
    }
    assert!(reported > 30, "only {reported} of 360 flips were noticed");
}

#[test]
fn random_damage_never_crashes_search_or_check() {
    let env = TestEnv::sample();
    env.build();
    let pristine = tempfile::tempdir().unwrap();
    copy_dir(&env.index, pristine.path());
    let mut seed = 11u64;
    for round in 0..24 {
        fs::remove_dir_all(&env.index).unwrap();
        copy_dir(pristine.path(), &env.index);
        let generation =
            env.index.join(fs::read_to_string(env.index.join("CURRENT")).unwrap().trim());
        let mut files: Vec<_> =
            fs::read_dir(&generation).unwrap().map(|e| e.unwrap().path()).collect();
        // Segment file names are random: order by kind and size so that the
        // seed picks the same kind of file every run.
        files
            .sort_by_key(|p| (p.extension().map(|e| e.to_owned()), fs::metadata(p).unwrap().len()));
        let file = &files[next(&mut seed) as usize % files.len()];
        let mut bytes = fs::read(file).unwrap();
        if !bytes.is_empty() {
            if round % 2 == 0 {
                bytes.truncate(next(&mut seed) as usize % bytes.len());
            } else {
                let at = next(&mut seed) as usize % bytes.len();
                bytes[at] ^= 0xff;
            }
        }
        fs::write(file, bytes).unwrap();
        for args in
            [&["search", "--json", "Poetin Oekraïne"][..], &["search", "*", "--facets"], &["check"]]
        {
            let out = env.run(args);
            let err = stderr(&out);
            assert!(
                matches!(out.status.code(), Some(0..=2)),
                "round {round} {args:?} on {}: {err}",
                file.display()
            );
            assert!(!err.contains("panicked at") && !err.contains("RUST_BACKTRACE"), "{err}");
        }
    }
}

#[test]
fn check_reports_new_changed_and_removed_pages() {
    let env = TestEnv::new();
    env.write("a.txt", "Kop a\nTekst.\n");
    env.write("b.txt", "Kop b\nTekst.\n");
    env.build();
    let out = env.run(&["check", "--corpus", env.corpus.to_str().unwrap()]);
    assert_exit(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("matches"));
    env.write("c.txt", "Kop c\nTekst.\n");
    env.write("b.txt", "Kop b, nu langer\nTekst.\n");
    fs::remove_file(env.corpus.join("a.txt")).unwrap();
    env.write("leeg.txt", "");
    let out = env.run(&["check", "--json", "--corpus", env.corpus.to_str().unwrap()]);
    assert_exit(&out, 1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["new_files"], serde_json::json!(["c.txt"]));
    assert_eq!(json["changed_files"], serde_json::json!(["b.txt"]));
    assert_eq!(json["removed_files"], serde_json::json!(["a.txt"]));
    assert_eq!(json["unusable_files"], serde_json::json!(["leeg.txt: empty file"]));
    assert_eq!(json["corrupt_files"], serde_json::json!([]));
}
