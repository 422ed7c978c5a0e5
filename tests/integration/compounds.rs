//! The decompounder against the gold list in `tests/eval/compounds_gold.txt`:
//! share of compounds split into their parts, and the false-split rate on
//! non-compounds and misleading compounds. The dictionary is learned from
//! the sample corpus, as a build would.

use newsidx::analysis::{self, Decompounder, NL_EXACT, Stemmer, WordCounts};
use newsidx::entities::gazetteer;

use crate::util::sample_corpus;

enum Gold {
    Compound(String, Vec<String>),
    NotSplit(String),
}

fn gold() -> Vec<Gold> {
    let text =
        std::fs::read_to_string(sample_corpus().join("../tests/eval/compounds_gold.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let l = l.trim();
            match l.strip_prefix('!') {
                Some(word) => Gold::NotSplit(word.to_string()),
                None if l.contains('+') => {
                    let word = l.replace(['+', '_'], "");
                    let parts =
                        l.split('+').map(|p| p.split('_').next().unwrap().to_string()).collect();
                    Gold::Compound(word, parts)
                }
                None => Gold::NotSplit(l.to_string()),
            }
        })
        .collect()
}

fn corpus_decompounder() -> Decompounder {
    let mut counts = WordCounts::default();
    for entry in walkdir::WalkDir::new(sample_corpus()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(entry.path()).unwrap();
            let (text, _) = newsidx::crawl::decode(&bytes).unwrap();
            for t in analysis::tokens(NL_EXACT, &text) {
                counts.add(&t.text, 1);
            }
        }
    }
    Decompounder::new(counts)
}

#[test]
fn decompounder_splits_gold_compounds_and_rarely_splits_anything_else() {
    let d = corpus_decompounder();
    let is_place = |w: &str| gazetteer().place(w).is_some();
    let stems = |words: &[String]| -> Vec<String> {
        words.iter().map(|w| Stemmer::Kp.stems(w)[0].clone()).collect()
    };
    let (mut compounds, mut correct, mut others, mut false_splits) = (0, 0, 0, 0);
    let mut report = Vec::new();
    for item in gold() {
        match item {
            Gold::Compound(word, parts) => {
                compounds += 1;
                let found = d.split(&word, &is_place).unwrap_or_default();
                let found_stems = stems(&found);
                if stems(&parts).iter().all(|p| found_stems.contains(p)) {
                    correct += 1;
                } else {
                    report.push(format!("missed {word}: {found:?}"));
                }
            }
            Gold::NotSplit(word) => {
                others += 1;
                if let Some(parts) = d.split(&word, &is_place) {
                    false_splits += 1;
                    report.push(format!("false split {word}: {parts:?}"));
                }
            }
        }
    }
    eprintln!(
        "decompounder: {correct}/{compounds} compounds split into their parts ({:.0}%), \
         {false_splits}/{others} non-compounds split ({:.1}%)\n{}",
        100.0 * correct as f64 / compounds as f64,
        100.0 * false_splits as f64 / others as f64,
        report.join("\n")
    );
    assert!(correct * 100 >= compounds * 80, "{correct}/{compounds}");
    assert!(false_splits * 100 <= others * 4, "{false_splits}/{others}");
}
