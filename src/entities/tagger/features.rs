//! Features of a token in its sentence and article, as hashed ids.
//!
//! Owns the feature templates (raw text only, no part-of-speech): the
//! word and its neighbours, shapes, affixes, capitals at and away from a
//! sentence start, role cues (`president`, `minister van …`), name
//! particles, gazetteer membership (places, first names, surnames,
//! organisations, organisation heads and cues), how the word is written
//! elsewhere in the article, and, in the second pass, how the first pass
//! tagged the same word elsewhere in the article.
//!
//! Each feature is a 64-bit hash of its template number and values; no
//! feature string is ever formatted. What a word contributes on its own
//! (its lowercase form, shape, affixes, list memberships) is computed once
//! per distinct word and thread and kept in a cache ([`WordInfo`]), so a
//! token costs a cache lookup plus the hashes that combine it with its
//! neighbours.
//!
//! Also owns the windows that can hold a name ([`SentenceView::windows`]):
//! runs of tokens with a capital letter, joined over short lowercase gaps
//! (`Raad van State`), with the lowercase word before them. Tokens outside
//! every window are tagged `O` without computing their features; on both
//! evaluation sets this gives the same F1 as decoding whole sentences
//! (EVALUATION.md).

use std::cell::RefCell;
use std::hash::Hasher;
use std::ops::Range;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::tags::Kind;
use crate::entities::gazetteer::{Gazetteer, gazetteer, key, organization};
use crate::entities::organizations;
use crate::entities::persons::is_role_cue;
use crate::entities::words::PARTICLES;
use crate::memo::Memo;

/// What the article says about its words, for document features. Words
/// are held by [`word_id`].
#[derive(Debug, Default)]
pub struct ArticleFacts {
    /// Words written in lowercase somewhere in the article.
    lowercase: FxHashSet<u64>,
    /// Words written with a capital away from a sentence start.
    capital_inside: FxHashSet<u64>,
    /// Kinds the first pass gave each word (second pass only).
    pub tagged: FxHashMap<u64, Vec<Kind>>,
}

impl ArticleFacts {
    /// Facts of an article given as sentences of tokens.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a [String]>) -> ArticleFacts {
        let mut facts = ArticleFacts::default();
        for tokens in sentences {
            let infos: Vec<Rc<WordInfo>> = tokens.iter().map(|t| info(t)).collect();
            facts.add(&infos);
        }
        facts
    }

    fn add(&mut self, infos: &[Rc<WordInfo>]) {
        for (i, w) in infos.iter().enumerate() {
            if w.lowercase_initial {
                self.lowercase.insert(w.lower);
            } else if w.capital && !sentence_start(infos, i) {
                self.capital_inside.insert(w.lower);
            }
        }
    }
}

/// The id of a word for [`ArticleFacts`]: a hash of its lowercase form.
pub fn word_id(token: &str) -> u64 {
    info(token).lower
}

/// What one word contributes whatever its neighbours.
#[derive(Debug)]
pub struct WordInfo {
    /// Hash of the lowercase form.
    lower: u64,
    /// Hash of the shape (`Xx`, `X`, `d.d`).
    shape: u64,
    /// Features of the word alone.
    own: Box<[u64]>,
    /// Gazetteer key (folded lowercase).
    key: String,
    capital: bool,
    lowercase_initial: bool,
    /// Has a capital letter anywhere (`Poetin`, `NAVO`, `eBay`).
    has_capital: bool,
    /// A lowercase word of letters (may sit inside a name: `van`, `voor`).
    lowercase_word: bool,
    role_cue: bool,
    org_head: bool,
    org_cue: bool,
    given_name: bool,
    particle: bool,
    starts_longer: bool,
    /// A token after which a new sentence or clause starts.
    opens: bool,
    /// A legal form (`BV`, `NV`, `plc`).
    legal_form: bool,
    /// Lower-case form, to test organisation openers.
    low: Box<str>,
}

impl WordInfo {
    fn new(word: &str, g: &Gazetteer) -> WordInfo {
        let low = word.to_lowercase();
        let key = key(word);
        let capital = word.starts_with(char::is_uppercase);
        let (given, surname) = g.person_word(&key);
        let role_cue = is_role_cue(word);
        let org_head = organizations::is_head(word);
        let particle = PARTICLES.contains(&low.as_str());
        let mut own = Vec::with_capacity(24);
        own.push(hash(1, &[&low]));
        // Prefixes and suffixes of one to four characters, as slices.
        let starts: Vec<usize> = low.char_indices().map(|(at, _)| at).collect();
        for n in 1..=4.min(starts.len()) {
            let prefix = &low[..starts.get(n).copied().unwrap_or(low.len())];
            let suffix = &low[starts[starts.len() - n]..];
            own.push(hash(14 + n as u8, &[prefix]));
            own.push(hash(20 + n as u8, &[suffix]));
        }
        let has_letter = word.chars().any(char::is_alphabetic);
        let flags = [
            (31, has_letter && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())),
            (32, word.contains('-')),
            (33, word.contains('\'')),
            (34, word.chars().any(|c| c.is_ascii_digit())),
            (38, role_cue),
            (40, capital && given),
            (41, capital && surname),
            (42, organization(word).is_some()),
            (53, capital && org_head),
            (62, is_legal_form(word)),
        ];
        own.extend(flags.iter().filter(|(_, on)| *on).map(|&(t, _)| hash(t, &[])));
        own.push(hash(60, &[if capital { "C" } else { "c" }, lexicon_class(&key)]));
        WordInfo {
            own: own.into_boxed_slice(),
            lower: hash(0xf0, &[&low]),
            shape: hash(0xf1, &[&shape(word)]),
            capital,
            lowercase_initial: word.starts_with(char::is_lowercase),
            has_capital: word.chars().any(char::is_uppercase),
            lowercase_word: has_letter && word.chars().all(|c| !c.is_uppercase()),
            role_cue,
            org_head,
            org_cue: organizations::is_cue(word),
            given_name: given && !particle,
            particle: particle || low == "van",
            starts_longer: g.starts_longer_name(&key),
            opens: matches!(
                word,
                "." | "!" | "?" | ":" | "\"" | "'" | "(" | "-" | "–" | "«" | "„" | "“"
            ),
            legal_form: is_legal_form(word),
            low: low.clone().into_boxed_str(),
            key,
        }
    }
}

/// What the Dutch lexicon (OpenTaal, [`crate::analysis::lexicon`]) says of
/// a word: a common word (its lower-case form is listed: `Rechter` opening
/// a sentence), a name (listed only with a capital: `Poetin`), an acronym
/// (`NAVO`), both a word and a name (`Bos`, `Groen`), or unknown.
fn lexicon_class(key: &str) -> &'static str {
    use crate::analysis::lexicon::{ACRONYM, CAPITALISED, LOWER, lookup};
    match lookup(key) {
        None => "unknown",
        Some(e) if e.is(LOWER) && e.is(CAPITALISED) => "word+name",
        Some(e) if e.is(LOWER) => "word",
        Some(e) if e.is(ACRONYM) => "acronym",
        Some(_) => "name",
    }
}

/// A word that opens an organisation's name (`ministerie`, `Stichting`,
/// `Vereniging`, `Radio Donna`, `uitgeverij Querido`).
fn is_org_opener(w: &WordInfo) -> bool {
    const OPENERS: &[&str] = &[
        "ministerie",
        "stichting",
        "vereniging",
        "federatie",
        "bond",
        "fonds",
        "raad",
        "dienst",
        "radio",
        "omroep",
        "uitgeverij",
        "brouwerij",
        "universiteit",
        "hogeschool",
        "ziekenhuis",
        "groep",
    ];
    OPENERS.contains(&&*w.low)
}

/// A company's legal form after its name (`Shell plc`, `Ahold Delhaize NV`,
/// `Boskalis B.V.`, `De Lijn vzw`).
fn is_legal_form(word: &str) -> bool {
    const FORMS: &[&str] = &[
        "bv", "b.v", "b.v.", "nv", "n.v", "n.v.", "vzw", "cv", "c.v.", "plc", "ltd", "inc", "ag",
        "gmbh", "sa", "s.a.", "spa", "se", "holding", "group", "groep",
    ];
    let lower = word.to_lowercase();
    FORMS.contains(&lower.as_str())
}

/// Distinct words whose facts a thread remembers (young generation; see
/// [`Memo`]).
const CACHE_WORDS: usize = 20_000;

thread_local! {
    static CACHE: RefCell<Memo<Rc<WordInfo>>> = RefCell::new(Memo::new(CACHE_WORDS));
}

fn info(word: &str) -> Rc<WordInfo> {
    CACHE.with_borrow_mut(|cache| {
        cache.get_or_insert_with(word, || Rc::new(WordInfo::new(word, gazetteer())))
    })
}

fn sentence_start(infos: &[Rc<WordInfo>], i: usize) -> bool {
    i == 0 || infos[i - 1].opens
}

fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(template);
    for part in parts {
        h.write(part.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

/// A feature made of a template and hashed values.
fn mix(template: u8, parts: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(template);
    for &part in parts {
        h.write_u64(part);
    }
    h.finish()
}

/// Word shape: `Xxxx` → `Xx`, `NAVO` → `X`, `D66` → `Xd`, `1.000` → `d.d`.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

/// A sentence with what its words contribute and the known place and
/// organisation names in it.
pub struct SentenceView {
    infos: Vec<Rc<WordInfo>>,
    /// `B`/`I` marks inside a known place name.
    places: Vec<u8>,
    /// `B`/`I` marks inside a curated organisation name.
    orgs: Vec<u8>,
}

impl SentenceView {
    /// Looks up the words of a sentence.
    pub fn new(tokens: &[String]) -> SentenceView {
        let g = gazetteer();
        let infos: Vec<Rc<WordInfo>> = tokens.iter().map(|t| info(t)).collect();
        let places = longest_names(&infos, g, |i, n| {
            let joined = join(infos[i..i + n].iter().map(|w| w.key.as_str()));
            g.place_by_key(&joined).is_some()
        });
        let orgs = longest_names(&infos, g, |i, n| {
            organization(&join(tokens[i..i + n].iter().map(String::as_str))).is_some()
        });
        SentenceView { infos, places, orgs }
    }

    /// Tokens in the sentence.
    pub fn len(&self) -> usize {
        self.infos.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    /// The spans that can hold a name: tokens with a capital, joined over
    /// gaps of at most two lowercase words (`Raad van State`), plus the
    /// lowercase word before (`van` in `ministerie van Buitenlandse
    /// Zaken`).
    pub fn windows(&self) -> Vec<Range<usize>> {
        let w = &self.infos;
        let mut out: Vec<Range<usize>> = Vec::new();
        for i in (0..w.len()).filter(|&i| w[i].has_capital) {
            let joins_last = out.last().is_some_and(|last: &Range<usize>| {
                i - last.end <= 2 && w[last.end..i].iter().all(|x| x.lowercase_word)
            });
            if joins_last {
                out.last_mut().expect("checked").end = i + 1;
            } else {
                let before = i > 0 && w[i - 1].lowercase_word;
                out.push(if before { i - 1..i + 1 } else { i..i + 1 });
            }
        }
        out
    }

    /// The first-pass features of token `i`.
    pub fn features(&self, i: usize, facts: &ArticleFacts) -> Vec<u64> {
        let w = &self.infos;
        let word = &w[i];
        let lower_at = |k: isize| -> u64 {
            let j = i as isize + k;
            match usize::try_from(j).ok().and_then(|j| w.get(j)) {
                Some(x) => x.lower,
                None if j < 0 => 1,
                None => 2,
            }
        };
        let shape_at = |k: isize| -> u64 {
            let j = i as isize + k;
            usize::try_from(j).ok().and_then(|j| w.get(j)).map_or(3, |x| x.shape)
        };
        let mut f = Vec::with_capacity(word.own.len() + 32);
        f.extend_from_slice(&word.own);
        f.push(mix(0, &[]));
        for (t, k) in [(2, -1), (3, 1), (4, -2), (5, 2), (6, -3), (7, 3)] {
            f.push(mix(t, &[lower_at(k)]));
        }
        f.push(mix(8, &[shape_at(0)]));
        f.push(mix(9, &[shape_at(-1)]));
        f.push(mix(10, &[shape_at(1)]));
        f.push(mix(11, &[shape_at(-1), shape_at(0), shape_at(1)]));
        f.push(mix(12, &[lower_at(-1), word.lower]));
        f.push(mix(13, &[word.lower, lower_at(1)]));
        f.push(mix(30, &[u64::from(word.capital), u64::from(sentence_start(w, i))]));
        self.context_flags(&mut f, i);
        if word.capital {
            flag(&mut f, 45, facts.lowercase.contains(&word.lower));
            flag(&mut f, 46, facts.capital_inside.contains(&word.lower));
        }
        f
    }

    fn context_flags(&self, f: &mut Vec<u64>, i: usize) {
        let w = &self.infos;
        let prev = i.checked_sub(1).map(|p| &w[p]);
        let next = w.get(i + 1);
        flag(f, 35, prev.is_some_and(|p| p.role_cue));
        let near_cue = (1..=3.min(i))
            .any(|k| w[i - k].role_cue && w[i - k + 1..i].iter().all(|x| x.capital || x.particle));
        flag(f, 36, near_cue);
        flag(f, 37, w[i].particle && w[i].lowercase_initial && next.is_some_and(|n| n.capital));
        if self.places[i] != 0 {
            f.push(mix(39, &[u64::from(self.places[i])]));
        }
        flag(f, 43, prev.is_some_and(|p| p.capital && p.given_name));
        flag(f, 44, self.places.get(i + 1) == Some(&b'B'));
        flag(f, 54, next.is_some_and(|n| n.capital && n.org_head));
        flag(f, 55, prev.is_some_and(|p| p.org_cue));
        flag(f, 56, self.orgs[i] == b'B');
        flag(f, 57, self.orgs[i] == b'I');
        // `ministerie van Buitenlandse Zaken`, `Stichting Vluchteling`,
        // `Vereniging Eigen Huis`: an organisation word two or one back.
        let opener = |k: usize| i >= k && is_org_opener(&w[i - k]);
        flag(f, 63, w[i].capital && (opener(1) || (opener(2) && w[i - 1].particle)));
        flag(f, 64, w[i].capital && next.is_some_and(|n| n.legal_form));
    }
}

/// Adds the second pass's features of token `i`: how the first pass
/// tagged the same word elsewhere in the article.
pub fn add_tagged_features(f: &mut Vec<u64>, view: &SentenceView, i: usize, facts: &ArticleFacts) {
    let word = &view.infos[i];
    match facts.tagged.get(&word.lower).map(Vec::as_slice) {
        Some([only]) => f.push(hash(47, &[only.name(), if word.capital { "C" } else { "c" }])),
        Some(kinds) => {
            for kind in kinds {
                f.push(hash(51, &[kind.name()]));
            }
        }
        None => {}
    }
}

/// Features of every token of a sentence (both passes' when `facts`
/// holds first-pass tags).
pub fn sentence_features(tokens: &[String], facts: &ArticleFacts) -> Vec<Vec<u64>> {
    let view = SentenceView::new(tokens);
    (0..tokens.len())
        .map(|i| {
            let mut f = view.features(i, facts);
            add_tagged_features(&mut f, &view, i, facts);
            f
        })
        .collect()
}

/// `B`/`I` marks for the longest known names (up to the gazetteer's
/// longest) starting at capitalised words; `known(i, n)` says whether the
/// `n` words from `i` are one.
fn longest_names(
    infos: &[Rc<WordInfo>],
    g: &Gazetteer,
    known: impl Fn(usize, usize) -> bool,
) -> Vec<u8> {
    let mut out = vec![0u8; infos.len()];
    let mut i = 0;
    while i < infos.len() {
        let longest = if !infos[i].has_capital {
            None
        } else {
            let max = if infos[i].starts_longer { g.max_words.min(infos.len() - i) } else { 1 };
            (1..=max).rev().find(|&n| known(i, n))
        };
        match longest {
            Some(n) => {
                out[i] = b'B';
                out[i + 1..i + n].fill(b'I');
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn flag(f: &mut Vec<u64>, template: u8, on: bool) {
    if on {
        f.push(mix(template, &[]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &[&str]) -> Vec<String> {
        t.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Poetin"), "Xx");
        assert_eq!(shape("NAVO"), "X");
        assert_eq!(shape("D66"), "Xd");
        assert_eq!(shape("1.000"), "d.d");
    }

    #[test]
    fn same_context_gives_same_features_and_different_words_differ() {
        let facts = ArticleFacts::default();
        let a = sentence_features(&s(&["president", "Poetin", "zei"]), &facts);
        let b = sentence_features(&s(&["president", "Poetin", "zei"]), &facts);
        let c = sentence_features(&s(&["president", "Trump", "zei"]), &facts);
        assert_eq!(a, b);
        assert_ne!(a[1], c[1]);
        assert!(a[1].contains(&mix(35, &[])), "role cue before");
    }

    #[test]
    fn known_names_are_marked_longest_first() {
        let view = SentenceView::new(&s(&["in", "Den", "Haag", "en", "de", "Tweede", "Kamer"]));
        assert_eq!(view.places, [0, b'B', b'I', 0, 0, 0, 0]);
        assert_eq!(view.orgs, [0, 0, 0, 0, 0, b'B', b'I']);
    }

    #[test]
    fn a_capital_after_an_organisation_opener_is_marked() {
        let after_opener = |tokens: &[&str], i: usize| {
            let view = SentenceView::new(&s(tokens));
            let mut f = Vec::new();
            view.context_flags(&mut f, i);
            f.contains(&mix(63, &[]))
        };
        assert!(after_opener(&["bij", "Radio", "Donna", "werkt", "hij"], 2));
        assert!(after_opener(&["de", "uitgeverij", "Querido", "meldt"], 2));
        assert!(after_opener(&["het", "ministerie", "van", "Financiën"], 3));
        assert!(!after_opener(&["de", "Radio", "speelt"], 2), "no capital after it");
        assert!(!after_opener(&["met", "Jan", "Peeters", "erbij"], 2));
    }

    #[test]
    fn windows_cover_capitals_short_gaps_and_one_word_before() {
        let tokens = s(&[
            "Poetin", "sprak", "gisteren", "lang", "met", "de", "Chinese", "leider", "Xi", ".",
        ]);
        assert_eq!(SentenceView::new(&tokens).windows(), [0..1, 5..9]);
        let tokens = s(&["het", "ministerie", "van", "Buitenlandse", "Zaken", "zweeg", "."]);
        assert_eq!(
            SentenceView::new(&tokens).windows(),
            vec![std::ops::Range { start: 2, end: 5 }]
        );
        assert!(SentenceView::new(&s(&["er", "viel", "regen", "."])).windows().is_empty());
    }
}
