//! The partners' own view: the `[[response]]` tables (and every
//! `[[perception]]`, each one respondent whose body is its rater) summed up
//! per body and question, as DESIGN.md defines it ("The partners' own view").
//!
//! For q in influence, expertise, position and each body i:
//!
//! - others' view: the ratings of i by respondents whose body is not i
//!   (respondents without a body count as others): n, mean, median (the
//!   mean of the two middle values when n is even), min, max;
//! - self view: the ratings of i by respondents whose body is i: n and
//!   mean, published only when n >= `min_group` (otherwise `None`, marked
//!   suppressed);
//! - agreement: Krippendorff's ordinal alpha over respondents (coders) x
//!   bodies (units), see [`krippendorff`](super::krippendorff).
//!
//! The questions are answered in `[[response]]` only: n and median of
//! `outside_meetings`, `consensus_reflects` and `free_to_disagree` (and of
//! the latter among respondents whose body is funded by another partner);
//! the share answering `outside_meetings` >= 3 (often); per body whose own
//! group of answers reaches `min_group`, the share answering
//! `included_outside = false`; the number of respondents naming each body in
//! `priorities_set_by`. Trust is summed per pair (the respondents' body,
//! the body rated) for groups that reach `min_group`.
//!
//! Anonymity: nothing here holds a response's id (the model has none), and
//! every statistic of a partner's own respondents is published only from
//! `min_group` answers. Every statistic depends only on the multiset of
//! answers, so the order of the respondents never changes it.

use serde::Serialize;

use super::krippendorff::ordinal_alpha;
use crate::model::{Ordered, Partnership};

/// A question whose answers are ratings of each body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    /// How much say each partner has.
    Influence,
    /// How much each partner's knowledge counts.
    Expertise,
    /// Each partner's importance or standing.
    Position,
}

impl Rated {
    /// The three, in report order.
    pub const ALL: [Rated; 3] = [Rated::Influence, Rated::Expertise, Rated::Position];

    /// The key in files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Rated::Influence => "influence",
            Rated::Expertise => "expertise",
            Rated::Position => "position",
        }
    }
}

/// The others' view of a body on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Others {
    /// How many ratings.
    pub n: usize,
    /// Their mean (`None` when n = 0).
    pub mean: Option<f64>,
    /// Their median: the middle value, or the mean of the two middle values.
    pub median: Option<f64>,
    /// The lowest rating.
    pub min: Option<f64>,
    /// The highest rating.
    pub max: Option<f64>,
}

/// A partner's own respondents' view of it, when published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfView {
    /// How many ratings (at least `min_group`).
    pub n: usize,
    /// Their mean.
    pub mean: f64,
}

/// How one body is seen on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    /// By everyone not of the body.
    pub others: Others,
    /// By the body's own respondents: `None` when none rated it, or when
    /// fewer than `min_group` did (then `self_suppressed` is true).
    #[serde(rename = "self")]
    pub own: Option<SelfView>,
    /// Some of the body's own respondents rated it, fewer than `min_group`:
    /// their view is not shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub self_suppressed: bool,
}

/// One body in the survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodySurvey {
    /// The body's id.
    pub id: String,
    /// Respondents whose body it is (each `[[perception]]` it rates in counts as one).
    pub respondents: usize,
    /// How its influence is seen.
    pub influence: View,
    /// How its expertise is seen.
    pub expertise: View,
    /// How its position is seen.
    pub position: View,
}

impl BodySurvey {
    /// The view of question `q`.
    pub fn view(&self, q: Rated) -> &View {
        match q {
            Rated::Influence => &self.influence,
            Rated::Expertise => &self.expertise,
            Rated::Position => &self.position,
        }
    }
}

/// n and median of the answers to a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answers {
    /// How many answered.
    pub n: usize,
    /// The median answer (`None` when nobody answered).
    pub median: Option<f64>,
    /// How many gave each answer, from the lowest on the scale to the highest.
    pub answers: Ordered<usize>,
}

/// `outside_meetings`: how often the real decisions are made outside the meetings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutsideMeetings {
    /// n, median and the answers.
    #[serde(flatten)]
    pub answers: Answers,
    /// The share answering 3 (often) or 4 (almost always).
    pub often_share: Option<f64>,
}

/// `free_to_disagree`, over all respondents and over those funded by another partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FreeToDisagree {
    /// n, median and the answers.
    #[serde(flatten)]
    pub answers: Answers,
    /// Among respondents whose body is funded by another partner.
    pub funded: Summary,
}

/// n and median.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// How many answered.
    pub n: usize,
    /// The median answer.
    pub median: Option<f64>,
}

/// One body's own group's answers to `included_outside`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inclusion {
    /// The body's id.
    pub id: String,
    /// How many of its respondents answered (at least `min_group`).
    pub n: usize,
    /// The share of them answering that their organisation is not part of
    /// the decisions made outside the meetings.
    pub not_included_share: f64,
}

/// `included_outside`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncludedOutside {
    /// How many answered.
    pub n: usize,
    /// Per body whose own group of answers reaches `min_group`, in file order.
    pub bodies: Vec<Inclusion>,
}

/// The questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Questions {
    /// 0 never .. 4 almost always.
    pub outside_meetings: OutsideMeetings,
    /// Per published group: not part of the decisions made outside.
    pub included_outside: IncludedOutside,
    /// 1 the most powerful partner's view .. 5 all partners' views.
    pub consensus_reflects: Answers,
    /// 1 not at all .. 5 completely.
    pub free_to_disagree: FreeToDisagree,
    /// How many respondents named each body, in file order (bodies never named left out).
    pub priorities_set_by: ByBody,
}

/// Trust between two partners as one partner's respondents report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustView {
    /// The respondents' body.
    pub from: String,
    /// The partner whose history with it they rate.
    pub to: String,
    /// How many rated it (at least `min_group`).
    pub n: usize,
    /// Mean trust, -2 (long mistrust) to 2 (long, positive history).
    pub mean: f64,
}

/// Everything the survey says; present when the file has any `[[response]]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// Respondents: every `[[response]]` and every `[[perception]]`.
    pub respondents: usize,
    /// A partner's own group is shown from this many answers.
    pub min_group: usize,
    /// Krippendorff's ordinal alpha per question; `null` when undefined.
    pub agreement: Ordered<Option<f64>>,
    /// The agreement below which the partners see power very differently
    /// (`[policy] min_agreement`, default 0.4).
    pub min_agreement: f64,
    /// Why an agreement is `null`, by question.
    #[serde(skip_serializing_if = "is_empty")]
    pub agreement_undefined: Ordered<String>,
    /// Of the respondents, how many are `[[response]]` tables.
    pub responses: usize,
    /// Of the respondents, how many are `[[perception]]` tables.
    pub perceptions: usize,
    /// Respondents who name no body (not a partner, e.g. an independent chair).
    pub without_body: usize,
    /// One per body, in file order.
    pub bodies: Vec<BodySurvey>,
    /// The questions.
    pub questions: Questions,
    /// Trust per pair, for groups of at least `min_group` (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trust: Vec<TrustView>,
}

fn is_empty<V>(o: &Ordered<V>) -> bool {
    o.0.is_empty()
}

impl Survey {
    /// The agreement on `q`, when defined.
    pub fn alpha(&self, q: Rated) -> Option<f64> {
        self.agreement.get(q.name()).copied().flatten()
    }

    /// Ids of the bodies with no respondent, in file order.
    pub fn unheard(&self) -> Vec<&str> {
        self.bodies
            .iter()
            .filter(|b| b.respondents == 0)
            .map(|b| b.id.as_str())
            .collect()
    }
}

/// One person's ratings: a response, or a perception (influence only).
struct Respondent<'p> {
    body: Option<usize>,
    influence: &'p std::collections::BTreeMap<usize, f64>,
    expertise: Option<&'p std::collections::BTreeMap<usize, f64>>,
    position: Option<&'p std::collections::BTreeMap<usize, f64>>,
}

impl Respondent<'_> {
    fn rating(&self, q: Rated, body: usize) -> Option<f64> {
        let map = match q {
            Rated::Influence => Some(self.influence),
            Rated::Expertise => self.expertise,
            Rated::Position => self.position,
        };
        map.and_then(|m| m.get(&body).copied())
    }
}

/// Every respondent: the perceptions in file order, then the responses.
fn respondents(p: &Partnership) -> Vec<Respondent<'_>> {
    let perceptions = p.perceptions.iter().map(|x| Respondent {
        body: Some(x.rater),
        influence: &x.influence,
        expertise: None,
        position: None,
    });
    let responses = p.responses.iter().map(|r| Respondent {
        body: r.body,
        influence: &r.influence,
        expertise: Some(&r.expertise),
        position: Some(&r.position),
    });
    perceptions.chain(responses).collect()
}

/// The median of `values` (sorted here): the middle one, or the mean of the two middle ones.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn others(values: &[f64]) -> Others {
    let mut sorted = values.to_vec();
    let median = median(&mut sorted);
    Others {
        n: values.len(),
        mean: mean(values),
        median,
        min: sorted.first().copied(),
        max: sorted.last().copied(),
    }
}

/// The survey of `p`, or `None` when it has no `[[response]]`;
/// `min_agreement` is the policy's threshold, kept with the agreement it reads.
pub fn survey(p: &Partnership, min_agreement: f64) -> Option<Survey> {
    if p.responses.is_empty() {
        return None;
    }
    let min_group = p.survey.min_group;
    let all = respondents(p);
    let view = |i: usize, q: Rated| {
        let mut theirs = Vec::new();
        let mut own = Vec::new();
        for r in &all {
            if let Some(x) = r.rating(q, i) {
                if r.body == Some(i) {
                    own.push(x);
                } else {
                    theirs.push(x);
                }
            }
        }
        let published = own.len() >= min_group;
        View {
            others: others(&theirs),
            own: published.then(|| SelfView {
                n: own.len(),
                mean: mean(&own).unwrap_or(0.0),
            }),
            self_suppressed: !own.is_empty() && !published,
        }
    };
    let bodies = p
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| BodySurvey {
            id: b.id.clone(),
            respondents: all.iter().filter(|r| r.body == Some(i)).count(),
            influence: view(i, Rated::Influence),
            expertise: view(i, Rated::Expertise),
            position: view(i, Rated::Position),
        })
        .collect();
    let mut agreement = Vec::new();
    let mut agreement_undefined = Vec::new();
    for q in Rated::ALL {
        let units: Vec<Vec<f64>> = (0..p.bodies.len())
            .map(|i| all.iter().filter_map(|r| r.rating(q, i)).collect())
            .collect();
        match ordinal_alpha(&units) {
            Ok(a) => agreement.push((q.name(), Some(a))),
            Err(why) => {
                agreement.push((q.name(), None));
                agreement_undefined.push((q.name(), why.to_string()));
            }
        }
    }
    Some(Survey {
        respondents: all.len(),
        min_group,
        agreement: Ordered(agreement),
        min_agreement,
        agreement_undefined: Ordered(agreement_undefined),
        responses: p.responses.len(),
        perceptions: p.perceptions.len(),
        without_body: all.iter().filter(|r| r.body.is_none()).count(),
        bodies,
        questions: questions(p),
        trust: trust(p),
    })
}

/// n, median and the count of each answer from `lo` to `hi`.
fn answers(values: impl Iterator<Item = u8>, (lo, hi): (i64, i64)) -> Answers {
    let values: Vec<u8> = values.collect();
    let mut as_f64: Vec<f64> = values.iter().map(|&x| f64::from(x)).collect();
    const KEYS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
    Answers {
        n: values.len(),
        median: median(&mut as_f64),
        answers: Ordered(
            (lo..=hi)
                .map(|k| {
                    let count = values.iter().filter(|&&x| i64::from(x) == k).count();
                    (KEYS[k as usize], count)
                })
                .collect(),
        ),
    }
}

/// Whether body `b` receives money from another partner.
pub fn funded(p: &Partnership, b: usize) -> bool {
    p.funding
        .iter()
        .any(|f| f.to == b && f.from != b && f.amount > 0.0)
}

fn questions(p: &Partnership) -> Questions {
    use crate::model::survey::scale;
    let rs = &p.responses;
    let outside = answers(
        rs.iter().filter_map(|r| r.outside_meetings),
        scale::OUTSIDE_MEETINGS,
    );
    let often = rs
        .iter()
        .filter(|r| r.outside_meetings.is_some_and(|x| x >= 3))
        .count();
    let often_share = (outside.n > 0).then(|| often as f64 / outside.n as f64);
    let included = IncludedOutside {
        n: rs.iter().filter(|r| r.included_outside.is_some()).count(),
        bodies: p
            .bodies
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let group: Vec<bool> = rs
                    .iter()
                    .filter(|r| r.body == Some(i))
                    .filter_map(|r| r.included_outside)
                    .collect();
                let not = group.iter().filter(|&&x| !x).count();
                (group.len() >= p.survey.min_group).then(|| Inclusion {
                    id: b.id.clone(),
                    n: group.len(),
                    not_included_share: not as f64 / group.len() as f64,
                })
            })
            .collect(),
    };
    let funded_answers: Vec<u8> = rs
        .iter()
        .filter(|r| r.body.is_some_and(|b| funded(p, b)))
        .filter_map(|r| r.free_to_disagree)
        .collect();
    let mut funded_f64: Vec<f64> = funded_answers.iter().map(|&x| f64::from(x)).collect();
    Questions {
        outside_meetings: OutsideMeetings {
            answers: outside,
            often_share,
        },
        included_outside: included,
        consensus_reflects: answers(
            rs.iter().filter_map(|r| r.consensus_reflects),
            scale::CONSENSUS_REFLECTS,
        ),
        free_to_disagree: FreeToDisagree {
            answers: answers(
                rs.iter().filter_map(|r| r.free_to_disagree),
                scale::FREE_TO_DISAGREE,
            ),
            funded: Summary {
                n: funded_answers.len(),
                median: median(&mut funded_f64),
            },
        },
        priorities_set_by: ByBody(
            p.bodies
                .iter()
                .enumerate()
                .filter_map(|(i, b)| {
                    let n = rs.iter().filter(|r| r.priorities_set_by == Some(i)).count();
                    (n > 0).then(|| (b.id.clone(), n))
                })
                .collect(),
        ),
    }
}

/// Counts by body id, in file order; serialised as a JSON object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ByBody(pub Vec<(String, usize)>);

impl ByBody {
    /// The count for `id` (0 when it is not listed).
    pub fn get(&self, id: &str) -> usize {
        self.0.iter().find(|(k, _)| k == id).map_or(0, |(_, n)| *n)
    }

    /// The sum of the counts.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

impl Serialize for ByBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn trust(p: &Partnership) -> Vec<TrustView> {
    let n = p.bodies.len();
    let mut out = Vec::new();
    for from in 0..n {
        for to in 0..n {
            let values: Vec<f64> = p
                .responses
                .iter()
                .filter(|r| r.body == Some(from))
                .filter_map(|r| r.trust.get(&to).map(|&t| t as f64))
                .collect();
            if values.len() >= p.survey.min_group {
                out.push(TrustView {
                    from: p.bodies[from].id.clone(),
                    to: p.bodies[to].id.clone(),
                    n: values.len(),
                    mean: mean(&values).unwrap_or(0.0),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Three bodies, one perception and four responses; every number below
    /// is worked out by hand in the comments of `the_hand_case`.
    pub(crate) const HAND: &str = r#"
        [[body]]
        id = "council"
        income = 1000
        [[body]]
        id = "cvs"
        income = 100
        [[body]]
        id = "club"
        income = 10
        [[funding]]
        from = "council"
        to = "cvs"
        amount = 50
        [survey]
        min_group = 2
        [[perception]]
        rater = "council"
        influence = { council = 4, cvs = 2, club = 1 }
        [[response]]
        id = "r-1"
        body = "cvs"
        influence = { council = 5, cvs = 2, club = 1 }
        expertise = { council = 3, cvs = 4 }
        position = { council = 5, cvs = 2 }
        trust = { council = -2 }
        outside_meetings = 3
        included_outside = false
        consensus_reflects = 2
        free_to_disagree = 2
        priorities_set_by = "council"
        [[response]]
        id = "r-2"
        body = "cvs"
        influence = { council = 4, cvs = 3, club = 2 }
        expertise = { council = 4, cvs = 5, club = 2 }
        trust = { council = -1 }
        outside_meetings = 4
        included_outside = false
        consensus_reflects = 1
        free_to_disagree = 3
        priorities_set_by = "council"
        [[response]]
        id = "r-3"
        body = "club"
        influence = { council = 5, cvs = 3, club = 3 }
        position = { council = 4, cvs = 3 }
        trust = { council = -2, cvs = 1 }
        outside_meetings = 2
        included_outside = true
        consensus_reflects = 3
        free_to_disagree = 1
        priorities_set_by = "cvs"
        [[response]]
        id = "r-4"
        influence = { council = 3, cvs = 3, club = 2 }
        position = { council = 4, club = 3 }
        outside_meetings = 1
        consensus_reflects = 4
        priorities_set_by = "council"
    "#;

    fn hand() -> Survey {
        survey(&crate::load_str(HAND).unwrap(), 0.4).unwrap()
    }

    #[test]
    fn the_hand_case() {
        let s = hand();
        let mut got = serde_json::to_value(&s).unwrap();
        // Influence (respondents: the council's perception P, r1..r4):
        // council, by others r1 5, r2 4, r3 5, r4 3: mean 17/4, sorted
        //   3 4 5 5, median (4 + 5)/2; self: P's 4 only, 1 < 2: suppressed.
        // cvs, by others P 2, r3 3, r4 3: mean 8/3, median 3; self r1 2, r2 3: mean 2.5.
        // club, by others P 1, r1 1, r2 2, r4 2: mean 1.5, median 1.5; self r3 3 alone: suppressed.
        // Expertise: council by r1 3, r2 4; cvs only by its own r1 4, r2 5
        //   (published: 4.5); club by r2 2.
        // Position: council by r1 5, r3 4, r4 4: mean 13/3, median 4; cvs by
        //   r3 3 (its own r1's 2 is suppressed); club by r4 3.
        // Agreement, ordinal alpha over coders x bodies (from the
        // `krippendorff` package, tests/reference/krippendorff_reference.py):
        //   influence P 4 2 1, r1 5 2 1, r2 4 3 2, r3 5 3 3, r4 3 3 2: 0.6356103731815306.
        //   expertise: units council {3, 4}, cvs {4, 5} (club's lone 2 is not
        //   pairable): n_3 = 1, n_4 = 2, n_5 = 1, n = 4; delta^2(3,4) =
        //   delta^2(4,5) = (1 + 2 - 1.5)^2 = 2.25, delta^2(3,5) = (4 - 1)^2 = 9;
        //   observed 4 * 2.25 = 9, expected 2 (2 * 2.25 + 9 + 2 * 2.25) = 36;
        //   alpha = 1 - 3 * 9 / 36 = 0.25.
        //   position: units council {5, 4, 4}, cvs {2, 3}: 0.7263157894736842.
        // Questions: outside_meetings 3 4 2 1: median 2.5, often (>= 3) 2 of 4;
        // included_outside: cvs's group r1, r2 both false (share 1), club's
        // r3 alone not shown; consensus_reflects 2 1 3 4: median 2.5;
        // free_to_disagree 2 3 1: median 2, of the funded body cvs 2 3: 2.5;
        // priorities: council 3 (r1, r2, r4), cvs 1 (r3).
        // Trust: cvs's r1 -2 and r2 -1 of the council: n 2, mean -1.5; club's
        // group is r3 alone, so not shown.
        let view = |others: serde_json::Value, own: serde_json::Value, suppressed: bool| {
            let mut v = json!({"others": others, "self": own});
            if suppressed {
                v["self_suppressed"] = json!(true);
            }
            v
        };
        let o = |n: usize, mean: f64, median: f64, min: f64, max: f64| json!({"n": n, "mean": mean, "median": median, "min": min, "max": max});
        let none = json!({"n": 0, "mean": null, "median": null, "min": null, "max": null});
        let expected = json!({
            "respondents": 5,
            "min_group": 2,
            "agreement": {"influence": 0.6356103731815306, "expertise": 0.25, "position": 0.7263157894736842},
            "min_agreement": 0.4,
            "responses": 4,
            "perceptions": 1,
            "without_body": 1,
            "bodies": [
                {"id": "council", "respondents": 1,
                 "influence": view(o(4, 17.0 / 4.0, 4.5, 3.0, 5.0), json!(null), true),
                 "expertise": view(o(2, 3.5, 3.5, 3.0, 4.0), json!(null), false),
                 "position": view(o(3, 13.0 / 3.0, 4.0, 4.0, 5.0), json!(null), false)},
                {"id": "cvs", "respondents": 2,
                 "influence": view(o(3, 8.0 / 3.0, 3.0, 2.0, 3.0), json!({"n": 2, "mean": 2.5}), false),
                 "expertise": view(none.clone(), json!({"n": 2, "mean": 4.5}), false),
                 "position": view(o(1, 3.0, 3.0, 3.0, 3.0), json!(null), true)},
                {"id": "club", "respondents": 1,
                 "influence": view(o(4, 1.5, 1.5, 1.0, 2.0), json!(null), true),
                 "expertise": view(o(1, 2.0, 2.0, 2.0, 2.0), json!(null), false),
                 "position": view(o(1, 3.0, 3.0, 3.0, 3.0), json!(null), false)},
            ],
            "questions": {
                "outside_meetings": {"n": 4, "median": 2.5,
                    "answers": {"0": 0, "1": 1, "2": 1, "3": 1, "4": 1}, "often_share": 0.5},
                "included_outside": {"n": 3, "bodies": [{"id": "cvs", "n": 2, "not_included_share": 1.0}]},
                "consensus_reflects": {"n": 4, "median": 2.5,
                    "answers": {"1": 1, "2": 1, "3": 1, "4": 1, "5": 0}},
                "free_to_disagree": {"n": 3, "median": 2.0,
                    "answers": {"1": 1, "2": 1, "3": 1, "4": 0, "5": 0},
                    "funded": {"n": 2, "median": 2.5}},
                "priorities_set_by": {"council": 3, "cvs": 1},
            },
            "trust": [{"from": "cvs", "to": "council", "n": 2, "mean": -1.5}],
        });
        // The alphas agree with the reference to about 1e-16, not bit for bit.
        for q in ["influence", "expertise", "position"] {
            let (g, e) = (&got["agreement"][q], &expected["agreement"][q]);
            let (g, e) = (g.as_f64().unwrap(), e.as_f64().unwrap());
            assert!((g - e).abs() < 1e-12, "{q}: {g} against {e}");
        }
        got["agreement"] = expected["agreement"].clone();
        assert_eq!(
            got,
            expected,
            "{}",
            serde_json::to_string_pretty(&got).unwrap()
        );
        assert_eq!(s.unheard(), Vec::<&str>::new());
    }

    #[test]
    fn the_survey_feeds_the_perceived_and_undeclared_dimensions() {
        let p = crate::load_str(HAND).unwrap();
        let m = super::super::measure(&p, Default::default());
        let share = |d| {
            m.shares
                .iter()
                .find(|(x, _)| *x == d)
                .map(|(_, s)| s.clone())
        };
        // Perceived: others' means 17/4, 8/3, 3/2 = 51/12, 32/12, 18/12 of 101/12.
        let perceived = share(crate::model::Dimension::Perceived).unwrap();
        for (got, want) in perceived
            .iter()
            .zip([51.0 / 101.0, 32.0 / 101.0, 18.0 / 101.0])
        {
            assert!((got - want).abs() < 1e-12, "{perceived:?}");
        }
        // Position from the survey (no body declares one): 13/3, 3, 3 of 31/3.
        let position = share(crate::model::Dimension::Position).unwrap();
        for (got, want) in position.iter().zip([13.0 / 31.0, 9.0 / 31.0, 9.0 / 31.0]) {
            assert!((got - want).abs() < 1e-12, "{position:?}");
        }
        assert_eq!(m.from_survey, [crate::model::Dimension::Position]);
        // Expertise: nobody outside cvs rated cvs, so it is left out, and says why.
        assert!(share(crate::model::Dimension::Expertise).is_none());
        assert_eq!(
            m.absence(crate::model::Dimension::Expertise),
            "no body has expertise ratings (or they are all 0), and in the survey no respondent of another partner rated the expertise of cvs"
        );
        // The perception's own rating is kept; the responses' are not shown there.
        let pc = m.perceived.as_ref().unwrap();
        assert_eq!(
            (pc[0].self_rating, pc[0].others_mean, pc[0].raters),
            (Some(4.0), Some(4.25), 4)
        );
        assert_eq!((pc[1].self_rating, pc[1].raters), (None, 3));
    }

    #[test]
    fn declared_values_win_over_the_survey() {
        let text = HAND.replace("income = 1000\n", "income = 1000\n        position = 1\n");
        let text = text
            .replace("income = 100\n", "income = 100\n        position = 1\n")
            .replace("income = 10\n", "income = 10\n        position = 2\n");
        let p = crate::load_str(&text).unwrap();
        let m = super::super::measure(&p, Default::default());
        let position = m
            .shares
            .iter()
            .find(|(d, _)| *d == crate::model::Dimension::Position)
            .unwrap();
        assert_eq!(position.1, [0.25, 0.25, 0.5]);
        assert!(m.from_survey.is_empty());
        // The survey's view is still there to show beside them.
        assert_eq!(m.survey.unwrap().bodies[0].position.others.n, 3);
    }

    #[test]
    fn no_response_no_survey() {
        let p = crate::load_str(&HAND[..HAND.find("[[response]]").unwrap()]).unwrap();
        assert!(survey(&p, 0.4).is_none());
    }

    #[test]
    fn medians() {
        #[track_caller]
        fn case(values: &[f64], expected: Option<f64>) {
            assert_eq!(median(&mut values.to_vec()), expected, "{values:?}");
        }
        case(&[], None);
        case(&[3.0], Some(3.0));
        case(&[5.0, 1.0], Some(3.0)); // (1 + 5) / 2
        case(&[4.0, 1.0, 3.0], Some(3.0));
        case(&[2.0, 5.0, 1.0, 4.0], Some(3.0)); // 1 2 4 5: (2 + 4) / 2
        case(&[0.0, 0.0, 1.0, 5.0, 5.0, 5.0], Some(3.0)); // (1 + 5) / 2
    }
}
