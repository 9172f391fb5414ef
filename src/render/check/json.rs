//! `check --format json`: one object with the summary and a result per file.
//!
//! ```json
//! {"format": 1, "generator": "powershare 0.1.0",
//!  "summary": {"files": 2, "passed": 1, "breached": 1, "unusable": 0},
//!  "files": [{"path": "...", "status": "breach", "partnership": "...",
//!             "policy": {"max_top_share": {"value": 0.5, "source": "programme"}, "deny": []},
//!             "rules": [{"rule": "max_top_share", "status": "breach", "limit": 0.5,
//!                        "value": 0.61, "source": "programme", "message": "...",
//!                        "violations": [{"bodies": ["council"], "lines": [12], "message": "..."}]}]}]}
//! ```
//!
//! Fields may be added; none is renamed or removed without a new `format`.

use serde::Serialize;

use powershare_core::check::{FileCheck, Summary};

/// The version of the JSON output of `check`.
pub const CHECK_FORMAT: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    format: u32,
    generator: &'static str,
    summary: Summary,
    files: &'a [FileCheck],
}

/// Pretty JSON with a trailing newline.
pub fn render(files: &[FileCheck]) -> String {
    let out = Output {
        format: CHECK_FORMAT,
        generator: powershare_core::GENERATOR,
        summary: Summary::of(files),
        files,
    };
    crate::render::json::pretty(&out)
}
