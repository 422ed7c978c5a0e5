//! Grouping syndicated copies: precision and recall on a test set built
//! from the evaluation corpus. Each of 60 stories appears as written and in
//! three altered copies an agency feed produces (another dateline, a word
//! changed, a sentence added, the last sentence cut, punctuation and case
//! changed); every other pair of stories is distinct. The search must put
//! exactly the copies of one story together.

use std::collections::{BTreeSet, HashMap};

use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};
use newsidx::search::SearchRequest;

use crate::util::{TestEnv, sample_corpus};

/// Texts of the articles and briefs of the evaluation corpus.
fn stories() -> Vec<String> {
    let root = sample_corpus().join("../tests/eval/corpus");
    let mut texts = Vec::new();
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    files.sort_by(|a, b| a.path().cmp(b.path()));
    for entry in files {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let page = newsidx::parse::page(&text).unwrap();
        texts.push(page.article.body.lines().next().unwrap_or_default().to_string());
        texts.extend(page.briefs.into_iter().map(|b| b.text));
    }
    texts.retain(|t| t.split_whitespace().count() >= 14);
    texts
}

/// Three copies of `text` as agency feeds alter them, chosen by `n`.
fn copies(text: &str, n: usize) -> Vec<String> {
    let body = match newsidx::parse::dateline(text) {
        Some((_, len)) => &text[len..],
        None => text,
    };
    let redated = format!("AMSTERDAM (ANP/AFP) - {body}");
    let mut words: Vec<&str> = body.split(' ').collect();
    let middle = words.len() / 2;
    words[middle] = "evenwel";
    let changed = words.join(" ");
    let added = format!("{body} Dat meldde het persbureau later op de dag.");
    let cut = match body.trim_end_matches('.').rfind(". ") {
        Some(end) if end > body.len() / 2 => body[..end + 1].to_string(),
        _ => body.replace(',', ""),
    };
    let recased = body.replace(", ", " - ").to_uppercase();
    let all = [redated, changed, added, cut, recased];
    (0..3).map(|k| all[(n + k) % all.len()].clone()).collect()
}

#[test]
fn syndicated_copies_are_grouped_with_high_precision_and_recall() {
    let env = TestEnv::new();
    let bases: Vec<String> = stories().into_iter().take(60).collect();
    assert_eq!(bases.len(), 60, "not enough stories in tests/eval/corpus");
    let mut truth: HashMap<String, usize> = HashMap::new();
    for (n, base) in bases.iter().enumerate() {
        for (k, text) in std::iter::once(base.clone()).chain(copies(base, n)).enumerate() {
            let path = format!("s{n:02}_{k}.txt");
            env.write(&path, format!("Kop {n}.{k}\n{text}\n"));
            truth.insert(format!("{path}#0"), n);
        }
    }
    build(&BuildConfig::new(&env.corpus, &env.index), &mut |_| {}).unwrap();
    let index = NewsIndex::open(&env.index).unwrap();
    let mut request = SearchRequest::new("*");
    request.limit = 10_000;
    request.all_copies = true;
    let results = index.search(&request).unwrap();
    assert_eq!(results.total, 240);

    let pair = |a: &str, b: &str| {
        if a < b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) }
    };
    let predicted: BTreeSet<(String, String)> =
        results.hits.iter().flat_map(|h| h.copy_ids.iter().map(|c| pair(&h.id, c))).collect();
    let ids: Vec<&String> = truth.keys().collect();
    let mut actual = BTreeSet::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            if truth[*a] == truth[*b] {
                actual.insert(pair(a, b));
            }
        }
    }
    let right = predicted.intersection(&actual).count();
    let precision = right as f64 / predicted.len().max(1) as f64;
    let recall = right as f64 / actual.len() as f64;
    let wrong: Vec<_> = predicted.difference(&actual).take(5).collect();
    let missed: Vec<_> = actual.difference(&predicted).take(5).collect();
    eprintln!(
        "syndication: {} copy pairs, {} predicted, precision {precision:.3}, recall {recall:.3}, \
         {} clusters for 60 stories\nwrong: {wrong:?}\nmissed: {missed:?}",
        actual.len(),
        predicted.len(),
        results.clusters
    );
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
