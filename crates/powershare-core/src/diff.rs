//! What changed between two reports of the same partnership (last year's
//! file and this year's, or a file and a what-if variant of it).
//!
//! Bodies are matched by id, index sets by name (`composite`, then each
//! dimension), findings by code and the bodies they concern: a finding with
//! the same code and bodies on both sides persists (its numbers may have
//! moved); otherwise it appeared or was resolved.

use serde::Serialize;

pub mod survey;

use crate::findings::{Finding, Severity};
use crate::model::FindingCode;
use crate::report::Report;

/// The version of the JSON output of `diff`.
pub const DIFF_FORMAT: u32 = 1;

/// The composite's indices shown by the text and markdown renderers; of
/// each dimension they show the Gini (JSON has all twelve of every set).
pub const MAIN_INDICES: [&str; 5] = ["gini", "hhi", "effective_number", "top_share", "theil"];

/// Changes smaller than this are shown as unchanged by the renderers.
pub const SHOWN_CHANGE: f64 = 5e-4;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Partnership name.
    pub name: String,
    /// Period, when given.
    pub period: Option<String>,
    /// The scenario this side shows, for a what-if ("what if board.veto=[]");
    /// `None` for a file as it is.
    pub scenario: Option<String>,
}

impl Side {
    /// The period as shown: the file's period, then the scenario. The JSON
    /// `period` is this (format 1 kept the scenario there).
    pub fn shown_period(&self) -> Option<String> {
        match (&self.period, &self.scenario) {
            (period, None) => period.clone(),
            (Some(period), Some(scenario)) => Some(format!("{period}, {scenario}")),
            (None, Some(scenario)) => Some(scenario.clone()),
        }
    }
}

impl Serialize for Side {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let period = self.shown_period();
        let mut map = serializer.serialize_map(Some(1 + usize::from(period.is_some())))?;
        map.serialize_entry("name", &self.name)?;
        if let Some(period) = &period {
            map.serialize_entry("period", period)?;
        }
        map.end()
    }
}

/// Whether a body is on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    /// On both sides.
    Both,
    /// Only in the new report.
    Added,
    /// Only in the old report.
    Removed,
}

/// A number on each side, and the change when both exist.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// Old value.
    pub old: Option<f64>,
    /// New value.
    pub new: Option<f64>,
    /// new - old, when both exist.
    pub change: Option<f64>,
}

impl Change {
    /// The change from `old` to `new`.
    pub fn of(old: Option<f64>, new: Option<f64>) -> Self {
        Change {
            old,
            new,
            change: old.zip(new).map(|(o, n)| n - o),
        }
    }

    /// Whether the renderers should show it: a value appeared or vanished,
    /// or it moved by at least [`SHOWN_CHANGE`].
    pub fn is_visible(&self) -> bool {
        match self.change {
            Some(c) => c.abs() >= SHOWN_CHANGE,
            None => self.old.is_some() != self.new.is_some(),
        }
    }
}

/// A body's composite share on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyChange {
    /// Id.
    pub id: String,
    /// Display name (the new one when the body is on both sides).
    pub name: String,
    /// Both, added or removed.
    pub presence: Presence,
    /// Composite share.
    pub composite: Change,
}

/// One index of one set on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexChange {
    /// `composite` or a dimension name.
    pub set: String,
    /// The index (`gini`, `hhi`...).
    pub index: &'static str,
    /// Its values.
    #[serde(flatten)]
    pub value: Change,
}

impl IndexChange {
    /// Whether the text and markdown renderers show it: one of the
    /// composite's [`MAIN_INDICES`] or a dimension's Gini, when it is visible.
    pub fn is_headline(&self) -> bool {
        let main = if self.set == "composite" {
            MAIN_INDICES.contains(&self.index)
        } else {
            self.index == "gini"
        };
        main && self.value.is_visible()
    }
}

/// A finding that appeared or was resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    /// Code.
    pub code: FindingCode,
    /// Severity.
    pub severity: Severity,
    /// Bodies concerned.
    pub bodies: Vec<String>,
    /// Its sentence (from the side where it exists).
    pub message: String,
}

impl From<&Finding> for FindingChange {
    fn from(f: &Finding) -> Self {
        FindingChange {
            code: f.code,
            severity: f.severity,
            bodies: f.bodies.clone(),
            message: f.message.clone(),
        }
    }
}

/// Everything that changed between two reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Always [`DIFF_FORMAT`].
    pub format: u32,
    /// `powershare X.Y.Z` ([`crate::model::GENERATOR`]).
    pub generator: &'static str,
    /// The earlier report.
    pub old: Side,
    /// The later report.
    pub new: Side,
    /// Every body on either side: the new file's order, then removed bodies in the old order.
    pub bodies: Vec<BodyChange>,
    /// Ids of bodies only in the new report.
    pub bodies_added: Vec<String>,
    /// Ids of bodies only in the old report.
    pub bodies_removed: Vec<String>,
    /// Dimensions with data only in the new report.
    pub dimensions_added: Vec<String>,
    /// Dimensions with data only in the old report.
    pub dimensions_removed: Vec<String>,
    /// Every scalar index of every set on either side (composite first).
    pub indices: Vec<IndexChange>,
    /// Findings in the new report that the old one did not have.
    pub findings_appeared: Vec<FindingChange>,
    /// Findings of the old report that the new one no longer has.
    pub findings_resolved: Vec<FindingChange>,
    /// Findings on both sides.
    pub findings_persisting: usize,
    /// How the partners' survey moved (added in format 1; present when
    /// either side has a survey).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey: Option<survey::SurveyDiff>,
}

impl Diff {
    /// Whether anything a reader would see changed.
    pub fn is_empty(&self) -> bool {
        self.bodies_added.is_empty()
            && self.bodies_removed.is_empty()
            && self.dimensions_added.is_empty()
            && self.dimensions_removed.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_resolved.is_empty()
            && !self.bodies.iter().any(|b| b.composite.is_visible())
            && !self.indices.iter().any(|i| i.value.is_visible())
            && !self.survey.as_ref().is_some_and(|s| s.is_visible())
    }
}

fn side(r: &Report) -> Side {
    Side {
        name: r.partnership.name.clone(),
        period: r.partnership.period.clone(),
        scenario: None,
    }
}

fn present(r: &Report) -> Vec<&'static str> {
    r.dimensions
        .iter()
        .filter(|d| d.present)
        .map(|d| d.name)
        .collect()
}

/// Compare `old` with `new`.
///
/// ```
/// let old = powershare_core::load_str("[[body]]\nid = \"a\"\nincome = 3\n[[body]]\nid = \"b\"\nincome = 1\n").unwrap();
/// let new = powershare_core::load_str("[[body]]\nid = \"a\"\nincome = 1\n[[body]]\nid = \"b\"\nincome = 1\n").unwrap();
/// let d = powershare_core::diff::diff(
///     &powershare_core::score(&old, Default::default()),
///     &powershare_core::score(&new, Default::default()),
/// );
/// assert_eq!(d.bodies[0].composite.change, Some(-0.25));
/// ```
pub fn diff(old: &Report, new: &Report) -> Diff {
    let mut bodies = Vec::new();
    let mut bodies_added = Vec::new();
    for b in &new.bodies {
        let before = old.bodies.iter().find(|o| o.id == b.id);
        if before.is_none() {
            bodies_added.push(b.id.clone());
        }
        bodies.push(BodyChange {
            id: b.id.clone(),
            name: b.name.clone(),
            presence: if before.is_some() {
                Presence::Both
            } else {
                Presence::Added
            },
            composite: Change::of(before.and_then(|o| o.composite), b.composite),
        });
    }
    let mut bodies_removed = Vec::new();
    for o in &old.bodies {
        if !new.bodies.iter().any(|b| b.id == o.id) {
            bodies_removed.push(o.id.clone());
            bodies.push(BodyChange {
                id: o.id.clone(),
                name: o.name.clone(),
                presence: Presence::Removed,
                composite: Change::of(o.composite, None),
            });
        }
    }
    let (old_dims, new_dims) = (present(old), present(new));
    let dimensions_added = new_dims
        .iter()
        .filter(|d| !old_dims.contains(d))
        .map(|d| d.to_string())
        .collect();
    let dimensions_removed = old_dims
        .iter()
        .filter(|d| !new_dims.contains(d))
        .map(|d| d.to_string())
        .collect();
    // Sets in the new report's order, then sets only in the old one.
    let mut sets: Vec<&'static str> = new.indices.0.iter().map(|(k, _)| *k).collect();
    for (k, _) in &old.indices.0 {
        if !sets.contains(k) {
            sets.push(k);
        }
    }
    let mut indices = Vec::new();
    for set in sets {
        let (o, n) = (old.indices.get(set), new.indices.get(set));
        let names = o.or(n).map(|i| i.indices()).unwrap_or_default();
        for (k, (index, _)) in names.iter().enumerate() {
            let value = |x: Option<&crate::measures::inequality::Inequality>| {
                x.and_then(|i| i.indices()[k].1)
            };
            indices.push(IndexChange {
                set: set.to_string(),
                index,
                value: Change::of(value(o), value(n)),
            });
        }
    }
    let key = |f: &Finding| (f.code, f.bodies.clone());
    let findings_appeared: Vec<FindingChange> = new
        .findings
        .iter()
        .filter(|f| !old.findings.iter().any(|o| key(o) == key(f)))
        .map(FindingChange::from)
        .collect();
    let findings_resolved: Vec<FindingChange> = old
        .findings
        .iter()
        .filter(|o| !new.findings.iter().any(|f| key(o) == key(f)))
        .map(FindingChange::from)
        .collect();
    let findings_persisting = new.findings.len() - findings_appeared.len();
    Diff {
        format: DIFF_FORMAT,
        generator: crate::model::GENERATOR,
        old: side(old),
        new: side(new),
        bodies,
        bodies_added,
        bodies_removed,
        dimensions_added,
        dimensions_removed,
        indices,
        findings_appeared,
        findings_resolved,
        findings_persisting,
        survey: survey::survey(old, new),
    }
}

/// How a file of a directory comparison fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparison {
    /// On both sides and compared.
    Compared,
    /// Only in the new directory.
    Added,
    /// Only in the old directory.
    Removed,
    /// On both sides, but one of them could not be loaded.
    Unusable,
}

/// One file of a directory comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileDiff {
    /// The path relative to the two directories.
    pub path: String,
    /// Compared, added, removed or unusable.
    pub status: Comparison,
    /// The partnership's name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partnership: Option<String>,
    /// The comparison, when both sides loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Diff>,
}

/// A directory comparison, files in sorted relative-path order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DirDiff {
    /// Always [`DIFF_FORMAT`].
    pub format: u32,
    /// `powershare X.Y.Z` ([`crate::model::GENERATOR`]).
    pub generator: &'static str,
    /// Every file on either side.
    pub files: Vec<FileDiff>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        crate::report::score(&crate::load_str(text).unwrap(), Default::default())
    }

    const OLD: &str = r#"
[partnership]
name = "P"
period = "2024-25"
[[body]]
id = "council"
income = 900
seats = 3
[[body]]
id = "cvs"
income = 100
seats = 1
[[body]]
id = "club"
income = 0
seats = 1
[[relationship]]
between = ["council", "club"]
trust = -2
"#;

    const NEW: &str = r#"
[partnership]
name = "P"
period = "2025-26"
[[body]]
id = "council"
income = 500
seats = 2
[[body]]
id = "cvs"
income = 300
seats = 2
[[body]]
id = "tenants"
income = 200
seats = 1
"#;

    #[test]
    fn a_year_on_year_diff_by_hand() {
        let d = diff(&report(OLD), &report(NEW));
        assert_eq!(
            (d.old.period.as_deref(), d.new.period.as_deref()),
            (Some("2024-25"), Some("2025-26"))
        );
        assert_eq!(d.bodies_added, ["tenants"]);
        assert_eq!(d.bodies_removed, ["club"]);
        let ids: Vec<(&str, Presence)> = d
            .bodies
            .iter()
            .map(|b| (b.id.as_str(), b.presence))
            .collect();
        assert_eq!(
            ids,
            [
                ("council", Presence::Both),
                ("cvs", Presence::Both),
                ("tenants", Presence::Added),
                ("club", Presence::Removed)
            ]
        );
        // Old: resources 0.9, 0.1, 0; voting: majority 3 of 5, the council is
        // a dictator: 1, 0, 0. Composite of the council (0.9 + 1) / 2 = 0.95.
        // New: resources 0.5, 0.3, 0.2; voting: quota 3 of 5 with seats
        // 2, 2, 1: winning {c,v}, {c,v,t}, {c,t}... every pair of two wins
        // except... {council, tenants} = 3 wins, {cvs, tenants} = 3 wins,
        // {council, cvs} = 4 wins: symmetric, 1/3 each. Council (0.5 + 1/3) / 2.
        let council = &d.bodies[0].composite;
        assert!((council.old.unwrap() - 0.95).abs() < 1e-12);
        assert!((council.new.unwrap() - (0.5 + 1.0 / 3.0) / 2.0).abs() < 1e-12);
        assert!((council.change.unwrap() - ((0.5 + 1.0 / 3.0) / 2.0 - 0.95)).abs() < 1e-12);
        // The old dictator and the mistrust are resolved; nothing appears.
        let resolved: Vec<&str> = d.findings_resolved.iter().map(|f| f.code.name()).collect();
        assert!(
            resolved.contains(&"dictator") && resolved.contains(&"mistrust"),
            "{resolved:?}"
        );
        assert!(
            d.findings_appeared
                .iter()
                .all(|f| f.code != FindingCode::Dictator)
        );
        let gini = d
            .indices
            .iter()
            .find(|i| i.set == "composite" && i.index == "gini")
            .unwrap();
        assert!(gini.value.change.unwrap() < 0.0);
        assert!(!d.is_empty());
    }

    #[test]
    fn a_report_against_itself_is_empty() {
        let r = report(OLD);
        let d = diff(&r, &r);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(d.findings_persisting, r.findings.len());
    }

    #[test]
    fn dimensions_that_appear_are_listed() {
        let old = report("[[body]]\nid = \"a\"\nincome = 1\n[[body]]\nid = \"b\"\nincome = 1\n");
        let new = report(
            "[[body]]\nid = \"a\"\nincome = 1\nposition = 5\n[[body]]\nid = \"b\"\nincome = 1\nposition = 1\n",
        );
        let d = diff(&old, &new);
        assert_eq!(d.dimensions_added, ["position"]);
        assert!(
            d.indices
                .iter()
                .any(|i| i.set == "position" && i.value.old.is_none() && i.value.new.is_some())
        );
    }
}
