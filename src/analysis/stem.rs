//! Snowball Dutch stemming, pinned to one algorithm and one crate version.
//!
//! Owns the choice of stemmer. We call frostem directly instead of tantivy's
//! `Stemmer::new(Language::Dutch)` so that a tantivy upgrade cannot silently
//! swap the algorithm (tantivy 0.26 → 0.27 changed Dutch from Porter to
//! Kraaij-Pohlmann). The algorithm and version are part of
//! [`super::ANALYZER_ID`]; `Cargo.toml` pins frostem with `=`.
//!
//! Why Kraaij-Pohlmann (frostem `Algorithm::Dutch`, Snowball's default Dutch
//! since 3.0): on our news word families it conflates 56% of inflection pairs
//! against Porter's 35% (nouns 80% vs 37%, verbs 43% vs 20%) and is faster;
//! see `../shared/research/dutch-analysis.md` §1–2 and the measurement test
//! `stemmer_choice` in `tests/integration/stemmer.rs`.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The frostem algorithm newsidx stems with.
pub const ALGORITHM: frostem::Algorithm = frostem::Algorithm::Dutch;

/// Stems one lowercased, folded word with the pinned algorithm.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    frostem::Stemmer::new(ALGORITHM).stem(word)
}

/// Token filter applying [`stem`] to every token.
#[derive(Clone, Copy, Default)]
pub struct DutchStemmer;

impl TokenFilter for DutchStemmer {
    type Tokenizer<T: Tokenizer> = DutchStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DutchStemmerFilter<T> {
        DutchStemmerFilter { inner }
    }
}

/// [`Tokenizer`] produced by [`DutchStemmer`].
#[derive(Clone)]
pub struct DutchStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DutchStemmerFilter<T> {
    type TokenStream<'a> = DutchStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DutchStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(ALGORITHM),
            buffer: String::new(),
        }
    }
}

/// [`TokenStream`] of [`DutchStemmerFilter`].
pub struct DutchStemmerStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
    buffer: String,
}

impl<T: TokenStream> TokenStream for DutchStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stemmer.stem(&token.text) {
            std::borrow::Cow::Owned(stemmed) => token.text = stemmed,
            std::borrow::Cow::Borrowed(stemmed) => {
                if stemmed.len() != token.text.len() {
                    self.buffer.clear();
                    self.buffer.push_str(stemmed);
                    mem::swap(&mut token.text, &mut self.buffer);
                }
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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
}
