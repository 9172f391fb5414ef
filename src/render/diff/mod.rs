//! The diff of two reports (or two directories): text and markdown. JSON is
//! the serialised [`powershare_core::diff::Diff`].

pub mod markdown;
pub mod text;

use powershare_core::diff::SHOWN_CHANGE;

/// A number with its sign, three decimals.
pub fn signed(x: f64) -> String {
    let x = if x.abs() < SHOWN_CHANGE { 0.0 } else { x };
    format!("{x:+.3}")
}

/// A value with three decimals, or `-`.
pub fn value(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(x: f64, shown: &str) {
        assert_eq!(signed(x), shown);
    }

    #[test]
    fn signed_changes() {
        case(0.1234, "+0.123");
        case(-0.5, "-0.500");
        case(-1e-9, "+0.000");
        case(0.0, "+0.000");
    }
}
