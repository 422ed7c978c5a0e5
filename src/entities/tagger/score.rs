//! Chunk-level precision, recall and F1 per entity type, as CoNLL's
//! `conlleval` computes them: a name counts when its span and type match
//! exactly.

use std::collections::BTreeMap;

use serde::Serialize;

use super::tags::{Kind, Tag, spans};

/// Counts for one type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Names found that are right.
    pub correct: u64,
    /// Names found.
    pub found: u64,
    /// Names in the gold data.
    pub gold: u64,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.found)
    }

    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn percent(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

/// Scores of a test run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    /// Per type.
    pub by_kind: BTreeMap<Kind, Counts>,
}

impl Score {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let gold = spans(gold);
        let found = spans(predicted);
        for span in &gold {
            self.by_kind.entry(span.kind).or_default().gold += 1;
        }
        for span in &found {
            let counts = self.by_kind.entry(span.kind).or_default();
            counts.found += 1;
            if gold.contains(span) {
                counts.correct += 1;
            }
        }
    }

    /// Counts over `kinds` together (micro average).
    pub fn total(&self, kinds: &[Kind]) -> Counts {
        let mut all = Counts::default();
        for kind in kinds {
            let c = self.by_kind.get(kind).copied().unwrap_or_default();
            all.correct += c.correct;
            all.found += c.found;
            all.gold += c.gold;
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_and_types_count() {
        let t = |s: &str| Tag::parse(s).unwrap();
        let mut score = Score::default();
        score.add(
            &[t("B-PER"), t("I-PER"), t("O"), t("B-LOC")],
            &[t("B-PER"), t("O"), t("O"), t("B-LOC")],
        );
        let per = score.by_kind[&Kind::Per];
        assert_eq!((per.correct, per.found, per.gold), (0, 1, 1));
        assert_eq!(score.by_kind[&Kind::Loc].f1(), 100.0);
        assert_eq!(score.total(&[Kind::Per, Kind::Loc]).f1(), 50.0);
    }
}
