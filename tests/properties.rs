//! Invariants of the scores over random partnerships (proptest).

use proptest::prelude::*;

use crate::common::proptest_config;

#[derive(Debug, Clone)]
struct Spec {
    bodies: Vec<(u32, u32, u8, u32)>, // income, staff, position, seats
    contacts: Vec<(usize, usize, u8)>,
    quota: &'static str,
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..7).prop_flat_map(|n| {
        (
            prop::collection::vec((0u32..1000, 0u32..50, 0u8..=5, 0u32..5), n),
            prop::collection::vec((0..n, 0..n, 0u8..5), 0..6),
            prop::sample::select(vec!["majority", "two-thirds", "unanimity"]),
        )
            .prop_map(|(bodies, contacts, quota)| Spec {
                bodies,
                contacts,
                quota,
            })
    })
}

const FREQ: [&str; 5] = ["daily", "weekly", "monthly", "quarterly", "rarely"];

/// The TOML of `spec`, with bodies listed in `order`.
fn toml(spec: &Spec, order: &[usize]) -> String {
    let mut s = String::new();
    for &i in order {
        let (income, staff, position, seats) = spec.bodies[i];
        s += &format!(
            "[[body]]\nid = \"b{i}\"\nincome = {income}\nstaff = {staff}\nposition = {position}\nseats = {seats}\n"
        );
    }
    if spec.bodies.iter().any(|b| b.3 > 0) {
        s += &format!("[board]\nquota = \"{}\"\n", spec.quota);
    }
    for &(a, b, f) in &spec.contacts {
        if a != b {
            s += &format!(
                "[[contact]]\nbetween = [\"b{a}\", \"b{b}\"]\nfrequency = \"{}\"\n",
                FREQ[f as usize]
            );
        }
    }
    s
}

fn report(text: &str) -> powershare_core::Report {
    let p = powershare_core::load_str(text).expect("generated files are valid");
    powershare_core::score(&p, powershare_core::ScoreOptions::default())
}

proptest! {
    #![proptest_config(proptest_config(128))]

    #[test]
    fn shares_and_composite_sum_to_one(spec in spec()) {
        let order: Vec<usize> = (0..spec.bodies.len()).collect();
        let r = report(&toml(&spec, &order));
        for d in r.dimensions.iter().filter(|d| d.present) {
            let total: f64 = r.bodies.iter().map(|b| b.shares.get(d.name).unwrap()).sum();
            prop_assert!((total - 1.0).abs() < 1e-9, "{} sums to {}", d.name, total);
        }
        if r.bodies[0].composite.is_some() {
            let total: f64 = r.bodies.iter().map(|b| b.composite.unwrap()).sum();
            prop_assert!((total - 1.0).abs() < 1e-9);
            let gini = r.indices.get("composite").unwrap().gini.unwrap();
            prop_assert!((0.0..1.0).contains(&gini));
        }
    }

    #[test]
    fn results_do_not_depend_on_body_order(spec in spec()) {
        let n = spec.bodies.len();
        let forward: Vec<usize> = (0..n).collect();
        let backward: Vec<usize> = (0..n).rev().collect();
        let a = report(&toml(&spec, &forward));
        let b = report(&toml(&spec, &backward));
        for body in &a.bodies {
            let other = b.bodies.iter().find(|x| x.id == body.id).unwrap();
            match (body.composite, other.composite) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-12),
                (x, y) => prop_assert_eq!(x, y),
            }
            prop_assert_eq!(&body.voting.as_ref().map(|v| (v.swings, v.dummy, v.veto)),
                            &other.voting.as_ref().map(|v| (v.swings, v.dummy, v.veto)));
        }
        for ((ka, ia), (kb, ib)) in a.indices.0.iter().zip(&b.indices.0) {
            prop_assert_eq!(ka, kb);
            for ((_, x), (_, y)) in ia.indices().iter().zip(ib.indices().iter()) {
                match (x, y) {
                    (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9),
                    (x, y) => prop_assert_eq!(x, y),
                }
            }
        }
        let codes = |r: &powershare_core::Report| {
            let mut c: Vec<_> = r.findings.iter().map(|f| (f.code, f.bodies.clone())).collect();
            for (_, bodies) in &mut c { bodies.sort(); }
            c.sort();
            c
        };
        prop_assert_eq!(codes(&a), codes(&b));
    }

    #[test]
    fn dummies_have_no_power(spec in spec()) {
        let order: Vec<usize> = (0..spec.bodies.len()).collect();
        let r = report(&toml(&spec, &order));
        for b in &r.bodies {
            if let Some(v) = &b.voting && v.dummy {
                prop_assert_eq!(v.indices.banzhaf, Some(0.0));
                prop_assert_eq!(v.indices.shapley_shubik, Some(0.0));
                prop_assert_eq!(b.shares.get("voting").copied(), Some(0.0));
            }
        }
    }

    #[test]
    fn a_body_without_seats_changes_no_voting_index(spec in spec()) {
        prop_assume!(spec.bodies.iter().any(|b| b.3 > 0));
        let order: Vec<usize> = (0..spec.bodies.len()).collect();
        let before = report(&toml(&spec, &order));
        let mut bigger = spec.clone();
        bigger.bodies.push((10, 1, 1, 0));
        let order: Vec<usize> = (0..bigger.bodies.len()).collect();
        let after = report(&toml(&bigger, &order));
        for (x, y) in before.bodies.iter().zip(&after.bodies) {
            prop_assert_eq!(&x.voting, &y.voting);
        }
    }

    #[test]
    fn equal_bodies_show_no_inequality(n in 2usize..7, income in 1u32..1000, seats in 1u32..4) {
        let spec = Spec {
            bodies: vec![(income, 3, 2, seats); n],
            contacts: Vec::new(),
            quota: "majority",
        };
        let order: Vec<usize> = (0..n).collect();
        let r = report(&toml(&spec, &order));
        let g = r.indices.get("composite").unwrap();
        prop_assert!(g.gini.unwrap().abs() < 1e-12);
        prop_assert!((g.hhi.unwrap() - 1.0 / n as f64).abs() < 1e-12);
    }
}
