//! The tagging model: feature weights per tag, tag transition weights, and
//! Viterbi decoding under IOB2 constraints.
//!
//! Owns the model file format (little endian):
//!
//! ```text
//! "NXNER1\n"            magic
//! u32 length + bytes    provenance text (what it was trained on, licence)
//! f32                   scale of the quantised weights
//! [f32; 10 * 9]         transitions: previous tag (0 = sentence start, 1 + tag) → tag
//! u32                   number of features
//! per feature: u32 id, [i16; 9] weights × scale
//! ```
//!
//! Feature ids are the low 32 bits of the feature hashes; weights are
//! rounded to 16 bits, which keeps the embedded model small (a few MB).

use rustc_hash::FxHashMap;

use super::tags::{TAGS, Tag};

const MAGIC: &[u8] = b"NXNER1\n";

/// Weights of a trained model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Feature id → weight per tag.
    pub weights: FxHashMap<u32, [f32; TAGS]>,
    /// Previous tag (0 = start, 1 + tag) → tag.
    pub transitions: [[f32; TAGS]; TAGS + 1],
    /// What it was trained on, under which licence.
    pub provenance: String,
}

/// Why model bytes cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a newsidx NER model: {0}")]
pub struct ModelError(pub String);

/// The id a feature hash is stored under.
pub fn feature_id(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

impl Model {
    /// Scores of each tag for one token's features.
    pub fn scores(&self, features: &[u64]) -> [f32; TAGS] {
        let mut scores = [0f32; TAGS];
        for &f in features {
            if let Some(w) = self.weights.get(&feature_id(f)) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        scores
    }

    /// The best tag sequence for a sentence, given each token's features.
    pub fn decode(&self, sentence: &[Vec<u64>]) -> Vec<Tag> {
        self.decode_between(sentence, None, None)
    }

    /// The best tag sequence for a stretch of a sentence between the tags
    /// `previous` and `next` (`None` at the sentence's ends).
    pub fn decode_between(
        &self,
        tokens: &[Vec<u64>],
        previous: Option<Tag>,
        next: Option<Tag>,
    ) -> Vec<Tag> {
        let emissions: Vec<[f32; TAGS]> = tokens.iter().map(|f| self.scores(f)).collect();
        viterbi_between(&emissions, &self.transitions, previous, next)
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.values().flatten().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let mut out = Vec::with_capacity(16 + self.weights.len() * (4 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.provenance.len() as u32).to_le_bytes());
        out.extend_from_slice(self.provenance.as_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut ids: Vec<&u32> = self.weights.keys().collect();
        ids.sort();
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for id in ids {
            out.extend_from_slice(&id.to_le_bytes());
            for w in &self.weights[id] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    ///
    /// # Errors
    /// The bytes are not a model (wrong magic, truncated).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("wrong header".into()));
        }
        let len = r.u32()? as usize;
        let provenance = String::from_utf8_lossy(r.take(len)?).into_owned();
        let scale = r.f32()?;
        let mut transitions = [[0f32; TAGS]; TAGS + 1];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        let count = r.u32()? as usize;
        // Bounded by the bytes that are there before anything is allocated:
        // a damaged or hostile header must not ask for gigabytes.
        let record = 4 + 2 * TAGS;
        if count.checked_mul(record).is_none_or(|need| need > r.bytes.len() - r.at) {
            return Err(ModelError(format!(
                "the header announces {count} features, but the file holds at most {}",
                (r.bytes.len() - r.at) / record
            )));
        }
        let mut weights = FxHashMap::default();
        weights.reserve(count);
        for _ in 0..count {
            let id = r.u32()?;
            let mut row = [0f32; TAGS];
            for w in &mut row {
                *w = f32::from(r.i16()?) * scale;
            }
            weights.insert(id, row);
        }
        Ok(Model { weights, transitions, provenance })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| ModelError("truncated".into()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
}

/// Best tag path under IOB2 constraints (`I-X` only after `B-X`/`I-X`).
pub fn viterbi(emissions: &[[f32; TAGS]], transitions: &[[f32; TAGS]; TAGS + 1]) -> Vec<Tag> {
    viterbi_between(emissions, transitions, None, None)
}

/// [`viterbi`] for a stretch of a sentence that follows the tag `previous`
/// (`None` at the sentence start) and is followed by the tag `next`
/// (`None` at the sentence end), so that the stretch is decoded as it
/// would be inside the whole sentence with those neighbours.
pub fn viterbi_between(
    emissions: &[[f32; TAGS]],
    transitions: &[[f32; TAGS]; TAGS + 1],
    previous: Option<Tag>,
    next: Option<Tag>,
) -> Vec<Tag> {
    if emissions.is_empty() {
        return Vec::new();
    }
    let start = previous.map_or(0, |p| 1 + usize::from(p.0));
    let mut score = [f32::NEG_INFINITY; TAGS];
    for t in 0..TAGS {
        if Tag(t as u8).may_follow(previous) {
            score[t] = transitions[start][t] + emissions[0][t];
        }
    }
    let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(emissions.len());
    back.push([0; TAGS]);
    for emission in &emissions[1..] {
        let mut next = [f32::NEG_INFINITY; TAGS];
        let mut from = [0u8; TAGS];
        for t in 0..TAGS {
            for p in 0..TAGS {
                if score[p] == f32::NEG_INFINITY || !Tag(t as u8).may_follow(Some(Tag(p as u8))) {
                    continue;
                }
                let s = score[p] + transitions[p + 1][t];
                if s > next[t] {
                    next[t] = s;
                    from[t] = p as u8;
                }
            }
            next[t] += emission[t];
        }
        score = next;
        back.push(from);
    }
    if let Some(next) = next {
        for (t, s) in score.iter_mut().enumerate() {
            if next.may_follow(Some(Tag(t as u8))) {
                *s += transitions[t + 1][usize::from(next.0)];
            } else {
                *s = f32::NEG_INFINITY;
            }
        }
    }
    let mut best = (0..TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap_or(0) as u8;
    let mut path = vec![Tag::O; emissions.len()];
    for i in (0..emissions.len()).rev() {
        path[i] = Tag(best);
        best = back[i][best as usize];
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_a_name_with_i() {
        let mut emissions = [[0f32; TAGS]; 2];
        emissions[0][Tag::parse("I-PER").unwrap().0 as usize] = 5.0;
        emissions[1][Tag::parse("I-PER").unwrap().0 as usize] = 5.0;
        let path = viterbi(&emissions, &[[0.0; TAGS]; TAGS + 1]);
        assert_ne!(path[0], Tag::parse("I-PER").unwrap());
    }

    #[test]
    fn bytes_round_trip_with_small_rounding() {
        let mut model = Model { provenance: "test".into(), ..Model::default() };
        model.weights.insert(7, [0.5, -1.25, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        model.transitions[0][1] = 0.75;
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back.provenance, "test");
        assert!((back.weights[&7][1] + 1.25).abs() < 1e-3);
        assert_eq!(back.transitions[0][1], 0.75);
        assert!(Model::from_bytes(b"NXNER1\n\x01").is_err());
    }
}
