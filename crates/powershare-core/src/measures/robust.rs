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
//! per vertex, n x d multiplications for the composite and one sort of n
//! values for the Gini (an insertion sort from the previous vertex's order,
//! which is nearly sorted, for up to [`INSERTION_SORT_MAX`] bodies).
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
/// own (see the module documentation), in Gray-code order of the
/// dimensions of positive weight; empty when there is no composite or only
/// one dimension of positive weight.
///
/// `shares` are the per-dimension shares of `n` bodies (each summing to 1),
/// `weights` the weights the composite is computed with.
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
    let mut out = Vec::with_capacity((1 << k) - 2);
    let mut values = vec![0.0; n];
    let mut order: Vec<usize> = (0..n).collect();
    // Gray code: consecutive vertices differ in one weight, so the order of
    // the bodies changes little and the insertion sort is short.
    for step in 1..1usize << k {
        let mask = step ^ (step >> 1);
        if mask == (1 << k) - 1 {
            continue;
        }
        values.iter_mut().for_each(|v| *v = 0.0);
        let mut total = 0.0;
        for (bit, (w, s)) in active.iter().enumerate() {
            let w = if mask & (1 << bit) != 0 {
                2.0 * w
            } else {
                0.5 * w
            };
            total += w;
            for (v, x) in values.iter_mut().zip(s.iter()) {
                *v += w * x;
            }
        }
        sort_by_value(&mut order, &values);
        let top = super::largest(values.iter().copied()).unwrap_or(0);
        out.push(Vertex {
            gini: gini_sorted(&order, &values, total),
            top_share: values[top] / total,
            top,
        });
    }
    out
}

/// Sort `order` by `values`, ascending.
fn sort_by_value(order: &mut [usize], values: &[f64]) {
    if order.len() > INSERTION_SORT_MAX {
        order.sort_unstable_by(|&a, &b| values[a].total_cmp(&values[b]));
        return;
    }
    for j in 1..order.len() {
        let mut k = j;
        while k > 0 && values[order[k - 1]] > values[order[k]] {
            order.swap(k - 1, k);
            k -= 1;
        }
    }
}

/// The Gini of `values` visited in ascending `order`, with `total` their
/// sum: sum_i (2i - n - 1) x_(i) / (n total) (1-based ranks), the formula of
/// [`crate::measures::inequality`].
fn gini_sorted(order: &[usize], values: &[f64], total: f64) -> Option<f64> {
    let n = order.len();
    if n < 2 || total <= 0.0 {
        return None;
    }
    let nf = n as f64;
    let weighted: f64 = order
        .iter()
        .enumerate()
        .map(|(i, &b)| (2.0 * (i as f64 + 1.0) - nf - 1.0) * values[b])
        .sum();
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
        // Masks of 3 bits but 000 and 111, in Gray-code order.
        let masks: Vec<usize> = (1..8usize)
            .map(|s| s ^ (s >> 1))
            .filter(|&m| m != 7)
            .collect();
        assert_eq!(masks.len(), 6);
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
