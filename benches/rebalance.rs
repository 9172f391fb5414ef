//! Benchmark of `powershare rebalance` (run with `cargo bench --bench rebalance`).
//!
//! Issue 7's targets: a 12-body board with up to 30 seats, best designs in
//! under 1 s; a 50-body assembly with up to 200 seats, under 30 s. The
//! boards are generated from a fixed seed (incomes spread over three orders
//! of magnitude, seats roughly by income), so every run measures the same
//! work. Each case runs the whole library call (`rebalance::rebalance`:
//! target, search, and the engine's re-evaluation of the designs reported).

use std::fmt::Write;
use std::time::Instant;

use powershare_core::VotingIndex;
use powershare_core::rebalance::{self, RebalanceOptions as Options, Target};

/// A partnership of `n` bodies with incomes from a fixed pseudo-random
/// stream and seats roughly proportional to the logarithm of income.
fn board(n: usize, seed: u64) -> String {
    let mut x = seed;
    let mut next = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as f64 / (1u64 << 31) as f64
    };
    let mut s = String::from("[partnership]\nname = \"bench\"\n");
    for i in 0..n {
        let income = (10f64.powf(3.0 + 3.0 * next())).round();
        let contribution = (income * 0.05 * next()).round();
        let seats = 1 + (income.log10() - 2.5).max(0.0) as u64;
        let _ = write!(
            s,
            "[[body]]\nid = \"b{i}\"\nincome = {income}\ncontribution = {contribution}\nseats = {seats}\n"
        );
    }
    s
}

/// CPU time of this process so far (user + system, all threads), from
/// `/proc/self/stat` in clock ticks of 10 ms; `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is
    // the 12th and stime the 13th of them.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn run(label: &str, text: &str, target: Target, index: VotingIndex, max_seats: u64) {
    // REBALANCE_BENCH=words runs only the cases whose label contains them.
    if let Ok(filter) = std::env::var("REBALANCE_BENCH")
        && !label.contains(&filter)
    {
        return;
    }
    let p = powershare_core::load_str(text).expect("the generated board is valid");
    let mut options = Options::new(target);
    options.index = index;
    options.max_seats = Some(max_seats);
    // Experiments: REBALANCE_PATIENCE=400 searches longer.
    if let Some(patience) = std::env::var("REBALANCE_PATIENCE")
        .ok()
        .and_then(|p| p.parse().ok())
    {
        options.effort.patience = patience;
        options.effort.search_work *= 100.0;
    }
    // Experiments: REBALANCE_EXHAUSTIVE=1 proves the optimum, however long it takes.
    if std::env::var("REBALANCE_EXHAUSTIVE").is_ok() {
        options.effort.exhaustive_work = f64::INFINITY;
    }
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let r = rebalance::rebalance(&p, &options).expect("rebalance runs");
    let took = start.elapsed();
    let cpu = cpu.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
    let best = &r.designs[0];
    println!(
        "{label:<52} wall {:>7.3} s  cpu {cpu:>6.2} s  {:<12} evaluated {:>7}  max gap {:.4}  total gap {:.4}{}",
        took.as_secs_f64(),
        r.search.method,
        r.search.evaluated,
        best.max_gap,
        best.total_gap,
        if r.optimal { "  optimal" } else { "" }
    );
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: stay quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let twelve = board(12, 7);
    let fifty = board(50, 11);
    for (target, name) in [
        (Target::Income, "income"),
        (Target::SqrtIncome, "sqrt-income"),
        (Target::Contribution, "contribution"),
        (Target::Equal, "equal"),
    ] {
        run(
            &format!("12 bodies, <= 30 seats, {name}, banzhaf"),
            &twelve,
            target.clone(),
            VotingIndex::Banzhaf,
            30,
        );
        run(
            &format!("50 bodies, <= 200 seats, {name}, banzhaf"),
            &fifty,
            target,
            VotingIndex::Banzhaf,
            200,
        );
    }
    run(
        "12 bodies, <= 30 seats, sqrt-income, shapley-shubik",
        &twelve,
        Target::SqrtIncome,
        VotingIndex::ShapleyShubik,
        30,
    );
    run(
        "50 bodies, <= 200 seats, sqrt-income, shapley-shubik",
        &fifty,
        Target::SqrtIncome,
        VotingIndex::ShapleyShubik,
        200,
    );
}
