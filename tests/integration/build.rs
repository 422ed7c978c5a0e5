//! `newsidx build`: counts, the seed page, encodings, bad files,
//! incremental updates, rebuilds, locks.

use std::fs;

use crate::util::*;

const SEED: &str = "2025/12/02/000_487c0d66560372fc.txt";

fn seed_text() -> String {
    fs::read_to_string(sample_corpus().join(SEED)).unwrap()
}

#[test]
fn sample_corpus_builds_cleanly() {
    let env = TestEnv::sample();
    let report = env.build();
    assert_eq!(report.files, 39);
    assert_eq!(report.indexed_pages, 39);
    assert_eq!(report.articles, 39);
    assert_eq!(report.briefs, 83);
    assert_eq!(report.documents, 122);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.transcoded, 1, "the Windows-1252 page");
    assert!(report.rebuilt);
}

#[test]
fn the_writer_memory_budget_is_an_option_with_limits() {
    let env = TestEnv::sample();
    let small = env.build_with(&["--writer-mb", "16", "--threads", "1"], 0);
    assert_eq!(small.documents, 122, "a small budget indexes everything");
    let out = env.run(&["build", "--writer-mb", "5000"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("--writer-mb"), "{}", stderr(&out));
}

#[test]
fn seed_page_gives_one_article_and_seven_briefs_with_their_own_datelines() {
    let env = TestEnv::new();
    env.write(SEED, seed_text());
    env.build();
    let all = env.all();
    let got: Vec<(String, String, Option<String>, Vec<String>)> = all
        .iter()
        .map(|h| {
            (
                h.id.rsplit('#').next().unwrap().to_string(),
                h.kind.clone(),
                h.dateline.clone(),
                h.agencies.clone(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let want = vec![
        ("0", "article", "Moskou", s(&["ANP", "AFP", "Bloomberg"])),
        ("1", "brief", "Khan Younis", s(&["ANP"])),
        ("2", "brief", "Khartoem", s(&["ANP"])),
        ("3", "brief", "Moskou", s(&["ANP", "AFP"])),
        ("4", "brief", "Moskou", s(&["ANP", "AFP", "Reuters"])),
        ("5", "brief", "Washington", s(&["ANP", "AFP"])),
        ("6", "brief", "Washington", s(&["ANP"])),
        ("7", "brief", "Londen", s(&["ANP", "AFP"])),
    ];
    let want: Vec<_> = want
        .into_iter()
        .map(|(n, k, c, a)| (n.to_string(), k.to_string(), Some(c.to_string()), a))
        .collect();
    assert_eq!(got, want);
    assert!(all.iter().all(|h| h.section.as_deref() == Some("Buitenland")));
}

#[test]
fn brief_times_are_page_time_minus_age() {
    let env = TestEnv::new();
    env.write(SEED, seed_text());
    env.build();
    let published: Vec<String> = env.all().into_iter().map(|h| h.published).collect();
    assert_eq!(published[0], "2025-12-02T12:00:00Z");
    assert_eq!(published[1], "2025-12-02T11:31:00Z", "29 minuten geleden");
    assert_eq!(published[7], "2025-12-02T07:00:00Z", "5 uur geleden");
}

#[test]
fn windows_1252_crlf_and_bom_pages_read_like_utf8() {
    let env = TestEnv::new();
    let page = "Oekraïne krijgt steun van België\r\nBRUSSEL (BELGA) - Het café in Brussel gaat volgende week dicht voor een verbouwing.\r\nMeer uit Buitenland\r\nGENT (BELGA) - Eén brief.\r\n1 uur geleden\r\n";
    let cp1252: Vec<u8> = page
        .chars()
        .map(|c| match c {
            'ï' => 0xef,
            'é' => 0xe9,
            'É' => 0xc9,
            c => c as u8,
        })
        .collect();
    env.write("2025/11/27/cp1252.txt", cp1252);
    env.write("2025/11/27/bom.txt", [b"\xef\xbb\xbf".as_slice(), page.as_bytes()].concat());
    let report = env.build();
    assert_eq!((report.articles, report.briefs, report.transcoded), (2, 2, 1));
    let hits = env.search("Oekraine", &["--all-copies"]).hits;
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.title == "Oekraïne krijgt steun van België"), "{hits:?}");
    assert_eq!(
        env.search("Oekraine", &[]).hits[0].copies,
        2,
        "the two encodings are copies of one page"
    );
    let briefs = env.search("één", &["--kind", "brief", "--all-copies"]).hits;
    assert_eq!(briefs.len(), 2);
    assert!(briefs.iter().all(|h| h.dateline.as_deref() == Some("Gent")));
}

#[test]
fn bad_files_are_skipped_with_a_warning_each_and_the_rest_is_indexed() {
    let env = TestEnv::new();
    env.write("goed.txt", "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen.\n");
    env.write("leeg.txt", "  \n\n");
    env.write("foto.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    env.write("nul.txt", b"Kop\n\0\0binair");
    env.write("plaatje.jpg", b"\xff\xd8\xff\xe0");
    let out = env.run(&["build", "--json"]);
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(&str, &str)> =
        report.skipped.iter().map(|s| (s.path.as_str(), s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            ("foto.txt", "binary file (PNG image data)"),
            ("leeg.txt", "empty file"),
            ("nul.txt", "binary file (contains NUL bytes)"),
        ]
    );
    assert_eq!(report.ignored, 1);
    let err = stderr(&out);
    for name in ["foto.txt", "leeg.txt", "nul.txt"] {
        assert_eq!(err.matches(name).count(), 1, "one warning naming {name}:\n{err}");
    }
    assert_eq!(env.search("kabinet", &[]).total, 1);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_skipped_and_named() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("open.txt", "Kop\nTekst\n");
    let path = env.write("geheim.txt", "Kop\nTekst\n");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = env.run_unprivileged(&["build", "--json"]);
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.articles, 1);
    assert_eq!(report.skipped[0].path, "geheim.txt");
    assert!(report.skipped[0].reason.starts_with("cannot read"), "{:?}", report.skipped);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_the_build_goes_on() {
    let env = TestEnv::new();
    env.write("a/pagina.txt", "Kop\nTekst over Moskou.\n");
    std::os::unix::fs::symlink(env.corpus.join("a"), env.corpus.join("a/lus")).unwrap();
    let report = env.build_with(&[], 1);
    assert_eq!(report.articles, 1);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].reason.contains("symlink loop"), "{:?}", report.skipped);
}

#[test]
fn second_build_of_an_unchanged_corpus_reindexes_nothing() {
    let env = TestEnv::sample();
    env.build();
    let again = env.build();
    assert_eq!((again.indexed_pages, again.unchanged, again.documents), (0, 39, 122));
    assert!(!again.rebuilt);
}

#[test]
fn incremental_build_adds_updates_and_removes() {
    let env = TestEnv::new();
    env.write("2025/12/01/a.txt", "Eerste kop\nDEN HAAG (ANP) - Over stikstof.\n");
    env.write("2025/12/01/b.txt", "Tweede kop\nGENT (BELGA) - Over treinen.\nMeer uit Binnenland\nLUIK (BELGA) - Staking.\n1 uur geleden\n");
    assert_eq!(env.build().documents, 3);

    env.write("2025/12/01/c.txt", "Derde kop\nPEKING (RTR) - Over handel.\n");
    std::thread::sleep(std::time::Duration::from_millis(20));
    env.write(
        "2025/12/01/a.txt",
        "Eerste kop, herzien\nDEN HAAG (ANP) - Over woningbouw, niet meer over dat andere.\n",
    );
    fs::remove_file(env.corpus.join("2025/12/01/b.txt")).unwrap();
    // b.txt holds two of the three stories: more than half goes.
    let report = env.build_with(&["--allow-removals"], 0);
    assert_eq!(
        (report.indexed_pages, report.updated, report.removed, report.unchanged),
        (2, 1, 1, 0)
    );
    assert_eq!(report.documents, 2);
    assert_eq!(ids(&env.all()), ["2025/12/01/a.txt#0", "2025/12/01/c.txt#0"]);
    assert_eq!(env.search("stikstof", &[]).total, 0, "old text of a.txt is gone");
    assert_eq!(env.search("woningbouw", &[]).total, 1);
    assert_eq!(env.search("staking", &[]).total, 0, "briefs of the deleted page are gone");
}

#[test]
fn rebuild_gives_the_same_ids_as_the_incremental_index() {
    let env = TestEnv::sample();
    env.build();
    let before = ids(&env.all());
    let report = env.build_with(&["--rebuild"], 0);
    assert!(report.rebuilt);
    assert_eq!(report.indexed_pages, 39);
    assert_eq!(ids(&env.all()), before);
    let generations: Vec<_> = fs::read_dir(&env.index)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .collect();
    assert_eq!(generations.len(), 1, "the old generation is removed");
}

#[test]
fn a_second_build_fails_at_once_while_the_lock_is_held() {
    let env = TestEnv::sample();
    env.build();
    let before = env.search("Poetin", &[]).total;
    let lock = fs::File::options().write(true).open(env.index.join("build.lock")).unwrap();
    lock.lock().unwrap();
    let out = env.run(&["build"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("build.lock"), "{}", stderr(&out));
    assert_eq!(env.search("Poetin", &[]).total, before, "the index is intact and searchable");
    drop(lock);
    env.build();
}

/// Replaces `from` by `to` in the live generation's `meta.json` (which holds
/// newsidx's metadata of the commit), as an older newsidx would have written it.
fn rewrite_commit_metadata(env: &TestEnv, from: &str, to: &str) {
    let current = fs::read_to_string(env.index.join("CURRENT")).unwrap();
    let meta_path = env.index.join(current.trim()).join("meta.json");
    let meta = fs::read_to_string(&meta_path).unwrap();
    let old = meta.replace(from, to);
    assert!(meta != old, "meta.json holds {from:?}");
    fs::write(&meta_path, old).unwrap();
}

#[test]
fn index_from_another_analyzer_is_refused_until_rebuilt() {
    let env = TestEnv::sample();
    env.build();
    rewrite_commit_metadata(&env, ";tokenizer=dutch;", ";tokenizer=old;");

    let out = env.run(&["search", "Poetin"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("build --rebuild"), "{}", stderr(&out));
    let out = env.run(&["build"]);
    assert_exit(&out, 2);
    env.build_with(&["--rebuild"], 0);
    assert!(env.search("Poetin", &[]).total > 0);
}

/// After `from` became `to` in the commit's metadata, `search` refuses the
/// index naming `what` and `build --rebuild`, and a rebuild makes it
/// searchable again.
fn assert_refused_until_rebuilt(from: &str, to: &str, what: &str) {
    let env = TestEnv::sample();
    env.build();
    rewrite_commit_metadata(&env, from, to);

    let out = env.run(&["search", "Poetin"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains(what), "{}", stderr(&out));
    assert!(stderr(&out).contains("build --rebuild"), "{}", stderr(&out));
    env.build_with(&["--rebuild"], 0);
    assert!(env.search("Poetin", &[]).total > 0);
}

#[test]
fn index_with_another_field_layout_is_refused_until_rebuilt() {
    assert_refused_until_rebuilt("\"name\": \"minhash_3\"", "\"name\": \"minhash_9\"", "schema");
}

#[test]
fn index_stored_another_way_is_refused_until_rebuilt() {
    assert_refused_until_rebuilt("dictionaries=plain", "dictionaries=zstd", "storage format");
}

#[test]
fn same_size_edit_within_one_clock_tick_is_still_seen() {
    let env = TestEnv::new();
    let path = env.write("a.txt", "Kop\nDe kat zit op de mat.\n");
    let time = fs::metadata(&path).unwrap().modified().unwrap();
    env.build();
    fs::write(&path, "Kop\nDe hond zit op de mat.\n").unwrap();
    fs::File::options().write(true).open(&path).unwrap().set_modified(time).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        time,
        "size and time look unchanged"
    );
    let report = env.build();
    assert_eq!(report.updated, 1, "the content hash shows the change");
    assert_eq!(env.search("hond", &[]).total, 1);
    assert_eq!(env.search("kat", &[]).total, 0);
}

/// Pages written just before a build cannot be trusted by their time, so
/// the next build hashes them. A no-change build that verified them records
/// its own start: the build after it trusts their times and hashes nothing
/// (before, every later build hashed them again).
#[test]
fn pages_verified_by_their_bytes_are_not_hashed_again() {
    let env = TestEnv::new();
    env.write("a.txt", "Kop\nDe kat zit op de mat.\n");
    env.write("b.txt", "Kop\nDe hond ligt in de mand.\n");
    env.build();
    // The next build must start more than the two seconds of doubt after
    // the pages were written, or they stay doubtful, as they should.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let second = env.build();
    assert_eq!((second.unchanged, second.verified, second.updated), (2, 2, 0));
    let third = env.build();
    assert_eq!((third.unchanged, third.verified), (2, 0), "their times are trusted now");
    assert_eq!(env.search("hond", &[]).total, 1, "the recorded commit keeps every story");
    env.write("b.txt", "Kop\nDe hond ligt in een andere mand.\n");
    assert_eq!(env.build().updated, 1, "a later edit is still seen");
}

#[test]
fn a_ten_megabyte_line_is_indexed_without_trouble() {
    let env = TestEnv::new();
    let line = "Een zin over Oekraïne en de oorlog. ".repeat(300_000);
    env.write("lang.txt", &line);
    let report = env.build();
    assert_eq!(report.articles, 1);
    let hit = &env.search("Oekraine", &[]).hits[0];
    assert_eq!(hit.title, "Een zin over Oekraïne en de oorlog.");
}

#[test]
fn build_merge_leaves_one_segment_and_the_same_stories() {
    let env = TestEnv::sample();
    env.build_with(&["--threads", "2", "--writer-mb", "16"], 0);
    let before = ids(&env.all());
    env.write(
        "2025/12/09/nieuw.txt",
        "Nieuwe kop\nDEN HAAG (ANP) - Een extra bericht over de Tweede Kamer.\n",
    );
    env.build();
    assert!(segments(&env) > 1, "precondition: an incremental build adds a segment");
    env.build_with(&["--merge"], 0);
    assert_eq!(segments(&env), 1, "--merge on an unchanged corpus still merges");
    let mut want = before;
    want.push("2025/12/09/nieuw.txt#0".into());
    want.sort();
    assert_eq!(ids(&env.all()), want);
}

/// Segments of the live index, as `check --json` reports them.
fn segments(env: &TestEnv) -> u64 {
    let out = env.run(&["check", "--json"]);
    assert_exit(&out, 0);
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["segments"].as_u64().unwrap()
}

/// `check --sizes`: every kind of index file per field, and the text
/// fields' postings and positions split by kind of term, the kinds adding
/// up to the field's bytes.
#[test]
fn check_sizes_splits_fields_and_the_text_fields_by_kind_of_term() {
    let env = TestEnv::sample();
    env.build();
    let out = env.run(&["check", "--sizes", "--json"]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sizes = &json["sizes"];
    let field = |name: &str, kind: &str| sizes["fields"][name][kind].as_u64().unwrap();
    assert!(field("body", "postings") > 0 && field("body", "positions") > 0);
    assert!(field("person", "fast") > 0, "facets are fast fields");
    assert!(sizes["store"].as_u64().unwrap() > field("body", "postings"));
    for text in ["title", "body"] {
        let kinds = sizes["term_kinds"][text].as_object().unwrap();
        for kind in ["word", "stem", "part", "name key"] {
            assert!(kinds[kind]["terms"].as_u64().unwrap() > 0, "{text} has {kind} terms");
        }
        // The terms' byte ranges cover the field's bytes but for a few
        // bytes of per-segment framing.
        let segments = json["segments"].as_u64().unwrap();
        for what in ["postings", "positions"] {
            let sum: u64 = kinds.values().map(|k| k[what].as_u64().unwrap()).sum();
            let all = field(text, what);
            assert!(sum <= all && all - sum <= 32 * segments, "{text} {what}: {sum} of {all}");
        }
    }
    let text = env.run(&["check", "--sizes"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("body stem") && text.contains("stored text"), "{text}");
}

/// Small incremental builds each add a segment; four segments of about one
/// size are merged into one (tantivy's default waits for eight), so a
/// series of small builds keeps few segments to search, and every story
/// stays.
#[test]
fn a_series_of_small_builds_keeps_few_segments() {
    let env = TestEnv::sample();
    env.build();
    let mut most = 0;
    for n in 0..7 {
        env.write(
            &format!("2025/12/1{n}/klein.txt"),
            format!("Kop {n}\nDEN HAAG (ANP) - Bericht {n} over de Tweede Kamer en het kabinet.\n"),
        );
        env.build();
        most = most.max(segments(&env));
    }
    assert!(most <= 4, "at most four segments after each small build, saw {most}");
    assert_eq!(env.search("Tweede Kamer kabinet Bericht", &[]).total, 7);
}
