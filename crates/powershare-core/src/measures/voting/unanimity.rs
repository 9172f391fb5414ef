//! Unanimity: only the grand coalition wins, in closed form.
//!
//! A rule is unanimous when some clause needs every player: each has a
//! positive weight in it and its quota is its total. Then the only winning
//! coalition is N, every player is critical in it and nowhere else, and
//! every index follows by hand (n players):
//!
//! - |W| = |M| = 1, eta_i = 1, so Banzhaf = Holler = Deegan-Packel =
//!   Johnston = 1/n;
//! - absolute Banzhaf = 1/2^(n-1); Coleman to prevent = eta_i/|W| = 1, to
//!   initiate = eta_i/(2^n - 1);
//! - Shapley-Shubik: the last player of every ordering is the pivot, so
//!   1/n;
//! - every player is a veto player; the single player of a one-player rule
//!   is also a dictator.
//!
//! A board on which every body has a veto is such a rule; the general
//! methods would spend seconds on it at a thousand bodies (the tables over
//! weight and size grow with n²·T), for an answer known in advance.

use num_bigint::BigUint;

use super::{Method, PlayerPower, PowerIndices, Rule, VotingPower, veto_and_dictator};

/// Whether some clause of `rule` (valid) needs every player.
pub(super) fn is_unanimous(rule: &Rule) -> bool {
    rule.clauses
        .iter()
        .any(|c| c.quota > 0 && c.weights.iter().all(|&w| w > 0) && c.total() == Some(c.quota))
}

/// The power of every player of a unanimous `rule` (see the module docs).
pub(super) fn power(rule: &Rule) -> VotingPower {
    let n = rule.players;
    let nf = n as f64;
    let one = BigUint::from(1u8);
    // 2^-(n-1) and 1/(2^n - 1), which is 2^-n to within f64 precision
    // from n = 53; both underflow to 0 beyond about 1,075 players.
    let half_powers = |k: usize| 0.5f64.powi(i32::try_from(k).unwrap_or(i32::MAX));
    let initiate = if n < 53 {
        1.0 / ((1u64 << n) - 1) as f64
    } else {
        half_powers(n)
    };
    let players = (0..n)
        .map(|i| {
            let (veto, dictator) = veto_and_dictator(rule, i);
            PlayerPower {
                swings: Some(one.clone()),
                indices: PowerIndices {
                    banzhaf: Some(1.0 / nf),
                    banzhaf_absolute: Some(half_powers(n - 1)),
                    shapley_shubik: Some(1.0 / nf),
                    holler: Some(1.0 / nf),
                    deegan_packel: Some(1.0 / nf),
                    johnston: Some(1.0 / nf),
                    coleman_prevent: Some(1.0),
                    coleman_initiate: Some(initiate),
                },
                dictator,
                veto,
                dummy: false,
                standard_errors: None,
            }
        })
        .collect();
    VotingPower {
        players,
        winning_coalitions: Some(one.clone()),
        minimal_winning_coalitions: Some(one),
        total_swings: Some(BigUint::from(n)),
        every_coalition_wins: false,
        method: Method::ClosedForm,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{Clause, EngineOptions, enumerate};

    #[test]
    fn agrees_with_enumeration() {
        // Unanimity of seats [3, 1, 2] (quota 6), and of vetoes for all
        // four players next to a majority: enumeration is the oracle.
        for rule in [
            Rule::new(3, vec![Clause::new(vec![3, 1, 2], 6)]),
            Rule::new(
                4,
                vec![Clause::new(vec![1, 2, 3, 4], 6), Clause::count(4, 4)],
            ),
            Rule::new(1, vec![Clause::new(vec![2], 2)]),
        ] {
            assert!(is_unanimous(&rule));
            let exact = enumerate::power(&rule, &EngineOptions::default());
            let closed = power(&rule);
            assert_eq!(closed.winning_coalitions, exact.winning_coalitions);
            assert_eq!(closed.total_swings, exact.total_swings);
            for (c, e) in closed.players.iter().zip(&exact.players) {
                assert_eq!(c.swings, e.swings);
                assert_eq!((c.veto, c.dictator, c.dummy), (e.veto, e.dictator, e.dummy));
                for (a, b) in c.indices.values().into_iter().zip(e.indices.values()) {
                    let (a, b) = (a.unwrap(), b.unwrap());
                    assert!((a - b).abs() <= 1e-15, "{a} vs {b}");
                }
            }
        }
        // Not unanimous: a player of weight 0, or a quota below the total.
        assert!(!is_unanimous(&Rule::new(
            2,
            vec![Clause::new(vec![1, 0], 1)]
        )));
        assert!(!is_unanimous(&Rule::new(
            2,
            vec![Clause::new(vec![1, 1], 1)]
        )));
    }
}
