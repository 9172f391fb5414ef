//! Where power is not monotone in weight: a player with more weight (seats)
//! than another but less power.
//!
//! Under one weighted clause, Banzhaf, Shapley-Shubik and Johnston power
//! never fall as weight rises, but Holler and Deegan-Packel can (they count
//! only minimal winning coalitions), and with vetoes or a double majority
//! any index can. People find this surprising, so `power` and `report` say
//! so in plain words (`report` as the `non-monotone-power` finding, with the
//! same tolerance, [`TOLERANCE`]).

/// Power differences at or below this are treated as equal (rounding).
pub const TOLERANCE: f64 = 1e-12;

/// A player with more weight and less power than another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inversion {
    /// The heavier player, with less power.
    pub heavier: usize,
    /// The lighter player with the most power among those lighter than
    /// `heavier`.
    pub lighter: usize,
}

/// For each player that has strictly more weight than some other player but
/// less power (by more than [`TOLERANCE`]), one [`Inversion`] naming the
/// most powerful lighter player; players in increasing weight order, ties
/// by index. `None` values (undefined power) are skipped.
///
/// O(n log n): players sorted by weight, keeping the strongest of the
/// strictly lighter ones.
pub fn inversions(weights: &[u64], power: &[Option<f64>]) -> Vec<Inversion> {
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| power[i].is_some()).collect();
    order.sort_by_key(|&i| (weights[i], i));
    let mut out = Vec::new();
    let mut best: Option<(f64, usize)> = None; // strongest strictly lighter
    let mut start = 0;
    while start < order.len() {
        let w = weights[order[start]];
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&i| weights[i] == w)
                .count();
        for &i in &order[start..end] {
            let p = power[i].unwrap_or(0.0);
            if let Some((bp, b)) = best
                && p + TOLERANCE < bp
            {
                out.push(Inversion {
                    heavier: i,
                    lighter: b,
                });
            }
        }
        for &i in &order[start..end] {
            let p = power[i].unwrap_or(0.0);
            if best.is_none_or(|(bp, _)| p > bp) {
                best = Some((p, i));
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(weights: &[u64], power: &[f64], want: &[(usize, usize)]) {
        let power: Vec<Option<f64>> = power.iter().map(|&p| Some(p)).collect();
        let got: Vec<(usize, usize)> = inversions(weights, &power)
            .iter()
            .map(|x| (x.heavier, x.lighter))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn finds_heavier_players_with_less_power() {
        // Monotone: nothing.
        case(&[3, 2, 1], &[0.5, 0.3, 0.2], &[]);
        // Equal weight, different power (impossible in one clause, but not
        // an inversion anyway).
        case(&[2, 2], &[0.7, 0.3], &[]);
        // Holler in [51; 26,25,25,24]... any shape: player 0 (weight 3) has
        // 0.2 while player 2 (weight 1) has 0.3, and player 1 (weight 2)
        // 0.5 beats player 0 too: the strongest lighter one is named.
        case(&[3, 2, 1], &[0.2, 0.5, 0.3], &[(0, 1)]);
        // Within rounding: not an inversion.
        case(&[2, 1], &[0.5, 0.5 + 1e-13], &[]);
    }

    #[test]
    fn skips_undefined_power() {
        let got = inversions(&[2, 1], &[None, Some(1.0)]);
        assert!(got.is_empty());
    }
}
