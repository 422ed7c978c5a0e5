//! Bounded per-thread memo tables for work done per distinct word.
//!
//! Owns [`Memo`]: a map from a word to what was computed for it, kept under
//! a size limit with two generations. New entries go to the young
//! generation; when it is full it becomes the old one (the previous old one
//! is dropped), and a word found in the old generation moves back to the
//! young one. Frequent words therefore survive a turnover, which a plain
//! "clear when full" table loses, at most `2 × limit` entries are held, and
//! no bookkeeping happens on a hit.

use rustc_hash::FxHashMap;

/// A word → value table of at most `2 × limit` entries.
#[derive(Debug)]
pub struct Memo<V> {
    young: FxHashMap<Box<str>, V>,
    old: FxHashMap<Box<str>, V>,
    limit: usize,
}

impl<V: Clone> Memo<V> {
    /// An empty table whose young generation holds `limit` words.
    pub fn new(limit: usize) -> Memo<V> {
        Memo { young: FxHashMap::default(), old: FxHashMap::default(), limit: limit.max(1) }
    }

    /// The value for `word`, computed by `make` when it is not held.
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> V {
        if let Some(value) = self.young.get(word) {
            return value.clone();
        }
        let value = self.old.remove(word).unwrap_or_else(make);
        if self.young.len() >= self.limit {
            self.old = std::mem::take(&mut self.young);
        }
        self.young.insert(word.into(), value.clone());
        value
    }

    /// Entries held.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.young.len() + self.old.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_each_word_once_while_it_is_held() {
        let mut memo = Memo::new(10);
        let mut made = 0;
        for word in ["oorlog", "vrede", "oorlog", "oorlog"] {
            memo.get_or_insert_with(word, || {
                made += 1;
                word.len()
            });
        }
        assert_eq!(made, 2);
    }

    #[test]
    fn a_word_in_use_survives_the_turnover_and_size_stays_bounded() {
        let mut memo = Memo::new(3);
        let mut made = Vec::new();
        let words = ["kabinet", "a", "kabinet", "b", "c", "kabinet", "d", "e", "f", "kabinet"];
        for word in words {
            memo.get_or_insert_with(word, || {
                made.push(word);
                0
            });
            assert!(memo.len() <= 6);
        }
        // `kabinet` was computed once: each time its generation aged, a
        // lookup moved it back to the young one.
        assert_eq!(made.iter().filter(|w| **w == "kabinet").count(), 1);
        assert_eq!(made.len(), 7);
    }
}
