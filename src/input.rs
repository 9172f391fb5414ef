//! The raw input format (version 1), exactly as deserialised from TOML.
//!
//! These types are never scored: [`crate::load`] checks them and builds a
//! [`crate::Partnership`]. Every value that a validation error may point at
//! is wrapped in [`Spanned`] so the error can name its line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::partnership::{Frequency, FundingKind, How, Outcome, Sector};

/// `[partnership]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInfo {
    /// Name.
    pub name: Option<String>,
    /// Period, free text.
    pub period: Option<String>,
    /// Currency, free text.
    pub currency: Option<String>,
}

/// `[[body]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBody {
    /// Slug id.
    pub id: Spanned<String>,
    /// Display name.
    pub name: Option<String>,
    /// Sector.
    pub sector: Option<Sector>,
    /// Annual income.
    pub income: Option<Spanned<f64>>,
    /// Staff FTE.
    pub staff: Option<Spanned<f64>>,
    /// Contribution to the partnership.
    pub contribution: Option<Spanned<f64>>,
    /// Ratings per domain.
    pub expertise: Option<BTreeMap<String, Spanned<f64>>>,
    /// Standing rating.
    pub position: Option<Spanned<f64>>,
    /// Board seats.
    pub seats: Option<Spanned<i64>>,
}

/// `[board]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoard {
    /// Quota as written: a string, an integer or a fraction.
    pub quota: Option<Spanned<toml::Value>>,
    /// Veto bodies.
    #[serde(default)]
    pub veto: Vec<Spanned<String>>,
    /// Double majority.
    #[serde(default)]
    pub also_majority_of_bodies: bool,
    /// Chair.
    pub chair: Option<Spanned<String>>,
}

/// `[[funding]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFunding {
    /// Payer.
    pub from: Spanned<String>,
    /// Receiver.
    pub to: Spanned<String>,
    /// Amount.
    pub amount: Spanned<f64>,
    /// Kind.
    pub kind: Option<FundingKind>,
}

/// `[[dependence]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDependence {
    /// Dependent body.
    pub of: Spanned<String>,
    /// Body depended on.
    pub on: Spanned<String>,
    /// Share 0..=1.
    pub share: Spanned<f64>,
    /// What flows.
    pub what: Option<String>,
}

/// `[[contact]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// The two bodies.
    pub between: Spanned<Vec<Spanned<String>>>,
    /// Frequency.
    pub frequency: Option<Frequency>,
}

/// `[[decision]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    /// Title.
    pub title: Spanned<String>,
    /// Proposer.
    pub proposed_by: Option<Spanned<String>>,
    /// Outcome.
    pub outcome: Outcome,
    /// How it was taken.
    pub how: How,
    /// Supporters.
    #[serde(default)]
    pub supported: Vec<Spanned<String>>,
    /// Opponents.
    #[serde(default)]
    pub opposed: Vec<Spanned<String>>,
    /// Date, free text.
    pub date: Option<String>,
}

/// `[[perception]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerception {
    /// Rater.
    pub rater: Spanned<String>,
    /// Ratings by body id.
    pub influence: BTreeMap<String, Spanned<f64>>,
}

/// `[[relationship]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelationship {
    /// The two bodies.
    pub between: Spanned<Vec<Spanned<String>>>,
    /// Trust -2..=2.
    pub trust: Spanned<i64>,
}

/// `[weights]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawWeights {
    pub resources: Option<Spanned<f64>>,
    pub expertise: Option<Spanned<f64>>,
    pub position: Option<Spanned<f64>>,
    pub voting: Option<Spanned<f64>>,
    pub dependence: Option<Spanned<f64>>,
    pub network: Option<Spanned<f64>>,
    pub agenda: Option<Spanned<f64>>,
    pub perceived: Option<Spanned<f64>>,
}

/// `[policy]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    /// Largest allowed composite Gini.
    pub max_composite_gini: Option<Spanned<f64>>,
    /// Largest allowed top share.
    pub max_top_share: Option<Spanned<f64>>,
    /// Largest allowed dependence.
    pub max_dependence: Option<Spanned<f64>>,
    /// Margin for power-seat-gap.
    pub power_seat_gap: Option<Spanned<f64>>,
    /// Finding codes that fail `check`.
    #[serde(default)]
    pub deny: Vec<Spanned<String>>,
}
