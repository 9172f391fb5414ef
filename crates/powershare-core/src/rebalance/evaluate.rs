//! Exact voting power of a seats-and-quota board, for every quota at once.
//!
//! The rebalance search evaluates many seat allocations, each under a range
//! of quotas, so it needs something narrower and faster than the general
//! engine ([`crate::measures::voting::power`]): only the index it ranks by, for every
//! quota of a range in one pass. The rule is the one a board in a
//! partnership file can have: seats with a quota, veto bodies, and an
//! optional count clause (the double majority). The designs the search
//! reports are evaluated again by the engine, and the tests check that both
//! agree.
//!
//! Method (generating functions with deletion). Let F be the players
//! without a veto, V the veto players, W0 = w(V) and k0 = |V|. With
//! `P[k][w]` the number of subsets of F with k members and weight w, and
//! `P_i` the same without player i (`P_i[k][w] = P[k][w] - P_i[k-1][w-w_i]`,
//! exact in integers), a player i in F is critical in V + S' + {i} (S' a
//! subset of F without i) iff that coalition wins and V + S' loses, which
//! for quota q and count quota c is
//!
//! ```text
//! (W0 + w + w_i >= q and k0 + k + 1 >= c) and not (W0 + w >= q and k0 + k >= c)
//! ```
//!
//! Both parts are suffix sums of `P_i` over w (the second is contained in
//! the first), so one suffix-sum table per player answers every quota. A
//! veto player is critical in every winning coalition. Shapley-Shubik
//! weighs a swing of a coalition of s members by (s-1)!(n-s)!/n!.
//!
//! Exactness: counts are exact `u128` integers (so at most
//! [`MAX_PLAYERS`] players). Banzhaf without a count clause divides two
//! exact integers (correctly rounded while they are below 2^53, that is up
//! to 53 players); with a count clause and for Shapley-Shubik the counts are
//! summed in `f64` (exact below 2^53 for Banzhaf, relative error about
//! n·2^-53 for Shapley-Shubik).
//!
//! Cost for n players and total weight T: O(n·T) per allocation for Banzhaf
//! without a count clause, O(n²·T) otherwise, plus O(n) per quota.

use std::ops::RangeInclusive;

use crate::measures::voting::VotingIndex;

/// Most players the evaluator takes: counts of coalitions must fit in `u128`.
pub const MAX_PLAYERS: usize = 120;

/// A board rule over players 0..n: seats and a quota (given per call), veto
/// players, and an optional count clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Game {
    /// Seats of each player (each at least 1 in a design, but 0 is allowed).
    pub seats: Vec<u64>,
    /// Whether each player has a veto.
    pub veto: Vec<bool>,
    /// Double majority: a winning coalition also needs this many members.
    pub count_quota: Option<u64>,
}

/// The power of every player for each quota of a range: `values[k * n + i]`
/// is player i's index under the k-th quota of `quotas`.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerTable {
    /// The quotas, in order.
    pub quotas: RangeInclusive<u64>,
    /// Number of players.
    pub players: usize,
    /// Row-major: one row of `players` values per quota.
    pub values: Vec<f64>,
}

impl PowerTable {
    /// The power of every player under the `k`-th quota of the range.
    pub fn row(&self, k: usize) -> &[f64] {
        &self.values[k * self.players..(k + 1) * self.players]
    }
}

/// Normalised power (Banzhaf or Shapley-Shubik) of every player of `game`
/// for every quota in `quotas`. Quotas must lie in 1..=total seats (so the
/// empty coalition loses and the grand coalition wins); the game must have
/// at most [`MAX_PLAYERS`] players and a count quota of at most n.
pub fn power(game: &Game, index: VotingIndex, quotas: RangeInclusive<u64>) -> PowerTable {
    let n = game.seats.len();
    debug_assert!(n <= MAX_PLAYERS && game.veto.len() == n);
    let simple = index == VotingIndex::Banzhaf && game.count_quota.is_none();
    // Counts of coalitions are below 2^n: u64 (much faster, above all in
    // the conversions to f64) up to 63 players, u128 beyond.
    let mut values = match (simple, n < 64) {
        (true, true) => banzhaf_simple::<u64>(game, &quotas),
        (true, false) => banzhaf_simple::<u128>(game, &quotas),
        (false, true) => general::<u64>(game, index, &quotas),
        (false, false) => general::<u128>(game, index, &quotas),
    };
    // Banzhaf counts swings: divide by their total. Shapley-Shubik values
    // already add up to 1.
    if index == VotingIndex::Banzhaf {
        for row in values.chunks_mut(n.max(1)) {
            let total: f64 = row.iter().sum();
            if total > 0.0 {
                // Division, not multiplication by 1/total: results stay
                // correctly rounded, as the engine's are.
                row.iter_mut().for_each(|x| *x /= total);
            }
        }
    }
    PowerTable {
        quotas,
        players: n,
        values,
    }
}

/// An exact count of coalitions.
trait Count:
    Copy + Default + PartialEq + std::ops::Add<Output = Self> + std::ops::Sub<Output = Self>
{
    const ONE: Self;
    fn to_f64(self) -> f64;
}

impl Count for u64 {
    const ONE: Self = 1;
    fn to_f64(self) -> f64 {
        self as f64
    }
}

impl Count for u128 {
    const ONE: Self = 1;
    fn to_f64(self) -> f64 {
        self as f64
    }
}

struct Split {
    free: Vec<usize>,
    w0: u64,
    k0: usize,
    wf: usize,
}

fn split(game: &Game) -> Split {
    let free: Vec<usize> = (0..game.seats.len()).filter(|&i| !game.veto[i]).collect();
    let w0 = (0..game.seats.len())
        .filter(|&i| game.veto[i])
        .map(|i| game.seats[i])
        .sum();
    let k0 = game.veto.iter().filter(|&&v| v).count();
    let wf = free.iter().map(|&i| game.seats[i]).sum::<u64>() as usize;
    Split { free, w0, k0, wf }
}

/// `suffix[x] = sum of table[w] for w >= x`, for x in 0..=len; a query at
/// x < 0 is the whole sum, at x > len nothing.
fn suffix_at<T: Copy + Default>(suffix: &[T], x: i64) -> T {
    if x <= 0 {
        suffix[0]
    } else if x as usize >= suffix.len() {
        T::default()
    } else {
        suffix[x as usize]
    }
}

/// Banzhaf swing counts without a count clause: one dimension (weight).
fn banzhaf_simple<C: Count>(game: &Game, quotas: &RangeInclusive<u64>) -> Vec<f64> {
    let n = game.seats.len();
    let Split { free, w0, wf, .. } = split(game);
    let mut p = vec![C::default(); wf + 1];
    p[0] = C::ONE;
    for &i in &free {
        let w = game.seats[i] as usize;
        for x in (w..=wf).rev() {
            p[x] = p[x] + p[x - w];
        }
    }
    let suffix = |table: &[C], s: &mut Vec<C>| {
        s.clear();
        s.resize(table.len() + 1, C::default());
        for x in (0..table.len()).rev() {
            s[x] = s[x + 1] + table[x];
        }
    };
    let q_count = quotas.clone().count();
    let mut swings = vec![0.0; q_count * n];
    let mut full = Vec::new();
    suffix(&p, &mut full);
    let mut pi = vec![C::default(); wf + 1];
    let mut si = Vec::new();
    // Players with the same seats (and no veto) have the same swings.
    let mut done: Vec<(u64, usize)> = Vec::new();
    for i in 0..n {
        if game.veto[i] {
            for (k, q) in quotas.clone().enumerate() {
                swings[k * n + i] = suffix_at(&full, q as i64 - w0 as i64).to_f64();
            }
            continue;
        }
        if let Some(&(_, j)) = done.iter().find(|(w, _)| *w == game.seats[i]) {
            for k in 0..q_count {
                swings[k * n + i] = swings[k * n + j];
            }
            continue;
        }
        done.push((game.seats[i], i));
        let w = game.seats[i] as usize;
        for x in 0..=wf {
            pi[x] = if x >= w { p[x] - pi[x - w] } else { p[x] };
        }
        suffix(&pi, &mut si);
        for (k, q) in quotas.clone().enumerate() {
            let need = q as i64 - w0 as i64;
            swings[k * n + i] = (suffix_at(&si, need - w as i64) - suffix_at(&si, need)).to_f64();
        }
    }
    swings
}

/// Swing counts (Banzhaf) or Shapley-Shubik values with a count clause and
/// coalition sizes: two dimensions (members, weight).
fn general<C: Count>(game: &Game, index: VotingIndex, quotas: &RangeInclusive<u64>) -> Vec<f64> {
    let n = game.seats.len();
    let Split { free, w0, k0, wf } = split(game);
    let m = free.len();
    let c = game.count_quota.unwrap_or(0) as i64;
    let stride = wf + 1;
    // p[k * stride + w]: subsets of the free players with k members and weight w.
    let mut p = vec![C::default(); (m + 1) * stride];
    p[0] = C::ONE;
    for (done, &i) in free.iter().enumerate() {
        let w = game.seats[i] as usize;
        for k in (1..=done + 1).rev() {
            for x in (w..=wf).rev() {
                p[k * stride + x] = p[k * stride + x] + p[(k - 1) * stride + x - w];
            }
        }
    }
    let coef = coefficients(n, index);
    let q_count = quotas.clone().count();
    let mut out = vec![0.0; q_count * n];
    // Weighted column sums over sizes k >= from, with the coefficient of
    // coalition size s = base + k; then suffix sums over weight.
    let column = |table: &[C], kmax: usize, from: i64, base: usize| -> Vec<f64> {
        let mut g = vec![0.0; stride + 1];
        for k in from.max(0) as usize..=kmax {
            let f = coef[base + k];
            let row = &table[k * stride..(k + 1) * stride];
            for (gx, &v) in g.iter_mut().zip(row) {
                if v != C::default() {
                    *gx += v.to_f64() * f;
                }
            }
        }
        for x in (0..stride).rev() {
            g[x] += g[x + 1];
        }
        g
    };
    let veto_col = column(&p, m, c - k0 as i64, k0);
    let mut pi = vec![C::default(); m * stride];
    // Players with the same seats (and no veto) have the same values.
    let mut done: Vec<(u64, usize)> = Vec::new();
    for i in 0..n {
        if game.veto[i] {
            for (k, q) in quotas.clone().enumerate() {
                out[k * n + i] = suffix_at(&veto_col, q as i64 - w0 as i64);
            }
            continue;
        }
        if let Some(&(_, j)) = done.iter().find(|(w, _)| *w == game.seats[i]) {
            for k in 0..q_count {
                out[k * n + i] = out[k * n + j];
            }
            continue;
        }
        done.push((game.seats[i], i));
        let w = game.seats[i] as usize;
        // Subsets of the other m - 1 free players.
        for k in 0..m {
            for x in 0..stride {
                let mut v = p[k * stride + x];
                if k >= 1 && x >= w {
                    v = v - pi[(k - 1) * stride + x - w];
                }
                pi[k * stride + x] = v;
            }
        }
        // i joins V + S' (|S'| = k), so the coalition has k0 + k + 1 members.
        let a = column(&pi, m - 1, c - k0 as i64 - 1, k0 + 1);
        // Without a count clause both sums run over every size.
        let b = if c - (k0 as i64) <= 0 {
            a.clone()
        } else {
            column(&pi, m - 1, c - k0 as i64, k0 + 1)
        };
        for (k, q) in quotas.clone().enumerate() {
            let need = q as i64 - w0 as i64;
            out[k * n + i] = suffix_at(&a, need - w as i64) - suffix_at(&b, need);
        }
    }
    out
}

/// The weight of a swing in a coalition of s members (index s, 1..=n):
/// 1 for Banzhaf counts, (s-1)!(n-s)!/n! = 1/(n·C(n-1, s-1)) for
/// Shapley-Shubik. Entry 0 is unused.
fn coefficients(n: usize, index: VotingIndex) -> Vec<f64> {
    match index {
        VotingIndex::Banzhaf => vec![1.0; n + 1],
        VotingIndex::ShapleyShubik => {
            // Row n-1 of Pascal's triangle, exact in u128 up to n = 128.
            let mut row = vec![1u128; n.max(1)];
            for r in 1..n {
                for j in (1..r).rev() {
                    row[j] += row[j - 1];
                }
            }
            let mut coef = vec![0.0; n + 1];
            for s in 1..=n {
                coef[s] = 1.0 / (n as f64 * row[s - 1] as f64);
            }
            coef
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{self, Clause, Rule};

    /// The engine's answer for the same game and quota.
    fn engine(game: &Game, quota: u64, index: VotingIndex) -> Vec<f64> {
        let n = game.seats.len();
        let mut clauses = vec![Clause::new(game.seats.clone(), quota)];
        for i in 0..n {
            if game.veto[i] {
                clauses.push(Clause::veto(n, i));
            }
        }
        if let Some(c) = game.count_quota {
            clauses.push(Clause::count(n, c));
        }
        let players: Vec<usize> = (0..n).collect();
        let bp = crate::measures::board::BoardPower {
            players: players.clone(),
            total_seats: game.seats.iter().sum(),
            power: Some(voting::power(&Rule::new(n, clauses)).unwrap()),
            note: None,
        };
        players
            .iter()
            .map(|&i| bp.share_of(i, index).unwrap())
            .collect()
    }

    #[track_caller]
    fn agrees(game: Game) {
        let total: u64 = game.seats.iter().sum();
        for index in [VotingIndex::Banzhaf, VotingIndex::ShapleyShubik] {
            let table = power(&game, index, 1..=total);
            for (k, q) in (1..=total).enumerate() {
                let want = engine(&game, q, index);
                for (got, want) in table.row(k).iter().zip(&want) {
                    assert!(
                        (got - want).abs() < 1e-12,
                        "{game:?} q={q} {index:?}: {:?} vs {want:?}",
                        table.row(k)
                    );
                }
            }
        }
    }

    #[test]
    fn hand_case() {
        // [3; 2, 1, 1]: swings a: {a,b} {a,c} {a,b,c} = 3; b: {a,b} = 1; c: 1.
        // Banzhaf 3/5, 1/5, 1/5.
        let t = power(
            &Game {
                seats: vec![2, 1, 1],
                veto: vec![false; 3],
                count_quota: None,
            },
            VotingIndex::Banzhaf,
            3..=3,
        );
        assert_eq!(t.row(0), &[0.6, 0.2, 0.2]);
    }

    #[test]
    fn agrees_with_the_engine() {
        agrees(Game {
            seats: vec![4, 2, 2, 2, 1],
            veto: vec![false; 5],
            count_quota: None,
        });
        agrees(Game {
            seats: vec![4, 2, 2, 2, 1],
            veto: vec![true, false, false, false, false],
            count_quota: None,
        });
        agrees(Game {
            seats: vec![4, 2, 2, 2, 1],
            veto: vec![false; 5],
            count_quota: Some(3),
        });
        agrees(Game {
            seats: vec![5, 1, 3, 1, 2, 1],
            veto: vec![false, true, false, false, true, false],
            count_quota: Some(4),
        });
        agrees(Game {
            seats: vec![1],
            veto: vec![true],
            count_quota: Some(1),
        });
        agrees(Game {
            seats: vec![3, 3],
            veto: vec![true, true],
            count_quota: None,
        });
    }

    /// Beyond 63 players the counts are u128; the engine uses generating
    /// functions there (or counts over capped clause sums with a veto).
    #[test]
    fn large_games_agree_with_the_engine() {
        let seats: Vec<u64> = (0..70).map(|i| 1 + (i * 7 % 5) as u64).collect();
        let total: u64 = seats.iter().sum();
        for veto in [vec![false; 70], (0..70).map(|i| i == 3).collect()] {
            let game = Game {
                seats: seats.clone(),
                veto,
                count_quota: None,
            };
            for q in [total / 2 + 1, (2 * total).div_ceil(3)] {
                for index in [VotingIndex::Banzhaf, VotingIndex::ShapleyShubik] {
                    let got = power(&game, index, q..=q);
                    let want = engine(&game, q, index);
                    for (g, w) in got.row(0).iter().zip(&want) {
                        assert!((g - w).abs() < 1e-12, "{index:?} q={q}: {g} vs {w}");
                    }
                }
            }
        }
    }

    #[test]
    fn u64_and_u128_counts_agree() {
        let game = Game {
            seats: (0..40).map(|i| 1 + (i * 3 % 4) as u64).collect(),
            veto: (0..40).map(|i| i == 5).collect(),
            count_quota: Some(21),
        };
        let total: u64 = game.seats.iter().sum();
        let quotas = total / 2 + 1..=total;
        assert_eq!(
            banzhaf_simple::<u64>(&game, &quotas),
            banzhaf_simple::<u128>(&game, &quotas)
        );
        for index in [VotingIndex::Banzhaf, VotingIndex::ShapleyShubik] {
            assert_eq!(
                general::<u64>(&game, index, &quotas),
                general::<u128>(&game, index, &quotas)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_engine_on_random_games(
            seats in proptest::collection::vec(1u64..6, 1..8),
            veto_bits in 0u32..256,
            double in proptest::bool::ANY,
        ) {
            let n = seats.len();
            let veto = (0..n).map(|i| veto_bits >> i & 1 == 1 && i % 3 == 0).collect();
            agrees(Game { seats, veto, count_quota: double.then_some(n as u64 / 2 + 1) });
        }
    }
}
