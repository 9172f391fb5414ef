//! The partners' survey in every document: the report's "How the partners
//! see it" section (text, markdown, HTML), and the questionnaire that
//! `powershare survey template` prints.

/// A heading for people for each survey finding code (the HTML report's
/// finding cards); `None` for the other codes.
pub fn finding_title(code: powershare_core::model::FindingCode) -> Option<&'static str> {
    use powershare_core::model::FindingCode as C;
    Some(match code {
        C::ViewsDiverge => "Partners see power differently",
        C::SelfImageGap => "A partner sees itself unlike the others",
        C::OutsideMeetingDealing => "Real decisions made outside the meetings",
        C::ConsensusDoubted => "Consensus seen as the strongest partner's view",
        C::FearOfDisagreeing => "Not free to disagree with the funder",
        C::PrioritiesCaptured => "One partner sets the priorities",
        C::UnheardPartner => "A partner not heard in the survey",
        _ => return None,
    })
}

pub mod csv;
pub mod diff;
pub mod html;
pub mod markdown;
pub mod text;

use powershare_core::Report;
use powershare_core::measures::survey::{Answers, Rated, Survey, View};

/// Krippendorff's alpha from which partners "broadly agree" (his bound for
/// tentative conclusions from coded data).
pub const BROAD_AGREEMENT: f64 = 0.667;

/// The agreement on one question in words, with the number.
pub fn agreement_words(s: &Survey, q: Rated) -> String {
    match s.alpha(q) {
        Some(a) if a >= BROAD_AGREEMENT => {
            format!("partners broadly agree (Krippendorff's alpha {a:.2})")
        }
        Some(a) if a >= s.min_agreement => {
            format!("partners partly agree (Krippendorff's alpha {a:.2})")
        }
        Some(a) => format!("partners see power very differently (Krippendorff's alpha {a:.2})"),
        None => format!(
            "cannot be measured: {}",
            s.agreement_undefined
                .get(q.name())
                .map_or("too few ratings", String::as_str)
        ),
    }
}

/// Who answered, in one sentence.
pub fn respondents_sentence(s: &Survey) -> String {
    let heard = s.bodies.iter().filter(|b| b.respondents > 0).count();
    let mut out = format!(
        "{} respondent{} from {heard} of the {} partners",
        s.respondents,
        if s.respondents == 1 { "" } else { "s" },
        s.bodies.len()
    );
    if s.without_body > 0 {
        out.push_str(&format!(
            ", and {} not from a partner (such as an independent chair)",
            s.without_body
        ));
    }
    if s.perceptions > 0 {
        out.push_str(&format!(
            "; {} of them are the file's [[perception]] ratings",
            s.perceptions
        ));
    }
    out.push_str(&format!(
        ". A partner's own respondents are shown as a group only from {} of them.",
        s.min_group
    ));
    out
}

/// A mean or a median: one decimal.
pub fn one(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{v:.1}"))
}

/// A rating as given: whole numbers without a decimal.
pub fn rating(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The range of the others' ratings, `3-5`, or `-`.
pub fn range(v: &View) -> String {
    match (v.others.min, v.others.max) {
        (Some(lo), Some(hi)) if lo == hi => rating(lo),
        (Some(lo), Some(hi)) => format!("{}-{}", rating(lo), rating(hi)),
        _ => "-".into(),
    }
}

/// The self view as a cell: its mean and n, "not shown" below min_group,
/// or "-" when none of the partner's own respondents rated it.
pub fn self_cell(v: &View, min_group: usize) -> String {
    match (&v.own, v.self_suppressed) {
        (Some(own), _) => format!("{:.1} (n {})", own.mean, own.n),
        (None, true) => format!("not shown (fewer than {min_group})"),
        (None, false) => "-".into(),
    }
}

/// The others' mean and, when published, the self mean: `4.5 (self 3.0)`.
pub fn mean_with_self(v: &View) -> String {
    match &v.own {
        Some(own) => format!("{} (self {:.1})", one(v.others.mean), own.mean),
        None => one(v.others.mean),
    }
}

/// A question of the questionnaire as the report shows it.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    /// The key in files.
    pub key: &'static str,
    /// The question, short.
    pub title: &'static str,
    /// The words of each answer, from the lowest.
    pub words: &'static [&'static str],
}

/// The three questions answered on a scale.
pub const SCALED: [Question; 3] = [
    Question {
        key: "outside_meetings",
        title: "How often are the real decisions made outside the formal meetings?",
        words: &powershare_core::model::survey::scale::OUTSIDE_MEETINGS_WORDS,
    },
    Question {
        key: "consensus_reflects",
        title: "When the partnership agrees by consensus, whose view does it reflect?",
        words: &[
            "the most powerful partner's view",
            "",
            "",
            "",
            "all partners' views",
        ],
    },
    Question {
        key: "free_to_disagree",
        title: "Could your organisation disagree openly with the main funder without risk?",
        words: &["not at all", "", "", "", "completely"],
    },
];

/// The answers of a scaled question in the survey.
pub fn answers_of<'s>(s: &'s Survey, key: &str) -> &'s Answers {
    let q = &s.questions;
    match key {
        "outside_meetings" => &q.outside_meetings.answers,
        "consensus_reflects" => &q.consensus_reflects,
        _ => &q.free_to_disagree.answers,
    }
}

/// What a question's answers add up to, in one sentence.
pub fn question_summary(s: &Survey, key: &str) -> String {
    let a = answers_of(s, key);
    if a.n == 0 {
        return "no answers".into();
    }
    let q = SCALED
        .iter()
        .find(|q| q.key == key)
        .map_or(&SCALED[0], |q| q);
    let lowest: i64 = a
        .answers
        .0
        .first()
        .and_then(|(k, _)| k.parse().ok())
        .unwrap_or(0);
    let median = a.median.unwrap_or(0.0);
    let word = |k: f64| q.words[((k as i64) - lowest).clamp(0, q.words.len() as i64 - 1) as usize];
    let words = if median.fract() == 0.0 {
        word(median).to_string()
    } else if word(median.floor()).is_empty() || word(median.ceil()).is_empty() {
        String::new()
    } else {
        format!(
            "between {} and {}",
            word(median.floor()),
            word(median.ceil())
        )
    };
    let words = if words.is_empty() {
        String::new()
    } else {
        format!(" ({words})")
    };
    let mut out = format!(
        "median {}{words} of {} answer{}",
        rating(median),
        a.n,
        if a.n == 1 { "" } else { "s" }
    );
    match key {
        "outside_meetings" => {
            if let Some(share) = s.questions.outside_meetings.often_share {
                out.push_str(&format!(
                    "; {} say often or almost always",
                    crate::render::numbers::pct0(share)
                ));
            }
        }
        "free_to_disagree" => {
            let f = &s.questions.free_to_disagree.funded;
            if f.n > 0 {
                out.push_str(&format!(
                    "; among partners funded by another partner, median {} of {}",
                    rating(f.median.unwrap_or(0.0)),
                    f.n
                ));
            }
        }
        _ => {}
    }
    out
}

/// The label of answer `key` (`"3"`) of question `q`: `3 often`.
pub fn answer_label(q: &Question, key: &str, lowest: i64) -> String {
    let k: i64 = key.parse().unwrap_or(0);
    let word = q
        .words
        .get((k - lowest).max(0) as usize)
        .copied()
        .unwrap_or("");
    if word.is_empty() {
        k.to_string()
    } else {
        format!("{k} {word}")
    }
}

/// The names of the partners with no respondent.
pub fn unheard_names<'r>(r: &'r Report, s: &'r Survey) -> Vec<&'r str> {
    s.unheard()
        .into_iter()
        .map(|id| crate::render::story::name_of(r, id))
        .collect()
}
