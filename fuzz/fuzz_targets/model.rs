//! Any bytes as an entity model file (`--ner-model`): loading gives a
//! tagger or an error, never a panic or an allocation abort (a header may
//! announce any number of features), and a loaded tagger tags a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsidx::entities::tagger::Tagger;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(tagger) = Tagger::from_bytes(bytes) {
        let sentence: Vec<String> =
            ["Premier", "Dick", "Schoof", "sprak", "in", "Den", "Haag", "."].map(String::from).into();
        let tags = tagger.tag(&[sentence]);
        assert_eq!(tags[0].len(), 8);
    }
});
