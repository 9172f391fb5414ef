//! `powershare whatif FILE --set PATH=VALUE...`: no change gives an empty
//! difference, changes are printed as `diff` prints them, and bad paths,
//! values or results exit 2 with a message that helps.

use assert_cmd::Command;
use powershare_core::whatif::{self, Set};

use crate::common::{powershare, stdout_of};

const FORUM: &str = "sample-partnerships/childrens-planning-forum.toml";

/// `powershare` with `NO_COLOR` set.
fn cmd() -> Command {
    let mut c = powershare();
    c.env("NO_COLOR", "1");
    c
}

fn stdout(args: &[&str]) -> String {
    stdout_of(cmd().args(args))
}

#[test]
fn no_change_is_an_empty_difference() {
    // The samples (the directory also holds a survey's CSV).
    for path in crate::common::samples() {
        let path = path.to_str().unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["whatif", path, "--format", "json"])).unwrap();
        for list in [
            "bodies_added",
            "bodies_removed",
            "dimensions_added",
            "dimensions_removed",
            "findings_appeared",
            "findings_resolved",
        ] {
            assert_eq!(json[list], serde_json::json!([]), "{path} {list}");
        }
        for b in json["bodies"].as_array().unwrap() {
            assert_eq!(b["composite"]["change"], 0.0, "{path}");
        }
        for i in json["indices"].as_array().unwrap() {
            assert!(i["change"].is_null() || i["change"] == 0.0, "{path} {i}");
        }
        assert!(stdout(&["whatif", path]).ends_with("no change\n"), "{path}");
    }
}

#[test]
fn no_change_scores_the_same_partnership() {
    let text = std::fs::read_to_string(FORUM).unwrap();
    let same = whatif::apply(&text, &[]).unwrap();
    let score = |t: &str| {
        powershare_core::score(&powershare_core::load_str(t).unwrap(), Default::default())
    };
    assert_eq!(score(&same), score(&text));
    assert!(powershare_core::diff::diff(&score(&text), &score(&same)).is_empty());
}

#[test]
fn changes_are_printed_as_diff_prints_them() {
    let sets = [
        "--set",
        "board.veto=[]",
        "--set",
        "body.parent-forum.seats=2",
        "--set",
        "funding.0.amount=0",
    ];
    for format in ["text", "markdown", "json"] {
        let mut args = vec!["whatif", FORUM, "--format", format];
        args.extend(sets);
        insta::assert_snapshot!(format!("whatif-{format}"), stdout(&args));
    }
}

#[test]
fn a_change_equals_editing_the_file() {
    // The same change written into a copy of the file, compared by `diff`.
    let text = std::fs::read_to_string(FORUM).unwrap();
    let edited = text.replace("quota = \"majority\"", "quota = \"two-thirds\"");
    assert_ne!(edited, text);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("forum.toml");
    std::fs::write(&copy, edited).unwrap();
    let by_diff = stdout(&["diff", FORUM, copy.to_str().unwrap(), "--format", "json"]);
    let by_whatif = stdout(&[
        "whatif",
        FORUM,
        "--set",
        "board.quota=two-thirds",
        "--format",
        "json",
    ]);
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["new"] = serde_json::Value::Null;
        v
    };
    assert_eq!(strip(&by_diff), strip(&by_whatif));
}

#[track_caller]
fn fails(sets: &[&str], message: &str) {
    let mut args = vec!["whatif", FORUM];
    for s in sets {
        args.extend(["--set", s]);
    }
    let out = cmd().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end(), message, "{args:?}");
}

#[test]
fn bad_paths_and_values_exit_2_naming_the_paths_near_them() {
    let forms = powershare_core::whatif::paths::PATH_FORMS;
    fails(
        &["body.county.seat=3"],
        &format!(
            "powershare: error: {FORUM}: `body.county.seat` is not a path of this file; nearest valid paths: body.county.seats, body.county.sector, body.county.staff, body.county.name, body.county.income. Paths are {forms}"
        ),
    );
    fails(
        &["funding.9.amount=0"],
        &format!(
            "powershare: error: {FORUM}: `funding.9.amount` is not a path of this file; nearest valid paths: funding.0.amount, funding.1.amount, funding.2.amount, funding.3.amount, funding.0.from. Paths are {forms}"
        ),
    );
    fails(
        &["body.county.seats=four"],
        &format!(
            "powershare: error: {FORUM}: `body.county.seats` takes a whole number, not `four`; nearest valid paths: body.county.seats, body.county.sector, body.county.staff"
        ),
    );
    fails(
        &["board.also_majority_of_bodies=yes"],
        &format!(
            "powershare: error: {FORUM}: `board.also_majority_of_bodies` takes true or false, not `yes`; nearest valid paths: board.also_majority_of_bodies, board.casting_vote, board.chair"
        ),
    );
    fails(
        &["funding.0.kind=loan"],
        &format!(
            "powershare: error: {FORUM}: `funding.0.kind` takes one of grant, contract, commission, in-kind, fee, not `loan`; nearest valid paths: funding.0.kind, funding.1.kind, funding.2.kind"
        ),
    );
    fails(
        &["seats"],
        "powershare: error: `seats` is not PATH=VALUE; write e.g. --set body.cvs.seats=3",
    );
}

#[test]
fn a_change_that_makes_the_file_invalid_exits_2() {
    // Every validation rule applies to the changed partnership.
    fails(
        &["board.quota=12"],
        &format!(
            "{FORUM} (after the changes):126:9: board.quota: quota 12 is outside 1..=11: the board has 11 seats in all"
        ),
    );
    fails(
        &["body.county.seats=0"],
        &format!(
            "{FORUM} (after the changes):127:9: board.veto: veto body `county` has no seats: only a body on the board (seats >= 1) can hold a veto"
        ),
    );
}

#[test]
fn set_parses_path_and_value() {
    assert_eq!(
        Set::parse(" board.quota = 7 ").unwrap(),
        Set {
            path: "board.quota".into(),
            value: "7".into()
        }
    );
}
