//! The text and markdown output of `powershare rebalance` (JSON is the
//! serialised [`Rebalance`]).

use std::fmt::Write;

use crate::render::escape::{markdown_inline, terminal_text};
use crate::render::numbers::{pct, points};
use crate::render::table::{Align, Table};
use powershare_core::rebalance::{CLOSE, Design, Rebalance};

/// One line about a design: size, quota, gaps.
fn summary(d: &Design) -> String {
    let mut s = format!(
        "{} seats, quota {}",
        d.total_seats,
        if d.rule == format!("{} of {}", d.quota, d.total_seats) {
            d.rule.clone()
        } else {
            format!("{} of {} ({})", d.quota, d.total_seats, d.rule)
        }
    );
    if !d.veto.is_empty() {
        let _ = write!(s, ", veto {}", d.veto.join(", "));
    }
    if d.also_majority_of_bodies {
        s.push_str(", plus a majority of bodies");
    }
    let _ = write!(
        s,
        ": largest gap {}, total gap {}",
        points(d.max_gap),
        points(d.total_gap)
    );
    s
}

/// What was searched, in one sentence.
fn scope(r: &Rebalance) -> String {
    let n = r.target.0.iter().filter(|(_, t)| *t > 0.0).count();
    let quotas = match r.limits.quota_rule {
        "any" => "any quota from a majority to unanimity",
        "majority" => "a majority quota",
        _ => "a two-thirds quota",
    };
    let index = if r.index == "banzhaf" {
        "Banzhaf"
    } else {
        "Shapley-Shubik"
    };
    let bodies = format!("{n} {}", if n == 1 { "body" } else { "bodies" });
    let target = match r.target_kind {
        "equal" => format!("an equal share of {index} power for each of {bodies}"),
        "custom" => format!("{index} power in the shares given, for {bodies}"),
        kind => {
            let of = match kind {
                "seats" => "today's seats",
                "sqrt-income" => {
                    "the square root of income (by analogy with Penrose's square-root rule for populations)"
                }
                other => other,
            };
            format!("{index} power in proportion to {of}, for {bodies}")
        }
    };
    format!(
        "Target: {target}; up to {} seats; {quotas}; veto {}.",
        r.limits.max_seats,
        if r.limits.keep_veto {
            "kept"
        } else {
            "dropped"
        },
    )
}

/// The verdict: optimal or best found, and whether any design gets close.
fn verdict(r: &Rebalance) -> Vec<String> {
    let mut out = Vec::new();
    if r.designs.is_empty() {
        out.push("No design was found.".into());
        return out;
    }
    out.push(if r.optimal {
        format!("#1 is optimal: {}.", r.search.reason)
    } else {
        format!(
            "#1 is the best found, not proven optimal: {}.",
            r.search.reason
        )
    });
    if !r.close {
        let best = &r.designs[0];
        out.push(format!(
            "No design within these limits gets close to the target: the best {} still puts {} of the voting power in the wrong place (largest gap {}); close means at most {}.",
            if r.optimal { "possible" } else { "found" },
            pct(best.total_gap / 2.0),
            points(best.max_gap),
            pct(CLOSE),
        ));
    }
    if let (Some(c), Some(best)) = (&r.current, r.designs.first())
        && c.max_gap <= best.max_gap + 1e-9
    {
        out.push("Today's board is already as close as the best design found.".into());
    }
    out
}

/// The table: body, target, then seats and power of today and each design.
fn table(r: &Rebalance) -> Table {
    let mut columns: Vec<(String, Align)> = vec![
        ("body".into(), Align::Left),
        ("target".into(), Align::Right),
    ];
    let mut designs: Vec<(String, &Design)> = Vec::new();
    if let Some(c) = &r.current {
        designs.push(("today".into(), c));
    }
    for (k, d) in r.designs.iter().enumerate() {
        designs.push((format!("#{}", k + 1), d));
    }
    for (label, _) in &designs {
        columns.push((format!("{label} seats"), Align::Right));
        columns.push(("power".into(), Align::Right));
    }
    let mut t = Table {
        columns,
        rows: Vec::new(),
    };
    for (id, target) in &r.target.0 {
        let mut row = vec![id.clone(), pct(*target)];
        for (_, d) in &designs {
            row.push(d.seats.get(id).map_or("-".into(), |s| s.to_string()));
            row.push(d.power.get(id).map_or("-".into(), pct));
        }
        t.row(row);
    }
    t
}

fn labelled(r: &Rebalance) -> Vec<(String, &Design)> {
    let mut out: Vec<(String, &Design)> = Vec::new();
    if let Some(c) = &r.current {
        out.push(("Today".into(), c));
    }
    for (k, d) in r.designs.iter().enumerate() {
        out.push((format!("#{}", k + 1), d));
    }
    out
}

/// The terminal report.
pub fn text(r: &Rebalance) -> String {
    let mut s = format!("Rebalance: {}\n", terminal_text(&r.partnership));
    let _ = writeln!(s, "{}", scope(r));
    for note in &r.notes {
        let _ = writeln!(s, "{}", terminal_text(note));
    }
    s.push('\n');
    for (label, d) in labelled(r) {
        let _ = writeln!(s, "{label}: {}.", terminal_text(&summary(d)));
    }
    s.push('\n');
    let mut t = table(r);
    for row in &mut t.rows {
        row[0] = terminal_text(&row[0]);
    }
    s.push_str(&t.to_text("  "));
    s.push('\n');
    for line in verdict(r) {
        let _ = writeln!(s, "{}", terminal_text(&line));
    }
    s
}

/// The markdown report.
pub fn markdown(r: &Rebalance) -> String {
    let md = markdown_inline;
    let mut s = format!("# Rebalance: {}\n\n", md(&r.partnership));
    let _ = writeln!(s, "{}\n", md(&scope(r)));
    for note in &r.notes {
        let _ = writeln!(s, "- {}", md(note));
    }
    if !r.notes.is_empty() {
        s.push('\n');
    }
    for (label, d) in labelled(r) {
        let _ = writeln!(s, "- **{label}**: {}.", md(&summary(d)));
    }
    s.push('\n');
    s.push_str(&table(r).to_markdown());
    s.push('\n');
    for line in verdict(r) {
        let _ = writeln!(s, "{}\n", md(&line));
    }
    s
}

/// The JSON output, pretty, with a trailing newline.
pub fn json(r: &Rebalance) -> String {
    crate::render::json::pretty(r)
}
