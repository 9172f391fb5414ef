//! One weighted clause [q; w_1..w_n]: exact counts by generating functions.
//!
//! The generating function of coalition weights is
//! P(x) = prod_j (1 + x^{w_j}); its coefficient of x^k counts the coalitions
//! of weight k. Everything below works on P truncated to the terms that
//! matter (k below the quota), with exact integer counts in flat limb tables
//! ([`limbs`] tables), so nothing overflows, underflows or cancels.
//!
//! - **Banzhaf, Coleman, |W|** in O(n·q) limb operations for all players
//!   together: the swings of i are the coalitions of the others with weight
//!   in [q - w_i, q), read from P / (1 + x^{w_i}), and players with equal
//!   weight share that division (one per distinct weight). Swings are the
//!   same in the dual game [T - q + 1; w], so the smaller of q and T - q + 1
//!   sets the table length.
//! - **Holler and |M|** by a backward sweep over the distinct weights in
//!   decreasing order: a winning S is minimal iff removing its lightest
//!   member makes it lose, so the minimal winning coalitions that contain i
//!   are counted from the coalitions of weight below q among players at
//!   least as heavy as i, times a table of the ways lighter players can
//!   complete them. O(n·q) limb operations plus one exact product per
//!   distinct weight and table entry.
//! - **Shapley-Shubik** by [`shapley`].
//! - **Deegan-Packel and Johnston** by [`sized`], tables over
//!   weight *and* size, O(n²·q) time and one such table per distinct
//!   weight; beyond the memory limit they are `null` with a note.
//!
//! All weights are first divided by their greatest common divisor (with the
//! quota rounded up), which changes no coalition's outcome; players with
//! weight 0 are dummies and double every count of the others.

use num_bigint::BigUint;
use num_traits::Zero;

use super::limbs::{self, Table, ratio, scaled};
use super::{
    Clause, EngineOptions, Index, Method, PlayerPower, PowerIndices, Rule, VotingPower, shapley,
    sized, veto_and_dictator,
};

/// Players grouped by equal (reduced) weight, heaviest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Game {
    /// Distinct weights, decreasing, each > 0.
    pub weights: Vec<u64>,
    /// How many players have each weight.
    pub counts: Vec<usize>,
    /// Quota after dividing by the gcd, >= 1.
    pub quota: u64,
    /// Sum of all weights, >= quota.
    pub total: u64,
}

impl Game {
    /// Number of players with weight > 0.
    pub fn players(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The required players (veto players: class d with T - w_d < q, a
    /// prefix of the classes) set apart: their number of classes, their
    /// number of players v, and the others' game G' = [q - W_R; the rest]
    /// (W_R their weight), or `None` when no one else matters (q <= W_R,
    /// or no one else). With no required player, G' is the game itself.
    ///
    /// Every winning coalition is R plus a winning coalition of G', in which
    /// the members of R are always critical; so the minimal winning
    /// coalitions are R plus those of G', and Shapley-Shubik follows from
    /// G' too (see shapley.rs). A veto folded into the weighted vote
    /// ([`fold`](super::fold)) raises the quota by about T/2, and this
    /// keeps the tables at G''s quota.
    pub fn set_apart_required(&self) -> (usize, usize, Option<Game>) {
        let classes = self
            .weights
            .iter()
            .take_while(|&&w| self.total - w < self.quota)
            .count();
        if classes == 0 {
            return (0, 0, Some(self.clone()));
        }
        let required = self.counts[..classes].iter().sum();
        let heavy: u64 = self.weights[..classes]
            .iter()
            .zip(&self.counts)
            .map(|(&w, &m)| w * m as u64)
            .sum();
        let rest = (classes < self.weights.len() && heavy < self.quota).then(|| Game {
            weights: self.weights[classes..].to_vec(),
            counts: self.counts[classes..].to_vec(),
            quota: self.quota - heavy,
            total: self.total - heavy,
        });
        (classes, required, rest)
    }
}

/// Groups the players of `clause` (quota >= 1, reachable) by weight after
/// dividing by the gcd; returns the game and, per player, its class (`None`
/// for weight 0).
pub(crate) fn reduce(clause: &Clause) -> (Game, Vec<Option<usize>>) {
    let g = clause
        .weights
        .iter()
        .fold(0u64, |g, &w| if w == 0 { g } else { gcd(g, w) })
        .max(1);
    let mut distinct: Vec<u64> = clause
        .weights
        .iter()
        .filter(|&&w| w > 0)
        .map(|&w| w / g)
        .collect();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    let mut counts = vec![0; distinct.len()];
    let class: Vec<Option<usize>> = clause
        .weights
        .iter()
        .map(|&w| {
            (w > 0).then(|| {
                let d = distinct
                    .binary_search_by(|x| (w / g).cmp(x))
                    .unwrap_or_default();
                counts[d] += 1;
                d
            })
        })
        .collect();
    let total = clause.weights.iter().map(|&w| w / g).sum();
    let game = Game {
        weights: distinct,
        counts,
        quota: clause.quota.div_ceil(g),
        total,
    };
    (game, class)
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Exact counts of one weighted game, per class of equal weight.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Swings {
    /// Swings of one player of each class, among the players of weight > 0.
    pub per_class: Vec<BigUint>,
    /// Winning coalitions among the players of weight > 0.
    pub winning: BigUint,
}

/// Swings per class and |W|, or `None` if the table would exceed the
/// limits. Counts are over the players with weight > 0 only.
pub(crate) fn swings(game: &Game, options: &EngineOptions) -> Option<Swings> {
    let n = game.players();
    let dual = game.total - game.quota + 1;
    let q = game.quota.min(dual);
    let len = usize::try_from(q).ok()?;
    let width = Table::width_for_bits(n);
    if !affordable(len, width, n, 2, options) {
        return None;
    }
    let mut table = Table::zeros(len, width);
    table.set_small(0, 1);
    let mut added = 0;
    for (&w, &m) in game.weights.iter().zip(&game.counts) {
        for _ in 0..m {
            added += 1;
            if let Ok(w) = usize::try_from(w)
                && w < len
            {
                table.add_shifted(w, Table::width_for_bits(added));
            }
        }
    }
    let losing = table.sum(0..len);
    let all = BigUint::from(1u8) << n;
    let winning = if q == game.quota {
        all - &losing
    } else {
        losing
    };
    let mut others = Table::zeros(len, width);
    let per_class = game
        .weights
        .iter()
        .map(|&w| match usize::try_from(w) {
            Ok(w) if w < len => {
                table.divide_into(w, &mut others);
                others.sum(len - w..len)
            }
            // Heavier than the quota: every coalition of the others below
            // the quota is a swing, and the table has exactly those.
            _ => table.sum(0..len),
        })
        .collect();
    Some(Swings { per_class, winning })
}

/// Whether a table of `len` entries of `width` limbs, updated once per
/// player, fits the limits (`copies` tables at once).
fn affordable(len: usize, width: usize, n: usize, copies: u64, options: &EngineOptions) -> bool {
    let cells = len as u64 * width as u64;
    let work = cells.saturating_mul(n as u64);
    work <= options.limits.work && cells.saturating_mul(8 * copies) <= options.limits.memory
}

/// |M_i| per class and |M|, or `None` if over the limits: the required
/// players set apart ([`Game::set_apart_required`]), each is in every
/// minimal winning coalition, and the others' counts are those of G'.
pub(crate) fn minimal(game: &Game, options: &EngineOptions) -> Option<(Vec<BigUint>, BigUint)> {
    let (classes, _, rest) = game.set_apart_required();
    if classes == 0 {
        return minimal_of(game, options);
    }
    let (rest_per, total) = match &rest {
        Some(rest) => minimal_of(rest, options)?,
        // Only R is minimal winning.
        None => (
            vec![BigUint::zero(); game.weights.len() - classes],
            BigUint::from(1u8),
        ),
    };
    let mut per = vec![total.clone(); classes];
    per.extend(rest_per);
    Some((per, total))
}

/// |M_i| per class and |M|, by the backward sweep in the module docs, or
/// `None` if over the limits.
fn minimal_of(game: &Game, options: &EngineOptions) -> Option<(Vec<BigUint>, BigUint)> {
    let n = game.players();
    let q = usize::try_from(game.quota).ok()?;
    let width = Table::width_for_bits(n);
    if !affordable(q, width, n, 4, options) {
        return None;
    }
    // P: coalitions of every player, weight below q.
    let mut p = Table::zeros(q, width);
    p.set_small(0, 1);
    let mut added = 0;
    for (&w, &m) in game.weights.iter().zip(&game.counts) {
        for _ in 0..m {
            added += 1;
            if (w as usize) < q {
                p.add_shifted(w as usize, Table::width_for_bits(added));
            }
        }
    }
    // hb[k]: nonempty sets U of lighter players such that a coalition of
    // weight k (< q) plus U is minimal winning with its lightest member in U.
    let mut hb = Table::zeros(q, width);
    let mut without = Table::zeros(q, width);
    let mut per_class = vec![BigUint::zero(); game.weights.len()];
    for d in (0..game.weights.len()).rev() {
        let v = game.weights[d] as usize;
        let m = game.counts[d];
        // Coalitions of the heavier players and the other m - 1 of class d.
        if v < q {
            p.divide_into(v, &mut without);
        } else {
            without.clone_from(&p);
        }
        let mut acc = vec![0u64; 2 * width + 2];
        for k in q.saturating_sub(v)..q {
            limbs::add_assign(&mut acc, without.get(k));
        }
        for k in 0..q.saturating_sub(v) {
            limbs::mul_add_assign(&mut acc, without.get(k), hb.get(k + v));
        }
        per_class[d] = limbs::to_biguint(&acc);
        // Remove the rest of class d from p.
        if v < q {
            for _ in 1..m {
                without.divide(v);
            }
        }
        std::mem::swap(&mut p, &mut without);
        // Let class d join U: any subset of it on top of a lighter U, or a
        // nonempty subset of it alone (then its weight is the lightest).
        for _ in 0..m {
            hb.add_from_above(v);
        }
        let binom = limbs::binomials(m, width);
        for k in 0..q {
            let r = (q - k).div_ceil(v);
            if r <= m {
                limbs::add_assign(hb.get_mut(k), binom.get(r));
            }
        }
    }
    let total = limbs::to_biguint(hb.get(0));
    Some((per_class, total))
}

/// Every index of the single clause `clause` (quota >= 1) of `rule`, or
/// `None` when the counting tables exceed the limits.
pub fn power(clause: &Clause, options: &EngineOptions) -> Option<VotingPower> {
    let n = clause.weights.len();
    let (game, class) = reduce(clause);
    let zeros = n - game.players();
    let counts = swings(&game, options)?;
    let rule = Rule::new(n, vec![clause.clone()]);
    let mut notes = Vec::new();

    let swings: Vec<BigUint> = class
        .iter()
        .map(|c| c.map_or_else(BigUint::zero, |d| &counts.per_class[d] << zeros))
        .collect();
    let total_swings: BigUint = swings.iter().sum();
    let winning = &counts.winning << zeros;
    let losing = (BigUint::from(1u8) << n) - &winning;

    let ss = if options.wants(Index::ShapleyShubik) {
        let ss = shapley::weighted(&game, options);
        if ss.is_none() {
            notes.push(format!(
                "Shapley-Shubik not computed: its quadrature needs about {} table updates at this size, over the limit of {}.",
                shapley::cost(&game),
                options.limits.work
            ));
        }
        ss
    } else {
        None
    };
    let holler = if options.wants(Index::Holler) {
        let h = minimal(&game, options);
        if h.is_none() {
            notes.push(format!(
                "Holler not computed: counting minimal winning coalitions needs a table of {} entries of {} bits at this size, over the limits.",
                game.quota,
                64 * Table::width_for_bits(game.players())
            ));
        }
        h
    } else {
        None
    };
    let sized = if options.wants(Index::DeeganPackel) || options.wants(Index::Johnston) {
        let t = sized::indices(
            &game,
            options,
            options.wants(Index::DeeganPackel),
            options.wants(Index::Johnston),
        );
        if t.is_none() {
            notes.push(format!(
                "Deegan-Packel and Johnston not computed: they weigh coalitions by size, which takes one table of {} weights by {} sizes per distinct weight ({} here), over the memory limit of {} MB{}.",
                game.quota,
                game.players() + 2,
                game.weights.len(),
                options.limits.memory >> 20,
                if game.players() > 1000 { " (and more than 1,000 players)" } else { "" }
            ));
        }
        t
    } else {
        None
    };
    let memberships: Option<BigUint> = holler
        .as_ref()
        .map(|(per, _)| class.iter().flatten().map(|&d| &per[d]).sum::<BigUint>());

    let players = (0..n)
        .map(|i| {
            let eta = &swings[i];
            let (veto, dictator) = veto_and_dictator(&rule, i);
            PlayerPower {
                swings: Some(eta.clone()),
                indices: PowerIndices {
                    banzhaf: ratio(eta, &total_swings),
                    banzhaf_absolute: Some(scaled(eta, n as u64 - 1)),
                    shapley_shubik: ss
                        .as_ref()
                        .map(|s| class[i].map_or(0.0, |d| if eta.is_zero() { 0.0 } else { s[d] })),
                    holler: holler.as_ref().and_then(|(per, _)| {
                        let mine = class[i].map_or_else(BigUint::zero, |d| per[d].clone());
                        ratio(&mine, memberships.as_ref()?)
                    }),
                    deegan_packel: sized
                        .as_ref()
                        .and_then(|(dp, _)| dp.as_ref())
                        .map(|dp| class[i].map_or(0.0, |d| dp[d])),
                    johnston: sized
                        .as_ref()
                        .and_then(|(_, j)| j.as_ref())
                        .map(|j| class[i].map_or(0.0, |d| j[d])),
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
        minimal_winning_coalitions: holler.map(|(_, m)| m),
        total_swings: Some(total_swings),
        every_coalition_wins: false,
        method: Method::GeneratingFunction,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{enumerate, weighted as rule_of};
    use proptest::prelude::*;

    fn big(x: u64) -> BigUint {
        BigUint::from(x)
    }

    #[test]
    fn reduce_divides_by_the_gcd_and_groups_equal_weights() {
        // [7; 4, 6, 0, 4] -> gcd 2: [4; 2, 3, 0, 2], classes 3 (1) and 2 (2).
        let (game, class) = reduce(&Clause::new(vec![4, 6, 0, 4], 7));
        assert_eq!(game.weights, [3, 2]);
        assert_eq!(game.counts, [1, 2]);
        assert_eq!((game.quota, game.total), (4, 7));
        assert_eq!(class, [Some(1), Some(0), None, Some(1)]);
    }

    #[test]
    fn eec_1958_counts() {
        // [12; 4,4,4,2,2,1] (see enumerate.rs): L has weight 1 against a gcd
        // of 1; swings 10 (big), 6 (medium), 0 (L); |W| = 14; |M| = 4 with
        // 3 memberships per big and per medium.
        let (game, _) = reduce(&Clause::new(vec![4, 4, 4, 2, 2, 1], 12));
        let s = swings(&game, &EngineOptions::default()).unwrap();
        assert_eq!(s.per_class, [big(10), big(6), big(0)]);
        assert_eq!(s.winning, big(14));
        let (per, total) = minimal(&game, &EngineOptions::default()).unwrap();
        assert_eq!(per, [big(3), big(3), big(0)]);
        assert_eq!(total, big(4));
    }

    /// Weighted games of 1..=10 players, weights 0..=9, any reachable quota.
    fn arb_game() -> impl Strategy<Value = Clause> {
        prop::collection::vec(0u64..=9, 1..=10)
            .prop_flat_map(|w| {
                let total: u64 = w.iter().sum();
                (Just(w), 1..=total.max(1))
            })
            .prop_filter("reachable", |(w, q)| *q <= w.iter().sum())
            .prop_map(|(w, q)| Clause::new(w, q))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// The generating functions agree with brute force on every count
        /// and every index they compute.
        #[test]
        fn agrees_with_enumeration(clause in arb_game()) {
            let rule = rule_of(&clause.weights, clause.quota);
            let want = enumerate::power(&rule, &EngineOptions::default());
            let got = power(&clause, &EngineOptions::default()).unwrap();
            prop_assert_eq!(&got.winning_coalitions, &want.winning_coalitions);
            prop_assert_eq!(&got.minimal_winning_coalitions, &want.minimal_winning_coalitions);
            prop_assert_eq!(&got.total_swings, &want.total_swings);
            for (g, w) in got.players.iter().zip(&want.players) {
                prop_assert_eq!(&g.swings, &w.swings);
                prop_assert_eq!((g.veto, g.dictator, g.dummy), (w.veto, w.dictator, w.dummy));
                for index in [Index::Banzhaf, Index::BanzhafAbsolute, Index::ShapleyShubik,
                              Index::Holler, Index::DeeganPackel, Index::Johnston,
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
