//! Hostile names: a partnership whose names hold HTML and SVG markup,
//! markdown pipes and emphasis, spreadsheet formulas, line breaks, quotes
//! and a terminal escape (tests/hostile/hostile-names.toml). No output
//! format may let them change its structure or run as code.

use assert_cmd::Command;

const FILE: &str = "tests/hostile/hostile-names.toml";

fn report(args: &[&str]) -> String {
    let out = Command::cargo_bin("powershare")
        .expect("the binary is built for tests")
        .args(["report", FILE])
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

/// Guards against: a `|` or a line break in a name adding a column or
/// ending a table; `<script>` or `<img onerror>` passing as raw HTML.
#[test]
fn markdown_tables_keep_their_columns_and_no_raw_html() {
    let md = report(&["--format", "markdown"]);
    let mut expected: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        // Count the cell separators that are not escaped.
        let mut count = 0;
        let mut escaped = false;
        for c in line.chars() {
            match (c, escaped) {
                ('\\', false) => escaped = true,
                ('|', false) => count += 1,
                _ => escaped = false,
            }
        }
        match expected {
            None => expected = Some(count),
            Some(n) => assert_eq!(count, n, "a row changed the column count: {line}"),
        }
    }
    // Every `<` is escaped, so no HTML tag can open.
    for (k, _) in md.match_indices('<') {
        assert!(
            k > 0 && md.as_bytes()[k - 1] == b'\\',
            "unescaped < at byte {k}: {}",
            &md[k.saturating_sub(20)..(k + 20).min(md.len())]
        );
    }
    assert!(md.contains(r"\<script\>alert(1)\</script\>"));
    // A heading can only come from the renderer, never from a name.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        headings
            .iter()
            .all(|h| h.starts_with("# \\<script") || h.starts_with("## ")),
        "{headings:?}"
    );
    assert!(!md.contains('\u{1b}'), "terminal escape passed through");
}

/// Guards against: a name that a spreadsheet would run as a formula
/// (`=cmd|' /C calc'!A0`, `+SUM`, `@import`, `-1`), and a line break or
/// comma in a name shifting the columns.
#[test]
fn csv_cells_are_never_formulas_and_rows_keep_their_length() {
    for table in ["bodies", "dyads", "indices"] {
        let csv = report(&["--format", "csv", "--table", table]);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(csv.as_bytes());
        let width = reader.headers().expect("a header").len();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.expect("a well-formed CSV record");
            assert_eq!(record.len(), width, "{table}: {record:?}");
            for field in &record {
                let starts_formula = field
                    .trim_start_matches(' ')
                    .starts_with(['=', '+', '-', '@', '\t', '\r']);
                // Only numbers that powershare writes may start with `-`.
                assert!(
                    !starts_formula || field.parse::<f64>().is_ok(),
                    "{table}: formula cell {field:?}"
                );
            }
            rows += 1;
        }
        assert!(rows > 0, "{table}: no rows");
        if table != "indices" {
            assert!(csv.contains("'=cmd|' /C calc'!A0"), "{table}");
        }
    }
}

/// The tags and attributes the HTML report writes itself; anything else
/// would have come from a name.
const TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "article",
    "header",
    "nav",
    "a",
    "p",
    "h1",
    "h2",
    "h3",
    "section",
    "figure",
    "svg",
    "desc",
    "g",
    "line",
    "path",
    "rect",
    "circle",
    "text",
    "tspan",
    "polyline",
    "figcaption",
    "ol",
    "ul",
    "li",
    "span",
    "code",
    "dl",
    "div",
    "dt",
    "dd",
    "details",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "footer",
    "strong",
];

/// Guards against: `<script>`, `<img onerror>`, `</text></svg>` or a quote
/// in a name opening a tag, an event handler or closing a chart early.
#[test]
fn html_holds_only_its_own_tags() {
    let html = report(&["--format", "html"]);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script tag");
    assert!(!lower.contains("<img"), "an img tag");
    for (k, _) in html.match_indices('<') {
        let rest = &html[k + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            TAGS.contains(&name.as_str()),
            "unexpected tag <{name}> near {}",
            &rest[..rest.len().min(60)]
        );
        let tag_end = rest.find('>').expect("tags close");
        let tag = &rest[..tag_end];
        for attr in tag.split_whitespace().skip(1) {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "handler {attr}"
            );
        }
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("=cmd|&#39; /C calc&#39;!A0"));
    assert!(!html.contains('\u{1b}'), "terminal escape passed through");
}

/// Guards against: a line break in a name breaking the text report's
/// lines, or an escape sequence reaching the terminal.
#[test]
fn text_keeps_names_on_their_line() {
    let text = report(&[]);
    assert!(!text.contains('\u{1b}'), "terminal escape passed through");
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.ends_with("(2025 26 | <b>bold</b>)")),
        "{text}"
    );
}

/// JSON escapes by itself; the names come back exactly as written.
#[test]
fn json_keeps_names_exactly() {
    let json = report(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["bodies"][0]["name"], "<script>alert(1)</script>");
    assert_eq!(v["bodies"][2]["name"], "=cmd|' /C calc'!A0");
}
