//! Validation of `[[perception]]`.

use std::collections::{BTreeMap, HashMap};

use crate::load::diagnostic::Problem;
use crate::load::{Cx, Ids, RawFile};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_perceptions(
        &mut self,
        raw: &RawFile,
        ids: &Ids,
    ) -> Vec<Perception> {
        let mut out = Vec::new();
        let mut raters: HashMap<usize, usize> = HashMap::new();
        for (i, (span, p)) in raw.perceptions.iter().enumerate() {
            let field = format!("perception.{i}");
            let rater = self.body_ref(ids, &p.rater, &format_args!("{field}.rater"));
            if let Some(r) = rater {
                if let Some(&first_line) = raters.get(&r) {
                    self.report(
                        Some(&p.rater.span()),
                        format!("{field}.rater"),
                        Problem::DuplicateRater {
                            id: p.rater.get_ref().clone(),
                            first_line,
                        },
                    );
                } else {
                    raters.insert(r, self.line(span));
                }
            }
            let mut influence = BTreeMap::new();
            for (id, rating) in &p.influence {
                let body = match ids.index.get(id) {
                    Some(&b) => Some(b),
                    None => {
                        if !ids.failed.contains(id) {
                            self.report(
                                Some(&rating.span()),
                                format!("{field}.influence.{id}"),
                                Problem::UnknownBody {
                                    id: id.clone(),
                                    known: String::new(),
                                },
                            );
                        }
                        None
                    }
                };
                let r = self.range(rating, &format_args!("{field}.influence.{id}"), 0.0, 5.0);
                if let (Some(b), Some(r)) = (body, r) {
                    influence.insert(b, r);
                }
            }
            if let Some(rater) = rater {
                out.push(Perception {
                    rater,
                    influence,
                    line: self.line(span),
                });
            }
        }
        out
    }
}
