//! The command-line interface.

mod args;
mod check;
mod diff;
mod explain;
mod files;
mod generate;
mod power;
mod progress;
mod rebalance;
mod report;
mod validate;
mod whatif;

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
    let palette = palette(cli.color);
    if let Err(e) = files::init_limits() {
        print_problems([format!("powershare: error: {e:#}")]);
        return Status::Unusable.code();
    }
    let status = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Power(args) => power::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Init(args) => print_init(&args),
        Command::Check(args) => check::run(&args, &palette),
        Command::Diff(args) => diff::run(&args, &palette),
        Command::Schema(_) => generate::schema(),
        Command::Completions(args) => generate::completions(&args),
        Command::Man(_) => generate::man(),
        Command::Rebalance(args) => rebalance::run(&args),
        Command::Whatif(args) => whatif::run(&args, &palette),
    };
    match status {
        Ok(status) => status.code(),
        Err(e) => {
            print_problems([format!("powershare: error: {e:#}")]);
            Status::Unusable.code()
        }
    }
}

/// Colour for text output: `auto` asks anstream, which colours only a
/// terminal and honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb.
fn palette(choice: args::ColorArg) -> powershare::palette::Palette {
    use powershare::palette::Palette;
    let coloured = match choice {
        args::ColorArg::Always => true,
        args::ColorArg::Never => false,
        args::ColorArg::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    if coloured {
        Palette::coloured()
    } else {
        Palette::plain()
    }
}

fn print_init(args: &args::InitArgs) -> anyhow::Result<Status> {
    let text = match &args.example {
        None => powershare::template::TEMPLATE,
        Some(name) => powershare::template::example(name).ok_or_else(|| {
            let names: Vec<&str> = powershare::template::EXAMPLES
                .iter()
                .map(|(n, _)| *n)
                .collect();
            anyhow::anyhow!(
                "no example named `{name}`; the examples are: {}",
                names.join(", ")
            )
        })?,
    };
    write_stdout(text)?;
    Ok(Status::Success)
}

/// Write problem messages to stderr, one per line. They quote file names
/// and text from the input, so control characters are shown escaped
/// ([`terminal_lines`](powershare::render::escape::terminal_lines)): a
/// file's content cannot clear the screen or fake a line. A closed or
/// failing stderr is ignored: the exit code still tells.
pub fn print_problems<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) {
    let mut err = std::io::stderr().lock();
    for line in lines {
        let line = powershare::render::escape::terminal_lines(line.as_ref());
        if writeln!(err, "{line}").is_err() {
            return;
        }
    }
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
