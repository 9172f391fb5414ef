//! The commands that change a board or a file and score it again,
//! `rebalance` and `whatif`, and the funder's overview, `programme`.

use super::{Entry, Kind};

/// Entries of this kind.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "rebalance",
        kind: Kind::Command,
        summary: "Seats and quota that meet a target share",
        body: "\
Definition: `powershare rebalance FILE --target TARGET` answers the inverse
power problem: which seats and quota would give each body the share of
voting power the partnership agreed on? It searches integer seat allocations
(at least one seat for each body taking part, at most --max-seats in all)
and quotas (--quota-rule majority, two-thirds, or any: every quota from a
majority to unanimity), measures each design's power exactly (normalised
Banzhaf, or Shapley-Shubik with --index shapley-shubik), and shows the best
--top designs (default 3) next to today's board.

Formula:
  target share t(i), by --target:
    equal                 the same for each body taking part
    seats                 today's seat share
    contribution, income  the share of that figure (the file must give it)
    sqrt-income           sqrt(income(i)) / sum_j sqrt(income(j))
    custom:ID=SHARE,...   as given, scaled to add up to 1
  max gap   = max_i |P(i) - t(i)|
  total gap = sum_i |P(i) - t(i)|, twice the share of power in the
              wrong place
  Designs rank by max gap, then total gap (both compared to 1e-9), then
  seat shares nearest the power shares, then size nearest today's board,
  then fewer seats.

Range: Max gap from 0 to 1, total gap from 0 to 2; 0 means the target is met
exactly. A design is close when at most 5% of the power is in the wrong
place (total gap / 2 <= 0.05). At most 5,000 seats and 120 bodies taking
part.

Reading: \"#1 is optimal\" means no design within the limits is closer:
either every seat allocation was evaluated under every allowed quota (the
search does that when it takes about a second of work), or the first design
meets the target exactly. Otherwise \"#1 is the best found, not proven
optimal\": a local search (from today's seats, seats proportional to the
target and to its square root, and refitted seats; moving, adding or
removing one seat; seeded restarts) evaluated only part of the space and
cannot rule out a closer design; the output says how much. Power moves in
steps, so a target is often not met exactly by any board; when even the best
design puts more than 5% of the power in the wrong place, the output says
that no design within the limits gets close.

Edge cases: Who takes part: the bodies on the board today, or every body
with --all-bodies (or when nobody has seats); with custom, the bodies named.
A body whose target is 0 gets no seats, every other body at least one, so a
body without seats today may be given some (the output says so). Default
--max-seats: today's total, at least one per body taking part (three per
body when nobody has seats). Today's veto bodies lose their veto unless
--keep-veto; a double majority is kept. Quotas below a majority are never
used: two coalitions with no member in common could both win. Exit 2 for an
unknown target, a body the file does not have, a target figure the file
lacks, too few seats for the bodies taking part, or --keep-veto for a body
the target gives no share.

Choice: The search has its own exact evaluator, made to score every quota of
an allocation in one pass; the designs shown are evaluated again by the
voting engine of `report` (see voting-method). Budgets are counted in units
of work, not read from a clock, and the restarts use a fixed seed, so the
same input gives the same output on any machine. The markdown and HTML
reports run a quick version of this search towards equal power and show its
design when it is clearly more even than today's (--no-redesign leaves it
out).",
    },
    Entry {
        name: "programme",
        kind: Kind::Command,
        summary: "One overview of many partnerships",
        body: "\
Definition: `powershare programme DIR|FILE|GLOB... [--policy FILE]` gives a
funder or a programme one overview of its partnerships: a row per file (name,
period, bodies, the top body and its composite share, composite Gini and
normalised Gini, effective number of partners, findings by severity, and with
--policy the verdict passed or breached), how many partnerships show each
finding code, and the trends of partnerships with files for several periods.
--format text, markdown, csv, json or html (a sortable table, histograms of
the Gini and the top share, a bar chart of the codes, a line chart per
trend); --reports-dir DIR writes each full report and links the rows to it.

Formula:
  row values    = those of `report --format json` on the file (with --policy,
                  `report --policy`): indices.composite.top_share, gini,
                  gini_normalised, effective_number
  one series    = files with the same [partnership] id, or without one the
                  same name, and at least two different periods
  period order  = natural order of the text: digit runs as numbers
                  (\"Q2 2025\" before \"Q10 2025\"), the rest ignoring case
  appeared      = codes in the latest period, not in the first
  resolved      = codes in the first period, not in the latest

Range: Any number of files; each is listed once, in path order (directories
and globs sorted). Status is passed, breached, unusable or unchecked (no
--policy).

Reading: The table says which partnerships hold power most unequally, the
codes which problems are common across the programme, the trends whether
things improve from one period to the next. Rows are comparable: with
lock_weights or [weights] in the policy every file is scored with the same
weights.

Edge cases: An unusable file is listed with its problems (also on stderr) and
makes the exit code 2; the overview is still written. Breaches do not change
the exit code (that is check's job). Files without a period, and unnamed
partnerships without an id, belong to no series. Two files of one
partnership with the same period stay in the series, in path order.

Choice: The order of periods is the order of their text, not the calendar:
write \"2025 Q2\" when quarters of several years meet. diff remains the
side-by-side view of two files.",
    },
    Entry {
        name: "whatif",
        kind: Kind::Command,
        summary: "Change some values and see what changes",
        body: "\
Definition: `powershare whatif FILE --set PATH=VALUE...` changes values of a
partnership file, scores the changed partnership, and prints what changed
against the file as it is (composite share per body, inequality, findings
that appeared or were resolved), in the layout and formats of `diff`.

Formula:
  changed = FILE with each PATH set to VALUE, in the order given
  output  = the difference between the reports of FILE and changed
  PATH is one of:
    partnership.{name,period,currency}
    body.ID.{name,sector,income,staff,contribution,position,seats}
    body.ID.expertise.DOMAIN
    board.{quota,veto,also_majority_of_bodies,chair}
    funding.N.{from,to,amount,kind}    dependence.N.{of,on,share,what}
    contact.N.{between,frequency}      relationship.N.{between,trust}
    decision.N.{title,proposed_by,outcome,how,supported,opposed,date}
    perception.N.rater                 perception.N.influence.ID
    weights.DIMENSION
    policy.{max_composite_gini,max_top_share,max_dependence,
            power_seat_gap,deny}
  ID: a body id; N: an entry's number, from 0, in file order.

Range: Any number of --set, each a path above and a value of its kind: TOML
(3, 0.6, true, \"two words\", [\"a\", \"b\"]) or plain words (majority, cvs,
[council,cvs]). With no --set nothing changes and the difference is empty.

Reading: A proposal tested before the meeting: what one more seat for a
small partner, a dropped veto, a higher quota or a grant moved elsewhere
would do to the shares of power and to the findings, without editing the
file. Several --set together test a package of changes.

Edge cases: Tables that are absent ([board], [weights]...) are created;
entries are not (funding.N must exist). The result goes through the whole
loader, so every validation rule applies: a quota above the total seats
fails as it would in a file. Exit 2 for an unknown path (the message lists
the valid paths nearest to it), a value of the wrong kind, or a change that
makes the file invalid. --voting-index picks the index of the voting
dimension for both sides.

Choice: The changes are written into the TOML document itself, so the rest
of the file keeps its layout and line numbers: a what-if is a file someone
could have written, and error positions point at the right lines.",
    },
];
