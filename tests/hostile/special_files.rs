//! Inputs and outputs that are not regular files: a FIFO would block an
//! open for ever, a device never ends, and `-o` must not replace either
//! with a regular file; signals must not leave a temporary file behind;
//! Ctrl-C must take effect within a second.
#![cfg(unix)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use predicates::str::contains;

use crate::common::powershare;

const SAMPLE: &str = "sample-partnerships/community-shaping.toml";

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// Guards against: a FIFO named `*.toml` inside a directory given to
/// `check` (or given to `--policy`, or named directly) hanging for ever:
/// it is refused unopened, and the other files are still checked.
#[test]
fn a_fifo_input_is_refused_unopened() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(SAMPLE, dir.path().join("a.toml")).expect("copy");
    let fifo = dir.path().join("b.toml");
    mkfifo(&fifo);
    let start = Instant::now();
    powershare()
        .timeout(Duration::from_secs(20))
        .args([
            "check".as_ref(),
            dir.path().as_os_str(),
            "--max-gini".as_ref(),
            "0.9".as_ref(),
        ])
        .assert()
        .code(2)
        .stdout(contains(
            "cannot read: it is a named pipe (FIFO), not a regular file",
        ))
        .stdout(contains(
            "2 files: 1 passed, 0 breached their policy, 1 unusable",
        ));
    powershare()
        .timeout(Duration::from_secs(20))
        .args([
            "check".as_ref(),
            SAMPLE.as_ref(),
            "--policy".as_ref(),
            fifo.as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("it is a named pipe (FIFO), not a regular file"));
    for command in ["validate", "report"] {
        powershare()
            .timeout(Duration::from_secs(20))
            .args([command.as_ref(), fifo.as_os_str()])
            .assert()
            .code(2)
            .stderr(contains("it is a named pipe (FIFO), not a regular file"));
    }
    assert!(start.elapsed() < Duration::from_secs(30));
    assert!(is_fifo(&fifo), "the FIFO is still there, untouched");
}

/// Guards against: `/dev/zero` described as "16777217 bytes" (read up to
/// the limit): a device is refused by its kind, unread.
#[test]
fn a_device_input_is_refused_by_its_kind() {
    powershare()
        .timeout(Duration::from_secs(20))
        .args(["validate", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains(
            "/dev/zero: cannot read: it is a character device, not a regular file",
        ));
}

/// Guards against: `-o` onto a FIFO, a device node or a link to one
/// replacing it with a regular file (as root, `-o /dev/null` would have
/// replaced /dev/null): they are written through.
#[test]
fn output_through_a_fifo_or_a_device_never_replaces_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let fifo = dir.path().join("out.txt");
    mkfifo(&fifo);
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(&reader_path)
            .expect("open the FIFO")
            .read_to_string(&mut text)
            .expect("read the FIFO");
        text
    });
    powershare()
        .timeout(Duration::from_secs(20))
        .args([
            "report".as_ref(),
            SAMPLE.as_ref(),
            "-o".as_ref(),
            fifo.as_os_str(),
        ])
        .assert()
        .success();
    let text = reader.join().expect("reader");
    assert!(text.starts_with("Eastbridge"), "{text}");
    assert!(is_fifo(&fifo), "the FIFO was replaced");

    // A link to the FIFO: written through too.
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&fifo, &link).expect("symlink");
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::fs::File::open(&reader_path).and_then(|mut f| f.read_to_string(&mut text));
        text
    });
    powershare()
        .timeout(Duration::from_secs(20))
        .args([
            "report".as_ref(),
            SAMPLE.as_ref(),
            "-o".as_ref(),
            link.as_os_str(),
        ])
        .assert()
        .success();
    assert!(!reader.join().expect("reader").is_empty());
    assert!(is_fifo(&fifo));
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));

    powershare()
        .args(["report", SAMPLE, "-o", "/dev/null"])
        .assert()
        .success();
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").is_ok_and(|m| m.file_type().is_char_device()));
}

/// `-o` through a link to a regular file replaces the file and keeps the
/// link; a directory, a link to nothing and a `.toml` path are refused.
#[test]
fn output_goes_only_where_a_file_belongs() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let target = dir.path().join("real.txt");
    std::fs::write(&target, "old").expect("write");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    powershare()
        .args([
            "report".as_ref(),
            SAMPLE.as_ref(),
            "-o".as_ref(),
            link.as_os_str(),
        ])
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with("Eastbridge")
    );

    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    powershare()
        .args([
            "report".as_ref(),
            SAMPLE.as_ref(),
            "-o".as_ref(),
            sub.as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("it is a directory"));
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
    powershare()
        .args([
            "report".as_ref(),
            SAMPLE.as_ref(),
            "-o".as_ref(),
            dangling.as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("a symbolic link to a file that does not exist"));

    // Guards against: `report DIR -o DIR/x.toml` writing a report where
    // the next `check DIR` reads it as a partnership file.
    std::fs::copy(SAMPLE, dir.path().join("p.toml")).expect("copy");
    let out = dir.path().join("x.TOML");
    powershare()
        .args([
            "report".as_ref(),
            dir.path().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("a .toml file would be read as a partnership file"));
    assert!(!out.exists());
    let names: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(
        names
            .iter()
            .all(|p| !p.to_string_lossy().contains(".powershare-")),
        "{names:?}"
    );
}

/// Runs `powershare ARGS` and sends `signal` once `ready` holds (or after
/// `after`); returns the exit code, stdout, stderr and the time from the
/// signal to the exit.
fn signal_during(
    args: &[&std::ffi::OsStr],
    envs: &[(&str, &str)],
    signal: &str,
    ready: impl Fn() -> bool,
) -> (Option<i32>, String, String, Duration) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("powershare"))
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("powershare starts");
    let start = Instant::now();
    while !ready() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        child.try_wait().expect("status").is_none(),
        "it ended before the signal"
    );
    let sent = Instant::now();
    let kill = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let status = child.wait().expect("powershare ends");
    let waited = sent.elapsed();
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    (status.code(), out, err, waited)
}

/// Guards against: SIGTERM (or SIGINT) during an `-o` write leaving a
/// `.powershare-*.tmp` behind.
#[test]
fn a_signal_during_a_write_removes_the_temporary_file() {
    for signal in ["-TERM", "-INT"] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let out = dir.path().join("report.html");
        let temporary = || {
            std::fs::read_dir(dir.path())
                .expect("list")
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with(".powershare-"))
        };
        let (code, _, _, _) = signal_during(
            &[
                "report".as_ref(),
                SAMPLE.as_ref(),
                "--format".as_ref(),
                "html".as_ref(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
            &[("POWERSHARE_TEST_SLOW_WRITE_MS", "20000")],
            signal,
            temporary,
        );
        assert_eq!(code, Some(130), "{signal}");
        assert!(!temporary(), "{signal}: a temporary file was left behind");
        assert!(!out.exists(), "{signal}: no partial report");
    }
}

/// Guards against: the first Ctrl-C during `check` waiting up to 17 s for
/// the file being scored. A board of 26 bodies of a million seats takes
/// seconds to score (tens in a debug build); the interrupt ends the run
/// within a second, with nothing on stdout.
#[test]
fn ctrl_c_takes_effect_within_a_second() {
    let slow = "fuzz/slow-inputs/shapley-26-bodies-26m-seats.toml";
    let started = Instant::now();
    let (code, out, err, waited) = signal_during(
        &[
            "check".as_ref(),
            slow.as_ref(),
            "--voting-index".as_ref(),
            "shapley-shubik".as_ref(),
        ],
        &[],
        "-INT",
        || started.elapsed() > Duration::from_millis(700),
    );
    assert_eq!(code, Some(130), "{err}");
    assert_eq!(out, "");
    assert!(err.contains("interrupted"), "{err}");
    // The handler waits 0.8 s for the batch to stop by itself; 2.5 s leaves
    // room for a loaded machine and still fails the 17 s of old.
    assert!(waited < Duration::from_millis(2500), "{waited:?}");
}

/// `-o /dev/stdout` writes to the process's own stdout, as the shell
/// opened it: appended after `>>`, never truncating or replacing the file
/// behind it.
#[test]
fn output_to_dev_stdout_keeps_the_shells_redirection() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("log.txt");
    std::fs::write(&path, "previous\n").expect("write");
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    let status = Command::new(assert_cmd::cargo::cargo_bin("powershare"))
        .args(["report", SAMPLE, "-o", "/dev/stdout"])
        .stdout(Stdio::from(file))
        .status()
        .expect("runs");
    assert!(status.success());
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("previous\nEastbridge"), "{text}");
    assert!(std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()));
}
