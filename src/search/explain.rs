//! `search --explain`: which words of the index each query word matched.
//!
//! Owns turning a query's [`Expansion`]s into something an analyst can
//! check: per query word, the surface forms in the index that share its
//! stem (`aanslag → aanslag 3, aanslagen 2`), the compounds it matched as a
//! part (`kamp → vluchtelingenkamp 2 (part)`), the other spellings it matched
//! by name key or alias (`Putin → Poetin 5`), and stop words left out.
//! Counts are the number of stories whose text contains the form. Parts
//! are found by running the decompounder over the dictionary with the
//! dictionary's own counts, as an incremental build does.
//!
//! It reads the exact-word term dictionary once, so it costs a scan of
//! the dictionary: fine for one query, not for the hot path.

use std::collections::HashMap;

use serde::Serialize;

use super::compile::Expansion;
use crate::analysis::{Decompounder, name_key};
use crate::index::NewsIndex;
use crate::index::is_place;

/// Forms listed per kind of match.
const MAX_FORMS: usize = 12;

/// One form of the index with the number of stories that contain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormCount {
    /// The word as indexed (lowercase, folded).
    pub form: String,
    /// Stories containing it.
    pub stories: u64,
}

/// What one query word matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermExplanation {
    /// The word or phrase as typed.
    pub input: String,
    /// Left out of the query as a stop word.
    pub dropped: bool,
    /// Part of a negation.
    pub negated: bool,
    /// Stems searched.
    pub stems: Vec<String>,
    /// Words sharing a stem (or, for a prefix or phrase, the exact words).
    pub forms: Vec<FormCount>,
    /// Compounds matched through the parts field.
    pub parts: Vec<FormCount>,
    /// Other spellings matched by name key or alias.
    pub spellings: Vec<FormCount>,
    /// Alias spellings searched.
    pub aliases: Vec<String>,
    /// A side of this proximity operator (`W/5`, `W/S`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near: Option<String>,
}

/// Explains every expansion of a query against `index`.
///
/// # Errors
/// The term dictionary cannot be read.
pub fn explain(
    index: &NewsIndex,
    expansions: &[Expansion],
) -> tantivy::Result<Vec<TermExplanation>> {
    let words = exact_words(index)?;
    let decompounder = Decompounder;
    Ok(expansions.iter().map(|e| explain_one(index, e, &words, &decompounder)).collect())
}

/// Every word (as written) of the body with its document frequency.
fn exact_words(index: &NewsIndex) -> tantivy::Result<HashMap<String, u64>> {
    let mut words: HashMap<String, u64> = HashMap::new();
    for segment in index.searcher().segment_readers() {
        let inverted = segment.inverted_index(index.fields().body)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            if let Ok(word) = std::str::from_utf8(stream.key())
                && !word.starts_with(char::is_control)
            {
                *words.entry(word.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(words)
}

fn explain_one(
    index: &NewsIndex,
    e: &Expansion,
    words: &HashMap<String, u64>,
    decompounder: &Decompounder,
) -> TermExplanation {
    let mut out = TermExplanation {
        input: e.input.clone(),
        dropped: e.dropped,
        negated: e.negated,
        stems: e.stems.clone(),
        forms: Vec::new(),
        parts: Vec::new(),
        spellings: Vec::new(),
        aliases: e.aliases.clone(),
        near: e.near.map(|op| op.to_string()),
    };
    if e.dropped {
        return out;
    }
    let stemmer = index.config().stemmer;
    let word = e.exact.first().cloned().unwrap_or_default();
    let keys = &e.name_keys;
    for (form, &stories) in words {
        let entry = || FormCount { form: form.clone(), stories };
        if let Some(prefix) = &e.prefix {
            if form.starts_with(prefix.as_str()) {
                out.forms.push(entry());
            }
        } else if e.phrase || e.stems.is_empty() {
            if e.exact.contains(form) {
                out.forms.push(entry());
            }
        } else if may_share_stem(form, &e.stems)
            && stemmer.stems(form).iter().any(|s| e.stems.contains(s))
        {
            out.forms.push(entry());
        }
        if e.parts && form.len() > word.len() && has_part(decompounder, form, &e.stems, stemmer) {
            out.parts.push(entry());
        }
        if !keys.is_empty()
            && *form != word
            && form.len().abs_diff(word.len()) <= 4
            && keys.contains(&name_key(form))
        {
            out.spellings.push(entry());
        }
    }
    for list in [&mut out.forms, &mut out.parts, &mut out.spellings] {
        list.sort_by(|a, b| b.stories.cmp(&a.stories).then_with(|| a.form.cmp(&b.form)));
        list.truncate(MAX_FORMS);
    }
    out
}

/// Whether the decompounder splits `form` into a part with one of `stems`.
fn has_part(
    decompounder: &Decompounder,
    form: &str,
    stems: &[String],
    stemmer: crate::analysis::Stemmer,
) -> bool {
    decompounder.split(form, &is_place).is_some_and(|parts| {
        parts.iter().any(|p| stemmer.stems(p).iter().any(|s| stems.contains(s)))
    })
}

/// Cheap test before stemming a dictionary word: it starts like a stem,
/// or like a stem with `ge-` in front (`gewerkt` → `werk`).
fn may_share_stem(form: &str, stems: &[String]) -> bool {
    stems.iter().any(|s| {
        let head: String = s.chars().take(2).collect();
        form.starts_with(&head)
            || form.strip_prefix("ge").is_some_and(|rest| rest.starts_with(&head))
    })
}
