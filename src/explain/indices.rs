//! The inequality indices.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "gini",
        kind: Kind::Index,
        summary: "Gini coefficient: how unequal the shares are",
        body: "\
Definition: Half the mean absolute difference between the values of all pairs
of bodies, relative to the mean value. It is computed on the composite shares
and on the shares of each present dimension, over all n bodies in the file (a
body with no share on a dimension counts 0).

Formula:
  G = sum_i sum_j |x_i - x_j| / (2 n^2 mu)
  computed as sum_i (2i - n - 1) x_(i) / (n sum x), x_(i) sorted ascending.

Range: 0 (all equal) to 1 - 1/n (one body holds everything): at most 0.5 with
2 bodies, 0.75 with 4, 0.9 with 10.

Reading: 0 means power is held equally; the higher it is, the more power sits
with a few. Read it against the maximum 1 - 1/n for the number of partners.
symbolic-partnership counts power as concentrated when the composite Gini is
above max_composite_gini (default 0.3).

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). Zeros are ordinary values: a body with no share raises the Gini.
The result depends only on the values, not on the order of the bodies, so ties
need no rule.

Choice: The population form, without the n/(n-1) correction (see
docs/methods.md). Its maximum therefore depends on n, and a small partnership
can never reach 1.",
    },
    Entry {
        name: "gini-normalised",
        kind: Kind::Index,
        summary: "Gini over its maximum 1 - 1/n (any size)",
        body: "\
Definition: The Gini divided by the largest value it can take for n bodies,
1 - 1/n. It is 1 when one body holds everything, whatever the number of
partners, so one limit means the same for 3 and for 30 partners.

Formula:
  G* = G x n / (n - 1)

Range: 0 (all equal) to 1 (one body holds everything).

Reading: Compare partnerships of different sizes with it; the population Gini
of 3 partners can never pass 0.67, that of 30 partners can reach 0.97. A
programme policy sets a limit on it with max_normalised_gini (a rule of
`check`, and a limit of symbolic-partnership when set; no default).

Edge cases: Null, with the reason under \"undefined\" in the JSON, whenever the
Gini is: fewer than two bodies, or every value 0.

Choice: This is the Gini with the n/(n-1) correction that docs/methods.md
describes; gini stays the population form, and both are reported.",
    },
    Entry {
        name: "hhi",
        kind: Kind::Index,
        summary: "Herfindahl-Hirschman index (sum of squares)",
        body: "\
Definition: The sum of the squared shares: the chance that two units of power
picked at random belong to the same body. It is computed on the composite
shares and on the shares of each present dimension, over all n bodies in the
file (a body with no share on a dimension counts 0).

Formula:
  HHI = sum_i s_i^2,   s_i = x_i / sum_j x_j

Range: 1/n (equal shares) to 1 (one body holds everything).

Reading: Higher means more concentrated; large shares weigh much more than
small ones. Because its floor depends on n, compare partnerships of different
sizes with hhi-normalised or effective-number instead.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). Zero shares add 0. The result depends only on the values, not on
the order of the bodies, so ties need no rule.

Choice: Computed as 1/n + sum (s_i - 1/n)^2, which is the same value but gives
exactly 1/n for equal shares.",
    },
    Entry {
        name: "hhi-normalised",
        kind: Kind::Index,
        summary: "HHI rescaled to run from 0 to 1",
        body: "\
Definition: The HHI rescaled so that equal shares give 0 and one body holding
everything gives 1, whatever the number of bodies. It is computed on the
composite shares and on the shares of each present dimension, over all n
bodies in the file (a body with no share on a dimension counts 0).

Formula:
  HHI* = (HHI - 1/n) / (1 - 1/n) = n/(n-1) sum_i (s_i - 1/n)^2

Range: 0 (equal) to 1 (one body holds everything).

Reading: Comparable across partnerships of different sizes; 0 means no
concentration at all, values near 1 mean one body holds nearly all power.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). With one body the formula would divide by 0, hence the two-body
minimum. The result depends only on the values, not on the order of the
bodies, so ties need no rule.",
    },
    Entry {
        name: "effective-number",
        kind: Kind::Index,
        summary: "Effective number of partners (1 / HHI)",
        body: "\
Definition: The number of equally strong partners that would give the same
concentration (Laakso-Taagepera). It is computed on the composite shares and
on the shares of each present dimension, over all n bodies in the file (a body
with no share on a dimension counts 0).

Formula:
  N = 1 / HHI

Range: 1 (one body holds everything) to n (all equal).

Reading: A partnership of 6 bodies with an effective number of 1.8 works, in
power terms, like fewer than 2 equal partners. The further below n it is, the
more the others are there in name only.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). The result depends only on the values, not on the order of the
bodies, so ties need no rule.",
    },
    Entry {
        name: "theil",
        kind: Kind::Index,
        summary: "Theil T index (entropy of the shares)",
        body: "\
Definition: Theil's T index: how far the shares are from equal, measured by
entropy; ln n minus the entropy of the shares. It is computed on the composite
shares and on the shares of each present dimension, over all n bodies in the
file (a body with no share on a dimension counts 0).

Formula:
  T = (1/n) sum_i (x_i/mu) ln(x_i/mu),   with 0 ln 0 = 0

Range: 0 (all equal) to ln n (one body holds everything): ln 2 = 0.69 for 2
bodies, ln 5 = 1.61 for 5.

Reading: Higher means more unequal. Compared with the mean log deviation it
gives more weight to differences among the larger shares.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). A zero value adds 0 (0 ln 0 = 0), so zeros are allowed. The result
depends only on the values, not on the order of the bodies, so ties need no
rule.",
    },
    Entry {
        name: "mean-log-deviation",
        kind: Kind::Index,
        summary: "Mean log deviation (Theil L)",
        body: "\
Definition: Theil's L index: the mean of the logarithm of the mean over each
value. It is computed on the composite shares and on the shares of each
present dimension, over all n bodies in the file (a body with no share on a
dimension counts 0).

Formula:
  MLD = (1/n) sum_i ln(mu / x_i)

Range: 0 (all equal) upwards, with no upper limit.

Reading: Higher means more unequal. Compared with Theil T it gives more weight
to differences among the smaller shares: a body with a very small share raises
it sharply.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). Also null when any value is 0 (ln(mu/0) is infinite); the reason
says how many values are 0. In the voting dimension every body without seats
has 0, so the index is null there whenever some body is off the board. The
result depends only on the values, not on the order of the bodies, so ties
need no rule.",
    },
    Entry {
        name: "atkinson-0-5",
        kind: Kind::Index,
        summary: "Atkinson index with inequality aversion 0.5",
        body: "\
Definition: Atkinson's index with inequality aversion e = 0.5: the share of
the total that an equal split could give up and still be judged as good as the
actual split. It is computed on the composite shares and on the shares of each
present dimension, over all n bodies in the file (a body with no share on a
dimension counts 0).

Formula:
  A(0.5) = 1 - [(1/n) sum_i (x_i/mu)^(1/2)]^2

Range: 0 (all equal) to 1 - 1/n (one body holds everything).

Reading: 0.2 means an equal split of 80% of the power would be as good as the
present split of all of it. Moderately sensitive to small shares.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). Zero values are allowed (their square root is 0). The result
depends only on the values, not on the order of the bodies, so ties need no
rule.",
    },
    Entry {
        name: "atkinson-1",
        kind: Kind::Index,
        summary: "Atkinson index with inequality aversion 1",
        body: "\
Definition: Atkinson's index with inequality aversion e = 1: one minus the
geometric mean over the arithmetic mean. It is computed on the composite
shares and on the shares of each present dimension, over all n bodies in the
file (a body with no share on a dimension counts 0).

Formula:
  A(1) = 1 - (prod_i x_i)^(1/n) / mu = 1 - exp(-MLD)

Range: 0 (all equal) to 1.

Reading: Higher means more unequal; more sensitive to small shares than
atkinson-0-5. It is 1 as soon as one body has nothing.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). When any value is 0 the geometric mean is 0 and the index is
exactly 1. The result depends only on the values, not on the order of the
bodies, so ties need no rule.

Choice: 1 rather than null when a value is 0: it is what the formula gives and
the limit as that value tends to 0. Otherwise it is computed from the mean log
deviation as 1 - exp(-MLD).",
    },
    Entry {
        name: "coefficient-of-variation",
        kind: Kind::Index,
        summary: "Standard deviation over the mean",
        body: "\
Definition: The population standard deviation of the values divided by their
mean. It is computed on the composite shares and on the shares of each present
dimension, over all n bodies in the file (a body with no share on a dimension
counts 0).

Formula:
  CV = sqrt((1/n) sum_i (x_i - mu)^2) / mu

Range: 0 (all equal) to sqrt(n - 1) (one body holds everything).

Reading: How spread out the values are, in units of the mean: 1 means the
typical body is a whole mean away from the average. Its maximum grows with n.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). The result depends only on the values, not on the order of the
bodies, so ties need no rule.

Choice: The population standard deviation (dividing by n, not n - 1), as for
every index here.",
    },
    Entry {
        name: "top-share",
        kind: Kind::Index,
        summary: "Largest share held by one body (CR_1)",
        body: "\
Definition: The largest share held by a single body. It is computed on the
composite shares and on the shares of each present dimension, over all n
bodies in the file (a body with no share on a dimension counts 0).

Formula:
  top = max_i s_i = CR_1

Range: 1/n (all equal) to 1 (one body holds everything).

Reading: Above 0.5, one body holds more than all the others together.
symbolic-partnership counts power as concentrated when the top composite share
is above max_top_share (default 0.5).

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). When several bodies share the largest value the index is that
value; the findings name the first of them in file order.",
    },
    Entry {
        name: "cr",
        kind: Kind::Index,
        summary: "Concentration ratios: k largest shares together",
        body: "\
Definition: The concentration ratios: CR_k is the sum of the k largest shares,
for every k from 1 to n. The JSON key cr is a list with cr[k-1] = CR_k; cr[0]
is the top share. It is computed on the composite shares and on the shares of
each present dimension, over all n bodies in the file (a body with no share on
a dimension counts 0).

Formula:
  CR_k = s_(1) + ... + s_(k),   shares sorted from the largest

Range: CR_k from k/n to 1; the list never decreases and CR_n is exactly 1.

Reading: CR_2 = 0.9 means two bodies hold 90% of the power; look for the k at
which the list comes close to 1 to see how many bodies really count. The list
is in the JSON report only, not in the text table.

Edge cases: An empty list, with \"cr\" listed under \"undefined\", when there are
fewer than two bodies or every value is 0. Ties do not matter: equal shares
sum the same in any order.",
    },
    Entry {
        name: "hoover",
        kind: Kind::Index,
        summary: "Hoover index: share that must move to equalise",
        body: "\
Definition: The share of the total that would have to move from bodies above
an equal share to bodies below it to make all shares equal. It is computed on
the composite shares and on the shares of each present dimension, over all n
bodies in the file (a body with no share on a dimension counts 0).

Formula:
  H = (1/2) sum_i |s_i - 1/n|

Range: 0 (all equal) to 1 - 1/n (one body holds everything).

Reading: 0.3 means 30% of the power would have to change hands for the
partners to be equal: the easiest of the indices to say to a board.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). The result depends only on the values, not on the order of the
bodies, so ties need no rule.",
    },
    Entry {
        name: "max-min-ratio",
        kind: Kind::Index,
        summary: "Largest value over the smallest",
        body: "\
Definition: The largest value divided by the smallest. It is computed on the
composite shares and on the shares of each present dimension, over all n
bodies in the file (a body with no share on a dimension counts 0).

Formula:
  R = max_i x_i / min_i x_i

Range: 1 (all equal) upwards, with no upper limit.

Reading: 12 means the strongest body holds 12 times the share of the weakest.
It looks only at the two ends and ignores everyone in between.

Edge cases: Null, with the reason under \"undefined\" in the JSON, when there
are fewer than two bodies (\"needs at least two bodies\") or every value is 0
(\"all values are zero\"; a report never shows this, as a dimension without mass
is absent). Also null when the smallest value is 0 (division by 0; the reason
says how many values are 0) and when the ratio is too large to represent as a
number. In the voting dimension any body without seats has 0, so the ratio is
null there. The result depends only on the values, not on the order of the
bodies, so ties need no rule.",
    },
];
