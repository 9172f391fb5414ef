//! Concentration of the composite, and whether a verdict on it holds
//! however the dimensions are weighted.
//!
//! A verdict is *robust* when it is the same at every vertex weighting:
//! each present dimension's weight halved or doubled
//! ([`crate::measures::robust`]). `symbolic-partnership` and the composite
//! rules of `check` (`max_composite_gini`, `max_normalised_gini`,
//! `max_top_share`) say in words whether theirs is.

use crate::measures::Measures;
use crate::measures::inequality::normalised_gini;
use crate::measures::robust::range;
use crate::model::{FindingCode, Thresholds};

use super::{Finding, hiding};

use super::{DEFAULT_MAX_COMPOSITE_GINI, DEFAULT_MAX_TOP_SHARE};

/// Tolerance for comparing a value with its limit, as everywhere in the findings.
const EPSILON: f64 = 1e-12;

/// What the text says of a robust verdict.
pub const HOLDS: &str = "holds however the dimensions are weighted (within a factor 2)";
/// What the text says of a verdict that is not robust.
pub const DEPENDS: &str = "depends on the weights";

/// The limits above which the composite counts as concentrated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Concentration {
    /// Gini above this is concentrated.
    pub max_gini: f64,
    /// Normalised Gini above this is concentrated (no default: only when set).
    pub max_normalised_gini: Option<f64>,
    /// A top share above this is concentrated.
    pub max_top_share: f64,
}

impl Concentration {
    /// The limits of `t`, with the defaults where it sets none.
    pub fn of(t: &Thresholds) -> Self {
        Concentration {
            max_gini: t.max_composite_gini.unwrap_or(DEFAULT_MAX_COMPOSITE_GINI),
            max_normalised_gini: t.max_normalised_gini,
            max_top_share: t.max_top_share.unwrap_or(DEFAULT_MAX_TOP_SHARE),
        }
    }

    /// Whether a composite of `n` bodies with this Gini (0 when undefined)
    /// and top share is concentrated: above any of the limits. Each test is
    /// monotone in its value, so given the largest Gini and top share over
    /// several weightings it says whether any of them is concentrated.
    pub fn exceeded(&self, gini: Option<f64>, n: usize, top_share: f64) -> bool {
        let gini = gini.unwrap_or(0.0);
        gini > self.max_gini + EPSILON
            || top_share > self.max_top_share + EPSILON
            || self
                .max_normalised_gini
                .is_some_and(|limit| normalised_gini(gini, n).is_some_and(|g| g > limit + EPSILON))
    }
}

/// Whether the `symbolic-partnership` verdict, found (`fires`) or not, is
/// the same at every vertex weighting: there the composite must be
/// concentrated (or not) alike, and the machinery hide it (or not) alike.
///
/// `others` are the other findings of the partnership. What hides power
/// does not depend on the weights except through the top body:
/// `consensus-dominance` and `power-blindness` are about the body with the
/// largest composite share, which may change with the weights, so at a
/// vertex with another top body they are judged again for that body.
/// `None` when there is no composite.
pub fn symbolic_robust(m: &Measures, others: &[Finding], fires: bool) -> Option<bool> {
    let nominal_top = m.top_body()?;
    let limits = Concentration::of(&m.thresholds());
    let n = m.partnership.bodies.len();
    let fixed = hiding(others).any(|f| !TOP_DEPENDENT.contains(&f.code));
    // Whether the top-dependent findings hide power, per top body (few differ).
    let mut by_top: Vec<Option<bool>> = vec![None; n];
    by_top[nominal_top] = Some(hiding(others).any(|f| TOP_DEPENDENT.contains(&f.code)));
    Some(m.vertices.iter().all(|v| {
        let hidden = fixed
            || *by_top[v.top].get_or_insert_with(|| {
                let found: Vec<Finding> = super::consensus_dominance(m, v.top)
                    .into_iter()
                    .chain(super::power_blindness_of(m, v.top))
                    .collect();
                hiding(&found).next().is_some()
            });
        (hidden && limits.exceeded(v.gini, n, v.top_share)) == fires
    }))
}

/// Hiding findings about the top body by composite share: they change with
/// the weights when the top body does.
const TOP_DEPENDENT: &[FindingCode] =
    &[FindingCode::ConsensusDominance, FindingCode::PowerBlindness];

/// The smallest and largest top share over the vertex weightings and the
/// file's own weights (where it is `nominal`).
pub fn range_of_top_share(m: &Measures, nominal: f64) -> Option<[f64; 2]> {
    range(std::iter::once(nominal).chain(m.vertices.iter().map(|v| v.top_share)))
}

/// The sentence added to a composite verdict: "This holds however ..." or
/// "This depends on the weights: ... ranges from 41% to 62% ...".
pub fn sentence(robust: bool, top_share_range: Option<[f64; 2]>) -> String {
    match (robust, top_share_range) {
        (true, _) => format!("This {HOLDS}."),
        (false, Some([lo, hi])) => format!(
            "This {DEPENDS}: at half or twice each dimension's weight the largest composite share ranges from {:.0}% to {:.0}%.",
            lo * 100.0,
            hi * 100.0
        ),
        (false, None) => format!("This {DEPENDS}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concentration_by_each_limit() {
        let c = Concentration {
            max_gini: 0.3,
            max_normalised_gini: Some(0.5),
            max_top_share: 0.5,
        };
        assert!(!c.exceeded(Some(0.3), 4, 0.5));
        assert!(c.exceeded(Some(0.31), 4, 0.4));
        assert!(c.exceeded(Some(0.1), 4, 0.51));
        // Gini 0.29 of 2 bodies: normalised 0.58, above 0.5.
        assert!(c.exceeded(Some(0.29), 2, 0.4));
        // Of 30 bodies: 0.29 * 30/29 = 0.3, within.
        assert!(!c.exceeded(Some(0.29), 30, 0.4));
        assert!(!c.exceeded(None, 1, 0.5));
    }

    #[test]
    fn sentences() {
        assert_eq!(
            sentence(true, Some([0.1, 0.2])),
            "This holds however the dimensions are weighted (within a factor 2)."
        );
        assert_eq!(
            sentence(false, Some([0.414, 0.62])),
            "This depends on the weights: at half or twice each dimension's weight the largest composite share ranges from 41% to 62%."
        );
    }
}
