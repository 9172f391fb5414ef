//! Turning command-line paths into a sorted list of partnership files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, bail};
use powershare_core::Limits;

/// Expand files, directories and glob patterns into files. A directory
/// contributes every `*.toml` below it (recursively), sorted by path; a
/// glob pattern (`partnerships/**/*.toml`, for when the shell did not
/// expand it) contributes its matches, sorted; a file is taken as given.
/// Duplicates are removed, first occurrence kept. Stops at the first path
/// that cannot be used.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    collect(paths)
        .into_iter()
        .map(|entry| entry.map_err(|(_, e)| e))
        .collect()
}

/// Like [`expand`], but every path that cannot be used is kept in place as
/// an error (the path and why), so that a batch can report it with the rest.
pub fn collect(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, anyhow::Error)>> {
    let mut out = Vec::new();
    for path in paths {
        match expand_one(path) {
            Ok(found) => out.extend(found.into_iter().map(Ok)),
            Err(e) => out.push(Err((path.clone(), e))),
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|entry| match entry {
        Ok(p) => seen.insert(p.clone()),
        Err(_) => true,
    });
    out
}

fn is_pattern(path: &Path) -> bool {
    path.to_str().is_some_and(|s| s.contains(['*', '?', '[']))
}

fn expand_one(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !path.exists() && is_pattern(path) {
        return expand_glob(path);
    }
    let meta = std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if meta.is_dir() {
        let mut found = Vec::new();
        walk(path, &mut found)?;
        if found.is_empty() {
            bail!("{}: the directory holds no *.toml files", path.display());
        }
        found.sort();
        Ok(found)
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

fn expand_glob(pattern: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let text = pattern.to_string_lossy();
    let matches = glob::glob(&text).with_context(|| format!("{text}: not a valid glob pattern"))?;
    let mut found = Vec::new();
    for m in matches {
        let path = m.with_context(|| format!("{text}: reading a match"))?;
        if path.is_dir() {
            walk(&path, &mut found)?;
        } else {
            found.push(path);
        }
    }
    if found.is_empty() {
        bail!("{text}: no file matches the pattern");
    }
    found.sort();
    Ok(found)
}

/// Every `*.toml` below `dir` (recursively), sorted; possibly none.
pub fn toml_files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    walk(dir, &mut found)?;
    found.sort();
    Ok(found)
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

/// The limits every file is loaded with: the library's defaults, raised or
/// lowered by `POWERSHARE_MAX_FILE_BYTES`, `POWERSHARE_MAX_BODIES` and
/// `POWERSHARE_MAX_PLAYERS`.
static LIMITS: OnceLock<Limits> = OnceLock::new();

/// Read the limits from the environment, once, before any file is read.
pub fn init_limits() -> anyhow::Result<()> {
    let mut limits = Limits::default();
    for (name, slot) in [
        ("POWERSHARE_MAX_FILE_BYTES", &mut limits.file_bytes),
        ("POWERSHARE_MAX_BODIES", &mut limits.bodies),
        ("POWERSHARE_MAX_PLAYERS", &mut limits.players),
    ] {
        if let Some(value) = std::env::var_os(name) {
            let text = value.to_string_lossy();
            *slot = text
                .trim()
                .replace('_', "")
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    anyhow::anyhow!("{name} is `{text}`: give a whole number above 0 (or unset it for the default, {})", slot)
                })?;
        }
    }
    let _ = LIMITS.set(limits);
    Ok(())
}

/// The limits in force.
pub fn limits() -> Limits {
    LIMITS.get().copied().unwrap_or_default()
}

/// Why a file's bytes could not be had.
pub enum ReadError {
    /// Above the size limit (a [`powershare_core::LoadError::TooLarge`]).
    TooLarge(powershare_core::LoadError),
    /// The file could not be opened or read.
    Io(std::io::Error),
}

/// The bytes of `path`, refusing a file above the size limit before
/// reading it (and reading at most one byte past the limit from a file
/// that grows or a pipe).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let max = limits().file_bytes;
    let too_large =
        |bytes: u64| ReadError::TooLarge(powershare_core::LoadError::TooLarge { bytes, max });
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > max as u64
    {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take((max as u64).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_bytes`], with the error as lines ready to print.
pub fn read(path: &Path) -> Result<Vec<u8>, Vec<String>> {
    read_bytes(path).map_err(|e| match e {
        ReadError::TooLarge(e) => describe(path, &e),
        ReadError::Io(e) => vec![format!("{}: cannot read: {e}", path.display())],
    })
}

/// Read and validate one file. The error lines are ready to print, each
/// starting with the path (`path:line:column: field: message`).
pub fn load(path: &Path) -> Result<powershare_core::Partnership, Vec<String>> {
    let bytes = read(path)?;
    powershare_core::load_with(&bytes, &limits()).map_err(|e| describe(path, &e))
}

/// One line per problem, each naming the file.
pub fn describe(path: &Path, e: &powershare_core::LoadError) -> Vec<String> {
    let p = path.display();
    match e {
        powershare_core::LoadError::Invalid { diagnostics } => diagnostics
            .iter()
            .map(|d| match d.position {
                Some(_) => format!("{p}:{d}"),
                None => format!("{p}: {d}"),
            })
            .collect(),
        other => vec![format!("{p}: {other}")],
    }
}
