//! `newsidx completions`, `newsidx man` and `newsidx about`: the shell
//! conventions of a published command-line tool.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, Exit};

/// Options of `newsidx completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write a completion script for.
    shell: clap_complete::Shell,
}

/// Writes the completion script for `args.shell` to standard output
/// (`newsidx completions bash > ~/.local/share/bash-completion/completions/newsidx`).
pub fn completions(args: CompletionsArgs) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails, and a
    // closed pipe (`| head`) must end quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "newsidx", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(Exit::Success)
}

/// Writes the manual page (roff) to standard output
/// (`newsidx man > newsidx.1; man ./newsidx.1`).
pub fn man() -> anyhow::Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    std::io::stdout().lock().write_all(&page)?;
    Ok(Exit::Success)
}

/// The data compiled into the binary, with licences and attributions
/// (THIRD-PARTY.md in the repository).
pub const ABOUT: &str = include_str!("../../THIRD-PARTY.md");

/// Prints the version, the licence, the entity model's provenance and
/// every third-party data source compiled in.
pub fn about() -> anyhow::Result<Exit> {
    let model = newsidx::entities::TaggerExtractor::embedded();
    let mut out = std::io::stdout().lock();
    writeln!(out, "newsidx {} — licence MIT OR Apache-2.0", env!("CARGO_PKG_VERSION"))?;
    writeln!(out, "entity model: {}", model.provenance().trim_end_matches(" (first pass)"))?;
    writeln!(out)?;
    write!(out, "{ABOUT}")?;
    Ok(Exit::Success)
}
