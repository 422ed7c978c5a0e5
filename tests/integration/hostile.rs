//! Hostile and odd input: encodings, sizes, deep and wide folders, odd
//! file names, and queries built to break things. Each case is handled
//! without a panic; problems are reported once and the rest goes on.

use std::fs;

use crate::util::*;

#[test]
fn utf16_and_invalid_utf8_in_the_middle_are_read() {
    let env = TestEnv::new();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        "Kop in UTF-16\nGENÈVE (AFP) - Overleg over Oekraïne.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    env.write("utf16.txt", utf16);
    env.write(
        "gemengd.txt",
        [
            b"Kop\nEerst gewone tekst, dan Belgi".as_slice(),
            b"\xeb",
            b" en daarna Zo\xeb Kusters.\n",
        ]
        .concat(),
    );
    let report = env.build();
    assert_eq!((report.articles, report.transcoded), (2, 2));
    assert_eq!(ids(&env.search("Oekraine", &[]).hits), ["utf16.txt#0"]);
    assert_eq!(
        env.search("België", &[]).hits[0].snippet,
        "Eerst gewone tekst, dan België en daarna Zoë Kusters."
    );
}

#[test]
fn a_200_megabyte_file_is_skipped_with_its_size() {
    let env = TestEnv::new();
    env.write("klein.txt", "Kop\nTekst.\n");
    let big = env.corpus.join("groot.txt");
    fs::File::create(&big).unwrap().set_len(200 << 20).unwrap();
    let report = env.build_with(&[], 1);
    assert_eq!(report.articles, 1);
    assert_eq!(report.skipped.len(), 1);
    assert!(
        report.skipped[0].reason.starts_with("too large (209715200 bytes"),
        "{:?}",
        report.skipped
    );
}

#[test]
fn folders_fifty_levels_deep_are_walked() {
    let env = TestEnv::new();
    let deep: Vec<String> = (0..50).map(|i| format!("d{i}")).collect();
    env.write(&format!("{}/diep.txt", deep.join("/")), "Diepe kop\nTekst over Oekraïne.\n");
    env.build();
    let hit = &env.search("Oekraine", &[]).hits[0];
    assert!(
        hit.path.starts_with("d0/d1/d2/") && hit.path.ends_with("/d49/diep.txt"),
        "{}",
        hit.path
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_indexed_under_a_readable_name() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(env.corpus.join(name), "Kop\nTekst over Oekraïne.\n").unwrap();
    env.build();
    let hits = env.search("Oekraine", &[]).hits;
    assert_eq!(ids(&hits), ["caf\u{FFFD}.txt#0"]);
    assert_eq!(env.build().unchanged, 1, "the name stays the same from build to build");
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_rest_is_indexed() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("open/a.txt", "Kop\nTekst.\n");
    env.write("dicht/b.txt", "Kop\nTekst.\n");
    let closed = env.corpus.join("dicht");
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    let out = env.run_unprivileged(&["build", "--json"]);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    assert_exit(&out, 1);
    let report: BuildJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.articles, 1);
    assert_eq!(report.skipped[0].path, "dicht");
}

#[test]
fn a_hundred_thousand_files_in_one_folder() {
    let env = TestEnv::new();
    let folder = env.corpus.join("plat");
    fs::create_dir(&folder).unwrap();
    for n in 0..100_000 {
        fs::write(
            folder.join(format!("{n:06}.txt")),
            format!("Kop {n}\nKort bericht nummer {n}.\n"),
        )
        .unwrap();
    }
    let report = env.build();
    assert_eq!(report.articles, 100_000);
    let again = env.build();
    assert_eq!((again.unchanged, again.indexed_pages), (100_000, 0));
    assert_eq!(env.search("\"bericht nummer 99999\"", &[]).total, 1);
}

#[test]
fn odd_queries_get_an_error_or_an_answer_never_a_crash() {
    let env = TestEnv::sample();
    env.build();
    let cases: Vec<(String, &[i32])> = vec![
        ("\"ongesloten".into(), &[2]),
        ("((Poetin".into(), &[2]),
        ("Poetin))".into(), &[2]),
        ("-".into(), &[2]),
        ("OR".into(), &[2]),
        ("AND OR NOT".into(), &[2]),
        ("Poetin\u{1}Xi\u{7}\u{1b}[31m\t\r".into(), &[0, 1]),
        ("onbekend:veld".into(), &[2]),
        ("title:".into(), &[2]),
        ("\"\"".into(), &[2]),
        ("*:*".into(), &[2]),
        ("woord ".repeat(10_000), &[2]),
        ("a".repeat(100_000), &[2]),
        ("Poetin~3".into(), &[0, 1]),
        ("\"Poetin\"~99999999999".into(), &[0, 1]),
        ("🦀 Oekraïne".into(), &[0, 1]),
    ];
    for (query, codes) in cases {
        let out = env.run(&["search", &query]);
        let shown: String = query.chars().take(40).collect();
        assert!(
            codes.contains(&out.status.code().unwrap_or(-1)),
            "{shown:?}: {:?} {}",
            out.status,
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{shown:?}: {}", stderr(&out));
        if out.status.code() == Some(2) {
            assert!(
                stderr(&out).contains("column") || stderr(&out).contains("terms"),
                "{shown:?}: {}",
                stderr(&out)
            );
        }
    }
}
