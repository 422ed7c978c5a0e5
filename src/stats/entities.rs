//! `newsidx entities`: who and what the matches are about.
//!
//! Owns listing the person, location and organisation facet values of the
//! matches with their document counts and the other spellings that lead
//! to them: the alias groups (`Putin` for `Poetin`) and the curated
//! organisation names (`OM` for `Openbaar Ministerie`).

use serde::Serialize;

use super::facet_counts;
use crate::Result;
use crate::entities::organization_variants;
use crate::index::NewsIndex;
use crate::search::{Facet, Selection};

/// One entity of the matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// `person`, `location` or `organization`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The canonical name (the facet value).
    pub name: String,
    /// Matching stories that name it.
    pub documents: u64,
    /// Other spellings that mean it.
    pub aliases: Vec<String>,
}

/// The entity facets.
pub const ENTITY_FACETS: [Facet; 3] = [Facet::Person, Facet::Location, Facet::Organization];

/// The `top` entities of each of `kinds` over the matches, by document
/// count (ties by name).
///
/// # Errors
/// The index cannot be read.
pub fn entities(
    index: &NewsIndex,
    selection: &Selection,
    kinds: &[Facet],
    top: usize,
    dedupe: bool,
) -> Result<(u64, Vec<EntityCount>)> {
    let counts = facet_counts(index, selection, kinds, top, dedupe)?;
    let mut out = Vec::new();
    for (kind, values) in counts.facets {
        for value in values {
            let aliases = aliases(index, &value.value);
            out.push(EntityCount { kind, name: value.value, documents: value.count, aliases });
        }
    }
    Ok((counts.stories, out))
}

/// Spellings that lead to `name`: its alias group, the alias groups of its
/// words (`Vladimir Putin`), and curated organisation variants.
fn aliases(index: &NewsIndex, name: &str) -> Vec<String> {
    let groups = index.aliases();
    let mut out: Vec<String> = groups.others(name).into_iter().map(String::from).collect();
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > 1 {
        for (i, word) in words.iter().enumerate() {
            for other in groups.others(word) {
                let mut spelled = words.clone();
                spelled[i] = other;
                out.push(spelled.join(" "));
            }
        }
    }
    out.extend(organization_variants(name).into_iter().map(String::from));
    out.sort();
    out.dedup();
    out.retain(|a| a != name);
    out
}
