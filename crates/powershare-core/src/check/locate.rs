//! Where in the file a finding is: the lines its annotations point at.

use crate::findings::Finding;
use crate::model::{FindingCode, FundingKind, How, Outcome, Partnership, RelationshipKind, Topic};

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
                r.trust.is_some_and(|t| t < 0)
                    && pair.contains(&Some(r.between[0]))
                    && pair.contains(&Some(r.between[1]))
            })
            .map(|r| r.line)
            .collect(),
        FindingCode::VetoPlayer if f.bodies.len() > 1 => p.board.iter().map(|b| b.line).collect(),
        // The decision's own line, carried in the evidence.
        FindingCode::PowerRetained | FindingCode::ThinConsensus => f
            .evidence
            .get("line")
            .map(|&l| l as usize)
            .into_iter()
            .collect(),
        FindingCode::CommissionerOnBoard => p
            .funding
            .iter()
            .filter(|x| {
                Some(x.to) == body(0)
                    && Some(x.from) == body(1)
                    && matches!(
                        x.kind,
                        Some(FundingKind::Contract | FundingKind::Commission)
                    )
            })
            .map(|x| x.line)
            .collect(),
        FindingCode::PrioritiesFromAbove => p
            .decisions
            .iter()
            .filter(|d| {
                d.topic == Some(Topic::Priorities)
                    && d.outcome == Outcome::Adopted
                    && d.driver.is_some_and(|x| x.from_above())
                    && (0..f.bodies.len()).any(|k| body(k).is_some() && d.proposed_by == body(k))
            })
            .map(|d| d.line)
            .collect(),
        FindingCode::InSectorCompetition | FindingCode::PositiveHistory => p
            .relationships
            .iter()
            .filter(|r| {
                let pair = [body(0), body(1)];
                let kind = f.code != FindingCode::InSectorCompetition
                    || r.kind == RelationshipKind::Competitors;
                let trust = f.code != FindingCode::PositiveHistory || r.trust == Some(2);
                kind && trust
                    && pair.contains(&Some(r.between[0]))
                    && pair.contains(&Some(r.between[1]))
            })
            .map(|r| r.line)
            .collect(),
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
