//! Sentence and paragraph boundaries between the words of a text.
//!
//! Owns where a Dutch sentence ends. A paragraph is a line of the text; a
//! sentence ends at `.`, `!` or `?` followed by space and a word that can
//! open a sentence (a capital, a digit, or anything after `!`/`?`), except
//! after an abbreviation (`dhr.`, `mr.`, `bijv.`, `nr.`, `o.a.`), an
//! initial (`J. de Vries`) or an ordinal in running text. Numbers such as
//! `3.5` and `1.000` are one word for the tokenizer, so their dots never
//! get here.
//!
//! Used at index time to record boundaries (the `W/S` and `W/P` operators
//! of the query language) and by KWIC; it sees only the text between two
//! words and the word before.

/// What lies between two consecutive words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Boundary {
    /// Same sentence.
    None,
    /// A new sentence in the same paragraph.
    Sentence,
    /// A new paragraph (and so a new sentence).
    Paragraph,
}

/// Abbreviations written with a final dot that do not end a sentence
/// (lowercase, without their dots; one-letter parts such as `o.a.` are
/// caught as initials).
const ABBREVIATIONS: &[&str] = &[
    "dhr", "mr", "mevr", "mw", "drs", "dr", "ir", "ing", "prof", "bijv", "bv", "nr", "nrs", "blz",
    "ca", "enz", "etc", "jl", "jr", "sr", "st", "vs", "resp", "incl", "excl", "max", "min", "gem",
    "afd", "art", "lt", "gen", "kol", "kpt", "wnd", "ds", "pag", "tel", "vgl", "evt", "zgn", "zg",
    "mln", "mld", "mrd", "ong", "plm", "sept", "okt", "nov", "dec", "jan", "feb", "apr", "aug",
    "ned", "belg", "vz", "red", "ib", "fa", "fam", "kon", "pres", "sen", "gouv",
];

/// The boundary between the word `previous` (its text as written) and the
/// word `next`, given the text `gap` between them.
pub fn between(previous: &str, gap: &str, next: &str) -> Boundary {
    if gap.contains('\n') {
        return Boundary::Paragraph;
    }
    let Some(end) = gap.find(['.', '!', '?', '…']) else { return Boundary::None };
    let strong = gap[end..].starts_with(['!', '?', '…']);
    let opens = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if !(strong || opens) {
        return Boundary::None;
    }
    // Only a dot right after the word can belong to an abbreviation.
    if !strong && end == 0 && is_abbreviation(previous) {
        return Boundary::None;
    }
    Boundary::Sentence
}

/// `dhr`, `Mr`, a single letter (`J.`, the `a` of `o.a.`).
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Boundary::*;

    #[test]
    fn a_full_stop_before_a_capital_ends_a_sentence() {
        assert_eq!(between("Moskou", ". ", "Xi"), Sentence);
        assert_eq!(between("af", "? ", "wat"), Sentence, "after ? any word");
        assert_eq!(between("Moskou", "\n", "Xi"), Paragraph);
        assert_eq!(between("sprak", " ", "in"), None);
        assert_eq!(between("Poetin", ", ", "Xi"), None);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(between("dhr", ". ", "Jansen"), None);
        assert_eq!(between("Mr", ". ", "Visser"), None);
        assert_eq!(between("J", ". ", "de"), None);
        assert_eq!(between("a", ". ", "Duitsland"), None, "o.a. Duitsland");
        assert_eq!(between("bijv", ". ", "Rotterdam"), None);
        assert_eq!(between("nr", ". ", "5"), None);
    }

    #[test]
    fn a_lower_case_word_after_a_dot_continues_the_sentence() {
        assert_eq!(between("ca", ". ", "vijftig"), None);
        assert_eq!(between("3", ". ", "daarna"), None);
    }

    #[test]
    fn quotes_and_brackets_after_the_stop_still_end_it() {
        assert_eq!(between("af", ".\" ", "Daarna"), Sentence);
        assert_eq!(between("gemeld", "). ", "De"), Sentence);
    }
}
