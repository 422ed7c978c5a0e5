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
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: CheckArgs) -> anyhow::Result<Exit> {
    let report = check(&args.index.index, args.corpus.as_deref())?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        super::render::check_report(&mut out, &report, &args.index.index)?;
    }
    Ok(match (report.is_whole(), report.is_current()) {
        (true, true) => Exit::Success,
        (true, false) => Exit::Partial,
        (false, _) => Exit::Error,
    })
}
