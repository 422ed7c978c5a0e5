//! Splits a `Meer uit <Sectie>` block into its agency items.
//!
//! On news sites the block is scraped as text in which each item's age is
//! glued to the next item's city:
//!
//! ```text
//! KHAN YOUNIS (ANP) - De Palestijnse journalist … Khan Younis.
//! 29 minuten geledenKHARTOEM (ANP) - De aanvallen …
//! 30 minuten geleden
//! ```
//!
//! An age (`29 minuten geleden`, `1 uur geleden`, `2 dagen geleden`,
//! `gisteren`) *ends* the item before it. An age counts as a separator only
//! where one can stand: at the start of a line, followed by the end of the
//! block, a line break or a dateline. `3 uur geleden vielen er doden` in
//! running text is therefore left alone. A line that starts with a dateline
//! also starts a new item, for blocks whose items carry no age.

use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use super::dateline::dateline;

/// One item of the block, before any interpretation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItem<'a> {
    /// Item text, trimmed, starting with its dateline if it has one.
    pub text: &'a str,
    /// Age written after the item, if any.
    pub age: Option<Duration>,
}

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^[ \t]*(?:(?P<n>\d{1,4})[ \t]*(?P<unit>seconden|seconde|minuten|minuut|min\.?|uur|uren|dagen|dag|weken|week|maanden|maand)[ \t]+geleden|(?P<word>eergisteren|gisteren))",
    )
    .expect("age regex is valid")
});

/// Splits the text of a `Meer uit` block (everything after that line) into
/// items, in order. Empty pieces are dropped.
pub fn split(block: &str) -> Vec<RawItem<'_>> {
    let mut items = Vec::new();
    let mut start = 0;
    // Found with the regex's DFA; its groups are read from the short match
    // only (capture groups need its slowest engine, which over the whole
    // block was a visible share of a build).
    for whole in AGE.find_iter(block) {
        if !ends_an_item(&block[whole.end()..]) {
            continue;
        }
        let age = AGE.captures(whole.as_str()).and_then(|caps| age_duration(&caps));
        push_pieces(&mut items, &block[start..whole.start()], age);
        start = whole.end();
    }
    push_pieces(&mut items, &block[start..], None);
    items
}

/// An age separates items when what follows it is the end of the block, a
/// line break, or a dateline.
fn ends_an_item(rest: &str) -> bool {
    let after = rest.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with(['\n', '\r']) || dateline(after).is_some()
}

/// Pushes the piece of text before an age; a piece may hold several items
/// when lines start with datelines but carry no age. The age belongs to the
/// last of them.
fn push_pieces<'a>(items: &mut Vec<RawItem<'a>>, piece: &'a str, age: Option<Duration>) {
    let starts = item_line_starts(piece);
    for (i, &from) in starts.iter().enumerate() {
        let to = starts.get(i + 1).copied().unwrap_or(piece.len());
        let text = piece[from..to].trim();
        if text.is_empty() {
            continue;
        }
        let is_last = i + 1 == starts.len();
        items.push(RawItem { text, age: if is_last { age } else { None } });
    }
}

/// Byte offsets where items start in `piece`: 0 plus every later line that
/// opens with a dateline.
fn item_line_starts(piece: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in piece.split_inclusive('\n') {
        if offset > 0 && dateline(line.trim_start()).is_some() {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
}

fn age_duration(caps: &regex::Captures<'_>) -> Option<Duration> {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    if let Some(word) = caps.name("word") {
        let days = if word.as_str().eq_ignore_ascii_case("eergisteren") { 2 } else { 1 };
        return Some(Duration::from_secs(days * DAY));
    }
    let n: u64 = caps["n"].parse().ok()?;
    let unit = caps["unit"].to_lowercase();
    let seconds = match unit.trim_end_matches('.') {
        "seconde" | "seconden" => 1,
        "minuut" | "minuten" | "min" => MINUTE,
        "uur" | "uren" => HOUR,
        "dag" | "dagen" => DAY,
        "week" | "weken" => 7 * DAY,
        "maand" | "maanden" => 30 * DAY,
        _ => return None,
    };
    Some(Duration::from_secs(n * seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(n: u64) -> Option<Duration> {
        Some(Duration::from_secs(n * 60))
    }

    #[test]
    fn glued_ages_end_the_item_before_them() {
        let block = "KHAN YOUNIS (ANP) - Eerste.\n29 minuten geledenKHARTOEM (ANP) - Tweede.\n1 uur geleden";
        assert_eq!(
            split(block),
            [
                RawItem { text: "KHAN YOUNIS (ANP) - Eerste.", age: minutes(29) },
                RawItem { text: "KHARTOEM (ANP) - Tweede.", age: minutes(60) },
            ]
        );
    }

    #[test]
    fn last_item_without_age_is_kept() {
        let block = "BRUSSEL (BELGA) - Een.\n5 minuten geledenGENT (BELGA) - Twee.";
        let items = split(block);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1], RawItem { text: "GENT (BELGA) - Twee.", age: None });
    }

    #[test]
    fn singular_units_days_and_gisteren() {
        let block = "ROTTERDAM (ANP) - x\n1 minuut geledenDEN HAAG (ANP) - y\n2 dagen geledenLUIK (BELGA) - z\ngisteren";
        let ages: Vec<_> = split(block).into_iter().map(|i| i.age).collect();
        assert_eq!(
            ages,
            [minutes(1), Some(Duration::from_secs(2 * 86_400)), Some(Duration::from_secs(86_400))]
        );
    }

    #[test]
    fn age_in_running_text_is_not_a_separator() {
        let block =
            "GAZA (AFP) - De aanval was\n3 uur geleden begonnen, meldt WAFA.\n1 uur geleden";
        let items = split(block);
        assert_eq!(items.len(), 1);
        assert!(items[0].text.contains("3 uur geleden begonnen"));
        assert_eq!(items[0].age, minutes(60));
    }

    #[test]
    fn dateline_lines_without_ages_start_new_items() {
        let block = "PARIJS (AFP) - Een.\nBERLIJN (DPA) - Twee.\n";
        let texts: Vec<_> = split(block).into_iter().map(|i| i.text).collect();
        assert_eq!(texts, ["PARIJS (AFP) - Een.", "BERLIJN (DPA) - Twee."]);
    }

    #[test]
    fn crlf_block_splits_the_same() {
        let block = "KHAN YOUNIS (ANP) - Eerste.\r\n29 minuten geledenKHARTOEM (ANP) - Tweede.\r\n1 uur geleden\r\n";
        let items = split(block);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, "KHAN YOUNIS (ANP) - Eerste.");
        assert_eq!(items[1].age, minutes(60));
    }
}
