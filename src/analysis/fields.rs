//! Compound parts as tokens for the `parts` field.
//!
//! Owns turning the exact tokens of a text into the stems of their compound
//! parts, handed to tantivy pre-tokenized.

use tantivy::tokenizer::Token;

use super::{AnalysisConfig, Decompounder};

/// Stems of the compound parts of `exact` tokens (as `nl_exact` makes
/// them); each part keeps its compound's offsets and gets its own position.
pub fn part_tokens(
    exact: &[Token],
    decompounder: &Decompounder,
    is_place: &dyn Fn(&str) -> bool,
    config: &AnalysisConfig,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut position = 0;
    for token in exact {
        for part in decompounder.split(&token.text, is_place).into_iter().flatten() {
            for stem in config.stemmer.stems(&part) {
                out.push(Token { text: stem, position, ..token.clone() });
            }
            position += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{NL_EXACT, tokens};

    #[test]
    fn parts_are_stemmed_and_keep_their_compounds_offsets() {
        let config = AnalysisConfig::default();
        let text = "Het vluchtelingenkamp";
        let parts = part_tokens(&tokens(NL_EXACT, text), &Decompounder, &|_| false, &config);
        let texts: Vec<&str> = parts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&crate::analysis::stem("kamp").as_ref()), "{texts:?}");
        assert!(parts.iter().all(|t| &text[t.offset_from..t.offset_to] == "vluchtelingenkamp"));
    }
}
