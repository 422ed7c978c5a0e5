//! A query plan in OpenSearch's Query DSL: the same question asked of the
//! cluster's copy of newsidx's terms.
//!
//! | plan | DSL |
//! |---|---|
//! | term of a word / stem / part / name key | `term` on `…_terms.words` (or `words_alt`) / `stems` / `parts` / `names` |
//! | phrase without gaps or slop | `match_phrase` on `…_terms.words` |
//! | phrase with `~N` or position gaps | `span_near` of `span_term`s, in order, slop = N + gaps |
//! | prefix / phrase with a prefix | `prefix` / `match_phrase_prefix` |
//! | facet value (`location:Kiev`) | `term` or `match_phrase` on `facet_terms.<facet>` |
//! | kind, id | `term` on the keyword |
//! | AND, OR, NOT | `bool` with `must`, `should`, `must_not` |
//! | filters (score 0) | `bool.filter` |
//! | period | `range` on `published` (epoch seconds) |
//! | weights | `boost` |
//!
//! Scores differ (BM25 over other fields and shards); which stories match
//! does not.

use serde_json::{Value, json};

use super::mapping::GAP_TOKEN;
use super::token;
use crate::analysis::terms::{NAME, PART, STEM, kind_of};
use crate::search::{Occur, Plan, Target};

/// A query the cluster cannot be asked exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0} has no OpenSearch equivalent: the exported stems, compound parts and name keys carry no word positions, and sentence and paragraph boundaries are not exported"
)]
pub struct Unsupported(pub String);

/// The `query` object for `plan`.
///
/// # Errors
/// [`Unsupported`] for a proximity operator (`W/n`, `PRE/n`, `W/S`, `W/P`).
pub fn query(plan: &Plan) -> Result<Value, Unsupported> {
    Ok(match plan {
        Plan::All => json!({ "match_all": {} }),
        Plan::Empty => json!({ "match_none": {} }),
        Plan::Term { target, term } => term_query(*target, term),
        Plan::Phrase { target, terms, slop } => phrase(*target, terms, *slop),
        Plan::PhrasePrefix { target, terms } => phrase_prefix(*target, terms),
        Plan::Published { since, until } => {
            let mut range = serde_json::Map::new();
            if let Some(s) = since {
                range.insert("gte".into(), json!(s));
            }
            if let Some(u) = until {
                range.insert("lt".into(), json!(u));
            }
            range.insert("format".into(), json!("epoch_second"));
            json!({ "range": { "published": range } })
        }
        Plan::Bool(clauses) => boolean(clauses)?,
        Plan::Boost(inner, boost) => json!({ "bool": { "must": [query(inner)?], "boost": boost } }),
        Plan::Const(inner, score) => {
            json!({ "constant_score": { "filter": query(inner)?, "boost": score } })
        }
        Plan::Near(near) => return Err(Unsupported(format!("the proximity operator {}", near.op))),
    })
}

/// `{"query": …}`, the body of `_search` and `_count`.
///
/// # Errors
/// [`Unsupported`] as for [`query`].
pub fn request(plan: &Plan) -> Result<Value, Unsupported> {
    Ok(json!({ "query": query(plan)? }))
}

fn boolean(clauses: &[(Occur, Plan)]) -> Result<Value, Unsupported> {
    let (mut must, mut should, mut must_not, mut filter) = (vec![], vec![], vec![], vec![]);
    for (occur, plan) in clauses {
        match (occur, plan) {
            // A filter scores nothing: the cluster's filter context.
            (Occur::Must, Plan::Const(inner, score)) if *score == 0.0 => filter.push(query(inner)?),
            (Occur::Must, _) => must.push(query(plan)?),
            (Occur::Should, _) => should.push(query(plan)?),
            (Occur::MustNot, _) => must_not.push(query(plan)?),
        }
    }
    let mut out = serde_json::Map::new();
    for (name, list) in
        [("must", must), ("filter", filter), ("should", should), ("must_not", must_not)]
    {
        if !list.is_empty() {
            out.insert(name.into(), list.into());
        }
    }
    Ok(json!({ "bool": out }))
}

/// The field of `target` that holds terms of `kind` (`None`: words).
fn field(target: Target, kind: Option<char>) -> String {
    match target {
        Target::Title | Target::Body => {
            let text = if target == Target::Title { "title_terms" } else { "body_terms" };
            let sub = match kind {
                Some(STEM) => "stems",
                Some(PART) => "parts",
                Some(NAME) => "names",
                _ => "words",
            };
            format!("{text}.{sub}")
        }
        Target::Facet(facet) => format!("facet_terms.{}", facet.field_name()),
        Target::Kind => "kind".into(),
        Target::Id => "id".into(),
    }
}

fn term_query(target: Target, term: &str) -> Value {
    let (kind, text) = match target {
        Target::Title | Target::Body => kind_of(term),
        _ => (None, term),
    };
    let keyword = matches!(target, Target::Kind | Target::Id);
    let value = if keyword { text.into() } else { token(text) };
    let name = field(target, kind);
    if matches!(target, Target::Title | Target::Body) && kind.is_none() {
        // A word is in `words` or, sharing a position, in `words_alt`.
        let alt = name.replace(".words", ".words_alt");
        return json!({ "bool": { "should": [
            { "term": { name: value } }, { "term": { alt: value } } ] } });
    }
    json!({ "term": { name: value } })
}

fn phrase(target: Target, terms: &[(usize, String)], slop: u32) -> Value {
    let name = field(target, None);
    let consecutive = terms.windows(2).all(|w| w[1].0 == w[0].0 + 1);
    if slop == 0 && consecutive {
        let text: Vec<String> = terms.iter().map(|(_, t)| token(t).into_owned()).collect();
        return json!({ "match_phrase": { name: { "query": text.join(" "), "slop": 0 } } });
    }
    let gaps = match (terms.first(), terms.last()) {
        (Some(first), Some(last)) => (last.0 - first.0 + 1).saturating_sub(terms.len()),
        _ => 0,
    };
    let clauses: Vec<Value> =
        terms.iter().map(|(_, t)| json!({ "span_term": { &name: token(t) } })).collect();
    json!({ "span_near": { "clauses": clauses, "slop": slop as usize + gaps, "in_order": true } })
}

fn phrase_prefix(target: Target, terms: &[(usize, String)]) -> Value {
    let name = field(target, None);
    if let [(_, only)] = terms {
        let prefix = json!({ "prefix": { &name: token(only) } });
        if matches!(target, Target::Title | Target::Body) {
            let alt = name.replace(".words", ".words_alt");
            return json!({ "bool": { "should": [prefix, { "prefix": { alt: token(only) } }] } });
        }
        return prefix;
    }
    let mut words: Vec<String> = Vec::new();
    let mut next = terms.first().map_or(0, |t| t.0);
    for (offset, t) in terms {
        while next < *offset {
            words.push(GAP_TOKEN.to_string());
            next += 1;
        }
        words.push(token(t).into_owned());
        next = offset + 1;
    }
    json!({ "match_phrase_prefix": { name: { "query": words.join(" ") } } })
}
