//! The report's short section "what would share power more evenly": a
//! quick, bounded rebalance towards equal voting power among the bodies on
//! the board, shown only when it finds a design clearly more even than
//! today's.

use serde::Serialize;

use super::{Design, Effort, Options, QuotaChoice, Target, rebalance};
use crate::partnership::Partnership;
use crate::render::table::{Align, Table};
use crate::render::text::pct;
use crate::score::VotingIndex;

/// A design must bring the largest gap down by at least this much (half a
/// percentage point) to be worth suggesting.
pub const BETTER_BY: f64 = 0.005;

/// Seed of the suggestion's search (fixed: the report is deterministic).
const SEED: u64 = 0x5eed;

/// Designs more even than today's board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The index power is measured by.
    pub index: &'static str,
    /// Today's board.
    pub current: Design,
    /// The most even design found with today's board size or fewer seats,
    /// any quota, and no veto.
    pub even: Option<Design>,
    /// The most even design found that keeps today's veto, when there is one.
    pub keeping_veto: Option<Design>,
    /// Whether `even` is proven the most even possible within the limits.
    pub optimal: bool,
}

/// The suggestion for `p`, or `None` when there is no board, its power
/// could not be computed, or no design is clearly more even.
///
/// Bounded: [`Effort::QUICK`], one design per question, today's number of
/// seats at most.
pub fn suggest(p: &Partnership, index: VotingIndex) -> Option<Suggestion> {
    let board = p.board.as_ref()?;
    let mut options = Options::new(Target::Equal);
    options.index = index;
    options.quota = QuotaChoice::Any;
    options.top = 1;
    options.effort = Effort::QUICK;
    options.seed = SEED;
    let free = rebalance(p, &options).ok()?;
    let current = free.current.clone()?;
    let better = |d: &Design| d.max_gap < current.max_gap - BETTER_BY;
    let even = free.designs.first().filter(|d| better(d)).cloned();
    let keeping_veto = if board.veto.is_empty() {
        None
    } else {
        options.keep_veto = true;
        rebalance(p, &options)
            .ok()
            .and_then(|r| r.designs.first().filter(|d| better(d)).cloned())
    };
    if even.is_none() && keeping_veto.is_none() {
        return None;
    }
    Some(Suggestion {
        index: index.name(),
        current,
        optimal: free.optimal && even.is_some(),
        even,
        keeping_veto,
    })
}

/// A body's name, given its id and the (id, name) pairs of the report.
fn name<'a>(names: &'a [(String, String)], id: &'a str) -> &'a str {
    names
        .iter()
        .find(|(i, _)| i == id)
        .map_or(id, |(_, n)| n.as_str())
}

/// A design in one sentence (plain text; the renderer escapes it).
fn sentence(d: &Design, names: &[(String, String)]) -> String {
    let on: Vec<(&str, u64)> = d
        .seats
        .0
        .iter()
        .filter(|(_, s)| *s > 0)
        .map(|(id, s)| (id.as_str(), *s))
        .collect();
    let seats = if on.iter().all(|(_, s)| *s == on[0].1) {
        format!(
            "{} seat{} for each of the {} partners on the board",
            on[0].1,
            if on[0].1 == 1 { "" } else { "s" },
            on.len()
        )
    } else {
        on.iter()
            .map(|(id, s)| format!("{} {s}", name(names, id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let powers: Vec<f64> = d.power.values();
    let on_power: Vec<f64> = d
        .seats
        .0
        .iter()
        .zip(&powers)
        .filter(|((_, s), _)| *s > 0)
        .map(|(_, &p)| p)
        .collect();
    let lo = on_power.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = on_power.iter().copied().fold(0.0, f64::max);
    let spread = if pct(lo) == pct(hi) {
        format!("each partner would hold {} of the voting power", pct(hi))
    } else {
        format!(
            "each partner would hold between {} and {} of the voting power",
            pct(lo),
            pct(hi)
        )
    };
    format!(
        "{seats}, and a decision needing {} of the {} votes ({}): {spread}.",
        d.quota, d.total_seats, d.rule
    )
}

/// The section's sentences, in order (plain text).
pub fn sentences(s: &Suggestion, names: &[(String, String)]) -> Vec<String> {
    let c = &s.current;
    let powers = c.power.values();
    let on: Vec<(usize, f64)> = c
        .seats
        .0
        .iter()
        .enumerate()
        .filter(|(_, (_, seats))| *seats > 0)
        .map(|(k, _)| (k, powers[k]))
        .collect();
    let mut out = Vec::new();
    if let (Some(lo), Some(hi)) = (
        on.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
        on.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
    ) {
        out.push(format!(
            "Today {} holds {} of the voting power and {} {}; an equal share would be {} each.",
            name(names, &c.power.0[hi.0].0),
            pct(hi.1),
            name(names, &c.power.0[lo.0].0),
            pct(lo.1),
            pct(1.0 / on.len() as f64),
        ));
    }
    if let Some(d) = &s.even {
        let mut line = String::from("More even: ");
        line.push_str(&sentence(d, names));
        if !c.veto.is_empty() {
            line.push_str(" This drops the veto.");
        }
        out.push(line);
    }
    if let Some(d) = &s.keeping_veto {
        out.push(format!("Keeping the veto: {}", sentence(d, names)));
    }
    out.push(format!(
        "Measured by the {} index. `powershare rebalance FILE --target equal` lists more designs, and other targets (contribution, income, custom shares).",
        if s.index == "banzhaf" { "Banzhaf" } else { "Shapley-Shubik" }
    ));
    out
}

/// The table beside it: seats and power today and in each design.
pub fn table(s: &Suggestion, names: &[(String, String)]) -> Table {
    let mut designs: Vec<(&str, &Design)> = vec![("today", &s.current)];
    if let Some(d) = &s.even {
        designs.push(("more even", d));
    }
    if let Some(d) = &s.keeping_veto {
        designs.push(("keeping the veto", d));
    }
    let mut columns = vec![("partner".to_string(), Align::Left)];
    for (label, _) in &designs {
        columns.push((format!("seats {label}"), Align::Right));
        columns.push((format!("power {label}"), Align::Right));
    }
    let mut t = Table {
        columns,
        rows: Vec::new(),
    };
    for (id, _) in &s.current.seats.0 {
        let mut row = vec![name(names, id).to_string()];
        for (_, d) in &designs {
            row.push(d.seats.get(id).map_or("-".into(), |x| x.to_string()));
            row.push(d.power.get(id).map_or("-".into(), pct));
        }
        t.row(row);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_when_clearly_more_even() {
        // a decides alone today: 3 of 5 seats, majority 3.
        let p = crate::load_str(
            "[[body]]\nid = \"a\"\nseats = 3\n[[body]]\nid = \"b\"\nseats = 1\n[[body]]\nid = \"c\"\nseats = 1\n",
        )
        .unwrap();
        let s = suggest(&p, VotingIndex::Banzhaf).unwrap();
        let even = s.even.unwrap();
        assert_eq!(even.seats.values(), vec![1, 1, 1]);
        assert!(s.optimal);
        // Already equal: nothing to suggest.
        let p =
            crate::load_str("[[body]]\nid = \"a\"\nseats = 2\n[[body]]\nid = \"b\"\nseats = 2\n")
                .unwrap();
        assert_eq!(suggest(&p, VotingIndex::Banzhaf), None);
        // No board.
        let p = crate::load_str("[[body]]\nid = \"a\"\n").unwrap();
        assert_eq!(suggest(&p, VotingIndex::Banzhaf), None);
    }
}
