//! The questionnaire as a CSV header row, for a form tool or spreadsheet:
//! [`powershare_core::import::columns`], the columns `survey import` reads.

use powershare_core::Partnership;

/// One header row and a line break.
pub fn render(p: &Partnership) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(powershare_core::import::columns(p));
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
