//! Words with the layout facts the entity rules need.
//!
//! Owns splitting original text into [`Word`]s and grouping capitalised
//! words into [`Run`]s (`Caroline van der Plas`, `Rapid Support Forces`).
//! A run never crosses punctuation or a line break.

/// One word of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written (letters, digits, inner `'` and `-`).
    pub text: &'a str,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// First word of a sentence, line or quotation: its capital says nothing.
    pub sentence_start: bool,
    /// Only spaces separate it from the previous word (no comma, bracket…).
    pub joined_to_previous: bool,
}

impl Word<'_> {
    /// Starts with a capital letter (`Poetin`, `NAVO`, `'s-Hertogenbosch` no).
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all capitals (`NAVO`, `RSF`, `D66`).
    pub fn is_acronym(&self) -> bool {
        let has_letter = self.text.chars().any(char::is_alphabetic);
        has_letter && self.text.chars().count() >= 2 && !self.text.chars().any(char::is_lowercase)
    }
}

/// Lowercase words that may stand inside a person or place name.
pub const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "ter", "ten", "te", "von", "al", "el", "bin", "da", "di", "du",
    "le", "la", "'t",
];

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut joined = false;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphanumeric() {
            let end = word_end(text, i);
            out.push(Word {
                text: &text[i..end],
                start: i,
                end,
                sentence_start,
                joined_to_previous: joined,
            });
            sentence_start = false;
            joined = true;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        let opens_quote = c == '"' && text[i + 1..].starts_with(char::is_alphanumeric);
        if opens_quote || matches!(c, '.' | '!' | '?' | ':' | '“' | '„' | '\n' | '(') {
            sentence_start = true;
        }
        if c != ' ' && c != '\t' {
            joined = false;
        }
        chars.next();
    }
    out
}

fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next_is_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let inside = c.is_alphanumeric()
            || unicode_normalization::char::is_combining_mark(c)
            || (matches!(c, '\'' | '’' | '-') && next_is_alnum);
        if !inside {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

/// A maximal sequence of capitalised words, with lowercase particles
/// allowed between them, joined by spaces only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Index of the first word.
    pub first: usize,
    /// Index one past the last word.
    pub end: usize,
}

impl Run {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.end - self.first
    }

    /// The run without a sentence-initial article: `De Europese Commissie`
    /// → `Europese Commissie` (a run of one word is kept).
    pub fn without_leading_article(self, words: &[Word<'_>]) -> Run {
        let first = &words[self.first];
        let article = first.sentence_start && matches!(first.text, "De" | "Het" | "Een");
        if article && self.len() > 1 { Run { first: self.first + 1, end: self.end } } else { self }
    }

    /// The run's text from the original, e.g. `Caroline van der Plas`.
    pub fn text<'a>(&self, text: &'a str, words: &[Word<'_>]) -> &'a str {
        &text[words[self.first].start..words[self.end - 1].end]
    }
}

/// Groups words into runs of capitalised words.
pub fn runs(words: &[Word<'_>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_capitalised() {
            i += 1;
            continue;
        }
        let end = run_end(words, i);
        out.push(Run { first: i, end });
        i = end;
    }
    out
}

fn run_end(words: &[Word<'_>], first: usize) -> usize {
    let mut end = first + 1;
    let mut j = first + 1;
    while j < words.len() && words[j].joined_to_previous && !words[j].sentence_start {
        if words[j].is_capitalised() {
            end = j + 1;
        } else if !PARTICLES.contains(&words[j].text) {
            break;
        }
        j += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(text: &str) -> Vec<&str> {
        let w = words(text);
        runs(&w).iter().map(|r| r.text(text, &w)).collect()
    }

    #[test]
    fn particles_stay_inside_names() {
        assert_eq!(run_texts("zei Caroline van der Plas gisteren"), ["Caroline van der Plas"]);
    }

    #[test]
    fn trailing_particles_are_not_part_of_the_run() {
        assert_eq!(run_texts("Poetin en de Chinese leider"), ["Poetin", "Chinese"]);
    }

    #[test]
    fn punctuation_breaks_runs() {
        assert_eq!(run_texts("China, Rusland en India"), ["China", "Rusland", "India"]);
        assert_eq!(run_texts("Rapid Support Forces (RSF) op"), ["Rapid Support Forces", "RSF"]);
    }

    #[test]
    fn sentence_start_is_marked() {
        let w = words("Hij ging. Moskou zweeg. \"Nee\", zei hij");
        let starts: Vec<_> = w.iter().filter(|w| w.sentence_start).map(|w| w.text).collect();
        assert_eq!(starts, ["Hij", "Moskou", "Nee"]);
    }

    #[test]
    fn hyphens_and_apostrophes_stay_inside_words() {
        let w = words("Kremlin-functionaris Joeri en Zelensky's plan");
        let t: Vec<_> = w.iter().map(|w| w.text).collect();
        assert_eq!(t, ["Kremlin-functionaris", "Joeri", "en", "Zelensky's", "plan"]);
    }

    #[test]
    fn acronyms() {
        let w = words("NAVO en D66 maar Poetin en A");
        let acr: Vec<_> = w.iter().filter(|w| w.is_acronym()).map(|w| w.text).collect();
        assert_eq!(acr, ["NAVO", "D66"]);
    }
}
