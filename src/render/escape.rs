//! Escaping of text from the input file, one function per output context.
//!
//! Every string a user wrote (partnership, body and decision names, ids,
//! periods) reaches a renderer through one of these functions (the JSON
//! report leaves escaping to `serde_json`), so that a
//! body called `<script>alert(1)</script>`, `a | b` or `=cmd|' /C calc'!A0`
//! shows as text and cannot change the layout or run as code.

/// The bidirectional embeddings, overrides and isolates (U+202A to U+202E,
/// U+2066 to U+2069): they make the text after them read in another order
/// than it is stored. The loader refuses them in a file; a file name can
/// still hold them, so every renderer shows them as a visible `\u{202e}`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `\u{202e}` for a character, as [`terminal_text`] writes it.
fn visible(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// Text between HTML tags: `&`, `<` and `>` become entities, and so do both
/// quotes, so the result is also safe inside a quoted attribute. Control
/// characters other than tab and newline (invisible, and some invalid in
/// HTML) are dropped; bidirectional controls are shown as `\u{202e}`.
pub fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c if is_bidi_control(c) => out.push_str(&visible(c)),
            c => out.push(c),
        }
    }
    out
}

/// A quoted HTML or SVG attribute value (`title="..."`, `aria-label="..."`):
/// as [`html_text`], and line breaks and tabs become spaces, since an
/// attribute is one line of text.
pub fn html_attr(s: &str) -> String {
    html_text(&s.replace(['\r', '\n', '\t'], " "))
}

/// Inline markdown (a table cell, a heading, a list item), GitHub flavour.
///
/// Characters that start markup anywhere in a line are escaped with a
/// backslash (CommonMark allows a backslash before any ASCII punctuation):
/// `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `$` `&`, so names cannot
/// open emphasis, links, code, raw HTML (`<script>` shows as text),
/// strikethrough, maths or entities, or split a table cell. Characters that
/// are markup only at the start of a line (`#`, `-`, `+`, `1.`) need no
/// escape because line breaks (CR, LF and the other line separators) become
/// spaces: the text always stays on the line it was put on. Other control
/// characters are dropped, and bidirectional controls shown as
/// `\u{202e}` (the backslash escaped), so nothing after them reads
/// backwards.
pub fn markdown_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ')
            }
            c if c.is_control() => {}
            c if is_bidi_control(c) => {
                out.push('\\');
                out.push_str(&visible(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text inside a markdown code span (`` `path` ``), where backslash escapes
/// do not apply: a backtick, which would end the span, becomes `'`; line
/// breaks become spaces; other control characters are dropped; and the
/// bidirectional controls are shown as `\u{202e}` (literal in a span).
pub fn markdown_code(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '`' => out.push('\''),
            '\r' | '\n' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c if is_bidi_control(c) => out.push_str(&visible(c)),
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal, shown as written but inert: every control
/// character is written as a visible escape (`\n`, `\r`, `\t`, and `\u{1b}`
/// for the escape that starts a colour, cursor or title sequence, `\u{7}`
/// for the bell), and so are the invisible characters that reorder or hide
/// text (bidirectional overrides and isolates such as U+202E, zero-width
/// spaces and joiners, the byte-order mark, the line and paragraph
/// separators). So a name stays on its line, cannot clear the screen, move
/// the cursor, retitle the window or make text read backwards, and the
/// reader still sees that it held those characters. Idempotent: the
/// escapes are plain printable text.
pub fn terminal_text(s: &str) -> String {
    use std::fmt::Write;
    // Printable ASCII, most text, needs nothing: copy it whole.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible_format(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Every line of `text` through [`terminal_text`], line breaks kept: for a
/// whole message or output that holds text from an input file (or a file
/// name) and no colour of powershare's own.
pub fn terminal_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&terminal_text(line));
    }
    out
}

/// Format characters (Unicode category Cf) and separators that change how
/// the text around them is shown without showing themselves.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// start it (OWASP, "CSV injection"), and the line breaks after which some
/// importers start a new row or a formula (a cell starting with one is
/// neutralised too).
const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// A CSV text cell that a spreadsheet will not run as a formula.
///
/// Control characters other than tab and line breaks (ESC, NUL, the bell,
/// DEL, C1), which no spreadsheet shows and some importers stop at, are
/// dropped first. Text whose first character, or first character after
/// leading spaces, is then `=`, `+`, `-`, `@`, tab, carriage return or
/// line feed gets a leading apostrophe, which spreadsheets show as text and
/// do not evaluate (the OWASP advice). Only text from the input goes
/// through this: numbers that powershare writes itself (a power advantage
/// of -0.67) are written as numbers and stay numbers. Quoting of commas,
/// quotes and line breaks is left to the `csv` crate.
pub fn csv_text(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| matches!(c, '\t' | '\r' | '\n') || !c.is_control())
        .collect();
    let trimmed = s.trim_start_matches(' ');
    if trimmed.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(f: fn(&str) -> String, input: &str, expected: &str) {
        assert_eq!(f(input), expected, "input {input:?}");
    }

    #[test]
    fn html_text_escapes_markup_and_quotes() {
        case(html_text, "plain", "plain");
        case(
            html_text,
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        // & first, so an entity written in a name stays visible as written.
        case(html_text, "Tom &amp; Jerry", "Tom &amp;amp; Jerry");
        case(html_text, r#"say "hi" it's"#, "say &quot;hi&quot; it&#39;s");
        case(html_text, "a\nb\tc\u{0}d\u{7f}e", "a\nb\tcde");
        case(html_text, "Café – ünïcode", "Café – ünïcode");
        case(html_text, "a\u{202e}b", r"a\u{202e}b");
    }

    #[test]
    fn html_attr_is_one_line() {
        case(html_attr, "a\r\nb", "a  b");
        case(html_attr, "\" onload=\"x", "&quot; onload=&quot;x");
        case(html_attr, "<img src=x>", "&lt;img src=x&gt;");
    }

    #[test]
    fn markdown_inline_escapes_what_breaks_a_line_or_a_cell() {
        case(markdown_inline, "County Council", "County Council");
        case(markdown_inline, "a | b", r"a \| b");
        case(
            markdown_inline,
            "<script>alert(1)</script>",
            r"\<script\>alert(1)\</script\>",
        );
        case(
            markdown_inline,
            "*bold* _it_ `code`",
            r"\*bold\* \_it\_ \`code\`",
        );
        case(markdown_inline, "[link](http://x)", r"\[link\](http://x)");
        case(markdown_inline, r"back\slash", r"back\\slash");
        case(markdown_inline, "two\nlines\r\nhere", "two lines  here");
        case(markdown_inline, "# not a heading", "# not a heading");
        case(
            markdown_inline,
            "$x$ ~~y~~ &amp;",
            r"\$x\$ \~\~y\~\~ \&amp;",
        );
        case(markdown_inline, "bell\u{7}", "bell");
        // A right-to-left override cannot reverse what follows it.
        case(
            markdown_inline,
            "a\u{202e}b\u{2066}",
            r"a\\u{202e}b\\u{2066}",
        );
        // Joiners are text that scripts need: kept.
        case(markdown_inline, "a\u{200d}b\u{200c}", "a\u{200d}b\u{200c}");
    }

    #[test]
    fn markdown_code_cannot_end_its_span_or_reorder() {
        case(markdown_code, "a`b", "a'b");
        case(
            markdown_code,
            "evil\u{1b}[2J\u{7}\u{202e}x\n",
            r"evil[2J\u{202e}x ",
        );
    }

    #[test]
    fn terminal_text_shows_control_characters_escaped() {
        case(terminal_text, "County – Café", "County – Café");
        case(terminal_text, "a\nb\r\nc\td", r"a\nb\r\nc\td");
        case(
            terminal_text,
            "\u{1b}[31mred\u{1b}[0m",
            r"\u{1b}[31mred\u{1b}[0m",
        );
        case(
            terminal_text,
            "bell\u{7}\u{8}\u{7f}",
            r"bell\u{7}\u{8}\u{7f}",
        );
        // Right-to-left override, zero-width space, line separator, BOM.
        case(
            terminal_text,
            "a\u{202e}b\u{200b}c\u{2028}d\u{feff}",
            r"a\u{202e}b\u{200b}c\u{2028}d\u{feff}",
        );
        // The escapes are printable, so escaping twice changes nothing.
        let once = terminal_text("x\u{1b}]0;title\u{7}\n");
        assert_eq!(terminal_text(&once), once);
    }

    #[test]
    fn terminal_lines_keeps_line_breaks_only() {
        case(terminal_lines, "a\u{1b}[2J\nb\tc\n", "a\\u{1b}[2J\nb\\tc\n");
    }

    #[test]
    fn csv_text_neutralises_formulas() {
        case(csv_text, "Westshire Council", "Westshire Council");
        case(csv_text, "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
        case(csv_text, "+1", "'+1");
        case(csv_text, "-1", "'-1");
        case(csv_text, "@SUM(A1)", "'@SUM(A1)");
        case(csv_text, "\tx", "'\tx");
        case(csv_text, "\rx", "'\rx");
        case(csv_text, "  =1", "'  =1");
        case(csv_text, "a=b", "a=b");
        case(csv_text, "", "");
        // Regression: ESC and NUL passed through, and a cell starting with
        // a line feed (or with NUL before a formula) was not neutralised.
        case(csv_text, "\u{1b}[2Jx\u{0}y", "[2Jxy");
        case(csv_text, "\nx", "'\nx");
        case(csv_text, "\u{0}=1", "'=1");
        case(csv_text, "\u{85}a\u{7f}", "a");
    }
}
