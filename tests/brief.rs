//! `powershare brief`: whole-output snapshots of the text and markdown
//! brief of every sample, `-o`, and unusable input. (The HTML brief is
//! printed to PDF in `browser.rs`, which counts its pages.)

use crate::common::{powershare, samples, stdout};

#[test]
fn brief_snapshots() {
    for path in samples() {
        let stem = path
            .file_stem()
            .expect("a stem")
            .to_string_lossy()
            .to_string();
        let file = format!("sample-partnerships/{stem}.toml");
        for format in ["text", "markdown"] {
            let out = stdout(&["brief", &file, "--format", format]);
            insta::assert_snapshot!(format!("brief-{format}-{stem}"), out);
        }
    }
}

#[test]
fn brief_defaults_to_markdown_and_writes_to_a_file() {
    let file = "sample-partnerships/childrens-planning-forum.toml";
    let markdown = stdout(&["brief", file, "--format", "markdown"]);
    assert_eq!(stdout(&["brief", file]), markdown);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.html");
    powershare()
        .args(["brief", file, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    // The see-saw, the three most severe findings with their actions.
    assert!(html.contains("<figure class=\"chart seesaw\""));
    assert_eq!(html.matches("<p class=\"action\">").count(), 3);
}

#[test]
fn an_unusable_file_gives_no_brief() {
    let out = powershare()
        .args(["brief", "tests/bad/casting-vote-two-thirds.toml"])
        .assert()
        .code(2);
    let o = out.get_output();
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("casting-vote-two-thirds.toml:14:9: board.casting_vote"),
        "{err}"
    );
}
