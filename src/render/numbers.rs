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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_get_thousands_separators() {
        assert_eq!(amount(1_400_000.0), "1,400,000");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(-1000.0), "-1,000");
        assert_eq!(amount(0.5), "0.50");
    }
}
