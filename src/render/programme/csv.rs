//! `programme --format csv`: one row per partnership (file), for a
//! spreadsheet. Numbers in full precision, empty when undefined or when the
//! file is unusable; the codes joined with `;`; text from the input through
//! [`csv_text`] so that a spreadsheet never runs it as a formula.

use crate::render::escape::csv_text;
use powershare_core::programme::Overview;

const HEADER: &[&str] = &[
    "path",
    "id",
    "name",
    "period",
    "bodies",
    "top_body",
    "top_share",
    "top_share_low",
    "top_share_high",
    "gini",
    "gini_normalised",
    "effective_number",
    "concern",
    "warning",
    "info",
    "codes",
    "status",
    "report",
];

fn number(x: Option<f64>) -> String {
    // -0 is written as 0.
    x.map_or_else(String::new, |x| {
        if x == 0.0 { "0".into() } else { format!("{x}") }
    })
}

fn text(s: &Option<String>) -> String {
    s.as_deref().map_or_else(String::new, csv_text)
}

/// The table with its header.
pub fn render(o: &Overview) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row has the header's length.
    let _ = w.write_record(HEADER);
    for r in &o.partnerships {
        let count = |f: fn(&powershare_core::programme::SeverityCounts) -> usize| {
            r.findings
                .as_ref()
                .map_or(String::new(), |c| f(c).to_string())
        };
        let codes: Vec<&str> = r.codes.iter().map(|c| c.name()).collect();
        let _ = w.write_record([
            csv_text(&r.path),
            text(&r.id),
            text(&r.name),
            text(&r.period),
            r.bodies.map_or(String::new(), |n| n.to_string()),
            text(&r.top_body),
            number(r.top_share),
            number(r.top_share_range.map(|[lo, _]| lo)),
            number(r.top_share_range.map(|[_, hi]| hi)),
            number(r.gini),
            number(r.gini_normalised),
            number(r.effective_number),
            count(|c| c.concern),
            count(|c| c.warning),
            count(|c| c.info),
            codes.join(";"),
            r.status.name().to_string(),
            text(&r.report),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
