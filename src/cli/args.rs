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
    /// Print a commented, valid partnership file to start from.
    Init(InitArgs),
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
