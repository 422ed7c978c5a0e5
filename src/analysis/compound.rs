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
//! corpus split words whose parts it never uses alone. A word splits into
//! two to four dictionary words joined by linking morphemes (`-s-`, `-en-`,
//! `-e-` or none); among the splits the one whose parts have the highest
//! geometric-mean frequency wins, halved for every part beyond two (Koehn &
//! Knight 2003). A dynamic program over the word's spans finds it in
//! O(length²). Guards against false splits:
//! - words shorter than 7 letters are never split (`oorlog` ≠ `oor+log`);
//! - parts of three letters only from a short list (`gas`, `zee`, `wet`…);
//! - prefixes, suffixes and stop words are never parts (`aan+val`,
//!   `veilig+heid`, `ver+klaring`);
//! - `data/compound_blocklist.txt` lists compounds whose parts mislead
//!   (`schietpartij`, `rechtbank`, `Zeeland`);
//! - a known place splits only when its first part is a place itself
//!   (`Gazastrook` = `Gaza` + `strook`, but `Rotterdam` stays whole); the
//!   caller says what a place is.
//!
//! The dictionary holds 64-bit hashes of the words, not the words: it is
//! the largest table of a build (every distinct word of the corpus) and is
//! probed for every span of every long word.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::stopwords::is_stopword;
use crate::memo::Memo;

static BASE: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| data_words(include_str!("data/lexicon.txt")));
static BLOCKED: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| data_words(include_str!("data/compound_blocklist.txt")));

fn data_words(text: &'static str) -> FxHashSet<&'static str> {
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
/// Most parts in one compound.
const MAX_PARTS: usize = 4;
/// Longest part, in bytes (`samenwerkingsorganisatie` is 24).
const MAX_PART: usize = 24;

/// Word counts as the decompounder's dictionary takes them: keyed by a
/// 64-bit hash of the word, each plural's count also credited to its
/// singular (a plural in the corpus proves the singular: `drones` →
/// `drone`).
#[derive(Debug, Default, Clone)]
pub struct WordCounts(FxHashMap<u64, u32>);

impl WordCounts {
    /// Counts `count` more stand-alone uses of a folded, lowercase word.
    pub fn add(&mut self, word: &str, count: u32) {
        for suffix in PLURALS {
            if let Some(singular) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 4) {
                self.bump(word_key(singular), count);
            }
        }
        self.bump(word_key(word), count);
    }

    fn bump(&mut self, key: u64, count: u32) {
        let n = self.0.entry(key).or_default();
        *n = n.saturating_add(count);
    }

    /// Both tables' counts together.
    pub fn merge(mut self, mut other: WordCounts) -> WordCounts {
        if self.0.len() < other.0.len() {
            std::mem::swap(&mut self, &mut other);
        }
        for (key, count) in other.0 {
            self.bump(key, count);
        }
        self
    }

    /// How often `word` was counted (with its plurals).
    pub fn get(&self, word: &str) -> u32 {
        self.0.get(&word_key(word)).copied().unwrap_or(0)
    }

    /// Distinct words (and credited singulars) counted.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<S: AsRef<str>> FromIterator<(S, u32)> for WordCounts {
    fn from_iter<I: IntoIterator<Item = (S, u32)>>(words: I) -> WordCounts {
        let mut counts = WordCounts::default();
        for (word, count) in words {
            counts.add(word.as_ref(), count);
        }
        counts
    }
}

/// The dictionary key of a word.
fn word_key(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// A decompounder with its dictionary.
#[derive(Debug, Clone)]
pub struct Decompounder {
    /// Word key → corpus count (plurals credited), plus one if the base
    /// lexicon has it.
    known: WordCounts,
    /// Tells this decompounder's entries apart in the per-thread cache.
    id: u64,
}

impl Default for Decompounder {
    /// A decompounder with the base lexicon only.
    fn default() -> Self {
        Decompounder::new(WordCounts::default())
    }
}

/// Distinct words whose split a thread remembers (young generation; see
/// [`Memo`]).
const CACHE_LIMIT: usize = 50_000;

thread_local! {
    /// (decompounder id, word) → split. Words repeat: a build splits each
    /// distinct long word once per thread instead of at every occurrence.
    static SPLITS: std::cell::RefCell<(u64, Memo<Option<Vec<String>>>)> =
        std::cell::RefCell::new((0, Memo::new(CACHE_LIMIT)));
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Decompounder {
    /// A decompounder whose dictionary is the base lexicon plus `counts`
    /// (of folded lowercase words occurring on their own). The base
    /// lexicon's plurals prove nothing: its verb forms would make `verkie`
    /// (`verkies`) and `rege` (`regen`) words.
    pub fn new(mut counts: WordCounts) -> Decompounder {
        counts.0.reserve(BASE.len());
        for word in BASE.iter() {
            counts.bump(word_key(word), 1);
        }
        Decompounder {
            known: counts,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// How often `word` occurs on its own, plus one if the base lexicon
    /// has it; 0 for words that are not parts.
    fn frequency(&self, word: &str) -> u32 {
        // Most spans are no word at all: one hash probe settles them before
        // the list checks.
        let count = self.known.get(word);
        if count == 0 {
            return 0;
        }
        let len = word.chars().count();
        let short = len == 3 && !SHORT_PARTS.contains(&word);
        if len < 3
            || short
            || (len <= 6 && BOUND.contains(&word))
            || (len <= 7 && is_stopword(word))
        {
            return 0;
        }
        count
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
            if *id != self.id {
                *id = self.id;
                cache.clear();
            }
            cache.get_or_insert_with(word, || self.split_uncached(word, is_place))
        })
    }

    fn split_uncached(&self, word: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        if BLOCKED.contains(word) {
            return None;
        }
        let spans = best_split(word, |w| self.frequency(w))?;
        let parts = with_sub_compounds(word, &self.leaves(word, spans, 1));
        if is_place(word) && !parts.first().is_some_and(|first| is_place(first)) {
            return None;
        }
        Some(parts)
    }
}

impl Decompounder {
    /// Splits parts that are compounds themselves, so that
    /// `lucht+verdedigingssystemen` becomes `lucht+verdediging+systemen`.
    fn leaves(&self, word: &str, spans: Vec<Span>, depth: usize) -> Vec<Span> {
        if depth >= MAX_PARTS {
            return spans;
        }
        let mut out = Vec::with_capacity(spans.len());
        for (from, to) in spans {
            let part = &word[from..to];
            let inner = (part.chars().count() >= MIN_COMPOUND && !BLOCKED.contains(part))
                .then(|| best_split(part, |w| self.frequency(w)))
                .flatten();
            match inner {
                Some(inner) => {
                    let inner = self.leaves(part, inner, depth + 1);
                    out.extend(inner.into_iter().map(|(f, t)| (from + f, from + t)));
                }
                None => out.push((from, to)),
            }
        }
        out
    }
}

/// Byte range of a part within the word being split.
type Span = (usize, usize);

/// The best way to write `word` as 2–[`MAX_PARTS`] known words joined by
/// linkers, as the spans of those words. `frequency` gives 0 for
/// non-words.
///
/// Left to right over the positions where a part can start (0, and after a
/// known part and a linker), keeping `best[k][end]`: the best product of
/// part frequencies, with its spans, over splits of `word[..end]` into
/// `k + 1` parts. Only reachable starts are tried, so most non-compounds
/// cost a few lookups.
fn best_split(word: &str, frequency: impl Fn(&str) -> u32) -> Option<Vec<Span>> {
    type Best = FxHashMap<usize, (f64, Vec<Span>)>;
    let bounds: Vec<usize> =
        word.char_indices().map(|(i, _)| i).chain(std::iter::once(word.len())).collect();
    let mut best: Vec<Best> = vec![Best::default(); MAX_PARTS];
    let mut starts = vec![false; word.len() + 1];
    starts[0] = true;
    for &from in &bounds {
        if !starts[from] {
            continue;
        }
        for &to in bounds.iter().filter(|&&t| t > from && t - from <= MAX_PART) {
            let f = frequency(&word[from..to]);
            if f == 0 {
                continue;
            }
            if extend(&mut best, word, from, to, f64::from(f)) && to < word.len() {
                for linker in LINKERS.iter().filter(|l| word[to..].starts_with(*l)) {
                    starts[to + linker.len()] = true;
                }
            }
        }
    }
    (1..MAX_PARTS)
        .filter_map(|k| {
            best[k].get(&word.len()).map(|(product, spans)| (score(*product, k + 1), spans))
        })
        .min_by(|a, b| b.0.total_cmp(&a.0))
        .map(|(_, spans)| spans.clone())
}

/// Records the known word `word[from..to]` as a next part; returns whether
/// any split of `word[..to]` now exists.
fn extend(
    best: &mut [FxHashMap<usize, (f64, Vec<Span>)>],
    word: &str,
    from: usize,
    to: usize,
    f: f64,
) -> bool {
    if from == 0 {
        if to < word.len() {
            best[0].insert(to, (f, vec![(0, to)]));
        }
        return to < word.len();
    }
    let mut any = false;
    for k in 1..MAX_PARTS {
        let previous = LINKERS
            .iter()
            .filter(|l| from >= l.len() && word[..from].ends_with(*l))
            .filter_map(|l| best[k - 1].get(&(from - l.len())))
            // The first best on a tie: no linker before `en`, so the
            // modifier keeps its written form.
            .min_by(|a, b| b.0.total_cmp(&a.0))
            .map(|(product, spans)| {
                let mut spans = spans.clone();
                spans.push((from, to));
                (product * f, spans)
            });
        if let Some(candidate) = previous {
            any = true;
            let slot = best[k].entry(to).or_insert_with(|| (f64::MIN, Vec::new()));
            if candidate.0 > slot.0 {
                *slot = candidate;
            }
        }
    }
    any
}

/// Geometric mean of the part frequencies, halved per part beyond two.
fn score(product: f64, parts: usize) -> f64 {
    product.powf(1.0 / parts as f64) * 0.5f64.powi(parts as i32 - 2)
}

/// The parts, then every run of neighbouring parts shorter than the whole
/// word (`lucht+verdediging+s+systemen` also gives `luchtverdediging` and
/// `verdedigingssystemen`), each once, in that order.
fn with_sub_compounds(word: &str, spans: &[Span]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        if !out.iter().any(|p| p == text) {
            out.push(text.to_string());
        }
    };
    for &(from, to) in spans {
        add(&word[from..to]);
    }
    for len in 2..spans.len() {
        for run in spans.windows(len) {
            add(&word[run[0].0..run[len - 1].1]);
        }
    }
    out
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
