//! `cooccur` and facet values: which entities appear together.
//!
//! Owns reading a match's facet values from the fast fields and counting
//! pairs of values in the same story, with two association scores:
//! pointwise mutual information, `log2(P(a,b) / (P(a) P(b)))` over the
//! matching stories, and the conditional probability `P(b | a)`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::matches;
use crate::Result;
use crate::index::{NewsIndex, tantivy_error};
use crate::search::{Facet, Member, Selection};

/// Two values that occur in the same stories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// First value (the more frequent one; ties by name).
    pub a: String,
    /// Second value.
    pub b: String,
    /// Stories with both.
    pub count: u64,
    /// Stories with `a`.
    pub count_a: u64,
    /// Stories with `b`.
    pub count_b: u64,
    /// Pointwise mutual information in bits.
    pub pmi: f64,
    /// P(b | a): the share of `a`'s stories that also have `b`.
    pub p_b_given_a: f64,
}

/// The result of `cooccur`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cooccurrence {
    /// Matching stories counted.
    pub stories: u64,
    /// The most frequent values with their story counts.
    pub values: Vec<(String, u64)>,
    /// Pairs among those values, by count (then PMI).
    pub pairs: Vec<Pair>,
}

/// Counts the `top` most frequent values of `facet` in the matches and
/// every pair of them.
///
/// # Errors
/// The index cannot be read.
pub fn cooccur(
    index: &NewsIndex,
    selection: &Selection,
    facet: Facet,
    top: usize,
    dedupe: bool,
) -> Result<Cooccurrence> {
    let members = matches(index, selection, dedupe)?;
    let stories: Vec<BTreeSet<String>> = members
        .iter()
        .map(|m| values(index, m, facet).map(|v| v.into_iter().collect()))
        .collect::<Result<_>>()?;
    let mut singles: HashMap<&str, u64> = HashMap::new();
    for story in &stories {
        for value in story {
            *singles.entry(value).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, u64)> = singles.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(top);
    let rank: HashMap<&str, usize> = ranked.iter().enumerate().map(|(i, (v, _))| (*v, i)).collect();
    let mut pair_counts: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for story in &stories {
        let mut present: Vec<usize> =
            story.iter().filter_map(|v| rank.get(v.as_str()).copied()).collect();
        present.sort_unstable();
        for (i, &a) in present.iter().enumerate() {
            for &b in &present[i + 1..] {
                *pair_counts.entry((a, b)).or_default() += 1;
            }
        }
    }
    let n = stories.len() as f64;
    let mut pairs: Vec<Pair> = pair_counts
        .into_iter()
        .map(|((a, b), count)| {
            let (count_a, count_b) = (ranked[a].1, ranked[b].1);
            Pair {
                a: ranked[a].0.to_string(),
                b: ranked[b].0.to_string(),
                count,
                count_a,
                count_b,
                pmi: ((count as f64 * n) / (count_a as f64 * count_b as f64)).log2(),
                p_b_given_a: count as f64 / count_a as f64,
            }
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| y.pmi.total_cmp(&x.pmi))
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    let values = ranked.into_iter().map(|(v, c)| (v.to_string(), c)).collect();
    Ok(Cooccurrence { stories: stories.len() as u64, values, pairs })
}

/// The values of `facet` of one match.
///
/// # Errors
/// The index cannot be read.
pub fn values(index: &NewsIndex, member: &Member, facet: Facet) -> Result<Vec<String>> {
    let searcher = index.searcher();
    let segment = searcher.segment_reader(member.address.segment_ord);
    let column =
        segment.fast_fields().str(facet.field_name()).map_err(tantivy_error(index.root()))?;
    let Some(column) = column else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for ord in column.term_ords(member.address.doc_id) {
        let mut value = String::new();
        if column.ord_to_str(ord, &mut value).map_err(|e| tantivy_error(index.root())(e.into()))? {
            out.push(value);
        }
    }
    Ok(out)
}
