//! Checks shared by every table: references to bodies, pairs of bodies,
//! finite, non-negative and bounded numbers.

use toml::Spanned;

use crate::load::diagnostic::Problem;
use crate::load::limits::{self};
use crate::load::{Cx, Ids};

impl<'t> Cx<'t> {
    pub(in crate::load) fn body_ref(
        &mut self,
        ids: &Ids,
        id: &Spanned<String>,
        field: &dyn std::fmt::Display,
    ) -> Option<usize> {
        match ids.index.get(id.get_ref()) {
            Some(&i) => Some(i),
            None => {
                if !ids.failed.contains(id.get_ref()) {
                    self.report(
                        Some(&id.span()),
                        field.to_string(),
                        Problem::UnknownBody {
                            id: id.get_ref().clone(),
                            // Filled in for the problems kept (`Cx::finish`).
                            known: String::new(),
                        },
                    );
                }
                None
            }
        }
    }

    pub(in crate::load) fn pair(
        &mut self,
        ids: &Ids,
        between: &Spanned<Vec<Spanned<String>>>,
        field: &dyn std::fmt::Display,
    ) -> Option<[usize; 2]> {
        let list = between.get_ref();
        if list.len() != 2 {
            self.report(
                Some(&between.span()),
                field.to_string(),
                Problem::BetweenArity { found: list.len() },
            );
            return None;
        }
        let a = self.body_ref(ids, &list[0], field);
        let b = self.body_ref(ids, &list[1], field);
        if list[0].get_ref() == list[1].get_ref() {
            self.report(
                Some(&list[1].span()),
                field.to_string(),
                Problem::SameBodyTwice {
                    what: "a tie",
                    id: list[1].get_ref().clone(),
                },
            );
            return None;
        }
        Some([a?, b?])
    }

    pub(in crate::load) fn finite(
        &mut self,
        v: &Spanned<f64>,
        field: &dyn std::fmt::Display,
    ) -> Option<f64> {
        let x = *v.get_ref();
        if x.is_finite() {
            Some(x)
        } else {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::NotFinite { value: x },
            );
            None
        }
    }

    pub(in crate::load) fn non_negative(
        &mut self,
        v: &Spanned<f64>,
        field: &dyn std::fmt::Display,
    ) -> Option<f64> {
        let x = self.finite(v, field)?;
        if x < 0.0 {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::Negative { value: x },
            );
            return None;
        }
        if x > limits::MAX_AMOUNT {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::TooLarge { value: x },
            );
            return None;
        }
        // Normalise -0.0 so it prints as 0.
        Some(x + 0.0)
    }

    pub(in crate::load) fn range(
        &mut self,
        v: &Spanned<f64>,
        field: &dyn std::fmt::Display,
        min: f64,
        max: f64,
    ) -> Option<f64> {
        let x = self.finite(v, field)?;
        if !(min..=max).contains(&x) {
            self.report(
                Some(&v.span()),
                field.to_string(),
                Problem::OutOfRange { value: x, min, max },
            );
            return None;
        }
        Some(x + 0.0)
    }
}
