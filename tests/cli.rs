//! The built binary on the samples and on bad files: `validate`, `init`,
//! `report`, `explain`, the help and the exit codes.

use crate::common::{files_in, powershare, samples, stdout};

#[test]
fn every_sample_validates() {
    for sample in samples() {
        let out = powershare().arg("validate").arg(&sample).assert().success();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert_eq!(stdout, format!("{}: ok\n", sample.display()));
    }
}

#[test]
fn validate_a_directory_lists_every_file_sorted() {
    let out = powershare()
        .args(["validate", "sample-partnerships"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let expected: String = samples()
        .iter()
        .map(|p| {
            format!(
                "sample-partnerships/{}: ok\n",
                p.file_name().unwrap().to_string_lossy()
            )
        })
        .collect();
    assert_eq!(stdout, expected);
}

/// `# expect-line: N` and `# expect-field: WORD` headers of a bad file.
fn expectations(text: &str) -> (Vec<usize>, Vec<String>) {
    let mut lines = Vec::new();
    let mut fields = Vec::new();
    for l in text.lines() {
        if let Some(n) = l.strip_prefix("# expect-line:") {
            lines.push(n.trim().parse().unwrap());
        } else if let Some(f) = l.strip_prefix("# expect-field:") {
            fields.push(f.trim().to_string());
        }
    }
    (lines, fields)
}

#[test]
fn every_bad_file_is_rejected_with_file_line_and_field() {
    let bad = files_in("tests/bad", "toml");
    assert!(bad.len() >= 20);
    for path in bad {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let (lines, mut fields) = expectations(&text);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // Files without headers are listed in tests/bad/README.md.
        if fields.is_empty() {
            fields.push(match name.as_str() {
                "empty.toml" => "body".into(),
                other => panic!("{other} has no expect-field header"),
            });
        }
        let shown = format!("tests/bad/{name}");
        let out = powershare().args(["validate", &shown]).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            out.get_output().stdout.is_empty(),
            "{name}: nothing on stdout"
        );
        for (k, field) in fields.iter().enumerate() {
            assert!(
                stderr.contains(field.as_str()),
                "{name}: `{field}` not in {stderr}"
            );
            if let Some(line) = lines.get(k) {
                let at = format!("{shown}:{line}:");
                let error_line = stderr
                    .lines()
                    .find(|l| l.starts_with(&at))
                    .unwrap_or_else(|| panic!("{name}: no error at line {line}: {stderr}"));
                assert!(error_line.contains(field.as_str()), "{name}: {error_line}");
            } else {
                assert!(
                    stderr.starts_with(&format!("{shown}: ")),
                    "{name}: {stderr}"
                );
            }
        }
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn several_errors_are_reported_together() {
    let out = powershare()
        .args(["validate", "tests/bad/several-errors.toml"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
}

#[test]
fn not_utf8_names_the_line() {
    let out = powershare()
        .args(["validate", "tests/bad/not-utf8.toml"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("UTF-8") && stderr.contains("line 6"),
        "{stderr}"
    );
}

#[test]
fn a_good_and_a_bad_file_together_exit_2_and_report_both() {
    let out = powershare()
        .args([
            "validate",
            "sample-partnerships/balanced-partnership.toml",
            "tests/bad/wrong-type.toml",
        ])
        .assert()
        .code(2);
    let o = out.get_output();
    assert!(String::from_utf8_lossy(&o.stdout).contains("balanced-partnership.toml: ok"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("wrong-type.toml:11:"));
}

#[test]
fn missing_file_is_unusable_input() {
    let out = powershare()
        .args(["validate", "no/such/file.toml"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("no/such/file.toml"), "{stderr}");
}

#[test]
fn init_writes_a_valid_file() {
    let out = powershare().arg("init").assert().success();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(&file, &out.get_output().stdout).unwrap();
    powershare().arg("validate").arg(&file).assert().success();
    powershare().arg("report").arg(&file).assert().success();
}

#[test]
fn help_documents_exit_codes() {
    let out = powershare().arg("--help").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("Exit codes:") && stdout.contains("2  unusable input"),
        "{stdout}"
    );
    powershare().arg("--version").assert().success();
}

#[test]
fn bad_arguments_exit_2() {
    powershare().arg("report").assert().code(2);
    powershare()
        .args(["report", "--format", "pdf", "x.toml"])
        .assert()
        .code(2);
    powershare()
        .args(["explain", "no-such-index"])
        .assert()
        .code(2);
}

#[test]
fn report_refuses_partial_results() {
    let out = powershare()
        .args([
            "report",
            "sample-partnerships/balanced-partnership.toml",
            "tests/bad/wrong-type.toml",
        ])
        .assert()
        .code(2);
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn report_snapshots() {
    for sample in samples() {
        let stem = sample.file_stem().unwrap().to_string_lossy().to_string();
        let shown = format!("sample-partnerships/{stem}.toml");
        for format in ["text", "json"] {
            let out = powershare()
                .args(["report", &shown, "--format", format])
                .assert()
                .success();
            let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
            insta::assert_snapshot!(format!("report-{format}-{stem}"), stdout);
        }
    }
}

#[test]
fn json_report_follows_the_contract() {
    for sample in samples() {
        let out = powershare()
            .arg("report")
            .arg(&sample)
            .args(["--format", "json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(v["format"], 1);
        assert!(v["partnership"]["name"].is_string());
        let bodies = v["bodies"].as_array().unwrap();
        let total: f64 = bodies
            .iter()
            .map(|b| b["composite"].as_f64().unwrap())
            .sum();
        assert!((total - 1.0).abs() < 1e-9, "composites sum to 1");
        for b in bodies {
            assert!(b["id"].is_string() && b["shares"].is_object());
            for key in [
                "seats",
                "banzhaf",
                "banzhaf_absolute",
                "shapley_shubik",
                "holler",
                "deegan_packel",
                "johnston",
                "veto",
                "dummy",
            ] {
                assert!(b["voting"].get(key).is_some(), "voting.{key}");
            }
        }
        for key in ["gini", "hhi", "effective_number", "top_share", "theil"] {
            assert!(
                v["indices"]["composite"].get(key).is_some(),
                "indices.composite.{key}"
            );
        }
        for f in v["findings"].as_array().unwrap() {
            for key in ["code", "severity", "bodies", "message"] {
                assert!(f.get(key).is_some());
            }
        }
        assert!(v["dependence"].is_array());
    }
}

#[test]
fn output_is_deterministic() {
    let run = || {
        powershare()
            .args(["report", "sample-partnerships", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run(), run());
}

#[test]
fn report_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    powershare()
        .args([
            "report",
            "sample-partnerships/community-shaping.toml",
            "--format",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(out).unwrap();
    assert!(text.starts_with('{') && text.ends_with("}\n"));
}

#[test]
fn explain_lists_and_explains() {
    let out = powershare().arg("explain").assert().success();
    let list = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(list.contains("gini"));
    powershare().args(["explain", "gini"]).assert().success();
}

/// A body without seats has 0 for each index computed for the players and
/// null for each index left out (here Holler, Deegan-Packel and Johnston,
/// which a double majority beyond enumeration does not count).
#[test]
fn bodies_off_the_board_follow_the_players_nulls() {
    let mut text: String = (0..30)
        .map(|i| format!("[[body]]\nid = \"b{i}\"\nseats = 1\n"))
        .collect();
    text.push_str(
        "[[body]]\nid = \"off\"\n[board]\nquota = \"majority\"\nalso_majority_of_bodies = true\n",
    );
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("p.toml");
    std::fs::write(&path, text).expect("write");
    let out = powershare()
        .args([
            "report".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let player = &report["bodies"][0]["voting"];
    let off = &report["bodies"][30]["voting"];
    for index in ["holler", "deegan_packel", "johnston"] {
        assert!(player[index].is_null(), "{index} is not counted here");
        assert!(
            off[index].is_null(),
            "{index}: null for the players, null off the board"
        );
    }
    for index in ["banzhaf", "shapley_shubik", "coleman_prevent"] {
        assert!(player[index].as_f64().is_some_and(|x| x > 0.0), "{index}");
        assert_eq!(off[index], 0.0, "{index}: no seats, no power");
    }
}

/// The samples teach the format: every key added for the dynamics in the
/// sources, and every dynamics finding, appears in at least one of them,
/// with a comment on the same line saying what it shows.
#[test]
fn every_dynamic_appears_in_a_sample() {
    let texts: Vec<String> = samples()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for key in [
        "host = ",
        "casting_vote = true",
        "topic = ",
        "driver = ",
        "kind = \"competitors\"",
    ] {
        let commented = texts
            .iter()
            .flat_map(|t| t.lines())
            .any(|l| l.starts_with(key) && l.contains(" # "));
        assert!(commented, "no sample uses `{key}` with a comment");
    }
    let mut found = std::collections::BTreeSet::new();
    for path in samples() {
        let json = stdout(&["report", &path.to_string_lossy(), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for f in v["findings"].as_array().unwrap() {
            found.insert(f["code"].as_str().unwrap().to_string());
            assert!(f["action"].as_str().is_some_and(|a| !a.is_empty()), "{f}");
        }
    }
    for code in [
        "host-body",
        "commissioner-on-board",
        "priorities-from-above",
        "power-retained",
        "thin-consensus",
        "in-sector-competition",
        "positive-history",
    ] {
        assert!(found.contains(code), "no sample gives {code}");
    }
}
