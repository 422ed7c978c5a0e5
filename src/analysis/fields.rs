//! One text, tokenized once, analysed for every text field.
//!
//! Owns the index-side shortcut: the body of a story feeds `body_exact`,
//! `body_stem`, `names` and `parts`. Running the four registered analyzers
//! would tokenize it four times; here the [`DutchTokenizer`] runs once and
//! its tokens are replayed through the *same* tantivy filters the
//! registered analyzers use, so index terms and query terms cannot drift
//! apart (a property test checks it).

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::{AnalysisConfig, Decompounder, DutchTokenizer, NameKeyFilter, StemFilter};

/// Tokens of one text for each text field.
#[derive(Debug, Clone, Default)]
pub struct FieldTokens {
    /// `nl_exact`: lowercased, folded words.
    pub exact: Vec<Token>,
    /// `nl_text`: their stems (extra stems at the same position).
    pub stems: Vec<Token>,
    /// `nl_name`: spelling keys of capitalised words.
    pub names: Vec<Token>,
}

/// Analyses `text` for the exact, stemmed and name fields.
pub fn field_tokens(text: &str, config: &AnalysisConfig) -> FieldTokens {
    let raw = collect(DutchTokenizer.token_stream(text));
    let names = replay(raw.clone(), |t| TextAnalyzer::builder(t).filter(NameKeyFilter).build());
    let exact = replay(raw, |t| {
        TextAnalyzer::builder(t).filter(LowerCaser).filter(AsciiFoldingFilter).build()
    });
    let stems = replay(exact.clone(), |t| {
        TextAnalyzer::builder(t).filter(StemFilter(config.stemmer)).build()
    });
    FieldTokens { exact, stems, names }
}

/// Stems of the compound parts of the exact tokens (for the `parts`
/// field); each part keeps its compound's offsets and gets a position.
pub fn part_tokens(
    exact: &[Token],
    decompounder: &Decompounder,
    is_place: &dyn Fn(&str) -> bool,
    config: &AnalysisConfig,
) -> Vec<Token> {
    let mut parts = Vec::new();
    for token in exact {
        for part in decompounder.split(&token.text, is_place).into_iter().flatten() {
            let position = parts.len();
            parts.push(Token { text: part, position, ..token.clone() });
        }
    }
    replay(parts, |t| TextAnalyzer::builder(t).filter(StemFilter(config.stemmer)).build())
}

fn collect(mut stream: impl TokenStream) -> Vec<Token> {
    let mut out = Vec::new();
    while stream.advance() {
        out.push(std::mem::take(stream.token_mut()));
    }
    out
}

/// Runs `tokens` through the filters of the analyzer `build` makes.
fn replay(tokens: Vec<Token>, build: impl FnOnce(Replay) -> TextAnalyzer) -> Vec<Token> {
    let mut analyzer = build(Replay { tokens });
    let mut stream = analyzer.token_stream("");
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// A tokenizer that hands out tokens made earlier.
#[derive(Clone)]
struct Replay {
    tokens: Vec<Token>,
}

impl Tokenizer for Replay {
    type TokenStream<'a> = ReplayStream;

    fn token_stream<'a>(&'a mut self, _text: &'a str) -> ReplayStream {
        ReplayStream {
            tokens: std::mem::take(&mut self.tokens).into_iter(),
            token: Token::default(),
        }
    }
}

struct ReplayStream {
    tokens: std::vec::IntoIter<Token>,
    token: Token,
}

impl TokenStream for ReplayStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.token = token;
                true
            }
            None => false,
        }
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
    use crate::analysis::{NL_EXACT, NL_NAME, NL_TEXT, Stemmer, tokens_with};
    use proptest::prelude::*;

    fn same(a: &[Token], b: &[Token]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                (x.position, x.offset_from, x.offset_to, &x.text)
                    == (y.position, y.offset_from, y.offset_to, &y.text)
            })
    }

    proptest! {
        #[test]
        fn one_pass_equals_the_registered_analyzers(
            text in "([A-Za-zëïé]{1,12}|Poetins|vluchtelingen|kleine|GroenLinks-PvdA|auto's|1\\.000|'s-Hertogenbosch|\u{AD}|[ ,.;\\-\n]){0,40}",
            stemmer in prop_oneof![Just(Stemmer::KpTuned), Just(Stemmer::Porter), Just(Stemmer::None)],
        ) {
            let config = AnalysisConfig { stemmer, ..AnalysisConfig::default() };
            let f = field_tokens(&text, &config);
            prop_assert!(same(&f.exact, &tokens_with(&config, NL_EXACT, &text)));
            prop_assert!(same(&f.stems, &tokens_with(&config, NL_TEXT, &text)));
            prop_assert!(same(&f.names, &tokens_with(&config, NL_NAME, &text)));
        }
    }

    #[test]
    fn parts_are_stemmed_and_keep_their_compounds_offsets() {
        let config = AnalysisConfig::default();
        let text = "Het vluchtelingenkamp";
        let f = field_tokens(text, &config);
        let counts = [("vluchtelingen".to_string(), 2)].into_iter().collect();
        let parts = part_tokens(&f.exact, &Decompounder::new(counts), &|_| false, &config);
        let texts: Vec<&str> = parts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&crate::analysis::stem("kamp").as_ref()), "{texts:?}");
        assert!(parts.iter().all(|t| &text[t.offset_from..t.offset_to] == "vluchtelingenkamp"));
    }
}
