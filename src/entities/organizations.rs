//! Rule-based organisation names (version 1).
//!
//! A run of capitalised words is an organisation when
//! - it is in the curated list `data/organizations.tsv` (`NAVO`, `Tweede
//!   Kamer`, `Amnesty International`), matched case-sensitively;
//! - it ends in an organisation head (`Rapid Support Forces`,
//!   `Sjanghai-samenwerkingsorganisatie`, `Europese Commissie`);
//! - an organisation cue stands before it (`persbureau TASS`,
//!   `chipmachinemaker ASML`);
//! - or it is defined with an acronym in brackets (`Rapid Support Forces
//!   (RSF)`), after which the acronym alone means the long form.

use std::collections::HashMap;

use super::words::{Run, Word};

/// Last words that make a run an organisation. Compounds ending in one of
/// the longer heads count too (`samenwerkingsorganisatie`).
const HEADS: &[&str] = &[
    "organisatie",
    "partij",
    "bank",
    "unie",
    "raad",
    "commissie",
    "ministerie",
    "bureau",
    "dienst",
    "agentschap",
    "fonds",
    "bond",
    "federatie",
    "vereniging",
    "stichting",
    "universiteit",
    "ziekenhuis",
    "rechtbank",
    "hof",
    "kamer",
    "parlement",
    "international",
    "forces",
    "group",
    "groep",
    "holding",
    "airlines",
    "corporation",
    "inc",
    "nv",
    "bv",
    "brigade",
    "brigades",
    "beweging",
    "front",
    "leger",
    "krant",
    "omroep",
    "academie",
    "instituut",
    "politie",
    "tribunaal",
    "senaat",
    "congres",
    "alliantie",
    "coalitie",
    "maatschappij",
    "coöperatie",
    // Last words of company names (`Imperial Invest`, `DPG Media`).
    "invest",
    "investments",
    "capital",
    "partners",
    "media",
    "telecom",
    "systems",
    "technologies",
    "industries",
    "foods",
    "transport",
    "logistics",
    "pharma",
    "airways",
    "motors",
    "electric",
    "company",
    "institute",
    "school",
];

/// Words (or heads of compounds) that introduce an organisation.
const CUES: &[&str] = &[
    "persbureau",
    "nieuwsagentschap",
    "partij",
    "bedrijf",
    "concern",
    "krant",
    "dagblad",
    "zender",
    "omroep",
    "club",
    "voetbalclub",
    "organisatie",
    "beweging",
    "militie",
    "groepering",
    "terreurgroep",
    "rebellengroep",
    "vakbond",
    "fabrikant",
    "maker",
    "keten",
    "maatschappij",
    "denktank",
    "bank",
    "verzekeraar",
    "webwinkel",
    "supermarktketen",
    "energiebedrijf",
    "techbedrijf",
];

fn matches_word_list(word: &str, list: &[&str]) -> bool {
    let lower = word.to_lowercase();
    let head = lower.rsplit('-').next().unwrap_or(&lower);
    list.iter().any(|w| lower == *w || head == *w || (w.len() >= 6 && lower.ends_with(w)))
}

/// Whether a word is an organisation head (`Bank`, `Partij`,
/// `samenwerkingsorganisatie`).
pub fn is_head(word: &str) -> bool {
    matches_word_list(word, HEADS)
}

/// Whether a word introduces an organisation (`persbureau`, `chipmaker`).
pub fn is_cue(word: &str) -> bool {
    matches_word_list(word, CUES)
}

/// Whether the run's last word is an organisation head.
pub fn has_head(run: Run, words: &[Word<'_>]) -> bool {
    matches_word_list(words[run.end - 1].text, HEADS)
}

/// Whether an organisation cue stands right before the run.
pub fn cue_before(run: Run, words: &[Word<'_>]) -> bool {
    run.first > 0
        && words[run.first].joined_to_previous
        && matches_word_list(words[run.first - 1].text, CUES)
}

/// Acronyms defined in brackets after a run: `Rapid Support Forces (RSF)`
/// gives `RSF` → `Rapid Support Forces`.
pub fn acronym_definitions<'t>(
    text: &'t str,
    words: &[Word<'_>],
    runs: &[Run],
) -> HashMap<String, &'t str> {
    let mut out = HashMap::new();
    for pair in runs.windows(2) {
        let (long, short) = (pair[0], pair[1]);
        if short.len() != 1 || short.first != long.end {
            continue;
        }
        let acronym = &words[short.first];
        let between = &text[words[long.end - 1].end..acronym.start];
        let closes = text[acronym.end..].starts_with(')');
        if acronym.is_acronym() && between.trim() == "(" && closes {
            out.insert(
                acronym.text.to_string(),
                long.without_leading_article(words).text(text, words),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::{runs, words};
    use super::*;

    #[test]
    fn heads_and_cues() {
        let text = "meldt persbureau TASS over de Rapid Support Forces en de Europese Commissie";
        let w = words(text);
        let r = runs(&w);
        let labels: Vec<(&str, bool, bool)> = r
            .iter()
            .map(|&run| (run.text(text, &w), has_head(run, &w), cue_before(run, &w)))
            .collect();
        assert_eq!(
            labels,
            [
                ("TASS", false, true),
                ("Rapid Support Forces", true, false),
                ("Europese Commissie", true, false),
            ]
        );
    }

    #[test]
    fn company_name_endings_are_heads() {
        for name in ["Imperial Invest", "DPG Media", "Lernout Systems", "Sabena Technologies"] {
            let w = words(name);
            let r = runs(&w);
            assert!(has_head(r[0], &w), "{name}");
        }
        assert!(!is_head("Mediterraan"), "a head ends the word");
    }

    #[test]
    fn acronym_in_brackets_defines_the_long_form() {
        let text = "de Sjanghai-samenwerkingsorganisatie (SSO) en de Rapid Support Forces (RSF).";
        let w = words(text);
        let defs = acronym_definitions(text, &w, &runs(&w));
        assert_eq!(defs.get("SSO"), Some(&"Sjanghai-samenwerkingsorganisatie"));
        assert_eq!(defs.get("RSF"), Some(&"Rapid Support Forces"));
    }
}
