//! The fast methods at sizes enumeration cannot reach: normalised indices
//! sum to 1, and the boards of large partnerships get a voting dimension.
//!
//! The n = 1,000 check is slow in a debug build and is `#[ignore]`d; run it
//! with `cargo test --release --test main voting_scale -- --ignored`.

use powershare_core::measures::voting::{self, Clause, EngineOptions, Index, Method, Rule};

use crate::common::root;

/// The seeded benchmark game `bench/games/random-N.txt`.
fn game(n: usize) -> Rule {
    let path = root().join(format!("bench/games/random-{n}.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let quota: u64 = lines.next().unwrap()["quota ".len()..].parse().unwrap();
    let weights: Vec<u64> = lines.map(|l| l.parse().unwrap()).collect();
    voting::weighted(&weights, quota)
}

#[track_caller]
fn sums_to_one(rule: &Rule, indices: &[Index]) {
    let options = EngineOptions {
        indices: indices.to_vec(),
        ..EngineOptions::default()
    };
    let p = voting::power_with(rule, &options).unwrap();
    assert_eq!(p.method, Method::GeneratingFunction);
    for &index in indices {
        let sum: f64 = p.players.iter().map(|x| index.of(x).unwrap()).sum();
        assert!((sum - 1.0).abs() <= 1e-12, "{index:?} sums to {sum}");
    }
    // Monotone in weight, as Banzhaf and Shapley-Shubik always are in one
    // weighted clause.
    let w = &rule.clauses[0].weights;
    for &index in &[Index::Banzhaf, Index::ShapleyShubik] {
        if indices.contains(&index) {
            let values: Vec<Option<f64>> = p.players.iter().map(|x| index.of(x)).collect();
            assert!(voting::monotone::inversions(w, &values).is_empty());
        }
    }
}

#[test]
fn normalised_indices_sum_to_one_at_200() {
    sums_to_one(
        &game(200),
        &[Index::Banzhaf, Index::ShapleyShubik, Index::Holler],
    );
}

#[test]
#[ignore = "about 20 s in a debug build; run with --release -- --ignored"]
fn normalised_indices_sum_to_one_at_1000() {
    sums_to_one(
        &game(1000),
        &[Index::Banzhaf, Index::ShapleyShubik, Index::Holler],
    );
}

#[test]
fn several_clauses_beyond_enumeration_are_counted_exactly() {
    // 30 bodies of 1..=3 seats, majority of seats, a veto for body 0 and a
    // majority of bodies: capped sums, exact; a body's swings are even
    // (it flips as many coalitions of the others in as out) and sum to the
    // total.
    let seats: Vec<u64> = (0..30).map(|i| i % 3 + 1).collect();
    let total: u64 = seats.iter().sum();
    let rule = Rule::new(
        30,
        vec![
            Clause::new(seats, total / 2 + 1),
            Clause::veto(30, 0),
            Clause::count(30, 16),
        ],
    );
    let p = voting::power(&rule).unwrap();
    assert_eq!(p.method, Method::CappedSums);
    assert!(p.players[0].veto && !p.players[1].veto);
    let sum: f64 = p.players.iter().map(|x| x.indices.banzhaf.unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-12);
    let ss: f64 = p
        .players
        .iter()
        .map(|x| x.indices.shapley_shubik.unwrap())
        .sum();
    assert!((ss - 1.0).abs() < 1e-12, "SS sums to {ss}");
    assert!(p.players[0].indices.holler.is_none());
    assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
}

#[test]
fn monte_carlo_when_nothing_exact_fits() {
    // Weights near 2^40 make every table too large; 30 players is beyond
    // enumeration. The estimates carry standard errors and a note.
    let weights: Vec<u64> = (0..30).map(|i| (1u64 << 40) + i * 7919).collect();
    let total: u64 = weights.iter().sum();
    let rule = Rule::new(
        30,
        vec![Clause::new(weights, total / 2 + 1), Clause::count(30, 10)],
    );
    let options = EngineOptions {
        samples: 20_000,
        ..EngineOptions::default()
    };
    let p = voting::power_with(&rule, &options).unwrap();
    assert_eq!(p.method, Method::MonteCarlo);
    assert!(p.players[0].swings.is_none());
    let se = p.players[0].standard_errors.as_ref().unwrap();
    assert!(se.shapley_shubik.unwrap() > 0.0);
    assert!(p.notes[0].starts_with("Monte Carlo estimates from 20000 random coalitions"));
    // Every ordering has exactly one pivot, so the estimates sum to 1; the
    // tiny weight differences decide who completes a bare majority, so the
    // heaviest player has clearly more power than the lightest.
    let ss: Vec<f64> = p
        .players
        .iter()
        .map(|x| x.indices.shapley_shubik.unwrap())
        .collect();
    assert!((ss.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(ss[29] > ss[0] + 4.0 * se.shapley_shubik.unwrap());
}

#[test]
fn a_partnership_of_forty_bodies_has_a_voting_dimension() {
    let mut text = String::from("[board]\nquota = \"majority\"\nveto = [\"b0\"]\n");
    for i in 0..40 {
        text.push_str(&format!(
            "[[body]]\nid = \"b{i}\"\nseats = {}\nposition = 3\n",
            i % 4 + 1
        ));
    }
    let p = powershare_core::load_str(&text).unwrap();
    let report = powershare_core::score(&p, powershare_core::ScoreOptions::default());
    let json = serde_json::to_value(&report).unwrap();
    // The veto folds into the weighted vote: every index exact, no note.
    let board = &json["board"];
    assert!(board["note"].is_null(), "{board}");
    for index in ["holler", "deegan_packel", "johnston"] {
        let total: f64 = json["bodies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["voting"][index].as_f64().unwrap())
            .sum();
        assert!((total - 1.0).abs() < 1e-12, "{index}: {total}");
    }
    let shares: f64 = json["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["shares"]["voting"].as_f64().unwrap())
        .sum();
    assert!((shares - 1.0).abs() < 1e-12);
}
