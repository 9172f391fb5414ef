//! The terminal report: findings first, worded for people, then the tables.

use std::fmt::Write;

use crate::render::escape::terminal_text as tt;
use crate::render::story;
use crate::render::table::{Align, Table};
use crate::render::tables::{self, Label};
use powershare_core::Report;

/// Width that finding sentences are wrapped to.
const WIDTH: usize = 88;

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
        if b.casting_vote {
            s.push_str(", the chair has a casting vote");
        }
    }
    if r.weights_set_by.is_some() {
        s.push_str("; weights set by the programme policy");
    }
    s.push_str("\n\n");

    findings(&mut s, r);
    bodies(&mut s, r);
    voting(&mut s, r);
    indices(&mut s, r);
    dependence(&mut s, r);
    network(&mut s, r);
    decisions(&mut s, r);
    s.push_str(&crate::render::survey::text::section(r));
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
        let _ = writeln!(
            s,
            "{}\n",
            wrap(
                &tt(&format!(
                    "Findings: none. No limit breached; {} (`powershare explain` gives each rule).",
                    story::largest(r)
                )),
                WIDTH,
                ""
            )
        );
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
        let _ = writeln!(
            s,
            "           {}",
            wrap(&format!("What to do: {}", f.action()), WIDTH, "           ")
        );
    }
    s.push('\n');
}

fn bodies(s: &mut String, r: &Report) {
    let Some(t) = tables::shares(r, Label::Id) else {
        s.push_str("No dimension has data, so there is no composite.\n\n");
        return;
    };
    s.push_str("Power by body (share of each dimension; composite = weighted mean)\n");
    s.push_str(&t.to_text("  "));
    if let Some(w) = tables::weights_note(r) {
        let _ = writeln!(s, "  weights: {w}");
    }
    s.push('\n');
}

fn voting(s: &mut String, r: &Report) {
    let Some(board) = &r.board else { return };
    let _ = writeln!(s, "Voting power ({})", tables::board_summary(board));
    if let Some(note) = &board.note {
        let _ = writeln!(s, "  {}\n", tt(note));
        return;
    }
    if let Some(t) = tables::voting(r, Label::Id) {
        s.push_str(&t.to_text("  "));
    }
    s.push('\n');
}

fn indices(s: &mut String, r: &Report) {
    let Some(t) = tables::indices(r) else { return };
    s.push_str("Inequality (0 = equal; higher = more concentrated)\n");
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
                .map(move |(k, why)| format!("{d} {}: {why}", tables::index_label(k)))
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
    let Some(t) = tables::dependence(r, Label::Id, 2) else {
        return;
    };
    s.push_str("Dependence (Emerson: the power of B over A is A's dependence on B)\n");
    s.push_str(&t.to_text("  "));
    s.push('\n');
}

fn network(s: &mut String, r: &Report) {
    let Some(t) = tables::network(r, Label::Id) else {
        return;
    };
    s.push_str("Informal contacts outside meetings\n");
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
