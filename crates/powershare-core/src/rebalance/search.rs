//! The search over seat allocations and quotas.
//!
//! A design gives every body taking part at least one seat, at most
//! `max_seats` in total, and a quota from the allowed range for that total
//! (every quota of the range is scored in one pass by
//! [`evaluate::power`]). Designs are ranked by their largest absolute gap
//! between power and target, then their total absolute gap; among equally
//! close designs, the one whose seat shares are nearest its power shares
//! (seats that do not mislead), then the nearest in size to today's board,
//! then fewer seats, then seats and quota in order (so the ranking is
//! total and the output deterministic). Gaps are compared after rounding to 1e-9, so
//! rounding noise never decides between two designs.
//!
//! - Exhaustive when the number of allocations times the cost of one is
//!   within [`Effort::exhaustive_work`]. Bodies that are interchangeable
//!   (same target, same veto) are given non-increasing seats in file order,
//!   which skips permutations that cannot rank differently.
//! - Otherwise local search: start from today's seats, seats proportional
//!   to the target, seats proportional to its square root, and seats
//!   refitted a few times by target / power; descend by moving one seat
//!   between two bodies, adding one or removing one (first improvement,
//!   trying the most over-powered donor and the most under-powered receiver
//!   first); then restart, in turn, from the best design after a seeded
//!   random kick, from another design kept after a kick, and from a random
//!   allocation, until [`Effort::patience`] restarts in a row bring nothing
//!   new or the work budget is spent.
//!
//! The result is proven optimal only when the search was exhaustive, or
//! when the best design matches the target exactly.

use std::ops::RangeInclusive;

use super::evaluate::{self, Game};
use crate::measures::random::SplitMix64;
use crate::measures::voting::VotingIndex;

/// Gaps are compared in units of 1e-9.
const RESOLUTION: f64 = 1e9;

/// Which quotas a design may use, for a board of T seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum QuotaChoice {
    /// floor(T/2) + 1.
    Majority,
    /// ceil(2T/3).
    TwoThirds,
    /// Any quota from floor(T/2) + 1 to T. Lower quotas are left out: they
    /// let two coalitions with no member in common both win.
    #[default]
    Any,
}

impl QuotaChoice {
    /// The quotas allowed for `total` seats.
    pub fn range(self, total: u64) -> RangeInclusive<u64> {
        match self {
            QuotaChoice::Majority => total / 2 + 1..=total / 2 + 1,
            QuotaChoice::TwoThirds => {
                let q = (2 * total).div_ceil(3).max(1);
                q..=q
            }
            QuotaChoice::Any => total / 2 + 1..=total,
        }
    }

    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            QuotaChoice::Majority => "majority",
            QuotaChoice::TwoThirds => "two-thirds",
            QuotaChoice::Any => "any",
        }
    }
}

/// How much work the search may do, in units of about a nanosecond on the
/// benchmark machine (see `Searcher::cost`): deterministic, unlike a clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effort {
    /// Search exhaustively when every allocation fits in this many units.
    pub exhaustive_work: f64,
    /// Otherwise stop local search after this many units.
    pub search_work: f64,
    /// Stop after this many restarts in a row that bring no better design...
    pub patience: u32,
    /// ...and that spent at least this many units (so small boards, where
    /// a restart is cheap, get many more restarts).
    pub idle_work: f64,
}

impl Effort {
    /// For `powershare rebalance`: about a second of exhaustive search, and
    /// local search bounded to some tens of seconds on the largest boards.
    pub const THOROUGH: Effort = Effort {
        exhaustive_work: 1.0e9,
        search_work: 1.5e10,
        patience: 40,
        idle_work: 1.0e8,
    };
    /// For the report's suggestion: a few milliseconds on a usual board.
    pub const QUICK: Effort = Effort {
        exhaustive_work: 2e7,
        search_work: 2e8,
        patience: 4,
        idle_work: 0.0,
    };
}

/// The space of designs and what they are ranked by. Players are the
/// bodies taking part, in file order.
#[derive(Debug, Clone)]
pub struct Space {
    /// Target share of each player (each > 0, summing to 1).
    pub target: Vec<f64>,
    /// Players that keep a veto in every design.
    pub veto: Vec<bool>,
    /// Whether every design keeps a double majority.
    pub double_majority: bool,
    /// The index ranked by.
    pub index: VotingIndex,
    /// Most seats in total.
    pub max_seats: u64,
    /// Allowed quotas.
    pub quota: QuotaChoice,
    /// Today's total seats: among equally close designs, the one whose
    /// size is nearest to it ranks first (then the smaller).
    pub today_seats: u64,
    /// Let designs contain a dictator or a dummy seat (a player with no
    /// power). Off by default: such a board shares nothing, however close
    /// its power is to the target. With one player taking part its single
    /// design is a dictator by necessity and is always allowed.
    pub allow_dummy: bool,
}

/// Whether a design with this power has a dummy (a player with no power)
/// or a dictator (a player with all of it; every other player is then a
/// dummy). Normalised Banzhaf and Shapley-Shubik are exactly 0 for a
/// player without a swing, and sum to 1.
pub fn has_dummy(power: &[f64]) -> bool {
    power.len() > 1 && power.iter().any(|&p| p <= 1e-12)
}

/// A design found: seats per player and the quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Seats per player.
    pub seats: Vec<u64>,
    /// Quota in seats.
    pub quota: u64,
}

/// What the search returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The best designs, best first, distinct in power.
    pub designs: Vec<Candidate>,
    /// Whether every allocation was evaluated.
    pub exhaustive: bool,
    /// Number of allocations in the space (counting interchangeable bodies
    /// once), when known to fit in an `f64`.
    pub space_size: f64,
    /// Allocations evaluated (each under every allowed quota).
    pub evaluated: u64,
    /// Whether a design with a dictator or a dummy seat, left out, was
    /// closer to the target than the best design found.
    pub closer_with_dummy: bool,
}

/// Rank of a design: rounded largest gap, rounded total gap, rounded gap
/// between seat shares and power, distance of its size from today's, total
/// seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    max_gap: u64,
    total_gap: u64,
    seats_gap: u64,
    from_today: u64,
    total: u64,
}

impl Score {
    fn exact(&self) -> bool {
        self.max_gap == 0
    }
}

#[derive(Debug, Clone)]
struct Entry {
    score: Score,
    seats: Vec<u64>,
    quota: u64,
    /// Power rounded to the resolution: designs with the same are one.
    fingerprint: Vec<u64>,
}

impl Entry {
    fn key(&self) -> (Score, &[u64], u64) {
        (self.score, &self.seats, self.quota)
    }
}

/// The best designs so far, distinct in power, best first.
#[derive(Debug)]
struct Pool {
    size: usize,
    entries: Vec<Entry>,
}

impl Pool {
    fn worst(&self) -> Option<(Score, &[u64], u64)> {
        (self.entries.len() >= self.size)
            .then(|| self.entries.last().map(Entry::key))
            .flatten()
    }

    /// Whether a design with this score could enter.
    fn admits(&self, score: Score, seats: &[u64], quota: u64) -> bool {
        self.worst().is_none_or(|w| (score, seats, quota) < w)
    }

    fn offer(&mut self, score: Score, seats: &[u64], quota: u64, power: &[f64]) -> bool {
        if !self.admits(score, seats, quota) {
            return false;
        }
        let fingerprint: Vec<u64> = power
            .iter()
            .map(|p| (p * RESOLUTION).round() as u64)
            .collect();
        let key = (score, seats, quota);
        if let Some(k) = self
            .entries
            .iter()
            .position(|e| e.fingerprint == fingerprint)
        {
            if self.entries[k].key() <= key {
                return false;
            }
            self.entries.remove(k);
        }
        let at = self.entries.partition_point(|e| e.key() < key);
        self.entries.insert(
            at,
            Entry {
                score,
                seats: seats.to_vec(),
                quota,
                fingerprint,
            },
        );
        self.entries.truncate(self.size);
        true
    }
}

struct Searcher<'s> {
    space: &'s Space,
    pool: Pool,
    evaluated: u64,
    work: f64,
    /// Set whenever the pool changes.
    improved: bool,
    /// The best (largest gap, total gap) among the designs left out for a
    /// dummy or a dictator.
    best_excluded: Option<(u64, u64)>,
}

impl Searcher<'_> {
    fn n(&self) -> usize {
        self.space.target.len()
    }

    /// Work units (about a nanosecond each) to evaluate one allocation of
    /// `total` seats in which `distinct` different seat counts occur among
    /// the bodies without a veto (bodies with the same seats are computed
    /// once). Measured on the benchmark machine.
    fn cost(&self, total: u64, distinct: usize) -> f64 {
        let n = self.n() as f64;
        let d = distinct as f64;
        let t = total as f64;
        let q = self.space.quota.range(total).count() as f64;
        let wide = self.space.index == VotingIndex::ShapleyShubik || self.space.double_majority;
        if wide {
            n * n * t / 2.0 + 3.0 * d * n * t + 2.0 * n * q + 100.0
        } else {
            2.0 * n * (t + q) + 3.0 * d * (t + q) + 100.0
        }
    }

    /// Score `seats` under every allowed quota; offer each to the pool and
    /// return the best (score, quota, power).
    fn evaluate(&mut self, seats: &[u64]) -> (Score, u64, Vec<f64>) {
        let n = self.n();
        let total: u64 = seats.iter().sum();
        let game = Game {
            seats: seats.to_vec(),
            veto: self.space.veto.clone(),
            count_quota: self.space.double_majority.then_some(n as u64 / 2 + 1),
        };
        let quotas = self.space.quota.range(total);
        let table = evaluate::power(&game, self.space.index, quotas.clone());
        self.evaluated += 1;
        let mut counts: Vec<u64> = (0..n)
            .filter(|&i| !self.space.veto[i])
            .map(|i| seats[i])
            .collect();
        counts.sort_unstable();
        counts.dedup();
        self.work += self.cost(total, counts.len());
        let mut best: Option<(Score, u64, usize)> = None;
        for (k, q) in quotas.enumerate() {
            let row = table.row(k);
            let (mut max_gap, mut total_gap) = (0.0f64, 0.0);
            for (p, t) in row.iter().zip(&self.space.target) {
                let g = (p - t).abs();
                max_gap = max_gap.max(g);
                total_gap += g;
            }
            let gaps = (
                (max_gap * RESOLUTION).round() as u64,
                (total_gap * RESOLUTION).round() as u64,
            );
            if !self.space.allow_dummy && has_dummy(row) {
                if self.best_excluded.is_none_or(|b| gaps < b) {
                    self.best_excluded = Some(gaps);
                }
                continue;
            }
            // Most quotas are worse than both the best of this allocation
            // and the pool's last design: skip the rest of their score.
            let beaten = |s: &Score| gaps > (s.max_gap, s.total_gap);
            if best.as_ref().is_some_and(|(s, _, _)| beaten(s))
                && self.pool.worst().is_some_and(|(s, _, _)| beaten(&s))
            {
                continue;
            }
            let seats_gap: f64 = row
                .iter()
                .zip(seats)
                .map(|(p, &w)| (p - w as f64 / total as f64).abs())
                .sum();
            let score = Score {
                max_gap: gaps.0,
                total_gap: gaps.1,
                seats_gap: (seats_gap * RESOLUTION).round() as u64,
                from_today: total.abs_diff(self.space.today_seats),
                total,
            };
            if self.pool.offer(score, seats, q, row) {
                self.improved = true;
            }
            if best.is_none_or(|(s, _, _)| score < s) {
                best = Some((score, q, k));
            }
        }
        match best {
            Some((score, q, k)) => (score, q, table.row(k).to_vec()),
            // Every quota gives a dummy or a dictator: worse than any
            // design allowed, so the descent moves away from it.
            None => {
                let q = *self.space.quota.range(total).start();
                let worst = Score {
                    max_gap: u64::MAX,
                    total_gap: u64::MAX,
                    seats_gap: u64::MAX,
                    from_today: u64::MAX,
                    total,
                };
                (worst, q, table.row(0).to_vec())
            }
        }
    }

    /// Every allocation, interchangeable players in non-increasing order.
    fn exhaustive(&mut self, classes: &[usize]) {
        let n = self.n();
        let mut seats = vec![0u64; n];
        self.fill(0, &mut seats, 0, classes);
    }

    fn fill(&mut self, j: usize, seats: &mut Vec<u64>, used: u64, classes: &[usize]) {
        let n = self.n();
        if j == n {
            let s = seats.clone();
            self.evaluate(&s);
            return;
        }
        let rest = (n - j - 1) as u64;
        let mut most = self.space.max_seats - used - rest;
        if let Some(prev) = (0..j).rev().find(|&i| classes[i] == classes[j]) {
            most = most.min(seats[prev]);
        }
        for s in 1..=most {
            seats[j] = s;
            self.fill(j + 1, seats, used + s, classes);
        }
    }

    /// First-improvement descent from `seats`; returns the local optimum.
    fn descend(&mut self, mut seats: Vec<u64>, budget: f64) -> (Score, Vec<u64>) {
        let n = self.n();
        let (mut score, _, mut power) = self.evaluate(&seats);
        'outer: while self.work < budget && !score.exact() {
            let total: u64 = seats.iter().sum();
            let gap: Vec<f64> = (0..n).map(|i| power[i] - self.space.target[i]).collect();
            let mut order: Vec<usize> = (0..n).collect();
            // Most over-powered first (ties: file order).
            order.sort_by(|&a, &b| gap[b].total_cmp(&gap[a]).then(a.cmp(&b)));
            let donors: Vec<usize> = order.iter().copied().filter(|&i| seats[i] > 1).collect();
            let receivers: Vec<usize> = order.iter().rev().copied().collect();
            let mut moves: Vec<(Option<usize>, Option<usize>)> = Vec::new();
            for &d in &donors {
                for &r in &receivers {
                    if d != r {
                        moves.push((Some(d), Some(r)));
                    }
                }
            }
            if total < self.space.max_seats {
                moves.extend(receivers.iter().map(|&r| (None, Some(r))));
            }
            moves.extend(donors.iter().map(|&d| (Some(d), None)));
            for (from, to) in moves {
                let mut next = seats.clone();
                if let Some(d) = from {
                    next[d] -= 1;
                }
                if let Some(r) = to {
                    next[r] += 1;
                }
                let (s, _, p) = self.evaluate(&next);
                if s < score {
                    (score, seats, power) = (s, next, p);
                    continue 'outer;
                }
                if self.work >= budget {
                    break 'outer;
                }
            }
            break;
        }
        (score, seats)
    }

    /// A random allocation: a random total, each seat beyond the first
    /// given to a random body.
    fn random(&self, rng: &mut SplitMix64) -> Vec<u64> {
        let n = self.n();
        let spare = self.space.max_seats - n as u64;
        let mut out = vec![1u64; n];
        for _ in 0..rng.index(spare as usize + 1) {
            out[rng.index(n)] += 1;
        }
        out
    }

    /// A random kick: a few seats moved, added or removed.
    fn kick(&self, seats: &[u64], rng: &mut SplitMix64) -> Vec<u64> {
        let n = self.n();
        let mut out = seats.to_vec();
        let moves = 1 + rng.index((n / 2).max(3));
        for _ in 0..moves {
            let total: u64 = out.iter().sum();
            match rng.index(4) {
                0 if total < self.space.max_seats => out[rng.index(n)] += 1,
                1 => {
                    let d = rng.index(n);
                    if out[d] > 1 {
                        out[d] -= 1;
                    }
                }
                _ => {
                    let (d, r) = (rng.index(n), rng.index(n));
                    if out[d] > 1 && d != r {
                        out[d] -= 1;
                        out[r] += 1;
                    }
                }
            }
        }
        out
    }

    fn local(&mut self, starts: Vec<Vec<u64>>, effort: &Effort, seed: u64) {
        let budget = effort.search_work;
        let mut best: Option<(Score, Vec<u64>)> = None;
        for start in starts {
            if self.work >= budget {
                break;
            }
            let found = self.descend(start, budget);
            if best.as_ref().is_none_or(|b| found.0 < b.0) {
                best = Some(found);
            }
        }
        let mut rng = SplitMix64(seed);
        let mut idle = 0;
        let mut idle_since = self.work;
        let mut round = 0usize;
        while self.work < budget
            && (idle < effort.patience || self.work - idle_since < effort.idle_work)
        {
            if self.pool.entries.len() >= self.pool.size
                && self.pool.entries.iter().all(|e| e.score.exact())
            {
                break; // nothing can rank better than an exact match
            }
            // In turn: a kick from the best design, a kick from another
            // design kept, and a random allocation.
            let start = match round % 3 {
                0 => best.as_ref().map(|b| self.kick(&b.1, &mut rng)),
                1 if !self.pool.entries.is_empty() => {
                    let k = rng.index(self.pool.entries.len());
                    let base = self.pool.entries[k].seats.clone();
                    Some(self.kick(&base, &mut rng))
                }
                _ => Some(self.random(&mut rng)),
            };
            let Some(start) = start else { break };
            round += 1;
            self.improved = false;
            let found = self.descend(start, budget);
            if best.as_ref().is_none_or(|b| found.0 < b.0) {
                best = Some(found);
            }
            if self.improved {
                idle = 0;
                idle_since = self.work;
            } else {
                idle += 1;
            }
        }
    }
}

/// Seats for `weights` with `total` seats, each at least 1, by largest
/// remainders (ties to the first body).
pub fn apportion(weights: &[f64], total: u64) -> Vec<u64> {
    let n = weights.len();
    let sum: f64 = weights.iter().sum();
    let ideal: Vec<f64> = weights
        .iter()
        .map(|w| {
            if sum > 0.0 {
                w / sum * total as f64
            } else {
                total as f64 / n as f64
            }
        })
        .collect();
    let mut seats: Vec<u64> = ideal.iter().map(|x| (x.floor() as u64).max(1)).collect();
    let mut used: u64 = seats.iter().sum();
    while used < total {
        let i = (0..n)
            .max_by(|&a, &b| {
                (ideal[a] - seats[a] as f64)
                    .total_cmp(&(ideal[b] - seats[b] as f64))
                    .then(b.cmp(&a))
            })
            .unwrap_or(0);
        seats[i] += 1;
        used += 1;
    }
    while used > total {
        let Some(i) = (0..n).filter(|&i| seats[i] > 1).min_by(|&a, &b| {
            (ideal[a] - seats[a] as f64)
                .total_cmp(&(ideal[b] - seats[b] as f64))
                .then(a.cmp(&b))
        }) else {
            break;
        };
        seats[i] -= 1;
        used -= 1;
    }
    seats
}

/// Groups of interchangeable players: same target (to the resolution) and
/// same veto. `classes[i]` is the first player of i's group.
fn classes(space: &Space) -> Vec<usize> {
    let n = space.target.len();
    let same = |a: usize, b: usize| {
        space.veto[a] == space.veto[b]
            && (space.target[a] * RESOLUTION).round() == (space.target[b] * RESOLUTION).round()
    };
    (0..n)
        .map(|i| (0..=i).find(|&j| same(j, i)).unwrap_or(i))
        .collect()
}

/// Number of allocations the exhaustive search would visit: for each group
/// of m interchangeable players, the partitions of its seats into exactly m
/// parts, combined over groups for totals up to `max_seats`.
fn space_size(classes: &[usize], max_seats: u64) -> f64 {
    let n = classes.len();
    let top = max_seats as usize;
    if top < n {
        return 0.0;
    }
    // parts[m][t]: partitions of t into exactly m positive parts.
    let mut sizes: Vec<usize> = Vec::new();
    for (i, &c) in classes.iter().enumerate() {
        if c == i {
            sizes.push(classes.iter().filter(|&&x| x == i).count());
        }
    }
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let mut parts = vec![vec![0.0f64; top + 1]; largest + 1];
    parts[0][0] = 1.0;
    for m in 1..=largest {
        for t in m..=top {
            parts[m][t] = parts[m - 1][t - 1] + parts[m][t - m];
        }
    }
    // ways[t]: allocations of exactly t seats over the groups so far.
    let mut ways = vec![0.0f64; top + 1];
    ways[0] = 1.0;
    for &m in &sizes {
        let mut next = vec![0.0f64; top + 1];
        for (t, &w) in ways.iter().enumerate() {
            if w == 0.0 {
                continue;
            }
            for u in m..=top - t {
                next[t + u] += w * parts[m][u];
            }
        }
        ways = next;
    }
    ways.iter().sum()
}

/// Find the best `top` designs of `space`, starting local search (when the
/// space is too large to enumerate) from `today` among other points.
pub fn search(
    space: &Space,
    today: Option<&[u64]>,
    top: usize,
    effort: &Effort,
    seed: u64,
) -> Found {
    let n = space.target.len();
    let mut s = Searcher {
        space,
        pool: Pool {
            size: top.max(1),
            entries: Vec::new(),
        },
        evaluated: 0,
        work: 0.0,
        improved: false,
        best_excluded: None,
    };
    let classes = classes(space);
    let size = space_size(&classes, space.max_seats);
    let exhaustive = size * s.cost(space.max_seats, n) <= effort.exhaustive_work;
    if exhaustive {
        s.exhaustive(&classes);
    } else {
        let max = space.max_seats;
        let mut starts: Vec<Vec<u64>> = Vec::new();
        if let Some(t) = today {
            let t: Vec<u64> = t.iter().map(|&x| x.max(1)).collect();
            if t.iter().sum::<u64>() <= max {
                starts.push(t);
            } else {
                starts.push(apportion(
                    &t.iter().map(|&x| x as f64).collect::<Vec<_>>(),
                    max,
                ));
            }
        }
        starts.push(apportion(&space.target, max));
        let roots: Vec<f64> = space.target.iter().map(|t| t.sqrt()).collect();
        starts.push(apportion(&roots, max));
        starts.push(fitted(&mut s, max));
        starts.push(vec![(max / n as u64).max(1); n]);
        // One seat each: symmetric, so no body is a dummy (unless a kept
        // veto makes one): a design the search can always fall back on.
        starts.push(vec![1; n]);
        starts.dedup();
        s.local(starts, effort, seed);
    }
    Found {
        designs: s
            .pool
            .entries
            .iter()
            .map(|e| Candidate {
                seats: e.seats.clone(),
                quota: e.quota,
            })
            .collect(),
        exhaustive,
        space_size: size,
        evaluated: s.evaluated,
        closer_with_dummy: s.best_excluded.is_some_and(|b| {
            s.pool
                .entries
                .first()
                .is_none_or(|e| b < (e.score.max_gap, e.score.total_gap))
        }),
    }
}

/// Refit seats by target / power a few times (each allocation evaluated
/// and offered); return the best allocation met.
fn fitted(s: &mut Searcher<'_>, max: u64) -> Vec<u64> {
    let target = s.space.target.clone();
    let mut weights = target.clone();
    let mut best: Option<(Score, Vec<u64>)> = None;
    for _ in 0..12 {
        let seats = apportion(&weights, max);
        let (score, _, power) = s.evaluate(&seats);
        if best.as_ref().is_none_or(|b| score < b.0) {
            best = Some((score, seats));
        }
        for i in 0..weights.len() {
            let ratio = if power[i] > 0.0 {
                target[i] / power[i]
            } else {
                4.0
            };
            weights[i] *= ratio.clamp(0.25, 4.0);
        }
    }
    best.map(|b| b.1).unwrap_or_else(|| apportion(&target, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_keeps_one_seat_each_and_the_total() {
        assert_eq!(apportion(&[0.5, 0.3, 0.2], 10), vec![5, 3, 2]);
        assert_eq!(apportion(&[0.98, 0.01, 0.01], 5), vec![3, 1, 1]);
        assert_eq!(apportion(&[1.0, 1.0, 1.0], 4), vec![2, 1, 1]);
    }

    #[test]
    fn space_size_counts_partitions() {
        // 3 distinct bodies, up to 5 seats: C(5, 3) = 10 compositions.
        assert_eq!(space_size(&[0, 1, 2], 5), 10.0);
        // 3 interchangeable bodies, up to 5 seats: partitions of 3, 4, 5
        // into 3 parts: 1 + 1 + 2 = 4.
        assert_eq!(space_size(&[0, 0, 0], 5), 4.0);
    }

    #[test]
    fn quota_ranges() {
        assert_eq!(QuotaChoice::Majority.range(11), 6..=6);
        assert_eq!(QuotaChoice::TwoThirds.range(11), 8..=8);
        assert_eq!(QuotaChoice::Any.range(4), 3..=4);
    }
}
