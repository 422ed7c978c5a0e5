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
