//! Dutch inflected and derived forms, recognised with the lexicon.
//!
//! Owns the small morphology the decompounder needs: whether a word is a
//! conjugated verb ([`is_verb_form`], [`is_verb_stem`]) and which listed
//! word an inflected or derived form comes from ([`base`]: `pollepels` from
//! `pollepel`, `steelpannetje` from `steelpan`, `verrukking` from
//! `verrukken`). Spelling rules: a consonant doubles after a short vowel
//! (`pan` → `pannen`), a long vowel is written single in an open syllable
//! (`daad` → `daden`), `f` and `s` are voiced before a vowel (`leef` →
//! `leven`, `huis` → `huizen`).

use super::lexicon::{self, LOWER, PLURAL};

/// A listed lower-case word.
fn listed(word: &str) -> bool {
    lexicon::lookup(word).is_some_and(|e| e.is(LOWER))
}

/// Diminutive endings, longest first; `-etje` follows a doubled consonant
/// (`flanelletje`, `pannetje`).
const DIMINUTIVES: &[&str] =
    &["etjes", "etje", "tjes", "tje", "pjes", "pje", "kjes", "kje", "jes", "je"];

/// Plural and adjective endings, longest first.
const INFLECTIONS: &[&str] = &["en", "s", "e", "n"];

/// The listed word that `word` is an inflected or derived form of: the
/// word without a diminutive (`steelpannetje` → `steelpan`), the singular of a plural or
/// the bare adjective (`pollepels` → `pollepel`, `pastoraten` →
/// `pastoraat`). `None` when no such listed word exists.
pub fn base(word: &str) -> Option<String> {
    let diminutive = DIMINUTIVES.iter().find_map(|end| {
        let stem = word.strip_suffix(end)?;
        let stem = if end.starts_with('e') { undouble(stem) } else { stem.to_string() };
        listed(&stem).then_some(stem)
    });
    let inflected = || {
        INFLECTIONS.iter().find_map(|end| {
            let stem = word.strip_suffix(end).filter(|s| s.chars().count() >= 3)?;
            respellings(stem).into_iter().find(|w| listed(w))
        })
    };
    diminutive.or_else(inflected).filter(|base| base != word)
}

/// The ways a stem before a vowel ending may be written alone: as it is,
/// with a doubled consonant undone (`pann` → `pan`), with a long vowel
/// written double (`pastorat` → `pastoraat`), with `z`/`v` unvoiced
/// (`huiz` → `huis`).
fn respellings(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let mut out = vec![stem.to_string()];
    if n >= 2 && chars[n - 1] == chars[n - 2] {
        out.push(undouble(stem));
    }
    let vowel = |c: char| "aeou".contains(c);
    if n >= 3 && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !vowel(chars[n - 1]) {
        let mut long: String = chars[..n - 1].iter().collect();
        long.push(chars[n - 2]);
        long.push(chars[n - 1]);
        out.push(long);
    }
    let unvoiced = match chars.last() {
        Some('z') => Some('s'),
        Some('v') => Some('f'),
        _ => None,
    };
    if let Some(u) = unvoiced {
        let more: Vec<String> = out
            .iter()
            .map(|w| {
                let mut w = w.clone();
                w.pop();
                w.push(u);
                w
            })
            .collect();
        out.extend(more);
    }
    out
}

/// A conjugated verb: a past participle (`gemaakt`), a past tense
/// (`barstte`, `adresseerde`), a present participle (`daterende`) or a
/// present tense (`schopt`, `annexeert`) whose infinitive is listed
/// (`schoppen`, `annexeren`) — unless it is the plural of a listed noun
/// (`velden`, `poten`). Verbs are not split (`wegschopt`, `annexeert`) and
/// head no compound.
pub fn is_verb_form(word: &str) -> bool {
    let noun = |w: &str| w.len() >= 3 && lexicon::lookup(w).is_some_and(|e| e.is(LOWER | PLURAL));
    let plural_of_noun = ["en", "s", "n"]
        .iter()
        .any(|end| word.strip_suffix(end).is_some_and(|stem| noun(stem) || noun(&undouble(stem))));
    if plural_of_noun {
        return false;
    }
    if let Some(rest) = word.strip_prefix("ge").filter(|r| r.ends_with('t') || r.ends_with('d'))
        && has_infinitive(&rest[..rest.len() - 1])
    {
        return true;
    }
    ["t", "te", "de", "ten", "den", "end", "ende"]
        .iter()
        .any(|end| word.strip_suffix(end).is_some_and(has_infinitive))
}

/// A bare verb stem (`preserveer`, `ik preserveer`): its infinitive and its
/// `-t` form are listed. The caller rules out nouns (a listed plural).
pub fn is_verb_stem(word: &str) -> bool {
    listed(&format!("{word}t")) && has_infinitive(word)
}

/// Whether the verb stem `stem` (`schop`, `annexeer`, `leef`) has its
/// infinitive in the lexicon.
pub fn has_infinitive(stem: &str) -> bool {
    infinitive(stem).is_some()
}

/// The listed infinitive of the verb stem `stem`: `stem + en`, with a
/// doubled consonant after a short vowel (`schoppen`), one vowel of a long
/// one dropped (`annexeren`), or `f`/`s` voiced (`leven`, `reizen`).
fn infinitive(stem: &str) -> Option<String> {
    if stem.chars().count() < 3 {
        return None;
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let mut forms = vec![format!("{stem}en"), format!("{stem}{}en", chars[n - 1])];
    if n >= 3 && chars[n - 2] == chars[n - 3] {
        let mut short: String = chars[..n - 2].iter().collect();
        short.push(chars[n - 1]);
        forms.push(format!("{short}en"));
    }
    let voiced = match chars[n - 1] {
        'f' => Some('v'),
        's' => Some('z'),
        _ => None,
    };
    if let Some(v) = voiced {
        let base: String = chars[..n - 1].iter().collect();
        forms.push(format!("{base}{v}en"));
    }
    forms.into_iter().find(|f| listed(f))
}

/// `pott` → `pot`: a stem before `-en` may double its last consonant.
fn undouble(stem: &str) -> String {
    let mut chars: Vec<char> = stem.chars().collect();
    if chars.len() >= 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        chars.pop();
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_of_plurals_diminutives_and_respelled_stems() {
        for (word, want) in [
            ("pollepels", "pollepel"),
            ("pastoraten", "pastoraat"),
            ("ziekenhuizen", "ziekenhuis"),
            ("steelpannetje", "steelpan"),
            ("flanelletje", "flanel"),
            ("vluchtelingen", "vluchteling"),
        ] {
            assert_eq!(base(word).as_deref(), Some(want), "{word}");
        }
        assert_eq!(base("kamp"), None, "no ending");
        assert_eq!(base("xqzwven"), None, "no listed base");
    }

    #[test]
    fn verb_forms_and_stems() {
        assert!(is_verb_form("annexeert") && is_verb_form("gemaakt"));
        assert!(!is_verb_form("velden"), "the plural of a listed noun");
        assert!(is_verb_stem("preserveer"));
        assert!(!is_verb_stem("oorlog"), "oorlogt is no listed form");
    }
}
