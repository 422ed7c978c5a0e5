//! The compiled query as plain data: which index terms, phrases and ranges
//! a query asks for, how they combine and weigh.
//!
//! Owns the boundary between query semantics and a search engine.
//! `compile` decides the semantics once and writes a [`Plan`];
//! [`Plan::to_query`] turns it into a tantivy query for the local index, and
//! `crate::opensearch` turns the same plan into the OpenSearch Query DSL, so
//! the two can never disagree about what a query means.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur as TantivyOccur,
    PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::Facet;
use super::near::{Near, NearQuery};
use crate::index::Fields;

/// Where a term is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The headline's terms (words, stems, parts, name keys; see
    /// `crate::analysis::terms`).
    Title,
    /// The body's terms.
    Body,
    /// The analysed words of a facet's values (`location:Kiev`).
    Facet(Facet),
    /// The story kind, as stored (`article`, `brief`).
    Kind,
    /// The story id, as stored.
    Id,
}

/// How a clause counts in a [`Plan::Bool`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occur {
    /// Must match.
    Must,
    /// May match; at least one `Should` must when there is no `Must`.
    Should,
    /// Must not match.
    MustNot,
}

/// A query as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Every story.
    All,
    /// No story.
    Empty,
    /// Stories with the index term `term` (kind prefix included) in `target`.
    Term {
        /// Field.
        target: Target,
        /// The index term.
        term: String,
    },
    /// Words at the given position offsets, with up to `slop` words between.
    Phrase {
        /// Field.
        target: Target,
        /// (offset from the first word, index term).
        terms: Vec<(usize, String)>,
        /// Words allowed between (in order).
        slop: u32,
    },
    /// A phrase whose last word is a prefix (one word: a prefix query).
    PhrasePrefix {
        /// Field.
        target: Target,
        /// (offset, index term); the last is the prefix.
        terms: Vec<(usize, String)>,
    },
    /// Published at or after `since`, before `until` (Unix seconds).
    Published {
        /// Inclusive lower bound.
        since: Option<i64>,
        /// Exclusive upper bound.
        until: Option<i64>,
    },
    /// Clauses combined.
    Bool(Vec<(Occur, Plan)>),
    /// The inner score times a weight.
    Boost(Box<Plan>, f32),
    /// A constant score for every match (filters: 0).
    Const(Box<Plan>, f32),
    /// Two sides near each other (`W/n`, `PRE/n`, `W/S`, `W/P`).
    Near(Box<Near>),
}

impl Plan {
    /// A boolean of `clauses`, or the clause itself when there is one
    /// `Should` or one `Must`.
    pub fn bool(mut clauses: Vec<(Occur, Plan)>) -> Plan {
        if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
            return clauses.pop().expect("one clause").1;
        }
        Plan::Bool(clauses)
    }

    /// `self` weighted by `boost` (unchanged for 1).
    pub fn boosted(self, boost: f32) -> Plan {
        if (boost - 1.0).abs() < f32::EPSILON { self } else { Plan::Boost(Box::new(self), boost) }
    }

    /// Whether tantivy counts this query's matches without visiting them
    /// one by one in scoring order: a term (its posting list's length) or a
    /// union of such. Intersections, exclusions, phrases and proximity are
    /// counted by visiting every match, so a search that needs the total
    /// should count them in the same pass that ranks them.
    pub fn counts_cheaply(&self) -> bool {
        match self {
            Plan::All | Plan::Empty | Plan::Term { .. } => true,
            Plan::Boost(inner, _) | Plan::Const(inner, _) => inner.counts_cheaply(),
            Plan::Bool(clauses) => {
                clauses.iter().all(|(occur, plan)| *occur == Occur::Should && plan.counts_cheaply())
            }
            Plan::Phrase { .. }
            | Plan::PhrasePrefix { .. }
            | Plan::Published { .. }
            | Plan::Near(_) => false,
        }
    }

    /// The tantivy query for the index whose fields are `fields`.
    pub fn to_query(&self, fields: &Fields) -> Box<dyn Query> {
        match self {
            Plan::All => Box::new(AllQuery),
            Plan::Empty => Box::new(EmptyQuery),
            Plan::Term { target, term } => {
                // Kind and id are raw fields indexed without frequencies.
                let option = match target {
                    Target::Kind | Target::Id => IndexRecordOption::Basic,
                    _ => IndexRecordOption::WithFreqs,
                };
                let term = Term::from_field_text(field(fields, *target), term);
                Box::new(TermQuery::new(term, option))
            }
            Plan::Phrase { target, terms, slop } => {
                let f = field(fields, *target);
                let terms = terms.iter().map(|(o, t)| (*o, Term::from_field_text(f, t))).collect();
                Box::new(PhraseQuery::new_with_offset_and_slop(terms, *slop))
            }
            Plan::PhrasePrefix { target, terms } => {
                let f = field(fields, *target);
                let terms = terms.iter().map(|(o, t)| (*o, Term::from_field_text(f, t))).collect();
                Box::new(PhrasePrefixQuery::new_with_offset(terms))
            }
            Plan::Published { since, until } => {
                let bound = |secs: Option<i64>, inclusive: bool| match secs {
                    None => Bound::Unbounded,
                    Some(s) => {
                        let term = Term::from_field_date(
                            fields.published,
                            DateTime::from_timestamp_secs(s),
                        );
                        if inclusive { Bound::Included(term) } else { Bound::Excluded(term) }
                    }
                };
                Box::new(RangeQuery::new(bound(*since, true), bound(*until, false)))
            }
            Plan::Bool(clauses) => Box::new(BooleanQuery::new(
                clauses
                    .iter()
                    .map(|(occur, plan)| {
                        let occur = match occur {
                            Occur::Must => TantivyOccur::Must,
                            Occur::Should => TantivyOccur::Should,
                            Occur::MustNot => TantivyOccur::MustNot,
                        };
                        (occur, plan.to_query(fields))
                    })
                    .collect(),
            )),
            Plan::Boost(inner, boost) => Box::new(BoostQuery::new(inner.to_query(fields), *boost)),
            Plan::Const(inner, score) => {
                Box::new(ConstScoreQuery::new(inner.to_query(fields), *score))
            }
            Plan::Near(near) => {
                // The stories that have both sides (the left one for
                // `NOT W/…`) are the candidates whose positions are checked.
                let candidates = if near.negated {
                    near.left.to_query(fields)
                } else {
                    Plan::Bool(vec![
                        (Occur::Must, near.left.clone()),
                        (Occur::Must, near.right.clone()),
                    ])
                    .to_query(fields)
                };
                let text = [(Target::Title, fields.title), (Target::Body, fields.body)];
                Box::new(NearQuery::new((**near).clone(), candidates, text))
            }
        }
    }
}

fn field(fields: &Fields, target: Target) -> Field {
    match target {
        Target::Title => fields.title,
        Target::Body => fields.body,
        Target::Kind => fields.kind,
        Target::Id => fields.id,
        Target::Facet(facet) => match facet {
            Facet::Location => fields.location,
            Facet::Agency => fields.agency,
            Facet::Person => fields.person,
            Facet::Organization => fields.organization,
            Facet::Dateline => fields.dateline,
            Facet::Section => fields.section,
            Facet::Kind => fields.kind,
        },
    }
}
