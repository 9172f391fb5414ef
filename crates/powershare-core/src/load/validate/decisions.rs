//! Validation of `[[decision]]` and `[[contact]]`.

use crate::load::diagnostic::Problem;
use crate::load::{Cx, Ids, RawFile};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_decisions(&mut self, raw: &RawFile, ids: &Ids) -> Vec<Decision> {
        let mut out = Vec::new();
        for (i, (span, d)) in raw.decisions.iter().enumerate() {
            let field = format!("decision.{i}");
            if d.title.get_ref().trim().is_empty() {
                self.report(
                    Some(&d.title.span()),
                    format!("{field}.title"),
                    Problem::Empty,
                );
            }
            let proposed_by = d
                .proposed_by
                .as_ref()
                .map(|p| self.body_ref(ids, p, &format_args!("{field}.proposed_by")));
            // A set: a `supported` list can hold 100,000 entries.
            let mut seen = std::collections::HashSet::new();
            let mut lists = [Vec::new(), Vec::new()];
            for (list, (name, entries)) in [("supported", &d.supported), ("opposed", &d.opposed)]
                .into_iter()
                .enumerate()
            {
                for e in entries {
                    let Some(b) = self.body_ref(ids, e, &format_args!("{field}.{name}")) else {
                        continue;
                    };
                    if !seen.insert(b) {
                        self.report(
                            Some(&e.span()),
                            format!("{field}.{name}"),
                            Problem::ListedTwice {
                                id: e.get_ref().clone(),
                            },
                        );
                    } else {
                        lists[list].push(b);
                    }
                }
            }
            let [supported, opposed] = lists;
            if let Some(None) = proposed_by {
                continue;
            }
            out.push(Decision {
                title: d.title.get_ref().clone(),
                proposed_by: proposed_by.flatten(),
                outcome: d.outcome,
                how: d.how,
                supported,
                opposed,
                date: d.date.clone(),
                topic: d.topic,
                driver: d.driver,
                line: self.line(span),
            });
        }
        out
    }
}
