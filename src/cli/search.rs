//! `newsidx search`: options → [`SearchRequest`] → results → printer.

use std::io::{IsTerminal, Write};

use newsidx::index::NewsIndex;
use newsidx::search::SearchRequest;

use super::select::FilterArgs;
use super::{ColorChoice, Exit, IndexArg};

/// Options of `newsidx search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query. Words are ANDed; use OR, NOT or -word, (groups), "exact
    /// phrase", "phrase"~N, prefix*, field:value, A W/5 B, A PRE/3 B, A W/S B
    /// (same sentence), A W/P B (same paragraph); * alone matches everything.
    #[arg(required_unless_present = "queries")]
    query: Option<String>,
    /// A query set (`label<TAB>query` per line, `#` comments): print one row
    /// per label with its matches, clusters of copies and newest match.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "explain_as", "facets", "explain"])]
    queries: Option<std::path::PathBuf>,
    #[command(flatten)]
    index: IndexArg,
    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    limit: usize,
    /// Number of hits to skip (for paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,
    /// Print one JSON document instead of text.
    #[arg(long)]
    json: bool,
    /// Also count facet values (locations, persons, agencies…) over all hits.
    #[arg(long)]
    facets: bool,
    /// Values per facet with --facets.
    #[arg(long, default_value_t = 10, value_name = "N")]
    facet_limit: usize,
    #[command(flatten)]
    filters: FilterArgs,
    /// List every syndicated copy as its own hit (default: one hit per
    /// cluster of copies, with their number and ids).
    #[arg(long)]
    all_copies: bool,
    /// Show, per query word, the forms, compound parts and spellings it
    /// matched in the index.
    #[arg(long)]
    explain: bool,
    /// Extra name aliases (same format as src/analysis/data/aliases.tsv);
    /// default: aliases.tsv in the index folder, if present.
    #[arg(long, env = "NEWSIDX_ALIASES", value_name = "FILE")]
    aliases: Option<std::path::PathBuf>,
    /// Print the query in another engine's query language instead of
    /// searching (opensearch: the Query DSL for an index loaded from
    /// `export --format opensearch`).
    #[arg(long, value_enum, value_name = "ENGINE")]
    explain_as: Option<Engine>,
    /// Colour matches in the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// Engines `--explain-as` translates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Engine {
    Opensearch,
}

impl SearchArgs {
    fn request(&self) -> anyhow::Result<SearchRequest> {
        let mut request = SearchRequest::new(self.query.clone().unwrap_or_default());
        request.limit = self.limit;
        request.offset = self.offset;
        request.facets = self.facets;
        request.facet_limit = self.facet_limit;
        request.explain = self.explain;
        request.all_copies = self.all_copies;
        request.filters = self.filters.filters()?;
        Ok(request)
    }
}

pub fn run(args: SearchArgs) -> anyhow::Result<Exit> {
    let mut index = NewsIndex::open(&args.index.index)?;
    if let Some(path) = &args.aliases {
        index.set_alias_file(path)?;
    }
    if let Some(path) = &args.queries {
        return query_set(&index, path, &args);
    }
    let request = args.request()?;
    if args.explain_as == Some(Engine::Opensearch) {
        let selection = newsidx::search::select(&index, &request.query, &request.filters)?;
        let body = newsidx::opensearch::dsl::request(&selection.plan)?;
        super::output::json(&mut std::io::stdout().lock(), &body)?;
        return Ok(Exit::Success);
    }
    let results = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let meta = newsidx::stats::run_info(&index, &request.query, &request.filters);
        super::output::json(&mut out, &super::wire::search(&meta, &results))?;
    } else {
        let color = args.color.enabled(std::io::stdout().is_terminal());
        super::render::search_results(&mut out, &results, args.offset, color)?;
    }
    out.flush()?;
    // The process ends next: unmapping the index and freeing its segment
    // readers is the kernel's job. Dropping them took about a tenth of a
    // whole `search` (BENCHMARKS.md); nothing is written, so nothing is lost.
    std::mem::forget(index);
    Ok(if results.total > 0 { Exit::Success } else { Exit::Partial })
}

/// `search --queries FILE`: one row per label (label, matches, clusters,
/// newest match); exit 1 when a line was left out or nothing matched.
fn query_set(index: &NewsIndex, path: &std::path::Path, args: &SearchArgs) -> anyhow::Result<Exit> {
    let filters = args.filters.filters()?;
    let (selected, problems) = super::select::select_query_set(index, path, &filters)?;
    let mut rows = Vec::with_capacity(selected.len());
    let mut failed = problems.lines > 0;
    for (labelled, selection) in &selected {
        match newsidx::stats::summarize(index, selection) {
            Ok(summary) => rows.push((labelled, summary)),
            Err(e) => {
                super::select::report_line(path, labelled.line, &e);
                failed = true;
            }
        }
    }
    let meta = newsidx::stats::run_info(index, &path.display().to_string(), &filters);
    let mut out = std::io::stdout().lock();
    if args.json {
        super::output::json(&mut out, &super::wire::query_set(&meta, &rows))?;
    } else {
        let table = super::output::Table {
            header: super::output::names(&["label", "total", "clusters", "newest", "newest_id"]),
            rows: rows
                .iter()
                .map(|(q, s)| {
                    let (time, id) =
                        s.newest.as_ref().map_or((String::new(), String::new()), |(id, t)| {
                            (newsidx::search::rfc3339(*t), id.clone())
                        });
                    vec![q.label.clone(), s.total.to_string(), s.clusters.to_string(), time, id]
                })
                .collect(),
        };
        super::output::table(&mut out, super::output::Format::Table, &meta, &table)?;
    }
    out.flush()?;
    let any = rows.iter().any(|(_, s)| s.total > 0);
    Ok(if failed || !any { Exit::Partial } else { Exit::Success })
}
