//! Collectors: every match with its score, and facet counts.
//!
//! [`MatchesCollector`] keeps every matching story with its score, because
//! grouping syndicated copies (`crate::syndication`) and ordering ties by
//! id both need the whole result: tantivy's `TopDocs` breaks equal scores
//! by internal document address, which changes when segments merge.
//! [`FacetCollector`] counts facet values exactly over every match, from
//! the fast fields (no sampling).

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A matching story before anything is loaded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// BM25 score.
    pub score: Score,
    /// Where it is.
    pub address: DocAddress,
}

/// Collects every match with its score.
pub struct MatchesCollector;

/// Per-segment part of [`MatchesCollector`].
pub struct MatchesSegment {
    segment: SegmentOrdinal,
    matches: Vec<Match>,
}

impl Collector for MatchesCollector {
    type Fruit = Vec<Match>;
    type Child = MatchesSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<MatchesSegment> {
        Ok(MatchesSegment { segment, matches: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for MatchesSegment {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.matches.push(Match { score, address: DocAddress::new(self.segment, doc) });
    }

    fn harvest(self) -> Vec<Match> {
        self.matches
    }
}

/// Counts the values of some facet fields over all matches.
pub struct FacetCollector {
    fields: Vec<&'static str>,
}

impl FacetCollector {
    /// Counts the given fields (fast text fields of the schema).
    pub fn new(fields: Vec<&'static str>) -> Self {
        FacetCollector { fields }
    }
}

/// Value → count, per field name.
pub type FacetCounts = HashMap<&'static str, HashMap<String, u64>>;

/// Per-segment part of [`FacetCollector`].
pub struct FacetSegment {
    columns: Vec<(&'static str, Option<StrColumn>, Vec<u64>)>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let mut columns = Vec::with_capacity(self.fields.len());
        for &name in &self.fields {
            let column = reader.fast_fields().str(name)?;
            let terms = column.as_ref().map_or(0, |c| c.num_terms());
            columns.push((name, column, vec![0; terms]));
        }
        Ok(FacetSegment { columns })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<tantivy::Result<FacetCounts>>,
    ) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::new();
        for fruit in fruits {
            for (field, counts) in fruit? {
                let entry = total.entry(field).or_default();
                for (value, n) in counts {
                    *entry.entry(value).or_default() += n;
                }
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegment {
    /// An error when a dictionary cannot be read: a silently smaller count
    /// would look like a true one.
    type Fruit = tantivy::Result<FacetCounts>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (_, column, counts) in &mut self.columns {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    counts[ord as usize] += 1;
                }
            }
        }
    }

    fn harvest(self) -> tantivy::Result<FacetCounts> {
        let mut out = FacetCounts::new();
        for (name, column, counts) in self.columns {
            let mut values = HashMap::new();
            let Some(column) = column else { continue };
            // Ords in increasing order: each dictionary block is decoded once.
            let used: Vec<u64> =
                (0..counts.len() as u64).filter(|&o| counts[o as usize] > 0).collect();
            let mut at = used.iter();
            column.dictionary().sorted_ords_to_term_cb(&used, |bytes| {
                if let Some(&ord) = at.next() {
                    values
                        .insert(String::from_utf8_lossy(bytes).into_owned(), counts[ord as usize]);
                }
            })?;
            out.insert(name, values);
        }
        Ok(out)
    }
}
