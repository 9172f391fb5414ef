//! The first pass over a file, before the TOML parser builds anything.
//!
//! The `toml` crate keeps two 24-byte records per token while it parses
//! (the tokens and their events), about 56 bytes per value and a 1.1 KB
//! B-tree node per table in its tree, and one error of about 250 bytes for
//! every problem it finds, with no limit on any of them: 16 MiB of lines
//! holding only `=` took over 4 GB, and 16 MiB of `{},` 1.5 GB, before
//! powershare saw a single entry. So this pass comes first:
//!
//! 1. It counts the tokens with the lexer, which allocates nothing, and
//!    refuses a file whose tokens alone would take the parser past the
//!    parse budget ([`Limits::parse_bytes`]).
//! 2. It runs the TOML grammar over the tokens (24 bytes each) with a
//!    receiver that keeps nothing, decoding every key and scalar, so that
//!    every syntax error, bad escape, bad number or date is found here,
//!    into the bounded [`Problems`] (the first 100 kept, the rest counted);
//!    and every string and key is checked for the characters powershare
//!    refuses (see [`forbidden`]).
//! 3. From the counts of tokens, values and tables it bounds what the
//!    parser's tree will take ([`Counts::parse_bytes`]) and refuses a file
//!    above the budget, naming the counts; an array with more entries than
//!    [`MAX_ENTRIES`] is refused here too, at its line, before any tree.
//!
//! Only a file that passes is given to the parser, which then can find
//! nothing but duplicate keys and tables defined twice: at most one error
//! per key, which the budget counts.

use std::borrow::Cow;

use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span};

use crate::load::Cx;
use crate::load::diagnostic::Problem;
use crate::load::limits::{Limits, MAX_ENTRIES};

/// Files of at most this many bytes skip the first pass: the parser's
/// memory on them is bounded by their size (at most about 40 MB, with an
/// error for every byte and a half), and typical files (8 KiB on average)
/// should not pay for a second reading. Their refused characters are found
/// in the size walk instead (`size.rs`), with the same message and place.
pub const SCAN_FROM_BYTES: usize = 64 * 1024;

/// The nesting the `toml` crate allows (its recursion limit).
const MAX_DEPTH: u32 = 80;

/// Bytes of one token, and of one event, as the parser keeps them.
const TOKEN_RECORD: usize = 24;
/// Bytes the parser keeps per token while it parses: a token and an
/// event of 24 bytes each, and a share of an error of about 250 bytes for a
/// duplicate key (at most one per key, a key and its value being at least
/// four tokens).
pub const TOKEN_BYTES: usize = 110;
/// Bytes per value in the parser's tree: a 56-byte value, doubled for the
/// growth of the array or B-tree node that holds it.
pub const VALUE_BYTES: usize = 112;
/// Bytes per table in the parser's tree: its first B-tree node.
pub const TABLE_BYTES: usize = 1_200;

/// What the first pass counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tokens: every key, value, bracket, `=`, comma, comment, run of
    /// spaces and line break.
    pub tokens: usize,
    /// Values: scalars, arrays and inline tables, wherever they are.
    pub values: usize,
    /// Tables: `[header]`s, `[[entries]]`, inline tables, and the dots of
    /// dotted keys (each can open a table).
    pub tables: usize,
    /// Bytes of the file: a bound on the texts the parser decodes into
    /// strings of their own (those with escapes).
    pub bytes: usize,
}

impl Counts {
    /// An upper bound on the bytes the `toml` parser holds at its peak for
    /// a file with these counts (measured: between a fifth and 0.76 of this
    /// on every shape of file tried, see docs/reliability.md).
    pub fn parse_bytes(&self) -> usize {
        self.tokens
            .saturating_mul(TOKEN_BYTES)
            .saturating_add(self.bytes)
            .saturating_add(self.values.saturating_mul(VALUE_BYTES))
            .saturating_add(self.tables.saturating_mul(TABLE_BYTES))
    }
}

/// The counts of the first pass over `text`, whatever its problems (for
/// measuring: the loader itself runs the pass through [`crate::load_with`]).
pub fn measure(text: &str) -> Counts {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut receiver = Scanner::new(source, tokens.len());
    {
        let mut guard = RecursionGuard::new(&mut receiver, MAX_DEPTH);
        let mut validate = ValidateWhitespace::new(&mut guard, source);
        toml_parser::parser::parse_document(&tokens, &mut validate, &mut ());
    }
    receiver.counts
}

impl<'t> Cx<'t> {
    /// The first pass: `true` when the file may be parsed, else the
    /// problems found are in `self`.
    pub(in crate::load) fn scan(&mut self, limits: &Limits) -> bool {
        let budget = limits.parse_bytes();
        let source = Source::new(self.text);
        let tokens = source.lex().count();
        // This pass keeps the tokens (24 bytes each); the parser would keep
        // at least twice as much.
        if tokens.saturating_mul(2 * TOKEN_RECORD) > budget {
            let counts = Counts {
                tokens,
                bytes: self.text.len(),
                ..Counts::default()
            };
            self.too_complex(counts, budget);
            return false;
        }
        // At its exact size: `into_vec` would guess and double.
        let mut all = Vec::with_capacity(tokens);
        all.extend(source.lex());
        let tokens = all;
        let mut receiver = Scanner::new(source, tokens.len());
        let before = self.problems.len();
        {
            let mut sink = Sink { cx: self };
            let mut guard = RecursionGuard::new(&mut receiver, MAX_DEPTH);
            let mut validate = ValidateWhitespace::new(&mut guard, source);
            toml_parser::parser::parse_document(&tokens, &mut validate, &mut sink);
        }
        drop(tokens);
        for (offset, c) in std::mem::take(&mut receiver.forbidden) {
            self.report_at(Some(offset), "", || Problem::ForbiddenCharacter {
                code: c,
                what: forbidden(c).unwrap_or("a control character"),
            });
        }
        for (span, count) in std::mem::take(&mut receiver.too_long) {
            self.report_at(Some(span.start()), "", || Problem::TooMany {
                what: "entries",
                count,
                max: MAX_ENTRIES,
                hint: " in one array",
            });
        }
        // Arrays of tables, by name (the bodies against their own limit):
        // refused here, before a tree of 100,000 tables is built.
        let mut long: Vec<(String, usize, usize)> = receiver
            .entries
            .drain()
            .filter(|(name, (n, _))| {
                *n > if name == "body" {
                    limits.bodies
                } else {
                    MAX_ENTRIES
                }
            })
            .map(|(name, (n, at))| (name, n, at))
            .collect();
        long.sort_by_key(|&(_, _, at)| at);
        for (name, count, at) in long {
            let problem = if name == "body" {
                Problem::TooMany {
                    what: "bodies",
                    count,
                    max: limits.bodies,
                    hint: crate::load::size::BODIES_HINT,
                }
            } else {
                Problem::TooMany {
                    what: "entries",
                    count,
                    max: MAX_ENTRIES,
                    hint: "",
                }
            };
            self.report(Some(&(at..at)), name, problem);
        }
        if self.problems.len() > before {
            return false;
        }
        let counts = receiver.counts;
        if counts.parse_bytes() > budget {
            self.too_complex(counts, budget);
            return false;
        }
        true
    }

    fn too_complex(&mut self, counts: Counts, budget: usize) {
        let mb = |b: usize| b.div_ceil(1_000_000);
        self.report_at(None, "", || Problem::TooComplex {
            tokens: counts.tokens,
            values: counts.values,
            tables: counts.tables,
            needed_mb: mb(counts.parse_bytes()),
            max_mb: mb(budget),
        });
    }
}

/// Whether powershare refuses `c` in a text, and what it is: the control
/// characters (C0 but tab, DEL, C1), which can move the cursor, clear a
/// terminal or split a line, and the bidirectional embeddings, overrides
/// and isolates (U+202A to U+202E, U+2066 to U+2069), which make text read
/// in another order than it is stored. Zero-width joiners (U+200C, U+200D)
/// are allowed: scripts need them.
pub fn forbidden(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' => return None,
        '\n' => "a line break (U+000A LINE FEED)",
        '\r' => "a line break (U+000D CARRIAGE RETURN)",
        '\u{0}'..='\u{1f}' | '\u{7f}' => "a control character",
        '\u{80}'..='\u{9f}' => "a C1 control character",
        '\u{202a}' => "a bidirectional control (LEFT-TO-RIGHT EMBEDDING)",
        '\u{202b}' => "a bidirectional control (RIGHT-TO-LEFT EMBEDDING)",
        '\u{202c}' => "a bidirectional control (POP DIRECTIONAL FORMATTING)",
        '\u{202d}' => "a bidirectional control (LEFT-TO-RIGHT OVERRIDE)",
        '\u{202e}' => "a bidirectional control (RIGHT-TO-LEFT OVERRIDE)",
        '\u{2066}' => "a bidirectional control (LEFT-TO-RIGHT ISOLATE)",
        '\u{2067}' => "a bidirectional control (RIGHT-TO-LEFT ISOLATE)",
        '\u{2068}' => "a bidirectional control (FIRST STRONG ISOLATE)",
        '\u{2069}' => "a bidirectional control (POP DIRECTIONAL ISOLATE)",
        _ => return None,
    })
}

/// Parse errors into the bounded problems, their messages built only for
/// the ones kept (as the `toml` crate words them).
struct Sink<'a, 't> {
    cx: &'a mut Cx<'t>,
}

impl ErrorSink for Sink<'_, '_> {
    fn report_error(&mut self, error: ParseError) {
        let offset = error.unexpected().map(|s| s.start());
        self.cx.report_at(offset, "", || Problem::Toml {
            message: parse_message(&error),
        });
    }
}

/// The message the `toml` crate gives for `error` (`toml::de::Error::new`).
fn parse_message(error: &ParseError) -> String {
    let mut message = error.description().to_string();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, e) in expected.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            match e {
                toml_parser::Expected::Literal(l) => message.push_str(&match *l {
                    "\n" => "newline".to_string(),
                    "`" => "'`'".to_string(),
                    s if s.chars().all(|c| c.is_ascii_control()) => {
                        format!("`{}`", s.escape_debug())
                    }
                    s => format!("`{s}`"),
                }),
                toml_parser::Expected::Description(d) => message.push_str(d),
                _ => message.push_str("etc"),
            }
        }
    }
    message
}

/// The receiver of the first pass: counts, decodes and checks, keeps
/// nothing of the document.
struct Scanner<'i> {
    source: Source<'i>,
    counts: Counts,
    /// Entries so far of each open array (innermost last).
    arrays: Vec<(Span, usize)>,
    /// Arrays above [`MAX_ENTRIES`]: where they start, and their length.
    too_long: Vec<(Span, usize)>,
    /// The `[[header]]` being read: its dotted name so far, and where it
    /// starts.
    header: Option<String>,
    header_start: usize,
    /// Entries of each array of tables (`[[contact]]`): how many, and the
    /// offset of the first.
    entries: std::collections::HashMap<String, (usize, usize)>,
    /// Refused characters: byte offset and the character (one per text).
    forbidden: Vec<(usize, char)>,
    /// Reused buffer for decoded strings.
    decoded: Cow<'i, str>,
}

impl<'i> Scanner<'i> {
    fn new(source: Source<'i>, tokens: usize) -> Self {
        Scanner {
            source,
            counts: Counts {
                tokens,
                bytes: source.input().len(),
                ..Counts::default()
            },
            arrays: Vec::new(),
            too_long: Vec::new(),
            header: None,
            header_start: 0,
            entries: std::collections::HashMap::new(),
            forbidden: Vec::new(),
            decoded: Cow::Borrowed(""),
        }
    }

    /// A value starts: count it, and as an entry of the innermost array.
    fn value(&mut self) {
        self.counts.values += 1;
        if let Some((_, n)) = self.arrays.last_mut() {
            *n += 1;
        }
    }

    /// The token at `span`, as written in the source, with its encoding
    /// (what `Source::get` of the event gives the `toml` crate).
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<toml_parser::Raw<'i>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(toml_parser::Raw::new_unchecked(text, encoding, span))
    }

    /// Check the decoded text of the token at `span` for refused
    /// characters; the position is the character itself when it is
    /// written raw, else the start of the text (it came from an escape).
    fn check_text(&mut self, span: Span) {
        if let Some(c) = self.decoded.chars().find(|&c| forbidden(c).is_some()) {
            let raw = &self.source.input()[span.start()..span.end()];
            let at = raw.find(c).map_or(span.start(), |i| span.start() + i);
            // At most one per text, and a bounded list: every further one
            // adds only to the count of problems.
            self.forbidden.push((at, c));
        }
    }
}

impl EventReceiver for Scanner<'_> {
    fn std_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.counts.tables += 1;
    }
    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.counts.tables += 1;
        self.header = Some(String::new());
        self.header_start = span.start();
    }
    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if let Some(name) = self.header.take() {
            let start = self.header_start;
            self.entries.entry(name).or_insert((0, start)).0 += 1;
        }
    }
    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        // Each dot of a dotted key (`a.b.c = 1`, `[a.b]`) can open a table
        // of its own: counted as one (an upper bound, since keys that
        // share a prefix share its tables).
        self.counts.tables += 1;
    }
    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.value();
        self.counts.tables += 1;
        true
    }
    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.value();
        self.arrays.push((span, 0));
        true
    }
    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if let Some((span, n)) = self.arrays.pop()
            && n > MAX_ENTRIES
        {
            self.too_long.push((span, n));
        }
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        // A key's own value is counted when it comes; the key is the
        // table's entry (its share of the node is in VALUE_BYTES).
        self.counts.values += 1;
        let Some(raw) = self.raw(span, encoding) else {
            return;
        };
        self.decoded = Cow::Borrowed("");
        raw.decode_key(&mut self.decoded, error);
        self.check_text(span);
        if let Some(name) = &mut self.header {
            if !name.is_empty() {
                name.push('.');
            }
            // A bounded name: keys beyond the text limit are refused later.
            name.extend(self.decoded.chars().take(1_001));
        }
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.value();
        let Some(raw) = self.raw(span, encoding) else {
            return;
        };
        self.decoded = Cow::Borrowed("");
        let kind = raw.decode_scalar(&mut self.decoded, error);
        match kind {
            toml_parser::decoder::ScalarKind::String => self.check_text(span),
            toml_parser::decoder::ScalarKind::DateTime => {
                if let Err(e) = self.decoded.parse::<toml::value::Datetime>() {
                    error.report_error(ParseError::new(e.to_string()).with_unexpected(span));
                }
            }
            _ => {}
        }
    }
}
