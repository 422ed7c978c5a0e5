//! Training: a structured averaged perceptron (Collins 2002).
//!
//! Owns learning [`Model`] weights from tagged documents: for each
//! sentence, decode with the current weights; where the best path differs
//! from the gold one, add the gold path's features and transitions and
//! subtract the predicted ones. The final weights are the average over all
//! updates (the usual "lazy averaging" bookkeeping), which generalises far
//! better than the last weights. Sentences are visited in a shuffled order
//! that depends only on the seed, so training is repeatable.

use rustc_hash::FxHashMap;

use super::conll::Document;
use super::features::{ArticleFacts, sentence_features};
use super::model::{Model, feature_id, viterbi};
use super::tags::{TAGS, Tag};

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed (of the first run).
    pub seed: u64,
    /// Runs whose weights are averaged, with seeds `seed`, `seed + 1`, ….
    pub runs: usize,
}

/// A sentence ready for training: feature ids per token and gold tags.
pub struct Example {
    features: Vec<Vec<u32>>,
    gold: Vec<Tag>,
}

/// Turns documents into examples. `facts` may add per-document facts (the
/// second pass's first-pass tags); by default the article's own casing.
pub fn examples(
    docs: &[Document],
    facts: impl Fn(usize, &Document) -> ArticleFacts,
) -> Vec<Example> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let facts = facts(d, doc);
        for sentence in doc {
            let features = sentence_features(&sentence.tokens, &facts)
                .into_iter()
                .map(|f| f.into_iter().map(feature_id).collect())
                .collect();
            out.push(Example { features, gold: sentence.tags.clone() });
        }
    }
    out
}

/// Article facts from the article's own text.
pub fn casing_facts(_: usize, doc: &Document) -> ArticleFacts {
    ArticleFacts::new(doc.iter().map(|s| s.tokens.as_slice()))
}

struct Weights {
    now: FxHashMap<u32, [f32; TAGS]>,
    /// Σ (update step × change), for averaging.
    sum: FxHashMap<u32, [f32; TAGS]>,
    transitions: [[f32; TAGS]; TAGS + 1],
    transitions_sum: [[f32; TAGS]; TAGS + 1],
    step: f32,
}

impl Weights {
    fn emissions(&self, features: &[Vec<u32>]) -> Vec<[f32; TAGS]> {
        features
            .iter()
            .map(|fs| {
                let mut s = [0f32; TAGS];
                for f in fs {
                    if let Some(w) = self.now.get(f) {
                        for (a, b) in s.iter_mut().zip(w) {
                            *a += b;
                        }
                    }
                }
                s
            })
            .collect()
    }

    fn update(&mut self, example: &Example, predicted: &[Tag]) {
        let step = self.step;
        for (i, (gold, guess)) in example.gold.iter().zip(predicted).enumerate() {
            let previous = |tags: &[Tag]| if i == 0 { 0 } else { 1 + usize::from(tags[i - 1].0) };
            let (pg, pp) = (previous(&example.gold), previous(predicted));
            if gold != guess {
                for &f in &example.features[i] {
                    let w = self.now.entry(f).or_insert([0.0; TAGS]);
                    w[usize::from(gold.0)] += 1.0;
                    w[usize::from(guess.0)] -= 1.0;
                    let s = self.sum.entry(f).or_insert([0.0; TAGS]);
                    s[usize::from(gold.0)] += step;
                    s[usize::from(guess.0)] -= step;
                }
            }
            if gold != guess || pg != pp {
                self.transitions[pg][usize::from(gold.0)] += 1.0;
                self.transitions[pp][usize::from(guess.0)] -= 1.0;
                self.transitions_sum[pg][usize::from(gold.0)] += step;
                self.transitions_sum[pp][usize::from(guess.0)] -= step;
            }
        }
    }

    /// Averaged weights: w − Σ/steps.
    fn average(self) -> Model {
        let step = self.step.max(1.0);
        let mut weights = FxHashMap::default();
        for (f, w) in self.now {
            let s = self.sum.get(&f).copied().unwrap_or([0.0; TAGS]);
            let avg: [f32; TAGS] = std::array::from_fn(|t| w[t] - s[t] / step);
            if avg.iter().any(|x| x.abs() > 1e-3) {
                weights.insert(f, avg);
            }
        }
        let mut transitions = self.transitions;
        for (row, sums) in transitions.iter_mut().zip(&self.transitions_sum) {
            for (w, s) in row.iter_mut().zip(sums) {
                *w -= s / step;
            }
        }
        Model { weights, transitions, provenance: String::new() }
    }
}

/// Trains a model on `examples`: the average of `config.runs` perceptrons
/// that visit the sentences in different orders. One run's weights depend
/// on its order (a seed moves F1 by a point or more); their average is
/// still one linear model, so tagging costs the same.
pub fn train(examples: &[Example], config: &TrainConfig, provenance: String) -> Model {
    let runs = config.runs.max(1);
    let mut models = (0..runs as u64).map(|r| train_run(examples, config.epochs, config.seed + r));
    let first = models.next().expect("at least one run");
    let mut model = models.fold(first, |mut sum, next| {
        for (f, w) in next.weights {
            let s = sum.weights.entry(f).or_insert([0.0; TAGS]);
            s.iter_mut().zip(w).for_each(|(a, b)| *a += b);
        }
        for (row, next) in sum.transitions.iter_mut().zip(next.transitions) {
            row.iter_mut().zip(next).for_each(|(a, b)| *a += b);
        }
        sum
    });
    let n = runs as f32;
    model.weights.values_mut().flatten().for_each(|w| *w /= n);
    model.transitions.iter_mut().flatten().for_each(|w| *w /= n);
    model.weights.retain(|_, w| w.iter().any(|x| x.abs() > 1e-3));
    model.provenance = provenance;
    model
}

/// One averaged perceptron over `epochs` passes in the order of `seed`.
fn train_run(examples: &[Example], epochs: usize, seed: u64) -> Model {
    let mut weights = Weights {
        now: FxHashMap::default(),
        sum: FxHashMap::default(),
        transitions: [[0.0; TAGS]; TAGS + 1],
        transitions_sum: [[0.0; TAGS]; TAGS + 1],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let example = &examples[i];
            let predicted = viterbi(&weights.emissions(&example.features), &weights.transitions);
            if predicted != example.gold {
                weights.update(example, &predicted);
            }
            weights.step += 1.0;
        }
    }
    weights.average()
}

fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let j = ((*state >> 33) as usize) % (i + 1);
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::conll;

    const TEXT: &str = "-DOCSTART- -DOCSTART- O\nPoetin B-PER\nbezocht O\nMoskou B-LOC\n. O\n\n\
        De O\nNAVO B-ORG\nvergaderde O\nin O\nBrussel B-LOC\n. O\n\n\
        Mark B-PER\nRutte I-PER\nsprak O\nmet O\nde O\nVVD B-ORG\n. O\n\n\
        In O\nAntwerpen B-LOC\nwon O\nAnderlecht B-ORG\nvan O\nClub B-ORG\nBrugge I-ORG\n. O\n";

    fn weight(model: &Model, feature: u32) -> [f32; TAGS] {
        model.weights.get(&feature).copied().unwrap_or([0.0; TAGS])
    }

    #[test]
    fn runs_are_averaged_into_one_model() {
        let docs = conll::read(TEXT).unwrap();
        let examples = examples(&docs, casing_facts);
        let config = |seed, runs| TrainConfig { epochs: 3, seed, runs };
        let one = train(&examples, &config(1, 1), String::new());
        let two = train(&examples, &config(2, 1), String::new());
        let both = train(&examples, &config(1, 2), "both".into());
        assert_eq!(both.provenance, "both");
        let mut differ = false;
        for f in one.weights.keys().chain(two.weights.keys()).chain(both.weights.keys()) {
            let (a, b, m) = (weight(&one, *f), weight(&two, *f), weight(&both, *f));
            differ |= a.iter().zip(&b).any(|(x, y)| (x - y).abs() > 1e-3);
            for t in 0..TAGS {
                assert!((m[t] - (a[t] + b[t]) / 2.0).abs() < 2e-3, "feature {f}, tag {t}");
            }
        }
        assert!(differ, "the seeds must give different runs for the test to mean anything");
        for (row, (r1, r2)) in
            both.transitions.iter().zip(one.transitions.iter().zip(&two.transitions))
        {
            for (m, (a, b)) in row.iter().zip(r1.iter().zip(r2)) {
                assert!((m - (a + b) / 2.0).abs() < 1e-4);
            }
        }
    }
}
