//! Ordering matches and grouping syndicated copies into clusters.
//!
//! Owns the order of results (score descending, then id ascending, so equal
//! scores always come out the same way) and, with `crate::syndication`,
//! which matches are copies of one story.

use tantivy::columnar::StrColumn;
use tantivy::{Score, Searcher};

use super::collect::Match;
use crate::syndication::{self, Signature};

/// A match with its id and signature.
#[derive(Debug, Clone)]
pub struct Member {
    /// BM25 score.
    pub score: Score,
    /// Story id.
    pub id: String,
    /// Where it is.
    pub address: tantivy::DocAddress,
}

/// Copies of one story among the matches, best first.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Members by (score descending, id ascending); the first represents
    /// the cluster.
    pub members: Vec<Member>,
}

/// Reads ids and signatures of `matches` and groups them into clusters
/// (every match alone when `dedupe` is off), clusters ordered by their best
/// member.
pub fn clusters(
    searcher: &Searcher,
    matches: Vec<Match>,
    dedupe: bool,
) -> tantivy::Result<Vec<Cluster>> {
    let (members, signatures) = read(searcher, matches, dedupe)?;
    let roots =
        if dedupe { cluster_roots(&members, &signatures) } else { (0..members.len()).collect() };
    let mut by_root: std::collections::HashMap<usize, Vec<Member>> =
        std::collections::HashMap::new();
    for (member, root) in members.into_iter().zip(roots) {
        by_root.entry(root).or_default().push(member);
    }
    let mut clusters: Vec<Cluster> = by_root
        .into_values()
        .map(|mut members| {
            members.sort_by(order);
            Cluster { members }
        })
        .collect();
    clusters.sort_by(|a, b| order(&a.members[0], &b.members[0]));
    Ok(clusters)
}

/// Per member, the index of its cluster's first member. Clustering is
/// greedy, so it sees the members in id order: the same corpus then groups
/// the same way whatever segment layout a build left (before, two builds
/// of one corpus could group one copy differently).
fn cluster_roots(members: &[Member], signatures: &[Option<Signature>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| members[a].id.cmp(&members[b].id));
    let sorted: Vec<Option<Signature>> = order.iter().map(|&i| signatures[i]).collect();
    let roots = syndication::clusters(&sorted);
    let mut out = vec![0; members.len()];
    for (position, &member) in order.iter().enumerate() {
        out[member] = order[roots[position]];
    }
    out
}

/// Score descending, then id ascending.
pub fn order(a: &Member, b: &Member) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id))
}

type Read = (Vec<Member>, Vec<Option<Signature>>);

/// The ids of one segment's matches, looked up by the term ordinal the
/// `id` column gives each document.
///
/// The column's own dictionary is block-compressed: each lookup decodes
/// its block from the start, hundreds of ids for one. The `id` field's
/// inverted-index dictionary holds the same ids in the same order (every
/// story has exactly one id, indexed and fast) and finds an ordinal's term
/// by walking an FST; it is used when both dictionaries hold as many terms,
/// the column's otherwise.
fn ids_of(
    reader: &tantivy::SegmentReader,
    column: &StrColumn,
    matches: &[Match],
) -> tantivy::Result<Vec<String>> {
    let ords: Vec<Option<u64>> =
        matches.iter().map(|m| column.term_ords(m.address.doc_id).next()).collect();
    let field = reader.schema().get_field("id")?;
    let inverted = reader.inverted_index(field)?;
    let terms = inverted.terms();
    if terms.num_terms() == column.num_terms() {
        let mut bytes = Vec::new();
        return Ok(ords
            .iter()
            .map(|ord| match ord {
                Some(o) if terms.ord_to_term(*o, &mut bytes).unwrap_or(false) => {
                    String::from_utf8_lossy(&bytes).into_owned()
                }
                _ => String::new(),
            })
            .collect());
    }
    let mut sorted: Vec<u64> = ords.iter().flatten().copied().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut found = Vec::with_capacity(sorted.len());
    column.dictionary().sorted_ords_to_term_cb(&sorted, |bytes| {
        found.push(String::from_utf8_lossy(bytes).into_owned());
    })?;
    Ok(ords
        .iter()
        .map(|ord| {
            ord.and_then(|o| sorted.binary_search(&o).ok())
                .and_then(|i| found.get(i).cloned())
                .unwrap_or_default()
        })
        .collect())
}

fn read(
    searcher: &Searcher,
    mut matches: Vec<Match>,
    with_signatures: bool,
) -> tantivy::Result<Read> {
    matches.sort_by_key(|m| (m.address.segment_ord, m.address.doc_id));
    let mut members = Vec::with_capacity(matches.len());
    let mut signatures = Vec::with_capacity(matches.len());
    for chunk in matches.chunk_by(|a, b| a.address.segment_ord == b.address.segment_ord) {
        let reader = searcher.segment_reader(chunk[0].address.segment_ord);
        let fast = reader.fast_fields();
        let ids = match fast.str("id")? {
            Some(column) => ids_of(reader, &column, chunk)?,
            None => vec![String::new(); chunk.len()],
        };
        let minhash = if with_signatures {
            let column = |i: usize| fast.u64(&format!("minhash_{i}"));
            Some([column(0)?, column(1)?, column(2)?, column(3)?])
        } else {
            None
        };
        for (m, id) in chunk.iter().zip(ids) {
            members.push(Member { score: m.score, id, address: m.address });
            let doc = m.address.doc_id;
            signatures.push(minhash.as_ref().and_then(|[a, b, c, d]| {
                Some(syndication::from_words([
                    a.first(doc)?,
                    b.first(doc)?,
                    c.first(doc)?,
                    d.first(doc)?,
                ]))
            }));
        }
    }
    Ok((members, signatures))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three stories where `b` is a copy of `a` and of `c`, but `a` and `c`
    /// are not copies of each other: greedy clustering puts `b` with
    /// whichever it meets first.
    fn chain() -> Vec<(&'static str, Signature)> {
        let mut a = [1; syndication::HASHES];
        let (mut b, mut c) = (a, a);
        for band in 1..syndication::BANDS {
            let (first, second) = (band * syndication::ROWS, band * syndication::ROWS + 1);
            (a[first], a[second]) = (10, 20);
            (b[first], b[second]) = (10, 30);
            (c[first], c[second]) = (40, 30);
        }
        assert!(syndication::similarity(&a, &b) >= syndication::THRESHOLD);
        assert!(syndication::similarity(&b, &c) >= syndication::THRESHOLD);
        assert!(syndication::similarity(&a, &c) < syndication::THRESHOLD);
        vec![("a", a), ("b", b), ("c", c)]
    }

    fn groups(stories: &[(&str, Signature)]) -> Vec<Vec<String>> {
        let members: Vec<Member> = stories
            .iter()
            .enumerate()
            .map(|(n, (id, _))| Member {
                score: 1.0,
                id: id.to_string(),
                address: tantivy::DocAddress::new(0, n as u32),
            })
            .collect();
        let signatures: Vec<Option<Signature>> = stories.iter().map(|(_, s)| Some(*s)).collect();
        let roots = cluster_roots(&members, &signatures);
        let mut out: Vec<Vec<String>> = Vec::new();
        for root in 0..members.len() {
            let mut group: Vec<String> = (0..members.len())
                .filter(|&m| roots[m] == root)
                .map(|m| members[m].id.clone())
                .collect();
            group.sort();
            if !group.is_empty() {
                out.push(group);
            }
        }
        out.sort();
        out
    }

    #[test]
    fn copies_group_the_same_whatever_order_the_index_holds_them_in() {
        let forward = chain();
        let backward: Vec<_> = forward.iter().rev().cloned().collect();
        assert_eq!(groups(&forward), groups(&backward));
        assert_eq!(groups(&forward), [vec!["a", "b"], vec!["c"]]);
    }
}
