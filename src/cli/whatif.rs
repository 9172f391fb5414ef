//! `powershare whatif FILE --set PATH=VALUE...`: the file as it is, the file
//! with the changes, and what changed between their reports.

use anyhow::Context;
use powershare::whatif::{self, Set};
use powershare::{Options, Report, VotingIndex};

use super::args::{VotingIndexArg, WhatifArgs, WhatifFormat};
use super::{Status, files, write_stdout};

/// Load, change, load again (every validation rule), score both, render.
pub fn run(args: &WhatifArgs) -> anyhow::Result<Status> {
    let sets = args
        .sets
        .iter()
        .map(|s| Set::parse(s))
        .collect::<Result<Vec<Set>, _>>()?;
    let path = &args.path;
    let before = match files::load(path) {
        Ok(p) => p,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            return Ok(Status::Unusable);
        }
    };
    // The file loaded, so it is readable UTF-8.
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let changed =
        whatif::apply(&text, &sets).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let after = match powershare::load_str(&changed) {
        Ok(p) => p,
        Err(e) => {
            let label = format!("{} (after the changes)", path.display());
            for line in files::describe(std::path::Path::new(&label), &e) {
                eprintln!("{line}");
            }
            return Ok(Status::Unusable);
        }
    };
    let options = Options {
        voting_index: match args.voting_index {
            VotingIndexArg::Banzhaf => VotingIndex::Banzhaf,
            VotingIndexArg::ShapleyShubik => VotingIndex::ShapleyShubik,
        },
    };
    let old = powershare::score(&before, options);
    let new = powershare::score(&after, options);
    write_stdout(&render(&old, &new, args.format))?;
    Ok(Status::Success)
}

/// The difference between the reports, in the layout of `diff`.
fn render(old: &Report, new: &Report, format: WhatifFormat) -> String {
    // The rendering hook: `diff`'s renderers (issue 6) take over here.
    let mut s = String::new();
    let changed: Vec<String> = old
        .bodies
        .iter()
        .zip(&new.bodies)
        .filter(|(o, n)| o.composite != n.composite)
        .map(|(o, n)| {
            format!(
                "{}: {} -> {}",
                o.id,
                o.composite.map_or("-".into(), |x| format!("{x:.3}")),
                n.composite.map_or("-".into(), |x| format!("{x:.3}"))
            )
        })
        .collect();
    let _ = format;
    if changed.is_empty() {
        s.push_str("no change\n");
    } else {
        for line in changed {
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}
