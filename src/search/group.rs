//! Ordering matches and grouping syndicated copies into clusters.
//!
//! Owns the order of results (score descending, then id ascending, so equal
//! scores always come out the same way) and, with `crate::syndication`,
//! which matches are copies of one story.

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
        if dedupe { syndication::clusters(&signatures) } else { (0..members.len()).collect() };
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

/// Score descending, then id ascending.
pub fn order(a: &Member, b: &Member) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id))
}

type Read = (Vec<Member>, Vec<Option<Signature>>);

fn read(
    searcher: &Searcher,
    mut matches: Vec<Match>,
    with_signatures: bool,
) -> tantivy::Result<Read> {
    matches.sort_by_key(|m| (m.address.segment_ord, m.address.doc_id));
    let mut members = Vec::with_capacity(matches.len());
    let mut signatures = Vec::with_capacity(matches.len());
    let mut id = String::new();
    for chunk in matches.chunk_by(|a, b| a.address.segment_ord == b.address.segment_ord) {
        let fast = searcher.segment_reader(chunk[0].address.segment_ord).fast_fields();
        let ids = fast.str("id")?;
        let minhash = if with_signatures { Some(fast.u64("minhash")?) } else { None };
        for m in chunk {
            let doc = m.address.doc_id;
            id.clear();
            if let Some(column) = &ids
                && let Some(ord) = column.term_ords(doc).next()
            {
                column.ord_to_str(ord, &mut id)?;
            }
            members.push(Member { score: m.score, id: id.clone(), address: m.address });
            signatures.push(
                minhash.as_ref().and_then(|c| syndication::from_values(c.values_for_doc(doc))),
            );
        }
    }
    Ok((members, signatures))
}
