//! `powershare survey template` and `powershare survey import`.

use std::path::Path;

use anyhow::Context;
use powershare::render::questionnaire;
use powershare_core::import::{ImportError, ImportOptions, import};

use super::args::{ImportArgs, SurveyArgs, SurveyCommand, TemplateArgs, TemplateFormat};
use super::{Status, files, print_problems, write_output, write_stdout};

/// Run `survey template` or `survey import`.
pub fn run(args: &SurveyArgs) -> anyhow::Result<Status> {
    match &args.command {
        SurveyCommand::Template(a) => template(a),
        SurveyCommand::Import(a) => import_responses(a),
    }
}

fn template(args: &TemplateArgs) -> anyhow::Result<Status> {
    let p = match files::load(&args.path) {
        Ok(p) => p,
        Err(lines) => {
            print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let text = match args.format {
        TemplateFormat::Csv => questionnaire::csv::render(&p),
        TemplateFormat::Markdown => questionnaire::markdown::render(&p),
        TemplateFormat::Html => questionnaire::html::render(&p),
    };
    match &args.output {
        Some(out) => write_output(out, &text, std::slice::from_ref(&args.path))?,
        None => write_stdout(&text)?,
    }
    Ok(Status::Success)
}

fn import_responses(args: &ImportArgs) -> anyhow::Result<Status> {
    let file = &args.path;
    let csv_path = &args.responses;
    let bytes = match files::read(file) {
        Ok(b) => b,
        Err(lines) => {
            print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        // The loader words the error and says where the bad byte is.
        print_problems(files::load(file).err().unwrap_or_default());
        return Ok(Status::Unusable);
    };
    let csv = std::fs::read(csv_path).with_context(|| format!("reading {}", csv_path.display()))?;
    let c = csv_path.display();
    let done = match import(
        &text,
        &csv,
        ImportOptions {
            replace: args.replace,
        },
    ) {
        Ok(done) => done,
        Err(ImportError::File(e)) => {
            print_problems(files::describe(file, &e));
            return Ok(Status::Unusable);
        }
        Err(ImportError::Cells(cells)) => {
            print_problems(
                cells
                    .iter()
                    .map(|e| format!("{c}:{}:{}: {}", e.row, e.column, e.message)),
            );
            print_problems([format!(
                "powershare survey import: {} problem{} in {c}; nothing was written",
                cells.len(),
                if cells.len() == 1 { "" } else { "s" }
            )]);
            return Ok(Status::Unusable);
        }
        Err(ImportError::Csv { row, message }) => {
            print_problems([format!("{c}:{row}: {message}; nothing was written")]);
            return Ok(Status::Unusable);
        }
        Err(ImportError::Result(e)) => {
            print_problems(files::describe(file, &e));
            print_problems([
                "powershare survey import: the file with the new responses does not load; nothing was written",
            ]);
            return Ok(Status::Unusable);
        }
        Err(other) => {
            print_problems([format!("{c}: {other}; nothing was written")]);
            return Ok(Status::Unusable);
        }
    };
    let target = args.output.as_deref().unwrap_or(file);
    match &args.output {
        Some(out) => write_output(out, &done.text, std::slice::from_ref(csv_path))?,
        None => replace_in_place(file, &done.text)?,
    }
    let partners = format!(
        "{} partner{}{}",
        done.partners,
        if done.partners == 1 { "" } else { "s" },
        match done.without_body {
            0 => String::new(),
            1 => " and 1 respondent without one".into(),
            n => format!(" and {n} respondents without one"),
        }
    );
    let verb = if args.replace {
        format!(
            "replaced {} response{} with {}",
            done.removed,
            if done.removed == 1 { "" } else { "s" },
            done.added
        )
    } else {
        format!(
            "added {} response{}",
            done.added,
            if done.added == 1 { "" } else { "s" }
        )
    };
    print_problems([format!(
        "powershare survey import: {verb} from {c} (from {partners}) to {}; it now holds {} response{}",
        target.display(),
        done.total,
        if done.total == 1 { "" } else { "s" }
    )]);
    Ok(Status::Success)
}

/// Replace `path` with `text` atomically (a temporary file in the same
/// directory, renamed into place), keeping the file's permissions.
fn replace_in_place(path: &Path, text: &str) -> anyhow::Result<()> {
    let permissions = std::fs::metadata(path)
        .with_context(|| format!("reading {}", path.display()))?
        .permissions();
    super::write_atomically(path, text)?;
    std::fs::set_permissions(path, permissions)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
