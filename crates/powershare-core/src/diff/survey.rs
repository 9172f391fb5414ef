//! How the partners' survey moved between two reports: the number of
//! respondents, the agreement on each question, each body's influence as
//! the others see it and as its own respondents see it (when their group
//! is published on both sides), and the questions' medians and shares.

use serde::Serialize;

use super::Change;
use crate::measures::survey::{Rated, Survey};
use crate::model::Ordered;
use crate::report::Report;

/// One body's influence in the survey on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyBodyChange {
    /// Id.
    pub id: String,
    /// The others' mean influence rating.
    pub others_mean: Change,
    /// The own respondents' mean, when published (`null` on a side where
    /// the group is below `min_group` or absent).
    pub self_mean: Change,
}

/// The survey on each side; present when either report has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyDiff {
    /// Respondents.
    pub respondents: Change,
    /// Krippendorff's alpha per question.
    pub agreement: Ordered<Change>,
    /// Every body on either side, the new report's order first.
    pub bodies: Vec<SurveyBodyChange>,
    /// The questions: `outside_meetings_median`, `outside_meetings_often_share`,
    /// `consensus_reflects_median`, `free_to_disagree_median`,
    /// `free_to_disagree_funded_median`.
    pub questions: Ordered<Change>,
}

impl SurveyDiff {
    /// Whether any number a reader would see moved, appeared or vanished.
    pub fn is_visible(&self) -> bool {
        self.respondents.is_visible()
            || self.agreement.0.iter().any(|(_, c)| c.is_visible())
            || self
                .bodies
                .iter()
                .any(|b| b.others_mean.is_visible() || b.self_mean.is_visible())
            || self.questions.0.iter().any(|(_, c)| c.is_visible())
    }
}

fn questions(s: Option<&Survey>) -> [(&'static str, Option<f64>); 5] {
    let q = s.map(|s| &s.questions);
    [
        (
            "outside_meetings_median",
            q.and_then(|q| q.outside_meetings.answers.median),
        ),
        (
            "outside_meetings_often_share",
            q.and_then(|q| q.outside_meetings.often_share),
        ),
        (
            "consensus_reflects_median",
            q.and_then(|q| q.consensus_reflects.median),
        ),
        (
            "free_to_disagree_median",
            q.and_then(|q| q.free_to_disagree.answers.median),
        ),
        (
            "free_to_disagree_funded_median",
            q.and_then(|q| q.free_to_disagree.funded.median),
        ),
    ]
}

/// The survey part of the diff of `old` and `new`; `None` when neither has a survey.
pub fn survey(old: &Report, new: &Report) -> Option<SurveyDiff> {
    let (o, n) = (old.survey.as_ref(), new.survey.as_ref());
    if o.is_none() && n.is_none() {
        return None;
    }
    let mut ids: Vec<&str> = n
        .into_iter()
        .flat_map(|s| s.bodies.iter().map(|b| b.id.as_str()))
        .collect();
    for b in o.into_iter().flat_map(|s| &s.bodies) {
        if !ids.contains(&b.id.as_str()) {
            ids.push(&b.id);
        }
    }
    fn view<'s>(s: Option<&'s Survey>, id: &str) -> Option<&'s crate::measures::survey::View> {
        s.and_then(|s| s.bodies.iter().find(|b| b.id == id))
            .map(|b| &b.influence)
    }
    let bodies = ids
        .into_iter()
        .map(|id| {
            let (vo, vn) = (view(o, id), view(n, id));
            SurveyBodyChange {
                id: id.to_string(),
                others_mean: Change::of(
                    vo.and_then(|v| v.others.mean),
                    vn.and_then(|v| v.others.mean),
                ),
                self_mean: Change::of(
                    vo.and_then(|v| v.own.as_ref().map(|x| x.mean)),
                    vn.and_then(|v| v.own.as_ref().map(|x| x.mean)),
                ),
            }
        })
        .collect();
    let (qo, qn) = (questions(o), questions(n));
    Some(SurveyDiff {
        respondents: Change::of(
            o.map(|s| s.respondents as f64),
            n.map(|s| s.respondents as f64),
        ),
        agreement: Ordered(
            Rated::ALL
                .iter()
                .map(|&q| {
                    (
                        q.name(),
                        Change::of(o.and_then(|s| s.alpha(q)), n.and_then(|s| s.alpha(q))),
                    )
                })
                .collect(),
        ),
        bodies,
        questions: Ordered(
            qo.iter()
                .zip(qn)
                .map(|((k, a), (_, b))| (*k, Change::of(*a, b)))
                .collect(),
        ),
    })
}
