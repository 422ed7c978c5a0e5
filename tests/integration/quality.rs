//! Dutch search quality through the CLI: compounds, name spellings,
//! aliases, stemmer overrides, adjectives, stop words, `analyze` and
//! `--explain`.

use std::sync::OnceLock;

use crate::util::*;

/// A small corpus where each story shows one phenomenon.
fn env() -> &'static TestEnv {
    static ENV: OnceLock<TestEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = TestEnv::new();
        let pages = [
            ("kamp.txt", "Nieuw kamp geopend\nKHARTOEM (ANP) - Er is een kamp voor ontheemden geopend bij de grens.\n"),
            ("vluchtelingenkamp.txt", "Aanval op opvang\nKHARTOEM (ANP) - Milities vielen een vluchtelingenkamp in Darfur aan. Duizenden vluchtelingen sloegen op de vlucht.\n"),
            ("drone.txt", "Aanval in de nacht\nKIEV (AFP) - Een droneaanval trof een energiecentrale in het oosten. Rusland zette tientallen drones in.\n"),
            ("schietpartij.txt", "Doden bij schietpartij\nROTTERDAM (ANP) - Bij een schietpartij in Rotterdam vielen twee gewonden.\n"),
            ("partij.txt", "Partij kiest nieuwe leider\nDEN HAAG (ANP) - De partij koos een nieuwe leider op het congres.\n"),
            ("poetin.txt", "Poetin spreekt over vrede\nMOSKOU (AFP) - President Poetin zei dat vrede mogelijk is.\n"),
            ("zelensky.txt", "Zelensky vraagt steun\nKIEV (RTR) - President Zelensky vroeg om meer luchtafweer.\n"),
            ("kyiv.txt", "Stroom uitgevallen\nKYIV (RTR) - In Kyiv viel de stroom urenlang uit.\n"),
            ("rutte.txt", "Rutte in Brussel\nBRUSSEL (ANP) - NAVO-chef Mark Rutte sprak de ministers toe.\n"),
            ("markt.txt", "Drukte op de markt\nUTRECHT (ANP) - De markt op het Vredenburg trok veel bezoekers.\n"),
            ("venezuela.txt", "Boot tot zinken gebracht\nWASHINGTON (AP) - Een Venezolaanse boot werd aangevallen.\n"),
            ("jacques.txt", "Concert in Gent\nGENT (BELGA) - Jacques trad op in de Vooruit.\n"),
        ];
        for (path, text) in pages {
            env.write(path, text);
        }
        env.build();
        env
    });
    ENV.get().unwrap()
}

fn hits(query: &str) -> Vec<String> {
    ids(&env().search(query, &[]).hits)
}

#[test]
fn a_part_finds_the_compound_and_the_whole_word_ranks_first() {
    assert_eq!(hits("kamp"), ["kamp.txt#0", "vluchtelingenkamp.txt#0"]);
    assert_eq!(hits("drone"), ["drone.txt#0"]);
}

#[test]
fn misleading_compounds_are_not_split() {
    assert_eq!(hits("partij"), ["partij.txt#0"], "a schietpartij is not a political party");
}

#[test]
fn dutch_and_english_name_spellings_meet() {
    assert_eq!(hits("Putin"), ["poetin.txt#0"]);
    assert_eq!(hits("Zelenskyj"), ["zelensky.txt#0"]);
}

#[test]
fn aliases_join_spellings_the_key_cannot() {
    let kiev = hits("Kiev");
    assert!(
        kiev.contains(&"kyiv.txt#0".to_string()) && kiev.contains(&"zelensky.txt#0".to_string()),
        "{kiev:?}"
    );
}

#[test]
fn user_alias_file_extends_the_shipped_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("aliassen.tsv");
    std::fs::write(&file, "# eigen\nSjaak\tJacques\n").unwrap();
    assert_eq!(env().search("Sjaak", &[]).total, 0);
    let with_flag = env().search("Sjaak", &["--aliases", file.to_str().unwrap()]);
    assert_eq!(ids(&with_flag.hits), ["jacques.txt#0"]);
}

#[test]
fn overrides_keep_markt_apart_from_mark() {
    assert_eq!(hits("markt"), ["markt.txt#0"]);
}

#[test]
fn adjective_finds_its_attributive_form() {
    assert_eq!(hits("Venezolaans"), ["venezuela.txt#0"]);
}

#[test]
fn stop_words_are_left_out_of_word_lists_but_not_phrases() {
    assert_eq!(hits("de markt in Utrecht"), hits("markt Utrecht"));
    assert_eq!(hits("\"op de markt\""), ["markt.txt#0"]);
    assert!(hits("\"in de markt\"").is_empty());
}

#[test]
fn explain_lists_forms_parts_and_spellings() {
    let out = env().run(&["search", "--json", "--explain", "kamp Putin de"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let explain = json["explain"].as_array().unwrap();
    let kamp = &explain[0];
    assert_eq!(kamp["input"], "kamp");
    assert!(kamp["forms"].as_array().unwrap().iter().any(|f| f["form"] == "kamp"));
    assert!(kamp["parts"].as_array().unwrap().iter().any(|f| f["form"] == "vluchtelingenkamp"));
    assert!(explain[1]["spellings"].as_array().unwrap().iter().any(|f| f["form"] == "poetin"));
    assert_eq!(explain[2]["dropped"], true);
    let text = String::from_utf8(env().run(&["search", "--explain", "kamp"]).stdout).unwrap();
    assert!(text.contains("kamp → kamp 1; vluchtelingenkamp 1 (part)"), "{text}");
}

#[test]
fn analyze_shows_each_fields_tokens() {
    let out = env().run(&[
        "analyze",
        "--json",
        "--field",
        "body",
        "--field",
        "location",
        "Poetins vluchtelingenkamp. Daarna",
    ]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let of_kind = |field: &str, kind: &str| -> Vec<String> {
        json[field]["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["kind"] == kind)
            .map(|t| t["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(json["body"]["analyzer"], "nl_terms");
    assert_eq!(of_kind("body", "word"), ["poetins", "vluchtelingenkamp", "daarna"]);
    assert!(of_kind("body", "stem").contains(&"poetin".to_string()));
    assert!(of_kind("body", "part").contains(&newsidx::analysis::stem("kamp").into_owned()));
    let names = of_kind("body", "name");
    for key in [newsidx::analysis::name_key("Poetins"), newsidx::analysis::name_key("Poetin")] {
        assert!(names.contains(&key), "{names:?}");
    }
    assert_eq!(of_kind("body", "sentence").len(), 1, "Daarna opens a sentence");
    assert_eq!(of_kind("location", "word"), ["poetins", "vluchtelingenkamp", "daarna"]);
    assert_eq!(json["body"]["tokens"][0]["source"], "Poetins");

    let human = String::from_utf8(env().run(&["analyze", "droneaanval"]).stdout).unwrap();
    assert!(human.contains("body (nl_terms)") && human.contains("part:drone"), "{human}");
    let bad = env().run(&["analyze", "--field", "id", "x"]);
    assert_exit(&bad, 2);
    assert!(stderr(&bad).contains("fields with an analyzer"));
}
