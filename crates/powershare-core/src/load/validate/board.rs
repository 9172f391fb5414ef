//! Validation of `[board]`: the quota against the total seats, the veto
//! bodies and the chair.

use toml::Spanned;

use crate::load::diagnostic::Problem;
use crate::load::{Cx, Ids, RawFile};
use crate::model::*;

impl<'t> Cx<'t> {
    pub(in crate::load) fn check_board(
        &mut self,
        raw: &RawFile,
        bodies: &[Body],
        ids: &Ids,
    ) -> Option<Board> {
        let total: u64 = bodies.iter().map(|b| b.seats).sum();
        let first_seated = bodies.iter().find(|b| b.seats > 0).map(|b| b.line);
        let Some((span, board)) = &raw.board else {
            // Seats without a [board] table: a simple majority of seats.
            return first_seated.map(|line| Board {
                rule: QuotaRule::Majority,
                quota: QuotaRule::Majority.seats(total),
                veto: Vec::new(),
                also_majority_of_bodies: false,
                chair: None,
                casting_vote: false,
                line,
            });
        };
        let line = self.line(span);
        if total == 0 {
            if !self.incomplete {
                self.report(Some(span), "board", Problem::BoardWithoutSeats);
            }
            return None;
        }
        let rule = match &board.quota {
            None => Some(QuotaRule::Majority),
            Some(q) => self.quota(q, total),
        };
        let mut veto = Vec::new();
        // A set beside the list: `veto` can name 100,000 entries.
        let mut seen = std::collections::HashSet::new();
        for (i, v) in board.veto.iter().enumerate() {
            let field = format!("board.veto.{i}");
            if let Some(b) = self.body_ref(ids, v, &field) {
                if !self.incomplete && bodies.get(b).is_some_and(|b| b.seats == 0) {
                    self.report(
                        Some(&v.span()),
                        "board.veto",
                        Problem::VetoWithoutSeats {
                            id: v.get_ref().clone(),
                        },
                    );
                } else if seen.insert(b) {
                    veto.push(b);
                }
            }
        }
        let chair = board
            .chair
            .as_ref()
            .and_then(|c| self.body_ref(ids, c, &"board.chair"));
        let rule = rule?;
        let casting_vote = match &board.casting_vote {
            Some(c) if *c.get_ref() => {
                self.casting_vote(board, &rule, chair, bodies, &c.span());
                true
            }
            _ => false,
        };
        Some(Board {
            quota: rule.seats(total),
            rule,
            veto,
            also_majority_of_bodies: board.also_majority_of_bodies,
            chair,
            casting_vote,
            line,
        })
    }

    /// A casting vote needs the majority quota and a chair with seats.
    fn casting_vote(
        &mut self,
        board: &crate::load::input::RawBoard,
        rule: &QuotaRule,
        chair: Option<usize>,
        bodies: &[Body],
        span: &std::ops::Range<usize>,
    ) {
        if *rule != QuotaRule::Majority {
            let (at, found) = match &board.quota {
                Some(q) => (
                    q.span(),
                    match q.get_ref() {
                        toml::Value::String(s) => format!("\"{s}\""),
                        v => v.to_string(),
                    },
                ),
                None => (span.clone(), rule.describe()),
            };
            self.report(
                Some(&at),
                "board.casting_vote",
                Problem::CastingVoteNeedsMajority { found },
            );
        }
        match (&board.chair, chair) {
            (None, _) => self.report(
                Some(span),
                "board.casting_vote",
                Problem::CastingVoteNeedsChair,
            ),
            (Some(c), Some(i))
                if !self.incomplete && bodies.get(i).is_some_and(|b| b.seats == 0) =>
            {
                self.report(
                    Some(&c.span()),
                    "board.casting_vote",
                    Problem::CastingVoteChairWithoutSeats {
                        id: c.get_ref().clone(),
                    },
                );
            }
            _ => {}
        }
    }

    pub(in crate::load) fn quota(
        &mut self,
        q: &Spanned<toml::Value>,
        total: u64,
    ) -> Option<QuotaRule> {
        let span = q.span();
        let rule = match q.get_ref() {
            toml::Value::String(s) => match s.as_str() {
                "majority" => Some(QuotaRule::Majority),
                "two-thirds" => Some(QuotaRule::TwoThirds),
                "unanimity" => Some(QuotaRule::Unanimity),
                _ => None,
            },
            toml::Value::Integer(i) => {
                if *i < 1 || *i as u64 > total {
                    // With a body unreadable the total is unknown; a quota below 1 is wrong anyway.
                    if self.incomplete && *i >= 1 {
                        return None;
                    }
                    self.report(
                        Some(&span),
                        "board.quota",
                        Problem::QuotaOutOfRange { quota: *i, total },
                    );
                    return None;
                }
                Some(QuotaRule::Seats(*i as u64))
            }
            toml::Value::Float(f) if *f > 0.0 && *f <= 1.0 => Some(QuotaRule::Fraction(*f)),
            _ => None,
        };
        if rule.is_none() {
            let found = match q.get_ref() {
                toml::Value::String(s) => format!("\"{s}\""),
                v => v.to_string(),
            };
            self.report(Some(&span), "board.quota", Problem::BadQuota { found });
        }
        rule
    }
}
