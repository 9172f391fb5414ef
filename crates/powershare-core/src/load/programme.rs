//! A programme policy file: the thresholds a funder or programme applies to
//! every partnership it checks, and optionally the weights every file is
//! scored with (`check --policy`, `programme --policy`, `report --policy`).
//!
//! ```toml
//! max_top_share = 0.5            # the keys of a file's [policy], at the top level
//! max_normalised_gini = 0.4
//! deny = ["dummy-seat"]
//! lock_weights = true            # score every file with the default weights (1 each) ...
//!
//! [weights]                      # ... or with these (a dimension not named weighs 1)
//! voting = 2
//! ```
//!
//! Either way a file's own `[weights]` are not used: a partnership cannot
//! pass the programme's check by editing its weights.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::load::Cx;
use crate::load::diagnostic::{LoadError, Problem};
use crate::load::input::{RawPolicy, RawWeights};
use crate::model::{Policy, WeightSet, Weights};

/// A validated programme policy file.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammePolicy {
    /// The thresholds and denied codes (`line` is `None`).
    pub policy: Policy,
    /// The weights every file is scored with, when the file sets
    /// `[weights]` or `lock_weights = true`; `None`: each file's own.
    pub weights: Option<WeightSet>,
}

/// The keys of a programme policy file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    max_composite_gini: Option<Spanned<f64>>,
    max_normalised_gini: Option<Spanned<f64>>,
    max_top_share: Option<Spanned<f64>>,
    max_dependence: Option<Spanned<f64>>,
    power_seat_gap: Option<Spanned<f64>>,
    min_agreement: Option<Spanned<f64>>,
    max_self_gap: Option<Spanned<f64>>,
    #[serde(default)]
    deny: Vec<Spanned<String>>,
    lock_weights: Option<Spanned<bool>>,
    weights: Option<RawWeights>,
}

/// Load a programme policy file: the keys of a partnership file's
/// `[policy]` at the top level, checked by the same rules and with the same
/// errors, plus `lock_weights` and a `[weights]` table. An empty file sets
/// nothing.
///
/// ```
/// use powershare_core::load::programme::load_programme_str;
/// let p = load_programme_str("max_top_share = 0.5\n[weights]\nvoting = 2\n").unwrap();
/// assert_eq!(p.policy.max_top_share, Some(0.5));
/// let w = p.weights.unwrap();
/// assert_eq!(w.of(powershare_core::model::Dimension::Voting), 2.0);
/// assert_eq!(w.of(powershare_core::model::Dimension::Resources), 1.0);
/// assert!(load_programme_str("lock_weights = true\n").unwrap().weights.is_some());
/// assert!(load_programme_str("lock_weights = \"yes\"\n").is_err());
/// ```
pub fn load_programme_str(text: &str) -> Result<ProgrammePolicy, LoadError> {
    let mut cx = Cx::new(text);
    // A programme policy is a few lines: read it in the careful pass at
    // once (every bad key reported), after the same bounded scan as a
    // partnership file.
    cx.careful = true;
    if !cx.scan(&crate::load::limits::Limits::default()) {
        return Err(cx.finish());
    }
    let (table, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        cx.toml_error(e, None, "");
    }
    if !errors.is_empty() {
        return Err(cx.finish());
    }
    let span = table.span();
    let value = Spanned::new(span.clone(), DeValue::Table(table.into_inner()));
    let Some(raw) = cx.de::<RawProgramme>(value, "policy") else {
        return Err(cx.finish());
    };
    let weights = raw.weights.as_ref().map(|w| cx.check_weights(Some(w)));
    let lock = raw.lock_weights.as_ref();
    if let (Some(lock), Some(_)) = (lock, &weights)
        && !*lock.get_ref()
    {
        cx.report(
            Some(&lock.span()),
            "lock_weights",
            Problem::Toml {
                message: "a programme policy's [weights] always replace the files' own: \
                          remove `lock_weights = false`, or the [weights] table"
                    .into(),
            },
        );
    }
    let weights = match (weights, lock.map(|l| *l.get_ref())) {
        (Some(w), _) => Some(WeightSet::from(&w)),
        (None, Some(true)) => Some(WeightSet::from(&Weights::default())),
        (None, _) => None,
    };
    let policy = RawPolicy {
        max_composite_gini: raw.max_composite_gini,
        max_normalised_gini: raw.max_normalised_gini,
        max_top_share: raw.max_top_share,
        max_dependence: raw.max_dependence,
        power_seat_gap: raw.power_seat_gap,
        min_agreement: raw.min_agreement,
        max_self_gap: raw.max_self_gap,
        deny: raw.deny,
    };
    let mut policy = cx.check_policy(Some(&(span, policy)));
    if !cx.problems.is_empty() {
        return Err(cx.finish());
    }
    policy.line = None;
    Ok(ProgrammePolicy { policy, weights })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dimension;

    #[track_caller]
    fn error(text: &str) -> String {
        match load_programme_str(text).unwrap_err() {
            LoadError::Invalid { diagnostics, .. } => diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn weights_are_locked_only_when_asked() {
        let p = load_programme_str("max_top_share = 0.4\n").unwrap();
        assert_eq!((p.policy.max_top_share, p.weights), (Some(0.4), None));
        let p = load_programme_str("lock_weights = false\n").unwrap();
        assert_eq!(p.weights, None);
        let p = load_programme_str("lock_weights = true\n").unwrap();
        assert_eq!(p.weights, Some(WeightSet::default()));
        let p = load_programme_str("lock_weights = true\n[weights]\nagenda = 0\n").unwrap();
        assert_eq!(
            p.weights,
            Some(WeightSet::default().with(Dimension::Agenda, 0.0))
        );
    }

    #[test]
    fn every_mistake_is_located() {
        assert_eq!(
            error("lock_weights = false\n[weights]\nvoting = 2\n"),
            "1:16: lock_weights: a programme policy's [weights] always replace the files' own: \
             remove `lock_weights = false`, or the [weights] table"
        );
        assert_eq!(
            error("[weights]\nvoting = -2\n"),
            "2:10: weights.voting: must be 0 or more, got -2"
        );
        assert_eq!(
            error("max_normalised_gini = 1.5\n"),
            "1:23: policy.max_normalised_gini: must be between 0 and 1, got 1.5"
        );
        assert!(error("max_gini = 0.3\n").contains("unknown field `max_gini`"));
        assert!(error("[weights]\nvote = 1\n").contains("unknown field `vote`"));
    }
}
