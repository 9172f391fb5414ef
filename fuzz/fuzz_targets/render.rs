//! Render every partnership that validates in every format (text, JSON,
//! markdown, the three CSV tables, HTML; one report and a batch of two),
//! with the redesign section the CLI adds: JSON re-parses, markdown tables
//! keep their columns, no raw markup or control characters from names, no
//! CSV cell a spreadsheet would run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use powershare_core::VotingIndex;
use powershare_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    if let Some(p) = checks::load(data) {
        let r = checks::score(&p, VotingIndex::Banzhaf);
        checks::render_all(&p, r);
    }
});
