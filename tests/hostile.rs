//! Hostile names: a partnership whose names hold HTML and SVG markup,
//! markdown pipes and emphasis, spreadsheet formulas, line breaks, quotes
//! and a terminal escape (tests/hostile/hostile-names.toml). No output
//! format may let them change its structure or run as code.

use crate::common::{HOSTILE, powershare, stdout_of};

fn report(args: &[&str]) -> String {
    stdout_of(powershare().args(["report", HOSTILE]).args(args))
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
/// lines, or an escape sequence reaching the terminal. Both are shown
/// escaped, so the reader sees what the file holds.
#[test]
fn text_keeps_names_on_their_line() {
    let text = report(&[]);
    assert!(!text.contains('\u{1b}'), "terminal escape passed through");
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.ends_with(r"(2025\n26 | <b>bold</b>)")),
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

/// Runs powershare with `args` in `dir`; returns (stdout, stderr).
fn run_in(dir: &std::path::Path, args: &[&str]) -> (String, String) {
    let out = powershare()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("powershare runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// Nothing a file (or its name) holds reaches the terminal as a control
/// character or a bidirectional override, in any command's text output or
/// error message.
#[track_caller]
fn assert_inert(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{what}: raw {c:?} in {text:?}"
        );
    }
}

/// Guards against: an error message quoting a bad id, an unknown key or an
/// unknown reference with its escape sequence intact, and a file name
/// with one in `validate`, `check` and `diff`.
#[test]
fn errors_and_file_names_show_control_characters_escaped() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let bad = "[[body]]\nid = \"a\\u001b[2Jb\"\n[[body]]\nid = \"b\"\n\
               [[contact]]\nbetween = [\"b\", \"q\\u001b]0;title\\u0007\"]\nfrequency = \"weekly\"\n\
               \"k\\u202e\" = 3\n";
    std::fs::write(dir.path().join("bad.toml"), bad).expect("write");
    let (out, err) = run_in(dir.path(), &["validate", "bad.toml"]);
    assert_inert("validate", &(out + &err));
    assert!(err.contains(r"`a\u{1b}[2Jb` is not a valid id"), "{err}");
    assert!(
        err.contains(r"no body has id `q\u{1b}]0;title\u{7}`"),
        "{err}"
    );
    assert!(err.contains(r"k\u{202e}"), "{err}");

    let good = std::fs::read_to_string(HOSTILE).expect("hostile sample");
    std::fs::remove_file(dir.path().join("bad.toml")).expect("remove");
    std::fs::write(dir.path().join("evil\u{1b}[2J\u{202e}.toml"), good).expect("write");
    for args in [
        &["validate", "."][..],
        &["check", ".", "--max-gini", "0.1"],
        &["diff", ".", "."],
        &["report", "."],
        &[
            "rebalance",
            "evil\u{1b}[2J\u{202e}.toml",
            "--target",
            "equal",
        ],
    ] {
        let (out, err) = run_in(dir.path(), args);
        assert_inert(&args.join(" "), &(out.clone() + &err));
        assert!(
            (out.clone() + &err).contains(r"\u{1b}")
                || args[0] == "report"
                || args[0] == "rebalance",
            "{args:?}: the escaped file name is shown: {out}{err}"
        );
    }
}

/// Guards against: a player name given to `power --names` reaching the
/// terminal raw.
#[test]
fn power_names_are_escaped() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (out, err) = run_in(
        dir.path(),
        &[
            "power",
            "--quota",
            "2",
            "1",
            "1",
            "--names",
            "a\u{1b}[2J,b\u{202e}",
        ],
    );
    assert_inert("power", &(out.clone() + &err));
    assert!(out.contains(r"a\u{1b}[2J"), "{out}");
}
