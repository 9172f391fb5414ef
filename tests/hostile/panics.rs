//! Command lines and small files that once panicked or never finished.

use std::time::{Duration, Instant};

use predicates::str::contains;

use powershare_core::measures::voting::Index;

use crate::common::powershare;

/// A temporary directory holding `name` with `text`.
fn file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// `n` one-seat bodies, the first `vetoes` of them with a veto.
fn veto_board(n: usize, vetoes: usize) -> String {
    let mut s: String = (0..n)
        .map(|i| format!("[[body]]\nid = \"b{i}\"\nseats = 1\n"))
        .collect();
    let list: Vec<String> = (0..vetoes).map(|i| format!("\"b{i}\"")).collect();
    s.push_str(&format!("[board]\nveto = [{}]\n", list.join(", ")));
    s
}

/// Guards against: 1,000 one-seat bodies all with a veto (34 KB) running
/// for over a minute, one clause per veto making Monte Carlo's every draw
/// cost a million steps. Every body needing to say yes is unanimity: only
/// the grand coalition wins, every body has one swing, and every index is
/// 1/1,000 (by hand: eta_i = 1 for each of the 1,000 bodies).
#[test]
fn an_all_veto_board_is_unanimity_and_quick() {
    let p = powershare_core::load_str(&veto_board(1000, 1000)).expect("valid");
    let board = p.board.as_ref().expect("a board");
    let start = Instant::now();
    let bp = powershare_core::measures::board::power(&p, board, &Index::ALL);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    let v = bp.power.expect("computed");
    assert_eq!(v.winning_coalitions, Some(1u8.into()));
    for pp in &v.players {
        assert_eq!(pp.indices.banzhaf, Some(1.0 / 1000.0));
        assert_eq!(pp.indices.shapley_shubik, Some(1.0 / 1000.0));
        assert!(pp.veto && !pp.dictator && !pp.dummy);
    }
}

/// Guards against: one clause per veto body making the exact counting
/// method's states grow as 2^vetoes (it fell to Monte Carlo, whose draws
/// grew with the vetoes too). The vetoes share one clause now: 40 bodies,
/// 20 with a veto, are counted exactly. By hand: a winning coalition holds
/// the 20 veto bodies and at least one of the 20 others (21 of 40 seats),
/// so |W| = 2^20 - 1; a veto body is critical in each of them, and each
/// other body only where it is the one non-veto member: 1 swing.
#[test]
fn veto_bodies_share_one_clause() {
    let p = powershare_core::load_str(&veto_board(40, 20)).expect("valid");
    let bp = powershare_core::measures::board::power(
        &p,
        p.board.as_ref().expect("a board"),
        &Index::ALL,
    );
    let v = bp.power.expect("computed");
    assert_ne!(
        v.method,
        powershare_core::measures::voting::Method::MonteCarlo
    );
    assert_eq!(v.winning_coalitions, Some(((1u32 << 20) - 1).into()));
    let swings: Vec<u64> = v
        .players
        .iter()
        .map(|pp| u64::try_from(pp.swings.clone().expect("counted")).expect("small"))
        .collect();
    assert_eq!(swings[..20], [(1 << 20) - 1; 20]);
    assert_eq!(swings[20..], [1; 20]);
}

/// Guards against: 1,000 one-seat bodies, 10 of them with a veto (34 KB),
/// running for over a minute (the veto clause sent the board to the capped
/// sums, whose Shapley-Shubik pass grew with the vetoes). The vetoes fold
/// into the weighted vote, so every count is exact. By hand (majority: 501
/// of 1,000): a coalition wins iff it holds the 10 veto bodies and at least
/// 491 of the 990 others, so |W| = sum over k >= 491 of C(990, k); a veto
/// body is critical in every winning coalition; any other body only where
/// exactly 491 others are in, itself among them: C(989, 490) swings.
#[test]
fn vetoes_fold_into_the_weighted_vote() {
    use num_bigint::BigUint;
    let p = powershare_core::load_str(&veto_board(1000, 10)).expect("valid");
    let bp = powershare_core::measures::board::power(
        &p,
        p.board.as_ref().expect("a board"),
        &Index::ALL,
    );
    let v = bp.power.expect("computed");
    assert_eq!(
        v.method,
        powershare_core::measures::voting::Method::GeneratingFunction
    );
    // Pascal's rows 989 and 990.
    let mut row = vec![BigUint::from(1u8)];
    for _ in 0..989 {
        let mut next = vec![BigUint::from(1u8); row.len() + 1];
        for k in 1..row.len() {
            next[k] = &row[k - 1] + &row[k];
        }
        row = next;
    }
    let c989_490 = row[490].clone();
    let row990: Vec<BigUint> = (0..=990)
        .map(|k| match k {
            0 | 990 => BigUint::from(1u8),
            _ => &row[k - 1] + &row[k],
        })
        .collect();
    let winning: BigUint = row990[491..].iter().sum();
    assert_eq!(v.winning_coalitions, Some(winning.clone()));
    for (k, pp) in v.players.iter().enumerate() {
        let want = if k < 10 { &winning } else { &c989_490 };
        assert_eq!(pp.swings.as_ref(), Some(want), "body {k}");
        assert_eq!(pp.veto, k < 10);
    }
}

/// Guards against: `--target custom:a=1e308,b=1e308` exiting 101 at "a
/// quota range is never empty" (the shares added up to infinity, so every
/// share became 0 and nobody took part).
#[test]
fn rebalance_with_huge_custom_shares_does_not_panic() {
    let (_dir, path) = file(
        "p.toml",
        "[[body]]\nid = \"a\"\nseats = 3\n[[body]]\nid = \"b\"\nseats = 1\n",
    );
    for target in [
        "custom:a=1e308,b=1e308",
        "custom:a=1.7976931348623157e308,b=5e-324",
        "custom:a=5e-324",
    ] {
        powershare()
            .args([
                "rebalance".as_ref(),
                path.as_os_str(),
                "--target".as_ref(),
                target.as_ref(),
            ])
            .assert()
            .success();
    }
    powershare()
        .args([
            "rebalance".as_ref(),
            path.as_os_str(),
            "--target".as_ref(),
            "custom:a=0".as_ref(),
        ])
        .assert()
        .code(2)
        .stderr(contains("every share given is 0"));
}

/// Guards against: `power --quota 2 1 0.000…1 1` blaming weight 1 for the
/// 31 decimal places of weight 2.
#[test]
fn power_blames_the_weight_with_the_decimals() {
    let tiny = format!("0.{}1", "0".repeat(30));
    powershare()
        .args(["power", "--quota", "2", "1", &tiny, "1"])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "weight 2 \"{tiny}\" has 31 decimal places"
        )));
    // Not a decimal at all: named as such, and the right one.
    powershare()
        .args(["power", "--quota", "2", "1", "1e-31", "1"])
        .assert()
        .code(2)
        .stderr(contains("weight 2 \"1e-31\" is not a number"));
}

/// Guards against: `--samples 0` silently raised to 2, and `--samples
/// 18446744073709551615` never ending.
#[test]
fn power_samples_out_of_range_are_refused() {
    for n in [
        "0",
        "1",
        "10000001",
        "18446744073709551615",
        "18446744073709551616",
        "-1",
    ] {
        powershare()
            .args(["power", "--quota", "2", "1", "1", "--samples", n])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--samples"));
    }
    powershare()
        .args(["power", "--quota", "2", "1", "1", "--samples", "2"])
        .assert()
        .success();
}

/// Guards against: `POWERSHARE_MAX_FILE_BYTES=18446744073709551615`
/// making every file "empty" (the limit wrapped to 0 when 1 was added).
#[test]
fn the_largest_file_limit_does_not_wrap() {
    let (_dir, path) = file("p.toml", "[[body]]\nid = \"a\"\n");
    powershare()
        .env("POWERSHARE_MAX_FILE_BYTES", "18446744073709551615")
        .args(["validate".as_ref(), path.as_os_str()])
        .assert()
        .success()
        .stdout(contains(": ok"));
}

/// Guards against: a seat count out of range also yielding a spurious
/// "veto body has no seats" (the bad count was read as 0).
#[test]
fn a_bad_seat_count_is_the_only_problem_reported() {
    for seats in ["1000001", "-3"] {
        let (_dir, path) = file(
            "p.toml",
            &format!(
                "[[body]]\nid = \"a\"\nseats = {seats}\n[[body]]\nid = \"b\"\nseats = 1\n[board]\nveto = [\"a\"]\nquota = 2\n"
            ),
        );
        let out = powershare()
            .args(["validate".as_ref(), path.as_os_str()])
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(":3:9: body.a.seats: must be"), "{err}");
    }
}
