//! Retrieval evaluation: judged queries in, recall@10 and MRR out.
//!
//! Owns the judged query file format and the metrics. The query set and
//! the evaluation corpus live in `tests/eval/` (see its README); the table
//! in `EVALUATION.md` comes from `cargo run --release --example evaluate`,
//! and `tests/integration/evaluation.rs` keeps the default analysis above
//! a floor.
//!
//! Format: one query per line, tab-separated
//! `id  category  query  relevant-ids (space-separated)  note`; `#` lines
//! are comments.

use std::collections::{BTreeMap, HashSet};

use crate::index::NewsIndex;
use crate::search::SearchRequest;

/// Hits looked at per query.
pub const CUTOFF: usize = 10;

/// One judged query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// `q001`.
    pub id: String,
    /// Phenomenon it tests (`inflection`, `compound`…).
    pub category: String,
    /// The query as an analyst types it.
    pub query: String,
    /// Ids of the relevant stories.
    pub relevant: HashSet<String>,
}

/// Parses a judged query file.
///
/// # Errors
/// A message naming the line that does not have the four columns or lists
/// no relevant story.
pub fn parse_queries(text: &str) -> Result<Vec<Judged>, String> {
    let mut out = Vec::new();
    let is_data = |l: &str| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("id\t");
    for (n, line) in text.lines().enumerate().filter(|(_, l)| is_data(l)) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(format!("line {}: expected id, category, query and relevant ids", n + 1));
        }
        let relevant: HashSet<String> = cols[3].split_whitespace().map(String::from).collect();
        if relevant.is_empty() {
            return Err(format!("line {}: no relevant stories", n + 1));
        }
        out.push(Judged {
            id: cols[0].into(),
            category: cols[1].into(),
            query: cols[2].into(),
            relevant,
        });
    }
    Ok(out)
}

/// Recall@10 and MRR@10, overall and per category.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics {
    /// Mean over queries of the share of relevant stories in the top 10.
    pub recall: f64,
    /// Mean over queries of 1/rank of the first relevant story (0 if none in the top 10).
    pub mrr: f64,
    /// Queries evaluated.
    pub queries: usize,
    /// Category → (recall, MRR, queries).
    pub by_category: BTreeMap<String, (f64, f64, usize)>,
    /// Per query: (id, recall, reciprocal rank).
    pub per_query: Vec<(String, f64, f64)>,
}

/// Runs every query on `index` and scores the top 10.
///
/// # Errors
/// A query fails to run (a bad query in the set is an error, not a 0).
pub fn evaluate(index: &NewsIndex, queries: &[Judged]) -> crate::Result<Metrics> {
    let mut metrics = Metrics::default();
    let mut sums: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
    for q in queries {
        let mut request = SearchRequest::new(q.query.clone());
        request.limit = CUTOFF;
        request.snippet_bytes = 0;
        let hits = index.search(&request)?.hits;
        let found = hits.iter().filter(|h| q.relevant.contains(&h.id)).count();
        let recall = found as f64 / q.relevant.len() as f64;
        let rr = hits
            .iter()
            .position(|h| q.relevant.contains(&h.id))
            .map_or(0.0, |rank| 1.0 / (rank + 1) as f64);
        metrics.per_query.push((q.id.clone(), recall, rr));
        let entry = sums.entry(q.category.clone()).or_default();
        *entry = (entry.0 + recall, entry.1 + rr, entry.2 + 1);
    }
    let n = queries.len().max(1) as f64;
    metrics.queries = queries.len();
    metrics.recall = metrics.per_query.iter().map(|q| q.1).sum::<f64>() / n;
    metrics.mrr = metrics.per_query.iter().map(|q| q.2).sum::<f64>() / n;
    metrics.by_category =
        sums.into_iter().map(|(c, (r, m, k))| (c, (r / k as f64, m / k as f64, k))).collect();
    Ok(metrics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_file_parses_and_names_bad_lines() {
        let qs = parse_queries(
            "# kop\nid\tcategory\tquery\trelevant\tnote\nq1\tname\tPutin\ta.txt#0 b.txt#2\tnoot\n",
        )
        .unwrap();
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].query, "Putin");
        assert_eq!(qs[0].relevant.len(), 2);
        assert_eq!(
            parse_queries("q1\tname\tPutin\n").unwrap_err(),
            "line 1: expected id, category, query and relevant ids"
        );
        assert_eq!(
            parse_queries("q1\tname\tPutin\t \n").unwrap_err(),
            "line 1: no relevant stories"
        );
    }
}
