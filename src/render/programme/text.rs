//! `programme --format text`: the summary, the table of partnerships, the
//! problems of unusable files, the findings across the programme, then one
//! block per trend.

use std::fmt::Write;

use super::{changes, codes_table, headline, table, trend_table};
use crate::render::escape::terminal_text;
use powershare_core::programme::{Overview, Status};

/// The whole overview.
pub fn render(o: &Overview) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Programme overview: {}\n", headline(o));
    if !o.partnerships.is_empty() {
        s.push_str(&table(o, terminal_text).to_text("  "));
    }
    for r in o
        .partnerships
        .iter()
        .filter(|r| r.status == Status::Unusable)
    {
        let _ = writeln!(s, "\nunusable: {}", terminal_text(&r.path));
        for p in &r.problems {
            let _ = writeln!(s, "  {}", terminal_text(p));
        }
    }
    if let Some(t) = codes_table(o) {
        s.push_str("\nFindings across the programme\n");
        s.push_str(&t.to_text("  "));
    }
    if !o.trends.is_empty() {
        s.push_str("\nTrends\n");
        for t in &o.trends {
            let _ = writeln!(s, "\n  {}", terminal_text(&t.partnership));
            s.push_str(&trend_table(t, terminal_text).to_text("    "));
            let _ = writeln!(s, "    {}", terminal_text(&changes(t)));
        }
    }
    s
}
