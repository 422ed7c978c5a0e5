//! Name spelling keys: `Poetin` and `Putin` get the same key.
//!
//! Owns the transliteration key (research note §5) and the token filter of
//! the `nl_name` analyzer. Dutch transcribes Russian, Ukrainian and Arabic
//! names differently from English (`oe`/`u`, `sj`/`sh`, `tsj`/`ch`,
//! `zj`/`zh`, `ch`/`kh`, `j`/`y`, `w`/`v`, `-ski`/`-sky`); the key maps both
//! habits onto one form. It is deliberately coarse, so it lives in its own
//! low-weight field, never in the main text fields. Spellings it cannot
//! bring together (`Kyiv`/`Kiev`) go in the alias file.

use std::collections::VecDeque;
use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::fold;
use crate::memo::Memo;

/// Ordered rewrite rules on the folded, lowercased name, longest first.
/// Upper-case letters in the output are key symbols that no later rule
/// rewrites: `X` is tsj/ch/kh, `S` sj/sh, `Z` zj/zh.
const RULES: &[(&str, &str)] = &[
    ("sjtsj", "SX"),
    ("shch", "SX"),
    ("tsch", "X"),
    ("tsj", "X"),
    ("tch", "X"),
    ("zh", "Z"),
    ("zj", "Z"),
    ("sch", "S"),
    ("sh", "S"),
    ("sj", "S"),
    ("kh", "X"),
    ("ch", "X"),
    ("dj", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("tz", "ts"),
    ("x", "ks"),
    ("q", "k"),
    ("oe", "u"),
    ("ou", "u"),
    ("ai", "ei"),
    ("w", "v"),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The spelling key of a name.
///
/// ```
/// use newsidx::analysis::name_key;
/// assert_eq!(name_key("Poetin"), name_key("Putin"));
/// assert_eq!(name_key("Chroesjtsjov"), name_key("Khrushchev"));
/// assert_eq!(name_key("Zelenski"), name_key("Zelenskyy"));
/// assert_ne!(name_key("Poetin"), name_key("Petra"));
/// ```
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let word = folded.trim_end_matches("'s").trim_end_matches('\'');
    let mut s = glide_letters(word);
    for (from, to) in RULES {
        s = s.replace(from, to);
    }
    let s = o_after_hushing(&s);
    let s = s.trim_end_matches('h').to_string();
    let s = simplify_ending(&s);
    let key = collapse_doubles(&s);
    // `HHHH` collapses to `h`, whose final `h` is then dropped: a key must
    // never be empty (found by the `analyze` fuzz target).
    if key.is_empty() { word.to_string() } else { key }
}

/// `y` before a vowel is `j`, elsewhere `i`; `j` after a vowel is `i`
/// (`Tolstoy`/`Tolstoj`, `Dmitrij`/`Dmitry`), between vowels it is dropped.
fn glide_letters(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (i, &c) in chars.iter().enumerate() {
        let before_vowel = chars.get(i + 1).copied().is_some_and(is_vowel);
        let after_vowel = out.chars().last().is_some_and(is_vowel);
        match c {
            'y' if before_vowel => out.push('j'),
            'y' => out.push('i'),
            'j' if after_vowel && before_vowel => {}
            'j' if after_vowel => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// ё after a hushing consonant is written `o` in Dutch, `e` in English:
/// `Chroesjtsjov`/`Khrushchev`, `Gorbatsjov`/`Gorbachev`.
fn o_after_hushing(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        out.push(if c == 'e' && matches!(prev, 'S' | 'Z' | 'X') { 'o' } else { c });
        prev = c;
    }
    out
}

/// `-ski`/`-sky`/`-skyi`/`-skij`/`-skii` all end as `-ski`; a final `-ii`
/// or `-ij` as `-i` (`Navalni`/`Navalny`, `Dmitrij`/`Dmitry`).
fn simplify_ending(s: &str) -> String {
    let mut s = s.to_string();
    while s.ends_with("ii") {
        s.pop();
    }
    s
}

fn collapse_doubles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether a word is written as an acronym: two to six characters, all
/// capitals or digits, at least one letter (`OM`, `IS`, `D66`, `NAVO`).
pub fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && word.chars().any(char::is_alphabetic)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The `names` term of an acronym written in capitals: `OM` → `=om`.
pub fn acronym_key(word: &str) -> String {
    format!("={}", fold(word))
}

/// Keeps capitalised tokens only and replaces each by its [`name_key`]; a
/// name ending in `s` also gets the key without it (genitive `Poetins`),
/// and an acronym written in capitals also gets its [`acronym_key`] (so a
/// query for `OM` finds `OM` but not the preposition `om`). Runs on tokens
/// straight from the tokenizer, before lowercasing.
#[derive(Clone, Copy, Default)]
pub struct NameKeyFilter;

impl TokenFilter for NameKeyFilter {
    type Tokenizer<T: Tokenizer> = NameKeyTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> NameKeyTokenizer<T> {
        NameKeyTokenizer { inner }
    }
}

/// [`Tokenizer`] produced by [`NameKeyFilter`].
#[derive(Clone)]
pub struct NameKeyTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for NameKeyTokenizer<T> {
    type TokenStream<'a> = NameKeyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NameKeyStream {
            tail: self.inner.token_stream(text),
            pending: VecDeque::new(),
            token: Token::default(),
        }
    }
}

/// Capitalised words whose keys a thread remembers (young generation; see
/// [`Memo`]): names repeat, and a key takes a dozen string rewrites.
const KEY_CACHE_WORDS: usize = 50_000;

thread_local! {
    static KEYS: std::cell::RefCell<Memo<Rc<[String]>>> =
        std::cell::RefCell::new(Memo::new(KEY_CACHE_WORDS));
}

/// The keys indexed for a capitalised word (see [`NameKeyFilter`]),
/// remembered per thread.
pub fn name_keys(word: &str) -> Rc<[String]> {
    KEYS.with_borrow_mut(|memo| memo.get_or_insert_with(word, || keys_of(word).into()))
}

/// The keys indexed for a capitalised word, in order: its name key, its
/// acronym key if it is an acronym, and the key without a genitive `s` if
/// that differs (`Poetins` also gets the key of `Poetin`).
fn keys_of(word: &str) -> Vec<String> {
    let key = name_key(word);
    let mut keys = Vec::with_capacity(3);
    if is_acronym(word) {
        keys.push(acronym_key(word));
    }
    if let Some(base) = word.strip_suffix('s').filter(|b| b.chars().count() >= 3) {
        let base_key = name_key(base);
        if base_key != key {
            keys.push(base_key);
        }
    }
    keys.insert(0, key);
    keys
}

/// [`TokenStream`] of [`NameKeyTokenizer`].
pub struct NameKeyStream<T> {
    tail: T,
    pending: VecDeque<Token>,
    token: Token,
}

impl<T: TokenStream> TokenStream for NameKeyStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop_front() {
            self.token = next;
            return true;
        }
        while self.tail.advance() {
            let source = self.tail.token();
            if !source.text.starts_with(char::is_uppercase) || source.text.chars().count() < 2 {
                continue;
            }
            let keys = name_keys(&source.text);
            for key in &keys[1..] {
                self.pending.push_back(Token { text: key.clone(), ..source.clone() });
            }
            self.token = Token { text: keys[0].clone(), ..source.clone() };
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_spellings_meet() {
        for (nl, en) in [
            ("Poetin", "Putin"),
            ("Jeltsin", "Yeltsin"),
            ("Oesjakov", "Ushakov"),
            ("Sjojgoe", "Shoigu"),
            ("Prigozjin", "Prigozhin"),
            ("Navalni", "Navalny"),
            ("Zelenski", "Zelensky"),
            ("Zelenskyj", "Zelensky"),
            ("Sjanghai", "Shanghai"),
            ("Gorbatsjov", "Gorbachev"),
            ("Tsjaikovski", "Tchaikovsky"),
            ("Chodorkovski", "Khodorkovsky"),
            ("Tolstoj", "Tolstoy"),
        ] {
            assert_eq!(name_key(nl), name_key(en), "{nl} / {en}");
        }
    }

    /// Regression: fuzz/artifacts/analyze/crash-bf12b878 (`HHHHHHH…`).
    #[test]
    fn r_fuzz_name_key_of_repeated_h_is_not_empty() {
        assert!(!name_key("HHHHHHHHHHHHHHHHHHHHHH").is_empty());
        assert!(!name_key("H").is_empty());
        assert!(!name_key("Hh'").is_empty());
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [("Poetin", "Peter"), ("Trump", "Tromp"), ("Rutte", "Rotte"), ("Xi", "Li")] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn name_pairs_of_the_research_set() {
        let Ok(text) = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/research/dutch-analysis-appendix/name_pairs.tsv"
        )) else {
            eprintln!("skipped: ../shared/research not found");
            return;
        };
        let pairs: Vec<(&str, &str)> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, cols.next()?))
            })
            .collect();
        let matched = pairs.iter().filter(|(a, b)| name_key(a) == name_key(b)).count();
        eprintln!("name key: {matched}/{} research pairs meet", pairs.len());
        assert!(matched * 100 >= pairs.len() * 85, "{matched}/{}", pairs.len());
    }

    #[test]
    fn filter_keys_only_capitalised_words_and_genitives() {
        let mut analyzer = tantivy::tokenizer::TextAnalyzer::builder(super::super::DutchTokenizer)
            .filter(NameKeyFilter)
            .build();
        let mut stream = analyzer.token_stream("de president Poetins plan met Xi");
        let mut keys = Vec::new();
        while let Some(t) = stream.next() {
            keys.push(t.text.clone());
        }
        assert_eq!(keys, [name_key("Poetins"), name_key("Poetin"), name_key("Xi")]);
        drop(stream);
        let mut stream = analyzer.token_stream("het OM om negen uur");
        let mut keys = Vec::new();
        while let Some(t) = stream.next() {
            keys.push(t.text.clone());
        }
        assert_eq!(keys, [name_key("OM"), acronym_key("OM")]);
    }
}
