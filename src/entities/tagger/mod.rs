//! A trained sequence tagger for persons, places, organisations and other
//! names (version 2 of entity extraction).
//!
//! Owns the statistical model: CoNLL reading ([`conll`]), tags and spans
//! ([`tags`]), features ([`features`]), the model and Viterbi decoding
//! ([`model`]), training ([`train`]) and scoring ([`score`]), and the rules
//! applied to its tags after decoding (`rules`).
//!
//! Tagging runs in two passes (Krishnan & Manning 2006): the first model
//! tags the article; the second sees, for every word, which kinds the
//! first pass gave it anywhere in the article, so a name tagged once with
//! confidence helps its other mentions (`Arinso` at a sentence start).

pub mod conll;
pub mod features;
pub mod model;
mod rules;
pub mod score;
pub mod tags;
pub mod tokenize;
pub mod train;

pub use conll::{Document, Sentence};
pub use model::Model;
pub use score::Score;
pub use tags::{Kind, Span, Tag};

use features::{ArticleFacts, SentenceView, add_tagged_features, sentence_features, word_id};
use rustc_hash::FxHashMap;

/// A two-pass tagger: the first pass's tags are features of the second.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    /// First pass.
    pub first: Model,
    /// Second pass (with the first pass's tags per word of the article).
    pub second: Model,
}

impl Tagger {
    /// Tags every sentence of an article. Only the windows that can hold
    /// a name ([`SentenceView::windows`]) are decoded; the rest is `O`.
    pub fn tag(&self, doc: &[Vec<String>]) -> Vec<Vec<Tag>> {
        let views: Vec<SentenceView> = doc.iter().map(|s| SentenceView::new(s)).collect();
        let mut facts = ArticleFacts::new(doc.iter().map(Vec::as_slice));
        let mut windows: Vec<Vec<Window>> = Vec::with_capacity(doc.len());
        let mut first = Vec::with_capacity(doc.len());
        for view in &views {
            let mut tags = vec![Tag::O; view.len()];
            let found: Vec<Window> = view
                .windows()
                .into_iter()
                .map(|range| {
                    let features: Vec<Vec<u64>> =
                        range.clone().map(|i| view.features(i, &facts)).collect();
                    Window { range, features }
                })
                .collect();
            for w in &found {
                w.decode(&self.first, &mut tags);
            }
            windows.push(found);
            first.push(tags);
        }
        facts.tagged = kinds_by_word(doc, &first);
        let mut out = Vec::with_capacity(doc.len());
        for ((view, found), tokens) in views.iter().zip(&mut windows).zip(doc) {
            let mut tags = vec![Tag::O; view.len()];
            for w in found.iter_mut() {
                for (i, f) in w.range.clone().zip(&mut w.features) {
                    add_tagged_features(f, view, i, &facts);
                }
                w.decode(&self.second, &mut tags);
            }
            rules::unmark_chess_moves(tokens, &mut tags);
            rules::mark_country_codes(tokens, &mut tags);
            rules::mark_athletes_before_country_codes(tokens, &mut tags);
            rules::mark_country_abbreviations(tokens, &mut tags);
            rules::widen_to_curated_organisations(tokens, &mut tags);
            out.push(tags);
        }
        rules::mark_short_person_mentions(doc, &mut out);
        out
    }

    /// Both models, one after the other.
    pub fn to_bytes(&self) -> Vec<u8> {
        let first = self.first.to_bytes();
        let mut out = (first.len() as u64).to_le_bytes().to_vec();
        out.extend(first);
        out.extend(self.second.to_bytes());
        out
    }

    /// Reads [`Tagger::to_bytes`].
    ///
    /// # Errors
    /// The bytes are not a tagger.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, model::ModelError> {
        let truncated = || model::ModelError("truncated".into());
        let len =
            u64::from_le_bytes(bytes.get(..8).ok_or_else(truncated)?.try_into().expect("8 bytes"));
        let split = usize::try_from(len)
            .ok()
            .and_then(|l| l.checked_add(8))
            .filter(|&e| e <= bytes.len())
            .ok_or_else(truncated)?;
        Ok(Tagger {
            first: Model::from_bytes(&bytes[8..split])?,
            second: Model::from_bytes(&bytes[split..])?,
        })
    }
}

/// A stretch of a sentence that can hold a name, with its tokens'
/// features.
struct Window {
    range: std::ops::Range<usize>,
    features: Vec<Vec<u64>>,
}

impl Window {
    /// Decodes the window as part of its sentence: the tokens around it
    /// are `O`.
    fn decode(&self, model: &Model, tags: &mut [Tag]) {
        let previous = (self.range.start > 0).then_some(Tag::O);
        let next = (self.range.end < tags.len()).then_some(Tag::O);
        let found = model.decode_between(&self.features, previous, next);
        tags[self.range.clone()].copy_from_slice(&found);
    }
}

fn tag_with(model: &Model, doc: &[Vec<String>], facts: &ArticleFacts) -> Vec<Vec<Tag>> {
    doc.iter().map(|tokens| model.decode(&sentence_features(tokens, facts))).collect()
}

/// Word ([`word_id`]) of a capitalised token → the kinds of the names it
/// was tagged inside.
pub fn kinds_by_word(doc: &[Vec<String>], tags: &[Vec<Tag>]) -> FxHashMap<u64, Vec<Kind>> {
    let mut out: FxHashMap<u64, Vec<Kind>> = FxHashMap::default();
    for (tokens, tags) in doc.iter().zip(tags) {
        for span in tags::spans(tags) {
            for token in
                tokens[span.start..span.end].iter().filter(|t| t.starts_with(char::is_uppercase))
            {
                let kinds = out.entry(word_id(token)).or_default();
                if !kinds.contains(&span.kind) {
                    kinds.push(span.kind);
                }
            }
        }
    }
    out
}

/// Trains a two-pass tagger. The second pass learns from first-pass tags
/// made by models that did not see the article (k-fold jackknife), so that
/// it learns how much to trust them.
pub fn train_tagger(
    docs: &[Document],
    config: &train::TrainConfig,
    folds: usize,
    provenance: &str,
) -> Tagger {
    let first = train::train(
        &train::examples(docs, train::casing_facts),
        config,
        format!("{provenance} (first pass)"),
    );
    let folds = folds.clamp(2, docs.len().max(2));
    let mut tagged: Vec<FxHashMap<u64, Vec<Kind>>> = vec![Default::default(); docs.len()];
    for fold in 0..folds {
        let held_out: Vec<usize> = (0..docs.len()).filter(|d| d % folds == fold).collect();
        let rest: Vec<Document> =
            (0..docs.len()).filter(|d| d % folds != fold).map(|d| docs[d].clone()).collect();
        let model =
            train::train(&train::examples(&rest, train::casing_facts), config, String::new());
        for &d in &held_out {
            let tokens: Vec<Vec<String>> = docs[d].iter().map(|s| s.tokens.clone()).collect();
            let facts = ArticleFacts::new(tokens.iter().map(Vec::as_slice));
            tagged[d] = kinds_by_word(&tokens, &tag_with(&model, &tokens, &facts));
        }
    }
    let second_examples = train::examples(docs, |d, doc| {
        let mut facts = train::casing_facts(d, doc);
        facts.tagged = std::mem::take(&mut tagged[d].clone());
        facts
    });
    let second = train::train(&second_examples, config, format!("{provenance} (second pass)"));
    Tagger { first, second }
}

/// Tags every sentence of a document with one model.
pub fn tag_document(model: &Model, doc: &[Vec<String>]) -> Vec<Vec<Tag>> {
    let facts = ArticleFacts::new(doc.iter().map(Vec::as_slice));
    tag_with(model, doc, &facts)
}

/// Scores a two-pass tagger on gold documents.
pub fn evaluate_tagger(tagger: &Tagger, docs: &[Document]) -> Score {
    let mut score = Score::default();
    for doc in docs {
        let tokens: Vec<Vec<String>> = doc.iter().map(|s| s.tokens.clone()).collect();
        for (sentence, predicted) in doc.iter().zip(tagger.tag(&tokens)) {
            score.add(&sentence.tags, &predicted);
        }
    }
    score
}

/// Scores `model` on gold documents.
pub fn evaluate(model: &Model, docs: &[Document]) -> Score {
    let mut score = Score::default();
    for doc in docs {
        let tokens: Vec<Vec<String>> = doc.iter().map(|s| s.tokens.clone()).collect();
        for (sentence, predicted) in doc.iter().zip(tag_document(model, &tokens)) {
            score.add(&sentence.tags, &predicted);
        }
    }
    score
}
