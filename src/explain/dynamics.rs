//! The dynamics findings: the host body, commissioning across the table,
//! priorities from above, power retained, thin consensus, competition and a
//! positive history.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "host-body",
        kind: Kind::Finding,
        summary: "The accountable body is also the top body",
        body: "\
Definition: The [partnership] host, the accountable body that holds the
budget, employs the staff and runs the secretariat, is also the top body, the
partner with the largest composite share.

Formula:
  host = the [partnership] host
  finding when host = the top body and there are 2 or more bodies.

Range: Severity warning; at most one finding, naming the host, with the
evidence composite_share (the host's composite share) and equal_share (1/n).

Reading: The partnership's money, staff and papers run through the partner
that already holds the most power; the others see proposals after it has
shaped them.

Edge cases: The top body is the one with the largest composite share, the
first in file order on a tie, so on a tie only a host first in the file gets
the finding. Without a composite there is no top body and no finding; with one
body there is nothing to compare. The host's composite does not include its
role as host: hosting is not a dimension. It does not count towards
symbolic-partnership.

Choice: Hosting alone is not a finding: a small partner can host well. It
becomes one when the host is also the strongest.

What to do: Separate hosting from control: let the board, not the host, set
the budget and direct the staff, and give the chair to another partner. The
accountable body holds the budget, employs the staff and runs the secretariat,
so it sees and shapes the papers first. When it is also the most powerful
partner, the partnership runs through its hands. Write down what the host does
on the board's behalf and what it may decide alone, and review it each year.

Source: Balloch and Taylor (eds) (2001) on partnership working and power: the
accountable body and its staff hold resources and knowledge the other partners
do not.",
    },
    Entry {
        name: "commissioner-on-board",
        kind: Kind::Finding,
        summary: "Partners on the board judged by a commissioner",
        body: "\
Definition: A body with seats on the board pays another body with seats by
contract or commission: the commissioned partners are judged by a partner they
vote with.

Formula:
  for each pair of bodies i != j, both with seats:
  amount = [[funding]] from j to i of kind contract or commission
  finding when amount > 0 (one per pair).

Range: Severity warning; one finding per (commissioned, commissioner) pair,
naming the commissioned body and then the commissioner, with the evidence
amount (all its contract and commission funding), seats (the commissioned
body's) and commissioner_seats.

Reading: A partner whose contract is judged by another partner at the same
table may not be free to oppose it; the commissioner holds power over it
through the contract as well as the vote.

Edge cases: Only kind contract and commission count: a grant, a fee, in-kind
help or funding of no stated kind does not (it still counts for
funding-dependence and the dependence dimension). Both sides need seats. An
amount of 0 is no contract. It does not count towards symbolic-partnership.

What to do: Declare the commissioning interest and take contract decisions
outside the board, so that no partner votes under the eye of the body that
judges its contract. Public agencies hold power over voluntary organisations
through commissioning: a partner whose contract another partner judges may not
vote against it. Record the commissioning relationships in the partnership's
papers, and let the commissioned partners meet without the commissioner when
they need to.

Source: Emerson, R. M. (1962), Power-dependence relations; Milbourne, L.
(2009), Remodelling the third sector, on commissioning and voluntary
organisations.",
    },
    Entry {
        name: "priorities-from-above",
        kind: Kind::Finding,
        summary: "Priorities answered to policy or a funder",
        body: "\
Definition: More than half of the adopted decisions on priorities answered to
government policy or a funder and were proposed by the top body or by the
partner that funds the most others.

Formula:
  A = adopted [[decision]]s with topic = \"priorities\"
  F = those with driver government-policy or funder, proposed by the top
      body or by a main funder (a body funding the largest number of
      other partners, at least one; all of them on a tie)
  finding when |A| >= 1 and |F| > |A| / 2.

Range: Severity warning; at most one finding, naming the proposers in F in
file order, with the evidence priorities_adopted (|A|) and from_above (|F|).

Reading: The ability to determine priorities in line with government policy or
a funder's programme is power over what the partnership works on; the other
partners agree to an agenda they did not set.

Edge cases: Exactly half is not more than half. Decisions without a topic,
without a driver or without a proposer do not count as from above; rejected
and deferred decisions are not the partnership's priorities and are left out
of A. One adopted decision on priorities is enough. It does not count towards
symbolic-partnership.

Choice: Government policy is not wrong in itself: a statutory plan must follow
it. The finding asks whose priorities fill the rest of the agenda.

What to do: Make room on the agenda for priorities proposed by the other
partners and by the people the partnership serves, beside those set by policy
or funders. The ability to set priorities in line with government policy or a
funder's programme is power over the agenda. Record, for each priority, where
it came from: the minutes then show whose agenda the partnership follows.

Source: Bachrach, P. and Baratz, M. S. (1962), Two faces of power, on power
over what is decided; Balloch and Taylor (eds) (2001) on partnership working
and power.",
    },
    Entry {
        name: "power-retained",
        kind: Kind::Finding,
        summary: "A proposal to share power failed against power",
        body: "\
Definition: A governance decision (a proposal about who decides: seats, the
chair, the budget, the terms of reference) was rejected or deferred while the
top body or a veto body opposed it.

Formula:
  for each [[decision]] with topic = \"governance\" and outcome rejected or
  deferred: B = bodies in opposed that are the top body or a veto body
  (in [board] veto, or a veto by the seat arithmetic)
  finding when B is not empty (one per decision).

Range: Severity concern; one finding per such decision, naming B in file
order, with the evidence supported, opposed and line (the decision's line in
the file).

Reading: Those with power may be reluctant to relinquish it: the partners
proposed to share it, and the partner that holds it, or can block anything,
said no.

Edge cases: Adopted decisions give no finding. A decision opposed only by
partners that are neither the top body nor a veto body gives none. The top
body is the one with the largest composite share (first in file order on a
tie). Under unanimity every body on the board holds a veto, so any of them
opposing counts. It does not count towards symbolic-partnership.

What to do: Bring the proposal back, and ask the partner that blocked it what
form of sharing power it would accept, with a date to decide. Those with power
may be reluctant to relinquish it: a proposal to share seats, the chair or the
budget that fails against the most powerful partner or a veto is power kept,
whatever the reasons given. Record the reasons given for the refusal in the
minutes, and tell the partners who proposed it what happens next.

Source: Arnstein, S. R. (1969), A ladder of citizen participation, on power
holders' resistance to sharing power.",
    },
    Entry {
        name: "thin-consensus",
        kind: Kind::Finding,
        summary: "A consensus few supported, or some opposed",
        body: "\
Definition: An adopted decision minuted as consensus whose supporters are
fewer than half the partners, or that some partner opposed.

Formula:
  for each adopted [[decision]] with how = \"consensus\":
  finding when supported is not empty and 2 |supported| < n,
          or opposed is not empty
  n: the number of bodies (one finding per decision).

Range: Severity warning; one finding per such decision, naming its supporters
and then its opponents as listed, with the evidence supported, opposed,
partners (n) and line (the decision's line in the file).

Reading: What appears to be consensus may be the assent of a few, or a
majority decision with the minority left out of the minutes.

Edge cases: Exactly half is not fewer than half (2 of 4 gives no finding; 2 of
5 does). An empty or absent supported list means support was not recorded, not
that no one supported: it gives no finding unless someone opposed. Decisions
taken by vote or by the chair are not consensus. It is one of the findings
that can make a partnership symbolic (see symbolic-partnership).

What to do: Minute who supported and who opposed each decision, and take a
vote where partners do not all agree rather than record a consensus. Few
partners spoke for it, or some opposed: what appears to be consensus may not
be agreement. Where partners still disagree after the vote, the minutes can
record the decision as contested.

Source: Lukes, S. (1974), Power: a radical view, on apparent consensus.",
    },
    Entry {
        name: "in-sector-competition",
        kind: Kind::Finding,
        summary: "Two partners compete for the same money",
        body: "\
Definition: Two partners are marked as competitors: they bid for the same
contracts or funds.

Formula:
  a [[relationship]] with kind = \"competitors\"
  C = bodies other than the two that pay both by contract or commission
  severity info when C is empty, warning otherwise.

Range: Severity info, or warning when both are commissioned by the same
partner; one finding per competitors entry, naming the two bodies as in
between and then C in file order, with the evidence common_commissioners (|C|)
and trust when given.

Reading: Collaboration within the voluntary sector does not by itself cure the
imbalance with the larger partners when the organisations compete: each has
reason to guard its information and its position, and a common commissioner
can play one against the other.

Edge cases: A pair may have one history and one competitors entry; trust is
optional on the competitors entry and counts for mistrust and positive-history
like any other. Funding of kind grant, fee or in-kind does not make a common
commissioner. It does not count towards symbolic-partnership.

What to do: Agree how competing partners share information, and when they step
out of discussions about contracts they bid for. Collaboration between
voluntary organisations does not by itself cure the imbalance with the public
partners when they compete for the same contracts or funds: each has reason to
guard its information and position. A common commissioner can play one against
the other: name the competition openly, so that it is managed rather than
hidden.

Source: Milbourne, L. (2009), Remodelling the third sector: advancing
collaboration or competition in community-based initiatives?, Journal of
Social Policy, 38(2), on competition between voluntary organisations.",
    },
    Entry {
        name: "positive-history",
        kind: Kind::Finding,
        summary: "A long, positive history to build on",
        body: "\
Definition: Two partners have a long, positive history: trust 2.

Formula:
  a [[relationship]] with trust = 2.

Range: Severity info; one finding per relationship with trust 2, naming the
two bodies in the order of between, with the evidence trust.

Reading: A history of positive relationships bodes well: these partners can
take on shared decisions first and help the others build the same trust.

Edge cases: Trust 1 gives no finding. A pair has at most one trust, so at most
one finding. It is info, the only finding that is good news; it does not count
towards symbolic-partnership and never fails check unless denied.

What to do: Build on this relationship: ask these two partners to lead joint
work and to help others build the same trust. A long, positive history bodes
well for a partnership. Use it: these partners can pilot shared
decision-making, take on joint work first, and show the others what trust
between partners looks like.

Source: Huxham, C. and Vangen, S. (2005), Managing to collaborate, on the
trust-building loop.",
    },
];
