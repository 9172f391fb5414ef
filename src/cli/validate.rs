//! `powershare validate`.

use super::{Status, args::ValidateArgs, files, write_stdout};

/// Validate every file; `ok` lines go to stdout, problems to stderr.
pub fn run(args: &ValidateArgs) -> anyhow::Result<Status> {
    let paths = files::expand(&args.paths)?;
    let mut status = Status::Success;
    let mut out = String::new();
    for path in &paths {
        match files::load(path) {
            Ok(_) => out.push_str(&format!("{}: ok\n", path.display())),
            Err(lines) => {
                write_stdout(&std::mem::take(&mut out))?;
                for line in lines {
                    eprintln!("{line}");
                }
                status = Status::Unusable;
            }
        }
    }
    write_stdout(&out)?;
    Ok(status)
}
