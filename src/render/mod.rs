//! Renderers: one function per output format, each taking a [`Report`].

pub mod csv;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod power;
pub mod story;
pub mod table;
pub mod tables;
pub mod text;

pub use csv::CsvTable;

use crate::Report;

/// An output format of `powershare report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A readable terminal report.
    Text,
    /// The JSON contract of DESIGN.md.
    Json,
    /// GitHub-flavoured markdown.
    Markdown,
    /// One CSV table.
    Csv(CsvTable),
    /// One self-contained HTML page with charts.
    Html,
}

/// Render `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Csv(table) => csv::render(report, table),
        Format::Html => html::render(report),
    }
}

/// Render several reports as one output: text reports follow each other,
/// JSON is an array, markdown reports are separated by a rule, CSV rows
/// share one header, and HTML is one page with a section per partnership.
pub fn render_many(reports: &[Report], format: Format) -> String {
    match (format, reports) {
        (_, [one]) => render(one, format),
        (Format::Json, many) => json::render_many(many),
        (Format::Markdown, many) => markdown::render_many(many),
        (Format::Csv(table), many) => csv::render_many(many, table),
        (Format::Html, many) => html::render_many(many),
        (_, many) => many
            .iter()
            .map(|r| render(r, format))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}
