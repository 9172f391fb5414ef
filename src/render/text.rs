//! The terminal report: findings first, worded for people, then the tables.

use std::fmt::Write;

use super::escape::terminal_text as tt;
use super::table::{Align, Table};
use crate::Report;

/// Width that finding sentences are wrapped to.
const WIDTH: usize = 88;

/// A share as a percentage with one decimal.
pub fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// An index value with three decimals, or "-" when undefined.
pub fn num(x: Option<f64>) -> String {
    // Rounding noise such as -1e-17 must not print as "-0.000".
    x.map_or_else(
        || "-".into(),
        |v| format!("{:.3}", if v.abs() < 5e-4 { 0.0 } else { v }),
    )
}

/// Wrap `text` to `width` columns; continuation lines start with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let start = indent.chars().count();
    let mut line_len = start;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line_len > start && line_len + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            line_len = indent.chars().count();
        } else if line_len > start {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

/// The whole text report.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = write!(s, "{}", tt(&r.partnership.name));
    if let Some(period) = &r.partnership.period {
        let _ = write!(s, " ({})", tt(period));
    }
    s.push('\n');
    let present = r.dimensions.iter().filter(|d| d.present).count();
    let _ = write!(
        s,
        "{} bodies, {} of {} dimensions with data",
        r.bodies.len(),
        present,
        r.dimensions.len()
    );
    if let Some(b) = &r.board {
        let _ = write!(s, "; board of {} seats, quota {}", b.total_seats, b.quota);
        if b.rule != b.quota.to_string() {
            let _ = write!(s, " ({})", b.rule);
        }
        if !b.veto.is_empty() {
            let _ = write!(s, ", veto: {}", b.veto.join(", "));
        }
        if b.also_majority_of_bodies {
            s.push_str(", plus a majority of bodies");
        }
    }
    s.push_str("\n\n");

    findings(&mut s, r);
    bodies(&mut s, r);
    voting(&mut s, r);
    indices(&mut s, r);
    dependence(&mut s, r);
    network(&mut s, r);
    decisions(&mut s, r);
    let absent: Vec<_> = r.dimensions.iter().filter(|d| !d.present).collect();
    if !absent.is_empty() {
        s.push_str("Dimensions left out of the composite\n");
        for d in absent {
            let _ = writeln!(
                s,
                "  {}: {}",
                d.name,
                tt(d.note.as_deref().unwrap_or("no data"))
            );
        }
    }
    s
}

fn findings(s: &mut String, r: &Report) {
    if r.findings.is_empty() {
        s.push_str("Findings: none (no finding's condition holds; `powershare explain` gives each rule).\n\n");
        return;
    }
    let _ = writeln!(s, "Findings ({})", r.findings.len());
    for f in &r.findings {
        let head = format!("  {:<8} {}", f.severity.name().to_uppercase(), f.code);
        let _ = writeln!(s, "{head}");
        let _ = writeln!(
            s,
            "           {}",
            wrap(&tt(&f.message), WIDTH, "           ")
        );
    }
    s.push('\n');
}

fn bodies(s: &mut String, r: &Report) {
    let dims: Vec<&str> = r
        .dimensions
        .iter()
        .filter(|d| d.present)
        .map(|d| d.name)
        .collect();
    if dims.is_empty() {
        s.push_str("No dimension has data, so there is no composite.\n\n");
        return;
    }
    s.push_str("Power by body (share of each dimension; composite = weighted mean)\n");
    let mut columns = vec![("body", Align::Left), ("composite", Align::Right)];
    columns.extend(dims.iter().map(|d| (*d, Align::Right)));
    let mut t = Table::new(&columns);
    for b in &r.bodies {
        let mut row = vec![b.id.clone(), b.composite.map_or("-".into(), pct)];
        row.extend(
            dims.iter()
                .map(|d| b.shares.get(d).map_or("-".into(), |&x| pct(x))),
        );
        t.row(row);
    }
    s.push_str(&t.to_text("  "));
    let weights: Vec<String> = r
        .dimensions
        .iter()
        .filter(|d| d.present && d.weight != 1.0)
        .map(|d| format!("{} x{}", d.name, d.weight))
        .collect();
    if !weights.is_empty() {
        let _ = writeln!(s, "  weights: {} (others x1)", weights.join(", "));
    }
    s.push('\n');
}

fn voting(s: &mut String, r: &Report) {
    let Some(board) = &r.board else { return };
    let _ = writeln!(
        s,
        "Voting power (quota {} of {} seats; {} winning coalitions, {} minimal)",
        board.quota,
        board.total_seats,
        board
            .winning_coalitions
            .map_or("-".into(), |x| x.to_string()),
        board
            .minimal_winning_coalitions
            .map_or("-".into(), |x| x.to_string()),
    );
    if let Some(note) = &board.note {
        let _ = writeln!(s, "  {}\n", tt(note));
        return;
    }
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("seats", Align::Right),
        ("seat share", Align::Right),
        ("banzhaf", Align::Right),
        ("penrose", Align::Right),
        ("shapley-shubik", Align::Right),
        ("holler", Align::Right),
        ("deegan-packel", Align::Right),
        ("johnston", Align::Right),
        ("flags", Align::Left),
    ]);
    for b in &r.bodies {
        let Some(v) = &b.voting else { continue };
        let mut flags = Vec::new();
        if v.dictator {
            flags.push("dictator");
        } else if v.veto {
            flags.push("veto");
        }
        if v.dummy {
            flags.push("dummy");
        }
        if v.seats == 0 {
            flags.push("not on board");
        }
        t.row(vec![
            b.id.clone(),
            v.seats.to_string(),
            pct(v.seat_share),
            num(v.banzhaf),
            num(v.banzhaf_absolute),
            num(v.shapley_shubik),
            num(v.holler),
            num(v.deegan_packel),
            num(v.johnston),
            flags.join(", "),
        ]);
    }
    s.push_str(&t.to_text("  "));
    s.push('\n');
}

fn indices(s: &mut String, r: &Report) {
    if r.indices.0.is_empty() {
        return;
    }
    s.push_str("Inequality (0 = equal; higher = more concentrated)\n");
    let mut columns = vec![("index", Align::Left)];
    columns.extend(r.indices.0.iter().map(|(k, _)| (*k, Align::Right)));
    let mut t = Table::new(&columns);
    let rows = r.indices.0[0].1.indices();
    for (k, (name, _)) in rows.iter().enumerate() {
        let mut row = vec![name.replace('_', " ")];
        row.extend(r.indices.0.iter().map(|(_, ineq)| num(ineq.indices()[k].1)));
        t.row(row);
    }
    s.push_str(&t.to_text("  "));
    let undefined: Vec<String> = r
        .indices
        .0
        .iter()
        .filter(|(_, i)| !i.undefined.is_empty())
        .flat_map(|(d, i)| {
            i.undefined
                .iter()
                .filter(|(k, _)| **k != "cr")
                .map(move |(k, why)| format!("{d} {k}: {why}"))
        })
        .collect();
    if !undefined.is_empty() {
        s.push_str("  - means undefined:\n");
        for u in undefined {
            let _ = writeln!(s, "    {}", wrap(&u, WIDTH, "      "));
        }
    }
    s.push('\n');
}

fn dependence(s: &mut String, r: &Report) {
    if r.dependence.is_empty() {
        return;
    }
    s.push_str("Dependence (Emerson: the power of B over A is A's dependence on B)\n");
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("depends on", Align::Left),
        ("D", Align::Right),
        ("from funding", Align::Right),
        ("stated", Align::Right),
        ("advantage of the other", Align::Right),
    ]);
    for d in &r.dependence {
        t.row(vec![
            d.of.clone(),
            d.on.clone(),
            format!("{:.2}", d.share),
            format!("{:.2}", d.funding),
            format!("{:.2}", d.stated),
            format!("{:+.2}", d.power_advantage),
        ]);
    }
    s.push_str(&t.to_text("  "));
    s.push('\n');
}

fn network(s: &mut String, r: &Report) {
    if r.bodies.iter().all(|b| b.network.is_none()) {
        return;
    }
    s.push_str("Informal contacts outside meetings\n");
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("strength", Align::Right),
        ("partners", Align::Right),
        ("betweenness", Align::Right),
    ]);
    for b in &r.bodies {
        if let Some(n) = &b.network {
            t.row(vec![
                b.id.clone(),
                format!("{}", n.strength),
                n.ties.to_string(),
                format!("{:.3}", n.betweenness),
            ]);
        }
    }
    s.push_str(&t.to_text("  "));
    s.push('\n');
}

fn decisions(s: &mut String, r: &Report) {
    if let Some(d) = &r.decisions {
        let how: Vec<String> = d
            .how
            .0
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(h, n)| format!("{h} {n}"))
            .collect();
        let _ = writeln!(
            s,
            "Decisions: {} recorded ({} adopted, {} rejected, {} deferred); taken by {}",
            d.total,
            d.adopted,
            d.rejected,
            d.deferred,
            how.join(", ")
        );
    }
    let perceived = r.bodies.iter().any(|b| b.perceived.is_some());
    if r.decisions.is_none() && !perceived {
        return;
    }
    if r.decisions.is_none() {
        s.push_str("Perceived influence (ratings 0 to 5)\n");
    }
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("proposed", Align::Right),
        ("adopted", Align::Right),
        ("self-rating", Align::Right),
        ("others' rating", Align::Right),
    ]);
    for b in &r.bodies {
        let a = b.agenda.as_ref();
        let p = b.perceived.as_ref();
        t.row(vec![
            b.id.clone(),
            a.map_or("-".into(), |a| a.proposed.to_string()),
            a.map_or("-".into(), |a| a.adopted.to_string()),
            p.and_then(|p| p.self_rating)
                .map_or("-".into(), |x| format!("{x}")),
            p.and_then(|p| p.others_mean)
                .map_or("-".into(), |x| format!("{x:.2}")),
        ]);
    }
    s.push_str(&t.to_text("  "));
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("aa bb cc", 7, "  "), "aa bb\n  cc");
        assert_eq!(wrap("", 5, ""), "");
    }
}
