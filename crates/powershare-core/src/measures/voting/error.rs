//! Why a rule cannot be evaluated.

use thiserror::Error;

/// Why [`power`](super::power) cannot evaluate a rule.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum VotingError {
    /// The rule has no players.
    #[error("the rule has no players; voting power needs at least 1 player")]
    NoPlayers,
    /// Too many players for the method that was asked for (only
    /// [`EngineLimits::enumeration_players`](super::EngineLimits) when every other
    /// method is out of budget).
    #[error(
        "the rule has {players} players; exact enumeration handles at most {max} (2^{max} coalitions)"
    )]
    TooManyPlayers {
        /// Number of players in the rule.
        players: usize,
        /// Largest number accepted.
        max: usize,
    },
    /// A clause does not give exactly one weight per player.
    #[error(
        "clause {clause} has {got} weights but the rule has {expected} players; give exactly one weight per player"
    )]
    ClauseLength {
        /// Index of the clause in [`Rule::clauses`](super::Rule::clauses).
        clause: usize,
        /// Number of players in the rule.
        expected: usize,
        /// Number of weights the clause has.
        got: usize,
    },
    /// A clause's weights add up to more than a `u64` holds.
    #[error(
        "the weights of clause {clause} add up to more than {max}; scale them down",
        max = u64::MAX
    )]
    WeightOverflow {
        /// Index of the clause in [`Rule::clauses`](super::Rule::clauses).
        clause: usize,
    },
    /// A clause's quota exceeds its total weight, so no coalition can win.
    #[error(
        "clause {clause} needs {quota} but its weights add up to only {total}, so no coalition can win; the quota must be at most the total"
    )]
    QuotaUnreachable {
        /// Index of the clause in [`Rule::clauses`](super::Rule::clauses).
        clause: usize,
        /// The clause's quota.
        quota: u64,
        /// The clause's total weight.
        total: u64,
    },
}
