//! The argument definitions (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use powershare_core::model::FindingCode;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  `check`: a partnership breached its power-sharing policy
  2  unusable input: unreadable file, invalid TOML, failed validation, or bad arguments

Start with `powershare init > partnership.toml`, edit it, then `powershare validate partnership.toml`.";

/// Measure power asymmetry in partnerships between public agencies,
/// voluntary organisations and community groups.
#[derive(Debug, Parser)]
#[command(name = "powershare", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Colour in text output: `auto` colours only on a terminal and when
    /// NO_COLOR is not set.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check partnership files against the input format and print `ok` or every problem found.
    #[command(after_help = AFTER_HELP)]
    Validate(ValidateArgs),
    /// One page for a board pack: the headline, the key numbers, the see-saw (HTML) and the three most severe findings with what to do.
    #[command(after_help = BRIEF_HELP)]
    Brief(BriefArgs),
    /// Score partnership files: per-body shares, inequality indices, voting power, dependence and findings.
    #[command(after_help = AFTER_HELP)]
    Report(ReportArgs),
    /// Voting power of one weighted vote: `powershare power --quota 6 4 3 2 1`.
    #[command(after_help = POWER_HELP)]
    Power(PowerArgs),
    /// Explain an index, dimension or finding; with no name, list them all.
    Explain(ExplainArgs),
    /// Print a commented, valid partnership file to start from.
    Init(InitArgs),
    /// Check partnership files against their power-sharing policy (exit 1 on a breach).
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Compare two partnership files, or two directories of them matched by relative path.
    #[command(after_help = AFTER_HELP)]
    Diff(DiffArgs),
    /// Print the JSON Schema of the input format, for editors.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man(ManArgs),
    /// Search seat allocations and quotas whose voting power comes closest to a target share per body.
    #[command(after_help = AFTER_HELP)]
    Rebalance(RebalanceArgs),
    /// Change values of a partnership file (--set PATH=VALUE), score it again, and print what changed, as `diff` does.
    #[command(after_help = WHATIF_HELP)]
    Whatif(WhatifArgs),
    /// The partners' questionnaire: print it for a partnership, or import its answers from CSV.
    #[command(after_help = SURVEY_HELP)]
    Survey(SurveyArgs),
    /// One overview of many partnerships: a row per file, the programme's findings, trends over periods.
    #[command(after_help = PROGRAMME_HELP)]
    Programme(ProgrammeArgs),
}

const SURVEY_HELP: &str = "\
From questionnaire to report, in five commands (docs/survey.md):
  powershare survey template partnership.toml --format html -o questionnaire.html
  powershare survey template partnership.toml -o responses.csv
  (fill in responses.csv: one row per respondent, from the forms or a spreadsheet)
  powershare survey import partnership.toml responses.csv
  powershare validate partnership.toml
  powershare report partnership.toml --format html -o report.html

A response's id is never printed in any output; a partner's own respondents
are shown as a group only from [survey] min_group of them (default 3).

Exit codes:
  0  success
  2  unusable input: an unreadable or invalid file, a bad CSV cell (every one is
     listed as RESPONSES.csv:ROW:COLUMN), or bad arguments; nothing is written";

/// Arguments of `survey`.
#[derive(Debug, Args)]
pub struct SurveyArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: SurveyCommand,
}

/// The commands of `survey`.
#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Print the questionnaire for a partnership: the CSV header to fill in, or the questions in markdown or HTML.
    #[command(after_help = SURVEY_HELP)]
    Template(TemplateArgs),
    /// Add the rows of a CSV of answers to the partnership file as [[response]] tables.
    #[command(after_help = SURVEY_HELP)]
    Import(ImportArgs),
}

/// Output formats of `survey template`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    /// The CSV header row that `survey import` reads: id, body, influence.ID, ...
    Csv,
    /// The questionnaire in markdown.
    Markdown,
    /// The questionnaire as one self-contained HTML page that prints on A4.
    Html,
}

/// Arguments of `survey template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The partnership file (its partners are named in the questionnaire).
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TemplateFormat::Csv)]
    pub format: TemplateFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Arguments of `survey import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The partnership file the responses are added to.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    /// The CSV of answers: one header row (see `survey template`), one row per respondent.
    /// `,` or `;`, UTF-8 with or without a byte-order mark.
    #[arg(value_name = "RESPONSES.csv")]
    pub responses: PathBuf,
    /// Write the partnership with the responses here and leave FILE as it is.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Remove FILE's [[response]] tables first, so the CSV replaces them.
    #[arg(long)]
    pub replace: bool,
}

const PROGRAMME_HELP: &str = "\
Files with the same [partnership] id (or, without one, the same name) and
different periods are one partnership: the overview shows its trend, periods
in the natural order of their text (\"2024-25\" before \"2025-26\", \"Q2 2025\"
before \"Q10 2025\").

With --policy every file is checked as `check --policy` does (its own
[policy], then the programme's) and marked passed or breached; the policy's
[weights] or `lock_weights = true` replace every file's own weights.

Exit codes:
  0  the overview was written (breaches do not change it: that is `check`'s job)
  2  some file was unusable (it is still listed, as unusable), or bad arguments";

/// Output formats of `programme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgrammeFormat {
    /// A readable terminal overview.
    Text,
    /// GitHub-flavoured markdown (a job summary, a wiki page).
    Markdown,
    /// One self-contained HTML page: a sortable table, histograms, trend charts.
    Html,
    /// One row per file, for spreadsheets.
    Csv,
    /// The JSON contract (see docs/commands.md).
    Json,
}

/// Arguments of `programme`.
#[derive(Debug, Args)]
pub struct ProgrammeArgs {
    /// Partnership files, directories searched recursively for `*.toml`, or glob patterns.
    #[arg(required = true, value_name = "DIR|FILE|GLOB")]
    pub paths: Vec<PathBuf>,
    /// A programme policy file (as for `check --policy`): each file is marked
    /// passed or breached, and its [weights] or lock_weights apply to every file.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ProgrammeFormat::Text)]
    pub format: ProgrammeFormat,
    /// Write the overview to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Also write each partnership's full HTML report into this directory
    /// (created if needed), and link the overview's rows to them.
    #[arg(long, value_name = "DIR")]
    pub reports_dir: Option<PathBuf>,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}

const WHATIF_HELP: &str = "\
Paths name fields as validation errors do:
  partnership.{name,period,currency,host}
  body.ID.{name,sector,income,staff,contribution,position,seats}, body.ID.expertise.DOMAIN
  board.{quota,veto,also_majority_of_bodies,chair,casting_vote}
  funding.N.{from,to,amount,kind}, dependence.N.{of,on,share,what}
  contact.N.{between,frequency}, relationship.N.{between,kind,trust}
  decision.N.{title,proposed_by,outcome,how,supported,opposed,date,topic,driver}
  perception.N.rater, perception.N.influence.ID
  weights.DIMENSION, policy.{max_composite_gini,max_top_share,max_dependence,power_seat_gap,deny}
ID is a body id; N an entry's number, from 0, in file order. Values are TOML or plain words:
  --set body.cvs.seats=3 --set board.quota=two-thirds --set board.veto=[] --set funding.0.amount=0

Exit codes:
  0  success
  2  unusable input: unreadable file, invalid TOML, failed validation (before or after the changes),
     an unknown path or a value of the wrong kind";

const BRIEF_HELP: &str = "\
The HTML brief is one self-contained page that prints on one A4 sheet; the
full report (`powershare report FILE --format html`) has every chart and
number. `powershare explain CODE` gives the guidance behind each finding.

Exit codes:
  0  success
  2  unusable input: unreadable file, invalid TOML, failed validation, or bad arguments";

/// Output formats of `brief`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefFormat {
    /// Markdown, for a board paper or a wiki page.
    Markdown,
    /// One self-contained HTML page with the see-saw, printable on one A4 page.
    Html,
    /// Plain text, for a terminal or an email.
    Text,
}

/// Arguments of `brief`.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// The partnership file.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = BriefFormat::Markdown)]
    pub format: BriefFormat,
    /// Write the brief to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A readable terminal report.
    Text,
    /// The JSON contract (see docs/commands.md).
    Json,
    /// GitHub-flavoured markdown (pull-request comments, wikis, job summaries).
    Markdown,
    /// One CSV table for spreadsheets; choose it with --table.
    Csv,
    /// One self-contained HTML page with charts (no network needed; prints on A4).
    Html,
}

/// The CSV tables of `report --format csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTableArg {
    /// One row per body: every share, the composite, voting power and more.
    Bodies,
    /// One row per ordered pair: dependence, power advantage, informal tie, trust.
    Dyads,
    /// One row per dimension and inequality index.
    Indices,
}

/// Voting index behind the voting dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VotingIndexArg {
    /// Normalised Banzhaf index.
    Banzhaf,
    /// Shapley-Shubik index.
    ShapleyShubik,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Partnership files, or directories searched recursively for `*.toml`.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links found inside directories (without this they
    /// are skipped, and counted in a note on stderr; links named on the
    /// command line are always followed).
    #[arg(long)]
    pub follow: bool,
    /// Output format. With several files, json prints an array of reports.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
    /// The CSV table to write (only with --format csv; default bodies).
    #[arg(long, value_enum, value_name = "TABLE")]
    pub table: Option<CsvTableArg>,
    /// Write the report to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Leave out the markdown and HTML section "what would share power more
    /// evenly" (a quick search for a board design closer to equal voting power).
    #[arg(long)]
    pub no_redesign: bool,
    /// Score under a programme policy file (as `check --policy`): its
    /// thresholds over each file's own, and its weights, when it sets them,
    /// instead of each file's own.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

const POWER_HELP: &str = "\
Examples:
  powershare power --quota 6 4 3 2 1
  powershare power --quota majority --names fr,de,it,be,nl,lu 4 4 4 2 2 1
  powershare power --quota 2/3 --index banzhaf,shapley-shubik --format json 0.5 1.25 2

Weights may be decimal fractions (computed exactly by scaling). Indices too
costly at the game's size are null, with a note saying why.

Exit codes:
  0  success
  2  bad arguments: no weights, a negative or non-decimal weight, a quota
     below 1 or above the total, names not matching the weights";

/// Output formats of `power`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PowerFormat {
    /// A readable table.
    Text,
    /// One JSON object (see docs/commands.md).
    Json,
    /// One row per player.
    Csv,
}

/// An index of `power --index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IndexArg {
    /// Normalised Banzhaf.
    Banzhaf,
    /// Absolute (Penrose) Banzhaf.
    #[value(alias = "penrose")]
    BanzhafAbsolute,
    /// Shapley-Shubik.
    ShapleyShubik,
    /// Holler (public good).
    Holler,
    /// Deegan-Packel.
    DeeganPackel,
    /// Johnston.
    Johnston,
    /// Coleman power to prevent action.
    ColemanPrevent,
    /// Coleman power to initiate action.
    ColemanInitiate,
}

/// Arguments of `power`.
#[derive(Debug, Args)]
pub struct PowerArgs {
    /// The quota: an integer weight, `majority`, `two-thirds`, `unanimity`,
    /// or a fraction of the total (0.5, 2/3).
    #[arg(long, short, value_name = "Q", allow_hyphen_values = true)]
    pub quota: String,
    /// One weight per player (seats, votes, shares); decimals allowed.
    #[arg(value_name = "WEIGHT", allow_negative_numbers = true)]
    pub weights: Vec<String>,
    /// Player names, comma-separated, one per weight (default 1, 2, ...).
    #[arg(long, value_delimiter = ',', value_name = "a,b,...")]
    pub names: Option<Vec<String>>,
    /// Indices to report, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_enum, value_name = "LIST")]
    pub index: Vec<IndexArg>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = PowerFormat::Text)]
    pub format: PowerFormat,
    /// Monte Carlo only (when no exact method fits): coalitions and
    /// orderings to sample, from 2 to 10,000,000.
    #[arg(long, value_name = "N", default_value_t = 200_000,
          value_parser = clap::value_parser!(u64).range(
              powershare_core::power::MIN_SAMPLES..=powershare_core::power::MAX_SAMPLES))]
    pub samples: u64,
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// An index (gini, banzhaf...), a dimension (resources...), a finding code (dummy-seat...),
    /// voting-method, or a command (rebalance, whatif).
    pub name: Option<String>,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Partnership files, or directories searched recursively for `*.toml`.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links found inside directories (without this they
    /// are skipped, and counted in a note on stderr; links named on the
    /// command line are always followed).
    #[arg(long)]
    pub follow: bool,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Print one of the sample partnerships instead of the template:
    /// balanced-partnership, childrens-planning-forum, community-shaping,
    /// millbrook-wellbeing-alliance, youth-partnership.
    /// northfield-health-partnership (with a survey), youth-partnership.
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
}

const CHECK_AFTER_HELP: &str = "\
Thresholds come from each file's [policy], then the --policy file, then the
flags; for each threshold the last one given wins, and denied codes add up.
Under a --policy file or flags, a file's own thresholds can only make its
findings stricter, and a --policy file with [weights] or `lock_weights = true`
replaces every file's own weights.

Exit codes:
  0  every file passed
  1  some partnership breached its policy
  2  some input was unusable (every other file is still checked and reported)";

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// One block per file, one line per rule.
    Text,
    /// One object with a result per file.
    Json,
    /// GitHub Actions annotations on the offending lines.
    Github,
    /// JUnit XML: one test case per file and policy rule.
    Junit,
    /// A summary table for a CI step summary or a pull-request comment.
    Markdown,
}

/// A threshold in 0..=1.
fn unit(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(x) => Err(format!("must be between 0 and 1, got {x}")),
        Err(_) => Err(format!(
            "`{s}` is not a number; give a value between 0 and 1"
        )),
    }
}

/// A gap in rating points, 0..=5.
fn points(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=5.0).contains(&x) => Ok(x),
        Ok(x) => Err(format!("must be between 0 and 5 rating points, got {x}")),
        Err(_) => Err(format!(
            "`{s}` is not a number; give a value between 0 and 5"
        )),
    }
}

/// A finding code.
fn finding_code(s: &str) -> Result<FindingCode, String> {
    FindingCode::parse(s).ok_or_else(|| {
        format!(
            "unknown finding code; the codes are: {}",
            FindingCode::list()
        )
    })
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Partnership files, directories searched recursively for `*.toml`, or glob patterns.
    #[arg(required = true, value_name = "FILE|DIR|GLOB")]
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links found inside directories (without this they
    /// are skipped, and counted in a note on stderr; links named on the
    /// command line are always followed).
    #[arg(long)]
    pub follow: bool,
    /// A programme-wide policy file: TOML with the keys of [policy] at the top
    /// level, and optionally `lock_weights = true` or a [weights] table that
    /// replaces every file's own weights.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Largest allowed Gini of the composite shares.
    #[arg(long = "max-gini", value_name = "X", value_parser = unit)]
    pub max_gini: Option<f64>,
    /// Largest allowed normalised Gini (Gini x n/(n-1)) of the composite shares:
    /// one limit that means the same for 3 and for 30 partners.
    #[arg(long, value_name = "X", value_parser = unit)]
    pub max_normalised_gini: Option<f64>,
    /// Largest allowed composite share of one body.
    #[arg(long, value_name = "X", value_parser = unit)]
    pub max_top_share: Option<f64>,
    /// Largest allowed dependence D(i on j) of one body on another.
    #[arg(long, value_name = "X", value_parser = unit)]
    pub max_dependence: Option<f64>,
    /// Margin for the power-seat-gap finding.
    #[arg(long, value_name = "X", value_parser = unit)]
    pub power_seat_gap: Option<f64>,
    /// Least agreement of the survey's respondents on influence
    /// (Krippendorff's alpha) for the views-diverge finding.
    #[arg(long, value_name = "X", value_parser = unit)]
    pub min_agreement: Option<f64>,
    /// Largest gap, in rating points (0 to 5), between a partner's own
    /// respondents' view of its influence and the others' view, for the
    /// self-image-gap finding.
    #[arg(long, value_name = "POINTS", value_parser = points)]
    pub max_self_gap: Option<f64>,
    /// Fail when a finding with this code appears (repeatable).
    #[arg(long, value_name = "CODE", value_parser = finding_code)]
    pub deny: Vec<FindingCode>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Readable text.
    Text,
    /// Markdown, for a step summary or a pull-request comment.
    Markdown,
    /// JSON.
    Json,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier file, or a directory of them.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later file, or a directory of them.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Follow symbolic links found inside directories (without this they
    /// are skipped, and counted in a note on stderr; links named on the
    /// command line are always followed).
    #[arg(long)]
    pub follow: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {}

impl VotingIndexArg {
    /// The scoring options this choice stands for.
    pub fn options(self) -> powershare_core::ScoreOptions {
        powershare_core::ScoreOptions {
            voting_index: match self {
                VotingIndexArg::Banzhaf => powershare_core::VotingIndex::Banzhaf,
                VotingIndexArg::ShapleyShubik => powershare_core::VotingIndex::ShapleyShubik,
            },
            ..Default::default()
        }
    }

    /// [`VotingIndexArg::options`] computing only the voting index behind
    /// the composite: for the commands that show no other (check, diff,
    /// whatif, brief, a programme overview).
    pub fn composite(self) -> powershare_core::ScoreOptions {
        powershare_core::ScoreOptions {
            detail: powershare_core::VotingDetail::Composite,
            ..self.options()
        }
    }

    /// [`VotingIndexArg::composite`] with the composite's inequality table
    /// only: for `check` and a programme overview, which read no
    /// dimension's table.
    pub fn overview(self) -> powershare_core::ScoreOptions {
        powershare_core::ScoreOptions {
            tables: powershare_core::IndexTables::Composite,
            ..self.composite()
        }
    }
}

/// Output formats of `rebalance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RebalanceFormat {
    /// A readable terminal report.
    Text,
    /// JSON: target, today's design and the best designs (see docs/commands.md).
    Json,
    /// GitHub-flavoured markdown.
    Markdown,
}

/// Quotas the designs of `rebalance` may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuotaRuleArg {
    /// floor(T/2) + 1 of T seats.
    Majority,
    /// ceil(2T/3) of T seats.
    TwoThirds,
    /// Any quota from a majority to unanimity.
    Any,
}

/// Arguments of `rebalance`.
#[derive(Debug, Args)]
pub struct RebalanceArgs {
    /// The partnership file.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    /// The share of voting power each body should have: equal, seats,
    /// contribution, income, sqrt-income (the square root of income, by
    /// analogy with Penrose's square-root rule for populations), or
    /// custom:ID=SHARE,... (shares scaled to add up to 1; bodies not named
    /// get no seats).
    #[arg(long, value_name = "TARGET")]
    pub target: String,
    /// The voting-power index to match.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub index: VotingIndexArg,
    /// Most seats in total (default: today's total, and at least one per body taking part;
    /// three per body when nobody has seats).
    #[arg(long, value_name = "N")]
    pub max_seats: Option<u64>,
    /// Quotas the designs may use.
    #[arg(long, value_enum, default_value_t = QuotaRuleArg::Any)]
    pub quota_rule: QuotaRuleArg,
    /// Keep today's veto bodies' veto in every design (dropped by default).
    #[arg(long)]
    pub keep_veto: bool,
    /// Let every body take part, not only those on the board today (targets other than custom).
    #[arg(long)]
    pub all_bodies: bool,
    /// Allow designs in which a body's seats never change an outcome (a dummy
    /// seat) or one body decides alone (a dictator); left out by default.
    #[arg(long)]
    pub allow_dummy: bool,
    /// How many designs to show.
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=50))]
    pub top: u64,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = RebalanceFormat::Text)]
    pub format: RebalanceFormat,
}

/// Arguments of `whatif`.
#[derive(Debug, Args)]
pub struct WhatifArgs {
    /// The partnership file.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,
    /// A change, PATH=VALUE; repeat for several (applied in order).
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<String>,
    /// Output format (those of `diff`).
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}
