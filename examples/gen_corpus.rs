//! Deterministic generator of news pages in the newsidx page format, for
//! benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR PAGES [SEED] [SHARED_DATA]
//! ```
//!
//! Sentences come from real Dutch newspaper text when `../shared/data` is
//! present (CoNLL-2002 `ned.train` and UD Dutch-Alpino fragments, read at
//! run time, never copied into the repository); otherwise from a built-in
//! word model. To keep the vocabulary realistic (news archives have
//! hundreds of thousands of distinct words, and a small vocabulary would
//! flatter index size and speed), one word in eight is replaced by a
//! generated compound or name, so the number of distinct words keeps
//! growing with the corpus size. Same arguments, same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const CITIES: &[&str] = &[
    "AMSTERDAM",
    "DEN HAAG",
    "ROTTERDAM",
    "UTRECHT",
    "BRUSSEL",
    "ANTWERPEN",
    "GENT",
    "LUIK",
    "MOSKOU",
    "KIEV",
    "WASHINGTON",
    "NEW YORK",
    "PEKING",
    "LONDEN",
    "PARIJS",
    "BERLIJN",
    "GENÈVE",
    "KHAN YOUNIS",
    "'S-HERTOGENBOSCH",
    "EINDHOVEN",
    "GRONINGEN",
    "MAASTRICHT",
    "BRUGGE",
    "JERUZALEM",
    "KHARTOEM",
    "ANKARA",
    "ROME",
    "MADRID",
];
const AGENCIES: &[&str] = &["ANP", "AFP", "RTR", "REUTERS", "BLOOMBERG", "AP", "BELGA", "DPA"];
const SECTIONS: &[&str] = &["Buitenland", "Binnenland", "Economie", "Sport", "Tech", "Cultuur"];
const FALLBACK_WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "van",
    "en",
    "in",
    "op",
    "te",
    "dat",
    "die",
    "is",
    "met",
    "voor",
    "niet",
    "aan",
    "er",
    "om",
    "ook",
    "als",
    "bij",
    "maar",
    "tegen",
    "kabinet",
    "minister",
    "regering",
    "oorlog",
    "vrede",
    "president",
    "gemeente",
    "stad",
    "land",
    "partij",
    "verkiezingen",
    "economie",
    "inflatie",
    "rente",
    "bank",
    "beurs",
    "bedrijf",
    "werknemers",
    "staking",
    "trein",
    "school",
    "ziekenhuis",
    "politie",
    "rechter",
    "aanslag",
    "vluchtelingen",
    "woningen",
    "huurders",
    "prijzen",
    "energie",
    "klimaat",
    "stikstof",
    "boeren",
    "leger",
    "soldaten",
    "aanval",
    "onderhandelingen",
    "akkoord",
    "plan",
    "wet",
    "Kamer",
    "debat",
    "zei",
    "meldde",
    "wil",
    "moet",
    "gaat",
    "heeft",
    "werd",
    "kreeg",
    "nieuwe",
    "grote",
    "eerste",
    "vorige",
    "volgende",
    "week",
    "jaar",
    "dag",
    "miljoen",
];
const COMPOUND_HEADS: &[&str] = &[
    "kamp",
    "aanval",
    "plan",
    "debat",
    "akkoord",
    "crisis",
    "beleid",
    "overleg",
    "markt",
    "prijs",
    "verbod",
    "fonds",
    "steun",
    "tekort",
    "zaak",
    "rapport",
    "onderzoek",
    "wet",
    "systeem",
    "organisatie",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "van", "der", "mel", "sen", "dijk", "berg", "hof", "man", "ste", "li", "no", "ver",
    "hoe", "gen", "wa", "ter", "bos", "kam", "pen", "ra", "vi", "tor", "el", "is", "oek", "rai",
];

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_corpus OUT_DIR PAGES [SEED] [SHARED_DATA]");
        std::process::exit(2);
    }
    let out = PathBuf::from(&args[0]);
    let pages: usize = args[1].parse().expect("PAGES is a number");
    let seed: u64 = args.get(2).map_or(1, |s| s.parse().expect("SEED is a number"));
    let shared = args.get(3).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    );
    let sentences = load_sentences(&shared);
    eprintln!(
        "gen_corpus: {} source sentences ({})",
        sentences.len(),
        if sentences.is_empty() { "built-in word model" } else { "shared data" }
    );
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    for n in 0..pages {
        let (path, text) = page(&mut rng, &sentences, n);
        let full = out.join(path);
        fs::create_dir_all(full.parent().expect("page path has a folder")).expect("create folder");
        fs::write(&full, &text).expect("write page");
        bytes += text.len();
    }
    eprintln!(
        "gen_corpus: wrote {pages} pages, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        out.display()
    );
}

/// Sentences from CoNLL-2002 (train) and UD Dutch-Alpino newspaper text.
fn load_sentences(shared: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(conll) = fs::read_to_string(shared.join("conll2002/ned.train")) {
        let mut words: Vec<&str> = Vec::new();
        for line in conll.lines() {
            let word = line.split(' ').next().unwrap_or("");
            if line.trim().is_empty() || word == "-DOCSTART-" {
                if words.len() >= 6 {
                    out.push(detokenize(&words));
                }
                words.clear();
            } else {
                words.push(word);
            }
        }
    }
    if let Ok(jsonl) = fs::read_to_string(shared.join("ud-dutch-alpino/newspaper_fragments.jsonl"))
    {
        for line in jsonl.lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
                let text = value["text"].as_str().unwrap_or("");
                out.extend(
                    text.split(". ")
                        .filter(|s| s.len() > 30)
                        .map(|s| format!("{}.", s.trim_end_matches('.'))),
                );
            }
        }
    }
    out
}

fn detokenize(words: &[&str]) -> String {
    let mut s = String::new();
    for w in words {
        let glue = matches!(*w, "." | "," | ":" | ";" | "?" | "!" | ")" | "'s");
        if !s.is_empty() && !glue && !s.ends_with('(') {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// A generated word that grows the vocabulary: a compound or a name.
fn novel_word(rng: &mut Rng) -> String {
    let mut stem = String::new();
    for _ in 0..2 + rng.below(3) {
        stem.push_str(rng.pick::<&str>(SYLLABLES));
    }
    match rng.below(3) {
        0 => format!("{stem}{}", rng.pick(COMPOUND_HEADS)),
        1 => {
            let mut name = stem.clone();
            name[..1].make_ascii_uppercase();
            name
        }
        _ => format!("{stem}s{}", rng.pick(COMPOUND_HEADS)),
    }
}

fn sentence(rng: &mut Rng, sentences: &[String]) -> String {
    let base = if sentences.is_empty() {
        let n = 8 + rng.below(14);
        let mut words: Vec<&str> = (0..n).map(|_| *rng.pick(FALLBACK_WORDS)).collect();
        words[0] = "De";
        format!("{}.", words.join(" "))
    } else {
        rng.pick(sentences).clone()
    };
    let mut out = String::with_capacity(base.len() + 16);
    for (i, word) in base.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && word.len() > 3 && word.chars().all(char::is_alphabetic) && rng.below(8) == 0 {
            out.push_str(&novel_word(rng));
        } else {
            out.push_str(word);
        }
    }
    out
}

fn dateline(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3);
    let mut agencies: Vec<&str> = Vec::new();
    while agencies.len() < n {
        let a = *rng.pick(AGENCIES);
        if !agencies.contains(&a) {
            agencies.push(a);
        }
    }
    format!("{} ({}) - ", rng.pick(CITIES), agencies.join("/"))
}

fn page(rng: &mut Rng, sentences: &[String], n: usize) -> (String, String) {
    let day = n % 365;
    let (month, dom) = month_day(day);
    let path = format!("2025/{month:02}/{dom:02}/{:016x}.txt", rng.next());
    let mut text = String::new();
    let headline = sentence(rng, sentences);
    let headline: Vec<&str> = headline.trim_end_matches('.').split(' ').take(9).collect();
    writeln!(text, "{}", headline.join(" ")).unwrap();
    let has_dateline = rng.below(10) != 0;
    for p in 0..3 + rng.below(6) {
        if p == 0 && has_dateline {
            text.push_str(&dateline(rng));
        }
        let para: Vec<String> = (0..2 + rng.below(3)).map(|_| sentence(rng, sentences)).collect();
        writeln!(text, "{}", para.join(" ")).unwrap();
    }
    if rng.below(10) < 6 {
        briefs(rng, sentences, &mut text);
    }
    (path, text)
}

fn briefs(rng: &mut Rng, sentences: &[String], text: &mut String) {
    writeln!(text, "Meer uit {}", rng.pick(SECTIONS)).unwrap();
    let mut minutes = 0;
    for i in 0..2 + rng.below(6) {
        if i > 0 {
            text.push_str(&age(minutes));
        }
        let body: Vec<String> = (0..1 + rng.below(3)).map(|_| sentence(rng, sentences)).collect();
        writeln!(text, "{}{}", dateline(rng), body.join(" ")).unwrap();
        minutes += 1 + rng.below(120);
    }
    writeln!(text, "{}", age(minutes)).unwrap();
}

fn age(minutes: usize) -> String {
    match minutes {
        0..=1 => "1 minuut geleden".into(),
        2..=59 => format!("{minutes} minuten geleden"),
        60..=1439 => format!("{} uur geleden", minutes / 60),
        _ => "gisteren".into(),
    }
}

fn month_day(day_of_year: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = day_of_year;
    for (m, len) in DAYS.iter().enumerate() {
        if d < *len {
            return (m + 1, d + 1);
        }
        d -= len;
    }
    (12, 31)
}
