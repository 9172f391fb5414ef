//! Validation of `[[relationship]]`.

use std::collections::HashMap;

use crate::load::diagnostic::Problem;
use crate::load::{Cx, Ids, RawFile};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_relationships(
        &mut self,
        raw: &RawFile,
        ids: &Ids,
    ) -> Vec<Relationship> {
        let mut out = Vec::new();
        let mut pairs: HashMap<[usize; 2], usize> = HashMap::new();
        for (i, (span, r)) in raw.relationships.iter().enumerate() {
            let field = format!("relationship.{i}");
            let between = self.pair(ids, &r.between, &format_args!("{field}.between"));
            let trust = *r.trust.get_ref();
            if !(-2..=2).contains(&trust) {
                self.report(
                    Some(&r.trust.span()),
                    format!("{field}.trust"),
                    Problem::OutOfRange {
                        value: trust as f64,
                        min: -2.0,
                        max: 2.0,
                    },
                );
                continue;
            }
            let Some(between) = between else { continue };
            let key = [between[0].min(between[1]), between[0].max(between[1])];
            if let Some(&first_line) = pairs.get(&key) {
                let names = r.between.get_ref();
                self.report(
                    Some(&r.between.span()),
                    format!("{field}.between"),
                    Problem::DuplicatePair {
                        a: names[0].get_ref().clone(),
                        b: names[1].get_ref().clone(),
                        first_line,
                    },
                );
                continue;
            }
            pairs.insert(key, self.line(span));
            out.push(Relationship {
                between,
                trust,
                line: self.line(span),
            });
        }
        out
    }
}
