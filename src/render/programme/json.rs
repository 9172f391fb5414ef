//! `programme --format json`: the [`Overview`] as pretty JSON with a
//! trailing newline (the contract of docs/commands.md).

use powershare_core::programme::Overview;

/// Pretty JSON with a trailing newline.
pub fn render(o: &Overview) -> String {
    // Only strings, finite numbers, booleans, sequences and string-keyed
    // maps: serde_json always serialises them.
    let mut s =
        serde_json::to_string_pretty(o).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
