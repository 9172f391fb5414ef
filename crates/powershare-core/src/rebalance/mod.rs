//! Board redesign, the inverse power problem: which seats and quota would
//! give each body the share of voting power the partnership agreed on?
//!
//! [`rebalance`] takes a validated partnership and [`RebalanceOptions`] (a
//! [`Target`], the index, the limits), searches seat allocations and quotas
//! ([`search`]), evaluates the best designs again with the voting engine
//! (so the power shown is what `powershare report` would compute for that
//! board), and returns them next to today's board as a [`Rebalance`].
//!
//! Who takes part: the bodies with a target share above 0 (see
//! [`Target::shares`]); each gets at least one seat in every design, and
//! the others none. Bodies without seats today can be given seats: a target
//! that gives them a share means they need some. Every design keeps today's
//! double majority (if any); veto bodies keep their veto only with
//! [`RebalanceOptions::keep_veto`].
//!
//! ```
//! use powershare_core::rebalance::{self, RebalanceOptions, Target};
//! let p = powershare_core::load_str(
//!     "[[body]]\nid = \"a\"\nseats = 3\n[[body]]\nid = \"b\"\nseats = 1\n[[body]]\nid = \"c\"\nseats = 1\n",
//! )
//! .unwrap();
//! let r = rebalance::rebalance(&p, &RebalanceOptions::new(Target::Equal)).unwrap();
//! // Today a holds 3 of 5 seats and, with a majority quota of 3, decides alone.
//! assert!((r.current.as_ref().unwrap().max_gap - 2.0 / 3.0).abs() < 1e-12);
//! // One seat each with a majority quota gives each a third.
//! assert!(r.optimal);
//! assert_eq!(r.designs[0].total_seats, 3);
//! assert!(r.designs[0].max_gap < 1e-12);
//! ```

pub mod evaluate;
pub mod search;
pub mod suggest;
pub mod target;

use serde::{Serialize, Serializer, ser::SerializeMap};
use thiserror::Error;

use crate::measures::board;
use crate::measures::voting::VotingIndex;
use crate::model::{Board, Partnership, QuotaRule};

pub use search::{Effort, QuotaChoice};
pub use target::{Target, TargetError};

/// The version of the JSON output of `powershare rebalance`.
pub const REBALANCE_FORMAT: u32 = 1;

/// A design is *close* to the target when at most this share of the voting
/// power is in the wrong place (half its total gap).
pub const CLOSE: f64 = 0.05;

/// Largest board the search considers (`--max-seats`).
pub const MAX_DESIGN_SEATS: u64 = 5_000;

/// What to search for and within which limits.
#[derive(Debug, Clone, PartialEq)]
pub struct RebalanceOptions {
    /// The share of power each body should have.
    pub target: Target,
    /// The index power is measured by.
    pub index: VotingIndex,
    /// Most seats in total; `None`: today's total seats, and at least one
    /// seat per body taking part (three per body when nobody has seats).
    pub max_seats: Option<u64>,
    /// Allowed quotas.
    pub quota: QuotaChoice,
    /// Keep today's veto bodies' veto in every design.
    pub keep_veto: bool,
    /// Let every body take part (not only those on the board today) when
    /// the target is not `custom`.
    pub all_bodies: bool,
    /// How many designs to report.
    pub top: usize,
    /// How hard to search.
    pub effort: Effort,
    /// Seed of the local search's restarts.
    pub seed: u64,
    /// Let designs contain a dictator or a dummy seat (`--allow-dummy`);
    /// off by default.
    pub allow_dummy: bool,
}

impl RebalanceOptions {
    /// Defaults: Banzhaf, today's board size, any proper quota, veto
    /// dropped, the bodies on the board, 3 designs, a thorough search.
    pub fn new(target: Target) -> Self {
        RebalanceOptions {
            target,
            index: VotingIndex::Banzhaf,
            max_seats: None,
            quota: QuotaChoice::Any,
            keep_veto: false,
            all_bodies: false,
            top: 3,
            effort: Effort::THOROUGH,
            seed: 0x00c0_ffee,
            allow_dummy: false,
        }
    }
}

/// Why a rebalance cannot be run.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum RebalanceError {
    /// The target cannot be used.
    #[error(transparent)]
    Target(#[from] TargetError),
    /// Fewer seats than bodies taking part.
    #[error(
        "--max-seats {max} is less than the {needed} bodies taking part, and each needs at least one seat"
    )]
    TooFewSeats {
        /// The limit given.
        max: u64,
        /// Bodies taking part.
        needed: usize,
    },
    /// More seats than the search handles.
    #[error("--max-seats {max} is more than the {limit} seats the search handles")]
    TooManySeats {
        /// The limit given.
        max: u64,
        /// [`MAX_DESIGN_SEATS`].
        limit: u64,
    },
    /// More bodies than the evaluator handles.
    #[error("{bodies} bodies take part; the search handles at most {limit}")]
    TooManyBodies {
        /// Bodies taking part.
        bodies: usize,
        /// [`evaluate::MAX_PLAYERS`].
        limit: usize,
    },
    /// A veto body to keep has no target share.
    #[error(
        "--keep-veto keeps the veto of `{id}`, but the target gives it no share, so it would have no seats; give it a share or drop --keep-veto"
    )]
    VetoWithoutShare {
        /// The veto body.
        id: String,
    },
}

/// A map from body id to a value, serialised as a JSON object in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdMap<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<V: Copy> IdMap<V> {
    /// The value of body `id`.
    pub fn get(&self, id: &str) -> Option<V> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| *v)
    }

    /// The values in body order.
    pub fn values(&self) -> Vec<V> {
        self.0.iter().map(|(_, v)| *v).collect()
    }
}

/// A board design: seats, quota, and the power and gaps they give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Design {
    /// Seats of every body (0: not on the board).
    pub seats: IdMap<u64>,
    /// Seats a decision needs.
    pub quota: u64,
    /// Voting power of every body under the index.
    pub power: IdMap<f64>,
    /// Largest |power - target| over bodies.
    pub max_gap: f64,
    /// Sum of |power - target| over bodies (twice the share of power in the
    /// wrong place).
    pub total_gap: f64,
    /// Total seats.
    pub total_seats: u64,
    /// The quota in words: `majority`, `two-thirds`, `unanimity` or `Q of T`.
    pub rule: String,
    /// Bodies with a veto.
    pub veto: Vec<String>,
    /// Whether a decision also needs a majority of the bodies with seats.
    pub also_majority_of_bodies: bool,
}

/// How the designs were found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchSummary {
    /// `exhaustive` or `local-search`.
    pub method: &'static str,
    /// Seat allocations in the space (interchangeable bodies counted once).
    pub allocations: f64,
    /// Allocations evaluated, each under every allowed quota.
    pub evaluated: u64,
    /// Why the first design is or is not known to be optimal.
    pub reason: String,
}

/// The limits the designs respect.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchLimits {
    /// Most seats in total.
    pub max_seats: u64,
    /// Quotas allowed: `majority`, `two-thirds` or `any`.
    pub quota_rule: &'static str,
    /// Whether today's veto bodies keep their veto.
    pub keep_veto: bool,
    /// Whether designs keep today's double majority.
    pub also_majority_of_bodies: bool,
    /// Whether designs may contain a dictator or a dummy seat (added in
    /// format 1).
    pub allow_dummy: bool,
}

/// Designs closest to the target, with today's board beside them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rebalance {
    /// Always [`REBALANCE_FORMAT`].
    pub format: u32,
    /// `powershare X.Y.Z` ([`crate::model::GENERATOR`]).
    pub generator: &'static str,
    /// The partnership's name.
    pub partnership: String,
    /// `banzhaf` or `shapley-shubik`.
    pub index: &'static str,
    /// How the target was set (`equal`, `contribution`, `custom`...).
    pub target_kind: &'static str,
    /// Target share of every body.
    pub target: IdMap<f64>,
    /// The limits searched within.
    pub limits: SearchLimits,
    /// Today's board, when there is one.
    pub current: Option<Design>,
    /// The best designs found, best first, distinct in power.
    pub designs: Vec<Design>,
    /// Whether the first design is proven to be as close as any design
    /// within the limits can be.
    pub optimal: bool,
    /// Whether the first design is close to the target ([`CLOSE`]).
    pub close: bool,
    /// How the designs were found.
    pub search: SearchSummary,
    /// What the reader should know.
    pub notes: Vec<String>,
}

/// The quota `q` of `total` seats in words.
pub fn describe_quota(q: u64, total: u64) -> String {
    if q == QuotaRule::Majority.seats(total) {
        "majority".into()
    } else if q == QuotaRule::TwoThirds.seats(total) {
        "two-thirds".into()
    } else if q == total {
        "unanimity".into()
    } else {
        format!("{q} of {total}")
    }
}

/// The power of every body of `p` (0 for bodies without seats) under
/// `board`, by the voting engine; when the engine cannot evaluate it, by
/// [`evaluate::power`], which is exact for these rules.
fn power_of(p: &Partnership, board: &Board, index: VotingIndex) -> Option<Vec<f64>> {
    let n = p.bodies.len();
    // Only the index searched on is needed, at every candidate board.
    let options = crate::measures::ScoreOptions {
        voting_index: index,
        detail: crate::measures::VotingDetail::Composite,
        ..Default::default()
    };
    let bp = board::power(p, board, &options.indices());
    if let Some(shares) = bp.shares(n, index) {
        return Some(shares);
    }
    let players = bp.players;
    // The narrow evaluator knows no casting vote.
    if players.is_empty() || players.len() > evaluate::MAX_PLAYERS || board.casting_vote {
        return None;
    }
    let game = evaluate::Game {
        seats: players.iter().map(|&i| p.bodies[i].seats).collect(),
        veto: players.iter().map(|i| board.veto.contains(i)).collect(),
        count_quota: board
            .also_majority_of_bodies
            .then_some(players.len() as u64 / 2 + 1),
    };
    let table = evaluate::power(&game, index, board.quota..=board.quota);
    let mut out = vec![0.0; n];
    for (k, &i) in players.iter().enumerate() {
        out[i] = table.row(0)[k];
    }
    Some(out)
}

/// A design of `p` with `seats` per body and `board`.
fn design(
    p: &Partnership,
    seats: &[u64],
    board: &Board,
    target: &[f64],
    index: VotingIndex,
) -> Option<Design> {
    let mut q = p.clone();
    for (b, &s) in q.bodies.iter_mut().zip(seats) {
        b.seats = s;
    }
    let power = power_of(&q, board, index)?;
    let gaps: Vec<f64> = power
        .iter()
        .zip(target)
        .map(|(p, t)| (p - t).abs())
        .collect();
    let total: u64 = seats.iter().sum();
    let ids = || p.bodies.iter().map(|b| b.id.clone());
    Some(Design {
        seats: IdMap(ids().zip(seats.iter().copied()).collect()),
        quota: board.quota,
        power: IdMap(ids().zip(power).collect()),
        max_gap: gaps.iter().copied().fold(0.0, f64::max),
        total_gap: gaps.iter().sum(),
        total_seats: total,
        rule: describe_quota(board.quota, total),
        veto: board.veto.iter().map(|&v| p.bodies[v].id.clone()).collect(),
        also_majority_of_bodies: board.also_majority_of_bodies,
    })
}

/// Search for the designs closest to `options.target`.
pub fn rebalance(p: &Partnership, options: &RebalanceOptions) -> Result<Rebalance, RebalanceError> {
    let shares = options.target.shares(p, options.all_bodies)?;
    let players: Vec<usize> = (0..p.bodies.len()).filter(|&i| shares[i] > 0.0).collect();
    let n = players.len();
    if n == 0 {
        // Shares add up to 1, so some body takes part; never search an
        // empty board (its quota range would be empty).
        return Err(TargetError::NoMass {
            target: options.target.name(),
            why: "no body has a share above 0".into(),
        }
        .into());
    }
    if n > evaluate::MAX_PLAYERS {
        return Err(RebalanceError::TooManyBodies {
            bodies: n,
            limit: evaluate::MAX_PLAYERS,
        });
    }
    let today_total: u64 = p.bodies.iter().map(|b| b.seats).sum();
    // Nobody has seats today: room for three per body taking part.
    let default_max = if today_total == 0 {
        3 * n as u64
    } else {
        today_total.max(n as u64)
    };
    let max_seats = options.max_seats.unwrap_or(default_max);
    if max_seats < n as u64 {
        return Err(RebalanceError::TooFewSeats {
            max: max_seats,
            needed: n,
        });
    }
    if max_seats > MAX_DESIGN_SEATS {
        return Err(RebalanceError::TooManySeats {
            max: max_seats,
            limit: MAX_DESIGN_SEATS,
        });
    }
    let mut notes = Vec::new();
    let today = p.board.as_ref();
    let veto: Vec<usize> = match today {
        Some(b) if options.keep_veto => b.veto.clone(),
        _ => Vec::new(),
    };
    if let Some(&v) = veto.iter().find(|&&v| shares[v] == 0.0) {
        return Err(RebalanceError::VetoWithoutShare {
            id: p.bodies[v].id.clone(),
        });
    }
    match today {
        Some(b) if !b.veto.is_empty() && !options.keep_veto => notes.push(format!(
            "The designs drop today's veto ({}); --keep-veto keeps it.",
            ids(p, &b.veto)
        )),
        _ if options.keep_veto && veto.is_empty() => {
            notes.push("There is no veto today, so --keep-veto changes nothing.".into())
        }
        _ => {}
    }
    if today.is_some_and(|b| b.casting_vote) {
        notes.push(
            "The designs have no casting vote: today's chair breaks ties, and every design decides by its quota alone."
                .into(),
        );
    }
    let double_majority = today.is_some_and(|b| b.also_majority_of_bodies);
    if double_majority {
        notes.push(
            "The designs keep today's double majority: a decision also needs a majority of the bodies with seats."
                .into(),
        );
    }
    let seatless: Vec<usize> = players
        .iter()
        .copied()
        .filter(|&i| p.bodies[i].seats == 0)
        .collect();
    if !seatless.is_empty() && today.is_some() {
        notes.push(format!(
            "Not on the board today, given seats because the target gives them a share: {}.",
            ids(p, &seatless)
        ));
    }
    let dropped: Vec<usize> = (0..p.bodies.len())
        .filter(|&i| shares[i] == 0.0 && p.bodies[i].seats > 0)
        .collect();
    if !dropped.is_empty() {
        notes.push(format!(
            "On the board today but given no seats, because the target gives them no share: {}.",
            ids(p, &dropped)
        ));
    }

    let space = search::Space {
        target: players.iter().map(|&i| shares[i]).collect(),
        veto: players.iter().map(|i| veto.contains(i)).collect(),
        double_majority,
        index: options.index,
        max_seats,
        quota: options.quota,
        today_seats: today_total,
        allow_dummy: options.allow_dummy,
    };
    let today_seats: Vec<u64> = players.iter().map(|&i| p.bodies[i].seats).collect();
    let found = search::search(
        &space,
        Some(&today_seats),
        options.top,
        &options.effort,
        options.seed,
    );

    let designs: Vec<Design> = found
        .designs
        .iter()
        .filter_map(|c| {
            let mut seats = vec![0; p.bodies.len()];
            for (k, &i) in players.iter().enumerate() {
                seats[i] = c.seats[k];
            }
            let board = Board {
                rule: QuotaRule::Seats(c.quota),
                quota: c.quota,
                veto: veto.clone(),
                also_majority_of_bodies: double_majority,
                chair: today.and_then(|b| b.chair).filter(|&c| seats[c] > 0),
                casting_vote: false,
                line: 0,
            };
            design(p, &seats, &board, &shares, options.index)
        })
        .collect();
    let current = today.and_then(|b| {
        let seats: Vec<u64> = p.bodies.iter().map(|b| b.seats).collect();
        design(p, &seats, b, &shares, options.index)
    });
    if today.is_some() && current.is_none() {
        notes.push("Today's voting power could not be computed.".into());
    }
    if found.closer_with_dummy {
        notes.push(
            "A design closer to the target would leave a body without any say (a dummy seat) or let one decide alone (a dictator); such designs are left out, and --allow-dummy shows them."
                .into(),
        );
    }

    let best = designs.first();
    let exact = best.is_some_and(|d| d.max_gap < 1e-9);
    let optimal = found.exhaustive || exact;
    let reason = if found.exhaustive {
        format!(
            "every seat allocation within the limits ({}) was evaluated under every allowed quota{}",
            count(found.space_size),
            if options.allow_dummy || n < 2 {
                ""
            } else {
                ", designs with a dictator or a dummy seat left out"
            }
        )
    } else if exact {
        "the first design matches the target exactly, so no design can be closer".to_string()
    } else {
        format!(
            "local search evaluated {} of about {} seat allocations, from proportional, square-root and refitted seats with seeded restarts; it cannot rule out a closer design",
            found.evaluated,
            count(found.space_size)
        )
    };
    let close = best.is_some_and(|d| d.total_gap / 2.0 <= CLOSE + 1e-12);
    Ok(Rebalance {
        format: REBALANCE_FORMAT,
        generator: crate::model::GENERATOR,
        partnership: p.display_name().to_string(),
        index: options.index.name(),
        target_kind: options.target.name(),
        target: IdMap(
            p.bodies
                .iter()
                .map(|b| b.id.clone())
                .zip(shares.iter().copied())
                .collect(),
        ),
        limits: SearchLimits {
            max_seats,
            quota_rule: options.quota.name(),
            keep_veto: options.keep_veto,
            also_majority_of_bodies: double_majority,
            allow_dummy: options.allow_dummy,
        },
        current,
        designs,
        optimal,
        close,
        search: SearchSummary {
            method: if found.exhaustive {
                "exhaustive"
            } else {
                "local-search"
            },
            allocations: found.space_size,
            evaluated: found.evaluated,
            reason,
        },
        notes,
    })
}

fn ids(p: &Partnership, list: &[usize]) -> String {
    list.iter()
        .map(|&i| p.bodies[i].id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A count for prose: exact below a million, then in scientific notation.
fn count(x: f64) -> String {
    if x < 1e6 {
        format!("{x:.0}")
    } else {
        format!("{x:.1e}")
    }
}
