//! The workbench pages: server-rendered HTML (maud, which escapes every
//! text it prints), the whole state in the URL with the API's parameter
//! names, so a view can be bookmarked, shared and navigated with the back
//! button. Plain links and forms; a few lines of JavaScript only add
//! keyboard shortcuts and copying.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use newsidx::index::NewsIndex;
use newsidx::search::{Facet, FacetCount, Hit, SearchResults, rfc3339};
use newsidx::stats::{self, Series};

use super::api::{MAX_EXPORT, kwic_lines, search_request, timeline_request};
use super::params::Params;
use super::{ApiError, App, blocking};

/// The views of the main page.
const VIEWS: &[(&str, &str)] = &[
    ("hits", "Hits"),
    ("timeline", "Timeline"),
    ("kwic", "KWIC"),
    ("cooccur", "Co-occurrence"),
    ("terms", "Key terms"),
];

/// Display names of the facets.
fn facet_label(facet: Facet) -> &'static str {
    match facet {
        Facet::Location => "Location",
        Facet::Person => "Person",
        Facet::Organization => "Organisation",
        Facet::Agency => "Agency",
        Facet::Dateline => "Dateline",
        Facet::Section => "Section",
        Facet::Kind => "Kind",
    }
}

/// `GET /assets/app.css`.
pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], include_str!("assets/app.css"))
        .into_response()
}

/// `GET /assets/app.js`.
pub async fn js() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], include_str!("assets/app.js"))
        .into_response()
}

/// An HTML answer with a status.
fn page(status: StatusCode, markup: Markup) -> Response {
    (status, markup).into_response()
}

/// The page frame: head, search form, main.
fn frame(title: &str, p: &Params, body: Markup) -> Markup {
    let q = p.get("q").unwrap_or("");
    let view = p.get("view").unwrap_or("hits");
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – newsidx" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header class="top" {
                    a class="brand" href="/" { "newsidx" }
                    form class="search" method="get" action="/" role="search" {
                        label for="q" class="visually-hidden" { "Query" }
                        input id="q" name="q" type="search" value=(q) placeholder="Poetin Xi, \"Den Haag\", vluchteling*, location:Kiev"
                            autocomplete="off" accesskey="s";
                        @for (key, value) in p.pairs().iter().filter(|(k, _)| kept_by_form(k)) {
                            input type="hidden" name=(key) value=(value);
                        }
                        input type="hidden" name="view" value=(view);
                        label for="since" { "from" }
                        input id="since" name="since" type="date" value=(p.get("since").unwrap_or(""));
                        label for="until" { "to" }
                        input id="until" name="until" type="date" value=(p.get("until").unwrap_or(""));
                        button type="submit" { "Search" }
                    }
                    (syntax_help())
                }
                main { (body) }
            }
        }
    }
}

/// Parameters a new query keeps: the filters (as chips) and view options.
fn kept_by_form(key: &str) -> bool {
    matches!(
        key,
        "location"
            | "agency"
            | "person"
            | "organization"
            | "section"
            | "kind"
            | "dateline"
            | "field"
            | "by"
            | "normalize"
            | "query"
            | "split"
            | "all_copies"
    )
}

fn syntax_help() -> Markup {
    html! {
        details class="syntax" {
            summary { "Query syntax" }
            table {
                tr { td { code { "Poetin Xi" } } td { "both words (and their inflections, compounds, spellings)" } }
                tr { td { code { "Poetin OR Putin" } } td { "either" } }
                tr { td { code { "Poetin -Trump" } } td { "without" } }
                tr { td { code { "\"Den Haag\"" } } td { "exact phrase; " code { "\"president Poetin\"~2" } " with up to 2 words between" } }
                tr { td { code { "vluchteling*" } } td { "prefix" } }
                tr { td { code { "Poetin W/5 Xi" } } td { "within 5 words; " code { "minister PRE/3 Defensie" } " in that order" } }
                tr { td { code { "Poetin W/S Xi" } } td { "same sentence; " code { "W/P" } " same paragraph; " code { "Poetin NOT W/S Xi" } " Poetin apart from Xi" } }
                tr { td { code { "location:Kiev" } } td { "one field: title, body, location, dateline, agency, person, organization, section, kind, id" } }
                tr { td { code { "*" } } td { "every story (use the filters)" } }
            }
        }
    }
}

/// `GET /`: the workbench.
pub async fn home(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let view = p.get("view").unwrap_or("hits").to_string();
    if !VIEWS.iter().any(|(v, _)| *v == view) {
        let error = ApiError::bad(format!("parameter view: {view:?} is not a view"), None);
        return page(StatusCode::BAD_REQUEST, frame("Error", &p, error_box(&p, &error)));
    }
    let root = app.root.clone();
    let rendered = blocking(move || {
        let index = app.shared.index();
        render_view(&index, &p, &view, &root).map(|body| (p, body))
    })
    .await;
    match rendered {
        Ok((p, body)) => page(StatusCode::OK, frame(p.get("q").unwrap_or("*"), &p, body)),
        Err(error) => {
            let p = Params::parse(q.as_deref());
            page(error.status, frame("Error", &p, error_box(&p, &error)))
        }
    }
}

/// A query error shown at its column, or another error, plainly.
fn error_box(p: &Params, error: &ApiError) -> Markup {
    let query = p.get("q").unwrap_or("");
    html! {
        div class="error" role="alert" {
            p { strong { "Cannot run this: " } (error.message) }
            @if let Some(column) = error.column {
                pre class="caret" { (query) "\n" (" ".repeat(column.saturating_sub(1))) "^" }
            }
        }
    }
}

fn render_view(
    index: &NewsIndex,
    p: &Params,
    view: &str,
    root: &std::path::Path,
) -> Result<Markup, ApiError> {
    // Every view shows the facets and the filters of the selection.
    let mut request = search_request(p)?;
    request.facets = true;
    let results = index.search(&request).map_err(ApiError::from_lib)?;
    let content = match view {
        "timeline" => timeline_view(index, p)?,
        "kwic" => kwic_view(index, p)?,
        "cooccur" => cooccur_view(index, p)?,
        "terms" => terms_view(index, p)?,
        _ => hits_view(p, &results, request.offset, request.limit),
    };
    Ok(html! {
        div class="layout" {
            (facet_sidebar(p, &results))
            section class="content" aria-label="Results" {
                (chips(p))
                (tabs(p))
                (content)
                (panels(p, view, &results, root))
            }
        }
    })
}

fn facet_sidebar(p: &Params, results: &SearchResults) -> Markup {
    html! {
        nav class="facets" aria-label="Facets" {
            @for facet in Facet::ALL {
                @if let Some(values) = results.facets.get(facet.field_name()).filter(|v| !v.is_empty()) {
                    section {
                        h2 { (facet_label(facet)) }
                        ul {
                            @for FacetCount { value, count } in values {
                                li {
                                    a href={ "/?" (p.adding(facet.field_name(), value).encode()) }
                                      data-facet=(facet.field_name()) {
                                        span class="value" { (value) }
                                        " "
                                        span class="count" { (count) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The active filters as chips that remove themselves.
fn chips(p: &Params) -> Markup {
    let keys =
        ["location", "agency", "person", "organization", "section", "kind", "since", "until"];
    let active: Vec<(&str, String)> =
        keys.iter().flat_map(|k| p.all(k).into_iter().map(move |v| (*k, v))).collect();
    html! {
        @if !active.is_empty() {
            ul class="chips" aria-label="Filters" {
                @for (key, value) in &active {
                    li class="chip" {
                        (key) ": " strong { (value) }
                        " "
                        a href={ "/?" (p.without(key, Some(value)).encode()) }
                          aria-label={ "Remove filter " (key) " " (value) } class="remove" { "×" }
                    }
                }
            }
        }
    }
}

fn tabs(p: &Params) -> Markup {
    let current = p.get("view").unwrap_or("hits");
    html! {
        nav class="tabs" aria-label="Views" {
            @for (view, label) in VIEWS {
                @if *view == current {
                    a href={ "/?" (p.with("view", view).encode()) } aria-current="page" class="tab current" { (label) }
                } @else {
                    a href={ "/?" (p.with("view", view).encode()) } class="tab" { (label) }
                }
            }
        }
    }
}

fn hits_view(p: &Params, results: &SearchResults, offset: usize, limit: usize) -> Markup {
    let shown = results.hits.len();
    let pages = if p.flag("all_copies") { results.total } else { results.clusters };
    html! {
        p class="summary" id="summary" {
            strong { (results.total) } " matching stories"
            @if results.grouped < results.total {
                " (copies grouped among the best " (results.grouped) ": " (results.clusters) " groups)"
            } @else if results.clusters < results.total {
                " in " (results.clusters) " groups of syndicated copies"
            }
            @if shown > 0 { ", showing " (offset + 1) "–" (offset + shown) }
        }
        ol class="hits" start=(offset + 1) {
            @for hit in &results.hits { (hit_item(p, hit)) }
        }
        nav class="paging" aria-label="Pages" {
            @if offset > 0 {
                a rel="prev" href={ "/?" (p.with("offset", &offset.saturating_sub(limit).to_string()).encode()) } { "← previous" }
            }
            @if offset + shown < pages {
                a rel="next" href={ "/?" (p.with("offset", &(offset + limit).to_string()).encode()) } { "next →" }
            }
        }
    }
}

fn hit_item(p: &Params, hit: &Hit) -> Markup {
    html! {
        li class="hit" data-id=(hit.id) {
            h3 { a href={ "/story?id=" (encode(&hit.id)) } { (hit.title) } }
            p class="meta" {
                time datetime=(hit.published) { (hit.published.get(..16).unwrap_or(&hit.published).replace('T', " ")) }
                @if let Some(city) = &hit.dateline { " · " (city) }
                @if !hit.agencies.is_empty() { " · " (hit.agencies.join("/")) }
                " · " (hit.kind)
                @if let Some(section) = &hit.section { " · " (section) }
            }
            p class="snippet" { (highlighted(&hit.snippet, &hit.highlights)) }
            p class="entities" {
                @for (facet, values) in [("person", &hit.persons), ("location", &hit.locations), ("organization", &hit.organizations)] {
                    @for value in values.iter().take(6) {
                        a class={ "entity " (facet) } href={ "/?" (p.adding(facet, value).encode()) } { (value) }
                        " "
                    }
                }
            }
            @if hit.copies > 1 {
                details class="copies" {
                    summary { (hit.copies) " copies" }
                    ul { @for id in &hit.copy_ids { li { a href={ "/story?id=" (encode(id)) } { (id) } } } }
                }
            }
        }
    }
}

/// `text` with the character ranges `marks` in `<mark>`.
fn highlighted(text: &str, marks: &[[usize; 2]]) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut parts: Vec<(String, bool)> = Vec::new();
    for &[from, to] in marks {
        let (from, to) = (from.min(chars.len()), to.min(chars.len()));
        if from < at || from >= to {
            continue;
        }
        parts.push((chars[at..from].iter().collect(), false));
        parts.push((chars[from..to].iter().collect(), true));
        at = to;
    }
    parts.push((chars[at..].iter().collect(), false));
    html! { @for (part, mark) in parts { @if mark { mark { (part) } } @else { (part) } } }
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Labelled series of the timeline view: `query` parameters, else the
/// query itself.
fn timeline_view(index: &NewsIndex, p: &Params) -> Result<Markup, ApiError> {
    let request = timeline_request(p)?;
    let series = stats::timeline(index, &request).map_err(ApiError::from_lib)?;
    let share = p.get("normalize") == Some("docs");
    let inputs: Vec<String> = {
        let mut given = p.all("query");
        given.resize(given.len().max(3), String::new());
        given
    };
    Ok(html! {
        form class="timeline-form" method="get" action="/" {
            @for (key, value) in p.pairs().iter().filter(|(k, _)| !matches!(k.as_str(), "query" | "by" | "normalize" | "view")) {
                input type="hidden" name=(key) value=(value);
            }
            input type="hidden" name="view" value="timeline";
            fieldset {
                legend { "Series (label=query; empty: the query above)" }
                @for (i, value) in inputs.iter().enumerate() {
                    label for={ "series" (i) } class="visually-hidden" { "Series " (i + 1) }
                    input id={ "series" (i) } name="query" value=(value) placeholder="Gaza=Gaza OR \"Khan Younis\"";
                }
            }
            label for="by" { "per" }
            select id="by" name="by" {
                @for by in ["day", "week", "month", "year"] {
                    option value=(by) selected[p.get("by").unwrap_or("day") == by] { (by) }
                }
            }
            label for="normalize" { "show" }
            select id="normalize" name="normalize" {
                option value="none" selected[!share] { "counts" }
                option value="docs" selected[share] { "share of all stories" }
            }
            button type="submit" { "Draw" }
        }
        (chart(p, &series, share))
        table class="series" {
            thead { tr { th { "series" } th { "stories" } th { "burst periods" } } }
            tbody {
                @for s in &series {
                    tr {
                        td { (s.label) @if let Some(v) = &s.value { " – " (v) } }
                        td { (s.points.iter().map(|x| x.count).sum::<u64>()) }
                        td { (s.points.iter().filter(|x| x.burst).map(|x| x.period.clone()).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }
        }
    })
}

/// An SVG chart of the series: one line per series, bursts as dots, each
/// period a link to its stories.
fn chart(p: &Params, series: &[Series], share: bool) -> Markup {
    let periods: Vec<&str> = series
        .first()
        .map(|s| s.points.iter().map(|x| x.period.as_str()).collect())
        .unwrap_or_default();
    let value = |x: &stats::Point| if share { x.share } else { x.count as f64 };
    let max = series.iter().flat_map(|s| s.points.iter().map(value)).fold(0.0, f64::max).max(1e-9);
    let (width, height, left, bottom) = (760.0, 260.0, 40.0, 30.0);
    let step =
        if periods.len() > 1 { (width - left - 10.0) / (periods.len() - 1) as f64 } else { 0.0 };
    let x_of = |i: usize| left + step * i as f64;
    let y_of = |v: f64| (height - bottom) - v / max * (height - bottom - 10.0);
    let colours = ["#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490"];
    let until_of = |i: usize| {
        periods.get(i + 1).map(|d| previous_day(d)).unwrap_or_else(|| periods[i].to_string())
    };
    html! {
        figure class="chart" {
            svg viewBox={ "0 0 " (width) " " (height) } role="img" aria-label="Matches per period" {
                line x1=(left) y1=(height - bottom) x2=(width) y2=(height - bottom) class="axis" {}
                text x="2" y="14" class="label" { (if share { format!("{:.1}%", max * 100.0) } else { format!("{max:.0}") }) }
                @for (i, period) in periods.iter().enumerate() {
                    @if i % (periods.len() / 8).max(1) == 0 {
                        text x=(x_of(i)) y=(height - 10.0) class="label" text-anchor="middle" { (period) }
                    }
                }
                @for (n, s) in series.iter().enumerate() {
                    polyline class="series" stroke=(colours[n % colours.len()])
                        points=(s.points.iter().enumerate().map(|(i, x)| format!("{:.1},{:.1}", x_of(i), y_of(value(x)))).collect::<Vec<_>>().join(" ")) {}
                    @for (i, x) in s.points.iter().enumerate() {
                        a href={ "/?" (p.with("q", &s.query).with("since", &x.period).with("until", &until_of(i)).with("view", "hits").without("query", None).encode()) } {
                            circle cx=(x_of(i)) cy=(y_of(value(x))) r=(if x.burst { 5 } else { 3 })
                                class=(if x.burst { "point burst" } else { "point" }) fill=(colours[n % colours.len()]) {
                                title { (s.label) " " (x.period) ": " (x.count) " stories" @if x.burst { " (burst)" } }
                            }
                        }
                    }
                }
            }
            figcaption {
                @for (n, s) in series.iter().enumerate() {
                    span class={ "legend c" (n % colours.len()) } { (s.label) }
                    " "
                }
                " Large dots mark bursts; a dot opens its period's stories."
            }
        }
    }
}

/// `2025-12-08` → `2025-12-07` (the last day of the period before).
fn previous_day(date: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, format)
        .ok()
        .and_then(|d| d.previous_day())
        .and_then(|d| d.format(format).ok())
        .unwrap_or_else(|| date.to_string())
}

fn kwic_view(index: &NewsIndex, p: &Params) -> Result<Markup, ApiError> {
    let (lines, truncated, _) = kwic_lines(index, p)?;
    Ok(html! {
        @if truncated { p class="note" { "Showing the first " (lines.len()) " lines; the export or " code { "newsidx kwic" } " gives them all." } }
        table class="kwic" {
            tbody {
                @for l in &lines {
                    tr {
                        td class="when" { a href={ "/story?id=" (encode(&l.id)) } { (l.published.get(..10).unwrap_or("")) } }
                        td class="left" { (l.left) }
                        td class="match" { mark { (l.matched) } }
                        td class="right" { (l.right) }
                    }
                }
            }
        }
    })
}

fn cooccur_view(index: &NewsIndex, p: &Params) -> Result<Markup, ApiError> {
    let field = p.get("field").unwrap_or("person");
    let facet =
        Facet::ALL.iter().copied().find(|f| f.field_name() == field).unwrap_or(Facet::Person);
    let (query, filters) = (p.query()?, p.filters()?);
    let selection = newsidx::search::select(index, &query, &filters).map_err(ApiError::from_lib)?;
    let result = stats::cooccur(index, &selection, facet, 20, p.flag("dedupe"))
        .map_err(ApiError::from_lib)?;
    Ok(html! {
        nav class="fields" aria-label="Field" {
            @for f in [Facet::Person, Facet::Location, Facet::Organization, Facet::Agency] {
                a href={ "/?" (p.with("field", f.field_name()).encode()) } aria-current=[(f == facet).then_some("true")] { (facet_label(f)) }
                " "
            }
        }
        table class="pairs" {
            thead { tr { th { "a" } th { "b" } th { "together" } th { "a" } th { "b" } th { "PMI (bits)" } } }
            tbody {
                @for pair in result.pairs.iter().take(50) {
                    tr {
                        td { a href={ "/?" (p.adding(facet.field_name(), &pair.a).encode()) } { (pair.a) } }
                        td { a href={ "/?" (p.adding(facet.field_name(), &pair.b).encode()) } { (pair.b) } }
                        td { (pair.count) } td { (pair.count_a) } td { (pair.count_b) } td { (format!("{:.2}", pair.pmi)) }
                    }
                }
            }
        }
    })
}

fn terms_view(index: &NewsIndex, p: &Params) -> Result<Markup, ApiError> {
    let (query, filters) = (p.query()?, p.filters()?);
    let selection = newsidx::search::select(index, &query, &filters).map_err(ApiError::from_lib)?;
    let keys = stats::terms(index, &selection, 40, p.flag("dedupe")).map_err(ApiError::from_lib)?;
    Ok(html! {
        table class="terms" {
            thead { tr { th { "term" } th { "in matches" } th { "elsewhere" } th { "G²" } } }
            tbody {
                @for k in &keys {
                    tr {
                        td { a href={ "/?" (p.with("q", &k.term).with("view", "hits").encode()) } { (k.term) } }
                        td { (k.matches) } td { (k.rest) } td { (format!("{:.1}", k.llr)) }
                    }
                }
            }
        }
    })
}

/// Export links and the reproduce panel.
fn panels(p: &Params, view: &str, results: &SearchResults, root: &std::path::Path) -> Markup {
    let selection = p.without("view", None).without("offset", None).without("limit", None);
    let api = format!("/api/{}?{}", api_of(view), p.without("view", None).encode());
    html! {
        aside class="panels" {
            section class="export" {
                h2 { "Export" }
                p {
                    a href={ "/api/export?" (selection.with("format", "csv").encode()) } download { "CSV" } " · "
                    a href={ "/api/export?" (selection.with("format", "jsonl").encode()) } download { "JSONL" } " · "
                    a href={ "/api/export?" (selection.with("format", "tsv").encode()) } download { "TSV" }
                }
                @if results.total > MAX_EXPORT {
                    p class="note" { "Capped: a download holds the first " (MAX_EXPORT) " of " (results.total) " stories; " code { "newsidx export" } " writes them all." }
                }
            }
            section class="reproduce" {
                h2 { "Reproduce" }
                pre id="command" { (command(p, view, root)) }
                button type="button" data-copy="command" { "Copy" }
                p { "API: " a href=(api) { code { (api) } } }
            }
        }
    }
}

fn api_of(view: &str) -> &'static str {
    match view {
        "timeline" => "timeline",
        "kwic" => "kwic",
        "cooccur" => "cooccur",
        "terms" => "terms",
        _ => "search",
    }
}

/// The `newsidx` command that gives what the view shows.
pub fn command(p: &Params, view: &str, root: &std::path::Path) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let mut parts = vec!["newsidx".to_string()];
    match view {
        "timeline" => {
            parts.push("timeline".into());
            let series = p.all("query");
            if series.is_empty() {
                parts.push(quote(&p.query().unwrap_or_default()));
            }
            for s in series {
                parts.push(format!("--query {}", quote(&s)));
            }
            parts.push(format!("--by {}", p.get("by").unwrap_or("day")));
            if p.get("normalize") == Some("docs") {
                parts.push("--normalize docs".into());
            }
            parts.push("--bursts".into());
        }
        "kwic" | "cooccur" | "terms" => {
            parts.push(view.into());
            parts.push(quote(&p.query().unwrap_or_default()));
            if view == "cooccur" {
                parts.push(format!("--field {}", p.get("field").unwrap_or("person")));
            }
        }
        _ => {
            parts.push("search".into());
            parts.push(quote(&p.query().unwrap_or_default()));
            if let Some(offset) = p.get("offset") {
                parts.push(format!("--offset {offset}"));
            }
            if p.flag("all_copies") {
                parts.push("--all-copies".into());
            }
        }
    }
    for key in ["location", "agency", "person", "organization", "section", "kind", "since", "until"]
    {
        for value in p.all(key) {
            parts.push(format!("--{key} {}", quote(&value)));
        }
    }
    parts.push(format!("--index {}", quote(&root.display().to_string())));
    parts.join(" ")
}

/// `GET /story?id=…`: one story with its names highlighted by type, each a
/// link to the stories that name it.
pub async fn story(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let Some(id) = p.get("id").map(str::to_string) else {
        let e = ApiError::bad("parameter id is missing".into(), None);
        return page(StatusCode::BAD_REQUEST, frame("Error", &p, error_box(&p, &e)));
    };
    let shown = blocking(move || {
        let index = app.shared.index();
        newsidx::stats::story(&index, &id).map_err(ApiError::from_lib)
    })
    .await;
    let story = match shown {
        Ok(story) => story,
        Err(e) => return page(e.status, frame("Not found", &p, error_box(&p, &e))),
    };
    let mentions = newsidx::entities::TaggerExtractor::embedded().mentions(&story.body);
    let body = html! {
        article class="story" {
            h1 { (story.title) }
            p class="meta" {
                (rfc3339(story.published)) " · " (story.kind)
                @if let Some(city) = &story.dateline { " · " (city) }
                @if !story.agencies.is_empty() { " · " (story.agencies.join("/")) }
                " · " code { (story.id) }
            }
            dl class="facets-of-story" {
                @for (facet, label, values) in [("person", "Persons", &story.persons), ("location", "Places", &story.locations), ("organization", "Organisations", &story.organizations)] {
                    @if !values.is_empty() {
                        dt { (label) }
                        dd { @for v in values { a class={ "entity " (facet) } href={ "/?" (Params::default().adding(facet, v).encode()) } { (v) } " " } }
                    }
                }
            }
            div class="body" { (entity_text(&story.body, &mentions)) }
        }
    };
    page(StatusCode::OK, frame(&story.title.clone(), &Params::default(), body))
}

/// The text with each name the tagger finds in a link to its filter,
/// coloured by type.
fn entity_text(text: &str, mentions: &[newsidx::entities::Mention]) -> Markup {
    use newsidx::entities::tagger::Kind;
    let mut at = 0;
    let mut parts: Vec<Markup> = Vec::new();
    for m in mentions {
        if m.start < at || m.end > text.len() {
            continue;
        }
        let facet = match m.kind {
            Kind::Per => "person",
            Kind::Loc => "location",
            Kind::Org => "organization",
            Kind::Misc => {
                continue;
            }
        };
        parts.push(html! { (&text[at..m.start]) });
        parts.push(html! {
            a class={ "entity " (facet) } href={ "/?" (Params::default().adding(facet, &m.text).encode()) } title=(facet) { (m.text) }
        });
        at = m.end;
    }
    parts.push(html! { (&text[at..]) });
    html! { @for part in parts { (part) } }
}
