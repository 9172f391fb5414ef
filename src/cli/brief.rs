//! `powershare brief FILE`.

use powershare::render::brief::{self, Brief};

use super::args::{BriefArgs, BriefFormat};
use super::{Status, files, write_stdout};

/// Load, score, render the brief, write.
pub fn run(args: &BriefArgs) -> anyhow::Result<Status> {
    let p = match files::load(&args.path) {
        Ok(p) => p,
        Err(lines) => {
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let report = powershare_core::score(&p, args.voting_index.composite());
    let b = Brief::of(&report);
    let text = match args.format {
        BriefFormat::Markdown => brief::markdown::render(&b),
        BriefFormat::Html => brief::html::render(&b),
        BriefFormat::Text => brief::text::render(&b),
    };
    match &args.output {
        Some(out) => super::write_output(out, &text, std::slice::from_ref(&args.path))?,
        None => write_stdout(&text)?,
    }
    Ok(Status::Success)
}
