//! Weights and quotas written as text: exact by scaling decimal fractions.
//!
//! `2.5`, `0.125` and `40` are decimal fractions: all of them times a power
//! of ten (here 1000: 2500, 125, 40000) are integers, and multiplying every
//! weight and the quota by the same number changes no coalition's outcome,
//! so the integer game is the same game, computed exactly. Anything else
//! (`1/3` as a weight, `1e-3`, `nan`, negative numbers) is refused with a
//! message that says what is allowed, rather than rounded.

use thiserror::Error;

use super::Clause;

/// Why a weight or quota cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NumberError {
    /// Not a plain decimal number.
    #[error(
        "{what} {text:?} is not a number powershare can use exactly: write a non-negative decimal such as 3, 2.5 or 0.125"
    )]
    NotDecimal {
        /// Which number ("weight 3", "the quota").
        what: String,
        /// The text as given.
        text: String,
    },
    /// Below zero.
    #[error("{what} {text:?} is negative; weights and quotas are at least 0")]
    Negative {
        /// Which number.
        what: String,
        /// The text as given.
        text: String,
    },
    /// The quota is none of the forms allowed.
    #[error(
        "the quota {text:?} is not usable: write a weight such as 51 or 2.5, majority, two-thirds, unanimity, or a fraction of the total such as 0.5 or 2/3"
    )]
    BadQuota {
        /// The text as given.
        text: String,
    },
    /// Too many digits to scale to 64-bit integers.
    #[error(
        "{what} {text:?} has too many digits: after scaling every weight to a whole number the total must stay below 18446744073709551616"
    )]
    TooLarge {
        /// Which number.
        what: String,
        /// The text as given.
        text: String,
    },
    /// So many decimal places that the numbers, scaled to whole numbers
    /// by 10^places, no longer fit in 64 bits.
    #[error(
        "{what} {text:?} has {places} decimal places: every weight and the quota are multiplied by 10^{places} to make them whole, and then {problem}; give fewer decimal places"
    )]
    TooPrecise {
        /// Which number has the most decimal places.
        what: String,
        /// The text as given.
        text: String,
        /// Its decimal places.
        places: u32,
        /// What overflows.
        problem: &'static str,
    },
    /// No weights.
    #[error("no weights given; give one weight per player, e.g. `--quota 6 4 3 2 1`")]
    NoWeights,
    /// The quota is outside [1, total] (or a fraction outside (0, 1]).
    #[error(
        "the quota {text:?} is {problem}; it must be at least 1 and at most the total weight {total}"
    )]
    QuotaOutOfRange {
        /// The quota as given.
        text: String,
        /// What is wrong ("0", "above the total"...).
        problem: String,
        /// The total weight, as the user wrote weights.
        total: String,
    },
    /// A fraction quota outside (0, 1].
    #[error(
        "the quota {text:?} is a fraction outside (0, 1]; a fraction q gives quota ceil(q × total)"
    )]
    FractionOutOfRange {
        /// The quota as given.
        text: String,
    },
}

/// A decimal number: `digits / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The digits as an integer.
    pub digits: u128,
    /// Digits after the decimal point.
    pub scale: u32,
}

/// Parses a plain non-negative decimal (`12`, `2.5`, `.5`, `0.125`,
/// underscores allowed between digits). `what` names the number in errors.
pub fn parse(text: &str, what: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    let not = || NumberError::NotDecimal {
        what: what.into(),
        text: text.into(),
    };
    if let Some(rest) = t.strip_prefix('-') {
        return if parse(rest, what).is_ok() {
            Err(NumberError::Negative {
                what: what.into(),
                text: text.into(),
            })
        } else {
            Err(not())
        };
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let clean = |s: &str| -> Option<String> {
        if s.starts_with('_') || s.ends_with('_') {
            return None;
        }
        let s: String = s.chars().filter(|&c| c != '_').collect();
        s.chars().all(|c| c.is_ascii_digit()).then_some(s)
    };
    let (int, frac) = (clean(int).ok_or_else(not)?, clean(frac).ok_or_else(not)?);
    if int.is_empty() && frac.is_empty() {
        return Err(not());
    }
    let frac = frac.trim_end_matches('0');
    let too_large = || NumberError::TooLarge {
        what: what.into(),
        text: text.into(),
    };
    if int.len() + frac.len() > 38 {
        return Err(too_large());
    }
    let all = format!("{int}{frac}");
    let all = all.trim_start_matches('0');
    let digits = if all.is_empty() {
        0
    } else {
        all.parse::<u128>().map_err(|_| too_large())?
    };
    Ok(Decimal {
        digits,
        scale: frac.len() as u32,
    })
}

/// How the quota was given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum QuotaSpec {
    /// floor(T/2) + 1: more than half of the total weight.
    Majority,
    /// ceil(2T/3).
    TwoThirds,
    /// T.
    Unanimity,
    /// A weight.
    Absolute(Decimal),
    /// ceil(num/den × T), 0 < num/den <= 1.
    Fraction {
        /// Numerator.
        num: u128,
        /// Denominator.
        den: u128,
    },
}

impl QuotaSpec {
    /// Reads `majority`, `two-thirds`, `unanimity`, an integer (a weight), a
    /// decimal with a point (a fraction of the total when at most 1, else a
    /// weight), or `a/b` (a fraction).
    pub fn parse(text: &str) -> Result<QuotaSpec, NumberError> {
        let t = text.trim();
        match t {
            "majority" => return Ok(QuotaSpec::Majority),
            "two-thirds" => return Ok(QuotaSpec::TwoThirds),
            "unanimity" => return Ok(QuotaSpec::Unanimity),
            _ => {}
        }
        let what = "the quota";
        let not = || NumberError::BadQuota { text: text.into() };
        if let Some((a, b)) = t.split_once('/') {
            let (a, b) = (
                parse(a, what).map_err(|_| not())?,
                parse(b, what).map_err(|_| not())?,
            );
            if a.scale != 0 || b.scale != 0 || b.digits == 0 {
                return Err(not());
            }
            if a.digits == 0 || a.digits > b.digits {
                return Err(NumberError::FractionOutOfRange { text: text.into() });
            }
            return Ok(QuotaSpec::Fraction {
                num: a.digits,
                den: b.digits,
            });
        }
        let d = parse(t, what).map_err(|e| match e {
            NumberError::NotDecimal { .. } => not(),
            e => e,
        })?;
        if t.contains('.') && d.digits <= 10u128.pow(d.scale) {
            if d.digits == 0 {
                return Err(NumberError::FractionOutOfRange { text: text.into() });
            }
            return Ok(QuotaSpec::Fraction {
                num: d.digits,
                den: 10u128.pow(d.scale),
            });
        }
        Ok(QuotaSpec::Absolute(d))
    }
}

/// The integer clause for decimal `weights` and `quota`, and the factor
/// 10^s every number was multiplied by.
pub fn clause(weights: &[&str], quota: &str) -> Result<(Clause, u64), NumberError> {
    if weights.is_empty() {
        return Err(NumberError::NoWeights);
    }
    let spec = QuotaSpec::parse(quota)?;
    let parsed: Vec<Decimal> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| parse(w, &format!("weight {}", i + 1)))
        .collect::<Result<_, _>>()?;
    let mut scale = parsed.iter().map(|d| d.scale).max().unwrap_or(0);
    if let QuotaSpec::Absolute(q) = spec {
        scale = scale.max(q.scale);
    }
    let name = |i: usize| {
        if i == usize::MAX {
            "the quota".to_string()
        } else {
            format!("weight {}", i + 1)
        }
    };
    let big = |i: usize, text: &str| NumberError::TooLarge {
        what: name(i),
        text: text.into(),
    };
    // When the numbers overflow only once scaled, the one with the most
    // decimal places is to blame, not whichever weight the sum reached
    // first (`1 0.0000000000000000000000000000001 1` once blamed weight 1).
    let precise = |problem: &'static str| {
        let (i, text, places) = parsed
            .iter()
            .zip(weights)
            .enumerate()
            .map(|(i, (d, w))| (i, *w, d.scale))
            .chain(match spec {
                QuotaSpec::Absolute(q) => Some((usize::MAX, quota, q.scale)),
                _ => None,
            })
            .max_by_key(|&(i, _, places)| (places, std::cmp::Reverse(i)))
            .unwrap_or((0, weights[0], scale));
        NumberError::TooPrecise {
            what: name(i),
            text: text.into(),
            places,
            problem,
        }
    };
    // Whole parts alone (rounded up): an overflow here is the weights'
    // size, not their decimals.
    let mut whole: u128 = 0;
    for (i, d) in parsed.iter().enumerate() {
        whole += d.digits.div_ceil(10u128.pow(d.scale));
        if whole > u128::from(u64::MAX) {
            return Err(big(i, weights[i]));
        }
    }
    let factor = 10u64
        .checked_pow(scale)
        .ok_or_else(|| precise("the factor is beyond 64 bits"))?;
    let overflow = "the total weight passes 18446744073709551615";
    let up = |d: Decimal| -> Option<u64> {
        let f = 10u128.checked_pow(scale - d.scale)?;
        u64::try_from(d.digits.checked_mul(f)?).ok()
    };
    let mut ints = Vec::with_capacity(parsed.len());
    let mut total: u64 = 0;
    for d in &parsed {
        let w = up(*d).ok_or_else(|| precise(overflow))?;
        total = total.checked_add(w).ok_or_else(|| precise(overflow))?;
        ints.push(w);
    }
    let shown = |x: u64| format_scaled(x, scale);
    let q = match spec {
        QuotaSpec::Majority => total / 2 + 1,
        QuotaSpec::TwoThirds => (2 * u128::from(total)).div_ceil(3) as u64,
        QuotaSpec::Unanimity => total,
        QuotaSpec::Fraction { num, den } => (u128::from(total) * num)
            .div_ceil(den)
            .min(u128::from(u64::MAX)) as u64,
        QuotaSpec::Absolute(d) => up(d).ok_or_else(|| {
            if d.digits.div_ceil(10u128.pow(d.scale)) > u128::from(u64::MAX) {
                big(usize::MAX, quota)
            } else {
                precise(overflow)
            }
        })?,
    };
    let out_of_range = |problem: &str| NumberError::QuotaOutOfRange {
        text: quota.into(),
        problem: problem.into(),
        total: shown(total),
    };
    if matches!(spec, QuotaSpec::Absolute(_)) && q < factor {
        return Err(out_of_range("below 1"));
    }
    if q == 0 {
        return Err(out_of_range("0 (every weight is 0)"));
    }
    if q > total {
        return Err(out_of_range("above the total weight"));
    }
    Ok((Clause::new(ints, q), factor))
}

/// `x / 10^scale` written as a decimal.
pub fn format_scaled(x: u64, scale: u32) -> String {
    if scale == 0 {
        return x.to_string();
    }
    let f = 10u64.pow(scale);
    let frac = format!("{:0width$}", x % f, width = scale as usize);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        (x / f).to_string()
    } else {
        format!("{}.{frac}", x / f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(weights: &[&str], quota: &str, want: (&[u64], u64, u64)) {
        let (c, f) = clause(weights, quota).unwrap();
        assert_eq!((c.weights.as_slice(), c.quota, f), want);
    }

    #[track_caller]
    fn err(weights: &[&str], quota: &str, message: &str) {
        assert_eq!(clause(weights, quota).unwrap_err().to_string(), message);
    }

    #[test]
    fn scales_decimal_fractions_exactly() {
        ok(&["4", "3", "2", "1"], "6", (&[4, 3, 2, 1], 6, 1));
        // 0.25 and 1.5: scale 100; majority of 175 is 88.
        ok(&["0.25", "1.5"], "majority", (&[25, 150], 88, 100));
        ok(&["1.50", "1_000"], "2.5", (&[15, 10000], 25, 10));
        // Fractions: 0.5 of 10 -> 5; 2/3 of 10 -> 7; 1.0 -> 10.
        ok(&["4", "6"], "0.5", (&[4, 6], 5, 1));
        ok(&["4", "6"], "2/3", (&[4, 6], 7, 1));
        ok(&["4", "6"], "two-thirds", (&[4, 6], 7, 1));
        ok(&["4", "6"], "1.0", (&[4, 6], 10, 1));
        ok(&["4", "6"], "unanimity", (&[4, 6], 10, 1));
    }

    #[test]
    fn refuses_what_it_cannot_do_exactly() {
        err(
            &[],
            "1",
            "no weights given; give one weight per player, e.g. `--quota 6 4 3 2 1`",
        );
        err(
            &["1/3", "1"],
            "1",
            "weight 1 \"1/3\" is not a number powershare can use exactly: write a non-negative decimal such as 3, 2.5 or 0.125",
        );
        err(
            &["1e3"],
            "1",
            "weight 1 \"1e3\" is not a number powershare can use exactly: write a non-negative decimal such as 3, 2.5 or 0.125",
        );
        err(
            &["2", "-1"],
            "1",
            "weight 2 \"-1\" is negative; weights and quotas are at least 0",
        );
        err(
            &["2", "1"],
            "4",
            "the quota \"4\" is above the total weight; it must be at least 1 and at most the total weight 3",
        );
        err(
            &["2", "1"],
            "0",
            "the quota \"0\" is below 1; it must be at least 1 and at most the total weight 3",
        );
        err(
            &["2", "1"],
            "0.0",
            "the quota \"0.0\" is a fraction outside (0, 1]; a fraction q gives quota ceil(q × total)",
        );
        err(
            &["2", "1"],
            "3/2",
            "the quota \"3/2\" is a fraction outside (0, 1]; a fraction q gives quota ceil(q × total)",
        );
        // 20 × 10^18 passes 2^64: the 18 decimal places are to blame.
        err(
            &["0.000000000000000001", "20"],
            "1",
            "weight 1 \"0.000000000000000001\" has 18 decimal places: every weight and the quota are multiplied by 10^18 to make them whole, and then the total weight passes 18446744073709551615; give fewer decimal places",
        );
        // Regression: weight 1 was blamed for weight 2's 31 decimal places.
        err(
            &["1", "0.0000000000000000000000000000001", "1"],
            "2",
            "weight 2 \"0.0000000000000000000000000000001\" has 31 decimal places: every weight and the quota are multiplied by 10^31 to make them whole, and then the factor is beyond 64 bits; give fewer decimal places",
        );
        // The quota can hold the most decimal places too.
        err(
            &["1", "1"],
            "1.00000000000000000001",
            "the quota \"1.00000000000000000001\" has 20 decimal places: every weight and the quota are multiplied by 10^20 to make them whole, and then the factor is beyond 64 bits; give fewer decimal places",
        );
        // Weights too large even as whole numbers: the one where the sum
        // passes 2^64 - 1 is named.
        err(
            &["0.5", "18446744073709551615", "1"],
            "1",
            "weight 2 \"18446744073709551615\" has too many digits: after scaling every weight to a whole number the total must stay below 18446744073709551616",
        );
        err(
            &["nan"],
            "1",
            "weight 1 \"nan\" is not a number powershare can use exactly: write a non-negative decimal such as 3, 2.5 or 0.125",
        );
    }

    #[test]
    fn formats_scaled_numbers() {
        assert_eq!(format_scaled(175, 2), "1.75");
        assert_eq!(format_scaled(1500, 3), "1.5");
        assert_eq!(format_scaled(7, 0), "7");
    }
}
