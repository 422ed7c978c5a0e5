//! `newsidx build`: options → [`BuildConfig`] → [`newsidx::pipeline::build`] →
//! summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsidx::pipeline::{BuildConfig, Progress};

use super::{Exit, IndexArg};

/// Options of `newsidx build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Folder of news pages (`*.txt`, searched recursively).
    #[arg(long, env = "NEWSIDX_CORPUS", default_value = "corpus", value_name = "DIR")]
    corpus: PathBuf,
    #[command(flatten)]
    index: IndexArg,
    /// Build a new index from scratch instead of updating the current one
    /// (needed after an upgrade that changes the analyzer or schema).
    #[arg(long)]
    rebuild: bool,
    /// The index's pages now live in this corpus folder (a moved or
    /// remounted archive): update the index from here, keeping story ids.
    #[arg(long)]
    corpus_moved: bool,
    /// Allow a build that removes more than half of the index's stories, or
    /// empties it because the corpus folder holds no page.
    #[arg(long)]
    allow_removals: bool,
    /// Merge the index into one segment at the end: searches get about
    /// twice as fast on a large index, the build takes longer and maps the
    /// whole index once (see BENCHMARKS.md).
    #[arg(long)]
    merge: bool,
    /// Worker threads for reading and parsing (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Skip page files larger than this many megabytes.
    #[arg(long, default_value_t = 64, value_name = "MB")]
    max_file_mb: u64,
    /// Memory budget of the index writer in megabytes (16–4000), shared by
    /// its threads: how much it gathers before writing a segment. The
    /// build's peak memory also holds the merges running at the time
    /// (see BENCHMARKS.md).
    #[arg(long, default_value_t = 128, value_name = "MB",
          value_parser = clap::value_parser!(u64).range(16..=4000))]
    writer_mb: u64,
    /// Entity model made by `newsidx train-ner` (default: the embedded
    /// model). Changing the model re-extracts every page.
    #[arg(long, env = "NEWSIDX_NER_MODEL", value_name = "FILE")]
    ner_model: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: BuildArgs) -> anyhow::Result<Exit> {
    let mut config = BuildConfig::new(&args.corpus, &args.index.index);
    config.rebuild = args.rebuild;
    config.corpus_moved = args.corpus_moved;
    config.allow_removals = args.allow_removals;
    config.merge = args.merge;
    config.ner_model = args.ner_model;
    config.max_file_bytes = args.max_file_mb.saturating_mul(1 << 20);
    config.writer_memory = usize::try_from(args.writer_mb << 20).unwrap_or(usize::MAX);
    if let Some(threads) = args.threads {
        config.threads = threads.max(1);
    }
    let bar = progress_bar(args.quiet);
    let report = newsidx::pipeline::build(&config, &mut |event| on_progress(&bar, event))
        .with_context(|| format!("building the index of {}", args.corpus.display()))?;
    bar.finish_and_clear();
    for skip in &report.skipped {
        eprintln!("newsidx: warning: skipped {skip}");
    }
    for kept in &report.kept {
        eprintln!("newsidx: warning: {kept}");
    }
    for warning in &report.warnings {
        eprintln!("newsidx: warning: {warning}");
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&super::render::build_json(&report, &config))?
        )?;
    } else {
        super::render::build_summary(&mut out, &report, &config)?;
    }
    Ok(if report.is_clean() { Exit::Success } else { Exit::Partial })
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {pos}/{len} files ({per_sec}, {eta} left)",
        )
        .expect("progress template is valid")
        .progress_chars("=> "),
    );
    bar.set_message("indexing");
    bar
}

fn on_progress(bar: &ProgressBar, event: Progress) {
    match event {
        Progress::Planned { to_read, .. } => bar.set_length(to_read as u64),
        Progress::FileDone => bar.inc(1),
        Progress::Committing => bar.set_message("committing"),
        Progress::Merging => bar.set_message("merging segments"),
    }
}
