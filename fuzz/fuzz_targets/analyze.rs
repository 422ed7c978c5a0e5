//! Any text through every analyzer: offsets lie on char boundaries inside
//! the text, positions never decrease, tokens are short and non-empty; the
//! decompounder never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsidx::analysis::{ALL, Decompounder, MAX_TOKEN_BYTES, NL_EXACT, tokens};

fuzz_target!(|text: &str| {
    for name in ALL {
        let mut last = 0;
        for t in tokens(name, text) {
            assert!(t.offset_from < t.offset_to && t.offset_to <= text.len(), "{name}: {t:?}");
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to), "{name}: {t:?}");
            assert!(t.position >= last, "{name}: position went back: {t:?}");
            assert!(!t.text.is_empty() && t.text.len() <= MAX_TOKEN_BYTES * 4, "{name}: {t:?}");
            last = t.position;
        }
    }
    static DECOMPOUNDER: std::sync::OnceLock<Decompounder> = std::sync::OnceLock::new();
    let decompounder = DECOMPOUNDER.get_or_init(Decompounder::default);
    for t in tokens(NL_EXACT, text) {
        if let Some(parts) = decompounder.split(&t.text, &|_| false) {
            assert!(parts.iter().all(|p| t.text.contains(p.as_str())), "{parts:?} not in {}", t.text);
        }
    }
});
