//! Perceived influence: how each body is rated by itself and by the other
//! raters of `[[perception]]`, and by the respondents of `[[response]]`
//! whose body is another (each `[[perception]]` counts as one respondent).

use serde::Serialize;

use crate::model::Partnership;

/// How a body is seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyPerceived {
    /// Its `[[perception]]` rating of its own influence (a response's
    /// rating of its own body is not shown here: see the survey's self view).
    pub self_rating: Option<f64>,
    /// The mean rating the other raters and respondents gave it.
    pub others_mean: Option<f64>,
    /// How many other raters and respondents rated it.
    pub raters: usize,
}

/// Per body: its self-rating, the mean rating of the other raters (the
/// perceptions of other bodies, then the responses of everyone not of the
/// body), and how many they are. `None` when the file has neither.
pub fn perceived(p: &Partnership) -> Option<Vec<BodyPerceived>> {
    if p.perceptions.is_empty() && p.responses.is_empty() {
        return None;
    }
    Some(
        (0..p.bodies.len())
            .map(|i| {
                let mut self_rating = None;
                let (mut sum, mut count) = (0.0, 0);
                for perception in &p.perceptions {
                    if let Some(&r) = perception.influence.get(&i) {
                        if perception.rater == i {
                            self_rating = Some(r);
                        } else {
                            sum += r;
                            count += 1;
                        }
                    }
                }
                for response in &p.responses {
                    if let Some(&r) = response.influence.get(&i)
                        && response.body != Some(i)
                    {
                        sum += r;
                        count += 1;
                    }
                }
                BodyPerceived {
                    self_rating,
                    others_mean: (count > 0).then(|| sum / count as f64),
                    raters: count,
                }
            })
            .collect(),
    )
}
