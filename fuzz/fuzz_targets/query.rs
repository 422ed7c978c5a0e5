//! Any query text: parsing gives a tree or an error with a column inside
//! the query; compiling and running a parsed query never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};
use newsidx::search::{SearchRequest, parse_query};

/// A small index of the sample corpus, built once per fuzzing process.
fn index() -> &'static NewsIndex {
    static INDEX: OnceLock<(tempfile::TempDir, NewsIndex)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus");
            build(&BuildConfig::new(corpus, dir.path()), &mut |_| {}).unwrap();
            let index = NewsIndex::open(dir.path()).unwrap();
            (dir, index)
        })
        .1
}

fuzz_target!(|query: &str| {
    match parse_query(query) {
        Ok(_) => {
            let mut request = SearchRequest::new(query);
            request.facets = true;
            request.explain = false;
            let _ = index().search(&request);
        }
        Err(e) => assert!(e.column >= 1 && e.column <= query.chars().count() + 1, "{e:?}"),
    }
});
