//! Persons, places and organisations named in a text, as facet values.
//!
//! Owns entity extraction from the *original* text (capitals matter) and
//! the canonical spelling of facet values: dateline cities
//! ([`Gazetteer::canonical_city`]) and agencies ([`canonical_agency`]).
//! Knows nothing of tantivy, tokens or stems.
//!
//! Extraction sits behind the [`Extractor`] trait. The default is version
//! 2, [`TaggerExtractor`]: a trained tagger ([`tagger`]) finds the names
//! and rules make them canonical. Version 1, [`RuleExtractor`]
//! (capitalisation, cue words, gazetteer), stays as the baseline the
//! evaluation compares against; its name rules also serve version 2.

mod agency;
mod gazetteer;
mod organizations;
mod persons;
mod tagged;
pub mod tagger;
mod words;

pub use agency::{canonical_agencies, canonical_agency};
pub use gazetteer::{
    Gazetteer, PlaceKind, gazetteer, organization, organization_variants, title_case,
};
pub use tagged::{Mention, TaggerExtractor};

use persons::FullNames;
use words::{Run, Word, runs, words};

/// Entities of one story, canonical, each listed once in order of first
/// mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// `Vladimir Poetin`, `Xi Jinping`.
    pub persons: Vec<String>,
    /// `Moskou`, `Oekraïne`, `Khan Younis`.
    pub locations: Vec<String>,
    /// `NAVO`, `Rapid Support Forces`.
    pub organizations: Vec<String>,
}

/// Something that finds entities in a text.
pub trait Extractor: Send + Sync {
    /// Extracts the entities of `text` (a headline and body, newline-separated).
    fn extract(&self, text: &str) -> Entities;
}

/// Version 1: capitalisation, cue words and the embedded gazetteer. Each
/// rule is documented in its module with a Dutch example.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleExtractor;

impl Extractor for RuleExtractor {
    fn extract(&self, text: &str) -> Entities {
        let words = words(text);
        let runs = runs(&words);
        let mut found = Found::new(text, &words, &runs);
        for &run in &runs {
            found.classify(run);
        }
        found.finish()
    }
}

/// Extracts with the default extractor (the embedded tagger).
///
/// ```
/// let e = newsidx::entities::extract(
///     "De Russische president Vladimir Poetin ontmoet de Chinese leider Xi Jinping in Moskou. Poetin zei niets.",
/// );
/// assert_eq!(e.persons, ["Vladimir Poetin", "Xi Jinping"]);
/// assert_eq!(e.locations, ["Moskou"]);
/// ```
pub fn extract(text: &str) -> Entities {
    TaggerExtractor::embedded().extract(text)
}

/// Work in progress of one extraction: mentions with their word position.
struct Found<'t, 'w> {
    text: &'t str,
    words: &'w [Word<'t>],
    g: &'static Gazetteer,
    acronyms: std::collections::HashMap<String, &'t str>,
    persons: Vec<(usize, String, bool)>,
    unresolved: Vec<(usize, String)>,
    locations: Vec<(usize, String)>,
    organizations: Vec<(usize, String)>,
}

impl<'t, 'w> Found<'t, 'w> {
    fn new(text: &'t str, words: &'w [Word<'t>], runs: &[Run]) -> Self {
        Found {
            text,
            words,
            g: gazetteer(),
            acronyms: organizations::acronym_definitions(text, words, runs),
            persons: Vec::new(),
            unresolved: Vec::new(),
            locations: Vec::new(),
            organizations: Vec::new(),
        }
    }

    fn run_text(&self, first: usize, end: usize) -> &'t str {
        &self.text[self.words[first].start..self.words[end - 1].end]
    }

    /// Decides what a run is, trying the most specific evidence first.
    fn classify(&mut self, run: Run) {
        let whole = run.text(self.text, self.words);
        if let Some(org) = organization(whole) {
            self.organizations.push((run.first, org.to_string()));
        } else if let Some(long) = self.acronyms.get(whole).copied() {
            self.organizations.push((run.first, long.to_string()));
        } else if let Some(m) = persons::in_run(run, self.words, self.g) {
            self.person(run, &m);
        } else if self.is_organization(run) {
            let name = run.without_leading_article(self.words).text(self.text, self.words);
            self.organizations.push((run.first, name.to_string()));
        } else {
            self.lookup_parts(run);
        }
    }

    fn person(&mut self, run: Run, m: &persons::PersonMention) {
        let name = persons::name_text(m, self.text, self.words);
        if let Some((place, _)) = self.g.place(name) {
            self.locations.push((m.first, place.to_string()));
            return;
        }
        if m.first > run.first {
            self.lookup_parts(Run { first: run.first, end: m.first });
        }
        self.persons.push((m.first, name.to_string(), m.cued));
    }

    fn is_organization(&self, run: Run) -> bool {
        let name = run.without_leading_article(self.words).text(self.text, self.words);
        let defines_acronym = self.acronyms.values().any(|long| *long == name);
        defines_acronym
            || organizations::has_head(run, self.words)
            || organizations::cue_before(run, self.words)
    }

    /// Longest curated-organisation or place match at each word; what stays
    /// unmatched may be a short mention of a person.
    fn lookup_parts(&mut self, run: Run) {
        let mut i = run.first;
        let mut unmatched = true;
        while i < run.end {
            match self.longest_match(i, run.end) {
                Some(end) => {
                    unmatched = false;
                    i = end;
                }
                None => i += 1,
            }
        }
        if unmatched {
            self.unresolved.push((run.first, run.text(self.text, self.words).to_string()));
        }
    }

    fn longest_match(&mut self, first: usize, run_end: usize) -> Option<usize> {
        let max_end = run_end.min(first + self.g.max_words);
        for end in (first + 1..=max_end).rev() {
            let candidate = self.run_text(first, end);
            if let Some(org) =
                organization(candidate).or_else(|| self.acronyms.get(candidate).copied())
            {
                self.organizations.push((first, org.to_string()));
                return Some(end);
            }
            if let Some((place, _)) = self.g.place(candidate) {
                self.locations.push((first, place.to_string()));
                return Some(end);
            }
        }
        None
    }

    fn finish(self) -> Entities {
        let full = FullNames::new(self.persons.iter().map(|(_, n, c)| (n.clone(), *c)), self.g);
        let mut persons: Vec<(usize, String)> = Vec::new();
        for (pos, name, cued) in &self.persons {
            let multiword = name.split_whitespace().count() > 1;
            match full.resolve(name) {
                // `Poetin` → `Vladimir Poetin`; `Van der Plas` → `Caroline van der Plas`.
                Some(long) => persons.push((*pos, long.to_string())),
                None if multiword || *cued => persons.push((*pos, name.clone())),
                None => {}
            }
        }
        for (pos, mention) in &self.unresolved {
            if let Some(long) = full.resolve(mention) {
                persons.push((*pos, long.to_string()));
            }
        }
        Entities {
            persons: in_order(persons),
            locations: in_order(self.locations),
            organizations: in_order(self.organizations),
        }
    }
}

/// Sorts mentions by position and keeps the first of each value.
fn in_order(mut mentions: Vec<(usize, String)>) -> Vec<String> {
    mentions.sort_by_key(|(pos, _)| *pos);
    let mut out: Vec<String> = Vec::new();
    for (_, value) in mentions {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These tests are about the rules of version 1.
    fn extract(text: &str) -> Entities {
        RuleExtractor.extract(text)
    }

    const SEED_ARTICLE: &str = "Poetin en Xi hebben eerste persoonlijke ontmoeting sinds invasie\n\
        De Russische president Vladimir Poetin ontmoet de Chinese leider Xi Jinping komende week in \
        Oezbekistan. Het wordt de eerste keer dat de leiders elkaar persoonlijk treffen sinds Rusland \
        in februari buurland Oekraïne binnenviel.\nPoetin en Xi spreken elkaar volgens het Russische \
        persbureau TASS op een top van de Sjanghai-samenwerkingsorganisatie (SSO). Die wordt op 15 en \
        16 september gehouden in Samarkand. De SSO bestaat uit China, Rusland, India, Pakistan en een \
        aantal Centraal-Aziatische landen.";

    #[test]
    fn seed_article_persons_are_full_names() {
        assert_eq!(extract(SEED_ARTICLE).persons, ["Vladimir Poetin", "Xi Jinping"]);
    }

    #[test]
    fn seed_article_places_in_order() {
        let locations = extract(SEED_ARTICLE).locations;
        for place in ["Oezbekistan", "Rusland", "Oekraïne", "China", "India", "Pakistan"] {
            assert!(locations.contains(&place.to_string()), "{place} missing from {locations:?}");
        }
        assert!(
            !locations.iter().any(|l| l.contains("Russisch") || l == "Poetin"),
            "{locations:?}"
        );
    }

    #[test]
    fn seed_article_organisations() {
        let orgs = extract(SEED_ARTICLE).organizations;
        assert_eq!(orgs, ["TASS", "Sjanghai-samenwerkingsorganisatie"]);
    }

    #[test]
    fn role_cue_with_complement_skips_the_department() {
        let e = extract(
            "De Amerikaanse minister van Defensie Pete Hegseth heeft het besluit van \
                         admiraal Frank Bradley genoemd. Hegseth was er niet.",
        );
        assert_eq!(e.persons, ["Pete Hegseth", "Frank Bradley"]);
    }

    #[test]
    fn compound_cue_and_genitive_short_mention() {
        let e = extract(
            "Dat zei Kremlin-functionaris Joeri Oesjakov over gezant Steve Witkoff en \
                         Trumps schoonzoon Jared Kushner. De Amerikaanse president Donald Trump zweeg.",
        );
        assert_eq!(e.persons, ["Joeri Oesjakov", "Steve Witkoff", "Donald Trump", "Jared Kushner"]);
    }

    #[test]
    fn cued_surname_without_full_name_is_kept() {
        assert_eq!(extract("Volgens president Trump gaat het goed.").persons, ["Trump"]);
    }

    #[test]
    fn uncued_single_capital_word_is_not_a_person() {
        assert!(extract("Pasen viel vroeg. Het Winterei is duur.").persons.is_empty());
    }

    #[test]
    fn particles_and_particle_short_mentions() {
        let e = extract("BBB-leider Caroline van der Plas is boos. Van der Plas wil actie.");
        assert_eq!(e.persons, ["Caroline van der Plas"]);
    }

    #[test]
    fn acronym_alone_means_its_long_form() {
        let e = extract("De Rapid Support Forces (RSF) vielen aan. Later trok de RSF zich terug.");
        assert_eq!(e.organizations, ["Rapid Support Forces"]);
    }

    #[test]
    fn curated_acronyms_are_case_sensitive() {
        let e = extract("Het OM eist straf om de NAVO te steunen.");
        assert_eq!(e.organizations, ["Openbaar Ministerie", "NAVO"]);
    }
}
