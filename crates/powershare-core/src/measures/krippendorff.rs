//! Krippendorff's alpha with the ordinal metric: how far the respondents
//! of a survey agree in their ratings of the partners, beyond what chance
//! would give.
//!
//! Reliability data are coders (respondents) by units (the bodies rated),
//! each cell a value or missing. Following Krippendorff (2011), *Computing
//! Krippendorff's Alpha-Reliability*, with only the units that hold at
//! least two values ("pairable"):
//!
//! - the coincidence matrix o_ck = sum over units u of
//!   (number of ordered pairs of values c, k in u, from different coders) / (m_u - 1),
//!   with m_u the number of values in u;
//! - n_c = sum_k o_ck (how often c was used), n = sum_c n_c (the pairable values);
//! - the ordinal difference, for values ranked c <= k:
//!   delta^2(c, k) = (sum of n_g over the ranks g from c to k - (n_c + n_k) / 2)^2;
//! - alpha = 1 - D_o / D_e = 1 - (n - 1) sum_ck o_ck delta^2(c, k) / sum_ck n_c n_k delta^2(c, k).
//!
//! alpha is 1 when every unit's values agree, about 0 when they agree no
//! more than chance, and negative when they disagree systematically. It is
//! undefined, with a reason, when fewer than two pairable values exist or
//! when every pairable value is the same (no variation to explain).
//!
//! The result depends only on how many times each value occurs in each
//! unit, so the order of the coders never changes it; the arithmetic is in
//! `f64` (relative error about 1e-15).

/// Why alpha cannot be computed.
pub const TOO_FEW: &str = "fewer than 2 pairable values: no partner was rated by two respondents";
/// Why alpha cannot be computed when every value is the same.
pub const NO_VARIATION: &str =
    "every rating given is the same value, so agreement cannot be told from chance";

/// Ordinal alpha of `units`: for each unit, the values the coders gave it
/// (missing values left out; any order). Values are ordered categories:
/// only their order matters, not their distances.
///
/// ```
/// use powershare_core::measures::krippendorff::ordinal_alpha;
/// // Two respondents rate three partners: 1 and 1, 2 and 3, 3 and 3.
/// let a = ordinal_alpha(&[vec![1.0, 1.0], vec![2.0, 3.0], vec![3.0, 3.0]]).unwrap();
/// assert!((a - 7.0 / 9.0).abs() < 1e-12);
/// assert!(ordinal_alpha(&[vec![4.0], vec![2.0]]).is_err());
/// ```
pub fn ordinal_alpha(units: &[Vec<f64>]) -> Result<f64, &'static str> {
    // The categories: the distinct values of the pairable units, ascending.
    let mut values: Vec<f64> = units
        .iter()
        .filter(|u| u.len() >= 2)
        .flatten()
        .copied()
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let k = values.len();
    if k == 0 {
        return Err(TOO_FEW);
    }
    let rank = |x: f64| values.partition_point(|&v| v < x);
    // Coincidences, from each unit's histogram.
    let mut o = vec![vec![0.0; k]; k];
    for unit in units.iter().filter(|u| u.len() >= 2) {
        let mut h = vec![0usize; k];
        for &x in unit {
            h[rank(x)] += 1;
        }
        let m = (unit.len() - 1) as f64;
        for c in 0..k {
            if h[c] == 0 {
                continue;
            }
            for d in 0..k {
                let pairs = if c == d {
                    h[c] * (h[c] - 1)
                } else {
                    h[c] * h[d]
                };
                o[c][d] += pairs as f64 / m;
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    if n < 2.0 {
        return Err(TOO_FEW);
    }
    // delta^2 for ranks c <= d: (n_c + ... + n_d - (n_c + n_d) / 2)^2.
    let delta2 = |c: usize, d: usize| {
        let (lo, hi) = (c.min(d), c.max(d));
        let between: f64 = n_c[lo..=hi].iter().sum();
        let x = between - (n_c[lo] + n_c[hi]) / 2.0;
        x * x
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..k {
        for d in 0..k {
            if c == d {
                continue;
            }
            let dd = delta2(c, d);
            observed += o[c][d] * dd;
            expected += n_c[c] * n_c[d] * dd;
        }
    }
    if expected <= 0.0 {
        return Err(NO_VARIATION);
    }
    Ok(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Coders by units, `None` for a missing value, turned into units.
    fn units(data: &[&[Option<f64>]]) -> Vec<Vec<f64>> {
        let width = data.iter().map(|row| row.len()).max().unwrap_or(0);
        (0..width)
            .map(|u| {
                data.iter()
                    .filter_map(|row| row.get(u).copied().flatten())
                    .collect()
            })
            .collect()
    }

    #[track_caller]
    fn case(data: &[&[Option<f64>]], expected: f64) {
        let a = ordinal_alpha(&units(data)).unwrap();
        assert!(
            (a - expected).abs() < 1e-12,
            "alpha {a}, expected {expected}"
        );
    }

    const N: Option<f64> = None;

    fn s(x: f64) -> Option<f64> {
        Some(x)
    }

    #[test]
    fn a_case_worked_by_hand() {
        // Units {1, 1}, {2, 3}, {3, 3}; each unit has m_u = 2, so each
        // ordered pair counts 1: o_11 = 2, o_23 = o_32 = 1, o_33 = 2.
        // n_1 = 2, n_2 = 1, n_3 = 3, n = 6.
        // delta^2(1,2) = (2 + 1 - 1.5)^2 = 2.25; delta^2(2,3) = (1 + 3 - 2)^2 = 4;
        // delta^2(1,3) = (2 + 1 + 3 - 2.5)^2 = 12.25.
        // Observed: 2 * 1 * 4 = 8. Expected: 2 (2*1*2.25 + 2*3*12.25 + 1*3*4) = 180.
        // alpha = 1 - 5 * 8 / 180 = 7/9.
        case(
            &[&[s(1.0), s(2.0), s(3.0)], &[s(1.0), s(3.0), s(3.0)]],
            7.0 / 9.0,
        );
    }

    #[test]
    fn krippendorffs_own_example_with_missing_values() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
        // section C: four observers, twelve units, missing values; he gives
        // ordinal alpha = 0.815. Full precision from the `krippendorff`
        // package (tests/reference/krippendorff_reference.py).
        case(
            &[
                &[
                    s(1.0),
                    s(2.0),
                    s(3.0),
                    s(3.0),
                    s(2.0),
                    s(1.0),
                    s(4.0),
                    s(1.0),
                    s(2.0),
                    N,
                    N,
                    N,
                ],
                &[
                    s(1.0),
                    s(2.0),
                    s(3.0),
                    s(3.0),
                    s(2.0),
                    s(2.0),
                    s(4.0),
                    s(1.0),
                    s(2.0),
                    s(5.0),
                    N,
                    s(3.0),
                ],
                &[
                    N,
                    s(3.0),
                    s(3.0),
                    s(3.0),
                    s(2.0),
                    s(3.0),
                    s(4.0),
                    s(2.0),
                    s(2.0),
                    s(5.0),
                    s(1.0),
                    N,
                ],
                &[
                    s(1.0),
                    s(2.0),
                    s(3.0),
                    s(3.0),
                    s(2.0),
                    s(4.0),
                    s(4.0),
                    s(1.0),
                    s(2.0),
                    s(5.0),
                    s(1.0),
                    N,
                ],
            ],
            0.8153875037548814,
        );
    }

    #[test]
    fn only_the_order_of_values_matters() {
        // The same data with values 10, 20, 30 instead of 1, 2, 3.
        case(
            &[&[s(10.0), s(20.0), s(30.0)], &[s(10.0), s(30.0), s(30.0)]],
            7.0 / 9.0,
        );
    }

    #[test]
    fn perfect_agreement_is_one_and_a_lone_value_is_left_out() {
        // The third unit has one value: not pairable, so it does not count.
        case(&[&[s(1.0), s(5.0), s(2.0)], &[s(1.0), s(5.0), N]], 1.0);
    }

    #[test]
    fn systematic_disagreement_is_negative() {
        // Units {0, 5}, {5, 0}: every pair disagrees as much as it can.
        // n_0 = n_5 = 2, n = 4; delta^2(0,5) = (4 - 2)^2 = 4. Observed
        // 4 * 4 = 16 (o_05 = o_50 = 2); expected 2 * 2 * 2 * 4 = 32.
        // alpha = 1 - 3 * 16 / 32 = -0.5.
        case(&[&[s(0.0), s(5.0)], &[s(5.0), s(0.0)]], -0.5);
    }

    #[test]
    fn undefined_cases_have_a_reason() {
        assert_eq!(ordinal_alpha(&[]), Err(TOO_FEW));
        assert_eq!(ordinal_alpha(&[vec![3.0], vec![2.0]]), Err(TOO_FEW));
        assert_eq!(
            ordinal_alpha(&[vec![3.0, 3.0], vec![3.0, 3.0, 3.0]]),
            Err(NO_VARIATION)
        );
    }
}
