//! The board brief as markdown, for a board paper or a wiki page.

use std::fmt::Write;

use super::Brief;
use crate::render::escape::markdown_inline as md;
use crate::render::table::{Align, Table};

/// The brief as markdown.
pub fn render(b: &Brief) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Board brief: {}\n", md(&b.title()));
    let _ = writeln!(
        s,
        "**{}.** {}\n",
        md(&b.verdict.headline),
        md(&b.verdict.summary)
    );
    s.push_str("## Key numbers\n\n");
    let mut t = Table::new(&[("measure", Align::Left), ("value", Align::Right)]);
    for (k, v) in &b.numbers {
        t.row(vec![k.clone(), v.clone()]);
    }
    s.push_str(&t.to_markdown());
    s.push('\n');
    if b.findings.is_empty() {
        s.push_str("## Findings\n\nNone.\n");
    } else {
        let _ = writeln!(s, "## {}\n", b.findings_heading());
        for f in &b.findings {
            let _ = writeln!(
                s,
                "1. **{}** `{}`: {}\n   - What to do: {}",
                f.severity.name(),
                f.code,
                md(&f.message),
                md(f.action())
            );
        }
        if let Some(more) = b.more_line() {
            let _ = writeln!(s, "\n{}", md(&more));
        }
    }
    if let Some(lines) = &b.survey {
        s.push_str("\n## What the partners say\n\n");
        for l in lines {
            let _ = writeln!(s, "- {}", md(l));
        }
    }
    s.push_str("\n_Made by powershare; `powershare explain CODE` gives the guidance behind each finding._\n");
    s
}
