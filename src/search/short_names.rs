//! Across the corpus, a one-word person value that always stands for one
//! full name counts as that name.
//!
//! Within an article the extractor already resolves `Poetin` to `Vladimir
//! Poetin` when the full name occurs there. An article that only writes
//! `Poetin` keeps the short value; when the index holds exactly one full
//! name ending in `Poetin`, facet counts add the short value's documents to
//! it. A surname shared by two full names (`Jansen`) stays as it is.

use std::collections::HashMap;

use tantivy::Searcher;

use crate::analysis::fold as key;

/// One-word person values → the one full name they stand for.
#[derive(Debug, Default)]
pub struct ShortNames {
    full: HashMap<String, String>,
}

impl ShortNames {
    /// The short names of the person values in the whole index.
    ///
    /// # Errors
    /// The index cannot be read.
    pub fn of(searcher: &Searcher, field: &str) -> tantivy::Result<ShortNames> {
        let mut values = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment.fast_fields().str(field)? else { continue };
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                values.push(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        Ok(ShortNames::from_values(values))
    }

    /// The short names among `values`: the last word of each full name,
    /// unless two full names share it.
    pub fn from_values(values: impl IntoIterator<Item = String>) -> ShortNames {
        let mut candidates: HashMap<String, Option<String>> = HashMap::new();
        for value in values {
            let Some((_, last)) = value.rsplit_once(' ') else { continue };
            candidates
                .entry(key(last))
                .and_modify(|full| {
                    if full.as_deref() != Some(value.as_str()) {
                        *full = None;
                    }
                })
                .or_insert_with(|| Some(value.clone()));
        }
        let full = candidates.into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        ShortNames { full }
    }

    /// Moves the counts of short values to their full names.
    pub fn merge(&self, counts: &mut HashMap<String, u64>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_of_one_full_name_takes_it() {
        let names = ShortNames::from_values(
            ["Vladimir Poetin", "Poetin", "Jan Jansen", "Piet Jansen", "Jansen"].map(String::from),
        );
        let mut counts: HashMap<String, u64> =
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
