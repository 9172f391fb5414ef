//! A small table model shared by the text and markdown renderers.

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
}
