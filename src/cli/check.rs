//! `powershare check`: every file loaded, scored and checked in parallel,
//! reported in the order of the paths (directories and globs sorted).

use std::path::Path;

use powershare::render::check as render;
use powershare_core::check::{FileCheck, FileStatus, PolicyLayer};
use rayon::prelude::*;

use super::args::{CheckArgs, CheckFormat};
use super::policy::Programme;
use super::{Status, files, policy, progress, write_stdout};

/// Check one file.
fn check_one(
    path: &Path,
    programme: &Programme,
    flags: &PolicyLayer,
    args: &CheckArgs,
) -> FileCheck {
    let shown = path.display().to_string();
    let bytes = match files::read_bytes(path) {
        Ok(b) => b,
        Err(files::ReadError::TooLarge(e)) => return FileCheck::unusable(&shown, &e),
        Err(e) => return FileCheck::unreadable(&shown, &e.to_string()),
    };
    match files::load_bytes(&bytes) {
        Ok(p) => {
            let (policy, options) = programme.apply(&p, flags, args.voting_index.overview());
            let report = powershare_core::score(&p, options);
            FileCheck::checked(&shown, &p, &report, policy)
        }
        Err(e) => FileCheck::unusable(&shown, &e),
    }
}

/// Check every file, render, and choose the status.
pub fn run(args: &CheckArgs, palette: &powershare::palette::Palette) -> anyhow::Result<Status> {
    let programme = match policy::read(args.policy.as_deref()) {
        Ok(p) => p.unwrap_or_default(),
        Err(lines) => {
            // A bad programme policy makes every result meaningless: stop.
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let flags = PolicyLayer {
        max_composite_gini: args.max_gini,
        max_normalised_gini: args.max_normalised_gini,
        max_top_share: args.max_top_share,
        max_dependence: args.max_dependence,
        power_seat_gap: args.power_seat_gap,
        min_agreement: args.min_agreement,
        max_self_gap: args.max_self_gap,
        deny: args.deny.clone(),
    };
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
    let results: Vec<FileCheck> = entries
        .par_iter()
        .map(|entry| {
            if super::interrupted() {
                return FileCheck::unreadable("", "interrupted");
            }
            let result = match entry {
                Ok(path) => check_one(path, &programme, &flags, args),
                Err((path, e)) if files::is_no_match(e) => {
                    FileCheck::unmatched(&path.display().to_string(), &format!("{e:#}"))
                }
                Err((path, e)) => {
                    FileCheck::unreadable(&path.display().to_string(), &format!("{e:#}"))
                }
            };
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    if super::interrupted() {
        return Ok(super::interrupt());
    }
    let text = match args.format {
        CheckFormat::Text => render::text::render(&results, palette),
        CheckFormat::Json => render::json::render(&results),
        CheckFormat::Github => render::github::render(&results),
        CheckFormat::Junit => render::junit::render(&results),
        CheckFormat::Markdown => render::markdown::render(&results),
    };
    write_stdout(&text)?;
    Ok(results
        .iter()
        .map(|r| match r.status {
            FileStatus::Pass => Status::Success,
            FileStatus::Breach => Status::Breach,
            FileStatus::Unusable => Status::Unusable,
        })
        .max()
        .unwrap_or(Status::Success))
}
