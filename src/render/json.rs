//! JSON for every document: `serde_json`, pretty, with a trailing newline,
//! and with the characters that could reorder or hide text on a page
//! written as `\u` escapes.
//!
//! `serde_json` escapes quotes, backslashes and C0 controls, and writes
//! every other character raw. A file name (the one text the loader never
//! checks) can hold a right-to-left override, and a CI page or a terminal
//! showing the JSON would read the rest of its line backwards. So the
//! bidirectional controls, DEL and the C1 controls are written as `\u202e`,
//! `\u007f`...: the same string to any JSON parser, inert to a reader.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// `value` as pretty JSON with a trailing newline (see the module docs).
/// Only strings, finite numbers, booleans, sequences and string-keyed maps
/// reach here, which `serde_json` always serialises; were it ever to fail,
/// the output is a JSON object saying why.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    let mut s = match value.serialize(&mut ser) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    s.push('\n');
    s
}

/// Whether `c` is written as a `\u` escape.
fn escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || crate::render::escape::is_bidi_control(c)
}

/// The pretty formatter, with [`escaped`] characters as `\u` escapes.
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if escaped(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordering_characters_are_escaped_and_the_string_is_the_same() {
        let name = "evil\u{1b}[2J\u{202e}lmth.exe\u{85}\u{7f}é\u{200d}";
        let json = pretty(&serde_json::json!({ "path": name, "n": [1, 2] }));
        assert_eq!(
            json,
            "{\n  \"n\": [\n    1,\n    2\n  ],\n  \"path\": \"evil\\u001b[2J\\u202elmth.exe\\u0085\\u007fé\u{200d}\"\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["path"], name);
    }

    #[test]
    fn the_same_bytes_as_serde_json_for_plain_text() {
        let v = serde_json::json!({"a": "Café – ünïcode \"q\" \\ \n", "b": null, "c": 0.5});
        let mut plain = serde_json::to_string_pretty(&v).unwrap();
        plain.push('\n');
        assert_eq!(pretty(&v), plain);
    }
}
