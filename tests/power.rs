//! `powershare power`: whole outputs (snapshots), classic games checked
//! against published values, and bad arguments.

use crate::common::{powershare, stdout};

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).expect("valid JSON")
}

fn column(v: &serde_json::Value, key: &str) -> Vec<f64> {
    v["players"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[key].as_f64().unwrap())
        .collect()
}

#[track_caller]
fn close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-12, "{got:?} vs {want:?}");
    }
}

#[test]
fn text_output() {
    insta::assert_snapshot!(
        "power-text-6-4321",
        stdout(&["power", "--quota", "6", "4", "3", "2", "1"])
    );
}

#[test]
fn json_output() {
    insta::assert_snapshot!(
        "power-json-eec-1958",
        stdout(&[
            "power",
            "--quota",
            "12",
            "--names",
            "France,Germany,Italy,Belgium,Netherlands,Luxembourg",
            "--format",
            "json",
            "4",
            "4",
            "4",
            "2",
            "2",
            "1",
        ])
    );
}

#[test]
fn csv_output_neutralises_formulas() {
    insta::assert_snapshot!(
        "power-csv-names",
        stdout(&[
            "power",
            "--quota",
            "majority",
            "--names",
            "=cmd,+44,@me",
            "--index",
            "banzhaf,shapley-shubik",
            "--format",
            "csv",
            "49",
            "49",
            "2",
        ])
    );
}

#[test]
fn non_monotone_power_is_explained() {
    insta::assert_snapshot!(
        "power-text-holler-paradox",
        stdout(&[
            "power",
            "--quota",
            "51",
            "--names",
            "A,B,C,D,E",
            "--index",
            "banzhaf,holler,deegan-packel",
            "35",
            "20",
            "15",
            "15",
            "15",
        ])
    );
}

#[test]
fn eec_1958_luxembourg_has_no_power() {
    // Published values (Felsenthal and Machover 1998, table 3.2.2):
    // Banzhaf 5/21 for France, Germany, Italy, 3/21 for Belgium and the
    // Netherlands, 0 for Luxembourg; Shapley-Shubik 7/30, 3/20, 0.
    let v = json(&["power", "--quota", "12", "4", "4", "4", "2", "2", "1"]);
    close(
        &column(&v, "banzhaf"),
        &[5. / 21., 5. / 21., 5. / 21., 3. / 21., 3. / 21., 0.],
    );
    close(
        &column(&v, "shapley_shubik"),
        &[7. / 30., 7. / 30., 7. / 30., 3. / 20., 3. / 20., 0.],
    );
    assert_eq!(v["players"][5]["dummy"], true);
}

#[test]
fn two_big_and_one_small_are_equal() {
    // [51; 49, 49, 2]: any two of the three win, so all are equal.
    let v = json(&["power", "--quota", "51", "49", "49", "2"]);
    for key in [
        "banzhaf",
        "shapley_shubik",
        "holler",
        "deegan_packel",
        "johnston",
    ] {
        close(&column(&v, key), &[1. / 3.; 3]);
    }
}

#[test]
fn large_games_use_generating_functions() {
    // 40 equal players, majority 21: everyone gets 1/40 of the power by
    // every index.
    let weights = vec!["1"; 40];
    let mut args = vec!["power", "--quota", "majority"];
    args.extend(&weights);
    let v = json(&args);
    assert_eq!(v["method"], "generating-function");
    close(&column(&v, "banzhaf"), &[1. / 40.; 40]);
    close(&column(&v, "shapley_shubik"), &[1. / 40.; 40]);
    for key in ["holler", "deegan_packel", "johnston", "banzhaf"] {
        close(&column(&v, key), &[1. / 40.; 40]);
    }
    // C(39, 20) swings each.
    assert_eq!(v["players"][0]["swings"], "68923264410");
    assert_eq!(v["notes"], serde_json::json!([]));
}

#[test]
fn huge_weights_fall_back_to_monte_carlo_with_standard_errors() {
    // 30 weights near 10^12: beyond enumeration, and every counting table
    // would be far too large.
    let weights: Vec<String> = (0..30u64)
        .map(|i| (1_000_000_000_000 + i * 7919).to_string())
        .collect();
    let mut args = vec![
        "power",
        "--quota",
        "majority",
        "--index",
        "banzhaf,shapley-shubik",
        "--samples",
        "5000",
    ];
    args.extend(weights.iter().map(String::as_str));
    let v = json(&args);
    assert_eq!(v["method"], "monte-carlo");
    assert!(v["players"][0]["swings"].is_null());
    assert!(
        v["players"][0]["standard_errors"]["shapley_shubik"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    assert_eq!(
        v["notes"].as_array().unwrap().len(),
        1,
        "no monotonicity note on noise"
    );
}

#[track_caller]
fn bad(args: &[&str], message: &str) {
    let out = powershare().args(args).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr, format!("powershare: error: {message}\n"));
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn bad_arguments_exit_2_with_a_clear_message() {
    bad(
        &["power", "--quota", "6"],
        "no weights given; give one weight per player, e.g. `--quota 6 4 3 2 1`",
    );
    bad(
        &["power", "--quota", "3", "2", "-1"],
        "weight 2 \"-1\" is negative; weights and quotas are at least 0",
    );
    bad(
        &["power", "--quota", "8", "4", "3"],
        "the quota \"8\" is above the total weight; it must be at least 1 and at most the total weight 7",
    );
    bad(
        &["power", "--quota", "0", "4", "3"],
        "the quota \"0\" is below 1; it must be at least 1 and at most the total weight 7",
    );
    bad(
        &["power", "--quota", "4", "--names", "a,b,c", "4", "3"],
        "3 names for 2 weights; give exactly one name per weight, separated by commas",
    );
    bad(
        &["power", "--quota", "most", "4", "3"],
        "the quota \"most\" is not usable: write a weight such as 51 or 2.5, majority, two-thirds, unanimity, or a fraction of the total such as 0.5 or 2/3",
    );
    bad(
        &["power", "--quota", "1", "1/3"],
        "weight 1 \"1/3\" is not a number powershare can use exactly: write a non-negative decimal such as 3, 2.5 or 0.125",
    );
}

#[test]
fn unknown_index_is_a_usage_error() {
    powershare()
        .args(["power", "--quota", "1", "--index", "gini", "1"])
        .assert()
        .code(2);
}
