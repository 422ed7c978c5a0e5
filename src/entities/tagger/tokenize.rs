//! Text → sentences of tokens the way CoNLL-2002 tokenises them, with
//! byte offsets into the text.
//!
//! Owns the match between running text and the training data's tokens: a
//! tagger is only as good as that match. Punctuation marks are tokens of
//! their own; hyphens and apostrophes inside words stay (`Noord-Holland`,
//! `auto's`, `'s-Hertogenbosch`); numbers keep their `.` and `,` (`2,5`,
//! `1.000`); initials and known abbreviations keep their dot (`J.`, `mr.`).
//! A sentence ends after `.`, `!` or `?` (and a closing quote after them)
//! before a capital or digit, and at every line break.

/// A token and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token as written.
    pub text: String,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "dr", "drs", "ir", "ing", "prof", "mevr", "dhr", "st", "sr", "jr", "nr", "ca", "bijv",
    "enz", "jl", "blz", "art", "o.a", "m.a.w", "d.w.z", "e.d", "a.s", "i.p.v", "m.b.t", "t.o.v",
    "z.g",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` into sentences of tokens.
pub fn sentences(text: &str) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    for (line_start, line) in lines(text) {
        let tokens = tokens(line, line_start);
        let ends: Vec<bool> = (0..tokens.len()).map(|i| ends_sentence(&tokens, i)).collect();
        let mut sentence = Vec::new();
        for (token, ends) in tokens.into_iter().zip(ends) {
            sentence.push(token);
            if ends {
                out.push(std::mem::take(&mut sentence));
            }
        }
        if !sentence.is_empty() {
            out.push(sentence);
        }
    }
    out
}

/// A sentence ends after `.`, `!` or `?` (or a closing quote after one)
/// when a capital or digit follows.
fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    let stop = |t: &Token| matches!(t.text.as_str(), "." | "!" | "?");
    let next_opens = tokens
        .get(i + 1)
        .is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let closing_quote =
        matches!(tokens[i].text.as_str(), "\"" | "'" | "”") && i > 0 && stop(&tokens[i - 1]);
    (stop(&tokens[i]) || closing_quote) && next_opens
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let at = start;
        start += line.len();
        (at, line)
    })
}

/// Tokens of one line; offsets are relative to the whole text (`base`).
pub fn tokens(line: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let end = if is_word_char(c)
            || (is_apostrophe(c) && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic()))
        {
            word_end(&chars, i)
        } else {
            i + 1
        };
        let to = chars.get(end).map_or(line.len(), |&(o, _)| o);
        out.push(Token { text: line[at..to].to_string(), start: base + at, end: base + to });
        i = end;
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Index past the word starting at `i`: word characters, inner hyphens and
/// apostrophes, `.`/`,` between digits, and the dot of an initial or a
/// known abbreviation.
fn word_end(chars: &[(usize, char)], start: usize) -> usize {
    if let Some(len) = dotted_abbreviation(chars, start) {
        return start + len;
    }
    let mut i = start + 1;
    while i < chars.len() {
        let c = chars[i].1;
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let inner = (c == '-' || is_apostrophe(c)) && next.is_some_and(is_word_char);
        let number = (c == '.' || c == ',')
            && chars[i - 1].1.is_ascii_digit()
            && next.is_some_and(|n| n.is_ascii_digit());
        if is_word_char(c) || inner || number {
            i += 1;
        } else {
            break;
        }
    }
    if chars.get(i).is_some_and(|&(_, c)| c == '.') {
        let word = &chars[start..i];
        let initial = word.len() == 1 && word[0].1.is_uppercase();
        if initial || ABBREVIATIONS.iter().any(|a| same_letters(word, a)) {
            return i + 1;
        }
    }
    i
}

/// Length of a dotted abbreviation with its final dot (`o.a.`, `d.w.z.`)
/// starting at `start`. All of them have a dot as their second character.
fn dotted_abbreviation(chars: &[(usize, char)], start: usize) -> Option<usize> {
    if chars.get(start + 1).is_none_or(|&(_, c)| c != '.') {
        return None;
    }
    ABBREVIATIONS.iter().filter(|a| a.contains('.')).find_map(|a| {
        let len = a.len();
        let word = chars.get(start..start + len)?;
        let dot = chars.get(start + len).is_some_and(|&(_, c)| c == '.');
        (dot && same_letters(word, a)).then_some(len + 1)
    })
}

/// Whether `word` spells the ASCII abbreviation `a`, ignoring case.
fn same_letters(word: &[(usize, char)], a: &str) -> bool {
    word.len() == a.len()
        && word.iter().zip(a.chars()).all(|(&(_, c), x)| c.to_ascii_lowercase() == x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<Vec<String>> {
        sentences(text).into_iter().map(|s| s.into_iter().map(|t| t.text).collect()).collect()
    }

    #[test]
    fn conll_style_tokens_and_sentences() {
        assert_eq!(
            texts(
                "Premier J. Smit (VVD) zei: \"Nee.\" Daarna 2,5 procent, zo'n 1.000 auto's in Noord-Holland. Ook 's-Hertogenbosch!"
            ),
            vec![
                vec!["Premier", "J.", "Smit", "(", "VVD", ")", "zei", ":", "\"", "Nee", ".", "\""],
                vec![
                    "Daarna",
                    "2,5",
                    "procent",
                    ",",
                    "zo'n",
                    "1.000",
                    "auto's",
                    "in",
                    "Noord-Holland",
                    "."
                ],
                vec!["Ook", "'s-Hertogenbosch", "!"],
            ]
        );
    }

    #[test]
    fn lines_end_sentences_and_offsets_point_into_the_text() {
        let text = "Kop zonder punt\nDe tekst van Poetin.";
        let s = sentences(text);
        assert_eq!(s.len(), 2);
        let poetin = &s[1][3];
        assert_eq!(&text[poetin.start..poetin.end], "Poetin");
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            texts("mr. De Vries en dr. Jansen o.a. hier"),
            vec![vec!["mr.", "De", "Vries", "en", "dr.", "Jansen", "o.a.", "hier"]]
        );
    }
}
