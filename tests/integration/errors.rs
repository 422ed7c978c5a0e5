//! Fatal errors: clear message naming the cause, exit code 2.

use crate::util::*;

#[test]
fn missing_corpus_folder_is_named() {
    let env = TestEnv::new();
    std::fs::remove_dir(&env.corpus).unwrap();
    let out = env.run(&["build"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains(&env.corpus.display().to_string()), "{}", stderr(&out));
    assert!(!env.index.join("CURRENT").exists(), "no index was published");
}

#[test]
fn search_without_index_says_to_build_first() {
    let env = TestEnv::new();
    let out = env.run(&["search", "Poetin"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("run `newsidx build` first"), "{}", stderr(&out));
}

#[test]
fn empty_corpus_builds_an_empty_index() {
    let env = TestEnv::new();
    let report = env.build();
    assert_eq!(report.documents, 0);
    assert_exit(&env.run(&["search", "Poetin"]), 1);
}

#[test]
fn query_without_searchable_words_is_an_error() {
    let env = TestEnv::new();
    env.write("a.txt", "Kop\nTekst.\n");
    env.build();
    let out = env.run(&["search", "&&&"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("no searchable words"), "{}", stderr(&out));
}

#[test]
fn huge_limit_and_offset_are_sane() {
    let env = TestEnv::new();
    env.write("a.txt", "Kop\nTekst.\n");
    env.build();
    let results =
        env.search("*", &["--limit", "18446744073709551615", "--offset", "18446744073709551615"]);
    assert_eq!(results.total, 1);
    assert!(results.hits.is_empty());
}
