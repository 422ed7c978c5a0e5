//! Across the corpus, a one-word person value that always stands for one
//! full name counts as that name.
//!
//! Within an article the extractor already resolves `Poetin` to `Vladimir
//! Poetin` when the full name occurs there. An article that only writes
//! `Poetin` keeps the short value; when the index holds exactly one full
//! name ending in `Poetin`, facet counts add the short value's documents to
//! it. A surname shared by two full names (`Jansen`) stays as it is.

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::Searcher;

use super::collect::ValueCounts;
use crate::analysis::fold as key;

/// One-word person values → the one full name they stand for.
#[derive(Debug, Default)]
pub struct ShortNames {
    full: FxHashMap<String, String>,
}

impl ShortNames {
    /// The full names in the index's `field` values for the one-word
    /// values among `shorts` (the values being counted). Only those are
    /// looked for, so a query pays for a dictionary scan, not for a table
    /// of every name in the corpus.
    ///
    /// # Errors
    /// The index cannot be read.
    pub fn of<'a>(
        searcher: &Searcher,
        field: &str,
        shorts: impl IntoIterator<Item = &'a str>,
    ) -> tantivy::Result<ShortNames> {
        let wanted: FxHashSet<String> =
            shorts.into_iter().filter(|v| !v.contains(' ')).map(key).collect();
        let mut candidates = Candidates::default();
        if wanted.is_empty() {
            return Ok(candidates.finish());
        }
        // Most values' last word is ASCII: it is lowercased into one buffer
        // and looked up before anything is decoded or allocated.
        let mut last_key = String::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment.fast_fields().str(field)? else { continue };
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                let bytes = stream.key();
                let Some(space) = memchr_last_space(bytes) else { continue };
                let last = &bytes[space + 1..];
                if last.is_ascii() {
                    last_key.clear();
                    last_key.extend(last.iter().map(|b| b.to_ascii_lowercase() as char));
                    if !wanted.contains(&last_key) {
                        continue;
                    }
                }
                if let Ok(value) = std::str::from_utf8(bytes) {
                    candidates.offer(value, |k| wanted.contains(k));
                }
            }
        }
        Ok(candidates.finish())
    }

    /// The short names among `values`: the last word of each full name,
    /// unless two full names share it.
    #[cfg(test)]
    fn from_values(values: impl IntoIterator<Item = String>) -> ShortNames {
        let mut candidates = Candidates::default();
        for value in values {
            candidates.offer(&value, |_| true);
        }
        candidates.finish()
    }

    /// Moves the counts of short values to their full names.
    pub fn merge(&self, counts: &mut ValueCounts) {
        let short: Vec<String> = counts
            .keys()
            .filter(|v| !v.contains(' ') && self.full.contains_key(&key(v)))
            .cloned()
            .collect();
        for value in short {
            let n = counts.remove(&value).unwrap_or(0);
            *counts.entry(self.full[&key(&value)].clone()).or_default() += n;
        }
    }
}

/// Where the last space of `bytes` is.
fn memchr_last_space(bytes: &[u8]) -> Option<usize> {
    bytes.iter().rposition(|&b| b == b' ')
}

/// Last-word key → the one full name ending in it, or `None` once a second
/// full name does.
#[derive(Default)]
struct Candidates(FxHashMap<String, Option<String>>);

impl Candidates {
    fn offer(&mut self, value: &str, wanted: impl Fn(&str) -> bool) {
        let Some((_, last)) = value.rsplit_once(' ') else { return };
        let last = key(last);
        if !wanted(&last) {
            return;
        }
        match self.0.get_mut(&last) {
            Some(full) if full.as_deref() != Some(value) => *full = None,
            Some(_) => {}
            None => {
                self.0.insert(last, Some(value.to_string()));
            }
        }
    }

    fn finish(self) -> ShortNames {
        ShortNames { full: self.0.into_iter().filter_map(|(k, v)| Some((k, v?))).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_of_one_full_name_takes_it() {
        let names = ShortNames::from_values(
            ["Vladimir Poetin", "Poetin", "Jan Jansen", "Piet Jansen", "Jansen"].map(String::from),
        );
        let mut counts: ValueCounts =
            [("Vladimir Poetin", 3), ("Poetin", 2), ("Jansen", 4), ("Jan Jansen", 1)]
                .into_iter()
                .map(|(v, n)| (v.to_string(), n))
                .collect();
        names.merge(&mut counts);
        assert_eq!(counts.get("Vladimir Poetin"), Some(&5));
        assert_eq!(counts.get("Poetin"), None);
        assert_eq!(counts.get("Jansen"), Some(&4), "two full names end in Jansen");
    }
}
