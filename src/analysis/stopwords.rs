//! The Snowball Dutch stop word list, for queries only.
//!
//! Owns which words a bag-of-words query may leave out. The index keeps
//! every word, so quoted phrases (`"de oorlog in Oekraïne"`), acronyms
//! (`OM`, `IS`) and name particles (`van der Plas`) stay searchable.

use std::collections::HashSet;
use std::sync::LazyLock;

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/stopwords.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether a lowercase word is on the Snowball Dutch stop list.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Name particles that stay in a query when a name follows (`van der
/// Plas`, `De Jonge`, `ten Broeke`).
pub const PARTICLES: &[&str] = &["van", "de", "der", "den", "het", "ten", "ter", "te", "op"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowball_list_is_complete() {
        assert_eq!(STOPWORDS.len(), 101);
        assert!(is_stopword("de") && is_stopword("zijn") && !is_stopword("oorlog"));
    }
}
