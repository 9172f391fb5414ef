//! The raw input format (version 1), exactly as deserialised from TOML.
//!
//! These types are never scored: [`crate::load`] checks them and builds a
//! [`crate::Partnership`]. Every value that a validation error may point at
//! is wrapped in [`Spanned`] so the error can name its line and column.
//!
//! They also derive the JSON Schema of the format ([`crate::load::schema`]); the
//! doc comments of the fields are the descriptions editors show.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::model::{Driver, Frequency, FundingKind, How, Outcome, RelationshipKind, Sector, Topic};

/// `[partnership]`: what the partnership is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawInfo {
    /// A stable id for the partnership, a slug: files with the same id (or, without one, the same name) and different periods are one series in `powershare programme`.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub id: Option<Spanned<String>>,
    /// Name.
    pub name: Option<String>,
    /// Period, free text.
    pub period: Option<String>,
    /// Currency, free text.
    pub currency: Option<String>,
    /// The accountable (host) body's id: it holds the budget, employs the staff, runs the secretariat.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub host: Option<Spanned<String>>,
}

/// `[[body]]`: one collaborating body.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBody {
    /// Unique id, a slug: a lower-case letter or digit, then lower-case letters, digits, `-` or `_`.
    #[schemars(with = "crate::load::schema::Slug")]
    pub id: Spanned<String>,
    /// Display name.
    pub name: Option<String>,
    /// Sector.
    pub sector: Option<Sector>,
    /// Annual income in the file's currency, >= 0. Once given for any body, give it for every body.
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub income: Option<Spanned<f64>>,
    /// Staff, full-time equivalent, >= 0. Once given for any body, give it for every body.
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub staff: Option<Spanned<f64>>,
    /// Cash and in-kind committed to this partnership, >= 0. Once given for any body, give it for every body.
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub contribution: Option<Spanned<f64>>,
    /// Expertise ratings 0..=5 per domain, e.g. `{ statutory = 5, local-knowledge = 2 }`.
    #[schemars(with = "Option<BTreeMap<String, crate::load::schema::Rating>>")]
    pub expertise: Option<BTreeMap<String, Spanned<f64>>>,
    /// Importance or standing, rated 0..=5. Once given for any body, give it for every body.
    #[schemars(with = "Option<crate::load::schema::Rating>")]
    pub position: Option<Spanned<f64>>,
    /// Votes on the partnership board, >= 0; a body without seats is not on the board.
    #[schemars(with = "Option<crate::load::schema::Seats>")]
    pub seats: Option<Spanned<i64>>,
}

/// `[board]`: the formal decision rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBoard {
    /// A coalition wins with at least Q of the T seats: "majority" (floor(T/2) + 1), "two-thirds" (ceil(2T/3)), "unanimity" (T), a whole number of seats from 1 to T, or a fraction f in (0, 1] (ceil(f T)). Default: "majority".
    #[serde(default)]
    #[schemars(schema_with = "crate::load::schema::quota_schema")]
    pub quota: Option<Spanned<toml::Value>>,
    /// Bodies whose yes every decision needs (each must have seats).
    #[serde(default)]
    #[schemars(with = "Vec<crate::load::schema::Slug>")]
    pub veto: Vec<Spanned<String>>,
    /// Double majority: a decision also needs more than half of the bodies with seats.
    #[serde(default)]
    pub also_majority_of_bodies: bool,
    /// The chair's body id.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub chair: Option<Spanned<String>>,
    /// The chair breaks ties: a coalition holding exactly half the seats wins when it includes the chair. Needs quota "majority" and a chair with seats.
    #[schemars(with = "Option<bool>")]
    pub casting_vote: Option<Spanned<bool>>,
}

/// `[[funding]]`: money from one partner to another.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFunding {
    /// The paying body's id.
    #[schemars(with = "crate::load::schema::Slug")]
    pub from: Spanned<String>,
    /// The receiving body's id.
    #[schemars(with = "crate::load::schema::Slug")]
    pub to: Spanned<String>,
    /// Amount a year, >= 0; what a body receives cannot exceed its income.
    #[schemars(with = "crate::load::schema::Amount")]
    pub amount: Spanned<f64>,
    /// Kind.
    pub kind: Option<FundingKind>,
}

/// `[[dependence]]`: non-financial dependence, stated directly.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDependence {
    /// The dependent body's id.
    #[schemars(with = "crate::load::schema::Slug")]
    pub of: Spanned<String>,
    /// The id of the body depended on.
    #[schemars(with = "crate::load::schema::Slug")]
    pub on: Spanned<String>,
    /// 0..=1: how much of what `of` needs comes through `on`.
    #[schemars(with = "crate::load::schema::Unit")]
    pub share: Spanned<f64>,
    /// What flows.
    pub what: Option<String>,
}

/// `[[contact]]`: an informal tie outside formal meetings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// The ids of the two bodies.
    #[schemars(with = "Vec<crate::load::schema::Slug>", length(min = 2, max = 2))]
    pub between: Spanned<Vec<Spanned<String>>>,
    /// How often they deal informally (monthly when not given).
    pub frequency: Option<Frequency>,
}

/// `[[decision]]`: one recorded decision.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    /// What was decided.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The proposing body's id.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub proposed_by: Option<Spanned<String>>,
    /// Outcome.
    pub outcome: Outcome,
    /// How it was taken.
    pub how: How,
    /// Ids of the bodies that supported it.
    #[serde(default)]
    #[schemars(with = "Vec<crate::load::schema::Slug>")]
    pub supported: Vec<Spanned<String>>,
    /// Ids of the bodies that opposed it.
    #[serde(default)]
    #[schemars(with = "Vec<crate::load::schema::Slug>")]
    pub opposed: Vec<Spanned<String>>,
    /// Date, free text.
    pub date: Option<String>,
    /// What it was about: priorities, governance (who decides: seats, chair, budget), funding, delivery or other.
    pub topic: Option<Topic>,
    /// What the proposal answered to: government-policy, funder, partners, service-users or other.
    pub driver: Option<Driver>,
}

/// `[[perception]]`: one partner's rating of everyone's influence.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerception {
    /// The rating body's id.
    #[schemars(with = "crate::load::schema::Slug")]
    pub rater: Spanned<String>,
    /// Influence ratings 0..=5 by body id, e.g. `{ council = 5, cvs = 2 }`.
    #[schemars(with = "BTreeMap<String, crate::load::schema::Rating>")]
    pub influence: BTreeMap<String, Spanned<f64>>,
}

/// `[[relationship]]`: history between two partners, or their competition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRelationship {
    /// The ids of the two bodies.
    #[schemars(with = "Vec<crate::load::schema::Slug>", length(min = 2, max = 2))]
    pub between: Spanned<Vec<Spanned<String>>>,
    /// history (the default): their history of working together; competitors: they bid for the same contracts or funds. A pair may have one entry of each kind.
    #[schemars(with = "Option<RelationshipKind>")]
    pub kind: Option<Spanned<RelationshipKind>>,
    /// -2 (long mistrust) ..= 2 (long, positive history). Required for a history, optional for competitors; give it on one entry of a pair.
    #[schemars(with = "Option<crate::load::schema::Trust>")]
    pub trust: Option<Spanned<i64>>,
}

/// `[weights]`: composite weight per dimension, >= 0 (1 when not given).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawWeights {
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub resources: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub expertise: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub position: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub voting: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub dependence: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub network: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub agenda: Option<Spanned<f64>>,
    #[schemars(with = "Option<crate::load::schema::Amount>")]
    pub perceived: Option<Spanned<f64>>,
}

/// `[policy]`: thresholds that `powershare check` enforces.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    /// `check` fails when the Gini of the composite shares is above this (0..=1).
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub max_composite_gini: Option<Spanned<f64>>,
    /// `check` fails when the normalised Gini of the composite shares (Gini x n/(n-1), comparable across sizes) is above this (0..=1).
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub max_normalised_gini: Option<Spanned<f64>>,
    /// `check` fails when one body's composite share is above this (0..=1).
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub max_top_share: Option<Spanned<f64>>,
    /// `check` fails when a body depends on another (funding / income + stated share) above this (0..=1); also the limit of the funding-dependence finding.
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub max_dependence: Option<Spanned<f64>>,
    /// Margin for the power-seat-gap finding: voting power and seat share differ by more than this (0..=1).
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub power_seat_gap: Option<Spanned<f64>>,
    /// Least agreement of the partners on influence (Krippendorff's alpha, 0..=1) before the views-diverge finding (default 0.4).
    #[schemars(with = "Option<crate::load::schema::Unit>")]
    pub min_agreement: Option<Spanned<f64>>,
    /// Largest gap, in rating points (0..=5), between a partner's own respondents' view of its influence and the others' view before the self-image-gap finding (default 1.5).
    #[schemars(with = "Option<crate::load::schema::Rating>")]
    pub max_self_gap: Option<Spanned<f64>>,
    /// Finding codes that make `check` fail.
    #[serde(default)]
    #[schemars(with = "Vec<crate::load::schema::CodeName>")]
    pub deny: Vec<Spanned<String>>,
}

/// `[survey]`: how the `[[response]]` tables are shown.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    /// A partner's own respondents are shown as a group only from this many (a whole number from 1 to 1000; default 3).
    #[schemars(with = "Option<crate::load::schema::MinGroup>")]
    pub min_group: Option<Spanned<f64>>,
}

/// `[[response]]`: what one person answered in the partners' questionnaire. Every key is optional; a missing answer is no answer, never zero.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    /// The file keeper's reference, unique, at most 64 characters. Never printed in any output.
    #[schemars(with = "Option<crate::load::schema::ResponseId>")]
    pub id: Option<Spanned<toml::Value>>,
    /// The respondent's own organisation (a body id); leave out for someone who is not a partner, e.g. an independent chair.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub body: Option<Spanned<String>>,
    /// 0..=5 by body id: how much say each partner has over what the partnership decides.
    #[schemars(with = "Option<BTreeMap<String, crate::load::schema::Answer05>>")]
    pub influence: Option<BTreeMap<String, Spanned<f64>>>,
    /// 0..=5 by body id: how much each partner's knowledge counts in discussions.
    #[schemars(with = "Option<BTreeMap<String, crate::load::schema::Answer05>>")]
    pub expertise: Option<BTreeMap<String, Spanned<f64>>>,
    /// 0..=5 by body id: each partner's importance or standing.
    #[schemars(with = "Option<BTreeMap<String, crate::load::schema::Answer05>>")]
    pub position: Option<BTreeMap<String, Spanned<f64>>>,
    /// -2..=2 by body id: the history between the respondent's organisation and each other partner (needs `body`; not the respondent's own body).
    #[schemars(with = "Option<BTreeMap<String, crate::load::schema::Trust>>")]
    pub trust: Option<BTreeMap<String, Spanned<f64>>>,
    /// 0..=4: how often are the real decisions made outside the formal meetings? 0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always.
    #[schemars(with = "Option<crate::load::schema::Answer04>")]
    pub outside_meetings: Option<Spanned<f64>>,
    /// When decisions are made outside the meetings, is the respondent's organisation part of them?
    pub included_outside: Option<bool>,
    /// 1..=5: when the partnership agrees by consensus, does it reflect the most powerful partner's view (1) or all partners' views (5)?
    #[schemars(with = "Option<crate::load::schema::Answer15>")]
    pub consensus_reflects: Option<Spanned<f64>>,
    /// 1..=5: could the respondent's organisation disagree openly with the partnership's main funder without risk? 1 not at all, 5 completely.
    #[schemars(with = "Option<crate::load::schema::Answer15>")]
    pub free_to_disagree: Option<Spanned<f64>>,
    /// The partner (a body id) that, in practice, sets the partnership's priorities.
    #[schemars(with = "Option<crate::load::schema::Slug>")]
    pub priorities_set_by: Option<Spanned<String>>,
}

/// A partnership file, format version 1.
// Used only to derive the JSON Schema: the loader reads each table on its
// own so that one bad table does not hide the problems in the others.
#[derive(Debug, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "powershare partnership file (format 1)")]
pub struct InputFile {
    /// The format version: 1, the only version so far.
    #[schemars(range(min = 1, max = 1))]
    pub format: Option<u32>,
    /// What the partnership is.
    pub partnership: Option<RawInfo>,
    /// The collaborating bodies: at least one.
    #[schemars(length(min = 1))]
    pub body: Vec<RawBody>,
    /// The formal decision rule; absent = a simple majority of seats.
    pub board: Option<RawBoard>,
    /// Money from one partner to another.
    #[serde(default)]
    pub funding: Vec<RawFunding>,
    /// Non-financial dependence, stated directly.
    #[serde(default)]
    pub dependence: Vec<RawDependence>,
    /// Informal ties outside formal meetings.
    #[serde(default)]
    pub contact: Vec<RawContact>,
    /// The record of what was decided, and how.
    #[serde(default)]
    pub decision: Vec<RawDecision>,
    /// Each partner's rating of everyone's influence.
    #[serde(default)]
    pub perception: Vec<RawPerception>,
    /// History between two partners.
    #[serde(default)]
    pub relationship: Vec<RawRelationship>,
    /// Composite weight per dimension, >= 0; 1 when not given.
    pub weights: Option<RawWeights>,
    /// Thresholds that `powershare check` enforces.
    pub policy: Option<RawPolicy>,
    /// How the survey responses are shown.
    pub survey: Option<RawSurvey>,
    /// The partners' questionnaire: one table per person who answered.
    #[serde(default)]
    pub response: Vec<RawResponse>,
}
