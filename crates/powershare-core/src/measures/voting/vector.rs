//! Several clauses with small quotas: counting over capped clause sums.
//!
//! Whether a coalition wins depends only on its clause sums, each capped at
//! that clause's quota (a sum at or above the quota satisfies the clause,
//! however far above). So a coalition's *state* is a vector x with
//! 0 <= x_c <= q_c, there are prod_c (q_c + 1) states, and adding a player
//! moves x to cap(x + w). A board's rule (seats, one clause for all the
//! veto bodies, a count clause for a double majority) has at most about
//! (q + 1)·(vetoes + 1)·(m/2 + 2) states, small enough at hundreds of
//! bodies.
//!
//! - Forward tables F count the coalitions of the players so far by state;
//!   backward tables B count the ways the remaining players complete a
//!   state to a winning one. For player i, |{S in W : i in S}| =
//!   sum_x F'(x)·B(cap(x + w_i)), where F' covers the players before i and
//!   B those after, and eta_i = 2|{S in W : i in S}| - |W| (every winning
//!   coalition without i stays winning with i). Players with the same
//!   weight vector share one evaluation. Counts are exact big integers.
//! - Shapley-Shubik is the same sum with probabilities, integrated by the
//!   exact Gauss-Legendre quadrature of [`shapley`](super::shapley):
//!   SS_i = ∫₀¹ sum_x F'_p(x)·(B_p(cap(x + w_i)) - B_p(x)) dp.
//! - Holler, Deegan-Packel and Johnston are `null` with a note: no counting
//!   method for minimal winning coalitions of several clauses is
//!   implemented beyond enumeration.

use num_bigint::BigUint;
use num_traits::Zero;

use super::limbs::{self, Table, ratio, scaled};
use super::{
    EngineOptions, Index, Method, PlayerPower, PowerIndices, Rule, VotingPower, veto_and_dictator,
};

/// The capped state space of the binding clauses of a rule.
struct Space {
    /// Quota of each binding clause.
    quotas: Vec<u64>,
    /// Index stride of each clause's digit.
    strides: Vec<usize>,
    /// Number of states.
    size: usize,
    /// Distinct weight vectors (over the binding clauses).
    classes: Vec<Vec<u64>>,
    /// Players of each class.
    counts: Vec<usize>,
    /// Class of each player.
    class_of: Vec<usize>,
}

impl Space {
    fn new(rule: &Rule, limit: u64) -> Option<Self> {
        let binding: Vec<_> = rule.clauses.iter().filter(|c| c.quota > 0).collect();
        let quotas: Vec<u64> = binding.iter().map(|c| c.quota).collect();
        let mut strides = Vec::with_capacity(quotas.len());
        let mut size: u64 = 1;
        for &q in &quotas {
            strides.push(usize::try_from(size).ok()?);
            size = size.checked_mul(q.checked_add(1)?)?;
            if size > limit {
                return None;
            }
        }
        let vectors: Vec<Vec<u64>> = (0..rule.players)
            .map(|i| binding.iter().map(|c| c.weights[i]).collect())
            .collect();
        let mut classes: Vec<Vec<u64>> = vectors.clone();
        classes.sort();
        classes.dedup();
        let mut counts = vec![0; classes.len()];
        let class_of = vectors
            .iter()
            .map(|v| {
                let d = classes.binary_search(v).unwrap_or_default();
                counts[d] += 1;
                d
            })
            .collect();
        Some(Space {
            quotas,
            strides,
            size: usize::try_from(size).ok()?,
            classes,
            counts,
            class_of,
        })
    }

    /// For every state x, the state reached from x by adding a player of
    /// class `d`: each clause's digit of x (clause 0 varies fastest) plus
    /// the class's weight in that clause, capped at the clause's quota.
    /// The digits are counted up state by state, not divided out of x.
    fn moves(&self, d: usize) -> Vec<u32> {
        let w = &self.classes[d];
        let mut digits = vec![0u64; self.quotas.len()];
        let mut out = Vec::with_capacity(self.size);
        for _ in 0..self.size {
            let mut y = 0;
            for c in 0..digits.len() {
                y += digits[c].saturating_add(w[c]).min(self.quotas[c]) as usize * self.strides[c];
            }
            out.push(y as u32);
            for (digit, &q) in digits.iter_mut().zip(&self.quotas) {
                if *digit < q {
                    *digit += 1;
                    break;
                }
                *digit = 0;
            }
        }
        out
    }
}

/// Every index it can compute exactly for `rule` (at least two binding
/// clauses), or `None` when the state space exceeds the limits.
pub fn power(rule: &Rule, options: &EngineOptions) -> Option<VotingPower> {
    let n = rule.players;
    let width = Table::width_for_bits(n);
    let limits = &options.limits;
    let cells_limit = limits.memory / 8 / width as u64;
    let space = Space::new(rule, cells_limit.min(u32::MAX as u64))?;
    let d_count = space.classes.len();
    let cells = space.size as u64 * width as u64;
    let memory = cells * 8 * (d_count as u64 + 3) + space.size as u64 * 4 * d_count as u64;
    let work = cells.saturating_mul(2 * n as u64 + d_count as u64 * width as u64);
    if memory > limits.memory || work > limits.work {
        return None;
    }
    let moves: Vec<Vec<u32>> = (0..d_count).map(|d| space.moves(d)).collect();
    let last = space.size - 1;

    // Forward, keeping F before each class.
    let mut f = Table::zeros(space.size, width);
    f.set_small(0, 1);
    let mut before = Vec::with_capacity(d_count);
    for (mv, &m) in moves.iter().zip(&space.counts) {
        before.push(f.clone());
        for _ in 0..m {
            push(&mut f, mv);
        }
    }
    let winning = limbs::to_biguint(f.get(last));

    // Backward, combining with F' for one player of each class.
    let mut b = Table::zeros(space.size, width);
    b.set_small(last, 1);
    let mut with = vec![BigUint::zero(); d_count];
    for d in (0..d_count).rev() {
        let mut fd = before
            .pop()
            .unwrap_or_else(|| Table::zeros(space.size, width));
        for _ in 1..space.counts[d] {
            push(&mut fd, &moves[d]);
        }
        let mut acc = vec![0u64; 2 * width + 2];
        for (x, &y) in moves[d].iter().enumerate() {
            limbs::mul_add_assign(&mut acc, fd.get(x), b.get(y as usize));
        }
        with[d] = limbs::to_biguint(&acc);
        for _ in 0..space.counts[d] {
            pull(&mut b, &moves[d]);
        }
    }
    let swings: Vec<BigUint> = space
        .class_of
        .iter()
        .map(|&d| (&with[d] << 1u8) - &winning)
        .collect();
    let total_swings: BigUint = swings.iter().sum();
    let losing = (BigUint::from(1u8) << n) - &winning;

    let mut notes = Vec::new();
    let ss = if options.wants(Index::ShapleyShubik) {
        let nodes = n.div_ceil(2) as u64;
        let ss_work = nodes * space.size as u64 * (2 * n as u64 + d_count as u64);
        if ss_work <= limits.work {
            Some(shapley(&space, &moves, n))
        } else {
            notes.push(format!(
                "Shapley-Shubik not computed: its quadrature over {} capped states needs about {ss_work} updates, over the limit of {}.",
                space.size, limits.work
            ));
            None
        }
    } else {
        None
    };
    let missing: Vec<&str> = [
        (Index::Holler, "Holler"),
        (Index::DeeganPackel, "Deegan-Packel"),
        (Index::Johnston, "Johnston"),
    ]
    .into_iter()
    .filter(|(i, _)| options.wants(*i))
    .map(|(_, name)| name)
    .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "{} not computed: with several clauses, minimal winning coalitions are counted only by exact enumeration, up to {} players, and this rule has {n}.",
            missing.join(", "),
            limits.enumeration_players
        ));
    }

    let players = (0..n)
        .map(|i| {
            let eta = &swings[i];
            let (veto, dictator) = veto_and_dictator(rule, i);
            PlayerPower {
                swings: Some(eta.clone()),
                indices: PowerIndices {
                    banzhaf: ratio(eta, &total_swings),
                    banzhaf_absolute: Some(scaled(eta, n as u64 - 1)),
                    shapley_shubik: ss.as_ref().map(|s| {
                        if eta.is_zero() {
                            0.0
                        } else {
                            s[space.class_of[i]]
                        }
                    }),
                    holler: None,
                    deegan_packel: None,
                    johnston: None,
                    coleman_prevent: ratio(eta, &winning),
                    coleman_initiate: ratio(eta, &losing),
                },
                dictator,
                veto,
                dummy: eta.is_zero(),
                standard_errors: None,
            }
        })
        .collect();
    Some(VotingPower {
        players,
        winning_coalitions: Some(winning),
        minimal_winning_coalitions: None,
        total_swings: Some(total_swings),
        every_coalition_wins: false,
        method: Method::CappedSums,
        notes,
    })
}

/// Adds one player: every coalition counted at x is also counted, with the
/// player, at moves[x] >= x. Descending, so each source is still old.
fn push(t: &mut Table, moves: &[u32]) {
    if let Some(c) = t.single_mut() {
        // One limb: c[y] += c[x], which doubles c[x] when y == x.
        for x in (0..moves.len()).rev() {
            let y = moves[x] as usize;
            c[y] = c[y].wrapping_add(c[x]);
        }
        return;
    }
    for x in (0..moves.len()).rev() {
        let y = moves[x] as usize;
        if y == x {
            limbs::double_assign(t.get_mut(x));
        } else {
            let (a, b) = t.pair_mut(x, y);
            limbs::add_assign(b, a);
        }
    }
}

/// The backward step: completions from x are those from x (player out) plus
/// those from moves[x] (player in). Ascending, so each source is still old.
fn pull(t: &mut Table, moves: &[u32]) {
    if let Some(c) = t.single_mut() {
        // One limb: c[x] += c[y], which doubles c[x] when y == x.
        for (x, &y) in moves.iter().enumerate() {
            c[x] = c[x].wrapping_add(c[y as usize]);
        }
        return;
    }
    for (x, &y) in moves.iter().enumerate() {
        let y = y as usize;
        if y == x {
            limbs::double_assign(t.get_mut(x));
        } else {
            let (a, b) = t.pair_mut(x, y);
            limbs::add_assign(a, b);
        }
    }
}

/// Shapley-Shubik per class by quadrature over all ceil(n/2) nodes.
fn shapley(space: &Space, moves: &[Vec<u32>], n: usize) -> Vec<f64> {
    let count = n.div_ceil(2).max(1);
    let d_count = space.classes.len();
    let last = space.size - 1;
    let mut ss = vec![0.0; d_count];
    for k in 0..count {
        let (p, weight) = super::shapley::node(count, k);
        let a = 1.0 - p;
        let mut f = vec![0.0; space.size];
        f[0] = 1.0;
        let mut before = Vec::with_capacity(d_count);
        for (mv, &m) in moves.iter().zip(&space.counts) {
            before.push(f.clone());
            for _ in 0..m {
                for x in (0..space.size).rev() {
                    let y = mv[x] as usize;
                    let v = f[x];
                    f[x] = a * v;
                    f[y] += p * v;
                }
            }
        }
        let mut b = vec![0.0; space.size];
        b[last] = 1.0;
        for d in (0..d_count).rev() {
            let mut fd = before.pop().unwrap_or_default();
            for _ in 1..space.counts[d] {
                for x in (0..space.size).rev() {
                    let y = moves[d][x] as usize;
                    let v = fd[x];
                    fd[x] = a * v;
                    fd[y] += p * v;
                }
            }
            let g: f64 = moves[d]
                .iter()
                .enumerate()
                .map(|(x, &y)| fd[x] * f64::max(b[y as usize] - b[x], 0.0))
                .sum();
            ss[d] += weight * g;
            for _ in 0..space.counts[d] {
                for x in 0..space.size {
                    let y = moves[d][x] as usize;
                    b[x] = a * b[x] + p * b[y];
                }
            }
        }
    }
    ss
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{Clause, enumerate};
    use proptest::prelude::*;

    /// Rules of 1..=9 players with 2..=3 clauses, weights 0..=4.
    fn arb_rule() -> impl Strategy<Value = Rule> {
        (1usize..=9).prop_flat_map(|n| {
            prop::collection::vec((prop::collection::vec(0u64..=4, n), 0u64..1000), 2..=3).prop_map(
                move |clauses| {
                    let clauses = clauses
                        .into_iter()
                        .map(|(w, raw)| {
                            let total: u64 = w.iter().sum();
                            Clause::new(w, raw % total.max(1) + u64::from(total > 0))
                        })
                        .filter(|c| c.quota <= c.weights.iter().sum())
                        .collect();
                    Rule::new(n, clauses)
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn agrees_with_enumeration(rule in arb_rule()) {
            prop_assume!(rule.clauses.iter().filter(|c| c.quota > 0).count() >= 2);
            let want = enumerate::power(&rule, &EngineOptions::default());
            let got = power(&rule, &EngineOptions::default()).unwrap();
            prop_assert_eq!(&got.winning_coalitions, &want.winning_coalitions);
            prop_assert_eq!(&got.total_swings, &want.total_swings);
            for (g, w) in got.players.iter().zip(&want.players) {
                prop_assert_eq!(&g.swings, &w.swings);
                prop_assert_eq!((g.veto, g.dictator, g.dummy), (w.veto, w.dictator, w.dummy));
                for index in [Index::Banzhaf, Index::BanzhafAbsolute, Index::ShapleyShubik,
                              Index::ColemanPrevent, Index::ColemanInitiate] {
                    let (a, b) = (index.of(g), index.of(w));
                    prop_assert!(match (a, b) {
                        (Some(a), Some(b)) => (a - b).abs() <= 1e-13,
                        (None, None) => true,
                        _ => false,
                    }, "{:?}: {:?} vs {:?}", index, a, b);
                }
            }
        }
    }
}
