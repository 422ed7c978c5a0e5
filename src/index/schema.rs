//! The index schema: `index_schema/schema.json`, compiled in, bound to code.
//!
//! Owns the schema data and the [`Fields`] handles the code uses. The JSON
//! is tantivy's own schema format; `index_schema/README.md` explains each
//! field. Tests check that it parses, that every tokenizer it names is
//! registered by [`crate::analysis`], and that every field the code uses
//! exists with the right type.

use tantivy::schema::{Field, FieldType, Schema};

/// The schema as shipped, `index_schema/schema.json`.
pub const SCHEMA_JSON: &str = include_str!("../../index_schema/schema.json");

/// The embedded schema.
///
/// # Panics
/// If `schema.json` is not a valid tantivy schema: a build defect that the
/// unit tests catch before release.
pub fn schema() -> Schema {
    serde_json::from_str(SCHEMA_JSON)
        .expect("index_schema/schema.json is a valid tantivy schema (tested)")
}

/// Handles of every field newsidx reads or writes.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub kind: Field,
    pub section: Field,
    pub title: Field,
    pub body: Field,
    pub dateline: Field,
    pub agency: Field,
    pub person: Field,
    pub location: Field,
    pub organization: Field,
    pub published: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    /// `minhash_0`…: the words of the story's MinHash signature.
    pub minhash: [Field; crate::syndication::WORDS],
}

/// The kinds of field the code relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Date,
    U64,
    I64,
}

impl Fields {
    /// Resolves every field in `schema`, checking its type.
    ///
    /// # Errors
    /// [`crate::Error::Schema`] naming the missing or mistyped field.
    pub fn resolve(schema: &Schema) -> crate::Result<Fields> {
        let get = |name: &str, want: Type| -> crate::Result<Field> {
            let field = schema
                .get_field(name)
                .map_err(|_| crate::Error::Schema(format!("missing field `{name}`")))?;
            let got = match schema.get_field_entry(field).field_type() {
                FieldType::Str(_) => Type::Text,
                FieldType::Date(_) => Type::Date,
                FieldType::U64(_) => Type::U64,
                FieldType::I64(_) => Type::I64,
                other => {
                    return Err(crate::Error::Schema(format!("field `{name}` has type {other:?}")));
                }
            };
            if got == want {
                Ok(field)
            } else {
                Err(crate::Error::Schema(format!("field `{name}` is {got:?}, not {want:?}")))
            }
        };
        Ok(Fields {
            id: get("id", Type::Text)?,
            path: get("path", Type::Text)?,
            kind: get("kind", Type::Text)?,
            section: get("section", Type::Text)?,
            title: get("title", Type::Text)?,
            body: get("body", Type::Text)?,
            dateline: get("dateline", Type::Text)?,
            agency: get("agency", Type::Text)?,
            person: get("person", Type::Text)?,
            location: get("location", Type::Text)?,
            organization: get("organization", Type::Text)?,
            published: get("published", Type::Date)?,
            file_size: get("file_size", Type::U64)?,
            file_mtime: get("file_mtime", Type::I64)?,
            file_hash: get("file_hash", Type::U64)?,
            minhash: [
                get("minhash_0", Type::U64)?,
                get("minhash_1", Type::U64)?,
                get("minhash_2", Type::U64)?,
                get("minhash_3", Type::U64)?,
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;

    #[test]
    fn schema_json_parses_and_binds_every_field() {
        let schema = schema();
        Fields::resolve(&schema).unwrap();
        assert_eq!(
            schema.fields().count(),
            19,
            "a field was added: bind it in Fields and document it"
        );
    }

    #[test]
    fn every_tokenizer_in_the_schema_is_registered() {
        let manager = tantivy::tokenizer::TokenizerManager::default();
        analysis::register(&manager, &analysis::AnalysisConfig::default());
        for (_, entry) in schema().fields() {
            if let FieldType::Str(options) = entry.field_type()
                && let Some(indexing) = options.get_indexing_options()
            {
                let name = indexing.tokenizer();
                assert!(
                    manager.get(name).is_some(),
                    "field {} uses unregistered tokenizer {name}",
                    entry.name()
                );
            }
        }
    }

    #[test]
    fn text_fields_use_the_documented_analyzers() {
        let schema = schema();
        let tokenizer =
            |name: &str| match schema.get_field_entry(schema.get_field(name).unwrap()).field_type()
            {
                FieldType::Str(o) => o.get_indexing_options().unwrap().tokenizer().to_string(),
                _ => unreachable!(),
            };
        assert_eq!(tokenizer("body"), analysis::NL_TERMS);
        assert_eq!(tokenizer("title"), analysis::NL_TERMS);
        assert_eq!(tokenizer("location"), analysis::NL_FACET);
    }
}
