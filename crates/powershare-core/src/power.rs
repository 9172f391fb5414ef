//! The `powershare power` calculator: one weighted vote, given as text.
//!
//! [`calculate`] takes weights and a quota as the user wrote them, makes
//! them exact integers ([`voting::decimal`]), computes the indices asked
//! for ([`voting::power_with`]), and returns a [`PowerReport`] ready to
//! render: names, weights as written, every index (`null` when too costly,
//! with a note), the dictator, veto and dummy flags, and a plain-language
//! note when power is not monotone in weight.

use serde::Serialize;
use thiserror::Error;

use crate::measures::voting::decimal::{self, NumberError, format_scaled};
use crate::measures::voting::monotone::inversions;
use crate::measures::voting::{self, EngineOptions, Index, Rule, VotingError};

/// Fewest Monte Carlo samples: a standard error needs two draws.
pub const MIN_SAMPLES: u64 = 2;

/// Most Monte Carlo samples: ten million coalitions and as many orderings,
/// about a minute at 1,000 players (release build); the standard error
/// then is below 0.0002, far finer than any seat allocation needs.
pub const MAX_SAMPLES: u64 = 10_000_000;

/// Why the calculator cannot run.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum CalculatorError {
    /// A weight or the quota is unusable.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// `--names` does not give one name per weight.
    #[error(
        "{names} names for {weights} weights; give exactly one name per weight, separated by commas"
    )]
    NameCount {
        /// Names given.
        names: usize,
        /// Weights given.
        weights: usize,
    },
    /// A sample count outside [`MIN_SAMPLES`]..=[`MAX_SAMPLES`].
    #[error("--samples {samples}: give from {MIN_SAMPLES} to {MAX_SAMPLES} samples")]
    Samples {
        /// The count asked for.
        samples: u64,
    },
    /// The voting engine refused the rule.
    #[error(transparent)]
    Voting(#[from] VotingError),
}

/// What to compute.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    /// Weights as written (decimals allowed).
    pub weights: &'a [String],
    /// The quota as written.
    pub quota: &'a str,
    /// One name per weight, or `None` for "1", "2", ...
    pub names: Option<&'a [String]>,
    /// The indices to report, in this order (empty: all).
    pub indices: &'a [Index],
    /// Monte Carlo samples, when no exact method fits.
    pub samples: u64,
}

/// The result of the calculator, in the shape of the JSON output.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerReport {
    /// The quota in the weights' units, as a decimal string.
    pub quota: String,
    /// Total weight, as a decimal string.
    pub total_weight: String,
    /// The indices reported, in order.
    pub indices: Vec<Index>,
    /// One row per player, in input order.
    pub players: Vec<PlayerRow>,
    /// How the indices were computed.
    pub method: voting::Method,
    /// Notes: indices left `null` and why, estimates, scaling, non-monotone
    /// power.
    pub notes: Vec<String>,
}

/// One player of a [`PowerReport`].
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerRow {
    /// Name.
    pub name: String,
    /// Weight as a decimal string.
    pub weight: String,
    /// Value of each of [`PowerReport::indices`].
    pub values: Vec<Option<f64>>,
    /// Standard error of each value, under Monte Carlo.
    pub standard_errors: Option<Vec<Option<f64>>>,
    /// Exact number of swings, when counted.
    pub swings: Option<String>,
    /// Decides alone.
    pub dictator: bool,
    /// Can block alone.
    pub veto: bool,
    /// Never decides anything.
    pub dummy: bool,
}

/// Runs the calculator.
pub fn calculate(request: &Request<'_>) -> Result<PowerReport, CalculatorError> {
    let texts: Vec<&str> = request.weights.iter().map(String::as_str).collect();
    if !(MIN_SAMPLES..=MAX_SAMPLES).contains(&request.samples) {
        return Err(CalculatorError::Samples {
            samples: request.samples,
        });
    }
    let (clause, factor) = decimal::clause(&texts, request.quota)?;
    let n = clause.weights.len();
    let names: Vec<String> = match request.names {
        Some(names) if names.len() != n => {
            return Err(CalculatorError::NameCount {
                names: names.len(),
                weights: n,
            });
        }
        Some(names) => names.to_vec(),
        None => (1..=n).map(|i| i.to_string()).collect(),
    };
    let indices: Vec<Index> = if request.indices.is_empty() {
        Index::ALL.to_vec()
    } else {
        let mut v = request.indices.to_vec();
        v.dedup();
        v
    };
    let options = EngineOptions {
        indices: indices.clone(),
        samples: request.samples,
        ..EngineOptions::default()
    };
    let scale = decimal_scale(factor).unwrap_or(0);
    let total: u64 = clause.weights.iter().sum();
    let rule = Rule::new(n, vec![clause.clone()]);
    let power = voting::power_with(&rule, &options)?;
    let mut notes = power.notes.clone();
    // Estimates differ by sampling noise; a monotonicity note on them would
    // report noise as a paradox.
    let exact = power.method != voting::Method::MonteCarlo;
    for &index in indices.iter().filter(|_| exact) {
        let values: Vec<Option<f64>> = power.players.iter().map(|p| index.of(p)).collect();
        let found = inversions(&clause.weights, &values);
        if let Some(first) = found.first() {
            let (a, b) = (first.heavier, first.lighter);
            notes.push(format!(
                "Power is not monotone in weight by the {} index: {} has more weight than {} ({} against {}) but less power ({} against {}){}. The rule, not the weight, decides who has a say.",
                name_of(index),
                names[a],
                names[b],
                format_scaled(clause.weights[a], scale),
                format_scaled(clause.weights[b], scale),
                short(values[a]),
                short(values[b]),
                match found.len() {
                    1 => String::new(),
                    k => format!("; {} players are in that position", k),
                }
            ));
        }
    }
    let players = power
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| PlayerRow {
            name: names[i].clone(),
            weight: format_scaled(clause.weights[i], scale),
            values: indices.iter().map(|x| x.of(p)).collect(),
            standard_errors: p.standard_errors.as_ref().map(|se| {
                indices
                    .iter()
                    .map(|x| match x {
                        Index::Banzhaf => se.banzhaf,
                        Index::BanzhafAbsolute => se.banzhaf_absolute,
                        Index::ShapleyShubik => se.shapley_shubik,
                        _ => None,
                    })
                    .collect()
            }),
            swings: p.swings.as_ref().map(ToString::to_string),
            dictator: p.dictator,
            veto: p.veto,
            dummy: p.dummy,
        })
        .collect();
    Ok(PowerReport {
        quota: format_scaled(clause.quota, scale),
        total_weight: format_scaled(total, scale),
        indices,
        players,
        method: power.method,
        notes,
    })
}

/// s such that `factor` = 10^s.
fn decimal_scale(factor: u64) -> Option<u32> {
    (0..20).find(|&s| 10u64.checked_pow(s) == Some(factor))
}

/// The index's name in prose.
pub fn name_of(index: Index) -> &'static str {
    match index {
        Index::Banzhaf => "Banzhaf",
        Index::BanzhafAbsolute => "absolute Banzhaf",
        Index::ShapleyShubik => "Shapley-Shubik",
        Index::Holler => "Holler",
        Index::DeeganPackel => "Deegan-Packel",
        Index::Johnston => "Johnston",
        Index::ColemanPrevent => "Coleman prevent",
        Index::ColemanInitiate => "Coleman initiate",
    }
}

/// A value with 4 decimals, for prose.
fn short(v: Option<f64>) -> String {
    v.map_or_else(|| "undefined".into(), |v| format!("{v:.4}"))
}

/// The JSON object of DESIGN.md, keys in this order: `generator`
/// ([`crate::model::GENERATOR`]), `quota`,
/// `total_weight`, `players` (each: `name`, `weight`, the requested
/// indices, `standard_errors` under Monte Carlo, `swings` as a decimal
/// string, `dictator`, `veto`, `dummy`), then `method` and `notes`. Weights
/// and quota are JSON numbers equal to their decimal value.
impl Serialize for PowerReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("generator", crate::model::GENERATOR)?;
        m.serialize_entry("quota", &Number(&self.quota))?;
        m.serialize_entry("total_weight", &Number(&self.total_weight))?;
        let players: Vec<Row<'_>> = self
            .players
            .iter()
            .map(|p| Row {
                indices: &self.indices,
                player: p,
            })
            .collect();
        m.serialize_entry("players", &players)?;
        m.serialize_entry("method", self.method.name())?;
        m.serialize_entry("notes", &self.notes)?;
        m.end()
    }
}

/// One player in JSON.
struct Row<'a> {
    indices: &'a [Index],
    player: &'a PlayerRow,
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self.player;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("name", &p.name)?;
        m.serialize_entry("weight", &Number(&p.weight))?;
        for (index, v) in self.indices.iter().zip(&p.values) {
            m.serialize_entry(index.key(), v)?;
        }
        if let Some(se) = &p.standard_errors {
            let pairs: Vec<(&str, f64)> = self
                .indices
                .iter()
                .zip(se)
                .filter_map(|(i, v)| v.map(|v| (i.key(), v)))
                .collect();
            m.serialize_entry("standard_errors", &Pairs(&pairs))?;
        }
        m.serialize_entry("swings", &p.swings)?;
        m.serialize_entry("dictator", &p.dictator)?;
        m.serialize_entry("veto", &p.veto)?;
        m.serialize_entry("dummy", &p.dummy)?;
        m.end()
    }
}

/// Key-value pairs as a JSON object, in order.
struct Pairs<'a>(&'a [(&'a str, f64)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A decimal string as a JSON number: integers exactly; decimals as the
/// shortest `f64` that prints back as the same digits.
struct Number<'a>(&'a str);

impl Serialize for Number<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Ok(i) = self.0.parse::<u64>() {
            return s.serialize_u64(i);
        }
        match self.0.parse::<f64>() {
            Ok(f) => s.serialize_f64(f),
            Err(_) => s.serialize_str(self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn holler_paradox_gets_a_plain_note() {
        // [51; 35,20,15,15,15] (A B C D E): the minimal winning coalitions
        // are AB (55), ACD ACE ADE (65, minus a 15 is 50) and BCDE (65).
        // A is in 4, B in 2, each 15 in 3 (15 memberships): Holler 4/15, 2/15,
        // 3/15 x 3, so
        // B (weight 20) has less Holler power than C (15). Banzhaf is
        // monotone, as always in one weighted clause.
        let w = strings(&["35", "20", "15", "15", "15"]);
        let r = calculate(&Request {
            weights: &w,
            quota: "51",
            names: None,
            indices: &[Index::Banzhaf, Index::Holler],
            samples: 1000,
        })
        .unwrap();
        let holler: Vec<f64> = r.players.iter().map(|p| p.values[1].unwrap()).collect();
        assert_eq!(holler, [4. / 15., 2. / 15., 0.2, 0.2, 0.2]);
        assert_eq!(
            r.notes,
            [
                "Power is not monotone in weight by the Holler index: 2 has more weight than 3 (20 against 15) but less power (0.1333 against 0.2000). The rule, not the weight, decides who has a say."
            ]
        );
    }

    #[test]
    fn names_must_match_weights() {
        let w = strings(&["1", "2"]);
        let names = strings(&["a"]);
        let e = calculate(&Request {
            weights: &w,
            quota: "2",
            names: Some(&names),
            indices: &[],
            samples: 1000,
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "1 names for 2 weights; give exactly one name per weight, separated by commas"
        );
    }
}
