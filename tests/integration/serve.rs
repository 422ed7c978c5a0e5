//! `newsidx serve`: the JSON API against a server started on port 0 over a
//! temporary index of the sample corpus (plus hostile pages), and the pages
//! as HTML.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::*;

/// A running server; stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub env: TestEnv,
}

impl Drop for Server {
    fn drop(&mut self) {
        // Closing the shell's stdin stops the server (see `stopped_with_test`).
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// `command` run under a shell that stops it when its stdin closes: when
/// the test process ends, even without dropping the server (the shared
/// server lives in a static, which is never dropped), no server is left
/// running.
fn stopped_with_test(command: Command) -> Command {
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(r#""$0" "$@" </dev/null & pid=$!; read -r _; kill "$pid"; wait "$pid""#)
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(Stdio::piped());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => shell.env(key, value),
            None => shell.env_remove(key),
        };
    }
    shell
}

/// The sample corpus plus a page whose headline and body try to inject
/// markup and script.
pub fn hostile_env() -> TestEnv {
    let env = TestEnv::sample();
    env.write(
        "2025/12/09/aanval.txt",
        "<script>alert('kop')</script> Poetin \"><img src=x onerror=alert(1)>\n\
         MOSKOU (ANP) - Poetin zei <script>alert('tekst')</script> en \"><img src=x onerror=alert(2)> over de wapenstilstand in Oekraïne en de rol van de NAVO.\n",
    );
    env.build();
    env
}

impl Server {
    /// Starts `newsidx serve --bind 127.0.0.1:0` on `env`'s index and reads
    /// the address it prints.
    pub fn start(env: TestEnv) -> Server {
        let mut child = stopped_with_test(env.command(&["serve", "--bind", "127.0.0.1:0"]))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let base = line.split(" at ").nth(1).unwrap().trim().trim_end_matches('/').to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{line}");
        Server { child, base, env }
    }

    pub fn get(&self, path: &str) -> (u16, String, Vec<(String, String)>) {
        let response = match ureq::get(&format!("{}{path}", self.base)).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{path}: {e}"),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .map(|h| (h.clone(), response.header(&h).unwrap_or("").to_string()))
            .collect();
        (status, response.into_string().unwrap(), headers)
    }

    pub fn json(&self, path: &str) -> (u16, Value) {
        let (status, body, _) = self.get(path);
        (status, serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}")))
    }
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| Server::start(hostile_env()))
}

#[test]
fn search_answers_like_search_json_with_filters_and_paging() {
    let s = server();
    let (status, api) = s.json("/api/search?q=Poetin&location=Moskou&limit=3&facets=true");
    assert_eq!(status, 200);
    let cli = s.env.search("Poetin", &["--location", "Moskou", "--limit", "3", "--facets"]);
    assert_eq!(api["total"], cli.total);
    let api_ids: Vec<&str> =
        api["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(api_ids, ids(&cli.hits));
    assert!(api["facets"]["person"].as_array().is_some_and(|v| !v.is_empty()));
    assert_eq!(api["meta"]["query"], "Poetin");
    let (_, page2) = s.json("/api/search?q=Poetin&location=Moskou&limit=3&offset=3");
    let second: Vec<&str> =
        page2["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(second.iter().all(|id| !api_ids.contains(id)), "pages do not overlap");
    let (_, many) = s.json("/api/search?q=*&location=Moskou&location=Kiev&limit=1000");
    let (_, one) = s.json("/api/search?q=*&location=Moskou&limit=1000");
    assert!(
        many["total"].as_u64() > one["total"].as_u64(),
        "a repeated filter is any of its values"
    );
}

#[test]
fn proximity_queries_answer_like_the_command_line() {
    let s = server();
    let (status, api) = s.json("/api/search?q=Poetin%20w%2Fs%20Oekra%C3%AFne&limit=50");
    assert_eq!(status, 200);
    let cli = s.env.search("Poetin w/s Oekraïne", &["--limit", "50"]);
    assert!(cli.total > 0, "the sample corpus has Poetin and Oekraïne in one sentence");
    assert_eq!(api["total"], cli.total);
    let api_ids: Vec<&str> =
        api["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(api_ids, ids(&cli.hits));
    let (status, body) = s.json("/api/search?q=Poetin%20W%2F5");
    assert_eq!(status, 400);
    assert_eq!(body["column"], 8, "{body}");
}

#[test]
fn a_bad_query_is_a_400_with_the_message_and_the_column() {
    let (status, body) = server().json("/api/search?q=Poetin%20%22Xi");
    assert_eq!(status, 400);
    assert_eq!(body["column"], 8);
    assert!(body["error"].as_str().unwrap().contains("quote"), "{body}");
    for path in [
        "/api/search?q=x&limit=100000",
        "/api/search?q=x&offset=-1",
        "/api/search?q=x&kind=column",
        "/api/search?q=x&since=gisteren",
        "/api/timeline?q=x&by=decade",
        "/api/facets?q=x&field=kleur",
        "/api/export?q=x&format=xml",
        "/api/analyze?text=x&field=id",
    ] {
        let (status, body) = server().json(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body["error"].as_str().unwrap().contains("parameter"), "{path}: {body}");
    }
    let long = "a".repeat(5000);
    assert_eq!(server().json(&format!("/api/search?q={long}")).0, 400);
}

#[test]
fn unknown_ids_and_paths_are_404_and_no_input_is_a_500() {
    let s = server();
    assert_eq!(s.json("/api/story?id=bestaat/niet.txt%230").0, 404);
    assert_eq!(s.get("/story?id=..%2F..%2Fetc%2Fpasswd").0, 404);
    assert_eq!(s.get("/../../etc/passwd").0, 404);
    assert_eq!(s.get("/api/nope").0, 404);
    for path in [
        "/api/search?q=%FF%FE",
        "/api/search?q=((((((",
        "/api/search?q=title:",
        "/?q=%22&view=kwic",
        "/?view=timeline&query==&by=week",
        "/api/timeline?query=%3D",
        "/api/kwic?q=*&width=400",
        "/api/cooccur?q=*&field=person",
        "/api/terms?q=*",
        "/?q=*&view=terms",
        "/api/story",
    ] {
        let (status, _, _) = s.get(path);
        assert!(status < 500, "{path} gave {status}");
    }
}

#[test]
fn every_endpoint_mirrors_its_command() {
    let s = server();
    let (_, health) = s.json("/api/health");
    assert_eq!(health["status"], "ok");
    assert!(health["documents"].as_u64().unwrap() > 100);
    let (_, facets) = s.json("/api/facets?q=*&field=agency&top=3");
    assert_eq!(facets["facets"][0][0], "agency");
    let (_, timeline) =
        s.json("/api/timeline?query=Rusland%3DPoetin%20OR%20Rusland&query=Gaza&by=week");
    assert_eq!(timeline["series"].as_array().unwrap().len(), 2);
    assert_eq!(timeline["series"][0]["label"], "Rusland");
    let (_, kwic) = s.json("/api/kwic?q=Poetin&limit=2");
    assert_eq!(kwic["lines"].as_array().unwrap().len(), 2);
    assert_eq!(kwic["truncated"], true);
    let (_, pairs) = s.json("/api/cooccur?q=*&field=location&top=5");
    assert!(pairs["pairs"].is_array());
    let (_, terms) = s.json("/api/terms?q=Poetin");
    assert!(terms["terms"].is_array());
    let id = "2025/12/02/000_487c0d66560372fc.txt#0";
    let (status, story) = s.json(&format!("/api/story?id={}", id.replace('#', "%23")));
    assert_eq!(status, 200);
    assert_eq!(story["id"], id);
    let (_, analyzed) = s.json("/api/analyze?text=vluchtelingenkamp&field=body");
    assert!(analyzed["body"]["tokens"].as_array().unwrap().iter().any(|t| t["kind"] == "part"));
}

#[test]
fn export_streams_with_the_reproducibility_header_and_a_cap() {
    let s = server();
    let (status, body, headers) = s.get("/api/export?q=Poetin&format=csv&fields=id,title&max=2");
    assert_eq!(status, 200);
    assert!(
        headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("content-type") && v.starts_with("text/csv"))
    );
    assert!(body.starts_with("# ") && body.lines().any(|l| l == "# query: Poetin"), "{body}");
    let rows: Vec<&str> = body.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows[0], "id,title");
    assert_eq!(rows.len(), 3, "header and two capped rows: {body}");
    let (_, jsonl, _) = s.get("/api/export?q=Poetin&format=jsonl");
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["meta"]["query"], "Poetin");
}

#[test]
fn corpus_text_is_escaped_and_pages_carry_a_content_security_policy() {
    let s = server();
    for path in [
        "/?q=Poetin",
        "/?q=onerror",
        "/story?id=2025%2F12%2F09%2Faanval.txt%230",
        "/?q=Poetin&view=kwic",
    ] {
        let (status, html, headers) = s.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(!html.contains("<script>alert"), "{path}: unescaped script");
        assert!(!html.contains("<img src=x"), "{path}: unescaped img");
        assert!(
            html.contains("&lt;script&gt;") || path.contains("kwic"),
            "{path}: the text is shown escaped"
        );
        let csp = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-security-policy"));
        assert!(csp.is_some_and(|(_, v)| v.contains("script-src 'self'")), "{path}: {headers:?}");
    }
}

#[test]
fn the_page_keeps_its_state_in_the_url_and_shows_query_errors_at_their_column() {
    let s = server();
    let (_, html, _) = s.get("/?q=Poetin&location=Moskou");
    assert!(html.contains("Remove filter location Moskou"), "a chip for the filter");
    assert!(
        html.contains("newsidx search &#39;Poetin&#39; --location &#39;Moskou&#39;")
            || html.contains("newsidx search 'Poetin' --location 'Moskou'"),
        "reproduce panel"
    );
    assert!(html.contains("/api/search?q=Poetin&amp;location=Moskou"), "API link");
    let (status, html, _) = s.get("/?q=Poetin%20%22Xi");
    assert_eq!(status, 400);
    assert!(
        html.contains("Poetin \"Xi\n       ^") || html.contains("Poetin &quot;Xi\n       ^"),
        "{html}"
    );
}

#[test]
fn the_openapi_description_lists_every_route_with_its_parameters() {
    let (status, doc) = server().json("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/health",
        "/api/search",
        "/api/facets",
        "/api/timeline",
        "/api/kwic",
        "/api/cooccur",
        "/api/terms",
        "/api/story",
        "/api/export",
        "/api/analyze",
        "/api/openapi.json",
    ] {
        let get = &paths[path]["get"];
        assert!(
            get["responses"]["200"].is_object() && get["responses"]["400"].is_object(),
            "{path}"
        );
        // Every described path answers (not 404) on the running server.
        assert_ne!(server().get(path).0, 404, "{path} is described but not served");
    }
    assert_eq!(paths.len(), 11, "a described path not listed here");
    let names: Vec<&str> = paths["/api/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for flag in [
        "q",
        "location",
        "agency",
        "person",
        "organization",
        "section",
        "kind",
        "since",
        "until",
        "limit",
        "offset",
        "facets",
        "all_copies",
    ] {
        assert!(names.contains(&flag), "/api/search lacks {flag}");
    }
}

#[test]
fn a_new_build_is_served_without_a_restart() {
    let env = TestEnv::new();
    env.write(
        "a.txt",
        "Eerste kop\nDEN HAAG (ANP) - Het kabinet overlegt over de begroting van volgend jaar.\n",
    );
    env.build();
    let server = Server::start(env);
    assert_eq!(server.json("/api/search?q=*").1["total"], 1);
    server.env.write(
        "b.txt",
        "Tweede kop\nDEN HAAG (ANP) - De Tweede Kamer stemt over de begroting van volgend jaar.\n",
    );
    server.env.build();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(server.json("/api/search?q=*").1["total"], 2, "the commit is picked up");
    server.env.build_with(&["--rebuild"], 0);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(server.json("/api/search?q=*").1["total"], 2, "and a new generation");
}

#[test]
fn serve_warns_when_it_listens_beyond_loopback() {
    let env = TestEnv::sample();
    env.build();
    let mut child = env
        .command(&["serve", "--bind", "0.0.0.0:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("warning") && line.contains("other machines"), "{line}");
}
