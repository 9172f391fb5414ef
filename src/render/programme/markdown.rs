//! `programme --format markdown`: the overview for a step summary, a wiki
//! page or a pull-request comment. Every string from the input goes
//! through [`markdown_inline`], directly or through
//! [`Table::to_markdown`](crate::render::table::Table::to_markdown).

use std::fmt::Write;

use super::{changes, codes_table, headline, plain, table, trend_table};
use crate::render::escape::markdown_inline as md;
use powershare_core::programme::{Overview, Status};

/// The whole overview.
pub fn render(o: &Overview) -> String {
    let mut s = String::from("# Programme overview\n\n");
    let _ = writeln!(s, "{}.\n", md(&headline(o)));
    if !o.partnerships.is_empty() {
        s.push_str(&table(o, plain).to_markdown());
        s.push('\n');
    }
    let unusable: Vec<_> = o
        .partnerships
        .iter()
        .filter(|r| r.status == Status::Unusable)
        .collect();
    if !unusable.is_empty() {
        s.push_str("## Unusable files\n\n");
        for r in unusable {
            let _ = writeln!(s, "- {}", md(&r.path));
            for p in &r.problems {
                let _ = writeln!(s, "  - {}", md(p));
            }
        }
        s.push('\n');
    }
    if let Some(t) = codes_table(o) {
        s.push_str("## Findings across the programme\n\n");
        s.push_str(&t.to_markdown());
        s.push('\n');
    }
    if !o.trends.is_empty() {
        s.push_str("## Trends\n\n");
        for t in &o.trends {
            let _ = writeln!(s, "### {}\n", md(&t.partnership));
            s.push_str(&trend_table(t, plain).to_markdown());
            let _ = writeln!(s, "\n{}.\n", md(&changes(t)));
        }
    }
    let _ = writeln!(
        s,
        "_Made by {}; `powershare explain NAME` defines every index and finding._",
        md(o.generator)
    );
    s
}
