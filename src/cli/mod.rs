//! The command-line interface.

mod args;
mod brief;
mod check;
mod diff;
mod explain;
mod files;
mod generate;
mod policy;
mod power;
mod programme;
mod progress;
mod rebalance;
mod report;
mod survey;
mod validate;
mod whatif;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;

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
    /// Exit 130: stopped by Ctrl-C (SIGINT) before any output was written.
    Interrupted,
}

impl Status {
    fn code(self) -> ExitCode {
        match self {
            Status::Success => ExitCode::SUCCESS,
            Status::Breach => ExitCode::from(1),
            Status::Unusable => ExitCode::from(2),
            Status::Interrupted => ExitCode::from(130),
        }
    }
}

/// Parse the arguments, run the command, and return its exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C: a batch command stops at the next file and writes nothing
    // (see `interrupted`); a second Ctrl-C, or one during any other
    // command, ends the process at once. Output is written only at the
    // end, and `-o` renames a finished file into place, so neither leaves
    // a partial report.
    let _ = ctrlc::set_handler(|| {
        if !BATCH.load(Ordering::SeqCst) || INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let palette = palette(cli.color);
    if let Err(e) = files::init_limits() {
        print_problems([format!("powershare: error: {e:#}")]);
        return Status::Unusable.code();
    }
    let status = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Brief(args) => brief::run(&args),
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
        Command::Survey(args) => survey::run(&args),
        Command::Programme(args) => programme::run(&args),
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

/// Set by the first Ctrl-C during a batch command.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Set while a batch command polls [`interrupted`] between files.
static BATCH: AtomicBool = AtomicBool::new(false);

/// Make the first Ctrl-C stop the batch at the next file instead of
/// ending the process (the batch commands call this before their loop).
pub fn batch_started() {
    BATCH.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C was pressed: the batch loops skip the remaining files
/// and the command returns [`interrupt`] instead of writing output.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// The status of a batch stopped by Ctrl-C, after saying so on stderr.
pub fn interrupt() -> Status {
    print_problems(["powershare: interrupted: stopped before writing any output"]);
    Status::Interrupted
}

/// Write `text` to `out` safely: refuse to overwrite one of the `inputs`,
/// write a temporary file in the same directory, and rename it into place
/// only when it is complete, so that a failed or interrupted run leaves
/// the previous file intact.
pub fn write_output(out: &Path, text: &str, inputs: &[PathBuf]) -> anyhow::Result<()> {
    if let Ok(target) = out.canonicalize() {
        for input in inputs {
            if input.canonicalize().is_ok_and(|i| i == target) {
                anyhow::bail!(
                    "refusing to write the output over the input file {}: choose another -o path",
                    out.display()
                );
            }
        }
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".powershare-").suffix(".tmp");
    // The permissions a plain write would give (0666 less the umask), not
    // the temporary file's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("writing {}", tmp.path().display()))?;
    tmp.persist(out)
        .map_err(|e| e.error)
        .with_context(|| format!("writing {}", out.display()))?;
    Ok(())
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
