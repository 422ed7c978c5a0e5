//! `newsidx search` on the sample corpus: ranking, Dutch analysis, query
//! language, filters, facets, output formats, exit codes.

use std::io::Read;
use std::process::Stdio;
use std::sync::OnceLock;

use crate::util::*;

const SEED_ARTICLE: &str = "2025/12/02/000_487c0d66560372fc.txt#0";

/// One built copy of the sample corpus shared by the read-only tests.
fn sample() -> &'static TestEnv {
    static ENV: OnceLock<TestEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = TestEnv::sample();
        env.build();
        env
    })
}

fn total(query: &str, extra: &[&str]) -> usize {
    sample().search(query, extra).total
}

#[test]
fn poetin_xi_finds_the_seed_article_first() {
    let hits = sample().search("Poetin Xi", &[]).hits;
    assert_eq!(hits[0].id, SEED_ARTICLE);
    assert_eq!(hits[0].persons, ["Vladimir Poetin", "Xi Jinping"]);
}

#[test]
fn diacritics_do_not_matter() {
    assert_eq!(total("Oekraine", &[]), total("Oekraïne", &[]));
    assert!(total("Oekraine", &[]) >= 5);
    assert_eq!(total("Geneve", &[]), total("Genève", &[]));
}

#[test]
fn inflected_forms_match_through_the_stem() {
    let plural = sample().search("vluchtelingen", &[]).hits;
    let singular = sample().search("vluchteling", &[]).hits;
    assert_eq!(ids(&plural).len(), ids(&singular).len());
    assert!(singular.iter().any(|h| h.snippet.contains("vluchtelingen")));
}

#[test]
fn exact_word_ranks_above_a_stem_only_match() {
    let env = TestEnv::new();
    env.write("a.txt", "Verslag\nDe gemeenten protesteren tegen de plannen.\n");
    env.write("b.txt", "Verslag\nDe gemeente protesteert tegen de plannen.\n");
    env.build();
    let hits = env.search("gemeente", &[]).hits;
    assert_eq!(ids(&hits), ["b.txt#0", "a.txt#0"]);
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn quoted_phrases_match_exact_words_in_order() {
    assert!(total("\"Den Haag\"", &[]) >= 5);
    assert_eq!(total("\"Haag Den\"", &[]), 0);
    assert_eq!(total("\"president Poetin\"", &[]), 0, "the seed says 'president Vladimir Poetin'");
    assert!(total("\"president Poetin\"~1", &[]) >= 1);
}

#[test]
fn prefix_search() {
    let hits = sample().search("vluchtelingenk*", &[]).hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.snippet.to_lowercase().contains("vluchtelingenk")));
}

#[test]
fn or_not_and_groups() {
    let poetin = total("Poetin", &[]);
    let zelensky = total("Zelensky", &[]);
    let both = total("Poetin Zelensky", &[]);
    assert_eq!(total("Poetin OR Zelensky", &[]), poetin + zelensky - both);
    assert_eq!(total("Poetin -Zelensky", &[]), poetin - both);
    assert_eq!(total("Poetin NOT Zelensky", &[]), poetin - both);
    assert_eq!(
        total("(Poetin OR Zelensky) Oekraïne", &[]),
        total("Poetin Oekraïne OR Zelensky Oekraïne", &[])
    );
}

#[test]
fn hyphenated_words_match_parts_and_joined_form() {
    assert!(total("GroenLinks-PvdA", &[]) >= 1);
    assert_eq!(total("GroenLinks-PvdA", &[]), total("\"GroenLinks PvdA\"", &[]));
    assert_eq!(total("Sjanghai-samenwerkingsorganisatie", &[]), 1);
    assert_eq!(total("samenwerkingsorganisatie", &[]), 1);
}

#[test]
fn star_lists_everything_in_id_order() {
    let all = sample().all();
    assert_eq!(all.len(), 122);
    let mut sorted = ids(&all);
    sorted.sort();
    assert_eq!(ids(&all), sorted, "equal scores are ordered by id");
}

#[test]
fn paging_with_offset_continues_the_same_order() {
    let first = sample().search("Oekraïne", &["--limit", "3"]).hits;
    let next = sample().search("Oekraïne", &["--limit", "3", "--offset", "3"]).hits;
    let all = sample().search("Oekraïne", &["--limit", "6"]).hits;
    assert_eq!([ids(&first), ids(&next)].concat(), ids(&all)[..first.len() + next.len()]);
}

#[test]
fn agency_filter_accepts_codes_and_names_in_any_case() {
    let by_code = sample().search("*", &["--agency", "rtr", "--limit", "500"]);
    let by_name = sample().search("*", &["--agency", "REUTERS", "--limit", "500"]);
    assert!(by_code.total >= 3);
    assert_eq!(ids(&by_code.hits), ids(&by_name.hits));
    assert!(by_code.hits.iter().all(|h| h.agencies.contains(&"Reuters".to_string())));
    assert_eq!(total("agency:Reuters", &[]), by_code.total);
}

#[test]
fn location_filter_ignores_case_and_accents_and_ors_repeats() {
    let den_haag = total("*", &["--location", "den haag"]);
    let geneve = total("*", &["--location", "GENEVE"]);
    assert!(den_haag >= 5 && geneve >= 1);
    assert_eq!(
        total("*", &["--location", "Den Haag", "--location", "Genève"]),
        total("location:\"Den Haag\" OR location:Genève", &[])
    );
}

#[test]
fn kind_and_person_filters() {
    let briefs = sample().search("*", &["--kind", "brief", "--limit", "500"]);
    assert_eq!(briefs.total, 83);
    assert!(briefs.hits.iter().all(|h| h.kind == "brief"));
    let seed_briefs = sample().search("Trump", &["--person", "Trump"]).hits;
    assert!(!seed_briefs.is_empty());
    assert!(seed_briefs.iter().all(|h| h.persons.iter().any(|p| p.contains("Trump"))));
}

#[test]
fn filters_do_not_change_scores() {
    let plain = sample().search("Poetin", &[]).hits;
    let filtered = sample().search("Poetin", &["--kind", "article"]).hits;
    assert!(!filtered.is_empty());
    for hit in &filtered {
        let same = plain.iter().find(|h| h.id == hit.id).expect("filtered hit is a plain hit");
        // Equal up to f32 summation order: tantivy's pruning top-k path (no filter) and its
        // intersection path (filter) add the per-field BM25 scores in different orders, which
        // can move the last bit (CI saw 36.144867 against 36.14487).
        let tolerance = 1e-5 * same.score.abs().max(1.0);
        assert!((same.score - hit.score).abs() <= tolerance, "{} vs {}", same.score, hit.score);
    }
}

#[test]
fn facets_count_every_match() {
    let results = sample().search("*", &["--facets", "--facet-limit", "1000", "--limit", "0"]);
    let kinds: Vec<(String, u64)> =
        results.facets["kind"].iter().map(|f| (f.value.clone(), f.count)).collect();
    assert_eq!(kinds, [("brief".to_string(), 83), ("article".to_string(), 39)]);
    let moskou = results.facets["dateline"].iter().find(|f| f.value == "Moskou").map(|f| f.count);
    assert_eq!(moskou, Some(total("dateline:Moskou", &[]) as u64));
    assert!(moskou >= Some(3), "the seed alone has three Moskou datelines");
    let agencies: u64 = results.facets["agency"].iter().map(|f| f.count).sum();
    assert!(agencies >= 122 - 2, "every dated story has an agency");
    assert!(results.facets["person"].iter().any(|f| f.value == "Vladimir Poetin"));
}

#[test]
fn snippet_highlights_cover_the_matched_words() {
    let hit = &sample().search("droneaanval", &[]).hits[0];
    let chars: Vec<char> = hit.snippet.chars().collect();
    assert!(!hit.highlights.is_empty());
    for [from, to] in &hit.highlights {
        let word: String = chars[*from..*to].iter().collect();
        assert!(word.to_lowercase().starts_with("droneaanval"), "{word}");
    }
}

#[test]
fn no_hits_exits_1_and_bad_query_exits_2_with_the_column() {
    let env = sample();
    assert_exit(&env.run(&["search", "qwertyuiopasdf"]), 1);
    let out = env.run(&["search", "Poetin (Xi"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("column 8"), "{err}");
    assert!(err.contains("never closed"), "{err}");
    let out = env.run(&["search", "plaats:Moskou"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("unknown field 'plaats'"));
}

#[test]
fn human_output_shows_title_metadata_and_snippet() {
    let out = sample().run(&["search", "Poetin Xi", "--limit", "1"]);
    assert_exit(&out, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Poetin en Xi hebben eerste persoonlijke ontmoeting sinds invasie"),
        "{text}"
    );
    assert!(
        text.contains("article · Buitenland · Moskou · ANP/AFP/Bloomberg · 2025-12-02 12:00 UTC"),
        "{text}"
    );
    assert!(text.contains(SEED_ARTICLE));
    assert!(!text.contains('\x1b'), "no colour when stdout is not a terminal");
}

#[test]
fn colour_on_request_and_never_with_no_color() {
    let env = sample();
    let coloured = env.run(&["search", "Poetin", "--color", "always"]);
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\x1b[1;33mPoetin"));
    let mut cmd = env.command(&["search", "Poetin"]);
    cmd.env("NO_COLOR", "1");
    assert!(!String::from_utf8_lossy(&cmd.output().unwrap().stdout).contains('\x1b'));
}

#[test]
fn closed_pipe_exits_quietly() {
    let mut child = sample()
        .command(&["search", "*", "--limit", "100000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_syndicated_brief_is_one_hit_with_its_copies() {
    let grouped = sample().search("NAVO", &[]);
    assert_eq!(grouped.clusters + 1, grouped.total, "one NAVO brief appears on two pages");
    let brief = grouped.hits.iter().find(|h| h.copies == 2).expect("a hit with two copies");
    assert_eq!(brief.copy_ids.len(), 1);
    let all = sample().search("NAVO", &["--all-copies"]);
    assert_eq!(all.hits.len(), grouped.total);
    assert!(all.hits.iter().any(|h| h.id == brief.copy_ids[0] && h.copy_ids == [brief.id.clone()]));
}

#[test]
fn a_surname_alone_counts_for_the_one_full_name_that_ends_in_it() {
    let env = TestEnv::new();
    let page = |title: &str, body: &str| format!("{title}\nANKARA (ANP) - {body}\n");
    env.write("2025/12/01/a.txt", page("Bezoek aan Ankara", "President Recep Tayyip Erdoğan ontving gisteren de Duitse bondskanselier Friedrich Merz in Ankara."));
    env.write(
        "2025/12/02/b.txt",
        page(
            "Gesprek over handel",
            // The role keeps `Merz` a person for every training seed; bare,
            // the embedded model tags it an organisation in about half of them.
            "Erdoğan sprak later met bondskanselier Merz over de handel tussen beide landen.",
        ),
    );
    env.build();
    let results = env.search("*", &["--facets", "--facet-limit", "100", "--limit", "0"]);
    let persons: std::collections::BTreeMap<String, u64> =
        results.facets["person"].iter().map(|f| (f.value.clone(), f.count)).collect();
    // Erdoğan (not ASCII) and Merz (ASCII) each stand for one full name.
    assert_eq!(persons.get("Recep Tayyip Erdoğan"), Some(&2), "{persons:?}");
    assert_eq!(persons.get("Friedrich Merz"), Some(&2), "{persons:?}");
    assert!(!persons.contains_key("Erdoğan") && !persons.contains_key("Merz"), "{persons:?}");
}

/// What a search answers, in a form two indexes can be compared by.
fn answer(env: &TestEnv, query: &str, extra: &[&str]) -> String {
    let r = env.search(query, extra);
    let hits: Vec<(String, usize, Vec<String>)> =
        r.hits.iter().map(|h| (h.id.clone(), h.copies, h.copy_ids.clone())).collect();
    let facets: Vec<(String, Vec<(String, u64)>)> = r
        .facets
        .iter()
        .map(|(f, v)| (f.clone(), v.iter().map(|c| (c.value.clone(), c.count)).collect()))
        .collect();
    format!("total {} clusters {} hits {hits:?} facets {facets:?}", r.total, r.clusters)
}

/// After an incremental build has replaced one page and removed two, their
/// old stories are deleted documents inside the segments. Totals (counted
/// in the ranking pass for intersections, phrases, exclusions and filters,
/// from posting lists for terms), hits, copies and facet counts must be
/// those of a fresh build of the same pages.
#[test]
fn an_index_with_replaced_and_removed_stories_answers_like_a_fresh_build() {
    let env = TestEnv::sample();
    env.build();
    let queries = [
        "Poetin",
        "kabinet minister",
        "\"de regering\"",
        "Rusland OR Oekraïne",
        "oorlog",
        "minister NOT kabinet",
    ];
    let before: Vec<usize> = queries.iter().map(|q| env.search(q, &[]).total).collect();
    fs_remove(&env, "2025/11/24/cc9bdff1668a99ea.txt");
    fs_remove(&env, "2025/11/24/340181452c1815d3.txt");
    let seed = env.corpus.join(SEED_ARTICLE.trim_end_matches("#0"));
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, text.replacen("Poetin", "Medvedev", 1)).unwrap();
    let report = env.build();
    assert_eq!((report.removed, report.updated), (2, 1), "{report:?}");

    let fresh = TestEnv::new();
    copy_tree(&env.corpus, &fresh.corpus);
    fresh.build();
    let mut changed = 0;
    for (query, before) in queries.iter().zip(before) {
        for extra in [&[][..], &["--facets"], &["--agency", "anp"], &["--limit", "2"]] {
            let (old, new) = (answer(&env, query, extra), answer(&fresh, query, extra));
            assert_eq!(old, new, "{query} {extra:?}");
        }
        changed += usize::from(fresh.search(query, &[]).total != before);
    }
    assert!(changed >= 4, "the edits change what most queries find ({changed})");
}

fn fs_remove(env: &TestEnv, rel: &str) {
    std::fs::remove_file(env.corpus.join(rel)).unwrap();
}
