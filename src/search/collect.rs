//! Collectors: the top hits in a deterministic order, and facet counts.
//!
//! Owns ranking ties. tantivy's `TopDocs` breaks equal scores by internal
//! document address, which changes when segments merge, so the same query
//! could list tied stories in another order after a rebuild.
//! [`RankedCollector`] orders by (score descending, id ascending) instead:
//! within a segment the `id` fast field's term ordinals follow id order, so
//! each segment keeps its own top *k* by (score, ordinal) and the merge
//! compares the ids themselves.
//!
//! [`FacetCollector`] counts facet values exactly over every match, from
//! the fast fields (no sampling).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A ranked hit before its stored fields are loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// BM25 score.
    pub score: Score,
    /// Story id.
    pub id: String,
    /// Where to load it from.
    pub address: DocAddress,
}

/// Collects the best `k` hits by (score desc, id asc).
pub struct RankedCollector {
    k: usize,
}

impl RankedCollector {
    /// Keeps the best `k` hits.
    pub fn new(k: usize) -> Self {
        RankedCollector { k }
    }
}

/// Heap entry; the heap's top is the worst kept hit.
struct Entry {
    score: Score,
    ord: u64,
    doc: DocId,
}

impl Entry {
    /// Better hits compare greater.
    fn rank(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then_with(|| other.ord.cmp(&self.ord))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// Reversed so that `BinaryHeap` (a max-heap) pops the worst first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.rank(self)
    }
}

/// Per-segment part of [`RankedCollector`].
pub struct RankedSegment {
    k: usize,
    segment: SegmentOrdinal,
    ids: Option<StrColumn>,
    heap: BinaryHeap<Entry>,
}

impl Collector for RankedCollector {
    type Fruit = Vec<Ranked>;
    type Child = RankedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RankedSegment> {
        let ids = reader.fast_fields().str("id")?;
        Ok(RankedSegment {
            k: self.k,
            segment,
            ids,
            heap: BinaryHeap::with_capacity(self.k.min(1024) + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Ranked>>) -> tantivy::Result<Vec<Ranked>> {
        let mut all: Vec<Ranked> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        all.truncate(self.k);
        Ok(all)
    }
}

impl SegmentCollector for RankedSegment {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.k == 0 {
            return;
        }
        let ord = self.ids.as_ref().and_then(|ids| ids.term_ords(doc).next()).unwrap_or(u64::MAX);
        let entry = Entry { score, ord, doc };
        if self.heap.len() < self.k {
            self.heap.push(entry);
        } else if self.heap.peek().is_some_and(|worst| entry.rank(worst) == Ordering::Greater) {
            self.heap.pop();
            self.heap.push(entry);
        }
    }

    fn harvest(self) -> Vec<Ranked> {
        let mut id = String::new();
        self.heap
            .into_iter()
            .map(|e| {
                id.clear();
                if let Some(ids) = &self.ids {
                    // A missing ordinal would be an index defect; the hit
                    // then sorts with an empty id rather than failing.
                    let _ = ids.ord_to_str(e.ord, &mut id);
                }
                Ranked {
                    score: e.score,
                    id: id.clone(),
                    address: DocAddress::new(self.segment, e.doc),
                }
            })
            .collect()
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

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::new();
        for fruit in fruits {
            for (field, counts) in fruit {
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
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (_, column, counts) in &mut self.columns {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    counts[ord as usize] += 1;
                }
            }
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut out = FacetCounts::new();
        for (name, column, counts) in self.columns {
            let mut values = HashMap::new();
            let Some(column) = column else { continue };
            for (ord, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                let mut value = String::new();
                if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    values.insert(value, n);
                }
            }
            out.insert(name, values);
        }
        out
    }
}
