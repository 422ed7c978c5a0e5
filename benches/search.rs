//! Indexing a batch and running each kind of query, in-process, on the
//! sample corpus. Each bench asserts its hit count.
//!
//! With `NEWSIDX_BENCH_INDEX=DIR` (an index built by `benches/run.sh`, e.g.
//! `/tmp/newsidx-bench/index-20000`) the `large` group runs the same query
//! kinds on it, next to a baseline in the same run: the same words as a
//! bare tantivy query on the exact body field, top 10 by score, nothing
//! loaded (what tantivy-cli's `search` does). Hit counts are asserted
//! against the count taken before timing.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};
use newsidx::search::{Facet, SearchRequest};
use tantivy::Term;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

fn index_build(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build_sample_corpus", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            let mut config = BuildConfig::new(&corpus, dir.path());
            config.writer_memory = 50 << 20;
            let report = build(&config, &mut |_| {}).unwrap();
            assert_eq!(report.documents, 122);
        })
    });
    group.finish();
}

/// (name, query, filters, count facets, expected hits)
type Case = (&'static str, &'static str, &'static [(Facet, &'static str)], bool, usize);

fn queries(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let dir = tempfile::tempdir().unwrap();
    build(&BuildConfig::new(&corpus, dir.path()), &mut |_| {}).unwrap();
    let index = NewsIndex::open(dir.path()).unwrap();
    let cases: &[Case] = &[
        ("term", "Poetin", &[], false, 6),
        ("and", "Poetin Oekraïne", &[], false, 5),
        ("phrase", "\"Den Haag\"", &[], false, 13),
        ("prefix", "vluchteling*", &[], false, 3),
        ("filtered", "*", &[(Facet::Agency, "Reuters")], false, 14),
        ("term_with_facets", "Poetin", &[], true, 6),
    ];
    let mut group = c.benchmark_group("query");
    for (name, query, filters, facets, expected) in cases {
        let mut request = SearchRequest::new(*query);
        request.facets = *facets;
        request.filters.facets = filters.iter().map(|(f, v)| (*f, vec![v.to_string()])).collect();
        assert_eq!(index.search(&request).unwrap().total, *expected, "{name}");
        group.bench_function(*name, |b| {
            b.iter(|| assert_eq!(index.search(&request).unwrap().total, *expected))
        });
    }
    group.finish();
}

fn large_index(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("NEWSIDX_BENCH_INDEX") else {
        eprintln!("large: skipped (set NEWSIDX_BENCH_INDEX to an index folder)");
        return;
    };
    let index = NewsIndex::open(Path::new(&dir)).expect("NEWSIDX_BENCH_INDEX opens");
    let cases: &[(&str, &str, bool)] = &[
        ("term", "Poetin", false),
        ("and", "kabinet minister", false),
        ("phrase", "\"de regering\"", false),
        ("term_with_facets", "Poetin", true),
        ("and_with_facets", "kabinet minister", true),
        ("star", "*", false),
        // Proximity against the phrase query of the same two words.
        ("phrase_slop", "\"kabinet minister\"~10", false),
        ("near_words", "kabinet W/10 minister", false),
        ("near_sentence", "kabinet W/S minister", false),
        ("near_paragraph", "kabinet W/P minister", false),
        // The same with exact words only, as the phrase query has.
        ("near_words_exact", "\"kabinet\" W/10 \"minister\"", false),
        ("near_sentence_exact", "\"kabinet\" W/S \"minister\"", false),
        ("near_paragraph_exact", "\"kabinet\" W/P \"minister\"", false),
    ];
    let mut group = c.benchmark_group("large");
    for (name, query, facets) in cases {
        let mut request = SearchRequest::new(*query);
        request.facets = *facets;
        let expected = index.search(&request).unwrap().total;
        assert!(expected > 0, "{name}: no hits in the large index");
        group.bench_function(*name, |b| {
            b.iter(|| assert_eq!(index.search(&request).unwrap().total, expected))
        });
    }
    let searcher = index.searcher();
    let field = index.fields().body;
    for (name, words, phrase) in [
        ("baseline_tantivy_term", &["poetin"][..], false),
        ("baseline_tantivy_and", &["kabinet", "minister"][..], false),
        ("baseline_tantivy_phrase", &["de", "regering"][..], true),
    ] {
        let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(field, w)).collect();
        let query: Box<dyn Query> = if phrase {
            Box::new(PhraseQuery::new(terms))
        } else {
            Box::new(BooleanQuery::new(
                terms
                    .into_iter()
                    .map(|t| {
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                        (Occur::Must, q)
                    })
                    .collect(),
            ))
        };
        let collector = (Count, TopDocs::with_limit(10).order_by_score());
        let (expected, _) = searcher.search(&query, &collector).unwrap();
        assert!(expected > 0, "{name}: no hits");
        group.bench_function(name, |b| {
            b.iter(|| assert_eq!(searcher.search(&query, &collector).unwrap().0, expected))
        });
    }
    group.finish();
}

criterion_group!(benches, index_build, queries, large_index);
criterion_main!(benches);
