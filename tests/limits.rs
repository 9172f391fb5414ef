//! Limits that keep the work on any input bounded: each refuses with exit
//! 2 and a message that names the limit (and how to raise it where that
//! makes sense), and nothing is scored.

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::powershare;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn bodies(n: usize) -> String {
    (0..n)
        .map(|i| format!("[[body]]\nid = \"b{i}\"\nincome = {}\n", i + 1))
        .collect()
}

#[test]
fn more_bodies_than_the_limit_are_refused_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = file(&dir, "big.toml", &bodies(1001));
    powershare()
        .args(["report".as_ref(), path.as_os_str()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "body: 1001 bodies: powershare reads at most 1000; set POWERSHARE_MAX_BODIES",
        ));
    powershare()
        .env("POWERSHARE_MAX_BODIES", "1001")
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .success();
}

#[test]
fn a_file_above_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = file(&dir, "p.toml", &bodies(3));
    let size = std::fs::metadata(&path).expect("metadata").len();
    // `check` reports every file in its own output, the unusable ones too.
    powershare()
        .env("POWERSHARE_MAX_FILE_BYTES", "40")
        .args(["check".as_ref(), path.as_os_str()])
        .assert()
        .code(2)
        .stdout(
            contains("unusable").and(contains("set POWERSHARE_MAX_FILE_BYTES to raise the limit")),
        );
    powershare()
        .env("POWERSHARE_MAX_FILE_BYTES", "40")
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .stderr(contains(format!(
            "the file is {size} bytes, more than the 40 bytes"
        )));
    powershare()
        .env("POWERSHARE_MAX_FILE_BYTES", "forty")
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .code(2)
        .stderr(contains(
            "POWERSHARE_MAX_FILE_BYTES is `forty`: give a whole number above 0",
        ));
}

#[test]
fn long_texts_and_long_arrays_are_refused_with_their_field() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let long_name = format!("[[body]]\nid = \"a\"\nname = \"{}\"\n", "x".repeat(1001));
    let path = file(&dir, "name.toml", &long_name);
    powershare()
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .code(2)
        .stderr(contains(
            "3:8: body.0.name: 1001 characters long: powershare reads texts of at most 1000 characters",
        ));
    let contacts = format!(
        "{}{}",
        bodies(2),
        "[[contact]]\nbetween = [\"b0\", \"b1\"]\nfrequency = \"weekly\"\n".repeat(100_001)
    );
    let path = file(&dir, "contacts.toml", &contacts);
    powershare()
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .code(2)
        .stderr(contains(
            "contact: 100001 entries: powershare reads at most 100000",
        ));
}

#[test]
fn the_power_calculator_limits_its_players() {
    powershare()
        .env("POWERSHARE_MAX_PLAYERS", "3")
        .args(["power", "--quota", "3", "1", "1", "1", "1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "4 weights: powershare computes power for at most 3 players",
        ));
    powershare()
        .env("POWERSHARE_MAX_PLAYERS", "4")
        .args(["power", "--quota", "3", "1", "1", "1", "1"])
        .assert()
        .success();
}
