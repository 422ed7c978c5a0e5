//! Parsed query → [`Plan`], with the Dutch analyzers.
//!
//! Owns query semantics (the plan becomes a tantivy query, or OpenSearch's
//! Query DSL, in `plan` and `crate::opensearch`). Title and body are each one field of terms of
//! several kinds ([`crate::analysis::terms`]):
//! - a bare word searches its stems (every stem the analyzer gives at the
//!   word's position: the stem term, or the word itself where it is its own
//!   stem) and the word as written; the scores add up, so a story with the
//!   exact word ranks above one that only shares its stem, and the title
//!   counts double;
//! - it also searches, with low weights, compound parts (`kamp` finds
//!   `vluchtelingenkamp`) and name spelling keys (`Putin` finds `Poetin`),
//!   plus the other spellings of its alias group (`Kyiv` finds `Kiev`);
//! - a hyphenated word is a phrase of its parts (`GroenLinks-PvdA`);
//! - quoted phrases and prefixes (`vluchteling*`) match exact words only;
//! - in an unquoted list of words, stop words are left out (`de oorlog in
//!   Oekraïne`), except acronyms typed in capitals (`OM`, `IS`) and name
//!   particles before a name (`van der Plas`);
//! - facet fields (`location:`, `person:`, `agency:`…) match whole words of
//!   a value, case and accents ignored; `agency:` accepts codes and names;
//! - filters never change the ranking: they score a constant.
//!
//! Every word's expansion is recorded ([`Expansion`]) for snippets and for
//! `search --explain`.

use super::Facet;
use super::near::Near;
use super::plan::{Occur, Plan, Target};
use super::query::{NearOp, Node};
use crate::analysis::terms::{NAME, PART, STEM, prefixed};
use crate::analysis::{
    self, Aliases, AnalysisConfig, NL_EXACT, NL_FACET, NL_TEXT, PARTICLES, acronym_key, is_acronym,
    is_stopword, name_key,
};
use crate::entities::{canonical_agency, organization};

/// Weight of a title match relative to a body match.
pub const TITLE_BOOST: f32 = 2.0;
/// Weight of an exact-word match relative to a stem match (added to it).
pub const EXACT_BOOST: f32 = 1.5;
/// Weight of a match on a compound part (`kamp` in `vluchtelingenkamp`).
pub const PARTS_BOOST: f32 = 0.3;
/// Weight of a match on a name spelling key or alias.
pub const NAMES_BOOST: f32 = 0.5;

/// What one query word or phrase was turned into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expansion {
    /// The word or phrase as typed.
    pub input: String,
    /// Stems searched in the stemmed fields (and the parts field).
    pub stems: Vec<String>,
    /// Exact words searched (for a phrase: its words in order).
    pub exact: Vec<String>,
    /// Exact prefix, for `word*`.
    pub prefix: Option<String>,
    /// Whether the compound parts field was searched.
    pub parts: bool,
    /// Spelling keys searched in the names field.
    pub name_keys: Vec<String>,
    /// Other spellings from the alias file.
    pub aliases: Vec<String>,
    /// Organisation facet value searched (`OM` → `Openbaar Ministerie`).
    pub organization: Option<String>,
    /// Typed in capitals: matched as an acronym, not as the word
    /// (`OM`, not the preposition `om`).
    pub acronym: bool,
    /// A phrase (quoted, or a hyphenated word).
    pub phrase: bool,
    /// Words allowed between a phrase's words (`"…"~N`).
    pub slop: u32,
    /// Left out: a stop word in a list of words.
    pub dropped: bool,
    /// Part of a negation: it excludes stories.
    pub negated: bool,
    /// A side of this proximity operator: it lights up only where the
    /// operator holds (the `nears` of the compiled query).
    pub near: Option<NearOp>,
}

/// A compiled query.
pub struct Compiled {
    /// The plan; `None` when nothing searchable was left.
    pub plan: Option<Plan>,
    /// What each word became, in query order.
    pub expansions: Vec<Expansion>,
    /// The proximity operators that find stories (not under a NOT), for
    /// snippets and KWIC.
    pub nears: Vec<Near>,
}

/// Which fields a word or phrase applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Text,
    Title,
    Body,
    Facet(Facet),
    Raw(Target),
}

/// What compilation needs from the index.
pub struct Context<'a> {
    /// The index's analysis variant.
    pub config: &'a AnalysisConfig,
    /// Name aliases.
    pub aliases: &'a Aliases,
}

/// Compiles a parsed query.
pub fn compile(node: &Node, context: &Context<'_>) -> Compiled {
    let mut compiler = Compiler { cx: context, expansions: Vec::new(), nears: Vec::new() };
    let plan = compiler.node(node, Scope::Text, false);
    Compiled { plan, expansions: compiler.expansions, nears: compiler.nears }
}

struct Compiler<'c, 'a> {
    cx: &'c Context<'a>,
    expansions: Vec<Expansion>,
    nears: Vec<Near>,
}

type Clauses = Vec<(Occur, Plan)>;

impl Compiler<'_, '_> {
    fn node(&mut self, node: &Node, scope: Scope, negated: bool) -> Option<Plan> {
        match node {
            Node::Word { text, prefix } => self.words(text, scope, *prefix, None, negated),
            Node::Phrase { text, slop, prefix } => {
                self.words(text, scope, *prefix, Some(*slop), negated)
            }
            Node::Field { field, node } => self.node(node, self.scope(field), negated),
            Node::And(parts) => self.and(parts, scope, negated),
            Node::Or(parts) => {
                let clauses: Clauses = parts
                    .iter()
                    .filter_map(|p| self.node(p, scope, negated))
                    .map(|q| (Occur::Should, q))
                    .collect();
                (!clauses.is_empty()).then_some(Plan::Bool(clauses))
            }
            Node::Not(inner) => {
                let inner = self.node(inner, scope, !negated)?;
                Some(Plan::Bool(vec![(Occur::Must, Plan::All), (Occur::MustNot, inner)]))
            }
            Node::All => Some(Plan::All),
            Node::Near { left, right, op, negated: not_near } => {
                self.near(left, right, *op, *not_near, scope, negated)
            }
        }
    }

    /// `left` near `right`: each side compiles like a query of its own;
    /// the plan keeps both for the position check.
    fn near(
        &mut self,
        left: &Node,
        right: &Node,
        op: NearOp,
        not_near: bool,
        scope: Scope,
        negated: bool,
    ) -> Option<Plan> {
        let first = self.expansions.len();
        let left = self.node(left, scope, negated);
        let right = self.node(right, scope, negated);
        for expansion in &mut self.expansions[first..] {
            expansion.near = Some(op);
        }
        let left = left?;
        let Some(right) = right else {
            // Nothing searchable on the right: nothing can be near the left.
            return if not_near { Some(left) } else { None };
        };
        let near = Near { op, negated: not_near, left, right };
        if !negated {
            self.nears.push(near.clone());
        }
        Some(Plan::Near(Box::new(near)))
    }

    fn and(&mut self, parts: &[Node], scope: Scope, negated: bool) -> Option<Plan> {
        let dropped = if scope == Scope::Text {
            droppable_stopwords(parts)
        } else {
            vec![false; parts.len()]
        };
        let mut clauses: Clauses = Vec::new();
        for (part, drop) in parts.iter().zip(dropped) {
            match part {
                Node::Word { text, .. } if drop => {
                    let expansion = Expansion {
                        input: text.clone(),
                        dropped: true,
                        negated,
                        ..Expansion::default()
                    };
                    self.expansions.push(expansion);
                }
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
            clauses.push((Occur::Must, Plan::All));
        }
        let all = Plan::Bool(clauses);
        Some(self.with_name_alternatives(parts, scope, negated, all))
    }

    /// A list of plain words that is also a name with other spellings
    /// (`Den Bosch` = `'s-Hertogenbosch`) or a curated organisation
    /// (`Openbaar Ministerie` = `OM`) also finds those.
    fn with_name_alternatives(
        &mut self,
        parts: &[Node],
        scope: Scope,
        negated: bool,
        all: Plan,
    ) -> Plan {
        let words: Option<Vec<&str>> = parts
            .iter()
            .map(|p| match p {
                Node::Word { text, prefix: false } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let Some(words) = words.filter(|w| scope == Scope::Text && w.len() >= 2) else {
            return all;
        };
        let joined = words.join(" ");
        let mut expansion =
            Expansion { input: joined.clone(), phrase: true, negated, ..Expansion::default() };
        expansion.aliases = self.cx.aliases.others(&joined).into_iter().map(String::from).collect();
        let mut clauses: Clauses = vec![(Occur::Should, all)];
        for alias in &expansion.aliases {
            let alias_words = first_per_position(&self.positions(NL_EXACT, alias));
            for target in [Target::Title, Target::Body] {
                clauses.extend(
                    term_or_phrase(target, &alias_words, 0)
                        .map(|q| (Occur::Should, q.boosted(NAMES_BOOST))),
                );
            }
        }
        self.organization(&joined, &mut expansion, &mut clauses);
        if clauses.len() == 1 {
            return clauses.pop().expect("one clause").1;
        }
        self.expansions.push(expansion);
        Plan::Bool(clauses)
    }

    fn scope(&self, field: &str) -> Scope {
        match field {
            "title" => Scope::Title,
            "body" => Scope::Body,
            "location" => Scope::Facet(Facet::Location),
            "dateline" => Scope::Facet(Facet::Dateline),
            "agency" => Scope::Facet(Facet::Agency),
            "person" => Scope::Facet(Facet::Person),
            "organization" => Scope::Facet(Facet::Organization),
            "section" => Scope::Facet(Facet::Section),
            "kind" => Scope::Raw(Target::Kind),
            "id" => Scope::Raw(Target::Id),
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
    ) -> Option<Plan> {
        match scope {
            Scope::Text => {
                let targets = [(Target::Title, TITLE_BOOST), (Target::Body, 1.0)];
                self.text(text, &targets, true, prefix, slop, negated)
            }
            Scope::Title => self.text(text, &[(Target::Title, 1.0)], false, prefix, slop, negated),
            Scope::Body => self.text(text, &[(Target::Body, 1.0)], false, prefix, slop, negated),
            Scope::Facet(facet) => {
                let value =
                    if facet == Facet::Agency { canonical_agency(text) } else { text.to_string() };
                let toks = first_per_position(&self.positions(NL_FACET, &value));
                let target = Target::Facet(facet);
                let q = if prefix {
                    prefix_query(target, &toks)
                } else {
                    term_or_phrase(target, &toks, 0)
                };
                q.map(|q| Plan::Const(Box::new(q), 1.0))
            }
            Scope::Raw(target) => {
                let term =
                    if target == Target::Kind { text.to_lowercase() } else { text.to_string() };
                Some(Plan::Const(Box::new(Plan::Term { target, term }), 1.0))
            }
        }
    }

    /// A word or phrase over (terms field, boost) pairs, plus compound
    /// parts and name keys when `extras`.
    fn text(
        &mut self,
        text: &str,
        pairs: &[(Target, f32)],
        extras: bool,
        prefix: bool,
        slop: Option<u32>,
        negated: bool,
    ) -> Option<Plan> {
        let exact = first_per_position(&self.positions(NL_EXACT, text));
        let bare = !prefix && slop.is_none();
        let stems = if bare { self.positions(NL_TEXT, text) } else { Vec::new() };
        let single_stems: Vec<String> = match stems.as_slice() {
            [(_, alternatives)] => alternatives.clone(),
            _ => Vec::new(),
        };
        let mut expansion = Expansion {
            input: text.to_string(),
            stems: single_stems.clone(),
            exact: exact.iter().map(|(_, t)| t.clone()).collect(),
            phrase: exact.len() > 1,
            slop: slop.unwrap_or(0),
            negated,
            ..Expansion::default()
        };
        if prefix {
            expansion.prefix = expansion.exact.pop();
        }
        let mut clauses: Clauses = Vec::new();
        expansion.acronym = extras && bare && exact.len() == 1 && is_acronym(text);
        // `OM`, `IS`, `ME`: the lowercase word is a stop word, so only the
        // capitals (and the organisation they stand for) may match.
        let words_too = !(expansion.acronym && is_stopword(&exact[0].1));
        for &(field, boost) in pairs.iter().filter(|_| words_too) {
            let exact_query = if prefix {
                prefix_query(field, &exact)
            } else {
                term_or_phrase(field, &exact, slop.unwrap_or(0))
            };
            let exact_boost = if bare { boost * EXACT_BOOST } else { boost };
            clauses.extend(exact_query.map(|q| (Occur::Should, q.boosted(exact_boost))));
            // A word of several parts is a phrase of the words as written.
            clauses.extend(
                single_stems
                    .iter()
                    .map(|s| (Occur::Should, self.stem_query(field, s).boosted(boost))),
            );
        }
        if extras && bare && exact.len() == 1 {
            self.extras(text, &single_stems, pairs, &mut expansion, &mut clauses);
        }
        if extras && !prefix {
            self.organization(text, &mut expansion, &mut clauses);
        }
        self.expansions.push(expansion);
        (!clauses.is_empty()).then_some(Plan::Bool(clauses))
    }

    /// A curated organisation name or acronym also finds the stories whose
    /// organisation facet has it (`OM` finds `Openbaar Ministerie`), and an
    /// acronym in capitals finds the capitals.
    fn organization(&self, text: &str, expansion: &mut Expansion, clauses: &mut Clauses) {
        if expansion.acronym {
            let key = prefixed(NAME, &acronym_key(text));
            for target in [Target::Title, Target::Body] {
                clauses.push((Occur::Should, term_query(target, &key).boosted(EXACT_BOOST)));
            }
        }
        let Some(name) = organization(text.trim()) else { return };
        let words = first_per_position(&self.positions(NL_FACET, name));
        if let Some(query) = term_or_phrase(Target::Facet(Facet::Organization), &words, 0) {
            clauses.push((Occur::Should, query));
            expansion.organization = Some(name.to_string());
        }
    }

    /// Compound parts, name keys and aliases of a single word, in the
    /// `fields` of the scope.
    fn extras(
        &self,
        text: &str,
        stems: &[String],
        fields: &[(Target, f32)],
        expansion: &mut Expansion,
        clauses: &mut Clauses,
    ) {
        if self.cx.config.compounds {
            expansion.parts = !stems.is_empty();
            for &(field, _) in fields {
                clauses.extend(stems.iter().map(|s| {
                    (Occur::Should, term_query(field, &prefixed(PART, s)).boosted(PARTS_BOOST))
                }));
            }
        }
        if !self.cx.config.names {
            return;
        }
        expansion.aliases = self.cx.aliases.others(text).into_iter().map(String::from).collect();
        let mut keys = vec![name_key(text)];
        for alias in &expansion.aliases {
            keys.push(name_key(alias));
            let words = first_per_position(&self.positions(NL_EXACT, alias));
            for &(field, _) in fields {
                clauses.extend(
                    term_or_phrase(field, &words, 0)
                        .map(|q| (Occur::Should, q.boosted(NAMES_BOOST))),
                );
            }
        }
        keys.retain(|k| !k.is_empty() && !k.contains(' '));
        keys.sort();
        keys.dedup();
        for &(field, _) in fields {
            clauses.extend(keys.iter().map(|k| {
                (Occur::Should, term_query(field, &prefixed(NAME, k)).boosted(NAMES_BOOST))
            }));
        }
        expansion.name_keys = keys;
    }

    /// Stories with a word whose stems include `stem`: the stem term, or
    /// the word itself where a word is its own stem (the index writes a stem
    /// term only where it differs from the word).
    fn stem_query(&self, field: Target, stem: &str) -> Plan {
        let stem_term = term_query(field, &prefixed(STEM, stem));
        let own = self.cx.config.stemmer.with_stems(stem, |stems| stems.iter().any(|s| s == stem));
        if !own {
            return stem_term;
        }
        Plan::Bool(vec![(Occur::Should, stem_term), (Occur::Should, term_query(field, stem))])
    }

    /// Tokens of `text` grouped by position (offsets from the first), each
    /// position with every token the analyzer put there.
    fn positions(&self, analyzer: &str, text: &str) -> Vec<(usize, Vec<String>)> {
        let mut out: Vec<(usize, Vec<String>)> = Vec::new();
        let mut base = None;
        for token in analysis::tokens_with(self.cx.config, analyzer, text) {
            let base = *base.get_or_insert(token.position);
            let offset = token.position - base;
            match out.last_mut() {
                Some((last, alternatives)) if *last == offset => {
                    if !alternatives.contains(&token.text) {
                        alternatives.push(token.text);
                    }
                }
                _ => out.push((offset, vec![token.text])),
            }
        }
        out
    }
}

/// The first token at each position: the part, not the joined form of a
/// hyphenated word.
fn first_per_position(positions: &[(usize, Vec<String>)]) -> Vec<(usize, String)> {
    positions.iter().map(|(offset, alternatives)| (*offset, alternatives[0].clone())).collect()
}

/// Which words of an AND list are stop words to leave out: lowercase
/// stop words, but not capitalised acronyms (`OM`) and not particles that
/// lead to a capitalised word (`van der Plas`). Nothing is left out when
/// only stop words were typed.
fn droppable_stopwords(parts: &[Node]) -> Vec<bool> {
    fn word(n: &Node) -> Option<&str> {
        match n {
            Node::Word { text, prefix: false } => Some(text.as_str()),
            _ => None,
        }
    }
    let mut keep_particle = vec![false; parts.len()];
    for i in (0..parts.len()).rev() {
        let Some(w) = word(&parts[i]) else { continue };
        let next = parts.get(i + 1).and_then(word);
        let next_is_name = next.is_some_and(|n| n.starts_with(char::is_uppercase));
        let next_is_kept = keep_particle.get(i + 1).copied().unwrap_or(false);
        keep_particle[i] =
            PARTICLES.contains(&w.to_lowercase().as_str()) && (next_is_name || next_is_kept);
    }
    let drop: Vec<bool> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            word(p).is_some_and(|w| {
                let acronym = w.chars().count() >= 2
                    && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
                is_stopword(&w.to_lowercase()) && !acronym && !keep_particle[i]
            })
        })
        .collect();
    if drop.iter().all(|d| *d) { vec![false; parts.len()] } else { drop }
}

fn term_query(target: Target, text: &str) -> Plan {
    Plan::Term { target, term: text.to_string() }
}

fn term_or_phrase(target: Target, toks: &[(usize, String)], slop: u32) -> Option<Plan> {
    match toks {
        [] => None,
        [(_, t)] => Some(term_query(target, t)),
        _ => Some(Plan::Phrase { target, terms: toks.to_vec(), slop }),
    }
}

fn prefix_query(target: Target, toks: &[(usize, String)]) -> Option<Plan> {
    (!toks.is_empty()).then(|| Plan::PhrasePrefix { target, terms: toks.to_vec() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse_query;

    fn dropped(query: &str) -> Vec<String> {
        let Node::And(parts) = parse_query(query).unwrap() else { return Vec::new() };
        parts
            .iter()
            .zip(droppable_stopwords(&parts))
            .filter(|(_, d)| *d)
            .map(|(p, _)| match p {
                Node::Word { text, .. } => text.clone(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn stopwords_leave_a_bag_of_words() {
        assert_eq!(dropped("de oorlog in Oekraïne"), ["de", "in"]);
    }

    #[test]
    fn acronyms_and_particles_before_names_stay() {
        assert!(dropped("het OM eist straf").iter().all(|w| w != "OM"));
        assert_eq!(dropped("zei van der Plas"), Vec::<String>::new());
        assert_eq!(
            dropped("de van der Plas"),
            Vec::<String>::new(),
            "`de` leads to `van der Plas` too"
        );
        assert_eq!(dropped("plas van de boer"), ["van", "de"]);
    }

    #[test]
    fn only_stopwords_are_kept() {
        assert!(dropped("de en het").is_empty());
    }

    #[test]
    fn hyphenated_word_becomes_its_parts_in_order() {
        let positions = first_per_position(&[
            (0, vec!["groenlinks".into(), "groenlinkspvda".into()]),
            (1, vec!["pvda".into()]),
        ]);
        assert_eq!(positions, [(0, "groenlinks".to_string()), (1, "pvda".to_string())]);
    }
}
