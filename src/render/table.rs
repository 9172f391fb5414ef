//! A small table model shared by the text, markdown and HTML renderers.

use super::escape::{html_text, markdown_inline};

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A table of strings.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Header cells, with their alignment.
    pub columns: Vec<(String, Align)>,
    /// Rows of cells (as many as columns).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns.
    pub fn new(columns: &[(&str, Align)]) -> Self {
        Table {
            columns: columns.iter().map(|(h, a)| (h.to_string(), *a)).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Plain text with columns padded to width, two spaces apart, indented.
    pub fn to_text(&self, indent: &str) -> String {
        let width = |s: &str| s.chars().count();
        let widths: Vec<usize> = (0..self.columns.len())
            .map(|c| {
                self.rows
                    .iter()
                    .map(|r| r.get(c).map_or(0, |s| width(s)))
                    .chain([width(&self.columns[c].0)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: Vec<&str>| {
            let mut s = String::from(indent);
            for (c, cell) in cells.iter().enumerate() {
                let pad = widths[c].saturating_sub(width(cell));
                if c > 0 {
                    s.push_str("  ");
                }
                match self.columns[c].1 {
                    Align::Left => {
                        s.push_str(cell);
                        s.push_str(&" ".repeat(pad));
                    }
                    Align::Right => {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(cell);
                    }
                }
            }
            s.trim_end().to_string() + "\n"
        };
        let mut out = line(self.columns.iter().map(|(h, _)| h.as_str()).collect());
        for r in &self.rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
        }
        out
    }

    /// A GitHub-flavoured markdown table. Every cell is escaped with
    /// [`markdown_inline`], so a `|` or a line break in a name cannot add a
    /// column or end the table; cells are not padded (widths of wide
    /// characters differ between viewers, and the rendered table aligns).
    pub fn to_markdown(&self) -> String {
        let line = |cells: &mut dyn Iterator<Item = String>| {
            let mut s = String::from("|");
            for c in cells {
                s.push(' ');
                s.push_str(&c);
                s.push_str(" |");
            }
            s.push('\n');
            s
        };
        let mut out = line(&mut self.columns.iter().map(|(h, _)| markdown_inline(h)));
        out.push_str(&line(&mut self.columns.iter().map(|(_, a)| {
            match a {
                Align::Left => "---",
                Align::Right => "---:",
            }
            .to_string()
        })));
        for r in &self.rows {
            out.push_str(&line(&mut r.iter().map(|c| markdown_inline(c))));
        }
        out
    }

    /// An HTML table with every cell escaped; right-aligned columns get
    /// class `num`. The first column is a row header (`<th scope="row">`).
    /// `caption` is shown above the table and read out by screen readers.
    pub fn to_html(&self, caption: &str) -> String {
        let class = |a: Align| match a {
            Align::Left => "",
            Align::Right => " class=\"num\"",
        };
        let mut out = String::from("<table>\n");
        if !caption.is_empty() {
            out.push_str(&format!("<caption>{}</caption>\n", html_text(caption)));
        }
        out.push_str("<thead><tr>");
        for (h, a) in &self.columns {
            out.push_str(&format!(
                "<th scope=\"col\"{}>{}</th>",
                class(*a),
                html_text(h)
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &self.rows {
            out.push_str("<tr>");
            for (c, cell) in r.iter().enumerate() {
                let a = self.columns.get(c).map_or(Align::Left, |x| x.1);
                let tag = if c == 0 { "th scope=\"row\"" } else { "td" };
                let close = if c == 0 { "th" } else { "td" };
                out.push_str(&format!("<{tag}{}>{}</{close}>", class(a), html_text(cell)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");

        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_aligns() {
        let mut t = Table::new(&[("body", Align::Left), ("share", Align::Right)]);
        t.row(vec!["council".into(), "61.0%".into()]);
        t.row(vec!["é".into(), "1.5%".into()]);
        assert_eq!(
            t.to_text(""),
            "body     share\ncouncil  61.0%\né         1.5%\n"
        );
    }

    #[test]
    fn markdown_escapes_cells() {
        let mut t = Table::new(&[("body", Align::Left), ("share", Align::Right)]);
        t.row(vec!["a | b\nc".into(), "1.5%".into()]);
        assert_eq!(
            t.to_markdown(),
            "| body | share |\n| --- | ---: |\n| a \\| b c | 1.5% |\n"
        );
    }

    #[test]
    fn html_escapes_cells() {
        let mut t = Table::new(&[("body", Align::Left), ("share", Align::Right)]);
        t.row(vec!["<b>".into(), "1.5%".into()]);
        assert_eq!(
            t.to_html("Power & shares"),
            "<table>\n<caption>Power &amp; shares</caption>\n<thead><tr><th scope=\"col\">body</th><th scope=\"col\" class=\"num\">share</th></tr></thead>\n<tbody>\n<tr><th scope=\"row\">&lt;b&gt;</th><td class=\"num\">1.5%</td></tr>\n</tbody>\n</table>\n"
        );
    }
}
