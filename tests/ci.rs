//! The CI commands: check, diff, schema, completions, man.

use crate::common::{powershare, root, samples};

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

fn stderr(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

/// A directory with a passing file, a breaching file and an unusable one.
fn mixed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join(from), to).unwrap();
    };
    copy(
        "sample-partnerships/balanced-partnership.toml",
        "a/pass.toml",
    );
    copy(
        "sample-partnerships/youth-partnership.toml",
        "b/breach.toml",
    );
    copy("tests/bad/wrong-type.toml", "c/unusable.toml");
    std::fs::write(dir.path().join("notes.txt"), "not a partnership").unwrap();
    dir
}

const FORMATS: [&str; 5] = ["text", "json", "github", "junit", "markdown"];

#[test]
fn check_exit_codes() {
    powershare()
        .args(["check", "sample-partnerships/balanced-partnership.toml"])
        .assert()
        .code(0);
    powershare()
        .args([
            "check",
            "sample-partnerships/balanced-partnership.toml",
            "sample-partnerships/youth-partnership.toml",
        ])
        .assert()
        .code(1);
    let dir = mixed();
    for format in FORMATS {
        let out = powershare()
            .arg("check")
            .arg(dir.path())
            .args(["--format", format])
            .assert()
            .code(2);
        // Every file is reported, whatever happened to the others (github
        // annotates only what failed; its summary counts the rest).
        let text = stdout(&out);
        let names: &[&str] = if format == "github" {
            &["breach.toml", "unusable.toml", "1 passed"]
        } else {
            &["pass.toml", "breach.toml", "unusable.toml"]
        };
        for name in names {
            assert!(text.contains(name), "{format}: {name} missing from\n{text}");
        }
        assert!(!text.contains("notes.txt"));
    }
}

#[test]
fn check_json_has_a_result_per_file_in_path_order() {
    let dir = mixed();
    let out = powershare()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(2);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 3, "passed": 1, "breached": 1, "unusable": 1})
    );
    let files = v["files"].as_array().unwrap();
    let statuses: Vec<(&str, &str)> = files
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            (&path[path.len() - 11..], f["status"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("a/pass.toml", "pass"),
            ("breach.toml", "breach"),
            ("usable.toml", "unusable")
        ]
    );
    assert_eq!(files[2]["problems"][0]["line"], 11);
    assert_eq!(files[2]["problems"][0]["field"], "body.cvs.seats");
}

#[test]
fn junit_parses_as_xml_with_a_case_per_file_and_rule() {
    let dir = mixed();
    let out = powershare()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "junit"])
        .assert()
        .code(2);
    let xml = stdout(&out);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut suites, mut cases, mut failures, mut errors) = (0, 0, 0, 0);
    let mut declared_failures = String::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                match e.name().as_ref() {
                    "testsuite" => {
                        suites += 1;
                        let a = e.try_get_attribute("failures").unwrap().unwrap();
                        declared_failures = a.value.to_string();
                    }
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    "error" => errors += 1,
                    _ => {}
                }
            }
            Ok(_) => {}
            Err(e) => panic!("not XML: {e}\n{xml}"),
        }
    }
    assert_eq!(suites, 1);
    assert_eq!(errors, 1, "the unusable file");
    assert_eq!(declared_failures, failures.to_string());
    // pass.toml: valid + 3 value rules + 11 denied codes; breach.toml:
    // valid + 3 + 4; unusable.toml: valid only.
    assert_eq!(cases, 15 + 8 + 1);
    assert_eq!(failures, 7);
}

#[test]
fn github_annotations_point_at_bodies_and_tables() {
    let file = "sample-partnerships/youth-partnership.toml";
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let out = powershare()
        .args(["check", file, "--format", "github"])
        .assert()
        .code(1);
    let annotations: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.starts_with("::error "))
        .map(str::to_string)
        .collect();
    assert!(annotations.len() >= 10, "{annotations:?}");
    for a in &annotations {
        let props = a
            .strip_prefix("::error ")
            .unwrap()
            .split("::")
            .next()
            .unwrap();
        assert!(props.starts_with(&format!("file={file},line=")), "{a}");
        let line: usize = props
            .split(',')
            .find_map(|p| p.strip_prefix("line="))
            .unwrap()
            .parse()
            .unwrap();
        let at = lines[line - 1].trim_start();
        assert!(
            at.starts_with("id = ") || at.starts_with('['),
            "line {line} is `{at}`, not a body id or a table header: {a}"
        );
    }
    // An unusable file is annotated at the problem's line and column.
    let out = powershare()
        .args(["check", "tests/bad/wrong-type.toml", "--format", "github"])
        .assert()
        .code(2);
    assert!(
        stdout(&out).starts_with(
            "::error file=tests/bad/wrong-type.toml,line=11,col=9,title=powershare unusable partnership file::body.cvs.seats: "
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn flags_override_the_programme_policy_which_overrides_the_file() {
    let file = "sample-partnerships/balanced-partnership.toml";
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("programme.toml");
    // The file allows a top share of 0.25 (it has 0.179): a programme limit of 0.1 breaches.
    std::fs::write(&policy, "max_top_share = 0.1\n").unwrap();
    let out = powershare()
        .args(["check", file, "--format", "json", "--policy"])
        .arg(&policy)
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rule = &v["files"][0]["rules"][1];
    assert_eq!(rule["rule"], "max_top_share");
    assert_eq!(
        (rule["limit"].as_f64(), rule["source"].as_str()),
        (Some(0.1), Some("programme"))
    );
    // The flag wins over both.
    let out = powershare()
        .args([
            "check",
            file,
            "--format",
            "json",
            "--max-top-share",
            "0.3",
            "--policy",
        ])
        .arg(&policy)
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["files"][0]["rules"][1]["source"], "flag");
    // Denied codes add up: the file denies 11 codes, --deny adds none new.
    powershare()
        .args(["check", file, "--deny", "mistrust"])
        .assert()
        .code(0);
}

#[test]
fn a_bad_policy_file_is_unusable_input_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("programme.toml");
    std::fs::write(&policy, "max_top_share = 0.4\ndeny = [\"dummy_seat\"]\n").unwrap();
    let out = powershare()
        .args(["check", "sample-partnerships", "--policy"])
        .arg(&policy)
        .assert()
        .code(2);
    assert!(out.get_output().stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "{}:2:9: policy.deny: unknown finding code `dummy_seat`",
            policy.display()
        )),
        "{err}"
    );
}

#[test]
fn bad_flags_exit_2() {
    for args in [
        &["check", "sample-partnerships", "--max-gini", "1.5"][..],
        &["check", "sample-partnerships", "--max-gini", "lots"],
        &["check", "sample-partnerships", "--deny", "no-such-code"],
        &["check", "sample-partnerships", "--format", "xml"],
        &["check"],
        &["diff", "sample-partnerships"],
        &["completions", "tcsh"],
    ] {
        powershare().args(args).assert().code(2);
    }
}

#[test]
fn glob_patterns_the_shell_did_not_expand() {
    let out = powershare()
        .args(["check", "sample-partnerships/*.toml", "--format", "json"])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["summary"]["files"], crate::common::samples().len());
    let out = powershare()
        .args(["check", "no-such-dir/**/*.toml"])
        .assert()
        .code(2);
    assert!(
        stdout(&out).contains("no file matches the pattern"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_output_is_byte_identical_run_to_run() {
    let run = || {
        powershare()
            .args([
                "check",
                "sample-partnerships",
                "tests/bad",
                "--format",
                "json",
            ])
            .assert()
            .code(2)
            .get_output()
            .stdout
            .clone()
    };
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(root().join("sample-partnerships/community-shaping.toml")).unwrap();
    for i in 0..520 {
        std::fs::write(dir.path().join(format!("p{i:03}.toml")), &text).unwrap();
    }
    let out = powershare().arg("check").arg(dir.path()).assert().code(0);
    assert_eq!(stderr(&out), "");
    assert!(stdout(&out).ends_with("520 files: 520 passed, 0 breached their policy, 0 unusable\n"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let file = "sample-partnerships/youth-partnership.toml";
    let plain = stdout(&powershare().args(["check", file]).assert().code(1));
    assert!(!plain.contains('\x1b'), "no colour in a pipe");
    let forced = stdout(
        &powershare()
            .args(["check", file, "--color", "always"])
            .assert()
            .code(1),
    );
    assert!(forced.contains("\x1b["));
    let no_color = stdout(
        &powershare()
            .args(["--color", "auto", "check", file])
            .env("NO_COLOR", "1")
            .assert()
            .code(1),
    );
    assert_eq!(no_color, plain);
    let never = stdout(
        &powershare()
            .args(["check", file, "--color", "never"])
            .env("CLICOLOR_FORCE", "1")
            .assert()
            .code(1),
    );
    assert_eq!(never, plain);
}

#[test]
fn check_snapshots_of_the_samples() {
    for format in FORMATS {
        let out = powershare()
            .args(["check", "sample-partnerships", "--format", format])
            .assert()
            .code(1);
        insta::assert_snapshot!(format!("check-{format}"), stdout(&out));
    }
}

#[test]
fn diff_two_files() {
    for format in ["text", "markdown", "json"] {
        let out = powershare()
            .args([
                "diff",
                "tests/diff/2024-25/youth-partnership.toml",
                "tests/diff/2025-26/youth-partnership.toml",
                "--format",
                format,
            ])
            .assert()
            .code(0);
        insta::assert_snapshot!(format!("diff-files-{format}"), stdout(&out));
    }
    let out = powershare()
        .args([
            "diff",
            "tests/diff/2024-25/youth-partnership.toml",
            "tests/diff/2025-26/youth-partnership.toml",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["bodies_added"], serde_json::json!(["housing"]));
    assert_eq!(v["old"]["period"], "2024-25");
}

#[test]
fn diff_two_directories_by_relative_path() {
    for format in ["text", "markdown", "json"] {
        let out = powershare()
            .args([
                "diff",
                "tests/diff/2024-25",
                "tests/diff/2025-26",
                "--format",
                format,
            ])
            .assert()
            .code(0);
        insta::assert_snapshot!(format!("diff-dirs-{format}"), stdout(&out));
    }
}

#[test]
fn diff_with_an_unusable_side_exits_2() {
    let out = powershare()
        .args([
            "diff",
            "sample-partnerships/youth-partnership.toml",
            "tests/bad/wrong-type.toml",
        ])
        .assert()
        .code(2);
    assert!(stderr(&out).contains("tests/bad/wrong-type.toml:11:9:"));
    powershare()
        .args(["diff", "sample-partnerships", "tests/bad/wrong-type.toml"])
        .assert()
        .code(2);
}

/// TOML text as the JSON value a schema validator reads.
fn toml_to_json(text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(text).unwrap();
    serde_json::to_value(value).unwrap()
}

fn schema_validator() -> jsonschema::Validator {
    let out = powershare().arg("schema").assert().success();
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn every_sample_and_the_template_validate_against_the_schema() {
    let validator = schema_validator();
    let mut texts: Vec<(String, String)> = samples()
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let init = stdout(&powershare().arg("init").assert().success());
    texts.push(("init".into(), init));
    for dir in ["tests/diff/2024-25", "tests/diff/2025-26"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            texts.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    for (name, text) in texts {
        let json = toml_to_json(&text);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_validate_rejects_key_by_key() {
    let validator = schema_validator();
    for bad in [
        "unknown-key.toml",
        "rating-out-of-range.toml",
        "bad-slug.toml",
        "negative-income.toml",
        "unknown-sector.toml",
        "trust-out-of-range.toml",
        "share-above-one.toml",
        "unknown-policy-code.toml",
        "wrong-type.toml",
        "no-bodies.toml",
        "response-rating-out-of-range.toml",
        "response-question-out-of-scale.toml",
    ] {
        let text = std::fs::read_to_string(root().join("tests/bad").join(bad)).unwrap();
        let json = toml_to_json(&text);
        assert!(!validator.is_valid(&json), "{bad} passes the schema");
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = powershare().args(["completions", shell]).assert().success();
        let text = stdout(&out);
        assert!(
            text.contains("check") && text.contains("max-top-share"),
            "{shell}"
        );
    }
    let man = stdout(&powershare().arg("man").assert().success());
    assert!(
        man.starts_with(".ie") || man.contains(".TH powershare"),
        "{man}"
    );
    assert!(man.contains("check"));
}

#[test]
fn schema_snapshot() {
    // A change of the input format shows here as a reviewable diff.
    let out = powershare().arg("schema").assert().success();
    insta::assert_snapshot!("schema", stdout(&out));
}
