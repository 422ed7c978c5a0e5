//! Recognises a dateline `CITY (AGENCY[/AGENCY...]) - ` at the start of text.
//!
//! Owns the dateline grammar only: the city is kept as written (`KHAN
//! YOUNIS`), agencies as written (`RTR`). Turning them into facet values
//! (`Khan Younis`, `Reuters`) is the job of `entities`.

use std::sync::LazyLock;

use regex::Regex;

/// A parsed dateline, as written in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The city in capitals as written, e.g. `'S-HERTOGENBOSCH`. `None` for a
    /// dateline with agencies only (`(ANP) - `).
    pub city: Option<String>,
    /// Agency codes as written, in order: `["ANP", "AFP", "BLOOMBERG"]`.
    pub agencies: Vec<String>,
}

/// City: capitals, combining marks, spaces, apostrophes, dots and hyphens
/// (`GENÈVE`, `NEW YORK`, `'S-HERTOGENBOSCH`, `ST. PETERSBURG`), at most 60
/// bytes. Agencies: one to eight codes separated by `/` or `,`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<city>['’]?\p{Lu}[\p{Lu}\p{M}'’. \-]{0,58}?)[ \t]*)?\((?P<agencies>[\p{L}\d]{1,20}(?:[ \t]*[/,][ \t]*[\p{L}\d]{1,20}){0,7})\)[ \t]*[-–—][ \t]*",
    )
    .expect("dateline regex is valid")
});

/// Parses a dateline at the very start of `text`. Returns the dateline and
/// the byte length it occupies (including the ` - ` separator).
///
/// # Example
/// ```
/// use newsidx::parse::dateline;
/// let (d, len) = dateline("KHAN YOUNIS (ANP) - De Palestijnse journalist").unwrap();
/// assert_eq!(d.city.as_deref(), Some("KHAN YOUNIS"));
/// assert_eq!(d.agencies, ["ANP"]);
/// assert_eq!(len, "KHAN YOUNIS (ANP) - ".len());
/// ```
pub fn dateline(text: &str) -> Option<(Dateline, usize)> {
    if !may_open_with_dateline(text) {
        return None;
    }
    // The match alone (a DFA search) is enough to take it apart: the city
    // holds no `(`, the agencies no `)`. Asking the regex for its groups ran
    // its slowest engine on every story.
    let whole = DATELINE.find(text)?.as_str();
    let (city, rest) = whole.split_once('(')?;
    let (agencies, _) = rest.split_once(')')?;
    let city = city.trim();
    let city = (!city.is_empty()).then(|| city.to_string());
    if city.as_deref().is_some_and(|c| !is_capital_city(c)) {
        return None;
    }
    let agencies = agencies
        .split(['/', ','])
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    Some((Dateline { city, agencies }, whole.len()))
}

/// Whether `text` can match [`DATELINE`]: before its first `(` there may
/// only be what a city and the space after it are made of. An ASCII
/// character outside that set (a lowercase letter, a digit) rules the
/// dateline out; other characters are left to the regex. Most lines a
/// build tests (every line of a `Meer uit` block, every story body) are
/// answered here without running the regex and its capture groups.
fn may_open_with_dateline(text: &str) -> bool {
    for b in text.bytes() {
        match b {
            b'(' => return true,
            b'A'..=b'Z' | b'\'' | b'.' | b' ' | b'-' | b'\t' => {}
            _ if b.is_ascii() => return false,
            _ => {}
        }
    }
    false
}

/// A city needs two letters, so `A (ANP)` or `' (ANP)` is not a dateline.
fn is_capital_city(city: &str) -> bool {
    city.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city_and_agencies(text: &str) -> Option<(Option<String>, Vec<String>)> {
        dateline(text).map(|(d, _)| (d.city, d.agencies))
    }

    #[test]
    fn the_quick_check_never_rules_out_a_dateline() {
        for text in [
            "MOSKOU (ANP) - De",
            "'S-HERTOGENBOSCH (ANP) - De",
            "’S-HERTOGENBOSCH (ANP) - De",
            "GENÈVE (AFP) - De",
            "GENE\u{300}VE (AFP) - De",
            "ST. PETERSBURG (RTR) - De",
            "KHAN YOUNIS\t(ANP) - De",
            "(ANP) - De",
            "ÅLESUND (NTB) - De",
        ] {
            assert!(may_open_with_dateline(text), "{text}");
            assert!(dateline(text).is_some(), "{text}");
        }
        for text in ["De regering (ANP) - zegt", "2025 (ANP) - x", "Moskou (ANP) - De", ""] {
            assert!(!may_open_with_dateline(text), "{text}");
            assert!(DATELINE.captures(text).is_none(), "the regex agrees: {text}");
        }
    }

    /// The dateline as the regex's capture groups give it.
    fn by_groups(text: &str) -> Option<(Dateline, usize)> {
        let caps = DATELINE.captures(text)?;
        let city = caps.name("city").map(|m| m.as_str().trim().to_string());
        if city.as_deref().is_some_and(|c| !is_capital_city(c)) {
            return None;
        }
        let agencies = caps["agencies"]
            .split(['/', ','])
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        Some((Dateline { city, agencies }, caps[0].len()))
    }

    proptest::proptest! {
        /// The quick check only rules out texts the regex rejects too.
        #[test]
        fn the_quick_check_agrees_with_the_regex(
            city in "(['’]?[A-ZÈÅ][A-ZÈÅ\u{300} .'’-]{0,10}[ \t]{0,2})?|[A-Za-z0-9 '(]{0,8}",
            agencies in "[A-Za-z0-9]{1,5}([/,] ?[A-Za-z0-9]{1,5}){0,2}|[A-Za-z0-9/, ]{0,6}",
            separator in " ?[-–—x] ?",
        ) {
            let text = format!("{city}({agencies}){separator}De regering");
            if DATELINE.is_match(&text) {
                proptest::prop_assert!(may_open_with_dateline(&text), "{}", text);
            }
            proptest::prop_assert_eq!(dateline(&text), by_groups(&text), "{}", text);
        }
    }

    #[test]
    fn three_agencies_are_split() {
        let (city, agencies) = city_and_agencies("MOSKOU (ANP/AFP/BLOOMBERG) - De").unwrap();
        assert_eq!(city.as_deref(), Some("MOSKOU"));
        assert_eq!(agencies, ["ANP", "AFP", "BLOOMBERG"]);
    }

    #[test]
    fn cities_with_spaces_diacritics_hyphens_and_apostrophes() {
        for city in
            ["KHAN YOUNIS", "DEN HAAG", "GENÈVE", "'S-HERTOGENBOSCH", "NEW YORK", "ST. PETERSBURG"]
        {
            let text = format!("{city} (ANP) - Tekst");
            assert_eq!(city_and_agencies(&text).unwrap().0.as_deref(), Some(city), "{text}");
        }
    }

    #[test]
    fn agency_only_dateline_has_no_city() {
        assert_eq!(city_and_agencies("(ANP) - Het kabinet"), Some((None, vec!["ANP".into()])));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(city_and_agencies("De Russische president (72) - zo meldt"), None);
        assert_eq!(city_and_agencies("Het kabinet wil meer geld (voor defensie)."), None);
        assert_eq!(city_and_agencies("A (ANP) - x"), None);
    }

    #[test]
    fn en_dash_separator_and_spaces_around_slashes() {
        let (city, agencies) = city_and_agencies("BRUSSEL (BELGA / AFP) – De").unwrap();
        assert_eq!(city.as_deref(), Some("BRUSSEL"));
        assert_eq!(agencies, ["BELGA", "AFP"]);
    }
}
