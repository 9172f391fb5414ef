//! `check --format markdown`: a summary for a CI step summary
//! (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: the counts, a table
//! of files, then every breach and every problem with its line.
//!
//! A step summary holds at most 1 MiB, so large batches are cut short: the
//! table lists every file when there are at most [`MAX_ROWS`], and above
//! that only the first [`MAX_ROWS`] files that did not pass (saying how
//! many files it left out); the details of breaches and problems are given for the first
//! [`MAX_DETAILED`] files of each kind, with a count of the rest.

use std::fmt::Write;

use powershare_core::check::{FileCheck, FileStatus, RuleStatus, Summary};

/// Most files listed in the table when all of them pass.
pub const MAX_ROWS: usize = 100;

/// Most breached (and most unusable) files whose details are listed.
pub const MAX_DETAILED: usize = 50;

fn more(s: &mut String, total: usize, what: &str) {
    if total > MAX_DETAILED {
        let _ = writeln!(
            s,
            "…and {} more {what} files: see the JSON or JUnit output for all of them.\n",
            total - MAX_DETAILED
        );
    }
}

/// Escape text for a markdown table cell or list item: backslash before
/// markdown's punctuation, `|` too, and line breaks as spaces. (Rule names
/// and finding codes, which powershare controls, are written as code spans
/// instead.)
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn result(status: FileStatus) -> &'static str {
    match status {
        FileStatus::Pass => "✅ pass",
        FileStatus::Breach => "❌ breach",
        FileStatus::Unusable => "⚠️ unusable",
    }
}

fn lines(lines: &[usize]) -> String {
    match lines {
        [] => String::new(),
        [one] => format!("line {one}: "),
        many => {
            let list: Vec<String> = many.iter().map(usize::to_string).collect();
            format!("lines {}: ", list.join(", "))
        }
    }
}

/// The summary document.
pub fn render(files: &[FileCheck]) -> String {
    let mut s = String::from("## powershare check\n\n");
    let summary = Summary::of(files);
    let _ = writeln!(s, "{}\n", summary.sentence());
    if files.iter().any(|f| {
        f.policy
            .as_ref()
            .is_some_and(|p| p.weights_set_by.is_some())
    }) {
        s.push_str("Weights set by the programme policy.\n\n");
    }
    let all = files.len() <= MAX_ROWS;
    let rows: Vec<&FileCheck> = files
        .iter()
        .filter(|f| all || f.status != FileStatus::Pass)
        .collect();
    if !rows.is_empty() {
        s.push_str("| File | Partnership | Result | Rules breached |\n|---|---|---|---|\n");
        for f in rows.iter().take(MAX_ROWS) {
            let partnership = match (&f.partnership, &f.period) {
                (Some(n), Some(p)) => format!("{} ({})", escape(n), escape(p)),
                (Some(n), None) => escape(n),
                _ => String::new(),
            };
            let detail = match f.status {
                FileStatus::Unusable => format!(
                    "{} problem{}",
                    f.problems.len(),
                    if f.problems.len() == 1 { "" } else { "s" }
                ),
                _ => f
                    .rules
                    .iter()
                    .filter(|r| r.status == RuleStatus::Breach)
                    .map(|r| format!("`{}`", r.name()))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let _ = writeln!(
                s,
                "| {} | {partnership} | {} | {detail} |",
                escape(&f.path),
                result(f.status)
            );
        }
        s.push('\n');
    }
    if !all && summary.passed > 0 {
        let _ = writeln!(
            s,
            "{} passing file{} not listed.\n",
            summary.passed,
            if summary.passed == 1 { " is" } else { "s are" }
        );
    }
    if rows.len() > MAX_ROWS {
        let _ = writeln!(
            s,
            "{} more files that did not pass are not listed: see the JSON or JUnit output.\n",
            rows.len() - MAX_ROWS
        );
    }
    let breached: Vec<&FileCheck> = files
        .iter()
        .filter(|f| f.status == FileStatus::Breach)
        .collect();
    if !breached.is_empty() {
        s.push_str("### Breaches\n\n");
        let total = breached.len();
        for f in breached.into_iter().take(MAX_DETAILED) {
            let _ = writeln!(s, "**{}**\n", escape(&f.path));
            for r in f.rules.iter().filter(|r| r.status == RuleStatus::Breach) {
                let _ = writeln!(s, "- `{}`: {}", r.name(), escape(&r.message));
                for v in &r.violations {
                    // A value rule's one violation repeats the rule's sentence: say only where.
                    if v.message == r.message {
                        if !v.lines.is_empty() {
                            let _ = writeln!(s, "  - {}", lines(&v.lines).trim_end_matches(": "));
                        }
                    } else {
                        let _ = writeln!(s, "  - {}{}", lines(&v.lines), escape(&v.message));
                    }
                }
            }
            s.push('\n');
        }
        more(&mut s, total, "breached");
    }
    let unusable: Vec<&FileCheck> = files
        .iter()
        .filter(|f| f.status == FileStatus::Unusable)
        .collect();
    if !unusable.is_empty() {
        s.push_str("### Unusable files\n\n");
        let total = unusable.len();
        for f in unusable.into_iter().take(MAX_DETAILED) {
            let _ = writeln!(s, "**{}**\n", escape(&f.path));
            for p in &f.problems {
                let at = match (p.line, p.column) {
                    (Some(l), Some(c)) => format!("line {l}, column {c}: "),
                    (Some(l), None) => format!("line {l}: "),
                    _ => String::new(),
                };
                let field = p
                    .field
                    .as_ref()
                    .map_or(String::new(), |x| format!("{}: ", escape(x)));
                let _ = writeln!(s, "- {at}{field}{}", escape(&p.message));
            }
            s.push('\n');
        }
        more(&mut s, total, "unusable");
    }
    // One trailing newline.
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &str) {
        assert_eq!(escape(input), expected);
    }

    #[test]
    fn escaping() {
        case("plain text, 0.5", "plain text, 0.5");
        case("a|b", "a\\|b");
        case("max_top_share", "max\\_top\\_share");
        case(
            "`code` *x* [l](u) <b>",
            "\\`code\\` \\*x\\* \\[l\\](u) \\<b\\>",
        );
        case("two\nlines", "two lines");
        case("back\\slash #1", "back\\\\slash \\#1");
    }

    #[test]
    fn large_passing_batches_are_summarised() {
        let p = powershare_core::load_str("[[body]]\nid = \"a\"\n").unwrap();
        let r = powershare_core::score(&p, Default::default());
        let one = FileCheck::checked("p.toml", &p, &r, Default::default());
        let files = vec![one; MAX_ROWS + 1];
        let md = render(&files);
        assert!(!md.contains("| File |"), "{md}");
        assert!(md.contains("101 passing files are not listed."), "{md}");
    }

    #[test]
    fn large_failing_batches_are_cut_short() {
        let bad: Vec<FileCheck> = (0..MAX_DETAILED + 3)
            .map(|i| FileCheck::unreadable(&format!("p{i:03}.toml"), "cannot read"))
            .collect();
        let md = render(&bad);
        assert!(
            md.contains("p049.toml**") && !md.contains("p050.toml**"),
            "{md}"
        );
        assert!(
            md.ends_with(
                "…and 3 more unusable files: see the JSON or JUnit output for all of them.\n"
            ),
            "{md}"
        );
    }
}
