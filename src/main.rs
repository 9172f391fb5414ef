//! The `powershare` command line: parse arguments, load files, call the
//! library, render, and choose the exit code in one place.

mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: loading a partnership makes
/// many small allocations, and on a 10,000-file `check` it saves about a
/// tenth of the time (bench/batch.sh). The library does not depend on it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
