//! The invariants the fuzz targets check. Depends only on `powershare`,
//! `serde_json` and `csv`, which the main crate's tests can also use, so a
//! regression test in `tests/` can include this file by path and check a
//! crashing input (`pipeline`) the same way it was found. There is no such
//! test yet: no crash has been found (see `fuzz/README.md`).

use powershare_core::rebalance::suggest::suggest;
use powershare::render::{self, CsvTable, Format};
use powershare_core::{ScoreOptions, Partnership, Report, VotingIndex};

/// Every voting index the report can use.
pub const INDICES: [VotingIndex; 2] = [VotingIndex::Banzhaf, VotingIndex::ShapleyShubik];

/// Every output format of `powershare report`.
pub const FORMATS: [Format; 7] = [
    Format::Text,
    Format::Json,
    Format::Markdown,
    Format::Csv(CsvTable::Bodies),
    Format::Csv(CsvTable::Dyads),
    Format::Csv(CsvTable::Indices),
    Format::Html,
];

/// Parse and validate; on success check what validation promises.
pub fn load(bytes: &[u8]) -> Option<Partnership> {
    // Both ways in: the first pass that files above 64 KiB take (forced
    // here, since fuzz inputs are small), and the direct parse of small
    // files; they must agree on whether the file is valid.
    let scanned = powershare_core::Limits {
        scan_from_bytes: 0,
        ..powershare_core::Limits::default()
    };
    let first = powershare_core::load_with(bytes, &scanned);
    let direct = powershare_core::load(bytes);
    assert_eq!(first.is_ok(), direct.is_ok(), "{first:?}\n{direct:?}");
    let p = direct.ok()?;
    check_partnership(&p);
    Some(p)
}

/// Cheap structural promises of a validated partnership: every reference
/// points at a body, every number is finite, the quota can be met, and no
/// text holds a character the loader refuses (control characters and the
/// bidirectional controls).
pub fn check_partnership(p: &Partnership) {
    let n = p.bodies.len();
    assert!(n > 0, "a valid partnership has bodies");
    let texts = p
        .bodies
        .iter()
        .flat_map(|b| [&b.id, &b.name].into_iter().chain(b.expertise.keys()))
        .chain(p.name.iter())
        .chain(p.period.iter())
        .chain(p.currency.iter())
        .chain(p.decisions.iter().map(|d| &d.title));
    for t in texts {
        assert!(
            !t.chars().any(|c| powershare_core::load::scan::forbidden(c).is_some()),
            "a refused character passed the loader: {t:?}"
        );
    }
    for b in &p.bodies {
        for x in [b.income, b.staff, b.contribution, b.position]
            .into_iter()
            .flatten()
            .chain(b.expertise.values().copied())
        {
            assert!(x.is_finite() && x >= 0.0, "body {}: value {x}", b.id);
        }
    }
    let total: u64 = p.bodies.iter().map(|b| b.seats).sum();
    if let Some(board) = &p.board {
        assert!(
            board.quota >= 1 && board.quota <= total,
            "quota {} of {total} seats",
            board.quota
        );
        assert!(board.veto.iter().all(|&i| i < n));
        assert!(board.chair.is_none_or(|i| i < n));
    }
    for f in &p.funding {
        assert!(f.from < n && f.to < n && f.from != f.to);
        assert!(
            f.amount.is_finite() && f.amount >= 0.0,
            "amount {}",
            f.amount
        );
    }
    for d in &p.dependence {
        assert!(d.of < n && d.on < n);
        assert!(d.share.is_finite(), "share {}", d.share);
    }
}

/// Score with `index` and check every number of the report.
pub fn score(p: &Partnership, index: VotingIndex) -> Report {
    let r = powershare_core::report::score(
        p,
        ScoreOptions {
            voting_index: index,
            ..ScoreOptions::default()
        },
    );
    check_report(p, &r);
    r
}

#[track_caller]
fn unit(x: f64, what: &str) {
    assert!(
        x.is_finite() && (-1e-9..=1.0 + 1e-9).contains(&x),
        "{what} = {x} is not a share in [0, 1]"
    );
}

#[track_caller]
fn finite(x: f64, what: &str) {
    assert!(x.is_finite(), "{what} = {x} is not finite");
}

/// Shares in [0, 1] summing to 1 per dimension and for the composite;
/// voting indices in [0, 1] or null; inequality indices finite or null.
pub fn check_report(p: &Partnership, r: &Report) {
    assert_eq!(r.bodies.len(), p.bodies.len());
    let mut sums: Vec<(&str, f64)> = Vec::new();
    let mut composite = 0.0;
    let mut any_composite = false;
    for b in &r.bodies {
        if let Some(c) = b.composite {
            unit(c, "composite");
            composite += c;
            any_composite = true;
        }
        for (k, x) in &b.shares.0 {
            unit(*x, k);
            match sums.iter_mut().find(|(d, _)| d == k) {
                Some((_, s)) => *s += x,
                None => sums.push((k, *x)),
            }
        }
        if let Some(v) = &b.voting {
            unit(v.seat_share, "seat_share");
            for (x, what) in [
                (v.indices.banzhaf, "banzhaf"),
                (v.indices.banzhaf_absolute, "banzhaf_absolute"),
                (v.indices.shapley_shubik, "shapley_shubik"),
                (v.indices.holler, "holler"),
                (v.indices.deegan_packel, "deegan_packel"),
                (v.indices.johnston, "johnston"),
                (v.indices.coleman_prevent, "coleman_prevent"),
                (v.indices.coleman_initiate, "coleman_initiate"),
            ] {
                if let Some(x) = x {
                    unit(x, what);
                }
            }
        }
        if let Some(d) = &b.dependence {
            finite(d.on_others, "on_others");
            finite(d.of_others, "of_others");
        }
        if let Some(nw) = &b.network {
            finite(nw.strength, "strength");
            finite(nw.betweenness, "betweenness");
        }
    }
    if any_composite {
        assert!(
            (composite - 1.0).abs() < 1e-6,
            "composite sums to {composite}"
        );
    }
    for (d, s) in sums {
        assert!((s - 1.0).abs() < 1e-6, "{d} shares sum to {s}");
    }
    for (k, ineq) in &r.indices.0 {
        for x in [
            ineq.gini,
            ineq.hhi,
            ineq.hhi_normalised,
            ineq.effective_number,
            ineq.theil,
            ineq.mean_log_deviation,
            ineq.atkinson_0_5,
            ineq.atkinson_1,
            ineq.coefficient_of_variation,
            ineq.top_share,
        ]
        .into_iter()
        .flatten()
        {
            finite(x, k);
        }
    }
    for d in &r.dependence {
        for x in [d.share, d.funding, d.stated, d.power_advantage, d.mutual] {
            finite(x, "dyad");
        }
    }
    for f in &r.findings {
        for (k, x) in &f.evidence.0 {
            finite(*x, k);
        }
    }
}

/// Render `r` (with the redesign section where the CLI adds it) in every
/// format, alone and as a batch of two, and check each output.
pub fn render_all(p: &Partnership, r: Report) {
    let redesign = suggest(p, r_index(&r));
    let names = names(&r);
    let doc = || render::Document {
        report: &r,
        redesign: redesign.as_ref(),
    };
    for format in FORMATS {
        let one = render::render(doc(), format);
        check_output(&one, format, &names, 1);
        let two = render::render_many(&[doc(), doc()], format);
        check_output(&two, format, &names, 2);
    }
}

fn r_index(r: &Report) -> VotingIndex {
    match r.board.as_ref().map(|b| b.index) {
        Some("shapley-shubik") => VotingIndex::ShapleyShubik,
        _ => VotingIndex::Banzhaf,
    }
}

/// Every string from the input file that a report shows.
fn names(r: &Report) -> Vec<String> {
    let mut v = vec![r.partnership.name.clone()];
    v.extend(r.partnership.period.clone());
    v.extend(r.partnership.currency.clone());
    for b in &r.bodies {
        v.push(b.id.clone());
        v.push(b.name.clone());
    }
    v
}

/// Characters that end a line on a terminal or in a markdown renderer.
fn line_breaking(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' | '\r'
    )
}

fn check_output(out: &str, format: Format, names: &[String], copies: usize) {
    match format {
        Format::Text => {
            // A name cannot send a terminal escape or fake a line.
            if let Some(c) = out
                .chars()
                .find(|&c| (c.is_control() && c != '\n') || line_breaking(c))
            {
                panic!("text output holds control character {c:?}");
            }
        }
        Format::Json => {
            let v: serde_json::Value = serde_json::from_str(out).expect("JSON re-parses");
            let reports = match (&v, copies) {
                (serde_json::Value::Array(a), 2) => a.clone(),
                (o, 1) => vec![o.clone()],
                _ => panic!("two reports render as an array"),
            };
            assert_eq!(reports.len(), copies);
            for rep in reports {
                let bodies = rep["bodies"].as_array().expect("bodies is an array");
                let ids: Vec<&str> = bodies.iter().filter_map(|b| b["id"].as_str()).collect();
                assert_eq!(ids.len(), bodies.len(), "every body has a string id");
                // The JSON keeps every name exactly as written.
                for b in bodies {
                    let name = b["name"].as_str().expect("name is a string");
                    assert!(names.iter().any(|n| n == name));
                }
            }
        }
        Format::Markdown => {
            check_markdown_tables(out);
            for (k, c) in out.char_indices() {
                if c == '<' {
                    assert!(
                        out[..k].ends_with('\\'),
                        "unescaped < in markdown: {:?}",
                        &out[k.saturating_sub(20)..]
                    );
                }
                let control = (c.is_control() && c != '\n') || line_breaking(c);
                assert!(!control, "markdown output holds control character {c:?}");
            }
        }
        Format::Csv(_) => {
            let mut rd = csv::ReaderBuilder::new()
                .has_headers(true)
                .flexible(false)
                .from_reader(out.as_bytes());
            let width = rd.headers().expect("CSV header").len();
            for rec in rd.records() {
                let rec = rec.expect("CSV parses with one width");
                assert_eq!(rec.len(), width);
                for field in rec.iter() {
                    let t = field.trim_start_matches(' ');
                    let formula = t.starts_with(['=', '+', '@', '\t', '\r'])
                        || (t.starts_with('-') && t.parse::<f64>().is_err());
                    assert!(!formula, "CSV cell a spreadsheet would run: {field:?}");
                }
            }
        }
        Format::Html => {
            let lower = out.to_ascii_lowercase();
            assert!(!lower.contains("<script"), "HTML holds a script");
            for name in names.iter().filter(|n| n.contains(['<', '>', '"', '&'])) {
                assert!(!out.contains(name.as_str()), "raw name in HTML: {name:?}");
            }
            if let Some(c) = out
                .chars()
                .find(|&c| c.is_control() && c != '\n' && c != '\t')
            {
                panic!("HTML output holds control character {c:?}");
            }
            assert_eq!(lower.matches("<html").count(), 1, "one page");
            assert!(
                lower.trim_end().ends_with("</html>"),
                "the page is complete"
            );
        }
        _ => {}
    }
}

/// Every row of a markdown table has as many unescaped `|` as its header.
fn check_markdown_tables(md: &str) {
    let mut expected: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
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
}

/// The whole pipeline on one input: load, score with each index, render
/// every format. Never panics for any input unless an invariant breaks.
pub fn pipeline(bytes: &[u8]) {
    if let Some(p) = load(bytes) {
        for index in INDICES {
            let r = score(&p, index);
            render_all(&p, r);
        }
    }
}
