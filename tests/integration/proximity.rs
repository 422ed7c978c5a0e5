//! The analyst's query language: proximity (`W/n`, `PRE/n`, `W/S`, `W/P`,
//! `NOT W/…`), query sets (`--queries FILE`) and standing queries
//! (`watch`), on real Dutch sentences through the binary.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::*;

fn page(title: &str, body: &str) -> String {
    format!("{title}\nDEN HAAG (ANP) - {body}\n")
}

/// Short stories whose words stand at known distances.
fn env() -> TestEnv {
    let env = TestEnv::new();
    for (name, title, body) in [
        // Poetin(0) sprak(1) in(2) Moskou(3). Xi(4) reisde(5) af(6).
        ("a", "Bezoek aan Moskou", "Poetin sprak in Moskou. Xi reisde af."),
        ("b", "Handel besproken", "Poetin en Xi spraken in Peking over handel."),
        ("c", "Twee leiders", "Poetin bleef thuis.\nXi reisde naar Brazilië."),
        (
            "d",
            "Overleg over materieel",
            "De minister sprak met dhr. Jansen over de aankoop voor Defensie. Daarna volgde overleg.",
        ),
        ("e", "Nieuwe bewindspersoon", "De minister van Defensie opende de nieuwe kazerne."),
        (
            "f",
            "Fabriek geopend",
            "Poetin opende een fabriek aan de rand van de stad. Over de handel met China en de rol van Xi werd niet gesproken.",
        ),
        (
            "g",
            "Akkoord getekend",
            "Poetin en Xi tekenden een akkoord. Later die dag sprak Poetin met journalisten over het weer.",
        ),
        (
            "h",
            "Xi en Poetin in de kop",
            "Het overleg duurde drie uur en verliep zonder incidenten.",
        ),
    ] {
        env.write(&format!("2025/12/02/{name}.txt"), page(title, body));
    }
    env.build();
    env
}

fn found(env: &TestEnv, query: &str) -> BTreeSet<String> {
    env.search(query, &["--limit", "100"])
        .hits
        .iter()
        .map(|h| h.path.rsplit('/').next().unwrap().trim_end_matches(".txt").to_string())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn word_distance_sentence_and_paragraph_follow_the_text() {
    let env = env();
    // The example: four words apart, across a sentence boundary.
    // h has both in its title ("Xi en Poetin in de kop").
    assert_eq!(found(&env, "Poetin W/5 Xi"), set(&["a", "b", "c", "g", "h"]));
    assert_eq!(
        found(&env, "Poetin W/P Xi"),
        set(&["a", "b", "f", "g", "h"]),
        "c splits paragraphs"
    );
    assert_eq!(found(&env, "Poetin W/S Xi"), set(&["b", "g", "h"]));
    assert_eq!(found(&env, "poetin w/3 xi"), set(&["b", "c", "g", "h"]), "operators in any case");
    assert_eq!(found(&env, "Poetin W/2 Xi"), set(&["b", "g", "h"]));
    assert_eq!(found(&env, "Poetin W/1 Xi"), set(&[]));
    // Order: PRE/n wants the left side first.
    assert_eq!(found(&env, "Xi PRE/5 Poetin"), set(&["h"]));
    assert_eq!(found(&env, "Poetin PRE/4 Xi"), set(&["a", "b", "c", "g"]));
    // No sentence ends after `dhr.`; `van` counts as a word.
    assert_eq!(found(&env, "minister W/S Jansen"), set(&["d"]));
    assert_eq!(found(&env, "minister PRE/3 Defensie"), set(&["e"]));
    assert_eq!(found(&env, "minister PRE/9 Defensie"), set(&["d", "e"]));
    // Sides: OR-groups, phrases, prefixes, stems, fields.
    assert_eq!(found(&env, "(Trump OR fabriek) W/S (Xi OR stad)"), set(&["f"]));
    assert_eq!(found(&env, "(Poetin OR Trump) W/S (Xi OR China)"), set(&["b", "g", "h"]));
    assert_eq!(found(&env, "\"minister van\" W/1 Defensie"), set(&["e"]));
    assert_eq!(found(&env, "tekend* W/3 akkoord"), set(&["g"]));
    assert_eq!(found(&env, "journalist W/3 Poetin"), set(&["g"]), "a stem finds `journalisten`");
    assert_eq!(found(&env, "title:Xi W/2 title:Poetin"), set(&["h"]));
    assert_eq!(found(&env, "Xi W/2 Poetin"), set(&["b", "g", "h"]), "title and body each");
    // Combined with AND and NOT like any term.
    assert_eq!(found(&env, "Poetin W/S Xi akkoord"), set(&["g"]));
    assert_eq!(found(&env, "Poetin W/5 Xi -Peking"), set(&["a", "c", "g", "h"]));
}

#[test]
fn not_near_keeps_stories_where_the_left_side_stands_apart() {
    let env = env();
    // f: Poetin far from Xi; g: a second Poetin far from Xi.
    assert_eq!(found(&env, "Poetin NOT W/5 Xi"), set(&["f", "g"]));
    assert_eq!(found(&env, "Poetin NOT W/S Xi"), set(&["a", "c", "f", "g"]));
    assert_eq!(found(&env, "Poetin NOT W/P Xi"), set(&["c"]));
}

#[test]
fn snippets_and_kwic_light_up_only_the_occurrences_that_are_near() {
    let env = env();
    let result = env.search("Poetin W/S Xi", &["--limit", "10"]);
    let g = result.hits.iter().find(|h| h.path.ends_with("g.txt")).unwrap();
    let lit: Vec<&str> = g.highlights.iter().map(|[a, b]| &g.snippet[*a..*b]).collect();
    assert_eq!(lit, ["Poetin", "Xi"], "not the second Poetin: {}", g.snippet);

    let kwic = env.run(&["kwic", "--json", "Poetin NOT W/S Xi"]);
    assert_exit(&kwic, 0);
    let v: Value = serde_json::from_slice(&kwic.stdout).unwrap();
    let lines: Vec<(String, String)> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["id"].as_str().unwrap().to_string(), l["right"].as_str().unwrap().to_string()))
        .filter(|(id, _)| id.contains("g.txt"))
        .collect();
    assert_eq!(lines.len(), 1, "only the Poetin apart from Xi: {lines:?}");
    assert!(lines[0].1.starts_with(" met journalisten"), "{lines:?}");
}

#[test]
fn proximity_errors_name_the_column_and_explain_as_opensearch_refuses_honestly() {
    let env = env();
    let out = env.run(&["search", "--explain", "Poetin W/S (Xi OR China)"]);
    assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    for side in ["Poetin", "Xi", "China"] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(side) && l.ends_with("a side of W/S")),
            "{text}"
        );
    }
    let out = env.run(&["search", "Poetin W/5 location:Moskou"]);
    assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("column 12"), "{err}");
    let out = env.run(&["search", "--explain-as", "opensearch", "Poetin W/S Xi"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("W/S has no OpenSearch equivalent"));
}

#[test]
fn a_query_set_gives_one_row_per_label_and_reports_bad_lines() {
    let env = env();
    let file = env.corpus.parent().unwrap().join("codeboek.tsv");
    std::fs::write(
        &file,
        "# codeboek\nRusland-China\tPoetin W/S Xi\nDefensie\tminister PRE/3 Defensie\n\
         kapot\tPoetin \"Xi\nzonder tab\n",
    )
    .unwrap();
    let out = env.run(&["search", "--json", "--queries", file.to_str().unwrap()]);
    assert_exit(&out, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 4, column 14") && err.contains("line 5, column 1"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(&str, u64)> = v["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["label"].as_str().unwrap(), l["total"].as_u64().unwrap()))
        .collect();
    assert_eq!(rows, [("Rusland-China", 3), ("Defensie", 1)]);
    assert!(v["labels"][1]["newest"]["id"].as_str().unwrap().contains("e.txt"));

    let timeline =
        env.run(&["timeline", "--json", "--by", "day", "--queries", file.to_str().unwrap()]);
    assert_exit(&timeline, 1);
    let t: Value = serde_json::from_slice(&timeline.stdout).unwrap();
    let labels: BTreeSet<&str> =
        t["series"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Defensie", "Rusland-China"].into());

    // facets and export: a first `label` column, the other lines still run.
    let facets = env.run(&[
        "facets",
        "--format",
        "csv",
        "--field",
        "dateline",
        "--queries",
        file.to_str().unwrap(),
    ]);
    assert_exit(&facets, 1);
    let csv = String::from_utf8_lossy(&facets.stdout);
    let rows: Vec<&str> = csv.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rows,
        [
            "label,field,value,count",
            "Rusland-China,dateline,Den Haag,3",
            "Defensie,dateline,Den Haag,1"
        ]
    );
    let export = env.run(&[
        "export",
        "--format",
        "csv",
        "--fields",
        "id",
        "--queries",
        file.to_str().unwrap(),
    ]);
    assert_exit(&export, 1);
    let csv = String::from_utf8_lossy(&export.stdout);
    let rows: BTreeSet<&str> = csv.lines().filter(|l| !l.starts_with('#')).collect();
    let want: BTreeSet<&str> = [
        "label,id",
        "Rusland-China,2025/12/02/b.txt#0",
        "Rusland-China,2025/12/02/g.txt#0",
        "Rusland-China,2025/12/02/h.txt#0",
        "Defensie,2025/12/02/e.txt#0",
    ]
    .into();
    assert_eq!(rows, want);
}

#[test]
fn watch_reports_each_story_once_per_label_newest_first() {
    let env = env();
    let file = env.corpus.parent().unwrap().join("monitor.tsv");
    std::fs::write(&file, "Rusland-China\tPoetin W/S Xi\nDefensie\tDefensie\n").unwrap();
    let watch = |exit| {
        let out = env.run(&["watch", "--json", "--queries", file.to_str().unwrap()]);
        assert_exit(&out, exit);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                let ids: Vec<String> = l["new"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["id"].as_str().unwrap().to_string())
                    .collect();
                (l["label"].as_str().unwrap().to_string(), ids)
            })
            .collect::<Vec<_>>()
    };
    let first = watch(0);
    assert_eq!(first[0].1.len(), 3, "every match the first time: {first:?}");
    assert_eq!(first[1].1.len(), 2);
    assert_eq!(watch(1), [("Rusland-China".to_string(), vec![]), ("Defensie".to_string(), vec![])]);

    env.write(
        "2025/12/09/n.txt",
        page("Nieuw overleg", "Poetin ontving Xi in het Kremlin voor een gesprek."),
    );
    env.build();
    let third = watch(0);
    assert_eq!(third[0].1, ["2025/12/09/n.txt#0"]);
    assert!(third[1].1.is_empty());
    assert_eq!(watch(1)[0].1.len(), 0);

    // The same file with a filter is a standing query of its own.
    let filtered =
        env.run(&["watch", "--json", "--agency", "ANP", "--queries", file.to_str().unwrap()]);
    assert_exit(&filtered, 0);
    let v: Value = serde_json::from_slice(&filtered.stdout).unwrap();
    assert_eq!(v["labels"][0]["new"].as_array().unwrap().len(), 4, "{v}");
}

#[test]
fn nothing_is_near_across_a_story_boundary() {
    let env = TestEnv::new();
    env.write(
        "2025/12/05/blok.txt",
        "Overleg in Moskou\n\
         MOSKOU (ANP) - Het overleg over de gasprijs werd afgesloten door Poetin.\n\
         Meer uit Buitenland\n\
         PEKING (AFP) - Xi reist volgende week naar Brazilië voor een handelstop.\n\
         2 uur geleden\n",
    );
    env.build();
    // The article ends with Poetin and the brief after it opens with Xi:
    // two stories, so neither matches, however large the distance.
    assert_eq!(env.search("Poetin", &[]).total, 1);
    assert_eq!(env.search("Xi", &[]).total, 1);
    assert_eq!(env.search("Poetin W/50 Xi", &[]).total, 0);
    assert_eq!(env.search("Poetin W/P Xi", &[]).total, 0);
    assert_eq!(env.search("\"Poetin Xi\"~50", &[]).total, 0);
}

#[test]
fn watch_during_builds_reports_every_new_story_exactly_once() {
    let env = std::sync::Arc::new(env());
    let file = env.corpus.parent().unwrap().join("standing.tsv");
    std::fs::write(&file, "Poetin\tPoetin\n").unwrap();
    let builder = {
        let env = env.clone();
        std::thread::spawn(move || {
            for n in 0..6 {
                env.write(
                    &format!("2025/12/10/nieuw{n}.txt"),
                    page(
                        "Nieuw bericht",
                        &format!("Poetin sprak op dag {n} met de pers over de economie."),
                    ),
                );
                env.build();
            }
        })
    };
    let mut reported: Vec<String> = Vec::new();
    let mut watch = || {
        let out = env.run(&["watch", "--json", "--queries", file.to_str().unwrap()]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        for m in v["labels"][0]["new"].as_array().unwrap() {
            reported.push(m["id"].as_str().unwrap().to_string());
        }
    };
    while !builder.is_finished() {
        watch();
    }
    builder.join().unwrap();
    watch();
    let unique: BTreeSet<&String> = reported.iter().collect();
    assert_eq!(unique.len(), reported.len(), "a story reported twice: {reported:?}");
    let all: BTreeSet<String> = env
        .search("Poetin", &["--limit", "100", "--all-copies"])
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(unique.into_iter().cloned().collect::<BTreeSet<String>>(), all);
}
