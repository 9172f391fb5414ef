//! The argument definitions (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check partnership files against the input format and print `ok` or every problem found.
    #[command(after_help = AFTER_HELP)]
    Validate(ValidateArgs),
    /// Score partnership files: per-body shares, inequality indices, voting power, dependence and findings.
    #[command(after_help = AFTER_HELP)]
    Report(ReportArgs),
    /// Explain an index, dimension or finding; with no name, list them all.
    Explain(ExplainArgs),
    /// Print a commented, valid partnership file to start from.
    Init(InitArgs),
    /// Search seat allocations and quotas whose voting power comes closest to a target share per body.
    #[command(after_help = AFTER_HELP)]
    Rebalance(RebalanceArgs),
    /// Change values of a partnership file (--set PATH=VALUE), score it again, and print what changed.
    #[command(after_help = WHATIF_HELP)]
    Whatif(WhatifArgs),
}

const WHATIF_HELP: &str = "\
Paths name fields as validation errors do:
  partnership.{name,period,currency}
  body.ID.{name,sector,income,staff,contribution,position,seats}, body.ID.expertise.DOMAIN
  board.{quota,veto,also_majority_of_bodies,chair}
  funding.N.{from,to,amount,kind}, dependence.N.{of,on,share,what}
  contact.N.{between,frequency}, relationship.N.{between,trust}
  decision.N.{title,proposed_by,outcome,how,supported,opposed,date}
  perception.N.rater, perception.N.influence.ID
  weights.DIMENSION, policy.{max_composite_gini,max_top_share,max_dependence,power_seat_gap,deny}
ID is a body id; N an entry's number, from 0, in file order. Values are TOML or plain words:
  --set body.cvs.seats=3 --set board.quota=two-thirds --set board.veto=[] --set funding.0.amount=0

Exit codes:
  0  success
  2  unusable input: unreadable file, invalid TOML, failed validation (before or after the changes),
     an unknown path or a value of the wrong kind";

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A readable terminal report.
    Text,
    /// The JSON contract (see the README).
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
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// An index (gini, banzhaf...), a dimension (resources...) or a finding code (dummy-seat...).
    pub name: Option<String>,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Partnership files, or directories searched recursively for `*.toml`.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Print one of the sample partnerships instead of the template:
    /// balanced-partnership, childrens-planning-forum, community-shaping, youth-partnership.
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
}

/// Output formats of `rebalance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RebalanceFormat {
    /// A readable terminal report.
    Text,
    /// JSON: target, today's design and the best designs (see the README).
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
    /// contribution, income, sqrt-income, or custom:ID=SHARE,... (shares
    /// scaled to add up to 1; bodies not named get no seats).
    #[arg(long, value_name = "TARGET")]
    pub target: String,
    /// The voting-power index to match.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub index: VotingIndexArg,
    /// Most seats in total (default: today's total, and at least one per body taking part).
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
    /// How many designs to show.
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=50))]
    pub top: u64,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = RebalanceFormat::Text)]
    pub format: RebalanceFormat,
}

/// Output formats of `whatif` (those of `diff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WhatifFormat {
    /// Readable text.
    Text,
    /// Markdown, for a step summary or a pull-request comment.
    Markdown,
    /// JSON.
    Json,
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
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = WhatifFormat::Text)]
    pub format: WhatifFormat,
    /// The voting-power index used for the voting dimension.
    #[arg(long, value_enum, default_value_t = VotingIndexArg::Banzhaf)]
    pub voting_index: VotingIndexArg,
}
