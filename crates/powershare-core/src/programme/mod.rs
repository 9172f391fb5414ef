//! `powershare programme`: one overview of many partnerships, for a funder
//! or a programme.
//!
//! Built from one [`Entry`] per file, in the order of the files: a [`Row`]
//! per file (the numbers of its report: name, period, bodies, the top body
//! and its composite share, the composite Gini and normalised Gini, the
//! effective number of partners, findings by severity and their codes, and
//! the verdict of the programme policy when there is one), the programme's
//! [`Summary`] (how many partnerships show each finding code), and the
//! [`Trend`]s: files of one partnership over several periods.
//!
//! Every number in a row is the one the file's report gives
//! ([`crate::report::Report`], under the same policy): the overview adds
//! none of its own. The JSON form is the contract of DESIGN.md ("The
//! funder's view"): `format` 1, `generator`, `partnerships`, `summary`,
//! `trends`. Fields may be added; none is renamed or removed without a new
//! `format`.

pub mod period;
pub mod trends;

use serde::Serialize;

use crate::findings::Severity;
use crate::model::{FindingCode, GENERATOR, Ordered};
use crate::report::Report;

pub use trends::{Trend, TrendPoint, trends};

/// The JSON contract version of the overview.
pub const PROGRAMME_FORMAT: u32 = 1;

/// A file's verdict in the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Within the programme policy (and the file's own).
    Passed,
    /// Some rule of the programme policy (or of the file's own) breached.
    Breached,
    /// The file could not be read or failed validation.
    Unusable,
    /// Scored, but no programme policy was given.
    Unchecked,
}

impl Status {
    /// The name as shown.
    pub fn name(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Breached => "breached",
            Status::Unusable => "unusable",
            Status::Unchecked => "unchecked",
        }
    }
}

/// One file as the overview is built from it.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A file that loaded: its report and verdict (`Passed`, `Breached` or
    /// `Unchecked`).
    Scored {
        /// The path as given or found.
        path: String,
        /// The file's report, under the programme policy when there is one.
        report: Box<Report>,
        /// The verdict.
        status: Status,
    },
    /// A file that could not be used.
    Unusable {
        /// The path as given or found.
        path: String,
        /// What is wrong, one line each (`line:column: field: message`).
        problems: Vec<String>,
    },
}

/// Findings counted by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SeverityCounts {
    /// Findings of severity concern.
    pub concern: usize,
    /// Findings of severity warning.
    pub warning: usize,
    /// Findings of severity info.
    pub info: usize,
}

/// One partnership (file) of the overview. Everything but `path`, `status`
/// and `problems` is `null` for an unusable file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The path as given or found.
    pub path: String,
    /// The partnership's `[partnership] id`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The partnership's name (or "unnamed partnership").
    pub name: Option<String>,
    /// The period, when given.
    pub period: Option<String>,
    /// Number of bodies.
    pub bodies: Option<usize>,
    /// Id of the body with the largest composite share.
    pub top_body: Option<String>,
    /// Its display name.
    pub top_body_name: Option<String>,
    /// `indices.composite.top_share` of the report.
    pub top_share: Option<f64>,
    /// `indices.composite.top_share_range`: the top share at half or twice
    /// each dimension's weight.
    pub top_share_range: Option<[f64; 2]>,
    /// `indices.composite.gini`.
    pub gini: Option<f64>,
    /// `indices.composite.gini_normalised`.
    pub gini_normalised: Option<f64>,
    /// `indices.composite.effective_number`.
    pub effective_number: Option<f64>,
    /// The report's findings by severity.
    pub findings: Option<SeverityCounts>,
    /// The distinct codes of the report's findings, in code order.
    pub codes: Vec<FindingCode>,
    /// Passed, breached, unusable or unchecked.
    pub status: Status,
    /// Why the file is unusable (absent otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Where the file's full report was written, when it was
    /// (`programme --reports-dir`); set by the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// The report's `weights_set_by` (the overview gives it once).
    #[serde(skip)]
    pub weights_set_by: Option<&'static str>,
}

impl Row {
    /// The row of one entry.
    pub fn of(entry: &Entry) -> Row {
        match entry {
            Entry::Unusable { path, problems } => Row {
                path: path.clone(),
                id: None,
                name: None,
                period: None,
                bodies: None,
                top_body: None,
                top_body_name: None,
                top_share: None,
                top_share_range: None,
                gini: None,
                gini_normalised: None,
                effective_number: None,
                findings: None,
                codes: Vec::new(),
                status: Status::Unusable,
                problems: problems.clone(),
                report: None,
                weights_set_by: None,
            },
            Entry::Scored {
                path,
                report,
                status,
            } => {
                let c = report.indices.get("composite");
                let top = report.top_body().map(|i| &report.bodies[i]);
                let count =
                    |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
                Row {
                    path: path.clone(),
                    id: report.partnership.id.clone(),
                    name: Some(report.partnership.name.clone()),
                    period: report.partnership.period.clone(),
                    bodies: Some(report.bodies.len()),
                    top_body: top.map(|b| b.id.clone()),
                    top_body_name: top.map(|b| b.name.clone()),
                    top_share: c.and_then(|c| c.top_share),
                    top_share_range: c.and_then(|c| c.top_share_range),
                    gini: c.and_then(|c| c.gini),
                    gini_normalised: c.and_then(|c| c.gini_normalised),
                    effective_number: c.and_then(|c| c.effective_number),
                    findings: Some(SeverityCounts {
                        concern: count(Severity::Concern),
                        warning: count(Severity::Warning),
                        info: count(Severity::Info),
                    }),
                    codes: codes(report),
                    status: *status,
                    problems: Vec::new(),
                    report: None,
                    weights_set_by: report.weights_set_by,
                }
            }
        }
    }
}

/// The distinct codes of a report's findings, in code order.
pub fn codes(report: &Report) -> Vec<FindingCode> {
    let mut codes: Vec<FindingCode> = report.findings.iter().map(|f| f.code).collect();
    codes.sort();
    codes.dedup();
    codes
}

/// The programme as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Files in the overview.
    pub files: usize,
    /// Files that could not be used.
    pub unusable: usize,
    /// Files within the programme policy.
    pub passed: usize,
    /// Files that breached it.
    pub breached: usize,
    /// Files scored without a programme policy.
    pub unchecked: usize,
    /// For each finding code that occurs: the number of partnerships with at
    /// least one finding of it, in code order.
    pub by_code: Ordered<usize>,
}

impl Summary {
    /// Count the rows.
    pub fn of(rows: &[Row]) -> Summary {
        let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
        let mut by_code: Vec<(FindingCode, usize)> = Vec::new();
        for code in rows.iter().flat_map(|r| &r.codes) {
            match by_code.iter_mut().find(|(c, _)| c == code) {
                Some((_, n)) => *n += 1,
                None => by_code.push((*code, 1)),
            }
        }
        by_code.sort();
        Summary {
            files: rows.len(),
            unusable: count(Status::Unusable),
            passed: count(Status::Passed),
            breached: count(Status::Breached),
            unchecked: count(Status::Unchecked),
            by_code: Ordered(by_code.into_iter().map(|(c, n)| (c.name(), n)).collect()),
        }
    }

    /// `12 partnerships: 7 passed, 4 breached the programme policy, 1 unusable`.
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        if self.passed + self.breached > 0 {
            parts.push(format!("{} passed", self.passed));
            parts.push(format!("{} breached the policy", self.breached));
        }
        if self.unchecked > 0 {
            parts.push(format!("{} not checked against a policy", self.unchecked));
        }
        parts.push(format!("{} unusable", self.unusable));
        format!(
            "{} partnership{}: {}",
            self.files,
            if self.files == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
}

/// The overview of a programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Always [`PROGRAMME_FORMAT`].
    pub format: u32,
    /// `powershare X.Y.Z`.
    pub generator: &'static str,
    /// `"programme"` when the programme policy set the weights every file
    /// was scored with; absent when each file's own were used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights_set_by: Option<&'static str>,
    /// One row per file, in the order of the entries.
    pub partnerships: Vec<Row>,
    /// The programme as a whole.
    pub summary: Summary,
    /// Partnerships with files for several periods.
    pub trends: Vec<Trend>,
}

/// The overview of `rows` (one per file, in the order to show them; make
/// each with [`Row::of`], which keeps only what the overview needs of a
/// report, so that a large programme's reports need not all be in memory).
///
/// ```
/// use powershare_core::programme::{overview, Entry, Row, Status};
/// let p = powershare_core::load_str(
///     "[partnership]\nname = \"P\"\nperiod = \"2024-25\"\n[[body]]\nid = \"a\"\nincome = 3\n[[body]]\nid = \"b\"\nincome = 1\n",
/// ).unwrap();
/// let report = Box::new(powershare_core::score(&p, Default::default()));
/// let row = Row::of(&Entry::Scored { path: "p.toml".into(), report, status: Status::Unchecked });
/// let o = overview(vec![row]);
/// assert!((o.partnerships[0].top_share.unwrap() - 0.75).abs() < 1e-12);
/// assert_eq!(o.summary.files, 1);
/// assert!(o.trends.is_empty()); // one period is no trend
/// ```
pub fn overview(partnerships: Vec<Row>) -> Overview {
    let weights_set_by = partnerships.iter().find_map(|r| r.weights_set_by);
    Overview {
        format: PROGRAMME_FORMAT,
        generator: GENERATOR,
        weights_set_by,
        summary: Summary::of(&partnerships),
        trends: trends(&partnerships),
        partnerships,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, text: &str) -> Entry {
        let p = crate::load_str(text).unwrap();
        Entry::Scored {
            path: path.into(),
            report: Box::new(crate::score(&p, Default::default())),
            status: Status::Unchecked,
        }
    }

    #[test]
    fn rows_summary_and_unusable_files() {
        // Income 3 : 1, so a holds 0.75; Gini of (0.75, 0.25): sum |xi - xj|
        // = 1 over 2 n^2 mu = 2 * 4 * 0.5 = 4, 0.25; normalised 0.25 * 2 =
        // 0.5; effective number 1 / (0.5625 + 0.0625) = 1.6.
        let two = "[[body]]\nid = \"a\"\nincome = 3\n[[body]]\nid = \"b\"\nincome = 1\n[[relationship]]\nbetween = [\"a\", \"b\"]\ntrust = -1\n";
        let entries = [
            entry("two.toml", two),
            Entry::Unusable {
                path: "bad.toml".into(),
                problems: vec!["1:1: something".into()],
            },
            entry("again.toml", two),
        ];
        let o = overview(entries.iter().map(Row::of).collect());
        let r = &o.partnerships[0];
        assert_eq!(r.top_body.as_deref(), Some("a"));
        let close = |x: Option<f64>, y: f64| (x.unwrap() - y).abs() < 1e-12;
        assert!(close(r.top_share, 0.75));
        assert!(close(r.gini, 0.25));
        assert!(close(r.gini_normalised, 0.5));
        assert!(close(r.effective_number, 1.6));
        // mistrust at trust -1 is a warning; with one dimension the composite
        // cannot be symbolic (no hiding finding).
        assert_eq!(
            r.findings,
            Some(SeverityCounts {
                concern: 0,
                warning: 1,
                info: 0
            })
        );
        assert_eq!(r.codes, [FindingCode::Mistrust]);
        assert_eq!(o.partnerships[1].status, Status::Unusable);
        assert_eq!(o.partnerships[1].top_share, None);
        assert_eq!(o.summary.files, 3);
        assert_eq!(o.summary.unusable, 1);
        assert_eq!(o.summary.unchecked, 2);
        assert_eq!(o.summary.by_code.0, [("mistrust", 2)]);
        assert_eq!(
            o.summary.sentence(),
            "3 partnerships: 2 not checked against a policy, 1 unusable"
        );
    }
}
