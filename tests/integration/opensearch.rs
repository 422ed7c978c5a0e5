//! `export --format opensearch` and `search --explain-as opensearch`,
//! tested without a cluster (none can run here): the template defines what
//! it names; the bulk files alternate action and source, stay under their
//! size limit and hold every story once with stable ids; `--changes` gives
//! exactly the expected actions; and every translated query, judged ones
//! included, is Query DSL on mapped fields that, evaluated over the exported
//! documents by the small interpreter below (OpenSearch's semantics for the
//! query types newsidx emits), matches exactly the stories `newsidx search`
//! counts. `scripts/opensearch_compare.py` asks a real cluster the same.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{TestEnv, assert_exit, copy_tree, sample_corpus};

const MAPPED_TYPES: &[&str] = &["text", "keyword", "date"];
const BUILTIN_TOKENIZERS: &[&str] = &["whitespace", "standard"];
const BUILTIN_FILTERS: &[&str] = &["lowercase", "asciifolding"];

/// The sample and evaluation corpora, built.
fn eval_env() -> TestEnv {
    let env = TestEnv::new();
    copy_tree(&sample_corpus(), &env.corpus.join("sample"));
    copy_tree(&sample_corpus().join("../tests/eval/corpus"), &env.corpus.join("eval"));
    env.build();
    env
}

fn export(env: &TestEnv, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "opensearch", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = env.run(&args);
    assert_exit(&output, 0);
    String::from_utf8(output.stderr).unwrap()
}

fn bulk_files(out: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("bulk-"))
        .collect();
    files.sort();
    files
}

/// (action, _id, source) of every action in the bulk files, checking the
/// line structure on the way.
fn actions(out: &Path, limit: usize) -> Vec<(String, String, Option<Value>)> {
    let mut all = Vec::new();
    for file in bulk_files(out) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.len() <= limit, "{} has {} bytes", file.display(), text.len());
        assert!(text.ends_with('\n'), "{} lacks the final newline", file.display());
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let action: Value = serde_json::from_str(line).unwrap();
            let (kind, meta) = action.as_object().unwrap().iter().next().unwrap();
            assert_eq!(action.as_object().unwrap().len(), 1, "{line}");
            let id = meta["_id"].as_str().unwrap().to_string();
            assert!(meta["_index"].is_string());
            let source = match kind.as_str() {
                "index" => {
                    Some(serde_json::from_str(lines.next().expect("a source line")).unwrap())
                }
                "delete" => None,
                other => panic!("unexpected action {other}"),
            };
            all.push((kind.clone(), id, source));
        }
    }
    all
}

fn template(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("template.json")).unwrap()).unwrap()
}

/// Leaf field path → type, from the template.
fn mapped(template: &Value) -> BTreeMap<String, String> {
    fn walk(prefix: &str, properties: &Value, out: &mut BTreeMap<String, String>) {
        for (name, field) in properties.as_object().unwrap() {
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
            match field.get("properties") {
                Some(inner) => walk(&path, inner, out),
                None => {
                    out.insert(path, field["type"].as_str().unwrap().to_string());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk("", &template["template"]["mappings"]["properties"], &mut out);
    out
}

#[test]
fn the_template_defines_every_analyzer_and_uses_only_real_types() {
    let env = TestEnv::sample();
    env.build();
    let out = tempfile::tempdir().unwrap();
    export(&env, out.path(), &[]);
    let t = template(out.path());
    assert_eq!(t["index_patterns"], serde_json::json!(["newsidx*"]));
    let analyzers = t["template"]["settings"]["analysis"]["analyzer"].as_object().unwrap();
    for (name, a) in analyzers {
        assert_eq!(a["type"], "custom", "{name}");
        assert!(BUILTIN_TOKENIZERS.contains(&a["tokenizer"].as_str().unwrap()), "{name}");
        for f in a.get("filter").and_then(Value::as_array).into_iter().flatten() {
            assert!(BUILTIN_FILTERS.contains(&f.as_str().unwrap()), "{name}: {f}");
        }
    }
    assert_eq!(t["template"]["mappings"]["dynamic"], "strict");
    fn fields(properties: &Value, found: &mut Vec<Value>) {
        for field in properties.as_object().unwrap().values() {
            match field.get("properties") {
                Some(inner) => fields(inner, found),
                None => found.push(field.clone()),
            }
        }
    }
    let mut leaves = Vec::new();
    fields(&t["template"]["mappings"]["properties"], &mut leaves);
    assert!(leaves.len() > 20);
    for field in &leaves {
        let kind = field["type"].as_str().unwrap();
        assert!(MAPPED_TYPES.contains(&kind), "{field}");
        if let Some(analyzer) = field.get("analyzer") {
            assert!(analyzers.contains_key(analyzer.as_str().unwrap()), "{field}");
            assert_eq!(kind, "text");
        }
        if let Some(options) = field.get("index_options") {
            assert!(["docs", "freqs", "positions", "offsets"].contains(&options.as_str().unwrap()));
        }
    }
    // Phrases need positions in the words fields.
    let words = &t["template"]["mappings"]["properties"]["body_terms"]["properties"]["words"];
    assert_eq!(words["index_options"], "positions");
    // Every document field is mapped, with a value of its type.
    let map = mapped(&t);
    for (_, _, source) in actions(out.path(), 10_000_000) {
        check_document(&source.unwrap(), &map);
    }
    let readme = std::fs::read_to_string(out.path().join("README.md")).unwrap();
    assert!(readme.contains("_index_template/newsidx") && readme.contains("_bulk"), "{readme}");
}

fn check_document(doc: &Value, map: &BTreeMap<String, String>) {
    fn walk(prefix: &str, value: &Value, map: &BTreeMap<String, String>) {
        for (name, v) in value.as_object().unwrap() {
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
            if v.is_object() {
                walk(&path, v, map);
                continue;
            }
            let kind = map.get(&path).unwrap_or_else(|| panic!("{path} is not mapped"));
            let values: Vec<&Value> = match v {
                Value::Array(a) => a.iter().collect(),
                Value::Null => Vec::new(),
                other => vec![other],
            };
            for v in values {
                let s = v.as_str().unwrap_or_else(|| panic!("{path}: {v} is not a string"));
                if kind == "date" {
                    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                        .unwrap_or_else(|e| panic!("{path}: {s}: {e}"));
                }
            }
        }
    }
    walk("", doc, map);
}

#[test]
fn bulk_files_hold_every_story_once_with_stable_ids() {
    let env = TestEnv::sample();
    env.build();
    let stories: BTreeSet<String> = env.all().into_iter().map(|h| h.id).collect();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export(&env, a.path(), &[]);
    // A small limit: many files, each under it, the same stories.
    export(&env, b.path(), &["--max-bulk-bytes", "20000"]);
    let big = actions(a.path(), 10_000_000);
    let small = actions(b.path(), 20_000);
    assert!(bulk_files(b.path()).len() > 3, "{} files", bulk_files(b.path()).len());
    for list in [&big, &small] {
        let ids: Vec<&String> = list.iter().map(|(_, id, _)| id).collect();
        let unique: BTreeSet<String> = ids.iter().map(|s| s.to_string()).collect();
        assert_eq!(ids.len(), unique.len(), "a story twice");
        assert_eq!(unique, stories);
        assert!(
            list.iter().all(|(kind, id, source)| kind == "index"
                && source.as_ref().unwrap()["id"] == id.as_str())
        );
    }
    // Exporting again gives the same files (ids and documents are stable).
    export(&env, b.path(), &[]);
    for (x, y) in bulk_files(a.path()).iter().zip(bulk_files(b.path())) {
        assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
    }
    assert_eq!(bulk_files(a.path()).len(), bulk_files(b.path()).len(), "stale files were removed");
    // A folder with other files is refused, and left alone.
    std::fs::write(a.path().join("notes.txt"), "mine").unwrap();
    let refused =
        env.run(&["export", "--format", "opensearch", "--out", a.path().to_str().unwrap()]);
    assert_ne!(refused.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("notes.txt"));
    assert!(a.path().join("template.json").exists() && a.path().join("notes.txt").exists());
}

#[test]
fn changes_are_exactly_the_edited_added_and_removed_stories() {
    let env = TestEnv::new();
    let page = |city: &str, text: &str| {
        format!("Nieuws uit {city}\n{} (ANP) - {text}\n", city.to_uppercase())
    };
    env.write("2025/12/01/a.txt", page("Utrecht", "De gemeenteraad stemde gisteren in met het nieuwe plan voor de binnenstad en de fietsenstalling bij het station."));
    env.write("2025/12/01/b.txt", page("Leiden", "De universiteit opent volgend jaar een nieuw laboratorium voor onderzoek naar zeldzame ziekten bij kinderen."));
    env.write("2025/12/02/c.txt", page("Groningen", "Door de aardbevingen moeten nog honderden huizen worden versterkt, meldt de provincie in een nieuw rapport."));
    env.build();
    let out = tempfile::tempdir().unwrap();
    let first = export(&env, out.path(), &["--changes"]);
    assert!(first.contains("every story is written"), "{first}");
    let mut all: Vec<String> =
        actions(out.path(), 10_000_000).into_iter().map(|(_, id, _)| id).collect();
    all.sort();
    assert_eq!(all, ["2025/12/01/a.txt#0", "2025/12/01/b.txt#0", "2025/12/02/c.txt#0"]);

    // Nothing changed: nothing to do.
    export(&env, out.path(), &["--changes"]);
    assert!(actions(out.path(), 10_000_000).is_empty());

    // Edit one, add one, remove one.
    env.write("2025/12/01/b.txt", page("Leiden", "De universiteit opent over twee jaar een nieuw laboratorium voor onderzoek naar zeldzame ziekten bij kinderen."));
    env.write("2025/12/03/d.txt", page("Zwolle", "Het waterschap versterkt de dijken langs de IJssel na de hoge waterstanden van vorige winter."));
    std::fs::remove_file(env.corpus.join("2025/12/02/c.txt")).unwrap();
    env.build_with(&["--allow-removals"], 0);
    let summary = export(&env, out.path(), &["--changes"]);
    // Bulk order follows the index's segments; which actions is the contract.
    let mut got: Vec<(String, String)> =
        actions(out.path(), 10_000_000).into_iter().map(|(kind, id, _)| (kind, id)).collect();
    got.sort();
    let want = [
        ("delete", "2025/12/02/c.txt#0"),
        ("index", "2025/12/01/b.txt#0"),
        ("index", "2025/12/03/d.txt#0"),
    ];
    let want: Vec<(String, String)> =
        want.iter().map(|(k, i)| (k.to_string(), i.to_string())).collect();
    assert_eq!(got, want, "{summary}");
    assert!(summary.contains("2 to index, 1 to delete, 1 unchanged"), "{summary}");
    let readme = std::fs::read_to_string(out.path().join("README.md")).unwrap();
    assert!(readme.contains("2 stories to index, 1 to delete"), "{readme}");

    // A different selection keeps its own record: a full export.
    let other = export(&env, out.path(), &["--changes", "universiteit"]);
    assert!(other.contains("every story is written"), "{other}");
    assert_eq!(actions(out.path(), 10_000_000).len(), 1);
}

// ---- the Query DSL: validation and a small interpreter ----

/// A document as the cluster would index it: keyword values and, per
/// analysed field, tokens with positions.
struct Doc {
    keywords: HashMap<String, Vec<String>>,
    tokens: HashMap<String, Vec<(usize, String)>>,
    published: i64,
}

fn index_docs(sources: &[Value], map: &BTreeMap<String, String>) -> Vec<Doc> {
    sources
        .iter()
        .map(|s| {
            let mut doc = Doc { keywords: HashMap::new(), tokens: HashMap::new(), published: 0 };
            for (path, kind) in map {
                let mut v = s;
                for part in path.split('.') {
                    v = &v[part];
                }
                let values: Vec<String> = match v {
                    Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
                    Value::String(x) => vec![x.clone()],
                    _ => Vec::new(),
                };
                match kind.as_str() {
                    "keyword" => {
                        doc.keywords.insert(path.clone(), values);
                    }
                    "date" => {
                        let t = time::OffsetDateTime::parse(
                            &values[0],
                            &time::format_description::well_known::Rfc3339,
                        )
                        .unwrap();
                        doc.published = t.unix_timestamp();
                    }
                    _ => {
                        let mut tokens = Vec::new();
                        let mut position = 0;
                        for value in values {
                            for word in value.split_whitespace() {
                                tokens.push((position, word.to_string()));
                                position += 1;
                            }
                            position += 100;
                        }
                        doc.tokens.insert(path.clone(), tokens);
                    }
                }
            }
            doc
        })
        .collect()
}

/// Checks that `q` is Query DSL of the types newsidx emits, on mapped
/// fields, with single tokens where a term is expected.
fn validate(q: &Value, map: &BTreeMap<String, String>) {
    let object = q.as_object().unwrap_or_else(|| panic!("not an object: {q}"));
    assert_eq!(object.len(), 1, "one query type per object: {q}");
    let (kind, body) = object.iter().next().unwrap();
    let field = |body: &Value| -> (String, Value) {
        let o = body.as_object().unwrap();
        assert_eq!(o.len(), 1, "{q}");
        let (f, v) = o.iter().next().unwrap();
        assert!(map.contains_key(f), "{f} is not mapped: {q}");
        (f.clone(), v.clone())
    };
    let single = |v: &Value| {
        assert!(
            !v.as_str().unwrap().contains(char::is_whitespace) && !v.as_str().unwrap().is_empty(),
            "{q}"
        )
    };
    match kind.as_str() {
        "match_all" | "match_none" => assert!(body.as_object().unwrap().is_empty()),
        "term" | "prefix" | "span_term" => {
            let (f, v) = field(body);
            if map[&f] == "text" {
                single(&v);
            } else {
                assert!(v.is_string(), "{q}");
            }
        }
        "match_phrase" | "match_phrase_prefix" => {
            let (f, v) = field(body);
            assert_eq!(map[&f], "text");
            assert!(v["query"].is_string(), "{q}");
            assert!(v.as_object().unwrap().keys().all(|k| k == "query" || k == "slop"), "{q}");
        }
        "span_near" => {
            assert!(body["slop"].is_u64() && body["in_order"].is_boolean(), "{q}");
            let clauses = body["clauses"].as_array().unwrap();
            assert!(clauses.len() >= 2);
            let fields: BTreeSet<String> = clauses
                .iter()
                .map(|c| {
                    validate(c, map);
                    c["span_term"].as_object().unwrap().keys().next().unwrap().clone()
                })
                .collect();
            assert_eq!(fields.len(), 1, "span clauses on one field: {q}");
        }
        "range" => {
            let (f, v) = field(body);
            assert_eq!(map[&f], "date");
            assert_eq!(v["format"], "epoch_second");
            assert!(
                v.as_object()
                    .unwrap()
                    .keys()
                    .all(|k| ["gte", "lt", "format"].contains(&k.as_str()))
            );
        }
        "bool" => {
            for (key, list) in body.as_object().unwrap() {
                if key == "boost" {
                    assert!(list.is_number());
                    continue;
                }
                assert!(["must", "filter", "should", "must_not"].contains(&key.as_str()), "{q}");
                for clause in list.as_array().unwrap() {
                    validate(clause, map);
                }
            }
        }
        "constant_score" => {
            assert!(body["boost"].is_number());
            validate(&body["filter"], map);
        }
        other => panic!("query type {other} is not one newsidx emits: {q}"),
    }
}

fn tokens<'d>(doc: &'d Doc, field: &str) -> &'d [(usize, String)] {
    doc.tokens.get(field).map_or(&[], Vec::as_slice)
}

/// Whether `doc` matches `q`, as OpenSearch decides it.
fn matches(q: &Value, doc: &Doc) -> bool {
    let (kind, body) = q.as_object().unwrap().iter().next().unwrap();
    let one = |body: &Value| {
        let (f, v) = body.as_object().unwrap().iter().next().unwrap();
        (f.clone(), v.clone())
    };
    match kind.as_str() {
        "match_all" => true,
        "match_none" => false,
        "term" => {
            let (f, v) = one(body);
            let v = v.as_str().unwrap();
            match doc.keywords.get(&f) {
                Some(values) => values.iter().any(|x| x == v),
                None => tokens(doc, &f).iter().any(|(_, t)| t == v),
            }
        }
        "prefix" => {
            let (f, v) = one(body);
            tokens(doc, &f).iter().any(|(_, t)| t.starts_with(v.as_str().unwrap()))
        }
        "match_phrase" | "match_phrase_prefix" => {
            let (f, v) = one(body);
            let words: Vec<&str> = v["query"].as_str().unwrap().split_whitespace().collect();
            let toks = tokens(doc, &f);
            let at: HashMap<usize, &str> = toks.iter().map(|(p, t)| (*p, t.as_str())).collect();
            let prefix = kind == "match_phrase_prefix";
            toks.iter().any(|(start, _)| {
                words.iter().enumerate().all(|(i, w)| {
                    at.get(&(start + i)).is_some_and(|t| {
                        if prefix && i == words.len() - 1 { t.starts_with(w) } else { t == w }
                    })
                })
            })
        }
        "span_near" => {
            let slop = body["slop"].as_u64().unwrap() as usize;
            let clauses: Vec<(String, String)> = body["clauses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let (f, v) = one(&c["span_term"]);
                    (f, v.as_str().unwrap().to_string())
                })
                .collect();
            let toks = tokens(doc, &clauses[0].0);
            // In order, each after the last, total gap at most slop.
            fn fits(
                toks: &[(usize, String)],
                words: &[(String, String)],
                after: usize,
                gap: usize,
                slop: usize,
            ) -> bool {
                let Some(((_, w), rest)) = words.split_first() else { return true };
                toks.iter().filter(|(p, t)| t == w && *p > after).any(|(p, _)| {
                    let used = gap + (p - after - 1);
                    used <= slop && fits(toks, rest, *p, used, slop)
                })
            }
            let (first, rest) = clauses.split_first().unwrap();
            toks.iter().filter(|(_, t)| *t == first.1).any(|(p, _)| fits(toks, rest, *p, 0, slop))
        }
        "range" => {
            let (_, v) = one(body);
            v.get("gte").is_none_or(|g| doc.published >= g.as_i64().unwrap())
                && v.get("lt").is_none_or(|l| doc.published < l.as_i64().unwrap())
        }
        "constant_score" => matches(&body["filter"], doc),
        "bool" => {
            let list = |k: &str| body.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
            let (must, filter, should, not) =
                (list("must"), list("filter"), list("should"), list("must_not"));
            must.iter().chain(&filter).all(|c| matches(c, doc))
                && !not.iter().any(|c| matches(c, doc))
                && (should.iter().any(|c| matches(c, doc))
                    || !must.is_empty()
                    || !filter.is_empty()
                    || should.is_empty())
        }
        other => panic!("unknown query type {other}"),
    }
}

fn judged_queries() -> Vec<String> {
    let text = std::fs::read_to_string(sample_corpus().join("../tests/eval/queries.tsv")).unwrap();
    let queries = newsidx::eval::parse_queries(&text).unwrap();
    queries.into_iter().map(|q| q.query).collect()
}

#[test]
fn translated_queries_are_valid_dsl_and_match_what_newsidx_matches() {
    let env = eval_env();
    let out = tempfile::tempdir().unwrap();
    export(&env, out.path(), &[]);
    let map = mapped(&template(out.path()));
    let sources: Vec<Value> =
        actions(out.path(), 10_000_000).into_iter().filter_map(|(_, _, s)| s).collect();
    let docs = index_docs(&sources, &map);
    let mut cases: Vec<(String, Vec<&str>)> =
        judged_queries().into_iter().map(|q| (q, Vec::new())).collect();
    assert!(cases.len() >= 70, "{} judged queries", cases.len());
    // The rest of the language: phrases with slop and prefixes, negation,
    // fields, filters, kinds, acronyms, names with other spellings.
    for (q, filters) in [
        ("\"president Poetin\"~2", vec![]),
        ("vluchteling*", vec![]),
        ("\"Den Haa*\"", vec![]),
        ("Oekraïne NOT Rusland", vec![]),
        ("-Oekraïne kabinet", vec![]),
        ("Gaza OR \"Khan Younis\"", vec![]),
        ("title:Poetin", vec![]),
        ("location:Moskou OR dateline:Kiev", vec![]),
        ("agency:Reuters", vec![]),
        ("kind:brief storm", vec![]),
        ("GroenLinks-PvdA", vec![]),
        ("OM", vec![]),
        ("Putin", vec![]),
        ("*", vec!["--location", "Den Haag", "--since", "2025-11-28", "--until", "2025-12-03"]),
        ("Poetin", vec!["--agency", "ANP", "--kind", "article"]),
        ("organization:NAVO", vec![]),
    ] {
        cases.push((q.to_string(), filters));
    }
    let mut mismatches = Vec::new();
    for (query, filters) in &cases {
        let mut args = vec!["search", "--explain-as", "opensearch"];
        args.extend(filters.iter().copied());
        args.extend(["--", query.as_str()]);
        let output = env.run(&args);
        assert_exit(&output, 0);
        let request: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(request.as_object().unwrap().len(), 1);
        validate(&request["query"], &map);
        let cluster = docs.iter().filter(|d| matches(&request["query"], d)).count() as u64;
        let mut extra = vec!["--limit", "1"];
        extra.extend(filters.iter().copied());
        let local = env.search(query, &extra).total as u64;
        if cluster != local {
            mismatches.push(format!("{query} {filters:?}: newsidx {local}, cluster {cluster}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
}
