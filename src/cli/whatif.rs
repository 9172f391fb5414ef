//! `powershare whatif FILE --set PATH=VALUE...`: the file as it is, the file
//! with the changes, and what changed between their reports.

use powershare::palette::Palette;
use powershare_core::diff;
use powershare_core::whatif::{self, Set};

use super::args::{DiffFormat, WhatifArgs};
use super::{Status, files, write_stdout};

/// Load, change, load again (every validation rule), score both, and print
/// the difference as `diff` does.
pub fn run(args: &WhatifArgs, palette: &Palette) -> anyhow::Result<Status> {
    let sets = args
        .sets
        .iter()
        .map(|s| Set::parse(s))
        .collect::<Result<Vec<Set>, _>>()?;
    let path = &args.path;
    // Read once: the text changed is the text that was validated.
    let (before, text) = match files::load_with_text(path) {
        Ok(loaded) => loaded,
        Err(lines) => {
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let changed =
        whatif::apply(&text, &sets).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let after = match powershare_core::load::load_str_with(&changed, &files::limits()) {
        Ok(p) => p,
        Err(e) => {
            let label = format!("{} (after the changes)", path.display());
            super::print_problems(files::describe(std::path::Path::new(&label), &e));
            return Ok(Status::Unusable);
        }
    };
    let options = args.voting_index.composite();
    let old = powershare_core::score(&before, options);
    let new = powershare_core::score(&after, options);
    let mut d = diff::diff(&old, &new);
    // The new side is the old one with the changes: say which.
    d.new.scenario = whatif::scenario(&sets);
    let text = match args.format {
        DiffFormat::Text => powershare::render::diff::text::render(&d, palette),
        DiffFormat::Markdown => powershare::render::diff::markdown::render(&d),
        DiffFormat::Json => powershare::render::json::pretty(&d),
    };
    write_stdout(&text)?;
    Ok(Status::Success)
}
