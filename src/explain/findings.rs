//! The findings.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "symbolic-partnership",
        kind: Kind::Finding,
        summary: "Concentrated power, hidden by the machinery",
        body: "\
Definition: The overall verdict: power is concentrated in the composite, and
at least one other finding shows the formal or consensus machinery hiding
where it lies. \"If partnership does not address issues of power, it will
remain symbolic rather than real\" (Balloch and Taylor, 2001).

Formula:
  concentrated = composite Gini > max_composite_gini   (default 0.3)
              or top composite share > max_top_share   (default 0.5)
              or normalised Gini > max_normalised_gini (only when set)
  hidden       = at least one finding of severity warning or concern
                 with one of these codes: dictator, veto-player,
                 dummy-seat, power-seat-gap (only with a positive gap,
                 seats understating power), consensus-dominance,
                 outside-meeting-decisions, informal-exclusion,
                 power-blindness, thin-consensus
                 power-blindness, and from the survey
                 outside-meeting-dealing and consensus-doubted
  finding when concentrated and hidden.
  The limits are the [policy] keys max_composite_gini, max_top_share and
  max_normalised_gini (each 0 to 1).
  robust       = the same verdict at every vertex weighting: each present
                 dimension's weight halved or doubled (2^d weightings)

Range: Severity concern; at most one finding, naming the top body, with the
evidence composite_gini, max_composite_gini, top_share, max_top_share and
hiding_findings (the number of different codes that hide power, which the
message lists), and max_normalised_gini when set. The JSON gives \"robust\":
the message ends \"This holds however the dimensions are weighted (within a
factor 2)\" or \"This depends on the weights\", with the range of the top share
over those weightings.

Reading: The partnership is at risk of being a partnership in name: one body
or a few hold most of the power, and the board, the consensus or the informal
dealing make it look shared. The other findings say where to start.

Edge cases: The top body is the one with the largest composite share (the
first in file order on a tie); without a composite there is no top body and no
finding. A value exactly at a limit is not above it. A Gini that is undefined
(one body) counts as 0, so a single-body partnership is concentrated through
its top share of 1 whenever max_top_share is below 1. The veto-player finding
at severity info (everyone can veto, as under unanimity) does not count, nor
do power-seat-gap findings where seats overstate power, non-monotone-power,
funding-dependence, mistrust, host-body, commissioner-on-board,
priorities-from-above, power-retained, in-sector-competition and
positive-history.

Choice: Either the Gini or the top share is enough for concentration, as
either pattern matters. power-seat-gap counts only where seats understate a
body's power: seats that overstate power, as under unanimity, share power out
rather than hide it. funding-dependence and mistrust show dependence and its
history openly rather than the machinery hiding power, so they do not count;
nor does non-monotone-power, which shows that the rule behaves oddly, not
that a dominant body's power is hidden behind it. Of the dynamics findings
only thin-consensus counts: like consensus-dominance it shows agreement
recorded where there may be none; the host, commissioning, priorities,
power retained and competition are power exercised in the open.

What to do: Put power on the board's agenda: go through these findings with
every partner, agree which to change first, and measure again in a year. Each
finding named in the message has its own action: start there. Share the report
with every partner, not only the board's officers, agree which findings to
change first and by when, and run powershare again at the next review
(powershare diff shows what changed). The finding says that the partnership is
at risk of remaining symbolic, not that it is so: the numbers are a starting
point for the conversation.

Source: Balloch, S. and Taylor, M. (eds) (2001), Partnership working: policy
and practice: \"if partnership does not address issues of power, it will remain
symbolic rather than real\".",
    },
    Entry {
        name: "dictator",
        kind: Kind::Finding,
        summary: "One body can pass any decision on its own",
        body: "\
Definition: A body that decides alone: a coalition of bodies with seats wins
exactly when it contains this body, so the others' votes never change the
outcome.

Formula:
  {i} wins, and the coalition of all other bodies with seats loses.

Range: Severity concern; one finding for the body (there can be at most one
dictator).

Reading: The board is a formality: whatever the others vote, this body's vote
is the decision. Talk about changing the quota, the seats or the veto.

Edge cases: Made only when there is a board, at any size: the flag is exact
under every voting method, Monte Carlo included (see voting-method). When only
one body has seats it is a dictator. Every other body with seats is then also
a dummy-seat (when swings are counted). A dictator is not reported again as a
veto-player. It is one of the findings that can make a partnership symbolic
(see symbolic-partnership).

What to do: Change the rule so that no partner decides alone: raise the quota,
rebalance the seats (powershare rebalance shows designs), or add a majority of
members. A board on which one partner decides alone consults the others rather
than sharing power with them: either say so openly, or change the rule.
powershare whatif tests a change to the seats or the quota before the board
votes on it.

Source: Penrose (1946) and Banzhaf (1965) on voting power: seats are not
power, and a member critical in every winning coalition holds all of it.",
    },
    Entry {
        name: "veto-player",
        kind: Kind::Finding,
        summary: "One body can block every decision on its own",
        body: "\
Definition: A body whose yes every decision needs: all the other bodies with
seats together cannot pass anything without it.

Formula:
  the coalition of all bodies with seats except i loses.

Range: Severity warning, one finding per veto body; but when every body on the
board (two or more) has a veto, as under unanimity, a single finding of
severity info names them all.

Reading: The body can stop anything, so the others must win it over before
they propose; it shapes every proposal. A veto that comes from the seat
arithmetic (4 of 10 seats under two-thirds, where the other 6 are short of 7)
is as real as one written in [board] veto.

Edge cases: Made only when there is a board, at any size: the flag is exact
under every voting method, Monte Carlo included (see voting-method), where
only the banzhaf evidence is an estimate. A veto can come from the seats and
quota, from the [board] veto list, or from a double majority. A dictator gets
the dictator finding instead. It is one of the findings that can make a
partnership symbolic (see symbolic-partnership). The info finding does not
count there.

Choice: When everyone can veto, the veto is a property of the rule, not an
advantage of one partner, so it is reported once, as info.

What to do: Agree in writing which decisions, if any, need this partner's
consent, and let the board's majority decide the rest. A veto can be fitting
for a partner that carries a statutory duty or most of the money, but then it
should cover named decisions (the budget, statutory matters) rather than every
decision. Check whether the veto is written in the rule or comes from the seat
arithmetic (powershare explain quota): a veto nobody intended is the easiest
to remove.

Source: Banzhaf (1965) and Shapley and Shubik (1954): a veto player belongs to
every winning coalition.",
    },
    Entry {
        name: "dummy-seat",
        kind: Kind::Finding,
        summary: "Seats that can never change an outcome",
        body: "\
Definition: A body holds seats on the board but its vote can never change an
outcome: it is critical in no winning coalition, so every voting index gives
it 0. Its membership of the board is symbolic.

Formula:
  seats(i) > 0 and eta_i = 0 (no swing).

Range: Severity concern; one finding per such body.

Reading: The partner is at the table but cannot make a difference by its vote.
It happens when the quota and the others' seats mean no coalition ever needs
it (with seats 4, 4, 4, 2, 2, 1 and a quota of 12, the body with 1 seat is
never needed). Change the quota or the seats.

Edge cases: Made only when there is a board and its swings were counted:
exactly, at any size, by every voting method but Monte Carlo, which does not
count swings, so a board whose power is estimated never gets this finding (see
voting-method). Bodies without seats are not on the board and are never
dummies. A dictator makes every other body with seats a dummy. A dummy gets no
power-seat-gap finding. It is one of the findings that can make a partnership
symbolic (see symbolic-partnership).

What to do: Change the seats or the quota so that this partner's vote can make
a difference (powershare rebalance shows designs that do). A seat that can
never change an outcome invites a partner to the table without giving it a
say: the rungs that Arnstein (1969) calls tokenism. Small changes often fix
it: one seat more or less for another partner, or a quota one seat higher or
lower; powershare whatif shows the effect.

Source: Banzhaf (1965) on voters without power; Arnstein, S. R. (1969), A
ladder of citizen participation.",
    },
    Entry {
        name: "power-seat-gap",
        kind: Kind::Finding,
        summary: "Voting power differs from the share of seats",
        body: "\
Definition: A body's voting power differs from its share of the seats by more
than a set margin.

Formula:
  gap = P(i) - seats(i) / T
  finding when |gap| > margin
  P: the index of the voting dimension (normalised Banzhaf, or
  Shapley-Shubik with --voting-index shapley-shubik); T: total seats;
  margin: [policy] power_seat_gap, default 0.10 (0 to 1).

Range: Severity warning; one finding per body whose gap is beyond the margin,
with the evidence seat_share, voting_power, gap and margin.

Reading: A positive gap means the seats understate the body's real say; a
negative one that they overstate it. Seat counts are what a board sees; the
gap shows that the rule moves power elsewhere.

Edge cases: Made only when there is a board, at any size, for the bodies whose
share under the index was computed (with Shapley-Shubik, not when its
quadrature would exceed the work limit; see voting-method). Under Monte Carlo
the share is an estimate, so a gap within about two standard errors of the
margin may be sampling noise. Only bodies with seats are checked, and dummies
are left out (they get dummy-seat). A gap exactly at the margin gives no
finding (a tolerance of 1e-12 absorbs rounding). It is one of the findings
that can make a partnership symbolic (see symbolic-partnership). Only positive
gaps count there.

What to do: Show the board its voting power beside its seats, and change the
seats or the quota where the gap is not intended. Partners read their
influence off their seats; when the rule moves power elsewhere, they should
know. A gap caused by a veto or a quota may be intended; one that nobody chose
is worth removing.

Source: Penrose (1946) and Banzhaf (1965): voting power is not proportional to
weight.",
    },
    Entry {
        name: "non-monotone-power",
        kind: Kind::Finding,
        summary: "A body with more seats has less voting power",
        body: "\
Definition: A body with more seats than another has less voting power than it.

Formula:
  seats(a) > seats(b) and P(a) < P(b)
  P: the index of the voting dimension (normalised Banzhaf by default).

Range: Severity warning; one finding per such pair, naming a (more seats) and
then b (fewer seats).

Reading: The rule, not the seat count, decides who has a say: a veto or a
double majority can give a smaller body more weight than a larger one.

Edge cases: Made only when there is a board, at any size, but not when its
power is estimated by Monte Carlo, where a difference may be sampling noise
(see voting-method). With seats and a quota alone this cannot happen; it comes
from veto bodies or a double majority. Differences within 1e-12 are ignored.
It does not count towards symbolic-partnership.

What to do: Review the veto and the double majority with the partners: a rule
that gives more seats less say should be changed or knowingly kept. The
paradox comes from the veto or the double majority, not the seats: change one
of them, or keep it knowingly and tell the partners what it does.

Source: Felsenthal, D. S. and Machover, M. (1998), The measurement of voting
power, on the paradoxes of voting power.",
    },
    Entry {
        name: "funding-dependence",
        kind: Kind::Finding,
        summary: "Too much income from one partner",
        body: "\
Definition: A body receives more than a set share of its income from a single
partner.

Formula:
  F(j->i) / income(i) > limit
  F(j->i): all [[funding]] from j to i;
  limit: [policy] max_dependence, default 0.5 (0 to 1).

Range: Severity concern; one finding per (receiver, funder) pair, naming the
receiver and then the funder, with the evidence funding, income, share and
limit.

Reading: A body that gets most of its income from one partner, for instance
through a contract or commission, may not be free to disagree with its funder
at the partnership table.

Edge cases: Only funding counts: stated [[dependence]] shares do not (they
enter the dependence dimension). A body with income 0 is skipped. A share
exactly at the limit gives no finding. It does not count towards
symbolic-partnership.

Choice: Funding only, because the limit is a share of income and a stated
dependence share is not money.

What to do: Keep the funding relationship apart from the partnership's
decisions: the funder declares its interest, and the funded partner can raise
concerns with someone other than its funder. A partner that depends on another
for most of its income may not be free to disagree with it at the table. Over
time, a wider funding base for the funded partner reduces the dependence
itself.

Source: Emerson, R. M. (1962), Power-dependence relations: the power of A over
B is B's dependence on A.",
    },
    Entry {
        name: "consensus-dominance",
        kind: Kind::Finding,
        summary: "Most consensus decisions came from the top body",
        body: "\
Definition: Most of the decisions adopted by consensus were proposed by the
top body, the partner with the largest composite share.

Formula:
  C = adopted decisions with how = \"consensus\" and a proposed_by
  finding when |C| >= 2 and more than half of C were proposed by
  the top body.

Range: Severity warning; one finding naming the top body, with the evidence
consensus_adopted and proposed_by_top.

Reading: What looks like consensus may reflect the dominance of the most
powerful partner: the others agree to its proposals rather than bring their
own.

Edge cases: The top body is the one with the largest composite share (the
first in file order on a tie); without a composite there is no top body and no
finding. Exactly half is not more than half. Consensus decisions without a
proposer are left out of C. The minimum of 2 decisions is fixed, not a
[policy] key. It is one of the findings that can make a partnership symbolic
(see symbolic-partnership).

What to do: Invite and minute proposals from the other partners, and record
who supports each decision taken by consensus. What looks like consensus may
reflect the dominance of the most powerful partner: the others agree to its
proposals rather than bring their own. Rotate who brings proposals, or ask
each partner for one item a meeting.

Source: Lukes, S. (1974), Power: a radical view, on power that shapes what
others accept; Bachrach, P. and Baratz, M. S. (1962), Two faces of power, on
power over the agenda.",
    },
    Entry {
        name: "outside-meeting-decisions",
        kind: Kind::Finding,
        summary: "Decisions taken outside the formal meetings",
        body: "\
Definition: Some recorded decisions were taken outside the formal meetings,
where not every partner could take part.

Formula:
  at least one [[decision]] with how = \"outside-meeting\".

Range: Severity concern; one finding, naming the proposers and supporters of
those decisions in file order, with the evidence outside_meeting (how many)
and decisions (all recorded).

Reading: Partners that deal informally outside the meetings exclude the others
from the decision; the board then only ratifies.

Edge cases: Any outcome counts: adopted, rejected and deferred. The list of
bodies is empty when none of those decisions records a proposer or a
supporter. It is one of the findings that can make a partnership symbolic (see
symbolic-partnership).

What to do: Bring decisions back to the meeting: minute anything agreed
outside it and confirm it where every partner can take part. Partners who
settle things between themselves outside the meetings exclude the others; the
board then only ratifies. Informal contact is not wrong in itself; deciding
there is.

Source: Bachrach, P. and Baratz, M. S. (1962), Two faces of power, on
decisions made out of view; Balloch and Taylor (eds) (2001) on partnership
working and power.",
    },
    Entry {
        name: "informal-exclusion",
        kind: Kind::Finding,
        summary: "A body has no informal ties while others do",
        body: "\
Definition: A body has no informal contact with any partner, while others deal
with each other outside the meetings.

Formula:
  the file has at least one [[contact]], and none involves body i;
  or, from the survey: body i's own respondents (a group of at least
  [survey] min_group answers) mostly (more than half) answer
  included_outside = false, while the median outside_meetings >= 2
  (sometimes).

Range: Severity warning; one finding per such body (the contacts' form
first, so a body is named once).

Reading: Things settled between meetings are settled without this body; it may
find decisions already made when it arrives.

Edge cases: No [[contact]] at all gives no finding: the network was not
recorded, which is not the same as no one having ties. A contact of any
frequency, even rarely, is a tie. It is one of the findings that can make a
partnership symbolic (see symbolic-partnership).

What to do: Bring this partner into the contacts between meetings: share the
briefings and invite it to the conversations where proposals are shaped.
Proposals are shaped between meetings; a partner outside those contacts finds
decisions already made when it arrives. Circulate papers to every partner at
the same time, early enough to prepare.

Source: Freeman, L. C. (1977) on centrality in networks; Balloch and Taylor
(eds) (2001) on partnership working and power.",
    },
    Entry {
        name: "power-blindness",
        kind: Kind::Finding,
        summary: "The top body underrates its own influence",
        body: "\
Definition: The top body, the partner with the largest composite share, rates
its own influence lower than the other partners rate it.

Formula:
  self rating of t < mean of the other raters' ratings of t
  t: the top body.
  Or, from the survey: the mean influence rating of t by its own
  respondents (published: at least [survey] min_group of them) < the
  others' mean (every respondent not of t, [[perception]] included).

Range: Severity warning; at most one finding, naming the top body, with the
evidence self_rating, others_mean and other_raters ([[perception]] form,
judged first) or self_mean, others_mean, own_respondents and other_ratings
(survey form).

Reading: The most powerful partner underestimates its power, so it may not see
how its proposals and its presence shape the partnership, and may read the
others' agreement as real consensus.

Edge cases: The top body is the one with the largest composite share (the
first in file order on a tie); without a composite there is no top body and no
finding. It also needs the top body's rating of itself and at least one rating
of it by another partner; it works even when the perceived dimension is
absent. Equal ratings give no finding. Only the top body is checked. It is one
of the findings that can make a partnership symbolic (see
symbolic-partnership).

What to do: Share the partners' ratings with the most powerful partner and
discuss why the others see its influence as larger than it does. The most
powerful partner may not see how its proposals and its presence shape the
partnership, and may read the others' agreement as real consensus. Ask the
partners what the most powerful partner could do differently for its influence
to be felt less.

Source: Huxham, C. and Vangen, S. (2005), Managing to collaborate, on how
partners perceive power differently.",
    },
    Entry {
        name: "mistrust",
        kind: Kind::Finding,
        summary: "A pair of partners has a history of mistrust",
        body: "\
Definition: Two partners have a history of mistrust.

Formula:
  a [[relationship]] with trust < 0.

Range: Severity warning for trust -1, concern for trust -2 (a long history);
one finding per relationship, naming the two bodies in the order of \"between\",
with the evidence trust.

Reading: A history of mistrust shapes how partners read each other's
proposals; a history of positive relationships helps. Work on it before
relying on consensus.

Edge cases: Trust 0 to 2 gives no finding (trust 2 gives positive-history).
A pair has at most one trust, on its history or on its competitors entry, so
at most one finding. It does not count towards symbolic-partnership.

What to do: Talk about the history openly, with an independent facilitator if
needed, before relying on these two partners to agree. A history of mistrust
shapes how partners read each other's proposals. Start with small, low-risk
joint work that can succeed, and build trust from there.

Source: Huxham, C. and Vangen, S. (2005), Managing to collaborate, on the
trust-building loop.",
    },
];
