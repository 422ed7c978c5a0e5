//! The `newsidx` command: parse arguments, run, map the outcome to an exit
//! code. All logic lives in the `cli` module and the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsidx: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
