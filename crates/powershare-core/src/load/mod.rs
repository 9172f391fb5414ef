//! Reading a partnership file: UTF-8 check, a first pass that bounds the
//! parser's work and finds every syntax error and refused character
//! (`scan.rs`), TOML parse, the sizes of every array and text (`size.rs`),
//! deserialisation of each table on its own (so one bad table does not
//! hide the problems in the others), then every semantic rule of
//! DESIGN.md. All problems found are reported together, the first
//! [`MAX_DIAGNOSTICS`](diagnostic::MAX_DIAGNOSTICS) in file order with a
//! count of the rest (`problems.rs`); nothing is returned unless the whole
//! file is valid.
//!
//! Every step is linear in the size of the file: no problem is located by
//! scanning from the top, no table is parsed twice for each failing entry
//! (a file with a failing entry is deserialised in a second, careful pass
//! instead, see `deserialise.rs`), and no message grows with the
//! partnership.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod deserialise;
pub mod diagnostic;
pub mod input;
pub mod limits;
mod problems;
pub mod programme;
pub mod scan;
pub mod schema;
mod size;
mod validate;

use crate::load::diagnostic::{LoadError, Position, Problem};
use crate::load::input::*;
use crate::load::limits::Limits;
pub use crate::load::limits::MAX_SEATS;
use crate::load::problems::Problems;
use crate::model::*;

const TOP_LEVEL: &str = "format, partnership, body, board, funding, dependence, contact, decision, perception, relationship, weights, policy, survey, response";

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
/// use powershare_core::{Limits, LoadError};
/// let limits = Limits { file_bytes: 10, ..Limits::default() };
/// let big = b"[[body]]\nid = \"a\"\n";
/// assert!(matches!(powershare_core::load_with(big, &limits), Err(LoadError::TooLarge { .. })));
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
/// let p = powershare_core::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
/// assert_eq!(p.bodies.len(), 2);
/// ```
pub fn load_str(text: &str) -> Result<Partnership, LoadError> {
    load_str_with(text, &Limits::default())
}

/// [`load_str`] within `limits` (the number of bodies; the file size is
/// checked by [`load_with`]).
pub fn load_str_with(text: &str, limits: &Limits) -> Result<Partnership, LoadError> {
    let mut cx = Cx::new(text);
    // The first pass: nothing is built for a file beyond the parse budget
    // or with a syntax error. (Small files skip it; see SCAN_FROM_BYTES.)
    if text.len() > limits.scan_from_bytes {
        if !cx.scan(limits) {
            return Err(cx.finish());
        }
    } else {
        cx.check_characters = true;
    }
    let Some(table) = cx.parse() else {
        return Err(cx.finish());
    };
    if table.is_empty() {
        return Err(LoadError::Empty);
    }
    // Sizes first: nothing beyond a limit is deserialised or scored.
    cx.check_sizes(&table, limits);
    if !cx.problems.is_empty() {
        return Err(cx.finish());
    }
    let mut raw = cx.read_tables(table);
    if cx.fast_failed {
        // Some entry failed to deserialise, and the fast pass consumed it:
        // start again in the careful pass, which keeps each value until it
        // is known to be good, so every bad key of every entry is found.
        drop(raw);
        let check_characters = cx.check_characters;
        cx = Cx::new(text);
        cx.careful = true;
        cx.check_characters = check_characters;
        let Some(table) = cx.parse() else {
            return Err(cx.finish());
        };
        raw = cx.read_tables(table);
    }
    let partnership = cx.check(raw);
    if cx.problems.is_empty() {
        partnership.ok_or(LoadError::Empty)
    } else {
        Err(cx.finish())
    }
}

/// Load a programme-wide policy file: TOML with the keys of a partnership
/// file's `[policy]` table at the top level (`max_composite_gini`,
/// `max_top_share`, `max_dependence`, `power_seat_gap`, `min_agreement`,
/// `max_self_gap`, `deny`), checked by
/// the same rules and with the same errors. An empty file sets nothing.
///
/// ```
/// let p = powershare_core::load::load_policy_str("max_top_share = 0.4\ndeny = [\"dummy-seat\"]\n").unwrap();
/// assert_eq!(p.max_top_share, Some(0.4));
/// assert!(powershare_core::load::load_policy_str("max_top_share = 1.5\n").is_err());
/// ```
pub fn load_policy_str(text: &str) -> Result<Policy, LoadError> {
    let mut raw = None;
    let mut cx = Cx::new(text);
    for careful in [false, true] {
        if careful {
            cx = Cx::new(text);
            cx.careful = true;
        }
        if !cx.scan(&Limits::default()) {
            return Err(cx.finish());
        }
        let Some(table) = cx.parse() else {
            return Err(cx.finish());
        };
        let span = 0..text.len();
        let value = Spanned::new(span.clone(), DeValue::Table(table));
        raw = cx.de::<RawPolicy>(value, "policy").map(|r| (span, r));
        if !cx.fast_failed {
            break;
        }
    }
    let policy = raw.map(|raw| cx.check_policy(Some(&raw)));
    match policy {
        Some(mut policy) if cx.problems.is_empty() => {
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
    survey: Option<(Range<usize>, RawSurvey)>,
    responses: Vec<(Range<usize>, RawResponse)>,
}

struct Cx<'t> {
    text: &'t str,
    /// Every problem found (the first in file order kept).
    problems: Problems,
    /// Some table or key failed to deserialise: skip rules that compare
    /// across tables, since they would report consequences, not causes.
    incomplete: bool,
    /// Byte offset where each line starts, so that a span's line is a
    /// binary search, not a scan from the top of the file for every entry.
    /// Built when first needed (a file refused by the first pass never
    /// needs it), at its exact size: 8 bytes a line, and every line break
    /// is a token of the parse budget.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// The careful pass: each value is deserialised from a copy, so that
    /// after a failure it can be tried again without its bad keys.
    careful: bool,
    /// In the fast pass, a value failed to deserialise (and was consumed):
    /// the file must be read again carefully.
    fast_failed: bool,
    /// The body ids, for the ids a wrong reference could have meant.
    known_ids: Vec<String>,
    /// The first pass did not run (a small file): the size walk looks for
    /// refused characters instead.
    check_characters: bool,
}

impl<'t> Cx<'t> {
    fn new(text: &'t str) -> Self {
        Cx {
            text,
            problems: Problems::default(),
            incomplete: false,
            line_starts: std::cell::OnceCell::new(),
            careful: false,
            fast_failed: false,
            known_ids: Vec::new(),
            check_characters: false,
        }
    }

    /// The byte offset where each line starts.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let lines = self.text.bytes().filter(|&b| b == b'\n').count();
            let mut starts = Vec::with_capacity(lines + 1);
            starts.push(0);
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The TOML tree, or `None` with the parser's problems reported (after
    /// the first pass, only duplicate keys and tables defined twice).
    fn parse(&mut self) -> Option<DeTable<'t>> {
        let (table, errors) = DeTable::parse_recoverable(self.text);
        if errors.is_empty() {
            return Some(table.into_inner());
        }
        for e in errors {
            self.toml_error(&e, None, "");
        }
        None
    }

    fn finish(&mut self) -> LoadError {
        let problems = std::mem::take(&mut self.problems);
        let known = std::mem::take(&mut self.known_ids);
        let mut hints: HashMap<String, String> = HashMap::new();
        let starts: &[usize] = if problems.located() {
            self.line_starts()
        } else {
            &[]
        };
        problems.finish(self.text, starts, |p| {
            if let Problem::UnknownBody { id, known: hint } = p {
                *hint = hints
                    .entry(id.clone())
                    .or_insert_with(|| problems::closest_ids(id, &known))
                    .clone();
            }
        })
    }

    fn read_tables(&mut self, table: DeTable<'t>) -> RawFile {
        let mut raw = RawFile::default();
        for (key, value) in table {
            if self.fast_failed {
                // The careful pass reads the whole file again.
                break;
            }
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
                        if self.fast_failed {
                            break;
                        }
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
                        // (a failure in the fast pass is read again carefully)
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
                "survey" => {
                    raw.survey = self.de(value, "survey").map(|x| (span, x));
                }
                "response" => raw.responses = self.de_array(value, "response"),
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
            ids.failed.insert(id.clone());
        }
        self.known_ids = ids.known();
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
        let survey = self.check_survey(raw.survey.as_ref());
        let responses = self.check_responses(&raw, &ids);
        let info = raw.info.unwrap_or(RawInfo {
            id: None,
            name: None,
            period: None,
            currency: None,
            host: None,
        });
        let host = info
            .host
            .as_ref()
            .and_then(|h| self.body_ref(&ids, h, &"partnership.host"));
        if !self.problems.is_empty() || self.incomplete {
            return None;
        }
        let id = self.check_partnership_id(info.id.as_ref());
        Some(Partnership {
            id,
            name: info.name,
            period: info.period,
            currency: info.currency,
            host,
            bodies,
            board,
            funding,
            dependence,
            contacts,
            decisions,
            perceptions,
            relationships,
            responses,
            survey,
            weights,
            policy,
        })
    }
}

/// Body ids seen so far.
#[derive(Default)]
struct Ids {
    index: HashMap<String, usize>,
    lines: HashMap<String, usize>,
    order: Vec<String>,
    /// Ids of bodies that failed to deserialise: references to them are
    /// not reported (a set: a file can refer to them 100,000 times).
    failed: HashSet<String>,
}

impl Ids {
    /// Every id, in file order, then those of the bodies that failed to
    /// deserialise, sorted; each once.
    fn known(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut failed: Vec<&String> = self.failed.iter().collect();
        failed.sort();
        self.order
            .iter()
            .chain(failed)
            .filter(|id| seen.insert(id.as_str()))
            .cloned()
            .collect()
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

    /// Small files skip the first pass; the two ways in must agree: the
    /// same outcome, and for refused characters and syntax errors the same
    /// first problem at the same place.
    #[test]
    fn the_first_pass_and_the_direct_parse_agree() {
        let scanned = Limits {
            scan_from_bytes: 0,
            ..Limits::default()
        };
        for text in [
            "[[body]]\nid = \"a\"\nseats = 2\n[[body]]\nid = \"b\"\nseats = 1\n",
            "[[body]]\nid = \"a\"\nname = \"x\\u001by\"\n",
            "[[body]]\nid = \"a\"\nname = \"x\u{202e}y\"\n",
            "[[body]]\nid = \"a\"\nexpertise = { \"k\u{2066}\" = 1 }\n",
            "[[body]]\nid = \"a\"\nname = \"x\u{200d}y\"\n",
            "[[body]]\nid = \"a\"\nname = \n",
            "[[body]]\nid = \"a\"\nx = [1979-13-45]\n",
            "[[body]]\nid = \"a\"\nname = \"\\q\"\n",
            "x = [[[[]]]]\n[[body]]\nid = \"a\"\n",
            "",
        ] {
            let a = load_str_with(text, &scanned);
            let b = load_str(text);
            assert_eq!(a.is_ok(), b.is_ok(), "{text:?}: {a:?} / {b:?}");
            if let (
                Err(LoadError::Invalid { diagnostics: a, .. }),
                Err(LoadError::Invalid { diagnostics: b, .. }),
            ) = (&a, &b)
            {
                assert_eq!(a[0], b[0], "{text:?}");
            }
        }
    }

    #[track_caller]
    fn policy_error(text: &str, expected: &str) {
        let e = load_policy_str(text).unwrap_err();
        let LoadError::Invalid { diagnostics, .. } = e else {
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
        let LoadError::Invalid { diagnostics, .. } = e else {
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
