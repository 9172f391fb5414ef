//! Deegan-Packel and Johnston for one weighted clause, by tables over
//! weight and size.
//!
//! Both indices weigh coalitions by their size (Deegan-Packel: 1/|S| over
//! the minimal winning coalitions) or by their number of critical members
//! (Johnston: 1/c(S) over the winning coalitions in which i is critical), so
//! the counting tables have a second axis. Players are taken in classes of
//! equal weight, heaviest first (v_0 > v_1 > ... with m_d players each).
//! For a player i of class e, every coalition S containing i splits into
//! A (members at least as heavy as i, i included) and B (lighter members):
//!
//! - a *forward* table `F'_e[k][s]` counts the sets A \ {i} of weight k < q
//!   and size s (heavier classes and the other m_e - 1 players of class e;
//!   weight below q because A alone may not exceed the quota by v_e or
//!   more in either index);
//! - a *backward* table, built lightest class first, holds for each
//!   (weight, size) of A the weighted number of ways to complete it with B:
//!   - Deegan-Packel: S is minimal winning iff w(S) >= q and w(S) minus its
//!     lightest member's weight is below q. With B empty the lightest is i's
//!     weight; otherwise it is B's lightest class, so the table adds, for
//!     each lighter class d taken as B's lightest, C(m_d, r) ways of r
//!     members that land in [q, q + v_d), weighted 1/(size);
//!   - Johnston: with slack σ = w(S) - q < v_e (i critical), the critical
//!     members are those heavier than σ, so they are A plus B's members of
//!     the classes heavier than σ. Summing over σ class by class, Γ_e =
//!     (A alone critical: σ between the next lighter weight and v_e, lighter
//!     players any set L of weight q + σ - w(A)) plus Γ_{e+1} extended by
//!     any number of class-(e+1) players, who are then critical too.
//!
//! The index of i is `sum_{k,s} F'_e[k][s] · backward[k + v_e][s + 1]`,
//! normalised over all players. Counts are `f64` (they stay below 2^n, so
//! n is capped at 1,000); every term is non-negative, so the relative error
//! is at most about (3n + q)·2^-53. Time O(n²·q), memory one table per
//! class, so this runs only when that fits [`EngineLimits`](super::EngineLimits).

use super::EngineOptions;
use super::weighted::Game;

/// Deegan-Packel and Johnston of one player of each class, each `None` when
/// not computed.
pub(crate) type Indices = (Option<Vec<f64>>, Option<Vec<f64>>);

/// Deegan-Packel and Johnston of one player of each class (each `None`
/// when not wanted), or `None` when the tables exceed the limits (or
/// n > 1,000). With both wanted on a large game the two sweeps run on two
/// threads; each is deterministic, so the result does not depend on it.
pub(crate) fn indices(
    game: &Game,
    options: &EngineOptions,
    deegan_packel: bool,
    johnston: bool,
) -> Option<Indices> {
    let n = game.players();
    let q = usize::try_from(game.quota).ok()?;
    let v: Vec<usize> = game
        .weights
        .iter()
        .map(|&w| usize::try_from(w).ok())
        .collect::<Option<_>>()?;
    let vmax = v[0];
    let cols = n + 2;
    let alen = q.checked_add(vmax)?;
    // Snapshots of q × (players so far + 1), plus two full tables a sweep
    // (F is freed before the sweeps start).
    let mut so_far = 0u64;
    let mut snapshot_cells = 0u64;
    for &m in &game.counts {
        snapshot_cells += q as u64 * (so_far + 1).min(cols as u64);
        so_far += m as u64;
    }
    let sweeps = u64::from(deegan_packel) + u64::from(johnston);
    let table = alen as u64 * cols as u64;
    let memory = (snapshot_cells + 2 * sweeps * table) * 8;
    let work = 2 * sweeps * (n as u64 + v.len() as u64) * table;
    if n > 1000 || memory > options.limits.memory || work > options.limits.work {
        return None;
    }
    let setup = Setup::new(game, v, q, cols);
    let threads = deegan_packel
        && johnston
        && work > 20_000_000
        && std::thread::available_parallelism().map_or(1, usize::from) > 1;
    let (dp, j) = if threads {
        std::thread::scope(|s| {
            let j = s.spawn(|| setup.johnston());
            let dp = setup.deegan_packel();
            // A panic in the worker is a bug; re-raise it here.
            let j = j.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (Some(dp), Some(j))
        })
    } else {
        (
            deegan_packel.then(|| setup.deegan_packel()),
            johnston.then(|| setup.johnston()),
        )
    };
    let normalise = |per: Vec<f64>| -> Vec<f64> {
        let total: f64 = per
            .iter()
            .zip(&game.counts)
            .map(|(x, &m)| x * m as f64)
            .sum();
        per.iter().map(|x| x / total).collect()
    };
    Some((dp.map(normalise), j.map(normalise)))
}

/// What both sweeps read: the game, and the forward tables.
struct Setup<'a> {
    game: &'a Game,
    /// Class weights, heaviest first.
    v: Vec<usize>,
    vmax: usize,
    q: usize,
    cols: usize,
    alen: usize,
    /// F before each class: sets of the heavier classes by weight (< q)
    /// and size, keeping only the sizes such a set can have
    /// ([`band_before`]): a sixth of the full tables on a board of seats 1
    /// to 4 (memory touched for the first time is slow to fault in).
    before: Vec<Snapshot>,
    /// heavier[e]: players in the classes before e.
    heavier: Vec<usize>,
    /// 1/t for every size t that can be read.
    inv: Vec<f64>,
}

/// One forward table, row k kept from its first possible size on.
#[derive(Debug, Default)]
struct Snapshot {
    /// The kept entries, row after row.
    values: Vec<f64>,
    /// Per row: the first size kept, and where the row ends in `values`.
    rows: Vec<(usize, usize)>,
}

/// The sizes [lo, hi) a set of weight k of the `added` players of the
/// classes before e can have: every member weighs at most v_0 and at least
/// v_(e-1), so k/v_0 <= s <= k/v_(e-1), and s <= added. Every other entry of
/// F before class e is zero.
fn band_before(v: &[usize], e: usize, added: usize, k: usize) -> (usize, usize) {
    if e == 0 {
        return (0, usize::from(k == 0));
    }
    let lo = k.div_ceil(v[0]);
    let hi = (k / v[e - 1] + 1).min(added + 1);
    (lo.min(hi), hi)
}

impl<'a> Setup<'a> {
    fn new(game: &'a Game, v: Vec<usize>, q: usize, cols: usize) -> Self {
        let vmax = v[0];
        let mut f = vec![0.0; q * cols];
        f[0] = 1.0;
        let mut before = Vec::with_capacity(v.len());
        let mut heavier = Vec::with_capacity(v.len());
        let mut added = 0;
        for (e, (&w, &m)) in v.iter().zip(&game.counts).enumerate() {
            let mut snapshot = Snapshot::default();
            for (k, row) in f.chunks(cols).enumerate() {
                let (lo, hi) = band_before(&v, e, added, k);
                snapshot.values.extend_from_slice(&row[lo..hi]);
                snapshot.rows.push((lo, snapshot.values.len()));
            }
            before.push(snapshot);
            heavier.push(added);
            for _ in 0..m {
                added += 1;
                grow(&mut f, cols, w, vmax, added + 1);
            }
        }
        Setup {
            game,
            v,
            vmax,
            q,
            cols,
            alen: q + vmax,
            before,
            heavier,
            inv: (0..=2 * cols).map(|t| 1.0 / t.max(1) as f64).collect(),
        }
    }

    /// F'_e into `fe`: the sets A \ {i} for a player i of class e (the
    /// heavier classes and the other m_e - 1 players of class e).
    fn forward(&self, e: usize, fe: &mut [f64]) {
        let cols = self.cols;
        let snapshot = &self.before[e];
        let mut start = 0;
        for (row, &(lo, end)) in fe.chunks_mut(cols).zip(&snapshot.rows) {
            row.fill(0.0);
            row[lo..lo + end - start].copy_from_slice(&snapshot.values[start..end]);
            start = end;
        }
        for j in 1..self.game.counts[e] {
            grow(fe, cols, self.v[e], self.vmax, self.heavier[e] + j + 1);
        }
    }

    /// `sum_{k,s} F'_e[k][s] · complete(k + v_e, s + 1)`.
    fn pair(&self, fe: &[f64], complete: impl Fn(usize, usize) -> f64, e: usize) -> f64 {
        let (cols, ve) = (self.cols, self.v[e]);
        let mut sum = 0.0;
        for k in 0..self.q {
            let row = &fe[k * cols..][..cols - 1];
            for (s, &f) in row.iter().enumerate() {
                if f != 0.0 {
                    sum += f * complete(k + ve, s + 1);
                }
            }
        }
        sum
    }

    /// Deegan-Packel of one player of each class, not yet normalised.
    fn deegan_packel(&self) -> Vec<f64> {
        let (q, cols, vmax) = (self.q, self.cols, self.vmax);
        let d_count = self.v.len();
        let mut fe = vec![0.0; q * cols];
        // Deegan-Packel completions of an A of weight < q.
        let mut gb = vec![0.0; q * cols];
        let mut dp = vec![0.0; d_count];
        for e in (0..d_count).rev() {
            let (ve, me) = (self.v[e], self.game.counts[e]);
            self.forward(e, &mut fe);
            dp[e] = self.pair(
                &fe,
                |x, t| {
                    if x >= q {
                        self.inv[t]
                    } else {
                        gb[x * cols + t]
                    }
                },
                e,
            );
            if e == 0 {
                break;
            }
            // Let class e join the completions; from here on sizes below
            // heavier[e] + 1 are read, at sets no lighter than class e - 1.
            let span = (self.heavier[e] + 2).min(cols);
            for j in 1..=me {
                let band = Band {
                    u: self.v[e - 1],
                    w: ve,
                    left: me - j,
                };
                extend(&mut gb, cols, ve, vmax, span + me, band);
            }
            let binom = binomials(me);
            for x in 0..q {
                let r = (q - x).div_ceil(ve);
                if r <= me {
                    for (g, i) in gb[x * cols..][..span].iter_mut().zip(&self.inv[r..]) {
                        *g += binom[r] * i;
                    }
                }
            }
        }
        dp
    }

    /// Johnston of one player of each class, not yet normalised.
    fn johnston(&self) -> Vec<f64> {
        let (q, cols, vmax, alen) = (self.q, self.cols, self.vmax, self.alen);
        let d_count = self.v.len();
        let mut fe = vec![0.0; q * cols];
        let mut gamma = vec![0.0; alen * cols];
        // Sets of the lighter classes by weight.
        let mut lighter = vec![0.0; alen];
        lighter[0] = 1.0;
        let mut johnston = vec![0.0; d_count];
        for e in (0..d_count).rev() {
            let ve = self.v[e];
            // Sizes of A (i and everything at least as heavy) up to `span`
            // - 1 are read from here on.
            let span = (self.heavier[e] + self.game.counts[e] + 2).min(cols);
            // Γ_e: first Γ_{e+1} with class e+1 added (they are critical).
            let next = self.v.get(e + 1).copied().unwrap_or(0);
            // Γ_{e+1} is right for sizes below span + m_{e+1}; each pass
            // shortens the right range by one.
            if e + 1 < d_count {
                let m = self.game.counts[e + 1];
                for j in 0..m {
                    // Read next at stage e, at sets no lighter than class e.
                    let band = Band {
                        u: ve,
                        w: next,
                        left: m - j - 1,
                    };
                    extend(&mut gamma, cols, next, vmax, span + m - j, band);
                }
            }
            // Then A alone critical, σ in [next, ve).
            for a in 0..alen {
                let window: f64 = (next..ve)
                    .filter_map(|sigma| (q + sigma).checked_sub(a))
                    .filter(|&j| j < alen)
                    .map(|j| lighter[j])
                    .sum();
                if window > 0.0 {
                    for (g, i) in gamma[a * cols..][..span].iter_mut().zip(&self.inv).skip(1) {
                        *g += window * i;
                    }
                }
            }
            self.forward(e, &mut fe);
            johnston[e] = self.pair(&fe, |x, t| gamma[x * cols + t], e);
            for _ in 0..self.game.counts[e] {
                for j in (ve..alen).rev() {
                    lighter[j] += lighter[j - ve];
                }
            }
        }
        johnston
    }
}

/// Adds a player of weight `w` (> 0) to a [weight][size] table of sets of
/// players no lighter than `w` and no heavier than `vmax`: t[k][s] +=
/// t[k - w][s - 1], descending in k so every source is still old.
///
/// Only the band of sizes such a set of weight k can have is touched:
/// s >= k / vmax (every member weighs at most vmax) and s <= k / w (every
/// member weighs at least w, the lightest so far), and s < `upto` (<= cols,
/// the caller knows the larger sizes are zero). Outside the band every
/// entry is zero and stays zero, and every source an entry in the band
/// reads is in the old band or zero.
fn grow(t: &mut [f64], cols: usize, w: usize, vmax: usize, upto: usize) {
    let rows = t.len() / cols;
    let upto = upto.clamp(1, cols);
    for k in (w..rows).rev() {
        let lo = k.div_ceil(vmax).max(1);
        let hi = (k / w + 1).min(upto);
        if lo >= hi {
            continue;
        }
        let (low, high) = t.split_at_mut(k * cols);
        let src = &low[(k - w) * cols..][lo - 1..hi - 1];
        for (d, s) in high[lo..hi].iter_mut().zip(src) {
            *d += s;
        }
    }
}

/// The transposed step: t[a][c] += t[a + w][c + 1], ascending in a, so every
/// source is still old (the ways to complete a coalition one player more).
///
/// Only the sizes a later read needs are updated: c with `vmax`·c >= a,
/// c < `upto` (<= cols), and c <= `band.max(a)`. The callers read a
/// completion table only at the weight and size of a set of players no
/// heavier than `vmax`, and the sources of those entries satisfy the same
/// bounds (see [`Band`]).
fn extend(t: &mut [f64], cols: usize, w: usize, vmax: usize, upto: usize, band: Band) {
    let rows = t.len() / cols;
    let upto = upto.clamp(1, cols);
    for a in 0..rows.saturating_sub(w) {
        let lo = a.div_ceil(vmax);
        let hi = band.max(a).saturating_add(1).min(upto - 1);
        if lo >= hi {
            continue;
        }
        let (low, high) = t.split_at_mut((a + w) * cols);
        let dst = &mut low[a * cols..][lo..hi];
        for (d, s) in dst.iter_mut().zip(&high[lo + 1..hi + 1]) {
            *d += s;
        }
    }
}

/// The largest size c a completion table must be right at, weight a, after
/// one of a run of extensions by players of weight w: the table is read
/// next at sets A whose members all weigh at least u (> w), so at sizes
/// t <= x/u; an entry (a, c) is a source for such a read `left` extensions
/// later only if c - i <= (a - i·w)/u for some i <= left, that is
/// c <= (a + left·(u - w))/u.
#[derive(Debug, Clone, Copy)]
struct Band {
    u: usize,
    w: usize,
    left: usize,
}

impl Band {
    fn max(self, a: usize) -> usize {
        (a + self.left * (self.u - self.w)) / self.u
    }
}

/// C(m, 0..=m) as `f64` (exact up to 2^53, then correctly rounded within a
/// few ulps; m <= 1,000 keeps them finite).
fn binomials(m: usize) -> Vec<f64> {
    let mut row = vec![1.0; m + 1];
    for r in 1..=m {
        row[r] = row[r - 1] * (m + 1 - r) as f64 / r as f64;
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::weighted::reduce;
    use crate::measures::voting::{Clause, enumerate, weighted};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Larger classes, where the size bands of `grow` and `extend` cut
        /// the most.
        #[test]
        fn agrees_with_enumeration_on_larger_classes(
            w in prop::collection::vec(1u64..=5, 14..=18),
            raw in 0u64..1000,
        ) {
            let total: u64 = w.iter().sum();
            let q = raw % total + 1;
            let want = enumerate::power(&weighted(&w, q), &EngineOptions::default());
            let (game, class) = reduce(&Clause::new(w.clone(), q));
            let (dp, johnston) = indices(&game, &EngineOptions::default(), true, true).unwrap();
            let (dp, johnston) = (dp.unwrap(), johnston.unwrap());
            for (i, pp) in want.players.iter().enumerate() {
                let c = class[i].unwrap();
                prop_assert!((dp[c] - pp.indices.deegan_packel.unwrap()).abs() < 1e-13);
                prop_assert!((johnston[c] - pp.indices.johnston.unwrap()).abs() < 1e-13);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn agrees_with_enumeration(
            w in prop::collection::vec(0u64..=9, 1..=10),
            raw in 0u64..1000,
        ) {
            let total: u64 = w.iter().sum();
            prop_assume!(total > 0);
            let q = raw % total + 1;
            let rule = weighted(&w, q);
            let want = enumerate::power(&rule, &EngineOptions::default());
            let (game, class) = reduce(&Clause::new(w.clone(), q));
            let (dp, johnston) = indices(&game, &EngineOptions::default(), true, true).unwrap();
            let (dp, johnston) = (dp.unwrap(), johnston.unwrap());
            for (i, pp) in want.players.iter().enumerate() {
                let (d, j) = class[i].map_or((0.0, 0.0), |c| (dp[c], johnston[c]));
                prop_assert!((d - pp.indices.deegan_packel.unwrap()).abs() < 1e-13,
                    "DP of {}: {} vs {:?}", i, d, pp.indices.deegan_packel);
                prop_assert!((j - pp.indices.johnston.unwrap()).abs() < 1e-13,
                    "Johnston of {}: {} vs {:?}", i, j, pp.indices.johnston);
            }
        }
    }
}
