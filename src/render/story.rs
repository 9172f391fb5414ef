//! The story a report tells first, shared by the markdown and HTML reports:
//! a one-line verdict, the key figures, and findings' evidence worded for
//! people. Everything here returns plain (unescaped) text.

use crate::render::numbers::{amount, pct0};
use powershare_core::Report;
use powershare_core::findings::{Finding, Severity};
use powershare_core::model::FindingCode;
use powershare_core::model::Outcome;
use powershare_core::report::BodyReport;

/// The verdict at the top of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// How serious the picture is: the most severe finding, if any.
    pub severity: Option<Severity>,
    /// One short line.
    pub headline: String,
    /// One or two sentences with the numbers behind the headline.
    pub summary: String,
}

/// The body with the largest composite share (first in file order on a tie).
pub fn top_body(r: &Report) -> Option<&BodyReport> {
    r.top_body().map(|i| &r.bodies[i])
}

/// The headline and summary of `r`, read off its findings and composite.
///
/// The headline follows the most severe finding: the conditional
/// `symbolic-partnership` sentence when it holds; "concerns" or "points to
/// discuss" otherwise; and, when no finding above info holds, the numbers
/// ("No limit breached; the largest partner holds 37% against an equal
/// 20%"), never a verdict that power is shared. The summary states the top body's
/// composite share against an equal share, the composite Gini, and the
/// effective number of partners.
pub fn verdict(r: &Report) -> Verdict {
    let severity = r.findings.iter().map(|f| f.severity).max();
    let top = top_body(r);
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    let headline = if r
        .findings
        .iter()
        .any(|f| f.code == FindingCode::SymbolicPartnership)
    {
        format!(
            "At risk of remaining symbolic rather than real: power is concentrated in {} and the partnership's machinery hides it",
            top.map_or("one partner", |b| b.name.as_str())
        )
    } else {
        match severity {
            Some(Severity::Concern) => format!(
                "Power-sharing concerns: {} to act on",
                plural(count(Severity::Concern), "concern")
            ),
            Some(Severity::Warning) => format!(
                "No concern; {} to discuss",
                plural(count(Severity::Warning), "point")
            ),
            Some(Severity::Info) | None => format!("No limit breached; {}", largest(r)),
        }
    };
    let n = r.bodies.len();
    let composite = r.indices.get("composite");
    let summary = match (top, composite) {
        (Some(b), Some(ineq)) if n > 1 => {
            let mut s = format!(
                "{} holds {} of the combined power of the {} partners, where an equal share would be {}.",
                b.name,
                pct0(b.composite.unwrap_or(0.0)),
                n,
                pct0(1.0 / n as f64)
            );
            if let (Some(g), Some(e)) = (ineq.gini, ineq.effective_number) {
                s.push_str(&format!(
                    " Gini {g:.2} (0 = equal, {:.2} = one partner holds everything); power is held as if by {e:.1} equal partners.",
                    1.0 - 1.0 / n as f64
                ));
            }
            s
        }
        _ => "No dimension has data for every body, so the partnership has no composite measure of power.".to_string(),
    };
    Verdict {
        severity,
        headline,
        summary,
    }
}

/// "the largest partner holds 37% against an equal 20%": how a report with
/// no finding is described, by its numbers rather than a verdict.
pub fn largest(r: &Report) -> String {
    let n = r.bodies.len();
    match top_body(r).and_then(|b| b.composite) {
        Some(c) if n > 1 => format!(
            "the largest partner holds {} against an equal {}",
            pct0(c),
            pct0(1.0 / n as f64)
        ),
        Some(_) => "one partner holds all the power measured".to_string(),
        None => "no dimension has data for every partner".to_string(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The evidence of a finding as (label, value) pairs worded for people:
/// shares, limits and gaps as percentages, counts and money as whole
/// numbers, other figures with two decimals.
pub fn evidence(f: &Finding) -> Vec<(String, String)> {
    f.evidence
        .0
        .iter()
        .map(|(k, v)| {
            let label = k.replace('_', " ");
            let is_share = ["share", "limit", "margin", "gap", "voting_power", "power_"]
                .iter()
                .any(|p| k.contains(p));
            let value = if *k == "composite_gini" || *k == "max_composite_gini" {
                format!("{v:.2}")
            } else if is_share {
                format!("{:.0}%", v * 100.0)
            } else {
                amount(*v)
            };
            (label, value)
        })
        .collect()
}

/// An outcome as written in the file.
pub fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Adopted => "adopted",
        Outcome::Rejected => "rejected",
        Outcome::Deferred => "deferred",
    }
}

/// The name of a body id, or the id when it is not found.
pub fn name_of<'r>(r: &'r Report, id: &'r str) -> &'r str {
    r.bodies
        .iter()
        .find(|b| b.id == id)
        .map_or(id, |b| b.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict_of(toml: &str) -> Verdict {
        let p = powershare_core::load_str(toml).expect("valid");
        verdict(&powershare_core::score(
            &p,
            powershare_core::ScoreOptions::default(),
        ))
    }

    #[test]
    fn verdict_follows_the_findings() {
        // Two equal bodies: no finding, an equal share each.
        let v =
            verdict_of("[[body]]\nid = \"a\"\nposition = 2\n[[body]]\nid = \"b\"\nposition = 2\n");
        assert_eq!(v.severity, None);
        assert_eq!(
            v.headline,
            "No limit breached; the largest partner holds 50% against an equal 50%"
        );
        assert!(v.summary.starts_with("a holds 50% of the combined power of the 2 partners, where an equal share would be 50%. Gini 0.00"), "{}", v.summary);
        // One body with everything and a dummy seat: the symbolic verdict.
        let v = verdict_of(
            "[[body]]\nid = \"a\"\nposition = 5\nseats = 3\n[[body]]\nid = \"b\"\nposition = 0\nseats = 1\n",
        );
        assert_eq!(v.severity, Some(Severity::Concern));
        assert!(
            v.headline.starts_with(
                "At risk of remaining symbolic rather than real: power is concentrated in a"
            ),
            "{}",
            v.headline
        );
        // No data: no composite to speak of.
        let v = verdict_of("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n");
        assert!(
            v.summary.starts_with("No dimension has data"),
            "{}",
            v.summary
        );
    }
}
