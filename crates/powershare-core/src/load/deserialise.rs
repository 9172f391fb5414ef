//! TOML diagnostics plumbing: a problem's line and column from its span, and
//! deserialising one table or array entry at a time so that one bad value
//! does not hide the others.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::load::Cx;
use crate::load::diagnostic::{Diagnostic, Position, Problem};
use crate::load::limits::{self};

impl<'t> Cx<'t> {
    /// The 1-based line where `span` starts (the same as
    /// `Position::of_span(text, span).line`: the newlines before it, plus one).
    pub(in crate::load) fn line(&self, span: &Range<usize>) -> usize {
        self.line_starts
            .partition_point(|&start| start <= span.start)
    }

    pub(in crate::load) fn report(
        &mut self,
        span: Option<&Range<usize>>,
        field: impl Into<String>,
        problem: Problem,
    ) {
        let position = span.map(|s| Position::of_span(self.text, s));
        self.diagnostics.push(Diagnostic {
            position,
            field: field.into(),
            problem,
        });
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
    /// The first attempt consumes the value without copying it (most values
    /// are valid, and copying every table cost a tenth of `validate`); after
    /// a failure the value is found again by re-parsing the text.
    pub(in crate::load) fn de<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'t>>,
        field: &str,
    ) -> Option<T> {
        let span = value.span();
        let e = match T::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => return Some(v),
            Err(e) => e,
        };
        let Some(value) = self.reparse(&span) else {
            self.toml_error(&e, Some(&span), field);
            self.incomplete = true;
            return None;
        };
        self.de_again(value, field)
    }

    /// The value whose span is `span`, from a fresh parse of the text: an
    /// element of a top-level array, a top-level value, or the root table,
    /// looked for in that order (an array of tables can share its first
    /// element's span).
    pub(in crate::load) fn reparse(&self, span: &Range<usize>) -> Option<Spanned<DeValue<'t>>> {
        let (root, _) = DeTable::parse_recoverable(self.text);
        let root_span = root.span();
        let root = root.into_inner();
        for (_, v) in root.iter() {
            if let DeValue::Array(items) = v.get_ref()
                && let Some(item) = items.iter().find(|i| i.span() == *span)
            {
                return Some(item.clone());
            }
        }
        if let Some((_, v)) = root.iter().find(|(_, v)| v.span() == *span) {
            return Some(v.clone());
        }
        (root_span == *span).then(|| Spanned::new(span.clone(), DeValue::Table(root)))
    }

    /// The slow path of [`Cx::de`], for a value known to fail: report the
    /// offending key, remove it, try again.
    pub(in crate::load) fn de_again<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'t>>,
        field: &str,
    ) -> Option<T> {
        let span = value.span();
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
            let keys: Vec<(String, Range<usize>, Range<usize>)> = match value.get_ref() {
                DeValue::Table(t) => t
                    .iter()
                    .map(|(k, v)| (k.get_ref().to_string(), k.span(), v.span()))
                    .collect(),
                _ => Vec::new(),
            };
            let at = e.span().map_or(span.start, |s| s.start);
            let inside = |r: &Range<usize>| r.start <= at && at < r.end.max(r.start + 1);
            let key = keys
                .iter()
                .find(|(_, k, v)| inside(k) || inside(v))
                .map(|(k, _, _)| k.clone());
            let path = match &key {
                Some(k) if !field.is_empty() => format!("{field}.{k}"),
                Some(k) => k.clone(),
                None => field.to_string(),
            };
            self.toml_error(&e, Some(&span), &path);
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
            let item_span = item.span();
            if let Some(v) = self.de::<T>(item, &format!("{name}.{i}")) {
                out.push((item_span, v));
            }
        }
        out
    }
}
