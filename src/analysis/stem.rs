//! Dutch stemming: the pinned Snowball algorithm plus newsidx's tuning.
//!
//! Owns the choice of stemmer ([`Stemmer`]). We call frostem directly
//! instead of tantivy's `Stemmer::new(Language::Dutch)` so that a tantivy
//! upgrade cannot silently swap the algorithm (tantivy 0.26 → 0.27 changed
//! Dutch from Porter to Kraaij-Pohlmann). `Cargo.toml` pins frostem with `=`.
//!
//! The default, [`Stemmer::KpTuned`], is Kraaij-Pohlmann (frostem
//! `Algorithm::Dutch`, Snowball's default Dutch since 3.0) with:
//! - an override map (`data/stem_overrides.tsv`) for the news words KP
//!   merges with unrelated ones (`geweld` ≠ `wel`, `markt` ≠ `Mark`) or
//!   splits from their family (`aanslagen` → `aanslag`);
//! - a second stem at the same position for attributive adjectives, which
//!   KP leaves alone (`Venezolaanse`, `kleine`, `nieuwe` also give the stem
//!   of `Venezolaans`, `klein`, `nieuw`), and for words KP stems only half
//!   way (`Nederlandse` → `nederlands` → `nederland`).
//!
//! The other variants exist for the evaluation (`EVALUATION.md`).

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::LazyLock;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::memo::Memo;

/// Which stemming the stemmed analyzer applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stemmer {
    /// No stemming (lowercase and folding only).
    None,
    /// Martin Porter's Dutch algorithm (frostem `dutch_porter`).
    Porter,
    /// Kraaij-Pohlmann (frostem `dutch`) as is.
    Kp,
    /// Kraaij-Pohlmann with overrides and adjective stems (the default).
    KpTuned,
}

impl Stemmer {
    /// Short name used in the analyzer id and the evaluation table.
    pub fn name(self) -> &'static str {
        match self {
            Stemmer::None => "none",
            Stemmer::Porter => "porter",
            Stemmer::Kp => "kp",
            Stemmer::KpTuned => "kp+overrides",
        }
    }

    /// The stems of one lowercased, folded word: the main stem first, then
    /// any extra stems indexed at the same position.
    pub fn stems(self, word: &str) -> Vec<String> {
        self.with_stems(word, <[String]>::to_vec)
    }

    /// Calls `f` with the stems of `word` (see [`Stemmer::stems`]) without
    /// copying them out of the per-thread cache.
    pub fn with_stems<R>(self, word: &str, f: impl FnOnce(&[String]) -> R) -> R {
        if self == Stemmer::None {
            return f(std::slice::from_ref(&word.to_string()));
        }
        let stems = CACHE.with_borrow_mut(|caches| {
            caches[self as usize].get_or_insert_with(word, || self.compute(word).into())
        });
        f(&stems)
    }

    /// [`Stemmer::stems`] without the per-thread cache, for callers that
    /// cache the result themselves.
    pub fn compute(self, word: &str) -> Vec<String> {
        match self {
            Stemmer::None => vec![word.to_string()],
            Stemmer::Porter => vec![porter().stem(word).into_owned()],
            Stemmer::Kp => vec![kp().stem(word).into_owned()],
            Stemmer::KpTuned => tuned(word),
        }
    }
}

/// Distinct words whose stems a thread remembers (young generation; see
/// [`Memo`]). News text is Zipfian: the frequent words stay, so most
/// tokens are a lookup instead of two runs of the stemmer.
const CACHE_LIMIT: usize = 50_000;

thread_local! {
    /// One table per variant, word → stems.
    static CACHE: std::cell::RefCell<[Memo<Rc<[String]>>; 4]> =
        std::cell::RefCell::new(std::array::from_fn(|_| Memo::new(CACHE_LIMIT)));
}

fn kp() -> frostem::Stemmer {
    frostem::Stemmer::new(frostem::Algorithm::Dutch)
}

fn porter() -> frostem::Stemmer {
    frostem::Stemmer::new(frostem::Algorithm::DutchPorter)
}

/// Kraaij-Pohlmann stem of one lowercased, folded word.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    kp().stem(word)
}

static OVERRIDES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("data/stem_overrides.tsv").lines().filter(|l| !l.starts_with('#')) {
        if let Some((stem, words)) = line.split_once('\t') {
            map.extend(words.split_whitespace().map(|w| (w, stem)));
        }
    }
    map
});

fn tuned(word: &str) -> Vec<String> {
    if let Some(stem) = OVERRIDES.get(word) {
        return vec![(*stem).to_string()];
    }
    let main = kp().stem(word).into_owned();
    let mut out = vec![main];
    if out[0] == word && is_adjective_e(word) {
        let base = kp().stem(&format!("{word}n")).into_owned();
        if base != out[0] {
            out.push(base);
        }
    }
    let again = kp().stem(&out[0]).into_owned();
    if again != out[0] && !out.contains(&again) {
        out.push(again);
    }
    out
}

/// A word ending in consonant + `e` that KP left alone: likely an
/// attributive adjective (`kleine`, `Venezolaanse`, `politieke`).
fn is_adjective_e(word: &str) -> bool {
    let mut rev = word.chars().rev();
    let (Some('e'), Some(c)) = (rev.next(), rev.next()) else { return false };
    word.chars().count() > 4 && c.is_alphabetic() && !"aeiouy".contains(c)
}

/// Token filter applying a [`Stemmer`]; extra stems are emitted at the
/// same position as the main one.
#[derive(Clone, Copy)]
pub struct StemFilter(pub Stemmer);

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemTokenizer<T> {
        StemTokenizer { inner, stemmer: self.0 }
    }
}

/// [`Tokenizer`] produced by [`StemFilter`].
#[derive(Clone)]
pub struct StemTokenizer<T> {
    inner: T,
    stemmer: Stemmer,
}

impl<T: Tokenizer> Tokenizer for StemTokenizer<T> {
    type TokenStream<'a> = StemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            tail: self.inner.token_stream(text),
            stemmer: self.stemmer,
            pending: VecDeque::new(),
            current: None,
            buffer: String::new(),
        }
    }
}

/// [`TokenStream`] of [`StemTokenizer`]. The main stem replaces the text of
/// the token in place; extra stems wait in `pending`.
pub struct StemStream<T> {
    tail: T,
    stemmer: Stemmer,
    pending: VecDeque<Token>,
    current: Option<Token>,
    /// The previous token's text, reused for the next stem.
    buffer: String,
}

impl<T: TokenStream> TokenStream for StemStream<T> {
    fn advance(&mut self) -> bool {
        self.current = self.pending.pop_front();
        if self.current.is_some() {
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let word = std::mem::take(&mut token.text);
        let mut stem = std::mem::take(&mut self.buffer);
        stem.clear();
        let extras = self.stemmer.with_stems(&word, |stems| {
            stem.push_str(&stems[0]);
            stems[1..].to_vec()
        });
        token.text = stem;
        self.buffer = word;
        for text in extras {
            self.pending.push_back(Token { text, ..token.clone() });
        }
        true
    }

    fn token(&self) -> &Token {
        self.current.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match &mut self.current {
            Some(token) => token,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kraaij_pohlmann_redoubles_vowels_and_strips_participle_ge() {
        assert_eq!(stem("bomen"), "boom");
        assert_eq!(stem("staten"), "staat");
        assert_eq!(stem("gewerkt"), "werk");
    }

    #[test]
    fn plural_and_singular_meet() {
        assert_eq!(stem("vluchtelingen"), stem("vluchteling"));
        assert_eq!(stem("huizen"), stem("huis"));
    }

    #[test]
    fn overrides_keep_news_words_apart() {
        let s = |w| Stemmer::KpTuned.stems(w)[0].clone();
        assert_ne!(s("geweld"), s("wel"));
        assert_ne!(s("gemeente"), s("menen"));
        assert_ne!(s("geleden"), s("leden"));
        assert_ne!(s("markt"), s("mark"));
        assert_ne!(s("minister"), s("mini"));
        assert_ne!(s("geert"), s("er"));
        assert_eq!(s("gemeenten"), s("gemeente"));
        assert_eq!(s("aanslagen"), s("aanslag"));
        assert_eq!(s("kinderen"), s("kind"));
        assert_eq!(s("eieren"), s("ei"));
        assert_eq!(s("fiets"), s("fietsen"));
    }

    #[test]
    fn overrides_are_what_plain_kp_gets_wrong() {
        assert_eq!(Stemmer::Kp.stems("geweld"), Stemmer::Kp.stems("wel"));
        assert_ne!(Stemmer::Kp.stems("aanslagen"), Stemmer::Kp.stems("aanslag"));
    }

    #[test]
    fn attributive_adjectives_also_get_the_base_stem() {
        let shares = |a: &str, b: &str| {
            let (a, b) = (Stemmer::KpTuned.stems(a), Stemmer::KpTuned.stems(b));
            a.iter().any(|s| b.contains(s))
        };
        assert!(shares("venezolaanse", "venezolaans"));
        assert!(shares("kleine", "klein"));
        assert!(shares("nieuwe", "nieuw"));
        assert!(shares("oekraiense", "oekraiens"));
        assert!(shares("nederlandse", "nederlands"));
        assert!(!shares("kleine", "kleinkind"));
    }

    #[test]
    fn genitive_s_on_names_is_removed() {
        assert_eq!(Stemmer::KpTuned.stems("poetins")[0], Stemmer::KpTuned.stems("poetin")[0]);
        assert_eq!(Stemmer::KpTuned.stems("zelensky's")[0], "zelensky");
    }

    #[test]
    fn every_override_word_is_folded_lowercase() {
        for word in OVERRIDES.keys() {
            assert_eq!(*word, crate::analysis::fold(word), "{word}");
        }
    }
}
