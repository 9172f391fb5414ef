//! CSV tables for spreadsheets, written with the `csv` crate (RFC 4180
//! quoting of commas, quotes and line breaks).
//!
//! Three tables, each starting with the partnership's name and period so
//! that the rows of several files can share one header:
//!
//! - `bodies`: one row per body: every dimension share (all eight columns,
//!   empty when the dimension is absent), the composite, the voting
//!   indices and flags, and the dependence, network, agenda and perception
//!   figures;
//! - `dyads`: one row per ordered pair of different bodies: dependence D
//!   of `of` on `on` and its funding and stated parts, the power advantage
//!   of `on` over `of` (`power_advantage_of_on`), mutual dependence, the informal tie weight and the trust;
//! - `indices`: one row per dimension (the composite first) and index,
//!   then, when the file has a survey, its figures under the set `survey`
//!   (respondents, min_group, the agreement per question, the questions'
//!   medians and shares).
//!
//! When some report has a survey (`[[response]]`), the bodies table also
//! has the survey's columns (see [`crate::render::survey::csv`]), empty for
//! the reports without one.
//!
//! Numbers are written as numbers, in full precision (the shortest decimal
//! that reads back as the same `f64`); an empty cell means "not measured"
//! (no data, or an index undefined for the data, with the reason in the
//! `indices` table). Text from the input goes through
//! [`csv_text`], so a name a spreadsheet would run
//! as a formula is shown as text.

use std::collections::HashMap;

use crate::render::escape::csv_text;
use powershare_core::Report;
use powershare_core::measures::voting::PowerIndices;
use powershare_core::model::Dimension;

/// Which CSV table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CsvTable {
    /// One row per body.
    #[default]
    Bodies,
    /// One row per ordered pair of bodies.
    Dyads,
    /// One row per dimension and index.
    Indices,
}

/// The table of one report, with its header.
pub fn render(r: &Report, table: CsvTable) -> String {
    render_many(&[r], table)
}

/// The table of several reports under one header.
pub fn render_many(reports: &[&Report], table: CsvTable) -> String {
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = match table {
        CsvTable::Bodies => {
            // The survey's columns only when some report has a survey.
            let survey = crate::render::survey::csv::any(reports);
            let mut header = bodies_header();
            if survey {
                header.extend(crate::render::survey::csv::header());
            }
            let rows = reports
                .iter()
                .flat_map(|r| {
                    let mut rows = bodies_rows(r);
                    for (i, row) in rows.iter_mut().enumerate().filter(|_| survey) {
                        row.extend(crate::render::survey::csv::cells(r, i, number));
                    }
                    rows
                })
                .collect();
            (header, rows)
        }
        CsvTable::Dyads => (
            strings(DYADS_HEADER),
            reports.iter().copied().flat_map(dyads_rows).collect(),
        ),
        CsvTable::Indices => (
            strings(INDICES_HEADER),
            reports.iter().copied().flat_map(indices_rows).collect(),
        ),
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row has the header's length.
    let _ = w.write_record(&header);
    for row in rows {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

/// A number as a CSV cell: the shortest round-trip decimal; `-0` as `0`.
fn number(x: f64) -> String {
    if x == 0.0 { "0".into() } else { format!("{x}") }
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(String::new, number)
}

fn text(s: &str) -> String {
    csv_text(s)
}

fn lead(r: &Report) -> Vec<String> {
    vec![
        text(&r.partnership.name),
        text(r.partnership.period.as_deref().unwrap_or("")),
    ]
}

/// The voting columns before and after the eight indices
/// ([`PowerIndices::NAMES`]).
const VOTING_BEFORE: &[&str] = &["seats", "seat_share"];
const VOTING_AFTER: &[&str] = &["swings", "veto", "dictator", "dummy"];

const BODY_FIGURES: &[&str] = &[
    "depends_on_others",
    "others_depend_on_it",
    "network_strength",
    "network_ties",
    "network_betweenness",
    "proposed",
    "proposed_adopted",
    "self_rating",
    "others_rating",
];

fn bodies_header() -> Vec<String> {
    let mut h = strings(&["partnership", "period", "id", "name", "sector", "composite"]);
    h.extend(Dimension::ALL.iter().map(|d| d.name().to_string()));
    h.extend(strings(VOTING_BEFORE));
    h.extend(strings(&PowerIndices::NAMES));
    h.extend(strings(VOTING_AFTER));
    h.extend(strings(BODY_FIGURES));
    h
}

fn bodies_rows(r: &Report) -> Vec<Vec<String>> {
    let bool_cell = |x: bool| if x { "true" } else { "false" }.to_string();
    r.bodies
        .iter()
        .map(|b| {
            let mut row = lead(r);
            row.push(text(&b.id));
            row.push(text(&b.name));
            row.push(b.sector.map_or_else(String::new, |s| {
                serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            }));
            row.push(opt(b.composite));
            row.extend(
                Dimension::ALL
                    .iter()
                    .map(|d| opt(b.shares.get(d.name()).copied())),
            );
            match &b.voting {
                Some(v) => {
                    row.extend([v.seats.to_string(), number(v.seat_share)]);
                    row.extend(v.indices.values().map(opt));
                    row.extend([
                        v.swings.map_or_else(String::new, |x| x.to_string()),
                        bool_cell(v.veto),
                        bool_cell(v.dictator),
                        bool_cell(v.dummy),
                    ]);
                }
                None => row.extend(std::iter::repeat_n(
                    String::new(),
                    VOTING_BEFORE.len() + PowerIndices::NAMES.len() + VOTING_AFTER.len(),
                )),
            }
            match &b.dependence {
                Some(d) => row.extend([number(d.on_others), number(d.of_others)]),
                None => row.extend([String::new(), String::new()]),
            }
            match &b.network {
                Some(n) => row.extend([
                    number(n.strength),
                    n.ties.to_string(),
                    number(n.betweenness),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 3)),
            }
            match &b.agenda {
                Some(a) => row.extend([a.proposed.to_string(), a.adopted.to_string()]),
                None => row.extend([String::new(), String::new()]),
            }
            match &b.perceived {
                Some(p) => row.extend([opt(p.self_rating), opt(p.others_mean)]),
                None => row.extend([String::new(), String::new()]),
            }
            row
        })
        .collect()
}

const DYADS_HEADER: &[&str] = &[
    "partnership",
    "period",
    "of",
    "on",
    "of_name",
    "on_name",
    "dependence",
    "funding",
    "stated",
    "power_advantage_of_on",
    "mutual_dependence",
    "tie_weight",
    "trust",
];

/// Every ordered pair (i, j), i != j, in file order. Dependence columns are
/// empty when the file records no funding or dependence at all, and 0 for
/// a pair without any; the tie weight is empty when no contact is recorded
/// at all, and 0 for a pair without contact; trust is empty when the pair
/// has no recorded relationship (an unknown history is not a neutral one).
fn dyads_rows(r: &Report) -> Vec<Vec<String>> {
    let recorded_dependence = r.bodies.iter().any(|b| b.dependence.is_some());
    let recorded_contacts = r.bodies.iter().any(|b| b.network.is_some());
    // Looked up once per cell: index them, or the table costs
    // n^2 times the number of dyads, ties and relationships.
    let mut dyads = HashMap::new();
    for x in &r.dependence {
        dyads
            .entry((x.of.as_str(), x.on.as_str()))
            .or_insert((x.share, x.funding, x.stated));
    }
    let mut ties = HashMap::new();
    for t in &r.ties {
        let [a, b] = &t.between;
        ties.entry((a.as_str(), b.as_str())).or_insert(t.weight);
        ties.entry((b.as_str(), a.as_str())).or_insert(t.weight);
    }
    let mut trust = HashMap::new();
    // A pair has at most one trust (the loader refuses a second).
    for x in &r.relationships {
        let [a, b] = &x.between;
        if let Some(t) = x.trust {
            trust.entry((a.as_str(), b.as_str())).or_insert(t);
            trust.entry((b.as_str(), a.as_str())).or_insert(t);
        }
    }
    let d = |of: &str, on: &str| dyads.get(&(of, on)).copied().unwrap_or((0.0, 0.0, 0.0));
    let mut rows = Vec::new();
    for a in &r.bodies {
        for b in &r.bodies {
            if a.id == b.id {
                continue;
            }
            let mut row = lead(r);
            row.extend([text(&a.id), text(&b.id), text(&a.name), text(&b.name)]);
            if recorded_dependence {
                let (share, funding, stated) = d(&a.id, &b.id);
                let (back, _, _) = d(&b.id, &a.id);
                row.extend([
                    number(share),
                    number(funding),
                    number(stated),
                    number(share - back),
                    number(share + back),
                ]);
            } else {
                row.extend(std::iter::repeat_n(String::new(), 5));
            }
            row.push(if recorded_contacts {
                number(
                    ties.get(&(a.id.as_str(), b.id.as_str()))
                        .copied()
                        .unwrap_or(0.0),
                )
            } else {
                String::new()
            });
            row.push(
                trust
                    .get(&(a.id.as_str(), b.id.as_str()))
                    .map_or_else(String::new, |t| t.to_string()),
            );
            rows.push(row);
        }
    }
    rows
}

const INDICES_HEADER: &[&str] = &[
    "partnership",
    "period",
    "dimension",
    "index",
    "value",
    "undefined_because",
];

fn indices_rows(r: &Report) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (dim, ineq) in &r.indices.0 {
        let mut push = |index: String, value: Option<f64>, why: &str| {
            let mut row = lead(r);
            row.extend([dim.to_string(), index, opt(value), text(why)]);
            rows.push(row);
        };
        push("n".into(), Some(ineq.n as f64), "");
        for (name, value) in ineq.indices() {
            let why = ineq.undefined.get(name).map_or("", String::as_str);
            push(name.to_string(), value, why);
        }
        for (k, cr) in ineq.cr.iter().enumerate() {
            push(format!("cr_{}", k + 1), Some(*cr), "");
        }
    }
    for (index, value, why) in crate::render::survey::csv::index_rows(r) {
        let mut row = lead(r);
        row.extend(["survey".to_string(), index, opt(value), text(&why)]);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(-0.67), "-0.67");
        assert_eq!(number(3.0), "3");
        assert_eq!(opt(None), "");
    }
}
