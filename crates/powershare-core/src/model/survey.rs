//! The partners' own view: the checked `[[response]]` tables and the
//! `[survey]` settings.
//!
//! A [`Response`] holds what one person answered, and nothing that names
//! them: the loader checks a response's `id` (unique, at most 64
//! characters) and then drops it, so no measure, report or renderer can
//! print it. Anonymity is a property of the data, not a care every
//! renderer has to take.

use std::collections::BTreeMap;

/// `[survey] min_group` when the file does not set it.
pub const DEFAULT_MIN_GROUP: usize = 3;

/// `[policy] min_agreement` when no policy sets it: below an influence
/// agreement (Krippendorff's alpha) of 0.4 the partners see power very
/// differently (`views-diverge`).
pub const DEFAULT_MIN_AGREEMENT: f64 = 0.4;

/// The scales of the questionnaire: the smallest and the largest answer.
pub mod scale {
    /// `influence`, `expertise` and `position` ratings: 0 (none) to 5.
    pub const RATING: (i64, i64) = (0, 5);
    /// `trust`: -2 (long mistrust) to 2 (long, positive history).
    pub const TRUST: (i64, i64) = (-2, 2);
    /// `outside_meetings`: 0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always.
    pub const OUTSIDE_MEETINGS: (i64, i64) = (0, 4);
    /// `consensus_reflects`: 1 the most powerful partner's view to 5 all partners' views.
    pub const CONSENSUS_REFLECTS: (i64, i64) = (1, 5);
    /// `free_to_disagree`: 1 not at all to 5 completely.
    pub const FREE_TO_DISAGREE: (i64, i64) = (1, 5);
    /// The words of the `outside_meetings` scale, from 0.
    pub const OUTSIDE_MEETINGS_WORDS: [&str; 5] =
        ["never", "rarely", "sometimes", "often", "almost always"];
}

/// How the responses are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveySettings {
    /// A partner's own respondents are shown as a group only from this many.
    pub min_group: usize,
    /// Line of the `[survey]` table, when the file has one.
    pub line: Option<usize>,
}

impl Default for SurveySettings {
    fn default() -> Self {
        SurveySettings {
            min_group: DEFAULT_MIN_GROUP,
            line: None,
        }
    }
}

/// What one person answered. There is no id: see the module documentation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    /// The respondent's own organisation (a body index); `None` for someone
    /// who is not a partner, such as an independent chair.
    pub body: Option<usize>,
    /// How much say each partner has, 0..=5, by body index.
    pub influence: BTreeMap<usize, f64>,
    /// How much each partner's knowledge counts, 0..=5, by body index.
    pub expertise: BTreeMap<usize, f64>,
    /// Each partner's importance or standing, 0..=5, by body index.
    pub position: BTreeMap<usize, f64>,
    /// The history between the respondent's organisation and each other
    /// partner, -2..=2, by body index (never its own body).
    pub trust: BTreeMap<usize, i64>,
    /// How often the real decisions are made outside the formal meetings,
    /// 0 (never) ..= 4 (almost always).
    pub outside_meetings: Option<u8>,
    /// When they are, whether the respondent's organisation is part of them.
    pub included_outside: Option<bool>,
    /// Whether a consensus reflects the most powerful partner's view (1)
    /// or all partners' views (5).
    pub consensus_reflects: Option<u8>,
    /// Whether the respondent's organisation could disagree openly with
    /// the main funder without risk: 1 not at all ..= 5 completely.
    pub free_to_disagree: Option<u8>,
    /// The partner that, in practice, sets the priorities (a body index).
    pub priorities_set_by: Option<usize>,
    /// Line of the `[[response]]` table. Not shown in reports: a line
    /// points at one person's answers.
    pub line: usize,
}
