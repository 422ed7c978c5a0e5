//! Throughput of the per-page stages on the sample corpus: Dutch analysis,
//! page parsing, entity extraction (in tokens per second). Each bench checks its own output count
//! so it cannot quietly measure nothing.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsidx::analysis::{self, NL_EXACT, NL_TEXT};

fn sample_pages() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let walk = newsidx::crawl::walk(&root).expect("sample corpus");
    walk.files
        .iter()
        .map(|f| newsidx::crawl::read(f, u64::MAX).expect("sample page").text)
        .collect()
}

fn analyzer(c: &mut Criterion) {
    let text = sample_pages().join("\n");
    let mut group = c.benchmark_group("analyzer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for name in [NL_TEXT, NL_EXACT] {
        let expected = analysis::tokens(name, &text).len();
        assert!(expected > 5_000, "{name}: {expected} tokens");
        let mut analyzer = analysis::analyzer(name, &analysis::AnalysisConfig::default()).unwrap();
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut stream = analyzer.token_stream(&text);
                let mut n = 0;
                while stream.advance() {
                    n += 1;
                }
                assert_eq!(n, expected);
            })
        });
    }
    group.finish();
}

fn parse(c: &mut Criterion) {
    let pages = sample_pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sample_corpus", |b| {
        b.iter(|| {
            let briefs: usize =
                pages.iter().map(|p| newsidx::parse::page(p).unwrap().briefs.len()).sum();
            assert_eq!(briefs, 83);
        })
    });
    group.finish();
}

/// Entity extraction in tokens per second (the unit): tokenizing
/// alone is the baseline, then the rules of version 1, the tagger's tags
/// alone, and the whole extraction of version 2 (tags and canonical names).
fn entities(c: &mut Criterion) {
    use newsidx::entities::tagger::tokenize;
    use newsidx::entities::{Extractor, RuleExtractor, TaggerExtractor};
    let pages = sample_pages();
    let tokens: usize =
        pages.iter().map(|p| tokenize::sentences(p).iter().map(Vec::len).sum::<usize>()).sum();
    let tagger = TaggerExtractor::embedded();
    let persons =
        |e: &dyn Extractor| pages.iter().map(|p| e.extract(p).persons.len()).sum::<usize>();
    let (rules, tagged) = (persons(&RuleExtractor), persons(tagger));
    assert!(rules > 50 && tagged > 50, "{rules} and {tagged} persons");
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize_baseline", |b| {
        b.iter(|| {
            let n: usize = pages
                .iter()
                .map(|p| tokenize::sentences(p).iter().map(Vec::len).sum::<usize>())
                .sum();
            assert_eq!(n, tokens);
        })
    });
    group.bench_function("rules_v1", |b| b.iter(|| assert_eq!(persons(&RuleExtractor), rules)));
    group.bench_function("tagger_mentions", |b| {
        b.iter(|| assert!(pages.iter().map(|p| tagger.mentions(p).len()).sum::<usize>() > tagged))
    });
    group.bench_function("tagger_v2", |b| b.iter(|| assert_eq!(persons(tagger), tagged)));
    group.finish();
}

fn stemmers(c: &mut Criterion) {
    let text = sample_pages().join("\n");
    let words: Vec<String> =
        analysis::tokens(NL_EXACT, &text).into_iter().map(|t| t.text).collect();
    let mut group = c.benchmark_group("stemmer");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("frostem_kraaij_pohlmann", |b| {
        b.iter(|| words.iter().map(|w| analysis::stem(w).len()).sum::<usize>())
    });
    let porter = frostem::Stemmer::new(frostem::Algorithm::DutchPorter);
    group.bench_function("frostem_porter", |b| {
        b.iter(|| words.iter().map(|w| porter.stem(w).len()).sum::<usize>())
    });
    let rust_stemmers = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch);
    group.bench_function("rust_stemmers_porter", |b| {
        b.iter(|| words.iter().map(|w| rust_stemmers.stem(w).len()).sum::<usize>())
    });
    group.finish();
}

/// The OpenTaal lexicon: one FST lookup per word of the sample corpus, and
/// the decompounder on its words of seven letters or more (uncached: each
/// call is a new word for the memo table only the first time, so the
/// steady state is the memo's).
fn lexicon(c: &mut Criterion) {
    let text = sample_pages().join("\n");
    let words: Vec<String> =
        analysis::tokens(NL_EXACT, &text).into_iter().map(|t| t.text).collect();
    let known = words.iter().filter(|w| analysis::lexicon::lookup(w).is_some()).count();
    assert!(known * 10 > words.len() * 8, "{known} of {} words listed", words.len());
    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("lookup", |b| {
        b.iter(|| {
            let found = words.iter().filter(|w| analysis::lexicon::lookup(w).is_some()).count();
            assert_eq!(found, known);
        })
    });
    // Every distinct word of seven letters or more through the decompounder,
    // uncached (the index build memoises per word, so this is its first-sight
    // cost).
    let mut long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 7).collect();
    long.sort_unstable();
    long.dedup();
    let split =
        long.iter().filter(|w| analysis::Decompounder.leaves(w, &|_| false).is_some()).count();
    group.throughput(Throughput::Elements(long.len() as u64));
    group.bench_function("decompound", |b| {
        b.iter(|| {
            let n = long
                .iter()
                .filter(|w| analysis::Decompounder.leaves(w, &|_| false).is_some())
                .count();
            assert_eq!(n, split);
        })
    });
    group.finish();
}

criterion_group!(benches, analyzer, parse, entities, stemmers, lexicon);
criterion_main!(benches);
