//! The stemmer against Snowball's reference vocabulary, and the
//! measurement behind choosing Kraaij-Pohlmann over Porter. Both read
//! `../shared/data` and skip with a message when it is absent.

use std::fs;

use crate::util::shared_data;

fn lines(path: &std::path::Path) -> Vec<String> {
    fs::read_to_string(path).unwrap().lines().map(str::to_string).collect()
}

/// Every one of Snowball's 45,670 test words stems exactly as in
/// snowball-data `dutch/output.txt` (Kraaij-Pohlmann, Snowball ≥ 3.0): a
/// dependency update that changes stems fails here.
#[test]
fn stemmer_matches_snowball_kraaij_pohlmann_golden_file() {
    let Some(data) = shared_data("snowball-dutch/voc.txt") else { return };
    let words = lines(&data.join("snowball-dutch/voc.txt"));
    let expected = lines(&data.join("snowball-dutch/output_dutch_kraaij_pohlmann.txt"));
    assert_eq!(words.len(), expected.len());
    let wrong: Vec<String> = words
        .iter()
        .zip(&expected)
        .filter(|(w, e)| newsidx::analysis::stem(w) != e.as_str())
        .map(|(w, e)| format!("{w} → {} (want {e})", newsidx::analysis::stem(w)))
        .take(10)
        .collect();
    assert!(wrong.is_empty(), "stems differ from Snowball:\n{}", wrong.join("\n"));
    assert_eq!(words.len(), 45_670);
}

/// Share of inflection pairs from the research word families that get one
/// stem, for the chosen algorithm and for Porter. Kraaij-Pohlmann must stay
/// ahead; the numbers are printed for EVALUATION notes.
#[test]
fn stemmer_choice_kraaij_pohlmann_conflates_more_inflection_than_porter() {
    let Some(data) = shared_data("snowball-dutch/voc.txt") else { return };
    let families = data.join("../research/dutch-analysis-appendix/families.txt");
    let Ok(text) = fs::read_to_string(&families) else {
        eprintln!("skipped: {} not found", families.display());
        return;
    };
    let groups = family_groups(&text);
    let kp = conflated_pairs(&groups, |w| newsidx::analysis::stem(w).into_owned());
    let porter_stemmer = frostem::Stemmer::new(frostem::Algorithm::DutchPorter);
    let porter = conflated_pairs(&groups, |w| porter_stemmer.stem(w).into_owned());
    let total = conflated_pairs(&groups, |_| String::new());
    eprintln!(
        "strict inflection pairs conflated: Kraaij-Pohlmann {kp}/{total}, Porter {porter}/{total}"
    );
    assert!(kp > porter + total / 10, "KP {kp} vs Porter {porter} of {total}");
}

/// Strict inflection families of `families.txt` (`CATEGORY | family /
/// family …`, words separated by spaces), folded and lowercased like the
/// analyzer does before stemming.
fn family_groups(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('|').map(|(_, families)| families))
        .flat_map(|families| families.split(" / "))
        .map(|family| {
            family
                .split_whitespace()
                .map(|w| {
                    newsidx::analysis::tokens(newsidx::analysis::NL_EXACT, w)
                        .into_iter()
                        .map(|t| t.text)
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        })
        .filter(|family| family.len() > 1)
        .collect()
}

fn conflated_pairs(groups: &[Vec<String>], stem: impl Fn(&str) -> String) -> usize {
    let mut n = 0;
    for family in groups {
        for (i, a) in family.iter().enumerate() {
            for b in &family[i + 1..] {
                if stem(a) == stem(b) {
                    n += 1;
                }
            }
        }
    }
    n
}
