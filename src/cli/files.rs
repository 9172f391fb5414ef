//! Turning command-line paths into a sorted list of partnership files, and
//! reading them: only regular files are ever opened, and every entry a
//! directory walk skips is said.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::anyhow;
use powershare_core::Limits;

/// How directories are walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk {
    /// Follow symbolic links met inside directories (links named on the
    /// command line are always followed: the user named them).
    pub follow: bool,
}

/// One path found: a file to read, or a path that cannot be used and why
/// (the message does not repeat the path).
pub type Entry = Result<PathBuf, (PathBuf, anyhow::Error)>;

/// The error of a command-line path that yielded no file at all: a glob
/// pattern that matched nothing, a directory without `*.toml` files. A
/// summary counts it as a path, not as a file.
#[derive(Debug)]
pub struct NoMatch(pub String);

impl std::fmt::Display for NoMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoMatch {}

/// Whether `e` is a [`NoMatch`].
pub fn is_no_match(e: &anyhow::Error) -> bool {
    e.is::<NoMatch>()
}

/// What a set of command-line paths expands to.
#[derive(Debug, Default)]
pub struct Found {
    /// Files and unusable paths, sorted within each argument.
    pub entries: Vec<Entry>,
    /// Symbolic links inside directories that were not followed (without
    /// `--follow`): each named `*.toml` or pointing to a directory.
    pub skipped_links: Vec<PathBuf>,
}

impl Found {
    /// The note on the links not followed, when there were any: how many,
    /// the first few, and how to follow them.
    pub fn note(&self) -> Option<String> {
        let n = self.skipped_links.len();
        if n == 0 {
            return None;
        }
        let shown: Vec<String> = self
            .skipped_links
            .iter()
            .take(5)
            .map(|p| p.display().to_string())
            .collect();
        let more = if n > shown.len() {
            format!(" and {} more", n - shown.len())
        } else {
            String::new()
        };
        Some(format!(
            "powershare: note: {n} symbolic link{} inside the directories not followed: {}{more}; give --follow to follow them",
            if n == 1 { "" } else { "s" },
            shown.join(", ")
        ))
    }

    /// Print [`Found::note`] on stderr.
    pub fn print_note(&self) {
        if let Some(note) = self.note() {
            super::print_problems([note]);
        }
    }
}

/// Expand files, directories and glob patterns into files. A directory
/// contributes every `*.toml` below it (recursively), sorted by path; a
/// glob pattern (`partnerships/**/*.toml`, for when the shell did not
/// expand it) contributes its matches, sorted; a file is taken as given.
/// Duplicates are removed, first occurrence kept. Every path that cannot
/// be used (a pattern matching nothing, an unreadable directory inside a
/// walk) is kept in place as an error, so that it is reported with the
/// rest while the other files are still read.
pub fn collect(paths: &[PathBuf], walk: Walk) -> Found {
    let mut found = Found::default();
    for path in paths {
        let mut entries = Vec::new();
        let mut links = Vec::new();
        match expand_one(path, walk, &mut entries, &mut links) {
            Ok(()) => {}
            Err(e) => entries.push(Err((path.clone(), e))),
        }
        entries.sort_by(|a, b| entry_path(a).cmp(entry_path(b)));
        found.entries.extend(entries);
        links.sort();
        found.skipped_links.extend(links);
    }
    let mut seen = std::collections::HashSet::new();
    found.entries.retain(|entry| match entry {
        Ok(p) => seen.insert(p.clone()),
        Err(_) => true,
    });
    found
}

fn entry_path(entry: &Entry) -> &Path {
    match entry {
        Ok(p) | Err((p, _)) => p,
    }
}

fn is_pattern(path: &Path) -> bool {
    path.to_str().is_some_and(|s| s.contains(['*', '?', '[']))
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

fn expand_one(
    path: &Path,
    walk: Walk,
    out: &mut Vec<Entry>,
    links: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    if !path.exists() && is_pattern(path) {
        return expand_glob(path, walk, out, links);
    }
    let meta = std::fs::metadata(path).map_err(|e| anyhow!("cannot read: {e}"))?;
    if meta.is_dir() {
        let before = out.len();
        let skipped = links.len();
        walk_dir(path, walk, &mut Visited::default(), out, links);
        if out.len() == before {
            let skipped = links.len() - skipped;
            let hint = if skipped > 0 {
                format!(
                    " ({skipped} symbolic link{} not followed; give --follow to follow them)",
                    if skipped == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(NoMatch(format!("the directory holds no *.toml files{hint}")).into());
        }
    } else {
        out.push(Ok(path.to_path_buf()));
    }
    Ok(())
}

fn expand_glob(
    pattern: &Path,
    walk: Walk,
    out: &mut Vec<Entry>,
    links: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    let text = pattern.to_string_lossy();
    let matches = glob::glob(&text).map_err(|e| anyhow!("not a valid glob pattern: {e}"))?;
    let before = out.len();
    for m in matches {
        match m {
            Ok(path) if path.is_dir() => walk_dir(&path, walk, &mut Visited::default(), out, links),
            Ok(path) => out.push(Ok(path)),
            Err(e) => {
                let path = e.path().to_path_buf();
                out.push(Err((path, anyhow!("cannot read: {}", e.error()))));
            }
        }
    }
    if out.len() == before {
        return Err(NoMatch("no file matches the pattern".into()).into());
    }
    Ok(())
}

/// Every `*.toml` below `dir` (recursively), sorted; possibly none; the
/// entries that cannot be used are kept as errors.
pub fn toml_files_under(dir: &Path, walk: Walk) -> Found {
    let mut found = Found::default();
    walk_dir(
        dir,
        walk,
        &mut Visited::default(),
        &mut found.entries,
        &mut found.skipped_links,
    );
    found
        .entries
        .sort_by(|a, b| entry_path(a).cmp(entry_path(b)));
    found.skipped_links.sort();
    found
}

/// Directories already walked (device and inode), so that `--follow`
/// cannot loop through a link to a parent.
#[derive(Default)]
struct Visited(std::collections::HashSet<(u64, u64)>);

impl Visited {
    /// Whether `dir` is new (and remember it).
    fn first(&mut self, dir: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match std::fs::metadata(dir) {
                Ok(m) => self.0.insert((m.dev(), m.ino())),
                Err(_) => true,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            true
        }
    }
}

/// Walk `dir`: `*.toml` files into `out`, each entry that cannot be read
/// into `out` as an error (the walk goes on), symbolic links that matter
/// (named `*.toml` or pointing to a directory) into `links` unless
/// `walk.follow`.
fn walk_dir(
    dir: &Path,
    walk: Walk,
    visited: &mut Visited,
    out: &mut Vec<Entry>,
    links: &mut Vec<PathBuf>,
) {
    if !visited.first(dir) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err((
                dir.to_path_buf(),
                anyhow!("cannot read the directory: {e}"),
            )));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(Err((
                    dir.to_path_buf(),
                    anyhow!("cannot read an entry of the directory: {e}"),
                )));
                continue;
            }
        };
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                out.push(Err((path, anyhow!("cannot read: {e}"))));
                continue;
            }
        };
        if kind.is_symlink() {
            // `metadata` follows the link without opening anything.
            let target = std::fs::metadata(&path);
            let is_dir = target.as_ref().is_ok_and(std::fs::Metadata::is_dir);
            if !walk.follow {
                if is_dir || is_toml(&path) {
                    links.push(path);
                }
            } else if is_dir {
                walk_dir(&path, walk, visited, out, links);
            } else if is_toml(&path) {
                match target {
                    Ok(_) => out.push(Ok(path)),
                    Err(e) => out.push(Err((path, anyhow!("broken symbolic link: {e}")))),
                }
            }
        } else if kind.is_dir() {
            walk_dir(&path, walk, visited, out, links);
        } else if is_toml(&path) {
            // A FIFO, device or socket named `*.toml` is listed too, and
            // refused unopened by `read_bytes`.
            out.push(Ok(path));
        }
    }
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
    /// Not a regular file (a directory, FIFO, device or socket): refused
    /// without being opened. The text says what it is.
    NotRegular(&'static str),
    /// The file could not be opened or read.
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(
                f,
                "cannot read: it is {what}, not a regular file; powershare reads partnership and policy files only from regular files"
            ),
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// The bytes of `path`, refusing a file above the size limit before
/// reading it. Only a regular file is opened: its kind is looked up first
/// (a FIFO would block the open for ever, a device never ends), and the
/// open is non-blocking and checked again, in case the path changed in
/// between.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let max = limits().file_bytes;
    let too_large =
        |bytes: u64| ReadError::TooLarge(powershare_core::LoadError::TooLarge { bytes, max });
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(what) = kind_of(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > max as u64 {
        return Err(too_large(meta.len()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = kind_of(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    let mut bytes = Vec::with_capacity(
        usize::try_from(meta.len())
            .unwrap_or(0)
            .saturating_add(1)
            .min(max.saturating_add(1)),
    );
    // At most one byte past the limit, from a file that grows meanwhile
    // (a limit of u64::MAX must not wrap to 0).
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
        e => vec![format!("{}: {e}", path.display())],
    })
}

/// Parse memory in use by the files being loaded at once (rayon loads
/// two or more in parallel): a file reserves what the parser may take for
/// it (16 bytes a byte, the most the first pass lets through) before it is
/// parsed, and waits while that would take the total past one file's
/// budget. Small files never wait; two 16 MiB files are parsed one after
/// the other rather than together.
static PARSING: (std::sync::Mutex<usize>, std::sync::Condvar) =
    (std::sync::Mutex::new(0), std::sync::Condvar::new());

/// Load a partnership from `bytes` within the limits, holding back while
/// other files' parsing would take the parse memory past its bound.
pub fn load_bytes(
    bytes: &[u8],
) -> Result<powershare_core::Partnership, powershare_core::LoadError> {
    let limits = limits();
    let capacity = limits.parse_bytes();
    let need = bytes
        .len()
        .saturating_mul(powershare_core::load::limits::PARSE_BYTES_PER_FILE_BYTE)
        .min(capacity);
    let (lock, freed) = &PARSING;
    {
        let mut used = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while *used > 0 && *used + need > capacity {
            used = freed
                .wait(used)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *used += need;
    }
    let result = powershare_core::load_with(bytes, &limits);
    let mut used = lock
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *used -= need;
    freed.notify_all();
    result
}

/// Read and validate one file. The error lines are ready to print, each
/// starting with the path (`path:line:column: field: message`).
pub fn load(path: &Path) -> Result<powershare_core::Partnership, Vec<String>> {
    load_with_text(path).map(|(p, _)| p)
}

/// [`load`], also returning the file's text (read once).
pub fn load_with_text(path: &Path) -> Result<(powershare_core::Partnership, String), Vec<String>> {
    let bytes = read(path)?;
    let p = load_bytes(&bytes).map_err(|e| describe(path, &e))?;
    // It loaded, so it is UTF-8.
    Ok((p, String::from_utf8_lossy(&bytes).into_owned()))
}

/// One line per problem, each naming the file; past the problems kept
/// (the first [`powershare_core::load::diagnostic::MAX_DIAGNOSTICS`] in
/// file order), one line saying how many more there are.
pub fn describe(path: &Path, e: &powershare_core::LoadError) -> Vec<String> {
    let p = path.display();
    match e {
        powershare_core::LoadError::Invalid { diagnostics, more } => diagnostics
            .iter()
            .map(|d| match d.position {
                Some(_) => format!("{p}:{d}"),
                None => format!("{p}: {d}"),
            })
            .chain((*more > 0).then(|| {
                format!(
                    "{p}: {}",
                    powershare_core::load::diagnostic::more_problems(*more)
                )
            }))
            .collect(),
        other => vec![format!("{p}: {other}")],
    }
}
