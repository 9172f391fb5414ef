//! What if: change some values of a partnership file and score it again.
//!
//! Each change is `PATH=VALUE`, with the path named as the loader's errors
//! name fields ([`paths::PATH_FORMS`]: `body.cvs.seats`, `board.quota`,
//! `funding.0.amount`, `weights.voting`...). [`apply`] writes the changes
//! into the TOML document itself (with `toml_edit`, so the rest of the file
//! keeps its layout and line numbers) and returns the new text; the caller
//! loads that text with [`crate::load_str`], so every validation rule
//! applies to the changed partnership exactly as to a file.
//!
//! ```
//! use powershare_core::whatif::{self, Set};
//! let text = "[[body]]\nid = \"a\"\nseats = 3\n[[body]]\nid = \"b\"\nseats = 1\n";
//! let sets = [Set::parse("body.b.seats=3").unwrap(), Set::parse("board.quota=4").unwrap()];
//! let changed = whatif::apply(text, &sets).unwrap();
//! let p = powershare_core::load_str(&changed).unwrap();
//! assert_eq!(p.bodies[1].seats, 3);
//! assert_eq!(p.board.unwrap().quota, 4);
//! ```

pub mod paths;

use thiserror::Error;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use paths::{Kind, Place};

/// One change: a path and the value as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set {
    /// The path (`body.cvs.seats`).
    pub path: String,
    /// The value as typed (`3`, `majority`, `[]`, `"a name"`).
    pub value: String,
}

/// Why a change cannot be applied.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum WhatIfError {
    /// Not `PATH=VALUE`.
    #[error("`{arg}` is not PATH=VALUE; write e.g. --set body.cvs.seats=3")]
    NotAssignment {
        /// The argument.
        arg: String,
    },
    /// The path names nothing in this file.
    #[error(
        "`{path}` is not a path of this file; nearest valid paths: {}. Paths are {}",
        near.join(", "),
        paths::PATH_FORMS
    )]
    UnknownPath {
        /// The path.
        path: String,
        /// The valid paths nearest to it.
        near: Vec<String>,
    },
    /// The value is not of the kind the path takes.
    #[error("`{path}` takes {expected}, not `{value}`; nearest valid paths: {}", near.join(", "))]
    WrongType {
        /// The path.
        path: String,
        /// The value as typed.
        value: String,
        /// What the path takes.
        expected: String,
        /// The valid paths nearest to it (the path itself first).
        near: Vec<String>,
    },
    /// The file is not TOML (the caller should have loaded it first).
    #[error("the file is not valid TOML: {message}")]
    NotToml {
        /// The parser's message.
        message: String,
    },
}

impl Set {
    /// Parse `PATH=VALUE` (split at the first `=`).
    pub fn parse(arg: &str) -> Result<Set, WhatIfError> {
        match arg.split_once('=') {
            Some((path, value)) if !path.trim().is_empty() => Ok(Set {
                path: path.trim().to_string(),
                value: value.trim().to_string(),
            }),
            _ => Err(WhatIfError::NotAssignment {
                arg: arg.to_string(),
            }),
        }
    }
}

/// Apply `sets` in order to the TOML `text` and return the new text. With
/// no changes the text is returned as it is.
pub fn apply(text: &str, sets: &[Set]) -> Result<String, WhatIfError> {
    if sets.is_empty() {
        return Ok(text.to_string());
    }
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| WhatIfError::NotToml {
                message: e.message().to_string(),
            })?;
    for set in sets {
        let Some(resolved) = paths::resolve(&doc, &set.path) else {
            return Err(WhatIfError::UnknownPath {
                path: set.path.clone(),
                near: paths::near(&doc, &set.path, 5),
            });
        };
        let value = convert(resolved.kind, &set.value).ok_or_else(|| WhatIfError::WrongType {
            path: set.path.clone(),
            value: set.value.clone(),
            expected: resolved.kind.describe(),
            near: paths::near(&doc, &set.path, 3),
        })?;
        write(&mut doc, &resolved.place, value);
    }
    Ok(doc.to_string())
}

/// The value typed, as the kind of value the path takes, or `None`.
///
/// Words need no quotes (`majority`, `cvs`, `[council,cvs]`); a value in
/// TOML syntax (`"two words"`, `["a", "b"]`, `0.6`) is read as TOML.
fn convert(kind: Kind, raw: &str) -> Option<Value> {
    let toml: Option<Value> = raw.parse::<Value>().ok();
    let word = || match &toml {
        Some(Value::String(s)) => s.value().clone(),
        _ => raw.to_string(),
    };
    let list = || -> Option<Vec<String>> {
        if let Some(Value::Array(a)) = &toml {
            return a
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<Vec<String>>>();
        }
        let inner = raw
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .unwrap_or(raw);
        Some(
            inner
                .split(',')
                .map(|s| s.trim().trim_matches('"').trim_matches('\'').to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        )
    };
    Some(match kind {
        Kind::Text | Kind::Body => Value::from(word()),
        Kind::Choice(words) => {
            let w = word();
            if !words.contains(&w.as_str()) {
                return None;
            }
            Value::from(w)
        }
        Kind::Number => match toml? {
            Value::Integer(i) => Value::from(*i.value()),
            Value::Float(f) => Value::from(*f.value()),
            _ => return None,
        },
        Kind::Whole => match toml? {
            Value::Integer(i) => Value::from(*i.value()),
            _ => return None,
        },
        Kind::Bool => match toml? {
            Value::Boolean(b) => Value::from(*b.value()),
            _ => return None,
        },
        Kind::Quota => match toml {
            Some(Value::Integer(i)) => Value::from(*i.value()),
            Some(Value::Float(f)) => Value::from(*f.value()),
            Some(Value::Boolean(_) | Value::Array(_) | Value::InlineTable(_)) => return None,
            _ => Value::from(word()),
        },
        Kind::Bodies | Kind::Codes => {
            Value::Array(list()?.iter().map(String::as_str).collect::<Array>())
        }
    })
}

/// Put `value` at `place`, creating the table or map when absent and
/// keeping the formatting (and so the position) of a value it replaces.
fn write(doc: &mut DocumentMut, place: &Place, value: Value) {
    match place {
        Place::Table { table, key } => {
            let item = doc.entry(table).or_insert(Item::Table(Table::new()));
            if let Some(t) = item.as_table_like_mut() {
                put(t, key, value);
            }
        }
        Place::Element { array, index, key } => {
            if let Some(t) = element(doc, array, *index) {
                put(t, key, value);
            }
        }
        Place::Nested {
            array,
            index,
            map,
            key,
        } => {
            if let Some(t) = element(doc, array, *index) {
                if t.get(map).and_then(Item::as_table_like).is_none() {
                    t.insert(map, Item::Value(Value::InlineTable(InlineTable::new())));
                }
                if let Some(m) = t.get_mut(map).and_then(Item::as_table_like_mut) {
                    put(m, key, value);
                }
            }
        }
    }
}

fn put(t: &mut dyn TableLike, key: &str, mut value: Value) {
    if let Some(Item::Value(old)) = t.get(key) {
        *value.decor_mut() = old.decor().clone();
    }
    t.insert(key, Item::Value(value));
}

fn element<'d>(
    doc: &'d mut DocumentMut,
    array: &str,
    index: usize,
) -> Option<&'d mut dyn TableLike> {
    match doc.get_mut(array)? {
        Item::ArrayOfTables(a) => a.get_mut(index).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(a)) => a
            .get_mut(index)
            .and_then(Value::as_inline_table_mut)
            .map(|t| t as &mut dyn TableLike),
        _ => None,
    }
}

/// The scenario that `sets` describe, as the what-if's new side names it
/// ("what if board.veto=[], funding.0.amount=0"); `None` for no change.
pub fn scenario(sets: &[Set]) -> Option<String> {
    if sets.is_empty() {
        return None;
    }
    let changes: Vec<String> = sets
        .iter()
        .map(|s| format!("{}={}", s.path, s.value))
        .collect();
    Some(format!("what if {}", changes.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[[body]]
id = "council"
seats = 3            # the largest
expertise = { statutory = 5 }
income = 100
[[body]]
id = "cvs"
seats = 2
income = 50

[[funding]]
from = "council"
to = "cvs"
amount = 10
"#;

    fn set(text: &str, sets: &[&str]) -> Result<String, WhatIfError> {
        let sets: Vec<Set> = sets.iter().map(|s| Set::parse(s).unwrap()).collect();
        apply(text, &sets)
    }

    #[test]
    fn no_change_is_the_same_text() {
        assert_eq!(set(FILE, &[]).unwrap(), FILE);
    }

    #[test]
    fn changes_keep_the_rest_of_the_file() {
        let out = set(
            FILE,
            &[
                "body.council.seats=1",
                "body.cvs.expertise.evaluation=4",
                "board.quota=two-thirds",
                "board.veto=[cvs]",
                "funding.0.amount=0",
                "weights.voting=2.5",
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            r#"[[body]]
id = "council"
seats = 1            # the largest
expertise = { statutory = 5 }
income = 100
[[body]]
id = "cvs"
seats = 2
income = 50
expertise = { evaluation = 4 }

[[funding]]
from = "council"
to = "cvs"
amount = 0

[board]
quota = "two-thirds"
veto = ["cvs"]

[weights]
voting = 2.5
"#
        );
        let p = crate::load_str(&out).unwrap();
        // ceil(2 * 3 / 3) of the 1 + 2 seats.
        assert_eq!(p.board.unwrap().quota, 2);
    }

    #[track_caller]
    fn converts(kind: Kind, raw: &str, expected: Option<&str>) {
        assert_eq!(
            convert(kind, raw).map(|v| v.to_string().trim().to_string()),
            expected.map(str::to_string),
            "{kind:?} {raw}"
        );
    }

    #[test]
    fn values_by_kind() {
        converts(Kind::Whole, "3", Some("3"));
        converts(Kind::Whole, "-1", Some("-1")); // the loader says it must be >= 0
        converts(Kind::Whole, "three", None);
        converts(Kind::Whole, "2.5", None);
        converts(Kind::Number, "1_000", Some("1000"));
        converts(Kind::Number, "0.25", Some("0.25"));
        converts(Kind::Number, "\"3\"", None);
        converts(Kind::Bool, "true", Some("true"));
        converts(Kind::Bool, "yes", None);
        converts(Kind::Quota, "majority", Some("\"majority\""));
        converts(Kind::Quota, "0.6", Some("0.6"));
        converts(Kind::Quota, "7", Some("7"));
        converts(Kind::Quota, "[]", None);
        converts(Kind::Bodies, "[]", Some("[]"));
        converts(Kind::Bodies, "council,cvs", Some("[\"council\", \"cvs\"]"));
        converts(Kind::Bodies, "[\"council\"]", Some("[\"council\"]"));
        converts(Kind::Bodies, "[1]", None);
        converts(Kind::Text, "\"two words\"", Some("\"two words\""));
        converts(Kind::Text, "two words", Some("\"two words\""));
        converts(Kind::Choice(&["grant", "fee"]), "fee", Some("\"fee\""));
        converts(Kind::Choice(&["grant", "fee"]), "loan", None);
    }

    #[test]
    fn bad_paths_and_values_name_the_paths_near_them() {
        let e = set(FILE, &["body.cvs.seat=3"]).unwrap_err();
        let WhatIfError::UnknownPath { near, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(near[0], "body.cvs.seats");
        let e = set(FILE, &["body.cvs.seats=three"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`body.cvs.seats` takes a whole number, not `three`; nearest valid paths: body.cvs.seats, body.cvs.sector, body.cvs.staff"
        );
        assert!(matches!(
            Set::parse("seats"),
            Err(WhatIfError::NotAssignment { .. })
        ));
        assert!(matches!(
            Set::parse("=3"),
            Err(WhatIfError::NotAssignment { .. })
        ));
    }
}
