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
//!
//! A chair's casting vote (only with the majority quota) is still one
//! weighted clause, so every method stays exact: each body's weight is
//! twice its seats, the chair has one more (half a seat, in seat units),
//! and the quota is T + 1 of the 2T + 1. A coalition of s seats without
//! the chair wins iff 2s >= T + 1, i.e. s > T/2 (a majority); with the
//! chair iff 2s + 1 >= T + 1, i.e. s >= T/2. With T odd nothing changes
//! (no coalition holds exactly half); with T even a coalition of exactly
//! half the seats wins when the chair is in it.

use crate::measures::voting::VotingIndex;
use crate::model::{Board, Partnership};
use num_bigint::BigUint;
use num_traits::ToPrimitive;
use serde::Serialize;

use crate::measures::voting::{
    self, Clause, EngineOptions, Index, Method, PlayerPower, PowerIndices, Rule, VotingPower,
};

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
    let seats: Vec<u64> = players.iter().map(|&i| p.bodies[i].seats).collect();
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
    let main = match board
        .chair
        .and_then(|c| players.iter().position(|&i| i == c))
    {
        Some(chair) if board.casting_vote => casting_vote(&seats, chair),
        _ => Clause::new(seats, board.quota),
    };
    let mut clauses = vec![main];
    if v > 0 {
        clauses.push(Clause::new(vetoes, v));
    }
    if board.also_majority_of_bodies {
        clauses.push(Clause::count(m, m as u64 / 2 + 1));
    }
    (Rule::new(m, clauses), players)
}

/// The majority clause over `seats` in which player `chair` breaks ties:
/// weights 2 s_i (plus 1 for the chair), quota T + 1 (see the module
/// documentation). The weights stay far below `u64::MAX`: at most 1,000
/// bodies of at most 10^6 seats each.
pub fn casting_vote(seats: &[u64], chair: usize) -> Clause {
    let total: u64 = seats.iter().sum();
    let weights = seats
        .iter()
        .enumerate()
        .map(|(k, &s)| 2 * s + u64::from(k == chair))
        .collect();
    Clause::new(weights, total + 1)
}

/// Compute the voting power on `board`: the indices in `indices` (and the
/// swing-based ones, which are always computed; the others are `None`).
pub fn power(p: &Partnership, board: &Board, indices: &[Index]) -> BoardPower {
    let (rule, players) = rule(p, board);
    let total_seats = players.iter().map(|&i| p.bodies[i].seats).sum();
    let options = EngineOptions {
        indices: indices.to_vec(),
        ..EngineOptions::default()
    };
    let (power, note) = match voting::power_with(&rule, &options) {
        // Exact results need no note; say when power is estimated, and
        // what was left out.
        Ok(v) if v.method != Method::MonteCarlo && v.notes.is_empty() => (Some(v), None),
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
        // `players` is sorted (bodies in file order): a binary search keeps
        // the findings' pairwise checks quadratic, not cubic, in the board.
        let k = self.players.binary_search(&i).ok()?;
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
            casting_vote: board.is_some_and(|b| b.casting_vote),
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
    /// The chair breaks ties: a coalition of exactly half the seats wins
    /// with the chair in it (added in format 1).
    pub casting_vote: bool,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{EngineLimits, EngineOptions, Method, power_with};
    use proptest::prelude::*;

    /// A board of `seats` (every body on it) with a majority quota, the
    /// chair `chair` holding a casting vote, and the given veto and double
    /// majority, read through the loader.
    fn board(seats: &[u64], chair: usize, veto: Option<usize>, double: bool) -> Partnership {
        let mut toml = String::new();
        for (i, s) in seats.iter().enumerate() {
            toml.push_str(&format!("[[body]]\nid = \"b{i}\"\nseats = {s}\n"));
        }
        toml.push_str(&format!(
            "[board]\nquota = \"majority\"\nchair = \"b{chair}\"\ncasting_vote = true\nalso_majority_of_bodies = {double}\n"
        ));
        if let Some(v) = veto {
            toml.push_str(&format!("veto = [\"b{v}\"]\n"));
        }
        crate::load::load_str(&toml).expect("a valid board")
    }

    /// The rule in words, by enumerating every coalition: more than half
    /// the seats, or exactly half with the chair in it; and the veto body
    /// in it; and (double majority) more than half of the bodies.
    fn wins(seats: &[u64], chair: usize, veto: Option<usize>, double: bool, s: u64) -> bool {
        let total: u64 = seats.iter().sum();
        let held: u64 = (0..seats.len())
            .filter(|&i| s >> i & 1 == 1)
            .map(|i| seats[i])
            .sum();
        let with_chair = s >> chair & 1 == 1;
        let majority = 2 * held > total || (2 * held == total && with_chair);
        let members = s.count_ones() as usize;
        majority && veto.is_none_or(|v| s >> v & 1 == 1) && (!double || 2 * members > seats.len())
    }

    /// (swings per player, Shapley-Shubik per player) by brute force.
    fn brute(
        seats: &[u64],
        chair: usize,
        veto: Option<usize>,
        double: bool,
    ) -> (Vec<u64>, Vec<f64>) {
        let n = seats.len();
        let fact = |k: usize| (1..=k).map(|x| x as f64).product::<f64>();
        let mut swings = vec![0u64; n];
        let mut ss = vec![0.0; n];
        for s in 0..1u64 << n {
            if !wins(seats, chair, veto, double, s) {
                continue;
            }
            let size = s.count_ones() as usize;
            for i in (0..n).filter(|&i| s >> i & 1 == 1) {
                if !wins(seats, chair, veto, double, s & !(1 << i)) {
                    swings[i] += 1;
                    ss[i] += fact(size - 1) * fact(n - size) / fact(n);
                }
            }
        }
        (swings, ss)
    }

    #[track_caller]
    fn banzhaf(p: &Partnership) -> Vec<f64> {
        let bp = power(p, p.board.as_ref().unwrap(), &Index::ALL);
        bp.shares(p.bodies.len(), VotingIndex::Banzhaf).unwrap()
    }

    #[test]
    fn casting_vote_hand_cases() {
        // Seats 2, 1, 1 (T = 4, majority 3): without a casting vote b0 is in
        // every winning coalition ({b0,b1}, {b0,b2}, {b0,b1,b2}) and has 3
        // of the 5 swings. With b1's casting vote {b1,b2} (2 seats, half,
        // with the chair) wins too: b0 swings in {b0,b1}, {b0,b2}; b1 in
        // {b0,b1}, {b1,b2}; b2 in {b0,b2}, {b1,b2}: 2 each, a third each.
        let p = board(&[2, 1, 1], 1, None, false);
        for x in banzhaf(&p) {
            assert!((x - 1.0 / 3.0).abs() < 1e-15, "{x}");
        }
        // The casting vote with b0, which holds half the seats alone: b0
        // wins alone and decides everything (a dictator).
        let p = board(&[2, 1, 1], 0, None, false);
        assert_eq!(banzhaf(&p), [1.0, 0.0, 0.0]);
        let bp = power(&p, p.board.as_ref().unwrap(), &Index::ALL);
        assert!(bp.player(0).unwrap().dictator);
        // An odd total has no tie, so the casting vote changes nothing:
        // with seats 2, 2, 1 (T = 5, majority 3) every pair wins and no
        // single body does, a third each.
        let p = board(&[2, 2, 1], 2, None, false);
        for x in banzhaf(&p) {
            assert!((x - 1.0 / 3.0).abs() < 1e-15, "{x}");
        }
    }

    #[test]
    fn the_casting_vote_clause_is_doubled_seats_and_a_half_seat() {
        let c = casting_vote(&[4, 2, 2, 2, 1], 0);
        assert_eq!(c.weights, [9, 4, 4, 4, 2]);
        assert_eq!(c.quota, 12); // T = 11, T + 1
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every index the engine gives under a casting vote agrees with
        /// brute-force enumeration of the rule in words, by enumeration and
        /// by the exact counting methods used for large boards (forced
        /// here by an enumeration limit of 0).
        #[test]
        fn casting_vote_power_agrees_with_brute_force(
            seats in prop::collection::vec(1u64..5, 1..8),
            chair in any::<prop::sample::Index>(),
            veto in prop::option::of(any::<prop::sample::Index>()),
            double in any::<bool>(),
        ) {
            let n = seats.len();
            let chair = chair.index(n);
            let veto = veto.map(|v| v.index(n));
            let p = board(&seats, chair, veto, double);
            let (swings, ss) = brute(&seats, chair, veto, double);
            let total: u64 = swings.iter().sum();
            let (rule, _) = rule(&p, p.board.as_ref().unwrap());
            let exact = EngineOptions {
                limits: EngineLimits { enumeration_players: 0, ..EngineLimits::default() },
                ..EngineOptions::default()
            };
            for options in [EngineOptions::default(), exact] {
                let v = power_with(&rule, &options).unwrap();
                prop_assert_ne!(v.method, Method::MonteCarlo);
                for i in 0..n {
                    let pp = &v.players[i];
                    prop_assert_eq!(pp.swings.as_ref().map(|x| x.to_string()), Some(swings[i].to_string()));
                    if total > 0 {
                        let b = pp.indices.banzhaf.unwrap();
                        prop_assert!((b - swings[i] as f64 / total as f64).abs() < 1e-12);
                        let s = pp.indices.shapley_shubik.unwrap();
                        prop_assert!((s - ss[i]).abs() < 1e-12, "{} {} {}", i, s, ss[i]);
                    }
                }
            }
        }
    }
}
