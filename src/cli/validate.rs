//! `powershare validate`.

use rayon::prelude::*;

use super::{Status, args::ValidateArgs, files, progress, write_stdout};

/// Validate every file (in parallel); `ok` lines go to stdout and problems
/// to stderr, in the order of the files. A path that cannot be used (an
/// unreadable directory inside a walk, a pattern matching nothing) is
/// reported in its place and the other files are still validated.
pub fn run(args: &ValidateArgs) -> anyhow::Result<Status> {
    let found = files::collect(
        &args.paths,
        files::Walk {
            follow: args.follow,
        },
    );
    found.print_note();
    let entries = &found.entries;
    let bar = progress::bar(entries.len());
    super::batch_started();
    let results: Vec<Result<(), Vec<String>>> = entries
        .par_iter()
        .map(|entry| {
            if super::interrupted() {
                return Ok(());
            }
            let result = match entry {
                Ok(path) => files::load(path).map(|_| ()),
                Err((path, e)) => Err(vec![format!("{}: {e:#}", path.display())]),
            };
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
    for (entry, result) in entries.iter().zip(results) {
        match (entry, result) {
            (Ok(path), Ok(())) => out.push_str(&format!(
                "{}: ok\n",
                powershare::render::escape::terminal_text(&path.display().to_string())
            )),
            (_, Err(lines)) => {
                write_stdout(&std::mem::take(&mut out))?;
                super::print_problems(lines);
                status = Status::Unusable;
            }
            (Err(_), Ok(())) => {}
        }
    }
    write_stdout(&out)?;
    Ok(status)
}
