//! `check --format markdown`: a summary for a CI step summary
//! (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: the counts, a table
//! of files, then every breach and every problem with its line.
//!
//! A step summary holds at most 1 MiB, so the summary is bounded: the
//! table lists every file when there are at most [`MAX_ROWS`], and above
//! that only the first [`MAX_ROWS`] files that did not pass (saying how
//! many files it left out); the details of breaches and problems are given
//! for the first [`MAX_DETAILED`] files of each kind, with a count of the
//! rest, at most [`MAX_ITEMS`] violations per rule and problems per file,
//! each text cut at [`MAX_CHARS`] characters; and the whole stops, saying
//! so, before it would pass [`MAX_BYTES`] (six files of a thousand dummy
//! seats each once wrote 1.1 MB).

use std::fmt::Write;

use powershare_core::check::{FileCheck, FileStatus, RuleStatus, Summary};

/// Most files listed in the table when all of them pass.
pub const MAX_ROWS: usize = 100;

/// Most breached (and most unusable) files whose details are listed.
pub const MAX_DETAILED: usize = 50;

/// Most violations listed per rule, and problems per file.
pub const MAX_ITEMS: usize = 10;

/// Longest text (a path, a name, a message) shown, in characters.
pub const MAX_CHARS: usize = 300;

/// Largest summary, in bytes: half of a step summary's 1 MiB.
pub const MAX_BYTES: usize = 512 * 1024;

fn more(s: &mut Budget, total: usize, what: &str) {
    if total > MAX_DETAILED {
        s.line(&format!(
            "…and {} more {what} files: see the JSON or JUnit output for all of them.\n",
            total - MAX_DETAILED
        ));
    }
}

/// The document so far, and whether a line was refused for want of room.
struct Budget {
    s: String,
    full: bool,
}

/// Room kept for the closing line.
const TRAILER: usize = 200;

impl Budget {
    /// Append `text` and a newline, unless that would pass [`MAX_BYTES`]
    /// (then nothing more is added).
    fn line(&mut self, text: &str) -> bool {
        if self.full || self.s.len() + text.len() + 1 + TRAILER > MAX_BYTES {
            self.full = true;
            return false;
        }
        self.s.push_str(text);
        self.s.push('\n');
        true
    }
}

/// At most [`MAX_CHARS`] characters of `s`, escaped.
fn cell(s: &str) -> String {
    match s.char_indices().nth(MAX_CHARS) {
        Some((i, _)) => format!("{}…", escape(&s[..i])),
        None => escape(s),
    }
}

/// Escape text for a markdown table cell or list item:
/// [`markdown_inline`](crate::render::escape::markdown_inline) (markdown's
/// punctuation and `|` escaped, line breaks as spaces, control characters
/// dropped, bidirectional controls shown as `\u{202e}`), and `#` escaped
/// too. (Rule names and finding codes, which powershare controls, are
/// written as code spans instead.) File names go through here: they are
/// the one text in the output that the loader never checked.
pub fn escape(s: &str) -> String {
    crate::render::escape::markdown_inline(s).replace('#', "\\#")
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
    let mut b = Budget {
        s: String::from("## powershare check\n\n"),
        full: false,
    };
    let summary = Summary::of(files);
    b.line(&format!("{}\n", summary.sentence()));
    if files.iter().any(|f| {
        f.policy
            .as_ref()
            .is_some_and(|p| p.weights_set_by.is_some())
    }) {
        b.line("Weights set by the programme policy.\n");
    }
    let all = files.len() <= MAX_ROWS;
    let rows: Vec<&FileCheck> = files
        .iter()
        .filter(|f| all || f.status != FileStatus::Pass)
        .collect();
    if !rows.is_empty() {
        b.line("| File | Partnership | Result | Rules breached |\n|---|---|---|---|");
        for f in rows.iter().take(MAX_ROWS) {
            let partnership = match (&f.partnership, &f.period) {
                (Some(n), Some(p)) => format!("{} ({})", cell(n), cell(p)),
                (Some(n), None) => cell(n),
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
            b.line(&format!(
                "| {} | {partnership} | {} | {detail} |",
                cell(&f.path),
                result(f.status)
            ));
        }
        b.line("");
    }
    if !all && summary.passed > 0 {
        b.line(&format!(
            "{} passing file{} not listed.\n",
            summary.passed,
            if summary.passed == 1 { " is" } else { "s are" }
        ));
    }
    if rows.len() > MAX_ROWS {
        b.line(&format!(
            "{} more files that did not pass are not listed: see the JSON or JUnit output.\n",
            rows.len() - MAX_ROWS
        ));
    }
    let breached: Vec<&FileCheck> = files
        .iter()
        .filter(|f| f.status == FileStatus::Breach)
        .collect();
    if !breached.is_empty() {
        b.line("### Breaches\n");
        let total = breached.len();
        for f in breached.into_iter().take(MAX_DETAILED) {
            b.line(&format!("**{}**\n", cell(&f.path)));
            for r in f.rules.iter().filter(|r| r.status == RuleStatus::Breach) {
                b.line(&format!("- `{}`: {}", r.name(), cell(&r.message)));
                for v in r.violations.iter().take(MAX_ITEMS) {
                    // A value rule's one violation repeats the rule's sentence: say only where.
                    if v.message == r.message {
                        if !v.lines.is_empty() {
                            b.line(&format!("  - {}", lines(&v.lines).trim_end_matches(": ")));
                        }
                    } else {
                        b.line(&format!("  - {}{}", lines(&v.lines), cell(&v.message)));
                    }
                }
                if r.violations.len() > MAX_ITEMS {
                    b.line(&format!(
                        "  - …and {} more: see the JSON or JUnit output",
                        r.violations.len() - MAX_ITEMS
                    ));
                }
            }
            b.line("");
        }
        more(&mut b, total, "breached");
    }
    let unusable: Vec<&FileCheck> = files
        .iter()
        .filter(|f| f.status == FileStatus::Unusable)
        .collect();
    if !unusable.is_empty() {
        b.line("### Unusable files\n");
        let total = unusable.len();
        for f in unusable.into_iter().take(MAX_DETAILED) {
            b.line(&format!("**{}**\n", cell(&f.path)));
            for p in f.problems.iter().take(MAX_ITEMS) {
                let at = match (p.line, p.column) {
                    (Some(l), Some(c)) => format!("line {l}, column {c}: "),
                    (Some(l), None) => format!("line {l}: "),
                    _ => String::new(),
                };
                let field = p
                    .field
                    .as_ref()
                    .map_or(String::new(), |x| format!("{}: ", cell(x)));
                b.line(&format!("- {at}{field}{}", cell(&p.message)));
            }
            if f.problems.len() > MAX_ITEMS {
                b.line(&format!(
                    "- …and {} more: see the JSON or JUnit output",
                    f.problems.len() - MAX_ITEMS
                ));
            }
            b.line("");
        }
        more(&mut b, total, "unusable");
    }
    let mut s = b.s;
    if b.full {
        let _ = writeln!(
            s,
            "…the summary stops here, at {} KiB of a step summary's 1 MiB: see the JSON or JUnit output for the rest.\n",
            MAX_BYTES / 1024
        );
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
        // Regression: a file name's ESC, BEL and NUL were written raw, and
        // a right-to-left override reversed the rest of the line.
        case("evil\u{1b}[2J\u{7}\u{0}\u{202e}x", "evil\\[2J\\\\u{202e}x");
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

    /// Guards against: six files of a thousand dummy seats each writing
    /// 1.1 MB, above a step summary's 1 MiB. Here, 60 breached files of
    /// five rules of 100 long violations each: at most 10 per rule, 50
    /// files (5 × 11 lines of 300 characters each, 850 KB), and never past
    /// MAX_BYTES.
    #[test]
    fn the_summary_is_bounded_however_much_there_is_to_say() {
        use powershare_core::check::{RuleResult, Source, Violation};
        let p = powershare_core::load_str("[[body]]\nid = \"a\"\n").unwrap();
        let r = powershare_core::score(&p, Default::default());
        let mut one = FileCheck::checked(&"p".repeat(5000), &p, &r, Default::default());
        one.status = FileStatus::Breach;
        let rule = RuleResult {
            rule: "deny",
            code: Some(powershare_core::model::FindingCode::DummySeat),
            status: RuleStatus::Breach,
            limit: None,
            value: Some(100.0),
            source: Source::Flag,
            robust: None,
            message: "100 findings".into(),
            violations: (0..100)
                .map(|i| Violation {
                    bodies: vec![format!("b{i}")],
                    lines: vec![i],
                    message: "x".repeat(400),
                })
                .collect(),
        };
        one.rules = vec![rule; 5];
        let md = render(&vec![one; 60]);
        assert!(md.len() <= MAX_BYTES, "{} bytes", md.len());
        assert!(
            md.contains("…and 90 more: see the JSON or JUnit output"),
            "{}",
            &md[..2000]
        );
        assert!(
            md.trim_end()
                .ends_with("see the JSON or JUnit output for the rest."),
            "{}",
            &md[md.len() - 500..]
        );
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
