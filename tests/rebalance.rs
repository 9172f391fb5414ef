//! `powershare rebalance`: the search against brute force over every
//! allocation, the power it reports against the voting engine, and
//! snapshots of its output for a sample.

use std::fmt::Write;

use powershare_core::measures::board::BoardPower;
use powershare_core::measures::voting::{self, Clause, Rule};
use powershare_core::rebalance::{self, Effort, QuotaChoice, RebalanceOptions as Options, Target};
use powershare_core::{Partnership, VotingIndex};
use proptest::prelude::*;

use crate::common::{powershare, proptest_config, stdout};

/// A small partnership: seats today, a veto, maybe a double majority.
fn partnership(seats: &[u64], veto: Option<usize>, double: bool) -> Partnership {
    let mut s = String::new();
    for (i, &n) in seats.iter().enumerate() {
        let _ = write!(s, "[[body]]\nid = \"b{i}\"\nseats = {n}\n");
    }
    s.push_str("[board]\nquota = \"majority\"\n");
    if let Some(v) = veto {
        let _ = writeln!(s, "veto = [\"b{v}\"]");
    }
    let _ = writeln!(s, "also_majority_of_bodies = {double}");
    powershare_core::load_str(&s).unwrap()
}

/// The engine's power for seats `w` (all > 0), quota `q`, veto and double
/// majority, by the board's own rule construction.
fn engine(w: &[u64], q: u64, veto: Option<usize>, double: bool, index: VotingIndex) -> Vec<f64> {
    let bp = engine_board(w, q, veto, double);
    (0..w.len())
        .map(|i| bp.share_of(i, index).unwrap())
        .collect()
}

/// The engine's board power for seats `w`, quota `q`, veto and double majority.
fn engine_board(w: &[u64], q: u64, veto: Option<usize>, double: bool) -> BoardPower {
    let n = w.len();
    let mut clauses = vec![Clause::new(w.to_vec(), q)];
    if let Some(v) = veto {
        clauses.push(Clause::veto(n, v));
    }
    if double {
        clauses.push(Clause::count(n, n as u64 / 2 + 1));
    }
    BoardPower {
        players: (0..n).collect(),
        total_seats: w.iter().sum(),
        power: Some(voting::power(&Rule::new(n, clauses)).unwrap()),
        note: None,
    }
}

/// Whether the engine flags a dummy or a dictator on this board (by its
/// swings, whatever the index).
fn dummy_or_dictator(w: &[u64], q: u64, veto: Option<usize>, double: bool) -> bool {
    let bp = engine_board(w, q, veto, double);
    bp.power
        .as_ref()
        .is_some_and(|v| v.players.iter().any(|p| p.dummy || p.dictator))
}

/// Every allocation of at least one seat each and at most `max` in all.
fn allocations(n: usize, max: u64) -> Vec<Vec<u64>> {
    let mut out = Vec::new();
    let mut cur = vec![1u64; n];
    fn go(j: usize, cur: &mut Vec<u64>, left: u64, out: &mut Vec<Vec<u64>>) {
        if j == cur.len() {
            out.push(cur.clone());
            return;
        }
        for extra in 0..=left {
            cur[j] = 1 + extra;
            go(j + 1, cur, left - extra, out);
        }
    }
    go(0, &mut cur, max - n as u64, &mut out);
    out
}

/// The best (largest gap, total gap) over every allocation and quota, by
/// the engine, leaving out designs with a dummy or a dictator unless
/// `allow_dummy`: the oracle.
#[allow(clippy::too_many_arguments)]
fn brute_force(
    target: &[f64],
    max: u64,
    quota: QuotaChoice,
    veto: Option<usize>,
    double: bool,
    index: VotingIndex,
    allow_dummy: bool,
) -> (f64, f64) {
    let mut best = (f64::INFINITY, f64::INFINITY);
    for w in allocations(target.len(), max) {
        let total: u64 = w.iter().sum();
        for q in quota.range(total) {
            if !allow_dummy && dummy_or_dictator(&w, q, veto, double) {
                continue;
            }
            let power = engine(&w, q, veto, double, index);
            let gaps: Vec<f64> = power
                .iter()
                .zip(target)
                .map(|(p, t)| (p - t).abs())
                .collect();
            let key = (gaps.iter().copied().fold(0.0, f64::max), gaps.iter().sum());
            if key.0 < best.0 - 1e-9 || (key.0 < best.0 + 1e-9 && key.1 < best.1 - 1e-9) {
                best = key;
            }
        }
    }
    best
}

#[derive(Debug, Clone)]
struct Case {
    seats: Vec<u64>,
    shares: Vec<u32>,
    max: u64,
    quota: QuotaChoice,
    veto: Option<usize>,
    double: bool,
    index: VotingIndex,
    allow_dummy: bool,
}

fn cases() -> impl Strategy<Value = Case> {
    (2usize..=5)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec(1u64..=3, n),
                proptest::collection::vec(1u32..=9, n),
                0u64..=7,
                prop_oneof![
                    Just(QuotaChoice::Any),
                    Just(QuotaChoice::Majority),
                    Just(QuotaChoice::TwoThirds)
                ],
                proptest::option::of(0..n),
                any::<bool>(),
                prop_oneof![Just(VotingIndex::Banzhaf), Just(VotingIndex::ShapleyShubik)],
                prop::bool::weighted(0.25),
            )
        })
        .prop_map(
            |(seats, shares, extra, quota, veto, double, index, allow_dummy)| Case {
                max: seats.len() as u64 + 1 + extra,
                seats,
                shares,
                quota,
                veto,
                double,
                index,
                allow_dummy,
            },
        )
}

fn run(case: &Case, effort: Effort) -> rebalance::Rebalance {
    let p = partnership(&case.seats, case.veto, case.double);
    let custom = case
        .shares
        .iter()
        .enumerate()
        .map(|(i, s)| format!("b{i}={s}"))
        .collect::<Vec<_>>()
        .join(",");
    let mut options = Options::new(Target::parse(&format!("custom:{custom}")).unwrap());
    options.max_seats = Some(case.max);
    options.quota = case.quota;
    options.keep_veto = case.veto.is_some();
    options.index = case.index;
    options.effort = effort;
    options.allow_dummy = case.allow_dummy;
    rebalance::rebalance(&p, &options).unwrap()
}

fn target(case: &Case) -> Vec<f64> {
    let total: u32 = case.shares.iter().sum();
    case.shares
        .iter()
        .map(|&s| f64::from(s) / f64::from(total))
        .collect()
}

#[track_caller]
fn assert_best(case: &Case, r: &rebalance::Rebalance) {
    let (max_gap, total_gap) = brute_force(
        &target(case),
        case.max,
        case.quota,
        case.veto,
        case.double,
        case.index,
        case.allow_dummy,
    );
    let best = &r.designs[0];
    assert!(
        (best.max_gap - max_gap).abs() < 1e-9 && (best.total_gap - total_gap).abs() < 1e-9,
        "{case:?}: found ({}, {}), brute force ({max_gap}, {total_gap})",
        best.max_gap,
        best.total_gap
    );
}

/// Every design's power is the engine's for that design, and its gaps
/// follow from it.
#[track_caller]
fn assert_engine_agrees(case: &Case, r: &rebalance::Rebalance) {
    let t = target(case);
    for d in r.designs.iter().chain(&r.current) {
        let w = d.seats.values();
        let veto = d.veto.first().map(|id| id[1..].parse::<usize>().unwrap());
        let want = engine(&w, d.quota, veto, d.also_majority_of_bodies, case.index);
        assert_eq!(d.power.values(), want, "{case:?} {d:?}");
        let gaps: Vec<f64> = want.iter().zip(&t).map(|(p, t)| (p - t).abs()).collect();
        assert!((d.max_gap - gaps.iter().copied().fold(0.0, f64::max)).abs() < 1e-12);
        assert!((d.total_gap - gaps.iter().sum::<f64>()).abs() < 1e-12);
    }
}

proptest! {
    #![proptest_config(proptest_config(48))]

    /// Small spaces are searched exhaustively: the result is the brute-force
    /// optimum and says so.
    #[test]
    fn exhaustive_search_finds_the_brute_force_optimum(case in cases()) {
        let r = run(&case, Effort::THOROUGH);
        prop_assert!(r.optimal && r.search.method == "exhaustive");
        assert_best(&case, &r);
        assert_engine_agrees(&case, &r);
        assert_no_dummy(&case, &r);
    }

    /// Regression: `--target sqrt-income` on the children's forum proposed,
    /// as optimal, a board where the county held all the voting power.
    /// Without --allow-dummy no design, by either search, has a body whose
    /// seats never count or a body that decides alone.
    #[test]
    fn designs_never_have_a_dummy_or_a_dictator(mut case in cases()) {
        case.allow_dummy = false;
        for effort in [Effort::THOROUGH, Effort { exhaustive_work: 0.0, idle_work: 3e6, ..Effort::THOROUGH }] {
            let r = run(&case, effort);
            prop_assert!(!r.designs.is_empty(), "{case:?}: no design");
            assert_no_dummy(&case, &r);
        }
    }

    /// The local search alone (exhaustive search switched off) also finds
    /// the optimum on small boards, and never claims optimality unless it
    /// matched the target exactly.
    #[test]
    fn local_search_finds_the_brute_force_optimum(case in cases()) {
        // Less idle work than `powershare rebalance` spends, to keep the test quick.
        let effort = Effort { exhaustive_work: 0.0, idle_work: 3e6, ..Effort::THOROUGH };
        let r = run(&case, effort);
        prop_assert_eq!(r.search.method, "local-search");
        prop_assert_eq!(r.optimal, r.designs[0].max_gap < 1e-9);
        assert_best(&case, &r);
        assert_engine_agrees(&case, &r);
        assert_no_dummy(&case, &r);
    }
}

/// Without `allow_dummy`, no design has a dummy or a dictator by the
/// engine's flags.
#[track_caller]
fn assert_no_dummy(case: &Case, r: &rebalance::Rebalance) {
    if case.allow_dummy {
        return;
    }
    for d in &r.designs {
        let w = d.seats.values();
        let veto = d.veto.first().map(|id| id[1..].parse::<usize>().unwrap());
        assert!(
            !dummy_or_dictator(&w, d.quota, veto, d.also_majority_of_bodies),
            "{case:?}: design {d:?} has a dummy or a dictator"
        );
    }
}

#[test]
fn allow_dummy_lets_a_closer_design_with_a_dictator_through() {
    // Target 90% / 5% / 5% over 3 bodies and up to 5 seats: a dictator
    // (power 1, 0, 0) has a largest gap of 0.10, and any design sharing
    // power gives the first body at most 3/5 (Banzhaf of seats 3, 1, 1
    // under a quota of 4 is 3/5, 1/5, 1/5: gap 0.30), so the dictator is the
    // optimum only when allowed.
    let case = Case {
        seats: vec![1, 1, 1],
        shares: vec![18, 1, 1],
        max: 5,
        quota: QuotaChoice::Any,
        veto: None,
        double: false,
        index: VotingIndex::Banzhaf,
        allow_dummy: true,
    };
    let r = run(&case, Effort::THOROUGH);
    assert_eq!(r.designs[0].power.values(), [1.0, 0.0, 0.0]);
    assert!(r.limits.allow_dummy);
    let r = run(
        &Case {
            allow_dummy: false,
            ..case.clone()
        },
        Effort::THOROUGH,
    );
    assert!(r.designs[0].power.values().iter().all(|&p| p > 0.0));
    assert!(r.designs[0].max_gap > 0.1 + 1e-9);
    assert!(
        r.notes.iter().any(|n| n.contains("--allow-dummy")),
        "{:?}",
        r.notes
    );
}

#[test]
fn snapshots_of_a_sample() {
    let file = "sample-partnerships/youth-partnership.toml";
    for (name, args) in [
        ("equal", vec!["--target", "equal"]),
        (
            "contribution",
            vec!["--target", "contribution", "--max-seats", "15"],
        ),
        (
            "custom-two-thirds",
            vec![
                "--target",
                "custom:council=0.3,police=0.2,nhs=0.2,charity=0.1,youth-club=0.1,youth-forum=0.1",
                "--quota-rule",
                "two-thirds",
                "--max-seats",
                "14",
                "--index",
                "shapley-shubik",
            ],
        ),
    ] {
        for format in ["text", "json", "markdown"] {
            let mut all = vec!["rebalance", file, "--format", format];
            all.extend(&args);
            insta::assert_snapshot!(format!("rebalance-{name}-{format}"), stdout(&all));
        }
    }
    let veto = stdout(&[
        "rebalance",
        "sample-partnerships/childrens-planning-forum.toml",
        "--target",
        "seats",
        "--keep-veto",
    ]);
    insta::assert_snapshot!("rebalance-seats-keep-veto-text", veto);
}

#[test]
fn json_has_the_documented_shape() {
    let out = stdout(&[
        "rebalance",
        "sample-partnerships/childrens-planning-forum.toml",
        "--target",
        "equal",
        "--format",
        "json",
        "--top",
        "2",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["index"], "banzhaf");
    assert_eq!(v["optimal"], true);
    assert_eq!(v["target"]["county"], 0.2);
    assert_eq!(v["designs"].as_array().unwrap().len(), 2);
    for d in std::iter::once(&v["current"]).chain(v["designs"].as_array().unwrap()) {
        for key in ["seats", "quota", "power", "max_gap", "total_gap"] {
            assert!(!d[key].is_null(), "{key} in {d}");
        }
    }
    assert_eq!(v["current"]["seats"]["county"], 4);
    assert_eq!(v["current"]["quota"], 6);
}

#[test]
fn output_is_deterministic_for_local_search_too() {
    // 6 bodies and up to 40 seats: too many allocations to enumerate.
    let args = [
        "rebalance",
        "sample-partnerships/youth-partnership.toml",
        "--target",
        "sqrt-income",
        "--max-seats",
        "40",
        "--format",
        "json",
    ];
    let first = stdout(&args);
    assert!(first.contains("\"method\": \"local-search\""), "{first}");
    assert_eq!(first, stdout(&args));
}

#[track_caller]
fn fails(args: &[&str], message: &str) {
    let out = powershare().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end(), message, "{args:?}");
}

#[test]
fn bad_arguments_exit_2() {
    let file = "sample-partnerships/childrens-planning-forum.toml";
    fails(
        &["rebalance", file, "--target", "fair"],
        "powershare: error: unknown target `fair`; use equal, seats, contribution, income, sqrt-income or custom:ID=SHARE,...",
    );
    fails(
        &["rebalance", file, "--target", "custom:county=1,nobody=1"],
        "powershare: error: sample-partnerships/childrens-planning-forum.toml: custom target names `nobody`, which is not a body of this partnership; the bodies are: county, family-support, young-carers, early-years, parent-forum",
    );
    fails(
        &["rebalance", file, "--target", "equal", "--max-seats", "4"],
        "powershare: error: sample-partnerships/childrens-planning-forum.toml: --max-seats 4 is less than the 5 bodies taking part, and each needs at least one seat",
    );
    fails(
        &[
            "rebalance",
            file,
            "--target",
            "custom:family-support=1,young-carers=1",
            "--keep-veto",
        ],
        "powershare: error: sample-partnerships/childrens-planning-forum.toml: --keep-veto keeps the veto of `county`, but the target gives it no share, so it would have no seats; give it a share or drop --keep-veto",
    );
}

/// The power of every suggested design is what `powershare power` prints
/// for its seats and quota (designs with one weighted clause: no veto, no
/// double majority).
#[test]
fn designs_match_the_power_command() {
    for (file, target, index) in [
        (
            "sample-partnerships/youth-partnership.toml",
            "contribution",
            "banzhaf",
        ),
        (
            "sample-partnerships/youth-partnership.toml",
            "sqrt-income",
            "shapley-shubik",
        ),
        (
            "sample-partnerships/childrens-planning-forum.toml",
            "equal",
            "banzhaf",
        ),
        (
            "sample-partnerships/balanced-partnership.toml",
            "income",
            "banzhaf",
        ),
    ] {
        let out = stdout(&[
            "rebalance",
            file,
            "--target",
            target,
            "--index",
            index,
            "--top",
            "5",
            "--format",
            "json",
            "--max-seats",
            "16",
        ]);
        let r: serde_json::Value = serde_json::from_str(&out).unwrap();
        let key = index.replace('-', "_");
        let mut checked = 0;
        for d in std::iter::once(&r["current"]).chain(r["designs"].as_array().unwrap()) {
            if !d["veto"].as_array().unwrap().is_empty() || d["also_majority_of_bodies"] == true {
                continue;
            }
            let seats = d["seats"].as_object().unwrap();
            let on: Vec<(&String, u64)> = seats
                .iter()
                .map(|(id, s)| (id, s.as_u64().unwrap()))
                .filter(|(_, s)| *s > 0)
                .collect();
            let names = on
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(",");
            let weights: Vec<String> = on.iter().map(|(_, s)| s.to_string()).collect();
            let quota = d["quota"].to_string();
            let mut args = vec![
                "power", "--quota", &quota, "--names", &names, "--index", index, "--format", "json",
            ];
            args.extend(weights.iter().map(String::as_str));
            let p: serde_json::Value = serde_json::from_str(&stdout(&args)).unwrap();
            for player in p["players"].as_array().unwrap() {
                let id = player["name"].as_str().unwrap();
                assert_eq!(player[&key], d["power"][id], "{file} {target} {d}");
            }
            checked += 1;
        }
        assert!(checked > 0, "{file} {target}");
    }
}

/// The report's section appears in markdown and HTML when a more even
/// design exists, never when the board is already even, and
/// `--no-redesign` leaves it out.
#[test]
fn report_section_and_its_opt_out() {
    let heading = "What would share power more evenly";
    for format in ["markdown", "html"] {
        let forum = "sample-partnerships/childrens-planning-forum.toml";
        assert!(stdout(&["report", forum, "--format", format]).contains(heading));
        assert!(!stdout(&["report", forum, "--format", format, "--no-redesign"]).contains(heading));
        // Six bodies with two seats each: already equal.
        let even = "sample-partnerships/balanced-partnership.toml";
        assert!(!stdout(&["report", even, "--format", format]).contains(heading));
    }
    // Text, JSON and CSV never carry it.
    let forum = "sample-partnerships/childrens-planning-forum.toml";
    for format in ["text", "json", "csv"] {
        assert!(!stdout(&["report", forum, "--format", format]).contains("more even"));
    }
}
