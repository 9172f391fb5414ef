//! The board's decision rule as a voting game, and each body's power in it.
//!
//! The players are the bodies with seats (a body without seats is not on the
//! board and has no voting power). The rule is a conjunction of clauses: the
//! seats with the quota; one clause for the veto bodies (each of their yeses
//! is needed); and, for a double majority, a count clause needing
//! floor(m/2) + 1 of the m bodies with seats.
//!
//! The veto bodies share one clause (weight 1 each, quota their number)
//! rather than having a clause each: the two rules let exactly the same
//! coalitions win, but one clause keeps the exact counting method's states
//! at (q + 1)(v + 1) instead of (q + 1)·2^v, and Monte Carlo's work per draw
//! from growing with the number of vetoes. When every body on the board
//! has a veto the rule is unanimity, which implies every other clause, so
//! it is the whole rule: 1,000 one-seat bodies all with a veto are scored
//! as fast as any single weighted vote.

use crate::measures::voting::VotingIndex;
use crate::model::{Board, Partnership};
use num_bigint::BigUint;
use num_traits::ToPrimitive;
use serde::Serialize;

use crate::measures::voting::{self, Clause, Method, PlayerPower, PowerIndices, Rule, VotingPower};

/// Voting power of the bodies on a board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardPower {
    /// Body index of each player.
    pub players: Vec<usize>,
    /// Total seats.
    pub total_seats: u64,
    /// The power computed, or `None` with [`BoardPower::note`] saying why.
    pub power: Option<VotingPower>,
    /// Why power could not be computed, or how it was computed when not by
    /// enumeration (with any index left out and why).
    pub note: Option<String>,
}

/// The voting rule of `board` over the bodies with seats, and the body index of each player.
pub fn rule(p: &Partnership, board: &Board) -> (Rule, Vec<usize>) {
    let players: Vec<usize> = (0..p.bodies.len())
        .filter(|&i| p.bodies[i].seats > 0)
        .collect();
    let m = players.len();
    let seats = players.iter().map(|&i| p.bodies[i].seats).collect();
    let mut vetoes = vec![0u64; m];
    for &v in &board.veto {
        // `players` is sorted: a binary search, not a scan per veto.
        if let Ok(k) = players.binary_search(&v) {
            vetoes[k] = 1;
        }
    }
    let v: u64 = vetoes.iter().sum();
    if m > 0 && v == m as u64 {
        // Unanimity: only the grand coalition wins, which satisfies every
        // clause (each quota is at most its clause's total).
        return (Rule::new(m, vec![Clause::count(m, v)]), players);
    }
    let mut clauses = vec![Clause::new(seats, board.quota)];
    if v > 0 {
        clauses.push(Clause::new(vetoes, v));
    }
    if board.also_majority_of_bodies {
        clauses.push(Clause::count(m, m as u64 / 2 + 1));
    }
    (Rule::new(m, clauses), players)
}

/// Compute the voting power on `board`.
pub fn power(p: &Partnership, board: &Board) -> BoardPower {
    let (rule, players) = rule(p, board);
    let total_seats = players.iter().map(|&i| p.bodies[i].seats).sum();
    let (power, note) = match voting::power(&rule) {
        // Small boards are enumerated and need no note; say how anything
        // larger was computed, and what was left out.
        Ok(v) if v.method == Method::Enumeration && v.notes.is_empty() => (Some(v), None),
        Ok(v) => {
            let mut note = format!("voting power computed by {}", v.method.name());
            for n in &v.notes {
                note.push_str("; ");
                note.push_str(n);
            }
            (Some(v), Some(note))
        }
        Err(e) => (None, Some(format!("voting power not computed: {e}"))),
    };
    BoardPower {
        players,
        total_seats,
        power,
        note,
    }
}

impl BoardPower {
    /// The power of body `i`, when it is on the board and power was computed.
    pub fn player(&self, i: usize) -> Option<&PlayerPower> {
        let k = self.players.iter().position(|&x| x == i)?;
        self.power.as_ref().map(|v| &v.players[k])
    }

    /// The voting share of each of `bodies` bodies (0 for bodies without
    /// seats), or `None` when power could not be computed or is undefined.
    pub fn shares(&self, bodies: usize, index: VotingIndex) -> Option<Vec<f64>> {
        let mut out = vec![0.0; bodies];
        for &i in &self.players {
            out[i] = self.share_of(i, index)?;
        }
        Some(out)
    }

    /// The share of the voting dimension for body `i` under `index`.
    pub fn share_of(&self, i: usize, index: VotingIndex) -> Option<f64> {
        let pp = self.player(i)?;
        match index {
            VotingIndex::Banzhaf => pp.indices.banzhaf,
            VotingIndex::ShapleyShubik => pp.indices.shapley_shubik,
        }
    }

    /// A count of the computed power, when it fits in a `u64`.
    fn count(&self, get: impl Fn(&VotingPower) -> Option<&BigUint>) -> Option<u64> {
        self.power
            .as_ref()
            .and_then(get)
            .and_then(ToPrimitive::to_u64)
    }

    /// The `voting` object of body `i` in the report.
    pub fn body(&self, p: &Partnership, i: usize) -> BodyVoting {
        let seats = p.bodies[i].seats;
        let seat_share = if self.total_seats > 0 {
            seats as f64 / self.total_seats as f64
        } else {
            0.0
        };
        match self.player(i) {
            Some(pp) => BodyVoting {
                seats,
                seat_share,
                indices: pp.indices,
                // null when above u64::MAX (boards of more than 64 bodies).
                swings: pp.swings.as_ref().and_then(ToPrimitive::to_u64),
                veto: pp.veto,
                dictator: pp.dictator,
                dummy: pp.dummy,
            },
            // Not on the board (or power not computed): no power, not a
            // dummy. Each index is 0 where it was computed for the players
            // and null where it was not, as theirs are.
            None => {
                // Each index is 0 where some player has it.
                let mut computed = [false; 8];
                for pp in self.power.iter().flat_map(|v| &v.players) {
                    for (c, v) in computed.iter_mut().zip(pp.indices.values()) {
                        *c |= v.is_some();
                    }
                }
                BodyVoting {
                    seats,
                    seat_share,
                    indices: PowerIndices::from_values(computed.map(|c| c.then_some(0.0))),
                    swings: self
                        .power
                        .as_ref()
                        .filter(|v| v.players.iter().any(|pp| pp.swings.is_some()))
                        .map(|_| 0),
                    veto: false,
                    dictator: false,
                    dummy: false,
                }
            }
        }
    }

    /// The `board` object of the report.
    pub fn report(&self, p: &Partnership, index: VotingIndex) -> BoardReport {
        let board = p.board.as_ref();
        BoardReport {
            total_seats: self.total_seats,
            quota: board.map_or(0, |b| b.quota),
            rule: board.map_or_else(String::new, |b| b.rule.describe()),
            veto: board
                .map(|b| b.veto.iter().map(|&v| p.bodies[v].id.clone()).collect())
                .unwrap_or_default(),
            also_majority_of_bodies: board.is_some_and(|b| b.also_majority_of_bodies),
            chair: board.and_then(|b| b.chair).map(|c| p.bodies[c].id.clone()),
            index: index.name(),
            winning_coalitions: self.count(|v| v.winning_coalitions.as_ref()),
            minimal_winning_coalitions: self.count(|v| v.minimal_winning_coalitions.as_ref()),
            note: self.note.clone(),
            power: match &self.power {
                None => PowerBasis::None,
                Some(v) if v.method == Method::MonteCarlo => PowerBasis::Estimated,
                Some(_) => PowerBasis::Exact,
            },
        }
    }
}
/// A body's voting power (all zero for a body without seats).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyVoting {
    /// Seats.
    pub seats: u64,
    /// Seats / total seats.
    pub seat_share: f64,
    /// The eight indices (`null` where not computed).
    #[serde(flatten)]
    pub indices: PowerIndices,
    /// Number of swings.
    pub swings: Option<u64>,
    /// Can block every decision alone.
    pub veto: bool,
    /// Can decide alone.
    pub dictator: bool,
    /// Has seats and no power.
    pub dummy: bool,
}

/// The board's rule and coalition counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardReport {
    /// Total seats.
    pub total_seats: u64,
    /// Quota in seats.
    pub quota: u64,
    /// The quota as written.
    pub rule: String,
    /// Veto bodies (ids).
    pub veto: Vec<String>,
    /// Double majority.
    pub also_majority_of_bodies: bool,
    /// Chair id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Which index the voting dimension uses.
    pub index: &'static str,
    /// Number of winning coalitions of the bodies with seats.
    pub winning_coalitions: Option<u64>,
    /// Number of minimal winning coalitions.
    pub minimal_winning_coalitions: Option<u64>,
    /// Why voting power could not be computed, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the power was computed (not part of the JSON contract: the note
    /// says it in words). `check` decides from it which voting rules it can
    /// judge.
    #[serde(skip)]
    pub power: PowerBasis,
}

/// How a board's voting power was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PowerBasis {
    /// Not computed (no seats, or the engine refused the rule).
    #[default]
    None,
    /// Computed exactly (enumeration or an exact counting method).
    Exact,
    /// Estimated by Monte Carlo sampling.
    Estimated,
}
