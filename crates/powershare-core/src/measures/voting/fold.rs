//! Folding the clauses that need all their weight into one weighted clause.
//!
//! A clause whose quota is its total (a veto body's clause, or the one
//! clause the veto bodies share) holds exactly when every player with a
//! positive weight in it is present. Call those players *required* (R).
//! A rule made of such clauses and at most one other clause [q; w] (total
//! T) is a single weighted clause: give each required player r the extra
//! weight
//!
//! X_r = max(0, T - w_r - q + 1)
//!
//! and raise the quota to q' = q + sum_r X_r. A coalition holding all of R
//! has w'(S) = w(S) + sum X, which reaches q' iff w(S) >= q. A coalition
//! missing r has at most T - w_r + sum X - X_r < q + sum X = q'. So the two
//! rules let exactly the same coalitions win, and every index of the rule
//! is computed by the single-clause method ([`mod@super::weighted`]) at any
//! size: a veto no longer sends a board to enumeration or to the capped
//! sums.
//!
//! The dual quota T' - q' + 1 = T - q + 1 is unchanged, so the swing counts
//! cost what they did without the vetoes; the tables indexed by the quota
//! itself (minimal winning coalitions, Deegan-Packel and Johnston) grow
//! with q', and stay within the engine's limits or are `null` with a note.

use super::Clause;

/// The single clause equivalent to the conjunction of `binding` (clauses
/// with a positive quota, of a valid rule over `players` players), or
/// `None` when two or more of them do not need all their weight, or when
/// the folded weights would not fit in a `u64`.
pub(crate) fn one_clause(players: usize, binding: &[&Clause]) -> Option<Clause> {
    let mut required = vec![false; players];
    let mut main: Option<&Clause> = None;
    for &c in binding {
        if c.total() == Some(c.quota) {
            for (r, &w) in required.iter_mut().zip(&c.weights) {
                *r |= w > 0;
            }
        } else if main.replace(c).is_some() {
            return None;
        }
    }
    let Some(main) = main else {
        // Only required players: the rule is "all of R".
        let weights: Vec<u64> = required.iter().map(|&r| u64::from(r)).collect();
        let quota = weights.iter().sum();
        return Some(Clause::new(weights, quota));
    };
    let total = main.total()?;
    let mut weights = main.weights.clone();
    let mut quota = main.quota;
    for (w, _) in weights.iter_mut().zip(&required).filter(|(_, r)| **r) {
        let extra = (total - *w + 1).saturating_sub(main.quota);
        *w = w.checked_add(extra)?;
        quota = quota.checked_add(extra)?;
    }
    // The folded total must fit too (the weighted method sums it).
    weights
        .iter()
        .try_fold(0u64, |acc, &w| acc.checked_add(w))?;
    Some(Clause::new(weights, quota))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::voting::{EngineOptions, Index, Rule, enumerate, weighted};
    use proptest::prelude::*;

    #[test]
    fn a_veto_raises_its_weight_and_the_quota() {
        // Seats [2, 1, 1, 1], majority 3 of 5, player 3 with a veto:
        // X_3 = 5 - 1 - 3 + 1 = 2, so [5; 2, 1, 1, 3].
        let seats = Clause::new(vec![2, 1, 1, 1], 3);
        let veto = Clause::veto(4, 3);
        let folded = one_clause(4, &[&seats, &veto]).unwrap();
        assert_eq!(folded, Clause::new(vec![2, 1, 1, 3], 5));
    }

    #[test]
    fn two_ordinary_clauses_do_not_fold() {
        let seats = Clause::new(vec![2, 1, 1], 2);
        let count = Clause::count(3, 2);
        assert_eq!(one_clause(3, &[&seats, &count]), None);
    }

    #[test]
    fn only_required_players_is_their_unanimity() {
        let a = Clause::veto(3, 0);
        let b = Clause::veto(3, 2);
        assert_eq!(
            one_clause(3, &[&a, &b]),
            Some(Clause::new(vec![1, 0, 1], 2))
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// The folded clause lets exactly the coalitions win that the rule
        /// does (every coalition checked).
        #[test]
        fn same_winning_coalitions(
            w in prop::collection::vec(0u64..=6, 1..=9),
            raw in 0u64..1000,
            vetoes in prop::collection::vec(any::<bool>(), 9),
            shared in any::<bool>(),
        ) {
            let n = w.len();
            let total: u64 = w.iter().sum();
            prop_assume!(total > 0);
            let main = Clause::new(w.clone(), raw % total + 1);
            let mut clauses = vec![main];
            let v: Vec<u64> = vetoes[..n].iter().map(|&b| u64::from(b)).collect();
            if shared {
                let count = v.iter().sum();
                if count > 0 {
                    clauses.push(Clause::new(v, count));
                }
            } else {
                for (i, _) in v.iter().enumerate().filter(|(_, x)| **x == 1) {
                    clauses.push(Clause::veto(n, i));
                }
            }
            let rule = Rule::new(n, clauses);
            let binding: Vec<&Clause> = rule.clauses.iter().collect();
            let folded = Rule::new(n, vec![one_clause(n, &binding).unwrap()]);
            for s in 0..1u64 << n {
                prop_assert_eq!(rule.wins(s), folded.wins(s), "coalition {:b}", s);
            }
            // And the single-clause method on the folded clause gives what
            // enumerating the rule gives (Shapley-Shubik sets the vetoes
            // apart, see shapley.rs).
            let options = EngineOptions::default();
            let want = enumerate::power(&rule, &options);
            let got = weighted::power(&folded.clauses[0], &options).unwrap();
            prop_assert_eq!(&got.winning_coalitions, &want.winning_coalitions);
            prop_assert_eq!(&got.minimal_winning_coalitions, &want.minimal_winning_coalitions);
            for (g, w) in got.players.iter().zip(&want.players) {
                prop_assert_eq!(&g.swings, &w.swings);
                prop_assert_eq!((g.veto, g.dictator, g.dummy), (w.veto, w.dictator, w.dummy));
                for index in Index::ALL {
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
