//! Escaping of text from the input file, one function per output context.
//!
//! Every string a user wrote (partnership, body and decision names, ids,
//! periods) reaches a renderer through one of these functions (the JSON
//! report leaves escaping to `serde_json`), so that a
//! body called `<script>alert(1)</script>`, `a | b` or `=cmd|' /C calc'!A0`
//! shows as text and cannot change the layout or run as code.

/// Text between HTML tags: `&`, `<` and `>` become entities, and so do both
/// quotes, so the result is also safe inside a quoted attribute. Control
/// characters other than tab and newline (invisible, and some invalid in
/// HTML) are dropped.
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
/// characters are dropped.
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
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal: line breaks and tabs become spaces, so a name
/// stays on its line, and every other control character (the escape that
/// starts a terminal colour or cursor sequence, backspace, bell) is dropped.
pub fn terminal_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// start it (OWASP, "CSV injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV text cell that a spreadsheet will not run as a formula.
///
/// Text whose first character, or first character after leading spaces,
/// is `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe,
/// which spreadsheets show as text and do not evaluate (the OWASP advice).
/// Only text from the input goes through this: numbers that powershare
/// writes itself (a power advantage of -0.67) are written as numbers and
/// stay numbers. Quoting of commas, quotes and line breaks is left to the
/// `csv` crate.
pub fn csv_text(s: &str) -> String {
    let trimmed = s.trim_start_matches(' ');
    if trimmed.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
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
    }

    #[test]
    fn terminal_text_keeps_one_line_and_no_escapes() {
        case(terminal_text, "County", "County");
        case(terminal_text, "a\nb\r\nc\td", "a b  c d");
        case(terminal_text, "\u{1b}[31mred\u{1b}[0m", "[31mred[0m");
        case(terminal_text, "bell\u{7}\u{8}", "bell");
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
    }
}
