//! Version 2 of extraction: the trained tagger finds the names, rules make
//! them canonical facet values.
//!
//! Owns the way from tagger spans to [`Entities`]:
//! - persons: leading titles are stripped (`president Macron` → `Macron`),
//!   a short mention takes the full name used elsewhere in the article
//!   (`Poetin` → `Vladimir Poetin`, `Van der Plas` → `Caroline van der
//!   Plas`), and a genitive loses its `s` only when the base is a person
//!   of the same article (`Poetins` → `Vladimir Poetin`; `Vriens` stays);
//! - locations: the gazetteer's Dutch spelling (`Kyiv` → `Kiev`);
//!   demonyms and adjectives (`Russische`, `Amerikaanse`) are dropped;
//! - organisations: the curated list's canonical name (`OM` → `Openbaar
//!   Ministerie`) and acronyms defined in the article (`RSF` → `Rapid
//!   Support Forces`); a leading article is dropped;
//! - other names (`MISC`: events, nationalities, titles) are not facets.
//!
//! Every value then goes through the name aliases (`Putin` → `Poetin`).

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use super::gazetteer::{Gazetteer, gazetteer, key, organization, title_case};
use super::organizations::acronym_definitions;
use super::persons::{FullNames, is_role_cue};
use super::tagger::model::ModelError;
use super::tagger::tokenize::{self, Token};
use super::tagger::{Kind, Tagger, tags};
use super::words::{runs, words};
use super::{Entities, Extractor, in_order};
use crate::Error;
use crate::analysis::Aliases;

/// The model compiled into newsidx (see `src/entities/data/README.md`).
const EMBEDDED_MODEL: &[u8] = include_bytes!("data/ner.model");

/// A name the tagger found: its kind and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Person, place, organisation or other name.
    pub kind: Kind,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// The name as written.
    pub text: String,
}

/// Extraction with a trained [`Tagger`].
#[derive(Debug, Clone)]
pub struct TaggerExtractor {
    tagger: Tagger,
    aliases: Aliases,
    id: String,
}

/// Version of what the extraction does besides the model and the lists
/// (the rule after decoding, canonical names): part of [`TaggerExtractor::id`],
/// raised when it changes what a page gives, so that a build extracts every
/// page again. 2: country abbreviations of sports results are places; 3: a
/// surname alone is the person named in full in the article; 4: an
/// organisation inside a curated name is the whole name; 5: a surname alone
/// takes the particles of the full name; 6: a country abbreviated in
/// capitals (`VS`) is a place; 7: the name before a bracketed country
/// abbreviation is a person; 8: a chess move is no name; 9: the tagger sees
/// first names joined by hyphens, company-name endings (`Invest`, `Media`)
/// and more organisation openers (`Radio`, `uitgeverij`), and a name in
/// brackets after a place (`WASHINGTON (AP)`) is no acronym of it.
const RULES: u32 = 9;

impl TaggerExtractor {
    /// An extractor with the model in `bytes` (made by `newsidx train-ner`)
    /// and the shipped name aliases.
    ///
    /// # Errors
    /// The bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<TaggerExtractor, ModelError> {
        Ok(TaggerExtractor {
            tagger: Tagger::from_bytes(bytes)?,
            aliases: Aliases::embedded(),
            id: format!(
                "tagger-{:016x}-{:016x}-r{RULES}",
                crate::crawl::content_hash(bytes),
                crate::entities::gazetteer::data_hash()
            ),
        })
    }

    /// An extractor with the model file at `path`.
    ///
    /// # Errors
    /// [`Error::NerModel`] naming the file when it cannot be read or is
    /// not a model.
    pub fn from_file(path: &Path) -> crate::Result<TaggerExtractor> {
        let error = |detail: String| Error::NerModel { path: path.to_path_buf(), detail };
        let bytes = std::fs::read(path).map_err(|e| error(e.to_string()))?;
        TaggerExtractor::from_bytes(&bytes).map_err(|e| error(e.to_string()))
    }

    /// The model in `path` (see [`TaggerExtractor::from_file`]), or the
    /// embedded one when there is no path.
    ///
    /// # Errors
    /// As [`TaggerExtractor::from_file`].
    pub fn load(path: Option<&Path>) -> crate::Result<Cow<'static, TaggerExtractor>> {
        Ok(match path {
            Some(path) => Cow::Owned(TaggerExtractor::from_file(path)?),
            None => Cow::Borrowed(TaggerExtractor::embedded()),
        })
    }

    /// The extractor with the embedded model, loaded once.
    pub fn embedded() -> &'static TaggerExtractor {
        static EMBEDDED: OnceLock<TaggerExtractor> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            TaggerExtractor::from_bytes(EMBEDDED_MODEL)
                .expect("the embedded model is checked by a unit test")
        })
    }

    /// Identifies the extraction: hashes of the model's bytes and of the
    /// embedded name lists, and the rules' version. An index records it, so
    /// that a build with another model, lists or rules extracts every page
    /// again.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the model was trained on, under which licence.
    pub fn provenance(&self) -> &str {
        &self.tagger.first.provenance
    }

    /// The tagger's models.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Every name the tagger finds in `text`, in order, as written.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let sentences = tokenize::sentences(text);
        let doc: Vec<Vec<String>> =
            sentences.iter().map(|s| s.iter().map(|t| t.text.clone()).collect()).collect();
        let tagged = self.tagger.tag(&doc);
        let mut out = Vec::new();
        for (tokens, tags) in sentences.iter().zip(&tagged) {
            for span in tags::spans(tags) {
                out.push(mention(text, &tokens[span.start..span.end], span.kind));
            }
        }
        out
    }
}

fn mention(text: &str, tokens: &[Token], kind: Kind) -> Mention {
    let (start, end) = (tokens[0].start, tokens[tokens.len() - 1].end);
    Mention { kind, start, end, text: text[start..end].to_string() }
}

impl Extractor for TaggerExtractor {
    fn extract(&self, text: &str) -> Entities {
        self.facets(text, &self.mentions(text))
    }
}

impl TaggerExtractor {
    /// The canonical facet values of `mentions` of `text` (what
    /// [`Extractor::extract`] makes of the tagger's mentions; evaluations
    /// give it gold mentions to compare facet values, not tags).
    pub fn facets(&self, text: &str, mentions: &[Mention]) -> Entities {
        let mut entities = canonical(text, mentions, gazetteer());
        for values in [&mut entities.persons, &mut entities.locations, &mut entities.organizations]
        {
            *values =
                in_order(values.iter().enumerate().map(|(i, v)| (i, self.alias(v))).collect());
        }
        entities
    }
}

impl TaggerExtractor {
    /// `Vladimir Putin` → `Vladimir Poetin`: the whole name, else each
    /// word, in the alias group's first spelling.
    fn alias(&self, value: &str) -> String {
        if let Some(name) = self.aliases.canonical(value) {
            return name.to_string();
        }
        let words: Vec<&str> = value.split(' ').collect();
        if words.len() == 1 {
            return value.to_string();
        }
        words.iter().map(|w| self.aliases.canonical(w).unwrap_or(w)).collect::<Vec<_>>().join(" ")
    }
}

/// Canonical facet values of the mentions of one text.
fn canonical(text: &str, mentions: &[Mention], g: &Gazetteer) -> Entities {
    let words = words(text);
    let mut acronyms = acronym_definitions(text, &words, &runs(&words));
    // `WASHINGTON (AP)` is a dateline, not `AP` defined as a place: the
    // long form must not be a name of another kind.
    acronyms.retain(|_, long| {
        !mentions.iter().any(|m| m.kind != Kind::Org && m.text.as_str() == *long)
    });
    let mut persons = Vec::new();
    let mut locations = Vec::new();
    let mut organizations = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match m.kind {
            Kind::Per => persons.extend(person(&m.text).map(|p| (i, p))),
            Kind::Loc => locations.extend(location(&m.text, g).map(|l| (i, l))),
            Kind::Org => {
                let org = organization(&m.text)
                    .or_else(|| acronyms.get(m.text.as_str()).copied())
                    .map_or_else(|| without_article(&m.text), str::to_string);
                organizations.push((i, org));
            }
            Kind::Misc => {}
        }
    }
    Entities {
        persons: in_order(resolve_persons(persons, g)),
        locations: in_order(locations),
        organizations: in_order(organizations),
    }
}

/// The name without leading titles (`Premier Dick Schoof` → `Dick
/// Schoof`); `None` when only a title is left.
fn person(written: &str) -> Option<String> {
    let words: Vec<&str> = written.split_whitespace().collect();
    let first = words.iter().position(|w| !is_role_cue(w))?;
    Some(words[first..].join(" "))
}

/// Short mentions take the article's full name; genitives lose their `s`
/// only when the base is a person of the article.
fn resolve_persons(persons: Vec<(usize, String)>, g: &Gazetteer) -> Vec<(usize, String)> {
    let full = FullNames::new(persons.iter().map(|(_, n)| (n.clone(), true)), g);
    let singles: Vec<String> =
        persons.iter().filter(|(_, n)| !n.contains(' ')).map(|(_, n)| key(n)).collect();
    persons
        .iter()
        .map(|(i, name)| {
            let resolved = match full.resolve(name) {
                Some(long) => long.to_string(),
                None => genitive_base(name, &singles).unwrap_or_else(|| name.clone()),
            };
            (*i, resolved)
        })
        .collect()
}

/// `Trumps` → `Trump` when `Trump` is a person of the same article.
fn genitive_base(name: &str, singles: &[String]) -> Option<String> {
    let base = name.strip_suffix("'s").or_else(|| name.strip_suffix('s'))?;
    singles.contains(&key(base)).then(|| base.to_string())
}

/// The gazetteer's spelling; a word that only describes a place
/// (`Russische`) is none. Capitals-only names are title-cased.
fn location(written: &str, g: &Gazetteer) -> Option<String> {
    if let Some((place, _)) = g.place(written) {
        return Some(place.to_string());
    }
    if let Some(country) = g.country_code(written) {
        // `Fra` of a sports result; `Hon` could be two countries.
        return country.map(str::to_string);
    }
    if is_adjective(written) {
        return None;
    }
    let all_caps = !written.chars().any(char::is_lowercase);
    Some(if all_caps { title_case(written) } else { written.to_string() })
}

/// Demonyms and place adjectives: `Russische`, `Amerikaanse`, `Franse`,
/// `Noord-Koreaanse`.
fn is_adjective(written: &str) -> bool {
    let lower = written.to_lowercase();
    !written.contains(' ') && ["sche", "se", "isch"].iter().any(|end| lower.ends_with(end))
}

fn without_article(name: &str) -> String {
    for article in ["De ", "de ", "Het ", "het "] {
        if let Some(rest) = name.strip_prefix(article)
            && rest.contains(char::is_uppercase)
        {
            return rest.to_string();
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_names_its_training_data() {
        let tagger = TaggerExtractor::embedded().tagger();
        assert!(tagger.first.weights.len() > 10_000);
        assert!(tagger.first.provenance.contains("train_a.conll"), "{}", tagger.first.provenance);
    }

    #[test]
    fn the_id_names_the_model_the_lists_and_the_rules() {
        let id = TaggerExtractor::embedded().id();
        let model = format!("{:016x}", crate::crawl::content_hash(EMBEDDED_MODEL));
        let lists = format!("{:016x}", crate::entities::gazetteer::data_hash());
        assert_eq!(id, format!("tagger-{model}-{lists}-r{RULES}"));
    }

    #[test]
    fn titles_are_stripped_from_persons() {
        assert_eq!(person("Premier Dick Schoof").as_deref(), Some("Dick Schoof"));
        assert_eq!(person("president"), None);
        assert_eq!(person("Vriens").as_deref(), Some("Vriens"));
    }

    #[test]
    fn genitive_only_when_the_base_is_a_person_of_the_article() {
        let g = gazetteer();
        let names = |list: &[&str]| {
            let persons = list.iter().enumerate().map(|(i, n)| (i, n.to_string())).collect();
            in_order(resolve_persons(persons, g))
        };
        assert_eq!(names(&["Vladimir Poetin", "Poetins"]), ["Vladimir Poetin"]);
        assert_eq!(names(&["Trump", "Trumps"]), ["Trump"]);
        assert_eq!(names(&["Vriens"]), ["Vriens"]);
        assert_eq!(names(&["Caroline van der Plas", "Van der Plas"]), ["Caroline van der Plas"]);
    }

    #[test]
    fn places_are_canonical_and_adjectives_are_not_places() {
        let g = gazetteer();
        assert_eq!(location("Kyiv", g).as_deref(), Some("Kiev"));
        assert_eq!(location("KHAN YOUNIS", g).as_deref(), Some("Khan Younis"));
        // The bare name, and the older Belgian spelling, are the larger Congo.
        for congo in ["Congo", "Kongo", "Democratische Republiek Kongo", "DR Congo"] {
            assert_eq!(location(congo, g).as_deref(), Some("Congo-Kinshasa"), "{congo}");
        }
        assert_eq!(location("Russische", g), None);
        assert_eq!(location("Amerikaanse", g), None);
    }

    #[test]
    fn seed_article_with_the_embedded_model() {
        let text = "Poetin en Xi hebben eerste persoonlijke ontmoeting sinds invasie\n\
            De Russische president Vladimir Poetin ontmoet de Chinese leider Xi Jinping komende \
            week in Oezbekistan. Het wordt de eerste keer dat de leiders elkaar persoonlijk treffen \
            sinds Rusland in februari buurland Oekraïne binnenviel.\nPoetin en Xi spreken elkaar \
            volgens het Russische persbureau TASS op een top van de \
            Sjanghai-samenwerkingsorganisatie (SSO). Die wordt op 15 en 16 september gehouden in \
            Samarkand. De SSO bestaat uit China, Rusland, India, Pakistan en een aantal \
            Centraal-Aziatische landen.";
        let e = TaggerExtractor::embedded().extract(text);
        assert_eq!(e.persons, ["Vladimir Poetin", "Xi Jinping"]);
        for place in ["Oezbekistan", "Rusland", "Oekraïne", "Samarkand", "China", "India"] {
            assert!(e.locations.contains(&place.to_string()), "{place}: {:?}", e.locations);
        }
        assert!(e.organizations.contains(&"TASS".to_string()), "{:?}", e.organizations);
    }

    #[test]
    fn aliases_make_one_value_of_two_spellings() {
        let e = TaggerExtractor::embedded()
            .extract("De Russische president Vladimir Putin sprak in Kyiv met zijn gezant.");
        assert_eq!(e.persons, ["Vladimir Poetin"]);
        assert_eq!(e.locations, ["Kiev"]);
    }
}
