//! The size walk: every array, text and id of the parsed tree is measured
//! against the [`Limits`] before anything is deserialised.

use std::fmt::Write;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::load::Cx;
use crate::load::diagnostic::Problem;
use crate::load::limits::{self, Limits};

/// How to raise the body limit, after the message that names it.
pub(in crate::load) const BODIES_HINT: &str = "; set POWERSHARE_MAX_BODIES to raise the limit (a report of 1,000 bodies of a few seats each takes under a second; the time grows faster than the number of bodies)";

impl<'t> Cx<'t> {
    /// Report every array, text and key beyond its limit, and more bodies
    /// than `limits.bodies`, with its field path.
    pub(in crate::load) fn check_sizes(&mut self, table: &DeTable<'t>, limits: &Limits) {
        if let Some(bodies) = table.get("body")
            && let DeValue::Array(items) = bodies.get_ref()
            && items.len() > limits.bodies
        {
            self.report(
                Some(&bodies.span()),
                "body",
                Problem::TooMany {
                    what: "bodies",
                    count: items.len(),
                    max: limits.bodies,
                    hint: BODIES_HINT,
                },
            );
        }
        let mut path = String::new();
        self.sizes_in_table(table, &mut path);
    }

    pub(in crate::load) fn sizes_in_table(&mut self, table: &DeTable<'t>, path: &mut String) {
        for (key, value) in table {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key.get_ref());
            if self.check_characters {
                self.characters(key.get_ref(), &key.span());
            }
            let chars = key.get_ref().chars().count();
            if chars > limits::MAX_TEXT_CHARS {
                self.too_long(&key.span(), path, "keys", chars, limits::MAX_TEXT_CHARS);
            } else {
                self.sizes_in_value(value, path);
            }
            path.truncate(len);
        }
    }

    pub(in crate::load) fn sizes_in_value(
        &mut self,
        value: &Spanned<DeValue<'t>>,
        path: &mut String,
    ) {
        match value.get_ref() {
            DeValue::String(s) => {
                if self.check_characters {
                    self.characters(s, &value.span());
                }
                let chars = s.chars().count();
                if chars > limits::MAX_TEXT_CHARS {
                    self.too_long(&value.span(), path, "texts", chars, limits::MAX_TEXT_CHARS);
                }
            }
            // `body` is counted against the body limit in `check_sizes`.
            DeValue::Array(items) if items.len() > limits::MAX_ENTRIES && path != "body" => {
                self.report(
                    Some(&value.span()),
                    path.clone(),
                    Problem::TooMany {
                        what: "entries",
                        count: items.len(),
                        max: limits::MAX_ENTRIES,
                        hint: "",
                    },
                );
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    let _ = write!(path, ".{i}");
                    self.sizes_in_value(item, path);
                    path.truncate(len);
                }
            }
            DeValue::Table(t) => self.sizes_in_table(t, path),
            _ => {}
        }
    }

    /// Report the first refused character of `text` (decoded from the
    /// source at `span`): at the character itself when it is written raw,
    /// else at the start of the text (it came from an escape). For files
    /// the first pass did not read (see [`crate::load::scan::SCAN_FROM_BYTES`]).
    fn characters(&mut self, text: &str, span: &Range<usize>) {
        let Some(c) = text
            .chars()
            .find(|&c| crate::load::scan::forbidden(c).is_some())
        else {
            return;
        };
        let raw = self.text.get(span.clone()).unwrap_or("");
        let at = raw.find(c).map_or(span.start, |i| span.start + i);
        self.report_at(Some(at), "", || Problem::ForbiddenCharacter {
            code: c,
            what: crate::load::scan::forbidden(c).unwrap_or("a control character"),
        });
    }

    pub(in crate::load) fn too_long(
        &mut self,
        span: &Range<usize>,
        path: &str,
        what: &'static str,
        chars: usize,
        max: usize,
    ) {
        self.report(Some(span), path, Problem::TooLong { what, chars, max });
    }
}
