//! `powershare diff OLD NEW`: two files, or two directories matched by
//! relative path.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use powershare::render::diff as render;
use powershare_core::diff::{self, Comparison, DirDiff, FileDiff};
use powershare_core::{Report, ScoreOptions};
use rayon::prelude::*;

use super::args::{DiffArgs, DiffFormat};
use super::{Status, files, write_stdout};

fn load(path: &Path, options: ScoreOptions) -> Result<Report, Vec<String>> {
    files::load(path).map(|p| powershare_core::score(&p, options))
}

/// Compare, render, write; exit 2 if any file was unusable.
pub fn run(args: &DiffArgs, palette: &powershare::palette::Palette) -> anyhow::Result<Status> {
    let options = args.voting_index.composite();
    let is_dir = |p: &Path| -> anyhow::Result<bool> {
        Ok(std::fs::metadata(p)
            .with_context(|| format!("reading {}", p.display()))?
            .is_dir())
    };
    match (is_dir(&args.old)?, is_dir(&args.new)?) {
        (false, false) => {
            let (old, new) = (load(&args.old, options), load(&args.new, options));
            let (old, new) = match (old, new) {
                (Ok(o), Ok(n)) => (o, n),
                (o, n) => {
                    super::print_problems(o.err().into_iter().chain(n.err()).flatten());
                    return Ok(Status::Unusable);
                }
            };
            let d = diff::diff(&old, &new);
            let text = match args.format {
                DiffFormat::Text => render::text::render(&d, palette),
                DiffFormat::Markdown => render::markdown::render(&d),
                DiffFormat::Json => json(&d),
            };
            write_stdout(&text)?;
            Ok(Status::Success)
        }
        (true, true) => dirs(args, options, palette),
        _ => bail!(
            "{} and {}: give two files, or two directories",
            args.old.display(),
            args.new.display()
        ),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    powershare::render::json::pretty(value)
}

/// The `*.toml` files under `dir`, relative to it, and a line for each
/// entry that could not be read (the walk goes on without it).
fn relative(dir: &Path, walk: files::Walk) -> (BTreeSet<PathBuf>, Vec<String>) {
    let found = files::toml_files_under(dir, walk);
    found.print_note();
    let mut problems = Vec::new();
    let mut out = BTreeSet::new();
    for entry in found.entries {
        match entry {
            Ok(p) => out.extend(p.strip_prefix(dir).ok().map(Path::to_path_buf)),
            Err((p, e)) => problems.push(format!("{}: {e:#}", p.display())),
        }
    }
    (out, problems)
}

fn dirs(
    args: &DiffArgs,
    options: ScoreOptions,
    palette: &powershare::palette::Palette,
) -> anyhow::Result<Status> {
    let walk = files::Walk {
        follow: args.follow,
    };
    let ((old, old_problems), (new, new_problems)) =
        (relative(&args.old, walk), relative(&args.new, walk));
    let walk_problems: Vec<String> = old_problems.into_iter().chain(new_problems).collect();
    let all: Vec<&PathBuf> = old.union(&new).collect();
    let results: Vec<(FileDiff, Vec<String>)> = all
        .par_iter()
        .map(|rel| {
            let path = rel.display().to_string();
            let file = |status, partnership, diff| FileDiff {
                path: path.clone(),
                status,
                partnership,
                diff,
            };
            let name = |r: &Report| Some(r.partnership.name.clone());
            match (old.contains(*rel), new.contains(*rel)) {
                (true, true) => {
                    match (
                        load(&args.old.join(rel), options),
                        load(&args.new.join(rel), options),
                    ) {
                        (Ok(o), Ok(n)) => (
                            file(Comparison::Compared, name(&n), Some(diff::diff(&o, &n))),
                            Vec::new(),
                        ),
                        (o, n) => (
                            file(Comparison::Unusable, None, None),
                            o.err().into_iter().chain(n.err()).flatten().collect(),
                        ),
                    }
                }
                (false, _) => match load(&args.new.join(rel), options) {
                    Ok(n) => (file(Comparison::Added, name(&n), None), Vec::new()),
                    Err(e) => (file(Comparison::Unusable, None, None), e),
                },
                (true, false) => match load(&args.old.join(rel), options) {
                    Ok(o) => (file(Comparison::Removed, name(&o), None), Vec::new()),
                    Err(e) => (file(Comparison::Unusable, None, None), e),
                },
            }
        })
        .collect();
    let mut status = Status::Success;
    if !walk_problems.is_empty() {
        super::print_problems(&walk_problems);
        status = Status::Unusable;
    }
    let mut files = Vec::new();
    for (f, errors) in results {
        super::print_problems(&errors);
        if f.status == Comparison::Unusable {
            status = Status::Unusable;
        }
        files.push(f);
    }
    let d = DirDiff {
        format: diff::DIFF_FORMAT,
        generator: powershare_core::GENERATOR,
        files,
    };
    let text = match args.format {
        DiffFormat::Text => render::text::render_dir(&d, palette),
        DiffFormat::Markdown => render::markdown::render_dir(&d),
        DiffFormat::Json => json(&d),
    };
    write_stdout(&text)?;
    Ok(status)
}
