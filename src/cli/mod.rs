//! The command-line interface.

mod args;
mod explain;
mod files;
mod power;
mod report;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;
use args::Command;

/// How a run ended; mapped to the exit code in [`Status::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Exit 0.
    Success,
    /// Exit 1: a `check` policy was breached.
    #[allow(dead_code)] // produced by `check` (issue 6)
    Breach,
    /// Exit 2: unusable input or arguments.
    Unusable,
}

impl Status {
    fn code(self) -> ExitCode {
        match self {
            Status::Success => ExitCode::SUCCESS,
            Status::Breach => ExitCode::from(1),
            Status::Unusable => ExitCode::from(2),
        }
    }
}

/// Parse the arguments, run the command, and return its exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Power(args) => power::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Init(args) => print_init(&args),
    };
    match status {
        Ok(status) => status.code(),
        Err(e) => {
            eprintln!("powershare: error: {e:#}");
            Status::Unusable.code()
        }
    }
}

fn print_init(args: &args::InitArgs) -> anyhow::Result<Status> {
    let _ = args;
    write_stdout(powershare::template::TEMPLATE)?;
    Ok(Status::Success)
}

/// Write `text` to stdout. A closed pipe (`powershare ... | head`) is not an error.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
