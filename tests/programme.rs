//! `powershare programme`: every value of the overview is the one
//! `report --format json` gives for that file under the same policy, the
//! verdicts are `check`'s, trends are in natural period order, unusable
//! files are listed and make exit 2, and the output is the same byte for
//! byte run to run.

use serde_json::Value;

use crate::common::{powershare, root, samples, stdout};

/// The earlier period of the youth partnership, and the funder's policy.
const EARLIER: &str = "examples/funder/2024-25";
const POLICY: &str = "examples/funder/policy.toml";

fn json(out: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&out.get_output().stdout).expect("JSON output")
}

/// `programme --format json` of the samples and the earlier period.
fn overview(policy: Option<&str>) -> Value {
    let mut cmd = powershare();
    cmd.args([
        "programme",
        "--format",
        "json",
        "sample-partnerships",
        EARLIER,
    ]);
    if let Some(p) = policy {
        cmd.args(["--policy", p]);
    }
    json(&cmd.assert().success())
}

fn report(path: &str, policy: Option<&str>) -> Value {
    let mut cmd = powershare();
    cmd.args(["report", "--format", "json", path]);
    if let Some(p) = policy {
        cmd.args(["--policy", p]);
    }
    json(&cmd.assert().success())
}

#[test]
fn every_value_equals_the_report_of_its_file() {
    for policy in [None, Some(POLICY)] {
        let o = overview(policy);
        let rows = o["partnerships"].as_array().unwrap();
        // Every sample, then the earlier period.
        assert_eq!(rows.len(), samples().len() + 1);
        for row in rows {
            let path = row["path"].as_str().unwrap();
            let r = report(path, policy);
            let c = &r["indices"]["composite"];
            assert_eq!(row["name"], r["partnership"]["name"], "{path}");
            assert_eq!(row["period"], r["partnership"]["period"], "{path}");
            assert_eq!(
                row["bodies"],
                r["bodies"].as_array().unwrap().len(),
                "{path}"
            );
            for key in [
                "top_share",
                "top_share_range",
                "gini",
                "gini_normalised",
                "effective_number",
            ] {
                assert_eq!(row[key], c[key], "{path}: {key}");
            }
            // The top body: the largest composite share, the first on a tie.
            let bodies = r["bodies"].as_array().unwrap();
            let mut top = &bodies[0];
            for b in bodies {
                if b["composite"].as_f64() > top["composite"].as_f64() {
                    top = b;
                }
            }
            assert_eq!(row["top_body"], top["id"], "{path}");
            assert_eq!(row["top_body_name"], top["name"], "{path}");
            let findings = r["findings"].as_array().unwrap();
            for severity in ["concern", "warning", "info"] {
                let n = findings
                    .iter()
                    .filter(|f| f["severity"] == severity)
                    .count();
                assert_eq!(row["findings"][severity], n, "{path}: {severity}");
            }
            let mut codes: Vec<&str> = findings
                .iter()
                .map(|f| f["code"].as_str().unwrap())
                .collect();
            codes.dedup();
            let mut listed: Vec<&str> = row["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            codes.sort_unstable();
            codes.dedup();
            listed.sort_unstable();
            assert_eq!(listed, codes, "{path}");
            assert_eq!(
                o["weights_set_by"],
                r.get("weights_set_by").cloned().unwrap_or(Value::Null)
            );
            // The verdict is check's.
            let expected = match policy {
                None => "unchecked".to_string(),
                Some(p) => {
                    let out = powershare()
                        .args(["check", "--format", "json", "--policy", p, path])
                        .output()
                        .unwrap();
                    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
                    match c["files"][0]["status"].as_str().unwrap() {
                        "pass" => "passed".into(),
                        "breach" => "breached".into(),
                        other => other.into(),
                    }
                }
            };
            assert_eq!(row["status"], expected.as_str(), "{path}");
        }
        // The summary counts partnerships per code.
        let by_code = o["summary"]["by_code"].as_object().unwrap();
        for (code, n) in by_code {
            let with = rows
                .iter()
                .filter(|r| r["codes"].as_array().unwrap().iter().any(|c| c == code))
                .count();
            assert_eq!(n, with, "{code}");
        }
    }
}

#[test]
fn the_earlier_period_makes_a_trend() {
    let o = overview(Some(POLICY));
    let trends = o["trends"].as_array().unwrap();
    assert_eq!(trends.len(), 1);
    let t = &trends[0];
    assert_eq!(t["partnership"], "Redbrook Youth Partnership");
    let periods: Vec<&str> = t["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2024-25", "2025-26"]);
    // examples/funder/2024-25/youth-partnership.toml: the council's veto,
    // given up in 2025-26, took the veto-player and power-seat-gap findings
    // with it.
    assert_eq!(
        t["resolved"],
        serde_json::json!(["veto-player", "power-seat-gap"])
    );
    // The 2025-26 sample also records decision topics and drivers and a
    // competitor pair, which the 2024-25 file predates.
    assert_eq!(
        t["appeared"],
        serde_json::json!([
            "priorities-from-above",
            "power-retained",
            "in-sector-competition"
        ])
    );
}

#[test]
fn trends_follow_the_natural_order_of_the_periods() {
    let dir = tempfile::tempdir().unwrap();
    for (file, period) in [
        ("a.toml", "Q10 2025"),
        ("b.toml", "Q2 2025"),
        ("c.toml", "Q9 2025"),
    ] {
        std::fs::write(
            dir.path().join(file),
            format!("[partnership]\nname = \"P\"\nperiod = \"{period}\"\n[[body]]\nid = \"a\"\nincome = 2\n[[body]]\nid = \"b\"\nincome = 1\n"),
        )
        .unwrap();
    }
    let o = json(
        &powershare()
            .args(["programme", "--format", "json"])
            .arg(dir.path())
            .assert()
            .success(),
    );
    let periods: Vec<&str> = o["trends"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["Q2 2025", "Q9 2025", "Q10 2025"]);
}

#[test]
fn unusable_files_are_listed_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("sample-partnerships/community-shaping.toml"),
        dir.path().join("good.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.toml"), "[[body]]\nid = \"A\"\n").unwrap();
    let out = powershare()
        .args(["programme", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let o = json(&out);
    let rows = o["partnerships"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["status"], "unusable");
    assert_eq!(rows[0]["top_share"], Value::Null);
    let problem = rows[0]["problems"][0].as_str().unwrap();
    assert!(
        problem.starts_with("2:6: body.0.id: `A` is not a valid id"),
        "{problem}"
    );
    assert_eq!(rows[1]["status"], "unchecked");
    assert_eq!(o["summary"]["unusable"], 1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("bad.toml: 2:6: body.0.id"), "{stderr}");
    // Breaches do not change the exit code.
    powershare()
        .args(["programme", "sample-partnerships", "--policy", POLICY])
        .assert()
        .code(0);
}

#[test]
fn reports_are_written_and_linked_from_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let reports = dir.path().join("site/reports");
    let out = site.join("overview.html");
    std::fs::create_dir_all(&site).unwrap();
    powershare()
        .args([
            "programme",
            "sample-partnerships",
            EARLIER,
            "--format",
            "html",
            "-o",
        ])
        .arg(&out)
        .arg("--reports-dir")
        .arg(&reports)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    let links: Vec<&str> = html
        .match_indices("<a href=\"")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(links.len(), samples().len() + 1);
    for link in links {
        assert!(link.starts_with("reports/"), "{link}");
        let report = std::fs::read_to_string(site.join(link)).unwrap();
        assert!(report.contains("power-sharing report"), "{link}");
    }
    // The JSON names the same links.
    let o = json(
        &powershare()
            .args([
                "programme",
                "--format",
                "json",
                "sample-partnerships",
                "--reports-dir",
            ])
            .arg(&reports)
            .assert()
            .success(),
    );
    let first = o["partnerships"][0]["report"].as_str().unwrap();
    assert!(
        first.ends_with("reports/sample-partnerships__balanced-partnership.html"),
        "{first}"
    );
}

#[test]
fn output_is_byte_identical_run_to_run() {
    for format in ["text", "json", "csv", "markdown", "html"] {
        let args = [
            "programme",
            "sample-partnerships",
            EARLIER,
            "--policy",
            POLICY,
            "--format",
            format,
        ];
        assert_eq!(stdout(&args), stdout(&args), "{format}");
    }
}

#[test]
fn snapshots() {
    for format in ["text", "markdown", "csv", "json"] {
        let out = stdout(&[
            "programme",
            "sample-partnerships",
            EARLIER,
            "--policy",
            POLICY,
            "--format",
            format,
        ]);
        insta::assert_snapshot!(format!("programme-{format}"), out);
    }
}
