//! The commented template printed by `powershare init`.

/// A valid partnership file that teaches the format: every table, each with
/// a one-line comment. Replace the figures with your own.
pub const TEMPLATE: &str = r#"# A powershare partnership file (format 1). Check it with `powershare validate FILE`.
# Everything except [[body]] is optional: a dimension with no data is left out, never counted as zero.
format = 1

# [partnership]: what this file describes; `period` is free text shown in reports and used by `diff`.
[partnership]
name = "Riverside community partnership"
period = "2025-26"
currency = "GBP"
host = "council"                   # the accountable body: holds the budget, employs the staff, runs the secretariat

# [[body]]: one table per partner. `id` is a slug (a-z, 0-9, - and _) used everywhere else in the file.
# income, staff, contribution and position: give each for every body or for none (write 0 when it is 0).
[[body]]
id = "council"
name = "Riverside Borough Council"
sector = "public"                  # public | voluntary | community | private | citizens | funder | other
income = 180_000_000               # annual income in `currency`
staff = 2_400                      # full-time equivalent
contribution = 90_000              # cash and in-kind committed to this partnership
expertise = { statutory = 5, evaluation = 3, local-knowledge = 2 }   # 0..=5 per domain
position = 5                       # importance / standing, 0..=5
seats = 3                          # votes on the board; leave out for a body not on it

[[body]]
id = "cvs"
name = "Riverside Council for Voluntary Service"
sector = "voluntary"
income = 400_000
staff = 9
contribution = 15_000
expertise = { evaluation = 2, local-knowledge = 4, community-development = 5 }
position = 3
seats = 2

[[body]]
id = "tenants"
name = "Eastfield Tenants' Association"
sector = "community"
income = 6_000
staff = 0
contribution = 2_000
expertise = { local-knowledge = 5 }
position = 1
seats = 1

# [board]: the formal decision rule over the seats above.
[board]
quota = "majority"                 # "majority" | "two-thirds" | "unanimity" | a number of seats | a fraction in (0, 1]
veto = []                          # bodies whose yes every decision needs (they must have seats)
also_majority_of_bodies = false    # double majority: also more than half of the bodies with seats
chair = "council"
casting_vote = false               # true: the chair breaks ties (a coalition of exactly half the seats wins with
                                   # the chair in it); only with quota "majority" and a chair who has seats

# [[funding]]: money from one partner to another; it must not exceed the receiver's income.
[[funding]]
from = "council"
to = "cvs"
amount = 120_000
kind = "contract"                  # grant | contract | commission | in-kind | fee

# [[dependence]]: non-financial dependence, as a share 0..=1 of what `of` needs that comes through `on`.
[[dependence]]
of = "tenants"
on = "council"
share = 0.5
what = "meeting rooms and housing repairs"

# [[contact]]: informal ties outside the formal meetings.
[[contact]]
between = ["council", "cvs"]
frequency = "weekly"               # daily | weekly | monthly (the default) | quarterly | rarely

# [[decision]]: what was decided, who proposed it, and how.
[[decision]]
title = "Adopt the neighbourhood plan"
proposed_by = "council"
outcome = "adopted"                # adopted | rejected | deferred
how = "consensus"                  # consensus | vote | chair | outside-meeting
supported = ["council", "cvs"]
opposed = []
topic = "priorities"               # priorities | governance (who decides: seats, chair, budget) | funding | delivery | other
driver = "partners"                # what it answered to: government-policy | funder | partners | service-users | other

# [[perception]]: one per rater, rating everyone's influence 0..=5 (including itself).
[[perception]]
rater = "tenants"
influence = { council = 5, cvs = 3, tenants = 1 }

# [[relationship]]: the history between two partners, -2 (long mistrust) ..= 2 (long positive history),
# or kind = "competitors" when they bid for the same contracts or funds (then trust is optional).
# A pair may have one entry of each kind, and one trust.
[[relationship]]
between = ["council", "tenants"]
kind = "history"                   # history (the default) | competitors
trust = -1

[[relationship]]
between = ["cvs", "tenants"]
kind = "competitors"

# [weights]: how much each dimension counts in the composite (default 1 each).
[weights]
resources = 1.0
voting = 1.0

# [policy]: thresholds for findings and for `powershare check` (each 0..=1), and finding codes to deny.
[policy]
max_composite_gini = 0.5
max_top_share = 0.5
max_dependence = 0.6
deny = ["dummy-seat"]
"#;

/// The sample partnerships shipped with powershare, by name: `powershare
/// init --example NAME` prints one.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "balanced-partnership",
        include_str!("../sample-partnerships/balanced-partnership.toml"),
    ),
    (
        "childrens-planning-forum",
        include_str!("../sample-partnerships/childrens-planning-forum.toml"),
    ),
    (
        "community-shaping",
        include_str!("../sample-partnerships/community-shaping.toml"),
    ),
    (
        "millbrook-wellbeing-alliance",
        include_str!("../sample-partnerships/millbrook-wellbeing-alliance.toml"),
    ),
    (
        "northfield-health-partnership",
        include_str!("../sample-partnerships/northfield-health-partnership.toml"),
    ),
    (
        "youth-partnership",
        include_str!("../sample-partnerships/youth-partnership.toml"),
    ),
];

/// The example called `name`.
pub fn example(name: &str) -> Option<&'static str> {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_are_valid() {
        for (name, text) in super::EXAMPLES {
            assert!(powershare_core::load_str(text).is_ok(), "{name}");
        }
    }

    #[test]
    fn template_is_valid() {
        let p = powershare_core::load_str(super::TEMPLATE).expect("the template must validate");
        assert_eq!(p.bodies.len(), 3);
        assert!(p.board.is_some());
    }
}
