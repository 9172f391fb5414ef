//! Validation of `[weights]` and `[policy]`.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::load::Cx;
use crate::load::diagnostic::Problem;
use crate::load::input::*;
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_weights(&mut self, raw: Option<&RawWeights>) -> Weights {
        let mut weights = BTreeMap::new();
        let Some(w) = raw else {
            return Weights(weights);
        };
        let given = [
            (Dimension::Resources, &w.resources),
            (Dimension::Expertise, &w.expertise),
            (Dimension::Position, &w.position),
            (Dimension::Voting, &w.voting),
            (Dimension::Dependence, &w.dependence),
            (Dimension::Network, &w.network),
            (Dimension::Agenda, &w.agenda),
            (Dimension::Perceived, &w.perceived),
        ];
        let mut last_span = None;
        for (d, v) in given {
            if let Some(v) = v {
                last_span = Some(v.span());
                if let Some(x) = self.non_negative(v, &format_args!("weights.{}", d.name())) {
                    weights.insert(d, x);
                }
            }
        }
        if weights.len() == Dimension::ALL.len() && weights.values().all(|&x| x == 0.0) {
            self.report(last_span.as_ref(), "weights", Problem::AllWeightsZero);
        }
        Weights(weights)
    }

    pub(in crate::load) fn check_policy(
        &mut self,
        raw: Option<&(Range<usize>, RawPolicy)>,
    ) -> Policy {
        let Some((span, p)) = raw else {
            return Policy {
                max_composite_gini: None,
                max_normalised_gini: None,
                max_top_share: None,
                max_dependence: None,
                power_seat_gap: None,
                min_agreement: None,
                max_self_gap: None,
                deny: Vec::new(),
                line: None,
            };
        };
        let unit = |cx: &mut Self, v: &Option<Spanned<f64>>, name: &str| {
            v.as_ref()
                .and_then(|v| cx.range(v, &format_args!("policy.{name}"), 0.0, 1.0))
        };
        let max_composite_gini = unit(self, &p.max_composite_gini, "max_composite_gini");
        let max_normalised_gini = unit(self, &p.max_normalised_gini, "max_normalised_gini");
        let max_top_share = unit(self, &p.max_top_share, "max_top_share");
        let max_dependence = unit(self, &p.max_dependence, "max_dependence");
        let power_seat_gap = unit(self, &p.power_seat_gap, "power_seat_gap");
        let min_agreement = unit(self, &p.min_agreement, "min_agreement");
        let max_self_gap = p
            .max_self_gap
            .as_ref()
            .and_then(|v| self.range(v, &"policy.max_self_gap", 0.0, 5.0));
        let mut deny = Vec::new();
        for code in &p.deny {
            if let Some(known) = FindingCode::parse(code.get_ref()) {
                if !deny.contains(&known) {
                    deny.push(known);
                }
            } else {
                self.report(
                    Some(&code.span()),
                    "policy.deny",
                    Problem::UnknownFinding {
                        code: code.get_ref().clone(),
                        allowed: FindingCode::list(),
                    },
                );
            }
        }
        Policy {
            max_composite_gini,
            max_normalised_gini,
            max_top_share,
            max_dependence,
            power_seat_gap,
            min_agreement,
            max_self_gap,
            deny,
            line: Some(self.line(span)),
        }
    }
}
