//! Name aliases: spellings that belong together but that the spelling key
//! cannot join (`Kiev`/`Kyiv`, `Peking`/`Beijing`).
//!
//! Owns the alias file format (`data/aliases.tsv`, documented in its
//! header) and lookups. The user's aliases apply at query time only, so a
//! user can extend them without rebuilding the index; the shipped ones
//! also make entity facet values canonical at build time.

use std::collections::HashMap;
use std::path::Path;

use super::fold;

/// Alias groups, looked up by the folded spelling.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    groups: Vec<Vec<String>>,
    by_key: HashMap<String, usize>,
}

impl Aliases {
    /// The aliases shipped with newsidx.
    pub fn embedded() -> Aliases {
        let mut aliases = Aliases::default();
        aliases.add_text(include_str!("data/aliases.tsv"));
        aliases
    }

    /// The shipped aliases plus the groups in `path` (same format).
    ///
    /// # Errors
    /// The file cannot be read.
    pub fn with_file(path: &Path) -> std::io::Result<Aliases> {
        let mut aliases = Aliases::embedded();
        aliases.add_text(&std::fs::read_to_string(path)?);
        Ok(aliases)
    }

    /// Adds the groups of a text in the alias file format. A line that
    /// names spellings of existing groups merges those groups with its new
    /// spellings into one (the first group's usual spelling stays first).
    pub fn add_text(&mut self, text: &str) {
        for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let spellings: Vec<String> = line
                .split('\t')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if spellings.len() >= 2 {
                self.add_group(spellings);
            }
        }
    }

    fn add_group(&mut self, spellings: Vec<String>) {
        let mut touched: Vec<usize> =
            spellings.iter().filter_map(|s| self.by_key.get(&fold(s)).copied()).collect();
        touched.sort_unstable();
        touched.dedup();
        let index = touched.first().copied().unwrap_or_else(|| {
            self.groups.push(Vec::new());
            self.groups.len() - 1
        });
        for &other in touched.iter().skip(1) {
            for spelling in std::mem::take(&mut self.groups[other]) {
                self.by_key.insert(fold(&spelling), index);
                self.groups[index].push(spelling);
            }
        }
        for spelling in spellings {
            if self.by_key.insert(fold(&spelling), index).is_none() {
                self.groups[index].push(spelling);
            }
        }
    }

    /// The usual spelling of `name` (the first of its group), if it has
    /// other spellings: `Putin` → `Poetin`, `Kyiv` → `Kiev`.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.by_key.get(&fold(name)).map(|&i| self.groups[i][0].as_str())
    }

    /// The other spellings of `name`, if it has any.
    pub fn others(&self, name: &str) -> Vec<&str> {
        let key = fold(name);
        match self.by_key.get(&key) {
            Some(&i) => {
                self.groups[i].iter().filter(|s| fold(s) != key).map(String::as_str).collect()
            }
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_spelling_finds_the_others() {
        let a = Aliases::embedded();
        assert_eq!(a.others("Kyiv"), ["Kiev", "Kyjiv", "Kijiv"]);
        assert_eq!(a.others("KIEV"), ["Kyiv", "Kyjiv", "Kijiv"]);
        assert!(a.others("Amsterdam").is_empty());
    }

    #[test]
    fn canonical_is_the_first_spelling_of_the_group() {
        let a = Aliases::embedded();
        assert_eq!(a.canonical("Putin"), Some("Poetin"));
        assert_eq!(a.canonical("KYIV"), Some("Kiev"));
        assert_eq!(a.canonical("Amsterdam"), None);
    }

    #[test]
    fn a_user_line_joining_two_shipped_groups_merges_them() {
        let mut a = Aliases::embedded();
        a.add_text("Kyiv\tKiev-stad\tBeijing\n");
        for name in ["Kiev", "Kyjiv", "Kiev-stad", "Peking", "Beijing"] {
            let mut all = a.others(name);
            all.push(name);
            all.sort();
            assert_eq!(
                all,
                ["Beijing", "Kiev", "Kiev-stad", "Kijiv", "Kyiv", "Kyjiv", "Peking"],
                "{name}"
            );
            assert_eq!(a.canonical(name), Some("Kiev"), "{name}");
        }
        assert!(a.others("Poetin") == ["Putin"], "an unrelated group is untouched");
    }

    #[test]
    fn user_groups_extend_shipped_ones() {
        let mut a = Aliases::embedded();
        a.add_text("# mijn aliassen\nKyiv\tKyyiv\nSchoof\tDick Schoof\n");
        assert!(a.others("Kiev").contains(&"Kyyiv"));
        assert_eq!(a.others("schoof"), ["Dick Schoof"]);
    }
}
