//! Syndication: the same agency copy on many pages.
//!
//! Owns near-duplicate detection. The same ANP item appears in the `Meer
//! uit` blocks of many pages and days, sometimes with a word changed or a
//! sentence added. Each story gets a MinHash [`Signature`] of its word
//! pairs at build time (32 values of 8 bits, stored in four fast-field words,
//! so reading it costs nanoseconds per story); at query time the
//! signatures of the matching stories are grouped with locality-sensitive
//! hashing ([`BANDS`] bands of [`ROWS`] values) and pairs whose estimated
//! Jaccard similarity reaches [`THRESHOLD`] join one cluster (union-find).
//! Precision and recall of the grouping are measured in
//! `tests/integration/syndication.rs`: word pairs and a threshold of 0.5
//! gave precision 1.000 and recall 0.950 there, word triples 1.000 and
//! 0.925, triples at 0.6 1.000 and 0.858.

use std::collections::HashMap;

/// Values per signature: 32, so that the estimate of a similarity of 0.25
/// (two different stories that share a lead sentence) reaches the threshold
/// about one time in 500, against one in 40 with 16 values.
pub const HASHES: usize = 32;
/// Fast-field words a signature is stored in (8 values each).
pub const WORDS: usize = HASHES / 8;
/// LSH bands; a pair is compared when one band is identical. With 16 bands
/// of 2 values, stories with similarity 0.5 meet in a band with
/// probability 0.99.
pub const BANDS: usize = 16;
/// Values per band.
pub const ROWS: usize = HASHES / BANDS;
/// Share of equal signature values from which two stories are copies.
pub const THRESHOLD: f64 = 0.5;

/// MinHash of a story's word pairs (b-bit MinHash with 8-bit values: two
/// unrelated stories agree on a value by chance one time in 256, far below
/// [`THRESHOLD`]; 16 bytes a story, two fast-field words).
pub type Signature = [u8; HASHES];

/// Fewest word pairs (shingles) a story needs for a signature: 8 pairs,
/// that is 9 words of text after the dateline. Shorter texts say too
/// little to tell a copy from a different story with the same few words:
/// every headline-only story (no text) would otherwise get the signature
/// of the empty text and all of them would be grouped as one.
pub const MIN_SHINGLES: usize = 8;

/// The signature of a story text: MinHash of its word pairs (the dateline
/// left out, since copies may carry another; words lowercased and folded);
/// `None` for a text of fewer than [`MIN_SHINGLES`] word pairs, which is
/// never grouped.
pub fn signature(text: &str) -> Option<Signature> {
    let start = crate::parse::dateline(text).map_or(0, |(_, len)| len);
    let words = word_hashes(&text[start..]);
    if words.len() < MIN_SHINGLES + 1 {
        return None;
    }
    let shingles = words.windows(2).map(|w| w[0].rotate_left(21) ^ w[1]);
    let mut minima = [u64::MAX; HASHES];
    for shingle in shingles {
        for (i, slot) in minima.iter_mut().enumerate() {
            *slot = (*slot).min(mix(shingle ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
    }
    Some(minima.map(|m| m as u8))
}

/// Hashes of the words of a text: runs of letters and digits, lowercased,
/// with diacritics folded (`Oekraïne` = `oekraine`). A plain scan, not the
/// index analysis: copies only need the same words to give the same
/// hashes, and this runs once per story at build time.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut word = String::new();
    let mut ascii = true;
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            ascii &= c.is_ascii();
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            let hash = if ascii {
                word.make_ascii_lowercase();
                xxhash_rust::xxh3::xxh3_64(word.as_bytes())
            } else {
                xxhash_rust::xxh3::xxh3_64(crate::analysis::fold(&word).as_bytes())
            };
            out.push(hash);
            word.clear();
            ascii = true;
        }
    }
    out
}

/// splitmix64's finaliser: a cheap independent-looking hash per slot.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A signature as the words of the `minhash_0`… fast fields.
pub fn to_words(signature: &Signature) -> [u64; WORDS] {
    std::array::from_fn(|i| {
        u64::from_le_bytes(signature[i * 8..i * 8 + 8].try_into().expect("8 bytes"))
    })
}

/// A signature from its fast-field words.
pub fn from_words(words: [u64; WORDS]) -> Signature {
    let mut signature = [0u8; HASHES];
    for (i, word) in words.iter().enumerate() {
        signature[i * 8..i * 8 + 8].copy_from_slice(&word.to_le_bytes());
    }
    signature
}

/// Estimated Jaccard similarity: the share of equal values.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// Groups signatures into clusters of copies. Returns, per input, the
/// index of its cluster's first member (so a story alone is its own
/// cluster). `None` signatures (stories without one) stay alone.
pub fn clusters(signatures: &[Option<Signature>]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..signatures.len()).collect();
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u8], usize> = HashMap::new();
        for (i, signature) in signatures.iter().enumerate() {
            let Some(signature) = signature else { continue };
            let key = &signature[band * ROWS..(band + 1) * ROWS];
            match buckets.get(key) {
                Some(&j)
                    if similarity(signature, signatures[j].as_ref().expect("bucketed"))
                        >= THRESHOLD =>
                {
                    union(&mut parent, i, j);
                }
                Some(_) => {}
                None => {
                    buckets.insert(key, i);
                }
            }
        }
    }
    (0..signatures.len()).map(|i| find(&mut parent, i)).collect()
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut root = i;
    while parent[root] != root {
        root = parent[root];
    }
    let mut node = i;
    while parent[node] != root {
        let next = parent[node];
        parent[node] = root;
        node = next;
    }
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The smaller index leads, so a cluster is named after its first member.
    if ra != rb {
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "BRUSSEL (ANP) - De NAVO houdt volgende week een extra top over de steun aan Oekraïne, \
                        meldt het bondgenootschap. De ministers van Defensie spreken over luchtverdediging.";

    fn sig(text: &str) -> Signature {
        signature(text).expect("long enough for a signature")
    }

    #[test]
    fn copies_with_another_dateline_or_a_word_changed_meet() {
        let a = sig(ITEM);
        let b = sig(&ITEM.replace("BRUSSEL (ANP)", "DEN HAAG (ANP/AFP)"));
        let c = sig(&ITEM.replace("volgende week", "komende week"));
        assert_eq!(similarity(&a, &b), 1.0);
        assert!(similarity(&a, &c) >= THRESHOLD, "{}", similarity(&a, &c));
        assert_eq!(clusters(&[Some(a), Some(b), Some(c)]), [0, 0, 0]);
    }

    #[test]
    fn different_stories_stay_apart() {
        let other = sig(
            "GENT (BELGA) - Het personeel van De Lijn legt donderdag het werk neer uit protest.",
        );
        assert!(similarity(&sig(ITEM), &other) < 0.2);
        assert_eq!(clusters(&[Some(sig(ITEM)), Some(other), None]), [0, 1, 2]);
    }

    #[test]
    fn stories_without_enough_text_get_no_signature() {
        assert_eq!(signature(""), None, "a headline-only story has no text");
        assert_eq!(signature("MOSKOU (ANP/AFP) - "), None, "a dateline alone");
        assert_eq!(signature("MOSKOU (ANP) - Poetin ontmoet Xi in Oezbekistan."), None);
        // Nine words make eight pairs: the shortest text with a signature.
        let nine = "DEN HAAG (ANP) - Het kabinet wil meer woningen bouwen in de Randstad";
        assert!(signature(nine).is_some());
        assert_eq!(signature(nine.trim_end_matches(" Randstad")), None);
    }

    #[test]
    fn words_round_trip() {
        let s = sig(ITEM);
        assert_eq!(from_words(to_words(&s)), s);
    }
}
