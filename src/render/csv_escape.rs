//! Neutralising spreadsheet formulas in CSV cells.
//!
//! A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`,
//! `-` or `@` as a formula (and some also treat a leading tab or carriage
//! return that way), so a name like `=HYPERLINK(...)` in the input could
//! run in the reader's spreadsheet. Such a cell gets a leading apostrophe,
//! the usual neutraliser (OWASP, "CSV Injection"). Numbers are written by
//! powershare itself and never start with these characters except a minus
//! sign, which powershare's values (all >= 0) never have.

/// `cell`, with a leading `'` if it starts with `=`, `+`, `-`, `@`, tab or
/// carriage return.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[track_caller]
    fn case(cell: &str, want: &str) {
        assert_eq!(neutralise(cell), want);
    }

    #[test]
    fn formula_starts_are_neutralised() {
        case("=1+1", "'=1+1");
        case("+44", "'+44");
        case("-2", "'-2");
        case("@SUM(A1)", "'@SUM(A1)");
        case("\tx", "'\tx");
        case("\rx", "'\rx");
    }

    #[test]
    fn ordinary_cells_are_kept() {
        case("council", "council");
        case("0.25", "0.25");
        case("", "");
        case("a=b", "a=b");
    }
}
