//! `diff --format markdown`: for a step summary or a pull-request comment.

use std::fmt::Write;

use super::{signed, value};
use crate::render::check::markdown::escape;
use crate::render::escape::markdown_code;
use powershare_core::diff::{Comparison, Diff, DirDiff, Presence};

fn body(s: &mut String, d: &Diff, level: &str) {
    let period = |p: &Option<String>| p.clone().unwrap_or_else(|| "no period".into());
    let _ = writeln!(
        s,
        "{level} {}: {} → {}\n",
        escape(&d.new.name),
        escape(&period(&d.old.shown_period())),
        escape(&period(&d.new.shown_period()))
    );
    if d.is_empty() {
        s.push_str("No change.\n\n");
        return;
    }
    s.push_str("| Body | Composite before | Composite after | Change |\n|---|---:|---:|---:|\n");
    for b in &d.bodies {
        let (old, new) = match b.presence {
            Presence::Both => (value(b.composite.old), value(b.composite.new)),
            Presence::Added => ("added".into(), value(b.composite.new)),
            Presence::Removed => (value(b.composite.old), "removed".into()),
        };
        let change = b.composite.change.map(signed).unwrap_or_default();
        let _ = writeln!(s, "| {} | {old} | {new} | {change} |", escape(&b.name));
    }
    s.push('\n');
    if !d.dimensions_added.is_empty() {
        let _ = writeln!(
            s,
            "Dimensions with data added: {}.\n",
            d.dimensions_added.join(", ")
        );
    }
    if !d.dimensions_removed.is_empty() {
        let _ = writeln!(
            s,
            "Dimensions with data removed: {}.\n",
            d.dimensions_removed.join(", ")
        );
    }
    let shown: Vec<_> = d.indices.iter().filter(|i| i.is_headline()).collect();
    if !shown.is_empty() {
        s.push_str("| Index | Before | After | Change |\n|---|---:|---:|---:|\n");
        for i in shown {
            let _ = writeln!(
                s,
                "| {} {} | {} | {} | {} |",
                i.set,
                escape(i.index),
                value(i.value.old),
                value(i.value.new),
                i.value.change.map(signed).unwrap_or_default()
            );
        }
        s.push('\n');
    }
    s.push_str(&crate::render::survey::diff::markdown(d.survey.as_ref()));
    for (title, list) in [
        ("Findings that appeared", &d.findings_appeared),
        ("Findings resolved", &d.findings_resolved),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "**{title}**\n");
        for f in list {
            let _ = writeln!(
                s,
                "- `{}` ({}, {}): {}",
                f.code,
                f.severity.name(),
                escape(&f.bodies.join(", ")),
                escape(&f.message)
            );
        }
        s.push('\n');
    }
}

fn finish(mut s: String) -> String {
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

/// One comparison.
pub fn render(d: &Diff) -> String {
    let mut s = String::new();
    body(&mut s, d, "##");
    finish(s)
}

/// A directory comparison.
pub fn render_dir(d: &DirDiff) -> String {
    let mut s = String::from("## powershare diff\n\n");
    let count = |st: Comparison| d.files.iter().filter(|f| f.status == st).count();
    let _ = writeln!(
        s,
        "{} compared, {} added, {} removed, {} unusable.\n",
        count(Comparison::Compared),
        count(Comparison::Added),
        count(Comparison::Removed),
        count(Comparison::Unusable)
    );
    for f in &d.files {
        match (&f.diff, f.status) {
            (Some(diff), _) => {
                let _ = writeln!(s, "`{}`\n", markdown_code(&f.path));
                body(&mut s, diff, "###");
            }
            (None, status) => {
                let what = match status {
                    Comparison::Added => "added",
                    Comparison::Removed => "removed",
                    _ => "unusable",
                };
                let _ = writeln!(s, "- `{}`: {what}\n", markdown_code(&f.path));
            }
        }
    }
    finish(s)
}
