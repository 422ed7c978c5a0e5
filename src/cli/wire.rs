//! The JSON shapes newsidx prints (`--json`) and serves (`newsidx serve`'s
//! API): one definition of each, used by both.
//!
//! Owns the wire format. Every result that can be reproduced carries the
//! [`RunInfo`] as `meta`, first.

use newsidx::index::StoredStory;
use newsidx::search::{SearchResults, rfc3339};
use newsidx::stats::{
    Cooccurrence, EntityCount, FacetCounts, Keyness, KwicLine, Period, RunInfo, Series,
};
use serde::Serialize;
use serde_json::{Value, json};

/// `data`'s fields after a `meta` object.
pub fn with_meta<T: Serialize>(meta: &RunInfo, data: &T) -> Value {
    let mut value = serde_json::to_value(data).unwrap_or(Value::Null);
    let body = value.as_object_mut().map(std::mem::take).unwrap_or_default();
    let mut object = serde_json::Map::new();
    object.insert("meta".into(), serde_json::to_value(meta).unwrap_or(Value::Null));
    object.extend(body);
    Value::Object(object)
}

/// `search --json`, `GET /api/search`.
pub fn search(meta: &RunInfo, results: &SearchResults) -> Value {
    with_meta(meta, results)
}

/// `kwic --json`, `GET /api/kwic`.
pub fn kwic(meta: &RunInfo, lines: &[KwicLine]) -> Value {
    with_meta(meta, &json!({ "lines": lines }))
}

/// `facets --json`, `GET /api/facets`.
pub fn facets(meta: &RunInfo, counts: &FacetCounts) -> Value {
    with_meta(meta, &json!({ "stories": counts.stories, "facets": counts.facets }))
}

/// `facets --queries FILE --json`: the counts of every label.
pub fn facets_by_label(meta: &RunInfo, sets: &[(Option<String>, FacetCounts)]) -> Value {
    let labels: Vec<Value> = sets
        .iter()
        .map(|(label, counts)| {
            let mut value = serde_json::to_value(counts).unwrap_or(Value::Null);
            if let Some(object) = value.as_object_mut() {
                object.insert("label".into(), json!(label));
            }
            value
        })
        .collect();
    json!({ "meta": meta, "labels": labels })
}

/// `cooccur --json`, `GET /api/cooccur`.
pub fn cooccur(meta: &RunInfo, result: &Cooccurrence) -> Value {
    with_meta(meta, result)
}

/// `terms --json`, `GET /api/terms`.
pub fn terms(meta: &RunInfo, keys: &[Keyness]) -> Value {
    with_meta(meta, &json!({ "terms": keys }))
}

/// `entities --json`.
pub fn entities(meta: &RunInfo, stories: u64, list: &[EntityCount]) -> Value {
    with_meta(meta, &json!({ "stories": stories, "entities": list }))
}

/// `timeline --json`, `GET /api/timeline`.
pub fn timeline(meta: &RunInfo, by: Period, series: &[Series]) -> Value {
    with_meta(meta, &json!({ "by": by, "series": series }))
}

/// Fields of a story as `export` and `show` give them, in their default
/// order.
pub const STORY_FIELDS: &[&str] = &[
    "id",
    "path",
    "kind",
    "section",
    "published",
    "title",
    "dateline",
    "agencies",
    "persons",
    "locations",
    "organizations",
    "body",
];

/// One field of a story as JSON.
pub fn story_field(story: &StoredStory, field: &str) -> Value {
    match field {
        "id" => json!(story.id),
        "path" => json!(story.path),
        "kind" => json!(story.kind),
        "section" => json!(story.section),
        "published" => json!(rfc3339(story.published)),
        "dateline" => json!(story.dateline),
        "agencies" => json!(story.agencies),
        "persons" => json!(story.persons),
        "locations" => json!(story.locations),
        "organizations" => json!(story.organizations),
        "title" => json!(story.title),
        "body" => json!(story.body),
        _ => Value::Null,
    }
}

/// One field of a story as a CSV/TSV cell (lists joined with `; `).
pub fn story_cell(story: &StoredStory, field: &str) -> String {
    match story_field(story, field) {
        Value::String(s) => s,
        Value::Array(items) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")
        }
        _ => String::new(),
    }
}

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One JSON object per line after a `{"meta", "fields"}` line.
    Jsonl,
    /// Comma-separated values with `#` metadata lines.
    Csv,
    /// Tab-separated values with `#` metadata lines.
    Tsv,
}

/// Streams every match of each selection of `sets` as JSONL, CSV or TSV,
/// with the reproducibility header first; a set with a label (a query set
/// line) adds a first `label` column. Returns how many were written.
///
/// # Errors
/// The index cannot be read or `out` cannot be written.
pub fn export(
    out: &mut dyn std::io::Write,
    index: &newsidx::index::NewsIndex,
    sets: &[(Option<&str>, &newsidx::search::Selection)],
    meta: &RunInfo,
    fields: &[String],
    format: ExportFormat,
    cap: Option<usize>,
) -> anyhow::Result<usize> {
    let io_error = |source: std::io::Error| newsidx::Error::Io {
        action: "writing",
        path: "the export".into(),
        source,
    };
    let labelled = sets.iter().any(|(label, _)| label.is_some());
    let mut header: Vec<String> = Vec::with_capacity(fields.len() + 1);
    if labelled {
        header.push("label".into());
    }
    header.extend(fields.iter().cloned());
    let mut written = 0usize;
    let room = |written: usize| cap.is_none_or(|c| written < c);
    match format {
        ExportFormat::Jsonl => {
            writeln!(out, "{}", json!({ "meta": meta, "fields": header }))?;
            for (label, selection) in sets {
                newsidx::stats::export(index, selection, &mut |story| {
                    if !room(written) {
                        return Ok(());
                    }
                    written += 1;
                    let mut object = serde_json::Map::new();
                    if labelled {
                        object.insert("label".into(), json!(label));
                    }
                    object.extend(fields.iter().map(|f| (f.clone(), story_field(&story, f))));
                    writeln!(out, "{}", Value::Object(object)).map_err(io_error)
                })?;
            }
        }
        ExportFormat::Csv | ExportFormat::Tsv => {
            super::output::comment_lines(out, meta)?;
            let table = if format == ExportFormat::Csv {
                super::output::Format::Csv
            } else {
                super::output::Format::Tsv
            };
            let mut writer = super::output::delimited_writer(&mut *out, table);
            writer.write_record(&header)?;
            for (label, selection) in sets {
                newsidx::stats::export(index, selection, &mut |story| {
                    if !room(written) {
                        return Ok(());
                    }
                    written += 1;
                    let mut row: Vec<String> = Vec::with_capacity(header.len());
                    if labelled {
                        row.push(label.unwrap_or_default().to_string());
                    }
                    row.extend(fields.iter().map(|f| story_cell(&story, f)));
                    writer.write_record(&row).map_err(|e| io_error(e.into()))
                })?;
            }
            writer.flush()?;
        }
    }
    Ok(written)
}

/// `show --json`, `GET /api/story`: every field and the source file.
pub fn story(story: &StoredStory, source: &std::path::Path) -> Value {
    let mut object: serde_json::Map<String, Value> =
        STORY_FIELDS.iter().map(|f| (f.to_string(), story_field(story, f))).collect();
    object.insert("source".into(), json!(source));
    Value::Object(object)
}

/// `search --queries FILE --json`: one object per label.
pub fn query_set(
    meta: &RunInfo,
    rows: &[(&newsidx::search::LabelledQuery, newsidx::stats::LabelSummary)],
) -> Value {
    let labels: Vec<Value> = rows
        .iter()
        .map(|(q, s)| {
            json!({
                "label": q.label,
                "query": q.query,
                "line": q.line,
                "total": s.total,
                "clusters": s.clusters,
                "newest": s.newest.as_ref().map(|(id, t)| json!({ "id": id, "published": rfc3339(*t) })),
            })
        })
        .collect();
    json!({ "meta": meta, "labels": labels })
}

/// `watch --json`: per label, the stories new since the last watch.
pub fn watch(meta: &RunInfo, news: &[newsidx::stats::LabelNews]) -> Value {
    let labels: Vec<Value> = news
        .iter()
        .map(|n| {
            let new: Vec<Value> = n
                .new
                .iter()
                .map(|m| {
                    json!({ "id": m.id, "title": m.title, "dateline": m.dateline,
                            "published": rfc3339(m.published) })
                })
                .collect();
            json!({ "label": n.label, "query": n.query, "total": n.total, "new": new })
        })
        .collect();
    json!({ "meta": meta, "labels": labels })
}
