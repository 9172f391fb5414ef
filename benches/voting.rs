//! Benchmarks of the voting engine (divan): `cargo bench --bench voting`.
//!
//! The whole-process comparison with other calculators is
//! `bench/peers.sh`; these time the library alone, in-process.

use num_bigint::BigUint;
use powershare_core::measures::voting::{self, EngineOptions, Index, Rule};

fn main() {
    divan::main();
}

fn game(name: &str) -> Rule {
    let path = format!("{}/bench/games/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("bench game");
    let mut quota = 0;
    let mut weights = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut parts = line.split_whitespace();
        let first = parts.next().unwrap_or_default();
        if first == "quota" {
            quota = parts.next().unwrap_or_default().parse().expect("quota");
        } else {
            let w = parts.next().unwrap_or(first);
            weights.push(w.parse().expect("weight"));
        }
    }
    voting::weighted(&weights, quota)
}

fn only(indices: &[Index]) -> EngineOptions {
    EngineOptions {
        indices: indices.to_vec(),
        ..EngineOptions::default()
    }
}

#[divan::bench]
fn electoral_college_all_indices(b: divan::Bencher) {
    let rule = game("electoral-college-2020");
    b.bench(|| voting::power(divan::black_box(&rule)));
}

#[divan::bench(args = [200, 1000], sample_count = 10, sample_size = 1)]
fn banzhaf(b: divan::Bencher, n: usize) {
    let rule = game(&format!("random-{n}"));
    let options = only(&[Index::Banzhaf]);
    b.bench(|| voting::power_with(divan::black_box(&rule), &options));
}

#[divan::bench(args = [200, 1000], sample_count = 5, sample_size = 1)]
fn shapley_shubik(b: divan::Bencher, n: usize) {
    let rule = game(&format!("random-{n}"));
    let options = only(&[Index::ShapleyShubik]);
    b.bench(|| voting::power_with(divan::black_box(&rule), &options));
}

#[divan::bench(args = [200, 1000], sample_count = 5, sample_size = 1)]
fn holler(b: divan::Bencher, n: usize) {
    let rule = game(&format!("random-{n}"));
    let options = only(&[Index::Holler]);
    b.bench(|| voting::power_with(divan::black_box(&rule), &options));
}

/// The Banzhaf generating-function pass (n = 1,000, weights 1..100, table
/// below the quota) with `Vec<BigUint>` entries, to compare with the flat
/// limb tables that `voting::weighted` uses (the `banzhaf` bench above
/// includes that pass plus one division per distinct weight).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn limbs_vs_biguint_forward_pass_biguint(b: divan::Bencher) {
    let rule = game("random-1000");
    let clause = &rule.clauses[0];
    let q = clause.quota as usize;
    b.bench(|| {
        let mut c = vec![BigUint::default(); q];
        c[0] = BigUint::from(1u8);
        for &w in &clause.weights {
            let w = w as usize;
            for k in (w..q).rev() {
                let (lo, hi) = c.split_at_mut(k);
                hi[0] += &lo[k - w];
            }
        }
        divan::black_box(c)
    });
}
