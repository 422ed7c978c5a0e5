//! `newsidx export` (every match with its text, streaming) and `newsidx
//! show` (one story).

use std::io::Write;

use anyhow::bail;
use newsidx::index::NewsIndex;
use newsidx::search::rfc3339;
use newsidx::stats;

use super::analyst::QueryArgs;
use super::wire::{self, ExportFormat, STORY_FIELDS};
use super::{Exit, IndexArg};

/// Options of `newsidx export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    query: QueryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    /// Comma-separated fields to write (default: all): id, path, kind,
    /// section, published, title, dateline, agencies, persons, locations,
    /// organizations, body.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    fields: Vec<String>,
}

pub fn run(args: ExportArgs) -> anyhow::Result<Exit> {
    if args.query.dedupe {
        bail!("export writes every copy; --dedupe is not available here (use search or facets)");
    }
    let fields: Vec<String> = if args.fields.is_empty() {
        STORY_FIELDS.iter().map(|f| f.to_string()).collect()
    } else {
        args.fields.clone()
    };
    if let Some(unknown) = fields.iter().find(|f| !STORY_FIELDS.contains(&f.as_str())) {
        bail!("unknown field '{unknown}'; fields: {}", STORY_FIELDS.join(", "));
    }
    let (index, selection, meta) = args.query.open()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = wire::export(&mut out, &index, &selection, &meta, &fields, args.format, None)?;
    out.flush()?;
    Ok(if written > 0 { Exit::Success } else { Exit::Partial })
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
