//! Robustness to the weights: the composite at every vertex weighting.
//!
//! The composite c(i) = sum_d w_d s_d(i) / sum_d w_d depends on the weights
//! w_d, which are a judgement. A verdict on the composite (a Gini or top
//! share limit, the `symbolic-partnership` finding) is *robust* when it is
//! the same at every vertex weighting: each present dimension's weight set
//! to half or to twice its value, 2^d weightings for d dimensions present
//! (DESIGN.md, "Comparable and ungameable numbers").
//!
//! The per-dimension shares s_d(i) do not depend on the weights, so every
//! vertex is computed from them directly, without measuring anything again:
//! per vertex, about 2n multiplications for the composite on average (the
//! partial sums over the dimensions whose weights did not change are kept)
//! and one sort of n values for the Gini (an insertion sort from the
//! previous vertex's order, which is nearly sorted, for up to
//! [`INSERTION_SORT_MAX`] bodies).
//!
//! Two vertices are left out: every weight halved and every weight doubled
//! give the file's own composite (the composite is invariant to scaling all
//! weights), which callers already have. A dimension of weight 0 stays 0
//! when halved or doubled, so it is not varied: with k dimensions of
//! positive weight there are 2^k - 2 vertices here (none when k = 1: with
//! one dimension the weights cannot change anything).
//!
//! The values are computed in `f64` from the weighted shares without
//! dividing by the total first, so a vertex's Gini may differ from what
//! [`crate::measures::inequality::inequality`] gives on the same composite
//! in the last few bits (about n units in the last place); verdicts compare
//! with a tolerance of 1e-12.

use crate::model::{Dimension, WeightSet};

/// Up to this many bodies the vertices are sorted by insertion from the
/// previous vertex's order (one dimension's weight changes between
/// consecutive vertices, so few values move); above it, by a full sort.
pub const INSERTION_SORT_MAX: usize = 64;

/// The composite's Gini and top share at one vertex weighting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vertex {
    /// Population Gini of the composite; `None` for fewer than two bodies.
    pub gini: Option<f64>,
    /// Largest composite share.
    pub top_share: f64,
    /// The body holding it (the first in file order on a tie, as
    /// [`crate::measures::largest`]).
    pub top: usize,
}

/// The composite at every vertex weighting but the two equal to the file's
/// own (see the module documentation), in the Gray-code order of the
/// dimensions of positive weight read from the last to the first (the last
/// dimension's weight changes at every other vertex, the first's once);
/// empty when there is no composite or only one dimension of positive
/// weight.
///
/// `shares` are the per-dimension shares of `n` bodies (each summing to 1),
/// `weights` the weights the composite is computed with.
///
/// A vertex's composite is summed over the dimensions in their order,
/// c(i) = ((w_1 s_1(i)) + w_2 s_2(i)) + ..., and the partial sums over the
/// first j dimensions are kept from one vertex to the next: a vertex that
/// changes the weight of dimension j sums again from j on only. The sums
/// are the same floating-point operations as summing each vertex afresh,
/// so every value is the same to the last bit.
pub fn vertices(shares: &[(Dimension, Vec<f64>)], weights: WeightSet, n: usize) -> Vec<Vertex> {
    // Dimensions of positive weight, weights divided by the largest so that
    // nothing overflows (the composite is invariant to scaling the weights).
    let active: Vec<(f64, &[f64])> = shares
        .iter()
        .map(|(d, s)| (weights.of(*d), s.as_slice()))
        .filter(|(w, _)| *w > 0.0)
        .collect();
    let k = active.len();
    // 2^k vertices; k is at most the 8 dimensions.
    if k < 2 || n == 0 {
        return Vec::new();
    }
    let largest = active.iter().map(|(w, _)| *w).fold(0.0, f64::max);
    let active: Vec<(f64, &[f64])> = active.iter().map(|(w, s)| (w / largest, *s)).collect();
    let all = (1usize << k) - 1;
    let mut out = Vec::with_capacity(all - 1);
    // partial[j * n + i]: body i's sum over dimensions 0..=j at the current
    // weights; totals[j] the weights' sum over the same dimensions.
    let mut partial = vec![0.0; k * n];
    let mut totals = vec![0.0; k];
    let mut mask = 0usize;
    sum_from(&active, 0, mask, n, &mut partial, &mut totals);
    // The bodies by composite, ascending, carried from one vertex to the
    // next: one weight changes between consecutive vertices, so the order
    // changes little and the insertion sort is short.
    let mut sorted: Vec<(f64, usize)> = (0..n).map(|i| (0.0, i)).collect();
    let ranks = rank_weights(n);
    for step in 1..=all {
        // Gray code: step flips bit trailing_zeros(step) of the code, read
        // here from the last dimension.
        let bit = k - 1 - step.trailing_zeros() as usize;
        mask ^= 1 << bit;
        sum_from(&active, bit, mask, n, &mut partial, &mut totals);
        if mask == all {
            continue;
        }
        let values = &partial[(k - 1) * n..];
        let total = totals[k - 1];
        for entry in sorted.iter_mut() {
            entry.0 = values[entry.1];
        }
        sort_by_value(&mut sorted);
        let top = first_largest(&sorted);
        out.push(Vertex {
            gini: gini_sorted(&sorted, &ranks, total),
            top_share: values[top] / total,
            top,
        });
    }
    out
}

/// The partial sums over dimensions `from..` at the weights of `mask`
/// (bit j set: dimension j's weight doubled, else halved), from those over
/// the dimensions before `from`: row j of `partial` (the `n` bodies) and
/// `totals[j]` for the weights.
fn sum_from(
    active: &[(f64, &[f64])],
    from: usize,
    mask: usize,
    n: usize,
    partial: &mut [f64],
    totals: &mut [f64],
) {
    for (j, &(w, s)) in active.iter().enumerate().skip(from) {
        let w = if mask & (1 << j) != 0 {
            2.0 * w
        } else {
            0.5 * w
        };
        let s = &s[..n];
        let (done, rest) = partial.split_at_mut(j * n);
        let row = &mut rest[..n];
        if j == 0 {
            totals[0] = 0.0 + w;
            for (v, x) in row.iter_mut().zip(s) {
                *v = 0.0 + w * x;
            }
        } else {
            totals[j] = totals[j - 1] + w;
            let before = &done[(j - 1) * n..];
            for ((v, b), x) in row.iter_mut().zip(before).zip(s) {
                *v = b + w * x;
            }
        }
    }
}

/// Sort `(value, body)` pairs by value, ascending.
fn sort_by_value(sorted: &mut [(f64, usize)]) {
    if sorted.len() > INSERTION_SORT_MAX {
        sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        return;
    }
    for j in 1..sorted.len() {
        // Most values stay in place: test before moving anything.
        if sorted[j - 1].0 <= sorted[j].0 {
            continue;
        }
        let moving = sorted[j];
        let mut k = j;
        while k > 0 && sorted[k - 1].0 > moving.0 {
            sorted[k] = sorted[k - 1];
            k -= 1;
        }
        sorted[k] = moving;
    }
}

/// The body with the largest value in the ascending `sorted` pairs, the
/// first in file order on a tie (as [`crate::measures::largest`]); 0 when
/// there are none.
fn first_largest(sorted: &[(f64, usize)]) -> usize {
    let Some(&(top, mut body)) = sorted.last() else {
        return 0;
    };
    for &(x, b) in sorted.iter().rev().skip(1) {
        if x < top {
            break;
        }
        body = body.min(b);
    }
    body
}

/// The Gini's weight of each rank i (1-based) among `n` values:
/// 2i - n - 1, exact in `f64` (small integers).
fn rank_weights(n: usize) -> Vec<f64> {
    let nf = n as f64;
    (0..n).map(|i| 2.0 * (i as f64 + 1.0) - nf - 1.0).collect()
}

/// The Gini of the ascending `sorted` values, with `total` their sum and
/// `ranks` from [`rank_weights`]: sum_i (2i - n - 1) x_(i) / (n total)
/// (1-based ranks), the formula of [`crate::measures::inequality`].
fn gini_sorted(sorted: &[(f64, usize)], ranks: &[f64], total: f64) -> Option<f64> {
    let n = sorted.len();
    if n < 2 || total <= 0.0 {
        return None;
    }
    let nf = n as f64;
    let weighted: f64 = sorted.iter().zip(ranks).map(|(&(x, _), r)| r * x).sum();
    Some((weighted / (nf * total)).clamp(0.0, 1.0 - 1.0 / nf))
}

/// The smallest and largest of `values`, `None` when there are none.
pub fn range(values: impl IntoIterator<Item = f64>) -> Option<[f64; 2]> {
    values.into_iter().fold(None, |acc, v| match acc {
        None => Some([v, v]),
        Some([lo, hi]) => Some([lo.min(v), hi.max(v)]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::inequality::inequality;

    #[test]
    fn two_dimensions_by_hand() {
        // Two bodies; resources (1, 0), voting (0, 1), weights 1 and 1.
        // Vertices of k = 2: masks 01 and 10 (00 and 11 are the file's own
        // composite). Mask 01: resources 2, voting 0.5: composite
        // (2/2.5, 0.5/2.5) = (0.8, 0.2); Gini (2*2 - 3) * 0.8 ... with the
        // sorted values 0.2, 0.8: (-1 * 0.2 + 1 * 0.8) / 2 = 0.3. Mask 10
        // is its mirror: the same Gini and top share.
        let shares = vec![
            (Dimension::Resources, vec![1.0, 0.0]),
            (Dimension::Voting, vec![0.0, 1.0]),
        ];
        let got = vertices(&shares, WeightSet::default(), 2);
        assert_eq!(got.len(), 2);
        for v in got {
            assert!((v.top_share - 0.8).abs() < 1e-15, "{v:?}");
            assert!((v.gini.unwrap() - 0.3).abs() < 1e-15, "{v:?}");
        }
    }

    #[test]
    fn zero_weights_and_single_dimensions_are_not_varied() {
        let shares = vec![
            (Dimension::Resources, vec![0.7, 0.3]),
            (Dimension::Voting, vec![0.1, 0.9]),
        ];
        let zero = WeightSet::default().with(Dimension::Voting, 0.0);
        assert!(vertices(&shares, zero, 2).is_empty());
        assert!(vertices(&shares[..1], WeightSet::default(), 2).is_empty());
    }

    #[test]
    fn each_vertex_matches_the_composite_computed_directly() {
        // Three dimensions of five bodies, weights 1, 2 and 0.5: every
        // vertex against the literal composite and `inequality` on it.
        let shares = vec![
            (Dimension::Resources, vec![0.5, 0.2, 0.1, 0.1, 0.1]),
            (Dimension::Position, vec![0.1, 0.1, 0.2, 0.3, 0.3]),
            (Dimension::Network, vec![0.0, 0.0, 0.0, 0.4, 0.6]),
        ];
        let w = WeightSet::default()
            .with(Dimension::Position, 2.0)
            .with(Dimension::Network, 0.5);
        let got = vertices(&shares, w, 5);
        // Masks of 3 bits but 000 and 111, in Gray-code order read from
        // the last bit: 100, 110, 010, 011, (111), 101, 001.
        let masks = vec![0b100, 0b110, 0b010, 0b011, 0b101, 0b001];
        assert_eq!(got.len(), masks.len());
        for (v, mask) in got.iter().zip(masks) {
            let f = |bit: usize, x: f64| {
                if mask & (1 << bit) != 0 {
                    2.0 * x
                } else {
                    x / 2.0
                }
            };
            let ws = [f(0, 1.0), f(1, 2.0), f(2, 0.5)];
            let total: f64 = ws.iter().sum();
            let c: Vec<f64> = (0..5)
                .map(|i| (0..3).map(|d| ws[d] * shares[d].1[i]).sum::<f64>() / total)
                .collect();
            let ineq = inequality(&c);
            assert!((v.gini.unwrap() - ineq.gini.unwrap()).abs() < 1e-14);
            assert!((v.top_share - ineq.top_share.unwrap()).abs() < 1e-14);
        }
    }

    /// The vertex of `mask` summed afresh and fully sorted: the direct
    /// computation the kept partial sums must reproduce to the last bit.
    fn afresh(active: &[(f64, Vec<f64>)], mask: usize, n: usize) -> Vertex {
        let largest = active.iter().map(|(w, _)| *w).fold(0.0, f64::max);
        let mut values = vec![0.0; n];
        let mut total = 0.0;
        for (bit, (w, s)) in active.iter().enumerate() {
            let w = w / largest;
            let w = if mask & (1 << bit) != 0 {
                2.0 * w
            } else {
                0.5 * w
            };
            total += w;
            for (v, x) in values.iter_mut().zip(s) {
                *v += w * x;
            }
        }
        let mut sorted: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let top = crate::measures::largest(values.iter().copied()).unwrap();
        let nf = n as f64;
        let weighted: f64 = sorted
            .iter()
            .enumerate()
            .map(|(i, &(x, _))| (2.0 * (i as f64 + 1.0) - nf - 1.0) * x)
            .sum();
        Vertex {
            gini: Some((weighted / (nf * total)).clamp(0.0, 1.0 - 1.0 / nf)),
            top_share: values[top] / total,
            top,
        }
    }

    #[test]
    fn kept_partial_sums_give_the_same_bits_as_summing_afresh() {
        // Eight dimensions of 30 bodies with uneven, tied and zero shares
        // and uneven weights; every one of the 254 vertices bit for bit.
        let n = 30;
        let dims = Dimension::ALL;
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut shares = Vec::new();
        let mut active = Vec::new();
        let mut weights = WeightSet::default();
        for (j, d) in dims.iter().enumerate() {
            let mut raw: Vec<f64> = (0..n)
                .map(|i| match (j + i) % 7 {
                    0 => 0.0,
                    1 => 0.25,
                    _ => next(),
                })
                .collect();
            // Bodies 0 and 1 tie everywhere, and so do 28 and 29, which
            // hold the most at many vertices (a tie for the top).
            raw[1] = raw[0];
            raw[28] += 2.0;
            raw[29] = raw[28];
            let sum: f64 = raw.iter().sum();
            let s: Vec<f64> = raw.iter().map(|x| x / sum).collect();
            let w = 0.3 + 3.0 * next();
            weights = weights.with(*d, w);
            shares.push((*d, s.clone()));
            active.push((w, s));
        }
        let got = vertices(&shares, weights, n);
        let k = dims.len();
        assert_eq!(got.len(), (1 << k) - 2);
        let mut mask = 0usize;
        let mut seen = 0;
        let mut tops = std::collections::BTreeSet::new();
        for step in 1..1usize << k {
            mask ^= 1 << (k - 1 - step.trailing_zeros() as usize);
            if mask == (1 << k) - 1 {
                continue;
            }
            let want = afresh(&active, mask, n);
            let v = got[seen];
            assert_eq!(v.top, want.top, "mask {mask:b}");
            tops.insert(v.top);
            assert_eq!(
                v.top_share.to_bits(),
                want.top_share.to_bits(),
                "mask {mask:b}"
            );
            assert_eq!(
                v.gini.map(f64::to_bits),
                want.gini.map(f64::to_bits),
                "mask {mask:b}"
            );
            seen += 1;
        }
        assert_eq!(seen, got.len());
        // The tie for the top is met, and always goes to the first body.
        assert!(tops.contains(&28) && !tops.contains(&29), "{tops:?}");
    }

    #[test]
    fn many_bodies_use_the_full_sort() {
        // Above the insertion-sort size the result is the same.
        let n = INSERTION_SORT_MAX + 6;
        let a: Vec<f64> = (0..n).map(|i| (i + 1) as f64).collect();
        let b: Vec<f64> = (0..n).map(|i| (n - i) as f64).collect();
        let sum: f64 = a.iter().sum();
        let shares = vec![
            (Dimension::Resources, a.iter().map(|x| x / sum).collect()),
            (Dimension::Expertise, b.iter().map(|x| x / sum).collect()),
        ];
        for v in vertices(&shares, WeightSet::default(), n) {
            // Weights 2 and 0.5 (or the mirror): c(i) = (2 a_i + 0.5 b_i) / (2.5 sum).
            let c: Vec<f64> = (0..n)
                .map(|i| (2.0 * a[i] + 0.5 * b[i]) / (2.5 * sum))
                .collect();
            let ineq = inequality(&c);
            assert!((v.gini.unwrap() - ineq.gini.unwrap()).abs() < 1e-13);
            assert!((v.top_share - ineq.top_share.unwrap()).abs() < 1e-13);
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(range([]), None);
        assert_eq!(range([0.3, 0.1, 0.2]), Some([0.1, 0.3]));
    }
}
