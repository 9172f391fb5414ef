//! The survey's columns of the CSV report: per body in the `bodies` table
//! (only when some report of the output has a survey, so that files
//! without responses keep their table as it was), and per partnership in
//! the `indices` table under the set `survey`.

use powershare_core::Report;
use powershare_core::measures::survey::Rated;

/// The figures of each question's view, after `{question}_`.
const VIEW: [&str; 8] = [
    "others_n",
    "others_mean",
    "others_median",
    "others_min",
    "others_max",
    "self_n",
    "self_mean",
    "self_suppressed",
];

/// Whether any of `reports` has a survey (then the bodies table has its columns).
pub fn any(reports: &[&Report]) -> bool {
    reports.iter().any(|r| r.survey.is_some())
}

/// The survey's columns of the bodies table.
pub fn header() -> Vec<String> {
    let mut h = vec!["survey_respondents".to_string()];
    for q in Rated::ALL {
        h.extend(VIEW.iter().map(|v| format!("{}_{v}", q.name())));
    }
    h
}

/// Body `i`'s cells under [`header`]; empty cells when `r` has no survey.
/// A self view below `min_group` is empty, with `self_suppressed` true.
pub fn cells(r: &Report, i: usize, number: fn(f64) -> String) -> Vec<String> {
    let Some(b) = r.survey.as_ref().and_then(|s| s.bodies.get(i)) else {
        return vec![String::new(); header().len()];
    };
    let opt = |x: Option<f64>| x.map_or_else(String::new, number);
    let mut row = vec![b.respondents.to_string()];
    for q in Rated::ALL {
        let v = b.view(q);
        row.extend([
            v.others.n.to_string(),
            opt(v.others.mean),
            opt(v.others.median),
            opt(v.others.min),
            opt(v.others.max),
            v.own.as_ref().map_or_else(String::new, |o| o.n.to_string()),
            opt(v.own.as_ref().map(|o| o.mean)),
            if v.self_suppressed { "true" } else { "false" }.to_string(),
        ]);
    }
    row
}

/// The rows of the `indices` table for the survey: (index, value, why undefined).
pub fn index_rows(r: &Report) -> Vec<(String, Option<f64>, String)> {
    let Some(s) = &r.survey else {
        return Vec::new();
    };
    let mut rows = vec![
        (
            "respondents".to_string(),
            Some(s.respondents as f64),
            String::new(),
        ),
        (
            "min_group".to_string(),
            Some(s.min_group as f64),
            String::new(),
        ),
    ];
    for q in Rated::ALL {
        rows.push((
            format!("agreement_{}", q.name()),
            s.alpha(q),
            s.agreement_undefined
                .get(q.name())
                .cloned()
                .unwrap_or_default(),
        ));
    }
    let q = &s.questions;
    let none = |n: usize| {
        if n == 0 {
            "no answers".to_string()
        } else {
            String::new()
        }
    };
    rows.extend([
        (
            "outside_meetings_median".to_string(),
            q.outside_meetings.answers.median,
            none(q.outside_meetings.answers.n),
        ),
        (
            "outside_meetings_often_share".to_string(),
            q.outside_meetings.often_share,
            none(q.outside_meetings.answers.n),
        ),
        (
            "consensus_reflects_median".to_string(),
            q.consensus_reflects.median,
            none(q.consensus_reflects.n),
        ),
        (
            "free_to_disagree_median".to_string(),
            q.free_to_disagree.answers.median,
            none(q.free_to_disagree.answers.n),
        ),
        (
            "free_to_disagree_funded_median".to_string(),
            q.free_to_disagree.funded.median,
            none(q.free_to_disagree.funded.n),
        ),
    ]);
    rows
}
