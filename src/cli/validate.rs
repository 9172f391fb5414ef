//! `powershare validate`.

use rayon::prelude::*;

use super::{Status, args::ValidateArgs, files, progress, write_stdout};

/// Validate every file (in parallel); `ok` lines go to stdout and problems
/// to stderr, in the order of the files.
pub fn run(args: &ValidateArgs) -> anyhow::Result<Status> {
    let paths = files::expand(&args.paths)?;
    let bar = progress::bar(paths.len());
    super::batch_started();
    let results: Vec<Result<(), Vec<String>>> = paths
        .par_iter()
        .map(|path| {
            if super::interrupted() {
                return Ok(());
            }
            let result = files::load(path).map(|_| ());
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    if super::interrupted() {
        return Ok(super::interrupt());
    }
    let mut status = Status::Success;
    let mut out = String::new();
    for (path, result) in paths.iter().zip(results) {
        match result {
            Ok(()) => out.push_str(&format!(
                "{}: ok\n",
                powershare::render::escape::terminal_text(&path.display().to_string())
            )),
            Err(lines) => {
                write_stdout(&std::mem::take(&mut out))?;
                super::print_problems(lines);
                status = Status::Unusable;
            }
        }
    }
    write_stdout(&out)?;
    Ok(status)
}
