//! Renderers of the `powershare power` calculator: text, JSON and CSV.

use crate::render::escape::{csv_text, terminal_text};
use crate::render::table::{Align, Table};
use powershare_core::power::{PowerReport, name_of};

/// A readable table of every player's power, then the notes.
pub fn text(r: &PowerReport) -> String {
    let mut s = format!(
        "Weighted vote: quota {} of total weight {}, {} players; computed by {}.\n\n",
        r.quota,
        r.total_weight,
        r.players.len(),
        r.method.name()
    );
    let mut columns: Vec<(&str, Align)> = vec![("player", Align::Left), ("weight", Align::Right)];
    let names: Vec<String> = r
        .indices
        .iter()
        .map(|&i| name_of(i).to_lowercase())
        .collect();
    columns.extend(names.iter().map(|n| (n.as_str(), Align::Right)));
    columns.push(("flags", Align::Left));
    let mut t = Table::new(&columns);
    for p in &r.players {
        let mut row = vec![terminal_text(&p.name), p.weight.clone()];
        for (k, v) in p.values.iter().enumerate() {
            let se = p
                .standard_errors
                .as_ref()
                .and_then(|se| se[k])
                .map_or_else(String::new, |e| format!(" ± {e:.6}"));
            row.push(v.map_or_else(|| "-".into(), |v| format!("{v:.6}{se}")));
        }
        let flags: Vec<&str> = [
            (p.dictator, "dictator"),
            (p.veto, "veto"),
            (p.dummy, "dummy"),
        ]
        .into_iter()
        .filter_map(|(on, f)| on.then_some(f))
        .collect();
        row.push(flags.join(", "));
        t.row(row);
    }
    s.push_str(&t.to_text("  "));
    if !r.notes.is_empty() {
        s.push_str("\nNotes:\n");
        for n in &r.notes {
            s.push_str("  - ");
            s.push_str(n);
            s.push('\n');
        }
    }
    s
}

/// The JSON object of DESIGN.md, pretty, with a trailing newline.
pub fn json(r: &PowerReport) -> String {
    crate::render::json::pretty(r)
}

/// One CSV row per player: name, weight, the indices (empty when null),
/// dictator, veto, dummy. Notes are not part of the table; the caller
/// prints them on stderr.
pub fn csv(r: &PowerReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["name".to_string(), "weight".to_string()];
    header.extend(r.indices.iter().map(|i| i.key().to_string()));
    header.extend(["dictator", "veto", "dummy"].map(String::from));
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    for p in &r.players {
        let mut row = vec![csv_text(&p.name), p.weight.clone()];
        row.extend(
            p.values
                .iter()
                .map(|v| v.map_or_else(String::new, |v| v.to_string())),
        );
        row.extend([p.dictator, p.veto, p.dummy].map(|b| b.to_string()));
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
