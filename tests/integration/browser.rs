//! The workbench in a real headless Chromium, driven over WebDriver
//! (Debian's `chromium` and `chromium-driver`; `.ci/run` installs them):
//! type a query, click a facet, open a story and follow an entity, draw a
//! timeline of two labelled queries, export, and open the co-occurrence
//! and key-terms views of the selection. Screenshots go to
//! `target/screenshots/` (and, with `NEWSIDX_SCREENSHOTS=docs`, to
//! `docs/screenshots/` for the README).
//!
//! Without a browser the tests fail when `NEWSIDX_REQUIRE_BROWSER=1` (CI
//! sets it) and otherwise announce that they were skipped.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

use crate::serve::{Server, hostile_env};
use crate::util::announce;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process with one browser session.
struct Driver {
    child: Child,
    url: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.url, self.session)).call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    names.iter().map(PathBuf::from).find(|p| p.exists()).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.exists())
    })
}

impl Driver {
    /// Starts chromedriver and a headless Chromium session, or `None`
    /// (announced) when they are not installed.
    fn start() -> Option<Driver> {
        let driver = find_program(&["/usr/bin/chromedriver", "chromedriver"]);
        let browser = find_program(&["/usr/bin/chromium", "chromium", "chromium-browser"]);
        let (Some(driver), Some(browser)) = (driver, browser) else {
            let message = "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
            assert!(
                std::env::var_os("NEWSIDX_REQUIRE_BROWSER").is_none_or(|v| v != "1"),
                "NEWSIDX_REQUIRE_BROWSER=1 but {message}"
            );
            announce(&format!("SKIPPED (no browser): {message}"));
            return None;
        };
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while ureq::get(&format!("{url}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": browser, "args": args } } } });
        let created: Value = ureq::post(&format!("{url}/session"))
            .send_json(capabilities)
            .unwrap()
            .into_json()
            .unwrap();
        let session = created["value"]["sessionId"].as_str().unwrap().to_string();
        Some(Driver { child, url, session, _profile: profile })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.url, self.session);
        let request = ureq::request(method, &url);
        let response = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        let response = match response {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        response.into_json::<Value>().unwrap()["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn current_url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap_or_default().to_string()
    }

    fn all(&self, css: &str) -> Vec<String> {
        let found =
            self.call("POST", "/elements", Some(json!({ "using": "css selector", "value": css })));
        found
            .as_array()
            .map(|a| a.iter().filter_map(|e| e[ELEMENT].as_str().map(String::from)).collect())
            .unwrap_or_default()
    }

    /// The first element matching `css`, waiting up to ten seconds.
    fn wait(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(first) = self.all(css).into_iter().next() {
                return first;
            }
            assert!(Instant::now() < deadline, "no {css} on {}", self.current_url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn click(&self, element: &str) {
        self.call("POST", &format!("/element/{element}/click"), Some(json!({})));
    }

    fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn attribute(&self, element: &str, name: &str) -> String {
        self.call("GET", &format!("/element/{element}/attribute/{name}"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// A DOM property (`href` here is absolute, unlike the attribute).
    fn property(&self, element: &str, name: &str) -> String {
        self.call("GET", &format!("/element/{element}/property/{name}"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The computed background colour of an element's `::before` box.
    fn before_background(&self, element: &str) -> String {
        let script = "return getComputedStyle(arguments[0], '::before').backgroundColor";
        let args = json!({ "script": script, "args": [{ ELEMENT: element }] });
        self.call("POST", "/execute/sync", Some(args)).as_str().unwrap_or_default().to_string()
    }

    fn type_in(&self, element: &str, text: &str) {
        self.call("POST", &format!("/element/{element}/clear"), Some(json!({})));
        self.call("POST", &format!("/element/{element}/value"), Some(json!({ "text": text })));
    }

    /// Waits until the URL contains `part`.
    fn wait_url(&self, part: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.current_url();
            if url.contains(part) {
                return url;
            }
            assert!(Instant::now() < deadline, "the URL never held {part:?}: {url}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Saves a screenshot as a test artefact (and for the README).
    fn screenshot(&self, name: &str) {
        let png = self.call("GET", "/screenshot", None);
        let bytes =
            base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap()).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let folder = root.join("target/screenshots");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{name}.png")), &bytes).unwrap();
        if std::env::var_os("NEWSIDX_SCREENSHOTS").is_some_and(|v| v == "docs") {
            let docs = root.join("docs/screenshots");
            std::fs::create_dir_all(&docs).unwrap();
            std::fs::write(docs.join(format!("{name}.png")), &bytes).unwrap();
        }
    }
}

/// The number in `text` after `prefix`-less start (`"123 matching stories…"`).
fn leading_number(text: &str) -> u64 {
    text.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0)
}

#[test]
fn an_analyst_session_in_a_real_browser() {
    let Some(browser) = Driver::start() else { return };
    let server = Server::start(hostile_env());

    // Type a query and see the hits.
    browser.goto(&format!("{}/", server.base));
    let query = browser.wait("#q");
    browser.type_in(&query, "Oekraïne\u{E007}");
    browser.wait_url("q=Oekra");
    let total = leading_number(&browser.text(&browser.wait("#summary")));
    assert!(total > 3, "hits for Oekraïne: {total}");
    assert!(!browser.all("ol.hits li.hit").is_empty());
    browser.screenshot("search");

    // Click a facet: the URL and the counts change.
    // (a location that narrows the hits, not the one every hit shares)
    browser.wait("nav.facets a[data-facet=location]");
    let links = browser.all("nav.facets a[data-facet=location]");
    let values = browser.all("nav.facets a[data-facet=location] .value");
    let counts = browser.all("nav.facets a[data-facet=location] .count");
    let narrowing = (0..links.len())
        .map(|i| (i, browser.text(&counts[i]).parse::<u64>().unwrap()))
        .find(|&(_, count)| count < total);
    let (i, count) = narrowing.expect("a location facet narrower than the hits");
    let value = browser.text(&values[i]);
    browser.click(&links[i]);
    let url = browser.wait_url("location=");
    assert!(url.contains("q=Oekra"), "the query stays: {url}");
    let filtered = leading_number(&browser.text(&browser.wait("#summary")));
    assert_eq!(filtered, count, "the facet said {count} for {value}");
    assert!(filtered < total);
    assert!(!browser.all("ul.chips .chip").is_empty(), "the filter shows as a chip");
    browser.screenshot("facet");

    // Remove the chip with the keyboard-reachable link, then go back.
    browser.click(&browser.wait("ul.chips a.remove"));
    browser.wait("#summary");
    assert!(!browser.current_url().contains("location="));
    browser.call("POST", "/back", Some(json!({})));
    browser.wait_url("location=");

    // Open a story and click an entity.
    browser.click(&browser.wait("ol.hits li.hit h3 a"));
    browser.wait_url("/story?id=");
    let entity = browser.wait(".story .body a.entity");
    let kind = browser.attribute(&entity, "title");
    browser.screenshot("story");
    browser.click(&entity);
    let url = browser.wait_url(&format!("{kind}="));
    assert!(leading_number(&browser.text(&browser.wait("#summary"))) > 0, "{url}");

    // The timeline of two labelled queries.
    browser.goto(&format!("{}/?view=timeline&q=*", server.base));
    let first = browser.wait("#series0");
    browser.type_in(&first, "Rusland=Poetin OR Rusland");
    browser.type_in(&browser.wait("#series1"), "Gaza=Gaza OR \"Khan Younis\"");
    browser.click(&browser.wait("form.timeline-form button"));
    browser.wait_url("query=Rusland");
    assert_eq!(browser.all("figure.chart polyline").len(), 2, "one line per labelled query");
    let legend: Vec<String> = browser.all(".legend").iter().map(|l| browser.text(l)).collect();
    assert_eq!(legend, ["Rusland", "Gaza"]);
    let swatches: Vec<String> =
        browser.all(".legend").iter().map(|l| browser.before_background(l)).collect();
    let transparent = |c: &String| c.is_empty() || c == "rgba(0, 0, 0, 0)";
    assert!(
        !swatches.iter().any(transparent) && swatches[0] != swatches[1],
        "legend colours {swatches:?}"
    );
    browser.screenshot("timeline");
    let period = browser.wait("figure.chart a");
    browser.click(&period);
    let url = browser.wait_url("since=");
    assert!(url.contains("until=") && url.contains("view=hits"), "{url}");

    // KWIC and the export of the current selection.
    browser.goto(&format!("{}/?q=Poetin&view=kwic", server.base));
    browser.wait("table.kwic td.match mark");
    browser.screenshot("kwic");
    let link = browser.property(&browser.wait(".export a"), "href");
    let csv = ureq::get(&link).call().unwrap().into_string().unwrap();
    assert!(csv.lines().any(|l| l == "# query: Poetin"), "{csv}");
    assert!(csv.lines().filter(|l| !l.starts_with('#')).count() > 2);
    let command = browser.text(&browser.wait("#command"));
    assert!(command.starts_with("newsidx kwic 'Poetin'"), "{command}");

    // Co-occurrence and key terms of the same selection, one tab away.
    browser.click(&browser.wait("nav.tabs a[href*='view=cooccur']"));
    browser.wait_url("view=cooccur");
    assert!(browser.current_url().contains("q=Poetin"));
    let pair = browser.wait("table.pairs tbody tr td a");
    assert!(!browser.text(&pair).is_empty());
    browser.screenshot("cooccur");
    browser.click(&browser.wait("nav.tabs a[href*='view=terms']"));
    browser.wait_url("view=terms");
    let term = browser.wait("table.terms tbody tr td a");
    let word = browser.text(&term);
    browser.screenshot("terms");
    browser.click(&term);
    let url = browser.wait_url("view=hits");
    assert!(leading_number(&browser.text(&browser.wait("#summary"))) > 0, "{word}: {url}");
}
