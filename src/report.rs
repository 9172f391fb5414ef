//! The report: plain, serialisable data that every renderer reads.
//!
//! The JSON form is the contract of DESIGN.md ("JSON output"): `format` 1,
//! `partnership`, `bodies` (file order) with `composite`, `shares` and
//! `voting`, `indices` keyed by `composite` and then each dimension present,
//! `dependence` dyads, and `findings`. Fields may be added; none is renamed
//! or removed without a new `format`.

use serde::{Serialize, Serializer, ser::SerializeMap};

use crate::findings::Finding;
use crate::inequality::Inequality;
use crate::partnership::{How, Outcome, Sector};

/// The JSON contract version.
pub const REPORT_FORMAT: u32 = 1;

/// An ordered map: serialised as a JSON object with keys in this order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ordered<V>(pub Vec<(&'static str, V)>);

impl<V> Ordered<V> {
    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The whole report of one partnership.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    pub format: u32,
    /// What the file describes.
    pub partnership: Info,
    /// One entry per body, in file order.
    pub bodies: Vec<BodyReport>,
    /// Every dimension: present with its weight, or absent with the reason.
    pub dimensions: Vec<DimensionStatus>,
    /// Inequality of the composite and of each present dimension.
    pub indices: Ordered<Inequality>,
    /// The board and its rule, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<BoardReport>,
    /// Every ordered pair with D(of on on) > 0, `of` then `on` in file order.
    pub dependence: Vec<Dyad>,
    /// How decisions were taken, when any are recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<DecisionSummary>,
    /// Findings, most severe first, then in code order.
    pub findings: Vec<Finding>,
    /// Informal ties, one per pair of bodies with any contact, in file order
    /// of the pair (added in format 1; absent when no contact is recorded).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Tie>,
    /// The recorded history between pairs of partners, in file order
    /// (added in format 1; absent when none is recorded).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<RelationshipReport>,
    /// Designs of the board that would share voting power more evenly, for
    /// the markdown and HTML reports; `None` unless filled in with
    /// [`crate::rebalance::suggest::suggest`] (`score` leaves it out: it is
    /// a search, not a measure). Not part of the JSON contract.
    #[serde(skip)]
    pub redesign: Option<crate::rebalance::suggest::Suggestion>,
}

/// `partnership` in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Info {
    /// Name (or "unnamed partnership").
    pub name: String,
    /// Period, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Currency, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Whether a dimension entered the composite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionStatus {
    /// Dimension name.
    pub name: &'static str,
    /// Whether it has data and mass.
    pub present: bool,
    /// Its weight in the composite.
    pub weight: f64,
    /// Why it is absent, or how it was computed when that needs saying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One body's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyReport {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Sector, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Composite share; `null` when no dimension has data.
    pub composite: Option<f64>,
    /// Share per present dimension.
    pub shares: Ordered<f64>,
    /// Voting power, when there is a board.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voting: Option<BodyVoting>,
    /// Dependence totals, when dependence is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependence: Option<BodyDependence>,
    /// Informal network position, when contacts are recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<BodyNetwork>,
    /// Agenda record, when decisions are recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<BodyAgenda>,
    /// Perceived influence, when perceptions are recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perceived: Option<BodyPerceived>,
}

/// A body's voting power (all zero for a body without seats).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyVoting {
    /// Seats.
    pub seats: u64,
    /// Seats / total seats.
    pub seat_share: f64,
    /// Normalised Banzhaf.
    pub banzhaf: Option<f64>,
    /// Penrose (absolute) Banzhaf.
    pub banzhaf_absolute: Option<f64>,
    /// Shapley-Shubik.
    pub shapley_shubik: Option<f64>,
    /// Holler public good index.
    pub holler: Option<f64>,
    /// Deegan-Packel.
    pub deegan_packel: Option<f64>,
    /// Johnston.
    pub johnston: Option<f64>,
    /// Coleman power to prevent action.
    pub coleman_prevent: Option<f64>,
    /// Coleman power to initiate action.
    pub coleman_initiate: Option<f64>,
    /// Number of swings.
    pub swings: Option<u64>,
    /// Can block every decision alone.
    pub veto: bool,
    /// Can decide alone.
    pub dictator: bool,
    /// Has seats and no power.
    pub dummy: bool,
}

/// A body's dependence totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyDependence {
    /// Sum over j of D(this on j).
    pub on_others: f64,
    /// Sum over j of D(j on this).
    pub of_others: f64,
}

/// A body's place in the informal network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyNetwork {
    /// Weighted degree.
    pub strength: f64,
    /// Number of partners it has informal ties with.
    pub ties: usize,
    /// Normalised betweenness, 0..=1.
    pub betweenness: f64,
}

/// A body's record in the decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyAgenda {
    /// Decisions it proposed.
    pub proposed: usize,
    /// Of those, adopted.
    pub adopted: usize,
}

/// How a body is seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyPerceived {
    /// Its rating of its own influence.
    pub self_rating: Option<f64>,
    /// The mean rating the other raters gave it.
    pub others_mean: Option<f64>,
    /// How many other raters rated it.
    pub raters: usize,
}

/// The board's rule and coalition counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardReport {
    /// Total seats.
    pub total_seats: u64,
    /// Quota in seats.
    pub quota: u64,
    /// The quota as written.
    pub rule: String,
    /// Veto bodies (ids).
    pub veto: Vec<String>,
    /// Double majority.
    pub also_majority_of_bodies: bool,
    /// Chair id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Which index the voting dimension uses.
    pub index: &'static str,
    /// Number of winning coalitions of the bodies with seats.
    pub winning_coalitions: Option<u64>,
    /// Number of minimal winning coalitions.
    pub minimal_winning_coalitions: Option<u64>,
    /// Why voting power could not be computed, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the power was computed (not part of the JSON contract: the note
    /// says it in words). `check` decides from it which voting rules it can
    /// judge.
    #[serde(skip)]
    pub power: PowerBasis,
}

/// How a board's voting power was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PowerBasis {
    /// Not computed (no seats, or the engine refused the rule).
    #[default]
    None,
    /// Computed exactly (enumeration or an exact counting method).
    Exact,
    /// Estimated by Monte Carlo sampling.
    Estimated,
}

/// Dependence of one body on another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dyad {
    /// The dependent body.
    pub of: String,
    /// The body depended on.
    pub on: String,
    /// D(of on on), capped at 1.
    pub share: f64,
    /// The part from funding: funding from `on` to `of` / income of `of`.
    pub funding: f64,
    /// The part stated in `[[dependence]]`.
    pub stated: f64,
    /// Power advantage of `on` over `of`: D(of on on) - D(on on of).
    pub power_advantage: f64,
    /// Mutual dependence: D(of on on) + D(on on of).
    pub mutual: f64,
}

/// An informal tie between two bodies: every `[[contact]]` of the pair added up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    /// The two bodies (ids), the one first in the file first.
    pub between: [String; 2],
    /// Sum of the frequency weights (daily 5, weekly 4, monthly 3, quarterly 2, rarely 1).
    pub weight: f64,
    /// Number of `[[contact]]` entries for the pair.
    pub contacts: usize,
}

/// The history between two partners, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipReport {
    /// The two bodies (ids), as written in the file.
    pub between: [String; 2],
    /// -2 (long mistrust) ..= 2 (long, positive history).
    pub trust: i64,
}

/// One recorded decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRecord {
    /// Title, as written.
    pub title: String,
    /// Proposer (id), when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<String>,
    /// adopted | rejected | deferred.
    pub outcome: Outcome,
    /// consensus | vote | chair | outside-meeting.
    pub how: How,
    /// Date, free text, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// How decisions were taken.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionSummary {
    /// Decisions recorded.
    pub total: usize,
    /// Adopted.
    pub adopted: usize,
    /// Rejected.
    pub rejected: usize,
    /// Deferred.
    pub deferred: usize,
    /// Count per way of deciding (consensus, vote, chair, outside-meeting).
    pub how: Ordered<usize>,
    /// Every decision, in file order (added in format 1).
    pub record: Vec<DecisionRecord>,
}
