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

/// mimalloc keeps freed memory for a while and commits whole arenas at
/// once, which made a build's resident memory three to four times its
/// live heap (BENCHMARKS.md). Long-running commands (`build`, `serve`)
/// ask it to give memory back at once and to commit arenas as they fill.
#[allow(unsafe_code)]
fn release_memory_promptly() {
    // Option numbers of the mimalloc version libmimalloc-sys 0.1.49 builds
    // (v3, include/mimalloc.h, enum mi_option_e).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mi_option_set stores an integer in mimalloc's option table; it
    // takes no pointers, is safe to call at any time from any thread, and
    // both values are valid for these options (0 = off, 0 ms).
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

fn main() -> ExitCode {
    if std::env::args_os().nth(1).is_some_and(|a| a == "build" || a == "serve") {
        release_memory_promptly();
    }
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
