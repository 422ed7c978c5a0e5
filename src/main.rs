//! The `newsidx` command: parse arguments, run, map the outcome to an exit
//! code. All logic lives in the `cli` module and the library.

mod cli;

use std::process::ExitCode;
use std::sync::Mutex;

/// mimalloc instead of the system allocator: building allocates and frees
/// many short strings on several threads, where glibc's malloc spent about
/// a sixth of the build's CPU time (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The message of a panic, kept for the error report instead of Rust's
/// default "thread panicked at" text.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

fn main() -> ExitCode {
    let args = cli::parse();
    std::panic::set_hook(Box::new(|info| {
        let place =
            info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if let Ok(mut slot) = PANIC.lock() {
            *slot = Some(format!("{message}{place}"));
        }
    }));
    match std::panic::catch_unwind(|| cli::run(args)) {
        Ok(Ok(code)) => code.into(),
        Ok(Err(err)) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            eprintln!("newsidx: {err:#}");
            cli::Exit::Error.into()
        }
        Err(_) => {
            // A bug, or index files damaged in a way the index library did
            // not catch: say so plainly instead of printing a backtrace.
            let detail = PANIC.lock().ok().and_then(|mut p| p.take()).unwrap_or_default();
            eprintln!(
                "newsidx: internal error ({detail}). If it happened while reading an index, the \
                 index may be damaged: `newsidx check` tells, `newsidx build --rebuild` repairs it."
            );
            cli::Exit::Error.into()
        }
    }
}
