//! `powershare survey import`: the rows of a CSV file of questionnaire
//! answers, as form tools and spreadsheets write them, appended to a
//! partnership file as `[[response]]` tables.
//!
//! The CSV has one header row ([`columns`] gives the template's) and one
//! row per respondent:
//!
//! - header cells are matched case-insensitively after trimming; columns
//!   may come in any order and any may be left out (no answer);
//! - `,` or `;` separates the cells (whichever the header uses more);
//! - UTF-8 with or without a byte-order mark; anything else is refused;
//! - an empty cell is no answer; a row whose cells are all empty is skipped;
//! - `included_outside` takes yes/no/y/n/true/false/1/0, `outside_meetings`
//!   a number or its word (never ... almost always), `body` and
//!   `priorities_set_by` a body's id or its name (case-insensitive).
//!
//! Every problem is a [`CellError`] at its row (the line where the row
//! starts; the header is row 1) and column (from 1); nothing is returned
//! unless every cell is good. The result is the file's text with the new
//! tables appended by `toml_edit`, so its comments and layout are kept, and
//! it is loaded again before it is returned: it is a valid partnership.
//! A response's `id` is checked (at most 64 characters, unique in the file)
//! but never repeated in a message.

mod cells;
mod write;

use thiserror::Error;

use crate::load::diagnostic::LoadError;
use crate::model::Partnership;

pub use cells::{Column, Row};

/// The columns of the questionnaire's CSV for `p`, in the template's order:
/// `id`, `body`, `influence.<id>` for every body in file order, the same
/// for `expertise.`, `position.` and `trust.`, then `outside_meetings`,
/// `included_outside`, `consensus_reflects`, `free_to_disagree`,
/// `priorities_set_by`.
///
/// ```
/// let p = powershare_core::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
/// let c = powershare_core::import::columns(&p);
/// assert_eq!(c[..4], ["id", "body", "influence.a", "influence.b"]);
/// assert_eq!(c.len(), 2 + 4 * 2 + 5);
/// ```
pub fn columns(p: &Partnership) -> Vec<String> {
    let mut out = vec!["id".to_string(), "body".to_string()];
    for q in cells::RATED {
        out.extend(p.bodies.iter().map(|b| format!("{q}.{}", b.id)));
    }
    out.extend(cells::QUESTIONS.iter().map(|q| q.to_string()));
    out
}

/// Whether the existing responses are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Remove the file's `[[response]]` tables before adding the new ones.
    pub replace: bool,
}

/// A successful import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The partnership file's new text.
    pub text: String,
    /// Responses added.
    pub added: usize,
    /// Responses removed first (`replace`).
    pub removed: usize,
    /// Responses the file now holds.
    pub total: usize,
    /// Partners with at least one of the added respondents.
    pub partners: usize,
    /// Added respondents who name no partner.
    pub without_body: usize,
}

/// One bad cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The line where the row starts (the header is row 1).
    pub row: usize,
    /// The column, from 1.
    pub column: usize,
    /// What is wrong and what is allowed.
    pub message: String,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The partnership file itself is not valid.
    #[error("the partnership file is not valid: {0}")]
    File(LoadError),
    /// The CSV is not UTF-8 (or is UTF-16).
    #[error("{0}")]
    Encoding(String),
    /// The CSV has no header, or no row under it.
    #[error("{0}")]
    Empty(String),
    /// One or more cells are bad; every one found is listed.
    #[error("{} problem{} in the CSV", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Cells(Vec<CellError>),
    /// The CSV reader failed (a quote left open, for example).
    #[error("row {row}: {message}")]
    Csv {
        /// Where.
        row: usize,
        /// The reader's message.
        message: String,
    },
    /// The result did not load: a fault of the import, reported rather than written.
    #[error("the file with the new responses does not load ({0}); nothing was written")]
    Result(LoadError),
}

/// Import the answers of `csv` into the partnership file `text`.
///
/// ```
/// use powershare_core::import::{import, ImportOptions};
/// let file = "[[body]]\nid = \"council\"\nname = \"The Council\"\n[[body]]\nid = \"cvs\"\n";
/// let csv = "\u{feff}ID;Body;Influence.council;included_outside\nr-1;the council;5;no\n";
/// let done = import(file, csv.as_bytes(), ImportOptions::default()).unwrap();
/// assert_eq!(done.added, 1);
/// let p = powershare_core::load_str(&done.text).unwrap();
/// assert_eq!(p.responses[0].body, Some(0));
/// assert_eq!(p.responses[0].included_outside, Some(false));
/// ```
pub fn import(text: &str, csv: &[u8], options: ImportOptions) -> Result<Imported, ImportError> {
    let p = crate::load_str(text).map_err(ImportError::File)?;
    let existing = if options.replace {
        Vec::new()
    } else {
        write::existing_ids(text)
    };
    let rows = cells::read(&p, csv, &existing)?;
    let (new_text, removed) = write::append(text, &p, &rows, options.replace);
    let loaded = crate::load_str(&new_text).map_err(ImportError::Result)?;
    let mut partners: Vec<usize> = rows.iter().filter_map(|r| r.response.body).collect();
    partners.sort_unstable();
    partners.dedup();
    Ok(Imported {
        text: new_text,
        added: rows.len(),
        removed,
        total: loaded.responses.len(),
        partners: partners.len(),
        without_body: rows.iter().filter(|r| r.response.body.is_none()).count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# A partnership\n[[body]]\nid = \"council\"\nname = \"Riverside Council\"\n\n[[body]]\nid = \"cvs\"\nname = \"Riverside CVS\"\n\n# thresholds\n[policy]\ndeny = []  # none yet\n";

    fn cells(csv: &str) -> Vec<(usize, usize, String)> {
        match import(FILE, csv.as_bytes(), ImportOptions::default()) {
            Err(ImportError::Cells(e)) => e
                .into_iter()
                .map(|c| (c.row, c.column, c.message))
                .collect(),
            other => panic!("expected cell errors, got {other:?}"),
        }
    }

    #[test]
    fn a_round_trip_keeps_every_answer_and_the_files_comments() {
        let p = crate::load_str(FILE).unwrap();
        let header = columns(&p).join(",");
        assert_eq!(
            header,
            "id,body,influence.council,influence.cvs,expertise.council,expertise.cvs,position.council,position.cvs,trust.council,trust.cvs,outside_meetings,included_outside,consensus_reflects,free_to_disagree,priorities_set_by"
        );
        let csv = format!(
            "{header}\nr-1,cvs,5,2,4,4,5,2,-1,,3,no,2,1,council\n,,3,3,,,,,,,0,,5,,\n\n,,,,\n"
        );
        let done = import(FILE, csv.as_bytes(), ImportOptions::default()).unwrap();
        assert_eq!(
            (
                done.added,
                done.removed,
                done.total,
                done.partners,
                done.without_body
            ),
            (2, 0, 2, 1, 1)
        );
        assert!(done.text.starts_with("# A partnership\n"));
        assert!(
            done.text
                .contains("# thresholds\n[policy]\ndeny = []  # none yet\n")
        );
        assert!(done.text.ends_with(
            "\n[[response]]\nid = \"r-1\"\nbody = \"cvs\"\ninfluence = { council = 5, cvs = 2 }\nexpertise = { council = 4, cvs = 4 }\nposition = { council = 5, cvs = 2 }\ntrust = { council = -1 }\noutside_meetings = 3\nincluded_outside = false\nconsensus_reflects = 2\nfree_to_disagree = 1\npriorities_set_by = \"council\"\n\n[[response]]\ninfluence = { council = 3, cvs = 3 }\noutside_meetings = 0\nconsensus_reflects = 5\n"
        ), "{}", done.text);
        let again = crate::load_str(&done.text).unwrap();
        let r = &again.responses[0];
        assert_eq!(
            (
                r.body,
                r.trust.get(&0),
                r.included_outside,
                r.priorities_set_by
            ),
            (Some(1), Some(&-1), Some(false), Some(0))
        );
        // Importing the same ids again is refused; --replace swaps them.
        let twice = import(&done.text, csv.as_bytes(), ImportOptions::default());
        assert!(
            matches!(twice, Err(ImportError::Cells(e)) if e.len() == 1 && e[0].row == 2 && e[0].column == 1)
        );
        let replaced = import(&done.text, csv.as_bytes(), ImportOptions { replace: true }).unwrap();
        assert_eq!(
            (replaced.added, replaced.removed, replaced.total),
            (2, 2, 2)
        );
        assert_eq!(replaced.text, done.text);
    }

    #[test]
    fn spreadsheet_habits_are_understood() {
        // A byte-order mark, semicolons, headers in another case with
        // spaces, a name for the body, words for outside_meetings, Y/N.
        let csv = "\u{feff} ID ; Body ;INFLUENCE.Council; Outside_Meetings ;included_outside;priorities_set_by\n\
                   a;Riverside CVS;4;often;Y;RIVERSIDE COUNCIL\n\
                   b;council;3;Almost always;n;cvs\n";
        let done = import(FILE, csv.as_bytes(), ImportOptions::default()).unwrap();
        let p = crate::load_str(&done.text).unwrap();
        let got: Vec<_> = p
            .responses
            .iter()
            .map(|r| {
                (
                    r.body,
                    r.influence.get(&0).copied(),
                    r.outside_meetings,
                    r.included_outside,
                    r.priorities_set_by,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some(4.0), Some(3), Some(true), Some(0)),
                (Some(0), Some(3.0), Some(4), Some(false), Some(1)),
            ]
        );
    }

    #[test]
    fn every_bad_cell_is_reported_where_it_is() {
        let csv = "id,body,influence.council,influence.club,colour,trust.cvs,included_outside\n\
                   r-1,tenants,7,,,1,maybe\n\
                   r-1,cvs,2.5,,red,2,yes\n\
                   ,,,,,1,,extra\n";
        let errors = cells(csv);
        let at: Vec<(usize, usize)> = errors.iter().map(|(r, c, _)| (*r, *c)).collect();
        assert_eq!(
            at,
            [
                (1, 4),
                (1, 5),
                (2, 2),
                (2, 3),
                (2, 7),
                (3, 1),
                (3, 3),
                (3, 5),
                (3, 6),
                (4, 6),
                (4, 8)
            ],
            "{errors:#?}"
        );
        let message = |row: usize, column: usize| {
            errors
                .iter()
                .find(|(r, c, _)| (*r, *c) == (row, column))
                .unwrap()
                .2
                .clone()
        };
        assert_eq!(
            message(1, 4),
            "`influence.club`: no body has id `club`; the bodies are: council, cvs"
        );
        assert!(
            message(1, 5)
                .starts_with("unknown column `colour`; the columns are id, body, influence.ID")
        );
        assert_eq!(
            message(2, 2),
            "body: no partner has the id or name `tenants`; the partners are: council (Riverside Council), cvs (Riverside CVS)"
        );
        assert_eq!(
            message(2, 3),
            "influence.council: `7` is not an answer here: give a whole number from 0 to 5, or leave the cell empty"
        );
        assert_eq!(
            message(2, 7),
            "included_outside: `maybe` is not yes or no: give yes, no, y, n, true, false, 1 or 0, or leave the cell empty"
        );
        assert_eq!(
            message(3, 1),
            "id: row 2 already has this id: give each response its own id (ids are never printed)"
        );
        assert_eq!(
            message(3, 6),
            "trust.cvs: this is the respondent's own body: trust rates the history with each of the other partners"
        );
        assert!(message(4, 6).starts_with("trust.cvs: trust needs the `body` column"));
        assert_eq!(
            message(4, 8),
            "a cell beyond the last column: the header has 7 columns"
        );
        // The id is never repeated.
        assert!(errors.iter().all(|(_, _, m)| !m.contains("r-1")));
    }

    #[test]
    fn rows_are_lines_even_across_quoted_line_breaks() {
        let csv = "id,body,influence.council\n\"r\n1\",cvs,1\nr-2,cvs,9\n";
        assert_eq!(
            cells(csv)
                .iter()
                .map(|(r, c, _)| (*r, *c))
                .collect::<Vec<_>>(),
            [(4, 3)]
        );
    }

    #[test]
    fn what_cannot_be_read_at_all() {
        let file = |csv: &[u8]| {
            import(FILE, csv, ImportOptions::default())
                .unwrap_err()
                .to_string()
        };
        assert!(file(b"").contains("empty"));
        assert!(file(b"id,body\n").contains("no row of answers"));
        assert!(file(b"\xFF\xFEi\0d\0").contains("UTF-16"));
        assert!(file(b"id,body\nr\xE9,cvs\n").contains("not UTF-8"));
        let long = format!("id\n{}\n", "x".repeat(65));
        let e = cells(&long);
        assert_eq!((e[0].0, e[0].1), (2, 1));
        assert!(!e[0].2.contains(&"x".repeat(65)));
        let bad = import("[[body]]\nid = 3\n", b"id\n1\n", ImportOptions::default());
        assert!(matches!(bad, Err(ImportError::File(_))));
    }

    #[test]
    fn replace_keeps_the_comment_above_the_first_response() {
        let file = format!(
            "{FILE}\n# The answers\n[[response]]\nid = \"old\"\n# a note on old\n\n[[response]]\nbody = \"cvs\"\n"
        );
        let done = import(&file, b"body\ncouncil\n", ImportOptions { replace: true }).unwrap();
        assert_eq!((done.added, done.removed, done.total), (1, 2, 1));
        assert!(
            done.text
                .ends_with("# none yet\n\n# The answers\n[[response]]\nbody = \"council\"\n"),
            "{}",
            done.text
        );
        // Appending keeps them and adds after.
        let done = import(&file, b"body\ncouncil\n", ImportOptions::default()).unwrap();
        assert_eq!((done.added, done.removed, done.total), (1, 0, 3));
        assert!(done.text.contains("# a note on old\n"));
    }
}
