//! Policy layers: a file's `[policy]`, a programme policy file and flags,
//! stacked into the policy that applies to one file.

use serde::Serialize;

use crate::findings::survey::{DEFAULT_MAX_SELF_GAP, DEFAULT_MIN_AGREEMENT};
use crate::findings::{
    DEFAULT_MAX_COMPOSITE_GINI, DEFAULT_MAX_DEPENDENCE, DEFAULT_MAX_TOP_SHARE,
    DEFAULT_POWER_SEAT_GAP,
};
use crate::model::{FindingCode, Policy, Thresholds};

/// Where a threshold or a denied code came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The partnership file's own `[policy]`.
    File,
    /// The programme policy file (`--policy`).
    Programme,
    /// A command-line flag.
    Flag,
}

impl Source {
    /// How the source is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Source::File => "the file's [policy]",
            Source::Programme => "the programme policy",
            Source::Flag => "the command line",
        }
    }
}

/// The thresholds one source sets; `None` and an empty `deny` set nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicyLayer {
    /// Largest allowed Gini of the composite.
    pub max_composite_gini: Option<f64>,
    /// Largest allowed normalised Gini of the composite.
    pub max_normalised_gini: Option<f64>,
    /// Largest allowed composite share of one body.
    pub max_top_share: Option<f64>,
    /// Largest allowed dependence of one body on another.
    pub max_dependence: Option<f64>,
    /// Margin for the `power-seat-gap` finding.
    pub power_seat_gap: Option<f64>,
    /// Least influence agreement for the `views-diverge` finding.
    pub min_agreement: Option<f64>,
    /// Largest self-view gap for the `self-image-gap` finding.
    pub max_self_gap: Option<f64>,
    /// Finding codes that fail the check.
    pub deny: Vec<FindingCode>,
}

impl PolicyLayer {
    /// Whether the layer sets nothing.
    pub fn is_empty(&self) -> bool {
        *self == PolicyLayer::default()
    }
}

impl From<&Policy> for PolicyLayer {
    fn from(p: &Policy) -> Self {
        PolicyLayer {
            max_composite_gini: p.max_composite_gini,
            max_normalised_gini: p.max_normalised_gini,
            max_top_share: p.max_top_share,
            max_dependence: p.max_dependence,
            power_seat_gap: p.power_seat_gap,
            min_agreement: p.min_agreement,
            max_self_gap: p.max_self_gap,
            deny: p.deny.clone(),
        }
    }
}

/// A threshold and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Threshold {
    /// The value: in 0..=1, or in rating points for `max_self_gap`.
    pub value: f64,
    /// The layer that set it.
    pub source: Source,
}

/// A denied finding code and the first layer that denied it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Denied {
    /// The finding code.
    pub code: FindingCode,
    /// The first layer that denied it.
    pub source: Source,
}

/// The policy that applies to one file after layering.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EffectivePolicy {
    /// Largest allowed Gini of the composite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_composite_gini: Option<Threshold>,
    /// Largest allowed normalised Gini of the composite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_normalised_gini: Option<Threshold>,
    /// Largest allowed composite share of one body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_top_share: Option<Threshold>,
    /// Largest allowed dependence of one body on another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_dependence: Option<Threshold>,
    /// Margin for the `power-seat-gap` finding (not a rule of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power_seat_gap: Option<Threshold>,
    /// Least influence agreement for `views-diverge` (not a rule of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_agreement: Option<Threshold>,
    /// Largest self-view gap for `self-image-gap`, in rating points (not a rule of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_self_gap: Option<Threshold>,
    /// Denied finding codes, in the report order of the codes.
    pub deny: Vec<Denied>,
    /// `"programme"` when the programme policy set the weights (its
    /// `[weights]` or `lock_weights`) and the file's own were not used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights_set_by: Option<Source>,
    /// Set when a programme policy or flags apply: then a threshold from the
    /// file's own `[policy]` may only make the findings stricter (see
    /// [`EffectivePolicy::thresholds`]).
    #[serde(skip)]
    pub file_may_only_tighten: bool,
}

impl EffectivePolicy {
    /// Stack `layers` in order: for each threshold the last layer that sets
    /// it wins; denied codes add up.
    pub fn layered(layers: &[(Source, &PolicyLayer)]) -> Self {
        let mut out = EffectivePolicy::default();
        for &(source, layer) in layers {
            let set = |slot: &mut Option<Threshold>, v: Option<f64>| {
                if let Some(value) = v {
                    *slot = Some(Threshold { value, source });
                }
            };
            set(&mut out.max_composite_gini, layer.max_composite_gini);
            set(&mut out.max_normalised_gini, layer.max_normalised_gini);
            set(&mut out.max_top_share, layer.max_top_share);
            set(&mut out.max_dependence, layer.max_dependence);
            set(&mut out.power_seat_gap, layer.power_seat_gap);
            set(&mut out.min_agreement, layer.min_agreement);
            set(&mut out.max_self_gap, layer.max_self_gap);
            for code in &layer.deny {
                if !out.deny.iter().any(|d| d.code == *code) {
                    out.deny.push(Denied {
                        code: *code,
                        source,
                    });
                }
            }
        }
        out.deny.sort_by_key(|d| d.code);
        out
    }

    /// The effective thresholds, for the findings to use.
    ///
    /// When [`file_may_only_tighten`](Self::file_may_only_tighten) is set
    /// (a programme policy or flags apply), a threshold that only the
    /// file's own `[policy]` sets counts for the findings only up to the
    /// finding's default: a partnership cannot switch off a finding that
    /// the programme denies (`funding-dependence`, `power-seat-gap`,
    /// `symbolic-partnership`) by raising its own limits. Its own rules
    /// still use its own values.
    pub fn thresholds(&self) -> Thresholds {
        let cap = |t: Option<Threshold>, default: Option<f64>| {
            t.map(|t| match (t.source, default) {
                (Source::File, Some(d)) if self.file_may_only_tighten => t.value.min(d),
                _ => t.value,
            })
        };
        Thresholds {
            max_composite_gini: cap(self.max_composite_gini, Some(DEFAULT_MAX_COMPOSITE_GINI)),
            // No default: it only adds a way to count as concentrated.
            max_normalised_gini: cap(self.max_normalised_gini, None),
            max_top_share: cap(self.max_top_share, Some(DEFAULT_MAX_TOP_SHARE)),
            max_dependence: cap(self.max_dependence, Some(DEFAULT_MAX_DEPENDENCE)),
            power_seat_gap: cap(self.power_seat_gap, Some(DEFAULT_POWER_SEAT_GAP)),
            max_self_gap: cap(self.max_self_gap, Some(DEFAULT_MAX_SELF_GAP)),
            // A floor, not a cap: a file under a programme policy may raise
            // the agreement it asks for, never lower it below the default.
            min_agreement: self.min_agreement.map(|t| match t.source {
                Source::File if self.file_may_only_tighten => t.value.max(DEFAULT_MIN_AGREEMENT),
                _ => t.value,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_layers_win_and_deny_lists_add_up() {
        let file = PolicyLayer {
            max_top_share: Some(0.9),
            deny: vec![FindingCode::Mistrust],
            ..Default::default()
        };
        let programme = PolicyLayer {
            max_top_share: Some(0.6),
            max_dependence: Some(0.5),
            deny: vec![FindingCode::Dictator, FindingCode::Mistrust],
            ..Default::default()
        };
        let flags = PolicyLayer {
            max_dependence: Some(0.4),
            ..Default::default()
        };
        let e = EffectivePolicy::layered(&[
            (Source::File, &file),
            (Source::Programme, &programme),
            (Source::Flag, &flags),
        ]);
        assert_eq!(
            e.max_top_share,
            Some(Threshold {
                value: 0.6,
                source: Source::Programme
            })
        );
        assert_eq!(
            e.max_dependence,
            Some(Threshold {
                value: 0.4,
                source: Source::Flag
            })
        );
        assert_eq!(e.max_composite_gini, None);
        // Report order of the codes; the first layer that denied a code is its source.
        assert_eq!(
            e.deny,
            vec![
                Denied {
                    code: FindingCode::Dictator,
                    source: Source::Programme
                },
                Denied {
                    code: FindingCode::Mistrust,
                    source: Source::File
                },
            ]
        );
    }
}
