//! What a board can do about each finding: one sentence per code, in one
//! place, so that a new code cannot be added without one (the match has no
//! catch-all). `powershare explain CODE` gives the longer guidance and its
//! source.

use serde::{Serialize, Serializer};

use crate::findings::{Finding, Severity};
use crate::model::{FindingCode, Ordered};

impl FindingCode {
    /// One sentence a board can act on, shown after the finding (text,
    /// markdown, HTML) and as `"action"` in JSON.
    pub fn action(self) -> &'static str {
        match self {
            FindingCode::ViewsDiverge => {
                "Put the survey's results on the board's agenda and ask each partner to say how it sees who decides, before treating the numbers as one picture."
            }
            FindingCode::SelfImageGap => {
                "Show the partner both views and discuss where they part, in a meeting chaired by someone from another partner."
            }
            FindingCode::OutsideMeetingDealing => {
                "Agree that decisions are taken only in the formal meetings, and minute any informal discussion that shaped one."
            }
            FindingCode::ConsensusDoubted => {
                "Before agreeing, take every partner's view in turn, smallest partners first, and record any dissent in the minutes."
            }
            FindingCode::FearOfDisagreeing => {
                "Give funded partners a safe way to disagree: an independent chair, unattributed written comments, and funding decisions kept apart from the partnership's."
            }
            FindingCode::PrioritiesCaptured => {
                "Set the priorities together at an open meeting where every partner proposes, and record who proposed each one."
            }
            FindingCode::UnheardPartner => {
                "Ask the partner's staff, members or volunteers to answer the questionnaire, with help if needed, before drawing conclusions from the survey."
            }
            FindingCode::SymbolicPartnership => {
                "Put power on the board's agenda: go through these findings with every partner, agree which to change first, and measure again in a year."
            }
            FindingCode::Dictator => {
                "Change the rule so that no partner decides alone: raise the quota, rebalance the seats (powershare rebalance shows designs), or add a majority of members."
            }
            FindingCode::VetoPlayer => {
                "Agree in writing which decisions, if any, need this partner's consent, and let the board's majority decide the rest."
            }
            FindingCode::DummySeat => {
                "Change the seats or the quota so that this partner's vote can make a difference (powershare rebalance shows designs that do)."
            }
            FindingCode::PowerSeatGap => {
                "Show the board its voting power beside its seats, and change the seats or the quota where the gap is not intended."
            }
            FindingCode::NonMonotonePower => {
                "Review the veto and the double majority with the partners: a rule that gives more seats less say should be changed or knowingly kept."
            }
            FindingCode::FundingDependence => {
                "Keep the funding relationship apart from the partnership's decisions: the funder declares its interest, and the funded partner can raise concerns with someone other than its funder."
            }
            FindingCode::ConsensusDominance => {
                "Invite and minute proposals from the other partners, and record who supports each decision taken by consensus."
            }
            FindingCode::OutsideMeetingDecisions => {
                "Bring decisions back to the meeting: minute anything agreed outside it and confirm it where every partner can take part."
            }
            FindingCode::InformalExclusion => {
                "Bring this partner into the contacts between meetings: share the briefings and invite it to the conversations where proposals are shaped."
            }
            FindingCode::PowerBlindness => {
                "Share the partners' ratings with the most powerful partner and discuss why the others see its influence as larger than it does."
            }
            FindingCode::Mistrust => {
                "Talk about the history openly, with an independent facilitator if needed, before relying on these two partners to agree."
            }
            FindingCode::HostBody => {
                "Separate hosting from control: let the board, not the host, set the budget and direct the staff, and give the chair to another partner."
            }
            FindingCode::CommissionerOnBoard => {
                "Declare the commissioning interest and take contract decisions outside the board, so that no partner votes under the eye of the body that judges its contract."
            }
            FindingCode::PrioritiesFromAbove => {
                "Make room on the agenda for priorities proposed by the other partners and by the people the partnership serves, beside those set by policy or funders."
            }
            FindingCode::PowerRetained => {
                "Bring the proposal back, and ask the partner that blocked it what form of sharing power it would accept, with a date to decide."
            }
            FindingCode::ThinConsensus => {
                "Minute who supported and who opposed each decision, and take a vote where partners do not all agree rather than record a consensus."
            }
            FindingCode::InSectorCompetition => {
                "Agree how competing partners share information, and when they step out of discussions about contracts they bid for."
            }
            FindingCode::PositiveHistory => {
                "Build on this relationship: ask these two partners to lead joint work and to help others build the same trust."
            }
        }
    }
}

impl Finding {
    /// The sentence a board can act on ([`FindingCode::action`]).
    pub fn action(&self) -> &'static str {
        self.code.action()
    }
}

/// The JSON of a finding: its fields, then `action`.
#[derive(Serialize)]
struct Wire<'a> {
    code: FindingCode,
    severity: Severity,
    bodies: &'a [String],
    evidence: &'a Ordered<f64>,
    message: &'a str,
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    robust: Option<bool>,
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // No `..`: a field added to Finding must be added here too.
        let Finding {
            code,
            severity,
            bodies,
            evidence,
            message,
            robust,
        } = self;
        Wire {
            code: *code,
            severity: *severity,
            bodies,
            evidence,
            message,
            action: code.action(),
            robust: *robust,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_plain_sentence_of_action() {
        for code in FindingCode::ALL {
            let a = code.action();
            assert!(a.len() > 30, "{code}: {a:?}");
            assert!(a.ends_with('.'), "{code}: {a:?}");
            assert!(
                a.starts_with(|c: char| c.is_ascii_uppercase()),
                "{code}: {a:?}"
            );
            // One sentence: no full stop before the end.
            assert!(!a[..a.len() - 1].contains(". "), "{code}: {a:?}");
        }
    }

    #[test]
    fn the_json_carries_the_action_after_the_message() {
        let f = Finding {
            code: FindingCode::DummySeat,
            severity: Severity::Concern,
            bodies: vec!["a".into()],
            evidence: Ordered(vec![("seats", 1.0)]),
            message: "m".into(),
            robust: None,
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            format!(
                "{{\"code\":\"dummy-seat\",\"severity\":\"concern\",\"bodies\":[\"a\"],\"evidence\":{{\"seats\":1.0}},\"message\":\"m\",\"action\":{}}}",
                serde_json::to_string(FindingCode::DummySeat.action()).unwrap()
            )
        );
    }
}
