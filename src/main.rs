//! The `powershare` command line: parse arguments, load files, call the
//! library, render, and choose the exit code in one place.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
