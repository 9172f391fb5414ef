//! Validation of `[[funding]]` and `[[dependence]]`.

use std::collections::HashMap;

use crate::load::diagnostic::Problem;
use crate::load::{Cx, Ids, RawFile};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_funding(
        &mut self,
        raw: &RawFile,
        bodies: &[Body],
        ids: &Ids,
    ) -> Vec<Funding> {
        let has_income = raw
            .bodies
            .iter()
            .any(|(_, b)| b.as_ref().is_some_and(|b| b.income.is_some()));
        if !raw.funding.is_empty() && !has_income && !self.incomplete {
            let span = raw.funding[0].0.clone();
            self.report(Some(&span), "funding", Problem::FundingNeedsIncome);
        }
        let mut received: HashMap<usize, f64> = HashMap::new();
        let mut all_received: Option<HashMap<&str, f64>> = None;
        let mut out = Vec::new();
        for (i, (span, f)) in raw.funding.iter().enumerate() {
            let field = format!("funding.{i}");
            let from = self.body_ref(ids, &f.from, &format_args!("{field}.from"));
            let to = self.body_ref(ids, &f.to, &format_args!("{field}.to"));
            if let (Some(a), Some(b)) = (from, to)
                && a == b
            {
                self.report(
                    Some(&f.to.span()),
                    format!("{field}.to"),
                    Problem::SameBodyTwice {
                        what: "funding",
                        id: f.to.get_ref().clone(),
                    },
                );
                continue;
            }
            let amount = self.non_negative(&f.amount, &format_args!("{field}.amount"));
            let (Some(from), Some(to), Some(amount)) = (from, to, amount) else {
                continue;
            };
            let total = received.entry(to).or_insert(0.0);
            let before = *total;
            *total += amount;
            if let Some(income) = bodies.get(to).and_then(|b| b.income) {
                let limit = income * (1.0 + 1e-12);
                if *total > limit && before <= limit && !self.incomplete {
                    let id = bodies[to].id.clone();
                    // All the funding to this body, in the file (summed once
                    // for every body, not once per body over every entry).
                    let received = *all_received
                        .get_or_insert_with(|| {
                            let mut sums: HashMap<&str, f64> = HashMap::new();
                            for (_, g) in &raw.funding {
                                *sums.entry(g.to.get_ref().as_str()).or_insert(0.0) +=
                                    *g.amount.get_ref();
                            }
                            sums
                        })
                        .get(id.as_str())
                        .unwrap_or(&0.0);
                    self.report(
                        Some(&f.amount.span()),
                        format!("{field}.amount"),
                        Problem::FundingAboveIncome {
                            id,
                            received,
                            income,
                        },
                    );
                }
            }
            out.push(Funding {
                from,
                to,
                amount,
                kind: f.kind,
                line: self.line(span),
            });
        }
        out
    }
}
