//! The dynamics of partnership working that the sources name and the
//! measures alone do not read: the accountable (host) body, commissioning
//! across the board table, priorities set from above, power retained when
//! a proposal to share it fails, consensus that few supported, competition
//! between partners, and a positive history to build on.
//!
//! Severities and thresholds (fixed, not `[policy]` keys; `powershare
//! explain CODE` states each):
//!
//! | code | severity | fires when |
//! |---|---|---|
//! | host-body | warning | the `[partnership] host` is the top body (2 or more bodies) |
//! | commissioner-on-board | warning | a body with seats pays another body with seats by `contract` or `commission` (amount > 0); one per pair, the commissioned body first |
//! | priorities-from-above | warning | more than half of the adopted `priorities` decisions were driven by government policy or a funder and proposed by the top body or a main funder |
//! | power-retained | concern | a `governance` decision was rejected or deferred with the top body or a veto body among those opposed |
//! | thin-consensus | warning | an adopted `consensus` decision names supporters and fewer than half the partners, or names anyone opposed |
//! | in-sector-competition | info, warning with a common commissioner | a `competitors` relationship |
//! | positive-history | info | a relationship with trust [`POSITIVE_TRUST`] |

use std::collections::{BTreeMap, BTreeSet};

use crate::findings::{Finding, Severity, name, pct};
use crate::measures::Measures;
use crate::model::{
    FindingCode, FundingKind, How, Ordered, Outcome, Partnership, RelationshipKind, Topic,
};

/// The trust of a long, positive history (`positive-history`).
pub const POSITIVE_TRUST: i64 = 2;

/// Every dynamics finding of `m`, in the order of the codes.
pub(super) fn find(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    host_body(m, out);
    commissioner_on_board(p, out);
    priorities_from_above(m, out);
    power_retained(m, out);
    thin_consensus(p, out);
    in_sector_competition(p, out);
    positive_history(p, out);
}

/// "a, b and c".
fn names(p: &Partnership, bodies: &[usize]) -> String {
    let all: Vec<&str> = bodies.iter().map(|&i| name(p, i)).collect();
    match all.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn ids(p: &Partnership, bodies: &[usize]) -> Vec<String> {
    bodies.iter().map(|&i| p.bodies[i].id.clone()).collect()
}

/// Whether funding of this kind makes the payer the receiver's commissioner.
fn commissions(kind: Option<FundingKind>) -> bool {
    matches!(kind, Some(FundingKind::Contract | FundingKind::Commission))
}

/// Amounts paid by contract or commission, by (receiver, commissioner),
/// each summed in file order: built in one pass over the funding, so the
/// findings below never scan the funding once per pair of bodies.
fn commissioned(p: &Partnership) -> BTreeMap<(usize, usize), f64> {
    let mut held: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for f in p.funding.iter().filter(|f| commissions(f.kind)) {
        *held.entry((f.to, f.from)).or_insert(0.0) += f.amount;
    }
    held
}

/// The bodies that commission `to` (a positive amount), in body order.
fn commissioners_of(held: &BTreeMap<(usize, usize), f64>, to: usize) -> BTreeSet<usize> {
    held.range((to, 0)..=(to, usize::MAX))
        .filter(|&(_, &amount)| amount > 0.0)
        .map(|(&(_, from), _)| from)
        .collect()
}

fn host_body(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let (Some(host), Some(top), Some(c)) = (p.host, m.top_body(), &m.composite) else {
        return;
    };
    let n = p.bodies.len();
    if host != top || n < 2 {
        return;
    }
    out.push(Finding {
        code: FindingCode::HostBody,
        robust: None,
        severity: Severity::Warning,
        bodies: ids(p, &[host]),
        evidence: Ordered(vec![
            ("composite_share", c[host]),
            ("equal_share", 1.0 / n as f64),
        ]),
        message: format!(
            "{} is the accountable body, holding the budget, the staff and the secretariat, and also the most powerful partner ({} of the composite power against an equal share of {}): the partnership runs through its hands.",
            name(p, host),
            pct(c[host]),
            pct(1.0 / n as f64)
        ),
    });
}

fn commissioner_on_board(p: &Partnership, out: &mut Vec<Finding>) {
    let seated = |i: usize| p.bodies[i].seats > 0;
    for ((i, j), amount) in commissioned(p) {
        if i == j || !seated(i) || !seated(j) || amount <= 0.0 {
            continue;
        }
        out.push(Finding {
            code: FindingCode::CommissionerOnBoard,
            robust: None,
            severity: Severity::Warning,
            bodies: ids(p, &[i, j]),
            evidence: Ordered(vec![
                ("amount", amount),
                ("seats", p.bodies[i].seats as f64),
                ("commissioner_seats", p.bodies[j].seats as f64),
            ]),
            message: format!(
                "{} sits on the board with {}, which holds its contract or commission: it is judged by a partner it votes with.",
                name(p, i),
                name(p, j),
            ),
        });
    }
}

/// The bodies that fund the largest number of other partners (at least
/// one), all of them on a tie.
pub fn main_funders(p: &Partnership) -> Vec<usize> {
    let n = p.bodies.len();
    // Each (funder, funded) pair counted once, however many entries hold it.
    let mut pairs: Vec<(usize, usize)> = p
        .funding
        .iter()
        .filter(|f| f.amount > 0.0)
        .map(|f| (f.from, f.to))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut funded = vec![0usize; n];
    for (j, _) in pairs {
        funded[j] += 1;
    }
    let most = funded.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return Vec::new();
    }
    (0..n).filter(|&j| funded[j] == most).collect()
}

fn priorities_from_above(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let top = m.top_body();
    let funders = main_funders(p);
    let adopted: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.topic == Some(Topic::Priorities) && d.outcome == Outcome::Adopted)
        .collect();
    let above: Vec<usize> = adopted
        .iter()
        .filter(|d| d.driver.is_some_and(|x| x.from_above()))
        .filter_map(|d| d.proposed_by)
        .filter(|&b| Some(b) == top || funders.contains(&b))
        .collect();
    if adopted.is_empty() || 2 * above.len() <= adopted.len() {
        return;
    }
    let mut proposers = above.clone();
    proposers.sort_unstable();
    proposers.dedup();
    let described: Vec<String> = proposers
        .iter()
        .map(|&b| {
            let role = match (Some(b) == top, funders.contains(&b)) {
                (true, true) => "the most powerful partner and the one that funds the most others",
                (true, false) => "the most powerful partner",
                _ => "the partner that funds the most others",
            };
            format!("{} ({role})", name(p, b))
        })
        .collect();
    out.push(Finding {
        code: FindingCode::PrioritiesFromAbove,
        robust: None,
        severity: Severity::Warning,
        bodies: ids(p, &proposers),
        evidence: Ordered(vec![
            ("priorities_adopted", adopted.len() as f64),
            ("from_above", above.len() as f64),
        ]),
        message: format!(
            "{} answered to government policy or a funder and {} proposed by {}: the partnership's priorities are being set from above rather than by the partners.",
            match (above.len(), adopted.len()) {
                (1, 1) => "The only adopted decision on priorities".to_string(),
                (k, n) if k == n => format!("All {n} adopted decisions on priorities"),
                (k, n) => format!("{k} of the {n} adopted decisions on priorities"),
            },
            if above.len() == 1 { "was" } else { "were" },
            described.join(" and ")
        ),
    });
}

fn power_retained(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let top = m.top_body();
    // Veto bodies: written in [board] veto, or a veto by the seat arithmetic.
    let mut veto: Vec<usize> = p
        .board
        .iter()
        .flat_map(|b| b.veto.iter().copied())
        .collect();
    if let Some(bp) = &m.board {
        veto.extend(
            bp.players
                .iter()
                .copied()
                .filter(|&i| bp.player(i).is_some_and(|x| x.veto)),
        );
    }
    for d in &p.decisions {
        if d.topic != Some(Topic::Governance) || d.outcome == Outcome::Adopted {
            continue;
        }
        let mut blockers: Vec<usize> = d
            .opposed
            .iter()
            .copied()
            .filter(|&b| Some(b) == top || veto.contains(&b))
            .collect();
        if blockers.is_empty() {
            continue;
        }
        blockers.sort_unstable();
        let described: Vec<String> = blockers
            .iter()
            .map(|&b| {
                let role = match (Some(b) == top, veto.contains(&b)) {
                    (true, true) => " (the most powerful partner, which holds a veto)",
                    (true, false) => " (the most powerful partner)",
                    _ => " (which holds a veto)",
                };
                format!("{}{role}", name(p, b))
            })
            .collect();
        let support = match d.supported.len() {
            0 => String::new(),
            1 => ", with 1 partner for it".to_string(),
            k => format!(", with {k} partners for it"),
        };
        out.push(Finding {
            code: FindingCode::PowerRetained,
            robust: None,
            severity: Severity::Concern,
            bodies: ids(p, &blockers),
            evidence: Ordered(vec![
                ("supported", d.supported.len() as f64),
                ("opposed", d.opposed.len() as f64),
                ("line", d.line as f64),
            ]),
            message: format!(
                "\u{201c}{}\u{201d}, a proposal about who decides, was {} while {} opposed it{support}: those with power may be reluctant to relinquish it.",
                d.title,
                match d.outcome {
                    Outcome::Deferred => "deferred",
                    _ => "rejected",
                },
                described.join(" and "),
            ),
        });
    }
}

fn thin_consensus(p: &Partnership, out: &mut Vec<Finding>) {
    let n = p.bodies.len();
    for d in &p.decisions {
        if d.how != How::Consensus || d.outcome != Outcome::Adopted {
            continue;
        }
        // An empty `supported` list means support was not recorded.
        let thin = !d.supported.is_empty() && 2 * d.supported.len() < n;
        if !thin && d.opposed.is_empty() {
            continue;
        }
        let mut bodies = d.supported.clone();
        bodies.extend(&d.opposed);
        let support = format!("{} of the {n} partners in support", d.supported.len());
        let message = if d.opposed.is_empty() {
            format!(
                "\u{201c}{}\u{201d} was minuted as consensus with only {} in support ({} of the {n} partners): what appears to be consensus may be the assent of a few.",
                d.title,
                names(p, &d.supported),
                d.supported.len()
            )
        } else {
            format!(
                "\u{201c}{}\u{201d} was minuted as consensus although {} opposed it ({}): what appears to be consensus may not be agreement.",
                d.title,
                names(p, &d.opposed),
                if d.supported.is_empty() {
                    "support not recorded".to_string()
                } else {
                    support
                }
            )
        };
        out.push(Finding {
            code: FindingCode::ThinConsensus,
            robust: None,
            severity: Severity::Warning,
            bodies: ids(p, &bodies),
            evidence: Ordered(vec![
                ("supported", d.supported.len() as f64),
                ("opposed", d.opposed.len() as f64),
                ("partners", n as f64),
                ("line", d.line as f64),
            ]),
            message,
        });
    }
}

fn in_sector_competition(p: &Partnership, out: &mut Vec<Finding>) {
    let held = commissioned(p);
    for r in &p.relationships {
        if r.kind != RelationshipKind::Competitors {
            continue;
        }
        let [a, b] = r.between;
        let commissioners: Vec<usize> = commissioners_of(&held, a)
            .intersection(&commissioners_of(&held, b))
            .copied()
            .filter(|&k| k != a && k != b)
            .collect();
        let mut bodies = vec![a, b];
        bodies.extend(&commissioners);
        let mut evidence = vec![("common_commissioners", commissioners.len() as f64)];
        if let Some(t) = r.trust {
            evidence.push(("trust", t as f64));
        }
        let (severity, message) = if commissioners.is_empty() {
            (
                Severity::Info,
                format!(
                    "{} and {} compete for the same contracts or funds: working together may not by itself even out power between them and the larger partners, since each has reason to guard its position.",
                    name(p, a),
                    name(p, b)
                ),
            )
        } else {
            (
                Severity::Warning,
                format!(
                    "{} and {} compete for the same contracts or funds, and both hold contracts or commissions from {}: they bid against each other for the money of a partner at the same table.",
                    name(p, a),
                    name(p, b),
                    names(p, &commissioners)
                ),
            )
        };
        out.push(Finding {
            code: FindingCode::InSectorCompetition,
            robust: None,
            severity,
            bodies: ids(p, &bodies),
            evidence: Ordered(evidence),
            message,
        });
    }
}

fn positive_history(p: &Partnership, out: &mut Vec<Finding>) {
    for r in &p.relationships {
        if r.trust != Some(POSITIVE_TRUST) {
            continue;
        }
        let [a, b] = r.between;
        out.push(Finding {
            code: FindingCode::PositiveHistory,
            robust: None,
            severity: Severity::Info,
            bodies: ids(p, &[a, b]),
            evidence: Ordered(vec![("trust", POSITIVE_TRUST as f64)]),
            message: format!(
                "{} and {} have a long, positive history (trust {POSITIVE_TRUST}): a base to build on.",
                name(p, a),
                name(p, b)
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings with `code` of the file `toml`.
    #[track_caller]
    fn found(toml: &str, code: FindingCode) -> Vec<Finding> {
        let p = crate::load::load_str(toml).unwrap_or_else(|e| panic!("{e:?}"));
        let m = crate::measures::measure(&p, Default::default());
        crate::findings::find(&m)
            .into_iter()
            .filter(|f| f.code == code)
            .collect()
    }

    #[track_caller]
    fn count(toml: &str, code: FindingCode) -> usize {
        found(toml, code).len()
    }

    const TWO: &str = "[[body]]\nid = \"a\"\nposition = 3\n[[body]]\nid = \"b\"\nposition = 2\n";

    #[test]
    fn host_body_fires_only_when_the_host_is_the_top_body() {
        // a holds 3/5 = 60% of the position dimension, the only one.
        let f = found(
            &format!("[partnership]\nhost = \"a\"\n{TWO}"),
            FindingCode::HostBody,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].bodies, ["a"]);
        assert_eq!(f[0].evidence.get("composite_share"), Some(&0.6));
        assert_eq!(f[0].evidence.get("equal_share"), Some(&0.5));
        assert_eq!(f[0].severity, Severity::Warning);
        // The second body hosting: not the top body.
        let second = format!("[partnership]\nhost = \"b\"\n{TWO}");
        assert_eq!(count(&second, FindingCode::HostBody), 0);
        // At the boundary, a tie (2 and 2): the top body is the first in
        // file order, so hosting by a fires and by b does not.
        let tie = "[[body]]\nid = \"a\"\nposition = 2\n[[body]]\nid = \"b\"\nposition = 2\n";
        let host = |h: &str| format!("[partnership]\nhost = \"{h}\"\n{tie}");
        assert_eq!(count(&host("a"), FindingCode::HostBody), 1);
        assert_eq!(count(&host("b"), FindingCode::HostBody), 0);
        // One body is the top body of nothing to compare with.
        let one = "[partnership]\nhost = \"a\"\n[[body]]\nid = \"a\"\nposition = 2\n";
        assert_eq!(count(one, FindingCode::HostBody), 0);
        // No host, no finding.
        assert_eq!(count(TWO, FindingCode::HostBody), 0);
    }

    /// Three bodies with incomes; `seats` of b; one funding entry a -> b.
    fn funded(b_seats: u64, kind: &str, amount: f64) -> String {
        format!(
            "[[body]]\nid = \"a\"\nincome = 1000\nseats = 2\n\
             [[body]]\nid = \"b\"\nincome = 100\nseats = {b_seats}\n\
             [[body]]\nid = \"c\"\nincome = 100\nseats = 1\n\
             [[funding]]\nfrom = \"a\"\nto = \"b\"\namount = {amount}\n{kind}"
        )
    }

    #[test]
    fn commissioner_on_board_needs_seats_on_both_sides_and_a_contract() {
        let f = found(
            &funded(1, "kind = \"contract\"\n", 60.0),
            FindingCode::CommissionerOnBoard,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].bodies, ["b", "a"]);
        assert_eq!(
            f[0].evidence.0,
            [
                ("amount", 60.0),
                ("seats", 1.0),
                ("commissioner_seats", 2.0)
            ]
        );
        let c = FindingCode::CommissionerOnBoard;
        assert_eq!(count(&funded(1, "kind = \"commission\"\n", 60.0), c), 1);
        // One seat off: the receiver is not on the board.
        assert_eq!(count(&funded(0, "kind = \"contract\"\n", 60.0), c), 0);
        // A grant, a fee or an unstated kind is not a contract.
        assert_eq!(count(&funded(1, "kind = \"grant\"\n", 60.0), c), 0);
        assert_eq!(count(&funded(1, "kind = \"fee\"\n", 60.0), c), 0);
        assert_eq!(count(&funded(1, "", 60.0), c), 0);
        // A contract of nothing is no contract.
        assert_eq!(count(&funded(1, "kind = \"contract\"\n", 0.0), c), 0);
        // The commissioner without seats: it does not vote with them.
        let off = funded(1, "kind = \"contract\"\n", 60.0).replace("seats = 2", "seats = 0");
        assert_eq!(count(&off, c), 0);
    }

    /// a is the top body (position 5 against 1 and 1); c funds a and b.
    fn priorities(decisions: &[(&str, &str, &str)]) -> String {
        let mut s = String::from(
            "[[body]]\nid = \"a\"\nposition = 5\nincome = 1000\n\
             [[body]]\nid = \"b\"\nposition = 1\nincome = 100\n\
             [[body]]\nid = \"c\"\nposition = 1\nincome = 1000\n\
             [[funding]]\nfrom = \"c\"\nto = \"a\"\namount = 10\n\
             [[funding]]\nfrom = \"c\"\nto = \"b\"\namount = 10\n",
        );
        for (by, driver, outcome) in decisions {
            s.push_str(&format!(
                "[[decision]]\ntitle = \"t\"\nproposed_by = \"{by}\"\noutcome = \"{outcome}\"\nhow = \"chair\"\ntopic = \"priorities\"\ndriver = \"{driver}\"\n"
            ));
        }
        s
    }

    #[test]
    fn priorities_from_above_needs_more_than_half() {
        let c = FindingCode::PrioritiesFromAbove;
        // Exactly half (1 of 2): quiet.
        let half = priorities(&[
            ("a", "government-policy", "adopted"),
            ("b", "partners", "adopted"),
        ]);
        assert_eq!(count(&half, c), 0);
        // 2 of 3: fires, naming the proposer.
        let more = priorities(&[
            ("a", "government-policy", "adopted"),
            ("a", "funder", "adopted"),
            ("b", "partners", "adopted"),
        ]);
        let f = found(&more, c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].bodies, ["a"]);
        assert_eq!(
            f[0].evidence.0,
            [("priorities_adopted", 3.0), ("from_above", 2.0)]
        );
        // One adopted decision, from above, by the top body: 1 of 1.
        assert_eq!(
            count(&priorities(&[("a", "government-policy", "adopted")]), c),
            1
        );
        // Rejected decisions are not the partnership's priorities.
        let rejected = priorities(&[
            ("a", "government-policy", "adopted"),
            ("b", "partners", "adopted"),
            ("a", "government-policy", "rejected"),
        ]);
        assert_eq!(count(&rejected, c), 0);
        // The main funder (c funds two partners) counts like the top body;
        // b, which funds no one and is not the top body, does not.
        let funder = priorities(&[("c", "funder", "adopted")]);
        assert_eq!(found(&funder, c)[0].bodies, ["c"]);
        assert_eq!(count(&priorities(&[("b", "funder", "adopted")]), c), 0);
        // Driven by the partners or the people served: not from above.
        assert_eq!(count(&priorities(&[("a", "partners", "adopted")]), c), 0);
        assert_eq!(
            count(&priorities(&[("a", "service-users", "adopted")]), c),
            0
        );
        // Another topic: not about priorities.
        let other = priorities(&[("a", "government-policy", "adopted")])
            .replace("topic = \"priorities\"", "topic = \"delivery\"");
        assert_eq!(count(&other, c), 0);
    }

    /// a top (position 5), b and c; b holds a written veto; one decision.
    fn governance(topic: &str, outcome: &str, opposed: &str) -> String {
        format!(
            "[[body]]\nid = \"a\"\nposition = 5\nseats = 2\n\
             [[body]]\nid = \"b\"\nposition = 1\nseats = 1\n\
             [[body]]\nid = \"c\"\nposition = 1\nseats = 1\n\
             [board]\nveto = [\"b\"]\n\
             [[decision]]\ntitle = \"Share the chair\"\nproposed_by = \"c\"\noutcome = \"{outcome}\"\nhow = \"vote\"\ntopic = \"{topic}\"\nsupported = [\"c\"]\nopposed = {opposed}\n"
        )
    }

    #[test]
    fn power_retained_when_a_governance_proposal_fails_against_power() {
        let c = FindingCode::PowerRetained;
        let f = found(&governance("governance", "rejected", "[\"a\"]"), c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Concern);
        assert_eq!(f[0].bodies, ["a"]);
        assert_eq!(f[0].evidence.get("supported"), Some(&1.0));
        assert!(
            f[0].message
                .contains("was rejected while a (the most powerful partner"),
            "{}",
            f[0].message
        );
        // Adopted: power was shared, not retained.
        assert_eq!(count(&governance("governance", "adopted", "[\"a\"]"), c), 0);
        // Deferred against the veto body b (not the top body): fires.
        let veto = found(&governance("governance", "deferred", "[\"b\"]"), c);
        assert_eq!(veto.len(), 1);
        assert!(
            veto[0]
                .message
                .contains("deferred while b (which holds a veto)")
        );
        // Opposed by c only, neither top nor veto: quiet.
        assert_eq!(count(&governance("governance", "rejected", "[]"), c), 0);
        let others =
            governance("governance", "rejected", "[\"c\"]").replace("supported = [\"c\"]", "");
        assert_eq!(count(&others, c), 0);
        // Not a governance decision.
        assert_eq!(count(&governance("delivery", "rejected", "[\"a\"]"), c), 0);
    }

    /// `n` bodies; one adopted decision taken by `how`.
    fn consensus(n: usize, how: &str, supported: usize, opposed: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!("[[body]]\nid = \"b{i}\"\n"));
        }
        let list = |r: std::ops::Range<usize>| {
            r.map(|i| format!("\"b{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        s.push_str(&format!(
            "[[decision]]\ntitle = \"t\"\noutcome = \"adopted\"\nhow = \"{how}\"\nsupported = [{}]\nopposed = [{}]\n",
            list(0..supported),
            list(supported..supported + opposed)
        ));
        s
    }

    #[test]
    fn thin_consensus_below_half_the_partners_or_with_anyone_opposed() {
        let c = FindingCode::ThinConsensus;
        // 5 partners: 2 supporters is fewer than half (4 < 5), 3 is not.
        assert_eq!(count(&consensus(5, "consensus", 2, 0), c), 1);
        assert_eq!(count(&consensus(5, "consensus", 3, 0), c), 0);
        // 4 partners: exactly half (2) is not fewer than half; 1 is.
        assert_eq!(count(&consensus(4, "consensus", 2, 0), c), 0);
        let f = found(&consensus(4, "consensus", 1, 0), c);
        assert_eq!(
            f[0].evidence.0[..3],
            [("supported", 1.0), ("opposed", 0.0), ("partners", 4.0)]
        );
        // Anyone opposed, even with everyone else in support.
        let f = found(&consensus(5, "consensus", 4, 1), c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].bodies, ["b0", "b1", "b2", "b3", "b4"]);
        assert!(
            f[0].message
                .contains("although b4 opposed it (4 of the 5 partners in support)")
        );
        // Support not recorded is not thin support.
        assert_eq!(count(&consensus(5, "consensus", 0, 0), c), 0);
        // A vote is not a consensus.
        assert_eq!(count(&consensus(5, "vote", 1, 1), c), 0);
    }

    /// a, b competitors; c pays a and b as given.
    fn competitors(to_a: &str, to_b: &str, kind: &str) -> String {
        format!(
            "[[body]]\nid = \"a\"\nincome = 100\n[[body]]\nid = \"b\"\nincome = 100\n[[body]]\nid = \"c\"\nincome = 1000\n\
             [[funding]]\nfrom = \"c\"\nto = \"a\"\namount = 10\nkind = \"{to_a}\"\n\
             [[funding]]\nfrom = \"c\"\nto = \"b\"\namount = 10\nkind = \"{to_b}\"\n\
             [[relationship]]\nbetween = [\"a\", \"b\"]\nkind = \"{kind}\"\n"
        )
    }

    #[test]
    fn in_sector_competition_is_a_warning_under_a_common_commissioner() {
        let c = FindingCode::InSectorCompetition;
        let f = found(&competitors("contract", "commission", "competitors"), c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].bodies, ["a", "b", "c"]);
        // One of the two only has a grant: info.
        let f = found(&competitors("contract", "grant", "competitors"), c);
        assert_eq!((f.len(), f[0].severity), (1, Severity::Info));
        assert_eq!(f[0].bodies, ["a", "b"]);
        // A history, not competitors: nothing (trust is then required).
        let history = competitors("contract", "contract", "history")
            .replace("kind = \"history\"\n", "kind = \"history\"\ntrust = 0\n");
        assert_eq!(count(&history, c), 0);
    }

    #[test]
    fn positive_history_at_trust_two_only() {
        let c = FindingCode::PositiveHistory;
        let file = |trust: i64| {
            format!("{TWO}[[relationship]]\nbetween = [\"b\", \"a\"]\ntrust = {trust}\n")
        };
        let f = found(&file(2), c);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].severity, f[0].bodies.clone()),
            (Severity::Info, vec!["b".to_string(), "a".to_string()])
        );
        assert_eq!(count(&file(1), c), 0);
        // Competitors with a long, positive history: still a base.
        let both = format!(
            "{TWO}[[relationship]]\nbetween = [\"a\", \"b\"]\nkind = \"competitors\"\ntrust = 2\n"
        );
        assert_eq!(count(&both, c), 1);
    }

    #[test]
    fn main_funders_are_those_funding_the_most_partners() {
        let p = crate::load::load_str(&priorities(&[])).unwrap();
        assert_eq!(main_funders(&p), [2]);
        let p = crate::load::load_str(TWO).unwrap();
        assert!(main_funders(&p).is_empty());
        // Three grants from a to b fund one partner, not three: c (two
        // partners) stays the main funder.
        let repeated = format!(
            "{}{}",
            priorities(&[]),
            "[[funding]]\nfrom = \"a\"\nto = \"b\"\namount = 5\n".repeat(3)
        );
        let p = crate::load::load_str(&repeated).unwrap();
        assert_eq!(p.funding.len(), 5);
        assert_eq!(main_funders(&p), [2]);
    }
}
