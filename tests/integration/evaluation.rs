//! Retrieval quality floor: the judged queries of `tests/eval/queries.tsv`
//! over the sample and evaluation corpora. `EVALUATION.md` has the full
//! table (`cargo run --release --example evaluate`); this test keeps the
//! default analysis from silently getting worse, and keeps it ahead of
//! plain Kraaij-Pohlmann stemming.

use newsidx::analysis::{AnalysisConfig, Stemmer};
use newsidx::eval::{Metrics, evaluate, parse_queries};
use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};

use crate::util::{TestEnv, copy_tree, sample_corpus};

fn metrics(env: &TestEnv, analysis: AnalysisConfig, name: &str) -> Metrics {
    let root = sample_corpus().join("..");
    let queries =
        parse_queries(&std::fs::read_to_string(root.join("tests/eval/queries.tsv")).unwrap())
            .unwrap();
    assert!(queries.len() >= 60, "{} judged queries", queries.len());
    let index = env.index.join(name);
    let mut config = BuildConfig::new(&env.corpus, &index);
    config.analysis = analysis;
    build(&config, &mut |_| {}).unwrap();
    evaluate(&NewsIndex::open_with(&index, &analysis).unwrap(), &queries).unwrap()
}

#[test]
fn default_analysis_keeps_its_recall_and_mrr() {
    let env = TestEnv::new();
    copy_tree(&sample_corpus(), &env.corpus.join("sample"));
    copy_tree(&sample_corpus().join("../tests/eval/corpus"), &env.corpus.join("eval"));
    let default = metrics(&env, AnalysisConfig::default(), "default");
    let plain = metrics(
        &env,
        AnalysisConfig { stemmer: Stemmer::Kp, compounds: false, names: false },
        "kp",
    );
    eprintln!(
        "recall@10 / MRR@10: default {:.3} / {:.3}, plain KP {:.3} / {:.3}",
        default.recall, default.mrr, plain.recall, plain.mrr
    );
    assert!(default.recall >= 0.88, "recall@10 fell to {:.3}", default.recall);
    assert!(default.mrr >= 0.95, "MRR@10 fell to {:.3}", default.mrr);
    assert!(
        default.recall >= plain.recall + 0.1,
        "default {:.3} vs plain KP {:.3}",
        default.recall,
        plain.recall
    );
}
