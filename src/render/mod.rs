//! Renderers: every document of powershare in every format, one file per
//! format per document, and the helpers they share (escaping, tables,
//! numbers and names). Data never renders itself: each renderer takes the
//! library's plain data and returns a string.
//!
//! | document | module |
//! |---|---|
//! | report (text, markdown, CSV, JSON, HTML) | [`report`] |
//! | its redesign section (markdown, HTML) | [`redesign`] |
//! | check (text, markdown, JSON, JUnit, GitHub) | [`check`] |
//! | diff (text, markdown; JSON is serialised data) | [`diff`] |
//! | power (text, JSON, CSV) | [`power`] |
//! | programme (text, markdown, CSV, JSON, HTML) | [`programme`] |
//! | rebalance (text, markdown, JSON) | [`rebalance`] |
//! | board brief (text, markdown, HTML) | [`brief`] |
//! | the report's survey section, and the survey in diff and CSV | [`survey`] |
//! | the partners' questionnaire (CSV header, markdown, HTML) | [`questionnaire`] |

pub mod brief;
pub mod check;
pub mod diff;
pub mod escape;
pub mod json;
pub mod numbers;
pub mod power;
pub mod programme;
pub mod questionnaire;
pub mod rebalance;
pub mod redesign;
pub mod report;
pub mod story;
pub mod survey;
pub mod table;
pub mod tables;

pub use report::csv::CsvTable;

use powershare_core::Report;
use powershare_core::rebalance::suggest::Suggestion;

/// An output format of `powershare report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A readable terminal report.
    Text,
    /// The JSON contract.
    Json,
    /// GitHub-flavoured markdown.
    Markdown,
    /// One CSV table.
    Csv(CsvTable),
    /// One self-contained HTML page with charts.
    Html,
}

/// A report and what is shown beside it: the redesign suggestion, which
/// the markdown and HTML formats show when there is one (it is a search,
/// not a measure, so the report itself does not hold it).
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The report.
    pub report: &'a Report,
    /// More even designs of the board, from
    /// [`powershare_core::rebalance::suggest::suggest`].
    pub redesign: Option<&'a Suggestion>,
}

impl<'a> From<&'a Report> for Document<'a> {
    fn from(report: &'a Report) -> Self {
        Document {
            report,
            redesign: None,
        }
    }
}

/// Render one report in `format`.
pub fn render(doc: Document, format: Format) -> String {
    let r = doc.report;
    match format {
        Format::Text => report::text::render(r),
        Format::Json => report::json::render(r),
        Format::Markdown => report::markdown::render(doc),
        Format::Csv(table) => report::csv::render(r, table),
        Format::Html => report::html::render(doc),
    }
}

/// Render several reports as one output: text reports follow each other,
/// JSON is an array, markdown reports are separated by a rule, CSV rows
/// share one header, and HTML is one page with a section per partnership.
pub fn render_many(docs: &[Document], format: Format) -> String {
    let reports = || docs.iter().map(|d| d.report).collect::<Vec<_>>();
    match (format, docs) {
        (_, [one]) => render(*one, format),
        (Format::Json, _) => report::json::render_many(&reports()),
        (Format::Markdown, many) => report::markdown::render_many(many),
        (Format::Csv(table), _) => report::csv::render_many(&reports(), table),
        (Format::Html, many) => report::html::render_many(many),
        (_, many) => many
            .iter()
            .map(|d| render(*d, format))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}
