//! The board brief as text, for a terminal or an email.

use std::fmt::Write;

use super::Brief;
use crate::render::escape::terminal_text as tt;
use crate::render::report::text::wrap;

const WIDTH: usize = 80;

/// The brief as text.
pub fn render(b: &Brief) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Board brief: {}\n", tt(&b.title()));
    let _ = writeln!(s, "{}.", wrap(&tt(&b.verdict.headline), WIDTH, ""));
    let _ = writeln!(s, "{}\n", wrap(&tt(&b.verdict.summary), WIDTH, ""));
    s.push_str("Key numbers\n");
    for (k, v) in &b.numbers {
        let _ = writeln!(s, "  {}", wrap(&tt(&format!("{k}: {v}")), WIDTH, "      "));
    }
    s.push('\n');
    if b.findings.is_empty() {
        s.push_str("No finding.\n");
    } else {
        let _ = writeln!(s, "{}", b.findings_heading());
        for (k, f) in b.findings.iter().enumerate() {
            let _ = writeln!(
                s,
                "  {}. {} {}",
                k + 1,
                f.severity.name().to_uppercase(),
                f.code
            );
            let _ = writeln!(s, "     {}", wrap(&tt(&f.message), WIDTH, "     "));
            let _ = writeln!(
                s,
                "     {}",
                wrap(&tt(&format!("What to do: {}", f.action())), WIDTH, "     ")
            );
        }
        if let Some(more) = b.more_line() {
            let _ = writeln!(s, "  {more}");
        }
    }
    if let Some(lines) = &b.survey {
        s.push_str("\nWhat the partners say\n");
        for l in lines {
            let _ = writeln!(s, "  {}", wrap(&tt(l), WIDTH, "  "));
        }
    }
    s
}
