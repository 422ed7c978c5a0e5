//! Features of a token in its sentence and article, as hashed ids.
//!
//! Owns the feature templates (raw text only, no part-of-speech): the
//! word and its neighbours, shapes, affixes, capitals at and away from a
//! sentence start, role cues (`president`, `minister van …`), name
//! particles, gazetteer membership (places, first names, surnames,
//! organisations), how the word is written elsewhere in the article, and,
//! in the second pass, how the first pass tagged the same word elsewhere
//! in the article. Each feature is a 64-bit hash of its template number and
//! value; no feature string is ever formatted.

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::tags::Kind;
use crate::entities::gazetteer::{Gazetteer, gazetteer};
use crate::entities::organizations;
use crate::entities::persons::is_role_cue;
use crate::entities::words::PARTICLES;

/// What the article says about its words, for document features.
#[derive(Debug, Default)]
pub struct ArticleFacts {
    /// Lowercased words written in lowercase somewhere in the article.
    lowercase: HashSet<String>,
    /// Words written with a capital away from a sentence start.
    capital_inside: HashSet<String>,
    /// Kinds the first pass gave each word (second pass only).
    pub tagged: HashMap<String, Vec<Kind>>,
}

impl ArticleFacts {
    /// Facts of an article given as sentences of tokens.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a [String]>) -> ArticleFacts {
        let mut facts = ArticleFacts::default();
        for tokens in sentences {
            for (i, token) in tokens.iter().enumerate() {
                if token.starts_with(char::is_lowercase) {
                    facts.lowercase.insert(token.to_string());
                } else if token.starts_with(char::is_uppercase) && !sentence_start(tokens, i) {
                    facts.capital_inside.insert(token.to_lowercase());
                }
            }
        }
        facts
    }
}

fn sentence_start(tokens: &[String], i: usize) -> bool {
    i == 0
        || matches!(
            tokens[i - 1].as_str(),
            "." | "!" | "?" | ":" | "\"" | "'" | "(" | "-" | "–" | "«" | "„" | "“"
        )
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

fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Features of every token of a sentence.
pub fn sentence_features(tokens: &[String], facts: &ArticleFacts) -> Vec<Vec<u64>> {
    let g = gazetteer();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let shapes: Vec<String> = tokens.iter().map(|t| shape(t)).collect();
    let places = place_tags(tokens, g);
    (0..tokens.len())
        .map(|i| token_features(tokens, &lower, &shapes, &places, i, facts, g))
        .collect()
}

/// `B`/`I` marks for tokens inside a known place name of up to four words.
fn place_tags(tokens: &[String], g: &Gazetteer) -> Vec<u8> {
    let mut out = vec![0u8; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let longest = (1..=4.min(tokens.len() - i)).rev().find(|&n| {
            is_capitalised(&tokens[i]) && g.place(&tokens[i..i + n].join(" ")).is_some()
        });
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

fn token_features(
    tokens: &[String],
    lower: &[String],
    shapes: &[String],
    places: &[u8],
    i: usize,
    facts: &ArticleFacts,
    g: &Gazetteer,
) -> Vec<u64> {
    let word = tokens[i].as_str();
    let low = lower[i].as_str();
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= tokens.len() {
            if j < 0 { "<s>" } else { "</s>" }
        } else {
            lower[j as usize].as_str()
        }
    };
    let shape_at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= tokens.len() { "_" } else { shapes[j as usize].as_str() }
    };
    let mut f = Vec::with_capacity(48);
    f.push(hash(0, &[]));
    f.push(hash(1, &[low]));
    for (t, k) in [(2, -1), (3, 1), (4, -2), (5, 2), (6, -3), (7, 3)] {
        f.push(hash(t, &[at(k)]));
    }
    f.push(hash(8, &[shape_at(0)]));
    f.push(hash(9, &[shape_at(-1)]));
    f.push(hash(10, &[shape_at(1)]));
    f.push(hash(11, &[shape_at(-1), shape_at(0), shape_at(1)]));
    f.push(hash(12, &[at(-1), low]));
    f.push(hash(13, &[low, at(1)]));
    let chars: Vec<char> = low.chars().collect();
    for n in 1..=4.min(chars.len()) {
        let prefix: String = chars[..n].iter().collect();
        let suffix: String = chars[chars.len() - n..].iter().collect();
        f.push(hash(14 + n as u8, &[&prefix]));
        f.push(hash(20 + n as u8, &[&suffix]));
    }
    let capital = is_capitalised(word);
    let start = sentence_start(tokens, i);
    f.push(hash(30, &[if capital { "C" } else { "c" }, if start { "S" } else { "s" }]));
    flag(
        &mut f,
        31,
        word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            && word.chars().any(char::is_alphabetic),
    );
    flag(&mut f, 32, word.contains('-'));
    flag(&mut f, 33, word.contains('\''));
    flag(&mut f, 34, word.chars().any(|c| c.is_ascii_digit()));
    role_features(&mut f, tokens, i);
    flag(
        &mut f,
        37,
        PARTICLES.contains(&low) && i + 1 < tokens.len() && is_capitalised(&tokens[i + 1]),
    );
    gazetteer_features(&mut f, tokens, places, i, g);
    if capital {
        flag(&mut f, 45, facts.lowercase.contains(low));
        flag(&mut f, 46, facts.capital_inside.contains(low));
    }
    match facts.tagged.get(low).map(Vec::as_slice) {
        Some([only]) => f.push(hash(47, &[only.name(), if capital { "C" } else { "c" }])),
        Some(kinds) => {
            for kind in kinds {
                f.push(hash(51, &[kind.name()]));
            }
        }
        None => {}
    }
    f
}

fn flag(f: &mut Vec<u64>, template: u8, on: bool) {
    if on {
        f.push(hash(template, &[]));
    }
}

/// A role cue right before, or within three tokens with only capitalised
/// words and particles between (`minister van Defensie Pete Hegseth`).
fn role_features(f: &mut Vec<u64>, tokens: &[String], i: usize) {
    flag(f, 35, i > 0 && is_role_cue(&tokens[i - 1]));
    let near = (1..=3).filter(|&k| k <= i).any(|k| {
        is_role_cue(&tokens[i - k])
            && tokens[i - k + 1..i]
                .iter()
                .all(|t| is_capitalised(t) || PARTICLES.contains(&t.as_str()) || t == "van")
    });
    flag(f, 36, near);
    flag(f, 38, is_role_cue(&tokens[i]));
}

fn gazetteer_features(f: &mut Vec<u64>, tokens: &[String], places: &[u8], i: usize, g: &Gazetteer) {
    let word = tokens[i].as_str();
    flag(f, 53, is_capitalised(word) && organizations::is_head(word));
    flag(
        f,
        54,
        i + 1 < tokens.len()
            && is_capitalised(&tokens[i + 1])
            && organizations::is_head(&tokens[i + 1]),
    );
    flag(f, 55, i > 0 && organizations::is_cue(&tokens[i - 1]));
    let org_span = (1..=4.min(tokens.len() - i))
        .any(|n| g.organization(&tokens[i..i + n].join(" ")).is_some());
    flag(f, 56, org_span);
    let inside_org = (1..=3.min(i)).any(|back| {
        (back + 1..=4.min(tokens.len() - i + back))
            .any(|n| g.organization(&tokens[i - back..i - back + n].join(" ")).is_some())
    });
    flag(f, 57, inside_org);
    let word = tokens[i].as_str();
    if places[i] != 0 {
        f.push(hash(39, &[if places[i] == b'B' { "B" } else { "I" }]));
    }
    flag(f, 40, is_capitalised(word) && g.is_given_name(word));
    flag(f, 41, is_capitalised(word) && g.is_surname(word));
    flag(f, 42, g.organization(word).is_some());
    flag(f, 43, i > 0 && is_capitalised(&tokens[i - 1]) && g.is_given_name(&tokens[i - 1]));
    flag(f, 44, i + 1 < tokens.len() && places.get(i + 1) == Some(&b'B'));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Poetin"), "Xx");
        assert_eq!(shape("NAVO"), "X");
        assert_eq!(shape("D66"), "Xd");
        assert_eq!(shape("1.000"), "d.d");
    }

    #[test]
    fn same_context_gives_same_features_and_different_words_differ() {
        let s = |t: &[&str]| t.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let facts = ArticleFacts::default();
        let a = sentence_features(&s(&["president", "Poetin", "zei"]), &facts);
        let b = sentence_features(&s(&["president", "Poetin", "zei"]), &facts);
        let c = sentence_features(&s(&["president", "Trump", "zei"]), &facts);
        assert_eq!(a, b);
        assert_ne!(a[1], c[1]);
        assert!(a[1].contains(&hash(35, &[])), "role cue before");
    }
}
