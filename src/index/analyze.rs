//! `newsidx analyze`: the terms a field's analyzer makes of a text.
//!
//! Owns the mapping from a field name to what is indexed for it, the same
//! way documents are built: the field's analyzer from the schema; for the
//! title and body terms the index analysis with the gazetteer's places.

use tantivy::schema::FieldType;

use super::document::is_place;
use super::schema::schema;
use crate::analysis::{self, AnalysisConfig, NL_TERMS, Token};

/// Fields `analyze` shows when none is named.
pub const DEFAULT_FIELDS: &[&str] = &["body"];

/// Tokens the field `field` gets for `text`, with the analyzer's name;
/// `None` for an unknown or untokenized field.
pub fn analyze(field: &str, text: &str, config: &AnalysisConfig) -> Option<(String, Vec<Token>)> {
    let schema = schema();
    let entry = schema.get_field_entry(schema.get_field(field).ok()?);
    let FieldType::Str(options) = entry.field_type() else { return None };
    let analyzer = options.get_indexing_options()?.tokenizer().to_string();
    if !analysis::ALL.contains(&analyzer.as_str()) {
        return None;
    }
    if analyzer == NL_TERMS {
        return Some((analyzer, analysis::terms::index_tokens(text, config, is_place)));
    }
    Some((analyzer.clone(), analysis::tokens_with(config, &analyzer, text)))
}

/// Names of the fields `analyze` accepts.
pub fn analyzable_fields() -> Vec<String> {
    let schema = schema();
    schema
        .fields()
        .filter(|(_, e)| match e.field_type() {
            FieldType::Str(o) => {
                o.get_indexing_options().is_some_and(|i| analysis::ALL.contains(&i.tokenizer()))
            }
            _ => false,
        })
        .map(|(_, e)| e.name().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(field: &str, text: &str) -> Vec<String> {
        analyze(field, text, &AnalysisConfig::default())
            .unwrap()
            .1
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn each_field_uses_its_analyzer() {
        let body = texts("body", "Vluchtelingen");
        assert!(body.contains(&"vluchtelingen".to_string()), "{body:?}");
        let stem = analysis::stem("vluchtelingen").into_owned();
        assert!(body.contains(&analysis::terms::prefixed(analysis::terms::STEM, &stem)));
        assert_eq!(texts("location", "Den Haag"), ["den", "haag"]);
    }

    #[test]
    fn terms_field_shows_compound_parts_of_places_as_indexed() {
        let parts = texts("body", "de Gazastrook");
        let gaza = analysis::terms::prefixed(analysis::terms::PART, "gaza");
        assert!(parts.contains(&gaza), "a place after a place splits: {parts:?}");
    }

    #[test]
    fn unknown_and_raw_fields_are_refused() {
        assert!(analyze("bestaat_niet", "x", &AnalysisConfig::default()).is_none());
        assert!(analyze("id", "x", &AnalysisConfig::default()).is_none());
        assert!(analyzable_fields().contains(&"title".to_string()));
        assert!(!analyzable_fields().contains(&"path".to_string()), "raw");
    }
}
