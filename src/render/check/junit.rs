//! `check --format junit`: a JUnit XML report that CI systems (GitLab,
//! Jenkins, Azure Pipelines, GitHub test-report actions) display natively.
//!
//! One `<testsuite>` inside `<testsuites>`. Each file has a test case
//! `valid partnership file` (an `<error>` when the file is unusable) and one
//! test case per policy rule (a `<failure>` when breached, `<skipped>` when
//! the data to judge it is absent); the class name is the file's path. The
//! XML is written with quick-xml, which escapes text and attributes; text is
//! also cleaned of the control characters XML 1.0 cannot hold at all.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use powershare_core::check::{FileCheck, FileStatus, RuleStatus};

/// The name of the test case that says whether a file could be used.
pub const VALID_CASE: &str = "valid partnership file";

/// Replace characters that XML 1.0 does not allow (C0 controls other than
/// tab, newline and carriage return, and U+FFFE/U+FFFF) with U+FFFD, and
/// show DEL, the C1 controls and the bidirectional controls (which a file
/// name can hold) as `\u{202e}`, so that a CI page cannot show a path
/// reversed.
pub fn xml_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c if crate::render::escape::is_bidi_control(c)
                || ('\u{7f}'..='\u{9f}').contains(&c) =>
            {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

fn counts(files: &[FileCheck]) -> Counts {
    let mut c = Counts {
        tests: 0,
        failures: 0,
        errors: 0,
        skipped: 0,
    };
    for f in files {
        c.tests += 1 + f.rules.len();
        if f.status == FileStatus::Unusable {
            c.errors += 1;
        }
        for r in &f.rules {
            match r.status {
                RuleStatus::Breach => c.failures += 1,
                RuleStatus::Skipped => c.skipped += 1,
                RuleStatus::Pass => {}
            }
        }
    }
    c
}

/// The whole XML document, with a trailing newline.
pub fn render(files: &[FileCheck]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = write(&mut w, files);
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}

fn write(w: &mut Writer<Vec<u8>>, files: &[FileCheck]) -> std::io::Result<()> {
    let c = counts(files);
    let (tests, failures, errors, skipped) = (
        c.tests.to_string(),
        c.failures.to_string(),
        c.errors.to_string(),
        c.skipped.to_string(),
    );
    let totals = [
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", errors.as_str()),
        ("skipped", skipped.as_str()),
    ];
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("testsuites")
        .with_attribute(("name", "powershare check"))
        .with_attributes(totals)
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attribute(("name", "powershare check"))
                .with_attributes(totals)
                .write_inner_content(|w| {
                    for f in files {
                        file(w, f)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn file(w: &mut Writer<Vec<u8>>, f: &FileCheck) -> std::io::Result<()> {
    let path = xml_safe(&f.path);
    let case = |name: &str| [("classname", path.clone()), ("name", xml_safe(name))];
    if f.status == FileStatus::Unusable {
        let detail: Vec<String> = f
            .problems
            .iter()
            .map(|p| {
                let at = match (p.line, p.column) {
                    (Some(l), Some(c)) => format!("{}:{l}:{c}: ", f.path),
                    _ => format!("{}: ", f.path),
                };
                let field = p.field.as_ref().map_or(String::new(), |x| format!("{x}: "));
                format!("{at}{field}{}", p.message)
            })
            .collect();
        let message = match f.problems.as_slice() {
            [one] => one.message.clone(),
            many => format!("{} problems", many.len()),
        };
        w.create_element("testcase")
            .with_attributes(case(VALID_CASE).iter().map(|(k, v)| (*k, v.as_str())))
            .write_inner_content(|w| {
                w.create_element("error")
                    .with_attribute(("type", "unusable"))
                    .with_attribute(("message", xml_safe(&message).as_str()))
                    .write_text_content(BytesText::new(&xml_safe(&detail.join("\n"))))?;
                Ok(())
            })?;
        return Ok(());
    }
    w.create_element("testcase")
        .with_attributes(case(VALID_CASE).iter().map(|(k, v)| (*k, v.as_str())))
        .write_empty()?;
    for r in &f.rules {
        let name = r.name();
        let element = w
            .create_element("testcase")
            .with_attributes(case(&name).iter().map(|(k, v)| (*k, v.as_str())));
        match r.status {
            RuleStatus::Pass => {
                element.write_empty()?;
            }
            RuleStatus::Skipped => {
                element.write_inner_content(|w| {
                    w.create_element("skipped")
                        .with_attribute(("message", xml_safe(&r.message).as_str()))
                        .write_empty()?;
                    Ok(())
                })?;
            }
            RuleStatus::Breach => {
                let detail: Vec<String> = r
                    .violations
                    .iter()
                    .map(|v| match v.lines.first() {
                        Some(line) => format!("{}:{line}: {}", f.path, v.message),
                        None => format!("{}: {}", f.path, v.message),
                    })
                    .collect();
                element.write_inner_content(|w| {
                    w.create_element("failure")
                        .with_attribute(("type", r.rule))
                        .with_attribute(("message", xml_safe(&r.message).as_str()))
                        .write_text_content(BytesText::new(&xml_safe(&detail.join("\n"))))?;
                    Ok(())
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &str) {
        assert_eq!(xml_safe(input), expected);
    }

    #[test]
    fn control_characters_are_replaced() {
        case("a\tb\nc\rd", "a\tb\nc\rd");
        case("bell\u{7}", "bell\u{FFFD}");
        case("nul\0", "nul\u{FFFD}");
        case("a\u{202e}b", r"a\u{202e}b");
        case("<&>\"'", "<&>\"'"); // quick-xml escapes these
        case("\u{FFFF}é", "\u{FFFD}é");
    }

    #[test]
    fn escapes_markup_in_paths_and_messages() {
        let f = FileCheck::unreadable("a<b>&\"c\".toml", "cannot read: <gone> & \u{1}");
        let xml = render(&[f]);
        assert!(
            xml.contains("classname=\"a&lt;b&gt;&amp;&quot;c&quot;.toml\""),
            "{xml}"
        );
        assert!(xml.contains("&lt;gone&gt; &amp; \u{FFFD}"), "{xml}");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not XML: {e}\n{xml}"),
            }
        }
    }
}
