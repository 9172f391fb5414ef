//! The partners' questionnaire, printed by `powershare survey template
//! FILE`: the CSV header a form tool or spreadsheet fills in, and the
//! questionnaire itself in markdown or as one self-contained HTML page to
//! print on A4. The questions, their scales and the CSV columns they fill
//! are written once, here.

pub mod csv;
pub mod html;
pub mod markdown;

use powershare_core::Partnership;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// One of the partners, or none (the respondent's organisation).
    Organisation,
    /// One rating per partner on the scale.
    PerPartner {
        /// The CSV columns' prefix (`influence`).
        prefix: &'static str,
    },
    /// One point on the scale.
    Scale(&'static str),
    /// Yes or no.
    YesNo(&'static str),
    /// One partner.
    Partner(&'static str),
}

/// One question.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    /// What is asked.
    pub text: &'static str,
    /// A note under it, or "".
    pub note: &'static str,
    /// The answers, from the lowest: (value, words).
    pub scale: &'static [(i64, &'static str)],
    /// How it is answered.
    pub answer: Answer,
}

const RATING_SCALE: &[(i64, &str)] = &[
    (0, "none"),
    (1, "very little"),
    (2, "some"),
    (3, "a fair amount"),
    (4, "a lot"),
    (5, "the most"),
];

/// Every question, in the order asked.
pub const QUESTIONS: [Question; 10] = [
    Question {
        text: "Which organisation in the partnership do you belong to?",
        note: "If none, for example as an independent chair, say so.",
        scale: &[],
        answer: Answer::Organisation,
    },
    Question {
        text: "How much say does each partner have over what the partnership decides?",
        note: "Rate every partner, your own organisation too.",
        scale: RATING_SCALE,
        answer: Answer::PerPartner {
            prefix: "influence",
        },
    },
    Question {
        text: "How much does each partner's knowledge and expertise count in the partnership's discussions?",
        note: "",
        scale: RATING_SCALE,
        answer: Answer::PerPartner {
            prefix: "expertise",
        },
    },
    Question {
        text: "How much importance or standing does each partner have in the partnership?",
        note: "",
        scale: RATING_SCALE,
        answer: Answer::PerPartner { prefix: "position" },
    },
    Question {
        text: "What has the history been between your organisation and each other partner?",
        note: "Leave out your own organisation, and skip this question if you belong to none.",
        scale: &[
            (-2, "long mistrust"),
            (-1, "some mistrust"),
            (0, "neither, or no history"),
            (1, "some good history"),
            (2, "long, positive history"),
        ],
        answer: Answer::PerPartner { prefix: "trust" },
    },
    Question {
        text: "How often are the real decisions made outside the partnership's formal meetings?",
        note: "",
        scale: &[
            (0, "never"),
            (1, "rarely"),
            (2, "sometimes"),
            (3, "often"),
            (4, "almost always"),
        ],
        answer: Answer::Scale("outside_meetings"),
    },
    Question {
        text: "When they are, is your organisation part of them?",
        note: "",
        scale: &[],
        answer: Answer::YesNo("included_outside"),
    },
    Question {
        text: "When the partnership agrees by consensus, whose view does the agreement reflect?",
        note: "",
        scale: &[
            (1, "the most powerful partner's view"),
            (2, ""),
            (3, ""),
            (4, ""),
            (5, "all partners' views"),
        ],
        answer: Answer::Scale("consensus_reflects"),
    },
    Question {
        text: "Could your organisation disagree openly with the partnership's main funder without risk?",
        note: "",
        scale: &[
            (1, "not at all"),
            (2, ""),
            (3, ""),
            (4, ""),
            (5, "completely"),
        ],
        answer: Answer::Scale("free_to_disagree"),
    },
    Question {
        text: "Which partner, in practice, sets the partnership's priorities?",
        note: "",
        scale: &[],
        answer: Answer::Partner("priorities_set_by"),
    },
];

/// The title of the questionnaire.
pub fn title(p: &Partnership) -> String {
    match &p.period {
        Some(period) => format!(
            "{} ({period}): how do you see the partnership?",
            p.display_name()
        ),
        None => format!("{}: how do you see the partnership?", p.display_name()),
    }
}

/// What the questionnaire is for, and how the answers are kept.
pub fn introduction(p: &Partnership) -> String {
    format!(
        "These questions ask how power and influence are shared in {}. Answer for yourself, from where you sit; leave out any question you cannot answer. Your answers are anonymous: they are shown only added up, and the answers of your own organisation's respondents only when at least {} people from it have answered.",
        p.display_name(),
        p.survey.min_group
    )
}

/// A closing note for the person who keeps the partnership's file.
pub const FOR_THE_FILE_KEEPER: &str = "For the person who keeps the partnership's file: each answer goes in the CSV column named beside it (`powershare survey template FILE` writes the header); `powershare survey import FILE RESPONSES.csv` adds the answers. The id column is your own reference to each questionnaire; it is never printed.";
