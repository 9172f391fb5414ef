//! The partners' survey end to end: the five commands from questionnaire to
//! report, `survey import` on good and bad CSVs, the survey's numbers
//! against the independent reference (tests/reference/survey_reference.py),
//! `check` and `diff` on survey files, and anonymity as a rule: a
//! response's id never appears in any output of any command, and a
//! partner's own group below `min_group` is never shown, in any format.

use std::path::Path;

use serde_json::Value;

use crate::common::{powershare, root, stdout};

const SAMPLE: &str = "sample-partnerships/northfield-health-partnership.toml";
const CSV: &str = "sample-partnerships/northfield-health-partnership-responses.csv";

/// The sample's text up to its responses: the partnership before anyone answered.
fn without_responses() -> String {
    let text = std::fs::read_to_string(root().join(SAMPLE)).expect("the sample");
    let at = text
        .find("# The partners' answers")
        .expect("the responses' comment");
    text[..at].to_string()
}

/// The response ids of a partnership file.
fn ids(path: &Path) -> Vec<String> {
    let v: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["response"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("id").and_then(|x| x.as_str()).map(str::to_string))
        .collect()
}

/// stdout and stderr of `powershare ARGS` in `dir`, whatever the exit code.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = powershare()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

#[test]
fn five_commands_from_questionnaire_to_report() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let d = dir.path();
    std::fs::write(d.join("partnership.toml"), without_responses()).unwrap();
    // 1. The questionnaire to print and hand out.
    let (code, _, _) = run_in(
        d,
        &[
            "survey",
            "template",
            "partnership.toml",
            "--format",
            "html",
            "-o",
            "questionnaire.html",
        ],
    );
    assert_eq!(code, 0);
    let html = std::fs::read_to_string(d.join("questionnaire.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Northfield Faiths Forum"));
    // 2. The sheet to fill in.
    let (code, _, _) = run_in(
        d,
        &[
            "survey",
            "template",
            "partnership.toml",
            "-o",
            "responses.csv",
        ],
    );
    assert_eq!(code, 0);
    let header = std::fs::read_to_string(d.join("responses.csv")).unwrap();
    let filled = std::fs::read_to_string(root().join(CSV)).unwrap();
    let (sample_header, rows) = filled.split_once('\n').unwrap();
    assert_eq!(
        header,
        format!("{sample_header}\n"),
        "the sample CSV has the template's header"
    );
    // 3. Filling it in (here: the sample's answers).
    std::fs::write(d.join("responses.csv"), format!("{header}{rows}")).unwrap();
    // 4. Importing it.
    let (code, out, err) = run_in(
        d,
        &["survey", "import", "partnership.toml", "responses.csv"],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err,
        "powershare survey import: added 25 responses from responses.csv (from 6 partners and 2 respondents without one) to partnership.toml; it now holds 25 responses\n"
    );
    // 5. The report, with the partners' view: the same as the sample's.
    let (code, out, _) = run_in(d, &["validate", "partnership.toml"]);
    assert_eq!((code, out.as_str()), (0, "partnership.toml: ok\n"));
    let (_, mine, _) = run_in(d, &["report", "partnership.toml", "--format", "json"]);
    assert_eq!(mine, stdout(&["report", SAMPLE, "--format", "json"]));
}

#[test]
fn replace_with_an_output_file_leaves_the_input_alone() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("again.toml");
    let before = std::fs::read(root().join(SAMPLE)).unwrap();
    let o = powershare()
        .args(["survey", "import", SAMPLE, CSV, "--replace", "-o"])
        .arg(&out)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&o.get_output().stderr).to_string();
    assert!(
        err.starts_with("powershare survey import: replaced 25 responses with 25 from "),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "importing the sample's CSV again changes nothing"
    );
    assert_eq!(std::fs::read(root().join(SAMPLE)).unwrap(), before);
    // Without --replace the ids are already there: refused, cell by cell.
    let o = powershare()
        .args(["survey", "import", SAMPLE, CSV, "-o"])
        .arg(dir.path().join("twice.toml"))
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&o.get_output().stderr).to_string();
    assert_eq!(err.lines().count(), 26, "{err}");
    assert!(err.lines().next().unwrap().starts_with(&format!(
        "{CSV}:2:1: id: a response in the partnership file already has this id"
    )));
    assert!(!dir.path().join("twice.toml").exists());
}

#[test]
fn a_bad_csv_is_refused_cell_by_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("p.toml");
    std::fs::write(&file, without_responses()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "id;Body;influence.council;influence.nhs;outside_meetings;included_outside;trust.cvs\n\
         a;cvs;4;;often;yes;2\n\
         b;Northfield Youth;9;;sometimes;perhaps;\n",
    )
    .unwrap();
    let (code, out, err) = run_in(dir.path(), &["survey", "import", "p.toml", "bad.csv"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "bad.csv:1:4: `influence.nhs`: no body has id `nhs`; the bodies are: council, health, cvs, youth, tenants, carers, faith\n\
         bad.csv:2:7: trust.cvs: this is the respondent's own body: trust rates the history with each of the other partners\n\
         bad.csv:3:2: body: no partner has the id or name `Northfield Youth`; the partners are: council (Northfield City Council), health (Northfield Health and Care Trust), cvs (Voluntary Action Northfield), youth (Northfield Youth Project), tenants (Eastgate Tenants' and Residents' Association), carers (Northfield Carers' Network), faith (Northfield Faiths Forum)\n\
         bad.csv:3:3: influence.council: `9` is not an answer here: give a whole number from 0 to 5, or leave the cell empty\n\
         bad.csv:3:6: included_outside: `perhaps` is not yes or no: give yes, no, y, n, true, false, 1 or 0, or leave the cell empty\n\
         powershare survey import: 5 problems in bad.csv; nothing was written\n"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
    // Not UTF-8: refused before any cell is read.
    std::fs::write(&csv, b"id,body\nr\xE9,cvs\n").unwrap();
    let (code, _, err) = run_in(dir.path(), &["survey", "import", "p.toml", "bad.csv"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "bad.csv: the file is not UTF-8 text (the first invalid byte is on line 2)"
        ),
        "{err}"
    );
    // An invalid partnership file: its own errors, with its name.
    std::fs::write(
        dir.path().join("q.toml"),
        "[[body]]\nid = \"a\"\nincome = -1\n",
    )
    .unwrap();
    let (code, _, err) = run_in(dir.path(), &["survey", "import", "q.toml", "bad.csv"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("q.toml:3:10: body.a.income: must be 0 or more"),
        "{err}"
    );
}

/// Whether two JSON values agree, numbers within 1e-12.
fn close(a: &Value, b: &Value, path: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (kx, ky): (Vec<_>, Vec<_>) = (x.keys().collect(), y.keys().collect());
            if kx != ky {
                return Err(format!("{path}: keys {kx:?} against {ky:?}"));
            }
            x.iter()
                .try_for_each(|(k, v)| close(v, &y[k], &format!("{path}.{k}")))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(k, (v, w))| close(v, w, &format!("{path}[{k}]"))),
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if (x - y).abs() < 1e-12 {
                Ok(())
            } else {
                Err(format!("{path}: {x} against {y}"))
            }
        }
        _ if a == b => Ok(()),
        _ => Err(format!("{path}: {a} against {b}")),
    }
}

#[test]
fn every_survey_number_matches_the_independent_reference() {
    for (file, reference) in [
        (
            SAMPLE,
            "tests/reference/northfield-health-partnership.survey.json",
        ),
        (
            "tests/reference/survey-hand.toml",
            "tests/reference/survey-hand.survey.json",
        ),
    ] {
        let report: Value =
            serde_json::from_str(&stdout(&["report", file, "--format", "json"])).unwrap();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(reference)).unwrap())
                .unwrap();
        if let Err(e) = close(&report["survey"], &expected, "survey") {
            panic!("{file}: {e}");
        }
    }
    // Krippendorff's own example, the hand case and systematic
    // disagreement, as the krippendorff package computes them, are the
    // values the library's unit tests hold.
    let examples: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/reference/krippendorff-examples.json"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(examples["krippendorff_2011_c"], 0.8153875037548814);
    assert_eq!(examples["systematic_disagreement"], -0.5);
}

#[test]
fn the_json_survey_has_the_contracts_shape() {
    let r: Value = serde_json::from_str(&stdout(&["report", SAMPLE, "--format", "json"])).unwrap();
    let s = &r["survey"];
    assert_eq!(
        (s["respondents"].as_u64(), s["min_group"].as_u64()),
        (Some(25), Some(3))
    );
    for q in ["influence", "expertise", "position"] {
        assert!(s["agreement"][q].is_f64(), "{q}");
    }
    let council = &s["bodies"][0];
    assert_eq!(council["id"], "council");
    for key in ["n", "mean", "median", "min", "max"] {
        assert!(!council["influence"]["others"][key].is_null(), "{key}");
    }
    assert_eq!(council["influence"]["self"]["n"], 4);
    // The tenants' 2 respondents are below min_group: null, marked suppressed.
    let tenants = &s["bodies"][4];
    assert_eq!(
        (tenants["id"].as_str(), tenants["respondents"].as_u64()),
        (Some("tenants"), Some(2))
    );
    assert!(tenants["influence"]["self"].is_null());
    assert_eq!(tenants["influence"]["self_suppressed"], true);
    let q = &s["questions"];
    assert!(q["outside_meetings"]["often_share"].is_f64());
    assert!(q["consensus_reflects"]["median"].is_f64());
    assert!(q["free_to_disagree"]["n"].is_u64());
    assert_eq!(q["priorities_set_by"]["council"], 17);
    // Files without responses have no survey object.
    let plain: Value = serde_json::from_str(&stdout(&[
        "report",
        "sample-partnerships/community-shaping.toml",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(plain.get("survey").is_none());
}

#[test]
fn check_judges_survey_codes_and_skips_them_without_responses() {
    let out = powershare()
        .args([
            "check",
            SAMPLE,
            "--format",
            "json",
            "--deny",
            "views-diverge",
            "--min-agreement",
            "0.9",
        ])
        .assert()
        .code(1);
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rules = v["files"][0]["rules"].as_array().unwrap();
    let rule = |code: &str| rules.iter().find(|r| r["code"] == code).unwrap().clone();
    // alpha 0.77 < 0.9: the finding appears and the flag's denial breaches.
    assert_eq!(rule("views-diverge")["status"], "breach");
    assert_eq!(rule("unheard-partner")["status"], "breach");
    let out = powershare()
        .args([
            "check",
            "sample-partnerships/community-shaping.toml",
            "--format",
            "json",
            "--deny",
            "unheard-partner",
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rules = v["files"][0]["rules"].as_array().unwrap();
    let rule = rules
        .iter()
        .find(|r| r["code"] == "unheard-partner")
        .unwrap();
    assert_eq!(rule["status"], "skipped");
    assert_eq!(
        rule["message"],
        "not checked: the file has no [[response]], so there is no survey to judge"
    );
}

#[test]
fn diff_shows_how_the_survey_moved() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    // Last year: the first 19 respondents, and a different period.
    let cut = text.find("[[response]]\nid = \"r-20\"").unwrap();
    let old = dir.path().join("old.toml");
    std::fs::write(
        &old,
        text[..cut].replace("period = \"2025-26\"", "period = \"2024-25\""),
    )
    .unwrap();
    let out = powershare()
        .arg("diff")
        .arg(&old)
        .arg(SAMPLE)
        .env("NO_COLOR", "1")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("\nThe partners' survey\n  respondents "),
        "{text}"
    );
    assert!(text.contains("19 -> 25       +6\n"), "{text}");
    let out = powershare()
        .arg("diff")
        .arg(&old)
        .arg(SAMPLE)
        .args(["--format", "json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (
            v["survey"]["respondents"]["old"].as_f64(),
            v["survey"]["respondents"]["new"].as_f64()
        ),
        (Some(19.0), Some(25.0))
    );
    let md = powershare()
        .arg("diff")
        .arg(&old)
        .arg(SAMPLE)
        .args(["--format", "markdown"])
        .assert()
        .success();
    assert!(
        String::from_utf8_lossy(&md.get_output().stdout)
            .contains("| The partners' survey | Before | After | Change |")
    );
}

/// Every output of every command on `file` (and on `old` against it for
/// `diff`), stdout and stderr together.
fn every_output(dir: &Path, file: &str, old: &str) -> Vec<(String, String)> {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["text", "json", "markdown", "html"] {
        runs.push(vec!["report", file, "--format", format]);
    }
    for table in ["bodies", "dyads", "indices"] {
        runs.push(vec!["report", file, "--format", "csv", "--table", table]);
    }
    runs.push(vec!["report", file, "--format", "html", "--no-redesign"]);
    for format in ["text", "json", "github", "junit", "markdown"] {
        runs.push(vec!["check", file, "--format", format]);
    }
    runs.push(vec!["validate", file]);
    for format in ["text", "json", "markdown"] {
        runs.push(vec!["diff", old, file, "--format", format]);
        runs.push(vec![
            "whatif",
            file,
            "--set",
            "body.faith.seats=2",
            "--format",
            format,
        ]);
        runs.push(vec![
            "rebalance",
            file,
            "--target",
            "equal",
            "--format",
            format,
        ]);
    }
    for format in ["csv", "markdown", "html"] {
        runs.push(vec!["survey", "template", file, "--format", format]);
    }
    runs.push(vec![
        "survey",
        "import",
        file,
        "responses.csv",
        "-o",
        "imported.toml",
        "--replace",
    ]);
    // An import refused because of the ids it repeats.
    runs.push(vec![
        "survey",
        "import",
        file,
        "responses.csv",
        "-o",
        "refused.toml",
    ]);
    runs.into_iter()
        .map(|args| {
            let (_, out, err) = run_in(dir, &args);
            (args.join(" "), format!("{out}{err}"))
        })
        .collect()
}

#[test]
fn no_response_id_appears_in_any_output_of_any_command() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let d = dir.path();
    // Ids that could not appear by chance.
    let mut text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let mut csv = std::fs::read_to_string(root().join(CSV)).unwrap();
    for k in 1..=25 {
        let (from, to) = (format!("r-{k:02}"), format!("zq-secret-{k:02}"));
        text = text.replace(&format!("\"{from}\""), &format!("\"{to}\""));
        csv = csv.replace(&format!("\n{from},"), &format!("\n{to},"));
    }
    std::fs::write(d.join("p.toml"), &text).unwrap();
    std::fs::write(d.join("responses.csv"), &csv).unwrap();
    let cut = text.find("[[response]]\nid = \"zq-secret-20\"").unwrap();
    std::fs::write(d.join("old.toml"), &text[..cut]).unwrap();
    let secrets = ids(&d.join("p.toml"));
    assert_eq!(secrets.len(), 25);
    let outputs = every_output(d, "p.toml", "old.toml");
    assert_eq!(outputs.len(), 28);
    for (command, output) in &outputs {
        assert!(!output.is_empty(), "{command} printed nothing");
        assert!(
            !output.contains("zq-secret"),
            "`{command}` prints a response id"
        );
    }
    // And the ids did reach the files they belong in.
    assert_eq!(ids(&d.join("imported.toml")), secrets);
}

#[test]
fn a_group_below_min_group_is_never_shown_in_any_format() {
    // The tenants' two respondents rate their own influence 3 and 3. Were
    // their view shown anywhere, changing it would show; only the
    // agreement (which every rating feeds) may move.
    let dir = tempfile::tempdir().expect("temporary directory");
    let d = dir.path();
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    std::fs::write(
        d.join("responses.csv"),
        std::fs::read_to_string(root().join(CSV)).unwrap(),
    )
    .unwrap();
    let mut changed = String::new();
    let mut own = 0;
    let mut in_tenants = false;
    for line in text.lines() {
        if line.starts_with("[[") {
            in_tenants = false;
        }
        in_tenants |= line == "body = \"tenants\"";
        let mut line = line.to_string();
        if in_tenants && line.starts_with("influence = ") {
            let at =
                line.find("tenants = ").expect("a rating of their own body") + "tenants = ".len();
            let flipped = if &line[at..at + 1] == "5" { "0" } else { "5" };
            line.replace_range(at..at + 1, flipped);
            own += 1;
        }
        changed.push_str(&line);
        changed.push('\n');
    }
    assert_eq!(own, 2, "the tenants' two respondents");
    assert_ne!(changed, text);
    let cut = text.find("[[response]]\nid = \"r-20\"").unwrap();
    std::fs::write(d.join("old.toml"), &text[..cut]).unwrap();
    std::fs::write(d.join("p.toml"), &text).unwrap();
    let before = every_output(d, "p.toml", "old.toml");
    std::fs::write(d.join("p.toml"), &changed).unwrap();
    let after = every_output(d, "p.toml", "old.toml");
    let mask = |s: &str| {
        // The agreement's number, wherever it is printed.
        let mut out = String::new();
        for line in s.lines() {
            if line.contains("agreement") || line.contains("alpha") {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    let mut compared = 0;
    for ((command, a), (_, b)) in before.iter().zip(&after) {
        if command.starts_with("survey import") {
            continue; // it writes the changed file, as it should
        }
        if command.contains("json") {
            let strip = |s: &str| -> Value {
                let mut v: Value = serde_json::from_str(s).unwrap_or(Value::Null);
                strip_agreement(&mut v);
                v
            };
            assert_eq!(
                strip(a),
                strip(b),
                "`{command}` shows the tenants' own view"
            );
        } else {
            assert_eq!(mask(a), mask(b), "`{command}` shows the tenants' own view");
        }
        compared += 1;
    }
    assert!(compared >= 25);
    // The one place the tenants' group could show, for the record.
    let r: Value = serde_json::from_str(
        &before
            .iter()
            .find(|(c, _)| c == "report p.toml --format json")
            .unwrap()
            .1,
    )
    .unwrap();
    assert!(r["survey"]["bodies"][4]["influence"]["self"].is_null());
}

/// Remove every `agreement` key (the survey's, and the diff's).
fn strip_agreement(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("agreement");
            map.values_mut().for_each(strip_agreement);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_agreement),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Property tests: anonymity for arbitrary responses, and the order of the
// respondents changes nothing.

mod properties {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;

    use powershare::palette::Palette;
    use powershare::render::{self, CsvTable, Format};
    use powershare_core::check::{PolicyLayer, check_partnership};
    use proptest::prelude::*;
    use serde_json::Value;

    use crate::common::proptest_config;

    #[derive(Debug, Clone)]
    struct Answer {
        body: Option<usize>,
        /// influence, expertise, position: (body, rating) pairs.
        ratings: [Vec<(usize, u8)>; 3],
        trust: Vec<(usize, i8)>,
        questions: [Option<u8>; 3],
        included: Option<bool>,
        priorities: Option<usize>,
    }

    #[derive(Debug, Clone)]
    struct Survey {
        bodies: usize,
        seats: Vec<u8>,
        min_group: usize,
        funded: Option<(usize, usize)>,
        perceptions: Vec<(usize, Vec<(usize, u8)>)>,
        answers: Vec<Answer>,
    }

    fn answer(n: usize) -> impl Strategy<Value = Answer> {
        let ratings = || proptest::collection::vec((0..n, 0u8..=5), 0..=n);
        (
            proptest::option::weighted(0.8, 0..n),
            [ratings(), ratings(), ratings()],
            proptest::collection::vec((0..n, -2i8..=2), 0..=n),
            [
                proptest::option::of(0u8..=4),
                proptest::option::of(1u8..=5),
                proptest::option::of(1u8..=5),
            ],
            proptest::option::of(any::<bool>()),
            proptest::option::of(0..n),
        )
            .prop_map(|(body, ratings, trust, questions, included, priorities)| {
                // Trust needs a body, and never rates the respondent's own.
                let trust = match body {
                    Some(b) => trust.into_iter().filter(|(t, _)| *t != b).collect(),
                    None => Vec::new(),
                };
                Answer {
                    body,
                    ratings,
                    trust,
                    questions,
                    included,
                    priorities,
                }
            })
    }

    fn survey() -> impl Strategy<Value = Survey> {
        (2usize..=5).prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec(0u8..=3, n),
                1usize..=4,
                proptest::option::of((0..n, 0..n)),
                proptest::collection::vec(
                    (0..n, proptest::collection::vec((0..n, 0u8..=5), 0..=n)),
                    0..=2,
                ),
                proptest::collection::vec(answer(n), 1..=24),
            )
                .prop_map(
                    |(bodies, seats, min_group, funded, perceptions, answers)| Survey {
                        bodies,
                        seats,
                        min_group,
                        funded: funded.filter(|(a, b)| a != b),
                        perceptions,
                        answers,
                    },
                )
        })
    }

    fn map<V: std::fmt::Display>(pairs: &[(usize, V)]) -> String {
        let m: BTreeMap<usize, &V> = pairs.iter().map(|(k, v)| (*k, v)).collect();
        let items: Vec<String> = m.iter().map(|(k, v)| format!("b{k} = {v}")).collect();
        format!("{{ {} }}", items.join(", "))
    }

    /// The file, with the answers in the order `order` and the perceptions reversed when `flip`.
    fn toml(s: &Survey, order: &[usize], flip: bool) -> String {
        let mut t = String::new();
        for b in 0..s.bodies {
            let _ = writeln!(
                t,
                "[[body]]\nid = \"b{b}\"\nname = \"Body {b}\"\nincome = {}\nseats = {}",
                1000 * (b + 1),
                s.seats[b]
            );
        }
        if let Some((from, to)) = s.funded {
            let _ = writeln!(
                t,
                "[[funding]]\nfrom = \"b{from}\"\nto = \"b{to}\"\namount = 100"
            );
        }
        let _ = writeln!(t, "[survey]\nmin_group = {}", s.min_group);
        let mut perceptions: Vec<_> = s.perceptions.iter().collect();
        // One perception per rater.
        perceptions.sort_by_key(|(r, _)| *r);
        perceptions.dedup_by_key(|(r, _)| *r);
        if flip {
            perceptions.reverse();
        }
        for (rater, ratings) in perceptions {
            let _ = writeln!(
                t,
                "[[perception]]\nrater = \"b{rater}\"\ninfluence = {}",
                map(ratings)
            );
        }
        for &k in order {
            let a = &s.answers[k];
            let _ = writeln!(t, "[[response]]\nid = \"zq-id-{k}\"");
            if let Some(b) = a.body {
                let _ = writeln!(t, "body = \"b{b}\"");
            }
            for (q, ratings) in ["influence", "expertise", "position"]
                .iter()
                .zip(&a.ratings)
            {
                if !ratings.is_empty() {
                    let _ = writeln!(t, "{q} = {}", map(ratings));
                }
            }
            if !a.trust.is_empty() {
                let _ = writeln!(t, "trust = {}", map(&a.trust));
            }
            for (q, v) in ["outside_meetings", "consensus_reflects", "free_to_disagree"]
                .iter()
                .zip(a.questions)
            {
                if let Some(v) = v {
                    let _ = writeln!(t, "{q} = {v}");
                }
            }
            if let Some(v) = a.included {
                let _ = writeln!(t, "included_outside = {v}");
            }
            if let Some(b) = a.priorities {
                let _ = writeln!(t, "priorities_set_by = \"b{b}\"");
            }
        }
        t
    }

    /// Every report and check format of `text`.
    fn outputs(text: &str) -> Vec<(String, String)> {
        let p = powershare_core::load_str(text).expect("a valid file");
        let r = powershare_core::score(&p, Default::default());
        let mut out = Vec::new();
        for (name, format) in [
            ("text", Format::Text),
            ("json", Format::Json),
            ("markdown", Format::Markdown),
            ("html", Format::Html),
            ("csv bodies", Format::Csv(CsvTable::Bodies)),
            ("csv dyads", Format::Csv(CsvTable::Dyads)),
            ("csv indices", Format::Csv(CsvTable::Indices)),
        ] {
            out.push((name.to_string(), render::render((&r).into(), format)));
        }
        let none = PolicyLayer::default();
        let files = [check_partnership(
            "p.toml",
            p,
            &none,
            &none,
            Default::default(),
        )];
        out.push(("check json".into(), render::check::json::render(&files)));
        out.push((
            "check text".into(),
            render::check::text::render(&files, &Palette::plain()),
        ));
        out.push((
            "check markdown".into(),
            render::check::markdown::render(&files),
        ));
        out.push(("check github".into(), render::check::github::render(&files)));
        out.push(("check junit".into(), render::check::junit::render(&files)));
        out
    }

    proptest! {
        #![proptest_config(proptest_config(48))]

        #[test]
        fn no_id_and_no_small_group_is_ever_shown(s in survey()) {
            let order: Vec<usize> = (0..s.answers.len()).collect();
            let text = toml(&s, &order, false);
            for (name, output) in outputs(&text) {
                prop_assert!(!output.contains("zq-id"), "{} prints a response id", name);
            }
            let p = powershare_core::load_str(&text).unwrap();
            let r = powershare_core::score(&p, Default::default());
            let survey = r.survey.as_ref().expect("a survey");
            for b in &survey.bodies {
                for q in powershare_core::measures::survey::Rated::ALL {
                    let v = b.view(q);
                    if let Some(own) = &v.own {
                        prop_assert!(own.n >= s.min_group, "{} {}: a group of {}", b.id, q.name(), own.n);
                    }
                    prop_assert!(!(v.self_suppressed && v.own.is_some()));
                }
            }
            for g in &survey.questions.included_outside.bodies {
                prop_assert!(g.n >= s.min_group);
            }
            for t in &survey.trust {
                prop_assert!(t.n >= s.min_group);
            }
        }

        #[test]
        fn the_order_of_the_respondents_changes_nothing(s in survey(), seed in any::<u64>()) {
            let forward: Vec<usize> = (0..s.answers.len()).collect();
            let mut shuffled = forward.clone();
            // A deterministic shuffle from the seed (Fisher-Yates with an LCG).
            let mut x = seed | 1;
            for k in (1..shuffled.len()).rev() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(k, (x >> 33) as usize % (k + 1));
            }
            let a = outputs(&toml(&s, &forward, false));
            let b = outputs(&toml(&s, &shuffled, true));
            for ((name, x), (_, y)) in a.iter().zip(&b) {
                prop_assert_eq!(x, y, "{} depends on the order of the respondents", name);
            }
        }

        #[test]
        fn a_small_groups_own_ratings_move_nothing_but_the_agreement(s in survey()) {
            // Every body whose own influence group (its [[response]]s and its
            // [[perception]]) is below min_group: flip its respondents' ratings
            // of it (5 to 0, others to 5). A [[perception]] is the
            // organisation's own declared rating, shown as it always was, so
            // it is left as it is.
            let own = |s: &Survey, b: usize| {
                let n = s.answers.iter().filter(|a| a.body == Some(b) && a.ratings[0].iter().any(|(k, _)| *k == b)).count()
                    + s.perceptions.iter().filter(|(r, x)| *r == b && x.iter().any(|(k, _)| *k == b)).count();
                n > 0 && n < s.min_group
            };
            let small: Vec<usize> = (0..s.bodies).filter(|&b| own(&s, b)).collect();
            prop_assume!(!small.is_empty());
            let mut t = s.clone();
            for a in &mut t.answers {
                if let Some(b) = a.body.filter(|b| small.contains(b)) {
                    for (k, v) in &mut a.ratings[0] {
                        if *k == b {
                            *v = if *v == 5 { 0 } else { 5 };
                        }
                    }
                }
            }
            let order: Vec<usize> = (0..s.answers.len()).collect();
            let json = |s: &Survey| -> Value {
                let p = powershare_core::load_str(&toml(s, &order, false)).unwrap();
                let r = powershare_core::score(&p, Default::default());
                let mut v = serde_json::to_value(&r).unwrap();
                super::strip_agreement(&mut v);
                v["survey"].as_object_mut().unwrap().remove("agreement_undefined");
                // The finding the agreement feeds.
                v["findings"].as_array_mut().unwrap().retain(|f| f["code"] != "views-diverge");
                v
            };
            prop_assert_eq!(json(&s), json(&t));
        }
    }
}
