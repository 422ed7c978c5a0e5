//! A build never destroys an index by mistake, and one bad page never
//! stops a build (issue 10): corpus identity, removal guards, unreadable
//! files and folders, panics, hostile model files, and the exit codes.

use std::fs;

use crate::util::*;

fn page(n: usize) -> String {
    format!(
        "Bericht {n} over de woningmarkt\nDEN HAAG (ANP) - Het kabinet wil dat gemeenten in {n} \
         jaar meer woningen bouwen voor starters en ouderen.\n"
    )
}

/// A corpus of `n` pages, each one article.
fn corpus(env: &TestEnv, n: usize) {
    for i in 0..n {
        env.write(&format!("2025/12/01/p{i:02}.txt"), page(i));
    }
}

/// The full JSON of every story, to compare index states.
fn state(env: &TestEnv) -> Vec<String> {
    env.all().iter().map(|h| format!("{h:?}")).collect()
}

#[test]
fn another_corpus_folder_is_refused_naming_both_folders_and_the_ways_on() {
    let env = TestEnv::sample();
    env.build();
    let before = state(&env);
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("ander.txt"), page(1)).unwrap();
    let other_arg = other.path().to_str().unwrap();
    let out = env.run(&["build", "--corpus", other_arg]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    let built_from = fs::canonicalize(&env.corpus).unwrap();
    let given = fs::canonicalize(other.path()).unwrap();
    for needle in [
        built_from.to_str().unwrap(),
        given.to_str().unwrap(),
        "--rebuild",
        "--corpus-moved",
        "nothing was changed",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in: {err}");
    }
    assert_eq!(state(&env), before, "the index is untouched");
}

#[test]
fn a_moved_corpus_keeps_its_ids_with_corpus_moved() {
    let env = TestEnv::sample();
    env.build();
    let before = ids(&env.all());
    let moved = env.corpus.with_file_name("verhuisd");
    fs::rename(&env.corpus, &moved).unwrap();
    let moved_arg = moved.to_str().unwrap();
    assert_exit(&env.run(&["build", "--corpus", moved_arg]), 2);
    let report = env.build_with(&["--corpus", moved_arg, "--corpus-moved"], 0);
    assert_eq!(report.removed, 0);
    assert_eq!(ids(&env.all()), before);
    // The index now belongs to the new folder: no flag needed any more.
    assert_exit(&env.run(&["build", "--corpus", moved_arg]), 0);
}

#[test]
fn rebuild_makes_a_new_index_of_another_folder() {
    let env = TestEnv::sample();
    env.build();
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("ander.txt"), page(7)).unwrap();
    let report = env.build_with(&["--corpus", other.path().to_str().unwrap(), "--rebuild"], 0);
    assert_eq!(report.documents, 1);
    assert_eq!(ids(&env.all()), ["ander.txt#0"]);
}

#[test]
fn a_walk_that_finds_no_page_never_empties_the_index() {
    let env = TestEnv::new();
    corpus(&env, 4);
    env.build();
    fs::remove_dir_all(env.corpus.join("2025")).unwrap();
    for extra in [&[][..], &["--rebuild"]] {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        let out = env.run(&args);
        assert_exit(&out, 2);
        assert!(stderr(&out).contains("no page found"), "{}", stderr(&out));
        assert_eq!(env.all().len(), 4, "{extra:?}: the index still holds its stories");
    }
    let report = env.build_with(&["--allow-removals"], 0);
    assert_eq!(report.documents, 0);
}

#[test]
fn removing_more_than_half_of_the_stories_asks_for_allow_removals() {
    let env = TestEnv::new();
    corpus(&env, 10);
    env.build();
    for i in 0..6 {
        fs::remove_file(env.corpus.join(format!("2025/12/01/p{i:02}.txt"))).unwrap();
    }
    let out = env.run(&["build"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("remove 6 of the index's 10 stories"), "{err}");
    assert!(err.contains("2025/12/01/p00.txt") && err.contains("--allow-removals"), "{err}");
    assert_eq!(env.all().len(), 10);
    let report = env.build_with(&["--allow-removals"], 0);
    assert_eq!((report.removed, report.documents), (6, 4));
    // Half or less goes through without the flag.
    for i in 6..8 {
        fs::remove_file(env.corpus.join(format!("2025/12/01/p{i:02}.txt"))).unwrap();
    }
    assert_eq!(env.build().documents, 2);
}

#[cfg(unix)]
#[test]
fn stories_under_an_unreadable_folder_are_kept_and_reported() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("open/a.txt", page(1));
    for i in 0..3 {
        env.write(&format!("archief/2019/p{i}.txt"), page(10 + i));
    }
    env.build();
    env.write("open/b.txt", page(2));
    let closed = env.corpus.join("archief/2019");
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    let out = env.run_unprivileged(&["build", "--json"]);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.removed, 0, "an unreadable folder is not a deletion");
    assert_eq!(report.kept.len(), 1);
    assert_eq!((report.kept[0].path.as_str(), report.kept[0].stories), ("archief/2019", 3));
    assert!(report.kept[0].reason.starts_with("cannot read"), "{:?}", report.kept);
    assert!(stderr(&out).contains("kept 3 stories under archief/2019: cannot read"));
    assert_eq!(report.documents, 5, "three kept, one old, one new");
    assert_eq!(env.build().documents, 5);
}

#[cfg(unix)]
#[test]
fn a_changed_page_that_cannot_be_read_keeps_its_old_stories() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("a.txt", page(1));
    let path = env.write("geheim.txt", page(2));
    env.build();
    fs::write(&path, page(3) + "Een zin erbij.\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = env.run_unprivileged(&["build", "--json"]);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.skipped[0].path, "geheim.txt");
    assert!(report.skipped[0].reason.starts_with("cannot read"), "{:?}", report.skipped);
    assert_eq!(report.kept[0].path, "geheim.txt");
    let titles: Vec<String> = env.all().into_iter().map(|h| h.title).collect();
    assert!(titles.contains(&"Bericht 2 over de woningmarkt".to_string()), "{titles:?}");
    assert_eq!(env.build().documents, 2, "readable again: replaced");
    assert!(env.all().iter().any(|h| h.title == "Bericht 3 over de woningmarkt"));
}

/// Whether the binary under test has the fault injection of the
/// `test-hooks` feature.
fn hooks_compiled_in() -> bool {
    cfg!(feature = "test-hooks")
}

#[test]
fn a_panic_in_any_stage_skips_that_page_and_the_build_goes_on() {
    assert!(
        hooks_compiled_in(),
        "run the suite with `--features test-hooks` (the README's test command)"
    );
    let env = TestEnv::new();
    corpus(&env, 3);
    let stages = ["reading", "parsing", "tagging", "indexing"];
    for stage in stages {
        env.write(
            &format!("kapot-{stage}.txt"),
            page(9) + &format!("newsidx-test-panic:{stage}\n"),
        );
    }
    let report = env.build_with(&[], 1);
    assert_eq!(report.documents, 3);
    let skipped: Vec<(String, String)> =
        report.skipped.iter().map(|s| (s.path.clone(), s.reason.clone())).collect();
    let want: Vec<(String, String)> = stages
        .iter()
        .map(|s| {
            (format!("kapot-{s}.txt"), format!("internal error: test hook: a panic while {s}"))
        })
        .collect();
    let mut want = want;
    want.sort();
    assert_eq!(skipped, want);
}

#[test]
fn a_model_file_announcing_billions_of_features_is_a_clear_error() {
    let env = TestEnv::sample();
    // One model: magic, empty provenance, scale, 10 × 9 transitions, then a
    // feature count of 2^32 − 1 with nothing after it.
    let mut model = b"NXNER1\n".to_vec();
    model.extend(0u32.to_le_bytes());
    model.extend(1f32.to_le_bytes());
    model.extend(std::iter::repeat_n(0u8, 4 * 90));
    model.extend(u32::MAX.to_le_bytes());
    let mut file = (model.len() as u64).to_le_bytes().to_vec();
    file.extend(&model);
    file.extend(&model);
    let path = env.corpus.with_file_name("vijandig.model");
    fs::write(&path, file).unwrap();
    let out = env.run(&["build", "--ner-model", path.to_str().unwrap()]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("vijandig.model") && err.contains("4294967295 features"), "{err}");
    assert!(!err.contains("memory allocation") && !err.contains("internal error"), "{err}");
}

#[test]
fn headline_only_and_dateline_only_stories_are_never_grouped_as_copies() {
    let env = TestEnv::new();
    env.write("a.txt", "Brand in Utrecht\n");
    env.write("b.txt", "Staking bij De Lijn\n");
    env.write("c.txt", "Ajax wint van PSV\n");
    env.write("d.txt", "Rellen in Brussel\nBRUSSEL (BELGA) - \n");
    env.write("e.txt", "Storm in Zeeland\nMIDDELBURG (ANP) - \n");
    env.build();
    let results = env.search("*", &[]);
    assert_eq!((results.total, results.clusters, results.hits.len()), (5, 5, 5));
    assert!(results.hits.iter().all(|h| h.copies == 1), "{:?}", results.hits);
}

#[test]
fn check_applies_the_size_limit_the_index_was_built_with() {
    let env = TestEnv::new();
    env.write("klein.txt", page(1));
    env.write("groot.txt", page(2).repeat(20_000));
    let report = env.build_with(&["--max-file-mb", "1"], 1);
    assert_eq!(report.skipped[0].path, "groot.txt");
    let out = env.run(&["check", "--json"]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["new_files"], serde_json::json!([]));
    assert!(json["unusable_files"][0].as_str().unwrap().starts_with("groot.txt: too large"));
}

#[test]
fn after_a_clean_build_check_exits_0() {
    let env = TestEnv::sample();
    env.write("leeg.txt", "");
    env.build_with(&[], 1);
    assert_exit(&env.run(&["check"]), 0);
}

#[cfg(unix)]
#[test]
fn an_old_generation_that_cannot_be_removed_is_a_warning_not_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    corpus(&env, 2);
    env.build();
    // As root the folder is given to `nobody` first, so create the stuck
    // leftover after that: a file in a folder nobody may write.
    let _ = env.run_unprivileged(&["check"]);
    let stuck = env.index.join("gen-000099/vast");
    fs::create_dir_all(&stuck).unwrap();
    fs::write(stuck.join("bestand"), "x").unwrap();
    fs::set_permissions(&stuck, fs::Permissions::from_mode(0o555)).unwrap();
    env.write("2025/12/01/p09.txt", page(9));
    let out = env.run_unprivileged(&["build", "--json"]);
    fs::set_permissions(&stuck, fs::Permissions::from_mode(0o755)).unwrap();
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.documents, 3, "the build itself went through");
    assert!(report.warnings[0].contains("removing old generation"), "{:?}", report.warnings);
    assert_eq!(env.all().len(), 3);
}
