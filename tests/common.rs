//! Helpers shared by the modules: the built binary, the repository's
//! fixtures, and a command's output.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::test_runner::{Config, FileFailurePersistence};

/// The partnership whose names hold markup, formulas, line breaks and a
/// terminal escape (see `hostile.rs`), relative to the repository root.
pub const HOSTILE: &str = "tests/hostile/hostile-names.toml";

/// The built `powershare` binary, without the colour variables of the
/// environment the tests run in (`NO_COLOR`, `CLICOLOR_FORCE`), so that
/// no output depends on them.
pub fn powershare() -> Command {
    let mut cmd = Command::cargo_bin("powershare").expect("the binary is built for tests");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// The repository root, where the tests run.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `dir` (relative to the root) with extension `ext`, sorted.
pub fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// Every sample partnership (`sample-partnerships/*.toml`), sorted.
pub fn samples() -> Vec<PathBuf> {
    let s = files_in("sample-partnerships", "toml");
    assert!(s.len() >= 4, "expected at least four samples");
    s
}

/// Runs `cmd`, asserts that it succeeds (showing its output if not) and
/// returns its standard output.
#[track_caller]
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

/// The standard output of a successful `powershare ARGS`.
#[track_caller]
pub fn stdout(args: &[&str]) -> String {
    stdout_of(powershare().args(args))
}

/// proptest's configuration for `cases` cases, keeping failures next to
/// the module's file (`tests/rebalance.proptest-regressions` for
/// `rebalance.rs`, where they were while each file was its own crate).
/// proptest's default puts them beside the nearest directory above the
/// file that holds a `lib.rs` or `main.rs`: now `tests/` itself, so they
/// would move to `proptest-regressions/rebalance.txt`, among the library's.
pub fn proptest_config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
