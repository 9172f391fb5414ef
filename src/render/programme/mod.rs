//! The programme overview (`powershare programme`) in every format: the
//! table of partnerships, the programme's findings, and the trends.
//!
//! The shared pieces live here: the table of partnerships (one row per
//! file, the same columns in text, markdown and HTML) and the words for
//! the trends.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::render::numbers::{num, pct};
use crate::render::table::{Align, Table};
use powershare_core::model::FindingCode;
use powershare_core::programme::{Overview, Row, Status, Trend};

/// The column headers of the table of partnerships.
const COLUMNS: &[(&str, Align)] = &[
    ("file", Align::Left),
    ("partnership", Align::Left),
    ("period", Align::Left),
    ("bodies", Align::Right),
    ("top body", Align::Left),
    ("top share", Align::Right),
    ("Gini", Align::Right),
    ("normalised Gini", Align::Right),
    ("effective partners", Align::Right),
    ("concerns", Align::Right),
    ("warnings", Align::Right),
    ("info", Align::Right),
    ("status", Align::Left),
];

/// The cells of one row, as plain (unescaped) text.
pub fn cells(r: &Row) -> Vec<String> {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    let count = |f: fn(&powershare_core::programme::SeverityCounts) -> usize| {
        r.findings
            .as_ref()
            .map_or(String::new(), |c| f(c).to_string())
    };
    vec![
        r.path.clone(),
        text(&r.name),
        text(&r.period),
        r.bodies.map_or(String::new(), |n| n.to_string()),
        text(&r.top_body_name),
        r.top_share.map_or_else(|| "-".into(), pct),
        num(r.gini),
        num(r.gini_normalised),
        r.effective_number
            .map_or_else(|| "-".into(), |x| format!("{x:.1}")),
        count(|c| c.concern),
        count(|c| c.warning),
        count(|c| c.info),
        r.status.name().to_string(),
    ]
}

/// The table of partnerships, every cell passed through `escape` (the
/// markdown and HTML tables escape their cells themselves: give them
/// [`plain`]).
pub fn table(o: &Overview, escape: fn(&str) -> String) -> Table {
    let mut t = Table::new(COLUMNS);
    for r in &o.partnerships {
        t.row(cells(r).iter().map(|c| escape(c)).collect());
    }
    t
}

/// No escaping.
pub fn plain(s: &str) -> String {
    s.to_string()
}

/// How many partnerships show each finding code, most common first (code
/// order on a tie).
pub fn codes_table(o: &Overview) -> Option<Table> {
    if o.summary.by_code.0.is_empty() {
        return None;
    }
    let scored = o.summary.files - o.summary.unusable;
    let mut rows: Vec<(&str, usize)> = o.summary.by_code.0.clone();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    let mut t = Table::new(&[
        ("finding", Align::Left),
        ("partnerships", Align::Right),
        ("of those scored", Align::Right),
    ]);
    for (code, n) in rows {
        t.row(vec![
            code.to_string(),
            n.to_string(),
            pct(n as f64 / scored.max(1) as f64),
        ]);
    }
    Some(t)
}

/// The periods of one series as a table, every cell passed through `escape`.
pub fn trend_table(t: &Trend, escape: fn(&str) -> String) -> Table {
    let mut table = Table::new(&[
        ("period", Align::Left),
        ("top share", Align::Right),
        ("Gini", Align::Right),
        ("normalised Gini", Align::Right),
        ("findings", Align::Left),
        ("file", Align::Left),
    ]);
    for p in &t.periods {
        table.row(vec![
            escape(&p.period),
            p.top_share.map_or_else(|| "-".into(), pct),
            num(p.gini),
            num(p.gini_normalised),
            code_list(&p.codes, "none"),
            escape(&p.path),
        ]);
    }
    table
}

/// `appeared: mistrust; resolved: dummy-seat, veto-player` (plain text).
pub fn changes(t: &Trend) -> String {
    let first = t.periods.first().map_or("", |p| p.period.as_str());
    format!(
        "since {first}: appeared {}; resolved {}",
        code_list(&t.appeared, "none"),
        code_list(&t.resolved, "none")
    )
}

/// Codes joined with commas, or `empty`.
pub fn code_list(codes: &[FindingCode], empty: &str) -> String {
    if codes.is_empty() {
        empty.to_string()
    } else {
        codes
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The heading sentence: the summary, and who set the weights.
pub fn headline(o: &Overview) -> String {
    let mut s = o.summary.sentence();
    if o.weights_set_by.is_some() {
        s.push_str("; weights set by the programme policy");
    }
    s
}

/// Whether any row has a verdict (a programme policy was given).
pub fn checked(o: &Overview) -> bool {
    o.partnerships
        .iter()
        .any(|r| matches!(r.status, Status::Passed | Status::Breached))
}
