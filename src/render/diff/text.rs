//! `diff --format text`.

use std::fmt::Write;

use super::{signed, value};
use crate::palette::Palette;
use crate::render::escape::terminal_text as tt;
use powershare_core::diff::{Comparison, Diff, DirDiff, Presence};

fn heading(d: &Diff) -> String {
    let period = |p: &Option<String>| p.as_deref().map_or_else(|| "no period".into(), tt);
    let name = if d.old.name == d.new.name {
        tt(&d.new.name)
    } else {
        format!("{} -> {}", tt(&d.old.name), tt(&d.new.name))
    };
    format!(
        "{name}: {} -> {}",
        period(&d.old.shown_period()),
        period(&d.new.shown_period())
    )
}

/// One comparison.
pub fn render(d: &Diff, palette: &Palette) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", Palette::paint(palette.strong, &heading(d)));
    if d.is_empty() {
        s.push_str("no change\n");
        return s;
    }
    s.push_str("\nComposite share per body\n");
    let width = d.bodies.iter().map(|b| b.id.len()).max().unwrap_or(0);
    for b in &d.bodies {
        let (old, new) = match b.presence {
            Presence::Both => (value(b.composite.old), value(b.composite.new)),
            Presence::Added => ("added".into(), value(b.composite.new)),
            Presence::Removed => (value(b.composite.old), "removed".into()),
        };
        let change = b.composite.change.map(signed).unwrap_or_default();
        let row = format!("  {:<width$}  {old:>7} -> {new:<7}  {change}", b.id);
        let _ = writeln!(s, "{}", row.trim_end());
    }
    if !d.dimensions_added.is_empty() || !d.dimensions_removed.is_empty() {
        s.push_str("\nDimensions with data\n");
        if !d.dimensions_added.is_empty() {
            let _ = writeln!(s, "  added: {}", d.dimensions_added.join(", "));
        }
        if !d.dimensions_removed.is_empty() {
            let _ = writeln!(s, "  removed: {}", d.dimensions_removed.join(", "));
        }
    }
    let shown: Vec<_> = d.indices.iter().filter(|i| i.is_headline()).collect();
    if !shown.is_empty() {
        s.push_str("\nInequality\n");
        for i in shown {
            let name = format!("{} {}", i.set, i.index);
            let change = i.value.change.map(signed).unwrap_or_default();
            let row = format!(
                "  {name:<28} {:>7} -> {:<7}  {change}",
                value(i.value.old),
                value(i.value.new)
            );
            let _ = writeln!(s, "{}", row.trim_end());
        }
    }
    s.push_str(&crate::render::survey::diff::text(d.survey.as_ref()));
    for (title, list, mark, style) in [
        (
            "Findings that appeared",
            &d.findings_appeared,
            "+",
            palette.bad,
        ),
        ("Findings resolved", &d.findings_resolved, "-", palette.good),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{title} ({})", list.len());
        for f in list {
            let _ = writeln!(
                s,
                "  {} {} {} ({}): {}",
                Palette::paint(style, mark),
                f.severity.name(),
                f.code,
                tt(&f.bodies.join(", ")),
                tt(&f.message)
            );
        }
    }
    if d.findings_persisting > 0 {
        let _ = writeln!(
            s,
            "\n{} finding{} on both sides.",
            d.findings_persisting,
            if d.findings_persisting == 1 { "" } else { "s" }
        );
    }
    s
}

/// A directory comparison: one block per file.
pub fn render_dir(d: &DirDiff, palette: &Palette) -> String {
    let mut blocks = Vec::new();
    for f in &d.files {
        let block = match (&f.diff, f.status) {
            (Some(diff), _) => format!(
                "{}\n{}",
                Palette::paint(palette.strong, &format!("== {}", tt(&f.path))),
                render(diff, palette)
            ),
            (None, Comparison::Added) => {
                format!(
                    "{} {}\n",
                    Palette::paint(palette.good, "added:  "),
                    tt(&f.path)
                )
            }
            (None, Comparison::Removed) => {
                format!(
                    "{} {}\n",
                    Palette::paint(palette.bad, "removed:"),
                    tt(&f.path)
                )
            }
            (None, _) => format!(
                "{} {} (see the errors above)\n",
                Palette::paint(palette.warn, "unusable:"),
                tt(&f.path)
            ),
        };
        blocks.push(block);
    }
    blocks.join("\n")
}
