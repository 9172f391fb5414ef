//! `powershare programme`: every file loaded and scored in parallel, as
//! `check` does (with the programme policy when given), each full report
//! written when `--reports-dir` asks, then one overview in the order of the
//! paths (directories and globs sorted).

use std::path::{Component, Path, PathBuf};

use anyhow::Context;
use powershare::render::programme as render;
use powershare::render::{self as renderer, Document, Format};
use powershare_core::check::{FileCheck, FileStatus, PolicyLayer};
use powershare_core::programme::{Entry, Row, Status as Verdict, overview};
use powershare_core::rebalance::suggest::suggest;
use rayon::prelude::*;

use super::args::{ProgrammeArgs, ProgrammeFormat};
use super::policy::Programme;
use super::{Status, files, policy, progress, write_stdout};

/// Score every file, write the reports and the overview, choose the status.
pub fn run(args: &ProgrammeArgs) -> anyhow::Result<Status> {
    let programme = match policy::read(args.policy.as_deref()) {
        Ok(p) => p,
        Err(lines) => {
            // A bad programme policy makes every verdict meaningless: stop.
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let found = files::collect(&args.paths, files::Walk { follow: false });
    found.print_note();
    let entries = &found.entries;
    let reports = match &args.reports_dir {
        Some(dir) => Some(ReportFiles::new(dir, entries, args.output.as_deref())?),
        None => None,
    };
    let bar = progress::bar(entries.len());
    super::batch_started();
    // Each file's report is reduced to its row at once: a programme of
    // 10,000 files never holds 10,000 reports.
    let results: Vec<anyhow::Result<Row>> = entries
        .par_iter()
        .enumerate()
        .map(|(k, entry)| {
            if super::interrupted() {
                return Ok(Row::of(&Entry::Unusable {
                    path: String::new(),
                    problems: vec!["interrupted".into()],
                }));
            }
            let result = match entry {
                Ok(path) => one(
                    path,
                    programme.as_ref(),
                    args,
                    reports.as_ref().map(|r| r.files[k].as_path()),
                ),
                Err((path, e)) => Ok(Entry::Unusable {
                    path: path.display().to_string(),
                    problems: vec![format!("{e:#}")],
                }),
            };
            bar.inc(1);
            result.map(|entry| Row::of(&entry))
        })
        .collect();
    bar.finish_and_clear();
    if super::interrupted() {
        return Ok(super::interrupt());
    }
    let rows: Vec<Row> = results.into_iter().collect::<anyhow::Result<_>>()?;
    let mut o = overview(rows);
    if let Some(r) = &reports {
        for (row, href) in o.partnerships.iter_mut().zip(&r.hrefs) {
            if row.status != Verdict::Unusable {
                row.report = Some(href.clone());
            }
        }
    }
    for row in o
        .partnerships
        .iter()
        .filter(|r| r.status == Verdict::Unusable)
    {
        super::print_problems(row.problems.iter().map(|p| format!("{}: {p}", row.path)));
    }
    let text = match args.format {
        ProgrammeFormat::Text => render::text::render(&o),
        ProgrammeFormat::Markdown => render::markdown::render(&o),
        ProgrammeFormat::Html => render::html::render(&o),
        ProgrammeFormat::Csv => render::csv::render(&o),
        ProgrammeFormat::Json => render::json::render(&o),
    };
    match &args.output {
        Some(out) => {
            let inputs: Vec<PathBuf> = entries_paths(&o);
            super::write_output(out, &text, &inputs)?;
        }
        None => write_stdout(&text)?,
    }
    Ok(if o.summary.unusable > 0 {
        Status::Unusable
    } else {
        Status::Success
    })
}

fn entries_paths(o: &powershare_core::programme::Overview) -> Vec<PathBuf> {
    o.partnerships
        .iter()
        .map(|r| PathBuf::from(&r.path))
        .collect()
}

/// Load, score and judge one file; write its report when asked.
fn one(
    path: &Path,
    programme: Option<&Programme>,
    args: &ProgrammeArgs,
    report_file: Option<&Path>,
) -> anyhow::Result<Entry> {
    let shown = path.display().to_string();
    let unusable = |problems| Entry::Unusable {
        path: shown.clone(),
        problems,
    };
    let bytes = match files::read_bytes(path) {
        Ok(b) => b,
        Err(files::ReadError::TooLarge(e)) => return Ok(unusable(problems(&e))),
        Err(files::ReadError::Io(e)) => return Ok(unusable(vec![format!("cannot read: {e}")])),
        Err(e @ files::ReadError::NotRegular(_)) => return Ok(unusable(vec![e.to_string()])),
    };
    let p = match files::load_bytes(&bytes) {
        Ok(p) => p,
        Err(e) => return Ok(unusable(problems(&e))),
    };
    // The overview reads the composite only; a full report page shows
    // every index.
    let options = match report_file {
        Some(_) => args.voting_index.options(),
        None => args.voting_index.overview(),
    };
    let (report, status) = match programme {
        Some(programme) => {
            let (policy, options) = programme.apply(&p, &PolicyLayer::default(), options);
            let report = powershare_core::score(&p, options);
            let check = FileCheck::checked(&shown, &p, &report, policy);
            let status = match check.status {
                FileStatus::Breach => Verdict::Breached,
                _ => Verdict::Passed,
            };
            (report, status)
        }
        None => (powershare_core::score(&p, options), Verdict::Unchecked),
    };
    if let Some(file) = report_file {
        let redesign = suggest(&p, options.voting_index);
        let doc = Document {
            report: &report,
            redesign: redesign.as_ref(),
        };
        let html = renderer::render(doc, Format::Html);
        super::write_output(file, &html, &[path.to_path_buf()])?;
    }
    Ok(Entry::Scored {
        path: shown,
        report: Box::new(report),
        status,
    })
}

/// A load error as lines without the path: `line:column: field: message`.
fn problems(e: &powershare_core::LoadError) -> Vec<String> {
    match e {
        powershare_core::LoadError::Invalid { diagnostics, more } => diagnostics
            .iter()
            .map(ToString::to_string)
            .chain((*more > 0).then(|| powershare_core::load::diagnostic::more_problems(*more)))
            .collect(),
        other => vec![other.to_string()],
    }
}

/// Where each file's full report goes, and the link to it from the overview.
struct ReportFiles {
    /// One file per entry, in entry order.
    files: Vec<PathBuf>,
    /// The link to each, relative to the overview's directory (or to the
    /// current directory when the overview goes to stdout), `/`-separated.
    hrefs: Vec<String>,
}

impl ReportFiles {
    fn new(
        dir: &Path,
        entries: &[Result<PathBuf, (PathBuf, anyhow::Error)>],
        overview: Option<&Path>,
    ) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut names: Vec<String> = Vec::new();
        for entry in entries {
            let path = match entry {
                Ok(p) | Err((p, _)) => p,
            };
            let base = report_name(path);
            let mut name = format!("{base}.html");
            let mut k = 2;
            while names.contains(&name) {
                name = format!("{base}-{k}.html");
                k += 1;
            }
            names.push(name);
        }
        let from = match overview.and_then(Path::parent) {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let link_dir = relative(&from, dir);
        Ok(ReportFiles {
            files: names.iter().map(|n| dir.join(n)).collect(),
            hrefs: names
                .iter()
                .map(|n| {
                    let mut parts: Vec<String> = link_dir
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    parts.push(n.clone());
                    parts.join("/")
                })
                .collect(),
        })
    }
}

/// A file name for the report of `path`: its path without the extension,
/// every character but letters, digits, `-`, `_` and `.` replaced by `_`,
/// and separators by `__` (`north/club.toml` -> `north__club`).
fn report_name(path: &Path) -> String {
    let stem = path.with_extension("");
    let parts: Vec<String> = stem
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .map(|s| {
            s.chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect()
        })
        .collect();
    let name = parts.join("__");
    if name.is_empty() {
        "report".into()
    } else {
        name
    }
}

/// `to` relative to the directory `from`, through their canonical forms;
/// `to` itself (absolute) when they share no root.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let (Ok(from), Ok(to_abs)) = (from.canonicalize(), to.canonicalize()) else {
        return to.to_path_buf();
    };
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to_abs.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return to_abs;
    }
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for c in &b[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_are_plain_and_keep_the_folders() {
        assert_eq!(report_name(Path::new("north/club.toml")), "north__club");
        assert_eq!(report_name(Path::new("./a b/c#1.toml")), "a_b__c_1");
        assert_eq!(report_name(Path::new("/abs/x.toml")), "abs__x");
        assert_eq!(report_name(Path::new("..")), "report");
    }

    #[test]
    fn relative_paths_between_directories() {
        let root = tempfile::tempdir().unwrap();
        let (site, reports) = (root.path().join("site"), root.path().join("site/reports"));
        std::fs::create_dir_all(&reports).unwrap();
        let other = root.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        assert_eq!(relative(&site, &reports), PathBuf::from("reports"));
        assert_eq!(relative(&other, &reports), PathBuf::from("../site/reports"));
        assert_eq!(relative(&reports, &reports), PathBuf::new());
    }
}
