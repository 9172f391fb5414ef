//! Reading a partnership file: UTF-8 check, TOML parse, deserialisation of
//! each table on its own (so one bad table does not hide the problems in
//! the others), then every semantic rule of DESIGN.md. All problems found are
//! reported together; nothing is returned unless the whole file is valid.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

pub mod diagnostic;
pub mod input;
pub mod limits;
pub mod schema;

use crate::load::diagnostic::{Diagnostic, LoadError, Position, Problem};
use crate::load::input::*;
use crate::load::limits::Limits;
pub use crate::load::limits::MAX_SEATS;
use crate::model::*;

const TOP_LEVEL: &str = "format, partnership, body, board, funding, dependence, contact, decision, perception, relationship, weights, policy";

/// Load a partnership from the bytes of a file, with the default
/// [`Limits`].
///
/// Checks that the bytes are UTF-8, then calls [`load_str`].
pub fn load(bytes: &[u8]) -> Result<Partnership, LoadError> {
    load_with(bytes, &Limits::default())
}

/// Load a partnership from the bytes of a file within `limits`: a file
/// larger than `limits.file_bytes` is refused before it is parsed.
///
/// ```
/// use powershare::{Limits, LoadError};
/// let limits = Limits { file_bytes: 10, ..Limits::default() };
/// let big = b"[[body]]\nid = \"a\"\n";
/// assert!(matches!(powershare::load_with(big, &limits), Err(LoadError::TooLarge { .. })));
/// ```
pub fn load_with(bytes: &[u8], limits: &Limits) -> Result<Partnership, LoadError> {
    if bytes.len() > limits.file_bytes {
        return Err(LoadError::TooLarge {
            bytes: bytes.len() as u64,
            max: limits.file_bytes,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str_with(text, limits),
        Err(e) => {
            let offset = e.valid_up_to();
            // The valid prefix is text, so positions can be counted in it.
            let prefix = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            Err(LoadError::NotUtf8 {
                position: Position::of_offset(prefix, offset),
                offset,
            })
        }
    }
}

/// Load a partnership from TOML text.
///
/// ```
/// let p = powershare::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
/// assert_eq!(p.bodies.len(), 2);
/// ```
pub fn load_str(text: &str) -> Result<Partnership, LoadError> {
    load_str_with(text, &Limits::default())
}

/// [`load_str`] within `limits` (the number of bodies; the file size is
/// checked by [`load_with`]).
pub fn load_str_with(text: &str, limits: &Limits) -> Result<Partnership, LoadError> {
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut cx = Cx::new(text);
    if !errors.is_empty() {
        for e in errors {
            cx.toml_error(&e, None, "");
        }
        return Err(cx.finish());
    }
    let table = table.into_inner();
    if table.is_empty() {
        return Err(LoadError::Empty);
    }
    // Sizes first: nothing beyond a limit is deserialised or scored.
    cx.check_sizes(&table, limits);
    if !cx.diagnostics.is_empty() {
        return Err(cx.finish());
    }
    let raw = cx.read_tables(table);
    let partnership = cx.check(raw);
    if cx.diagnostics.is_empty() {
        partnership.ok_or(LoadError::Empty)
    } else {
        Err(cx.finish())
    }
}

/// Load a programme-wide policy file: TOML with the keys of a partnership
/// file's `[policy]` table at the top level (`max_composite_gini`,
/// `max_top_share`, `max_dependence`, `power_seat_gap`, `deny`), checked by
/// the same rules and with the same errors. An empty file sets nothing.
///
/// ```
/// let p = powershare::load::load_policy_str("max_top_share = 0.4\ndeny = [\"dummy-seat\"]\n").unwrap();
/// assert_eq!(p.max_top_share, Some(0.4));
/// assert!(powershare::load::load_policy_str("max_top_share = 1.5\n").is_err());
/// ```
pub fn load_policy_str(text: &str) -> Result<Policy, LoadError> {
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut cx = Cx::new(text);
    for e in &errors {
        cx.toml_error(e, None, "");
    }
    if !errors.is_empty() {
        return Err(cx.finish());
    }
    let span = table.span();
    let value = Spanned::new(span.clone(), DeValue::Table(table.into_inner()));
    let raw: Option<RawPolicy> = cx.de(value, "policy");
    let policy = raw.map(|raw| cx.check_policy(Some(&(span, raw))));
    match policy {
        Some(mut policy) if cx.diagnostics.is_empty() => {
            policy.line = None;
            Ok(policy)
        }
        _ => Err(cx.finish()),
    }
}

/// The tables of a file, each deserialised on its own.
#[derive(Default)]
struct RawFile {
    info: Option<RawInfo>,
    /// Every `[[body]]` element; `None` where it failed to deserialise.
    bodies: Vec<(Range<usize>, Option<RawBody>)>,
    /// Ids of bodies that failed to deserialise, so references to them are not reported too.
    failed_ids: Vec<String>,
    body_span: Option<Range<usize>>,
    board: Option<(Range<usize>, RawBoard)>,
    funding: Vec<(Range<usize>, RawFunding)>,
    dependence: Vec<(Range<usize>, RawDependence)>,
    contacts: Vec<(Range<usize>, RawContact)>,
    decisions: Vec<(Range<usize>, RawDecision)>,
    perceptions: Vec<(Range<usize>, RawPerception)>,
    relationships: Vec<(Range<usize>, RawRelationship)>,
    weights: Option<RawWeights>,
    policy: Option<(Range<usize>, RawPolicy)>,
}

struct Cx<'t> {
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
    /// Some table or key failed to deserialise: skip rules that compare
    /// across tables, since they would report consequences, not causes.
    incomplete: bool,
    /// Byte offset where each line starts, so that a span's line is a
    /// binary search, not a scan from the top of the file for every entry.
    line_starts: Vec<usize>,
}

impl<'t> Cx<'t> {
    fn new(text: &'t str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Cx {
            text,
            diagnostics: Vec::new(),
            incomplete: false,
            line_starts,
        }
    }

    fn finish(&mut self) -> LoadError {
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        // File order; errors without a position last; stable for equal positions.
        diagnostics.sort_by_key(|d| d.position.map_or((usize::MAX, 0), |p| (p.line, p.column)));
        LoadError::Invalid { diagnostics }
    }

    /// The 1-based line where `span` starts (the same as
    /// `Position::of_span(text, span).line`: the newlines before it, plus one).
    fn line(&self, span: &Range<usize>) -> usize {
        self.line_starts
            .partition_point(|&start| start <= span.start)
    }

    fn report(&mut self, span: Option<&Range<usize>>, field: impl Into<String>, problem: Problem) {
        let position = span.map(|s| Position::of_span(self.text, s));
        self.diagnostics.push(Diagnostic {
            position,
            field: field.into(),
            problem,
        });
    }

    fn toml_error(&mut self, e: &toml::de::Error, fallback: Option<&Range<usize>>, field: &str) {
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
    fn de<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'t>>, field: &str) -> Option<T> {
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
    fn reparse(&self, span: &Range<usize>) -> Option<Spanned<DeValue<'t>>> {
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
    fn de_again<T: DeserializeOwned>(
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
    fn de_array<T: DeserializeOwned>(
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

    /// Report every array, text and key beyond its limit, and more bodies
    /// than `limits.bodies`, with its field path.
    fn check_sizes(&mut self, table: &DeTable<'t>, limits: &Limits) {
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
                    hint: "; set POWERSHARE_MAX_BODIES to raise the limit (scoring takes about 3 s at 1,000 bodies and grows faster than the number of bodies)",
                },
            );
        }
        let mut path = String::new();
        self.sizes_in_table(table, &mut path);
    }

    fn sizes_in_table(&mut self, table: &DeTable<'t>, path: &mut String) {
        for (key, value) in table {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key.get_ref());
            let chars = key.get_ref().chars().count();
            if chars > limits::MAX_TEXT_CHARS {
                self.too_long(&key.span(), path, "keys", chars, limits::MAX_TEXT_CHARS);
            } else {
                self.sizes_in_value(value, path);
            }
            path.truncate(len);
        }
    }

    fn sizes_in_value(&mut self, value: &Spanned<DeValue<'t>>, path: &mut String) {
        match value.get_ref() {
            DeValue::String(s) => {
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

    fn too_long(
        &mut self,
        span: &Range<usize>,
        path: &str,
        what: &'static str,
        chars: usize,
        max: usize,
    ) {
        self.report(Some(span), path, Problem::TooLong { what, chars, max });
    }

    fn read_tables(&mut self, table: DeTable<'t>) -> RawFile {
        let mut raw = RawFile::default();
        for (key, value) in table {
            let key_span = key.span();
            let span = value.span();
            match key.get_ref().as_ref() {
                "format" => match value.get_ref() {
                    DeValue::Integer(i) if i.as_str() == "1" => {}
                    other => {
                        let found = match other {
                            DeValue::Integer(i) => i.as_str().to_string(),
                            DeValue::Float(f) => f.as_str().to_string(),
                            DeValue::String(s) => format!("\"{s}\""),
                            v => v.type_str().to_string(),
                        };
                        self.report(Some(&span), "format", Problem::UnsupportedFormat { found });
                    }
                },
                "partnership" => {
                    raw.info = self.de(value, "partnership");
                }
                "body" => {
                    raw.body_span = Some(span.clone());
                    let DeValue::Array(items) = value.into_inner() else {
                        self.report(
                            Some(&span),
                            "body",
                            Problem::Toml {
                                message: "must be an array of tables: write [[body]] for each body"
                                    .into(),
                            },
                        );
                        self.incomplete = true;
                        continue;
                    };
                    for (i, item) in items.into_iter().enumerate() {
                        let id = item
                            .get_ref()
                            .get("id")
                            .and_then(|v| v.get_ref().as_str().map(str::to_string));
                        let field = match &id {
                            Some(id) if is_slug(id) => format!("body.{id}"),
                            _ => format!("body.{i}"),
                        };
                        let item_span = item.span();
                        let body = self.de::<RawBody>(item, &field);
                        if body.is_none() {
                            raw.failed_ids.extend(id);
                        }
                        raw.bodies.push((item_span, body));
                    }
                }
                "board" => {
                    raw.board = self.de(value, "board").map(|b| (span, b));
                }
                "weights" => {
                    raw.weights = self.de(value, "weights");
                }
                "policy" => {
                    raw.policy = self.de(value, "policy").map(|p| (span, p));
                }
                "funding" => raw.funding = self.de_array(value, "funding"),
                "dependence" => raw.dependence = self.de_array(value, "dependence"),
                "contact" => raw.contacts = self.de_array(value, "contact"),
                "decision" => raw.decisions = self.de_array(value, "decision"),
                "perception" => raw.perceptions = self.de_array(value, "perception"),
                "relationship" => raw.relationships = self.de_array(value, "relationship"),
                other => self.report(
                    Some(&key_span),
                    other,
                    Problem::UnknownTopLevel {
                        key: other.to_string(),
                        allowed: TOP_LEVEL,
                    },
                ),
            }
        }
        raw
    }

    /// Check every semantic rule; returns the partnership when the tables could be read.
    fn check(&mut self, raw: RawFile) -> Option<Partnership> {
        if raw.bodies.is_empty() {
            if raw.body_span.is_none() {
                self.report(None, "body", Problem::NoBodies);
            }
            return None;
        }
        let mut ids = Ids::default();
        let mut bodies = Vec::new();
        for (i, (span, body)) in raw.bodies.iter().enumerate() {
            let Some(b) = body else { continue };
            bodies.push(self.check_body(i, span, b, &mut ids));
        }
        for id in &raw.failed_ids {
            ids.failed.push(id.clone());
        }
        if !self.incomplete {
            self.check_all_or_none(&raw, &bodies);
        }
        let board = self.check_board(&raw, &bodies, &ids);
        let funding = self.check_funding(&raw, &bodies, &ids);
        let dependence = raw
            .dependence
            .iter()
            .enumerate()
            .filter_map(|(i, (span, d))| {
                let field = format!("dependence.{i}");
                let of = self.body_ref(&ids, &d.of, &format_args!("{field}.of"));
                let on = self.body_ref(&ids, &d.on, &format_args!("{field}.on"));
                if let (Some(a), Some(b)) = (of, on)
                    && a == b
                {
                    self.report(
                        Some(&d.on.span()),
                        format!("{field}.on"),
                        Problem::SameBodyTwice {
                            what: "dependence",
                            id: d.on.get_ref().clone(),
                        },
                    );
                }
                let share = self.range(&d.share, &format_args!("{field}.share"), 0.0, 1.0);
                Some(StatedDependence {
                    of: of?,
                    on: on?,
                    share: share?,
                    what: d.what.clone(),
                    line: self.line(span),
                })
            })
            .collect();
        let contacts = raw
            .contacts
            .iter()
            .enumerate()
            .filter_map(|(i, (span, c))| {
                let between = self.pair(&ids, &c.between, &format_args!("contact.{i}.between"))?;
                Some(Contact {
                    between,
                    frequency: c.frequency.unwrap_or(Frequency::Monthly),
                    line: self.line(span),
                })
            })
            .collect();
        let decisions = self.check_decisions(&raw, &ids);
        let perceptions = self.check_perceptions(&raw, &ids);
        let relationships = self.check_relationships(&raw, &ids);
        let weights = self.check_weights(raw.weights.as_ref());
        let policy = self.check_policy(raw.policy.as_ref());
        let info = raw.info.unwrap_or(RawInfo {
            name: None,
            period: None,
            currency: None,
        });
        if !self.diagnostics.is_empty() || self.incomplete {
            return None;
        }
        Some(Partnership {
            name: info.name,
            period: info.period,
            currency: info.currency,
            bodies,
            board,
            funding,
            dependence,
            contacts,
            decisions,
            perceptions,
            relationships,
            weights,
            policy,
        })
    }

    fn check_body(&mut self, i: usize, span: &Range<usize>, b: &RawBody, ids: &mut Ids) -> Body {
        let id = b.id.get_ref().clone();
        let line = self.line(&b.id.span());
        let id_chars = id.chars().count();
        let field = if id_chars > limits::MAX_ID_CHARS {
            self.report(
                Some(&b.id.span()),
                format!("body.{i}.id"),
                Problem::TooLong {
                    what: "ids",
                    chars: id_chars,
                    max: limits::MAX_ID_CHARS,
                },
            );
            format!("body.{i}")
        } else if is_slug(&id) {
            format!("body.{id}")
        } else {
            self.report(
                Some(&b.id.span()),
                format!("body.{i}.id"),
                Problem::BadSlug { id: id.clone() },
            );
            format!("body.{i}")
        };
        if let Some(&first_line) = ids.lines.get(&id) {
            self.report(
                Some(&b.id.span()),
                format!("{field}.id"),
                Problem::DuplicateId {
                    id: id.clone(),
                    first_line,
                },
            );
        } else {
            ids.lines.insert(id.clone(), line);
            ids.index.insert(id.clone(), ids.order.len());
        }
        ids.order.push(id.clone());
        let _ = span;
        let amount = |cx: &mut Self, v: &Option<Spanned<f64>>, name: &str| {
            v.as_ref()
                .and_then(|v| cx.non_negative(v, &format_args!("{field}.{name}")))
        };
        let income = amount(self, &b.income, "income");
        let staff = amount(self, &b.staff, "staff");
        let contribution = amount(self, &b.contribution, "contribution");
        let position = b
            .position
            .as_ref()
            .and_then(|v| self.range(v, &format_args!("{field}.position"), 0.0, 5.0));
        let mut expertise = BTreeMap::new();
        for (domain, rating) in b.expertise.iter().flatten() {
            if let Some(r) = self.range(
                rating,
                &format_args!("{field}.expertise.{domain}"),
                0.0,
                5.0,
            ) {
                expertise.insert(domain.clone(), r);
            }
        }
        let seats = match &b.seats {
            Some(s) if *s.get_ref() < 0 => {
                self.report(
                    Some(&s.span()),
                    format!("{field}.seats"),
                    Problem::Negative {
                        value: *s.get_ref() as f64,
                    },
                );
                0
            }
            Some(s) if *s.get_ref() > MAX_SEATS as i64 => {
                self.report(
                    Some(&s.span()),
                    format!("{field}.seats"),
                    Problem::OutOfRange {
                        value: *s.get_ref() as f64,
                        min: 0.0,
                        max: MAX_SEATS as f64,
                    },
                );
                0
            }
            Some(s) => *s.get_ref() as u64,
            None => 0,
        };
        let name = match &b.name {
            Some(n) if n.trim().is_empty() => {
                self.report(Some(&b.id.span()), format!("{field}.name"), Problem::Empty);
                id.clone()
            }
            Some(n) => n.clone(),
            None => id.clone(),
        };
        Body {
            id,
            name,
            sector: b.sector,
            income,
            staff,
            contribution,
            expertise,
            position,
            seats,
            line,
        }
    }

    fn check_all_or_none(&mut self, raw: &RawFile, bodies: &[Body]) {
        type Getter = fn(&RawBody) -> bool;
        let fields: [(&'static str, Getter); 4] = [
            ("income", |b| b.income.is_some()),
            ("staff", |b| b.staff.is_some()),
            ("contribution", |b| b.contribution.is_some()),
            ("position", |b| b.position.is_some()),
        ];
        let parsed: Vec<&RawBody> = raw.bodies.iter().filter_map(|(_, b)| b.as_ref()).collect();
        for (name, has) in fields {
            let given = parsed.iter().filter(|b| has(b)).count();
            if given == 0 || given == parsed.len() {
                continue;
            }
            let lacking: Vec<&RawBody> = parsed.iter().copied().filter(|b| !has(b)).collect();
            let missing = lacking
                .iter()
                .map(|b| format!("`{}`", b.id.get_ref()))
                .collect::<Vec<_>>()
                .join(", ");
            let first = lacking[0];
            let _ = bodies;
            self.report(
                Some(&first.id.span()),
                format!("body.{}.{name}", first.id.get_ref()),
                Problem::MissingForSome {
                    field: name,
                    missing,
                },
            );
        }
    }

    fn check_board(&mut self, raw: &RawFile, bodies: &[Body], ids: &Ids) -> Option<Board> {
        let total: u64 = bodies.iter().map(|b| b.seats).sum();
        let first_seated = bodies.iter().find(|b| b.seats > 0).map(|b| b.line);
        let Some((span, board)) = &raw.board else {
            // Seats without a [board] table: a simple majority of seats.
            return first_seated.map(|line| Board {
                rule: QuotaRule::Majority,
                quota: QuotaRule::Majority.seats(total),
                veto: Vec::new(),
                also_majority_of_bodies: false,
                chair: None,
                line,
            });
        };
        let line = self.line(span);
        if total == 0 {
            if !self.incomplete {
                self.report(Some(span), "board", Problem::BoardWithoutSeats);
            }
            return None;
        }
        let rule = match &board.quota {
            None => Some(QuotaRule::Majority),
            Some(q) => self.quota(q, total),
        };
        let mut veto = Vec::new();
        for (i, v) in board.veto.iter().enumerate() {
            let field = format!("board.veto.{i}");
            if let Some(b) = self.body_ref(ids, v, &field) {
                if !self.incomplete && bodies.get(b).is_some_and(|b| b.seats == 0) {
                    self.report(
                        Some(&v.span()),
                        "board.veto",
                        Problem::VetoWithoutSeats {
                            id: v.get_ref().clone(),
                        },
                    );
                } else if !veto.contains(&b) {
                    veto.push(b);
                }
            }
        }
        let chair = board
            .chair
            .as_ref()
            .and_then(|c| self.body_ref(ids, c, &"board.chair"));
        let rule = rule?;
        Some(Board {
            quota: rule.seats(total),
            rule,
            veto,
            also_majority_of_bodies: board.also_majority_of_bodies,
            chair,
            line,
        })
    }

    fn quota(&mut self, q: &Spanned<toml::Value>, total: u64) -> Option<QuotaRule> {
        let span = q.span();
        let rule = match q.get_ref() {
            toml::Value::String(s) => match s.as_str() {
                "majority" => Some(QuotaRule::Majority),
                "two-thirds" => Some(QuotaRule::TwoThirds),
                "unanimity" => Some(QuotaRule::Unanimity),
                _ => None,
            },
            toml::Value::Integer(i) => {
                if *i < 1 || *i as u64 > total {
                    // With a body unreadable the total is unknown; a quota below 1 is wrong anyway.
                    if self.incomplete && *i >= 1 {
                        return None;
                    }
                    self.report(
                        Some(&span),
                        "board.quota",
                        Problem::QuotaOutOfRange { quota: *i, total },
                    );
                    return None;
                }
                Some(QuotaRule::Seats(*i as u64))
            }
            toml::Value::Float(f) if *f > 0.0 && *f <= 1.0 => Some(QuotaRule::Fraction(*f)),
            _ => None,
        };
        if rule.is_none() {
            let found = match q.get_ref() {
                toml::Value::String(s) => format!("\"{s}\""),
                v => v.to_string(),
            };
            self.report(Some(&span), "board.quota", Problem::BadQuota { found });
        }
        rule
    }

    fn check_funding(&mut self, raw: &RawFile, bodies: &[Body], ids: &Ids) -> Vec<Funding> {
        let has_income = raw
            .bodies
            .iter()
            .any(|(_, b)| b.as_ref().is_some_and(|b| b.income.is_some()));
        if !raw.funding.is_empty() && !has_income && !self.incomplete {
            let span = raw.funding[0].0.clone();
            self.report(Some(&span), "funding", Problem::FundingNeedsIncome);
        }
        let mut received: HashMap<usize, f64> = HashMap::new();
        let mut out = Vec::new();
        for (i, (span, f)) in raw.funding.iter().enumerate() {
            let field = format!("funding.{i}");
            let from = self.body_ref(ids, &f.from, &format_args!("{field}.from"));
            let to = self.body_ref(ids, &f.to, &format_args!("{field}.to"));
            if let (Some(a), Some(b)) = (from, to)
                && a == b
            {
                self.report(
                    Some(&f.to.span()),
                    format!("{field}.to"),
                    Problem::SameBodyTwice {
                        what: "funding",
                        id: f.to.get_ref().clone(),
                    },
                );
                continue;
            }
            let amount = self.non_negative(&f.amount, &format_args!("{field}.amount"));
            let (Some(from), Some(to), Some(amount)) = (from, to, amount) else {
                continue;
            };
            let total = received.entry(to).or_insert(0.0);
            let before = *total;
            *total += amount;
            if let Some(income) = bodies.get(to).and_then(|b| b.income) {
                let limit = income * (1.0 + 1e-12);
                if *total > limit && before <= limit && !self.incomplete {
                    let id = bodies[to].id.clone();
                    let received = raw
                        .funding
                        .iter()
                        .filter(|(_, g)| g.to.get_ref() == &id)
                        .map(|(_, g)| *g.amount.get_ref())
                        .sum();
                    self.report(
                        Some(&f.amount.span()),
                        format!("{field}.amount"),
                        Problem::FundingAboveIncome {
                            id,
                            received,
                            income,
                        },
                    );
                }
            }
            out.push(Funding {
                from,
                to,
                amount,
                kind: f.kind,
                line: self.line(span),
            });
        }
        out
    }

    fn check_decisions(&mut self, raw: &RawFile, ids: &Ids) -> Vec<Decision> {
        let mut out = Vec::new();
        for (i, (span, d)) in raw.decisions.iter().enumerate() {
            let field = format!("decision.{i}");
            if d.title.get_ref().trim().is_empty() {
                self.report(
                    Some(&d.title.span()),
                    format!("{field}.title"),
                    Problem::Empty,
                );
            }
            let proposed_by = d
                .proposed_by
                .as_ref()
                .map(|p| self.body_ref(ids, p, &format_args!("{field}.proposed_by")));
            let mut seen = Vec::new();
            let mut lists = [Vec::new(), Vec::new()];
            for (list, (name, entries)) in [("supported", &d.supported), ("opposed", &d.opposed)]
                .into_iter()
                .enumerate()
            {
                for e in entries {
                    let Some(b) = self.body_ref(ids, e, &format_args!("{field}.{name}")) else {
                        continue;
                    };
                    if seen.contains(&b) {
                        self.report(
                            Some(&e.span()),
                            format!("{field}.{name}"),
                            Problem::ListedTwice {
                                id: e.get_ref().clone(),
                            },
                        );
                    } else {
                        seen.push(b);
                        lists[list].push(b);
                    }
                }
            }
            let [supported, opposed] = lists;
            if let Some(None) = proposed_by {
                continue;
            }
            out.push(Decision {
                title: d.title.get_ref().clone(),
                proposed_by: proposed_by.flatten(),
                outcome: d.outcome,
                how: d.how,
                supported,
                opposed,
                date: d.date.clone(),
                line: self.line(span),
            });
        }
        out
    }

    fn check_perceptions(&mut self, raw: &RawFile, ids: &Ids) -> Vec<Perception> {
        let mut out = Vec::new();
        let mut raters: HashMap<usize, usize> = HashMap::new();
        for (i, (span, p)) in raw.perceptions.iter().enumerate() {
            let field = format!("perception.{i}");
            let rater = self.body_ref(ids, &p.rater, &format_args!("{field}.rater"));
            if let Some(r) = rater {
                if let Some(&first_line) = raters.get(&r) {
                    self.report(
                        Some(&p.rater.span()),
                        format!("{field}.rater"),
                        Problem::DuplicateRater {
                            id: p.rater.get_ref().clone(),
                            first_line,
                        },
                    );
                } else {
                    raters.insert(r, self.line(span));
                }
            }
            let mut influence = BTreeMap::new();
            for (id, rating) in &p.influence {
                let body = match ids.index.get(id) {
                    Some(&b) => Some(b),
                    None => {
                        if !ids.failed.contains(id) {
                            self.report(
                                Some(&rating.span()),
                                format!("{field}.influence.{id}"),
                                Problem::UnknownBody {
                                    id: id.clone(),
                                    known: ids.known(),
                                },
                            );
                        }
                        None
                    }
                };
                let r = self.range(rating, &format_args!("{field}.influence.{id}"), 0.0, 5.0);
                if let (Some(b), Some(r)) = (body, r) {
                    influence.insert(b, r);
                }
            }
            if let Some(rater) = rater {
                out.push(Perception {
                    rater,
                    influence,
                    line: self.line(span),
                });
            }
        }
        out
    }

    fn check_relationships(&mut self, raw: &RawFile, ids: &Ids) -> Vec<Relationship> {
        let mut out = Vec::new();
        let mut pairs: HashMap<[usize; 2], usize> = HashMap::new();
        for (i, (span, r)) in raw.relationships.iter().enumerate() {
            let field = format!("relationship.{i}");
            let between = self.pair(ids, &r.between, &format_args!("{field}.between"));
            let trust = *r.trust.get_ref();
            if !(-2..=2).contains(&trust) {
                self.report(
                    Some(&r.trust.span()),
                    format!("{field}.trust"),
                    Problem::OutOfRange {
                        value: trust as f64,
                        min: -2.0,
                        max: 2.0,
                    },
                );
                continue;
            }
            let Some(between) = between else { continue };
            let key = [between[0].min(between[1]), between[0].max(between[1])];
            if let Some(&first_line) = pairs.get(&key) {
                let names = r.between.get_ref();
                self.report(
                    Some(&r.between.span()),
                    format!("{field}.between"),
                    Problem::DuplicatePair {
                        a: names[0].get_ref().clone(),
                        b: names[1].get_ref().clone(),
                        first_line,
                    },
                );
                continue;
            }
            pairs.insert(key, self.line(span));
            out.push(Relationship {
                between,
                trust,
                line: self.line(span),
            });
        }
        out
    }

    fn check_weights(&mut self, raw: Option<&RawWeights>) -> Weights {
        let mut weights = BTreeMap::new();
        let Some(w) = raw else {
            return Weights(weights);
        };
        let given = [
            (Dimension::Resources, &w.resources),
            (Dimension::Expertise, &w.expertise),
            (Dimension::Position, &w.position),
            (Dimension::Voting, &w.voting),
            (Dimension::Dependence, &w.dependence),
            (Dimension::Network, &w.network),
            (Dimension::Agenda, &w.agenda),
            (Dimension::Perceived, &w.perceived),
        ];
        let mut last_span = None;
        for (d, v) in given {
            if let Some(v) = v {
                last_span = Some(v.span());
                if let Some(x) = self.non_negative(v, &format_args!("weights.{}", d.name())) {
                    weights.insert(d, x);
                }
            }
        }
        if weights.len() == Dimension::ALL.len() && weights.values().all(|&x| x == 0.0) {
            self.report(last_span.as_ref(), "weights", Problem::AllWeightsZero);
        }
        Weights(weights)
    }

    fn check_policy(&mut self, raw: Option<&(Range<usize>, RawPolicy)>) -> Policy {
        let Some((span, p)) = raw else {
            return Policy {
                max_composite_gini: None,
                max_top_share: None,
                max_dependence: None,
                power_seat_gap: None,
                deny: Vec::new(),
                line: None,
            };
        };
        let unit = |cx: &mut Self, v: &Option<Spanned<f64>>, name: &str| {
            v.as_ref()
                .and_then(|v| cx.range(v, &format_args!("policy.{name}"), 0.0, 1.0))
        };
        let max_composite_gini = unit(self, &p.max_composite_gini, "max_composite_gini");
        let max_top_share = unit(self, &p.max_top_share, "max_top_share");
        let max_dependence = unit(self, &p.max_dependence, "max_dependence");
        let power_seat_gap = unit(self, &p.power_seat_gap, "power_seat_gap");
        let mut deny = Vec::new();
        for code in &p.deny {
            if let Some(known) = FindingCode::parse(code.get_ref()) {
                if !deny.contains(&known) {
                    deny.push(known);
                }
            } else {
                self.report(
                    Some(&code.span()),
                    "policy.deny",
                    Problem::UnknownFinding {
                        code: code.get_ref().clone(),
                        allowed: FindingCode::list(),
                    },
                );
            }
        }
        Policy {
            max_composite_gini,
            max_top_share,
            max_dependence,
            power_seat_gap,
            deny,
            line: Some(self.line(span)),
        }
    }

    fn body_ref(
        &mut self,
        ids: &Ids,
        id: &Spanned<String>,
        field: &dyn std::fmt::Display,
    ) -> Option<usize> {
        match ids.index.get(id.get_ref()) {
            Some(&i) => Some(i),
            None => {
                if !ids.failed.contains(id.get_ref()) {
                    self.report(
                        Some(&id.span()),
                        field.to_string(),
                        Problem::UnknownBody {
                            id: id.get_ref().clone(),
                            known: ids.known(),
                        },
                    );
                }
                None
            }
        }
    }

    fn pair(
        &mut self,
        ids: &Ids,
        between: &Spanned<Vec<Spanned<String>>>,
        field: &dyn std::fmt::Display,
    ) -> Option<[usize; 2]> {
        let list = between.get_ref();
        if list.len() != 2 {
            self.report(
                Some(&between.span()),
                field.to_string(),
                Problem::BetweenArity { found: list.len() },
            );
            return None;
        }
        let a = self.body_ref(ids, &list[0], field);
        let b = self.body_ref(ids, &list[1], field);
        if list[0].get_ref() == list[1].get_ref() {
            self.report(
                Some(&list[1].span()),
                field.to_string(),
                Problem::SameBodyTwice {
                    what: "a tie",
                    id: list[1].get_ref().clone(),
                },
            );
            return None;
        }
        Some([a?, b?])
    }

    fn finite(&mut self, v: &Spanned<f64>, field: &dyn std::fmt::Display) -> Option<f64> {
        let x = *v.get_ref();
        if x.is_finite() {
            Some(x)
        } else {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::NotFinite { value: x },
            );
            None
        }
    }

    fn non_negative(&mut self, v: &Spanned<f64>, field: &dyn std::fmt::Display) -> Option<f64> {
        let x = self.finite(v, field)?;
        if x < 0.0 {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::Negative { value: x },
            );
            return None;
        }
        if x > limits::MAX_AMOUNT {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::TooLarge { value: x },
            );
            return None;
        }
        // Normalise -0.0 so it prints as 0.
        Some(x + 0.0)
    }

    fn range(
        &mut self,
        v: &Spanned<f64>,
        field: &dyn std::fmt::Display,
        min: f64,
        max: f64,
    ) -> Option<f64> {
        let x = self.finite(v, field)?;
        if !(min..=max).contains(&x) {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::OutOfRange { value: x, min, max },
            );
            return None;
        }
        Some(x + 0.0)
    }
}

/// Body ids seen so far.
#[derive(Default)]
struct Ids {
    index: HashMap<String, usize>,
    lines: HashMap<String, usize>,
    order: Vec<String>,
    failed: Vec<String>,
}

impl Ids {
    fn known(&self) -> String {
        let mut all: Vec<&str> = self.order.iter().map(String::as_str).collect();
        all.extend(self.failed.iter().map(String::as_str));
        all.dedup();
        all.join(", ")
    }
}

/// Whether `s` is a slug: `[a-z0-9][a-z0-9_-]*`.
pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_counting_newlines() {
        // Regression: counting newlines from the top for every entry made
        // loading quadratic in the file's size (a quarter of `validate`).
        let text = "a\nbb\n\nccc\né = 1\n";
        let cx = Cx::new(text);
        for offset in 0..text.len() + 3 {
            assert_eq!(
                cx.line(&(offset..offset + 1)),
                Position::of_offset(text, offset).line,
                "offset {offset}"
            );
        }
    }

    #[track_caller]
    fn policy_error(text: &str, expected: &str) {
        let e = load_policy_str(text).unwrap_err();
        let LoadError::Invalid { diagnostics } = e else {
            panic!("{e:?}")
        };
        assert_eq!(diagnostics[0].to_string(), expected);
    }

    #[test]
    fn policy_files_use_the_policy_rules() {
        let p = load_policy_str("").unwrap();
        assert_eq!((p.max_top_share, p.deny.len(), p.line), (None, 0, None));
        let p =
            load_policy_str("max_dependence = 0.6\ndeny = [\"mistrust\", \"mistrust\"]\n").unwrap();
        assert_eq!(
            (p.max_dependence, p.deny),
            (Some(0.6), vec![FindingCode::Mistrust])
        );
        policy_error(
            "max_top_share = 1.5\n",
            "1:17: policy.max_top_share: must be between 0 and 1, got 1.5",
        );
        policy_error(
            "\ndeny = [\"no-such\"]\n",
            &format!(
                "2:9: policy.deny: unknown finding code `no-such`; the codes are: {}",
                FindingCode::list()
            ),
        );
        // An unknown key is named, with the line.
        let e = load_policy_str("max_gini = 0.3\n").unwrap_err();
        let LoadError::Invalid { diagnostics } = e else {
            panic!("{e:?}")
        };
        assert_eq!(diagnostics[0].position.map(|p| p.line), Some(1));
        assert!(
            diagnostics[0].to_string().contains("max_gini"),
            "{}",
            diagnostics[0]
        );
        policy_error(
            "max_top_share = \n",
            "1:17: string values must be quoted, expected literal string",
        );
    }
}
