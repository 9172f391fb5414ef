//! The report's section "what would share power more evenly", in markdown
//! and HTML: the sentences and the table of a [`Suggestion`].

use std::fmt::Write;

use powershare_core::Report;
use powershare_core::rebalance::Design;
use powershare_core::rebalance::suggest::Suggestion;

use crate::render::escape::{html_text, markdown_inline as md};
use crate::render::numbers::pct;
use crate::render::story::name_of;
use crate::render::table::{Align, Table};

/// A body's display name in the report.
fn name<'a>(r: &'a Report, id: &'a str) -> &'a str {
    name_of(r, id)
}

/// A design in one sentence (plain text; the renderer escapes it).
fn sentence(d: &Design, r: &Report) -> String {
    let on: Vec<(&str, u64)> = d
        .seats
        .0
        .iter()
        .filter(|(_, s)| *s > 0)
        .map(|(id, s)| (id.as_str(), *s))
        .collect();
    let seats = if on.iter().all(|(_, s)| *s == on[0].1) {
        format!(
            "{} seat{} for each of the {} partners on the board",
            on[0].1,
            if on[0].1 == 1 { "" } else { "s" },
            on.len()
        )
    } else {
        on.iter()
            .map(|(id, s)| format!("{} {s}", name(r, id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let on_power: Vec<f64> = d
        .seats
        .0
        .iter()
        .zip(d.power.values())
        .filter(|((_, s), _)| *s > 0)
        .map(|(_, p)| p)
        .collect();
    let lo = on_power.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = on_power.iter().copied().fold(0.0, f64::max);
    let spread = if pct(lo) == pct(hi) {
        format!("each partner would hold {} of the voting power", pct(hi))
    } else {
        format!(
            "each partner would hold between {} and {} of the voting power",
            pct(lo),
            pct(hi)
        )
    };
    let seats_word = if d.total_seats == 1 { "vote" } else { "votes" };
    let rule = if d.rule.contains(" of ") {
        String::new()
    } else {
        format!(" ({})", d.rule)
    };
    let bodies = if d.also_majority_of_bodies {
        " and a majority of the partners"
    } else {
        ""
    };
    let mut out = format!(
        "{seats}, with decisions needing {} of the {} {seats_word}{rule}{bodies}: {spread}.",
        d.quota, d.total_seats
    );
    // A partner whose seats the others cannot do without has a veto.
    if on.len() > 1 && on.iter().all(|(_, s)| d.total_seats - s < d.quota) {
        out.push_str(" Every partner would then have a veto.");
    }
    out
}

/// The section's paragraphs, in order (plain text).
pub fn sentences(s: &Suggestion, r: &Report) -> Vec<String> {
    let c = &s.current;
    let powers = c.power.values();
    let on: Vec<(usize, f64)> = c
        .seats
        .0
        .iter()
        .enumerate()
        .filter(|(_, (_, seats))| *seats > 0)
        .map(|(k, _)| (k, powers[k]))
        .collect();
    let mut out = Vec::new();
    // Largest first; on a tie the first in file order.
    let hi = on
        .iter()
        .copied()
        .reduce(|a, b| if b.1 > a.1 { b } else { a });
    let lo = on
        .iter()
        .copied()
        .reduce(|a, b| if b.1 < a.1 { b } else { a });
    if let (Some(hi), Some(lo)) = (hi, lo) {
        out.push(format!(
            "Today {} holds {} of the voting power and {} {}; an equal share would be {} each.",
            name(r, &c.power.0[hi.0].0),
            pct(hi.1),
            name(r, &c.power.0[lo.0].0),
            pct(lo.1),
            pct(1.0 / on.len() as f64),
        ));
    }
    if let Some(d) = &s.even {
        let mut line = format!("More even: {}", sentence(d, r));
        if !c.veto.is_empty() {
            line.push_str(" This drops the veto.");
        }
        out.push(line);
    }
    if let Some(d) = &s.keeping_veto {
        out.push(format!("Keeping the veto: {}", sentence(d, r)));
    }
    out
}

const HEADING: &str = "What would share power more evenly";

fn index_name(s: &Suggestion) -> &'static str {
    if s.index == "banzhaf" {
        "Banzhaf"
    } else {
        "Shapley-Shubik"
    }
}

/// The table beside it: seats and power today and in each design.
pub fn table(s: &Suggestion, r: &Report) -> Table {
    let mut designs: Vec<(&str, &Design)> = vec![("today", &s.current)];
    if let Some(d) = &s.even {
        designs.push(("more even", d));
    }
    if let Some(d) = &s.keeping_veto {
        designs.push(("keeping the veto", d));
    }
    let mut columns = vec![("partner".to_string(), Align::Left)];
    for (label, _) in &designs {
        columns.push((format!("seats {label}"), Align::Right));
        columns.push((format!("power {label}"), Align::Right));
    }
    let mut t = Table {
        columns,
        rows: Vec::new(),
    };
    for (id, _) in &s.current.seats.0 {
        let mut row = vec![name(r, id).to_string()];
        for (_, d) in &designs {
            row.push(d.seats.get(id).map_or("-".into(), |x| x.to_string()));
            row.push(d.power.get(id).map_or("-".into(), pct));
        }
        t.row(row);
    }
    t
}

/// The markdown section, or nothing when the report has no suggestion.
pub fn markdown(r: &Report, redesign: Option<&Suggestion>) -> String {
    let Some(s) = redesign else {
        return String::new();
    };
    let mut out = format!(
        "## {HEADING}

"
    );
    for line in sentences(s, r) {
        let _ = writeln!(
            out,
            "{}
",
            md(&line)
        );
    }
    out.push_str(&table(s, r).to_markdown());
    let _ = writeln!(
        out,
        "
Voting power by the {} index. `powershare rebalance FILE --target equal` lists more designs, and other targets (contribution, income, custom shares).
",
        index_name(s)
    );
    out
}

/// The HTML section, or nothing when the report has no suggestion.
pub fn html(r: &Report, redesign: Option<&Suggestion>) -> String {
    let Some(s) = redesign else {
        return String::new();
    };
    let mut out = format!("<section class=\"redesign\">\n<h2>{HEADING}</h2>\n");
    for (k, line) in sentences(s, r).iter().enumerate() {
        let class = if k == 0 { " class=\"lead\"" } else { "" };
        let _ = writeln!(out, "<p{class}>{}</p>", html_text(line));
    }
    let _ = writeln!(
        out,
        "<details class=\"numbers\" open>\n<summary>The numbers</summary>\n<div class=\"wide\">\n{}</div>\n</details>\n<p class=\"lead\">Voting power by the {} index. <code>powershare rebalance FILE --target equal</code> lists more designs, and other targets (contribution, income, custom shares).</p>\n</section>",
        table(s, r).to_html("Seats and voting power today and in more even designs"),
        index_name(s)
    );
    out
}
