//! TOML diagnostics plumbing: reporting a problem at its span, and
//! deserialising one table or array entry at a time so that one bad value
//! does not hide the others.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

use crate::load::Cx;
use crate::load::diagnostic::Problem;
use crate::load::limits::{self};

impl<'t> Cx<'t> {
    /// The 1-based line where `span` starts (the same as
    /// `Position::of_span(text, span).line`: the newlines before it, plus one).
    pub(in crate::load) fn line(&self, span: &Range<usize>) -> usize {
        self.line_starts()
            .partition_point(|&start| start <= span.start)
    }

    /// Report `problem` at the start of `span` (or without a position).
    pub(in crate::load) fn report(
        &mut self,
        span: Option<&Range<usize>>,
        field: impl Into<String>,
        problem: Problem,
    ) {
        self.problems
            .push(span.map(|s| s.start), field.into(), problem);
    }

    /// Report the problem `make` builds at byte `offset`, building it only
    /// when it will be kept (see [`Problems`](crate::load::problems)).
    pub(in crate::load) fn report_at(
        &mut self,
        offset: Option<usize>,
        field: &str,
        make: impl FnOnce() -> Problem,
    ) {
        if self.problems.wants(offset) {
            self.problems.push(offset, field.to_string(), make());
        } else {
            self.problems.count();
        }
    }

    pub(in crate::load) fn toml_error(
        &mut self,
        e: &toml::de::Error,
        fallback: Option<&Range<usize>>,
        field: &str,
    ) {
        let raw = e.message().trim();
        let message = if raw.starts_with("invalid value: integer") && raw.ends_with("expected i64")
        {
            // A whole number beyond 64 bits (2^63 and up, or below -2^63).
            let limit = if field.ends_with(".seats") {
                format!("seats are whole numbers from 0 to {}", limits::MAX_SEATS)
            } else {
                "whole numbers must lie between -2^63 and 2^63 - 1".to_string()
            };
            format!(
                "{}: too large; {limit}",
                raw.trim_end_matches(", expected i64")
            )
        } else {
            raw.replace("expected i64", "expected a whole number")
                .replace("expected f64", "expected a number")
                .replace(
                    "` as i128, expected a number",
                    "`, beyond 64 bits, expected a number",
                )
        };
        let span = e.span().or_else(|| fallback.cloned());
        self.report(span.as_ref(), field, Problem::Toml { message });
    }

    /// Deserialise one value, reporting a failure against the key that holds
    /// the offending value (found by span) under `field`.
    ///
    /// serde stops at the first problem in a table, so after a failure the
    /// offending key is removed and the table tried again, up to a limit:
    /// every bad key of a table is reported, not only the first. What is
    /// left is returned so its own values can still be checked, and
    /// `self.incomplete` is set so that rules across tables are skipped.
    ///
    /// The fast pass (most files) consumes the value without copying it:
    /// copying every table cost a tenth of `validate`. When a value fails
    /// there, it is gone, so the pass only notes the failure
    /// (`fast_failed`) and the file is read again in the careful pass,
    /// which deserialises each value from a copy and keeps the original
    /// for the retries. Finding the failed value again by parsing the whole
    /// file once per failing entry made a file of 10,000 bad `[[contact]]`
    /// entries take over a minute.
    pub(in crate::load) fn de<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'t>>,
        field: &str,
    ) -> Option<T> {
        if !self.careful {
            return match T::deserialize(ValueDeserializer::from(value)) {
                Ok(v) => Some(v),
                Err(_) => {
                    self.fast_failed = true;
                    None
                }
            };
        }
        self.de_again(value, field)
    }

    /// The careful path of [`Cx::de`]: deserialise from a copy; on a
    /// failure report the offending key, remove it, try again.
    ///
    /// Only a value of at most [`MAX_COPIED`] nodes is copied (a real entry
    /// has a few dozen): a hostile one (a table holding arrays of 100,000
    /// tables) is deserialised once, in place, and only its first problem
    /// reported, rather than copied 32 times over.
    pub(in crate::load) fn de_again<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'t>>,
        field: &str,
    ) -> Option<T> {
        let span = value.span();
        if !at_most(&value, MAX_COPIED) {
            let keys: Vec<(String, Range<usize>, Range<usize>)> = match value.get_ref() {
                DeValue::Table(t) => t
                    .iter()
                    .map(|(k, v)| (k.get_ref().to_string(), k.span(), v.span()))
                    .collect(),
                _ => Vec::new(),
            };
            return match T::deserialize(ValueDeserializer::from(value)) {
                Ok(v) => Some(v),
                Err(e) => {
                    let key = offending(
                        &e,
                        &span,
                        keys.iter()
                            .map(|(k, ks, vs)| (k.as_str(), ks.clone(), vs.clone())),
                    );
                    self.report_de_error(&e, &span, field, key.as_deref());
                    self.incomplete = true;
                    None
                }
            };
        }
        let mut value = value;
        let mut failed = false;
        for _ in 0..32 {
            // The value is kept (deserialised from a clone) for the retry.
            let e = match T::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(v) => {
                    self.incomplete |= failed;
                    return Some(v);
                }
                Err(e) => e,
            };
            failed = true;
            let key = match value.get_ref() {
                DeValue::Table(t) => offending(
                    &e,
                    &span,
                    t.iter()
                        .map(|(k, v)| (k.get_ref().as_ref(), k.span(), v.span())),
                ),
                _ => None,
            };
            self.report_de_error(&e, &span, field, key.as_deref());
            let (Some(key), DeValue::Table(table)) = (key, value.get_mut()) else {
                self.incomplete = true;
                return None;
            };
            let old = std::mem::take(table);
            for (k, v) in old {
                if k.get_ref().as_ref() != key.as_str() {
                    table.insert(k, v);
                }
            }
        }
        self.incomplete = true;
        None
    }

    /// Report a deserialisation error under `field.key`.
    fn report_de_error(
        &mut self,
        e: &toml::de::Error,
        span: &Range<usize>,
        field: &str,
        key: Option<&str>,
    ) {
        let path = match key {
            Some(k) if !field.is_empty() => format!("{field}.{k}"),
            Some(k) => k.to_string(),
            None => field.to_string(),
        };
        self.toml_error(e, Some(span), &path);
    }

    /// Deserialise an array of tables element by element.
    pub(in crate::load) fn de_array<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'t>>,
        name: &str,
    ) -> Vec<(Range<usize>, T)> {
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            self.report(
                Some(&span),
                name,
                Problem::Toml {
                    message: format!("must be an array of tables: write [[{name}]] for each entry"),
                },
            );
            self.incomplete = true;
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if self.fast_failed {
                break;
            }
            let item_span = item.span();
            if let Some(v) = self.de::<T>(item, &format!("{name}.{i}")) {
                out.push((item_span, v));
            }
        }
        out
    }
}

/// Most nodes of a value the careful pass copies (see [`Cx::de_again`]).
const MAX_COPIED: usize = 4096;

/// Whether `value` has at most `max` nodes (counting stops past it).
fn at_most(value: &Spanned<DeValue<'_>>, max: usize) -> bool {
    fn count(v: &DeValue<'_>, left: &mut usize) -> bool {
        if *left == 0 {
            return false;
        }
        *left -= 1;
        match v {
            DeValue::Array(items) => items.iter().all(|i| count(i.get_ref(), left)),
            DeValue::Table(t) => t.iter().all(|(_, v)| count(v.get_ref(), left)),
            _ => true,
        }
    }
    let mut left = max;
    count(value.get_ref(), &mut left)
}

/// The key (of `keys`: name, key span, value span) whose key or value
/// holds the error's position.
fn offending<'k>(
    e: &toml::de::Error,
    span: &Range<usize>,
    keys: impl Iterator<Item = (&'k str, Range<usize>, Range<usize>)>,
) -> Option<String> {
    let at = e.span().map_or(span.start, |s| s.start);
    let inside = |r: &Range<usize>| r.start <= at && at < r.end.max(r.start + 1);
    keys.into_iter()
        .find(|(_, k, v)| inside(k) || inside(v))
        .map(|(k, _, _)| k.to_string())
}
