//! Nothing lost: `-o` replaces its file only with a finished report,
//! never overwrites an input, a closed pipe ends quietly, and Ctrl-C stops
//! a batch without writing a partial result.

use predicates::str::contains;

use crate::common::powershare;

const SAMPLE: &str = "sample-partnerships/community-shaping.toml";

#[test]
fn a_failed_run_leaves_the_previous_output_intact_and_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("report.html");
    powershare()
        .args(["report", SAMPLE, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let first = std::fs::read_to_string(&out).expect("the report was written");
    assert!(first.contains("</html>"), "a whole HTML report");

    // An invalid input: exit 2, and the old report is untouched.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[body]]\nid = \"a\"\nincome = -1\n").expect("write");
    powershare()
        .args([
            "report".as_ref(),
            bad.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), first);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file left: {names:?}"
    );
}

#[test]
fn the_output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // A partnership file named on the command line may have any extension
    // (a `.toml` output is refused anyway, see hostile::special_files).
    let input = dir.path().join("p.partnership");
    std::fs::copy(SAMPLE, &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    // The same file under another spelling of its path.
    let other = dir.path().join(".").join("p.partnership");
    powershare()
        .args([
            "report".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            other.as_os_str(),
        ])
        .assert()
        .code(2)
        .stderr(contains("refusing to write the output over the input file"));
    assert_eq!(std::fs::read(&input).expect("read"), before);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    // `powershare report x | head -c 1`: the shell closes the pipe early.
    for format in ["text", "html", "json"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "\"$0\" report {SAMPLE} --format {format} | head -c 1 > /dev/null"
            ))
            .arg(assert_cmd::cargo::cargo_bin("powershare"))
            .output()
            .expect("sh runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.is_empty(),
            "{format}: no message on a closed pipe: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_batch_without_output() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    // Enough files that the batch is still running when the signal comes.
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("p{i:04}.toml")), &text).expect("write");
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("powershare"))
        .args(["check".as_ref(), dir.path().as_os_str()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("powershare starts");
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert!(
        child.try_wait().expect("status").is_none(),
        "the batch finished before the signal: make it larger"
    );
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let status = child.wait().expect("powershare ends");
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut stdout)
        .expect("read");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert_eq!(stdout, "", "nothing written after an interrupt");
    assert!(stderr.contains("interrupted"), "{stderr}");
}
