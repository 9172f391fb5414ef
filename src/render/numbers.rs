//! Numbers as every renderer shows them: shares as percentages, index
//! values, gaps in percentage points and amounts of money, written once.

/// A share as a percentage with one decimal.
pub fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// A share as a whole percentage.
pub fn pct0(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// An index value with three decimals, or "-" when undefined.
pub fn num(x: Option<f64>) -> String {
    // Rounding noise such as -1e-17 must not print as "-0.000".
    x.map_or_else(
        || "-".into(),
        |v| format!("{:.3}", if v.abs() < 5e-4 { 0.0 } else { v }),
    )
}

/// A gap in percentage points, one decimal.
pub fn points(x: f64) -> String {
    let x = if x.abs() < 5e-4 { 0.0 } else { x };
    format!("{:.1} points", x * 100.0)
}

/// A number with thousands separators when whole, else two decimals.
pub fn amount(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let digits = format!("{}", x.abs() as u64);
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if x < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{x:.2}")
    }
}

/// A ratio to two significant figures, with thousands separators and an
/// "x": 338.603 is "340x", 1.156 is "1.2x", 23,456 is "23,000x"; "-" when
/// undefined. For people (text, markdown, HTML); JSON and CSV keep full
/// precision.
pub fn ratio(x: Option<f64>) -> String {
    let Some(x) = x.filter(|x| x.is_finite() && *x > 0.0) else {
        return "-".into();
    };
    let mut digits = x.log10().floor() as i32;
    let scale = 10f64.powi(digits - 1);
    let rounded = (x / scale).round() * scale;
    // 9.96 rounds to 10: one more digit before the point.
    if rounded >= 10f64.powi(digits + 1) {
        digits += 1;
    }
    if digits >= 1 {
        format!("{}x", amount(rounded.round()))
    } else {
        let decimals = (1 - digits) as usize;
        format!("{rounded:.decimals$}x")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_have_two_significant_figures() {
        #[track_caller]
        fn case(x: f64, expected: &str) {
            assert_eq!(ratio(Some(x)), expected, "{x}");
        }
        case(338.603, "340x");
        case(135.622, "140x");
        case(3.286, "3.3x");
        case(1.0, "1.0x");
        case(1.156, "1.2x");
        case(9.96, "10x");
        case(99.5, "100x");
        case(23_456.0, "23,000x");
        case(12.4, "12x");
        assert_eq!(ratio(None), "-");
        assert_eq!(ratio(Some(f64::INFINITY)), "-");
    }

    #[test]
    fn amounts_get_thousands_separators() {
        assert_eq!(amount(1_400_000.0), "1,400,000");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(-1000.0), "-1,000");
        assert_eq!(amount(0.5), "0.50");
    }
}
