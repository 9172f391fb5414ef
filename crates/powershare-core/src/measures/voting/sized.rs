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

/// Deegan-Packel and Johnston of one player of each class, or `None` when
/// the tables exceed the limits (or n > 1,000).
pub(crate) fn indices(game: &Game, options: &EngineOptions) -> Option<(Vec<f64>, Vec<f64>)> {
    let n = game.players();
    let q = usize::try_from(game.quota).ok()?;
    let d_count = game.weights.len();
    let v: Vec<usize> = game
        .weights
        .iter()
        .map(|&w| usize::try_from(w).ok())
        .collect::<Option<_>>()?;
    let vmax = v[0];
    let cols = n + 2;
    let alen = q.checked_add(vmax)?;
    // Snapshots of q × (players so far + 1), plus four full tables.
    let mut so_far = 0u64;
    let mut snapshot_cells = 0u64;
    for &m in &game.counts {
        snapshot_cells += q as u64 * (so_far + 1).min(cols as u64);
        so_far += m as u64;
    }
    let memory = (snapshot_cells + 4 * alen as u64 * cols as u64) * 8;
    let work = 4 * (n as u64 + d_count as u64) * alen as u64 * cols as u64;
    if n > 1000 || memory > options.limits.memory || work > options.limits.work {
        return None;
    }
    // Forward: F before each class.
    let mut f = vec![0.0; q * cols];
    f[0] = 1.0;
    // Snapshots keep only the sizes that can occur so far (at most the
    // number of players added), which halves the memory touched.
    let mut before: Vec<Vec<f64>> = Vec::with_capacity(d_count);
    // heavier[e]: players in the classes before e.
    let mut heavier = Vec::with_capacity(d_count);
    let mut added = 0;
    for (&w, &m) in v.iter().zip(&game.counts) {
        let width = (added + 1).min(cols);
        before.push(
            f.chunks(cols)
                .flat_map(|row| &row[..width])
                .copied()
                .collect(),
        );
        heavier.push(added);
        for _ in 0..m {
            added += 1;
            grow(&mut f, cols, w, added + 1);
        }
    }
    drop(f);
    let mut fe = vec![0.0; q * cols];
    // Backward.
    let mut gb = vec![0.0; q * cols]; // Deegan-Packel completions, weight < q
    let mut gamma = vec![0.0; alen * cols]; // Johnston completions
    let mut lighter = vec![0.0; alen]; // sets of the lighter classes by weight
    lighter[0] = 1.0;
    let inv: Vec<f64> = (0..=2 * cols).map(|t| 1.0 / t.max(1) as f64).collect();
    let mut dp = vec![0.0; d_count];
    let mut johnston = vec![0.0; d_count];
    for e in (0..d_count).rev() {
        let ve = v[e];
        // Sizes of A (i and everything at least as heavy) up to `span` - 1
        // are read from here on.
        let span = (heavier[e] + game.counts[e] + 2).min(cols);
        // Γ_e: first Γ_{e+1} with class e+1 added (they are critical).
        let next = v.get(e + 1).copied().unwrap_or(0);
        // Γ_{e+1} is right for sizes below span + m_{e+1}; each pass
        // shortens the right range by one.
        if e + 1 < d_count {
            let m = game.counts[e + 1];
            for j in 0..m {
                extend(&mut gamma, cols, next, span + m - j);
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
                for (g, i) in gamma[a * cols..][..span].iter_mut().zip(&inv).skip(1) {
                    *g += window * i;
                }
            }
        }
        // F'_e.
        let snapshot = before.pop().unwrap_or_default();
        let width = (heavier[e] + 1).min(cols);
        for (row, src) in fe.chunks_mut(cols).zip(snapshot.chunks(width)) {
            row[..width].copy_from_slice(src);
            row[width..].fill(0.0);
        }
        for j in 1..game.counts[e] {
            grow(&mut fe, cols, ve, heavier[e] + j + 1);
        }
        let (mut dsum, mut jsum) = (0.0, 0.0);
        for k in 0..q {
            let x = k + ve;
            for s in 0..cols - 1 {
                let f = fe[k * cols + s];
                if f == 0.0 {
                    continue;
                }
                let t = s + 1;
                let complete = if x >= q {
                    1.0 / t as f64
                } else {
                    gb[x * cols + t]
                };
                dsum += f * complete;
                jsum += f * gamma[x * cols + t];
            }
        }
        dp[e] = dsum;
        johnston[e] = jsum;
        // Let class e join the Deegan-Packel completions; from here on
        // sizes below heavier[e] + 1 are read.
        let span = (heavier[e] + 2).min(cols);
        for _ in 0..game.counts[e] {
            extend(&mut gb, cols, ve, span + game.counts[e]);
        }
        let binom = binomials(game.counts[e]);
        for x in 0..q {
            let r = (q - x).div_ceil(ve);
            if r <= game.counts[e] {
                for (g, i) in gb[x * cols..][..span].iter_mut().zip(&inv[r..]) {
                    *g += binom[r] * i;
                }
            }
        }
        for _ in 0..game.counts[e] {
            for j in (ve..alen).rev() {
                lighter[j] += lighter[j - ve];
            }
        }
    }
    let total = |per: &[f64]| -> f64 {
        per.iter()
            .zip(&game.counts)
            .map(|(x, &m)| x * m as f64)
            .sum()
    };
    let (dt, jt) = (total(&dp), total(&johnston));
    Some((
        dp.iter().map(|x| x / dt).collect(),
        johnston.iter().map(|x| x / jt).collect(),
    ))
}

/// Adds a player of weight `w` (> 0) to a [weight][size] table: t[k][s] +=
/// t[k - w][s - 1], descending in k so every source is still old.
/// Only sizes below `upto` (<= cols) are touched: the caller knows the
/// larger ones are zero.
fn grow(t: &mut [f64], cols: usize, w: usize, upto: usize) {
    let rows = t.len() / cols;
    let upto = upto.clamp(1, cols);
    for k in (w..rows).rev() {
        let (lo, hi) = t.split_at_mut(k * cols);
        let src = &lo[(k - w) * cols..][..upto - 1];
        for (d, s) in hi[1..upto].iter_mut().zip(src) {
            *d += s;
        }
    }
}

/// The transposed step: t[a][c] += t[a + w][c + 1], ascending in a, so every
/// source is still old (the ways to complete a coalition one player more).
/// Only sizes below `upto` (<= cols) are updated: no caller reads others.
fn extend(t: &mut [f64], cols: usize, w: usize, upto: usize) {
    let rows = t.len() / cols;
    let upto = upto.clamp(1, cols);
    for a in 0..rows.saturating_sub(w) {
        let (lo, hi) = t.split_at_mut((a + w) * cols);
        let dst = &mut lo[a * cols..][..upto - 1];
        for (d, s) in dst.iter_mut().zip(&hi[1..upto]) {
            *d += s;
        }
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
            let (dp, johnston) = indices(&game, &EngineOptions::default()).unwrap();
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
