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

Edge cases: Exact at any size of board: counted over all 2^n coalitions for
up to 25 bodies with seats, and in big integers beyond that (see
voting-method). Only when no exact method fits the limits is it a Monte Carlo
estimate, and the report's board note says so. A body without seats is not a
player and gets 0. It is null only if nobody has a swing, which happens only
when every coalition wins (a quota of 0 seats). Bodies with equal seats and
the same role in the rule get equal values (up to sampling noise under Monte
Carlo).

Choice: The default index of the voting dimension (see docs/methods.md);
`--voting-index shapley-shubik` switches to Shapley-Shubik. Exact up to
rounding in the last digit (counts are exact integers) except under Monte
Carlo.",
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

Edge cases: Exact at any size of board (an integer over a power of two):
counted over all 2^n coalitions for up to 25 bodies with seats, and in big
integers beyond that (see voting-method). Only when no exact method fits the
limits is it a Monte Carlo estimate: the share of random coalitions in which
the body is critical. A body without seats is not a player and gets 0. Never
null.",
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

Edge cases: Counted over all 2^n coalitions for up to 25 bodies with seats.
Beyond that it is computed by Gauss-Legendre quadrature of the multilinear
extension, which is exact for this polynomial, so only floating-point
rounding remains (under 7e-13 at 1,000 bodies); it is null, with a note, if
the quadrature would exceed the work limit. Only when no exact method fits
the limits is it a Monte Carlo estimate, from random orders. See
voting-method. A body without seats is not a player and gets 0. If every
coalition wins (a quota of 0 seats) it is 0 for every body, not null.",
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

Edge cases: Counted over all 2^n coalitions for up to 25 bodies with seats.
Beyond that it is counted exactly in big integers when the rule is seats and
a quota alone (null, with a note, if the table exceeds the limits); it is
null, with a note, when the rule has several clauses (a veto list or a double
majority: minimal winning coalitions of several clauses are counted only by
enumeration) and under Monte Carlo. See voting-method. A body without seats is
not a player and gets 0. Null when every coalition wins (the empty coalition
is then the only minimal winning one).",
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

Edge cases: Counted over all 2^n coalitions for up to 25 bodies with seats.
Beyond that, when the rule is seats and a quota alone, it comes from tables
over coalition weight and size, within a relative rounding error of about
(3n + q) x 2^-53; it is null, with a note, when those tables would take more
than 150 MB or more than 1,000 bodies have seats. It is null, with a note,
when the rule has several clauses (a veto list or a double majority) and
under Monte Carlo. See voting-method. A body without seats is not a player
and gets 0. Null when every coalition wins (the empty coalition is then the
only minimal winning one).",
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

Edge cases: Counted over all 2^n coalitions for up to 25 bodies with seats.
Beyond that, when the rule is seats and a quota alone, it comes from tables
over coalition weight and size, within a relative rounding error of about
(3n + q) x 2^-53; it is null, with a note, when those tables would take more
than 150 MB or more than 1,000 bodies have seats. It is null, with a note,
when the rule has several clauses (a veto list or a double majority) and
under Monte Carlo. See voting-method. A body without seats is not a player
and gets 0. Otherwise it is null only if nobody has a swing (every coalition
wins).",
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

Edge cases: Exact at any size of board: counted over all 2^n coalitions for
up to 25 bodies with seats, and in big integers beyond that (see
voting-method). Null under Monte Carlo, which does not estimate it. A body
without seats is not a player and gets 0. Otherwise never null: the
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

Edge cases: Exact at any size of board: counted over all 2^n coalitions for
up to 25 bodies with seats, and in big integers beyond that (see
voting-method). Null under Monte Carlo, which does not estimate it. A body
without seats is not a player and gets 0. Null when every coalition wins
(there is no losing coalition).",
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
        name: "voting-method",
        kind: Kind::Voting,
        summary: "How voting power is computed, and how exactly",
        body: "\
Definition: The method behind the voting indices of a board (in `report`,
`check`, `whatif` and the designs of `rebalance`) and of `power`, chosen by
the size and shape of the rule. The rule is a set of clauses a winning
coalition must all meet: the seats with the quota, one clause for the veto
bodies (each must be in), and one for a double majority (see quota). The
first method that fits is used:
  enumeration          at most 25 bodies with seats: each of the 2^n
                       coalitions is visited.
  closed-form          a rule that needs every body (unanimity, or every
                       body with a veto): every index 1/n, exact.
  generating-function  more than 25, seats and quota alone (one clause):
                       coalitions counted by total seats, in big integers,
                       after dividing the seats by their common divisor.
  capped-sums          more than 25, several clauses: coalitions counted by
                       their clause sums, each capped at its quota.
  monte-carlo          when the counting tables of the method above would
                       exceed the limits: random samples.

Formula:
  exact: eta_i, |W| and |M| are exact integers of any size; each index is
    a ratio of them, rounded once.
  Shapley-Shubik beyond 25: SS(i) = integral over p from 0 to 1 of the
    chance that i is the pivot when every other body joins with chance p,
    a polynomial of degree n - 1, so Gauss-Legendre quadrature with
    ceil(n/2) points is exact but for rounding.
  Monte Carlo, N = 200,000 random coalitions (each body in with chance
    1/2) and N random orders:
    B'(i) = share of coalitions in which i is critical,
            standard error sqrt(B'(i) (1 - B'(i)) / N);
    SS(i) = share of orders in which i is the pivot,
            standard error sqrt(SS(i) (1 - SS(i)) / N);
    B(i)  = i's critical count over all bodies' counts, standard error by
            the delta method.

Range: Any board the input limits allow (by default 1,000 bodies of up to 10^6
seats). Each count may take 2 x 10^10 table updates and 150 MB of tables; past
that an index is null with a note or, when even the swings cannot be counted,
Monte Carlo is used. In practice that needs many bodies and seats adding up to
tens of millions.

Reading: Exact means the counts behind an index are exact integers, so the
value is right to the rounding of its last digit (Shapley-Shubik, and beyond
25 bodies Deegan-Packel and Johnston, come from floating-point sums: to within
1e-10). A Monte Carlo value is an estimate: its standard error is one standard
deviation, about 95% of estimates fall within two standard errors of the exact
value, and two bodies whose estimates differ by less than about three standard
errors may have equal power. At N = 200,000 the standard error of the absolute
Banzhaf index is at most 0.00112. `powershare power` names the method in its
first line (\"computed by monte-carlo\") and in its JSON \"method\", shows
standard errors (\"0.005025 ± 0.000158\" in text, standard_errors in JSON) and
takes more samples with --samples N (the error shrinks as 1/sqrt(N)). The
report's board note says \"voting power computed by METHOD\" and then names
each index left null and why; there is no note when the board was enumerated.
The report shows the estimates without their standard errors.

Edge cases: What each method gives:
  enumeration          every index, exact.
  generating-function  every index; Shapley-Shubik null if its quadrature
                       exceeds the work limit, Holler if its table exceeds
                       the limits, Deegan-Packel and Johnston if their
                       tables over weight and size exceed 150 MB or more
                       than 1,000 bodies have seats.
  capped-sums          both Banzhaf indices and Coleman exact,
                       Shapley-Shubik by quadrature; Holler, Deegan-Packel
                       and Johnston null.
  monte-carlo          both Banzhaf indices and Shapley-Shubik estimated;
                       swings, coalition counts, Coleman, Holler,
                       Deegan-Packel and Johnston null.
Dictator and veto flags are exact under every method (each needs two
coalitions). Under Monte Carlo swings are not counted, so only a body with
no weight in any clause is flagged a dummy: on a board, where every player
has seats, nobody, and dummy-seat is never found. The voting dimension and
power-seat-gap use the estimates; non-monotone-power is not looked for, as a
difference may be sampling noise. `check` judges a deny rule for a voting
code on every exactly computed board; under Monte Carlo it judges dictator
and veto-player (exact flags) and skips dummy-seat, power-seat-gap and
non-monotone-power, saying why. A count of winning coalitions above
2^64 - 1 (possible only with more than 64 bodies with seats) is null in
the report, though the power itself is exact.

Choice: The sampling is deterministic: the random stream (SplitMix64) is
written out in powershare and starts from a fixed seed, 1592596824, so the
same input gives the same estimates on every run, machine and release. A
different --samples gives different estimates, which shows the sampling
noise. Every method is checked against enumeration on boards small enough
for both.",
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
