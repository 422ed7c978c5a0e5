//! `newsidx check`: report whether the index is whole and current.

use std::io::Write;
use std::path::PathBuf;

use newsidx::pipeline::check;

use super::{Exit, IndexArg};

/// Options of `newsidx check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    index: IndexArg,
    /// Corpus folder to compare with (default: the folder the index was
    /// built from).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Also show where the index's bytes go: per field and kind of file
    /// (term dictionary, postings, positions, fast fields, norms) and the
    /// stored text.
    #[arg(long)]
    sizes: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: CheckArgs) -> anyhow::Result<Exit> {
    let report = check(&args.index.index, args.corpus.as_deref())?;
    let sizes = if args.sizes {
        let index = newsidx::index::NewsIndex::open(&args.index.index)?;
        Some(newsidx::index::sizes(&index.searcher())?)
    } else {
        None
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut json = serde_json::to_value(&report)?;
        if let Some(sizes) = &sizes {
            json["sizes"] = serde_json::to_value(sizes)?;
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        super::render::check_report(&mut out, &report, &args.index.index)?;
        if let Some(sizes) = &sizes {
            super::render::sizes_table(&mut out, sizes)?;
        }
    }
    Ok(match (report.is_whole(), report.is_current()) {
        (true, true) => Exit::Success,
        (true, false) => Exit::Partial,
        (false, _) => Exit::Error,
    })
}
