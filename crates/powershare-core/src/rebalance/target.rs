//! The share of voting power each body should have: the target of a
//! rebalance.

use thiserror::Error;

use crate::model::Partnership;

/// How the target shares are set.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Target {
    /// The same share for every body taking part.
    Equal,
    /// Shares proportional to today's seats (power should follow seats).
    Seats,
    /// Shares proportional to each body's `contribution` to the partnership.
    Contribution,
    /// Shares proportional to each body's annual `income`.
    Income,
    /// Shares proportional to the square root of income (by analogy with
    /// Penrose's square-root rule for populations: between one body one
    /// vote and weight in proportion to size).
    SqrtIncome,
    /// Shares given by body id; bodies not named get none. Scaled to add
    /// up to 1.
    Custom(Vec<(String, f64)>),
}

/// Why a target cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum TargetError {
    /// The text is not a target.
    #[error(
        "unknown target `{found}`; use equal, seats, contribution, income, sqrt-income or custom:ID=SHARE,..."
    )]
    Unknown {
        /// What was given.
        found: String,
    },
    /// A custom entry is not `ID=SHARE`.
    #[error(
        "custom target entry `{entry}` is not ID=SHARE with SHARE a number >= 0 (e.g. custom:council=0.4,cvs=0.6)"
    )]
    BadEntry {
        /// The entry.
        entry: String,
    },
    /// A custom target names a body twice.
    #[error("custom target names `{id}` twice")]
    Twice {
        /// The body.
        id: String,
    },
    /// A custom target names a body the file does not have.
    #[error(
        "custom target names `{id}`, which is not a body of this partnership; the bodies are: {known}"
    )]
    UnknownBody {
        /// The id given.
        id: String,
        /// The ids of the file.
        known: String,
    },
    /// The figure the target needs is not in the file.
    #[error("target `{target}` needs `{field}` for every body, and this file has none")]
    MissingField {
        /// The target.
        target: &'static str,
        /// The field.
        field: &'static str,
    },
    /// Nobody taking part would get a share.
    #[error("target `{target}` gives no share to any body taking part ({why})")]
    NoMass {
        /// The target.
        target: &'static str,
        /// Why.
        why: String,
    },
}

impl Target {
    /// Parse `equal`, `seats`, `contribution`, `income`, `sqrt-income` or
    /// `custom:ID=SHARE,...`.
    ///
    /// ```
    /// use powershare_core::rebalance::Target;
    /// assert_eq!(Target::parse("equal"), Ok(Target::Equal));
    /// assert_eq!(
    ///     Target::parse("custom:a=0.25,b=0.75"),
    ///     Ok(Target::Custom(vec![("a".into(), 0.25), ("b".into(), 0.75)]))
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<Target, TargetError> {
        let text = text.trim();
        Ok(match text {
            "equal" => Target::Equal,
            "seats" => Target::Seats,
            "contribution" => Target::Contribution,
            "income" => Target::Income,
            "sqrt-income" => Target::SqrtIncome,
            _ => {
                let Some(list) = text.strip_prefix("custom:") else {
                    return Err(TargetError::Unknown {
                        found: text.to_string(),
                    });
                };
                let mut out: Vec<(String, f64)> = Vec::new();
                for entry in list.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                    let bad = || TargetError::BadEntry {
                        entry: entry.to_string(),
                    };
                    let (id, share) = entry.split_once('=').ok_or_else(bad)?;
                    let share: f64 = share.trim().parse().map_err(|_| bad())?;
                    if !share.is_finite() || share < 0.0 {
                        return Err(bad());
                    }
                    let id = id.trim().to_string();
                    if out.iter().any(|(x, _)| *x == id) {
                        return Err(TargetError::Twice { id });
                    }
                    out.push((id, share));
                }
                if out.is_empty() {
                    return Err(TargetError::BadEntry {
                        entry: text.to_string(),
                    });
                }
                Target::Custom(out)
            }
        })
    }

    /// The name used in output (`equal`, `custom`...).
    pub fn name(&self) -> &'static str {
        match self {
            Target::Equal => "equal",
            Target::Seats => "seats",
            Target::Contribution => "contribution",
            Target::Income => "income",
            Target::SqrtIncome => "sqrt-income",
            Target::Custom(_) => "custom",
        }
    }

    /// The target share of every body of `p` (file order), summing to 1;
    /// bodies with share 0 take no part (they get no seats).
    ///
    /// Who takes part: for `custom`, the bodies named with a share above 0;
    /// otherwise the bodies on the board today (seats > 0), or every body
    /// when `all_bodies` is set or nobody has seats. Among those, `equal`
    /// shares equally, and the others follow their figure (a body whose
    /// figure is 0 gets share 0).
    pub fn shares(&self, p: &Partnership, all_bodies: bool) -> Result<Vec<f64>, TargetError> {
        let n = p.bodies.len();
        let on_board = p.bodies.iter().any(|b| b.seats > 0);
        let takes_part: Vec<bool> = p
            .bodies
            .iter()
            .map(|b| all_bodies || !on_board || b.seats > 0)
            .collect();
        let field = |name: &'static str, get: fn(&crate::model::Body) -> Option<f64>| {
            p.bodies
                .iter()
                .map(get)
                .collect::<Option<Vec<f64>>>()
                .ok_or(TargetError::MissingField {
                    target: self.name(),
                    field: name,
                })
        };
        let raw: Vec<f64> = match self {
            Target::Equal => vec![1.0; n],
            Target::Seats => {
                if !on_board {
                    return Err(TargetError::NoMass {
                        target: self.name(),
                        why: "no body has seats today".into(),
                    });
                }
                p.bodies.iter().map(|b| b.seats as f64).collect()
            }
            Target::Contribution => field("contribution", |b| b.contribution)?,
            Target::Income => field("income", |b| b.income)?,
            Target::SqrtIncome => field("income", |b| b.income)?
                .iter()
                .map(|x| x.sqrt())
                .collect(),
            Target::Custom(list) => {
                let mut raw = vec![0.0; n];
                for (id, share) in list {
                    let Some(i) = p.bodies.iter().position(|b| b.id == *id) else {
                        return Err(TargetError::UnknownBody {
                            id: id.clone(),
                            known: p
                                .bodies
                                .iter()
                                .map(|b| b.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        });
                    };
                    raw[i] = *share;
                }
                let largest = raw.iter().copied().fold(0.0f64, f64::max);
                if largest <= 0.0 {
                    return Err(TargetError::NoMass {
                        target: self.name(),
                        why: "every share given is 0".into(),
                    });
                }
                // Shares are relative: when they add up to infinity
                // (`a=1e308,b=1e308`), scale by the largest first, or every
                // share would be 0 and nobody would take part.
                let total: f64 = raw.iter().sum();
                let (raw, total) = if total.is_finite() {
                    (raw, total)
                } else {
                    let scaled: Vec<f64> = raw.iter().map(|x| x / largest).collect();
                    let total = scaled.iter().sum();
                    (scaled, total)
                };
                return Ok(raw.iter().map(|x| x / total).collect());
            }
        };
        let kept: Vec<f64> = raw
            .iter()
            .zip(&takes_part)
            .map(|(&x, &t)| if t { x } else { 0.0 })
            .collect();
        let total: f64 = kept.iter().sum();
        if !(total > 0.0 && total.is_finite()) {
            return Err(TargetError::NoMass {
                target: self.name(),
                why: format!("their {} add up to 0", self.name()),
            });
        }
        Ok(kept.iter().map(|x| x / total).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partnership() -> Partnership {
        crate::load_str(
            r#"
[[body]]
id = "a"
income = 400
contribution = 3
seats = 2
[[body]]
id = "b"
income = 100
contribution = 1
seats = 1
[[body]]
id = "c"
income = 100
contribution = 0
"#,
        )
        .unwrap()
    }

    #[track_caller]
    fn case(target: &str, all: bool, expected: &[f64]) {
        let got = Target::parse(target)
            .unwrap()
            .shares(&partnership(), all)
            .unwrap();
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "{target}: {got:?} vs {expected:?}");
        }
    }

    #[test]
    fn shares_of_each_target() {
        // Bodies on the board: a and b.
        case("equal", false, &[0.5, 0.5, 0.0]);
        case("equal", true, &[1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]);
        case("seats", false, &[2.0 / 3.0, 1.0 / 3.0, 0.0]);
        case("contribution", true, &[0.75, 0.25, 0.0]);
        case("income", false, &[0.8, 0.2, 0.0]);
        // sqrt: 20, 10 over the board.
        case("sqrt-income", false, &[2.0 / 3.0, 1.0 / 3.0, 0.0]);
        // Custom names seatless c; shares scaled to add up to 1.
        case("custom:a=1,c=3", false, &[0.25, 0.0, 0.75]);
        // Regression: shares near f64::MAX once added up to infinity, every
        // share became 0 and the search panicked on an empty quota range.
        case("custom:a=1e308,b=1e308", false, &[0.5, 0.5, 0.0]);
        // 5e-324 is the smallest f64 above 0: still a share, all of it.
        case("custom:a=5e-324", false, &[1.0, 0.0, 0.0]);
    }

    #[test]
    fn bad_targets() {
        assert!(matches!(
            Target::parse("equals"),
            Err(TargetError::Unknown { .. })
        ));
        assert!(matches!(
            Target::parse("custom:a=-1"),
            Err(TargetError::BadEntry { .. })
        ));
        assert!(matches!(
            Target::parse("custom:a=1,a=2"),
            Err(TargetError::Twice { .. })
        ));
        assert!(matches!(
            Target::parse("custom:zz=1")
                .unwrap()
                .shares(&partnership(), false),
            Err(TargetError::UnknownBody { .. })
        ));
        let p = crate::load_str("[[body]]\nid = \"a\"\nseats = 1\n").unwrap();
        assert!(matches!(
            Target::Income.shares(&p, false),
            Err(TargetError::MissingField { .. })
        ));
    }
}
