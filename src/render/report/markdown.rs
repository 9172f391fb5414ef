//! The markdown report (GitHub flavour), for a pull-request comment, a wiki
//! page or `$GITHUB_STEP_SUMMARY`: the verdict and findings first, then the
//! tables. Every string from the input goes through
//! [`markdown_inline`](super::escape::markdown_inline), directly or through
//! [`Table::to_markdown`].

use std::fmt::Write;

use crate::render::Document;
use crate::render::escape::markdown_inline as md;
use crate::render::redesign;
use crate::render::story::{self, name_of};
use crate::render::table::{Align, Table};
use crate::render::tables::{self, Label};
use powershare_core::Report;

/// The whole markdown report.
pub fn render(doc: Document) -> String {
    let r = doc.report;
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
        if b.casting_vote {
            s.push_str("; the chair has a casting vote");
        }
    }
    if r.weights_set_by.is_some() {
        s.push_str("; weights set by the programme policy");
    }
    s.push_str(".\n\n");
    findings(&mut s, r);
    bodies(&mut s, r);
    voting(&mut s, r);
    s.push_str(&redesign::markdown(r, doc.redesign));
    indices(&mut s, r);
    dependence(&mut s, r);
    network(&mut s, r);
    decisions(&mut s, r);
    s.push_str(&crate::render::survey::markdown::section(r));
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
    s.push_str(&format!(
        "_Made by {}; `powershare explain NAME` defines every index and finding._\n",
        r.generator
    ));
    s
}

/// Several reports, separated by a rule.
pub fn render_many(docs: &[Document]) -> String {
    docs.iter()
        .map(|d| render(*d))
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
            "- **{}** `{}`: {} ({})\n  - What to do: {}",
            f.severity.name(),
            f.code,
            md(&f.message),
            md(&evidence.join(", ")),
            md(f.action())
        );
    }
    s.push('\n');
}

fn bodies(s: &mut String, r: &Report) {
    let Some(t) = tables::shares(r, Label::Name) else {
        return;
    };
    s.push_str(
        "## Power by body\n\nShare of each dimension; the composite is their weighted mean.\n\n",
    );
    s.push_str(&t.to_markdown());
    if let Some(w) = tables::weights_note(r) {
        let _ = writeln!(s, "\nWeights: {w}.");
    }
    s.push('\n');
}

fn voting(s: &mut String, r: &Report) {
    let Some(board) = &r.board else { return };
    let mut summary = tables::board_summary(board);
    summary[..1].make_ascii_uppercase();
    let _ = writeln!(s, "## Voting power\n\n{summary}.\n");
    if let Some(note) = &board.note {
        let _ = writeln!(s, "{}\n", md(note));
        return;
    }
    if let Some(t) = tables::voting(r, Label::Name) {
        s.push_str(&t.to_markdown());
    }
    s.push('\n');
}

fn indices(s: &mut String, r: &Report) {
    let Some(t) = tables::indices(r) else { return };
    s.push_str(
        "## Inequality\n\n0 = equal; higher = more concentrated; - = undefined for the data.\n\n",
    );
    s.push_str(&t.to_markdown());
    s.push('\n');
}

fn dependence(s: &mut String, r: &Report) {
    let Some(t) = tables::dependence(r, Label::Name, 2) else {
        return;
    };
    s.push_str(
        "## Dependence\n\nEmerson: the power of B over A is A's dependence on B (D, 0 to 1).\n\n",
    );
    s.push_str(&t.to_markdown());
    s.push('\n');
}

fn network(s: &mut String, r: &Report) {
    let Some(t) = tables::network(r, Label::Name) else {
        return;
    };
    s.push_str("## Informal contacts outside meetings\n\nStrength: daily 5, weekly 4, monthly 3, quarterly 2, rarely 1, added over partners.\n\n");
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
