//! The corpus's own word counts, the dictionary of the decompounder.
//!
//! Owns counting how often each word occurs on its own: from the pages a
//! build reads, and (for incremental builds) from the `body_exact` term
//! dictionary of the index, where the document frequency stands in for the
//! count. A word counts only when it is all letters and at least three long.

use rayon::prelude::*;
use tantivy::Index;
use tantivy::schema::Field;

use crate::analysis::{self, WordCounts as Counts};
use crate::crawl::{self, FileEntry};

fn is_word(w: &str) -> bool {
    w.len() >= 3 && w.chars().all(char::is_alphabetic)
}

/// Words of the index's exact body field with their document frequency.
pub fn indexed_words(index: &Index, field: Field) -> tantivy::Result<Counts> {
    let reader = index.reader()?;
    let mut counts = Counts::default();
    for segment in reader.searcher().segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let Ok(word) = std::str::from_utf8(stream.key()) else { continue };
            if is_word(word) {
                counts.add(word, stream.value().doc_freq);
            }
        }
    }
    Ok(counts)
}

/// Adds the words of `files` (titles, articles and briefs) to `counts`.
/// Files that cannot be read are left out here; the indexing pass reports
/// them.
pub fn add_page_words(counts: &mut Counts, files: &[&FileEntry], max_bytes: u64, threads: usize) {
    let count = |files: &[&FileEntry]| {
        files
            .par_iter()
            .fold(Counts::default, |mut acc, file| {
                count_file(&mut acc, file, max_bytes);
                acc
            })
            .reduce(Counts::default, Counts::merge)
    };
    let page_counts = match rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build() {
        Ok(pool) => pool.install(|| count(files)),
        Err(_) => count(files),
    };
    let total = std::mem::take(counts);
    *counts = total.merge(page_counts);
}

fn count_file(counts: &mut Counts, file: &FileEntry, max_bytes: u64) {
    let Ok(source) = crawl::read(file, max_bytes) else { return };
    count_words(counts, &source.text);
}

/// Counts runs of letters, lowercased and folded as `nl_exact` does. A
/// plain letter scan is enough here (only whole words of letters count)
/// and several times faster than the full analyzer.
fn count_words(counts: &mut Counts, text: &str) {
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        if word.len() >= 3 {
            if word.is_ascii() {
                word.make_ascii_lowercase();
                counts.add(&word, 1);
            } else {
                counts.add(&analysis::fold(&word), 1);
            }
        }
        word.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_folded_and_lowercase() {
        let mut counts = Counts::default();
        count_words(&mut counts, "Oekraïne en oekraine; Drones, drones! 2,5 ab");
        assert_eq!(counts.get("oekraine"), 2);
        assert_eq!(counts.get("drones"), 2);
        assert_eq!(counts.get("drone"), 2, "a plural counts for its singular");
        assert_eq!(counts.get("ab"), 0);
    }
}
