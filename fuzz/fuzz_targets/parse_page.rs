//! Any bytes as a page file: decoding, parsing, stories and entities must
//! never panic, and every brief's text must come from the page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsidx::crawl::{FileEntry, SourceFile, decode};
use newsidx::entities::TaggerExtractor;

fuzz_target!(|data: &[u8]| {
    let Ok((text, encoding)) = decode(data) else { return };
    let Ok(page) = newsidx::parse::page(&text) else { return };
    for brief in &page.briefs {
        for line in brief.text.lines() {
            assert!(text.contains(line.trim()), "brief line not in page: {line:?}");
        }
    }
    let file = SourceFile {
        entry: FileEntry { path: "f".into(), rel_path: "2025/12/02/f.txt".into(), size: data.len() as u64, mtime_ns: 0 },
        text: text.clone(),
        encoding,
        hash: 0,
    };
    let stories = newsidx::news::stories(&file, &page, TaggerExtractor::embedded());
    assert_eq!(stories.len(), 1 + page.briefs.len());
});
