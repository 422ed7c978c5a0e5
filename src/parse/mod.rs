//! The news page format: decoded page text in, [`Page`] out.
//!
//! Owns the page format and nothing else: no IO, no lowercasing, no
//! tokenizing, no entity detection. Texts are slices of the page as written,
//! so snippets can show the source text.
//!
//! ```text
//! Poetin en Xi hebben eerste persoonlijke ontmoeting sinds invasie      ← headline (first non-empty line)
//! MOSKOU (ANP/AFP/BLOOMBERG) - De Russische president Vladimir Poetin … ← article; the first paragraph
//! Poetin en Xi spreken elkaar volgens …                                    may open with a dateline
//! Meer uit Buitenland                                                   ← optional block marker
//! KHAN YOUNIS (ANP) - De Palestijnse journalist …                       ← items, each a brief of its own;
//! 29 minuten geledenKHARTOEM (ANP) - De aanvallen …                       the age is glued to the next city
//! 30 minuten geleden
//! ```
//!
//! Pages without a dateline (analyses, columns) are valid. A page's
//! dateline never leaks into its briefs or the other way round: each brief
//! reads only its own text.

mod dateline;
mod items;
mod sentence;

use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

pub use dateline::{Dateline, dateline};
pub use sentence::first_sentence;

/// A parsed page: one article plus the briefs of its `Meer uit` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's own article.
    pub article: Article,
    /// Section named by the `Meer uit <Sectie>` line, e.g. `Buitenland`.
    pub section: Option<String>,
    /// The agency items of the `Meer uit` block, in page order.
    pub briefs: Vec<Brief>,
}

/// The main article of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// First non-empty line.
    pub headline: String,
    /// Dateline of the first paragraph, if any.
    pub dateline: Option<Dateline>,
    /// Paragraphs after the headline, one per line, dateline included.
    pub body: String,
}

/// One agency item from a `Meer uit` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// The item's first sentence, without its dateline.
    pub title: String,
    /// The item's own dateline, if any.
    pub dateline: Option<Dateline>,
    /// The whole item text, dateline included.
    pub text: String,
    /// How long before the page's time the item was published.
    pub age: Option<Duration>,
}

/// Why a text is not a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing but whitespace.
    #[error("the page is empty")]
    Empty,
}

/// A first line longer than this is not a headline.
const MAX_HEADLINE_BYTES: usize = 500;

static SECTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*Meer uit[ \t]+(?P<section>\p{Lu}[\p{L}\p{M}'\-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\p{L}\p{M}'\-]*){0,2})[ \t]*$",
    )
        .expect("section regex is valid")
});

/// Parses decoded page text (BOM removed; LF or CRLF).
///
/// # Example
/// ```
/// let text = "Kop\nDEN HAAG (ANP) - Het kabinet valt.\nMeer uit Binnenland\n\
///             UTRECHT (ANP) - Trein rijdt weer.\n3 uur geleden\n";
/// let page = newsidx::parse::page(text).unwrap();
/// assert_eq!(page.article.headline, "Kop");
/// assert_eq!(page.article.dateline.unwrap().city.as_deref(), Some("DEN HAAG"));
/// assert_eq!(page.section.as_deref(), Some("Binnenland"));
/// assert_eq!(page.briefs[0].title, "Trein rijdt weer.");
/// ```
pub fn page(text: &str) -> Result<Page, ParseError> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).ok_or(ParseError::Empty)?;
    let first_line = lines[first].trim();
    let (headline, rest) = if first_line.len() > MAX_HEADLINE_BYTES {
        // Not a headline but text without line breaks (a scraper that lost
        // them): its first sentence is the headline, and all of it the body.
        (first_sentence(first_line).to_string(), &lines[first..])
    } else {
        (first_line.to_string(), &lines[first + 1..])
    };
    let marker = rest.iter().position(|l| SECTION_LINE.is_match(l));
    let (article_lines, block) = match marker {
        Some(i) => (&rest[..i], Some((&rest[i], &rest[i + 1..]))),
        None => (rest, None),
    };
    let article = article(headline, article_lines);
    let (section, briefs) = match block {
        Some((marker_line, block_lines)) => {
            (section_name(marker_line), briefs(&block_lines.join("\n")))
        }
        None => (None, Vec::new()),
    };
    Ok(Page { article, section, briefs })
}

fn article(headline: String, lines: &[&str]) -> Article {
    let body =
        lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    let dateline = dateline(&body).map(|(d, _)| d);
    Article { headline, dateline, body }
}

fn section_name(line: &str) -> Option<String> {
    SECTION_LINE.captures(line).map(|c| c["section"].trim().to_string())
}

fn briefs(block: &str) -> Vec<Brief> {
    items::split(block).into_iter().map(|item| brief(item.text, item.age)).collect()
}

fn brief(text: &str, age: Option<Duration>) -> Brief {
    let (dateline, prefix_len) = match dateline(text) {
        Some((d, len)) => (Some(d), len),
        None => (None, 0),
    };
    let title = first_sentence(&text[prefix_len..]).to_string();
    let text = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    Brief { title, dateline, text, age }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const SEED: &str = include_str!("../../corpus/2025/12/02/000_487c0d66560372fc.txt");

    #[test]
    fn seed_page_has_one_article_and_seven_briefs() {
        let page = page(SEED).unwrap();
        assert_eq!(
            page.article.headline,
            "Poetin en Xi hebben eerste persoonlijke ontmoeting sinds invasie"
        );
        let d = page.article.dateline.as_ref().unwrap();
        assert_eq!(d.city.as_deref(), Some("MOSKOU"));
        assert_eq!(d.agencies, ["ANP", "AFP", "BLOOMBERG"]);
        assert_eq!(page.section.as_deref(), Some("Buitenland"));
        assert_eq!(page.briefs.len(), 7);
        assert!(!page.article.body.contains("KHAN YOUNIS"), "briefs leak into the article");
    }

    #[test]
    fn seed_briefs_have_their_own_cities_agencies_and_ages() {
        let page = page(SEED).unwrap();
        let got: Vec<(String, Vec<String>, u64)> = page
            .briefs
            .iter()
            .map(|b| {
                let d = b.dateline.clone().unwrap();
                (d.city.unwrap(), d.agencies, b.age.unwrap().as_secs() / 60)
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("KHAN YOUNIS".into(), s(&["ANP"]), 29),
                ("KHARTOEM".into(), s(&["ANP"]), 30),
                ("MOSKOU".into(), s(&["ANP", "AFP"]), 60),
                ("MOSKOU".into(), s(&["ANP", "AFP", "RTR"]), 120),
                ("WASHINGTON".into(), s(&["ANP", "AFP"]), 180),
                ("WASHINGTON".into(), s(&["ANP"]), 240),
                ("LONDEN".into(), s(&["ANP", "AFP"]), 300),
            ]
        );
    }

    #[test]
    fn brief_title_is_its_first_sentence_without_dateline() {
        let page = page(SEED).unwrap();
        assert_eq!(
            page.briefs[0].title,
            "De Palestijnse journalist Mahmoud Wadi is gedood bij een Israëlische droneaanval in \
             de Gazastrook, meldt het Palestijnse persbureau WAFA."
        );
        assert!(page.briefs[0].text.starts_with("KHAN YOUNIS (ANP) - De Palestijnse"));
        assert!(page.briefs[0].text.ends_with("Khan Younis."));
    }

    #[test]
    fn page_without_dateline_is_valid() {
        let page =
            page("Analyse: wat wil Poetin?\nDe oorlog duurt voort.\nTweede alinea.").unwrap();
        assert_eq!(page.article.dateline, None);
        assert_eq!(page.article.body, "De oorlog duurt voort.\nTweede alinea.");
        assert!(page.briefs.is_empty());
    }

    #[test]
    fn crlf_and_lf_pages_parse_the_same() {
        let crlf = SEED.replace('\n', "\r\n");
        assert_eq!(page(&crlf).unwrap(), page(SEED).unwrap());
    }

    #[test]
    fn blank_text_is_an_error() {
        assert_eq!(page(" \n\t\r\n"), Err(ParseError::Empty));
    }

    #[test]
    fn overlong_first_line_gives_a_sentence_headline_and_keeps_all_text() {
        let line = format!("Eerste zin. {}", "Nog een zin met woorden. ".repeat(30));
        let page = page(&line).unwrap();
        assert_eq!(page.article.headline, "Eerste zin.");
        assert_eq!(page.article.body, line.trim());
    }

    #[test]
    fn headline_only_page_has_empty_body() {
        let page = page("\n\nAlleen een kop\n").unwrap();
        assert_eq!(page.article.headline, "Alleen een kop");
        assert_eq!(page.article.body, "");
    }

    #[test]
    fn meer_uit_in_a_sentence_is_not_a_block_marker() {
        let page =
            page("Kop\nMeer uit de begroting gaat naar defensie, zegt de minister.").unwrap();
        assert_eq!(page.section, None);
        let page = super::page("Kop\nMeer uit Brussel komt steun").unwrap();
        assert_eq!(page.section, None);
    }

    #[test]
    fn section_names_may_have_two_words_and_an_ampersand() {
        let page = page("Kop\nTekst.\nMeer uit Tech & Media\nGENT (BELGA) - Iets.\n1 uur geleden")
            .unwrap();
        assert_eq!(page.section.as_deref(), Some("Tech & Media"));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics_and_headline_is_a_line_of_the_page(text in "\\PC{0,400}") {
                if let Ok(page) = page(&text) {
                    prop_assert!(text.contains(&page.article.headline));
                    for brief in &page.briefs {
                        prop_assert!(!brief.text.is_empty());
                    }
                }
            }

            #[test]
            fn never_panics_on_page_like_text(
                lines in proptest::collection::vec(
                    "(MOSKOU \\(ANP/AFP\\) - |[0-9] uur geleden|Meer uit Sport|gisteren)?[a-zA-Zë .]{0,30}",
                    0..12)
            ) {
                let text = lines.join("\n");
                let _ = page(&text);
            }
        }
    }
}
