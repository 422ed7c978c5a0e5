//! The OpenAPI 3.1 description of the API, served at `/api/openapi.json`.
//!
//! Owns the API's contract for other programs. The parameters are the
//! command-line flags under their flag names; an integration test checks
//! that every API route is described and every described path is served.

use axum::Json;
use serde_json::{Value, json};

/// One query parameter: name, JSON type, whether it may repeat.
type Param = (&'static str, &'static str, bool);

/// Every API path with its summary and its parameters.
const PATHS: &[(&str, &str, &[Param])] = &[
    ("/api/health", "The index answers: stories, analyzer, newsidx version.", &[]),
    (
        "/api/search",
        "Ranked stories, one per group of syndicated copies (as `newsidx search --json`).",
        &[
            ("q", "string", false),
            ("limit", "integer", false),
            ("offset", "integer", false),
            ("facets", "boolean", false),
            ("facet_limit", "integer", false),
            ("all_copies", "boolean", false),
            ("explain", "boolean", false),
        ],
    ),
    (
        "/api/facets",
        "The most frequent values of each facet among the matches (as `newsidx facets --json`).",
        &[
            ("q", "string", false),
            ("field", "string", true),
            ("top", "integer", false),
            ("dedupe", "boolean", false),
        ],
    ),
    (
        "/api/timeline",
        "Matches per period for one or more labelled queries, with bursts (as `newsidx timeline --json`).",
        &[
            ("q", "string", false),
            ("query", "string", true),
            ("by", "string", false),
            ("split", "string", false),
            ("top", "integer", false),
            ("dedupe", "boolean", false),
        ],
    ),
    (
        "/api/kwic",
        "Keyword in context (as `newsidx kwic --json`; at most `limit` lines, `truncated` says if there were more).",
        &[
            ("q", "string", false),
            ("width", "integer", false),
            ("limit", "integer", false),
            ("dedupe", "boolean", false),
        ],
    ),
    (
        "/api/cooccur",
        "Pairs of facet values in the same stories (as `newsidx cooccur --json`).",
        &[
            ("q", "string", false),
            ("field", "string", false),
            ("top", "integer", false),
            ("dedupe", "boolean", false),
        ],
    ),
    (
        "/api/terms",
        "Key words of the matches against the rest (as `newsidx terms --json`).",
        &[("q", "string", false), ("top", "integer", false), ("dedupe", "boolean", false)],
    ),
    (
        "/api/story",
        "One story with its metadata and text (as `newsidx show --json`); 404 for an unknown id.",
        &[("id", "string", false)],
    ),
    (
        "/api/export",
        "Every match, streamed as JSONL, CSV or TSV with the reproducibility header (as `newsidx export`); 429 while two exports run.",
        &[
            ("q", "string", false),
            ("format", "string", false),
            ("fields", "string", false),
            ("max", "integer", false),
        ],
    ),
    (
        "/api/analyze",
        "The terms each field's analyzer makes of a text (as `newsidx analyze --json`).",
        &[("text", "string", false), ("field", "string", true)],
    ),
    ("/api/openapi.json", "This description.", &[]),
];

/// Filter parameters every query endpoint takes.
const FILTERS: &[(&str, bool)] = &[
    ("location", true),
    ("agency", true),
    ("person", true),
    ("organization", true),
    ("section", true),
    ("kind", true),
    ("since", false),
    ("until", false),
];

/// The paths that take the query filters.
fn filtered(path: &str) -> bool {
    matches!(
        path,
        "/api/search"
            | "/api/facets"
            | "/api/timeline"
            | "/api/kwic"
            | "/api/cooccur"
            | "/api/terms"
            | "/api/export"
    )
}

fn parameter(name: &str, kind: &str, repeatable: bool) -> Value {
    let schema = if repeatable {
        json!({ "type": "array", "items": { "type": kind } })
    } else {
        json!({ "type": kind })
    };
    json!({ "name": name, "in": "query", "required": name == "id" || name == "text", "schema": schema,
            "style": "form", "explode": true })
}

/// The description as JSON.
pub fn description() -> Value {
    let error = json!({ "description": "A bad parameter or query: `error` says what, `column` where in the query.",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    let mut paths = serde_json::Map::new();
    for (path, summary, params) in PATHS {
        let mut parameters: Vec<Value> =
            params.iter().map(|(n, k, r)| parameter(n, k, *r)).collect();
        if filtered(path) {
            parameters.extend(FILTERS.iter().map(|(n, r)| parameter(n, "string", *r)));
        }
        let ok = if *path == "/api/export" {
            json!({ "description": "The stories", "content": {
                "application/x-ndjson": {}, "text/csv": {}, "text/tab-separated-values": {} } })
        } else {
            json!({ "description": "The result", "content": { "application/json": { "schema": { "type": "object" } } } })
        };
        paths.insert(
            path.to_string(),
            json!({ "get": { "summary": summary, "parameters": parameters, "responses": {
                "200": ok, "400": error, "404": error, "429": error, "503": error } } }),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": "newsidx", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Search and analysis of an index of Dutch news pages. Parameters are named like the command-line flags; repeat a parameter for several values." },
        "paths": paths,
        "components": { "schemas": { "Error": { "type": "object", "required": ["error"], "properties": {
            "error": { "type": "string" }, "column": { "type": ["integer", "null"] } } } } },
    })
}

/// `GET /api/openapi.json`.
pub async fn document() -> Json<Value> {
    Json(description())
}
