//! Shapley-Shubik for one weighted clause at any size, by exact quadrature.
//!
//! Owen's multilinear extension turns the index into a one-dimensional
//! integral. Let every other player join independently with probability p,
//! and let g_i(p) be the probability that their weight lands in
//! [q - w_i, q), so that i is pivotal. Then
//!
//! SS_i = ∫₀¹ g_i(p) dp,
//!
//! because ∫₀¹ p^s (1-p)^(n-1-s) dp = s! (n-1-s)! / n!, the Shapley-Shubik
//! weight of a coalition of s others. g_i is a polynomial of degree n - 1 in
//! p, so Gauss-Legendre quadrature with ceil(n/2) nodes integrates it
//! *exactly*: the only errors are floating-point rounding. At each node the
//! weight distribution of all players is one pass of
//! c ← (1-p)·c + p·x^w·c per player over the weights below q (a product of
//! probabilities: every term is non-negative, so the relative error of each
//! entry stays below 3n·2^-53), and each distinct weight's
//! g_i comes from dividing one factor back out, `(c[k] - p·c₋ᵢ[k-w]) / (1-p)`,
//! which is stable for p ≤ 1/2 (errors shrink by p/(1-p) ≤ 1 per step). A
//! node with p > 1/2 is evaluated in the dual form g_i(p; q) =
//! g_i(1 - p; T - q + 1) (the others' *absent* weight), so every division
//! runs with a probability ≤ 1/2.
//!
//! **Error bound.** With u = 2^-53, the division's absolute error at a node
//! is at most 2·3n·u times the total probability mass (≤ 1), so each SS_i is
//! within 6n·u + (quadrature rounding, ≈ 10u) of the exact value: below
//! 7e-13 at n = 1,000. Against exact rational arithmetic on the benchmark
//! games the observed error is below 1e-15 (`bench/reference.py`).
//!
//! **Skipped nodes.** Far from p* ≈ q/T the integrand is astronomically
//! small. A Chernoff bound on the total weight S of a random coalition,
//! B(p) = min(P(S ≥ q - w_max), P(S ≤ q - 1 + w_max)), bounds g_i(p) for every
//! i; nodes whose weight times B(p) is below 1e-17 / (number of nodes) are
//! not evaluated, which adds at most 1e-17 to the error and, at n = 1,000,
//! skips about three quarters of the nodes.
//!
//! Nodes are independent and evaluated on all cores; the per-node results
//! are summed in node order, so the output does not depend on the number of
//! threads.

use super::EngineOptions;
use super::weighted::Game;

/// Shapley-Shubik index of one player of each class of `game`, or `None`
/// if the quadrature would exceed `options.limits.work` table updates.
pub(crate) fn weighted(game: &Game, options: &EngineOptions) -> Option<Vec<f64>> {
    let split = Split::of(game);
    let Some(rest) = &split.rest else {
        return Some(split.assemble(game, &[]));
    };
    let plan = Plan::new(rest, split.required);
    if plan.cost() > options.limits.work {
        return None;
    }
    Some(split.assemble(game, &plan.run(options.limits.memory)))
}

/// Table updates the quadrature would take for `game`.
pub(crate) fn cost(game: &Game) -> u64 {
    let split = Split::of(game);
    split
        .rest
        .as_ref()
        .map_or(0, |rest| Plan::new(rest, split.required).cost())
}

/// The players every winning coalition needs (veto players: a class d with
/// T - w_d < q), set apart. A veto folded into the weighted vote
/// ([`fold`](super::fold)) weighs about T/2 more than its seats, so the
/// table over the quota would be long at every node with p <= 1/2; but
/// with R the v required players (weight W_R) and the others' game G' =
/// [q - W_R; the rest]:
///
/// - a player i outside R is pivotal iff all of R is in (probability p^v)
///   and i is pivotal in G': g_i(p) = p^v · g'_i(p), still a polynomial of
///   degree n - 1, so the same quadrature is exact;
/// - every member of R has the same g_r(p) = p^(v-1) · P(G' reaches its
///   quota), whatever its weight, so by efficiency (the indices sum to 1)
///   each has (1 - sum of the others' indices) / v.
struct Split {
    /// Classes of `game` that are required (a prefix: the heaviest).
    classes: usize,
    /// Players in them (v).
    required: i32,
    /// G', or `None` when nobody outside R matters (q - W_R <= 0, or no
    /// one is left): then every member of R has 1/v.
    rest: Option<Game>,
}

impl Split {
    fn of(game: &Game) -> Self {
        let (classes, required, rest) = game.set_apart_required();
        Split {
            classes,
            required: i32::try_from(required).unwrap_or(i32::MAX),
            rest,
        }
    }

    /// The index of one player of each class of `game`, from `rest`, the
    /// indices of the classes of G'.
    fn assemble(&self, game: &Game, rest: &[f64]) -> Vec<f64> {
        if self.classes == 0 {
            return rest.to_vec();
        }
        let mut out = vec![0.0; game.weights.len()];
        out[self.classes..][..rest.len()].copy_from_slice(rest);
        let others: f64 = rest
            .iter()
            .zip(&game.counts[self.classes..])
            .map(|(x, &m)| x * m as f64)
            .sum();
        let each = ((1.0 - others) / f64::from(self.required)).clamp(0.0, 1.0);
        out[..self.classes].fill(each);
        out
    }
}

/// The nodes to evaluate and the game.
struct Plan<'a> {
    game: &'a Game,
    /// Required players set apart ([`Split`]): every g_i is multiplied by
    /// p^lift.
    lift: i32,
    /// (p, weight) of the nodes that are evaluated.
    nodes: Vec<(f64, f64)>,
}

impl<'a> Plan<'a> {
    fn new(game: &'a Game, lift: i32) -> Self {
        // g_i has degree n - 1 over all n players, the lifted ones too.
        let n = game.players() + usize::try_from(lift).unwrap_or(0);
        let count = n.div_ceil(2).max(1);
        // Approximate node positions, increasing in p, to choose the range.
        let guess = |k: usize| {
            // Node k of `count`, counted from x = -1.
            let x = -(std::f64::consts::PI * (k as f64 + 0.75) / (count as f64 + 0.5)).cos();
            (1.0 + x) / 2.0
        };
        // Small games: evaluate every node (cheaper than the bounds).
        let len = game.quota.min(game.total - game.quota + 1);
        if (count as u64).saturating_mul(n as u64).saturating_mul(len) < 2_000_000 {
            let nodes = (0..count).map(|k| node(count, k)).collect();
            return Plan { game, lift, nodes };
        }
        let threshold = 1e-17 / count as f64 / max_weight(count);
        if lift > 0 {
            // p^lift · B(p) need not peak near q/T: test every node (any
            // node whose bound is below the threshold may be skipped).
            let nodes = (0..count)
                .map(|k| node(count, k))
                .filter(|&(p, _)| p.powi(lift) * chernoff(game, p) >= threshold)
                .collect();
            return Plan { game, lift, nodes };
        }
        let bound = |k: usize| chernoff(game, guess(k));
        let centre = (0..count)
            .min_by(|&a, &b| {
                let t = game.quota as f64 / game.total as f64;
                (guess(a) - t).abs().total_cmp(&(guess(b) - t).abs())
            })
            .unwrap_or(0);
        // B rises up to the centre and falls after it.
        let first = partition(0, centre, |k| bound(k) < threshold);
        let last = partition(centre + 1, count, |k| bound(k) >= threshold);
        let nodes = (first..last).map(|k| node(count, k)).collect();
        Plan { game, lift, nodes }
    }

    fn cost(&self) -> u64 {
        let g = self.game;
        let per = (g.players() + g.weights.len()) as u64;
        self.nodes
            .iter()
            .map(|&(p, _)| per * table_len(g, p) as u64)
            .sum()
    }

    /// Evaluate the nodes, on as many threads as the cores and `memory`
    /// allow: each thread holds two tables of f64 of the node's length (a
    /// board of 36 bodies of a million seats needs 288 MB a thread, so on
    /// 16 cores the quadrature alone once took gigabytes).
    fn run(&self, memory: u64) -> Vec<f64> {
        let longest = self
            .nodes
            .iter()
            .map(|&(p, _)| table_len(self.game, p) as u64)
            .max()
            .unwrap_or(0);
        let per_thread = longest.saturating_mul(16).max(1);
        // Threads only pay off for more than a few milliseconds of work.
        let threads = if self.cost() < 5_000_000 {
            1
        } else {
            std::thread::available_parallelism()
                .map_or(1, usize::from)
                .min(self.nodes.len())
                .min(usize::try_from(memory / per_thread).unwrap_or(usize::MAX))
                .max(1)
        };
        let mut values: Vec<Vec<f64>> = vec![Vec::new(); self.nodes.len()];
        std::thread::scope(|s| {
            let chunks: Vec<_> = values
                .chunks_mut(self.nodes.len().div_ceil(threads).max(1))
                .zip(self.nodes.chunks(self.nodes.len().div_ceil(threads).max(1)))
                .map(|(out, nodes)| {
                    s.spawn(move || {
                        for (o, &(p, _)) in out.iter_mut().zip(nodes) {
                            *o = pivotal(self.game, p);
                            if self.lift > 0 {
                                let f = p.powi(self.lift);
                                o.iter_mut().for_each(|x| *x *= f);
                            }
                        }
                    })
                })
                .collect();
            for c in chunks {
                // A panic in a worker is a bug; re-raise it here.
                if let Err(e) = c.join() {
                    std::panic::resume_unwind(e);
                }
            }
        });
        let mut ss = vec![0.0; self.game.weights.len()];
        for (v, &(_, w)) in values.iter().zip(&self.nodes) {
            for (s, g) in ss.iter_mut().zip(v) {
                *s += w * g;
            }
        }
        ss
    }
}

/// Smallest k in [lo, hi) with `pred(k)` false... i.e. the first index at
/// which a predicate that is true then false turns false (hi if never).
fn partition(mut lo: usize, mut hi: usize, pred: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Largest Gauss-Legendre weight on [0, 1] for `count` nodes (at most π/count
/// + a little; 1 for one node).
fn max_weight(count: usize) -> f64 {
    (std::f64::consts::PI / count as f64).min(1.0)
}

/// Length of the table evaluated at node p: the quota, or the dual quota
/// when p > 1/2.
fn table_len(g: &Game, p: f64) -> usize {
    let q = if p <= 0.5 {
        g.quota
    } else {
        g.total - g.quota + 1
    };
    q as usize
}

/// g_i(p) for one player of each class.
fn pivotal(g: &Game, p: f64) -> Vec<f64> {
    let (q, p) = if p <= 0.5 {
        (g.quota as usize, p)
    } else {
        ((g.total - g.quota + 1) as usize, 1.0 - p)
    };
    let a = 1.0 - p;
    let mut c = vec![0.0; q];
    c[0] = 1.0;
    let mut reach: usize = 1; // entries at or above `reach` are still zero
    for (&w, &m) in g.weights.iter().zip(&g.counts) {
        let w = usize::try_from(w).unwrap_or(usize::MAX);
        for _ in 0..m {
            reach = reach.saturating_add(w).min(q);
            step(&mut c[..reach], w, a, p);
        }
    }
    let mut out = vec![0.0; q];
    g.weights
        .iter()
        .map(|&w| {
            let w = usize::try_from(w).unwrap_or(usize::MAX);
            let inv = 1.0 / a;
            for k in 0..q {
                let back = if k >= w { p * out[k - w] } else { 0.0 };
                out[k] = (c[k] - back) * inv;
            }
            out[q.saturating_sub(w)..].iter().sum::<f64>().max(0.0)
        })
        .collect()
}

/// c ← a·c + b·x^w·c over the entries of `c`, in place, in blocks whose
/// sources are all below the block (so still old). Entries below 1e-290 are
/// flushed to zero: they can only shrink further, and subnormal arithmetic
/// is slow; the absolute error this adds is below 1e-286 per pass.
fn step(c: &mut [f64], w: usize, a: f64, b: f64) {
    let len = c.len();
    let mut hi = len;
    while hi > w {
        let lo = (hi - w).max(w);
        let (left, right) = c.split_at_mut(lo);
        for (d, s) in right[..hi - lo].iter_mut().zip(&left[lo - w..hi - w]) {
            let v = a * *d + b * *s;
            *d = if v < 1e-290 { 0.0 } else { v };
        }
        hi = lo;
    }
    for d in &mut c[..w.min(len)] {
        *d *= a;
    }
}

/// Node k (increasing p) of the `count`-point Gauss-Legendre rule on [0, 1],
/// as (p, weight), by Newton's method on the Legendre recurrence.
pub(crate) fn node(count: usize, k: usize) -> (f64, f64) {
    let n = count as f64;
    let mut x = -(std::f64::consts::PI * (k as f64 + 0.75) / (n + 0.5)).cos();
    let mut dp = 1.0;
    for _ in 0..30 {
        let (p, d) = legendre(count, x);
        dp = d;
        let dx = p / d;
        x -= dx;
        if dx.abs() <= 1e-15 {
            break;
        }
    }
    let (_, d) = legendre(count, x);
    if d.is_finite() {
        dp = d;
    }
    let weight = 2.0 / ((1.0 - x * x) * dp * dp);
    ((1.0 + x) / 2.0, weight / 2.0)
}

/// P_n(x) and P_n'(x).
fn legendre(n: usize, x: f64) -> (f64, f64) {
    let (mut p0, mut p1) = (1.0, x);
    if n == 0 {
        return (1.0, 0.0);
    }
    for j in 2..=n {
        let j = j as f64;
        let p2 = ((2.0 * j - 1.0) * x * p1 - (j - 1.0) * p0) / j;
        p0 = p1;
        p1 = p2;
    }
    let d = n as f64 * (x * p1 - p0) / (x * x - 1.0);
    (p1, d)
}

/// Chernoff bound on the probability that some player is pivotal at p:
/// min(P(S ≥ q - w_max), P(S ≤ q - 1 + w_max)) for the total weight S of a
/// coalition in which each player is present with probability p.
fn chernoff(g: &Game, p: f64) -> f64 {
    let wmax = g.weights.first().copied().unwrap_or(0) as f64;
    let q = g.quota as f64;
    let upper = tail(g, p, q - wmax, 1.0);
    let lower = tail(g, p, q - 1.0 + wmax, -1.0);
    upper.min(lower)
}

/// Chernoff bound on P(S ≥ a) (`sign` = 1) or P(S ≤ a) (`sign` = -1):
/// min over t ≥ 0 of exp(-sign·t·a) E[exp(sign·t·S)]. Any t gives a valid
/// bound, so an approximate minimiser is safe.
fn tail(g: &Game, p: f64, a: f64, sign: f64) -> f64 {
    if p <= 0.0 || p >= 1.0 {
        return 1.0;
    }
    let log_bound = |t: f64| {
        let mut l = -sign * t * a;
        for (&w, &m) in g.weights.iter().zip(&g.counts) {
            let x = sign * t * w as f64;
            // ln(1 - p + p e^x), stably for large |x|.
            let term = if x > 0.0 {
                x + (p + (1.0 - p) * (-x).exp()).ln()
            } else {
                (1.0 - p + p * x.exp()).ln()
            };
            l += m as f64 * term;
        }
        l
    };
    let wmin = g.weights.last().copied().unwrap_or(1).max(1) as f64;
    // Golden-section search on the convex log bound; 60 steps shrink the
    // bracket by 0.618^60 ≈ 3e-13.
    let phi = (5f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (0.0, 700.0 / wmin);
    let mut x1 = hi - phi * (hi - lo);
    let mut x2 = lo + phi * (hi - lo);
    let (mut f1, mut f2) = (log_bound(x1), log_bound(x2));
    for _ in 0..60 {
        if f1 < f2 {
            hi = x2;
            (x2, f2) = (x1, f1);
            x1 = hi - phi * (hi - lo);
            f1 = log_bound(x1);
        } else {
            lo = x1;
            (x1, f1) = (x2, f2);
            x2 = lo + phi * (hi - lo);
            f2 = log_bound(x2);
        }
    }
    f1.min(f2).min(log_bound(0.0)).min(0.0).exp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::weighted::reduce;
    use crate::measures::voting::{Clause, EngineOptions, enumerate, weighted};
    use proptest::prelude::*;

    #[test]
    fn gauss_legendre_integrates_polynomials_exactly() {
        // ∫₀¹ p^s (1-p)^(m-s) dp = s!(m-s)!/(m+1)! with ceil((m+1)/2) nodes.
        for count in [1usize, 2, 5, 50, 500] {
            let m = 2 * count - 1;
            let nodes: Vec<_> = (0..count).map(|k| node(count, k)).collect();
            let total: f64 = nodes.iter().map(|n| n.1).sum();
            assert!(
                (total - 1.0).abs() < 1e-13,
                "{count}: weights sum to {total}"
            );
            let s = m / 3;
            let got: f64 = nodes
                .iter()
                .map(|&(p, w)| w * p.powi(s as i32) * (1.0 - p).powi((m - s) as i32))
                .sum();
            // Beta(s+1, m-s+1) via logs of factorials.
            let lf = |x: usize| (1..=x).map(|i| (i as f64).ln()).sum::<f64>();
            let want = (lf(s) + lf(m - s) - lf(m + 1)).exp();
            assert!(
                ((got - want) / want).abs() < 1e-10,
                "{count}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn chernoff_bounds_are_bounds() {
        // 40 players of weight 1, quota 21: at p = 0.05 the chance that 20
        // or more join is about 1e-16, and the bound is above it and small.
        let (g, _) = reduce(&Clause::new(vec![1; 40], 21));
        let b = chernoff(&g, 0.05);
        assert!(b > 1e-17 && b < 1e-10, "{b}");
        assert!(chernoff(&g, 0.5) > 0.99, "no bound near the mean");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn agrees_with_enumeration(
            w in prop::collection::vec(1u64..=12, 1..=12),
            raw in 0u64..1000,
        ) {
            let total: u64 = w.iter().sum();
            let q = raw % total + 1;
            let rule = weighted(&w, q);
            let want = enumerate::power(&rule, &EngineOptions::default());
            let (game, class) = reduce(&rule.clauses[0]);
            let ss = super::weighted(&game, &EngineOptions::default()).unwrap();
            for (i, pp) in want.players.iter().enumerate() {
                let got = ss[class[i].unwrap()];
                let want = pp.indices.shapley_shubik.unwrap();
                prop_assert!((got - want).abs() < 1e-14, "player {}: {} vs {}", i, got, want);
            }
        }
    }
}
