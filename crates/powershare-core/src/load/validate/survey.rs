//! Validation of `[survey]` and `[[response]]`.
//!
//! A response's `id` is checked (text, 1 to 64 characters, unique) and then
//! dropped: the checked [`Response`] has no id, and no message repeats it.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use toml::Spanned;

use crate::load::diagnostic::Problem;
use crate::load::input::{RawResponse, RawSurvey};
use crate::load::limits;
use crate::load::{Cx, Ids, RawFile};
use crate::model::survey::{SurveySettings, scale};
use crate::model::*;

/// What the `outside_meetings` answers mean, for messages.
const OUTSIDE_WORDS: &str = " (0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always)";
/// What the `consensus_reflects` answers mean.
const CONSENSUS_WORDS: &str = " (1 the most powerful partner's view ... 5 all partners' views)";
/// What the `free_to_disagree` answers mean.
const FREE_WORDS: &str = " (1 not at all ... 5 completely)";
/// What the trust answers mean.
const TRUST_WORDS: &str = " (-2 long mistrust ... 2 long, positive history)";

/// Most respondents shown as a group threshold.
const MAX_MIN_GROUP: i64 = 1000;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_survey(
        &mut self,
        raw: Option<&(Range<usize>, RawSurvey)>,
    ) -> SurveySettings {
        let Some((span, s)) = raw else {
            return SurveySettings::default();
        };
        let min_group = s
            .min_group
            .as_ref()
            .and_then(|v| self.on_scale(v, "survey.min_group", (1, MAX_MIN_GROUP), ""))
            .map_or(survey::DEFAULT_MIN_GROUP, |x| x as usize);
        SurveySettings {
            min_group,
            line: Some(self.line(span)),
        }
    }

    pub(in crate::load) fn check_responses(&mut self, raw: &RawFile, ids: &Ids) -> Vec<Response> {
        let mut out = Vec::new();
        // Line of the first response with each id.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, (span, r)) in raw.responses.iter().enumerate() {
            let field = format!("response.{i}");
            let line = self.line(span);
            if let Some(id) = &r.id {
                self.response_id(id, &field, line, &mut seen);
            }
            if let Some(response) = self.response(r, &field, ids, line) {
                out.push(response);
            }
        }
        out
    }

    /// Check one response's id: text, 1 to 64 characters, not used before.
    fn response_id<'a>(
        &mut self,
        id: &'a Spanned<toml::Value>,
        field: &str,
        line: usize,
        seen: &mut HashMap<&'a str, usize>,
    ) {
        let at = Some(id.span());
        let field = format!("{field}.id");
        let toml::Value::String(text) = id.get_ref() else {
            self.report(at.as_ref(), field, Problem::ResponseIdNotText);
            return;
        };
        let chars = text.chars().count();
        if chars == 0 {
            self.report(at.as_ref(), field, Problem::Empty);
        } else if chars > limits::MAX_ID_CHARS {
            self.report(
                at.as_ref(),
                field,
                Problem::TooLong {
                    what: "response ids",
                    chars,
                    max: limits::MAX_ID_CHARS,
                },
            );
        } else if let Some(&first_line) = seen.get(text.as_str()) {
            self.report(
                at.as_ref(),
                field,
                Problem::DuplicateResponseId { first_line },
            );
        } else {
            seen.insert(text, line);
        }
    }

    fn response(
        &mut self,
        r: &RawResponse,
        field: &str,
        ids: &Ids,
        line: usize,
    ) -> Option<Response> {
        let before = self.problems.len();
        let body = r
            .body
            .as_ref()
            .and_then(|b| self.body_ref(ids, b, &format_args!("{field}.body")));
        let influence = self.ratings(r.influence.as_ref(), ids, field, "influence");
        let expertise = self.ratings(r.expertise.as_ref(), ids, field, "expertise");
        let position = self.ratings(r.position.as_ref(), ids, field, "position");
        let mut trust = BTreeMap::new();
        for (id, rating) in r.trust.iter().flatten() {
            let path = format!("{field}.trust.{id}");
            let target = self.rated_body(ids, id, rating, &path);
            let value = self.on_scale(rating, &path, scale::TRUST, TRUST_WORDS);
            match (&r.body, body) {
                (None, _) => {
                    self.report(Some(&rating.span()), path, Problem::TrustWithoutBody);
                }
                (Some(own), Some(b)) if target == Some(b) => {
                    self.report(
                        Some(&rating.span()),
                        path,
                        Problem::OwnTrust {
                            id: own.get_ref().clone(),
                        },
                    );
                }
                _ => {
                    if let (Some(t), Some(v)) = (target, value) {
                        trust.insert(t, v);
                    }
                }
            }
        }
        let question = |cx: &mut Self, v: &Option<Spanned<f64>>, name: &str, range, words| {
            v.as_ref()
                .and_then(|v| cx.on_scale(v, &format!("{field}.{name}"), range, words))
                .map(|x| x as u8)
        };
        let outside_meetings = question(
            self,
            &r.outside_meetings,
            "outside_meetings",
            scale::OUTSIDE_MEETINGS,
            OUTSIDE_WORDS,
        );
        let consensus_reflects = question(
            self,
            &r.consensus_reflects,
            "consensus_reflects",
            scale::CONSENSUS_REFLECTS,
            CONSENSUS_WORDS,
        );
        let free_to_disagree = question(
            self,
            &r.free_to_disagree,
            "free_to_disagree",
            scale::FREE_TO_DISAGREE,
            FREE_WORDS,
        );
        let priorities_set_by = r
            .priorities_set_by
            .as_ref()
            .and_then(|b| self.body_ref(ids, b, &format_args!("{field}.priorities_set_by")));
        if self.problems.len() > before {
            return None;
        }
        Some(Response {
            body,
            influence,
            expertise,
            position,
            trust,
            outside_meetings,
            included_outside: r.included_outside,
            consensus_reflects,
            free_to_disagree,
            priorities_set_by,
            line,
        })
    }

    /// A map of 0..=5 ratings by body id.
    fn ratings(
        &mut self,
        raw: Option<&BTreeMap<String, Spanned<f64>>>,
        ids: &Ids,
        field: &str,
        what: &str,
    ) -> BTreeMap<usize, f64> {
        let mut out = BTreeMap::new();
        for (id, rating) in raw.into_iter().flatten() {
            let path = format!("{field}.{what}.{id}");
            let body = self.rated_body(ids, id, rating, &path);
            let value = self.on_scale(rating, &path, scale::RATING, "");
            if let (Some(b), Some(v)) = (body, value) {
                out.insert(b, v as f64);
            }
        }
        out
    }

    /// The body a rating is keyed by, or an error at the rating.
    fn rated_body(
        &mut self,
        ids: &Ids,
        id: &str,
        rating: &Spanned<f64>,
        path: &str,
    ) -> Option<usize> {
        match ids.index.get(id) {
            Some(&b) => Some(b),
            None => {
                if !ids.failed.iter().any(|f| f == id) {
                    self.report(
                        Some(&rating.span()),
                        path,
                        Problem::UnknownBody {
                            id: id.to_string(),
                            known: String::new(),
                        },
                    );
                }
                None
            }
        }
    }

    /// A whole number on `(min, max)`, or an error saying what is allowed.
    fn on_scale(
        &mut self,
        v: &Spanned<f64>,
        field: &str,
        (min, max): (i64, i64),
        words: &'static str,
    ) -> Option<i64> {
        let x = *v.get_ref();
        if x.fract() == 0.0 && x >= min as f64 && x <= max as f64 {
            // Whole and within a small range: exact as an integer.
            return Some(x as i64);
        }
        self.report(
            Some(&v.span()),
            field,
            Problem::NotOnScale {
                value: x,
                min,
                max,
                scale: words,
            },
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::load::diagnostic::LoadError;
    use crate::model::Response;

    const BODIES: &str = "[[body]]\nid = \"council\"\n[[body]]\nid = \"cvs\"\n";

    fn errors(extra: &str) -> Vec<String> {
        match crate::load_str(&format!("{BODIES}{extra}")) {
            Err(LoadError::Invalid { diagnostics, .. }) => {
                diagnostics.iter().map(ToString::to_string).collect()
            }
            other => panic!("expected errors, got {other:?}"),
        }
    }

    #[track_caller]
    fn error(extra: &str, expected: &str) {
        assert_eq!(errors(extra), [expected]);
    }

    #[test]
    fn a_full_response_is_checked_into_body_indices_without_its_id() {
        let p = crate::load_str(&format!(
            "{BODIES}[survey]\nmin_group = 2\n[[response]]\nid = \"r-1\"\nbody = \"cvs\"\n\
             influence = {{ council = 5, cvs = 2 }}\nexpertise = {{ cvs = 4 }}\n\
             position = {{ council = 5 }}\ntrust = {{ council = -1 }}\noutside_meetings = 3\n\
             included_outside = false\nconsensus_reflects = 2\nfree_to_disagree = 1\n\
             priorities_set_by = \"council\"\n[[response]]\n"
        ))
        .unwrap();
        assert_eq!(p.survey.min_group, 2);
        assert_eq!(p.survey.line, Some(5));
        assert_eq!(p.responses.len(), 2);
        let r = &p.responses[0];
        assert_eq!(
            *r,
            Response {
                body: Some(1),
                influence: [(0, 5.0), (1, 2.0)].into(),
                expertise: [(1, 4.0)].into(),
                position: [(0, 5.0)].into(),
                trust: [(0, -1)].into(),
                outside_meetings: Some(3),
                included_outside: Some(false),
                consensus_reflects: Some(2),
                free_to_disagree: Some(1),
                priorities_set_by: Some(0),
                line: 7,
            }
        );
        // An empty response is a respondent who answered nothing.
        assert_eq!(
            p.responses[1],
            Response {
                line: 19,
                ..Response::default()
            }
        );
        // No id anywhere in the checked data.
        assert!(!format!("{p:?}").contains("r-1"));
    }

    #[test]
    fn without_a_survey_table_groups_start_at_three() {
        let p = crate::load_str(BODIES).unwrap();
        assert_eq!((p.survey.min_group, p.survey.line), (3, None));
        assert!(p.responses.is_empty());
    }

    #[test]
    fn every_mistake_names_its_field_and_what_is_allowed() {
        error(
            "[[response]]\ninfluence = { council = 6 }\n",
            "6:25: response.0.influence.council: must be a whole number from 0 to 5, got 6",
        );
        error(
            "[[response]]\nexpertise = { cvs = 2.5 }\n",
            "6:21: response.0.expertise.cvs: must be a whole number from 0 to 5, got 2.5",
        );
        error(
            "[[response]]\nposition = { club = 1 }\n",
            "6:21: response.0.position.club: no body has id `club`; the bodies are: council, cvs",
        );
        error(
            "[[response]]\nbody = \"cvs\"\ntrust = { cvs = 1 }\n",
            "7:17: response.0.trust.cvs: `cvs` is the respondent's own body: trust rates the history with each of the other partners",
        );
        error(
            "[[response]]\ntrust = { cvs = 1 }\n",
            "6:17: response.0.trust.cvs: trust needs `body`: it rates the history between the respondent's organisation and each other partner",
        );
        error(
            "[[response]]\nbody = \"cvs\"\ntrust = { council = -3 }\n",
            "7:21: response.0.trust.council: must be a whole number from -2 to 2 (-2 long mistrust ... 2 long, positive history), got -3",
        );
        error(
            "[[response]]\noutside_meetings = 5\n",
            "6:20: response.0.outside_meetings: must be a whole number from 0 to 4 (0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always), got 5",
        );
        error(
            "[[response]]\nconsensus_reflects = 0\n",
            "6:22: response.0.consensus_reflects: must be a whole number from 1 to 5 (1 the most powerful partner's view ... 5 all partners' views), got 0",
        );
        error(
            "[[response]]\nfree_to_disagree = 9\n",
            "6:20: response.0.free_to_disagree: must be a whole number from 1 to 5 (1 not at all ... 5 completely), got 9",
        );
        error(
            "[[response]]\npriorities_set_by = \"health\"\n",
            "6:21: response.0.priorities_set_by: no body has id `health`; the bodies are: council, cvs",
        );
        error(
            "[survey]\nmin_group = 0\n",
            "6:13: survey.min_group: must be a whole number from 1 to 1000, got 0",
        );
        error(
            "[[response]]\nincluded_outside = \"yes\"\n",
            "6:20: response.0.included_outside: invalid type: string \"yes\", expected a boolean",
        );
        let unknown = errors("[[response]]\nrating = 3\n");
        assert!(
            unknown[0].starts_with("6:1: response.0.rating: unknown field `rating`"),
            "{unknown:?}"
        );
    }

    #[test]
    fn id_errors_never_repeat_the_id() {
        let long = "x".repeat(65);
        let cases = [
            (
                "[[response]]\nid = \"secret-7\"\n[[response]]\nid = \"secret-7\"\n".to_string(),
                "8:6: response.1.id: the response on line 5 already has this id: give each response its own id (a response's id is never printed)",
            ),
            (
                "[[response]]\nid = 77123\n".to_string(),
                "6:6: response.0.id: must be text in quotes, e.g. id = \"r-017\" (a response's id is never printed)",
            ),
            (
                format!("[[response]]\nid = \"{long}\"\n"),
                "6:6: response.0.id: 65 characters long: powershare reads response ids of at most 64 characters",
            ),
            (
                "[[response]]\nid = \"\"\n".to_string(),
                "6:6: response.0.id: must not be empty",
            ),
        ];
        for (text, expected) in cases {
            let e = errors(&text);
            assert_eq!(e, [expected]);
            for secret in ["secret-7", "77123", &long] {
                assert!(!e[0].contains(secret), "{e:?}");
            }
        }
    }

    #[test]
    fn survey_thresholds_are_read_from_the_policy() {
        let p = crate::load_str(&format!(
            "{BODIES}[policy]\nmin_agreement = 0.5\nmax_self_gap = 2\n"
        ))
        .unwrap();
        assert_eq!(
            (p.policy.min_agreement, p.policy.max_self_gap),
            (Some(0.5), Some(2.0))
        );
        error(
            "[policy]\nmax_self_gap = 6\n",
            "6:16: policy.max_self_gap: must be between 0 and 5, got 6",
        );
        error(
            "[policy]\nmin_agreement = -0.1\n",
            "6:17: policy.min_agreement: must be between 0 and 1, got -0.1",
        );
    }
}
