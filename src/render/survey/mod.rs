//! The partners' survey in every document: the report's "How the partners
//! see it" section (text, markdown, HTML), and the questionnaire that
//! `powershare survey template` prints.

/// A heading for people for each survey finding code (the HTML report's
/// finding cards); `None` for the other codes.
pub fn finding_title(code: powershare_core::model::FindingCode) -> Option<&'static str> {
    use powershare_core::model::FindingCode as C;
    Some(match code {
        C::ViewsDiverge => "Partners see power differently",
        C::SelfImageGap => "A partner sees itself unlike the others",
        C::OutsideMeetingDealing => "Real decisions made outside the meetings",
        C::ConsensusDoubted => "Consensus seen as the strongest partner's view",
        C::FearOfDisagreeing => "Not free to disagree with the funder",
        C::PrioritiesCaptured => "One partner sets the priorities",
        C::UnheardPartner => "A partner not heard in the survey",
        _ => return None,
    })
}
