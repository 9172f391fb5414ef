//! The report: plain, serialisable data that every renderer reads.
//!
//! The JSON form is the contract of DESIGN.md ("JSON output"): `format` 1,
//! `partnership`, `bodies` (file order) with `composite`, `shares` and
//! `voting`, `indices` keyed by `composite` and then each dimension present,
//! `dependence` dyads, and `findings`. Fields may be added; none is renamed
//! or removed without a new `format`.

use serde::Serialize;

use crate::findings::{self, Finding};
use crate::measures::board::{BoardReport, BodyVoting};
use crate::measures::inequality::{Inequality, inequality};
use crate::measures::perceived::BodyPerceived;
use crate::measures::robust::range;
use crate::measures::survey::Survey;
use crate::measures::{IndexTables, Measures, ScoreOptions, largest, measure};
use crate::model::{
    Dimension, FindingCode, How, Ordered, Outcome, Partnership, RelationshipKind, Sector,
};

/// The JSON contract version.
pub const REPORT_FORMAT: u32 = 1;

/// The whole report of one partnership.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    pub format: u32,
    /// `powershare X.Y.Z` ([`crate::model::GENERATOR`]).
    pub generator: &'static str,
    /// What the file describes.
    pub partnership: Info,
    /// One entry per body, in file order.
    pub bodies: Vec<BodyReport>,
    /// Every dimension: present with its weight, or absent with the reason.
    pub dimensions: Vec<DimensionStatus>,
    /// `"programme"` when the weights were set by the caller (a programme
    /// policy's `[weights]` or `lock_weights`, [`ScoreOptions::weights`])
    /// instead of the file's own `[weights]`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights_set_by: Option<&'static str>,
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
    /// The partners' own view (added in format 1; present when the file
    /// has any `[[response]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey: Option<Survey>,
    /// Whether the `symbolic-partnership` verdict, found or not, is the same
    /// at every vertex weighting (each dimension's weight halved or
    /// doubled); `None` without a composite. Not in the JSON, where the
    /// finding carries it as `robust`; `check` gives it on
    /// `deny symbolic-partnership`.
    #[serde(skip)]
    pub symbolic_robust: Option<bool>,
}

impl Report {
    /// The body with the largest composite share (first in file order on a
    /// tie); `None` when no dimension has data.
    pub fn top_body(&self) -> Option<usize> {
        let composite: Option<Vec<f64>> = self.bodies.iter().map(|b| b.composite).collect();
        largest(composite?)
    }
}

/// `partnership` in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Info {
    /// The partnership's id, when the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
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

/// The history between two partners, or their competition, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipReport {
    /// The two bodies (ids), as written in the file.
    pub between: [String; 2],
    /// `history` or `competitors` (added in format 1).
    pub kind: RelationshipKind,
    /// -2 (long mistrust) ..= 2 (long, positive history); absent for
    /// competitors recorded without a trust.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust: Option<i64>,
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

/// Score a partnership.
pub fn score(p: &Partnership, options: ScoreOptions) -> Report {
    let m = measure(p, options);
    let findings = findings::find(&m);
    let mut report = shape(&m, findings);
    let fires = report
        .findings
        .iter()
        .any(|f| f.code == FindingCode::SymbolicPartnership);
    report.symbolic_robust = findings::robust::symbolic_robust(&m, &report.findings, fires);
    report
}

fn shape(m: &Measures, findings: Vec<findings::Finding>) -> Report {
    let p = m.partnership;
    let mut dimensions = Vec::new();
    for d in Dimension::ALL {
        let present = m.shares.iter().any(|(x, _)| *x == d);
        let note = if present {
            match d {
                Dimension::Voting => Some(format!(
                    "{} index of the board rule",
                    m.options.voting_index.name()
                )),
                _ if m.from_survey.contains(&d) => Some(format!(
                    "from the survey: the mean {} rating each partner got from the respondents of the other partners (no body declares {})",
                    d.name(),
                    d.name()
                )),
                _ => None,
            }
        } else {
            Some(m.absence(d))
        };
        dimensions.push(DimensionStatus {
            name: d.name(),
            present,
            weight: m.weights().of(d),
            note,
        });
    }
    let mut indices = Vec::new();
    if let Some(c) = &m.composite {
        indices.push(("composite", composite_inequality(m, c)));
    }
    if m.options.tables == IndexTables::Every {
        for (d, s) in &m.shares {
            indices.push((d.name(), inequality(s)));
        }
    }
    let bodies = p
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| BodyReport {
            id: b.id.clone(),
            name: b.name.clone(),
            sector: b.sector,
            composite: m.composite.as_ref().map(|c| c[i]),
            shares: Ordered(m.shares.iter().map(|(d, s)| (d.name(), s[i])).collect()),
            voting: m.board.as_ref().map(|bp| bp.body(p, i)),
            dependence: m.dependence.as_ref().map(|d| BodyDependence {
                on_others: d.on_others(i),
                of_others: d.of_others(i),
            }),
            network: m.network.as_ref().map(|n| BodyNetwork {
                strength: n.strength[i],
                ties: n.ties[i],
                betweenness: n.betweenness[i],
            }),
            agenda: (!p.decisions.is_empty()).then(|| BodyAgenda {
                proposed: p
                    .decisions
                    .iter()
                    .filter(|d| d.proposed_by == Some(i))
                    .count(),
                adopted: p
                    .decisions
                    .iter()
                    .filter(|d| d.proposed_by == Some(i) && d.outcome == Outcome::Adopted)
                    .count(),
            }),
            perceived: m.perceived.as_ref().map(|v| v[i].clone()),
        })
        .collect();
    let mut dependence = Vec::new();
    if let Some(d) = &m.dependence {
        for i in 0..p.bodies.len() {
            for j in 0..p.bodies.len() {
                if d.d[i][j] > 0.0 {
                    dependence.push(Dyad {
                        of: p.bodies[i].id.clone(),
                        on: p.bodies[j].id.clone(),
                        share: d.d[i][j],
                        funding: d.funding[i][j],
                        stated: d.stated[i][j],
                        power_advantage: d.power_advantage(j, i),
                        mutual: d.mutual(i, j),
                    });
                }
            }
        }
    }
    let decisions = (!p.decisions.is_empty()).then(|| {
        let count = |o: Outcome| p.decisions.iter().filter(|d| d.outcome == o).count();
        DecisionSummary {
            total: p.decisions.len(),
            adopted: count(Outcome::Adopted),
            rejected: count(Outcome::Rejected),
            deferred: count(Outcome::Deferred),
            how: Ordered(
                How::ALL
                    .iter()
                    .map(|&h| (h.name(), p.decisions.iter().filter(|d| d.how == h).count()))
                    .collect(),
            ),
            record: p
                .decisions
                .iter()
                .map(|d| DecisionRecord {
                    title: d.title.clone(),
                    proposed_by: d.proposed_by.map(|i| p.bodies[i].id.clone()),
                    outcome: d.outcome,
                    how: d.how,
                    date: d.date.clone(),
                })
                .collect(),
        }
    });
    Report {
        format: REPORT_FORMAT,
        generator: crate::model::GENERATOR,
        partnership: Info {
            id: p.id.clone(),
            name: p.display_name().to_string(),
            period: p.period.clone(),
            currency: p.currency.clone(),
        },
        bodies,
        dimensions,
        weights_set_by: m.options.weights.map(|_| "programme"),
        indices: Ordered(indices),
        board: m
            .board
            .as_ref()
            .map(|b| b.report(p, m.options.voting_index)),
        dependence,
        decisions,
        findings,
        ties: ties(p),
        relationships: p
            .relationships
            .iter()
            .map(|r| RelationshipReport {
                between: r.between.map(|i| p.bodies[i].id.clone()),
                kind: r.kind,
                trust: r.trust,
            })
            .collect(),
        survey: m.survey.clone(),
        symbolic_robust: None,
    }
}

/// The indices of the composite, with the ranges of its Gini and top share
/// over the vertex weightings (the file's own weights included).
fn composite_inequality(m: &Measures, c: &[f64]) -> Inequality {
    let mut ineq = inequality(c);
    ineq.top_share_range = ineq
        .top_share
        .and_then(|top| range(std::iter::once(top).chain(m.vertices.iter().map(|v| v.top_share))));
    ineq.gini_range = ineq.gini.and_then(|gini| {
        range(std::iter::once(gini).chain(m.vertices.iter().filter_map(|v| v.gini)))
    });
    ineq
}

/// One [`Tie`] per pair with any contact: weights and entries added up,
/// pairs ordered by their first body and then their second, in file order.
fn ties(p: &Partnership) -> Vec<Tie> {
    let mut pairs: Vec<((usize, usize), f64, usize)> = Vec::new();
    for c in &p.contacts {
        let [a, b] = c.between;
        let key = (a.min(b), a.max(b));
        match pairs.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, weight, count)) => {
                *weight += c.frequency.weight();
                *count += 1;
            }
            None => pairs.push((key, c.frequency.weight(), 1)),
        }
    }
    pairs.sort_by_key(|(k, _, _)| *k);
    pairs
        .into_iter()
        .map(|((a, b), weight, contacts)| Tie {
            between: [p.bodies[a].id.clone(), p.bodies[b].id.clone()],
            weight,
            contacts,
        })
        .collect()
}
