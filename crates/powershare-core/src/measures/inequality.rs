//! Inequality and concentration indices of one vector of non-negative values.
//!
//! The values may be raw amounts (income, seats, ratings) or shares; every
//! index here is scale invariant, so both give the same result. The
//! definitions are the population forms of DESIGN.md, section "Indices".
//! For values `x_1..x_n >= 0` with mean `mu` and shares `s_i = x_i / sum x`:
//!
//! | index | formula | range |
//! |---|---|---|
//! | Gini | `sum_i sum_j abs(x_i - x_j) / (2 n^2 mu)` | `[0, 1 - 1/n]` |
//! | normalised Gini | Gini `x n/(n - 1)` | `[0, 1]` |
//! | HHI | `sum s_i^2` | `[1/n, 1]` |
//! | normalised HHI | `(HHI - 1/n) / (1 - 1/n)` | `[0, 1]` |
//! | effective number | `1 / HHI` | `[1, n]` |
//! | Theil T | `(1/n) sum (x_i/mu) ln(x_i/mu)`, `0 ln 0 = 0` | `[0, ln n]` |
//! | mean log deviation | `(1/n) sum ln(mu/x_i)` | `[0, inf)`, undefined if any `x_i = 0` |
//! | Atkinson(1/2) | `1 - [(1/n) sum (x_i/mu)^(1/2)]^2` | `[0, 1 - 1/n]` |
//! | Atkinson(1) | `1 - (prod x_i)^(1/n) / mu` | `[0, 1]`, `1` if any `x_i = 0` |
//! | coefficient of variation | population std dev / `mu` | `[0, sqrt(n - 1)]` |
//! | top share | `max s_i` (= CR_1) | `[1/n, 1]` |
//! | CR_k | sum of the `k` largest shares | `[k/n, 1]` |
//! | Hoover | `(1/2) sum abs(s_i - 1/n)` | `[0, 1 - 1/n]` |
//! | max/min ratio | `max x / min x` | `[1, inf)`, undefined if `min x = 0` |
//!
//! Every index is 0 (ratio 1, HHI `1/n`, effective number `n`) when all
//! values are equal and positive. No index is defined for fewer than two
//! values or when every value is zero: such an index is `None`, and
//! [`Inequality::undefined`] says why. No result is ever NaN or infinite.
//!
//! # Precision
//!
//! Results are computed in `f64` and are not exact: rounding errors are of
//! the order of `n` units in the last place of the index (about `n * 1e-16`
//! for the indices bounded by 1). They are tested against an independent
//! implementation with exact fractions and 50-digit logarithms,
//! `tests/ineq_reference.py`, to a relative error of `1e-13`, and against
//! the literal formulas on random data. Internally the values are first divided by
//! their maximum, so that sums cannot overflow even for values near
//! `f64::MAX`, and rounding that would push an index outside its range
//! (for example `-1e-17` for a Gini of zero) is clamped back into it.
#![warn(missing_docs)]

use std::collections::BTreeMap;

use serde::Serialize;

/// Reason given for every index when there are no values at all.
pub const REASON_NO_BODIES: &str = "no bodies";
/// Reason given for every index when there is only one value.
pub const REASON_ONE_BODY: &str = "needs at least two bodies";
/// Reason given for every index when every value is zero (no mass to share).
pub const REASON_ALL_ZERO: &str = "all values are zero";
/// Reason given for every index when a value is negative, NaN or infinite
/// (only reachable in release builds; see [`inequality`]).
pub const REASON_INVALID: &str = "invalid input";

/// The inequality indices of one vector of non-negative values (shares or raw amounts).
///
/// Built by [`inequality`]; see the module documentation for every formula
/// and range. An index is `None` exactly when it is undefined for the data,
/// and then [`undefined`](Self::undefined) holds its reason under the serde
/// field name of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inequality {
    /// Number of values (bodies).
    pub n: usize,
    /// Gini coefficient, `sum_i sum_j abs(x_i - x_j) / (2 n^2 mu)` (population
    /// form, no `n/(n-1)` correction). Range `[0, 1 - 1/n]`.
    pub gini: Option<f64>,
    /// Normalised Gini, Gini `x n/(n - 1)`: the Gini divided by its largest
    /// possible value for `n` values, `1 - 1/n`, so that one limit means the
    /// same for 3 and for 30 partners. Range `[0, 1]`; `1` when one value
    /// holds everything.
    pub gini_normalised: Option<f64>,
    /// Herfindahl-Hirschman index, `sum s_i^2`. Range `[1/n, 1]`.
    pub hhi: Option<f64>,
    /// Normalised HHI, `(HHI - 1/n) / (1 - 1/n)`. Range `[0, 1]`.
    pub hhi_normalised: Option<f64>,
    /// Effective number of partners (Laakso-Taagepera), `1 / HHI`. Range `[1, n]`.
    pub effective_number: Option<f64>,
    /// Theil T index, `(1/n) sum (x_i/mu) ln(x_i/mu)` with `0 ln 0 = 0`.
    /// Range `[0, ln n]`.
    pub theil: Option<f64>,
    /// Mean log deviation (Theil L), `(1/n) sum ln(mu/x_i)`. Range `[0, inf)`;
    /// `None` when any value is zero.
    pub mean_log_deviation: Option<f64>,
    /// Atkinson index with inequality aversion 1/2,
    /// `1 - [(1/n) sum (x_i/mu)^(1/2)]^2`. Range `[0, 1 - 1/n]`.
    pub atkinson_0_5: Option<f64>,
    /// Atkinson index with inequality aversion 1, `1 - (prod x_i)^(1/n) / mu`.
    /// Range `[0, 1]`; exactly `1` when any value is zero (the geometric
    /// mean is then 0; this is also the limit as that value tends to 0).
    pub atkinson_1: Option<f64>,
    /// Coefficient of variation, population standard deviation / `mu`.
    /// Range `[0, sqrt(n - 1)]`.
    pub coefficient_of_variation: Option<f64>,
    /// Largest share, `max s_i` (= CR_1). Range `[1/n, 1]`.
    pub top_share: Option<f64>,
    /// cr[k-1] = CR_k, the sum of the k largest shares, k = 1..=n (empty when undefined)
    ///
    /// Non-decreasing, `CR_k` in `[k/n, 1]`, and `CR_n` is exactly `1`.
    pub cr: Vec<f64>,
    /// Hoover (Robin Hood) index, `(1/2) sum abs(s_i - 1/n)`: the share that
    /// would have to move to make all shares equal. Range `[0, 1 - 1/n]`.
    pub hoover: Option<f64>,
    /// Largest value over smallest value. Range `[1, inf)`; `None` when the
    /// smallest value is zero or the ratio exceeds `f64::MAX`.
    pub max_min_ratio: Option<f64>,
    /// Composite only: the smallest and largest Gini over the vertex
    /// weightings (each present dimension's weight halved or doubled; see
    /// [`crate::measures::robust`]), the Gini at the file's weights included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gini_range: Option<[f64; 2]>,
    /// Composite only: the smallest and largest top share over the same
    /// weightings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_share_range: Option<[f64; 2]>,
    /// For every index that is None: index name (the serde field name, e.g. "mean_log_deviation") -> plain-English reason.
    ///
    /// When `cr` is empty it is listed here too, under `"cr"`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub undefined: BTreeMap<&'static str, String>,
}

/// The serde field names of the scalar indices, in field order.
const SCALAR_NAMES: [&str; 13] = [
    "gini",
    "gini_normalised",
    "hhi",
    "hhi_normalised",
    "effective_number",
    "theil",
    "mean_log_deviation",
    "atkinson_0_5",
    "atkinson_1",
    "coefficient_of_variation",
    "top_share",
    "hoover",
    "max_min_ratio",
];

impl Inequality {
    /// The scalar indices as `(serde field name, value)` pairs, in field
    /// order (`cr` is left out because it is a vector). Handy for tables
    /// and CSV rows.
    pub fn indices(&self) -> [(&'static str, Option<f64>); 13] {
        let values = [
            self.gini,
            self.gini_normalised,
            self.hhi,
            self.hhi_normalised,
            self.effective_number,
            self.theil,
            self.mean_log_deviation,
            self.atkinson_0_5,
            self.atkinson_1,
            self.coefficient_of_variation,
            self.top_share,
            self.hoover,
            self.max_min_ratio,
        ];
        std::array::from_fn(|i| (SCALAR_NAMES[i], values[i]))
    }

    /// Every index undefined for the same reason.
    fn all_undefined(n: usize, reason: &str) -> Self {
        let undefined = SCALAR_NAMES
            .iter()
            .chain(std::iter::once(&"cr"))
            .map(|&name| (name, reason.to_owned()))
            .collect();
        Inequality {
            n,
            gini: None,
            gini_normalised: None,
            hhi: None,
            hhi_normalised: None,
            effective_number: None,
            theil: None,
            mean_log_deviation: None,
            atkinson_0_5: None,
            atkinson_1: None,
            coefficient_of_variation: None,
            top_share: None,
            cr: Vec::new(),
            hoover: None,
            max_min_ratio: None,
            gini_range: None,
            top_share_range: None,
            undefined,
        }
    }
}

/// Computes every inequality index of `values` (raw amounts or shares).
///
/// See the module documentation for the formulas and ranges; each field of
/// [`Inequality`] repeats its own. Runs in `O(n log n)` time (one sort).
///
/// # Edge cases
///
/// - `n = 0`: every index `None`, reason [`REASON_NO_BODIES`], `cr` empty.
/// - `n = 1`: every index `None`, reason [`REASON_ONE_BODY`], `cr` empty.
/// - all values zero: every index `None`, reason [`REASON_ALL_ZERO`], `cr` empty.
/// - some (not all) values zero: `mean_log_deviation` and `max_min_ratio`
///   are `None` with a reason; `atkinson_1` is `Some(1.0)`; the rest are
///   defined.
///
/// # Precondition
///
/// Every value must be finite and `>= 0` (validation upstream guarantees
/// this). A violation is a programming error: debug builds panic on a
/// `debug_assert!`; release builds return every index `None` with reason
/// [`REASON_INVALID`]. Never panics in release and never returns NaN or an
/// infinity.
pub fn inequality(values: &[f64]) -> Inequality {
    debug_assert!(
        values.iter().all(|v| is_valid(*v)),
        "inequality: values must be finite and >= 0, got {values:?}"
    );
    compute(values)
}

fn is_valid(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

/// [`inequality`] without the debug assertion, so that tests can check the
/// release behaviour on invalid input.
fn compute(values: &[f64]) -> Inequality {
    let n = values.len();
    if n == 0 {
        return Inequality::all_undefined(0, REASON_NO_BODIES);
    }
    if !values.iter().all(|v| is_valid(*v)) {
        return Inequality::all_undefined(n, REASON_INVALID);
    }
    if n == 1 {
        return Inequality::all_undefined(1, REASON_ONE_BODY);
    }
    // Everything below iterates over the values in ascending order, so the
    // result does not depend, even in the last bit, on the order of the input.
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (sorted[0], sorted[n - 1]);
    if max == 0.0 {
        return Inequality::all_undefined(n, REASON_ALL_ZERO);
    }
    let zeros = sorted.iter().take_while(|&&v| v == 0.0).count();

    let nf = n as f64;
    let inv_n = 1.0 / nf;
    // Work on y_i = x_i / max in [0, 1]: sum y is in [1, n], so nothing
    // overflows, and every index is scale invariant.
    let y: Vec<f64> = sorted.iter().map(|&v| v / max).collect();
    let sum: f64 = y.iter().sum();
    let mean = sum / nf;
    let ln_mean = mean.ln();

    let mut undefined = BTreeMap::new();

    // Gini: with y sorted ascending (1-based rank i),
    // sum_i sum_j |y_i - y_j| = 2 sum_i (2i - n - 1) y_(i), and 2 n^2 mu = 2 n sum.
    let weighted: f64 = y
        .iter()
        .enumerate()
        .map(|(i, &v)| (2.0 * (i as f64 + 1.0) - nf - 1.0) * v)
        .sum();
    let gini = (weighted / (nf * sum)).clamp(0.0, 1.0 - inv_n);
    let gini_normalised = normalised_gini(gini, n).unwrap_or(0.0);

    // Shares, and the sum of squared deviations from equal shares. As
    // sum s_i = 1: HHI = 1/n + sum (s_i - 1/n)^2, which is exactly 1/n for
    // equal values, and normalised HHI = n/(n - 1) sum (s_i - 1/n)^2.
    let shares: Vec<f64> = y.iter().map(|&v| v / sum).collect();
    let dev2: f64 = shares.iter().map(|&s| (s - inv_n) * (s - inv_n)).sum();
    let hhi = (inv_n + dev2).clamp(inv_n, 1.0);
    let hhi_normalised = (dev2 * nf / (nf - 1.0)).clamp(0.0, 1.0);
    let effective_number = (1.0 / hhi).clamp(1.0, nf);
    let hoover =
        (0.5 * shares.iter().map(|&s| (s - inv_n).abs()).sum::<f64>()).clamp(0.0, 1.0 - inv_n);

    // Relative values r_i = x_i / mu = y_i / mean, and ln r_i for r_i > 0.
    // ln y_i falls back to ln x_i - ln max when x_i / max underflows, so that
    // the mean log deviation stays finite for values like [1e-320, 1e10].
    let ln_r = |x: f64| -> f64 {
        let v = x / max;
        let ln_y = if v >= f64::MIN_POSITIVE {
            v.ln()
        } else {
            x.ln() - max.ln()
        };
        ln_y - ln_mean
    };
    let r: Vec<f64> = y.iter().map(|&v| v / mean).collect();

    let theil_sum: f64 = sorted
        .iter()
        .zip(&r)
        .filter(|&(&x, _)| x > 0.0)
        .map(|(&x, &r)| r * ln_r(x))
        .sum();
    let theil = (theil_sum * inv_n).clamp(0.0, nf.ln());

    let (mean_log_deviation, atkinson_1) = if zeros > 0 {
        undefined.insert(
            "mean_log_deviation",
            format!(
                "undefined when any value is zero (ln(mu/0) is infinite); {}",
                zero_count(zeros, n)
            ),
        );
        // The geometric mean is 0, so 1 - 0/mu = 1 (also the limit as the
        // zero values tend to 0).
        (None, 1.0)
    } else {
        let mld = (-sorted.iter().map(|&x| ln_r(x)).sum::<f64>() * inv_n).max(0.0);
        // 1 - exp(mean ln r_i) = 1 - exp(-MLD), via exp_m1 for accuracy near 0.
        (Some(mld), (-(-mld).exp_m1()).clamp(0.0, 1.0))
    };

    let mean_sqrt = r.iter().map(|&v| v.sqrt()).sum::<f64>() * inv_n;
    let atkinson_0_5 = (1.0 - mean_sqrt * mean_sqrt).clamp(0.0, 1.0 - inv_n);

    let variance = r.iter().map(|&v| (v - 1.0) * (v - 1.0)).sum::<f64>() * inv_n;
    let coefficient_of_variation = variance.sqrt().clamp(0.0, (nf - 1.0).sqrt());

    // CR_k from the shares in descending order; CR_n is 1 by definition.
    let mut cr: Vec<f64> = shares
        .iter()
        .rev()
        .scan(0.0, |acc, &s| {
            *acc += s;
            Some(f64::min(*acc, 1.0))
        })
        .collect();
    if let Some(last) = cr.last_mut() {
        *last = 1.0;
    }
    let top_share = cr[0].clamp(inv_n, 1.0);
    cr[0] = top_share;

    let max_min_ratio = if min == 0.0 {
        undefined.insert(
            "max_min_ratio",
            format!(
                "undefined when the smallest value is zero (division by zero); {}",
                zero_count(zeros, n)
            ),
        );
        None
    } else {
        let ratio = max / min;
        if ratio.is_finite() {
            Some(ratio.max(1.0))
        } else {
            undefined.insert(
                "max_min_ratio",
                "the ratio of the largest to the smallest value is too large to represent"
                    .to_owned(),
            );
            None
        }
    };

    let mut out = Inequality {
        n,
        gini: Some(gini),
        gini_normalised: Some(gini_normalised),
        hhi: Some(hhi),
        hhi_normalised: Some(hhi_normalised),
        effective_number: Some(effective_number),
        theil: Some(theil),
        mean_log_deviation,
        atkinson_0_5: Some(atkinson_0_5),
        atkinson_1: Some(atkinson_1),
        coefficient_of_variation: Some(coefficient_of_variation),
        top_share: Some(top_share),
        cr,
        hoover: Some(hoover),
        max_min_ratio,
        gini_range: None,
        top_share_range: None,
        undefined,
    };
    guard_finite(&mut out);
    out
}

/// The normalised Gini of a Gini of `n` values, `gini x n/(n - 1)`, in
/// `[0, 1]`; `None` for fewer than two values (the population Gini's
/// largest value `1 - 1/n` is then 0).
pub fn normalised_gini(gini: f64, n: usize) -> Option<f64> {
    (n >= 2).then(|| {
        let nf = n as f64;
        (gini * nf / (nf - 1.0)).clamp(0.0, 1.0)
    })
}

/// "1 of the 3 values is zero", "2 of the 5 values are zero".
fn zero_count(zeros: usize, n: usize) -> String {
    let verb = if zeros == 1 { "is" } else { "are" };
    format!("{zeros} of the {n} values {verb} zero")
}

/// Last line of defence: turn any non-finite result into `None` with a
/// reason (none is expected; the property tests check that).
fn guard_finite(out: &mut Inequality) {
    const REASON: &str = "numerical overflow: the result is not a finite number";
    let fields: [(&'static str, &mut Option<f64>); 13] = [
        ("gini", &mut out.gini),
        ("gini_normalised", &mut out.gini_normalised),
        ("hhi", &mut out.hhi),
        ("hhi_normalised", &mut out.hhi_normalised),
        ("effective_number", &mut out.effective_number),
        ("theil", &mut out.theil),
        ("mean_log_deviation", &mut out.mean_log_deviation),
        ("atkinson_0_5", &mut out.atkinson_0_5),
        ("atkinson_1", &mut out.atkinson_1),
        (
            "coefficient_of_variation",
            &mut out.coefficient_of_variation,
        ),
        ("top_share", &mut out.top_share),
        ("hoover", &mut out.hoover),
        ("max_min_ratio", &mut out.max_min_ratio),
    ];
    for (name, field) in fields {
        if field.is_some_and(|v| !v.is_finite()) {
            *field = None;
            out.undefined.insert(name, REASON.to_owned());
        }
    }
    if out.cr.iter().any(|v| !v.is_finite()) {
        out.cr.clear();
        out.undefined.insert("cr", REASON.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-12;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * a.abs().max(b.abs()).max(1.0)
    }

    /// Compares every index within `tol` (relative, absolute below 1) and the
    /// keys of `undefined` exactly (the reasons are checked elsewhere).
    #[track_caller]
    fn assert_close(actual: &Inequality, expected: &Inequality, tol: f64) {
        assert_eq!(actual.n, expected.n, "n");
        for ((name, a), (_, e)) in actual.indices().into_iter().zip(expected.indices()) {
            match (a, e) {
                (Some(a), Some(e)) => {
                    assert!(close(a, e, tol), "{name}: got {a:e}, expected {e:e}")
                }
                (None, None) => {}
                _ => panic!("{name}: got {a:?}, expected {e:?}"),
            }
        }
        assert_eq!(actual.cr.len(), expected.cr.len(), "cr: {:?}", actual.cr);
        for (k, (a, e)) in actual.cr.iter().zip(&expected.cr).enumerate() {
            assert!(
                close(*a, *e, tol),
                "CR_{}: got {a:e}, expected {e:e}",
                k + 1
            );
        }
        let keys = |m: &BTreeMap<&'static str, String>| m.keys().copied().collect::<Vec<_>>();
        assert_eq!(
            keys(&actual.undefined),
            keys(&expected.undefined),
            "undefined"
        );
    }

    #[track_caller]
    fn case(values: &[f64], expected: Inequality) {
        assert_close(&inequality(values), &expected, TOL);
    }

    /// `undefined` with these keys (reasons are not compared by `case`).
    fn undef(keys: &[&'static str]) -> BTreeMap<&'static str, String> {
        keys.iter().map(|&k| (k, String::new())).collect()
    }

    fn ln(x: f64) -> f64 {
        x.ln()
    }

    #[test]
    fn hand_calculations() {
        // [1, 1, 1, 1]: mu = 1, every s_i = 1/4, every x_i/mu = 1, so every
        // inequality index is 0, HHI = 4 * 1/16 = 1/4, effective number 4,
        // CR_k = k/4, max/min = 1.
        case(
            &[1.0, 1.0, 1.0, 1.0],
            Inequality {
                n: 4,
                gini: Some(0.0),
                // n/(n-1) = 4/3
                gini_normalised: Some(0.0),
                hhi: Some(0.25),
                hhi_normalised: Some(0.0),
                effective_number: Some(4.0),
                theil: Some(0.0),
                mean_log_deviation: Some(0.0),
                atkinson_0_5: Some(0.0),
                atkinson_1: Some(0.0),
                coefficient_of_variation: Some(0.0),
                top_share: Some(0.25),
                cr: vec![0.25, 0.5, 0.75, 1.0],
                hoover: Some(0.0),
                max_min_ratio: Some(1.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
        // [0, 0, 0, 1]: sum 1, mu = 1/4, s = [0, 0, 0, 1], x/mu = [0, 0, 0, 4].
        // Gini: sum|xi-xj| = 2*3*1 = 6 over 2*16*(1/4) = 8 -> 3/4.
        // HHI = 1, normalised (1 - 1/4)/(3/4) = 1, effective number 1.
        // Theil = (1/4)(4 ln 4) = ln 4. MLD undefined (zeros).
        // A(1/2) = 1 - ((1/4)*sqrt 4)^2 = 1 - 1/4 = 3/4. A(1) = 1 (limit).
        // var = (1/4)(3*(1/4)^2 + (3/4)^2) = 3/16, sd = sqrt(3)/4, CV = sqrt 3.
        // Hoover = (1/2)(3*(1/4) + 3/4) = 3/4. max/min undefined.
        case(
            &[0.0, 0.0, 0.0, 1.0],
            Inequality {
                n: 4,
                gini: Some(0.75),
                // n/(n-1) = 4/3
                gini_normalised: Some(1.0),
                hhi: Some(1.0),
                hhi_normalised: Some(1.0),
                effective_number: Some(1.0),
                theil: Some(ln(4.0)),
                mean_log_deviation: None,
                atkinson_0_5: Some(0.75),
                atkinson_1: Some(1.0),
                coefficient_of_variation: Some(3f64.sqrt()),
                top_share: Some(1.0),
                cr: vec![1.0, 1.0, 1.0, 1.0],
                hoover: Some(0.75),
                max_min_ratio: None,
                gini_range: None,
                top_share_range: None,
                undefined: undef(&["max_min_ratio", "mean_log_deviation"]),
            },
        );
        // [1, 2, 3, 4]: sum 10, mu = 5/2, s = [1/10, 2/10, 3/10, 4/10],
        // x/mu = [2/5, 4/5, 6/5, 8/5].
        // Gini: sum|xi-xj| = 2*(1+2+3+1+2+1) = 20 over 2*16*(5/2) = 80 -> 1/4.
        // HHI = (1+4+9+16)/100 = 3/10; normalised (3/10 - 1/4)/(3/4) = 1/15;
        // effective number 10/3.
        // Theil = (1/4) sum r ln r over r = 2/5, 4/5, 6/5, 8/5.
        // MLD = ln mu - (1/4) ln(1*2*3*4) = ln(5/2) - ln(24)/4.
        // A(1/2) = 1 - ((sqrt(2/5)+sqrt(4/5)+sqrt(6/5)+sqrt(8/5))/4)^2.
        // A(1) = 1 - 24^(1/4) / (5/2).
        // var = (1/4)(9/4 + 1/4 + 1/4 + 9/4) = 5/4, CV = (sqrt(5)/2)/(5/2) = 1/sqrt 5.
        // Hoover = (1/2)(3/20 + 1/20 + 1/20 + 3/20) = 1/5. max/min = 4.
        let r = [0.4, 0.8, 1.2, 1.6];
        let one_to_four = Inequality {
            n: 4,
            gini: Some(0.25),
            // n/(n-1) = 4/3
            gini_normalised: Some(1.0 / 3.0),
            hhi: Some(0.3),
            hhi_normalised: Some(1.0 / 15.0),
            effective_number: Some(10.0 / 3.0),
            theil: Some(r.iter().map(|v| v * ln(*v)).sum::<f64>() / 4.0),
            mean_log_deviation: Some(ln(2.5) - ln(24.0) / 4.0),
            atkinson_0_5: Some(1.0 - (r.iter().map(|v| v.sqrt()).sum::<f64>() / 4.0).powi(2)),
            atkinson_1: Some(1.0 - 24f64.powf(0.25) / 2.5),
            coefficient_of_variation: Some(1.0 / 5f64.sqrt()),
            top_share: Some(0.4),
            cr: vec![0.4, 0.7, 0.9, 1.0],
            hoover: Some(0.2),
            max_min_ratio: Some(4.0),
            gini_range: None,
            top_share_range: None,
            undefined: undef(&[]),
        };
        case(&[1.0, 2.0, 3.0, 4.0], one_to_four.clone());
        // [4, 3, 2, 1]: the same multiset, so the same indices.
        case(&[4.0, 3.0, 2.0, 1.0], one_to_four.clone());
        // [10, 20, 30, 40]: ten times [1, 2, 3, 4] (scale invariance).
        case(&[10.0, 20.0, 30.0, 40.0], one_to_four);
        // [1, 3]: sum 4, mu 2, s = [1/4, 3/4], x/mu = [1/2, 3/2].
        // Gini: sum|xi-xj| = 2*2 = 4 over 2*4*2 = 16 -> 1/4.
        // HHI = 1/16 + 9/16 = 5/8; normalised (5/8 - 1/2)/(1/2) = 1/4; eff 8/5.
        // Theil = (1/2)((1/2) ln(1/2) + (3/2) ln(3/2)).
        // MLD = (1/2)(ln 2 + ln(2/3)) = (1/2) ln(4/3).
        // A(1/2) = 1 - ((sqrt(1/2) + sqrt(3/2))/2)^2 = 1 - (2 + sqrt 3)/4 = (2 - sqrt 3)/4.
        // A(1) = 1 - sqrt(1*3)/2. sd = 1, CV = 1/2.
        // Hoover = (1/2)(1/4 + 1/4) = 1/4. max/min = 3.
        case(
            &[1.0, 3.0],
            Inequality {
                n: 2,
                gini: Some(0.25),
                // n/(n-1) = 2/1
                gini_normalised: Some(0.5),
                hhi: Some(0.625),
                hhi_normalised: Some(0.25),
                effective_number: Some(1.6),
                theil: Some((0.5 * ln(0.5) + 1.5 * ln(1.5)) / 2.0),
                mean_log_deviation: Some(0.5 * ln(4.0 / 3.0)),
                atkinson_0_5: Some((2.0 - 3f64.sqrt()) / 4.0),
                atkinson_1: Some(1.0 - 3f64.sqrt() / 2.0),
                coefficient_of_variation: Some(0.5),
                top_share: Some(0.75),
                cr: vec![0.75, 1.0],
                hoover: Some(0.25),
                max_min_ratio: Some(3.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
        // [0, 1, 1]: one zero. sum 2, mu 2/3, s = [0, 1/2, 1/2], x/mu = [0, 3/2, 3/2].
        // Gini: sum|xi-xj| = 4 (the four ordered pairs with the zero) over
        // 2*9*(2/3) = 12 -> 1/3.
        // HHI = 1/2; normalised (1/2 - 1/3)/(2/3) = 1/4; eff 2.
        // Theil = (1/3)(2 * (3/2) ln(3/2)) = ln(3/2). MLD undefined.
        // A(1/2) = 1 - ((2 sqrt(3/2))/3)^2 = 1 - (4 * 3/2)/9 = 1/3. A(1) = 1.
        // var = (1/3)(4/9 + 1/9 + 1/9) = 2/9, CV = (sqrt 2/3)/(2/3) = sqrt(2)/2.
        // Hoover = (1/2)(1/3 + 1/6 + 1/6) = 1/3. max/min undefined.
        case(
            &[0.0, 1.0, 1.0],
            Inequality {
                n: 3,
                gini: Some(1.0 / 3.0),
                // n/(n-1) = 3/2
                gini_normalised: Some(0.5),
                hhi: Some(0.5),
                hhi_normalised: Some(0.25),
                effective_number: Some(2.0),
                theil: Some(ln(1.5)),
                mean_log_deviation: None,
                atkinson_0_5: Some(1.0 / 3.0),
                atkinson_1: Some(1.0),
                coefficient_of_variation: Some(2f64.sqrt() / 2.0),
                top_share: Some(0.5),
                cr: vec![0.5, 1.0, 1.0],
                hoover: Some(1.0 / 3.0),
                max_min_ratio: None,
                gini_range: None,
                top_share_range: None,
                undefined: undef(&["max_min_ratio", "mean_log_deviation"]),
            },
        );
    }

    #[test]
    fn undefined_everywhere() {
        #[track_caller]
        fn all_none(values: &[f64], reason: &str) {
            let got = compute(values);
            assert_eq!(got, Inequality::all_undefined(values.len(), reason));
            assert!(got.cr.is_empty());
            assert_eq!(got.undefined.len(), 14, "13 scalar indices and cr");
            assert!(got.undefined.values().all(|r| r == reason));
        }
        all_none(&[], "no bodies");
        all_none(&[5.0], "needs at least two bodies");
        all_none(&[0.0], "needs at least two bodies");
        all_none(&[0.0, 0.0, 0.0], "all values are zero");
        // Release-build behaviour on a broken precondition (inequality()
        // itself debug-asserts, see below).
        all_none(&[1.0, -1.0], "invalid input");
        all_none(&[f64::NAN, 1.0], "invalid input");
        all_none(&[1.0, 2.0, f64::INFINITY], "invalid input");
        all_none(&[-0.5], "invalid input");
        // The same public results through inequality().
        assert_eq!(
            inequality(&[]),
            Inequality::all_undefined(0, REASON_NO_BODIES)
        );
        assert_eq!(
            inequality(&[7.0]),
            Inequality::all_undefined(1, REASON_ONE_BODY)
        );
        assert_eq!(
            inequality(&[0.0, 0.0]),
            Inequality::all_undefined(2, REASON_ALL_ZERO)
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "values must be finite and >= 0")]
    fn negative_value_is_a_programming_error() {
        inequality(&[1.0, -2.0]);
    }

    #[test]
    fn zero_value_reasons_are_plain_english() {
        let got = inequality(&[3.0, 0.0, 1.0]);
        assert_eq!(
            got.undefined["mean_log_deviation"],
            "undefined when any value is zero (ln(mu/0) is infinite); 1 of the 3 values is zero"
        );
        assert_eq!(
            got.undefined["max_min_ratio"],
            "undefined when the smallest value is zero (division by zero); 1 of the 3 values is zero"
        );
        assert_eq!(got.undefined.len(), 2);
    }

    #[test]
    fn indices_are_in_field_order_with_serde_names() {
        let got = inequality(&[1.0, 2.0]);
        let names: Vec<&str> = got.indices().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "gini",
                "gini_normalised",
                "hhi",
                "hhi_normalised",
                "effective_number",
                "theil",
                "mean_log_deviation",
                "atkinson_0_5",
                "atkinson_1",
                "coefficient_of_variation",
                "top_share",
                "hoover",
                "max_min_ratio",
            ]
        );
        assert_eq!(got.indices()[0].1, got.gini);
        assert_eq!(got.indices()[12].1, got.max_min_ratio);
    }

    /// Regression: a naive sum of values near `f64::MAX` overflows to
    /// infinity and turns every index into NaN.
    #[test]
    fn huge_values_do_not_overflow() {
        let got = inequality(&[f64::MAX, f64::MAX, f64::MAX]);
        assert_eq!(got.gini, Some(0.0));
        assert_eq!(got.theil, Some(0.0));
        assert_eq!(got.hhi, Some(1.0 / 3.0));
        assert_eq!(got.max_min_ratio, Some(1.0));

        // The ratio itself does not fit in an f64.
        let got = inequality(&[f64::MAX, f64::MIN_POSITIVE]);
        assert_eq!(got.max_min_ratio, None);
        assert!(got.undefined["max_min_ratio"].contains("too large"));
        assert!(close(got.gini.unwrap_or(f64::NAN), 0.5, TOL));
    }

    /// Regression: dividing by the maximum underflows 1e-320 / 1e10 to 0,
    /// which would make the mean log deviation infinite although no value
    /// is zero.
    #[test]
    fn tiny_values_keep_the_mean_log_deviation_finite() {
        let (a, b) = (1e-320_f64, 1e10_f64);
        let mu = (a + b) / 2.0;
        let expected = ((mu / b).ln() + (mu.ln() - a.ln())) / 2.0;
        let got = inequality(&[a, b]);
        let mld = got.mean_log_deviation.unwrap_or(f64::NAN);
        assert!(close(mld, expected, TOL), "{mld} vs {expected}");
        assert_eq!(got.atkinson_1, Some(1.0));
        // 1e10 / 1e-320 overflows: only the ratio is undefined.
        assert_eq!(
            got.undefined.keys().copied().collect::<Vec<_>>(),
            ["max_min_ratio"]
        );
    }

    /// Reference values from `tests/ineq_reference.py`, an independent
    /// implementation in pure Python (exact `Fraction`s, O(n^2) Gini straight
    /// from the definition, 50-digit `Decimal` for ln, exp and sqrt), printed
    /// to 15 significant digits, for the vectors [120000, 45000, 8000, 2000,
    /// 500], [0.5, 0.25, 0.125, 0.125], [3, 0, 1, 7, 2], [2, 7, 1, 8, 2, 8]
    /// and [0.001, 1000]. Rerun the script to regenerate them.
    #[test]
    fn matches_python_reference() {
        // 15 significant digits: allow a few units in the 14th digit.
        const REF_TOL: f64 = 1e-13;
        #[track_caller]
        fn reference(values: &[f64], expected: Inequality) {
            assert_close(&inequality(values), &expected, REF_TOL);
        }
        reference(
            &[120000.0, 45000.0, 8000.0, 2000.0, 500.0],
            Inequality {
                n: 5,
                gini: Some(0.642735042735043),
                // n/(n-1) = 5/4
                gini_normalised: Some(0.642735042735043 * 5.0 / 4.0),
                hhi: Some(0.535490783354031),
                hhi_normalised: Some(0.419363479192539),
                effective_number: Some(1.86744577327088),
                theil: Some(0.792078495042644),
                mean_log_deviation: Some(1.42348197562538),
                atkinson_0_5: Some(0.417298291596200),
                atkinson_1: Some(0.759126161828319),
                coefficient_of_variation: Some(1.29516559434312),
                top_share: Some(0.683760683760684),
                cr: vec![
                    0.683760683760684,
                    0.940170940170940,
                    0.985754985754986,
                    0.997150997150997,
                    1.0,
                ],
                hoover: Some(0.540170940170940),
                max_min_ratio: Some(240.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
        reference(
            &[0.5, 0.25, 0.125, 0.125],
            Inequality {
                n: 4,
                gini: Some(0.3125),
                // n/(n-1) = 4/3
                gini_normalised: Some(0.3125 * 4.0 / 3.0),
                hhi: Some(0.34375),
                hhi_normalised: Some(0.125),
                effective_number: Some(2.90909090909091),
                theil: Some(0.173286795139986),
                mean_log_deviation: Some(0.173286795139986),
                atkinson_0_5: Some(0.0839466094067262),
                atkinson_1: Some(0.159103584746285),
                coefficient_of_variation: Some(0.612372435695795),
                top_share: Some(0.5),
                cr: vec![0.5, 0.75, 0.875, 1.0],
                hoover: Some(0.25),
                max_min_ratio: Some(4.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
        reference(
            &[3.0, 0.0, 1.0, 7.0, 2.0],
            Inequality {
                n: 5,
                gini: Some(0.492307692307692),
                // n/(n-1) = 5/4
                gini_normalised: Some(0.492307692307692 * 5.0 / 4.0),
                hhi: Some(0.372781065088757),
                hhi_normalised: Some(0.215976331360947),
                effective_number: Some(2.68253968253968),
                theil: Some(0.452450268088826),
                mean_log_deviation: None,
                atkinson_0_5: Some(0.290284969060938),
                atkinson_1: Some(1.0),
                coefficient_of_variation: Some(0.929465074891890),
                top_share: Some(0.538461538461538),
                cr: vec![
                    0.538461538461538,
                    0.769230769230769,
                    0.923076923076923,
                    1.0,
                    1.0,
                ],
                hoover: Some(0.369230769230769),
                max_min_ratio: None,
                gini_range: None,
                top_share_range: None,
                undefined: undef(&["max_min_ratio", "mean_log_deviation"]),
            },
        );
        reference(
            &[2.0, 7.0, 1.0, 8.0, 2.0, 8.0],
            Inequality {
                n: 6,
                gini: Some(0.345238095238095),
                // n/(n-1) = 6/5
                gini_normalised: Some(0.345238095238095 * 6.0 / 5.0),
                hhi: Some(0.237244897959184),
                hhi_normalised: Some(0.0846938775510204),
                effective_number: Some(4.21505376344086),
                theil: Some(0.233305831642292),
                mean_log_deviation: Some(0.291930442024670),
                atkinson_0_5: Some(0.124035988024443),
                atkinson_1: Some(0.253179518512649),
                coefficient_of_variation: Some(0.650745255653164),
                top_share: Some(0.285714285714286),
                cr: vec![
                    0.285714285714286,
                    0.571428571428571,
                    0.821428571428571,
                    0.892857142857143,
                    0.964285714285714,
                    1.0,
                ],
                hoover: Some(0.321428571428571),
                max_min_ratio: Some(8.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
        reference(
            &[0.001, 1000.0],
            Inequality {
                n: 2,
                gini: Some(0.499999000001000),
                // n/(n-1) = 2/1
                gini_normalised: Some(0.499999000001000 * 2.0 / 1.0),
                hhi: Some(0.999998000004000),
                hhi_normalised: Some(0.999996000008000),
                effective_number: Some(1.00000200000000),
                theil: Some(0.693132365063703),
                mean_log_deviation: Some(6.21460909842169),
                atkinson_0_5: Some(0.499000000999999),
                atkinson_1: Some(0.998000001999998),
                coefficient_of_variation: Some(0.999998000002000),
                top_share: Some(0.999999000001000),
                cr: vec![0.999999000001000, 1.0],
                hoover: Some(0.499999000001000),
                max_min_ratio: Some(1000000.0),
                gini_range: None,
                top_share_range: None,
                undefined: undef(&[]),
            },
        );
    }

    /// Every index straight from its definition, O(n^2) Gini included: the
    /// oracle for the property tests. Only for moderate values (no overflow
    /// guard) with at least two values and a positive sum.
    fn naive(x: &[f64]) -> Inequality {
        let n = x.len();
        let nf = n as f64;
        let sum: f64 = x.iter().sum();
        let mu = sum / nf;
        let s: Vec<f64> = x.iter().map(|v| v / sum).collect();
        let pairs: f64 = x
            .iter()
            .flat_map(|a| x.iter().map(move |b| (a - b).abs()))
            .sum();
        let hhi: f64 = s.iter().map(|v| v * v).sum();
        let any_zero = x.contains(&0.0);
        let mut desc = s.clone();
        desc.sort_by(|a, b| b.total_cmp(a));
        let (min, max) = x.iter().fold((f64::INFINITY, 0.0_f64), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
        let mut undefined = BTreeMap::new();
        if any_zero {
            undefined.insert("mean_log_deviation", String::new());
            undefined.insert("max_min_ratio", String::new());
        }
        Inequality {
            n,
            gini: Some(pairs / (2.0 * nf * nf * mu)),
            gini_normalised: Some(pairs / (2.0 * nf * nf * mu) * nf / (nf - 1.0)),
            hhi: Some(hhi),
            hhi_normalised: Some((hhi - 1.0 / nf) / (1.0 - 1.0 / nf)),
            effective_number: Some(1.0 / hhi),
            theil: Some(
                x.iter()
                    .map(|v| v / mu)
                    .map(|r| if r == 0.0 { 0.0 } else { r * r.ln() })
                    .sum::<f64>()
                    / nf,
            ),
            mean_log_deviation: (!any_zero)
                .then(|| x.iter().map(|v| (mu / v).ln()).sum::<f64>() / nf),
            atkinson_0_5: Some(1.0 - (x.iter().map(|v| (v / mu).sqrt()).sum::<f64>() / nf).powi(2)),
            atkinson_1: Some(if any_zero {
                1.0
            } else {
                1.0 - (x.iter().map(|v| v.ln()).sum::<f64>() / nf).exp() / mu
            }),
            coefficient_of_variation: Some(
                (x.iter().map(|v| (v - mu).powi(2)).sum::<f64>() / nf).sqrt() / mu,
            ),
            top_share: Some(desc[0]),
            cr: (1..=n).map(|k| desc[..k].iter().sum()).collect(),
            hoover: Some(0.5 * s.iter().map(|v| (v - 1.0 / nf).abs()).sum::<f64>()),
            max_min_ratio: (!any_zero).then(|| max / min),
            gini_range: None,
            top_share_range: None,
            undefined,
        }
    }

    /// Moderate values, zeros included (about one in five).
    fn moderate(len: std::ops::Range<usize>) -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(prop_oneof![1 => Just(0.0), 4 => 1e-3..1e6_f64], len)
    }

    /// Any finite non-negative value, subnormals and f64::MAX included.
    fn wide() -> impl Strategy<Value = Vec<f64>> {
        use prop::num::f64::{NORMAL, POSITIVE, SUBNORMAL, ZERO};
        prop::collection::vec(POSITIVE | NORMAL | SUBNORMAL | ZERO, 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn agrees_with_the_definitions(x in moderate(2..12)) {
            prop_assume!(x.iter().any(|&v| v > 0.0));
            assert_close(&inequality(&x), &naive(&x), 1e-9);
        }

        #[test]
        fn symmetric_under_permutation(
            (x, shuffled) in moderate(0..12).prop_flat_map(|x| (Just(x.clone()), Just(x).prop_shuffle()))
        ) {
            // Exactly equal: the computation runs over the sorted values.
            prop_assert_eq!(inequality(&x), inequality(&shuffled));
        }

        #[test]
        fn scale_invariant(x in moderate(0..12)) {
            let tripled: Vec<f64> = x.iter().map(|v| 3.0 * v).collect();
            assert_close(&inequality(&tripled), &inequality(&x), 1e-12);
        }

        #[test]
        fn equal_values_are_perfectly_equal(
            v in prop::num::f64::POSITIVE | prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL,
            n in 2..20_usize,
        ) {
            let got = inequality(&vec![v; n]);
            let nf = n as f64;
            for (name, index) in [
                ("gini", got.gini),
                ("gini_normalised", got.gini_normalised),
                ("hhi_normalised", got.hhi_normalised),
                ("theil", got.theil),
                ("mean_log_deviation", got.mean_log_deviation),
                ("atkinson_0_5", got.atkinson_0_5),
                ("atkinson_1", got.atkinson_1),
                ("coefficient_of_variation", got.coefficient_of_variation),
                ("hoover", got.hoover),
            ] {
                prop_assert_eq!(index, Some(0.0), "{}", name);
            }
            prop_assert_eq!(got.hhi, Some(1.0 / nf));
            prop_assert_eq!(got.effective_number, Some(nf));
            prop_assert_eq!(got.top_share, Some(1.0 / nf));
            prop_assert_eq!(got.max_min_ratio, Some(1.0));
            for (k, c) in got.cr.iter().enumerate() {
                prop_assert!(close(*c, (k + 1) as f64 / nf, 1e-14), "CR_{} = {}", k + 1, c);
            }
            prop_assert!(got.undefined.is_empty());
        }

        #[test]
        fn finite_and_within_range(x in wide()) {
            let got = inequality(&x);
            let n = x.len() as f64;
            let within = |name: &str, v: Option<f64>, lo: f64, hi: f64| -> Result<(), TestCaseError> {
                if let Some(v) = v {
                    prop_assert!(v.is_finite() && lo <= v && v <= hi, "{} = {} not in [{}, {}]", name, v, lo, hi);
                }
                Ok(())
            };
            within("gini", got.gini, 0.0, 1.0 - 1.0 / n)?;
            if let Some(g) = got.gini {
                prop_assert!(g < 1.0);
            }
            within("gini_normalised", got.gini_normalised, 0.0, 1.0)?;
            within("hhi", got.hhi, 1.0 / n, 1.0)?;
            within("hhi_normalised", got.hhi_normalised, 0.0, 1.0)?;
            within("effective_number", got.effective_number, 1.0, n)?;
            within("theil", got.theil, 0.0, n.ln())?;
            within("mean_log_deviation", got.mean_log_deviation, 0.0, f64::MAX)?;
            within("atkinson_0_5", got.atkinson_0_5, 0.0, 1.0 - 1.0 / n)?;
            within("atkinson_1", got.atkinson_1, 0.0, 1.0)?;
            within("coefficient_of_variation", got.coefficient_of_variation, 0.0, (n - 1.0).sqrt())?;
            within("top_share", got.top_share, 1.0 / n, 1.0)?;
            within("hoover", got.hoover, 0.0, 1.0 - 1.0 / n)?;
            within("max_min_ratio", got.max_min_ratio, 1.0, f64::MAX)?;
            for (k, c) in got.cr.iter().enumerate() {
                prop_assert!(c.is_finite() && (0.0..=1.0).contains(c), "CR_{} = {}", k + 1, c);
                if k > 0 {
                    prop_assert!(got.cr[k - 1] <= *c, "CR not monotone: {:?}", got.cr);
                }
            }
            if let Some(last) = got.cr.last() {
                prop_assert_eq!(*last, 1.0);
                prop_assert_eq!(got.cr.len(), x.len());
                prop_assert_eq!(Some(got.cr[0]), got.top_share);
            }
            // `undefined` lists exactly the None indices (and an empty cr).
            let mut none: Vec<&str> = got
                .indices()
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(name, _)| *name)
                .collect();
            if got.cr.is_empty() {
                none.push("cr");
            }
            none.sort_unstable();
            let keys: Vec<&str> = got.undefined.keys().copied().collect();
            prop_assert_eq!(keys, none);
        }
    }
}
