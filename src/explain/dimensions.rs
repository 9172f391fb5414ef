//! The dimensions of power and the composite.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "resources",
        kind: Kind::Dimension,
        summary: "Share of income, staff and contribution",
        body: "\
Definition: A body's share of the material resources of the partners: the
mean, over the resource fields the file gives (income, staff, contribution),
of the body's share of that field.

Formula:
  s(i) = (1/K) sum_f x_f(i) / sum_j x_f(j)
  over the K fields f (income, staff, contribution) that are given and
  whose total over the bodies is above 0.

Range: 0 to 1 for each body; the shares of all bodies sum to 1. Equal shares
are 1/n for n bodies.

Reading: A high share means the body brings most of the money and people.
Partners that depend on that money or cannot match that staff time find it
hard to set priorities or to say no. A low share is not a lack of value:
expertise, position and local knowledge are measured in other dimensions.

Edge cases: Income, staff and contribution, once given for any body, must be
given for every body (write 0 when it is 0; a missing figure is an error, not
zero). A field whose values are all 0 is left out of the mean. If no field is
given, or all given fields are 0, the dimension is absent (left out of the
composite, with a note), never zero. Income is the whole organisation's annual
income; contribution is what it commits to this partnership.

Choice: Each field is turned into shares before the mean, so money and staff
are never added together in different units, and the three fields count
equally. An all-zero field is dropped rather than making the whole dimension
absent.",
    },
    Entry {
        name: "expertise",
        kind: Kind::Dimension,
        summary: "Share of rated expertise",
        body: "\
Definition: A body's share of the expertise rated in the file: the sum of its
expertise ratings (0 to 5 per domain) over the sum for all bodies.

Formula:
  s(i) = sum_k e_k(i) / sum_j sum_k e_k(j)
  where e_k(i) is body i's rating in domain k.

Range: 0 to 1 for each body; the shares sum to 1.

Reading: A high share means the partnership leans on this body's knowledge;
knowledge is power when it decides what counts as evidence or as a sensible
proposal. A low share for a community body may mean that its local knowledge
was not rated, not that it has none: look at the domains.

Edge cases: A body without an expertise table counts 0. Domains are free
names; a domain a body is not rated in counts 0 for it. The dimension is
absent when no body has expertise ratings or every rating is 0.

Choice: Ratings are summed over domains, not averaged, so a body rated in more
domains gets a larger share. Rate every body on the same domains for a fair
comparison.",
    },
    Entry {
        name: "position",
        kind: Kind::Dimension,
        summary: "Share of importance or standing",
        body: "\
Definition: A body's share of the position ratings: its importance or standing
(statutory role, size, reputation) rated 0 to 5.

Formula:
  s(i) = p(i) / sum_j p(j)

Range: 0 to 1 for each body; the shares sum to 1.

Reading: A high share means the body's standing lets it frame the discussion
and be listened to first; managers in other agencies may defer to it even
without formal authority. Bodies rated low may be present but not heard.

Edge cases: Position, once given for any body, must be given for every body.
The dimension is absent when no body has a position or every rating is 0.
Equal ratings give equal shares.",
    },
    Entry {
        name: "voting",
        kind: Kind::Dimension,
        summary: "Share of formal voting power on the board",
        body: "\
Definition: A body's share of formal voting power on the board: its normalised
Banzhaf index under the board's rule, or its Shapley-Shubik index with
`powershare report --voting-index shapley-shubik`. Bodies without seats are
not on the board and have 0.

Formula:
  s(i) = eta_i / sum_j eta_j            (normalised Banzhaf, the default)
  s(i) = Shapley-Shubik index of i      (--voting-index shapley-shubik)
  eta_i = number of winning coalitions that lose without i. See
  `powershare explain quota` for the rule and `banzhaf` for the index.

Range: 0 to 1 for each body; the shares sum to 1.

Reading: Voting power is how often a body's vote decides the outcome. It can
differ a lot from the share of seats: depending on the quota and the others'
seats, a body with 40% of the seats may decide everything or nothing. Compare
it with the seat share (see power-seat-gap).

Edge cases: Absent, with a note, when no body has seats, when nobody has any
voting power (only if every coalition wins, which needs a quota of 0 seats),
or with --voting-index shapley-shubik when Shapley-Shubik was not computed at
the board's size (the note is then the board note). Computed for boards of
any size (see voting-method): exactly, except on boards too large for every
exact method, where the shares are Monte Carlo estimates and the board note
says so. A board without a [board] table uses a simple majority of seats.

Choice: Normalised Banzhaf by default (see docs/methods.md): it counts every
coalition a body can swing without assuming an order in which bodies join.",
    },
    Entry {
        name: "dependence",
        kind: Kind::Dimension,
        summary: "Share of how much the others depend on a body",
        body: "\
Definition: How much the other partners depend on a body, as a share of all
dependence in the partnership. Following Emerson (1962), the power of A over B
is B's dependence on A, so being depended on is power.

Formula:
  D(i on j) = min(1, F(j->i) / income(i) + S(i on j))
  s(i)      = sum_j D(j on i) / sum_k sum_j D(j on k)
  F(j->i) is all [[funding]] from j to i; S(i on j) is the sum of the
  stated [[dependence]] shares of i on j.

Range: 0 to 1 for each body; the shares sum to 1.

Reading: A high share means others rely on this body for money, premises,
referrals or other things they need, and may not feel free to disagree with
it. A body that depends heavily on others but that no one depends on has a
share of 0. See `powershare explain dependence-dyad` for each pair.

Edge cases: Absent when the file records no [[funding]] and no [[dependence]],
or when every D is 0. Funding to a body with income 0 counts 0 (validation
only allows 0 then). Several funding entries from the same payer add up,
several stated shares for one pair add up, and their total is capped at 1 per
pair. A body never depends on itself.

Choice: Funding and stated dependence are added before the cap, so money and
premises from the same partner can together make a body wholly dependent. Only
how much others depend on a body enters the composite; how much it depends on
others is reported per body as on_others.",
    },
    Entry {
        name: "network",
        kind: Kind::Dimension,
        summary: "Share of informal ties outside the meetings",
        body: "\
Definition: A body's share of the informal contact between partners outside
the formal meetings: its weighted degree (strength) in the contact network.

Formula:
  strength(i) = sum of w(frequency) over the [[contact]] entries with i
  w: daily 5, weekly 4, monthly 3, quarterly 2, rarely 1
  s(i) = strength(i) / sum_j strength(j)

Range: 0 to 1 for each body; the shares sum to 1.

Reading: Partners that meet often between meetings can settle matters before
the meeting starts. A high share means the body is at the centre of that
informal traffic; a share of 0 means it is outside it (see
informal-exclusion).

Edge cases: Absent when the file records no [[contact]]. A contact without a
frequency counts as monthly (3). Ties are undirected: each entry adds its
weight to both bodies, and several entries for one pair add up. Each body also
gets a betweenness score (the share of shortest paths between other pairs,
counted in ties, that pass through it, normalised by (n-1)(n-2)/2, and 0 for
everyone with fewer than 3 bodies); it is reported but does not enter the
share.",
    },
    Entry {
        name: "agenda",
        kind: Kind::Dimension,
        summary: "Share of adopted decisions a body proposed",
        body: "\
Definition: A body's share of the adopted decisions: how many of the adopted
decisions with a recorded proposer it proposed.

Formula:
  s(i) = (adopted decisions with proposed_by = i)
         / (adopted decisions with any proposed_by)

Range: 0 to 1 for each body; the shares sum to 1.

Reading: A high share means the body sets the agenda: the partnership adopts
what it proposes and the others react. Bodies whose proposals are never
adopted, or who never propose, have little say over what the partnership does,
whatever their seats.

Edge cases: Rejected and deferred decisions do not count, nor adopted
decisions without proposed_by. How a decision was taken (consensus, vote,
chair, outside-meeting) does not matter here. Absent when there is no
[[decision]] or no adopted decision has a proposer.",
    },
    Entry {
        name: "perceived",
        kind: Kind::Dimension,
        summary: "Share of influence as the others see it",
        body: "\
Definition: A body's share of the influence its partners see in it: the mean
influence rating (0 to 5) that the other raters gave it, normalised over the
bodies.

Formula:
  m(i) = mean of r(i) over the raters r other than i who rated i
  s(i) = m(i) / sum_j m(j)

Range: 0 to 1 for each body; the shares sum to 1.

Reading: A high share means the partners experience this body as powerful,
whatever the formal figures say. Compare with the composite: a body seen as
more powerful than its resources and seats suggest may hold informal power;
one seen as less may be overlooked.

Edge cases: A body's rating of itself is left out (it is used by
power-blindness). A rater who did not rate a body is left out of that body's
mean, not counted as 0. Absent, with a note naming them, when some body was
rated by no other partner; also absent when there is no [[perception]] or
every rating by others is 0. Each body may rate once.

Choice: If any body lacks ratings from others, the whole dimension is left out
rather than guessing a value for that body.",
    },
    Entry {
        name: "composite",
        kind: Kind::Dimension,
        summary: "Weighted mean of the dimensions' shares",
        body: "\
Definition: A body's overall share of power: the weighted mean of its shares
on the dimensions present.

Formula:
  c(i) = sum_d w_d s_d(i) / sum_d w_d
  over the dimensions d present; w_d from [weights], 1 when not given.

Range: 0 to 1 for each body; the composite shares sum to 1. Equal power is 1/n
for each of n bodies.

Reading: The composite is the single picture of who holds power. Its
inequality indices (see gini and top-share) say how concentrated power is, and
symbolic-partnership compares them with the [policy] limits. The body with the
largest composite is the \"top body\" that consensus-dominance and
power-blindness look at.

Edge cases: A dimension without data is left out of both sums, never counted
as 0, so adding data can change every body's composite. Weights must be 0 or
more and not all eight 0; a weight of 0 keeps a dimension in the report but
out of the composite. If every present dimension has weight 0, or no dimension
is present, the composite is null and the findings that need it are not made.
On a tie for the largest composite, the top body is the first of them in file
order.

Choice: Absent dimensions are dropped rather than counted as zero, so a
missing table does not make everyone look equal. Ties for the top body go to
the first in file order so results are deterministic.",
    },
];
