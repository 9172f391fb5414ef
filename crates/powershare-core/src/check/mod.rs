//! `powershare check`: a partnership's power-sharing policy as rules, each
//! passed, breached or skipped, with the lines of the file that a breach
//! concerns.
//!
//! # Where thresholds come from
//!
//! Three [`PolicyLayer`]s are stacked, later winning: the file's own
//! `[policy]`, then a programme-wide policy file, then command-line flags.
//! For each threshold (`max_composite_gini`, `max_top_share`,
//! `max_dependence`, `power_seat_gap`) the last layer that sets it wins.
//! `deny` lists add up: a finding code denied by any layer is denied.
//! The effective thresholds are also the ones the findings are computed
//! with (see [`EffectivePolicy::apply`]), so `funding-dependence`,
//! `power-seat-gap` and `symbolic-partnership` agree with the rules.
//!
//! # The rules
//!
//! A rule exists only when its threshold is set by some layer.
//!
//! - `max_composite_gini`: the Gini of the composite shares is at most the
//!   threshold. Skipped when there is no composite (no dimension has data)
//!   or the Gini is undefined (one body).
//! - `max_top_share`: the largest composite share is at most the threshold.
//!   Skipped when there is no composite.
//! - `max_dependence`: the largest D(i on j) over every ordered pair of
//!   bodies (funding from j / income of i, plus stated `[[dependence]]`
//!   shares, capped at 1) is at most the threshold. Skipped when the file
//!   records no `[[funding]]` and no `[[dependence]]`. It counts stated
//!   dependence too, so it can fail where the `funding-dependence` finding
//!   (funding only, same threshold) does not appear.
//! - `deny CODE`: no finding with that code. Skipped for the voting codes
//!   (`dictator`, `veto-player`, `dummy-seat`, `power-seat-gap`,
//!   `non-monotone-power`) when the board's voting power could not be
//!   computed, and, when it was estimated by Monte Carlo, for all of them
//!   but `dictator` and `veto-player`, whose flags are exact under every
//!   method; skipped for the survey's own codes (`views-diverge` ...
//!   `unheard-partner`, [`SURVEY_ONLY`](crate::findings::survey::SURVEY_ONLY))
//!   when the file has no `[[response]]`.
//!
//! A value rule is breached when its value exceeds the threshold by more
//! than 1e-12 (the tolerance the findings use): a value exactly at its
//! threshold passes.

mod locate;
mod policy;

pub use locate::finding_lines;
pub use policy::{Denied, EffectivePolicy, PolicyLayer, Source, Threshold};

use serde::Serialize;

use crate::findings::{Finding, robust};
use crate::load::diagnostic::LoadError;
use crate::measures::ScoreOptions;
use crate::measures::board::PowerBasis;
use crate::measures::inequality::normalised_gini;
use crate::model::{FindingCode, Partnership};
use crate::report::Report;
use crate::report::score;

/// Tolerance for comparing a measured value with its threshold.
const EPSILON: f64 = 1e-12;

/// Finding codes that need the board's voting power.
const VOTING_CODES: &[FindingCode] = &[
    FindingCode::Dictator,
    FindingCode::VetoPlayer,
    FindingCode::DummySeat,
    FindingCode::PowerSeatGap,
    FindingCode::NonMonotonePower,
];

/// Voting codes whose findings are exact even when power is estimated.
const EXACT_UNDER_ESTIMATES: &[FindingCode] = &[FindingCode::Dictator, FindingCode::VetoPlayer];

/// The outcome of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleStatus {
    /// Within the policy.
    Pass,
    /// The data needed to judge the rule is absent; not a failure.
    Skipped,
    /// The policy is breached.
    Breach,
}

impl RuleStatus {
    /// The name as shown.
    pub fn name(self) -> &'static str {
        match self {
            RuleStatus::Pass => "pass",
            RuleStatus::Skipped => "skipped",
            RuleStatus::Breach => "breach",
        }
    }
}

/// One thing that breaches a rule, with the lines of the file it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// Ids of the bodies concerned.
    pub bodies: Vec<String>,
    /// Lines of the bodies or table entries concerned (1-based; empty when unknown).
    pub lines: Vec<usize>,
    /// One plain sentence.
    pub message: String,
}

/// The result of one rule on one partnership.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    /// `max_composite_gini`, `max_top_share`, `max_dependence` or `deny`.
    pub rule: &'static str,
    /// The denied finding code, for `deny`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<FindingCode>,
    /// Pass, breach or skipped.
    pub status: RuleStatus,
    /// The threshold (absent for `deny`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// The measured value (for `deny`, the number of findings with the code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Where the threshold or the denial came from.
    pub source: Source,
    /// One sentence: what was measured against what, or why the rule was skipped.
    pub message: String,
    /// What breaches the rule (empty unless breached).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
    /// On the rules that judge the composite (`max_composite_gini`,
    /// `max_normalised_gini`, `max_top_share`, `deny symbolic-partnership`)
    /// when passed or breached: whether the outcome is the same at every
    /// vertex weighting (each dimension's weight halved or doubled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub robust: Option<bool>,
}

impl RuleResult {
    /// The rule's name as shown: `max_top_share`, or `deny dummy-seat`.
    pub fn name(&self) -> String {
        match &self.code {
            Some(code) => format!("{} {code}", self.rule),
            None => self.rule.to_string(),
        }
    }
}

/// The outcome for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Every rule passed or was skipped.
    Pass,
    /// Some rule was breached.
    Breach,
    /// The file could not be read or failed validation: nothing was checked.
    Unusable,
}

impl FileStatus {
    /// The name as shown.
    pub fn name(self) -> &'static str {
        match self {
            FileStatus::Pass => "pass",
            FileStatus::Breach => "breach",
            FileStatus::Unusable => "unusable",
        }
    }
}

/// Why a file is unusable: one problem, located when possible.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileProblem {
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The field path, when there is one (`body.cvs.seats`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong and what is allowed.
    pub message: String,
}

/// The check of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileCheck {
    /// The path as given (or as found in a directory).
    pub path: String,
    /// Pass, breach or unusable.
    pub status: FileStatus,
    /// The partnership's name, when the file could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partnership: Option<String>,
    /// The partnership's period, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The policy that applied, when the file could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<EffectivePolicy>,
    /// Every rule, in the order of [`check`].
    pub rules: Vec<RuleResult>,
    /// Why the file is unusable (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FileProblem>,
    /// Not a file at all: a path given that yielded no file (a pattern
    /// matching nothing, a directory without `*.toml` files). Listed as
    /// unusable, counted apart from the files in [`Summary`].
    #[serde(skip)]
    pub unmatched: bool,
}

impl FileCheck {
    /// The check of a valid partnership, scored with `policy` already applied.
    pub fn checked(path: &str, p: &Partnership, report: &Report, policy: EffectivePolicy) -> Self {
        let rules = check(p, report, &policy);
        let status = if rules.iter().any(|r| r.status == RuleStatus::Breach) {
            FileStatus::Breach
        } else {
            FileStatus::Pass
        };
        FileCheck {
            path: path.to_string(),
            status,
            partnership: Some(p.display_name().to_string()),
            period: p.period.clone(),
            policy: Some(policy),
            rules,
            problems: Vec::new(),
            unmatched: false,
        }
    }

    /// A file that failed to load: every problem, located.
    pub fn unusable(path: &str, error: &LoadError) -> Self {
        let problems = match error {
            LoadError::Invalid { diagnostics, more } => diagnostics
                .iter()
                .map(|d| FileProblem {
                    line: d.position.map(|p| p.line),
                    column: d.position.map(|p| p.column),
                    field: (!d.field.is_empty()).then(|| d.field.clone()),
                    message: d.problem.to_string(),
                })
                .chain((*more > 0).then(|| FileProblem {
                    line: None,
                    column: None,
                    field: None,
                    message: crate::load::diagnostic::more_problems(*more),
                }))
                .collect(),
            LoadError::NotUtf8 { position, .. } => vec![FileProblem {
                line: Some(position.line),
                column: Some(position.column),
                field: None,
                message: error.to_string(),
            }],
            other => vec![FileProblem {
                line: None,
                column: None,
                field: None,
                message: other.to_string(),
            }],
        };
        Self::with_problems(path, problems)
    }

    /// A path that yielded no file (a pattern matching nothing, a directory
    /// without `*.toml` files): unusable, and not counted as a file.
    pub fn unmatched(path: &str, message: &str) -> Self {
        FileCheck {
            unmatched: true,
            ..Self::unreadable(path, message)
        }
    }

    /// A file that could not be read at all.
    pub fn unreadable(path: &str, message: &str) -> Self {
        Self::with_problems(
            path,
            vec![FileProblem {
                line: None,
                column: None,
                field: None,
                message: message.to_string(),
            }],
        )
    }

    fn with_problems(path: &str, problems: Vec<FileProblem>) -> Self {
        FileCheck {
            path: path.to_string(),
            status: FileStatus::Unusable,
            partnership: None,
            period: None,
            policy: None,
            rules: Vec::new(),
            problems,
            unmatched: false,
        }
    }
}

/// Layer the policies, score `p` with the effective thresholds, and check it.
///
/// ```
/// use powershare_core::check::{check_partnership, FileStatus, PolicyLayer};
/// let p = powershare_core::load_str("[[body]]\nid = \"a\"\nincome = 9\n[[body]]\nid = \"b\"\nincome = 1\n").unwrap();
/// let flags = PolicyLayer { max_top_share: Some(0.5), ..PolicyLayer::default() };
/// let result = check_partnership("p.toml", p, &PolicyLayer::default(), &flags, Default::default());
/// // Body a holds 90% of the resources, the only dimension with data.
/// assert_eq!(result.status, FileStatus::Breach);
/// ```
pub fn check_partnership(
    path: &str,
    p: Partnership,
    programme: &PolicyLayer,
    flags: &PolicyLayer,
    options: ScoreOptions,
) -> FileCheck {
    score_and_check(path, &p, programme, flags, options).1
}

/// [`check_partnership`], keeping the report it was judged on (scored with
/// the effective thresholds and weights, as [`under_policy`] gives them).
pub fn score_and_check(
    path: &str,
    p: &Partnership,
    programme: &PolicyLayer,
    flags: &PolicyLayer,
    options: ScoreOptions,
) -> (Report, FileCheck) {
    let (policy, options) = under_policy(p, programme, flags, options);
    let report = score(p, options);
    let check = FileCheck::checked(path, p, &report, policy);
    (report, check)
}

/// The policy that applies to `p` (its own `[policy]`, then `programme`,
/// then `flags`) and the options to score it with: the effective
/// thresholds, and the weights of `options` (a programme policy's, which
/// replace the file's own `[weights]`).
///
/// Under a programme policy or flags, a file's own thresholds can only make
/// its findings stricter ([`EffectivePolicy::thresholds`]), and a
/// programme policy that sets the weights leaves the file's `[weights]`
/// unused: a partnership cannot pass a funder's check by editing its own
/// file.
pub fn under_policy(
    p: &Partnership,
    programme: &PolicyLayer,
    flags: &PolicyLayer,
    options: ScoreOptions,
) -> (EffectivePolicy, ScoreOptions) {
    let own = PolicyLayer::from(&p.policy);
    let mut policy = EffectivePolicy::layered(&[
        (Source::File, &own),
        (Source::Programme, programme),
        (Source::Flag, flags),
    ]);
    policy.weights_set_by = options.weights.map(|_| Source::Programme);
    policy.file_may_only_tighten =
        !programme.is_empty() || !flags.is_empty() || options.weights.is_some();
    let options = ScoreOptions {
        thresholds: Some(policy.thresholds()),
        ..options
    };
    (policy, options)
}

/// Counts over a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files that passed.
    pub passed: usize,
    /// Files that breached their policy.
    pub breached: usize,
    /// Files that could not be used.
    pub unusable: usize,
    /// Paths given that yielded no file (patterns matching nothing,
    /// directories without `*.toml`); not counted in `files`.
    #[serde(skip_serializing_if = "is_zero")]
    pub unmatched: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Count the outcomes of `files`.
    pub fn of(files: &[FileCheck]) -> Self {
        let count = |s: FileStatus| {
            files
                .iter()
                .filter(|f| f.status == s && !f.unmatched)
                .count()
        };
        let unmatched = files.iter().filter(|f| f.unmatched).count();
        Summary {
            files: files.len() - unmatched,
            passed: count(FileStatus::Pass),
            breached: count(FileStatus::Breach),
            unusable: count(FileStatus::Unusable),
            unmatched,
        }
    }

    /// `4 files: 1 passed, 2 breached their policy, 1 unusable`, then
    /// `; 1 path matched no file` when some did.
    pub fn sentence(&self) -> String {
        let mut s = format!(
            "{} file{}: {} passed, {} breached their policy, {} unusable",
            self.files,
            if self.files == 1 { "" } else { "s" },
            self.passed,
            self.breached,
            self.unusable
        );
        if self.unmatched > 0 {
            s.push_str(&format!(
                "; {} path{} matched no file",
                self.unmatched,
                if self.unmatched == 1 { "" } else { "s" }
            ));
        }
        s
    }
}

/// A value as shown next to its limit: three decimals, more when three
/// would hide the difference.
fn show(value: f64, limit: f64) -> (String, String) {
    let (v, l) = (format!("{value:.3}"), format!("{limit:.3}"));
    if v == l && (value - limit).abs() > EPSILON {
        (format!("{value:.6}"), format!("{limit:.6}"))
    } else {
        (v, l)
    }
}

fn judge(value: f64, limit: f64) -> RuleStatus {
    if value > limit + EPSILON {
        RuleStatus::Breach
    } else {
        RuleStatus::Pass
    }
}

/// Why `report` has no composite: no dimension has data, or every one
/// that has is weighted 0.
fn no_composite(report: &Report) -> String {
    if report.dimensions.iter().any(|d| d.present) {
        "every dimension with data has weight 0, so there is no composite".to_string()
    } else {
        "no dimension has data, so there is no composite".to_string()
    }
}

/// Check `p` (scored into `report` with `policy` applied) against `policy`:
/// `max_composite_gini`, `max_normalised_gini`, `max_top_share`, `max_dependence`, then one `deny`
/// rule per denied code in the report order of the codes.
pub fn check(p: &Partnership, report: &Report, policy: &EffectivePolicy) -> Vec<RuleResult> {
    let mut out = Vec::new();
    let top = report.top_body();
    let composite = report.indices.get("composite");
    if let Some(t) = policy.max_composite_gini {
        let gini = composite.and_then(|c| c.gini);
        let reason = match composite {
            None => no_composite(report),
            Some(c) => c
                .undefined
                .get("gini")
                .cloned()
                .unwrap_or_else(|| "the Gini is undefined".into()),
        };
        out.push(value_rule(
            "max_composite_gini",
            t,
            gini.ok_or(reason.clone()),
            composite.and_then(|c| c.gini_range),
            |value, limit, status| {
                format!(
                    "composite Gini {value} is {} the limit of {limit} set by {}",
                    if status == RuleStatus::Breach {
                        "above"
                    } else {
                        "within"
                    },
                    t.source.describe()
                )
            },
            |message| top_violation(p, report, top, message),
        ));
    }
    if let Some(t) = policy.max_normalised_gini {
        let n = composite.map_or(0, |c| c.n);
        let value = composite.and_then(|c| c.gini_normalised);
        let reason = match composite {
            None => no_composite(report),
            Some(c) => c
                .undefined
                .get("gini_normalised")
                .cloned()
                .unwrap_or_else(|| "the normalised Gini is undefined".into()),
        };
        let range = composite
            .and_then(|c| c.gini_range)
            .and_then(|[lo, hi]| Some([normalised_gini(lo, n)?, normalised_gini(hi, n)?]));
        out.push(value_rule(
            "max_normalised_gini",
            t,
            value.ok_or(reason),
            range,
            |value, limit, status| {
                format!(
                    "normalised composite Gini {value} (Gini x n/(n-1), n = {n}) is {} the limit of {limit} set by {}",
                    if status == RuleStatus::Breach {
                        "above"
                    } else {
                        "within"
                    },
                    t.source.describe()
                )
            },
            |message| top_violation(p, report, top, message),
        ));
    }
    if let Some(t) = policy.max_top_share {
        let value = top
            .and_then(|i| report.bodies[i].composite)
            .ok_or_else(|| no_composite(report));
        let name = top.map_or("", |i| report.bodies[i].name.as_str());
        out.push(value_rule(
            "max_top_share",
            t,
            value,
            composite.and_then(|c| c.top_share_range),
            |value, limit, status| {
                format!(
                    "{name} holds {value} of the composite power, {} the limit of {limit} set by {}",
                    if status == RuleStatus::Breach {
                        "above"
                    } else {
                        "within"
                    },
                    t.source.describe()
                )
            },
            |message| top_violation(p, report, top, message),
        ));
    }
    if let Some(t) = policy.max_dependence {
        out.push(dependence_rule(p, report, t));
    }
    for denied in &policy.deny {
        out.push(deny_rule(p, report, denied));
    }
    out
}

/// A rule comparing one measured value with a threshold.
fn value_rule(
    rule: &'static str,
    t: Threshold,
    value: Result<f64, String>,
    range: Option<[f64; 2]>,
    sentence: impl Fn(&str, &str, RuleStatus) -> String,
    violation: impl Fn(String) -> Violation,
) -> RuleResult {
    match value {
        Err(reason) => RuleResult {
            rule,
            code: None,
            status: RuleStatus::Skipped,
            limit: Some(t.value),
            value: None,
            source: t.source,
            message: format!("not checked: {reason}"),
            violations: Vec::new(),
            robust: None,
        },
        Ok(value) => {
            let status = judge(value, t.value);
            let (v, l) = show(value, t.value);
            let range = range.map(|[lo, hi]| [lo.min(value), hi.max(value)]);
            // The range holds the value itself, so the outcome is the same
            // everywhere when it is the same at both ends.
            let robust =
                range.map(|[lo, hi]| judge(lo, t.value) == status && judge(hi, t.value) == status);
            let mut message = sentence(&v, &l, status);
            match (robust, range) {
                (Some(true), _) => {
                    message.push_str("; this ");
                    message.push_str(robust::HOLDS);
                }
                (Some(false), Some([lo, hi])) => {
                    let (lo, hi) = show(lo, hi);
                    message.push_str(&format!(
                        "; this {}: at half or twice each dimension's weight the value ranges from {lo} to {hi}",
                        robust::DEPENDS
                    ));
                }
                _ => {}
            }
            let violations = if status == RuleStatus::Breach {
                vec![violation(message.clone())]
            } else {
                Vec::new()
            };
            RuleResult {
                rule,
                code: None,
                status,
                limit: Some(t.value),
                value: Some(value),
                source: t.source,
                message,
                violations,
                robust,
            }
        }
    }
}

/// A composite rule's breach points at the body holding the most power.
fn top_violation(
    p: &Partnership,
    report: &Report,
    top: Option<usize>,
    message: String,
) -> Violation {
    Violation {
        bodies: top
            .map(|i| report.bodies[i].id.clone())
            .into_iter()
            .collect(),
        lines: top.map(|i| p.bodies[i].line).into_iter().collect(),
        message,
    }
}

fn dependence_rule(p: &Partnership, report: &Report, t: Threshold) -> RuleResult {
    if p.funding.is_empty() && p.dependence.is_empty() {
        return RuleResult {
            rule: "max_dependence",
            code: None,
            status: RuleStatus::Skipped,
            limit: Some(t.value),
            value: None,
            source: t.source,
            message: "not checked: no [[funding]] or [[dependence]] recorded".into(),
            violations: Vec::new(),
            robust: None,
        };
    }
    // The report lists every pair with D > 0, `of` then `on` in file order.
    let largest =
        report
            .dependence
            .iter()
            .fold(None::<&crate::report::Dyad>, |best, d| match best {
                Some(b) if b.share >= d.share => Some(b),
                _ => Some(d),
            });
    let value = largest.map_or(0.0, |d| d.share);
    let status = judge(value, t.value);
    let name = |id: &str| {
        p.body_index(id)
            .map_or_else(|| id.to_string(), |i| p.bodies[i].name.clone())
    };
    let violations: Vec<Violation> = report
        .dependence
        .iter()
        .filter(|d| judge(d.share, t.value) == RuleStatus::Breach)
        .map(|d| {
            let (v, l) = show(d.share, t.value);
            let (of, on) = (p.body_index(&d.of), p.body_index(&d.on));
            let mut lines: Vec<usize> = p
                .funding
                .iter()
                .filter(|f| Some(f.to) == of && Some(f.from) == on)
                .map(|f| f.line)
                .chain(
                    p.dependence
                        .iter()
                        .filter(|s| Some(s.of) == of && Some(s.on) == on)
                        .map(|s| s.line),
                )
                .collect();
            lines.sort_unstable();
            Violation {
                bodies: vec![d.of.clone(), d.on.clone()],
                lines,
                message: format!(
                    "{} depends on {} for {v} of what it needs (funding {:.3} of its income, stated {:.3}), above the limit of {l} set by {}",
                    name(&d.of),
                    name(&d.on),
                    d.funding,
                    d.stated,
                    t.source.describe()
                ),
            }
        })
        .collect();
    let (v, l) = show(value, t.value);
    let message = match largest {
        Some(d) if status == RuleStatus::Breach => format!(
            "{} pair{} above the limit of {l} set by {}; the largest: {} depends on {} for {v}",
            violations.len(),
            if violations.len() == 1 {
                " is"
            } else {
                "s are"
            },
            t.source.describe(),
            name(&d.of),
            name(&d.on)
        ),
        Some(d) => format!(
            "the largest dependence, {} on {}, is {v}, within the limit of {l} set by {}",
            name(&d.of),
            name(&d.on),
            t.source.describe()
        ),
        None => format!(
            "no body depends on another, within the limit of {l} set by {}",
            t.source.describe()
        ),
    };
    RuleResult {
        rule: "max_dependence",
        code: None,
        status,
        limit: Some(t.value),
        value: Some(value),
        source: t.source,
        message,
        violations,
        robust: None,
    }
}

fn deny_rule(p: &Partnership, report: &Report, denied: &Denied) -> RuleResult {
    let code = denied.code;
    let base = |status, value, message, violations| RuleResult {
        rule: "deny",
        code: Some(denied.code),
        status,
        limit: None,
        value,
        source: denied.source,
        message,
        violations,
        robust: None,
    };
    // A voting code cannot be judged without power; on estimates only the
    // dictator and veto flags are exact (each rests on two coalitions).
    let unjudged = report.board.as_ref().and_then(|b| match b.power {
        PowerBasis::None => b.note.clone(),
        PowerBasis::Estimated if !EXACT_UNDER_ESTIMATES.contains(&code) => b.note.clone(),
        _ => None,
    });
    if VOTING_CODES.contains(&code)
        && let Some(note) = unjudged
    {
        return base(
            RuleStatus::Skipped,
            None,
            format!("not checked: {note}"),
            Vec::new(),
        );
    }
    if crate::findings::survey::SURVEY_ONLY.contains(&code) && report.survey.is_none() {
        return base(
            RuleStatus::Skipped,
            None,
            "not checked: the file has no [[response]], so there is no survey to judge".into(),
            Vec::new(),
        );
    }
    let found: Vec<&Finding> = report.findings.iter().filter(|f| f.code == code).collect();
    let violations: Vec<Violation> = found
        .iter()
        .map(|f| Violation {
            bodies: f.bodies.clone(),
            lines: finding_lines(p, f),
            message: f.message.clone(),
        })
        .collect();
    let n = found.len();
    let mut result = if n == 0 {
        base(
            RuleStatus::Pass,
            Some(0.0),
            format!("no `{code}` finding"),
            Vec::new(),
        )
    } else {
        base(
            RuleStatus::Breach,
            Some(n as f64),
            format!(
                "{n} `{code}` finding{}, denied by {}",
                if n == 1 { "" } else { "s" },
                denied.source.describe()
            ),
            violations,
        )
    };
    if code == FindingCode::SymbolicPartnership {
        symbolic_robustness(report, &mut result);
    }
    result
}

/// `deny symbolic-partnership`, passed or breached: whether the outcome is
/// the same at every vertex weighting ([`Report::symbolic_robust`]).
fn symbolic_robustness(report: &Report, result: &mut RuleResult) {
    if result.status == RuleStatus::Skipped {
        return;
    }
    // Without a composite at the file's weights there is none at any vertex
    // weighting either (a dimension weighted 0 stays 0 when halved or
    // doubled), so the verdict cannot change: it holds.
    let robust = report.symbolic_robust.unwrap_or(true);
    result.robust = Some(robust);
    result.message.push_str("; this ");
    result.message.push_str(if robust {
        robust::HOLDS
    } else {
        robust::DEPENDS
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::DEFAULT_MAX_DEPENDENCE;

    const FILE: &str = r#"
[[body]]
id = "council"
income = 1000
seats = 3

[[body]]
id = "cvs"
income = 100
seats = 1

[[body]]
id = "club"
income = 10
seats = 1

[board]
quota = "majority"

[[funding]]
from = "council"
to = "cvs"
amount = 70

[[dependence]]
of = "club"
on = "council"
share = 0.5

[[relationship]]
between = ["cvs", "council"]
trust = -1

[policy]
max_top_share = 0.9
deny = ["mistrust"]
"#;

    fn run(programme: PolicyLayer, flags: PolicyLayer) -> FileCheck {
        let p = crate::load_str(FILE).unwrap();
        check_partnership("f.toml", p, &programme, &flags, ScoreOptions::default())
    }

    #[track_caller]
    fn rule<'a>(f: &'a FileCheck, name: &str) -> &'a RuleResult {
        f.rules
            .iter()
            .find(|r| r.name() == name)
            .unwrap_or_else(|| panic!("no rule {name} in {:?}", f.rules))
    }

    #[test]
    fn rules_of_the_hand_case() {
        let f = run(
            PolicyLayer {
                max_dependence: Some(0.6),
                max_composite_gini: Some(0.9),
                ..Default::default()
            },
            PolicyLayer::default(),
        );
        let names: Vec<String> = f.rules.iter().map(RuleResult::name).collect();
        assert_eq!(
            names,
            [
                "max_composite_gini",
                "max_top_share",
                "max_dependence",
                "deny mistrust"
            ]
        );
        // Resources: income 1000/1110, 100/1110, 10/1110. Voting: majority of
        // 5 is 3, the council (3 seats) is a dictator: 1, 0, 0. Dependence:
        // D(cvs on council) = 70/100 = 0.7, D(club on council) = 0.5, so the
        // council has 1.2 of 1.2. Composite of the council: (0.9009 + 1 + 1)/3.
        let top = rule(&f, "max_top_share");
        let expected = (1000.0 / 1110.0 + 2.0) / 3.0;
        assert!((top.value.unwrap() - expected).abs() < 1e-12);
        assert_eq!(top.status, RuleStatus::Breach);
        assert_eq!(top.violations[0].lines, vec![3]);
        // Largest D is 0.7 (cvs on council), above 0.6: the [[funding]] on line 20.
        let dep = rule(&f, "max_dependence");
        assert_eq!(dep.status, RuleStatus::Breach);
        assert_eq!(dep.value, Some(0.7));
        assert_eq!(dep.violations.len(), 1);
        assert_eq!(dep.violations[0].bodies, ["cvs", "council"]);
        assert_eq!(dep.violations[0].lines, vec![20]);
        // The mistrust finding points at the [[relationship]] on line 30.
        let mistrust = rule(&f, "deny mistrust");
        assert_eq!(mistrust.status, RuleStatus::Breach);
        assert_eq!(mistrust.violations[0].lines, vec![30]);
        assert_eq!(mistrust.source, Source::File);
        assert_eq!(f.status, FileStatus::Breach);
    }

    #[test]
    fn stated_dependence_counts_for_the_rule() {
        // club: funding 0, stated 0.5. A limit of 0.45 catches it and the cvs (0.7).
        let f = run(
            PolicyLayer::default(),
            PolicyLayer {
                max_dependence: Some(0.45),
                ..Default::default()
            },
        );
        let dep = rule(&f, "max_dependence");
        let pairs: Vec<&[String]> = dep.violations.iter().map(|v| &v.bodies[..]).collect();
        assert_eq!(pairs, [&["cvs", "council"][..], &["club", "council"][..]]);
        assert_eq!(dep.violations[1].lines, vec![25]);
        assert_eq!(dep.source, Source::Flag);
    }

    #[test]
    fn findings_use_the_effective_thresholds() {
        // funding-dependence fires for cvs (0.7 of its income) only when the
        // effective max_dependence is below 0.7 (the default is 0.5).
        let deny = |max| PolicyLayer {
            max_dependence: max,
            deny: vec![FindingCode::FundingDependence],
            ..Default::default()
        };
        let strict = run(deny(None), PolicyLayer::default());
        assert_eq!(
            rule(&strict, "deny funding-dependence").status,
            RuleStatus::Breach
        );
        let lenient = run(deny(Some(0.8)), PolicyLayer::default());
        assert_eq!(
            rule(&lenient, "deny funding-dependence").status,
            RuleStatus::Pass
        );
    }

    #[test]
    fn exactly_at_the_limit_passes() {
        let f = run(
            PolicyLayer {
                max_dependence: Some(0.7),
                ..Default::default()
            },
            PolicyLayer::default(),
        );
        assert_eq!(rule(&f, "max_dependence").status, RuleStatus::Pass);
    }

    #[test]
    fn rules_without_data_are_skipped_not_failed() {
        let p = crate::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
        let flags = PolicyLayer {
            max_composite_gini: Some(0.1),
            max_top_share: Some(0.1),
            max_dependence: Some(0.1),
            ..Default::default()
        };
        let f = check_partnership(
            "f.toml",
            p,
            &PolicyLayer::default(),
            &flags,
            ScoreOptions::default(),
        );
        assert!(
            f.rules.iter().all(|r| r.status == RuleStatus::Skipped),
            "{:?}",
            f.rules
        );
        assert_eq!(f.status, FileStatus::Pass);
    }

    /// The deny rules of `codes` on a board of `seats`, each on its own body.
    fn voting_rules(seats: &[u64], codes: &[&str]) -> (Report, Vec<RuleResult>) {
        let mut text = String::new();
        for (i, s) in seats.iter().enumerate() {
            text.push_str(&format!("[[body]]\nid = \"b{i}\"\nseats = {s}\n"));
        }
        let quoted: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
        text.push_str(&format!("[policy]\ndeny = [{}]\n", quoted.join(", ")));
        let p = crate::load_str(&text).unwrap();
        let report = score(&p, ScoreOptions::default());
        let f = check_partnership(
            "f.toml",
            p,
            &PolicyLayer::default(),
            &PolicyLayer::default(),
            ScoreOptions::default(),
        );
        (report, f.rules)
    }

    #[test]
    fn voting_denials_are_judged_on_exact_power_beyond_64_bit_counts() {
        // 70 equal bodies: exact (generating functions), but the 2^69 + ...
        // winning coalitions do not fit the report's 64-bit count.
        let (report, rules) = voting_rules(&[1; 70], &["dummy-seat", "mistrust"]);
        let board = report.board.as_ref().unwrap();
        assert_eq!(board.power, PowerBasis::Exact);
        assert_eq!(board.winning_coalitions, None);
        assert_eq!(rules[0].status, RuleStatus::Pass, "{}", rules[0].message);
        assert_eq!(rules[1].status, RuleStatus::Pass);
    }

    #[test]
    fn on_estimated_power_only_the_exact_flags_are_judged() {
        // A small board scored exactly, then marked as a Monte Carlo
        // estimate (a real one takes seconds in a debug build: the seats
        // must be too large for every exact method).
        let text = "[[body]]\nid = \"a\"\nseats = 2\n[[body]]\nid = \"b\"\nseats = 1\n\
                    [[body]]\nid = \"c\"\nseats = 1\n\
                    [policy]\ndeny = [\"dictator\", \"veto-player\", \"dummy-seat\"]\n";
        let p = crate::load_str(text).unwrap();
        let mut report = score(&p, ScoreOptions::default());
        let board = report.board.as_mut().unwrap();
        assert_eq!(board.power, PowerBasis::Exact);
        board.power = PowerBasis::Estimated;
        board.note = Some("voting power computed by monte-carlo".into());
        let own = PolicyLayer::from(&p.policy);
        let rules = check(
            &p,
            &report,
            &EffectivePolicy::layered(&[(Source::File, &own)]),
        );
        // Quota 3 of 4: a is in every winning coalition, a veto player.
        assert_eq!(rules[0].status, RuleStatus::Pass, "{}", rules[0].message);
        assert_eq!(rules[1].status, RuleStatus::Breach, "{}", rules[1].message);
        assert_eq!(rules[2].status, RuleStatus::Skipped);
        assert_eq!(
            rules[2].message,
            "not checked: voting power computed by monte-carlo"
        );
    }

    #[test]
    fn unusable_files_keep_every_located_problem() {
        let e = crate::load_str("[[body]]\nid = \"A\"\nincome = -1\n").unwrap_err();
        let f = FileCheck::unusable("bad.toml", &e);
        assert_eq!(f.status, FileStatus::Unusable);
        let located: Vec<(Option<usize>, Option<&str>)> = f
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_deref()))
            .collect();
        assert_eq!(
            located,
            [
                (Some(2), Some("body.0.id")),
                (Some(3), Some("body.0.income"))
            ]
        );
    }

    /// Two bodies: `big` has 90% of the income and a quarter of the
    /// position ratings; equal seats, so voting is even.
    const EVEN_BOARD: &str = r#"
[[body]]
id = "big"
income = 900
position = 1
seats = 1
[[body]]
id = "small"
income = 100
position = 3
seats = 1
"#;

    #[test]
    fn a_file_cannot_pass_by_weighting_its_own_dimensions() {
        // Resources 0.9 / 0.1, position 0.25 / 0.75, voting (a majority of
        // two equal seats needs both) 0.5 / 0.5. Default weights: big holds
        // (0.9 + 0.25 + 0.5) / 3 = 0.55. The gaming file weights resources
        // and position 0: only voting is left, 0.5 each, under the limit.
        let honest = crate::load_str(EVEN_BOARD).unwrap();
        let gaming = crate::load_str(&format!(
            "{EVEN_BOARD}[weights]\nresources = 0\nposition = 0\n"
        ))
        .unwrap();
        let programme = PolicyLayer {
            max_top_share: Some(0.528),
            ..Default::default()
        };
        let run = |p: &Partnership, weights| {
            let options = ScoreOptions {
                weights,
                ..Default::default()
            };
            score_and_check("f.toml", p, &programme, &PolicyLayer::default(), options).1
        };
        // The file's own weights: the gaming file passes.
        let top = |f: &FileCheck| rule(f, "max_top_share").value.unwrap();
        assert!((top(&run(&honest, None)) - 0.55).abs() < 1e-12);
        assert!((top(&run(&gaming, None)) - 0.5).abs() < 1e-12);
        assert_eq!(run(&gaming, None).status, FileStatus::Pass);
        // Weights locked by the programme: both breach, alike.
        let locked = Some(crate::model::WeightSet::default());
        let (h, g) = (run(&honest, locked), run(&gaming, locked));
        assert_eq!(h.status, FileStatus::Breach);
        assert_eq!(h, g);
        assert_eq!(h.policy.unwrap().weights_set_by, Some(Source::Programme));
    }

    #[test]
    fn a_file_cannot_switch_off_a_denied_finding_by_raising_its_own_limits() {
        // FILE: cvs gets 70% of its income from the council. The programme
        // denies funding-dependence without a limit of its own: the default
        // 0.5 applies, and the file's max_dependence = 0.9 may not raise it.
        let lax = FILE.replace(
            "max_top_share = 0.9",
            "max_top_share = 0.9\nmax_dependence = 0.9",
        );
        let p = crate::load_str(&lax).unwrap();
        let programme = PolicyLayer {
            deny: vec![FindingCode::FundingDependence],
            ..Default::default()
        };
        let f = check_partnership(
            "f.toml",
            p.clone(),
            &programme,
            &PolicyLayer::default(),
            ScoreOptions::default(),
        );
        assert_eq!(
            rule(&f, "deny funding-dependence").status,
            RuleStatus::Breach
        );
        // The file's own rule still uses its own limit: 0.7 is within 0.9.
        assert_eq!(rule(&f, "max_dependence").status, RuleStatus::Pass);
        // Alone, the file is its own authority: its limit holds for the
        // finding too, and its own deny list does not name the code.
        let alone = check_partnership(
            "f.toml",
            p,
            &PolicyLayer::default(),
            &PolicyLayer::default(),
            ScoreOptions::default(),
        );
        let report = score(&crate::load_str(&lax).unwrap(), ScoreOptions::default());
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.code != FindingCode::FundingDependence)
        );
        assert_eq!(alone.status, FileStatus::Breach); // deny mistrust
    }

    #[test]
    fn stricter_file_limits_still_count_for_the_findings() {
        // Under a programme, a file's max_dependence counts for the finding
        // up to the default 0.5: 0.3 tightens it, 0.8 is cut to 0.5. The
        // finding's evidence shows the limit it used.
        for limit in [0.3_f64, 0.8] {
            let text = FILE.replace("max_top_share = 0.9", &format!("max_dependence = {limit}"));
            let p = crate::load_str(&text).unwrap();
            let programme = PolicyLayer {
                deny: vec![FindingCode::Dictator],
                ..Default::default()
            };
            let (policy, options) = under_policy(
                &p,
                &programme,
                &PolicyLayer::default(),
                ScoreOptions::default(),
            );
            let used = limit.min(DEFAULT_MAX_DEPENDENCE);
            assert_eq!(policy.thresholds().max_dependence, Some(used));
            assert_eq!(policy.max_dependence.unwrap().value, limit);
            let r = score(&p, options);
            let f = r
                .findings
                .iter()
                .find(|f| f.code == FindingCode::FundingDependence)
                .unwrap();
            assert_eq!(f.evidence.get("limit"), Some(&used));
        }
    }

    #[test]
    fn normalised_gini_rule() {
        // FILE's composite, from rules_of_the_hand_case: council
        // (1000/1110 + 2)/3, cvs (100/1110)/3, club (10/1110)/3. Gini of
        // three values a >= b >= c summing to 1: ((2*3 - 4) a + (2*2 - 4) b
        // + (2 - 4) c) / 3 = (2a - 2c) / 3; normalised x 3/2 = a - c.
        let a = (1000.0 / 1110.0 + 2.0) / 3.0;
        let c = 10.0 / 1110.0 / 3.0;
        let f = run(
            PolicyLayer::default(),
            PolicyLayer {
                max_normalised_gini: Some(0.9),
                ..Default::default()
            },
        );
        let r = rule(&f, "max_normalised_gini");
        assert!((r.value.unwrap() - (a - c)).abs() < 1e-12, "{r:?}");
        assert_eq!(r.status, RuleStatus::Breach);
        assert_eq!(r.robust, Some(true), "{}", r.message);
    }

    #[track_caller]
    fn case(value: f64, limit: f64, shown: (&str, &str)) {
        let (v, l) = show(value, limit);
        assert_eq!((v.as_str(), l.as_str()), shown);
    }

    #[test]
    fn values_show_enough_digits_to_differ_from_the_limit() {
        case(0.42, 0.3, ("0.420", "0.300"));
        case(0.5004, 0.5, ("0.500400", "0.500000"));
        case(0.5, 0.5, ("0.500", "0.500"));
    }
}
