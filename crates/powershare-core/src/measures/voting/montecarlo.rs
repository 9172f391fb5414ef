//! Monte Carlo estimates, when no exact method fits the limits.
//!
//! - **Banzhaf**: draw coalitions uniformly (each player in with probability
//!   1/2); for each, every player whose switch would change the outcome is
//!   critical there. The share of draws in which i is critical estimates the
//!   absolute Banzhaf index, with standard error sqrt(b(1-b)/N); the
//!   normalised index is the ratio of i's count to all counts, with the
//!   delta-method standard error.
//! - **Shapley-Shubik**: draw orderings uniformly; the player whose arrival
//!   makes the coalition win is pivotal. Its share of draws estimates SS_i,
//!   standard error sqrt(s(1-s)/N).
//! - Counts, Coleman, Holler, Deegan-Packel and Johnston are `null` with a
//!   note; veto and dictator flags are exact (they need two coalitions
//!   each); a dummy is flagged only when it has weight 0 in every clause.
//!
//! The random stream is [`SplitMix64`] from [`EngineOptions::seed`], written out
//! in `measures/random.rs` rather than taken from a crate because the output must stay the same
//! bytes for the same input across releases, and general-purpose crates do
//! not promise a stable stream for their fast generators.

use super::{
    EngineOptions, Method, PlayerPower, PowerIndices, Rule, StandardErrors, VotingPower,
    veto_and_dictator,
};
use crate::measures::random::SplitMix64;

/// Estimates for `rule` (valid, with a binding clause) from
/// `options.samples` coalitions and as many orderings.
pub fn power(rule: &Rule, options: &EngineOptions) -> VotingPower {
    let n = rule.players;
    let samples = options.samples.max(2);
    let clauses: Vec<_> = rule.clauses.iter().filter(|c| c.quota > 0).collect();
    let k = clauses.len();
    // Player-major weights.
    let weights: Vec<u64> = (0..n)
        .flat_map(|i| clauses.iter().map(move |c| c.weights[i]))
        .collect();
    let quotas: Vec<u64> = clauses.iter().map(|c| c.quota).collect();
    let mut rng = SplitMix64(options.seed);

    // Banzhaf.
    let mut critical = vec![0u64; n];
    let mut cross = vec![0u64; n]; // sum over draws of x_i * y
    let mut y_sum = 0u64;
    let mut y_sq = 0u64;
    let mut members = vec![false; n];
    let mut sums = vec![0u64; k];
    for _ in 0..samples {
        sums.fill(0);
        for chunk in 0..n.div_ceil(64) {
            let bits = rng.next_u64();
            for j in 0..64.min(n - chunk * 64) {
                let i = chunk * 64 + j;
                members[i] = bits >> j & 1 == 1;
                if members[i] {
                    for (s, &w) in sums.iter_mut().zip(&weights[i * k..][..k]) {
                        *s += w;
                    }
                }
            }
        }
        let wins = sums.iter().zip(&quotas).all(|(s, q)| s >= q);
        let mut y = 0u64;
        let mut mark = Vec::new();
        for i in 0..n {
            let w = &weights[i * k..][..k];
            let flipped = sums
                .iter()
                .zip(w)
                .zip(&quotas)
                .all(|((&s, &w), &q)| if members[i] { s - w >= q } else { s + w >= q });
            if flipped != wins {
                y += 1;
                mark.push(i);
            }
        }
        for &i in &mark {
            critical[i] += 1;
            cross[i] += y;
        }
        y_sum += y;
        y_sq += y * y;
    }

    // Shapley-Shubik.
    let mut pivots = vec![0u64; n];
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..samples {
        for i in (1..n).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        sums.fill(0);
        for &i in &order {
            for (s, &w) in sums.iter_mut().zip(&weights[i * k..][..k]) {
                *s += w;
            }
            if sums.iter().zip(&quotas).all(|(s, q)| s >= q) {
                pivots[i] += 1;
                break;
            }
        }
    }

    let nf = samples as f64;
    let y_mean = y_sum as f64 / nf;
    let players = (0..n)
        .map(|i| {
            let b = critical[i] as f64 / nf;
            let s = pivots[i] as f64 / nf;
            let (veto, dictator) = veto_and_dictator(rule, i);
            let (banzhaf, banzhaf_se) = if y_sum > 0 {
                let r = critical[i] as f64 / y_sum as f64;
                // Var(x - r y) per draw, with x in {0, 1} so x^2 = x.
                let var =
                    (critical[i] as f64 - 2.0 * r * cross[i] as f64 + r * r * y_sq as f64) / nf;
                (Some(r), Some((var.max(0.0) / nf).sqrt() / y_mean))
            } else {
                (None, None)
            };
            PlayerPower {
                swings: None,
                indices: PowerIndices {
                    banzhaf,
                    banzhaf_absolute: Some(b),
                    shapley_shubik: Some(s),
                    holler: None,
                    deegan_packel: None,
                    johnston: None,
                    coleman_prevent: None,
                    coleman_initiate: None,
                },
                dictator,
                veto,
                dummy: rule.clauses.iter().all(|c| c.weights[i] == 0),
                standard_errors: Some(StandardErrors {
                    banzhaf: banzhaf_se,
                    banzhaf_absolute: Some((b * (1.0 - b) / nf).sqrt()),
                    shapley_shubik: Some((s * (1.0 - s) / nf).sqrt()),
                }),
            }
        })
        .collect();
    VotingPower {
        players,
        winning_coalitions: None,
        minimal_winning_coalitions: None,
        total_swings: None,
        every_coalition_wins: false,
        method: Method::MonteCarlo,
        notes: vec![format!(
            "Monte Carlo estimates from {samples} random coalitions and {samples} random orderings (seed {}): no exact method fits this rule's size; Banzhaf and Shapley-Shubik are estimates, with standard errors in `powershare power`; Coleman, Holler, Deegan-Packel and Johnston are not computed, and only players with no weight at all are flagged as dummies.",
            options.seed
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{Clause, enumerate};

    #[test]
    fn estimates_are_within_four_standard_errors() {
        // Seats [5; 3,2,2,1] with a veto for A (see enumerate.rs): exact
        // Penrose 6/8, 2/8, 2/8, 0 and SS 2/3, 1/6, 1/6, 0.
        let rule = Rule::new(
            4,
            vec![Clause::new(vec![3, 2, 2, 1], 5), Clause::veto(4, 0)],
        );
        let exact = enumerate::power(&rule, &EngineOptions::default());
        let est = power(&rule, &EngineOptions::default());
        for (e, x) in est.players.iter().zip(&exact.players) {
            let se = e.standard_errors.as_ref().unwrap();
            for (got, want, se) in [
                (
                    e.indices.banzhaf_absolute,
                    x.indices.banzhaf_absolute,
                    se.banzhaf_absolute,
                ),
                (
                    e.indices.shapley_shubik,
                    x.indices.shapley_shubik,
                    se.shapley_shubik,
                ),
                (e.indices.banzhaf, x.indices.banzhaf, se.banzhaf),
            ] {
                let (got, want, se) = (got.unwrap(), want.unwrap(), se.unwrap());
                assert!(
                    (got - want).abs() <= 4.0 * se + 1e-12,
                    "{got} vs {want} (se {se})"
                );
            }
            assert_eq!((e.veto, e.dictator), (x.veto, x.dictator));
        }
    }
}
