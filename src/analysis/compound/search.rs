//! The split search: how good a listed word is as a modifier or head
//! ([`part_weight`]), and the best way to write a word as parts joined by
//! linkers ([`best_split`], a dynamic program over the word's spans).
//!
//! Owns the weights and the linkers; what a word is (a prefix, a
//! derivation) is [`super::words`]'s, whether a word splits at all is the
//! parent's.

use rustc_hash::FxHashMap;

use super::words::{is_bound, is_gradable, is_suffix_head};
use crate::analysis::inflection::{self, is_strong_past, is_verb_form, listed, with_vowel_ending};
use crate::analysis::lexicon::{self, LOWER, PLURAL};
use crate::analysis::stopwords::is_stopword;

/// Byte range of a part within the word being split.
pub(super) type Span = (usize, usize);

/// Linking morphemes between modifier and head; none first, so that on a
/// tie the modifier keeps its written form (`vluchtelingen+kamp`).
const LINKERS: &[&str] = &["", "en", "s", "e", "er"];

/// Heads that make derivations, not compounds: `bestuurskundig`,
/// `kloekzinnig`, `eerbiedwaardig`, `collageachtig`. Their inflected forms
/// (`-e`, `-er`, `-heid`) are recognised by prefix.
const SUFFIXOIDS: &[&str] = &[
    "achtig", "kundig", "zinnig", "waardig", "vaardig", "matig", "gezind", "wezen", "kleurig",
    "vormig", "talig", "jarig", "dagig", "delig", "hoekig", "ogig", "koppig", "harig", "benig",
    "zijdig", "voudig", "lijnig", "ledig", "ziek", "bewust", "gericht", "vrij", "rijk", "arm",
    "loos", "vol", "baar", "zaam", "schap", "dom", "heid", "isme", "iteit", "aardig", "gewijs",
    "loze", "wording", "tijdig", "zalig", "daags", "moedig", "zuchtig", "hartig",
];

/// Three-letter words allowed as parts (`gas+prijs`, `zee+spiegel`,
/// `grond+wet`) besides those in common use ([`SHORT_PART_ZIPF`]); other
/// three-letter words are too often accidents (`pol+lepel`, `pastor+aat`).
pub(super) const SHORT_PARTS: &[&str] = &[
    "gas", "zee", "wet", "bos", "lid", "hof", "ijs", "oog", "kop", "weg", "dag", "bal", "dak",
    "dam", "dek", "eed", "kas", "kat", "lam", "les", "lot", "mes", "net", "pad", "pak", "pen",
    "pot", "rol", "tol", "vat", "vis", "wal", "wol", "zon", "bus", "vee", "tas", "tax", "oom",
    "top", "uur", "vak", "eis", "jaar", "kind", "olie", "auto",
];

/// Three-letter words in common use that are no content words, so no
/// parts: prepositions, pronouns, interjections and English function words
/// the stop word list leaves out (`stripper` is no `strip+per`).
const NOT_CONTENT: &[&str] = &[
    "per", "pro", "qua", "via", "jij", "jou", "wij", "hen", "elk", "ene", "nee", "nou", "hoi",
    "ach", "wel", "the", "all", "day", "new", "not", "out", "war", "den", "des", "ten", "xxx",
    "lol",
];

/// A three-letter word used at least this often in running text (Zipf:
/// 4.5 is 32 uses in a million words, `man`, `pan`, `zak`) may be a part;
/// 3.5, 4.0, 4.5 and 5.0 were tried on the development lists, 4.5 split
/// more words right than the short list alone at no loss of precision.
const SHORT_PART_ZIPF: f64 = 4.5;

/// How many of a three-letter modifier's listed compounds count as one
/// when choosing between splits ([`Weights::Choose`]): a three-letter word
/// begins many listed words by accident (`lam+pion`, `bar+rel`). On the
/// frequency list 1 and 2 took more wrong three-letter parts
/// (`trom+bos+dienst`, `desk+top+omgeving`); 8 lost as many right ones as
/// it saved (`bal+sport`, `zaad+bal+kanker`; EVALUATION.md).
pub(super) const SHORT_MODIFIER_DISCOUNT: u16 = 4;

/// Most parts in one compound.
pub(super) const MAX_PARTS: usize = 4;

/// Longest part, in bytes (`samenwerkingsorganisatie` is 24).
const MAX_PART: usize = 24;

/// Where a part stands in its compound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Before the head.
    Modifier,
    /// The last part.
    Head,
}

/// Which evidence [`part_weight`] weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weights {
    /// Whether a word splits: a three-letter modifier counts as no
    /// productive one.
    Decide,
    /// Where a word that splits does: a three-letter modifier counts by
    /// the listed compounds it makes (`zee+monding`, not `zeem+onding`).
    Choose,
}

/// How good a compound part `part` is in `role`: 0 for no part at all,
/// else growing with how many listed compounds it heads or modifies, which
/// must be at least `attested`. `place_ok`: the part may be a place name
/// (the first part of a place).
pub(super) fn part_weight(
    part: &str,
    entry: lexicon::Entry,
    role: Role,
    place_ok: bool,
    attested: u16,
    weights: Weights,
) -> f64 {
    let len = part.chars().count();
    if len < 3 || is_bound(part) || (len <= 7 && is_stopword(part)) {
        return 0.0;
    }
    // Three letters are too often an accident (`inblik+ten`, `pre+mier`):
    // only a short list.
    if len == 3
        && (NOT_CONTENT.contains(&part)
            || !SHORT_PARTS.contains(&part) && entry.frequency() < SHORT_PART_ZIPF)
    {
        return 0.0;
    }
    if !entry.is(LOWER) && !place_ok {
        return 0.0;
    }
    // Long parts are rarely accidents; a four-letter one must make other
    // listed compounds in the same role (`pres+veer`, `vers+tappen` do not
    // pass: `pres`, `vers` are verb forms that begin many words).
    let free = len != 4 || place_ok;
    match role {
        Role::Modifier if is_superlative(part) => 0.0,
        Role::Modifier if len == 3 => match weights {
            Weights::Decide => productivity(0),
            Weights::Choose => productivity(entry.modifiers / SHORT_MODIFIER_DISCOUNT),
        },
        Role::Modifier if free || entry.modifiers >= attested => productivity(entry.modifiers),
        Role::Head if free || entry.heads >= attested => {
            // A head that is a noun by its listed plural is taken for a
            // noun even when it could be a verb form too (`test`, `post`).
            if SUFFIXOIDS.iter().any(|s| part.starts_with(s))
                || ends_in_suffixoid(part)
                || (!entry.is(PLURAL) && is_verb_form(part))
                || is_strong_past(part)
            {
                return 0.0;
            }
            productivity(entry.heads)
        }
        _ => 0.0,
    }
}

/// A superlative (`volst` of `vol`, `hoogst` of `hoog`: the comparative
/// and the inflected form are listed, `voller` and `volle`, `hoger` and
/// `hoge`; `benedenst` of the bound `beneden`), which modifies no compound
/// (`volstrekt` is no `volst+rekt`, `benedenstrooms` no
/// `benedenst+rooms`).
fn is_superlative(part: &str) -> bool {
    part.strip_suffix("st").is_some_and(|stem| is_bound(stem) || listed(stem) && is_gradable(stem))
}

/// A head that is itself a derivation with a suffix-like element
/// (`heelkundigen`, `eerbiedwaardige`): the whole word is a derivation
/// (`tandheelkundigen`), not a compound. A prefix before it makes a verb's
/// noun (`be+hartig+er`: `belangen+behartiger` is a compound).
fn ends_in_suffixoid(part: &str) -> bool {
    let bare = ["heden", "heid", "en", "er", "e"]
        .iter()
        .find_map(|end| part.strip_suffix(end))
        .unwrap_or(part);
    SUFFIXOIDS.iter().filter(|s| s.len() >= 5 && s.ends_with("ig")).any(|s| {
        let after_a_stem =
            |w: &str| w.strip_suffix(s).is_some_and(|b| !b.is_empty() && !is_bound(b));
        after_a_stem(bare) || after_a_stem(part)
    })
}

/// A weight that grows with how many listed compounds a word makes, but
/// slowly: a part of a thousand compounds is not a thousand times the
/// evidence of a part of one.
pub(super) fn productivity(compounds: u16) -> f64 {
    1.0 + f64::from(compounds).ln_1p()
}

/// The best way to write `word` as 2–[`MAX_PARTS`] parts joined by linkers,
/// as the spans of those parts. Parts are listed words;
/// `weight(part, entry, role, is_first)` gives 0 for what cannot be a part
/// there.
///
/// Left to right over the positions where a part can start (0, and after a
/// possible modifier and a linker), keeping `best[k][end]`: the best
/// product of modifier weights, with its spans, over splits of
/// `word[..end]` into `k + 1` modifiers. The head closes a split at the
/// word's end. Only reachable starts are tried, so most non-compounds cost
/// a few lookups.
pub(super) fn best_split(
    word: &str,
    weight: impl Fn(&str, lexicon::Entry, Role, bool) -> f64,
) -> Option<(f64, Vec<Span>)> {
    type Best = FxHashMap<usize, (f64, Vec<Span>)>;
    let bounds: Vec<usize> =
        word.char_indices().map(|(i, _)| i).chain(std::iter::once(word.len())).collect();
    let mut best: Vec<Best> = vec![Best::default(); MAX_PARTS];
    let mut finished: Vec<(f64, Vec<Span>)> = Vec::new();
    let mut starts = vec![false; word.len() + 1];
    starts[0] = true;
    let spelled = |from: usize, to: usize| {
        let part = &word[from..to];
        lexicon::lookup(part).is_some_and(|e| weight(part, e, Role::Modifier, from == 0) > 0.0)
    };
    for &from in &bounds {
        if !starts[from] {
            continue;
        }
        for (length, entry) in lexicon::prefixes(&word[from..]) {
            let to = from + length;
            if length > MAX_PART {
                break;
            }
            let part = &word[from..to];
            if to == word.len() {
                if from > 0 && !is_suffix_head(word, from) {
                    let w = weight(part, entry, Role::Head, false);
                    if w > 0.0 {
                        // A linker is not taken from a head that is a word
                        // with it, used at least as often: `water+stand`,
                        // not `water+s+tand`, but `krijg+s+macht`, not
                        // `krijg+smacht`.
                        let absorbs = |l: &str| {
                            let head = &word[from - l.len()..to];
                            lexicon::lookup(head).is_some_and(|e| {
                                e.zipf.saturating_add(20) >= entry.zipf
                                    && weight(head, e, Role::Head, false) > 0.0
                            })
                        };
                        finished.extend(close(&best, word, (from, to), w, &absorbs, &spelled));
                    }
                }
                continue;
            }
            let w = weight(part, entry, Role::Modifier, from == 0);
            if w > 0.0 && extend(&mut best, word, (from, to), w, &spelled) {
                for linker in LINKERS.iter().filter(|l| word[to..].starts_with(*l)) {
                    starts[to + linker.len()] = true;
                }
            }
        }
    }
    finished.into_iter().max_by(|a, b| a.0.total_cmp(&b.0))
}

/// The modifier chains before `from` (after a linker) that `word[from..to]`
/// can finish as the head, each with its score. `absorbs(linker)`: the
/// head with the linker before it is a head too, so that linker is not one.
fn close(
    best: &[FxHashMap<usize, (f64, Vec<Span>)>],
    word: &str,
    (from, to): Span,
    head: f64,
    absorbs: &dyn Fn(&str) -> bool,
    spelled: &dyn Fn(usize, usize) -> bool,
) -> Vec<(f64, Vec<Span>)> {
    let mut out = Vec::new();
    for (k, chains) in best.iter().enumerate().take(MAX_PARTS - 1) {
        let previous = LINKERS
            .iter()
            .filter(|l| from >= l.len() && word[..from].ends_with(*l))
            .filter(|l| l.is_empty() || !absorbs(l))
            .filter_map(|l| chains.get(&(from - l.len())))
            .filter(|(_, spans)| !linker_spells_a_word(word, spans, from, spelled))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((product, spans)) = previous {
            let mut spans = spans.clone();
            spans.push((from, to));
            out.push((score(product * head, k + 2), spans));
        }
    }
    out
}

/// Records `word[from..to]` as a possible next modifier; returns whether
/// any chain of modifiers now ends at `to`.
fn extend(
    best: &mut [FxHashMap<usize, (f64, Vec<Span>)>],
    word: &str,
    (from, to): Span,
    f: f64,
    spelled: &dyn Fn(usize, usize) -> bool,
) -> bool {
    if from == 0 {
        best[0].insert(to, (f, vec![(0, to)]));
        return true;
    }
    let mut any = false;
    for k in 1..MAX_PARTS - 1 {
        let previous = LINKERS
            .iter()
            .filter(|l| from >= l.len() && word[..from].ends_with(*l))
            .filter_map(|l| best[k - 1].get(&(from - l.len())))
            .filter(|(_, spans)| !linker_spells_a_word(word, spans, from, spelled))
            // The first best on a tie: no linker before `en`, so the
            // modifier keeps its written form.
            .min_by(|a, b| b.0.total_cmp(&a.0))
            .map(|(product, spans)| {
                let mut spans = spans.clone();
                spans.push((from, to));
                (product * f, spans)
            });
        if let Some(candidate) = previous {
            any = true;
            let slot = best[k].entry(to).or_insert_with(|| (f64::MIN, Vec::new()));
            if candidate.0 > slot.0 {
                *slot = candidate;
            }
        }
    }
    any
}

/// Whether the last modifier of `spans` and the linker after it, up to
/// `from`, spell a prefix or particle: `buiten` is no `buit+en`, `achter`
/// no `acht+er` (`buitendeur`, `achterdak` are prefix words).
fn spells_a_bound_form(word: &str, spans: &[Span], from: usize) -> bool {
    spans.last().is_some_and(|&(start, end)| end < from && is_bound(&word[start..from]))
}

/// Whether the last modifier of `spans` and the linker after it, up to
/// `from`, spell a prefix or particle ([`spells_a_bound_form`]) or, the
/// linker not being `s`, a word that is a modifier itself
/// (`spelled(start, from)`): `koper+verbindingen`, not
/// `kop+er+verbindingen`; `baker+rijm`, not `bak+er+rijm`.
fn linker_spells_a_word(
    word: &str,
    spans: &[Span],
    from: usize,
    spelled: &dyn Fn(usize, usize) -> bool,
) -> bool {
    spells_a_bound_form(word, spans, from)
        || spans.last().is_some_and(|&(start, end)| {
            end < from
                && &word[end..from] != "s"
                && spelled(start, from)
                && !is_inflected_form(&word[start..end], &word[end..from])
        })
}

/// Whether `modifier` with `ending` is its own plural or inflected form
/// (`klant+en`, `lang+e`), not another word (`koper` of `kop`, `flexie` of
/// `flexi`: only an adjective, with a comparative, takes an `-e`).
fn is_inflected_form(modifier: &str, ending: &str) -> bool {
    inflection::base(&format!("{modifier}{ending}")).is_some_and(|b| b == modifier)
        && (ending != "e" || with_vowel_ending(modifier, "er").is_some())
}

/// Geometric mean of the part weights, times 0.8 per part beyond two (0.5
/// and 1.0 did worse on the development set).
fn score(product: f64, parts: usize) -> f64 {
    product.powf(1.0 / parts as f64) * 0.8f64.powi(parts as i32 - 2)
}
