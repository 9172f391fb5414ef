//! The JSON report: pretty-printed, keys in a fixed order, trailing newline.

use powershare_core::Report;

/// The report as pretty JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report)
        // The report holds only strings, finite numbers, booleans, maps with
        // string keys and sequences, which serde_json always serialises.
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Several reports as one pretty JSON array with a trailing newline.
pub fn render_many(reports: &[&Report]) -> String {
    let mut s =
        serde_json::to_string_pretty(reports).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
