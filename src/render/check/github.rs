//! `check --format github`: GitHub Actions workflow commands, so that a
//! breach shows as an annotation on the line of the body or table entry it
//! concerns (`::error file=F,line=L,title=T::message`).
//!
//! One `::error` per breached rule and line, one `::error` per problem of an
//! unusable file (with its line and column), one `::notice` per skipped
//! rule, then a plain summary line.

use std::fmt::Write;

use powershare_core::check::{FileCheck, RuleStatus, Summary};

/// Escape the message part of a workflow command (as `@actions/core` does),
/// then show any other control character as a visible escape, so that a
/// name cannot colour or rewrite the CI log
/// ([`terminal_text`](crate::render::escape::terminal_text)).
pub fn escape_data(s: &str) -> String {
    crate::render::escape::terminal_text(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// Escape a property value (`file=`, `title=`): the message escapes plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(
    s: &mut String,
    kind: &str,
    file: &str,
    line: Option<usize>,
    col: Option<usize>,
    title: &str,
    message: &str,
) {
    let _ = write!(s, "::{kind} file={}", escape_property(file));
    if let Some(line) = line {
        let _ = write!(s, ",line={line}");
    }
    if let Some(col) = col {
        let _ = write!(s, ",col={col}");
    }
    let _ = writeln!(
        s,
        ",title={}::{}",
        escape_property(title),
        escape_data(message)
    );
}

/// Every annotation, then the summary.
pub fn render(files: &[FileCheck]) -> String {
    let mut s = String::new();
    for f in files {
        for p in &f.problems {
            let message = match &p.field {
                Some(field) => format!("{field}: {}", p.message),
                None => p.message.clone(),
            };
            command(
                &mut s,
                "error",
                &f.path,
                p.line,
                p.column,
                "powershare unusable partnership file",
                &message,
            );
        }
        for r in &f.rules {
            let title = format!("powershare {}", r.name());
            match r.status {
                RuleStatus::Pass => {}
                RuleStatus::Skipped => {
                    command(&mut s, "notice", &f.path, None, None, &title, &r.message);
                }
                RuleStatus::Breach => {
                    for v in &r.violations {
                        if v.lines.is_empty() {
                            command(&mut s, "error", &f.path, None, None, &title, &v.message);
                        }
                        for &line in &v.lines {
                            command(
                                &mut s,
                                "error",
                                &f.path,
                                Some(line),
                                None,
                                &title,
                                &v.message,
                            );
                        }
                    }
                }
            }
        }
    }
    s.push_str("powershare check: ");
    s.push_str(&Summary::of(files).sentence());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, data: &str, property: &str) {
        assert_eq!(escape_data(input), data);
        assert_eq!(escape_property(input), property);
    }

    #[test]
    fn escaping_follows_the_actions_toolkit() {
        case("plain", "plain", "plain");
        case("50% of it", "50%25 of it", "50%25 of it");
        case("a\nb\r\n", "a%0Ab%0D%0A", "a%0Ab%0D%0A");
        case("x: y, z", "x: y, z", "x%3A y%2C z");
        case("red\u{1b}[31m", "red\\u{1b}[31m", "red\\u{1b}[31m");
        // `%` first, so an escape is never escaped twice.
        case("%0A", "%250A", "%250A");
    }
}
