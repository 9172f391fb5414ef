//! `powershare report`.

use anyhow::Context;
use powershare::render::{self, Format};
use powershare::{Options, VotingIndex};

use super::args::{ReportArgs, ReportFormat, VotingIndexArg};
use super::{Status, files, write_stdout};

/// Load every file (all must be valid), score, render, write.
pub fn run(args: &ReportArgs) -> anyhow::Result<Status> {
    let paths = files::expand(&args.paths)?;
    let options = Options {
        voting_index: match args.voting_index {
            VotingIndexArg::Banzhaf => VotingIndex::Banzhaf,
            VotingIndexArg::ShapleyShubik => VotingIndex::ShapleyShubik,
        },
    };
    let mut reports = Vec::new();
    let mut failed = false;
    for path in &paths {
        match files::load(path) {
            Ok(p) => reports.push(powershare::score(&p, options)),
            Err(lines) => {
                for line in lines {
                    eprintln!("{line}");
                }
                failed = true;
            }
        }
    }
    // Never a partial result: one unusable file means no report at all.
    if failed {
        return Ok(Status::Unusable);
    }
    let format = match args.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Json => Format::Json,
    };
    let text = match (format, reports.as_slice()) {
        (_, [one]) => render::render(one, format),
        (Format::Json, many) => render::json::render_many(many),
        (_, many) => many
            .iter()
            .map(|r| render::render(r, format))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    match &args.output {
        Some(out) => {
            std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?
        }
        None => write_stdout(&text)?,
    }
    Ok(Status::Success)
}
