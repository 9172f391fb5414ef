//! Seats against voting power: for every body on the board, three bars:
//! its share of the seats, its normalised Banzhaf index and its
//! Shapley-Shubik index. Veto players, dictators and dummies are named in
//! words beside the body, not by colour alone.

use super::svg::{f, figure, pct, tooltip, wrap};
use crate::render::tables::flags;
use powershare_core::Report;

const LABEL: f64 = 230.0;
const BAR: f64 = 380.0;
const ROW: f64 = 62.0;
const HEAD: f64 = 40.0;

/// The measures shown: name, class (colour), value of a body.
type Measure = (
    &'static str,
    &'static str,
    fn(&powershare_core::measures::board::BodyVoting) -> f64,
);

const MEASURES: [Measure; 3] = [
    ("seat share", "m-seats", |v| v.seat_share),
    ("Banzhaf", "m-banzhaf", |v| v.indices.banzhaf.unwrap_or(0.0)),
    ("Shapley-Shubik", "m-ss", |v| {
        v.indices.shapley_shubik.unwrap_or(0.0)
    }),
];

/// The chart, or `None` without a board whose power could be computed.
pub fn render(r: &Report, id: &str) -> Option<String> {
    let board = r.board.as_ref()?;
    if board.note.is_some() {
        return None;
    }
    let seated: Vec<_> = r
        .bodies
        .iter()
        .filter_map(|b| b.voting.as_ref().filter(|v| v.seats > 0).map(|v| (b, v)))
        .collect();
    if seated.is_empty() {
        return None;
    }
    let width = LABEL + BAR + 70.0;
    let height = HEAD + ROW * seated.len() as f64 + 8.0;
    let mut svg = String::new();
    for (k, (name, class, _)) in MEASURES.iter().enumerate() {
        let x = LABEL + 140.0 * k as f64;
        svg.push_str(&format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"8\" width=\"14\" height=\"12\"/>\
             <text class=\"tick\" x=\"{}\" y=\"18\">{name}</text>\n",
            f(x),
            f(x + 20.0)
        ));
    }
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = LABEL + BAR * t;
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n",
            f(HEAD - 4.0),
            f(height - 4.0),
            x = f(x)
        ));
    }
    let mut desc = Vec::new();
    for (row, (b, v)) in seated.iter().enumerate() {
        let y = HEAD + ROW * row as f64;
        let fl = flags(v);
        let name = wrap(&b.name, 30, 1).join("");
        svg.push_str(&format!(
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\n",
            f(LABEL - 10.0),
            f(y + 24.0),
            crate::render::escape::html_text(&name),
            tooltip(&b.name)
        ));
        let mut sub = format!("{} seat{}", v.seats, if v.seats == 1 { "" } else { "s" });
        for flag in &fl {
            sub.push_str(&format!(" · {}", flag.to_uppercase()));
        }
        let class = if fl.contains(&"dummy") || fl.contains(&"veto") || fl.contains(&"dictator") {
            "flag"
        } else {
            "tick"
        };
        svg.push_str(&format!(
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{sub}</text>\n",
            f(LABEL - 10.0),
            f(y + 40.0)
        ));
        let mut parts = Vec::new();
        for (k, (mname, mclass, value)) in MEASURES.iter().enumerate() {
            let x = value(v);
            let by = y + 6.0 + 16.0 * k as f64;
            svg.push_str(&format!(
                "<rect class=\"{mclass}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"13\">{}</rect>\
                 <text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                f(LABEL),
                f(by),
                f(BAR * x),
                tooltip(&format!("{}: {mname} {}", b.name, pct(x))),
                f(LABEL + BAR * x + 4.0),
                f(by + 11.0),
                pct(x)
            ));
            parts.push(format!("{mname} {}", pct(x)));
        }
        desc.push(format!(
            "{}{}: {}",
            b.name,
            if fl.is_empty() {
                String::new()
            } else {
                format!(" ({})", fl.join(", "))
            },
            parts.join(", ")
        ));
    }
    let caption = format!(
        "Seats are not power. A body's voting power is how often its vote can swing a decision under the board's rule (quota {} of {} seats{}): Banzhaf counts the coalitions it can swing, Shapley-Shubik the orders of voting in which it is pivotal. VETO: nothing passes without it; DUMMY: its vote never changes an outcome.",
        board.quota,
        board.total_seats,
        if board.veto.is_empty() {
            String::new()
        } else {
            format!(
                ", with a veto for {}",
                board
                    .veto
                    .iter()
                    .map(|id| crate::render::story::name_of(r, id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    Some(figure(
        id,
        "voting",
        (width, height),
        "Seats against voting power",
        &format!(
            "Seat share, Banzhaf and Shapley-Shubik power per board member. {}.",
            desc.join("; ")
        ),
        &caption,
        &svg,
    ))
}
