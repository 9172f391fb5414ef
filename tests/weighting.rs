//! Weights a partnership cannot game, and composite verdicts that say
//! whether they depend on the weights.
//!
//! The robustness of every composite verdict is checked against brute
//! force: the whole partnership scored and checked again at each of the
//! 2^d vertex weightings (each present dimension's weight halved or
//! doubled), with nothing shared with the fast computation in
//! `measures::robust` but the scoring itself.

use powershare_core::check::{PolicyLayer, RuleStatus, check, under_policy};
use powershare_core::model::{Dimension, FindingCode, WeightSet};
use powershare_core::{Partnership, Report, ScoreOptions, score};
use proptest::prelude::*;

use crate::common::{powershare, proptest_config, samples};

/// The composite rules and the denied symbolic verdict.
const COMPOSITE_RULES: &[&str] = &[
    "max_composite_gini",
    "max_normalised_gini",
    "max_top_share",
    "deny symbolic-partnership",
];

fn symbolic(r: &Report) -> bool {
    r.findings
        .iter()
        .any(|f| f.code == FindingCode::SymbolicPartnership)
}

/// Score and check `p` under `programme` at its own weights and at every
/// vertex weighting, and compare the fast robustness with brute force.
fn agree_with_brute_force(p: &Partnership, programme: &PolicyLayer) -> Result<(), TestCaseError> {
    let flags = PolicyLayer::default();
    let (policy, options) = under_policy(p, programme, &flags, ScoreOptions::default());
    let report = score(p, options);
    let rules = check(p, &report, &policy);
    let own = WeightSet::from(&p.weights);
    let present: Vec<Dimension> = Dimension::ALL
        .into_iter()
        .filter(|d| {
            report
                .dimensions
                .iter()
                .any(|s| s.present && s.name == d.name())
        })
        .collect();
    let mut vertices = Vec::new();
    for mask in 0..1usize << present.len() {
        let mut w = own;
        for (bit, d) in present.iter().enumerate() {
            let f = if mask & (1 << bit) != 0 { 2.0 } else { 0.5 };
            w = w.with(*d, own.of(*d) * f);
        }
        let at = ScoreOptions {
            weights: Some(w),
            ..options
        };
        let r = score(p, at);
        let rules = check(p, &r, &policy);
        vertices.push((r, rules));
    }
    // Every composite rule passed or breached: robust exactly when every
    // vertex gives the same outcome.
    for rule in rules
        .iter()
        .filter(|r| COMPOSITE_RULES.contains(&r.name().as_str()))
    {
        if rule.status == RuleStatus::Skipped {
            prop_assert_eq!(rule.robust, None);
            continue;
        }
        let same = vertices.iter().all(|(_, rs)| {
            rs.iter()
                .find(|r| r.name() == rule.name())
                .is_some_and(|r| r.status == rule.status)
        });
        prop_assert_eq!(
            rule.robust,
            Some(same),
            "{}: {}",
            rule.name(),
            &rule.message
        );
    }
    // The symbolic verdict, found or not.
    if let Some(c) = report.indices.get("composite") {
        let fires = symbolic(&report);
        let same = vertices.iter().all(|(r, _)| symbolic(r) == fires);
        prop_assert_eq!(report.symbolic_robust, Some(same));
        if let Some(f) = report
            .findings
            .iter()
            .find(|f| f.code == FindingCode::SymbolicPartnership)
        {
            prop_assert_eq!(f.robust, Some(same));
        }
        // The ranges over the same weightings.
        let tops: Vec<f64> = vertices
            .iter()
            .filter_map(|(r, _)| r.indices.get("composite").and_then(|c| c.top_share))
            .collect();
        let lo = tops.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = tops.iter().copied().fold(0.0, f64::max);
        let [got_lo, got_hi] = c.top_share_range.expect("a range with a composite");
        prop_assert!(
            (got_lo - lo).abs() < 1e-12 && (got_hi - hi).abs() < 1e-12,
            "top share range {:?} against brute force [{}, {}]",
            c.top_share_range,
            lo,
            hi
        );
        let ginis: Vec<f64> = vertices
            .iter()
            .filter_map(|(r, _)| r.indices.get("composite").and_then(|c| c.gini))
            .collect();
        if let Some([got_lo, got_hi]) = c.gini_range {
            let lo = ginis.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = ginis.iter().copied().fold(0.0, f64::max);
            prop_assert!((got_lo - lo).abs() < 1e-12 && (got_hi - hi).abs() < 1e-12);
        } else {
            prop_assert!(ginis.is_empty());
        }
    }
    Ok(())
}

/// A programme with every composite rule at these limits, denying the
/// symbolic verdict.
fn programme(gini: f64, normalised: f64, top: f64) -> PolicyLayer {
    PolicyLayer {
        max_composite_gini: Some(gini),
        max_normalised_gini: Some(normalised),
        max_top_share: Some(top),
        deny: vec![FindingCode::SymbolicPartnership],
        ..PolicyLayer::default()
    }
}

#[test]
fn robustness_of_the_samples_agrees_with_brute_force() {
    let mut fragile = 0;
    for path in samples() {
        let p = powershare_core::load(&std::fs::read(&path).unwrap()).unwrap();
        for limit in [0.2, 0.3, 0.4, 0.45, 0.5, 0.6] {
            let layer = programme(limit, limit + 0.1, limit);
            agree_with_brute_force(&p, &layer)
                .unwrap_or_else(|e| panic!("{}, limit {limit}: {e}", path.display()));
            let (policy, options) =
                under_policy(&p, &layer, &PolicyLayer::default(), ScoreOptions::default());
            let report = score(&p, options);
            fragile += check(&p, &report, &policy)
                .iter()
                .filter(|r| r.robust == Some(false))
                .count();
        }
    }
    // The limits cross the samples' ranges: some verdicts depend on the weights.
    assert!(fragile > 5, "only {fragile} verdicts depend on the weights");
}

/// A small partnership with every dimension that feeds the composite
/// likely present, random weights (zeros included) and decisions and
/// ratings that make `consensus-dominance` and `power-blindness` possible
/// for several bodies.
fn partnership() -> impl Strategy<Value = String> {
    let body = (0u32..1000, 0u32..6, 0u32..6, 0u64..4, 0u32..6);
    (
        prop::collection::vec(body, 2..7),
        prop::collection::vec(prop_oneof![Just(0.0), Just(0.5), Just(1.0), Just(2.0), Just(3.0)], 8),
        prop::collection::vec((0usize..7, 0usize..2), 0..6),
        prop::collection::vec((0usize..7, 0usize..7), 0..6),
        prop::collection::vec(prop::collection::vec(0u32..6, 7), 0..4),
    )
        .prop_map(|(bodies, weights, decisions, contacts, ratings)| {
            let n = bodies.len();
            let mut t = String::new();
            for (i, (income, position, expertise, seats, _)) in bodies.iter().enumerate() {
                t += &format!(
                    "[[body]]\nid = \"b{i}\"\nincome = {income}\nposition = {position}\nexpertise = {{ x = {expertise} }}\nseats = {seats}\n"
                );
            }
            if bodies.iter().all(|b| b.3 == 0) {
                t = t.replacen("seats = 0", "seats = 1", 1);
            }
            for (k, (by, how)) in decisions.iter().enumerate() {
                let how = ["consensus", "vote"][*how];
                t += &format!(
                    "[[decision]]\ntitle = \"d{k}\"\nproposed_by = \"b{}\"\noutcome = \"adopted\"\nhow = \"{how}\"\n",
                    by % n
                );
            }
            for (a, b) in contacts {
                let (a, b) = (a % n, b % n);
                if a != b {
                    t += &format!("[[contact]]\nbetween = [\"b{a}\", \"b{b}\"]\n");
                }
            }
            for (rater, r) in ratings.iter().enumerate().take(n) {
                let influence: Vec<String> =
                    (0..n).map(|j| format!("b{j} = {}", r[j])).collect();
                t += &format!(
                    "[[perception]]\nrater = \"b{rater}\"\ninfluence = {{ {} }}\n",
                    influence.join(", ")
                );
            }
            t += "[weights]\n";
            for (d, w) in Dimension::ALL.iter().zip(&weights) {
                t += &format!("{} = {w}\n", d.name());
            }
            if weights.iter().all(|&w| w == 0.0) {
                t = t.replace("resources = 0\n", "resources = 1\n");
            }
            t
        })
}

proptest! {
    #![proptest_config(proptest_config(48))]

    #[test]
    fn robustness_of_random_partnerships_agrees_with_brute_force(
        text in partnership(),
        gini in 0.05..0.6_f64,
        normalised in 0.05..0.8_f64,
        top in 0.3..0.9_f64,
    ) {
        let p = match powershare_core::load_str(&text) {
            Ok(p) => p,
            // Rare: a file the generator got wrong (e.g. every rating 0 makes no dimension).
            Err(e) => return Err(TestCaseError::reject(format!("{e}"))),
        };
        agree_with_brute_force(&p, &programme(gini, normalised, top))?;
    }
}

/// The case a CI run's property test found: the only dimension with data
/// (voting) weighted 0, so no composite at the file's weights nor at any
/// vertex. The composite rules are skipped and say why; the denied
/// symbolic verdict passes and holds however the weights are set.
#[test]
fn without_a_composite_the_symbolic_verdict_holds() {
    let text = "[[body]]\nid = \"b0\"\nincome = 0\nposition = 0\nexpertise = { x = 0 }\nseats = 1\n\
        [[body]]\nid = \"b1\"\nincome = 0\nposition = 0\nexpertise = { x = 0 }\nseats = 0\n\
        [weights]\nresources = 1\nexpertise = 0\nposition = 0\nvoting = 0\ndependence = 0\n\
        network = 0\nagenda = 0\nperceived = 0\n";
    let p = powershare_core::load_str(text).unwrap();
    let layer = programme(0.05, 0.05, 0.3);
    agree_with_brute_force(&p, &layer).unwrap();
    let (policy, options) =
        under_policy(&p, &layer, &PolicyLayer::default(), ScoreOptions::default());
    let report = score(&p, options);
    assert!(report.indices.get("composite").is_none());
    let rules = check(&p, &report, &policy);
    for rule in &rules {
        if rule.name() == "deny symbolic-partnership" {
            assert_eq!((rule.status, rule.robust), (RuleStatus::Pass, Some(true)));
            assert!(
                rule.message.ends_with(
                    "; this holds however the dimensions are weighted (within a factor 2)"
                ),
                "{}",
                rule.message
            );
        } else {
            assert_eq!(rule.status, RuleStatus::Skipped, "{}", rule.name());
            assert_eq!(
                rule.message,
                "not checked: every dimension with data has weight 0, so there is no composite"
            );
        }
    }
}

/// The gaming file: a sample with six of its eight weights set to 0.
fn gaming_copy(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let honest_text = std::fs::read_to_string(
        crate::common::root().join("sample-partnerships/childrens-planning-forum.toml"),
    )
    .unwrap();
    let weights = "\n[weights]\nresources = 0\nposition = 0\nvoting = 0\ndependence = 0\nagenda = 0\nperceived = 0\n\n[policy]\n";
    let gaming_text = honest_text.replacen("\n[policy]\n", weights, 1);
    assert_ne!(honest_text, gaming_text);
    let (honest, gaming) = (dir.join("honest.toml"), dir.join("gaming.toml"));
    std::fs::write(&honest, honest_text).unwrap();
    std::fs::write(&gaming, gaming_text).unwrap();
    (honest, gaming)
}

/// `check --format json` of one file, without its path.
fn checked(file: &std::path::Path, policy: &std::path::Path) -> serde_json::Value {
    let out = powershare()
        .args(["check", "--format", "json", "--policy"])
        .arg(policy)
        .arg(file)
        .output()
        .unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &mut v["files"][0];
    f.as_object_mut().unwrap().remove("path");
    f.clone()
}

#[test]
fn the_zero_weights_file_breaches_exactly_as_the_honest_one() {
    let dir = tempfile::tempdir().unwrap();
    let (honest, gaming) = gaming_copy(dir.path());
    let open = dir.path().join("open.toml");
    std::fs::write(
        &open,
        "max_top_share = 0.528\ndeny = [\"symbolic-partnership\"]\n",
    )
    .unwrap();
    let locked = dir.path().join("locked.toml");
    std::fs::write(
        &locked,
        "max_top_share = 0.528\ndeny = [\"symbolic-partnership\"]\nlock_weights = true\n",
    )
    .unwrap();
    let rule = |v: &serde_json::Value, name: &str| {
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                let shown = match r["code"].as_str() {
                    Some(code) => format!("{} {code}", r["rule"].as_str().unwrap()),
                    None => r["rule"].as_str().unwrap().to_string(),
                };
                shown == name
            })
            .unwrap_or_else(|| panic!("no rule {name} in {v}"))["status"]
            .clone()
    };
    // With the files' own weights the gaming file escapes both programme
    // rules: the county's share falls from 0.621 to 0.345.
    let (h, g) = (checked(&honest, &open), checked(&gaming, &open));
    assert_eq!(rule(&h, "max_top_share"), "breach");
    assert_eq!(rule(&g, "max_top_share"), "pass");
    assert_eq!(rule(&g, "deny symbolic-partnership"), "pass");
    // Weights locked by the programme: the two results are the same, to the
    // last message.
    let (h, g) = (checked(&honest, &locked), checked(&gaming, &locked));
    assert_eq!(h, g);
    assert_eq!(rule(&g, "max_top_share"), "breach");
    assert_eq!(rule(&g, "deny symbolic-partnership"), "breach");
    assert_eq!(g["policy"]["weights_set_by"], "programme");
    // The text says so.
    let out = powershare()
        .args(["check", "--policy"])
        .arg(&locked)
        .arg(&gaming)
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("\n  weights set by the programme policy\n"),
        "{text}"
    );
    // And `report --policy` scores it as check did.
    let report = powershare()
        .args(["report", "--format", "json", "--policy"])
        .arg(&locked)
        .arg(&gaming)
        .assert()
        .success();
    let r: serde_json::Value = serde_json::from_slice(&report.get_output().stdout).unwrap();
    assert_eq!(r["weights_set_by"], "programme");
    assert!(
        (r["indices"]["composite"]["top_share"].as_f64().unwrap() - 0.6205645145066307).abs()
            < 1e-15
    );
}

#[test]
fn a_programme_weights_table_replaces_the_files_own() {
    // community-shaping weighs voting 1.5 and dependence 0.5; a programme
    // [weights] naming only agenda = 2 leaves every other dimension at 1.
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, "[weights]\nagenda = 2\n").unwrap();
    let out = powershare()
        .args(["report", "--format", "json", "--policy"])
        .arg(&policy)
        .arg("sample-partnerships/community-shaping.toml")
        .assert()
        .success();
    let r: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let weights: Vec<(String, f64)> = r["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap().to_string(),
                d["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    for (name, w) in weights {
        assert_eq!(w, if name == "agenda" { 2.0 } else { 1.0 }, "{name}");
    }
}
