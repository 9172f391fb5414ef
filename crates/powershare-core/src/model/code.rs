//! Finding codes: the closed set of statements powershare can make, with
//! their stable kebab-case spellings. They live with the model because a
//! file's `[policy] deny` names them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A finding's stable code. The declaration order is the report order of
/// findings within one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingCode {
    /// Power is concentrated and the formal or consensus machinery hides it.
    SymbolicPartnership,
    /// One body can decide alone.
    Dictator,
    /// One body can block every decision.
    VetoPlayer,
    /// A body holds seats but has no voting power.
    DummySeat,
    /// A body's voting power differs from its seat share by more than a margin.
    PowerSeatGap,
    /// A body with more seats has less power than one with fewer.
    NonMonotonePower,
    /// A body gets more than the policy's share of its income from one partner.
    FundingDependence,
    /// Most adopted consensus decisions were proposed by the top body.
    ConsensusDominance,
    /// Decisions were taken outside the formal meetings.
    OutsideMeetingDecisions,
    /// A body has no informal ties while others share them.
    InformalExclusion,
    /// The top body rates its own influence below what the others rate it.
    PowerBlindness,
    /// A pair of partners has a history of mistrust.
    Mistrust,
    /// The host (accountable) body is also the top body.
    HostBody,
    /// A body with seats funds another body with seats by contract or commission.
    CommissionerOnBoard,
    /// Most adopted priorities answered to government policy or a funder and came from the top.
    PrioritiesFromAbove,
    /// A proposal to share power was rejected or deferred against the top body or a veto.
    PowerRetained,
    /// A consensus with few supporters, or with opponents.
    ThinConsensus,
    /// Two partners compete for the same contracts or funds.
    InSectorCompetition,
    /// A pair of partners has a long, positive history.
    PositiveHistory,
    /// The survey's respondents disagree about who has influence.
    ViewsDiverge,
    /// A partner's own respondents see its influence far from how the others see it.
    SelfImageGap,
    /// The respondents say the real decisions are often made outside the meetings.
    OutsideMeetingDealing,
    /// The respondents say a consensus reflects the most powerful partner's view.
    ConsensusDoubted,
    /// Respondents of funded partners do not feel free to disagree with the funder.
    FearOfDisagreeing,
    /// Most respondents name one partner as the one that sets the priorities.
    PrioritiesCaptured,
    /// A partner with seats or funding ties has no respondent in the survey.
    UnheardPartner,
}

impl FindingCode {
    /// Every code, in report order.
    pub const ALL: [FindingCode; 26] = [
        FindingCode::SymbolicPartnership,
        FindingCode::Dictator,
        FindingCode::VetoPlayer,
        FindingCode::DummySeat,
        FindingCode::PowerSeatGap,
        FindingCode::NonMonotonePower,
        FindingCode::FundingDependence,
        FindingCode::ConsensusDominance,
        FindingCode::OutsideMeetingDecisions,
        FindingCode::InformalExclusion,
        FindingCode::PowerBlindness,
        FindingCode::Mistrust,
        FindingCode::HostBody,
        FindingCode::CommissionerOnBoard,
        FindingCode::PrioritiesFromAbove,
        FindingCode::PowerRetained,
        FindingCode::ThinConsensus,
        FindingCode::InSectorCompetition,
        FindingCode::PositiveHistory,
        FindingCode::ViewsDiverge,
        FindingCode::SelfImageGap,
        FindingCode::OutsideMeetingDealing,
        FindingCode::ConsensusDoubted,
        FindingCode::FearOfDisagreeing,
        FindingCode::PrioritiesCaptured,
        FindingCode::UnheardPartner,
    ];

    /// The stable spelling, as in files, JSON and `explain`.
    pub fn name(self) -> &'static str {
        match self {
            FindingCode::SymbolicPartnership => "symbolic-partnership",
            FindingCode::Dictator => "dictator",
            FindingCode::VetoPlayer => "veto-player",
            FindingCode::DummySeat => "dummy-seat",
            FindingCode::PowerSeatGap => "power-seat-gap",
            FindingCode::NonMonotonePower => "non-monotone-power",
            FindingCode::FundingDependence => "funding-dependence",
            FindingCode::ConsensusDominance => "consensus-dominance",
            FindingCode::OutsideMeetingDecisions => "outside-meeting-decisions",
            FindingCode::InformalExclusion => "informal-exclusion",
            FindingCode::PowerBlindness => "power-blindness",
            FindingCode::Mistrust => "mistrust",
            FindingCode::HostBody => "host-body",
            FindingCode::CommissionerOnBoard => "commissioner-on-board",
            FindingCode::PrioritiesFromAbove => "priorities-from-above",
            FindingCode::PowerRetained => "power-retained",
            FindingCode::ThinConsensus => "thin-consensus",
            FindingCode::InSectorCompetition => "in-sector-competition",
            FindingCode::PositiveHistory => "positive-history",
            FindingCode::ViewsDiverge => "views-diverge",
            FindingCode::SelfImageGap => "self-image-gap",
            FindingCode::OutsideMeetingDealing => "outside-meeting-dealing",
            FindingCode::ConsensusDoubted => "consensus-doubted",
            FindingCode::FearOfDisagreeing => "fear-of-disagreeing",
            FindingCode::PrioritiesCaptured => "priorities-captured",
            FindingCode::UnheardPartner => "unheard-partner",
        }
    }

    /// The code spelled `name` exactly, if there is one.
    pub fn parse(name: &str) -> Option<FindingCode> {
        FindingCode::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Every spelling, comma-separated, in report order (for messages).
    pub fn list() -> String {
        FindingCode::ALL.map(FindingCode::name).join(", ")
    }
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_name_and_serde() {
        for code in FindingCode::ALL {
            assert_eq!(FindingCode::parse(code.name()), Some(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.name()));
        }
        assert_eq!(FindingCode::parse("Dummy-Seat"), None);
        // ALL is in declaration order, so sorting by the enum is report order.
        let mut sorted = FindingCode::ALL;
        sorted.sort();
        assert_eq!(sorted, FindingCode::ALL);
    }
}
