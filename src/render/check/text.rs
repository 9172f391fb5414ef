//! `check --format text`: one block per file, one line per rule, then the
//! violations with their lines, then a summary line.

use std::fmt::Write;

use crate::palette::Palette;
use crate::render::escape::terminal_text as tt;
use powershare_core::check::{FileCheck, FileStatus, RuleStatus, Summary};
use rayon::prelude::*;

/// Every file, then the summary. The files' blocks do not depend on each
/// other, so they are written in parallel (a batch of 10,000 files writes
/// about 13 MB) and joined in the order of `files`.
pub fn render(files: &[FileCheck], palette: &Palette) -> String {
    let blocks: Vec<String> = files
        .par_iter()
        .map(|f| {
            let mut s = String::new();
            file(&mut s, f, palette);
            s
        })
        .collect();
    let mut s = String::with_capacity(blocks.iter().map(String::len).sum::<usize>() + 80);
    for block in &blocks {
        s.push_str(block);
    }
    s.push_str(&Summary::of(files).sentence());
    s.push('\n');
    s
}

fn file(s: &mut String, f: &FileCheck, palette: &Palette) {
    let style = match f.status {
        FileStatus::Pass => palette.good,
        FileStatus::Breach => palette.bad,
        FileStatus::Unusable => palette.warn,
    };
    let _ = write!(
        s,
        "{} {}",
        Palette::paint(style, &format!("{:<8}", f.status.name())),
        Palette::paint(palette.strong, &tt(&f.path))
    );
    if let Some(name) = &f.partnership {
        let _ = write!(s, " ({}", tt(name));
        if let Some(period) = &f.period {
            let _ = write!(s, ", {}", tt(period));
        }
        s.push(')');
    }
    s.push('\n');
    if f.policy
        .as_ref()
        .is_some_and(|p| p.weights_set_by.is_some())
    {
        let _ = writeln!(
            s,
            "  {}",
            Palette::paint(palette.dim, "weights set by the programme policy")
        );
    }
    for p in &f.problems {
        let at = match (p.line, p.column) {
            (Some(l), Some(c)) => format!("{l}:{c}: "),
            (Some(l), None) => format!("{l}: "),
            _ => String::new(),
        };
        let field = p
            .field
            .as_ref()
            .map_or(String::new(), |f| format!("{}: ", tt(f)));
        let _ = writeln!(
            s,
            "  {}{field}{}",
            Palette::paint(palette.dim, &at),
            tt(&p.message)
        );
    }
    if f.status != FileStatus::Unusable && f.rules.is_empty() {
        let _ = writeln!(
            s,
            "  {}",
            Palette::paint(
                palette.dim,
                "no policy: set [policy], --policy or a --max-* flag"
            )
        );
    }
    let width = f.rules.iter().map(|r| r.name().len()).max().unwrap_or(0);
    for r in &f.rules {
        let style = match r.status {
            RuleStatus::Pass => palette.good,
            RuleStatus::Breach => palette.bad,
            RuleStatus::Skipped => palette.warn,
        };
        let _ = writeln!(
            s,
            "  {} {:<width$}  {}",
            Palette::paint(style, &format!("{:<7}", r.status.name())),
            r.name(),
            tt(&r.message)
        );
        for v in &r.violations {
            let lines = if v.lines.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = v.lines.iter().map(usize::to_string).collect();
                format!(
                    "line{} {}",
                    if v.lines.len() == 1 { "" } else { "s" },
                    list.join(", ")
                )
            };
            // A value rule's one violation repeats the rule's sentence: show only where.
            let message = if v.message == r.message {
                ""
            } else {
                v.message.as_str()
            };
            let sep = if lines.is_empty() || message.is_empty() {
                ""
            } else {
                ": "
            };
            if !(lines.is_empty() && message.is_empty()) {
                let _ = writeln!(
                    s,
                    "          {}{sep}{}",
                    Palette::paint(palette.dim, &lines),
                    tt(message)
                );
            }
        }
    }
}
