//! Turning command-line paths into a sorted list of partnership files.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Expand files and directories into files. A directory contributes every
/// `*.toml` below it (recursively), sorted by path; a file is taken as
/// given. Duplicates are removed, first occurrence kept.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            if found.is_empty() {
                bail!("{}: the directory holds no *.toml files", path.display());
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .with_context(|| format!("reading {}", path.display()))?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
    Ok(())
}

/// Read and validate one file. The error lines are ready to print, each
/// starting with the path (`path:line:column: field: message`).
pub fn load(path: &Path) -> Result<powershare::Partnership, Vec<String>> {
    let bytes =
        std::fs::read(path).map_err(|e| vec![format!("{}: cannot read: {e}", path.display())])?;
    powershare::load(&bytes).map_err(|e| describe(path, &e))
}

/// One line per problem, each naming the file.
pub fn describe(path: &Path, e: &powershare::LoadError) -> Vec<String> {
    let p = path.display();
    match e {
        powershare::LoadError::Invalid { diagnostics } => diagnostics
            .iter()
            .map(|d| match d.position {
                Some(_) => format!("{p}:{d}"),
                None => format!("{p}: {d}"),
            })
            .collect(),
        other => vec![format!("{p}: {other}")],
    }
}
