//! The data of the report's short section "what would share power more
//! evenly": a quick, bounded rebalance towards equal voting power among the
//! bodies on the board, kept only when it finds a design clearly more even
//! than today's. The renderers show it (`src/render/redesign.rs`).

use serde::Serialize;

use super::{Design, Effort, QuotaChoice, RebalanceOptions, Target, rebalance};
use crate::measures::voting::VotingIndex;
use crate::model::Partnership;

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
    let mut options = RebalanceOptions::new(Target::Equal);
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
