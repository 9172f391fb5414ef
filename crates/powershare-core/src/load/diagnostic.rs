//! Where a problem in an input file is, and what it is.
//!
//! Every validation error is a [`Diagnostic`]: a position (line and column
//! when the TOML layer knows it), the field path (`body.cvs.seats`,
//! `funding.0.amount`, `board.quota`), and a [`Problem`] whose message says
//! what is allowed.

use std::fmt;
use std::ops::Range;

/// Most problems reported for one file: the first in file order are kept
/// and the rest only counted ([`LoadError::Invalid::more`]). A step
/// summary or a terminal is no place for a million lines.
pub const MAX_DIAGNOSTICS: usize = 100;

/// The line that stands for the problems not listed: `and 12 more
/// problems (the first 100 of a file are listed)`.
pub fn more_problems(more: usize) -> String {
    format!(
        "and {more} more problem{} (the first {MAX_DIAGNOSTICS} of a file are listed)",
        if more == 1 { "" } else { "s" }
    )
}

/// A 1-based line and column in the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte offset `offset` in `text` (clamped to the text).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    /// The position where `span` starts in `text`.
    pub fn of_span(text: &str, span: &Range<usize>) -> Self {
        Self::of_offset(text, span.start)
    }
}

/// What is wrong with an input file. Each message says what is allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The TOML layer rejected the text or a value's type (syntax, wrong type, unknown key).
    #[error("{message}")]
    Toml {
        /// The TOML parser's message.
        message: String,
    },
    /// The file declares a format version this build does not read.
    #[error("unsupported format {found}: this version of powershare reads format = 1")]
    UnsupportedFormat {
        /// The version found.
        found: String,
    },
    /// A top-level key that is not a table of the format.
    #[error("unknown key `{key}`; the top level allows: {allowed}")]
    UnknownTopLevel {
        /// The key found.
        key: String,
        /// The allowed keys.
        allowed: &'static str,
    },
    /// The file has no `[[body]]`.
    #[error("no [[body]] tables: a partnership needs at least one body (see `powershare init`)")]
    NoBodies,
    /// An id that is not a slug.
    #[error(
        "`{id}` is not a valid id: use a lower-case letter or digit, then lower-case letters, digits, `-` or `_`"
    )]
    BadSlug {
        /// The id as written.
        id: String,
    },
    /// Two bodies share an id.
    #[error("duplicate body id `{id}`: it is already used on line {first_line}")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where it was first defined.
        first_line: usize,
    },
    /// A reference to a body that does not exist.
    #[error("no body has id `{id}`; {known}")]
    UnknownBody {
        /// The id referred to.
        id: String,
        /// The ids it could have meant: `the bodies are: a, b` for a
        /// partnership of at most ten bodies, else `the closest of the 400
        /// body ids are: ...` with five (so the message does not grow with
        /// the partnership).
        known: String,
    },
    /// NaN or infinity.
    #[error("must be a finite number, got {value}")]
    NotFinite {
        /// The value found.
        value: f64,
    },
    /// A negative amount.
    #[error("must be 0 or more, got {value}")]
    Negative {
        /// The value found.
        value: f64,
    },
    /// A number outside its range.
    #[error("must be between {min} and {max}, got {value}")]
    OutOfRange {
        /// The value found.
        value: f64,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// An amount above [`MAX_AMOUNT`](crate::load::limits::MAX_AMOUNT).
    #[error(
        "{value:e} is above the largest amount powershare accepts, 1e15 (10^15): give amounts in a larger unit (thousands or millions)"
    )]
    TooLarge {
        /// The value found.
        value: f64,
    },
    /// An array longer than its limit.
    #[error("{count} {what}: powershare reads at most {max}{hint}")]
    TooMany {
        /// What was counted (`bodies`, `entries`).
        what: &'static str,
        /// How many were found.
        count: usize,
        /// The limit.
        max: usize,
        /// How to raise the limit, if it can be raised.
        hint: &'static str,
    },
    /// A text or id longer than its limit.
    #[error("{chars} characters long: powershare reads {what} of at most {max} characters")]
    TooLong {
        /// What is limited (`ids`, `texts and keys`).
        what: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// The file would take the TOML parser more memory than powershare
    /// allows (its tokens, values and tables counted first, see
    /// [`crate::load::scan`]).
    #[error(
        "the file is too large to read: its {tokens} tokens, {values} values and {tables} tables would take the TOML parser about {needed_mb} MB, more than the {max_mb} MB powershare allows (16 bytes for each byte of the file-size limit); split the file, or set POWERSHARE_MAX_FILE_BYTES to raise both limits"
    )]
    TooComplex {
        /// Tokens counted (every key, value, bracket, comma, line break...).
        tokens: usize,
        /// Values counted.
        values: usize,
        /// Tables counted.
        tables: usize,
        /// The parser's memory for these, in MB (10^6 bytes), rounded up.
        needed_mb: usize,
        /// The budget, in MB.
        max_mb: usize,
    },
    /// A text or key holding a character powershare refuses.
    #[error(
        "the text holds {what}, U+{:04X}: powershare refuses control characters (except tab) and the bidirectional controls U+202A to U+202E and U+2066 to U+2069, which can hide text, fake lines or make it read in another order; remove it",
        u32::from(*code)
    )]
    ForbiddenCharacter {
        /// The character.
        code: char,
        /// What it is (`a control character`, `a bidirectional control
        /// (RIGHT-TO-LEFT OVERRIDE)`...).
        what: &'static str,
    },
    /// A per-body figure given for some bodies and not others.
    #[error(
        "`{field}` is given for some bodies but missing for {missing}: a missing figure is not zero, write `{field} = 0` where it is zero, or leave `{field}` out for every body"
    )]
    MissingForSome {
        /// The field name.
        field: &'static str,
        /// The ids lacking it, comma-separated (the first ten, then how
        /// many more).
        missing: String,
    },
    /// A quota that cannot be read.
    #[error(
        "quota {found} is not allowed: use \"majority\", \"two-thirds\", \"unanimity\", a whole number of seats from 1 to the total, or a fraction in (0, 1]"
    )]
    BadQuota {
        /// The value as written.
        found: String,
    },
    /// A quota no coalition can reach, or that every coalition reaches.
    #[error("quota {quota} is outside 1..={total}: the board has {total} seats in all")]
    QuotaOutOfRange {
        /// The resolved quota.
        quota: i64,
        /// Total seats.
        total: u64,
    },
    /// A `[board]` whose bodies have no seats.
    #[error("the board has no seats: give `seats` to the bodies on it, or remove [board]")]
    BoardWithoutSeats,
    /// A veto body without seats.
    #[error("veto body `{id}` has no seats: only a body on the board (seats >= 1) can hold a veto")]
    VetoWithoutSeats {
        /// The body.
        id: String,
    },
    /// Funding received above declared income.
    #[error(
        "`{id}` receives {received} in funding from partners, more than its declared income of {income}"
    )]
    FundingAboveIncome {
        /// The receiving body.
        id: String,
        /// Total received.
        received: f64,
        /// Declared income.
        income: f64,
    },
    /// Funding in a file whose bodies have no income.
    #[error(
        "[[funding]] needs `income` on every body: funding dependence is the share of the receiver's income"
    )]
    FundingNeedsIncome,
    /// A pair or flow from a body to itself.
    #[error("`{id}` is on both sides: {what} is between two different bodies")]
    SameBodyTwice {
        /// The body.
        id: String,
        /// What needs two bodies ("funding", "a contact"...).
        what: &'static str,
    },
    /// `between` with the wrong number of bodies.
    #[error("`between` must name exactly two bodies, got {found}")]
    BetweenArity {
        /// How many were given.
        found: usize,
    },
    /// The same pair twice in a table that allows one entry per pair (of
    /// each kind, for `[[relationship]]`).
    #[error("the pair `{a}`, `{b}` already has {what} on line {first_line}: give one per pair")]
    DuplicatePair {
        /// First body.
        a: String,
        /// Second body.
        b: String,
        /// Line of the first entry.
        first_line: usize,
        /// What the first entry is ("an entry", "a history", "a competitors entry").
        what: &'static str,
    },
    /// Two perceptions from the same rater.
    #[error("`{id}` already rated on line {first_line}: give one [[perception]] per rater")]
    DuplicateRater {
        /// The rater.
        id: String,
        /// Line of the first entry.
        first_line: usize,
    },
    /// A body listed twice in one list, or in both `supported` and `opposed`.
    #[error("`{id}` is listed more than once in this decision's supported/opposed lists")]
    ListedTwice {
        /// The body.
        id: String,
    },
    /// A finding code that does not exist.
    #[error("unknown finding code `{code}`; the codes are: {allowed}")]
    UnknownFinding {
        /// The code given.
        code: String,
        /// The known codes.
        allowed: String,
    },
    /// Every weight of the dimensions is zero.
    #[error("every weight is 0: at least one dimension needs a positive weight")]
    AllWeightsZero,
    /// A text field that is empty.
    #[error("must not be empty")]
    Empty,
    /// `casting_vote = true` with a quota other than "majority".
    #[error(
        "a casting vote breaks a tie between two halves of the seats, so it needs quota = \"majority\"; this board's quota is {found}: remove casting_vote or use the majority quota"
    )]
    CastingVoteNeedsMajority {
        /// The quota as written.
        found: String,
    },
    /// `casting_vote = true` without a chair.
    #[error(
        "a casting vote is the chair's: name the chair with `chair = \"ID\"` in [board], or remove casting_vote"
    )]
    CastingVoteNeedsChair,
    /// `casting_vote = true` with a chair who has no seats.
    #[error(
        "the chair `{id}` has no seats: a casting vote is the chair's extra vote on a tie, so the chair must hold seats on the board"
    )]
    CastingVoteChairWithoutSeats {
        /// The chair.
        id: String,
    },
    /// A history relationship without `trust`.
    #[error(
        "a history needs `trust`, from -2 (long mistrust) to 2 (long, positive history); only kind = \"competitors\" may leave it out"
    )]
    TrustMissing,
    /// Trust given on both entries of a pair.
    #[error(
        "the pair `{a}`, `{b}` already has a trust on line {first_line}: a pair has one trust, so give it on one of its entries (the history)"
    )]
    TrustTwice {
        /// First body.
        a: String,
        /// Second body.
        b: String,
        /// Line of the entry that gives it first.
        first_line: usize,
    },
    /// A questionnaire answer that is not a whole number on its scale.
    #[error("must be a whole number from {min} to {max}{scale}, got {value}")]
    NotOnScale {
        /// The value found.
        value: f64,
        /// Smallest answer.
        min: i64,
        /// Largest answer.
        max: i64,
        /// What the answers mean, e.g. ` (0 never ... 4 almost always)`; may be empty.
        scale: &'static str,
    },
    /// A response id that is not text. The value is not repeated: ids are never printed.
    #[error("must be text in quotes, e.g. id = \"r-017\" (a response's id is never printed)")]
    ResponseIdNotText,
    /// Two responses with the same id. The id is not repeated: ids are never printed.
    #[error(
        "the response on line {first_line} already has this id: give each response its own id (a response's id is never printed)"
    )]
    DuplicateResponseId {
        /// Line of the first response with the id.
        first_line: usize,
    },
    /// A respondent rating the trust of their own organisation.
    #[error(
        "`{id}` is the respondent's own body: trust rates the history with each of the other partners"
    )]
    OwnTrust {
        /// The respondent's body.
        id: String,
    },
    /// Trust ratings from a respondent who names no body.
    #[error(
        "trust needs `body`: it rates the history between the respondent's organisation and each other partner"
    )]
    TrustWithoutBody,
}

/// One problem found in an input file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Line and column, when known.
    pub position: Option<Position>,
    /// The field path, e.g. `body.cvs.seats` or `funding.0.amount`.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.position {
            write!(f, "{}:{}: ", p.line, p.column)?;
        }
        if self.field.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.field, self.problem)
        }
    }
}

/// Why a file could not be loaded. Nothing is scored from a file that fails.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The bytes are not UTF-8 text.
    #[error(
        "the file is not UTF-8 text (the first invalid byte is at line {}, column {}, byte offset {offset}); save it as UTF-8", position.line, position.column
    )]
    NotUtf8 {
        /// Where the first invalid byte is.
        position: Position,
        /// Its byte offset.
        offset: usize,
    },
    /// The file is larger than the limit.
    #[error(
        "the file is {bytes} bytes, more than the {max} bytes powershare reads; set POWERSHARE_MAX_FILE_BYTES to raise the limit"
    )]
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        max: usize,
    },
    /// The file is empty or only whitespace and comments.
    #[error("the file is empty: a partnership needs at least one [[body]] (see `powershare init`)")]
    Empty,
    /// One or more problems: the first [`MAX_DIAGNOSTICS`] in file order,
    /// and how many more were found.
    #[error("{} problem{} found", diagnostics.len() + more, if diagnostics.len() + more == 1 { "" } else { "s" })]
    Invalid {
        /// The problems, in file order: at most [`MAX_DIAGNOSTICS`].
        diagnostics: Vec<Diagnostic>,
        /// Problems found beyond those (see [`more_problems`]).
        more: usize,
    },
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, offset: usize, line: usize, column: usize) {
        assert_eq!(Position::of_offset(text, offset), Position { line, column });
    }

    #[test]
    fn positions() {
        case("abc", 0, 1, 1);
        case("abc\ndef", 4, 2, 1);
        case("abc\ndef", 6, 2, 3);
        // "é" is two bytes but one column.
        case("é=1", 2, 1, 2);
        // Offsets past the end or inside a character are clamped.
        case("ab", 99, 1, 3);
        case("é", 1, 1, 1);
    }
}
