//! Command-line interface: arguments, wiring, printing.
//!
//! Owns the clap definitions (the doc comments are the help text), turning
//! them into library requests, and exit codes. Clap types stop here: the
//! library sees [`newsidx::pipeline::BuildConfig`] and
//! [`newsidx::search::SearchRequest`].

mod analyst;
mod analyze;
mod build;
mod check;
mod export;
mod ner;
mod output;
mod render;
mod search;
mod select;
mod serve;
mod shell;
mod timeline;
mod watch;
mod wire;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit codes, in one place.
///
/// | code | `build` | `search` | `check` |
/// |---|---|---|---|
/// | 0 | every page file was indexed or already up to date | there are hits | whole and current |
/// | 1 | the index was updated, but some files were skipped | no hits | whole, but the corpus changed since |
/// | 2 | error; the previous index is untouched | error (bad query, no index…) | damaged, or cannot be opened |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything as asked.
    Success,
    /// Done, with something to note (skipped files, no hits).
    Partial,
    /// Failed.
    Error,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(match exit {
            Exit::Success => 0,
            Exit::Partial => 1,
            Exit::Error => 2,
        })
    }
}

/// A search engine for Dutch news pages.
///
/// `newsidx build` indexes a folder of news pages; `newsidx search` queries
/// the index.
#[derive(Debug, Parser)]
#[command(name = "newsidx", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index (or update the index of) a folder of news pages.
    Build(build::BuildArgs),
    /// Search the index.
    Search(search::SearchArgs),
    /// Show the terms each field's analyzer makes of a text.
    Analyze(analyze::AnalyzeArgs),
    /// Check that the index is whole and matches the corpus.
    Check(check::CheckArgs),
    /// Keyword in context: every match with the text around it.
    Kwic(analyst::KwicArgs),
    /// Matches per day, week, month or year, with bursts.
    Timeline(timeline::TimelineArgs),
    /// The most frequent facet values of the matches.
    Facets(analyst::FacetsArgs),
    /// Which persons, places or organisations occur together in the matches.
    Cooccur(analyst::CooccurArgs),
    /// Key words of the matches compared with the rest of the corpus.
    Terms(analyst::TermsArgs),
    /// Write every match with its metadata and text (JSONL, CSV, TSV).
    Export(export::ExportArgs),
    /// Print one story with its metadata, entities and source file.
    Show(export::ShowArgs),
    /// The persons, places and organisations of the matches, with counts
    /// and other spellings.
    Entities(ner::EntitiesArgs),
    /// Find the persons, places and organisations in a text or CoNLL file.
    Tag(ner::TagArgs),
    /// Train an entity model from CoNLL-2002-style files.
    #[command(name = "train-ner")]
    TrainNer(ner::TrainNerArgs),
    /// Serve the workbench and the JSON API over HTTP (loopback by default).
    Serve(serve::ServeArgs),
    /// Standing queries: the stories each label of a query set gained since
    /// the last watch (exit 0 with new matches, 1 without).
    Watch(watch::WatchArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff).
    Man,
    /// Print the licence and the third-party data compiled into newsidx.
    About,
}

/// Where the index lives.
#[derive(Debug, Clone, clap::Args)]
pub struct IndexArg {
    /// Index folder.
    #[arg(long, env = "NEWSIDX_INDEX", default_value = ".newsidx", value_name = "DIR")]
    index: PathBuf,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Parses the command line. `--version` also names the embedded entity
/// model's training data and licence.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    // Loading the model takes milliseconds: only for `--version`.
    if std::env::args_os().any(|a| a == "--version") {
        let model = newsidx::entities::TaggerExtractor::embedded();
        let version = format!(
            "{}\nentity model: {} ({})\nlicence MIT OR Apache-2.0; compiled-in data: OpenTaal word list (BSD), \
             wordfreq frequencies (CC BY-SA 4.0), Snowball (BSD), Natural Earth (public domain), \
             Unicode CLDR (Unicode-3.0), CBS (CC BY 4.0), \
             OpenTaal BAG (MIT), Statbel REFNIS, Faker (MIT) — `newsidx about` for the notices",
            env!("CARGO_PKG_VERSION"),
            model.provenance().trim_end_matches(" (first pass)"),
            model.id()
        );
        command = command.long_version(&*Box::leak(version.into_boxed_str()));
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Search(args) => search::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Check(args) => check::run(args),
        Command::Kwic(args) => analyst::kwic(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Facets(args) => analyst::facets(args),
        Command::Cooccur(args) => analyst::cooccur(args),
        Command::Terms(args) => analyst::terms(args),
        Command::Export(args) => export::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Show(args) => export::show(args),
        Command::Entities(args) => ner::entities(args),
        Command::Tag(args) => ner::tag(args),
        Command::TrainNer(args) => ner::train_ner(args),
        Command::Serve(args) => serve::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man => shell::man(),
        Command::About => shell::about(),
    }
}

/// Whether an error is a closed stdout (`newsidx search … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
