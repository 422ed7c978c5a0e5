//! `newsidx watch`: standing queries, the stories each label gained since
//! the previous watch of the same query set.

use std::io::Write;

use newsidx::index::NewsIndex;
use newsidx::search::rfc3339;

use super::select::FilterArgs;
use super::{Exit, IndexArg};

/// Options of `newsidx watch`.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// The query set: `label<TAB>query` per line, `#` comments. Its record
    /// (what each label matched last time) is kept in the index folder
    /// under the file's absolute path and the filters.
    #[arg(long = "queries", value_name = "FILE")]
    queries: std::path::PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Print one JSON document instead of text.
    #[arg(long)]
    json: bool,
}

/// Exit 0 when some label has new matches, 1 when none has.
pub fn run(args: WatchArgs) -> anyhow::Result<Exit> {
    let index = NewsIndex::open(&args.index.index)?;
    let filters = args.filters.filters()?;
    let (selected, problems) = super::select::select_query_set(&index, &args.queries, &filters)?;
    let runnable: Vec<_> =
        selected.into_iter().map(|(q, selection)| (q.label, q.query, selection)).collect();
    let failed = problems.labels;
    let set = std::path::absolute(&args.queries).unwrap_or_else(|_| args.queries.clone());
    // The same file with other filters is another standing query.
    let key = format!("{}\n{}", set.display(), serde_json::to_string(&filters)?);
    let news = newsidx::stats::watch(&index, &key, &runnable, &failed)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let meta = newsidx::stats::run_info(&index, &set.display().to_string(), &filters);
        super::output::json(&mut out, &super::wire::watch(&meta, &news))?;
    } else {
        for label in &news {
            writeln!(
                out,
                "{}: {} new of {} ({})",
                label.label,
                label.new.len(),
                label.total,
                label.query
            )?;
            for m in &label.new {
                let dateline = m.dateline.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "  {}  {:<12}  {}  {}",
                    rfc3339(m.published),
                    dateline,
                    m.id,
                    m.title
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if news.iter().any(|n| !n.new.is_empty()) { Exit::Success } else { Exit::Partial })
}
