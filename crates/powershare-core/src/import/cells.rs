//! Reading the CSV: its encoding and delimiter, the header's columns, and
//! every cell of every row, each bad one reported where it is.

use std::collections::HashMap;

use super::{CellError, ImportError};
use crate::load::limits;
use crate::model::survey::scale;
use crate::model::{Partnership, Response};

/// The questions answered by a rating of each body, as the columns spell them.
pub(super) const RATED: [&str; 4] = ["influence", "expertise", "position", "trust"];

/// The questions with one answer each, in the template's order.
pub(super) const QUESTIONS: [&str; 5] = [
    "outside_meetings",
    "included_outside",
    "consensus_reflects",
    "free_to_disagree",
    "priorities_set_by",
];

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The response's reference.
    Id,
    /// The respondent's organisation.
    Body,
    /// A rating of a body: the question (an index into `influence`,
    /// `expertise`, `position`, `trust`) and the body.
    Rating(usize, usize),
    /// One of the five questions (an index into their list).
    Question(usize),
    /// An empty header cell: its column must stay empty.
    Blank,
}

/// One imported row: the response and the reference it gave, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The `id` cell, when not empty.
    pub id: Option<String>,
    /// The answers.
    pub response: Response,
}

/// The text of the CSV: UTF-8 without its byte-order mark.
fn decode(csv: &[u8]) -> Result<&str, ImportError> {
    if csv.starts_with(&[0xFF, 0xFE]) || csv.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Encoding(
            "the file is UTF-16 text: save it as CSV UTF-8 (with or without a byte-order mark)"
                .into(),
        ));
    }
    let bytes = csv.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(csv);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        ImportError::Encoding(format!(
            "the file is not UTF-8 text (the first invalid byte is on line {line}): save it as CSV UTF-8"
        ))
    })
}

/// `;` when the header line holds more semicolons than commas, else `,`.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|&x| x == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// A body by its id or its name, case-insensitively.
fn body_by(p: &Partnership, cell: &str) -> Result<usize, String> {
    let want = cell.to_lowercase();
    if let Some(i) = p.bodies.iter().position(|b| b.id.to_lowercase() == want) {
        return Ok(i);
    }
    let named: Vec<usize> = (0..p.bodies.len())
        .filter(|&i| p.bodies[i].name.to_lowercase() == want)
        .collect();
    match named[..] {
        [one] => Ok(one),
        [] => Err(format!(
            "no partner has the id or name `{cell}`; the partners are: {}",
            p.bodies
                .iter()
                .map(|b| if b.name == b.id {
                    b.id.clone()
                } else {
                    format!("{} ({})", b.id, b.name)
                })
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => Err(format!(
            "`{cell}` is the name of more than one partner: give its id ({})",
            named
                .iter()
                .map(|&i| p.bodies[i].id.as_str())
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    }
}

/// The columns the header names, or an error per bad header cell.
fn header(p: &Partnership, cells: &[String], errors: &mut Vec<CellError>) -> Vec<Column> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (k, raw) in cells.iter().enumerate() {
        let name = raw.trim().to_lowercase();
        let mut fail = |message: String| {
            errors.push(CellError {
                row: 1,
                column: k + 1,
                message,
            })
        };
        let column = if name.is_empty() {
            Column::Blank
        } else if name == "id" {
            Column::Id
        } else if name == "body" {
            Column::Body
        } else if let Some(q) = QUESTIONS.iter().position(|q| *q == name) {
            Column::Question(q)
        } else if let Some((q, id)) = name.split_once('.')
            && let Some(q) = RATED.iter().position(|x| *x == q)
        {
            match p.bodies.iter().position(|b| b.id == id) {
                Some(b) => Column::Rating(q, b),
                None => {
                    fail(format!(
                        "`{}`: no body has id `{id}`; the bodies are: {}",
                        raw.trim(),
                        p.bodies
                            .iter()
                            .map(|b| b.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    Column::Blank
                }
            }
        } else {
            fail(format!(
                "unknown column `{}`; the columns are id, body, influence.ID, expertise.ID, position.ID, trust.ID (ID a body's id), {} (`powershare survey template FILE` writes them all)",
                raw.trim(),
                QUESTIONS.join(", ")
            ));
            Column::Blank
        };
        if column != Column::Blank {
            if let Some(&first) = seen.get(&name) {
                fail(format!(
                    "`{}` is already column {first}: give each column once",
                    raw.trim()
                ));
            } else {
                seen.insert(name, k + 1);
            }
        }
        out.push(column);
    }
    out
}

/// A whole number on `(min, max)`, accepting `4.0` for 4.
fn whole(cell: &str, (min, max): (i64, i64), words: &str) -> Result<i64, String> {
    let n = cell
        .parse::<i64>()
        .ok()
        .or_else(|| {
            cell.parse::<f64>()
                .ok()
                .filter(|x| x.fract() == 0.0 && x.abs() < 1e9)
                .map(|x| x as i64)
        })
        .filter(|n| (min..=max).contains(n));
    n.ok_or_else(|| {
        format!("`{cell}` is not an answer here: give a whole number from {min} to {max}{words}, or leave the cell empty")
    })
}

/// Read every row of `csv` into a response, or every problem found.
/// `existing` are the ids of the responses the file keeps.
pub(super) fn read(
    p: &Partnership,
    csv: &[u8],
    existing: &[String],
) -> Result<Vec<Row>, ImportError> {
    let text = decode(csv)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty(
            "the file is empty: it needs a header row (`powershare survey template FILE` writes one) and a row per respondent".into(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    let mut rows = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::Csv {
            row: e.position().map_or(0, |p| p.line() as usize),
            message: e.to_string(),
        })?;
        let row = record.position().map_or(k + 1, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if k == 0 {
            columns = header(p, &cells, &mut errors);
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if rows.len() >= limits::MAX_ENTRIES {
            errors.push(CellError {
                row,
                column: 1,
                message: format!(
                    "more than {} rows: powershare reads at most that many responses",
                    limits::MAX_ENTRIES
                ),
            });
            break;
        }
        if let Some(r) = self::row(p, &columns, &cells, row, existing, &mut ids, &mut errors) {
            rows.push(r);
        }
    }
    if columns.is_empty() {
        return Err(ImportError::Empty("the file has no header row".into()));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.row, e.column));
        return Err(ImportError::Cells(errors));
    }
    if rows.is_empty() {
        return Err(ImportError::Empty(
            "the file has a header but no row of answers under it".into(),
        ));
    }
    Ok(rows)
}

/// One data row; `None` when any of its cells is bad (each reported).
fn row(
    p: &Partnership,
    columns: &[Column],
    cells: &[String],
    row: usize,
    existing: &[String],
    ids: &mut HashMap<String, usize>,
    errors: &mut Vec<CellError>,
) -> Option<Row> {
    let before = errors.len();
    let mut fail = |column: usize, message: String| {
        errors.push(CellError {
            row,
            column: column + 1,
            message,
        })
    };
    let mut id = None;
    let mut response = Response {
        line: row,
        ..Response::default()
    };
    let r = &mut response;
    // The body first, so that trust can be checked against it.
    let mut body_column = None;
    for (k, cell) in cells.iter().enumerate() {
        if columns.get(k) == Some(&Column::Body) && !cell.is_empty() {
            body_column = Some(k);
            match body_by(p, cell) {
                Ok(b) => r.body = Some(b),
                Err(m) => fail(k, format!("body: {m}")),
            }
        }
    }
    let mut trust = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let Some(&column) = columns.get(k) else {
            fail(
                k,
                format!(
                    "a cell beyond the last column: the header has {} columns",
                    columns.len()
                ),
            );
            continue;
        };
        match column {
            Column::Blank => fail(
                k,
                "a cell under an empty or unknown header cell: name the column or leave it empty"
                    .into(),
            ),
            Column::Body => {}
            Column::Id => {
                // The id is never repeated in a message.
                let chars = cell.chars().count();
                if chars > limits::MAX_ID_CHARS {
                    fail(
                        k,
                        format!(
                            "id: {chars} characters long; a response id has at most {} (ids are never printed)",
                            limits::MAX_ID_CHARS
                        ),
                    );
                } else if let Some(&first) = ids.get(cell) {
                    fail(
                        k,
                        format!(
                            "id: row {first} already has this id: give each response its own id (ids are never printed)"
                        ),
                    );
                } else if existing.iter().any(|e| e == cell) {
                    fail(
                        k,
                        "id: a response in the partnership file already has this id: give another, or use --replace to replace the file's responses (ids are never printed)".into(),
                    );
                } else {
                    ids.insert(cell.clone(), row);
                    id = Some(cell.clone());
                }
            }
            Column::Rating(q, b) => {
                let name = format!("{}.{}", RATED[q], p.bodies[b].id);
                if q == 3 {
                    match whole(
                        cell,
                        scale::TRUST,
                        " (-2 long mistrust ... 2 long, positive history)",
                    ) {
                        Ok(v) => trust.push((k, b, v)),
                        Err(m) => fail(k, format!("{name}: {m}")),
                    }
                    continue;
                }
                match whole(cell, scale::RATING, "") {
                    Ok(v) => {
                        let map = match q {
                            0 => &mut r.influence,
                            1 => &mut r.expertise,
                            _ => &mut r.position,
                        };
                        map.insert(b, v as f64);
                    }
                    Err(m) => fail(k, format!("{name}: {m}")),
                }
            }
            Column::Question(q) => {
                let name = QUESTIONS[q];
                match q {
                    0 => {
                        let lower = cell.to_lowercase();
                        let word = scale::OUTSIDE_MEETINGS_WORDS
                            .iter()
                            .position(|w| *w == lower);
                        match word.map(|w| Ok(w as i64)).unwrap_or_else(|| {
                            whole(
                                cell,
                                scale::OUTSIDE_MEETINGS,
                                " (or never, rarely, sometimes, often, almost always)",
                            )
                        }) {
                            Ok(v) => r.outside_meetings = Some(v as u8),
                            Err(m) => fail(k, format!("{name}: {m}")),
                        }
                    }
                    1 => match cell.to_lowercase().as_str() {
                        "yes" | "y" | "true" | "1" => r.included_outside = Some(true),
                        "no" | "n" | "false" | "0" => r.included_outside = Some(false),
                        _ => fail(
                            k,
                            format!(
                                "{name}: `{cell}` is not yes or no: give yes, no, y, n, true, false, 1 or 0, or leave the cell empty"
                            ),
                        ),
                    },
                    2 | 3 => {
                        let (range, words) = if q == 2 {
                            (
                                scale::CONSENSUS_REFLECTS,
                                " (1 the most powerful partner's view ... 5 all partners' views)",
                            )
                        } else {
                            (scale::FREE_TO_DISAGREE, " (1 not at all ... 5 completely)")
                        };
                        match whole(cell, range, words) {
                            Ok(v) if q == 2 => r.consensus_reflects = Some(v as u8),
                            Ok(v) => r.free_to_disagree = Some(v as u8),
                            Err(m) => fail(k, format!("{name}: {m}")),
                        }
                    }
                    _ => match body_by(p, cell) {
                        Ok(b) => r.priorities_set_by = Some(b),
                        Err(m) => fail(k, format!("{name}: {m}")),
                    },
                }
            }
        }
    }
    for (k, b, v) in trust {
        let name = format!("trust.{}", p.bodies[b].id);
        match (r.body, body_column) {
            (Some(own), _) if own == b => fail(
                k,
                format!(
                    "{name}: this is the respondent's own body: trust rates the history with each of the other partners"
                ),
            ),
            (None, None) => fail(
                k,
                format!(
                    "{name}: trust needs the `body` column: it rates the history between the respondent's organisation and each other partner"
                ),
            ),
            // A bad body is already reported.
            (None, Some(_)) => {}
            _ => {
                r.trust.insert(b, v);
            }
        }
    }
    (errors.len() == before).then_some(Row { id, response })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_encodings() {
        assert_eq!(delimiter("id;body;influence.a\n"), b';');
        assert_eq!(delimiter("id,body\n1;2;3\n"), b',');
        assert_eq!(decode(b"\xEF\xBB\xBFid\n").unwrap(), "id\n");
        assert!(
            matches!(decode(b"\xFF\xFEi\0d\0"), Err(ImportError::Encoding(m)) if m.contains("UTF-16"))
        );
        assert!(
            matches!(decode(b"id\nr\xE9\n"), Err(ImportError::Encoding(m)) if m.contains("line 2"))
        );
    }

    #[test]
    fn whole_numbers_on_a_scale() {
        assert_eq!(whole("4", (0, 5), ""), Ok(4));
        assert_eq!(whole("4.0", (0, 5), ""), Ok(4));
        assert_eq!(whole("-2", (-2, 2), ""), Ok(-2));
        assert_eq!(whole("+1", (-2, 2), ""), Ok(1));
        assert!(whole("4.5", (0, 5), "").is_err());
        assert!(whole("6", (0, 5), "").is_err());
        assert!(whole("four", (0, 5), "").is_err());
        assert!(whole("1e300", (0, 5), "").is_err());
    }
}
