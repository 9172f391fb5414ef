//! "How the partners see it" in the markdown report. Names go through
//! [`Table::to_markdown`] or [`markdown_inline`](crate::render::escape::markdown_inline).

use std::fmt::Write;

use super::{SCALED, agreement_words, mean_with_self, one, range, self_cell};
use crate::render::escape::markdown_inline as md;
use crate::render::numbers::pct0;
use crate::render::story::name_of;
use crate::render::table::{Align, Table};
use powershare_core::Report;
use powershare_core::measures::survey::Rated;

/// The longest bar of the answers' bar charts, in blocks.
const BAR: usize = 20;

/// The section, or nothing when the file has no `[[response]]`.
pub fn section(r: &Report) -> String {
    let Some(s) = &r.survey else {
        return String::new();
    };
    let mut out = String::from("## How the partners see it\n\n");
    let _ = writeln!(out, "{}\n", md(&super::respondents_sentence(s)));
    for q in Rated::ALL {
        let _ = writeln!(
            out,
            "- Agreement on {}: {}",
            q.name(),
            md(&agreement_words(s, q))
        );
    }
    out.push('\n');
    let mut t = Table::new(&[
        ("partner", Align::Left),
        ("respondents", Align::Right),
        ("others' ratings", Align::Right),
        ("mean", Align::Right),
        ("median", Align::Right),
        ("range", Align::Right),
        ("own respondents", Align::Right),
        ("expertise", Align::Right),
        ("position", Align::Right),
    ]);
    for b in &s.bodies {
        let v = &b.influence;
        t.row(vec![
            name_of(r, &b.id).to_string(),
            b.respondents.to_string(),
            v.others.n.to_string(),
            one(v.others.mean),
            one(v.others.median),
            range(v),
            self_cell(v, s.min_group),
            mean_with_self(&b.expertise),
            mean_with_self(&b.position),
        ]);
    }
    out.push_str("Influence, 0 to 5: how the other partners' respondents rate each partner, and how its own respondents do. Expertise and position: the others' mean (and the own respondents', when shown).\n\n");
    out.push_str(&t.to_markdown());
    out.push('\n');
    for q in &SCALED {
        let a = super::answers_of(s, q.key);
        let _ = writeln!(
            out,
            "**{}** {}.\n",
            md(q.title),
            md(&super::question_summary(s, q.key))
        );
        if a.n == 0 {
            continue;
        }
        let lowest: i64 = a
            .answers
            .0
            .first()
            .and_then(|(k, _)| k.parse().ok())
            .unwrap_or(0);
        let most = a
            .answers
            .0
            .iter()
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
            .max(1);
        let mut bars = Table::new(&[
            ("answer", Align::Left),
            ("", Align::Left),
            ("n", Align::Right),
        ]);
        for (k, n) in &a.answers.0 {
            let blocks = (n * BAR).div_ceil(most);
            bars.row(vec![
                super::answer_label(q, k, lowest),
                "█".repeat(blocks),
                n.to_string(),
            ]);
        }
        out.push_str(&bars.to_markdown());
        out.push('\n');
    }
    let incl = &s.questions.included_outside;
    if !incl.bodies.is_empty() {
        let groups: Vec<String> = incl
            .bodies
            .iter()
            .map(|g| {
                format!(
                    "{} {} of {}",
                    name_of(r, &g.id),
                    pct0(g.not_included_share),
                    g.n
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "Respondents saying their organisation is not part of the decisions made outside the meetings: {}.\n",
            md(&groups.join(", "))
        );
    }
    let named = &s.questions.priorities_set_by;
    if !named.0.is_empty() {
        let cells: Vec<String> = named
            .0
            .iter()
            .map(|(id, n)| format!("{} {n}", name_of(r, id)))
            .collect();
        let _ = writeln!(
            out,
            "Who sets the priorities, in practice: {}.\n",
            md(&cells.join(", "))
        );
    }
    if !s.trust.is_empty() {
        let mut t = Table::new(&[
            ("respondents of", Align::Left),
            ("trust in their history with", Align::Left),
            ("mean (-2 to 2)", Align::Right),
            ("n", Align::Right),
        ]);
        for x in &s.trust {
            t.row(vec![
                name_of(r, &x.from).to_string(),
                name_of(r, &x.to).to_string(),
                format!("{:.1}", x.mean),
                x.n.to_string(),
            ]);
        }
        out.push_str(&t.to_markdown());
        out.push('\n');
    }
    let unheard = super::unheard_names(r, s);
    if !unheard.is_empty() {
        let _ = writeln!(
            out,
            "Not heard (no respondent): {}.\n",
            md(&unheard.join(", "))
        );
    }
    out
}
