//! Voting power indices, the quota, and dependence dyads.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "banzhaf",
        kind: Kind::Voting,
        summary: "Normalised Banzhaf index: share of all swings",
        body: "\
Definition: A body's share of all the swings on the board: how often, compared
with the others, its vote turns a winning coalition into a losing one. The
players are the n bodies with seats; a coalition wins when it meets the
board's rule (see `powershare explain quota`). A swing for body i is a winning
coalition containing i that loses without i (i is critical in it); eta_i is
the number of swings of i.

Formula:
  B(i) = eta_i / sum_j eta_j

Range: 0 to 1; the values of the bodies with seats sum to 1. 0 means the body
is a dummy (see dummy-seat).

Reading: The share of real say in votes. It is the index behind the voting
dimension by default, and power-seat-gap compares it with the share of seats:
a body whose Banzhaf share is well above its seat share has more say than its
seats suggest, and the others less.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). When power was computed, it is null only if
nobody has a swing, which happens only when every coalition wins (a quota of 0
seats). Bodies with equal seats and the same role in the rule get equal
values.

Choice: The default index of the voting dimension, as DESIGN.md specifies;
`--voting-index shapley-shubik` switches to Shapley-Shubik. Exact up to
rounding in the last digit (counts are exact integers).",
    },
    Entry {
        name: "banzhaf-absolute",
        kind: Kind::Voting,
        summary: "Absolute (Penrose) Banzhaf index",
        body: "\
Definition: The Penrose measure: the probability that a body's vote decides
the outcome when every other body with seats votes yes or no independently
with probability 1/2. The players are the n bodies with seats; a coalition
wins when it meets the board's rule (see `powershare explain quota`). A swing
for body i is a winning coalition containing i that loses without i (i is
critical in it); eta_i is the number of swings of i.

Formula:
  B'(i) = eta_i / 2^(n-1)

Range: 0 to 1. The values do not sum to 1; their sum is larger when the rule
lets more coalitions turn on a single vote.

Reading: An absolute chance of being decisive: 0.5 means the body's vote
decides half of all possible divisions of the others. Comparing boards, a rule
that lowers every body's value makes each vote matter less.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). Never null when power was computed; exact (an
integer over a power of two).",
    },
    Entry {
        name: "shapley-shubik",
        kind: Kind::Voting,
        summary: "Shapley-Shubik index: share of pivotal orders",
        body: "\
Definition: The share of the n! orders in which the bodies with seats could
join a coalition one by one in which this body is the pivot: the one whose
joining turns the coalition from losing to winning. The players are the n
bodies with seats; a coalition wins when it meets the board's rule (see
`powershare explain quota`). A swing for body i is a winning coalition
containing i that loses without i (i is critical in it); eta_i is the number
of swings of i.

Formula:
  SS(i) = sum over swings S of i of (|S| - 1)! (n - |S|)! / n!

Range: 0 to 1; the values sum to 1 over the bodies with seats.

Reading: Like Banzhaf, a share of the real say in votes, but it weighs each
swing by how many orders lead to it, so the two indices can size the same
body's power differently; compare them when they disagree. Select it for the
voting dimension with `powershare report --voting-index shapley-shubik`.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). If every coalition wins (a quota of 0 seats) it
is 0 for every body, not null.",
    },
    Entry {
        name: "holler",
        kind: Kind::Voting,
        summary: "Holler public good index (minimal coalitions)",
        body: "\
Definition: A body's share of the memberships of minimal winning coalitions:
coalitions that win and in which every member is critical, so none is a
passenger. The players are the n bodies with seats; a coalition wins when it
meets the board's rule (see `powershare explain quota`). A swing for body i is
a winning coalition containing i that loses without i (i is critical in it);
eta_i is the number of swings of i.

Formula:
  H(i) = |M_i| / sum_j |M_j|
  M = minimal winning coalitions, M_i = those containing i.

Range: 0 to 1; the values sum to 1 over the bodies with seats.

Reading: Power as membership of the coalitions that would actually form if no
one shares the gains with a passenger. It can rank a body with more seats
below one with fewer (the index is not monotone in seats), so read it next to
Banzhaf.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). Null when every coalition wins (the empty
coalition is then the only minimal winning one).",
    },
    Entry {
        name: "deegan-packel",
        kind: Kind::Voting,
        summary: "Deegan-Packel: minimal coalitions, equal split",
        body: "\
Definition: The expected share of a body if only minimal winning coalitions
form, each equally likely, and the members of the one that forms split the
gain equally. The players are the n bodies with seats; a coalition wins when
it meets the board's rule (see `powershare explain quota`). A swing for body i
is a winning coalition containing i that loses without i (i is critical in
it); eta_i is the number of swings of i.

Formula:
  DP(i) = (1/|M|) sum over S in M with i in S of 1/|S|
  M = minimal winning coalitions (every member critical).

Range: 0 to 1; the values sum to 1 over the bodies with seats.

Reading: Favours bodies that belong to small minimal winning coalitions:
membership of one of two bodies is worth 1/2, of one of five only 1/5. Like
Holler, it need not follow the seat order.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). Null when every coalition wins (the empty
coalition is then the only minimal winning one).",
    },
    Entry {
        name: "johnston",
        kind: Kind::Voting,
        summary: "Johnston: swings shared among critical members",
        body: "\
Definition: Like Banzhaf, but each swing is shared among the critical members
of the coalition: a body that is the only critical member gets the whole
swing, one of three gets a third. The players are the n bodies with seats; a
coalition wins when it meets the board's rule (see `powershare explain
quota`). A swing for body i is a winning coalition containing i that loses
without i (i is critical in it); eta_i is the number of swings of i.

Formula:
  J(i) = sum over winning S with i critical of 1/c(S),
         divided by the same sum over all bodies;
  c(S) = number of critical members of S.

Range: 0 to 1; the values sum to 1 over the bodies with seats.

Reading: Rewards being able to break coalitions alone: a swing in which the
body is the only critical member counts fully, a swing shared with others
counts in part.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). When power was computed, it is null only if
nobody has a swing (every coalition wins).",
    },
    Entry {
        name: "coleman-prevent",
        kind: Kind::Voting,
        summary: "Coleman power to prevent action",
        body: "\
Definition: The share of all winning coalitions that a body can break by
leaving: its power to stop the board acting. The players are the n bodies with
seats; a coalition wins when it meets the board's rule (see `powershare
explain quota`). A swing for body i is a winning coalition containing i that
loses without i (i is critical in it); eta_i is the number of swings of i.

Formula:
  CP(i) = eta_i / |W|,   W = the set of winning coalitions

Range: 0 to 1; the values do not sum to 1. A veto player has exactly 1.

Reading: How far the body can block what the others want. A high value for one
body means the others cannot act without it.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). Never null when power was computed: the
coalition of all bodies with seats always wins, so |W| is at least 1.",
    },
    Entry {
        name: "coleman-initiate",
        kind: Kind::Voting,
        summary: "Coleman power to initiate action",
        body: "\
Definition: The share of all losing coalitions that a body turns into winning
ones by joining: its power to make the board act. The players are the n bodies
with seats; a coalition wins when it meets the board's rule (see `powershare
explain quota`). A swing for body i is a winning coalition containing i that
loses without i (i is critical in it); eta_i is the number of swings of i.

Formula:
  CI(i) = eta_i / (2^n - |W|),   W = the set of winning coalitions

Range: 0 to 1; the values do not sum to 1. A dictator has exactly 1.

Reading: How far the body can get things done. Under a high quota (unanimity,
two-thirds) every body's power to initiate is low even when its power to
prevent is high.

Edge cases: Computed exactly by enumerating all 2^n coalitions, for at most 25
bodies with seats; with more, every voting index is null and the report's
board note says why. A body without seats is not a player and gets 0 (null
when power was not computed). Null when every coalition wins (there is no
losing coalition).",
    },
    Entry {
        name: "quota",
        kind: Kind::Voting,
        summary: "Board rule: quota, veto and double majority",
        body: "\
Definition: The board's decision rule. The bodies with seats vote; a coalition
of them wins (carries a decision) when it has at least Q of the T seats and
also meets each extra clause: every veto body is in it, and, with a double
majority, it has more than half of the bodies with seats.

Formula:
  quota = \"majority\"     Q = floor(T/2) + 1
  quota = \"two-thirds\"   Q = ceil(2T/3)
  quota = \"unanimity\"    Q = T
  quota = q (integer)    Q = q, with 1 <= q <= T
  quota = f (fraction)   Q = ceil(f T), with 0 < f <= 1
  veto = [\"b\"]           b's yes is needed (a clause: b weight 1, quota 1)
  also_majority_of_bodies = true
                         also floor(m/2) + 1 of the m bodies with seats

Range: Q from 1 to T for every form in practice (but see Edge cases for a tiny
fraction).

Reading: The rule, not only the seat counts, decides who has a say. A high
quota gives every sizeable body a veto and makes action hard; a low one lets a
large body or a bloc decide alone. See banzhaf for the power each body ends up
with, and veto-player, dictator and dummy-seat for what the rule does to
single bodies.

Edge cases: Seats without a [board] table, or a [board] without quota: a
simple majority, with no veto and no double majority. A [board] table when no
body has seats, an integer quota outside 1..=T, a fraction outside (0, 1], an
unknown word, or a veto body without seats is an error. Note that quota = 1 is
one seat but quota = 1.0 is the fraction 1, that is unanimity. A veto body
listed twice counts once. A fraction of 0.5 with an even number of seats gives
exactly half of them, so two opposing halves could both reach the quota; use
\"majority\" for more than half. A fraction so small that f T is within 1e-9 of
0 gives Q = 0, and then every coalition wins and nobody has voting power. The
chair is recorded but has no extra or casting vote in the calculation.

Choice: For a fraction, when f T is within 1e-9 of a whole number that number
is used before rounding up, so 0.1 of 30 seats is 3 seats, not 4 (in floating
point 0.1 x 30 is 3.0000000000000004).",
    },
    Entry {
        name: "dependence-dyad",
        kind: Kind::Voting,
        summary: "Emerson power advantage and mutual dependence",
        body: "\
Definition: For every pair of bodies, Emerson's (1962) power-dependence
relation: the power of j over i is i's dependence on j. The report's
\"dependence\" list gives, for each pair, the dependence share, its parts, the
power advantage and the mutual dependence.

Formula:
  D(i on j)              = min(1, F(j->i) / income(i) + S(i on j))
  advantage of j over i  = D(i on j) - D(j on i)
  mutual dependence      = D(i on j) + D(j on i)
  F(j->i): all [[funding]] from j to i; S(i on j): the sum of the stated
  [[dependence]] shares of i on j.

Range: D from 0 to 1; power advantage from -1 to 1; mutual dependence from 0
to 2.

Reading: A positive power advantage of j over i means j can ask more of i than
i can of j. High mutual dependence with a small advantage is an
interdependent, balanced relationship; a large advantage with little mutual
dependence is a one-sided one, where the weaker partner may not be free to
disagree.

Edge cases: The report lists each ordered pair (of, on) with D(of on on) above
0, with of and then on in file order; power_advantage is that of \"on\" over
\"of\". The funding part is all funding from \"on\" to \"of\" over the income of
\"of\" (0 when that income is 0); the stated part is the sum of the stated
shares. Both are shown uncapped, so they can add up to more than the capped
share.

Choice: Funding and stated dependence add up before the cap of 1, so money and
premises from the same partner together can make a body wholly dependent on
it.",
    },
];
