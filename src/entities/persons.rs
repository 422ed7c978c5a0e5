//! Rule-based person names (version 1).
//!
//! A run of capitalised words is a person when
//! - a role cue stands right before it or opens it: `president Vladimir
//!   Poetin`, `Kremlin-functionaris Joeri Oesjakov`, `minister van Defensie
//!   Pete Hegseth` (the `van …` complement is skipped), `tsaar Nicolaas II`;
//! - or it is two or more words and starts with a known first name: `Jared
//!   Kushner`, `Caroline van der Plas`.
//!
//! A short mention takes the full name used elsewhere in the same text:
//! `Poetin` → `Vladimir Poetin`, `Trumps` → `Donald Trump`, `Van der Plas`
//! → `Caroline van der Plas`, and for names with the family name first
//! (found by a cue, not starting with a first name) `Xi` → `Xi Jinping`.
//! Short mentions that resolve to nothing count only after a cue
//! (`president Trump` → `Trump`).

use super::gazetteer::{Gazetteer, key};
use super::words::{PARTICLES, Run, Word};

/// Words that introduce a person (lowercase). A compound ending in one of
/// the longer cues counts too (`partijleider`, `Kremlin-functionaris`).
const ROLE_CUES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "leider",
    "gezant",
    "woordvoerder",
    "woordvoerster",
    "journalist",
    "journaliste",
    "admiraal",
    "generaal",
    "tsaar",
    "bondskanselier",
    "kanselier",
    "koning",
    "koningin",
    "prins",
    "prinses",
    "paus",
    "burgemeester",
    "staatssecretaris",
    "senator",
    "topman",
    "topvrouw",
    "directeur",
    "voorzitter",
    "schoonzoon",
    "advocaat",
    "trainer",
    "coach",
    "aanvoerder",
    "spits",
    "keeper",
    "zanger",
    "zangeres",
    "schrijver",
    "schrijfster",
    "dictator",
    "ambassadeur",
    "opperbevelhebber",
    "rechter",
    "commissaris",
    "lijsttrekker",
    "kamerlid",
    "europarlementariër",
    "hoogleraar",
    "wethouder",
    "functionaris",
    "onderhandelaar",
    "coureur",
    "wielrenner",
    "ceo",
    "topdiplomaat",
    "diplomaat",
    "minister-president",
    "oud-premier",
    "vicepresident",
    "vicepremier",
    "gouverneur",
    "ayatollah",
    "sjeik",
    "kardinaal",
    "bisschop",
    "schaatser",
    "zwemmer",
    "tennisser",
    "voetballer",
    "bondscoach",
    "econoom",
    "onderzoeker",
    "president-directeur",
    "bestuursvoorzitter",
    "oprichter",
    "eigenaar",
    "acteur",
    "actrice",
];

/// Roman numerals that may end a name (`Nicolaas II`, `Willem-Alexander`).
const REGNAL: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// Whether a word is a role cue, alone or as the head of a compound.
pub fn is_role_cue(word: &str) -> bool {
    let lower = word.to_lowercase();
    let head = lower.rsplit('-').next().unwrap_or(&lower);
    ROLE_CUES
        .iter()
        .any(|cue| lower == *cue || head == *cue || (cue.len() >= 6 && lower.ends_with(cue)))
}

/// A person mention: words `first..end` and the name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Word index of the first word of the name.
    pub first: usize,
    /// Word index past the name.
    pub end: usize,
    /// Introduced by a role cue.
    pub cued: bool,
}

/// Finds person mentions in one run, if it is one.
pub fn in_run(run: Run, words: &[Word<'_>], g: &Gazetteer) -> Option<PersonMention> {
    let cue = cue_before(run, words);
    let mut first = run.first;
    let mut cued = cue.is_some();
    while first < run.end && is_role_cue(words[first].text) {
        first += 1;
        cued = true;
    }
    if first >= run.end {
        return None;
    }
    first = match (cue, skip_to_given_name(first, run.end, words, g)) {
        // `president Vladimir Poetin`, `leider Xi Jinping`: the whole run.
        (Some(CueKind::Direct), _) if first == run.first => first,
        // `Volgens Steve Witkoff`, `minister van Defensie Pete Hegseth`.
        (_, Some(given)) => given,
        // `minister van Defensie Hegseth`: the complement is not the name.
        (Some(CueKind::WithComplement), None) if run.end - first >= 2 => run.end - 1,
        (Some(CueKind::WithComplement), None) => return None,
        (_, None) => first,
    };
    if words[first..run.end].iter().any(|w| w.text.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let named = run.end - first >= 2 && is_first_name(words[first].text, g);
    (cued || named).then_some(PersonMention { first, end: run.end, cued })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// `president Poetin`
    Direct,
    /// `minister van Defensie Pete Hegseth`: the run starts with the complement.
    WithComplement,
}

fn cue_before(run: Run, words: &[Word<'_>]) -> Option<CueKind> {
    let first = &words[run.first];
    if run.first == 0 || !first.joined_to_previous {
        return None;
    }
    let prev = words[run.first - 1].text;
    if is_role_cue(prev) {
        return Some(CueKind::Direct);
    }
    let complement =
        matches!(prev, "van" | "voor") && run.first >= 2 && words[run.first - 1].joined_to_previous;
    (complement && is_role_cue(words[run.first - 2].text)).then_some(CueKind::WithComplement)
}

/// Index of the first known first name in `first..end`, if any lies after
/// `first` (skips `Volgens`, `Defensie`, a sentence-initial word…).
fn skip_to_given_name(
    first: usize,
    end: usize,
    words: &[Word<'_>],
    g: &Gazetteer,
) -> Option<usize> {
    (first..end.saturating_sub(1)).find(|&i| is_first_name(words[i].text, g))
}

/// A known first name that is not also a name particle (`Van`, `De`, `El`
/// are in the first-name lists but open surnames far more often).
fn is_first_name(word: &str, g: &Gazetteer) -> bool {
    !PARTICLES.contains(&word.to_lowercase().as_str()) && g.is_given_name(word)
}

/// The name text of a mention, with a trailing regnal number kept.
pub fn name_text<'a>(m: &PersonMention, text: &'a str, words: &[Word<'_>]) -> &'a str {
    &text[words[m.first].start..words[m.end - 1].end]
}

/// Whether a word is a regnal number (`II`).
pub fn is_regnal(word: &str) -> bool {
    REGNAL.contains(&word)
}

/// Full names known in a text, for resolving short mentions.
pub struct FullNames {
    names: Vec<(String, Vec<String>)>,
}

impl FullNames {
    /// Collects the names of two or more words (`Vladimir Poetin`).
    pub fn new(names: impl IntoIterator<Item = (String, bool)>, g: &Gazetteer) -> FullNames {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for (name, _) in names {
            let parts: Vec<&str> = name.split_whitespace().collect();
            if parts.len() < 2 || out.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let mut short = vec![key(&parts[1..].join(" "))];
            short.extend(parts.iter().rev().find(|p| !is_regnal(p)).map(|p| key(p)));
            if !is_first_name(parts[0], g) {
                short.push(key(parts[0]));
            }
            out.push((name, short));
        }
        FullNames { names: out }
    }

    /// The full name a short mention stands for: `Poetin`, `Poetins`,
    /// `Poetin's`, `Van der Plas`.
    pub fn resolve(&self, mention: &str) -> Option<&str> {
        let k = key(mention);
        let bases =
            [k.as_str(), k.strip_suffix("'s").unwrap_or(""), k.strip_suffix('s').unwrap_or("")];
        self.names
            .iter()
            .find(|(_, short)| bases.iter().any(|b| !b.is_empty() && short.iter().any(|s| s == b)))
            .map(|(name, _)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_cues_alone_and_in_compounds() {
        for cue in [
            "president",
            "Premier",
            "Kremlin-functionaris",
            "partijleider",
            "oud-premier",
            "VVD-leider",
        ] {
            assert!(is_role_cue(cue), "{cue}");
        }
        for word in ["Russische", "de", "persbureau", "Leiden"] {
            assert!(!is_role_cue(word), "{word}");
        }
    }
}
