//! The natural order of period texts: "2024-25" before "2025-26", "Q2 2025"
//! before "Q10 2025".
//!
//! A period is free text, so it is compared piece by piece: runs of digits
//! as whole numbers (so 10 comes after 2, and leading zeros do not count),
//! everything else as text, ignoring case. Texts that are equal that way
//! (`"Q1"` and `"q01"`) fall back to plain byte order, so the order is total
//! and every sort by it is deterministic.
//!
//! It is the order of the text, not of the calendar: "Q1 2026" comes before
//! "Q2 2025", since "Q1" < "Q2". Write the year first ("2025 Q2") when
//! quarters of several years are compared.

use std::cmp::Ordering;

/// One piece of a period text.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// A run of ASCII digits, leading zeros removed (empty for zero).
    Number(&'a str),
    /// A run of anything else.
    Text(&'a str),
}

fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    while start < s.len() {
        let digit = bytes[start].is_ascii_digit();
        let end = s[start..]
            .find(|c: char| c.is_ascii_digit() != digit)
            .map_or(s.len(), |k| start + k);
        let run = &s[start..end];
        out.push(if digit {
            Piece::Number(run.trim_start_matches('0'))
        } else {
            Piece::Text(run)
        });
        start = end;
    }
    out
}

fn compare_piece(a: &Piece, b: &Piece) -> Ordering {
    match (a, b) {
        // Without leading zeros, a longer run of digits is a larger number.
        (Piece::Number(x), Piece::Number(y)) => x.len().cmp(&y.len()).then_with(|| x.cmp(y)),
        // Numbers before text at the same place ("2025" before "Autumn").
        (Piece::Number(_), Piece::Text(_)) => Ordering::Less,
        (Piece::Text(_), Piece::Number(_)) => Ordering::Greater,
        (Piece::Text(x), Piece::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
    }
}

/// Compare two period texts in natural order (see the module documentation).
pub fn compare(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (pieces(a), pieces(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = compare_piece(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn before(a: &str, b: &str) {
        assert_eq!(compare(a, b), Ordering::Less, "{a:?} < {b:?}");
        assert_eq!(compare(b, a), Ordering::Greater, "{b:?} > {a:?}");
    }

    #[test]
    fn natural_order() {
        before("2024-25", "2025-26");
        before("Q2 2025", "Q10 2025");
        before("2025 Q2", "2025 Q10");
        before("2025 Q4", "2026 Q1");
        before("9", "10");
        before("FY2024", "FY2025");
        before("year 2", "Year 3");
        before("2025", "2025-26");
        before("2025", "Autumn");
        // Equal but for case or leading zeros: byte order decides.
        before("Q01", "Q1");
        before("Q1", "q1");
        assert_eq!(compare("2025-26", "2025-26"), Ordering::Equal);
        // Numbers longer than any integer type still compare.
        before("99999999999999999999999", "100000000000000000000000");
    }

    #[test]
    fn sorting_is_total_and_deterministic() {
        let mut v = vec!["Q10 2025", "Q2 2025", "2025-26", "2024-25", "q2 2025", ""];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(
            v,
            ["", "2024-25", "2025-26", "Q2 2025", "q2 2025", "Q10 2025"]
        );
    }
}
