//! Small helpers shared by the charts: the palette, number formatting,
//! label wrapping, and the accessible `<figure>` wrapper every chart uses.

use crate::render::escape::{html_attr, html_text};

/// The Okabe-Ito palette (safe for the common forms of colour blindness),
/// in the order bodies take it; yellow comes late because it is faint on
/// white. Identity never rests on colour alone: every mark is labelled.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// The colour of the body at file position `i`.
pub fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A coordinate with at most one decimal.
pub fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".into()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A share as a percentage with no decimal, or one below 10%.
pub fn pct(x: f64) -> String {
    let p = x * 100.0;
    if p != 0.0 && p.abs() < 9.95 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

/// Split `text` into at most `lines` lines of at most `width` characters,
/// at spaces where possible; the last line ends in an ellipsis when the
/// text does not fit. Returns plain (unescaped) text.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let width = width.max(4);
    // Words longer than a line are cut into pieces of a line each.
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for chunk in chars.chunks(width) {
            pieces.push(chunk.iter().collect());
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces {
        let len = current.chars().count();
        if len == 0 {
            current = piece;
        } else if len + 1 + piece.chars().count() <= width {
            current.push(' ');
            current.push_str(&piece);
        } else {
            out.push(std::mem::replace(&mut current, piece));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines && lines > 0 {
        // The last line shown takes as much of the rest as fits, then "…".
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        let keep: String = rest.chars().take(width - 1).collect();
        out.push(format!("{}…", keep.trim_end()));
    } else if lines == 0 {
        out.clear();
    }
    out
}

/// `<text>` with one `<tspan>` per line, escaped; `anchor` is the
/// `text-anchor`, `line` the line height.
pub fn text_lines(
    x: f64,
    y: f64,
    lines: &[String],
    anchor: &str,
    class: &str,
    line: f64,
) -> String {
    let mut s = format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"{class}\">",
        f(x),
        f(y)
    );
    for (k, l) in lines.iter().enumerate() {
        if k == 0 {
            s.push_str(&format!("<tspan x=\"{}\">{}</tspan>", f(x), html_text(l)));
        } else {
            s.push_str(&format!(
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                f(x),
                f(line),
                html_text(l)
            ));
        }
    }
    s.push_str("</text>");
    s
}

/// An accessible chart: a `<figure>` holding an `<svg role="img">` with a
/// `<title>` and `<desc>`, and a visible `<figcaption>` with the same text
/// alternative. `id` must be unique in the page; `title`, `desc` and
/// `caption` are plain text and are escaped here; `body` is SVG markup.
pub fn figure(
    id: &str,
    class: &str,
    (width, height): (f64, f64),
    title: &str,
    desc: &str,
    caption: &str,
    body: &str,
) -> String {
    format!(
        "<figure class=\"chart {class}\" id=\"{id}\">\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"xMidYMid meet\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n{body}</svg>\n\
         <figcaption>{caption}</figcaption>\n</figure>\n",
        w = f(width),
        h = f(height),
        title = html_text(title),
        desc = html_text(desc),
        caption = html_text(caption),
    )
}

/// A `<title>` child giving a mark its tooltip (plain text, escaped).
pub fn tooltip(text: &str) -> String {
    format!("<title>{}</title>", html_attr(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, width: usize, lines: usize, expected: &[&str]) {
        assert_eq!(wrap(text, width, lines), expected, "{text:?}");
    }

    #[test]
    fn wraps_and_ellipsises() {
        case(
            "Westshire County Council",
            12,
            2,
            &["Westshire", "County Coun…"],
        );
        case(
            "Voluntary Action Eastbridge",
            26,
            1,
            &["Voluntary Action Eastbrid…"],
        );
        case("a b c", 10, 2, &["a b c"]);
        case(
            "Westshire County Council (Children's Services)",
            16,
            2,
            &["Westshire County", "Council (Childr…"],
        );
        case("abcdefghij", 4, 3, &["abcd", "efgh", "ij"]);
        case("abcdefghijklmnop", 4, 2, &["abcd", "efg…"]);
        case("", 5, 2, &[]);
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(f(1.04), "1");
        assert_eq!(f(-0.01), "0");
        assert_eq!(f(2.25), "2.3");
        assert_eq!(pct(0.621), "62%");
        assert_eq!(pct(0.05), "5.0%");
        assert_eq!(pct(0.0), "0%");
    }
}
