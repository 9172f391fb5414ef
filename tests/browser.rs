//! The HTML report in a real browser: every sample (and the hostile-names
//! file) is rendered, and so is the printable questionnaire of `survey
//! template --format html`, opened in headless Chromium through ChromeDriver,
//! and checked: the page loads with no console error (a Content-Security-
//! Policy violation, a failed load or a script error would all be one), it
//! loads nothing from anywhere, it runs no script, every chart is an SVG of
//! non-zero size with a title, a text alternative and a caption, and the
//! page does not overflow its width. A full-page screenshot (PNG) and an A4
//! print (PDF) of each report are written to `target/tmp/browser/` for a
//! person to look at. The board brief of every sample is printed to PDF
//! the same way and must fill exactly one A4 page.
//!
//! The programme overview (`powershare programme --format html`) is opened
//! the same way: no console error, nothing loaded, its one inline script
//! (pinned by its hash in the page's Content-Security-Policy) sorts the
//! table when a column heading is clicked, and every chart has a size.
//!
//! Chromium and ChromeDriver are Debian's `chromium` and `chromium-driver`.
//! When they are missing the test is skipped with a message, unless
//! `POWERSHARE_BROWSER_TEST=1` (set by `.ci/run`, which installs them), in
//! which case it fails: CI never skips it silently.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

use crate::common::{HOSTILE, powershare, root, samples};

const REQUIRED: &str = "POWERSHARE_BROWSER_TEST";

/// The flags the issue asks for (plus a window size), with a fresh profile
/// directory added per session.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
    "--window-size=1100,900",
];

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// ChromeDriver, stopped when dropped.
struct Driver {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(path: &Path) -> Driver {
        // A free port: bind to 0, read it, let go (ChromeDriver binds next).
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free local port")
            .port();
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(120)))
            .http_status_as_error(false)
            .build()
            .into();
        let driver = Driver {
            child,
            base: format!("http://127.0.0.1:{port}"),
            agent,
        };
        let start = Instant::now();
        loop {
            if let Ok(v) = driver.call("GET", "/status", None)
                && v["value"]["ready"] == true
            {
                return driver;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let url = format!("{}{}", self.base, path);
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .content_type("application/json")
                .send(body.unwrap_or(json!({})).to_string()),
        };
        let mut response = response.map_err(|e| e.to_string())?;
        let mut text = String::new();
        response
            .body_mut()
            .as_reader()
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
        if v["value"]["error"].is_string() {
            return Err(format!("{path}: {}", v["value"]));
        }
        Ok(v)
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, path, body)
            .unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"))
    }

    /// A new browser session with a fresh profile (kept until dropped):
    /// its id and the profile directory.
    fn session(&self, chromium: &Path) -> (String, tempfile::TempDir) {
        let profile = tempfile::tempdir().expect("a fresh profile directory");
        let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let session = self.must(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": chromium, "args": args},
                "goog:loggingPrefs": {"browser": "ALL"}
            }}})),
        );
        let id = session["value"]["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        (id, profile)
    }
}

/// Chromium and ChromeDriver, or `None` (the test is skipped) when they are
/// missing and not required.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let required = std::env::var(REQUIRED).is_ok_and(|v| v == "1");
    match (on_path("chromium"), on_path("chromedriver")) {
        (Some(chromium), Some(chromedriver)) => Some((chromium, chromedriver)),
        _ => {
            assert!(
                !required,
                "{REQUIRED}=1 but chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
            );
            eprintln!(
                "browser test skipped: chromium and chromedriver are not installed (set {REQUIRED}=1 to require them)"
            );
            None
        }
    }
}

/// The number of pages of a PDF: its page objects (`/Type /Page`, not
/// `/Pages`), which Chromium's PDF writer keeps uncompressed.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, m)| !text[at + m.len()..].starts_with('s'))
        .count()
}

/// What the page reports about itself, measured inside the browser.
const MEASURE: &str = r#"
const charts = Array.from(document.querySelectorAll('figure.chart')).map(fig => {
  const svg = fig.querySelector('svg');
  const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const ids = svg ? (svg.getAttribute('aria-labelledby') || '').split(' ').filter(x => x) : [];
  return {
    id: fig.id,
    width: r.width,
    height: r.height,
    role: svg ? svg.getAttribute('role') : null,
    title: svg && svg.querySelector(':scope > title') ? svg.querySelector(':scope > title').textContent : '',
    labelled: ids.length > 0 && ids.every(id => document.getElementById(id)),
    caption: fig.querySelector('figcaption') ? fig.querySelector('figcaption').textContent : ''
  };
});
return {
  ready: document.readyState,
  title: document.title,
  charts: charts,
  scripts: document.querySelectorAll('script').length,
  resources: performance.getEntriesByType('resource').length,
  text: document.body.innerText,
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  height: document.documentElement.scrollHeight
};
"#;

struct Page {
    name: String,
    html: PathBuf,
    /// A report (with its charts), or the printable questionnaire.
    questionnaire: bool,
}

fn render_pages(dir: &Path) -> Vec<Page> {
    let mut inputs = samples();
    inputs.push(root().join(HOSTILE));
    inputs
        .into_iter()
        .map(|input| {
            let name = input
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .to_string();
            let html = dir.join(format!("{name}.html"));
            powershare()
                .arg("report")
                .arg(&input)
                .args(["--format", "html", "-o"])
                .arg(&html)
                .assert()
                .success();
            Page {
                name,
                html,
                questionnaire: false,
            }
        })
        .chain(std::iter::once_with(|| {
            // The questionnaire of `survey template --format html`.
            let html = dir.join("questionnaire.html");
            powershare()
                .args([
                    "survey",
                    "template",
                    "sample-partnerships/northfield-health-partnership.toml",
                ])
                .args(["--format", "html", "-o"])
                .arg(&html)
                .assert()
                .success();
            Page {
                name: "questionnaire".into(),
                html,
                questionnaire: true,
            }
        }))
        .collect()
}

#[test]
fn html_reports_load_cleanly_in_chromium() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).expect("output directory");
    let pages = render_pages(&out);
    let driver = Driver::start(&chromedriver);
    let mut failures = Vec::new();
    for page in &pages {
        let (id, _profile) = driver.session(&chromium);
        let s = |p: &str| format!("/session/{id}{p}");
        let url = format!("file://{}", page.html.display());
        driver.must("POST", &s("/url"), Some(json!({ "url": url })));
        let m = driver.must(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": MEASURE, "args": []})),
        )["value"]
            .clone();
        let logs =
            driver.must("POST", &s("/se/log"), Some(json!({"type": "browser"})))["value"].clone();
        let mut problems = Vec::new();
        for entry in logs.as_array().into_iter().flatten() {
            if entry["level"] == "SEVERE" || entry["level"] == "WARNING" {
                problems.push(format!("console {}: {}", entry["level"], entry["message"]));
            }
        }
        if m["ready"] != "complete" {
            problems.push(format!("document not loaded: {}", m["ready"]));
        }
        if m["scripts"] != 0 {
            problems.push(format!("{} script elements", m["scripts"]));
        }
        if m["resources"] != 0 {
            problems.push(format!("loaded {} resources", m["resources"]));
        }
        if m["scrollWidth"].as_f64() > m["clientWidth"].as_f64() {
            problems.push(format!(
                "page overflows its width: {} > {}",
                m["scrollWidth"], m["clientWidth"]
            ));
        }
        // On a phone-sized window the page must not overflow either: wide
        // tables scroll inside their own box, charts shrink.
        driver.must(
            "POST",
            &s("/window/rect"),
            Some(json!({"width": 400, "height": 900})),
        );
        let narrow = driver.must(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];", "args": []})),
        )["value"]
            .clone();
        if narrow[0].as_f64() > narrow[1].as_f64() {
            problems.push(format!("narrow window: page overflows, {narrow}"));
        }
        driver.must(
            "POST",
            &s("/window/rect"),
            Some(json!({"width": 1100, "height": 900})),
        );
        let charts = m["charts"].as_array().cloned().unwrap_or_default();
        // Every sample has data for every chart: see-saw, small multiples,
        // Lorenz, voting, dependence, network. The questionnaire has none,
        // and every question and every partner.
        if page.questionnaire {
            let text = m["text"].as_str().unwrap_or("");
            for shown in [
                "How much say does each partner have",
                "Northfield Faiths Forum",
                "never",
                "almost always",
            ] {
                if !text.contains(shown) {
                    problems.push(format!("the questionnaire does not show {shown:?}"));
                }
            }
        } else if charts.len() < 6 {
            problems.push(format!("{} charts, expected 6", charts.len()));
        }
        for c in &charts {
            let area = c["width"].as_f64().unwrap_or(0.0) * c["height"].as_f64().unwrap_or(0.0);
            if area <= 0.0 {
                problems.push(format!("chart {} has no size", c["id"]));
            }
            if c["role"] != "img"
                || c["title"].as_str().is_none_or(str::is_empty)
                || c["labelled"] != true
                || c["caption"].as_str().is_none_or(str::is_empty)
            {
                problems.push(format!(
                    "chart {} lacks a title or text alternative",
                    c["id"]
                ));
            }
        }
        if page.name == "hostile-names" {
            let text = m["text"].as_str().unwrap_or("");
            for shown in [
                "<script>alert(1)</script>",
                "=cmd|' /C calc'!A0",
                "<img src=x onerror=alert(2)>",
            ] {
                if !text.contains(shown) {
                    problems.push(format!("{shown:?} is not shown as text"));
                }
            }
            if driver.call("GET", &s("/alert/text"), None).is_ok() {
                problems.push("an alert is open".into());
            }
        }
        // A full-page screenshot, and the A4 print.
        let width = m["scrollWidth"].as_f64().unwrap_or(1100.0);
        let height = m["height"].as_f64().unwrap_or(900.0);
        let shot = driver.must(
            "POST",
            &s("/goog/cdp/execute"),
            Some(json!({"cmd": "Page.captureScreenshot", "params": {
                "format": "png", "captureBeyondViewport": true,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
            }})),
        );
        let png = decode(&shot["value"]["data"]);
        if png.len() < 10_000 {
            problems.push(format!("screenshot of {} bytes", png.len()));
        }
        std::fs::write(out.join(format!("{}.png", page.name)), png).expect("write screenshot");
        let pdf = driver.must(
            "POST",
            &s("/print"),
            Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
        );
        std::fs::write(
            out.join(format!("{}.pdf", page.name)),
            decode(&pdf["value"]),
        )
        .expect("write PDF");
        driver.must("DELETE", &s(""), None);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", page.name, problems.join("\n  ")));
        }
    }
    eprintln!("screenshots and A4 prints in {}", out.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The board brief of every sample (and of the hostile-names file) prints
/// on exactly one A4 page: Chromium's print to PDF (WebDriver print, A4,
/// margins of 12 mm as the brief's `@page` asks), pages counted in the PDF.
/// The page also loads cleanly: no console message, no script, nothing
/// loaded, a see-saw with a text alternative.
#[test]
fn briefs_print_on_one_a4_page() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).expect("output directory");
    let mut inputs = samples();
    inputs.push(root().join(HOSTILE));
    let driver = Driver::start(&chromedriver);
    let mut failures = Vec::new();
    for input in inputs {
        let name = input
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let html = out.join(format!("{name}-brief.html"));
        powershare()
            .arg("brief")
            .arg(&input)
            .args(["--format", "html", "-o"])
            .arg(&html)
            .assert()
            .success();
        let (id, _profile) = driver.session(&chromium);
        let s = |p: &str| format!("/session/{id}{p}");
        let url = format!("file://{}", html.display());
        driver.must("POST", &s("/url"), Some(json!({ "url": url })));
        let m = driver.must(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": MEASURE, "args": []})),
        )["value"]
            .clone();
        let logs =
            driver.must("POST", &s("/se/log"), Some(json!({"type": "browser"})))["value"].clone();
        let mut problems = Vec::new();
        for entry in logs.as_array().into_iter().flatten() {
            if entry["level"] == "SEVERE" || entry["level"] == "WARNING" {
                problems.push(format!("console {}: {}", entry["level"], entry["message"]));
            }
        }
        if m["scripts"] != 0 || m["resources"] != 0 {
            problems.push(format!(
                "{} scripts, {} resources",
                m["scripts"], m["resources"]
            ));
        }
        let charts = m["charts"].as_array().cloned().unwrap_or_default();
        if charts.len() != 1 || charts[0]["title"].as_str().is_none_or(str::is_empty) {
            problems.push(format!("expected one see-saw with a title, got {charts:?}"));
        }
        let pdf = driver.must(
            "POST",
            &s("/print"),
            Some(json!({
                "page": {"width": 21.0, "height": 29.7},
                "margin": {"top": 1.2, "bottom": 1.2, "left": 1.2, "right": 1.2},
                "shrinkToFit": false,
                "background": true
            })),
        );
        let pdf = decode(&pdf["value"]);
        let pages = pdf_pages(&pdf);
        if pages != 1 {
            problems.push(format!("prints on {pages} A4 pages, not 1"));
        }
        std::fs::write(out.join(format!("{name}-brief.pdf")), pdf).expect("write PDF");
        driver.must("DELETE", &s(""), None);
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    eprintln!("board briefs and their A4 prints in {}", out.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pdf_pages_are_counted_without_the_pages_tree() {
    let two = b"<</Type /Pages /Count 2 /Kids [3 0 R 4 0 R]>> <</Type /Page /Parent 2 0 R>> <</Type /Page\n/Parent 2 0 R>>";
    assert_eq!(pdf_pages(two), 2);
    assert_eq!(pdf_pages(b"<</Type /Pages /Count 0>>"), 0);
}

fn decode(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().expect("base64 data"))
        .expect("valid base64")
}

/// Sort the partnerships table by column `col` (a click on its heading)
/// and return that column's `data-value` in row order.
const SORT: &str = r#"
const col = arguments[0];
document.querySelectorAll('#partnerships thead button')[col].click();
return Array.from(document.querySelectorAll('#partnerships tbody tr')).map(r => r.cells[col].getAttribute('data-value'));
"#;

#[test]
fn programme_overview_loads_cleanly_and_sorts_in_chromium() {
    let required = std::env::var(REQUIRED).is_ok_and(|v| v == "1");
    let (Some(chromium), Some(chromedriver)) = (on_path("chromium"), on_path("chromedriver"))
    else {
        assert!(
            !required,
            "{REQUIRED}=1 but chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
        eprintln!("browser test skipped: chromium and chromedriver are not installed");
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-programme");
    std::fs::create_dir_all(&out).expect("output directory");
    let html = out.join("overview.html");
    powershare()
        .args([
            "programme",
            "sample-partnerships",
            "examples/funder/2024-25",
            "--policy",
            "examples/funder/policy.toml",
            "--format",
            "html",
            "-o",
        ])
        .arg(&html)
        .arg("--reports-dir")
        .arg(out.join("reports"))
        .assert()
        .success();
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().expect("a fresh profile directory");
    let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let session = driver.must(
        "POST",
        "/session",
        Some(json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"}
        }}})),
    );
    let id = session["value"]["sessionId"]
        .as_str()
        .expect("a session id")
        .to_string();
    let s = |p: &str| format!("/session/{id}{p}");
    driver.must(
        "POST",
        &s("/url"),
        Some(json!({ "url": format!("file://{}", html.display()) })),
    );
    let m = driver.must(
        "POST",
        &s("/execute/sync"),
        Some(json!({"script": MEASURE, "args": []})),
    )["value"]
        .clone();
    let mut problems = Vec::new();
    if m["ready"] != "complete" {
        problems.push(format!("document not loaded: {}", m["ready"]));
    }
    if m["scripts"] != 1 {
        problems.push(format!(
            "{} script elements, expected the one that sorts",
            m["scripts"]
        ));
    }
    if m["resources"] != 0 {
        problems.push(format!("loaded {} resources", m["resources"]));
    }
    if m["scrollWidth"].as_f64() > m["clientWidth"].as_f64() {
        problems.push(format!(
            "page overflows its width: {} > {}",
            m["scrollWidth"], m["clientWidth"]
        ));
    }
    let charts = m["charts"].as_array().cloned().unwrap_or_default();
    // Two histograms, the finding codes, one trend.
    if charts.len() != 4 {
        problems.push(format!("{} charts, expected 4", charts.len()));
    }
    for c in &charts {
        let area = c["width"].as_f64().unwrap_or(0.0) * c["height"].as_f64().unwrap_or(0.0);
        if area <= 0.0 {
            problems.push(format!("chart {} has no size", c["id"]));
        }
        if c["role"] != "img"
            || c["title"].as_str().is_none_or(str::is_empty)
            || c["labelled"] != true
            || c["caption"].as_str().is_none_or(str::is_empty)
        {
            problems.push(format!(
                "chart {} lacks a title or text alternative",
                c["id"]
            ));
        }
    }
    // Sort by top share (column 5): ascending, then descending.
    let values = |v: Value| -> Vec<f64> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().and_then(|s| s.parse().ok()))
            .collect()
    };
    let up = values(
        driver.must(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": SORT, "args": [5]})),
        )["value"]
            .clone(),
    );
    let down = values(
        driver.must(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": SORT, "args": [5]})),
        )["value"]
            .clone(),
    );
    if up.len() < 5 || !up.windows(2).all(|w| w[0] <= w[1]) {
        problems.push(format!("not sorted ascending by top share: {up:?}"));
    }
    if down.len() != up.len() || !down.windows(2).all(|w| w[0] >= w[1]) {
        problems.push(format!("not sorted descending by top share: {down:?}"));
    }
    driver.must(
        "POST",
        &s("/window/rect"),
        Some(json!({"width": 400, "height": 900})),
    );
    let narrow = driver.must(
        "POST",
        &s("/execute/sync"),
        Some(json!({"script": "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];", "args": []})),
    )["value"]
        .clone();
    if narrow[0].as_f64() > narrow[1].as_f64() {
        problems.push(format!("narrow window: page overflows, {narrow}"));
    }
    // Console last: a script refused by the CSP or failing on a click shows here.
    let logs =
        driver.must("POST", &s("/se/log"), Some(json!({"type": "browser"})))["value"].clone();
    for entry in logs.as_array().into_iter().flatten() {
        if entry["level"] == "SEVERE" || entry["level"] == "WARNING" {
            problems.push(format!("console {}: {}", entry["level"], entry["message"]));
        }
    }
    driver.must(
        "POST",
        &s("/window/rect"),
        Some(json!({"width": 1100, "height": 900})),
    );
    let shot = driver.must(
        "POST",
        &s("/goog/cdp/execute"),
        Some(json!({"cmd": "Page.captureScreenshot", "params": {"format": "png", "captureBeyondViewport": true}})),
    );
    std::fs::write(out.join("overview.png"), decode(&shot["value"]["data"]))
        .expect("write screenshot");
    driver.must("DELETE", &s(""), None);
    eprintln!("screenshot in {}", out.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
