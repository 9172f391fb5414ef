//! The board brief (`powershare brief`): one page for a board pack, built
//! once from a [`Report`] and rendered as text, markdown or HTML (one file
//! each). It holds the headline and summary of the report's
//! [`verdict`](super::story::verdict), the key numbers, the three most
//! severe findings with what to do about each, and (when the file has a
//! survey) what the partners say.

pub mod html;
pub mod markdown;
pub mod text;

use crate::render::numbers::pct0;
use crate::render::story::{self, Verdict, name_of};
use powershare_core::Report;
use powershare_core::findings::{Finding, Severity};
use powershare_core::measures::survey::Rated;

/// How many findings a brief shows.
pub const SHOWN: usize = 3;

/// The brief of one report: plain (unescaped) text, escaped by each renderer.
#[derive(Debug, Clone)]
pub struct Brief<'r> {
    /// The report.
    pub report: &'r Report,
    /// Headline and summary.
    pub verdict: Verdict,
    /// The key numbers, as (label, value).
    pub numbers: Vec<(String, String)>,
    /// The most severe findings, at most [`SHOWN`], in report order (most
    /// severe first).
    pub findings: Vec<&'r Finding>,
    /// Findings not shown.
    pub more: usize,
    /// What the partners' survey says, when the file has one ([`survey`]).
    pub survey: Option<Vec<String>>,
}

impl<'r> Brief<'r> {
    /// The brief of `r`.
    pub fn of(r: &'r Report) -> Self {
        let shown = r.findings.len().min(SHOWN);
        Brief {
            report: r,
            verdict: story::verdict(r),
            numbers: numbers(r),
            findings: r.findings.iter().take(shown).collect(),
            more: r.findings.len() - shown,
            survey: survey(r),
        }
    }

    /// The partnership's name and period, as a title.
    pub fn title(&self) -> String {
        let r = self.report;
        match &r.partnership.period {
            Some(p) => format!("{} ({p})", r.partnership.name),
            None => r.partnership.name.clone(),
        }
    }

    /// The heading of the findings: "The 3 most severe findings" when some
    /// are left out, else "Findings".
    pub fn findings_heading(&self) -> String {
        if self.more > 0 {
            format!("The {} most severe findings", self.findings.len())
        } else {
            "Findings".into()
        }
    }

    /// "9 more findings in the full report (powershare report).", or `None`.
    pub fn more_line(&self) -> Option<String> {
        match self.more {
            0 => None,
            1 => Some("1 more finding in the full report (powershare report).".into()),
            k => Some(format!(
                "{k} more findings in the full report (powershare report)."
            )),
        }
    }
}

/// What the partners' own survey says, in two or three lines, when the
/// file has `[[response]]` tables: who answered, how far they agree on
/// influence, and which partners were not heard.
pub fn survey(r: &Report) -> Option<Vec<String>> {
    let s = r.survey.as_ref()?;
    let heard = s.bodies.iter().filter(|b| b.respondents > 0).count();
    let mut lines = vec![
        format!(
            "{} respondent{} from {heard} of the {} partners.",
            s.respondents,
            if s.respondents == 1 { "" } else { "s" },
            s.bodies.len()
        ),
        format!(
            "Who has a say: {}.",
            crate::render::survey::agreement_words(s, Rated::Influence)
        ),
    ];
    let unheard = s.unheard();
    if !unheard.is_empty() {
        let names: Vec<&str> = unheard.iter().map(|id| story::name_of(r, id)).collect();
        lines.push(format!("Not heard: {}.", names.join(", ")));
    }
    Some(lines)
}

/// The key numbers of `r`: the largest partner against an equal share, the
/// composite Gini, the effective number of partners, the largest voting
/// power against its seats, the largest dependence, and the findings by
/// severity.
pub fn numbers(r: &Report) -> Vec<(String, String)> {
    let n = r.bodies.len();
    let mut out = Vec::new();
    if let Some(top) = story::top_body(r)
        && let Some(c) = top.composite
    {
        out.push((
            format!("Largest partner ({})", top.name),
            format!("{} of the power (equal: {})", pct0(c), pct0(1.0 / n as f64)),
        ));
    }
    if let Some(c) = r.indices.get("composite") {
        if let Some(g) = c.gini {
            out.push((
                "Gini of the composite power (0 = equal)".into(),
                format!("{g:.2} of at most {:.2}", 1.0 - 1.0 / n as f64),
            ));
        }
        if let Some(e) = c.effective_number {
            out.push((
                "Effective number of partners".into(),
                format!("{e:.1} of {n}"),
            ));
        }
    }
    let voting = r
        .bodies
        .iter()
        .filter_map(|b| Some((b, b.voting.as_ref()?)))
        .filter_map(|(b, v)| Some((b, v, v.indices.banzhaf?)))
        .max_by(|x, y| x.2.total_cmp(&y.2));
    if let Some((b, v, power)) = voting {
        out.push((
            format!("Largest voting power ({})", b.name),
            format!(
                "{} of the votes' power with {} of the seats",
                pct0(power),
                pct0(v.seat_share)
            ),
        ));
    }
    if let Some(d) = r
        .dependence
        .iter()
        .max_by(|a, b| a.share.total_cmp(&b.share))
    {
        out.push((
            format!(
                "Largest dependence ({} on {})",
                name_of(r, &d.of),
                name_of(r, &d.on)
            ),
            format!("{} (100% = wholly dependent)", pct0(d.share)),
        ));
    }
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    out.push((
        "Findings".into(),
        format!(
            "{} concern{}, {} warning{}, {} info",
            count(Severity::Concern),
            if count(Severity::Concern) == 1 {
                ""
            } else {
                "s"
            },
            count(Severity::Warning),
            if count(Severity::Warning) == 1 {
                ""
            } else {
                "s"
            },
            count(Severity::Info)
        ),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief_of(toml: &str) -> (Report, usize) {
        let p = powershare_core::load_str(toml).expect("valid");
        let r = powershare_core::score(&p, Default::default());
        let shown = Brief::of(&r).findings.len();
        (r, shown)
    }

    #[test]
    fn the_brief_shows_the_three_most_severe_findings() {
        // Seats 4 and 1 of 5 under a majority (3): a decides alone
        // (dictator, concern) and b's seat never counts (dummy-seat,
        // concern); two histories of mistrust (warnings) make more than 3.
        let (r, shown) = brief_of(
            "[[body]]\nid = \"a\"\nseats = 4\nposition = 5\n[[body]]\nid = \"b\"\nseats = 1\nposition = 1\n\
             [[body]]\nid = \"c\"\nposition = 1\n\
             [[relationship]]\nbetween = [\"a\", \"b\"]\ntrust = -1\n\
             [[relationship]]\nbetween = [\"a\", \"c\"]\ntrust = -1\n",
        );
        assert!(r.findings.len() > 3);
        assert_eq!(shown, 3);
        let b = Brief::of(&r);
        assert_eq!(b.more, r.findings.len() - 3);
        // Most severe first: the brief takes the report's order.
        for (f, g) in b.findings.iter().zip(&r.findings) {
            assert_eq!(f.code, g.code);
        }
        assert!(b.findings[0].severity >= b.findings[2].severity);
        // No survey on this branch: the hook says nothing.
        assert!(b.survey.is_none());
    }

    #[test]
    fn key_numbers_are_read_off_the_report() {
        // a: position 3 of 5 = 60%; equal 50%. Gini of (0.6, 0.4): |0.2| * 2
        // / (2 * 4 * 0.5) = 0.1; effective number 1 / (0.36 + 0.16) = 1.9.
        let (r, _) =
            brief_of("[[body]]\nid = \"a\"\nposition = 3\n[[body]]\nid = \"b\"\nposition = 2\n");
        let n = numbers(&r);
        assert_eq!(
            n,
            [
                (
                    "Largest partner (a)".to_string(),
                    "60% of the power (equal: 50%)".to_string()
                ),
                (
                    "Gini of the composite power (0 = equal)".into(),
                    "0.10 of at most 0.50".into()
                ),
                ("Effective number of partners".into(), "1.9 of 2".into()),
                ("Findings".into(), "0 concerns, 0 warnings, 0 info".into()),
            ]
        );
    }
}
