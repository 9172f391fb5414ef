//! Validation of `[[relationship]]`: one history and one competitors entry
//! at most per pair, trust required for a history and optional for
//! competitors, and at most one trust per pair.

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
        // (pair, kind) -> line of the entry; pair -> line of its trust.
        let mut pairs: HashMap<([usize; 2], RelationshipKind), usize> = HashMap::new();
        let mut trusts: HashMap<[usize; 2], usize> = HashMap::new();
        for (i, (span, r)) in raw.relationships.iter().enumerate() {
            let field = format!("relationship.{i}");
            let between = self.pair(ids, &r.between, &format_args!("{field}.between"));
            let kind = r
                .kind
                .as_ref()
                .map_or(RelationshipKind::History, |k| *k.get_ref());
            let trust = match &r.trust {
                Some(t) => {
                    let trust = *t.get_ref();
                    if !(-2..=2).contains(&trust) {
                        self.report(
                            Some(&t.span()),
                            format!("{field}.trust"),
                            Problem::OutOfRange {
                                value: trust as f64,
                                min: -2.0,
                                max: 2.0,
                            },
                        );
                        continue;
                    }
                    Some(trust)
                }
                // With a key removed (an unreadable `kind`), a missing trust
                // may be a consequence, not a cause.
                None if kind == RelationshipKind::History && self.incomplete => continue,
                None if kind == RelationshipKind::History => {
                    self.report(
                        Some(&r.between.span()),
                        format!("{field}.trust"),
                        Problem::TrustMissing,
                    );
                    continue;
                }
                None => None,
            };
            let Some(between) = between else { continue };
            let key = [between[0].min(between[1]), between[0].max(between[1])];
            let names = r.between.get_ref();
            let (a, b) = (names[0].get_ref().clone(), names[1].get_ref().clone());
            if let Some(&first_line) = pairs.get(&(key, kind)) {
                self.report(
                    Some(&r.between.span()),
                    format!("{field}.between"),
                    Problem::DuplicatePair {
                        a,
                        b,
                        first_line,
                        what: match kind {
                            RelationshipKind::History => "a history",
                            RelationshipKind::Competitors => "a competitors entry",
                        },
                    },
                );
                continue;
            }
            let line = self.line(span);
            pairs.insert((key, kind), line);
            if let (Some(_), Some(t)) = (trust, &r.trust) {
                if let Some(&first_line) = trusts.get(&key) {
                    self.report(
                        Some(&t.span()),
                        format!("{field}.trust"),
                        Problem::TrustTwice { a, b, first_line },
                    );
                    continue;
                }
                trusts.insert(key, line);
            }
            out.push(Relationship {
                between,
                kind,
                trust,
                line,
            });
        }
        out
    }
}
