//! The Dutch lexicon: the OpenTaal word list, compiled into the binary as
//! a finite-state map.
//!
//! Owns the embedded lexicon (`data/opentaal.fst`) and how it is made from
//! the word list ([`build`]; `cargo run --example gen_lexicon` writes the
//! file, a test remakes it byte for byte). Every word is stored folded and
//! lowercase (`Oekraïne` → `oekraine`) with what the list says about it:
//! whether it is listed in lower case (a common word), with a capital (a
//! proper name), or in capitals (an acronym), whether its plural is listed
//! (a noun), and how productive it is in compounds — how many listed words
//! are made of it and another listed word, as the head or as the modifier.
//! With each word goes how often it is used in running Dutch text (its
//! Zipf frequency from the wordfreq lists, `data/wordfreq_nl.tsv`).
//! The decompounder takes its dictionary and its part frequencies from here,
//! the entity tagger its word-class features; neither depends on the corpus
//! being indexed, so the same page always gives the same terms.
//!
//! The OpenTaal word list (<https://www.opentaal.org>) is © Stichting
//! OpenTaal, used under the revised BSD licence (or, at the user's choice,
//! CC BY 3.0); see `data/LICENSE.opentaal.txt`. The word frequencies are
//! from wordfreq 3.1.1 (Robyn Speer; Wikipedia, OpenSubtitles, SUBTLEX-NL
//! and other sources), CC BY-SA 4.0; see `data/LICENSE.wordfreq.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

use fst::{Map, MapBuilder};

use super::fold;

/// The lexicon as shipped.
static LEXICON: LazyLock<Map<&'static [u8]>> = LazyLock::new(|| {
    Map::new(&include_bytes!("data/opentaal.fst")[..])
        .expect("data/opentaal.fst is a valid FST map (a test remakes it)")
});

/// Listed in lower case: a common word (`kamp`).
pub const LOWER: u8 = 1;
/// Listed with a capital letter: a proper name (`Poetin`, `Gaza`).
pub const CAPITALISED: u8 = 2;
/// Listed in capitals: an acronym (`NAVO`).
pub const ACRONYM: u8 = 4;
/// Its plural (`-en`, `-s`, `-n` after `e`) is listed too: a noun.
pub const PLURAL: u8 = 8;

/// What the lexicon knows of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    /// [`LOWER`], [`CAPITALISED`], [`ACRONYM`], [`PLURAL`].
    pub flags: u8,
    /// Listed words that end in this word after another listed word
    /// (`vluchtelingenkamp`, `trainingskamp` for `kamp`).
    pub heads: u16,
    /// Listed words that start with this word, a linking `s`, `e` or `en`
    /// allowed, before another listed word (`kampvuur` for `kamp`;
    /// `zeemonding` for `zee` and for `zeem`).
    pub modifiers: u16,
    /// How often the word is used in running text, as its Zipf frequency
    /// in tenths (`hok` 37: 10^3.7 uses per billion words); 0 when the
    /// frequency lists do not have it.
    pub zipf: u8,
}

impl Entry {
    /// Whether the word has all of `flags`.
    pub fn is(self, flags: u8) -> bool {
        self.flags & flags == flags
    }

    fn from_value(value: u64) -> Entry {
        Entry {
            flags: value as u8,
            heads: (value >> 8) as u16,
            modifiers: (value >> 24) as u16,
            zipf: (value >> 40) as u8,
        }
    }

    fn value(self) -> u64 {
        u64::from(self.flags)
            | u64::from(self.heads) << 8
            | u64::from(self.modifiers) << 24
            | u64::from(self.zipf) << 40
    }

    /// The Zipf frequency (log10 of uses per billion words), 0 for unknown.
    pub fn frequency(self) -> f64 {
        f64::from(self.zipf) / 10.0
    }
}

/// What the lexicon knows of a folded, lowercase word.
pub fn lookup(word: &str) -> Option<Entry> {
    LEXICON.get(word).map(Entry::from_value)
}

/// Words in the lexicon.
pub fn len() -> usize {
    LEXICON.len()
}

/// Every listed word that `text` starts with, as (its length in bytes, its
/// entry), shortest first: one walk down the FST instead of a lookup per
/// prefix (the decompounder asks this at every possible part start).
pub fn prefixes(text: &str) -> Vec<(usize, Entry)> {
    let fst = LEXICON.as_fst();
    let mut node = fst.root();
    let mut output = fst::raw::Output::zero();
    let mut out = Vec::new();
    for (i, byte) in text.bytes().enumerate() {
        let Some(index) = node.find_input(byte) else { break };
        let transition = node.transition(index);
        output = output.cat(transition.out);
        node = fst.node(transition.addr);
        if node.is_final() && text.is_char_boundary(i + 1) {
            out.push((i + 1, Entry::from_value(output.cat(node.final_output()).value())));
        }
    }
    out
}

/// Linking morphemes counted between a modifier and a head. A linking `s`
/// is taken before a listed form that ends in it (`rechtszaak` counts for
/// `recht`, not `rechts`); other linkers only when the modifier as written
/// is not listed (`winteravond` counts for `winter`, `kinderopvang` for
/// `kind`).
const LINKS: [&str; 5] = ["s", "", "en", "e", "er"];

/// The frequency table shipped beside the lexicon, the second input of
/// [`build`].
pub const FREQUENCIES: &str = include_str!("data/wordfreq_nl.tsv");

/// Makes the FST map of a word list (one word a line, UTF-8) and a
/// frequency table (`word<TAB>zipf` lines): the bytes of
/// `data/opentaal.fst`. Words with characters other than letters (`DNA-profiel`,
/// `'s-Hertogenbosch`, `10 uurjournaal`) are left out: the tokenizer splits
/// them into words that are listed on their own. A frequency of a word that
/// is not in the list is ignored; of two words that fold alike the higher
/// counts.
pub fn build(wordlist: &str, frequencies: &str) -> Vec<u8> {
    let mut entries: HashMap<String, Entry> = HashMap::new();
    for word in wordlist.lines().map(str::trim).filter(|w| w.chars().all(char::is_alphabetic)) {
        let Some(first) = word.chars().next() else { continue };
        let flag = if word.chars().all(char::is_lowercase) {
            LOWER
        } else if word.chars().count() >= 2 && word.chars().all(char::is_uppercase) {
            ACRONYM
        } else if first.is_uppercase() {
            CAPITALISED
        } else {
            continue; // iPhone, dB: neither a word nor a name form
        };
        entries.entry(fold(word)).or_default().flags |= flag;
    }
    mark_plurals(&mut entries);
    count_compounds(&mut entries);
    add_frequencies(&mut entries, frequencies);
    let mut keys: Vec<(&String, &Entry)> = entries.iter().collect();
    keys.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut builder = MapBuilder::memory();
    for (key, entry) in keys {
        builder.insert(key, entry.value()).expect("keys are sorted and unique");
    }
    builder.into_inner().expect("an in-memory FST cannot fail to write")
}

/// Sets each listed word's Zipf frequency from `word<TAB>zipf` lines.
fn add_frequencies(entries: &mut HashMap<String, Entry>, frequencies: &str) {
    for line in frequencies.lines() {
        let Some((word, zipf)) = line.split_once('\t') else { continue };
        let Ok(zipf) = zipf.trim().parse::<f64>() else { continue };
        if let Some(entry) = entries.get_mut(&fold(word)) {
            let tenths = (zipf * 10.0).round().clamp(1.0, 255.0) as u8;
            entry.zipf = entry.zipf.max(tenths);
        }
    }
}

/// Sets [`PLURAL`] on lower-case words whose plural is listed.
fn mark_plurals(entries: &mut HashMap<String, Entry>) {
    let lower = |w: &str, e: &HashMap<String, Entry>| e.get(w).is_some_and(|x| x.is(LOWER));
    let nouns: Vec<String> = entries
        .iter()
        .filter(|(w, e)| e.is(LOWER) && w.chars().count() >= 2)
        .filter(|(w, _)| {
            lower(&format!("{w}en"), entries)
                || lower(&format!("{w}s"), entries)
                || (w.ends_with('e') && lower(&format!("{w}n"), entries))
        })
        .map(|(w, _)| w.clone())
        .collect();
    for word in nouns {
        if let Some(e) = entries.get_mut(&word) {
            e.flags |= PLURAL;
        }
    }
}

/// Counts, for every lower-case word, the listed words it is the head or
/// the modifier of: `w = modifier + link + head`, both parts listed in
/// lower case, the head three letters or longer, the modifier four (so
/// that prefixes such as `ver-`, `ont-`, `her-` do not count as
/// modifiers). At a boundary where the left part, less a linker, is no such
/// modifier, a three-letter one counts for itself but not for the head
/// (`zeemonding` for `zee`, not for `monding`): the decompounder weighs it
/// only when choosing between splits.
fn count_compounds(entries: &mut HashMap<String, Entry>) {
    let mut heads: HashMap<String, u32> = HashMap::new();
    let mut modifiers: HashMap<String, u32> = HashMap::new();
    let is_part = |w: &str| w.len() >= 3 && entries.get(w).is_some_and(|e| e.is(LOWER));
    let is_modifier = |w: &str| w.chars().count() >= 4 && is_part(w);
    let is_short_modifier = |w: &str| w.chars().count() == 3 && is_part(w);
    for word in entries.iter().filter(|(w, e)| e.is(LOWER) && w.len() >= 6).map(|(w, _)| w) {
        for (at, _) in word.char_indices().skip(3) {
            let (left, head) = word.split_at(at);
            if !is_part(head) {
                continue;
            }
            let long = LINKS.iter().find_map(|l| left.strip_suffix(l).filter(|m| is_modifier(m)));
            if let Some(modifier) = long {
                *heads.entry(head.to_string()).or_default() += 1;
                *modifiers.entry(modifier.to_string()).or_default() += 1;
            } else if let Some(modifier) =
                LINKS.iter().find_map(|l| left.strip_suffix(l).filter(|m| is_short_modifier(m)))
            {
                *modifiers.entry(modifier.to_string()).or_default() += 1;
            }
        }
    }
    let clamp = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    for (word, entry) in entries.iter_mut() {
        entry.heads = clamp(heads.get(word).copied().unwrap_or(0));
        entry.modifiers = clamp(modifiers.get(word).copied().unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_names_and_acronyms_are_told_apart() {
        let kamp = lookup("kamp").unwrap();
        assert!(kamp.is(LOWER | PLURAL), "{kamp:?}");
        assert!(kamp.heads > 20, "many listed compounds end in kamp: {kamp:?}");
        let poetin = lookup("poetin").unwrap();
        assert!(poetin.is(CAPITALISED) && !poetin.is(LOWER), "{poetin:?}");
        assert!(lookup("navo").unwrap().is(ACRONYM));
        assert!(lookup("oekraine").is_some(), "keys are folded");
        assert_eq!(lookup("xqzwv"), None);
    }

    #[test]
    fn the_shipped_lexicon_is_what_the_word_list_builds() {
        // The word list is not in the repository: with it (tests run beside
        // ../shared), the shipped FST must be its build byte for byte.
        let list = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/opentaal/wordlist.txt");
        let Ok(text) = std::fs::read_to_string(list) else {
            assert!(
                std::env::var_os("NEWSIDX_REQUIRE_DATA").is_none_or(|v| v != "1"),
                "NEWSIDX_REQUIRE_DATA=1 but {list} is missing"
            );
            use std::io::Write;
            let _ = writeln!(std::io::stderr().lock(), "\nSKIPPED (no data): {list} not found");
            return;
        };
        assert!(
            build(&text, FREQUENCIES) == include_bytes!("data/opentaal.fst"),
            "run the gen_lexicon example"
        );
    }

    #[test]
    fn prefixes_are_the_listed_words_a_text_starts_with() {
        let found: Vec<usize> = prefixes("kampvuurtje").iter().map(|(n, _)| *n).collect();
        assert!(found.contains(&4) && found.contains(&8), "kamp, kampvuur: {found:?}");
        for (n, entry) in prefixes("kampvuurtje") {
            assert_eq!(lookup(&"kampvuurtje"[..n]), Some(entry));
        }
        assert!(prefixes("xqzwv").iter().all(|(n, _)| *n <= 1), "at most the letter x");
    }

    #[test]
    fn a_small_list_builds_what_it_says() {
        let fst = build(
            "kamp\nkampen\nvluchteling\nvluchtelingen\nvluchtelingenkamp\nGaza\nNAVO\niPhone\nDNA-profiel\n",
            "kamp\t4.6\nkampen\t4.04\nxqzwv\t3.0\nnavo\tzes\n",
        );
        let map = Map::new(fst).unwrap();
        let get = |w: &str| Entry::from_value(map.get(w).unwrap());
        assert_eq!(get("kamp").flags, LOWER | PLURAL);
        assert_eq!(get("kamp").heads, 1);
        assert_eq!(get("vluchtelingen").modifiers, 1, "a listed form counts as written");
        assert_eq!(get("vluchteling").modifiers, 0);
        assert_eq!(get("gaza").flags, CAPITALISED);
        assert_eq!((get("kamp").zipf, get("kampen").zipf, get("gaza").zipf), (46, 40, 0));
        assert_eq!(get("navo").zipf, 0, "a frequency that is no number is ignored");
        assert!(map.get("xqzwv").is_none(), "a frequency adds no word");
        assert_eq!(get("navo").flags, ACRONYM);
        assert!(map.get("iphone").is_none() && map.get("dna-profiel").is_none());
        let fst = build("zee\nzeem\nmonding\nonding\nzeemonding\nzeemonding\nzeebonk\nbonk\n", "");
        let map = Map::new(fst).unwrap();
        let get = |w: &str| Entry::from_value(map.get(w).unwrap());
        assert_eq!(get("zeem").modifiers, 1, "zeem+onding");
        assert_eq!(get("zee").modifiers, 2, "zee+monding, zee+bonk: three letters count");
        assert_eq!((get("onding").heads, get("monding").heads, get("bonk").heads), (1, 0, 0));
        let fst = build("reis\nleidster\nrei\nreisleidster\n", "");
        let map = Map::new(fst).unwrap();
        let get = |w: &str| Entry::from_value(map.get(w).unwrap());
        assert_eq!((get("reis").modifiers, get("rei").modifiers), (1, 0), "reis, not rei+s");
    }
}
