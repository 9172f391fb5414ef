//! Measures: from a validated [`Partnership`] to every share and index
//! that findings and the report read.
//!
//! Each dimension gives every body a share (summing to 1) or is absent with
//! a reason; the composite is the weighted mean of the present dimensions;
//! the inequality indices are computed on the composite and on each
//! dimension; findings read all of it.

pub mod board;
pub mod dependence;
pub mod inequality;
pub mod krippendorff;
pub mod network;
pub mod perceived;
pub mod random;
pub mod robust;
pub mod survey;
pub mod voting;

use crate::model::{Dimension, Outcome, Partnership, Thresholds, WeightSet};
use board::BoardPower;
use dependence::DependenceMatrix;
use network::Network;
use perceived::{BodyPerceived, perceived};
use voting::VotingIndex;

/// Choices that change the scores; passed in, never written into the
/// partnership being scored.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScoreOptions {
    /// The index behind the voting dimension.
    pub voting_index: VotingIndex,
    /// The thresholds the findings use, when a caller sets them (`check`
    /// with a programme policy or flags); `None`: the file's own `[policy]`.
    pub thresholds: Option<Thresholds>,
    /// The composite weights, when a caller sets them (a programme policy's
    /// `[weights]` or `lock_weights`): they replace the file's own
    /// `[weights]` entirely (a dimension they do not name weighs 1).
    /// `None`: the file's own.
    pub weights: Option<WeightSet>,
    /// Which voting-power indices to compute: every one (a report shows
    /// them all) or only the one behind the composite (what `check`,
    /// `diff`, `whatif` and a programme overview read).
    pub detail: VotingDetail,
    /// Which inequality tables the report carries: every dimension's (a
    /// report, a diff) or the composite's only (what `check` and a
    /// programme overview read).
    pub tables: IndexTables,
}

/// Which inequality tables a caller needs ([`ScoreOptions::tables`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IndexTables {
    /// The composite's and every present dimension's.
    #[default]
    Every,
    /// The composite's only: `Report::indices` holds no dimension's table.
    Composite,
}

/// How much of the voting power a caller needs ([`ScoreOptions::detail`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VotingDetail {
    /// Every index of [`voting::Index::ALL`].
    #[default]
    Every,
    /// Only what the composite and the findings read: the swing-based
    /// indices (Banzhaf, Penrose, Coleman, the flags), plus
    /// Shapley-Shubik when it is the voting index. The others are `null`.
    Composite,
}

impl ScoreOptions {
    /// The voting-power indices these options compute.
    pub fn indices(&self) -> Vec<voting::Index> {
        match self.detail {
            VotingDetail::Every => voting::Index::ALL.to_vec(),
            VotingDetail::Composite => match self.voting_index {
                VotingIndex::Banzhaf => vec![voting::Index::Banzhaf],
                VotingIndex::ShapleyShubik => {
                    vec![voting::Index::Banzhaf, voting::Index::ShapleyShubik]
                }
            },
        }
    }
}

/// Everything measured, before it is shaped into a report; findings read this.
#[derive(Debug)]
pub struct Measures<'p> {
    /// The partnership.
    pub partnership: &'p Partnership,
    /// Options used.
    pub options: ScoreOptions,
    /// Shares per present dimension, in [`Dimension::ALL`] order.
    pub shares: Vec<(Dimension, Vec<f64>)>,
    /// Composite share per body, when any dimension is present.
    pub composite: Option<Vec<f64>>,
    /// Voting power, when there is a board.
    pub board: Option<BoardPower>,
    /// Dependence, when recorded.
    pub dependence: Option<DependenceMatrix>,
    /// Network, when recorded.
    pub network: Option<Network>,
    /// Perceived influence per body.
    pub perceived: Option<Vec<BodyPerceived>>,
    /// The partners' survey, when the file has any `[[response]]`.
    pub survey: Option<survey::Survey>,
    /// The dimensions taken from the survey because no body declares them
    /// (expertise, position).
    pub from_survey: Vec<Dimension>,
    /// The composite's Gini and top share at the vertex weightings (each
    /// dimension's weight halved or doubled), for the robustness of the
    /// verdicts on it; see [`robust`].
    pub vertices: Vec<robust::Vertex>,
}

impl Measures<'_> {
    /// The thresholds the findings use: the options', else the file's.
    pub fn thresholds(&self) -> Thresholds {
        self.options
            .thresholds
            .unwrap_or_else(|| self.partnership.policy.thresholds())
    }

    /// The composite weights: the options', else the file's.
    pub fn weights(&self) -> WeightSet {
        weights(self.partnership, &self.options)
    }

    /// The body with the largest composite share (first in file order on a tie).
    pub fn top_body(&self) -> Option<usize> {
        largest(self.composite.as_ref()?.iter().copied())
    }
}

/// The position of the largest value, the first on a tie; `None` when
/// there is none. The one definition of "the top body" for the measures
/// and the report.
pub fn largest(values: impl IntoIterator<Item = f64>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, x) in values.into_iter().enumerate() {
        if best.is_none_or(|(_, b)| x > b) {
            best = Some((i, x));
        }
    }
    best.map(|(i, _)| i)
}

/// Compute every measure of `p`, with a note for each absent dimension.
pub fn measure(p: &Partnership, options: ScoreOptions) -> Measures<'_> {
    let board = p
        .board
        .as_ref()
        .map(|b| board::power(p, b, &options.indices()));
    let dependence = DependenceMatrix::of(p);
    let network = Network::of(p);
    let perceived = perceived(p);
    let min_agreement = options
        .thresholds
        .unwrap_or_else(|| p.policy.thresholds())
        .min_agreement
        .unwrap_or(crate::model::survey::DEFAULT_MIN_AGREEMENT);
    let survey = survey::survey(p, min_agreement);
    let mut from_survey = Vec::new();
    let mut shares = Vec::new();
    for d in Dimension::ALL {
        let raw = match d {
            Dimension::Resources => resources(p),
            Dimension::Expertise => per_body(p, |b| {
                (!b.expertise.is_empty()).then(|| b.expertise.values().sum())
            })
            .or_else(|| {
                surveyed(
                    survey.as_ref(),
                    survey::Rated::Expertise,
                    d,
                    &mut from_survey,
                )
            }),
            Dimension::Position => per_body(p, |b| b.position).or_else(|| {
                surveyed(
                    survey.as_ref(),
                    survey::Rated::Position,
                    d,
                    &mut from_survey,
                )
            }),
            Dimension::Voting => board
                .as_ref()
                .and_then(|b| b.shares(p.bodies.len(), options.voting_index)),
            Dimension::Dependence => dependence
                .as_ref()
                .map(|m| (0..p.bodies.len()).map(|i| m.of_others(i)).collect()),
            Dimension::Network => network.as_ref().map(|n| n.strength.clone()),
            Dimension::Agenda => agenda(p),
            Dimension::Perceived => perceived.as_ref().and_then(|v| {
                v.iter()
                    .map(|x| x.others_mean)
                    .collect::<Option<Vec<f64>>>()
            }),
        };
        if let Some(s) = raw.and_then(normalise) {
            shares.push((d, s));
        }
    }
    let composite = composite(weights(p, &options), &shares);
    let vertices = match composite {
        Some(_) => robust::vertices(&shares, weights(p, &options), p.bodies.len()),
        None => Vec::new(),
    };
    Measures {
        partnership: p,
        options,
        shares,
        composite,
        board,
        dependence,
        network,
        perceived,
        survey,
        from_survey,
        vertices,
    }
}

/// The others' mean rating of every body on `q`, when the survey has one
/// for every body (the dimension `d` is then noted as taken from it).
fn surveyed(
    survey: Option<&survey::Survey>,
    q: survey::Rated,
    d: Dimension,
    from_survey: &mut Vec<Dimension>,
) -> Option<Vec<f64>> {
    let means: Option<Vec<f64>> = survey?
        .bodies
        .iter()
        .map(|b| b.view(q).others.mean)
        .collect();
    if means.is_some() {
        from_survey.push(d);
    }
    means
}

/// The weights `p` is scored with under `options`.
fn weights(p: &Partnership, options: &ScoreOptions) -> WeightSet {
    options
        .weights
        .unwrap_or_else(|| WeightSet::from(&p.weights))
}

/// Values divided by their sum, or `None` when the sum is not positive.
///
/// Values are finite but may be as large as `f64::MAX`, so their sum can
/// overflow: then they are first divided by the largest (the shares are
/// the same, and the sum is at most n).
fn normalise(values: Vec<f64>) -> Option<Vec<f64>> {
    let mut total: f64 = values.iter().sum();
    let mut values = values;
    if total.is_infinite() {
        let largest = values.iter().copied().fold(0.0, f64::max);
        values.iter_mut().for_each(|v| *v /= largest);
        total = values.iter().sum();
    }
    (total > 0.0 && total.is_finite()).then(|| values.iter().map(|v| v / total).collect())
}

/// A per-body figure, present only if every body has it.
fn per_body(p: &Partnership, f: impl Fn(&crate::model::Body) -> Option<f64>) -> Option<Vec<f64>> {
    let values: Vec<Option<f64>> = p.bodies.iter().map(f).collect();
    if values.iter().all(Option::is_none) {
        return None;
    }
    // Bodies without a figure (possible only for expertise) count 0.
    Some(values.into_iter().map(|v| v.unwrap_or(0.0)).collect())
}

/// Mean over income, staff and contribution (those given and not all zero)
/// of each body's share of the field.
fn resources(p: &Partnership) -> Option<Vec<f64>> {
    let fields: [fn(&crate::model::Body) -> Option<f64>; 3] =
        [|b| b.income, |b| b.staff, |b| b.contribution];
    let present: Vec<Vec<f64>> = fields
        .iter()
        .filter_map(|f| per_body(p, f).and_then(normalise))
        .collect();
    if present.is_empty() {
        return None;
    }
    let k = present.len() as f64;
    Some(
        (0..p.bodies.len())
            .map(|i| present.iter().map(|s| s[i]).sum::<f64>() / k)
            .collect(),
    )
}

/// Adopted decisions with a recorded proposer, counted per proposer.
fn agenda(p: &Partnership) -> Option<Vec<f64>> {
    let mut counts = vec![0.0; p.bodies.len()];
    let mut any = false;
    for d in &p.decisions {
        if let (Outcome::Adopted, Some(b)) = (d.outcome, d.proposed_by) {
            counts[b] += 1.0;
            any = true;
        }
    }
    any.then_some(counts)
}

/// c(i) = sum_d w_d s_d(i) / sum_d w_d over the present dimensions.
///
/// A weight may be as large as `f64::MAX`; when the weights' sum overflows
/// they are first divided by the largest (the same composite), so that it
/// is never inf / inf = NaN or x / inf = 0.
fn composite(weights: WeightSet, shares: &[(Dimension, Vec<f64>)]) -> Option<Vec<f64>> {
    let mut scale = 1.0;
    let mut total_weight: f64 = shares.iter().map(|(d, _)| weights.of(*d)).sum();
    if total_weight.is_infinite() {
        scale = shares
            .iter()
            .map(|(d, _)| weights.of(*d))
            .fold(0.0, f64::max);
        total_weight = shares.iter().map(|(d, _)| weights.of(*d) / scale).sum();
    }
    if total_weight <= 0.0 {
        return None;
    }
    Some(
        (0..shares[0].1.len())
            .map(|i| {
                shares
                    .iter()
                    .map(|(d, s)| weights.of(*d) / scale * s[i])
                    .sum::<f64>()
                    / total_weight
            })
            .collect(),
    )
}

impl Measures<'_> {
    /// Why dimension `d` is absent from these measures.
    pub fn absence(&self, d: Dimension) -> String {
        let m = self;
        let p = m.partnership;
        match d {
            Dimension::Resources => {
                "no body has income, staff or contribution (or they are all 0)".into()
            }
            Dimension::Expertise => self.declared_or_surveyed(
                "no body has expertise ratings (or they are all 0)",
                survey::Rated::Expertise,
            ),
            Dimension::Position => self.declared_or_surveyed(
                "no body has a position rating (or they are all 0)",
                survey::Rated::Position,
            ),
            Dimension::Voting => match &m.board {
                None => "no board: no body has seats".into(),
                // Computed, yet nobody has power: say so, not how it was computed.
                Some(b) => match (&b.power, &b.note) {
                    (None, Some(note)) => note.clone(),
                    _ => "no body has voting power".into(),
                },
            },
            Dimension::Dependence => {
                if m.dependence.is_none() {
                    "no [[funding]] or [[dependence]] recorded".into()
                } else {
                    "no body depends on another (every dependence is 0)".into()
                }
            }
            Dimension::Network => "no [[contact]] recorded".into(),
            Dimension::Agenda => {
                if p.decisions.is_empty() {
                    "no [[decision]] recorded".into()
                } else {
                    "no adopted decision has a recorded proposer".into()
                }
            }
            Dimension::Perceived => match &m.perceived {
                None => "no [[perception]] or [[response]] recorded".into(),
                Some(v) => {
                    let unrated: Vec<&str> = v
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| x.others_mean.is_none())
                        .map(|(i, _)| p.bodies[i].id.as_str())
                        .collect();
                    if unrated.is_empty() {
                        "every rating is 0".into()
                    } else {
                        format!(
                            "left out: no other partner rated {} (a body's own rating does not count)",
                            unrated.join(", ")
                        )
                    }
                }
            },
        }
    }
}

impl Measures<'_> {
    /// Why a dimension that bodies may declare (expertise, position), or
    /// the survey may give, is absent.
    fn declared_or_surveyed(&self, undeclared: &str, q: survey::Rated) -> String {
        let Some(s) = &self.survey else {
            return undeclared.into();
        };
        let unrated: Vec<&str> = s
            .bodies
            .iter()
            .filter(|b| b.view(q).others.mean.is_none())
            .map(|b| b.id.as_str())
            .collect();
        if unrated.is_empty() {
            format!("{undeclared}, and in the survey every rating is 0")
        } else {
            format!(
                "{undeclared}, and in the survey no respondent of another partner rated the {} of {}",
                q.name(),
                unrated.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::score;

    /// Three bodies with every dimension; the expected shares are worked out by hand below.
    const HAND: &str = r#"
        [[body]]
        id = "a"
        income = 300
        staff = 10
        contribution = 0
        position = 4
        expertise = { x = 3, y = 2 }
        seats = 2
        [[body]]
        id = "b"
        income = 100
        staff = 10
        contribution = 0
        position = 1
        expertise = { x = 5 }
        seats = 1
        [[body]]
        id = "c"
        income = 0
        staff = 0
        contribution = 0
        position = 0
        [board]
        quota = "unanimity"
        [[funding]]
        from = "a"
        to = "b"
        amount = 50
        [[dependence]]
        of = "c"
        on = "a"
        share = 0.4
        [[contact]]
        between = ["a", "b"]
        frequency = "weekly"
        [[contact]]
        between = ["b", "c"]
        frequency = "rarely"
        [[decision]]
        title = "one"
        proposed_by = "a"
        outcome = "adopted"
        how = "consensus"
        [[decision]]
        title = "two"
        proposed_by = "a"
        outcome = "adopted"
        how = "vote"
        [[decision]]
        title = "three"
        proposed_by = "b"
        outcome = "adopted"
        how = "vote"
        [[decision]]
        title = "four"
        proposed_by = "c"
        outcome = "rejected"
        how = "vote"
        [[perception]]
        rater = "a"
        influence = { a = 5, b = 2, c = 1 }
        [[perception]]
        rater = "b"
        influence = { a = 4, b = 3, c = 2 }
        [[perception]]
        rater = "c"
        influence = { a = 5, b = 3 }
        [weights]
        resources = 2
    "#;

    #[track_caller]
    fn close(got: &[f64], expected: &[f64]) {
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "got {got:?}, expected {expected:?}");
        }
    }

    fn shares(m: &Measures, d: Dimension) -> Vec<f64> {
        m.shares.iter().find(|(x, _)| *x == d).unwrap().1.clone()
    }

    #[test]
    fn every_dimension_by_hand() {
        let p = crate::load_str(HAND).unwrap();
        let m = measure(&p, ScoreOptions::default());
        // income 300/400, 100/400, 0; staff 10/20, 10/20, 0; contribution all
        // zero, so left out: mean of two fields.
        close(&shares(&m, Dimension::Resources), &[0.625, 0.375, 0.0]);
        // Expertise sums 5, 5, 0.
        close(&shares(&m, Dimension::Expertise), &[0.5, 0.5, 0.0]);
        close(&shares(&m, Dimension::Position), &[0.8, 0.2, 0.0]);
        // Unanimity of a and b: only {a, b} wins and both are critical; c is off the board.
        close(&shares(&m, Dimension::Voting), &[0.5, 0.5, 0.0]);
        // D(b on a) = 50/100 = 0.5, D(c on a) = 0.4: only a is depended on.
        close(&shares(&m, Dimension::Dependence), &[1.0, 0.0, 0.0]);
        // Strength: a 4, b 4 + 1 = 5, c 1, of 10.
        close(&shares(&m, Dimension::Network), &[0.4, 0.5, 0.1]);
        // Adopted: a proposed 2, b 1; c's proposal was rejected.
        close(&shares(&m, Dimension::Agenda), &[2.0 / 3.0, 1.0 / 3.0, 0.0]);
        // Others' mean: a (4 + 5)/2 = 4.5, b (2 + 3)/2 = 2.5, c (1 + 2)/2 = 1.5; of 8.5.
        close(
            &shares(&m, Dimension::Perceived),
            &[9.0 / 17.0, 5.0 / 17.0, 3.0 / 17.0],
        );
        // Composite: resources weight 2, the other seven weight 1: divide by 9.
        let a = (2.0 * 0.625 + 0.5 + 0.8 + 0.5 + 1.0 + 0.4 + 2.0 / 3.0 + 9.0 / 17.0) / 9.0;
        let b = (2.0 * 0.375 + 0.5 + 0.2 + 0.5 + 0.0 + 0.5 + 1.0 / 3.0 + 5.0 / 17.0) / 9.0;
        let c = (0.0 + 0.0 + 0.0 + 0.0 + 0.0 + 0.1 + 0.0 + 3.0 / 17.0) / 9.0;
        close(m.composite.as_ref().unwrap(), &[a, b, c]);
        assert_eq!(m.top_body(), Some(0));
    }

    #[test]
    fn findings_of_the_hand_case() {
        let p = crate::load_str(HAND).unwrap();
        let r = score(&p, ScoreOptions::default());
        let codes: Vec<(&str, Vec<&str>)> = r
            .findings
            .iter()
            .map(|f| (f.code.name(), f.bodies.iter().map(String::as_str).collect()))
            .collect();
        // Seats 2/3 and 1/3 against power 1/2 each: gaps of 1/6 > 0.10 both ways.
        // Under unanimity every seated body can block: one info finding.
        // b gets exactly 50% of its income from a: not above the 0.5 default.
        // The gap that matters for a symbolic verdict is b's (seats understate
        // its power), and the composite is concentrated, so the verdict fires.
        assert_eq!(
            codes,
            vec![
                ("symbolic-partnership", vec!["a"]),
                ("power-seat-gap", vec!["a"]),
                ("power-seat-gap", vec!["b"]),
                ("veto-player", vec!["a", "b"]),
            ]
        );
    }

    #[test]
    fn dimensions_without_data_are_absent_with_a_reason() {
        let p = crate::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
        let r = score(&p, ScoreOptions::default());
        assert!(
            r.bodies
                .iter()
                .all(|b| b.composite.is_none() && b.shares.0.is_empty())
        );
        assert!(r.dimensions.iter().all(|d| !d.present && d.note.is_some()));
        assert!(r.indices.0.is_empty());
        assert!(r.findings.is_empty());
    }

    #[test]
    fn perceived_is_absent_when_a_body_is_rated_only_by_itself() {
        let p = crate::load_str(
            r#"
            [[body]]
            id = "a"
            [[body]]
            id = "b"
            [[perception]]
            rater = "a"
            influence = { a = 5 }
            [[perception]]
            rater = "b"
            influence = { a = 4, b = 3 }
            "#,
        )
        .unwrap();
        let r = score(&p, ScoreOptions::default());
        let perceived = r.dimensions.iter().find(|d| d.name == "perceived").unwrap();
        assert!(!perceived.present);
        assert!(perceived.note.as_deref().unwrap().contains('b'));
    }

    #[test]
    fn shapley_shubik_option_changes_the_voting_dimension() {
        // [q=6; 4,3,2,1]: Shapley-Shubik 5/12, 1/4, 1/4, 1/12.
        let p = crate::load_str(
            r#"
            [[body]]
            id = "a"
            seats = 4
            [[body]]
            id = "b"
            seats = 3
            [[body]]
            id = "c"
            seats = 2
            [[body]]
            id = "d"
            seats = 1
            [board]
            quota = 6
            "#,
        )
        .unwrap();
        let m = measure(
            &p,
            ScoreOptions {
                voting_index: VotingIndex::ShapleyShubik,
                ..ScoreOptions::default()
            },
        );
        close(
            &shares(&m, Dimension::Voting),
            &[5.0 / 12.0, 0.25, 0.25, 1.0 / 12.0],
        );
    }

    #[test]
    fn weights_whose_sum_overflows_still_give_shares() {
        // Two weights of f64::MAX add up to inf: the composite was inf / inf
        // = NaN for one body (a panic in `inequality` in debug builds) and
        // x / inf = 0 for every body with two. Scaled by the largest, they
        // weigh the same as 1 and 1: (5/6 + 3/4) / 2 = 19/24. The loader
        // takes weights up to 10^15, but a `Partnership` is plain data.
        let huge = |text: &str| {
            let mut p = crate::load_str(text).unwrap();
            p.weights.0.insert(Dimension::Resources, f64::MAX);
            p.weights.0.insert(Dimension::Position, f64::MAX);
            p
        };
        let p = huge(
            "[[body]]\nid = \"a\"\nincome = 5\nposition = 3\n\
             [[body]]\nid = \"b\"\nincome = 1\nposition = 1\n",
        );
        let m = measure(&p, ScoreOptions::default());
        close(m.composite.as_ref().unwrap(), &[19.0 / 24.0, 5.0 / 24.0]);
        let p = huge("[[body]]\nid = \"a\"\nincome = 5\nposition = 3\n");
        let m = measure(&p, ScoreOptions::default());
        assert_eq!(m.composite, Some(vec![1.0]));
    }

    #[test]
    fn amounts_whose_sum_overflows_still_give_shares() {
        // f64::MAX + 1e308 is inf: the resources dimension was left out as
        // if no body had an income. Shares: 1.797 / 2.797 and 1 / 2.797.
        let mut p =
            crate::load_str("[[body]]\nid = \"a\"\nincome = 1\n[[body]]\nid = \"b\"\nincome = 1\n")
                .unwrap();
        p.bodies[0].income = Some(f64::MAX);
        p.bodies[1].income = Some(1e308);
        let m = measure(&p, ScoreOptions::default());
        let a = f64::MAX / 1e308;
        close(
            &shares(&m, Dimension::Resources),
            &[a / (a + 1.0), 1.0 / (a + 1.0)],
        );
    }
}
