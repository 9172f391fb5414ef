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
use std::sync::Mutex;
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
    // Ctrl-C, SIGTERM or SIGHUP (ctrlc's `termination` feature): a batch
    // command stops at the next file and writes nothing (see
    // `interrupted`), and if one file takes longer than a second the
    // process ends from here, with the same message; a second signal, or
    // one during any other command, ends the process at once. Output is
    // written only at the end, and `-o` renames a finished file into place;
    // a temporary file being written is removed first. So no signal leaves
    // a partial report or a stray `.powershare-*.tmp`.
    let _ = ctrlc::set_handler(|| {
        if !BATCH.load(Ordering::SeqCst) || INTERRUPTED.swap(true, Ordering::SeqCst) {
            exit_now();
        }
        let asked = std::time::Instant::now();
        while asked.elapsed() < std::time::Duration::from_millis(800) {
            if WRITING.load(Ordering::SeqCst) {
                // The output is being written: let it finish.
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if !WRITING.load(Ordering::SeqCst) {
            let _ = interrupt();
            exit_now();
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
/// Set once output has begun to be written in place (stdout, a FIFO, a
/// device): a Ctrl-C then lets the command finish rather than cut its
/// output short. (A temporary file being written is simply removed.)
static WRITING: AtomicBool = AtomicBool::new(false);
/// Set once "interrupted" was said, so it is said once.
static SAID: AtomicBool = AtomicBool::new(false);
/// Temporary files being written (`write_output`): removed by a signal.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// End the process now, with exit code 130, removing any temporary file.
fn exit_now() -> ! {
    if let Ok(files) = TEMPORARY.lock() {
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
    }
    std::process::exit(130);
}
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

/// The status of a batch stopped by Ctrl-C, after saying so on stderr
/// (once, whether from here or from the signal handler).
pub fn interrupt() -> Status {
    if !SAID.swap(true, Ordering::SeqCst) {
        print_problems(["powershare: interrupted: stopped before writing any output"]);
    }
    Status::Interrupted
}

/// Refuse `-o` paths that end in `.toml`: a report is never a partnership
/// file, and one written as `DIR/x.toml` would be read as one by the next
/// `check DIR`.
pub fn refuse_toml_output(out: &Path) -> anyhow::Result<()> {
    if out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        anyhow::bail!(
            "refusing to write a report to {}: a .toml file would be read as a partnership file by the next check or validate of its directory; choose another extension (.txt, .md, .html, .json, .csv)",
            out.display()
        );
    }
    Ok(())
}

/// Write `text` to `out` safely: refuse to overwrite one of the `inputs`,
/// and write only where a file belongs.
///
/// - A regular file (or a new one), also through a symbolic link: a
///   temporary file in the same directory, renamed into place only when it
///   is complete, so that a failed or interrupted run leaves the previous
///   file intact (a link stays a link; the file it points to is replaced).
/// - A named pipe or a character device (`/dev/null`, `/dev/stdout` on a
///   terminal or pipe), or any path under `/dev/` or `/proc/`: written
///   through as the user asked, never replaced by a regular file.
/// - Anything else (a directory, a block device, a socket, a link to
///   nothing) is refused.
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
    let refuse = |what: &str| {
        anyhow::anyhow!(
            "refusing to write to {}: it is {what}; -o writes a regular file (or through a named pipe or a character device such as /dev/stdout)",
            out.display()
        )
    };
    match std::fs::metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(refuse("a symbolic link to a file that does not exist"));
            }
            write_atomically(out, text)
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!("writing {}", out.display()))),
        Ok(meta) => {
            let special = out.starts_with("/dev/") || out.starts_with("/proc/");
            match files::kind_of(&meta) {
                None if !special => {
                    // Through a link: replace the file it points to.
                    let target = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
                    write_atomically(&target, text)
                }
                None | Some("a named pipe (FIFO)" | "a character device") => {
                    write_through(out, text)
                }
                Some(what) => Err(refuse(what)),
            }
        }
    }
}

/// Write `text` into the existing `out` (a FIFO, a device, /dev/stdout):
/// `/dev/stdout` and `/dev/stderr` (and their `/dev/fd/` and
/// `/proc/self/fd/` names) are the process's own streams, written as they
/// were opened by the shell (so `>>` still appends); anything else is
/// opened for writing, never created nor truncated, and appended to (a
/// regular file reached through `/proc/.../fd/N` keeps what it held).
fn write_through(out: &Path, text: &str) -> anyhow::Result<()> {
    // Written in place: a signal from here on would cut it short.
    WRITING.store(true, Ordering::SeqCst);
    let name = out.to_string_lossy();
    if matches!(
        name.as_ref(),
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1"
    ) {
        return write_stdout(text);
    }
    if matches!(
        name.as_ref(),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2"
    ) {
        let mut err = std::io::stderr().lock();
        return err
            .write_all(text.as_bytes())
            .and_then(|()| err.flush())
            .with_context(|| format!("writing {}", out.display()));
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(out)
        .with_context(|| format!("writing {}", out.display()))?;
    match file.write_all(text.as_bytes()).and_then(|()| file.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context(format!("writing {}", out.display())))
        }
        _ => Ok(()),
    }
}

/// A temporary file next to `out`, renamed onto it when complete. Its name
/// is registered before it is created, so a signal at any moment removes
/// it ([`exit_now`]).
pub(crate) fn write_atomically(out: &Path, text: &str) -> anyhow::Result<()> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let (tmp, mut file) = loop {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let tmp = dir.join(format!(".powershare-{}-{n}.tmp", std::process::id()));
        if let Ok(mut files) = TEMPORARY.lock() {
            files.push(tmp.clone());
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // The permissions a plain write would give (0666 less the umask).
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
        match options.open(&tmp) {
            Ok(file) => break (tmp, file),
            Err(e) => {
                forget_temporary(&tmp);
                if e.kind() != std::io::ErrorKind::AlreadyExists || n > 1000 {
                    return Err(anyhow::Error::new(e)
                        .context(format!("creating a temporary file in {}", dir.display())));
                }
            }
        }
    };
    // Tests only (debug builds): hold the temporary file open for a while,
    // so that a signal can be sent while it exists.
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var_os("POWERSHARE_TEST_SLOW_WRITE_MS") {
        let ms = ms.to_string_lossy().parse().unwrap_or(0);
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", tmp.display()))
        .and_then(|()| {
            std::fs::rename(&tmp, out).with_context(|| format!("writing {}", out.display()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    forget_temporary(&tmp);
    written
}

fn forget_temporary(tmp: &Path) {
    if let Ok(mut files) = TEMPORARY.lock() {
        files.retain(|f| f != tmp);
    }
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
    WRITING.store(true, Ordering::SeqCst);
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
