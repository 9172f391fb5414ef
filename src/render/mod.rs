//! Renderers: one function per output format, each taking a [`Report`].

pub mod csv_escape;
pub mod json;
pub mod power;
pub mod table;
pub mod text;

use crate::Report;

/// An output format of `powershare report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A readable terminal report.
    Text,
    /// The JSON contract of DESIGN.md.
    Json,
}

/// Render `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Json => json::render(report),
    }
}
