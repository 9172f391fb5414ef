//! "How the partners see it" in the terminal report.

use std::fmt::Write;

use super::{SCALED, agreement_words, mean_with_self, one, range, self_cell};
use crate::render::report::text::wrap;
use crate::render::table::{Align, Table};
use powershare_core::Report;
use powershare_core::measures::survey::Rated;

/// Width that sentences are wrapped to.
const WIDTH: usize = 88;

/// The section, or nothing when the file has no `[[response]]`.
pub fn section(r: &Report) -> String {
    let Some(s) = &r.survey else {
        return String::new();
    };
    let mut out = String::from("How the partners see it (survey)\n");
    let _ = writeln!(
        out,
        "  {}",
        wrap(&super::respondents_sentence(s), WIDTH, "  ")
    );
    for q in Rated::ALL {
        let _ = writeln!(
            out,
            "  Agreement on {}: {}",
            q.name(),
            agreement_words(s, q)
        );
    }
    out.push_str(
        "  Influence (0 to 5) as the others see each partner, and as its own respondents do\n",
    );
    let mut t = Table::new(&[
        ("body", Align::Left),
        ("respondents", Align::Right),
        ("others", Align::Right),
        ("mean", Align::Right),
        ("median", Align::Right),
        ("range", Align::Right),
        ("own view", Align::Right),
        ("expertise", Align::Right),
        ("position", Align::Right),
    ]);
    for b in &s.bodies {
        let v = &b.influence;
        t.row(vec![
            b.id.clone(),
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
    out.push_str(&t.to_text("    "));
    out.push_str("    (expertise and position: the others' mean, 0 to 5)\n");
    out.push_str("  Questions\n");
    for q in &SCALED {
        let _ = writeln!(
            out,
            "    {}\n      {}",
            q.title,
            super::question_summary(s, q.key)
        );
        let a = super::answers_of(s, q.key);
        if a.n > 0 {
            let lowest: i64 = a
                .answers
                .0
                .first()
                .and_then(|(k, _)| k.parse().ok())
                .unwrap_or(0);
            let cells: Vec<String> = a
                .answers
                .0
                .iter()
                .map(|(k, n)| format!("{}: {n}", super::answer_label(q, k, lowest)))
                .collect();
            let _ = writeln!(out, "      {}", wrap(&cells.join(", "), WIDTH, "      "));
        }
    }
    let incl = &s.questions.included_outside;
    if !incl.bodies.is_empty() {
        let groups: Vec<String> = incl
            .bodies
            .iter()
            .map(|g| {
                format!(
                    "{} {} of {}",
                    g.id,
                    crate::render::numbers::pct0(g.not_included_share),
                    g.n
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "    Not part of the decisions made outside the meetings (share of a partner's respondents):\n      {}",
            wrap(&groups.join(", "), WIDTH, "      ")
        );
    }
    let named = &s.questions.priorities_set_by;
    if !named.0.is_empty() {
        let cells: Vec<String> = named.0.iter().map(|(id, n)| format!("{id} {n}")).collect();
        let _ = writeln!(
            out,
            "    Who sets the priorities, in practice: {}",
            cells.join(", ")
        );
    }
    if !s.trust.is_empty() {
        let cells: Vec<String> = s
            .trust
            .iter()
            .map(|t| format!("{} with {} {:.1} (n {})", t.from, t.to, t.mean, t.n))
            .collect();
        let _ = writeln!(
            out,
            "    Trust (-2 to 2), as a partner's respondents report it:\n      {}",
            wrap(&cells.join(", "), WIDTH, "      ")
        );
    }
    let unheard = s.unheard();
    if !unheard.is_empty() {
        let _ = writeln!(out, "  Not heard (no respondent): {}", unheard.join(", "));
    }
    out.push('\n');
    out
}
