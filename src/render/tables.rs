//! The report's tables, built once from a [`Report`] and rendered by the
//! text, markdown and HTML renderers through [`Table`]'s `to_text`,
//! `to_markdown` and `to_html` (each escapes cells for its format).

use super::numbers::{num, pct, ratio};
use super::story::name_of;
use super::table::{Align, Table};
use powershare_core::Report;
use powershare_core::measures::board::BodyVoting;

/// How bodies are labelled in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// By id: short, for terminals.
    Id,
    /// By display name: for documents.
    Name,
}

impl Label {
    fn header(self) -> &'static str {
        match self {
            Label::Id => "body",
            Label::Name => "partner",
        }
    }

    fn of<'r>(self, r: &'r Report, id: &'r str) -> &'r str {
        match self {
            Label::Id => id,
            Label::Name => name_of(r, id),
        }
    }
}

/// The voting flags of a body.
pub fn flags(v: &BodyVoting) -> Vec<&'static str> {
    let mut flags = Vec::new();
    if v.dictator {
        flags.push("dictator");
    } else if v.veto {
        flags.push("veto");
    }
    if v.dummy {
        flags.push("dummy");
    }
    if v.seats == 0 {
        flags.push("not on board");
    }
    flags
}

/// The names of the present dimensions, in report order.
pub fn present_dimensions(r: &Report) -> Vec<&'static str> {
    r.dimensions
        .iter()
        .filter(|d| d.present)
        .map(|d| d.name)
        .collect()
}

/// Per body: the composite and the share of each present dimension.
/// `None` when no dimension has data.
pub fn shares(r: &Report, label: Label) -> Option<Table> {
    let dims = present_dimensions(r);
    if dims.is_empty() {
        return None;
    }
    let mut columns = vec![(label.header(), Align::Left), ("composite", Align::Right)];
    columns.extend(dims.iter().map(|d| (*d, Align::Right)));
    let mut t = Table::new(&columns);
    for b in &r.bodies {
        let mut row = vec![
            label.of(r, &b.id).to_string(),
            b.composite.map_or("-".into(), pct),
        ];
        row.extend(
            dims.iter()
                .map(|d| b.shares.get(d).map_or("-".into(), |&x| pct(x))),
        );
        t.row(row);
    }
    Some(t)
}

/// The weights that differ from 1, as "voting x1.5, agenda x2".
pub fn weights_note(r: &Report) -> Option<String> {
    let weights: Vec<String> = r
        .dimensions
        .iter()
        .filter(|d| d.present && d.weight != 1.0)
        .map(|d| format!("{} x{}", d.name, d.weight))
        .collect();
    (!weights.is_empty()).then(|| format!("{} (others x1)", weights.join(", ")))
}

/// "quota 6 of 11 seats; 14 winning coalitions, 3 minimal", shared by the
/// text and markdown headings of the voting section.
pub fn board_summary(board: &powershare_core::measures::board::BoardReport) -> String {
    let count = |x: Option<u64>| x.map_or("-".into(), |x| x.to_string());
    format!(
        "quota {} of {} seats; {} winning coalitions, {} minimal",
        board.quota,
        board.total_seats,
        count(board.winning_coalitions),
        count(board.minimal_winning_coalitions)
    )
}

/// Per body on or off the board: seats against every voting index. `None`
/// without a board, or when power could not be computed.
pub fn voting(r: &Report, label: Label) -> Option<Table> {
    let board = r.board.as_ref()?;
    if board.note.is_some() {
        return None;
    }
    let mut t = Table::new(&[
        (label.header(), Align::Left),
        ("seats", Align::Right),
        ("seat share", Align::Right),
        ("Banzhaf", Align::Right),
        ("Shapley-Shubik", Align::Right),
        ("Penrose", Align::Right),
        ("Holler", Align::Right),
        ("Deegan-Packel", Align::Right),
        ("Johnston", Align::Right),
        ("flags", Align::Left),
    ]);
    for b in &r.bodies {
        let Some(v) = &b.voting else { continue };
        t.row(vec![
            label.of(r, &b.id).to_string(),
            v.seats.to_string(),
            pct(v.seat_share),
            num(v.indices.banzhaf),
            num(v.indices.shapley_shubik),
            num(v.indices.banzhaf_absolute),
            num(v.indices.holler),
            num(v.indices.deegan_packel),
            num(v.indices.johnston),
            flags(v).join(", "),
        ]);
    }
    Some(t)
}

/// An inequality index's key as people read it: "atkinson (e = 0.5)",
/// "max/min ratio", "cr 2", "hhi normalised".
pub fn index_label(key: &str) -> String {
    match key {
        "atkinson_0_5" => "atkinson (e = 0.5)".into(),
        "atkinson_1" => "atkinson (e = 1)".into(),
        "max_min_ratio" => "max/min ratio".into(),
        k => k.replace('_', " "),
    }
}

/// An inequality index's value as people read it: the max/min ratio to
/// two significant figures ("340x"), the others to three decimals.
pub fn index_value(key: &str, value: Option<f64>) -> String {
    match key {
        "max_min_ratio" => ratio(value),
        _ => num(value),
    }
}

/// Every index (rows) of the composite and each present dimension (columns).
pub fn indices(r: &Report) -> Option<Table> {
    let (_, first) = r.indices.0.first()?;
    let mut columns = vec![("index", Align::Left)];
    columns.extend(r.indices.0.iter().map(|(k, _)| (*k, Align::Right)));
    let mut t = Table::new(&columns);
    for (k, (name, _)) in first.indices().iter().enumerate() {
        let mut row = vec![index_label(name)];
        row.extend(
            r.indices
                .0
                .iter()
                .map(|(_, ineq)| index_value(name, ineq.indices()[k].1)),
        );
        t.row(row);
    }
    Some(t)
}

/// Every dependence with D > 0, with its parts and the other's advantage,
/// to `digits` decimals. `None` when no body depends on another.
pub fn dependence(r: &Report, label: Label, digits: usize) -> Option<Table> {
    if r.dependence.is_empty() {
        return None;
    }
    let mut t = Table::new(&[
        (label.header(), Align::Left),
        ("depends on", Align::Left),
        ("D", Align::Right),
        ("from funding", Align::Right),
        ("stated", Align::Right),
        ("advantage of the other", Align::Right),
    ]);
    for d in &r.dependence {
        t.row(vec![
            label.of(r, &d.of).to_string(),
            label.of(r, &d.on).to_string(),
            format!("{:.digits$}", d.share),
            format!("{:.digits$}", d.funding),
            format!("{:.digits$}", d.stated),
            format!("{:+.digits$}", d.power_advantage),
        ]);
    }
    Some(t)
}

/// Per body: informal tie strength, number of partners, betweenness.
/// `None` when no contacts are recorded.
pub fn network(r: &Report, label: Label) -> Option<Table> {
    if r.bodies.iter().all(|b| b.network.is_none()) {
        return None;
    }
    let mut t = Table::new(&[
        (label.header(), Align::Left),
        ("strength", Align::Right),
        ("partners", Align::Right),
        ("betweenness", Align::Right),
    ]);
    for b in &r.bodies {
        if let Some(n) = &b.network {
            t.row(vec![
                label.of(r, &b.id).to_string(),
                format!("{}", n.strength),
                n.ties.to_string(),
                format!("{:.3}", n.betweenness),
            ]);
        }
    }
    Some(t)
}
