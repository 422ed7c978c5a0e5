//! The index side of proximity: a tantivy query whose scorer keeps the
//! candidates (stories with both sides) whose term positions satisfy the
//! operator, read from each segment's positional postings.

use std::collections::HashMap;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::{MAX_PREFIX_TERMS, Near, Positions, Sides};
use crate::search::plan::Target;

/// `near` as a tantivy query over the fields `title` and `body`: the
/// stories that have both sides (the left side for `NOT`), kept when the
/// positions agree; scored as the sides' query.
#[derive(Debug)]
pub struct NearQuery {
    near: Near,
    candidates: Box<dyn Query>,
    fields: [(Target, Field); 2],
}

impl Clone for NearQuery {
    fn clone(&self) -> NearQuery {
        NearQuery {
            near: self.near.clone(),
            candidates: self.candidates.box_clone(),
            fields: self.fields,
        }
    }
}

impl NearQuery {
    /// The query of `near`; `candidates` is the query of the stories that
    /// may match, `fields` the title and body fields.
    pub fn new(near: Near, candidates: Box<dyn Query>, fields: [(Target, Field); 2]) -> NearQuery {
        NearQuery { near, candidates, fields }
    }
}

impl Query for NearQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(NearWeight {
            near: self.near.clone(),
            candidates: self.candidates.weight(scoring)?,
            fields: self.fields,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.candidates.query_terms(visitor);
    }
}

struct NearWeight {
    near: Near,
    candidates: Box<dyn Weight>,
    fields: [(Target, Field); 2],
}

impl NearWeight {
    fn near_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<NearScorer> {
        let mut probes = Vec::with_capacity(2);
        for (target, field) in self.fields {
            let sides = Sides::new(&self.near, target);
            let probe = FieldProbe::new(reader, field, &sides)?;
            probes.push((sides, probe));
        }
        let candidates = self.candidates.scorer(reader, boost)?;
        let mut scorer = NearScorer { candidates, probes };
        let doc = scorer.candidates.doc();
        if doc != TERMINATED && !scorer.accepts(doc) {
            scorer.advance();
        }
        Ok(scorer)
    }
}

impl Weight for NearWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.near_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.near_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match {}",
                self.near.op
            )));
        }
        let mut explanation =
            Explanation::new_with_string(format!("{} of its sides", self.near.op), scorer.score());
        explanation.add_detail(self.candidates.explain(reader, doc)?);
        Ok(explanation)
    }
}

/// The candidates that pass the position check.
struct NearScorer {
    candidates: Box<dyn Scorer>,
    probes: Vec<(Sides, FieldProbe)>,
}

impl NearScorer {
    fn accepts(&mut self, doc: DocId) -> bool {
        self.probes.iter_mut().any(|(sides, probe)| {
            probe.doc = doc;
            !sides.evaluate(probe).is_empty()
        })
    }
}

impl DocSet for NearScorer {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.candidates.advance();
            if doc == TERMINATED || self.accepts(doc) {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.candidates.seek(target);
        if doc == TERMINATED || self.accepts(doc) { doc } else { self.advance() }
    }

    fn doc(&self) -> DocId {
        self.candidates.doc()
    }

    fn size_hint(&self) -> u32 {
        self.candidates.size_hint()
    }
}

impl Scorer for NearScorer {
    fn score(&mut self) -> Score {
        self.candidates.score()
    }
}

/// Positional postings of one field of one segment, for the terms of a
/// proximity query, read at the current document.
struct FieldProbe {
    doc: DocId,
    /// Index term → its postings (absent: not in this segment).
    terms: HashMap<String, Option<SegmentPostings>>,
    /// Prefix → the postings of the words it expands to.
    prefixes: HashMap<String, Vec<SegmentPostings>>,
    buffer: Vec<u32>,
}

impl FieldProbe {
    fn new(reader: &SegmentReader, field: Field, sides: &Sides) -> tantivy::Result<FieldProbe> {
        let inverted = reader.inverted_index(field)?;
        let option = IndexRecordOption::WithFreqsAndPositions;
        let mut terms = HashMap::new();
        let mut prefixes = HashMap::new();
        for (word, is_prefix) in sides.terms() {
            if is_prefix {
                let mut lists = Vec::new();
                let mut stream = inverted.terms().range().ge(word.as_bytes()).into_stream()?;
                while stream.advance() && lists.len() < MAX_PREFIX_TERMS {
                    if !stream.key().starts_with(word.as_bytes()) {
                        break;
                    }
                    lists.push(inverted.read_postings_from_terminfo(stream.value(), option)?);
                }
                prefixes.insert(word, lists);
            } else {
                let term = Term::from_field_text(field, &word);
                terms.insert(word, inverted.read_postings(&term, option)?);
            }
        }
        Ok(FieldProbe { doc: 0, terms, prefixes, buffer: Vec::new() })
    }
}

/// Positions of `postings` in `doc` appended to `out` (nothing when the
/// term is not in `doc`).
fn read_at(postings: &mut SegmentPostings, doc: DocId, out: &mut Vec<u32>, buffer: &mut Vec<u32>) {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    if postings.doc() == doc {
        postings.positions(buffer);
        out.extend_from_slice(buffer);
    }
}

impl Positions for FieldProbe {
    fn term(&mut self, term: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(Some(postings)) = self.terms.get_mut(term) {
            read_at(postings, self.doc, &mut out, &mut self.buffer);
        }
        out
    }

    fn prefix(&mut self, prefix: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(lists) = self.prefixes.get_mut(prefix) {
            for postings in lists {
                read_at(postings, self.doc, &mut out, &mut self.buffer);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
