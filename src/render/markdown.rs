//! The markdown report (GitHub flavour), for a pull-request comment, a wiki
//! page or `$GITHUB_STEP_SUMMARY`: the verdict and findings first, then the
//! tables. Every string from the input goes through
//! [`markdown_inline`](super::escape::markdown_inline), directly or through
//! [`Table::to_markdown`].

use std::fmt::Write;

use super::escape::markdown_inline as md;
use super::story::{self, name_of};
use super::table::{Align, Table};
use super::text::{num, pct};
use crate::Report;

/// The whole markdown report.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = write!(s, "# {}", md(&r.partnership.name));
    if let Some(period) = &r.partnership.period {
        let _ = write!(s, " ({})", md(period));
    }
    s.push_str("\n\n");
    let v = story::verdict(r);
    let _ = writeln!(s, "**{}.** {}\n", md(&v.headline), md(&v.summary));
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
            let _ = write!(s, " ({})", md(&b.rule));
        }
        if !b.veto.is_empty() {
            let names: Vec<String> = b.veto.iter().map(|id| md(name_of(r, id))).collect();
            let _ = write!(s, "; veto: {}", names.join(", "));
        }
        if b.also_majority_of_bodies {
            s.push_str("; plus a majority of bodies");
        }
    }
    s.push_str(".\n\n");
    findings(&mut s, r);
    bodies(&mut s, r);
    voting(&mut s, r);
    indices(&mut s, r);
    dependence(&mut s, r);
    network(&mut s, r);
    decisions(&mut s, r);
    let absent: Vec<_> = r.dimensions.iter().filter(|d| !d.present).collect();
    if !absent.is_empty() {
        s.push_str("## Dimensions left out of the composite\n\n");
        for d in absent {
            let _ = writeln!(
                s,
                "- {}: {}",
                d.name,
                md(d.note.as_deref().unwrap_or("no data"))
            );
        }
        s.push('\n');
    }
    s.push_str(
        "_Made by powershare; `powershare explain NAME` defines every index and finding._\n",
    );
    s
}

/// Several reports, separated by a rule.
pub fn render_many(reports: &[Report]) -> String {
    reports
        .iter()
        .map(render)
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

fn findings(s: &mut String, r: &Report) {
    if r.findings.is_empty() {
        s.push_str("## Findings\n\nNone: no finding's condition holds.\n\n");
        return;
    }
    let _ = writeln!(s, "## Findings ({})\n", r.findings.len());
    for f in &r.findings {
        let evidence: Vec<String> = story::evidence(f)
            .into_iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(
            s,
            "- **{}** `{}`: {} ({})",
            f.severity.name(),
            f.code,
            md(&f.message),
            md(&evidence.join(", "))
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
        return;
    }
    s.push_str(
        "## Power by body\n\nShare of each dimension; the composite is their weighted mean.\n\n",
    );
    let mut columns = vec![("body", Align::Left), ("composite", Align::Right)];
    columns.extend(dims.iter().map(|d| (*d, Align::Right)));
    let mut t = Table::new(&columns);
    for b in &r.bodies {
        let mut row = vec![b.name.clone(), b.composite.map_or("-".into(), pct)];
        row.extend(
            dims.iter()
                .map(|d| b.shares.get(d).map_or("-".into(), |&x| pct(x))),
        );
        t.row(row);
    }
    s.push_str(&t.to_markdown());
    let weights: Vec<String> = r
        .dimensions
        .iter()
        .filter(|d| d.present && d.weight != 1.0)
        .map(|d| format!("{} x{}", d.name, d.weight))
        .collect();
    if !weights.is_empty() {
        let _ = writeln!(s, "\nWeights: {} (others x1).", weights.join(", "));
    }
    s.push('\n');
}

fn voting(s: &mut String, r: &Report) {
    let Some(board) = &r.board else { return };
    let _ = writeln!(
        s,
        "## Voting power\n\nQuota {} of {} seats; {} winning coalitions, {} minimal.\n",
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
        let _ = writeln!(s, "{}\n", md(note));
        return;
    }
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("seats", Align::Right),
        ("seat share", Align::Right),
        ("Banzhaf", Align::Right),
        ("Shapley-Shubik", Align::Right),
        ("Holler", Align::Right),
        ("Deegan-Packel", Align::Right),
        ("Johnston", Align::Right),
        ("flags", Align::Left),
    ]);
    for b in &r.bodies {
        let Some(v) = &b.voting else { continue };
        t.row(vec![
            b.name.clone(),
            v.seats.to_string(),
            pct(v.seat_share),
            num(v.banzhaf),
            num(v.shapley_shubik),
            num(v.holler),
            num(v.deegan_packel),
            num(v.johnston),
            flags(v).join(", "),
        ]);
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
}

/// The voting flags of a body, worded as in the text report.
pub fn flags(v: &crate::report::BodyVoting) -> Vec<&'static str> {
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
    flags
}

fn indices(s: &mut String, r: &Report) {
    if r.indices.0.is_empty() {
        return;
    }
    s.push_str(
        "## Inequality\n\n0 = equal; higher = more concentrated; - = undefined for the data.\n\n",
    );
    let mut columns = vec![("index", Align::Left)];
    columns.extend(r.indices.0.iter().map(|(k, _)| (*k, Align::Right)));
    let mut t = Table::new(&columns);
    let rows = r.indices.0[0].1.indices();
    for (k, (name, _)) in rows.iter().enumerate() {
        let mut row = vec![name.replace('_', " ")];
        row.extend(r.indices.0.iter().map(|(_, ineq)| num(ineq.indices()[k].1)));
        t.row(row);
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
}

fn dependence(s: &mut String, r: &Report) {
    if r.dependence.is_empty() {
        return;
    }
    s.push_str(
        "## Dependence\n\nEmerson: the power of B over A is A's dependence on B (D, 0 to 1).\n\n",
    );
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
            name_of(r, &d.of).to_string(),
            name_of(r, &d.on).to_string(),
            format!("{:.2}", d.share),
            format!("{:.2}", d.funding),
            format!("{:.2}", d.stated),
            format!("{:+.2}", d.power_advantage),
        ]);
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
}

fn network(s: &mut String, r: &Report) {
    if r.bodies.iter().all(|b| b.network.is_none()) {
        return;
    }
    s.push_str("## Informal contacts outside meetings\n\nStrength: daily 5, weekly 4, monthly 3, quarterly 2, rarely 1, added over partners.\n\n");
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("strength", Align::Right),
        ("partners", Align::Right),
        ("betweenness", Align::Right),
    ]);
    for b in &r.bodies {
        if let Some(n) = &b.network {
            t.row(vec![
                b.name.clone(),
                format!("{}", n.strength),
                n.ties.to_string(),
                format!("{:.3}", n.betweenness),
            ]);
        }
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
}

fn decisions(s: &mut String, r: &Report) {
    let Some(d) = &r.decisions else { return };
    let how: Vec<String> = d
        .how
        .0
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(h, n)| format!("{h} {n}"))
        .collect();
    let _ = writeln!(
        s,
        "## Decisions\n\n{} recorded ({} adopted, {} rejected, {} deferred); taken by {}.\n",
        d.total,
        d.adopted,
        d.rejected,
        d.deferred,
        how.join(", ")
    );
    let mut t = Table::new(&[
        ("decision", Align::Left),
        ("proposed by", Align::Left),
        ("how", Align::Left),
        ("outcome", Align::Left),
        ("date", Align::Left),
    ]);
    for x in &d.record {
        t.row(vec![
            x.title.clone(),
            x.proposed_by
                .as_deref()
                .map_or("-".into(), |id| name_of(r, id).to_string()),
            x.how.name().to_string(),
            story::outcome_name(x.outcome).to_string(),
            x.date.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
}
