//! Parsed query → tantivy query, with the Dutch analyzers.
//!
//! Owns query semantics:
//! - a bare word searches `title` and `body` (stemmed) and `title_exact`
//!   and `body_exact` (unstemmed); the scores add up, so a story with the
//!   exact word ranks above one that only shares its stem, and the title
//!   counts double;
//! - a hyphenated word is a phrase of its parts (`GroenLinks-PvdA`) on the
//!   exact fields (the stemmed fields store no positions);
//! - quoted phrases and prefixes (`vluchteling*`) match exact words only;
//! - facet fields (`location:`, `person:`, `agency:`…) match whole words of
//!   a value, case and accents ignored; `agency:` accepts codes and names;
//! - filters never change the ranking: they score a constant.
//!
//! It also collects the analysed terms to highlight in snippets.

use std::collections::HashSet;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::query::Node;
use crate::analysis::{self, NL_EXACT, NL_FACET, NL_TEXT};
use crate::entities::canonical_agency;
use crate::index::Fields;

/// Weight of a title match relative to a body match.
pub const TITLE_BOOST: f32 = 2.0;
/// Weight of an exact-word match relative to a stem match (added to it).
pub const EXACT_BOOST: f32 = 1.5;

/// Analysed query terms to highlight in a snippet.
#[derive(Debug, Clone, Default)]
pub struct HighlightTerms {
    /// Stemmed terms (`nl_text`).
    pub stems: HashSet<String>,
    /// Exact terms (`nl_exact`).
    pub exact: HashSet<String>,
    /// Exact prefixes.
    pub prefixes: Vec<String>,
}

/// A compiled query.
pub struct Compiled {
    /// The tantivy query; `None` when nothing searchable was left.
    pub query: Option<Box<dyn Query>>,
    /// Terms for snippets.
    pub highlight: HighlightTerms,
}

/// Which fields a word or phrase applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Text,
    Title,
    Body,
    Facet(Field, bool),
    Raw(Field),
}

/// Compiles a parsed query.
pub fn compile(node: &Node, fields: &Fields) -> Compiled {
    let mut compiler = Compiler { fields, highlight: HighlightTerms::default() };
    let query = compiler.node(node, Scope::Text, false);
    Compiled { query, highlight: compiler.highlight }
}

struct Compiler<'f> {
    fields: &'f Fields,
    highlight: HighlightTerms,
}

impl Compiler<'_> {
    fn node(&mut self, node: &Node, scope: Scope, negated: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::Word { text, prefix } => self.words(text, scope, *prefix, None, negated),
            Node::Phrase { text, slop, prefix } => {
                self.words(text, scope, *prefix, Some(*slop), negated)
            }
            Node::Field { field, node } => self.node(node, self.scope(field), negated),
            Node::And(parts) => self.and(parts, scope, negated),
            Node::Or(parts) => {
                let clauses: Vec<_> = parts
                    .iter()
                    .filter_map(|p| self.node(p, scope, negated))
                    .map(|q| (Occur::Should, q))
                    .collect();
                (!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            Node::Not(inner) => {
                let inner = self.node(inner, scope, !negated)?;
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, inner),
                ])))
            }
            Node::All => Some(Box::new(AllQuery)),
        }
    }

    fn and(&mut self, parts: &[Node], scope: Scope, negated: bool) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for part in parts {
            match part {
                Node::Not(inner) => {
                    clauses.extend(self.node(inner, scope, !negated).map(|q| (Occur::MustNot, q)))
                }
                _ => clauses.extend(self.node(part, scope, negated).map(|q| (Occur::Must, q))),
            }
        }
        if clauses.is_empty() {
            return None;
        }
        if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    fn scope(&self, field: &str) -> Scope {
        let f = self.fields;
        match field {
            "title" => Scope::Title,
            "body" => Scope::Body,
            "location" => Scope::Facet(f.location, false),
            "dateline" => Scope::Facet(f.dateline, false),
            "agency" => Scope::Facet(f.agency, true),
            "person" => Scope::Facet(f.person, false),
            "organization" => Scope::Facet(f.organization, false),
            "section" => Scope::Facet(f.section, false),
            "kind" => Scope::Raw(f.kind),
            "id" => Scope::Raw(f.id),
            other => unreachable!("the parser only accepts known fields, got {other}"),
        }
    }

    fn words(
        &mut self,
        text: &str,
        scope: Scope,
        prefix: bool,
        slop: Option<u32>,
        negated: bool,
    ) -> Option<Box<dyn Query>> {
        match scope {
            Scope::Text => self.text(
                text,
                &[
                    (self.fields.title, self.fields.title_exact, TITLE_BOOST),
                    (self.fields.body, self.fields.body_exact, 1.0),
                ],
                prefix,
                slop,
                negated,
            ),
            Scope::Title => self.text(
                text,
                &[(self.fields.title, self.fields.title_exact, 1.0)],
                prefix,
                slop,
                negated,
            ),
            Scope::Body => self.text(
                text,
                &[(self.fields.body, self.fields.body_exact, 1.0)],
                prefix,
                slop,
                negated,
            ),
            Scope::Facet(field, is_agency) => {
                let value = if is_agency { canonical_agency(text) } else { text.to_string() };
                let toks = by_position(NL_FACET, &value);
                let q = if prefix {
                    prefix_query(field, &toks)
                } else {
                    term_or_phrase(field, &toks, 0)
                };
                q.map(|q| Box::new(ConstScoreQuery::new(q, 1.0)) as Box<dyn Query>)
            }
            Scope::Raw(field) => {
                let value =
                    if field == self.fields.kind { text.to_lowercase() } else { text.to_string() };
                Some(Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &value),
                        IndexRecordOption::Basic,
                    )),
                    1.0,
                )))
            }
        }
    }

    /// Words or a phrase over (stemmed, exact, boost) field pairs.
    fn text(
        &mut self,
        text: &str,
        pairs: &[(Field, Field, f32)],
        prefix: bool,
        slop: Option<u32>,
        negated: bool,
    ) -> Option<Box<dyn Query>> {
        let exact = by_position(NL_EXACT, text);
        let stems = if prefix || slop.is_some() { Vec::new() } else { by_position(NL_TEXT, text) };
        if !negated {
            self.remember(&stems, &exact, prefix);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(stem_field, exact_field, boost) in pairs {
            let exact_query = if prefix {
                prefix_query(exact_field, &exact)
            } else {
                term_or_phrase(exact_field, &exact, slop.unwrap_or(0))
            };
            let exact_boost = if slop.is_some() || prefix { boost } else { boost * EXACT_BOOST };
            clauses.extend(exact_query.map(|q| (Occur::Should, boosted(q, exact_boost))));
            // Stemmed fields keep no positions (they would double the
            // position data): a word of several parts is a phrase on the
            // exact field only.
            if let [(_, stem)] = stems.as_slice() {
                let term = Term::from_field_text(stem_field, stem);
                let query = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                clauses.push((Occur::Should, boosted(query, boost)));
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn remember(&mut self, stems: &[(usize, String)], exact: &[(usize, String)], prefix: bool) {
        self.highlight.stems.extend(stems.iter().map(|(_, t)| t.clone()));
        match (prefix, exact.split_last()) {
            (true, Some((last, rest))) => {
                self.highlight.prefixes.push(last.1.clone());
                self.highlight.exact.extend(rest.iter().map(|(_, t)| t.clone()));
            }
            _ => self.highlight.exact.extend(exact.iter().map(|(_, t)| t.clone())),
        }
    }
}

/// Analyses `text` and keeps the first token at each position (the part,
/// not the joined form of a hyphenated word), with offsets from the first.
fn by_position(analyzer: &str, text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last = None;
    let mut base = None;
    for token in analysis::tokens(analyzer, text) {
        if last == Some(token.position) {
            continue;
        }
        last = Some(token.position);
        let base = *base.get_or_insert(token.position);
        out.push((token.position - base, token.text));
    }
    out
}

fn term_or_phrase(field: Field, toks: &[(usize, String)], slop: u32) -> Option<Box<dyn Query>> {
    match toks {
        [] => None,
        [(_, t)] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, t),
            IndexRecordOption::WithFreqs,
        ))),
        _ => {
            let terms = toks.iter().map(|(o, t)| (*o, Term::from_field_text(field, t))).collect();
            Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
        }
    }
}

fn prefix_query(field: Field, toks: &[(usize, String)]) -> Option<Box<dyn Query>> {
    if toks.is_empty() {
        return None;
    }
    let terms = toks.iter().map(|(o, t)| (*o, Term::from_field_text(field, t))).collect();
    Some(Box::new(PhrasePrefixQuery::new_with_offset(terms)))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON { query } else { Box::new(BoostQuery::new(query, boost)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_word_becomes_its_parts_in_order() {
        let toks = by_position(NL_EXACT, "GroenLinks-PvdA");
        assert_eq!(toks, [(0, "groenlinks".to_string()), (1, "pvda".to_string())]);
    }

    #[test]
    fn punctuation_only_word_has_no_tokens() {
        assert!(by_position(NL_TEXT, "&&").is_empty());
    }
}
