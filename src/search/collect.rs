//! Collectors: every match with its score, and facet counts.
//!
//! [`MatchesCollector`] keeps every matching story with its score, because
//! grouping syndicated copies (`crate::syndication`) and ordering ties by
//! id both need the whole result: tantivy's `TopDocs` breaks equal scores
//! by internal document address, which changes when segments merge.
//! [`FacetCollector`] counts facet values exactly over every match, from
//! the fast fields (no sampling); [`DayCollector`] counts matches per UTC
//! day of publication from the `published` column, without scoring.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
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

/// Value → count.
pub type ValueCounts = rustc_hash::FxHashMap<String, u64>;

/// Value → count, per field name.
pub type FacetCounts = HashMap<&'static str, ValueCounts>;

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
                let into = total.entry(field).or_default();
                // The smaller map goes into the larger: with one segment,
                // or one that holds most values, little is hashed twice.
                let (mut larger, smaller) = if counts.len() > into.len() {
                    (counts, std::mem::take(into))
                } else {
                    (std::mem::take(into), counts)
                };
                for (value, n) in smaller {
                    *larger.entry(value).or_default() += n;
                }
                *into = larger;
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
            let Some(column) = column else { continue };
            // Ords in increasing order: each dictionary block is decoded once.
            let used: Vec<u64> =
                (0..counts.len() as u64).filter(|&o| counts[o as usize] > 0).collect();
            let mut values = ValueCounts::with_capacity_and_hasher(used.len(), Default::default());
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

/// The best `limit` matches by score, ties by id, with block-max pruning:
/// a candidate list, not every match.
///
/// Within a segment the `id` column's term ordinals follow id order, so a
/// heap of (score, id ordinal) keeps the exact per-segment top; the
/// segments' lists together hold the exact global top (ids compared as
/// strings across segments, by the caller). Documents are scored only
/// where their block's best score can still enter the list (tantivy's
/// block-WAND for unions of terms); a tie with the last entry still enters,
/// so ties are broken by id, not by position in the index.
pub struct TopMatches {
    /// How many to keep.
    pub limit: usize,
    /// Visit every match (no pruning) and count them: one pass instead of
    /// a count and a search when counting has to visit every match anyway
    /// (intersections, phrases), or when another collector does.
    pub count: bool,
}

/// What [`TopMatches`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Top {
    /// The best matches of each segment.
    pub candidates: Vec<Candidate>,
    /// Every live match, when [`TopMatches::count`] was asked for.
    pub total: Option<u64>,
}

/// A candidate: a match with the ordinal of its id in its segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// BM25 score.
    pub score: Score,
    /// Where it is.
    pub address: DocAddress,
    /// Ordinal of its id in the segment's `id` column.
    pub id_ord: u64,
}

/// Heap entry: the greatest is the worst candidate (lowest score, then
/// highest id).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Worst(Candidate);

impl Eq for Worst {}

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.score.total_cmp(&self.0.score).then(self.0.id_ord.cmp(&other.0.id_ord))
    }
}

/// Per-segment part of [`TopMatches`] (used when tantivy collects without
/// pruning).
pub struct TopSegment {
    segment: SegmentOrdinal,
    ids: Option<StrColumn>,
    heap: std::collections::BinaryHeap<Worst>,
    limit: usize,
    /// Matches offered.
    seen: u64,
    count: bool,
}

impl TopSegment {
    /// Offers a match; returns the score a match must reach to enter.
    fn offer(&mut self, doc: DocId, score: Score) -> Score {
        self.seen += 1;
        if self.heap.len() == self.limit
            && self.heap.peek().is_some_and(|worst| score < worst.0.score)
        {
            return worst_score(&self.heap);
        }
        let id_ord = self.ids.as_ref().and_then(|c| c.term_ords(doc).next()).unwrap_or(u64::MAX);
        let candidate =
            Worst(Candidate { score, address: DocAddress::new(self.segment, doc), id_ord });
        if self.heap.len() < self.limit {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
        if self.heap.len() == self.limit { worst_score(&self.heap) } else { Score::MIN }
    }
}

/// Strictly below the worst score in a full heap, so a tie still gets
/// offered.
fn worst_score(heap: &std::collections::BinaryHeap<Worst>) -> Score {
    heap.peek().map_or(Score::MIN, |worst| worst.0.score.next_down())
}

impl Collector for TopMatches {
    type Fruit = Top;
    type Child = TopSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TopSegment> {
        Ok(TopSegment {
            segment,
            ids: reader.fast_fields().str("id")?,
            heap: std::collections::BinaryHeap::with_capacity(self.limit + 1),
            limit: self.limit.max(1),
            seen: 0,
            count: self.count,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Top>) -> tantivy::Result<Top> {
        let mut merged = Top { candidates: Vec::new(), total: self.count.then_some(0) };
        for fruit in fruits {
            merged.candidates.extend(fruit.candidates);
            merged.total = merged.total.zip(fruit.total).map(|(a, b)| a + b);
        }
        Ok(merged)
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Top> {
        let mut top = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        if self.count {
            weight.for_each(reader, &mut |doc, score| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    top.offer(doc, score);
                }
            })?;
        } else {
            let mut threshold = Score::MIN;
            weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    threshold = top.offer(doc, score);
                }
                threshold
            })?;
        }
        Ok(top.harvest())
    }
}

impl SegmentCollector for TopSegment {
    type Fruit = Top;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn harvest(self) -> Top {
        Top {
            candidates: self.heap.into_iter().map(|w| w.0).collect(),
            total: self.count.then_some(self.seen),
        }
    }
}

/// The first `limit` live stories of every segment in id order, as
/// candidates of score 1 (what `*` scores): read from the `id` term
/// dictionary, which is sorted, so listing every story costs the same
/// whatever the size of the index.
///
/// # Errors
/// The index cannot be read.
pub fn first_by_id(searcher: &tantivy::Searcher, limit: usize) -> tantivy::Result<Vec<Candidate>> {
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocSet, TERMINATED};
    let field = searcher.schema().get_field("id")?;
    let mut out = Vec::new();
    for (segment, reader) in searcher.segment_readers().iter().enumerate() {
        let inverted = reader.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        let mut taken = 0;
        while taken < limit && terms.advance() {
            let mut postings =
                inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !reader.is_deleted(doc) {
                    let address = DocAddress::new(segment as SegmentOrdinal, doc);
                    out.push(Candidate { score: 1.0, address, id_ord: taken as u64 });
                    taken += 1;
                }
                doc = postings.advance();
            }
        }
    }
    Ok(out)
}

/// Counts matches per day of publication (days since 1970-01-01, UTC),
/// reading only the `published` column: no scores, no list of matches.
pub struct DayCollector;

/// Per-segment part of [`DayCollector`].
pub struct DaySegment {
    published: Column<tantivy::DateTime>,
    days: HashMap<i64, u64>,
}

impl Collector for DayCollector {
    type Fruit = BTreeMap<i64, u64>;
    type Child = DaySegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DaySegment> {
        Ok(DaySegment { published: reader.fast_fields().date("published")?, days: HashMap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<i64, u64>>) -> tantivy::Result<BTreeMap<i64, u64>> {
        let mut total = BTreeMap::new();
        for (day, n) in fruits.into_iter().flatten() {
            *total.entry(day).or_default() += n;
        }
        Ok(total)
    }
}

impl SegmentCollector for DaySegment {
    type Fruit = HashMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(time) = self.published.first(doc) {
            *self.days.entry(time.into_timestamp_secs().div_euclid(86_400)).or_default() += 1;
        }
    }

    fn harvest(self) -> HashMap<i64, u64> {
        self.days
    }
}
