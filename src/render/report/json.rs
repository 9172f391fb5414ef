//! The JSON report: pretty-printed, keys in a fixed order, trailing newline.

use powershare_core::Report;

/// The report as pretty JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    crate::render::json::pretty(report)
}

/// Several reports as one pretty JSON array with a trailing newline.
pub fn render_many(reports: &[&Report]) -> String {
    crate::render::json::pretty(reports)
}
