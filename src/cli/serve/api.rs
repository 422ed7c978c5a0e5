//! The JSON API: one endpoint per command, the command's parameters as
//! query parameters, the command's `--json` shape as the answer.

use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use newsidx::index::NewsIndex;
use newsidx::search::{Facet, SearchRequest, select};
use newsidx::stats::{self, Period, RunInfo, TimelineRequest};
use serde_json::{Value, json};

use super::params::{MAX_LIMIT, MAX_OFFSET, Params};
use super::{ApiError, App, blocking};
use crate::cli::wire::{self, ExportFormat, STORY_FIELDS};

type Answer = Result<Response, ApiError>;

/// Runs `work` on the live index off the async threads and answers its
/// JSON.
async fn json_of(
    app: Arc<App>,
    work: impl FnOnce(&NewsIndex) -> Result<Value, ApiError> + Send + 'static,
) -> Answer {
    let value = blocking(move || work(&app.shared.index())).await?;
    Ok(Json(value).into_response())
}

/// `GET /api/health`: the index answers, how many stories it holds.
pub async fn health(State(app): State<Arc<App>>) -> Answer {
    json_of(app, |index| {
        Ok(json!({
            "status": "ok",
            "documents": index.searcher().num_docs(),
            "analyzer": index.info().analyzer,
            "newsidx": env!("CARGO_PKG_VERSION"),
        }))
    })
    .await
}

/// The search request of a query string (shared by the page).
pub fn search_request(p: &Params) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest::new(p.query()?);
    request.filters = p.filters()?;
    request.limit = p.number("limit", 10, MAX_LIMIT)?;
    request.offset = p.number("offset", 0, MAX_OFFSET)?;
    request.facets = p.flag("facets");
    request.facet_limit = p.number("facet_limit", 10, 1000)?;
    request.all_copies = p.flag("all_copies");
    request.explain = p.flag("explain");
    Ok(request)
}

/// `GET /api/search`: `search --json`.
pub async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let request = search_request(&p)?;
    json_of(app, move |index| {
        let results = index.search(&request).map_err(ApiError::from_lib)?;
        let meta = stats::run_info(index, &request.query, &request.filters);
        Ok(wire::search(&meta, &results))
    })
    .await
}

/// The facets named by `field` parameters (default: all).
pub fn facet_fields(p: &Params) -> Result<Vec<Facet>, ApiError> {
    let names = p.all("field");
    if names.is_empty() {
        return Ok(Facet::ALL.to_vec());
    }
    names
        .iter()
        .map(|n| {
            Facet::ALL.iter().copied().find(|f| f.field_name() == n).ok_or_else(|| {
                ApiError::bad(format!("parameter field: {n:?} is not a facet"), None)
            })
        })
        .collect()
}

/// A query with its filters, selected on `index`, with its run info.
fn selection(
    index: &NewsIndex,
    p: &Params,
) -> Result<(newsidx::search::Selection, RunInfo), ApiError> {
    let (query, filters) = (p.query()?, p.filters()?);
    let selection = select(index, &query, &filters).map_err(ApiError::from_lib)?;
    Ok((selection, stats::run_info(index, &query, &filters)))
}

/// `GET /api/facets`: `facets --json`.
pub async fn facets(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let fields = facet_fields(&p)?;
    let top = p.number("top", 10, 1000)?;
    json_of(app, move |index| {
        let (selection, meta) = selection(index, &p)?;
        let counts = stats::facet_counts(index, &selection, &fields, top, p.flag("dedupe"))
            .map_err(ApiError::from_lib)?;
        Ok(wire::facets(&meta, &counts))
    })
    .await
}

/// The timeline request of a query string: labelled queries
/// `query=Gaza=Gaza OR "Khan Younis"` (repeatable) or `q`, `by`, `split`.
pub fn timeline_request(p: &Params) -> Result<TimelineRequest, ApiError> {
    let mut queries: Vec<(String, String)> = Vec::new();
    for labelled in p.all("query") {
        match labelled.split_once('=') {
            Some((label, query)) if !label.trim().is_empty() && !query.trim().is_empty() => {
                queries.push((label.trim().into(), query.trim().into()))
            }
            _ => queries.push((labelled.clone(), labelled.clone())),
        }
    }
    if queries.is_empty() {
        let q = p.query()?;
        queries.push((q.clone(), q));
    }
    if queries.len() > 12 {
        return Err(ApiError::bad("parameter query: at most 12 series".into(), None));
    }
    let by = match p.get("by").unwrap_or("day") {
        "day" => Period::Day,
        "week" => Period::Week,
        "month" => Period::Month,
        "year" => Period::Year,
        other => {
            return Err(ApiError::bad(
                format!("parameter by: {other:?} is not day, week, month or year"),
                None,
            ));
        }
    };
    let split = match p.get("split") {
        None => None,
        Some(name) => {
            Some(Facet::ALL.iter().copied().find(|f| f.field_name() == name).ok_or_else(|| {
                ApiError::bad(format!("parameter split: {name:?} is not a facet"), None)
            })?)
        }
    };
    Ok(TimelineRequest {
        queries,
        filters: p.filters()?,
        by,
        split,
        split_top: p.number("top", 5, 50)?,
        dedupe: p.flag("dedupe"),
    })
}

/// `GET /api/timeline`: `timeline --json`.
pub async fn timeline(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let request = timeline_request(&p)?;
    json_of(app, move |index| {
        let series = stats::timeline(index, &request).map_err(ApiError::from_lib)?;
        let label = request.label();
        let meta = stats::run_info(index, &label, &request.filters);
        Ok(wire::timeline(&meta, request.by, &series))
    })
    .await
}

/// Most KWIC lines one request gives (the page says when there were more).
pub const MAX_KWIC: usize = 2000;

/// KWIC lines of a query string, at most `limit`, and whether there were
/// more.
pub fn kwic_lines(
    index: &NewsIndex,
    p: &Params,
) -> Result<(Vec<stats::KwicLine>, bool, RunInfo), ApiError> {
    let (selection, meta) = selection(index, p)?;
    let width = p.number("width", 60, 400)?;
    let limit = p.number("limit", 200, MAX_KWIC)?;
    let mut lines = Vec::new();
    let total = stats::kwic(index, &selection, width, p.flag("dedupe"), &mut |l| {
        if lines.len() < limit {
            lines.push(l);
        }
        Ok(())
    })
    .map_err(ApiError::from_lib)?;
    Ok((lines, total > limit, meta))
}

/// `GET /api/kwic`: `kwic --json` (at most `limit` lines; `truncated`
/// says whether there were more).
pub async fn kwic(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    json_of(app, move |index| {
        let (lines, truncated, meta) = kwic_lines(index, &p)?;
        let mut value = wire::kwic(&meta, &lines);
        value["truncated"] = json!(truncated);
        Ok(value)
    })
    .await
}

/// `GET /api/cooccur`: `cooccur --json`.
pub async fn cooccur(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let field = p.get("field").unwrap_or("person").to_string();
    let facet =
        Facet::ALL.iter().copied().find(|f| f.field_name() == field).ok_or_else(|| {
            ApiError::bad(format!("parameter field: {field:?} is not a facet"), None)
        })?;
    let top = p.number("top", 20, 200)?;
    json_of(app, move |index| {
        let (selection, meta) = selection(index, &p)?;
        let result = stats::cooccur(index, &selection, facet, top, p.flag("dedupe"))
            .map_err(ApiError::from_lib)?;
        Ok(wire::cooccur(&meta, &result))
    })
    .await
}

/// `GET /api/terms`: `terms --json`.
pub async fn terms(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let top = p.number("top", 30, 500)?;
    json_of(app, move |index| {
        let (selection, meta) = selection(index, &p)?;
        let keys =
            stats::terms(index, &selection, top, p.flag("dedupe")).map_err(ApiError::from_lib)?;
        Ok(wire::terms(&meta, &keys))
    })
    .await
}

/// `GET /api/story?id=…`: `show --json`; 404 for an unknown id.
pub async fn story(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let id = p.get("id").ok_or_else(|| ApiError::bad("parameter id is missing".into(), None))?;
    let id = id.to_string();
    json_of(app, move |index| {
        let story = stats::story(index, &id).map_err(ApiError::from_lib)?;
        Ok(wire::story(&story, &index.info().corpus.join(&story.path)))
    })
    .await
}

/// Most stories one export streams.
pub const MAX_EXPORT: usize = 100_000;

/// `GET /api/export`: `export` streamed (`format=jsonl|csv|tsv`,
/// `fields=id,title,…`, `max` up to [`MAX_EXPORT`]); 429 while two exports
/// are running.
pub async fn export(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let format = match p.get("format").unwrap_or("jsonl") {
        "jsonl" => ExportFormat::Jsonl,
        "csv" => ExportFormat::Csv,
        "tsv" => ExportFormat::Tsv,
        other => {
            return Err(ApiError::bad(
                format!("parameter format: {other:?} is not jsonl, csv or tsv"),
                None,
            ));
        }
    };
    let fields: Vec<String> = match p.get("fields") {
        None => STORY_FIELDS.iter().map(|f| f.to_string()).collect(),
        Some(list) => list.split(',').map(|f| f.trim().to_string()).collect(),
    };
    if let Some(unknown) = fields.iter().find(|f| !STORY_FIELDS.contains(&f.as_str())) {
        return Err(ApiError::bad(format!("parameter fields: unknown field {unknown:?}"), None));
    }
    let cap = p.number("max", MAX_EXPORT, MAX_EXPORT)?;
    let permit = export_permit(&app)?;
    let index = app.shared.index();
    // Parse before streaming, so that a bad query is a 400, not a cut body.
    let (selection, meta) = selection(&index, &p)?;
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(8);
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut out = ChannelWriter { sender, buffer: Vec::with_capacity(64 << 10) };
        if let Err(e) =
            wire::export(&mut out, &index, &[(None, &selection)], &meta, &fields, format, Some(cap))
        {
            eprintln!("newsidx: export stopped: {e:#}");
        }
        let _ = out.flush_buffer();
    });
    let content_type = match format {
        ExportFormat::Jsonl => "application/x-ndjson; charset=utf-8",
        ExportFormat::Csv => "text/csv; charset=utf-8",
        ExportFormat::Tsv => "text/tab-separated-values; charset=utf-8",
    };
    let extension = format!("{format:?}").to_lowercase();
    let disposition = format!("attachment; filename=\"newsidx-export.{extension}\"");
    let body = Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(receiver));
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

/// A permit to export, or 429 when [`super::MAX_EXPORTS`] are running.
fn export_permit(app: &App) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
    Arc::clone(&app.exports).try_acquire_owned().map_err(|_| ApiError {
        status: axum::http::StatusCode::TOO_MANY_REQUESTS,
        message: format!(
            "{} exports are running; try again when one has finished",
            super::MAX_EXPORTS
        ),
        column: None,
    })
}

/// A `Write` that sends 64 KiB chunks into the response body.
struct ChannelWriter {
    sender: tokio::sync::mpsc::Sender<Result<bytes::Bytes, std::io::Error>>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    fn flush_buffer(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = bytes::Bytes::from(std::mem::take(&mut self.buffer));
        self.sender.blocking_send(Ok(chunk)).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
        })
    }
}

impl std::io::Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= 64 << 10 {
            self.flush_buffer()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.flush_buffer()
    }
}

/// `GET /api/analyze?text=…&field=…`: `analyze --json`.
pub async fn analyze(RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref());
    let text =
        p.get("text").ok_or_else(|| ApiError::bad("parameter text is missing".into(), None))?;
    if text.len() > 100_000 {
        return Err(ApiError::bad("parameter text: longer than 100,000 bytes".into(), None));
    }
    let fields = p.all("field");
    let value = crate::cli::analyze::json(text, &fields)
        .map_err(|e| ApiError::bad(format!("parameter field: {e}"), None))?;
    Ok(Json(value).into_response())
}
