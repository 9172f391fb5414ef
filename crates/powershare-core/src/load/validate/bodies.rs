//! Validation of `[[body]]`: ids, names, amounts, ratings, seats, and the
//! rule that `income`, `staff`, `contribution` and `position` are given for
//! every body or for none.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::load::diagnostic::Problem;
use crate::load::input::*;
use crate::load::limits::MAX_SEATS;
use crate::load::limits::{self};
use crate::load::{Cx, Ids, RawFile, is_slug};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_body(
        &mut self,
        i: usize,
        span: &Range<usize>,
        b: &RawBody,
        ids: &mut Ids,
    ) -> Body {
        let id = b.id.get_ref().clone();
        let line = self.line(&b.id.span());
        let id_chars = id.chars().count();
        let field = if id_chars > limits::MAX_ID_CHARS {
            self.report(
                Some(&b.id.span()),
                format!("body.{i}.id"),
                Problem::TooLong {
                    what: "ids",
                    chars: id_chars,
                    max: limits::MAX_ID_CHARS,
                },
            );
            format!("body.{i}")
        } else if is_slug(&id) {
            format!("body.{id}")
        } else {
            self.report(
                Some(&b.id.span()),
                format!("body.{i}.id"),
                Problem::BadSlug { id: id.clone() },
            );
            format!("body.{i}")
        };
        if let Some(&first_line) = ids.lines.get(&id) {
            self.report(
                Some(&b.id.span()),
                format!("{field}.id"),
                Problem::DuplicateId {
                    id: id.clone(),
                    first_line,
                },
            );
        } else {
            ids.lines.insert(id.clone(), line);
            ids.index.insert(id.clone(), ids.order.len());
        }
        ids.order.push(id.clone());
        let _ = span;
        let amount = |cx: &mut Self, v: &Option<Spanned<f64>>, name: &str| {
            v.as_ref()
                .and_then(|v| cx.non_negative(v, &format_args!("{field}.{name}")))
        };
        let income = amount(self, &b.income, "income");
        let staff = amount(self, &b.staff, "staff");
        let contribution = amount(self, &b.contribution, "contribution");
        let position = b
            .position
            .as_ref()
            .and_then(|v| self.range(v, &format_args!("{field}.position"), 0.0, 5.0));
        let mut expertise = BTreeMap::new();
        for (domain, rating) in b.expertise.iter().flatten() {
            if let Some(r) = self.range(
                rating,
                &format_args!("{field}.expertise.{domain}"),
                0.0,
                5.0,
            ) {
                expertise.insert(domain.clone(), r);
            }
        }
        // A seat count out of range leaves the board's seats unknown: the
        // rules across tables (a veto body "without seats", the quota
        // against the total) would report consequences, not causes.
        if b.seats
            .as_ref()
            .is_some_and(|s| !(0..=MAX_SEATS as i64).contains(s.get_ref()))
        {
            self.incomplete = true;
        }
        let seats = match &b.seats {
            Some(s) if *s.get_ref() < 0 => {
                self.report(
                    Some(&s.span()),
                    format!("{field}.seats"),
                    Problem::Negative {
                        value: *s.get_ref() as f64,
                    },
                );
                0
            }
            Some(s) if *s.get_ref() > MAX_SEATS as i64 => {
                self.report(
                    Some(&s.span()),
                    format!("{field}.seats"),
                    Problem::OutOfRange {
                        value: *s.get_ref() as f64,
                        min: 0.0,
                        max: MAX_SEATS as f64,
                    },
                );
                0
            }
            Some(s) => *s.get_ref() as u64,
            None => 0,
        };
        let name = match &b.name {
            Some(n) if n.trim().is_empty() => {
                self.report(Some(&b.id.span()), format!("{field}.name"), Problem::Empty);
                id.clone()
            }
            Some(n) => n.clone(),
            None => id.clone(),
        };
        Body {
            id,
            name,
            sector: b.sector,
            income,
            staff,
            contribution,
            expertise,
            position,
            seats,
            line,
        }
    }

    pub(in crate::load) fn check_all_or_none(&mut self, raw: &RawFile, bodies: &[Body]) {
        type Getter = fn(&RawBody) -> bool;
        let fields: [(&'static str, Getter); 4] = [
            ("income", |b| b.income.is_some()),
            ("staff", |b| b.staff.is_some()),
            ("contribution", |b| b.contribution.is_some()),
            ("position", |b| b.position.is_some()),
        ];
        let parsed: Vec<&RawBody> = raw.bodies.iter().filter_map(|(_, b)| b.as_ref()).collect();
        for (name, has) in fields {
            let given = parsed.iter().filter(|b| has(b)).count();
            if given == 0 || given == parsed.len() {
                continue;
            }
            let lacking: Vec<&RawBody> = parsed.iter().copied().filter(|b| !has(b)).collect();
            // The first ten, so the message does not grow with the
            // partnership.
            let mut missing = lacking
                .iter()
                .take(10)
                .map(|b| format!("`{}`", b.id.get_ref()))
                .collect::<Vec<_>>()
                .join(", ");
            if lacking.len() > 10 {
                missing.push_str(&format!(" and {} more", lacking.len() - 10));
            }
            let first = lacking[0];
            let _ = bodies;
            self.report(
                Some(&first.id.span()),
                format!("body.{}.{name}", first.id.get_ref()),
                Problem::MissingForSome {
                    field: name,
                    missing,
                },
            );
        }
    }
}
