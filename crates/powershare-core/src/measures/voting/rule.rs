//! The decision rule: a conjunction of weighted clauses.

use super::VotingError;

/// One weighted clause: a coalition satisfies it iff the sum of its members'
/// weights is at least `quota`.
///
/// `weights[i]` is player i's weight; a clause must give exactly one weight
/// per player of its [`Rule`]. A quota of 0 is satisfied by every coalition
/// (even the empty one); a quota above the clause's total weight by none,
/// which [`power`](super::power) rejects with [`VotingError::QuotaUnreachable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Weight of each player in this clause, indexed by player.
    pub weights: Vec<u64>,
    /// Least total weight a coalition needs to satisfy this clause.
    pub quota: u64,
}

impl Clause {
    /// A clause with the given weights and quota.
    pub fn new(weights: Vec<u64>, quota: u64) -> Self {
        Self { weights, quota }
    }

    /// A count clause: every one of `players` players has weight 1, so a
    /// coalition satisfies it iff it has at least `quota` members. A double
    /// majority over m bodies is `Clause::count(m, m / 2 + 1)`.
    pub fn count(players: usize, quota: u64) -> Self {
        Self::new(vec![1; players], quota)
    }

    /// A veto clause: `player` has weight 1, everyone else 0, quota 1, so a
    /// coalition satisfies it iff `player` is in it. If `player >= players`
    /// the clause gives nobody weight and [`power`](super::power) rejects it as
    /// [`VotingError::QuotaUnreachable`].
    pub fn veto(players: usize, player: usize) -> Self {
        let mut weights = vec![0; players];
        if let Some(w) = weights.get_mut(player) {
            *w = 1;
        }
        Self::new(weights, 1)
    }

    /// Sum of all weights, or `None` if it does not fit in a `u64`.
    pub fn total(&self) -> Option<u64> {
        self.weights
            .iter()
            .try_fold(0u64, |acc, &w| acc.checked_add(w))
    }

    /// Whether the coalition whose members are the set bits of `coalition`
    /// (bit i = player i) satisfies this clause. Bits without a weight count
    /// as weight 0. Never overflows (sums in `u128`).
    pub fn is_satisfied_by(&self, coalition: u64) -> bool {
        let sum: u128 = self
            .weights
            .iter()
            .enumerate()
            .filter(|&(i, _)| i < 64 && coalition >> i & 1 == 1)
            .map(|(_, &w)| u128::from(w))
            .sum();
        sum >= u128::from(self.quota)
    }
}

/// A decision rule over `players` players: a coalition wins iff it satisfies
/// every clause. A rule with no clauses lets every coalition win.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Number of players, numbered `0..players`.
    pub players: usize,
    /// The clauses, all of which a winning coalition must satisfy.
    pub clauses: Vec<Clause>,
}

impl Rule {
    /// A rule over `players` players with the given clauses.
    pub fn new(players: usize, clauses: Vec<Clause>) -> Self {
        Self { players, clauses }
    }

    /// Whether the coalition whose members are the set bits of `coalition`
    /// (bit i = player i) wins, i.e. satisfies every clause.
    pub fn wins(&self, coalition: u64) -> bool {
        self.clauses.iter().all(|c| c.is_satisfied_by(coalition))
    }

    /// Checks that [`power`](super::power) can evaluate this rule: at least
    /// one player, one weight per player in every clause, clause totals that
    /// fit in a `u64`, and quotas no larger than their clause's total (so
    /// that the grand coalition wins). Any number of players is accepted;
    /// the method is chosen by size (see [`Method`](super::Method)).
    pub fn validate(&self) -> Result<(), VotingError> {
        if self.players == 0 {
            return Err(VotingError::NoPlayers);
        }
        for (clause, c) in self.clauses.iter().enumerate() {
            if c.weights.len() != self.players {
                return Err(VotingError::ClauseLength {
                    clause,
                    expected: self.players,
                    got: c.weights.len(),
                });
            }
            let total = c.total().ok_or(VotingError::WeightOverflow { clause })?;
            if c.quota > total {
                return Err(VotingError::QuotaUnreachable {
                    clause,
                    quota: c.quota,
                    total,
                });
            }
        }
        Ok(())
    }
}
