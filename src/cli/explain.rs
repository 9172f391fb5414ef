//! `powershare explain`.

use anyhow::bail;
use powershare::explain;

use super::args::ExplainArgs;
use super::{Status, write_stdout};

/// Print one entry, or the list.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Status> {
    match &args.name {
        None => write_stdout(&explain::list())?,
        Some(name) => match explain::lookup(name) {
            Some(entry) => write_stdout(&explain::render(entry))?,
            None => bail!(
                "no entry named `{name}`; `powershare explain` lists them: {}",
                explain::names().join(", ")
            ),
        },
    }
    Ok(Status::Success)
}
