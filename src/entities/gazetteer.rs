//! Embedded name lists: places, first names, surnames, organisations.
//!
//! Owns loading the lists under `src/entities/data/` (compiled into the
//! binary; see that folder's README for sources and licences) and looking
//! names up by a folded key, so `GENÈVE`, `Geneve` and `Genève` meet.
//! Also owns the title-casing used when a dateline city is in no list.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const PLACES: &str = include_str!("data/places.tsv");
const GIVEN_NAMES: &str = include_str!("data/given_names.txt");
const SURNAMES: &str = include_str!("data/surnames.txt");
const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country or territory (`Oekraïne`).
    Country,
    /// A continent, grouping, province or region (`Europa`, `Vlaanderen`).
    Region,
    /// A city from the world lists (`Moskou`).
    City,
    /// A Dutch or Belgian municipality.
    Municipality,
    /// A town or village.
    Town,
}

/// The lists, parsed once.
pub struct Gazetteer {
    places: HashMap<String, (String, PlaceKind)>,
    given_names: HashSet<String>,
    surnames: HashSet<String>,
    /// Keys of the first words of place and organisation names of two or
    /// more words: only a word in here can start one.
    starts: HashSet<String>,
    /// Longest place or organisation name, in words.
    pub max_words: usize,
    /// Country abbreviations of sports results ([`Gazetteer::country_code`]).
    country_codes: HashMap<&'static str, Option<&'static str>>,
}

/// Abbreviations of countries in sports results that are not the first
/// three letters of the country's name, or that the results use for one of
/// several countries whose names begin so (`Slo` is Slovenia, Slovakia is
/// `Svk`).
const OTHER_COUNTRY_CODES: &[(&str, &str)] = &[
    ("VS", "Verenigde Staten"),
    ("VSt", "Verenigde Staten"),
    ("GB", "Verenigd Koninkrijk"),
    ("ZAf", "Zuid-Afrika"),
    ("WRu", "Belarus"),
    ("Kzk", "Kazachstan"),
    ("Slo", "Slovenië"),
    ("Svk", "Slowakije"),
    ("Slk", "Slowakije"),
    ("Hon", "Hongarije"),
    ("Eng", "Engeland"),
];

/// Three-letter abbreviations that are words or the first word of other
/// names more often than countries (`Van` of Vanuatu, `San` of San Marino:
/// a place tagged `San` is more likely `San Sebastián` cut short).
const NOT_COUNTRY_CODES: &[&str] = &["Van", "San"];

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::embedded);

/// A hash of every embedded list: what a page's entities are depends on
/// them as much as on the model.
pub fn data_hash() -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for list in [PLACES, GIVEN_NAMES, SURNAMES, ORGANIZATIONS] {
        hasher.update(list.as_bytes());
        hasher.update(&[0]);
    }
    hasher.digest()
}

/// Curated organisation names, variant → canonical name. Loaded apart from
/// the larger place and name lists: a query needs only these, and `search`
/// should not pay for the rest at start-up.
static ORGANIZATIONS_BY_VARIANT: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(ORGANIZATIONS) {
        let (name, variants) = organization_line(line);
        for variant in variants {
            map.insert(variant.to_string(), name.to_string());
        }
    }
    map
});

/// The canonical curated organisation for a name written exactly like this
/// (case-sensitive, so `OM` matches and `om` does not). Does not load the
/// rest of the gazetteer.
pub fn organization(name: &str) -> Option<&'static str> {
    ORGANIZATIONS_BY_VARIANT.get(name).map(String::as_str)
}

/// The other names of a curated organisation (`Openbaar Ministerie` →
/// `OM`), sorted.
pub fn organization_variants(canonical: &str) -> Vec<&'static str> {
    let mut out: Vec<&str> = ORGANIZATIONS_BY_VARIANT
        .iter()
        .filter(|(variant, name)| *name == canonical && *variant != canonical)
        .map(|(variant, _)| variant.as_str())
        .collect();
    out.sort_unstable();
    out
}

/// A line of `organizations.tsv`: the canonical name and every variant
/// (the name itself first).
fn organization_line(line: &str) -> (&str, impl Iterator<Item = &str>) {
    let mut cols = line.split('\t');
    let name = cols.next().unwrap_or("");
    let aliases = cols.next().unwrap_or("");
    (name, std::iter::once(name).chain(aliases.split('|')).filter(|v| !v.is_empty()))
}

/// The embedded gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    fn embedded() -> Gazetteer {
        let mut g = Gazetteer {
            places: HashMap::default(),
            given_names: data_lines(GIVEN_NAMES).map(key).collect(),
            surnames: data_lines(SURNAMES).map(key).collect(),
            starts: HashSet::default(),
            max_words: 1,
            country_codes: HashMap::default(),
        };
        let countries: Vec<(&str, &str)> =
            data_lines(PLACES).filter_map(|line| g.add_place_line(line)).collect();
        g.country_codes = country_codes(&countries);
        for line in data_lines(ORGANIZATIONS) {
            for variant in organization_line(line).1 {
                g.note_words(variant);
            }
        }
        g
    }

    /// Adds a line of `places.tsv`; a country's name and ISO code are
    /// returned for [`country_codes`].
    fn add_place_line(&mut self, line: &'static str) -> Option<(&'static str, &'static str)> {
        let mut cols = line.split('\t');
        let (Some(name), Some(kind)) = (cols.next(), cols.next().and_then(place_kind)) else {
            return None;
        };
        let iso = cols.next().unwrap_or("");
        let aliases = cols.next().unwrap_or("");
        for variant in std::iter::once(name).chain(aliases.split('|')).filter(|v| !v.is_empty()) {
            self.note_words(variant);
            self.places.entry(key(variant)).or_insert_with(|| (name.to_string(), kind));
        }
        (kind == PlaceKind::Country).then_some((name, iso))
    }

    fn note_words(&mut self, name: &str) {
        let mut words = name.split_whitespace();
        let first = words.next().unwrap_or("");
        let count = 1 + words.count();
        self.max_words = self.max_words.max(count);
        if count > 1 {
            self.starts.insert(key(first));
        }
    }

    /// Whether a word (in `key` form: lowercase, folded) starts a known name of two or more
    /// words (`Den` of `Den Haag`, `Verenigde` of `Verenigde Staten`).
    pub fn starts_longer_name(&self, word_key: &str) -> bool {
        self.starts.contains(word_key)
    }

    /// [`Gazetteer::place`] for a name already in `key` form (lowercase, folded).
    pub fn place_by_key(&self, name_key: &str) -> Option<(&str, PlaceKind)> {
        self.places.get(name_key).map(|(n, k)| (n.as_str(), *k))
    }

    /// Whether a word, in `key` form, is a known first name or surname.
    pub fn person_word(&self, word_key: &str) -> (bool, bool) {
        (self.given_key(word_key), self.surnames.contains(word_key))
    }

    /// A listed first name, or first names joined by hyphens (`Peter-Jan`,
    /// `Marie-Chantal`: the lists hold only the commonest pairs).
    fn given_key(&self, word_key: &str) -> bool {
        self.given_names.contains(word_key)
            || (word_key.contains('-')
                && word_key.split('-').all(|part| self.given_names.contains(part)))
    }

    /// The canonical place for a name in any spelling or case:
    /// `MOSKOU`/`Moscow` → `Moskou`.
    pub fn place(&self, name: &str) -> Option<(&str, PlaceKind)> {
        self.places.get(&key(name)).map(|(n, k)| (n.as_str(), *k))
    }

    /// Whether `word` abbreviates a country as sports results do, after a
    /// rider or a team in brackets (`Finot (Fra)`, `Van Aert (Bel)`: the
    /// first three letters of its Dutch name, or `VS`, `GB`): `Some` with
    /// the country when only one country's name begins so (`Fra` →
    /// `Frankrijk`; names of one word first, so not `Frans-Guyana`),
    /// `Some(None)` when several do (`Chi`: China, Chili).
    pub fn country_code(&self, word: &str) -> Option<Option<&str>> {
        self.country_codes.get(word).copied()
    }

    /// Whether `word` is a known first name (`Vladimir`, `Dilan`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_key(&key(word))
    }

    /// Whether `word` is a known Dutch or Belgian surname (`Jansen`,
    /// `Peeters`).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(&key(word))
    }

    /// Dateline city in normal spelling: from the gazetteer when known
    /// (`MOSKOU` → `Moskou`, `GENÈVE` → `Genève`), else title-cased
    /// (`KHAN YOUNIS` → `Khan Younis`).
    pub fn canonical_city(&self, raw: &str) -> String {
        match self.place(raw) {
            Some((name, _)) => name.to_string(),
            None => title_case(raw),
        }
    }
}

/// [`Gazetteer::country_code`]'s table from the countries' names and ISO
/// codes: each country's first three letters (title case) → the country,
/// or `None` when names of several countries begin with them. Of several, the one
/// name of one word wins (`Fra`: `Frankrijk`, not `Frans-Guyana`), else the
/// one whose ISO code the letters begin with (`Bel`: België `BE`, not
/// Belize or Belarus; `Mar`: Marokko `MA`).
fn country_codes(
    countries: &[(&'static str, &'static str)],
) -> HashMap<&'static str, Option<&'static str>> {
    let mut by_code: HashMap<&str, Vec<(&str, &str)>> = HashMap::default();
    for &(name, iso) in countries {
        let code = &name[..name.char_indices().nth(3).map_or(name.len(), |(i, _)| i)];
        if code.chars().count() == 3
            && code.chars().all(char::is_alphabetic)
            && code.starts_with(char::is_uppercase)
            && !NOT_COUNTRY_CODES.contains(&code)
        {
            by_code.entry(code).or_default().push((name, iso));
        }
    }
    let mut out: HashMap<&str, Option<&str>> = by_code
        .into_iter()
        .map(|(code, countries)| {
            let choice = only(&countries, |(n, _)| !n.contains([' ', '-']))
                .or_else(|| only(&countries, |(_, iso)| code.to_uppercase().starts_with(iso)))
                .or_else(|| only(&countries, |_| true));
            (code, choice)
        })
        .collect();
    for &(code, country) in OTHER_COUNTRY_CODES {
        out.insert(code, Some(country));
    }
    out
}

/// The name of the one country of `countries` that passes `keep`.
fn only<'a>(
    countries: &[(&'a str, &str)],
    keep: impl Fn(&(&str, &str)) -> bool,
) -> Option<&'a str> {
    match countries.iter().filter(|c| keep(c)).collect::<Vec<_>>().as_slice() {
        [(name, _)] => Some(name),
        _ => None,
    }
}

fn place_kind(s: &str) -> Option<PlaceKind> {
    Some(match s {
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "city" => PlaceKind::City,
        "municipality" => PlaceKind::Municipality,
        "town" => PlaceKind::Town,
        _ => return None,
    })
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lookup key: lowercase, diacritics removed, `’` as `'`, single spaces.
pub fn key(name: &str) -> String {
    crate::analysis::fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title-cases a name written in capitals, following Dutch habits:
/// `'S-HERTOGENBOSCH` → `'s-Hertogenbosch`, `IJMUIDEN` → `IJmuiden`,
/// `EL-FASHER` → `El-Fasher`.
pub fn title_case(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut word_start = true;
    let mut chars = raw.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' || c == '-' {
            out.push(c);
            word_start = true;
        } else if word_start && (c == '\'' || c == '’') {
            out.push('\'');
            if let Some(letter) = chars.next() {
                out.extend(letter.to_lowercase());
            }
        } else if word_start {
            out.push(c);
            if (c == 'I' || c == 'i') && chars.peek().is_some_and(|&n| n == 'J' || n == 'j') {
                chars.next();
                out.push('J');
            }
            word_start = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_cities_get_their_dutch_spelling() {
        let g = gazetteer();
        assert_eq!(g.canonical_city("MOSKOU"), "Moskou");
        assert_eq!(g.canonical_city("GENÈVE"), "Genève");
        assert_eq!(g.canonical_city("DEN HAAG"), "Den Haag");
        assert_eq!(g.canonical_city("'S-HERTOGENBOSCH"), "'s-Hertogenbosch");
        assert_eq!(g.canonical_city("KHAN YOUNIS"), "Khan Younis");
    }

    #[test]
    fn title_case_fallback_follows_dutch_habits() {
        assert_eq!(title_case("KHAN YOUNIS"), "Khan Younis");
        assert_eq!(title_case("'S-GRAVENZANDE"), "'s-Gravenzande");
        assert_eq!(title_case("IJMUIDEN"), "IJmuiden");
        assert_eq!(title_case("EL-FASHER"), "El-Fasher");
    }

    #[test]
    fn places_are_found_in_any_spelling() {
        let g = gazetteer();
        assert_eq!(g.place("Oekraine").map(|p| p.0), Some("Oekraïne"));
        assert_eq!(g.place("Moscow").map(|p| p.0), Some("Moskou"));
        assert_eq!(g.place("Liège").map(|p| p.0), Some("Luik"));
    }

    #[test]
    fn country_abbreviations_of_sports_results() {
        let g = gazetteer();
        // The first three letters; of several countries, the one-word name
        // (`Fra`, not Frans-Guyana), then the ISO code (`Bel`: België, not
        // Belize or Belarus; `Mar`: Marokko); the results' own codes.
        for (code, country) in [
            ("Fra", "Frankrijk"),
            ("Ita", "Italië"),
            ("Ned", "Nederland"),
            ("Oos", "Oostenrijk"),
            ("Bel", "België"),
            ("Mar", "Marokko"),
            ("Slo", "Slovenië"),
            ("Svk", "Slowakije"),
            ("VSt", "Verenigde Staten"),
        ] {
            assert_eq!(g.country_code(code), Some(Some(country)), "{code}");
        }
        assert_eq!(g.country_code("Chi"), Some(None), "China or Chili");
        assert_eq!(g.country_code("Van"), None, "a name, not Vanuatu");
        assert_eq!(g.country_code("San"), None, "San Sebastián, not San Marino");
        assert_eq!(g.country_code("fra"), None, "title case only");
    }

    #[test]
    fn given_names_and_organisations() {
        let g = gazetteer();
        assert!(g.is_given_name("Vladimir"));
        assert!(!g.is_given_name("Rusland"));
        assert!(g.is_given_name("Peter-Jan"), "first names joined by a hyphen");
        assert!(g.is_given_name("Marie-Chantal"));
        assert!(!g.is_given_name("Jan-Modaal"), "every part a first name");
        assert!(!g.is_given_name("Peter-"));
        assert_eq!(organization("NAVO"), Some("NAVO"));
        assert_eq!(organization("om"), None);
    }

    #[test]
    fn key_folds_case_diacritics_and_ligatures() {
        assert_eq!(key("GENÈVE"), "geneve");
        assert_eq!(key("Ĳsland"), "ijsland");
        assert_eq!(key("Den  Haag"), "den haag");
    }
}
