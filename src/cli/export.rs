//! `newsidx export` (every match with its text, streaming to stdout, or an
//! export folder for OpenSearch) and `newsidx show` (one story).

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;
use newsidx::index::NewsIndex;
use newsidx::opensearch;
use newsidx::search::{Selection, rfc3339, select};
use newsidx::stats::{self, RunInfo};

use super::select::FilterArgs;
use super::wire::{self, ExportFormat, STORY_FIELDS};
use super::{Exit, IndexArg};

/// Options of `newsidx export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The query, in the same language as `newsidx search` (default: every
    /// story).
    #[arg(default_value = "*")]
    query: String,
    /// A query set (`label<TAB>query` per line): every match of every
    /// label, with a first `label` column (a story matching two labels is
    /// written twice).
    #[arg(long, value_name = "FILE")]
    queries: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Output format: a stream on stdout (jsonl, csv, tsv), or a folder for
    /// an OpenSearch cluster (opensearch, with --out).
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportTo,
    /// Comma-separated fields to write (default: all): id, path, kind,
    /// section, published, title, dateline, agencies, persons, locations,
    /// organizations, body.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    fields: Vec<String>,
    /// The folder of an OpenSearch export (template, bulk files, README).
    #[arg(long, value_name = "DIR", required_if_eq("format", "opensearch"))]
    out: Option<PathBuf>,
    /// The cluster index the bulk actions name.
    #[arg(long, default_value = "newsidx", value_name = "NAME")]
    target: String,
    /// Only the stories that changed since the last export of this
    /// selection to this target, and deletions of the ones that left the
    /// index (the record is kept in the index folder).
    #[arg(long)]
    changes: bool,
    /// Largest bulk file in bytes.
    #[arg(long, default_value_t = opensearch::export::MAX_BULK_BYTES, hide = true)]
    max_bulk_bytes: usize,
    /// Not available for exports (every copy is written).
    #[arg(long, hide = true)]
    dedupe: bool,
}

/// Where `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportTo {
    Jsonl,
    Csv,
    Tsv,
    Opensearch,
}

pub fn run(args: ExportArgs) -> anyhow::Result<Exit> {
    if args.dedupe {
        bail!("export writes every copy; --dedupe is not available here (use search or facets)");
    }
    let format = match args.format {
        ExportTo::Jsonl => ExportFormat::Jsonl,
        ExportTo::Csv => ExportFormat::Csv,
        ExportTo::Tsv => ExportFormat::Tsv,
        ExportTo::Opensearch => return to_opensearch(&args),
    };
    if args.out.is_some() || args.changes {
        bail!("--out and --changes go with --format opensearch; other formats write to stdout");
    }
    let fields: Vec<String> = if args.fields.is_empty() {
        STORY_FIELDS.iter().map(|f| f.to_string()).collect()
    } else {
        args.fields.clone()
    };
    if let Some(unknown) = fields.iter().find(|f| !STORY_FIELDS.contains(&f.as_str())) {
        bail!("unknown field '{unknown}'; fields: {}", STORY_FIELDS.join(", "));
    }
    if let Some(path) = &args.queries {
        return query_set(&args, path, &fields, format);
    }
    let (index, selection, meta) = open(&args)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written =
        wire::export(&mut out, &index, &[(None, &selection)], &meta, &fields, format, None)?;
    out.flush()?;
    Ok(if written > 0 { Exit::Success } else { Exit::Partial })
}

/// `export --queries FILE`: the matches of every label, labelled.
fn query_set(
    args: &ExportArgs,
    path: &std::path::Path,
    fields: &[String],
    format: ExportFormat,
) -> anyhow::Result<Exit> {
    if args.query != "*" {
        bail!("give a query or --queries FILE, not both");
    }
    let index = NewsIndex::open(&args.index.index)?;
    let filters = args.filters.filters()?;
    let (selected, problems) = super::select::select_query_set(&index, path, &filters)?;
    let failed = problems.lines > 0;
    let meta = stats::run_info(&index, &path.display().to_string(), &filters);
    let borrowed: Vec<(Option<&str>, &Selection)> =
        selected.iter().map(|(q, selection)| (Some(q.label.as_str()), selection)).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = wire::export(&mut out, &index, &borrowed, &meta, fields, format, None)?;
    out.flush()?;
    Ok(if written > 0 && !failed { Exit::Success } else { Exit::Partial })
}

fn open(args: &ExportArgs) -> anyhow::Result<(NewsIndex, Selection, RunInfo)> {
    let index = NewsIndex::open(&args.index.index)?;
    let filters = args.filters.filters()?;
    let selection = select(&index, &args.query, &filters)?;
    let meta = stats::run_info(&index, &args.query, &filters);
    Ok((index, selection, meta))
}

/// `--format opensearch`: the export folder, and a summary on stderr.
fn to_opensearch(args: &ExportArgs) -> anyhow::Result<Exit> {
    let out = args.out.clone().expect("clap requires --out with --format opensearch");
    if args.queries.is_some() {
        bail!("--queries does not apply to --format opensearch (export one selection per target)");
    }
    if !args.fields.is_empty() {
        bail!("--fields does not apply to --format opensearch (documents have every field)");
    }
    let (index, selection, _) = open(args)?;
    let filters = serde_json::to_string(&args.filters.filters()?)?;
    let options = opensearch::export::Options {
        out: out.clone(),
        target: args.target.clone(),
        changes: args.changes,
        selection_key: format!("{}\n{filters}", args.query),
        max_bulk_bytes: args.max_bulk_bytes,
    };
    let summary = opensearch::export::export(&index, &selection, &options)?;
    if args.changes && !summary.had_record {
        eprintln!(
            "newsidx: no earlier export of this selection to {:?}: every story is written",
            args.target
        );
    }
    eprintln!(
        "newsidx: {} stories: {} to index, {} to delete, {} unchanged; {} bulk file(s), {:.1} MB in {}",
        summary.stories,
        summary.indexed,
        summary.deleted,
        summary.unchanged,
        summary.files.len(),
        summary.bytes as f64 / 1e6,
        out.display()
    );
    for id in &summary.oversized {
        eprintln!("newsidx: warning: {id}: its document alone is larger than the bulk file limit");
    }
    Ok(if summary.oversized.is_empty() { Exit::Success } else { Exit::Partial })
}

/// Options of `newsidx show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Story id, as search prints it (`2025/12/02/000_487c0d66560372fc.txt#0`).
    id: String,
    #[command(flatten)]
    index: IndexArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn show(args: ShowArgs) -> anyhow::Result<Exit> {
    let index = NewsIndex::open(&args.index.index)?;
    let story = match stats::story(&index, &args.id) {
        Ok(story) => story,
        Err(newsidx::Error::NotFound { id }) => {
            eprintln!("newsidx: no story has the id {id:?}");
            return Ok(Exit::Partial);
        }
        Err(e) => return Err(e.into()),
    };
    let source = index.info().corpus.join(&story.path);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&wire::story(&story, &source))?)?;
        return Ok(Exit::Success);
    }
    writeln!(out, "{}", story.title)?;
    let rows = [
        ("id", story.id.clone()),
        ("kind", story.kind.clone()),
        ("section", story.section.clone().unwrap_or_default()),
        ("published", rfc3339(story.published)),
        ("dateline", story.dateline.clone().unwrap_or_default()),
        ("agencies", story.agencies.join(", ")),
        ("persons", story.persons.join(", ")),
        ("locations", story.locations.join(", ")),
        ("organizations", story.organizations.join(", ")),
        ("source", source.display().to_string()),
    ];
    for (name, value) in rows {
        writeln!(out, "{name:<14}{value}")?;
    }
    writeln!(out, "\n{}", story.body)?;
    Ok(Exit::Success)
}
