//! Indexing a batch and running each kind of query, in-process, on the
//! sample corpus. Each bench asserts its hit count.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use newsidx::index::{BuildConfig, NewsIndex, build};
use newsidx::search::{Facet, SearchRequest};

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
        ("term", "Poetin", &[], false, 5),
        ("and", "Poetin Oekraïne", &[], false, 4),
        ("phrase", "\"Den Haag\"", &[], false, 13),
        ("prefix", "vluchteling*", &[], false, 3),
        ("filtered", "*", &[(Facet::Agency, "Reuters")], false, 14),
        ("term_with_facets", "Poetin", &[], true, 5),
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

criterion_group!(benches, index_build, queries);
criterion_main!(benches);
