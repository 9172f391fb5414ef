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
    /// Voting power of one weighted vote: `powershare power --quota 6 4 3 2 1`.
    #[command(after_help = POWER_HELP)]
    Power(PowerArgs),
    /// Explain an index, dimension or finding; with no name, list them all.
    Explain(ExplainArgs),
    /// Print a commented, valid partnership file to start from.
    Init(InitArgs),
}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A readable terminal report.
    Text,
    /// The JSON contract (see the README).
    Json,
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
    /// Write the report to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
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
    /// One JSON object (see the README).
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
    /// orderings to sample.
    #[arg(long, value_name = "N", default_value_t = 200_000)]
    pub samples: u64,
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
pub struct InitArgs {}
