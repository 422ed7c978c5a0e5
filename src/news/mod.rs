//! Stories: the units newsidx indexes and returns.
//!
//! Owns turning one parsed page into its stories (one `article`, one
//! `brief` per `Meer uit` item) with everything a story carries: stable id,
//! canonical dateline city and agencies, section, time, entities. Pure: the
//! file facts it needs come in with the [`SourceFile`].
//!
//! Ids are `{path}#{n}`: `#0` is the article, `#1`… the briefs in page
//! order. They stay the same across builds as long as the file does.

mod published;

use time::OffsetDateTime;

use crate::crawl::SourceFile;
use crate::entities::{Entities, Extractor, canonical_agencies, gazetteer};
use crate::parse::{Dateline, Page};

pub use published::{date_in_path, page_time};

/// Whether a story is a page's article or one of its briefs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The page's main article.
    Article,
    /// An agency item from the page's `Meer uit` block.
    Brief,
}

impl Kind {
    /// `article` or `brief`, as stored in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Brief => "brief",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "article" => Some(Kind::Article),
            "brief" => Some(Kind::Brief),
            _ => None,
        }
    }
}

/// One indexable story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Stable id: `{path}#{n}`.
    pub id: String,
    /// Page path relative to the corpus root.
    pub path: String,
    /// Article or brief.
    pub kind: Kind,
    /// Section from the page's `Meer uit` line.
    pub section: Option<String>,
    /// Headline (article) or first sentence (brief).
    pub title: String,
    /// Text as written, dateline included.
    pub body: String,
    /// Canonical dateline city (`Khan Younis`).
    pub dateline: Option<String>,
    /// Canonical agencies (`ANP`, `Reuters`).
    pub agencies: Vec<String>,
    /// Publication time (UTC).
    pub published: OffsetDateTime,
    /// Persons, locations (dateline city first) and organisations.
    pub entities: Entities,
}

/// The stories of one page: its article, then its briefs in order.
pub fn stories(file: &SourceFile, page: &Page, extractor: &dyn Extractor) -> Vec<Story> {
    let path = &file.entry.rel_path;
    let time = page_time(path, file.entry.mtime_ns);
    let article = &page.article;
    let mut out = vec![story(
        StoryParts {
            id: format!("{path}#0"),
            kind: Kind::Article,
            title: &article.headline,
            body: &article.body,
            dateline: article.dateline.as_ref(),
            published: time,
        },
        file,
        page,
        extractor,
    )];
    for (n, brief) in page.briefs.iter().enumerate() {
        let age =
            time::Duration::try_from(brief.age.unwrap_or_default()).unwrap_or(time::Duration::ZERO);
        let parts = StoryParts {
            id: format!("{path}#{}", n + 1),
            kind: Kind::Brief,
            title: &brief.title,
            body: &brief.text,
            dateline: brief.dateline.as_ref(),
            published: time.checked_sub(age).unwrap_or(time),
        };
        out.push(story(parts, file, page, extractor));
    }
    out
}

/// What differs between an article and a brief.
struct StoryParts<'a> {
    id: String,
    kind: Kind,
    title: &'a str,
    body: &'a str,
    dateline: Option<&'a Dateline>,
    published: OffsetDateTime,
}

fn story(
    parts: StoryParts<'_>,
    file: &SourceFile,
    page: &Page,
    extractor: &dyn Extractor,
) -> Story {
    let city =
        parts.dateline.and_then(|d| d.city.as_deref()).map(|c| gazetteer().canonical_city(c));
    let agencies = parts.dateline.map(|d| canonical_agencies(&d.agencies)).unwrap_or_default();
    let mut entities = extractor.extract(&entity_text(parts.kind, parts.title, parts.body));
    if let Some(city) = &city {
        entities.locations.retain(|l| l != city);
        entities.locations.insert(0, city.clone());
    }
    Story {
        id: parts.id,
        path: file.entry.rel_path.clone(),
        kind: parts.kind,
        section: page.section.clone(),
        title: parts.title.to_string(),
        body: parts.body.to_string(),
        dateline: city,
        agencies,
        published: parts.published,
        entities,
    }
}

/// The text entities are taken from: the body without its dateline (whose
/// capitals and agency codes are not names in running text), after the
/// headline for articles. A brief's title is its own first sentence.
fn entity_text(kind: Kind, title: &str, body: &str) -> String {
    let body = match crate::parse::dateline(body) {
        Some((_, len)) => &body[len..],
        None => body,
    };
    match kind {
        Kind::Article => format!("{title}\n{body}"),
        Kind::Brief => body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::{Encoding, FileEntry};
    use crate::entities::RuleExtractor;

    fn seed_stories() -> Vec<Story> {
        let text = crate::parse::tests::SEED;
        let file = SourceFile {
            entry: FileEntry {
                path: "x".into(),
                rel_path: "2025/12/02/seed.txt".into(),
                size: text.len() as u64,
                mtime_ns: 0,
            },
            text: text.to_string(),
            encoding: Encoding::Utf8,
            hash: 0,
        };
        let page = crate::parse::page(text).unwrap();
        stories(&file, &page, &RuleExtractor)
    }

    #[test]
    fn seed_gives_one_article_and_seven_briefs_with_stable_ids() {
        let s = seed_stories();
        let ids: Vec<_> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids[0], "2025/12/02/seed.txt#0");
        assert_eq!(ids[7], "2025/12/02/seed.txt#7");
        assert_eq!(s.iter().filter(|s| s.kind == Kind::Brief).count(), 7);
    }

    #[test]
    fn canonical_cities_and_agencies_do_not_leak() {
        let s = seed_stories();
        assert_eq!(s[0].dateline.as_deref(), Some("Moskou"));
        assert_eq!(s[0].agencies, ["ANP", "AFP", "Bloomberg"]);
        assert_eq!(s[1].dateline.as_deref(), Some("Khan Younis"));
        assert_eq!(s[1].agencies, ["ANP"]);
        assert_eq!(s[4].agencies, ["ANP", "AFP", "Reuters"]);
        assert_eq!(s[1].section.as_deref(), Some("Buitenland"));
    }

    #[test]
    fn brief_time_is_page_time_minus_age() {
        let s = seed_stories();
        let page_time = s[0].published;
        assert_eq!(page_time - s[1].published, time::Duration::minutes(29));
        assert_eq!(page_time - s[7].published, time::Duration::hours(5));
    }

    #[test]
    fn dateline_city_is_the_first_location() {
        let s = seed_stories();
        assert_eq!(s[0].entities.locations.first().map(String::as_str), Some("Moskou"));
        assert_eq!(s[1].entities.locations.first().map(String::as_str), Some("Khan Younis"));
    }
}
