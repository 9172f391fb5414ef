//! Generated artefacts: the JSON Schema, shell completions and the man page.

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::{Status, write_stdout};

/// `powershare schema`.
pub fn schema() -> anyhow::Result<Status> {
    write_stdout(&powershare_core::load::schema::render())?;
    Ok(Status::Success)
}

/// `powershare completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "powershare", &mut out);
    write_stdout(&String::from_utf8_lossy(&out))?;
    Ok(Status::Success)
}

/// `powershare man`.
pub fn man() -> anyhow::Result<Status> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_stdout(&String::from_utf8_lossy(&out))?;
    Ok(Status::Success)
}
