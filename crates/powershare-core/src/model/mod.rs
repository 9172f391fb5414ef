//! The validated partnership: the only type the scoring code takes.
//!
//! Built by [`crate::load`] from TOML text; every reference between tables is
//! a body index into [`Partnership::bodies`], every number is finite and in
//! range, and every per-body figure is either given for all bodies or none.

use std::collections::BTreeMap;

pub mod code;
pub mod ordered;
pub mod survey;

pub use code::FindingCode;
pub use ordered::Ordered;
pub use survey::{Response, SurveySettings};
pub mod weights;

pub use weights::WeightSet;

/// What every JSON output names as its maker, `"generator"`:
/// `powershare X.Y.Z`, the version of this library (the command's too: the
/// workspace has one version).
pub const GENERATOR: &str = concat!("powershare ", env!("CARGO_PKG_VERSION"));

/// What kind of organisation a body is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Sector {
    Public,
    Voluntary,
    Community,
    Private,
    Citizens,
    Funder,
    Other,
}

/// One collaborating body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Slug id, unique in the file.
    pub id: String,
    /// Display name (the id when the file gives none).
    pub name: String,
    /// Sector, when given.
    pub sector: Option<Sector>,
    /// Annual income in the file's currency.
    pub income: Option<f64>,
    /// Staff, full-time equivalent.
    pub staff: Option<f64>,
    /// Cash and in-kind committed to this partnership.
    pub contribution: Option<f64>,
    /// Expertise ratings 0..=5 per domain (empty when not rated).
    pub expertise: BTreeMap<String, f64>,
    /// Importance / standing rating 0..=5.
    pub position: Option<f64>,
    /// Votes on the board; 0 means not on the board.
    pub seats: u64,
    /// Line of the body's `id` in the file.
    pub line: usize,
}

/// How the quota was written in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum QuotaRule {
    /// floor(T/2) + 1.
    Majority,
    /// ceil(2T/3).
    TwoThirds,
    /// T.
    Unanimity,
    /// A number of seats.
    Seats(u64),
    /// ceil(f T) for f in (0, 1].
    Fraction(f64),
}

impl QuotaRule {
    /// The quota in seats for a board of `total` seats.
    pub fn seats(&self, total: u64) -> u64 {
        match *self {
            QuotaRule::Majority => total / 2 + 1,
            QuotaRule::TwoThirds => (2 * total).div_ceil(3),
            QuotaRule::Unanimity => total,
            QuotaRule::Seats(q) => q,
            // Guard against 0.1 * 30 = 3.0000000000000004 rounding up to 4,
            // and never below 1 seat: f > 0, so ceil(f T) >= 1.
            QuotaRule::Fraction(f) => {
                let exact = f * total as f64;
                let rounded = exact.round();
                let q = if (exact - rounded).abs() < 1e-9 {
                    rounded as u64
                } else {
                    exact.ceil() as u64
                };
                q.clamp(1, total.max(1))
            }
        }
    }

    /// The rule as a user would write it.
    pub fn describe(&self) -> String {
        match self {
            QuotaRule::Majority => "majority".into(),
            QuotaRule::TwoThirds => "two-thirds".into(),
            QuotaRule::Unanimity => "unanimity".into(),
            QuotaRule::Seats(q) => q.to_string(),
            // A tiny fraction in exponent form, not hundreds of zeros.
            QuotaRule::Fraction(f) if *f < 1e-4 => format!("{f:e}"),
            QuotaRule::Fraction(f) => f.to_string(),
        }
    }
}

/// The formal decision rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// The quota as written.
    pub rule: QuotaRule,
    /// The quota in seats, 1..=total seats.
    pub quota: u64,
    /// Bodies whose yes every decision needs (indices into bodies).
    pub veto: Vec<usize>,
    /// Also a majority of the bodies with seats.
    pub also_majority_of_bodies: bool,
    /// The chair, if named.
    pub chair: Option<usize>,
    /// The chair breaks ties: with a majority quota, a coalition holding
    /// exactly half the seats wins when it includes the chair. Only with
    /// [`QuotaRule::Majority`] and a chair who has seats (the loader
    /// refuses anything else).
    pub casting_vote: bool,
    /// Line of the `[board]` table (or of the first seats when the table is absent).
    pub line: usize,
}

/// Kind of money flow.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum FundingKind {
    Grant,
    Contract,
    Commission,
    InKind,
    Fee,
}

/// Money from one partner to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Funding {
    /// Payer.
    pub from: usize,
    /// Receiver.
    pub to: usize,
    /// Amount, >= 0.
    pub amount: f64,
    /// Kind, when given.
    pub kind: Option<FundingKind>,
    /// Line of the entry.
    pub line: usize,
}

/// Non-financial dependence stated directly.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedDependence {
    /// The dependent body.
    pub of: usize,
    /// The body depended on.
    pub on: usize,
    /// 0..=1.
    pub share: f64,
    /// What flows, when given.
    pub what: Option<String>,
    /// Line of the entry.
    pub line: usize,
}

/// How often two bodies deal informally.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Rarely,
}

impl Frequency {
    /// Tie weight: daily 5, weekly 4, monthly 3, quarterly 2, rarely 1.
    pub fn weight(self) -> f64 {
        match self {
            Frequency::Daily => 5.0,
            Frequency::Weekly => 4.0,
            Frequency::Monthly => 3.0,
            Frequency::Quarterly => 2.0,
            Frequency::Rarely => 1.0,
        }
    }
}

/// An informal tie outside formal meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// The two bodies (different).
    pub between: [usize; 2],
    /// Frequency (monthly when not given).
    pub frequency: Frequency,
    /// Line of the entry.
    pub line: usize,
}

/// Outcome of a decision.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Outcome {
    Adopted,
    Rejected,
    Deferred,
}

/// How a decision was taken.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum How {
    Consensus,
    Vote,
    Chair,
    OutsideMeeting,
}

impl How {
    /// Every way, in a fixed order.
    pub const ALL: [How; 4] = [How::Consensus, How::Vote, How::Chair, How::OutsideMeeting];

    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            How::Consensus => "consensus",
            How::Vote => "vote",
            How::Chair => "chair",
            How::OutsideMeeting => "outside-meeting",
        }
    }
}

/// What a decision was about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// What the partnership works on: its plan, priorities, programme.
    Priorities,
    /// Who decides and how: seats, the chair, the budget, the terms of
    /// reference (a proposal to share power is a governance decision).
    Governance,
    /// Who gets money.
    Funding,
    /// How services are run.
    Delivery,
    /// Anything else.
    Other,
}

impl Topic {
    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Priorities => "priorities",
            Topic::Governance => "governance",
            Topic::Funding => "funding",
            Topic::Delivery => "delivery",
            Topic::Other => "other",
        }
    }
}

/// What a proposal answered to.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Driver {
    /// National or local government policy, a statutory duty.
    GovernmentPolicy,
    /// A funder's conditions or programme.
    Funder,
    /// The partners' own wishes.
    Partners,
    /// The people the partnership serves.
    ServiceUsers,
    /// Anything else.
    Other,
}

impl Driver {
    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Driver::GovernmentPolicy => "government-policy",
            Driver::Funder => "funder",
            Driver::Partners => "partners",
            Driver::ServiceUsers => "service-users",
            Driver::Other => "other",
        }
    }

    /// Whether the proposal answered to someone above the partnership:
    /// government policy or a funder.
    pub fn from_above(self) -> bool {
        matches!(self, Driver::GovernmentPolicy | Driver::Funder)
    }
}

/// One recorded decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Title.
    pub title: String,
    /// Proposer, when recorded.
    pub proposed_by: Option<usize>,
    /// Outcome.
    pub outcome: Outcome,
    /// How it was taken.
    pub how: How,
    /// Bodies that supported it.
    pub supported: Vec<usize>,
    /// Bodies that opposed it.
    pub opposed: Vec<usize>,
    /// Date, free text.
    pub date: Option<String>,
    /// What it was about, when recorded.
    pub topic: Option<Topic>,
    /// What the proposal answered to, when recorded.
    pub driver: Option<Driver>,
    /// Line of the entry.
    pub line: usize,
}

/// One partner's rating of everyone's influence.
#[derive(Debug, Clone, PartialEq)]
pub struct Perception {
    /// Who rates.
    pub rater: usize,
    /// Ratings 0..=5 by body index (bodies not rated are absent).
    pub influence: BTreeMap<usize, f64>,
    /// Line of the entry.
    pub line: usize,
}

/// What a `[[relationship]]` records.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum RelationshipKind {
    /// Their history of working together (the default).
    #[default]
    History,
    /// They bid for the same contracts or funds.
    Competitors,
}

impl RelationshipKind {
    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            RelationshipKind::History => "history",
            RelationshipKind::Competitors => "competitors",
        }
    }
}

/// History between two partners, or their competition.
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    /// The two bodies.
    pub between: [usize; 2],
    /// History (the default) or competitors.
    pub kind: RelationshipKind,
    /// -2 (long mistrust) ..= 2 (long positive history); always given for
    /// a history, optional for competitors. A pair has at most one trust.
    pub trust: Option<i64>,
    /// Line of the entry.
    pub line: usize,
}

/// The eight dimensions of power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Dimension {
    Resources,
    Expertise,
    Position,
    Voting,
    Dependence,
    Network,
    Agenda,
    Perceived,
}

impl Dimension {
    /// All dimensions in report order.
    pub const ALL: [Dimension; 8] = [
        Dimension::Resources,
        Dimension::Expertise,
        Dimension::Position,
        Dimension::Voting,
        Dimension::Dependence,
        Dimension::Network,
        Dimension::Agenda,
        Dimension::Perceived,
    ];

    /// The name used in files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Resources => "resources",
            Dimension::Expertise => "expertise",
            Dimension::Position => "position",
            Dimension::Voting => "voting",
            Dimension::Dependence => "dependence",
            Dimension::Network => "network",
            Dimension::Agenda => "agenda",
            Dimension::Perceived => "perceived",
        }
    }
}

/// Composite weight per dimension (1 when not given).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights(pub BTreeMap<Dimension, f64>);

impl Weights {
    /// The weight of `d`.
    pub fn of(&self, d: Dimension) -> f64 {
        self.0.get(&d).copied().unwrap_or(1.0)
    }
}

/// The thresholds that findings use; `None` is the finding's default.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Thresholds {
    /// Largest allowed Gini of the composite.
    pub max_composite_gini: Option<f64>,
    /// Largest allowed normalised Gini (Gini x n/(n-1)) of the composite;
    /// no default.
    pub max_normalised_gini: Option<f64>,
    /// Largest allowed composite share of one body.
    pub max_top_share: Option<f64>,
    /// Largest allowed share of a body's income from one partner.
    pub max_dependence: Option<f64>,
    /// Margin for `power-seat-gap`.
    pub power_seat_gap: Option<f64>,
    /// Least influence agreement (Krippendorff's alpha) before `views-diverge`.
    pub min_agreement: Option<f64>,
    /// Largest gap, in rating points, between a partner's self view and the
    /// others' view before `self-image-gap`.
    pub max_self_gap: Option<f64>,
}

/// Thresholds for findings and for `powershare check`.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Largest allowed Gini of the composite.
    pub max_composite_gini: Option<f64>,
    /// Largest allowed normalised Gini (Gini x n/(n-1)) of the composite.
    pub max_normalised_gini: Option<f64>,
    /// Largest allowed composite share of one body.
    pub max_top_share: Option<f64>,
    /// Largest allowed share of a body's income from one partner
    /// (`funding-dependence`).
    pub max_dependence: Option<f64>,
    /// Margin for `power-seat-gap`.
    pub power_seat_gap: Option<f64>,
    /// Least influence agreement before `views-diverge`.
    pub min_agreement: Option<f64>,
    /// Largest self-view gap before `self-image-gap`.
    pub max_self_gap: Option<f64>,
    /// Finding codes that fail `check`.
    pub deny: Vec<FindingCode>,
    /// Line of the `[policy]` table.
    pub line: Option<usize>,
}

impl Policy {
    /// The thresholds this policy sets for findings.
    pub fn thresholds(&self) -> Thresholds {
        Thresholds {
            max_composite_gini: self.max_composite_gini,
            max_normalised_gini: self.max_normalised_gini,
            max_top_share: self.max_top_share,
            max_dependence: self.max_dependence,
            power_seat_gap: self.power_seat_gap,
            min_agreement: self.min_agreement,
            max_self_gap: self.max_self_gap,
        }
    }
}

/// A validated partnership.
#[derive(Debug, Clone, PartialEq)]
pub struct Partnership {
    /// Stable id (a slug), when given: the key of a series of periods.
    pub id: Option<String>,
    /// Name, when given.
    pub name: Option<String>,
    /// Period, free text.
    pub period: Option<String>,
    /// Currency code, free text.
    pub currency: Option<String>,
    /// The accountable (host) body: it holds the budget, employs the staff
    /// and runs the secretariat.
    pub host: Option<usize>,
    /// The bodies, in file order (at least one).
    pub bodies: Vec<Body>,
    /// The board, when any body has seats.
    pub board: Option<Board>,
    /// Money flows.
    pub funding: Vec<Funding>,
    /// Stated dependence.
    pub dependence: Vec<StatedDependence>,
    /// Informal ties.
    pub contacts: Vec<Contact>,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Perceptions.
    pub perceptions: Vec<Perception>,
    /// Relationships.
    pub relationships: Vec<Relationship>,
    /// Survey responses, in file order (empty when there are none).
    pub responses: Vec<Response>,
    /// How the responses are shown.
    pub survey: SurveySettings,
    /// Composite weights.
    pub weights: Weights,
    /// Policy thresholds.
    pub policy: Policy,
}

impl Partnership {
    /// The index of the body with id `id`.
    pub fn body_index(&self, id: &str) -> Option<usize> {
        self.bodies.iter().position(|b| b.id == id)
    }

    /// The name to show: the partnership name or "unnamed partnership".
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or("unnamed partnership")
    }
}

#[cfg(test)]
mod tests {
    use super::QuotaRule;

    #[track_caller]
    fn case(rule: QuotaRule, total: u64, expected: u64) {
        assert_eq!(rule.seats(total), expected, "{rule:?} of {total}");
    }

    #[test]
    fn quota_forms() {
        case(QuotaRule::Majority, 11, 6); // floor(11/2) + 1
        case(QuotaRule::Majority, 12, 7); // floor(12/2) + 1
        case(QuotaRule::TwoThirds, 11, 8); // ceil(22/3) = ceil(7.33)
        case(QuotaRule::TwoThirds, 12, 8); // ceil(24/3) = 8 exactly
        case(QuotaRule::Unanimity, 11, 11);
        case(QuotaRule::Seats(7), 11, 7);
        case(QuotaRule::Fraction(0.6), 12, 8); // ceil(7.2)
        // 0.1 * 30 is 3.0000000000000004 in floating point: still 3.
        case(QuotaRule::Fraction(0.1), 30, 3);
        case(QuotaRule::Fraction(1.0), 11, 11);
        // Regression: a tiny fraction rounded to 0 seats, so every coalition won.
        case(QuotaRule::Fraction(1e-12), 11, 1);
    }

    #[test]
    fn quota_descriptions_stay_short() {
        assert_eq!(QuotaRule::Fraction(0.6).describe(), "0.6");
        assert_eq!(QuotaRule::Fraction(1e-300).describe(), "1e-300");
        assert_eq!(QuotaRule::Seats(7).describe(), "7");
        assert_eq!(QuotaRule::TwoThirds.describe(), "two-thirds");
    }
}
