//! Where in the file a finding is: the lines its annotations point at.

use crate::findings::Finding;
use crate::model::{FindingCode, How, Outcome, Partnership};

/// The lines of the file a finding is about: the table entries behind it
/// where it has them (funding, decisions, perception, relationship), else
/// the first body concerned; the `[board]` for a finding about every seated body.
pub fn finding_lines(p: &Partnership, f: &Finding) -> Vec<usize> {
    let body = |k: usize| f.bodies.get(k).and_then(|id| p.body_index(id));
    let body_line = body(0).map(|i| p.bodies[i].line);
    let lines: Vec<usize> = match f.code {
        FindingCode::FundingDependence => p
            .funding
            .iter()
            .filter(|x| Some(x.to) == body(0) && Some(x.from) == body(1))
            .map(|x| x.line)
            .collect(),
        FindingCode::OutsideMeetingDecisions => p
            .decisions
            .iter()
            .filter(|d| d.how == How::OutsideMeeting)
            .map(|d| d.line)
            .collect(),
        FindingCode::ConsensusDominance => p
            .decisions
            .iter()
            .filter(|d| {
                d.how == How::Consensus
                    && d.outcome == Outcome::Adopted
                    && d.proposed_by.is_some()
                    && d.proposed_by == body(0)
            })
            .map(|d| d.line)
            .collect(),
        FindingCode::PowerBlindness => p
            .perceptions
            .iter()
            .filter(|x| Some(x.rater) == body(0))
            .map(|x| x.line)
            .collect(),
        FindingCode::Mistrust => p
            .relationships
            .iter()
            .filter(|r| {
                let pair = [body(0), body(1)];
                r.trust < 0
                    && pair.contains(&Some(r.between[0]))
                    && pair.contains(&Some(r.between[1]))
            })
            .map(|r| r.line)
            .collect(),
        FindingCode::VetoPlayer if f.bodies.len() > 1 => p.board.iter().map(|b| b.line).collect(),
        // A survey finding about no body points at [survey], never at a
        // response (a line there is one person's answers).
        _ if f.bodies.is_empty() => p.survey.line.into_iter().collect(),
        _ => Vec::new(),
    };
    if lines.is_empty() {
        body_line.into_iter().collect()
    } else {
        lines
    }
}
