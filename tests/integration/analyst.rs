//! The analyst's toolkit through the CLI, on a corpus built for it: known
//! counts per day, known co-occurrences, a known duplicate cluster and a
//! known burst.

use std::sync::OnceLock;

use serde_json::Value;

use crate::util::*;

/// Days 2025-11-01..20. Every day one story about the kabinet; on days 15
/// and 16 four extra stories about a storm (the burst); Rutte and Schoof
/// always together, Rutte alone once; one ANP brief copied on three days.
/// One distinct sentence per story, so that only the real copies are
/// near-duplicates.
const TOPICS: [&str; 20] = [
    "Zij spraken over de levering van munitie aan Oekraïne en de voorraden van het leger.",
    "Het ging vooral over de begroting van Defensie voor de komende vier jaar.",
    "Op tafel lag een plan voor meer cyberbeveiliging bij ministeries en waterschappen.",
    "De Tweede Kamer wil snel weten hoeveel nieuwe fregatten er worden gebouwd.",
    "Ook de dienstplicht voor jongeren kwam ter sprake, al werd er niets besloten.",
    "Belangrijk punt was de bescherming van kabels en leidingen op de Noordzee.",
    "De bewindslieden bespraken de luchtverdediging rond Schiphol en Rotterdam.",
    "Er werd gesproken over gezamenlijke inkoop van drones met Duitsland en België.",
    "Het overleg draaide om de inzet van mariniers in het Caribisch gebied.",
    "Volgens ingewijden ging het over spionage door Chinese bedrijven in havens.",
    "De nadruk lag op reservisten en het tekort aan technisch personeel.",
    "Verder kwam de opslag van kernwapens op vliegbasis Volkel aan bod.",
    "Ook werd de bouw van een nieuwe kazerne in Groningen besproken.",
    "De ministers keken naar de gevolgen van sancties voor de export van machines.",
    "Een rapport over desinformatie tijdens verkiezingen lag ter bespreking voor.",
    "Het ging over de steun aan vluchtelingen uit Soedan in opvangkampen.",
    "Er werden afspraken gemaakt over oefeningen met Poolse en Baltische eenheden.",
    "De kosten van onderhoud aan tanks en pantservoertuigen liepen flink op.",
    "Een nieuw wetsvoorstel over meldplicht bij hacks werd toegelicht.",
    "Tot slot ging het over de veiligheid van de Koningsdag in Maastricht.",
];

/// A distinct second sentence for each storm story.
const STORMS: [&str; 8] = [
    "In Middelburg waaiden dakpannen van huizen en scholen bleven dicht.",
    "De veerdienst tussen Vlissingen en Breskens voer de hele dag niet.",
    "Bij Domburg sloeg de zee een deel van een strandpaviljoen weg.",
    "Rijkswaterstaat sloot de Oosterscheldekering voor het eerst dit jaar.",
    "Boeren in Zeeuws-Vlaanderen melden omgewaaide kassen en natte akkers.",
    "Op de Westerschelde lagen tientallen vrachtschepen urenlang voor anker.",
    "In Goes viel de stroom uit in een wijk met een verzorgingshuis.",
    "Brandweerlieden uit heel Zeeland rukten honderden keren uit.",
];

fn env() -> &'static TestEnv {
    static ENV: OnceLock<TestEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = TestEnv::new();
        let brief = "UTRECHT (ANP) - De NS zet vanaf maandag extra treinen in tussen Utrecht en Amsterdam vanwege drukte rond de feestdagen.";
        for (day, topic) in (1..=20).zip(TOPICS) {
            let mut page = format!(
                "Kabinet overlegt op dag {day}\nDEN HAAG (ANP) - Premier Dick Schoof overlegde met NAVO-chef Mark Rutte. {topic}\n"
            );
            if day <= 3 {
                page.push_str(&format!("Meer uit Binnenland\n{brief}\n1 uur geleden\n"));
            }
            env.write(&format!("2025/11/{day:02}/kabinet.txt"), page);
            if day == 15 || day == 16 {
                for n in 0..4 {
                    env.write(
                        &format!("2025/11/{day:02}/storm{n}.txt"),
                        format!(
                            "Storm raast over het land {n}\nVLISSINGEN (ANP/RTR) - De storm veroorzaakte schade aan {n} stormvloedkeringen in Zeeland. {}\n",
                            STORMS[(day as usize - 15) * 4 + n]
                        ),
                    );
                }
            }
        }
        env.write("2025/11/21/rutte.txt", "Rutte alleen\nBRUSSEL (AFP) - Mark Rutte sprak in Brussel met ministers.\n");
        env.build();
        env
    })
}

fn json(args: &[&str]) -> Value {
    let out = env().run(args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn assert_meta(v: &Value, query: &str) {
    let meta = &v["meta"];
    assert_eq!(meta["query"], query);
    assert_eq!(meta["documents"], 32, "23 kabinet stories, 8 storm stories, 1 Rutte story");
    assert!(meta["analyzer"].as_str().unwrap().starts_with("nl-"));
    assert!(meta["run_at"].as_str().unwrap().ends_with('Z'));
    assert!(meta["newsidx"].is_string() && meta["index"].is_string());
}

#[test]
fn kwic_shows_every_match_with_its_context_and_written_form() {
    let v = json(&["kwic", "--json", "--width", "12", "stormvloedkering*"]);
    assert_meta(&v, "stormvloedkering*");
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 8, "one line per storm story");
    assert_eq!(lines[0]["matched"], "stormvloedkeringen");
    assert!(lines[0]["left"].as_str().unwrap().ends_with("aan 0 "), "{}", lines[0]);
    assert!(lines[0]["right"].as_str().unwrap().starts_with(" in Zeeland."), "{}", lines[0]);

    let phrase = json(&["kwic", "--json", "\"Dick Schoof\""]);
    assert!(phrase["lines"].as_array().unwrap().iter().all(|l| l["matched"] == "Dick Schoof"));
    assert_eq!(phrase["lines"].as_array().unwrap().len(), 20);
    let near = json(&["kwic", "--json", "\"premier schoof\"~1"]);
    assert!(
        near["lines"].as_array().unwrap().iter().all(|l| l["matched"] == "Premier Dick Schoof")
    );
    let stem = json(&["kwic", "--json", "storm", "--kind", "article"]);
    let forms: std::collections::BTreeSet<&str> =
        stem["lines"].as_array().unwrap().iter().map(|l| l["matched"].as_str().unwrap()).collect();
    assert_eq!(
        forms,
        ["storm", "stormvloedkeringen"].into(),
        "the word and the compound it is part of"
    );
}

#[test]
fn kwic_csv_has_metadata_lines_and_a_header() {
    let out = env().run(&["kwic", "--format", "csv", "Rutte"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.iter().take_while(|l| l.starts_with('#')).any(|l| l.starts_with("# query: Rutte"))
    );
    let header = lines.iter().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(*header, "id,published,dateline,agencies,left,match,right");
    assert_eq!(lines.iter().filter(|l| l.contains(",Rutte,")).count(), 21);
}

#[test]
fn timeline_counts_per_day_normalises_and_finds_the_burst() {
    let v = json(&["timeline", "--json", "--by", "day", "--bursts", "storm"]);
    assert_meta(&v, "storm");
    let points = v["series"][0]["points"].as_array().unwrap();
    assert_eq!(points.len(), 21, "every day from the first to the last");
    let day = |d: usize| &points[d - 1];
    assert_eq!(day(15)["count"], 4);
    assert_eq!(day(15)["total"], 5);
    assert!((day(15)["share"].as_f64().unwrap() - 0.8).abs() < 1e-9);
    assert_eq!(day(14)["count"], 0);
    let bursts: Vec<u64> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| p["burst"] == true)
        .map(|(i, _)| i as u64 + 1)
        .collect();
    assert_eq!(bursts, [15, 16]);
}

#[test]
fn timeline_takes_labelled_queries_and_splits_by_facet() {
    let v = json(&[
        "timeline",
        "--json",
        "--by",
        "month",
        "--query",
        "Storm=storm",
        "--query",
        "Navo=NAVO OR Rutte",
    ]);
    let series = v["series"].as_array().unwrap();
    let total = |i: usize| {
        series[i]["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["count"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert_eq!((series[0]["label"].as_str().unwrap(), total(0)), ("Storm", 8));
    assert_eq!((series[1]["label"].as_str().unwrap(), total(1)), ("Navo", 21));
    let split = json(&["timeline", "--json", "--by", "month", "--split", "agency", "storm"]);
    let values: Vec<&str> =
        split["series"].as_array().unwrap().iter().map(|s| s["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["ANP", "Reuters"]);
    let out = env().run(&["timeline", "--by", "day", "--bursts", "storm"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2025-11-15 ████████████████████████████████████████ 4 *"), "{text}");
}

#[test]
fn facets_count_all_matches_and_dedupe_counts_copies_once() {
    let v = json(&["facets", "--json", "--field", "agency", "*"]);
    assert_meta(&v, "*");
    let agencies = &v["facets"][0][1];
    assert_eq!(agencies[0]["value"], "ANP");
    assert_eq!(agencies[0]["count"], 31, "20 kabinet + 8 storm + 3 copies of the brief");
    let deduped = json(&["facets", "--json", "--field", "kind", "--dedupe", "*"]);
    assert_eq!(deduped["stories"], 30, "the brief's three copies count once");
    let table =
        String::from_utf8(env().run(&["facets", "--field", "section", "*"]).stdout).unwrap();
    assert!(
        table.contains("section  Binnenland  6"),
        "three pages and their three briefs: {table}"
    );
}

#[test]
fn cooccur_counts_pairs_with_pmi() {
    let v = json(&["cooccur", "--json", "--field", "person", "*"]);
    let pair = &v["pairs"][0];
    assert_eq!(
        (pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap()),
        ("Mark Rutte", "Dick Schoof")
    );
    assert_eq!(
        (pair["count"].as_u64(), pair["count_a"].as_u64(), pair["count_b"].as_u64()),
        (Some(20), Some(21), Some(20))
    );
    assert!((pair["p_b_given_a"].as_f64().unwrap() - 20.0 / 21.0).abs() < 1e-9);
    let expected_pmi: f64 = ((20.0_f64 * 32.0) / (21.0 * 20.0)).log2();
    assert!((pair["pmi"].as_f64().unwrap() - expected_pmi).abs() < 1e-9);
    let matrix =
        String::from_utf8(env().run(&["cooccur", "--matrix", "--field", "person", "*"]).stdout)
            .unwrap();
    assert!(matrix.contains("Mark Rutte") && matrix.lines().count() >= 4, "{matrix}");
}

#[test]
fn terms_finds_the_words_that_set_the_matches_apart() {
    let v = json(&["terms", "--json", "storm"]);
    let terms: Vec<&str> =
        v["terms"].as_array().unwrap().iter().map(|t| t["term"].as_str().unwrap()).collect();
    assert!(terms[..4].contains(&"Zeeland"), "{terms:?}");
    assert!(!terms.contains(&"de"), "stop words are not key words");
}

#[test]
fn export_streams_every_match_with_a_meta_line() {
    let out = env().run(&["export", "--format", "jsonl", "--fields", "id,published,body", "storm"]);
    assert_exit(&out, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_meta(&lines[0], "storm");
    assert_eq!(lines[0]["fields"], serde_json::json!(["id", "published", "body"]));
    assert_eq!(lines.len(), 9);
    assert!(lines[1..].iter().all(
        |l| l.as_object().unwrap().len() == 3 && l["body"].as_str().unwrap().contains("storm")
    ));
    let csv = String::from_utf8(
        env().run(&["export", "--format", "csv", "--fields", "id,persons", "Rutte"]).stdout,
    )
    .unwrap();
    assert!(csv.lines().any(|l| l == "id,persons"));
    assert!(
        csv.contains("Dick Schoof; Mark Rutte") || csv.contains("Mark Rutte; Dick Schoof"),
        "{csv}"
    );
    let bad = env().run(&["export", "--fields", "id,geheim", "storm"]);
    assert_exit(&bad, 2);
    assert!(stderr(&bad).contains("unknown field 'geheim'"));
}

#[test]
fn show_prints_one_story_with_its_source() {
    let v = json(&["show", "--json", "2025/11/21/rutte.txt#0"]);
    assert_eq!(v["title"], "Rutte alleen");
    assert_eq!(v["persons"], serde_json::json!(["Mark Rutte"]));
    assert!(v["source"].as_str().unwrap().ends_with("corpus/2025/11/21/rutte.txt"));
    let out = env().run(&["show", "bestaat/niet.txt#0"]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("no story has the id"));
}

#[test]
fn search_json_carries_the_metadata_block() {
    let v = env().search("Rutte", &["--since", "2025-11-20", "--until", "2025-11-21"]);
    assert_eq!(v.total, 2, "days 20 and 21");
    assert_eq!(v.meta["filters"]["since"], 1_763_596_800);
}
