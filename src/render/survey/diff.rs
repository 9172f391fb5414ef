//! How the survey moved, in the text and markdown diffs: only the figures
//! that moved, appeared or vanished.

use crate::render::check::markdown::escape;
use crate::render::diff::{signed, value};
use powershare_core::diff::Change;
use powershare_core::diff::survey::SurveyDiff;

/// The rows that a reader would see: (label, change).
fn rows(d: &SurveyDiff) -> Vec<(String, Change)> {
    let mut out = vec![("respondents".to_string(), d.respondents)];
    for (q, c) in &d.agreement.0 {
        out.push((format!("agreement on {q} (alpha)"), *c));
    }
    for b in &d.bodies {
        out.push((format!("{} influence, others' mean", b.id), b.others_mean));
        out.push((
            format!("{} influence, own respondents' mean", b.id),
            b.self_mean,
        ));
    }
    for (q, c) in &d.questions.0 {
        out.push((q.replace('_', " "), *c));
    }
    out.retain(|(_, c)| c.is_visible());
    out
}

/// A count or rating: whole numbers plainly, others with three decimals.
fn shown(x: Option<f64>) -> String {
    match x {
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        other => value(other),
    }
}

/// A change: whole numbers plainly (`+6`), others as [`signed`].
fn moved(c: &Change) -> String {
    match c.change {
        Some(x) if x.fract() == 0.0 && c.old.is_some_and(|v| v.fract() == 0.0) => {
            format!("{x:+.0}")
        }
        Some(x) => signed(x),
        None => String::new(),
    }
}

/// The text block, or nothing when the survey did not move.
pub fn text(d: Option<&SurveyDiff>) -> String {
    let Some(d) = d else { return String::new() };
    let rows = rows(d);
    if rows.is_empty() {
        return String::new();
    }
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let mut s = String::from("\nThe partners' survey\n");
    for (label, c) in rows {
        let change = moved(&c);
        let row = format!(
            "  {label:<width$}  {:>7} -> {:<7}  {change}",
            shown(c.old),
            shown(c.new)
        );
        s.push_str(row.trim_end());
        s.push('\n');
    }
    s
}

/// The markdown table, or nothing when the survey did not move.
pub fn markdown(d: Option<&SurveyDiff>) -> String {
    let Some(d) = d else { return String::new() };
    let rows = rows(d);
    if rows.is_empty() {
        return String::new();
    }
    let mut s =
        String::from("| The partners' survey | Before | After | Change |\n|---|---:|---:|---:|\n");
    for (label, c) in rows {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            escape(&label),
            shown(c.old),
            shown(c.new),
            moved(&c)
        ));
    }
    s.push('\n');
    s
}
