//! Rules applied to the tags after both passes, where the gazetteer or the
//! rest of the article knows better than the model: country abbreviations
//! of sports results are places and the names before them persons;
//! countries abbreviated in capitals (`VS`) are places; an organisation
//! found inside a curated name is that whole name; a surname alone is the
//! person the article names in full, with the particles of the full name
//! (`De Grauwe`); a chess move (`Kh8`) is no name.
//!
//! Each rule was kept for what it did on a development set (`ned.train`)
//! the model never trained on (`EVALUATION.md`). They change tags only,
//! never the model; the extractor's id carries their version
//! (`entities::tagged`).

use super::tags::{self, Kind, Tag};
use crate::entities::gazetteer::{PlaceKind, gazetteer, key, organization};
use crate::entities::words::PARTICLES;

/// Sports results write a rider's or a team's country in brackets as an
/// abbreviation (`Finot ( Fra )`, `Van Aert ( Bel / Visma )`); such a token
/// is a place whatever the model said: the training articles hold no result
/// lists, so the model takes `Fra`, `Ita` for organisations.
pub(super) fn mark_country_codes(tokens: &[String], tags: &mut [Tag]) {
    let g = gazetteer();
    for i in 1..tokens.len().saturating_sub(1) {
        let closed = matches!(tokens[i + 1].as_str(), ")" | "/" | ",");
        if tokens[i - 1] == "(" && closed && g.country_code(&tokens[i]).is_some() {
            tags[i] = Tag::begin(Kind::Loc);
        }
    }
}

/// A chess move in Dutch notation (`Kh8`, `Txd1`, `Pf6+`: a piece, `K`
/// koning, `D` dame, `T` toren, `L` loper, `P` paard, then the square) is no
/// name, though its capital and digit make the model take it for one (on
/// `ned.train` 117 of 186 moves in chess columns). A name the move stood
/// in loses it; a word after it that was inside the name begins one.
pub(super) fn unmark_chess_moves(tokens: &[String], tags: &mut [Tag]) {
    for i in 0..tokens.len() {
        if tags[i] != Tag::O && is_chess_move(&tokens[i]) {
            tags[i] = Tag::O;
            if let Some(kind) = tags.get(i + 1).filter(|t| !t.is_begin()).and_then(|t| t.kind()) {
                tags[i + 1] = Tag::begin(kind);
            }
        }
    }
}

fn is_chess_move(word: &str) -> bool {
    let b = word.as_bytes();
    let b = b.strip_suffix(b"+").or_else(|| b.strip_suffix(b"#")).unwrap_or(b);
    let file = |c: &u8| (b'a'..=b'h').contains(c);
    let rank = |c: &u8| (b'1'..=b'8').contains(c);
    match b {
        [piece, middle @ .., f, r] if b"KDTLP".contains(piece) && file(f) && rank(r) => {
            match middle {
                [] | [b'x'] => true,
                [d] | [d, b'x'] => file(d) || rank(d),
                _ => false,
            }
        }
        _ => false,
    }
}

/// In a results list the name before a bracketed country abbreviation is
/// the athlete's (`Zabel ( Dui )`, `Erik de Jongh ( Ned / Rabobank )`):
/// such a name is a person whatever the model said (on `ned.train` 819 of
/// 820 are), and an untagged one of capitalised words and particles just
/// before the bracket becomes one. Runs after [`mark_country_codes`].
pub(super) fn mark_athletes_before_country_codes(tokens: &[String], tags: &mut [Tag]) {
    let g = gazetteer();
    for i in 1..tokens.len().saturating_sub(2) {
        let code = tokens[i] == "("
            && tags[i + 1] == Tag::begin(Kind::Loc)
            && matches!(tokens[i + 2].as_str(), ")" | "/" | ",")
            && g.country_code(&tokens[i + 1]).is_some();
        if code
            && tokens[i - 1].starts_with(char::is_uppercase)
            && let Some(start) = athlete_start(tokens, tags, i)
        {
            tags[start] = Tag::begin(Kind::Per);
            tags[start + 1..i].fill(Tag::inside(Kind::Per));
        }
    }
}

/// Where the name that ends just before `bracket` starts: the model's span
/// there, or up to four untagged capitalised words and particles.
fn athlete_start(tokens: &[String], tags: &[Tag], bracket: usize) -> Option<usize> {
    let last = bracket - 1;
    if tags[last] != Tag::O {
        return (0..=last).rev().find(|&k| tags[k].is_begin());
    }
    let part_of_name = |k: usize| {
        tags[k] == Tag::O
            && (tokens[k].starts_with(char::is_uppercase)
                || PARTICLES.contains(&tokens[k].as_str()))
    };
    let mut start = last;
    while start > 0 && last - start < 3 && part_of_name(start - 1) {
        start -= 1;
    }
    Some(start)
}

/// A country written as an abbreviation in capitals (`VS`, `VK`, `VAE`,
/// `DRC`) is a place where the model, which meets few of them in its
/// training articles, took it alone for an organisation (`Volgens de VS
/// is …`): our guidelines keep a country LOC when it stands for its
/// government. Curated organisations keep their kind.
pub(super) fn mark_country_abbreviations(tokens: &[String], tags: &mut [Tag]) {
    let g = gazetteer();
    for i in 0..tokens.len() {
        let alone = tags.get(i + 1).is_none_or(|t| *t != Tag::inside(Kind::Org));
        let word = tokens[i].as_str();
        if tags[i] == Tag::begin(Kind::Org)
            && alone
            && word.len() >= 2
            && word.chars().all(|c| c.is_ascii_uppercase())
            && matches!(g.place(word), Some((_, PlaceKind::Country)))
            && organization(word).is_none()
        {
            tags[i] = Tag::begin(Kind::Loc);
        }
    }
}

/// An organisation the model found inside a curated organisation's name of
/// two or more words is that whole name (`De Morgen`, `Radio 1`, not
/// `Morgen`, `Radio`): the curated spelling is the name as written. Only
/// where the model tagged nothing but `O` and that organisation inside it.
pub(super) fn widen_to_curated_organisations(tokens: &[String], tags: &mut [Tag]) {
    let g = gazetteer();
    let mut i = 0;
    while i < tokens.len() {
        let longest = g.max_words.min(tokens.len() - i);
        // Cheap tests first: an organisation within reach, and a word that
        // starts a listed name of two or more words.
        let candidate = tags[i..i + longest].iter().any(|t| t.kind() == Some(Kind::Org))
            && g.starts_longer_name(&key(&tokens[i]));
        let found = candidate.then(|| {
            (2..=longest).rev().find(|&n| {
                let inside = &tags[i..i + n];
                inside.iter().any(|t| t.kind() == Some(Kind::Org))
                    && inside.iter().all(|t| t.kind().is_none_or(|k| k == Kind::Org))
                    && organization(&tokens[i..i + n].join(" ")).is_some()
            })
        });
        match found.flatten() {
            Some(n) => {
                tags[i] = Tag::begin(Kind::Org);
                tags[i + 1..i + n].fill(Tag::inside(Kind::Org));
                i += n;
            }
            None => i += 1,
        }
    }
}

/// A one-word name that is the surname of a person named in full in the
/// same article is that person (`Frank Rijkaard` … `Rijkaard zou`), even
/// where the model took it alone for an organisation or a place: one
/// sense per article (Gale, Church & Yarowsky 1992). Curated organisations
/// and known places keep their kind.
pub(super) fn mark_short_person_mentions(doc: &[Vec<String>], tags: &mut [Vec<Tag>]) {
    let surnames: Vec<&str> = doc
        .iter()
        .zip(tags.iter())
        .flat_map(|(tokens, tags)| {
            tags::spans(tags)
                .into_iter()
                .filter(|s| s.kind == Kind::Per && s.end - s.start >= 2)
                .map(|s| tokens[s.end - 1].as_str())
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let g = gazetteer();
    for (tokens, tags) in doc.iter().zip(tags.iter_mut()) {
        for span in tags::spans(tags) {
            let word = tokens[span.start].as_str();
            if span.kind != Kind::Per
                && span.end - span.start == 1
                && surnames.contains(&word)
                && organization(word).is_none()
                && g.place(word).is_none()
            {
                tags[span.start] = Tag::begin(Kind::Per);
            }
        }
    }
    widen_to_surnames(doc, tags);
}

/// A person found without the particles of the surname the article
/// writes in full is that whole surname (`De Grauwe`, `Van Impe` of `Paul
/// De Grauwe`, `Lucien Van Impe`, where the model found `Grauwe`, `Impe`
/// after an untagged `De`, `Van`).
fn widen_to_surnames(doc: &[Vec<String>], tags: &mut [Vec<Tag>]) {
    let mut surnames: Vec<&[String]> = Vec::new();
    for (tokens, tags) in doc.iter().zip(tags.iter()) {
        for span in tags::spans(tags).into_iter().filter(|s| s.kind == Kind::Per) {
            for from in span.start + 1..span.end.saturating_sub(1) {
                surnames.push(&tokens[from..span.end]);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for (tokens, tags) in doc.iter().zip(tags.iter_mut()) {
        for span in tags::spans(tags).into_iter().filter(|s| s.kind == Kind::Per) {
            let widened = (1..=2).filter(|&k| k <= span.start).find(|&k| {
                let before = span.start - k;
                tags[before..span.start].iter().all(|t| *t == Tag::O)
                    && surnames.contains(&&tokens[before..span.end])
            });
            if let Some(k) = widened {
                let start = span.start - k;
                tags[start] = Tag::begin(Kind::Per);
                tags[start + 1..span.end].fill(Tag::inside(Kind::Per));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(names: &[&str]) -> Vec<Tag> {
        names.iter().map(|n| Tag::parse(n).unwrap()).collect()
    }

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn an_organisation_inside_a_curated_name_is_the_whole_name() {
        let sentence = words("Dat zei Radio 1 en De Morgen");
        let mut tagged = tags(&["O", "O", "B-ORG", "O", "O", "O", "B-MISC"]);
        widen_to_curated_organisations(&sentence, &mut tagged);
        // `De Morgen` holds a MISC: the model's call stands.
        assert_eq!(tagged, tags(&["O", "O", "B-ORG", "I-ORG", "O", "O", "B-MISC"]));
        let mut tagged = tags(&["O", "O", "O", "O", "O", "O", "B-ORG"]);
        widen_to_curated_organisations(&sentence, &mut tagged);
        assert_eq!(tagged, tags(&["O", "O", "O", "O", "O", "B-ORG", "I-ORG"]));
        // An organisation and another kind inside: the model's call stands.
        let paper = words("Het Laatste Nieuws");
        let mut tagged = tags(&["B-ORG", "O", "B-MISC"]);
        widen_to_curated_organisations(&paper, &mut tagged);
        assert_eq!(tagged, tags(&["B-ORG", "O", "B-MISC"]));
    }

    #[test]
    fn chess_moves_are_no_names() {
        for word in ["Kh8", "Txd1", "Pf6+", "Tad8", "Dxe7", "L5c4#"] {
            assert!(is_chess_move(word), "{word}");
        }
        for word in ["Ka", "K8", "Kh9", "Ki8", "Koh8", "A4", "Txxd1", "B52", "PSV"] {
            assert!(!is_chess_move(word), "{word}");
        }
        let sentence = words("na 23. Txd1 Dc5 won Kasparov");
        let mut tagged = tags(&["O", "O", "B-ORG", "I-ORG", "O", "B-PER"]);
        unmark_chess_moves(&sentence, &mut tagged);
        assert_eq!(tagged, tags(&["O", "O", "O", "O", "O", "B-PER"]));
    }

    #[test]
    fn the_name_before_a_bracketed_country_code_is_an_athlete() {
        let sentence = words("1. Zabel ( Dui ) , 2. Erik de Jongh ( Ned / Rabobank ) , 3. Rusland");
        let mut tagged = tags(&[
            "O", "B-LOC", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O",
            "O", "B-LOC",
        ]);
        mark_country_codes(&sentence, &mut tagged);
        mark_athletes_before_country_codes(&sentence, &mut tagged);
        let expected = [
            "O", "B-PER", "O", "B-LOC", "O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC",
            "O", "O", "O", "O", "O", "B-LOC",
        ];
        assert_eq!(tagged, tags(&expected));
        // Brackets that hold no country abbreviation change nothing.
        let sentence = words("Brussel ( Belga )");
        let mut tagged = tags(&["B-LOC", "O", "B-ORG", "O"]);
        mark_athletes_before_country_codes(&sentence, &mut tagged);
        assert_eq!(tagged, tags(&["B-LOC", "O", "B-ORG", "O"]));
    }

    #[test]
    fn a_country_abbreviation_alone_is_a_place() {
        let sentence = words("Volgens de VS en het VK , niet de EU of VS Bank");
        let mut tagged = tags(&[
            "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG",
        ]);
        mark_country_abbreviations(&sentence, &mut tagged);
        // `EU` is no country; `VS Bank` is a longer name: the model's calls stand.
        let expected =
            ["O", "O", "B-LOC", "O", "O", "B-LOC", "O", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG"];
        assert_eq!(tagged, tags(&expected));
    }

    #[test]
    fn a_surname_alone_takes_the_kind_of_the_full_name() {
        let doc = vec![words("Frank Rijkaard en Ajax"), words("Rijkaard won , Ajax ook")];
        let mut tagged =
            vec![tags(&["B-PER", "I-PER", "O", "B-ORG"]), tags(&["B-ORG", "O", "O", "B-ORG", "O"])];
        mark_short_person_mentions(&doc, &mut tagged);
        assert_eq!(tagged[1], tags(&["B-PER", "O", "O", "B-ORG", "O"]));
    }

    #[test]
    fn a_surname_alone_takes_the_particles_of_the_full_name() {
        let doc = vec![words("Paul De Grauwe sprak"), words("De Grauwe : ja"), words("De Grauwe")];
        let mut tagged = vec![
            tags(&["B-PER", "I-PER", "I-PER", "O"]),
            tags(&["O", "B-ORG", "O", "O"]),
            tags(&["B-PER", "I-PER"]),
        ];
        mark_short_person_mentions(&doc, &mut tagged);
        assert_eq!(tagged[1], tags(&["B-PER", "I-PER", "O", "O"]));
        assert_eq!(tagged[2], tags(&["B-PER", "I-PER"]));
    }

    #[test]
    fn curated_organisations_and_known_places_keep_their_kind() {
        // `Ajax` and `Brussel` end a person's name here, but stay what they are.
        let doc = vec![words("Piet Ajax en Jan Brussel"), words("Ajax in Brussel")];
        let mut tagged =
            vec![tags(&["B-PER", "I-PER", "O", "B-PER", "I-PER"]), tags(&["B-ORG", "O", "B-LOC"])];
        mark_short_person_mentions(&doc, &mut tagged);
        assert_eq!(tagged[1], tags(&["B-ORG", "O", "B-LOC"]));
    }
}
