//! Splitting Dutch compounds into their parts.
//!
//! Owns the decompounder. Dutch writes compounds as one word
//! (`vluchtelingenkamp`, `droneaanval`, `luchtverdedigingssystemen`); a
//! query for `kamp`, `drone` or `luchtverdediging` should find them. The
//! parts go to their own low-weight field; the whole word stays in the text
//! fields, so it still matches exactly and ranks higher.
//!
//! The dictionary is learned from the corpus: every word that occurs on its
//! own in the pages being indexed counts (a plural counts for its singular:
//! `drones` makes `drone` a word), on top of a base lexicon
//! (`data/lexicon.txt`, Snowball's Dutch vocabulary) that lets a small
//! corpus split words whose parts it never uses alone. A word splits as
//! *modifier* + linking morpheme (`-s-`, `-en-`, `-e-` or none) + *head*,
//! where both sides are dictionary words or split further (three levels at
//! most); among the splits the one whose parts are most frequent wins
//! (Koehn & Knight 2003). Guards against false splits:
//! - words shorter than 7 letters are never split (`oorlog` ≠ `oor+log`);
//! - parts of three letters only from a short list (`gas`, `zee`, `wet`…);
//! - prefixes, suffixes and stop words are never parts (`aan+val`,
//!   `veilig+heid`, `ver+klaring`);
//! - `data/compound_blocklist.txt` lists compounds whose parts mislead
//!   (`schietpartij`, `rechtbank`, `Zeeland`);
//! - a known place splits only when its first part is a place itself
//!   (`Gazastrook` = `Gaza` + `strook`, but `Rotterdam` stays whole); the
//!   caller says what a place is.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::stopwords::is_stopword;

static BASE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_words(include_str!("data/lexicon.txt")));
static BLOCKED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_words(include_str!("data/compound_blocklist.txt")));

fn data_words(text: &'static str) -> HashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Linking morphemes between modifier and head; none first, so that on a
/// tie the modifier keeps its written form (`vluchtelingen+kamp`).
const LINKERS: &[&str] = &["", "en", "s", "e"];

/// Prefixes and suffixes that are not parts of a compound.
const BOUND: &[&str] = &[
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe", "uit",
    "voor", "ver", "be", "ont", "her", "ge", "mis", "tegen", "heid", "heden", "ing", "ingen",
    "lijk", "lijke", "isch", "ische", "baar", "bare", "schap", "ster", "sters", "tje", "tjes",
    "achtig", "loos", "zaam", "erij", "ling", "lingen", "ig", "ige", "ter", "tie", "ties", "ist",
    "isten", "eren", "aal", "ief", "ieve",
];

/// Three-letter words allowed as parts (`gas+prijs`, `zee+spiegel`,
/// `grond+wet`); other three-letter words are too often accidents.
const SHORT_PARTS: &[&str] = &[
    "gas", "zee", "wet", "bos", "lid", "hof", "ijs", "oog", "kop", "weg", "dag", "bal", "dak",
    "dam", "dek", "eed", "kas", "kat", "lam", "les", "lot", "mes", "net", "pad", "pak", "pen",
    "pot", "rol", "tol", "vat", "vis", "wal", "wol", "zon", "bus", "vee", "tas", "tax", "oom",
    "top",
];

/// Plural endings: a word counts as known when its plural is.
const PLURALS: &[&str] = &["s", "en"];

/// Shortest word that may be split, in characters.
const MIN_COMPOUND: usize = 7;
const MAX_DEPTH: usize = 3;

/// A decompounder with its dictionary.
#[derive(Debug, Clone)]
pub struct Decompounder {
    counts: HashMap<String, u32>,
    /// Tells this decompounder's entries apart in the per-thread cache.
    id: u64,
}

impl Default for Decompounder {
    /// A decompounder with the base lexicon only.
    fn default() -> Self {
        Decompounder::new(HashMap::new())
    }
}

/// Splits remembered per thread before the cache starts over.
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    /// (decompounder id, word) → split. Words repeat: a build splits each
    /// distinct long word once per thread instead of at every occurrence.
    static SPLITS: std::cell::RefCell<(u64, HashMap<String, Option<Vec<String>>>)> = std::cell::RefCell::default();
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Decompounder {
    /// A decompounder whose dictionary is the base lexicon plus `counts`
    /// (folded lowercase word → number of times it occurs on its own).
    pub fn new(counts: HashMap<String, u32>) -> Decompounder {
        Decompounder { counts, id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) }
    }

    /// How often `word` occurs on its own, plus one if the base lexicon
    /// has it; 0 for words that are not parts.
    fn frequency(&self, word: &str) -> u32 {
        let len = word.chars().count();
        if len < 3
            || (len == 3 && !SHORT_PARTS.contains(&word))
            || BOUND.contains(&word)
            || is_stopword(word)
        {
            return 0;
        }
        let in_corpus = |w: &str| self.counts.get(w).copied().unwrap_or(0);
        // A plural in the corpus proves the singular (`drones` → `drone`);
        // not from the base lexicon, whose verb forms would make `verkie`
        // (`verkies`) and `rege` (`regen`) words.
        let plurals: u32 = if len >= 4 {
            PLURALS.iter().map(|p| in_corpus(&format!("{word}{p}"))).sum()
        } else {
            0
        };
        in_corpus(word) + u32::from(BASE.contains(word)) + plurals
    }

    /// The parts of a folded, lowercase word, or `None` when it does not
    /// split. For `a+b+c` it returns every meaningful part:
    /// `luchtverdedigingssystemen` → `luchtverdediging`, `systemen`,
    /// `lucht`, `verdediging`.
    ///
    /// `is_place` says whether a word is a known place name.
    pub fn split(&self, word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        if word.chars().count() < MIN_COMPOUND {
            return None;
        }
        SPLITS.with_borrow_mut(|(id, cache)| {
            if *id != self.id || cache.len() >= CACHE_LIMIT {
                *id = self.id;
                cache.clear();
            }
            if let Some(split) = cache.get(word) {
                return split.clone();
            }
            let split = self.split_uncached(word, is_place);
            cache.insert(word.to_string(), split.clone());
            split
        })
    }

    fn split_uncached(&self, word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        if BLOCKED.contains(word) {
            return None;
        }
        let (_, parts) = self.best_split(word, 0)?;
        let place = is_place(word);
        if place && !parts.first().is_some_and(|first| is_place(first)) {
            return None;
        }
        Some(parts)
    }

    /// The best split of `word` with its score.
    fn best_split(&self, word: &str, depth: usize) -> Option<(f64, Vec<String>)> {
        if depth >= MAX_DEPTH || word.chars().count() < MIN_COMPOUND {
            return None;
        }
        let mut best: Option<(f64, Vec<String>)> = None;
        for (i, _) in word.char_indices().skip(3) {
            let (left, head) = word.split_at(i);
            if head.chars().count() < 3 {
                break;
            }
            for linker in LINKERS {
                let Some(modifier) = left.strip_suffix(linker) else { continue };
                let Some(candidate) = self.pair(modifier, head, depth) else { continue };
                if best.as_ref().is_none_or(|(score, _)| candidate.0 > *score) {
                    best = Some(candidate);
                }
            }
        }
        best
    }

    /// Score and parts of `modifier` + `head`, each a word or a compound.
    fn pair(&self, modifier: &str, head: &str, depth: usize) -> Option<(f64, Vec<String>)> {
        let (m_score, m_parts) = self.segment(modifier, depth)?;
        let (h_score, h_parts) = self.segment(head, depth)?;
        let mut parts = vec![modifier.to_string(), head.to_string()];
        parts.extend(m_parts.into_iter().chain(h_parts).filter(|p| p != modifier && p != head));
        Some(((m_score * h_score).sqrt(), parts))
    }

    /// A dictionary word (its frequency), or a compound (half its parts'
    /// score, so a plain word beats an equally good split).
    fn segment(&self, segment: &str, depth: usize) -> Option<(f64, Vec<String>)> {
        let frequency = self.frequency(segment);
        if frequency > 0 {
            return Some((f64::from(frequency), Vec::new()));
        }
        if BLOCKED.contains(segment) {
            return None;
        }
        self.best_split(segment, depth + 1).map(|(score, parts)| (score / 2.0, parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitter() -> Decompounder {
        let counts = ["vluchtelingen", "drone", "mazelen", "gevallen", "systemen"]
            .map(|w| (w.to_string(), 3));
        Decompounder::new(counts.into_iter().collect())
    }

    fn parts(word: &str) -> Option<Vec<String>> {
        splitter().split(word, &|w| ["gaza", "gazastrook", "zeeland", "rotterdam"].contains(&w))
    }

    fn has(word: &str, part: &str) -> bool {
        parts(word).is_some_and(|p| p.iter().any(|x| x == part))
    }

    #[test]
    fn linking_morphemes() {
        assert!(has("vluchtelingenkamp", "kamp") && has("vluchtelingenkamp", "vluchtelingen"));
        assert!(has("kabinetsoverleg", "kabinet") && has("kabinetsoverleg", "overleg"));
        assert!(has("zonnepanelen", "panelen"));
    }

    #[test]
    fn corpus_words_make_new_compounds_split() {
        assert!(has("droneaanval", "drone"));
        assert!(has("mazelengevallen", "mazelen"));
        let without_corpus = Decompounder::default().split("droneaanval", &|_| false);
        assert!(
            !without_corpus.is_some_and(|p| p.iter().any(|x| x == "drone")),
            "drone is not in the base lexicon"
        );
    }

    #[test]
    fn three_part_compounds_give_every_level() {
        let p = parts("luchtverdedigingssystemen").unwrap();
        for part in ["luchtverdediging", "systemen", "lucht", "verdediging"] {
            assert!(p.iter().any(|x| x == part), "{part} missing from {p:?}");
        }
    }

    #[test]
    fn guards_against_false_splits() {
        for word in
            ["schietpartij", "rechtbank", "aanval", "veiligheid", "oorlog", "verklaring", "bestuur"]
        {
            assert_eq!(parts(word), None, "{word}");
        }
    }

    #[test]
    fn places_split_only_after_a_place() {
        assert!(has("gazastrook", "gaza"));
        assert_eq!(parts("zeeland"), None);
        assert_eq!(parts("rotterdam"), None);
    }
}
