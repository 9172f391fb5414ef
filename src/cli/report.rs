//! `powershare report`.

use anyhow::bail;
use powershare::render::{self, CsvTable, Document, Format};
use powershare_core::rebalance::suggest::suggest;

use super::args::{CsvTableArg, ReportArgs, ReportFormat};
use super::{Status, files, write_stdout};

/// Load every file (all must be valid), score, render, write.
pub fn run(args: &ReportArgs) -> anyhow::Result<Status> {
    let format = format(args)?;
    if let Some(out) = &args.output {
        super::refuse_toml_output(out)?;
    }
    let found = files::collect(
        &args.paths,
        files::Walk {
            follow: args.follow,
        },
    );
    found.print_note();
    let options = args.voting_index.options();
    let programme = match super::policy::read(args.policy.as_deref()) {
        Ok(p) => p,
        Err(lines) => {
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let mut reports = Vec::new();
    let mut failed = false;
    let mut paths = Vec::new();
    super::batch_started();
    for entry in &found.entries {
        if super::interrupted() {
            return Ok(super::interrupt());
        }
        let path = match entry {
            Ok(path) => path,
            Err((path, e)) => {
                super::print_problems([format!("{}: {e:#}", path.display())]);
                failed = true;
                continue;
            }
        };
        paths.push(path.clone());
        match files::load(path) {
            Ok(p) => {
                let options = match &programme {
                    Some(programme) => programme.apply(&p, &Default::default(), options).1,
                    None => options,
                };
                let report = powershare_core::score(&p, options);
                let shown = matches!(format, Format::Markdown | Format::Html);
                let redesign = (shown && !args.no_redesign)
                    .then(|| suggest(&p, options.voting_index))
                    .flatten();
                reports.push((report, redesign));
            }
            Err(lines) => {
                super::print_problems(lines);
                failed = true;
            }
        }
    }
    // Never a partial result: one unusable file means no report at all.
    if failed {
        return Ok(Status::Unusable);
    }
    let docs: Vec<Document> = reports
        .iter()
        .map(|(report, redesign)| Document {
            report,
            redesign: redesign.as_ref(),
        })
        .collect();
    let text = render::render_many(&docs, format);
    if super::interrupted() {
        return Ok(super::interrupt());
    }
    match &args.output {
        Some(out) => super::write_output(out, &text, &paths)?,
        None => write_stdout(&text)?,
    }
    Ok(Status::Success)
}

/// The output format, checked once: `--table` belongs to CSV only.
fn format(args: &ReportArgs) -> anyhow::Result<Format> {
    if args.table.is_some() && args.format != ReportFormat::Csv {
        bail!("--table chooses a CSV table; use it with --format csv");
    }
    Ok(match args.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Json => Format::Json,
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Csv => Format::Csv(match args.table.unwrap_or(CsvTableArg::Bodies) {
            CsvTableArg::Bodies => CsvTable::Bodies,
            CsvTableArg::Dyads => CsvTable::Dyads,
            CsvTableArg::Indices => CsvTable::Indices,
        }),
    })
}
