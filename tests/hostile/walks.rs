//! Directory walks say what they skipped and why: symbolic links are not
//! followed without `--follow` (and are counted), an unreadable entry is
//! reported in its place while the rest are checked, and a pattern that
//! matches nothing is not counted as a file.
#![cfg(unix)]

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::powershare;

const SAMPLE: &str = "sample-partnerships/community-shaping.toml";

/// Guards against: a symlinked subdirectory not walked and a breach in it
/// missed with no word.
#[test]
fn symbolic_links_are_counted_or_followed() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path().join("root");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&root).expect("mkdir");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::copy(SAMPLE, root.join("a.toml")).expect("copy");
    std::fs::copy(SAMPLE, elsewhere.join("b.toml")).expect("copy");
    std::os::unix::fs::symlink(&elsewhere, root.join("linked")).expect("symlink");
    std::os::unix::fs::symlink(elsewhere.join("b.toml"), root.join("c.toml")).expect("symlink");
    // A loop back to the root: --follow must not walk it for ever.
    std::os::unix::fs::symlink(&root, elsewhere.join("back")).expect("symlink");
    powershare()
        .args([
            "check".as_ref(),
            root.as_os_str(),
            "--max-gini".as_ref(),
            "0.99".as_ref(),
        ])
        .assert()
        .success()
        .stdout(contains("1 file: 1 passed"))
        .stderr(contains(
            "powershare: note: 2 symbolic links inside the directories not followed",
        ))
        .stderr(contains("give --follow to follow them"));
    powershare()
        .args([
            "check".as_ref(),
            root.as_os_str(),
            "--max-gini".as_ref(),
            "0.99".as_ref(),
            "--follow".as_ref(),
        ])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success()
        .stdout(contains("3 files: 3 passed"))
        .stderr(contains("note").not());
    // A directory holding only links says so.
    let only = dir.path().join("only-links");
    std::fs::create_dir_all(&only).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, only.join("l")).expect("symlink");
    powershare()
        .args(["validate".as_ref(), only.as_os_str()])
        .assert()
        .code(2)
        .stderr(contains(
            "the directory holds no *.toml files (1 symbolic link not followed; give --follow to follow them)",
        ));
}

/// Guards against: one unreadable subdirectory making the whole directory
/// argument unusable, so that none of its other files were checked.
/// (Skipped when the tests run as root, who can read anything.)
#[test]
fn an_unreadable_entry_is_reported_and_the_rest_are_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(SAMPLE, dir.path().join("a.toml")).expect("copy");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::copy(SAMPLE, locked.join("b.toml")).expect("copy");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read_dir(&locked).is_ok();
    if !readable {
        powershare()
            .args([
                "check".as_ref(),
                dir.path().as_os_str(),
                "--max-gini".as_ref(),
                "0.99".as_ref(),
            ])
            .assert()
            .code(2)
            .stdout(contains("cannot read the directory"))
            .stdout(contains(
                "2 files: 1 passed, 0 breached their policy, 1 unusable",
            ));
        powershare()
            .args(["validate".as_ref(), dir.path().as_os_str()])
            .assert()
            .code(2)
            .stdout(contains("a.toml: ok"))
            .stderr(contains("locked: cannot read the directory"));
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    if readable {
        eprintln!("skipped: running as root, every directory is readable");
    }
}

/// Guards against: a glob matching nothing summarised as "1 file".
#[test]
fn a_pattern_matching_nothing_is_not_a_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let pattern = dir.path().join("*.toml");
    powershare()
        .args([
            "check".as_ref(),
            pattern.as_os_str(),
            "--max-gini".as_ref(),
            "0.5".as_ref(),
        ])
        .assert()
        .code(2)
        .stdout(contains("no file matches the pattern"))
        .stdout(contains(
            "0 files: 0 passed, 0 breached their policy, 0 unusable; 1 path matched no file",
        ));
    powershare()
        .args([
            "check".as_ref(),
            pattern.as_os_str(),
            SAMPLE.as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .assert()
        .code(2)
        .stdout(contains("\"unmatched\": 1"))
        .stdout(contains("\"files\": 1,"));
}
