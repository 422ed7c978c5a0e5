//! The Dutch word tokenizer: original text in, word tokens out.
//!
//! Owns what a *word* is in Dutch news text. It does not lowercase, fold or
//! stem (later filters do); it only decides where words start and end and
//! cleans the characters inside a word.
//!
//! Rules, each with the Dutch text that needs it:
//! - Word characters are letters, digits and combining marks, so NFD text
//!   (`Oekrai\u{308}ne`) stays one word.
//! - Soft hyphens and zero-width characters inside a word are dropped, not
//!   treated as separators (`vluchtelingen\u{AD}kamp` → `vluchtelingenkamp`).
//! - The token text is NFKC-normalised (`ﬁnanciën` → `financiën`, `ĳ` → `ij`).
//! - An apostrophe between a letter or digit and a letter stays inside the
//!   word and becomes `'` (`auto's`, `zo'n`, `VVD’er`); a leading one is
//!   dropped (`'s-Hertogenbosch` → `s`, `hertogenbosch`).
//! - `.` or `,` between digits stays inside a number (`2,5`, `10,8`); Dutch
//!   thousands dots are removed (`1.000` → `1000`).
//! - Hyphenated words give their parts at consecutive positions *and* the
//!   joined form at the first part's position (`GroenLinks-PvdA` →
//!   `GroenLinks`@0, `GroenLinksPvdA`@0, `PvdA`@1), so both the parts and the
//!   joined spelling find the word.
//! - Tokens longer than [`MAX_TOKEN_BYTES`] are dropped (a 10 MB line without
//!   spaces must not become one term).
//!
//! Invariants (tested by property tests below): offsets lie on char
//! boundaries of the input with `offset_from < offset_to`, and positions
//! never decrease.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest token kept, in bytes of normalised text. Dutch compounds with
/// diacritics can pass 40 bytes (`luchtverdedigingssystemen` is 25), so 64
/// leaves room while stopping junk such as base64 blobs.
pub const MAX_TOKEN_BYTES: usize = 64;

/// Tokenizer implementing the rules in the module documentation.
#[derive(Clone, Default)]
pub struct DutchTokenizer;

impl Tokenizer for DutchTokenizer {
    type TokenStream<'a> = DutchTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DutchTokenStream<'a> {
        DutchTokenStream {
            text,
            cursor: 0,
            next_position: 0,
            pending: VecDeque::new(),
            token: Token::default(),
        }
    }
}

/// Token stream of [`DutchTokenizer`].
pub struct DutchTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    next_position: usize,
    pending: VecDeque<Token>,
    token: Token,
}

impl TokenStream for DutchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while self.pending.is_empty() {
            if !self.scan_group() {
                return false;
            }
        }
        self.token = self.pending.pop_front().expect("pending is not empty");
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl DutchTokenStream<'_> {
    /// Scans the next hyphen group (one or more segments joined by hyphens)
    /// and queues its tokens. Returns false at the end of the text.
    fn scan_group(&mut self) -> bool {
        let Some(start) = find_word_start(self.text, self.cursor) else {
            self.cursor = self.text.len();
            return false;
        };
        let mut segments = vec![segment_end(self.text, start)];
        let mut segment_starts = vec![start];
        while let Some(next) = hyphen_continuation(self.text, *segments.last().unwrap()) {
            segment_starts.push(next);
            segments.push(segment_end(self.text, next));
        }
        self.cursor = *segments.last().unwrap();
        let parts: Vec<(usize, usize, String)> = segment_starts
            .iter()
            .zip(&segments)
            .map(|(&from, &to)| (from, to, normalize_segment(&self.text[from..to])))
            .collect();
        self.queue_group(parts);
        true
    }

    fn queue_group(&mut self, parts: Vec<(usize, usize, String)>) {
        let base = self.next_position;
        let count = parts.len();
        let joined = (count > 1).then(|| {
            let text: String = parts.iter().map(|p| p.2.as_str()).collect();
            (parts[0].0, parts[count - 1].1, text)
        });
        for (i, (from, to, text)) in parts.into_iter().enumerate() {
            self.push(base + i, from, to, text);
            if let Some((from, to, text)) = joined.clone().filter(|_| i == 0) {
                self.push(base, from, to, text);
            }
        }
        self.next_position = base + count;
    }

    fn push(&mut self, position: usize, from: usize, to: usize, text: String) {
        if text.is_empty() || text.len() > MAX_TOKEN_BYTES {
            return;
        }
        self.pending.push_back(Token {
            offset_from: from,
            offset_to: to,
            position,
            text,
            position_length: 1,
        });
    }
}

/// Characters that are invisible formatting inside words: soft hyphen,
/// zero-width space/joiners, word joiner and BOM.
pub fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{2BC}' | '`' | '\u{B4}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_ignorable(c)
}

fn find_word_start(text: &str, from: usize) -> Option<usize> {
    text[from..].char_indices().find(|&(_, c)| c.is_alphanumeric()).map(|(i, _)| from + i)
}

/// End (exclusive) of the segment starting at `start`: word characters plus
/// apostrophes between word characters and `.`/`,` between digits.
fn segment_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut prev: Option<char> = None;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let inside = if is_word_char(c) {
            true
        } else if is_apostrophe(c) {
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphabetic)
        } else if c == '.' || c == ',' {
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
        } else {
            false
        };
        if !inside {
            break;
        }
        end = start + i + c.len_utf8();
        prev = Some(c);
    }
    end
}

/// If a hyphen at `end` joins this segment to another word, the start of
/// that next segment.
fn hyphen_continuation(text: &str, end: usize) -> Option<usize> {
    let mut chars = text[end..].chars();
    let hyphen = chars.next()?;
    let next = chars.next()?;
    (is_hyphen(hyphen) && next.is_alphanumeric()).then(|| end + hyphen.len_utf8())
}

/// Token text of a raw segment: ignorables removed, apostrophes unified,
/// NFKC, thousands dots removed.
pub fn normalize_segment(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .filter(|&c| !is_ignorable(c))
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect();
    let normalized = if cleaned.is_ascii() { cleaned } else { cleaned.nfkc().collect() };
    if is_dotted_thousands(&normalized) { normalized.replace('.', "") } else { normalized }
}

/// `1.000`, `12.500.000`: digit groups of three after a first group of 1–3.
fn is_dotted_thousands(s: &str) -> bool {
    let mut groups = s.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tokens(text: &str) -> Vec<(usize, String)> {
        let mut tokenizer = DutchTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.position, t.text.clone()));
        }
        out
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn apostrophe_words_stay_whole() {
        assert_eq!(texts("auto's en zo'n VVD’er"), ["auto's", "en", "zo'n", "VVD'er"]);
    }

    #[test]
    fn leading_apostrophe_is_dropped() {
        assert_eq!(
            tokens("'s-Hertogenbosch"),
            [(0, "s".into()), (0, "sHertogenbosch".into()), (1, "Hertogenbosch".into())]
        );
    }

    #[test]
    fn trailing_apostrophe_is_not_part_of_the_word() {
        assert_eq!(texts("Wilders' partij"), ["Wilders", "partij"]);
    }

    #[test]
    fn numbers_keep_decimal_comma_and_drop_thousands_dots() {
        assert_eq!(
            texts("2,5 procent, 1.000 doden, 12.500.000 euro"),
            ["2,5", "procent", "1000", "doden", "12500000", "euro"]
        );
    }

    #[test]
    fn time_with_a_dot_is_not_a_thousands_number() {
        assert_eq!(texts("om 15.30 uur"), ["om", "15.30", "uur"]);
    }

    #[test]
    fn road_numbers_and_ordinals_stay_whole() {
        assert_eq!(texts("file op de A12, 3e keer"), ["file", "op", "de", "A12", "3e", "keer"]);
    }

    #[test]
    fn hyphenated_words_give_parts_and_joined_form() {
        assert_eq!(
            tokens("de Sjanghai-samenwerkingsorganisatie"),
            [
                (0, "de".into()),
                (1, "Sjanghai".into()),
                (1, "Sjanghaisamenwerkingsorganisatie".into()),
                (2, "samenwerkingsorganisatie".into()),
            ]
        );
        assert_eq!(texts("GroenLinks-PvdA"), ["GroenLinks", "GroenLinksPvdA", "PvdA"]);
    }

    #[test]
    fn position_after_hyphen_group_continues() {
        let t = tokens("COVID-19 in Noord-Holland stijgt");
        let positions: Vec<usize> = t.iter().map(|(p, _)| *p).collect();
        assert_eq!(positions, [0, 0, 1, 2, 3, 3, 4, 5]);
    }

    #[test]
    fn dash_with_spaces_separates() {
        assert_eq!(texts("MOSKOU (ANP) - De"), ["MOSKOU", "ANP", "De"]);
    }

    #[test]
    fn soft_hyphen_and_zero_width_space_do_not_split() {
        assert_eq!(texts("vluchtelingen\u{AD}kamp dro\u{200B}ne"), ["vluchtelingenkamp", "drone"]);
    }

    #[test]
    fn nfd_diaeresis_stays_one_word_and_is_composed() {
        assert_eq!(texts("Oekrai\u{308}ne"), ["Oekraïne"]);
    }

    #[test]
    fn nfkc_expands_ligatures() {
        assert_eq!(texts("ﬁnanciën ĳsland"), ["financiën", "ijsland"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "De droneaanval in Khan Younis";
        let mut tokenizer = DutchTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(t) = stream.next() {
            spans.push(&text[t.offset_from..t.offset_to]);
        }
        assert_eq!(spans, ["De", "droneaanval", "in", "Khan", "Younis"]);
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(texts(&format!("kort {long} kort")), ["kort", "kort"]);
    }

    proptest! {
        #[test]
        fn offsets_are_valid_and_positions_never_decrease(text in "\\PC{0,200}") {
            let mut tokenizer = DutchTokenizer;
            let mut stream = tokenizer.token_stream(&text);
            let mut last_position = 0;
            while let Some(t) = stream.next() {
                prop_assert!(t.offset_from < t.offset_to);
                prop_assert!(t.offset_to <= text.len());
                prop_assert!(text.is_char_boundary(t.offset_from));
                prop_assert!(text.is_char_boundary(t.offset_to));
                prop_assert!(t.position >= last_position);
                prop_assert!(!t.text.is_empty() && t.text.len() <= MAX_TOKEN_BYTES);
                last_position = t.position;
            }
        }
    }
}
