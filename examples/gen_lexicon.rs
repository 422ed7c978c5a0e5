//! Writes `src/analysis/data/opentaal.fst`, the Dutch lexicon compiled into
//! newsidx, from the OpenTaal word list.
//!
//! ```text
//! cargo run --release --example gen_lexicon -- [WORDLIST] [OUT]
//! ```
//!
//! Defaults: `../shared/data/opentaal/wordlist.txt` (OpenTaal 2.20.19 as
//! Debian's `wdutch` packs it; BSD or CC BY 3.0) and
//! `src/analysis/data/opentaal.fst`, with the word frequencies of
//! `src/analysis/data/wordfreq_nl.tsv` (made by `scripts/gen_wordfreq.py`). The format and what each entry holds
//! are documented in `src/analysis/lexicon.rs`; a test remakes the file
//! from the word list and compares it byte for byte.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1);
    let wordlist = args
        .next()
        .map_or_else(|| root.join("../shared/data/opentaal/wordlist.txt"), PathBuf::from);
    let out =
        args.next().map_or_else(|| root.join("src/analysis/data/opentaal.fst"), PathBuf::from);
    let text = std::fs::read_to_string(&wordlist)?;
    use newsidx::analysis::lexicon;
    let bytes = lexicon::build(&text, lexicon::FREQUENCIES);
    std::fs::write(&out, &bytes)?;
    eprintln!("{}: {} bytes from {}", out.display(), bytes.len(), wordlist.display());
    Ok(())
}
