//! Prints the retrieval evaluation table of `EVALUATION.md`.
//!
//! ```text
//! cargo run --release --example evaluate
//! ```
//!
//! Builds one index per analysis variant over the evaluation corpus
//! (`corpus/` as `sample/`, `tests/eval/corpus/` as `eval/`), runs the
//! judged queries of `tests/eval/queries.tsv` and prints recall@10, MRR@10,
//! index size and build time per variant, then per-category numbers for
//! the default.

use std::path::Path;
use std::time::Instant;

use newsidx::analysis::{AnalysisConfig, Stemmer};
use newsidx::eval::{Metrics, evaluate, parse_queries};
use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let queries =
        parse_queries(&std::fs::read_to_string(root.join("tests/eval/queries.tsv")).unwrap())
            .unwrap();
    let work = tempfile::tempdir().unwrap();
    let corpus = work.path().join("corpus");
    copy_tree(&root.join("corpus"), &corpus.join("sample"));
    copy_tree(&root.join("tests/eval/corpus"), &corpus.join("eval"));
    let corpus_bytes = dir_size(&corpus);

    let variants: Vec<(&str, AnalysisConfig)> = vec![
        ("no stemming", config(Stemmer::None, false, false)),
        ("Porter", config(Stemmer::Porter, false, false)),
        ("Kraaij-Pohlmann (KP)", config(Stemmer::Kp, false, false)),
        ("KP + overrides", config(Stemmer::KpTuned, false, false)),
        ("KP + overrides + compounds", config(Stemmer::KpTuned, true, false)),
        ("KP + overrides + names", config(Stemmer::KpTuned, false, true)),
        ("KP + compounds + names", config(Stemmer::Kp, true, true)),
        ("KP + overrides + compounds + names (default)", AnalysisConfig::default()),
    ];
    println!("{} judged queries; corpus {:.0} KB\n", queries.len(), corpus_bytes as f64 / 1e3);
    println!("| analysis | recall@10 | MRR@10 | index / corpus | build |");
    println!("|---|---|---|---|---|");
    let mut default_metrics = None;
    for (i, (name, analysis)) in variants.iter().enumerate() {
        let index = work.path().join(format!("index-{i}"));
        let (metrics, size, seconds) = run(&corpus, &index, analysis, &queries);
        println!(
            "| {name} | {:.3} | {:.3} | {:.2} | {:.2} s |",
            metrics.recall,
            metrics.mrr,
            size as f64 / corpus_bytes as f64,
            seconds
        );
        if *analysis == AnalysisConfig::default() {
            default_metrics = Some(metrics);
        }
    }
    let metrics = default_metrics.expect("the default is one of the variants");
    println!("\nDefault analysis per category:\n");
    println!("| category | queries | recall@10 | MRR@10 |");
    println!("|---|---|---|---|");
    for (category, (recall, mrr, n)) in &metrics.by_category {
        println!("| {category} | {n} | {recall:.3} | {mrr:.3} |");
    }
    let misses: Vec<String> = metrics
        .per_query
        .iter()
        .filter(|q| q.1 < 1.0)
        .map(|q| format!("{} ({:.2})", q.0, q.1))
        .collect();
    println!("\nQueries below full recall with the default: {}", misses.join(", "));
}

fn config(stemmer: Stemmer, compounds: bool, names: bool) -> AnalysisConfig {
    AnalysisConfig { stemmer, compounds, names }
}

fn run(
    corpus: &Path,
    index: &Path,
    analysis: &AnalysisConfig,
    queries: &[newsidx::eval::Judged],
) -> (Metrics, u64, f64) {
    let mut build_config = BuildConfig::new(corpus, index);
    build_config.analysis = *analysis;
    build_config.rebuild = true;
    let started = Instant::now();
    build(&build_config, &mut |_| {}).unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let opened = NewsIndex::open_with(index, analysis).unwrap();
    (evaluate(&opened, queries).unwrap(), dir_size(index), seconds)
}
