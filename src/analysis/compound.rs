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

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::stopwords::is_stopword;

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

/// A decompounder with its dictionary.
#[derive(Debug, Clone)]
pub struct Decompounder {
    /// Word → corpus count, plus one if the base lexicon has it, plus the
    /// counts of its plurals.
    known: FxHashMap<String, u32>,
    /// Tells this decompounder's entries apart in the per-thread cache.
    id: u64,
}

impl Default for Decompounder {
    /// A decompounder with the base lexicon only.
    fn default() -> Self {
        Decompounder::new(HashMap::new())
    }
}

/// Word → its split (or `None`), per thread.
type SplitCache = FxHashMap<String, Option<Vec<String>>>;

/// Splits remembered per thread before the cache starts over.
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    /// (decompounder id, word) → split. Words repeat: a build splits each
    /// distinct long word once per thread instead of at every occurrence.
    static SPLITS: std::cell::RefCell<(u64, SplitCache)> = std::cell::RefCell::default();
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Decompounder {
    /// A decompounder whose dictionary is the base lexicon plus `counts`
    /// (folded lowercase word → number of times it occurs on its own).
    pub fn new(counts: HashMap<String, u32>) -> Decompounder {
        let mut known: FxHashMap<String, u32> = FxHashMap::default();
        known.reserve(counts.len() + BASE.len());
        for word in BASE.iter() {
            *known.entry((*word).to_string()).or_default() += 1;
        }
        for (word, count) in counts {
            // A plural in the corpus proves the singular (`drones` → `drone`);
            // not from the base lexicon, whose verb forms would make `verkie`
            // (`verkies`) and `rege` (`regen`) words.
            for suffix in PLURALS {
                if let Some(singular) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 4)
                {
                    *known.entry(singular.to_string()).or_default() += count;
                }
            }
            *known.entry(word).or_default() += count;
        }
        Decompounder { known, id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) }
    }

    /// How often `word` occurs on its own, plus one if the base lexicon
    /// has it; 0 for words that are not parts.
    fn frequency(&self, word: &str) -> u32 {
        let len = word.chars().count();
        let short = len == 3 && !SHORT_PARTS.contains(&word);
        if len < 3
            || short
            || (len <= 6 && BOUND.contains(&word))
            || (len <= 7 && is_stopword(word))
        {
            return 0;
        }
        self.known.get(word).copied().unwrap_or(0)
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
