//! First-sentence detection for brief titles.
//!
//! A sentence ends at `.`, `!` or `?` (optionally followed by a closing
//! quote or bracket) when whitespace and then a capital, digit or quote
//! follow, or at the end of the text or line. Dutch abbreviations and
//! initials do not end a sentence: `mr.`, `dr.`, `o.a.`, `J. Kushner`.

/// Longest title, in bytes, before it is cut at a word boundary.
const MAX_TITLE_BYTES: usize = 300;

/// Abbreviations (lowercase, without the final dot) that never end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "dr", "drs", "ir", "ing", "prof", "mevr", "dhr", "st", "sr", "jr", "nr", "ca", "bijv",
    "o.a", "m.a.w", "d.w.z", "e.d", "enz", "jl", "vs", "blz", "art", "min", "gen", "lt", "kol",
];

/// The first sentence of `text` (trimmed), or the whole first line when it
/// has no sentence end; cut to about 300 bytes at a word boundary.
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim_start();
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    let end = sentence_end(line).unwrap_or(line.len());
    cut_at_word(line[..end].trim_end(), MAX_TITLE_BYTES)
}

fn sentence_end(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
            end += 1;
        }
        let rest = &line[end..];
        let starts_next = rest.starts_with(char::is_whitespace)
            && rest
                .trim_start()
                .starts_with(|n: char| n.is_uppercase() || n.is_ascii_digit() || n == '"');
        if (rest.trim().is_empty() || starts_next) && !(c == '.' && is_abbreviation(&line[..i])) {
            return Some(end);
        }
    }
    None
}

/// Whether the word before a dot is an initial or a known abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    is_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn cut_at_word(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match text[..cut].rfind(char::is_whitespace) {
        Some(space) => text[..space].trim_end(),
        None => &text[..cut],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_the_first_full_stop_before_a_capital() {
        assert_eq!(first_sentence("Het regent. Morgen ook."), "Het regent.");
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            first_sentence("Premier J. Smit en mr. De Vries zijn er. Verder niets."),
            "Premier J. Smit en mr. De Vries zijn er."
        );
    }

    #[test]
    fn numbers_with_dots_do_not_end_a_sentence() {
        assert_eq!(first_sentence("Er vielen 1.000 doden. Zegt men."), "Er vielen 1.000 doden.");
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(first_sentence("Hij zei: \"Nee.\" Daarna ging hij."), "Hij zei: \"Nee.\"");
    }

    #[test]
    fn text_without_end_gives_the_first_line() {
        assert_eq!(first_sentence("  Geen punt hier\nvolgende regel"), "Geen punt hier");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let long = "woord ".repeat(100);
        let title = first_sentence(&long);
        assert!(title.len() <= MAX_TITLE_BYTES && title.ends_with("woord"));
    }
}
