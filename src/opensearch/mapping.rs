//! The index template: settings (two analyzers) and the mapping of every
//! field a story document has.

use serde_json::{Value, json};

use crate::search::Facet;

/// Reads newsidx's terms back: split on whitespace, nothing else.
pub const TERMS_ANALYZER: &str = "newsidx_terms";
/// For showing and highlighting title and body only (never for matching
/// what a query means): standard words, lowercased, accents folded.
pub const DISPLAY_ANALYZER: &str = "newsidx_display";
/// Positions between two values of a facet, so a phrase never spans them.
pub const VALUE_GAP: u32 = 100;
/// Filler for a position that has no word of its own in a `words` field.
pub const GAP_TOKEN: &str = "_";

/// The term fields of a text (`title_terms`, `body_terms`), with whether
/// they keep positions.
pub const TERM_KINDS: [(&str, bool); 5] =
    [("words", true), ("words_alt", false), ("stems", false), ("parts", false), ("names", false)];

/// The facets with a `facet_terms` field (kind is matched as a keyword).
pub fn text_facets() -> impl Iterator<Item = Facet> {
    Facet::ALL.into_iter().filter(|f| *f != Facet::Kind)
}

/// The composable index template for indices matching `pattern` (load with
/// `PUT _index_template/<name>`). `analyzer` is the index's analyzer id,
/// recorded in `_meta`: documents from an index with another analyzer do
/// not belong in the same cluster index.
pub fn template(pattern: &str, analyzer: &str) -> Value {
    let keyword = json!({ "type": "keyword" });
    let mut properties = serde_json::Map::new();
    for name in ["id", "path", "kind", "section", "dateline", "cluster"] {
        properties.insert(name.into(), keyword.clone());
    }
    for facet in [Facet::Agency, Facet::Person, Facet::Location, Facet::Organization] {
        properties.insert(facet.field_name().into(), keyword.clone());
    }
    properties.insert(
        "published".into(),
        json!({ "type": "date", "format": "strict_date_time_no_millis||epoch_second" }),
    );
    for name in ["title", "body"] {
        properties.insert(
            name.into(),
            json!({ "type": "text", "analyzer": DISPLAY_ANALYZER, "index_options": "offsets" }),
        );
        properties.insert(format!("{name}_terms"), json!({ "properties": term_fields() }));
    }
    let facets: serde_json::Map<String, Value> = text_facets()
        .map(|f| {
            let field = json!({ "type": "text", "analyzer": TERMS_ANALYZER,
                "index_options": "positions", "position_increment_gap": VALUE_GAP });
            (f.field_name().to_string(), field)
        })
        .collect();
    properties.insert("facet_terms".into(), json!({ "properties": facets }));
    json!({
        "index_patterns": [pattern],
        "priority": 100,
        "_meta": { "generator": "newsidx", "newsidx": env!("CARGO_PKG_VERSION"), "analyzer": analyzer },
        "template": {
            "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 1,
                "analysis": { "analyzer": {
                    TERMS_ANALYZER: { "type": "custom", "tokenizer": "whitespace" },
                    DISPLAY_ANALYZER: { "type": "custom", "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"] }
                } }
            },
            "mappings": {
                "dynamic": "strict",
                "_meta": { "newsidx": env!("CARGO_PKG_VERSION"), "analyzer": analyzer },
                "properties": properties
            }
        }
    })
}

fn term_fields() -> serde_json::Map<String, Value> {
    TERM_KINDS
        .iter()
        .map(|(name, positions)| {
            let options = if *positions { "positions" } else { "freqs" };
            let field =
                json!({ "type": "text", "analyzer": TERMS_ANALYZER, "index_options": options });
            (name.to_string(), field)
        })
        .collect()
}

/// Every leaf field of `template`'s mapping as a dotted path with its type
/// (`body_terms.words` → `text`).
pub fn mapped_fields(template: &Value) -> Vec<(String, String)> {
    fn walk(prefix: &str, properties: &Value, out: &mut Vec<(String, String)>) {
        let Some(map) = properties.as_object() else { return };
        for (name, field) in map {
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
            if let Some(inner) = field.get("properties") {
                walk(&path, inner, out);
            } else if let Some(kind) = field.get("type").and_then(Value::as_str) {
                out.push((path, kind.to_string()));
            }
        }
    }
    let mut out = Vec::new();
    walk("", &template["template"]["mappings"]["properties"], &mut out);
    out.sort();
    out
}
