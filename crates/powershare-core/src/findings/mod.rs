//! Findings: plain-language statements about where power lies, each with a
//! stable code, a severity, the bodies concerned and the evidence in numbers.
//!
//! Thresholds come from the file's `[policy]`, else the defaults below
//! (documented in `powershare explain`).

pub mod robust;

use serde::Serialize;

use crate::measures::Measures;

mod actions;
pub mod dynamics;
use crate::measures::perceived::BodyPerceived;
use crate::model::{FindingCode, How, Ordered, Outcome, Partnership};

pub mod survey;
pub use survey::{DEFAULT_MAX_SELF_GAP, DEFAULT_MIN_AGREEMENT};

/// Default margin for `power-seat-gap`: voting power and seat share differ by more than 0.10.
pub const DEFAULT_POWER_SEAT_GAP: f64 = 0.10;
/// Default limit for `funding-dependence`: more than half a body's income from one partner.
pub const DEFAULT_MAX_DEPENDENCE: f64 = 0.5;
/// Default Gini of the composite above which power counts as concentrated.
pub const DEFAULT_MAX_COMPOSITE_GINI: f64 = 0.3;
/// Default composite share of one body above which power counts as concentrated.
pub const DEFAULT_MAX_TOP_SHARE: f64 = 0.5;
/// Least number of adopted consensus decisions with a proposer before `consensus-dominance` is judged.
pub const MIN_CONSENSUS_DECISIONS: usize = 2;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth discussing.
    Warning,
    /// Power is not shared here.
    Concern,
}

impl Severity {
    /// The name as shown.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Concern => "concern",
        }
    }
}

/// One finding. Its JSON also carries `action`, the sentence a board can
/// act on ([`FindingCode::action`]), after `message`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Severity.
    pub severity: Severity,
    /// Ids of the bodies concerned: one body, or for a pair in the order
    /// the sentence names them (receiver then funder for
    /// `funding-dependence`, more seats then fewer for `non-monotone-power`,
    /// as written in `between` for `mistrust`).
    pub bodies: Vec<String>,
    /// The numbers behind it.
    pub evidence: Ordered<f64>,
    /// One plain sentence a board could read aloud.
    pub message: String,
    /// For `symbolic-partnership`, whose verdict rests on the composite:
    /// whether it holds at every vertex weighting (each dimension's weight
    /// halved or doubled; see [`robust`]). Absent on the other findings.
    pub robust: Option<bool>,
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Every finding about the measured partnership, most severe first, then by
/// code order, then by body order.
pub fn find(m: &Measures) -> Vec<Finding> {
    let p = m.partnership;
    let mut out = Vec::new();
    voting_findings(m, &mut out);
    funding_dependence(m, &mut out);
    decision_findings(m, &mut out);
    informal_exclusion(m, &mut out);
    power_blindness(m, &mut out);
    mistrust(p, &mut out);
    dynamics::find(m, &mut out);
    survey::find(m, &mut out);
    symbolic_partnership(m, &mut out);
    // Stable sort: within a code, the order of discovery (file order) stays.
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.code.cmp(&b.code)));
    out
}

fn name(p: &Partnership, i: usize) -> &str {
    &p.bodies[i].name
}

fn voting_findings(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let Some(bp) = &m.board else { return };
    let Some(power) = &bp.power else { return };
    let index = m.options.voting_index;
    let total = bp.total_seats as f64;
    let every_veto = power.players.len() > 1 && power.players.iter().all(|x| x.veto);
    for (k, &i) in bp.players.iter().enumerate() {
        let pp = &power.players[k];
        let seats = p.bodies[i].seats as f64;
        if pp.dictator {
            out.push(Finding {
                code: FindingCode::Dictator,
                robust: None,
                severity: Severity::Concern,
                bodies: vec![p.bodies[i].id.clone()],
                evidence: Ordered(vec![("seats", seats), ("total_seats", total)]),
                message: format!(
                    "{} can pass any decision on its own: the other partners' votes never change the outcome.",
                    name(p, i)
                ),
            });
        } else if pp.veto && !every_veto {
            out.push(Finding {
                code: FindingCode::VetoPlayer,
                robust: None,
                severity: Severity::Warning,
                bodies: vec![p.bodies[i].id.clone()],
                evidence: Ordered(vec![
                    ("seats", seats),
                    ("total_seats", total),
                    ("banzhaf", pp.indices.banzhaf.unwrap_or(0.0)),
                ]),
                message: format!(
                    "{} can block every decision on its own: nothing passes without its yes.",
                    name(p, i)
                ),
            });
        }
        if pp.dummy {
            out.push(Finding {
                code: FindingCode::DummySeat,
                robust: None,
                severity: Severity::Concern,
                bodies: vec![p.bodies[i].id.clone()],
                evidence: Ordered(vec![("seats", seats), ("total_seats", total), ("swings", 0.0)]),
                message: format!(
                    "{} holds {} of the {} seats but its vote can never change an outcome: its membership of the board is symbolic.",
                    name(p, i),
                    p.bodies[i].seats,
                    bp.total_seats
                ),
            });
        }
    }
    if every_veto {
        out.push(Finding {
            code: FindingCode::VetoPlayer,
            robust: None,
            severity: Severity::Info,
            bodies: bp.players.iter().map(|&i| p.bodies[i].id.clone()).collect(),
            evidence: Ordered(vec![("veto_players", bp.players.len() as f64)]),
            message: "Every partner on the board can block any decision: decisions need everyone's agreement.".into(),
        });
    }
    let margin = m
        .thresholds()
        .power_seat_gap
        .unwrap_or(DEFAULT_POWER_SEAT_GAP);
    for &i in &bp.players {
        let Some(power_share) = bp.share_of(i, index) else {
            continue;
        };
        let seat_share = p.bodies[i].seats as f64 / total;
        let gap = power_share - seat_share;
        if gap.abs() > margin + 1e-12 && !bp.player(i).is_some_and(|x| x.dummy) {
            out.push(Finding {
                code: FindingCode::PowerSeatGap,
                robust: None,
                severity: Severity::Warning,
                bodies: vec![p.bodies[i].id.clone()],
                evidence: Ordered(vec![
                    ("seat_share", seat_share),
                    ("voting_power", power_share),
                    ("gap", gap),
                    ("margin", margin),
                ]),
                message: format!(
                    "{} holds {} of the seats but {} of the voting power ({} index): seats {} its real say.",
                    name(p, i),
                    pct(seat_share),
                    pct(power_share),
                    index.name(),
                    if gap > 0.0 { "understate" } else { "overstate" }
                ),
            });
        }
    }
    // More seats, less power: surprising, and real. Not on Monte Carlo
    // estimates, where a difference may be sampling noise.
    let estimated = power.method == crate::measures::voting::Method::MonteCarlo;
    // Each player's share looked up once, not once per pair.
    let shares: Vec<(usize, Option<f64>)> = bp
        .players
        .iter()
        .map(|&i| (i, bp.share_of(i, index)))
        .collect();
    for &(a, pa) in shares.iter().filter(|_| !estimated) {
        for &(b, pb) in &shares {
            let (Some(pa), Some(pb)) = (pa, pb) else {
                continue;
            };
            if p.bodies[a].seats > p.bodies[b].seats && pa + 1e-12 < pb {
                out.push(Finding {
                    code: FindingCode::NonMonotonePower,
                    robust: None,
                    severity: Severity::Warning,
                    bodies: vec![p.bodies[a].id.clone(), p.bodies[b].id.clone()],
                    evidence: Ordered(vec![
                        ("seats_more", p.bodies[a].seats as f64),
                        ("power_more_seats", pa),
                        ("seats_fewer", p.bodies[b].seats as f64),
                        ("power_fewer_seats", pb),
                    ]),
                    message: format!(
                        "{} has more seats than {} ({} against {}) but less voting power ({} against {}): the rule, not the seat count, decides who has a say.",
                        name(p, a),
                        name(p, b),
                        p.bodies[a].seats,
                        p.bodies[b].seats,
                        pct(pa),
                        pct(pb)
                    ),
                });
            }
        }
    }
}

fn funding_dependence(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let limit = m
        .thresholds()
        .max_dependence
        .unwrap_or(DEFAULT_MAX_DEPENDENCE);
    let n = p.bodies.len();
    let mut from = vec![vec![0.0; n]; n];
    for f in &p.funding {
        from[f.to][f.from] += f.amount;
    }
    for (i, row) in from.iter().enumerate() {
        let Some(income) = p.bodies[i].income.filter(|&x| x > 0.0) else {
            continue;
        };
        for (j, &amount) in row.iter().enumerate() {
            // Most pairs exchange nothing: a share of 0 is never above a
            // limit of 0 or more (skipping it saves a division a pair).
            if amount == 0.0 && limit >= 0.0 {
                continue;
            }
            let share = amount / income;
            if share > limit + 1e-12 {
                out.push(Finding {
                    code: FindingCode::FundingDependence,
                    robust: None,
                    severity: Severity::Concern,
                    bodies: vec![p.bodies[i].id.clone(), p.bodies[j].id.clone()],
                    evidence: Ordered(vec![
                        ("funding", amount),
                        ("income", income),
                        ("share", share),
                        ("limit", limit),
                    ]),
                    message: format!(
                        "{} gets {} of its income from {}, above the limit of {}: it may not be free to disagree with its funder.",
                        name(p, i),
                        pct(share),
                        name(p, j),
                        pct(limit)
                    ),
                });
            }
        }
    }
}

fn decision_findings(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    if let Some(top) = m.top_body() {
        out.extend(consensus_dominance(m, top));
    }
    let outside: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.how == How::OutsideMeeting)
        .collect();
    if !outside.is_empty() {
        let mut bodies: Vec<usize> = outside
            .iter()
            .flat_map(|d| d.proposed_by.into_iter().chain(d.supported.iter().copied()))
            .collect();
        bodies.sort_unstable();
        bodies.dedup();
        out.push(Finding {
            code: FindingCode::OutsideMeetingDecisions,
            robust: None,
            severity: Severity::Concern,
            bodies: bodies.iter().map(|&i| p.bodies[i].id.clone()).collect(),
            evidence: Ordered(vec![
                ("outside_meeting", outside.len() as f64),
                ("decisions", p.decisions.len() as f64),
            ]),
            message: format!(
                "{} of the {} recorded decisions were taken outside the formal meetings, where not every partner could take part{}.",
                outside.len(),
                p.decisions.len(),
                if bodies.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (involving {})",
                        bodies.iter().map(|&i| name(p, i)).collect::<Vec<_>>().join(", ")
                    )
                }
            ),
        });
    }
}

/// `consensus-dominance`, were `top` the body with the largest composite
/// share (which changes with the weights: see [`robust::symbolic_robust`]).
fn consensus_dominance(m: &Measures, top: usize) -> Option<Finding> {
    let p = m.partnership;
    let consensus: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.outcome == Outcome::Adopted && d.how == How::Consensus)
        .filter_map(|d| d.proposed_by)
        .collect();
    let by_top = consensus.iter().filter(|&&b| b == top).count();
    if consensus.len() >= MIN_CONSENSUS_DECISIONS && 2 * by_top > consensus.len() {
        return Some(Finding {
            code: FindingCode::ConsensusDominance,
            robust: None,
            severity: Severity::Warning,
            bodies: vec![p.bodies[top].id.clone()],
            evidence: Ordered(vec![
                ("consensus_adopted", consensus.len() as f64),
                ("proposed_by_top", by_top as f64),
            ]),
            message: format!(
                "{} of the {} decisions adopted by consensus were proposed by {}, the most powerful partner: the consensus may reflect its dominance rather than agreement.",
                by_top,
                consensus.len(),
                name(p, top)
            ),
        });
    }
    None
}

fn informal_exclusion(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let Some(net) = &m.network else { return };
    for (i, &ties) in net.ties.iter().enumerate() {
        if ties == 0 {
            out.push(Finding {
                code: FindingCode::InformalExclusion,
                robust: None,
                severity: Severity::Warning,
                bodies: vec![p.bodies[i].id.clone()],
                evidence: Ordered(vec![
                    ("ties", 0.0),
                    ("contacts_between_others", p.contacts.len() as f64),
                ]),
                message: format!(
                    "{} has no informal contact with any partner, while others deal with each other outside the meetings.",
                    name(p, i)
                ),
            });
        }
    }
}

fn power_blindness(m: &Measures, out: &mut Vec<Finding>) {
    if let Some(top) = m.top_body() {
        out.extend(power_blindness_of(m, top));
    }
}

/// `power-blindness`, were `top` the body with the largest composite share.
fn power_blindness_of(m: &Measures, top: usize) -> Option<Finding> {
    let p = m.partnership;
    let Some(perceived) = &m.perceived else {
        return None;
    };
    let BodyPerceived {
        self_rating: Some(own),
        others_mean: Some(others),
        raters,
    } = perceived[top]
    else {
        return None;
    };
    if own < others {
        return Some(Finding {
            code: FindingCode::PowerBlindness,
            robust: None,
            severity: Severity::Warning,
            bodies: vec![p.bodies[top].id.clone()],
            evidence: Ordered(vec![
                ("self_rating", own),
                ("others_mean", others),
                ("other_raters", raters as f64),
            ]),
            message: format!(
                "{}, the most powerful partner, rates its own influence {} out of 5, but the other partners rate it {:.1} on average: it underestimates its own power.",
                name(p, top),
                own,
                others
            ),
        });
    }
    None
}

fn mistrust(p: &Partnership, out: &mut Vec<Finding>) {
    for r in &p.relationships {
        let Some(trust) = r.trust.filter(|&t| t < 0) else {
            continue;
        };
        let [a, b] = r.between;
        out.push(Finding {
            code: FindingCode::Mistrust,
            robust: None,
            severity: if trust <= -2 { Severity::Concern } else { Severity::Warning },
            bodies: vec![p.bodies[a].id.clone(), p.bodies[b].id.clone()],
            evidence: Ordered(vec![("trust", trust as f64)]),
            message: format!(
                "{} and {} have a {} of mistrust (trust {}): it will shape how they read each other's proposals.",
                name(p, a),
                name(p, b),
                if trust <= -2 { "long history" } else { "history" },
                trust
            ),
        });
    }
}

/// The codes whose presence means the formal or consensus machinery hides
/// where power lies. `power-seat-gap` counts only where seats understate a
/// body's power (a positive gap): seats that overstate power, as under
/// unanimity, share power out rather than hide it. `non-monotone-power` is
/// left out: it shows that the rule behaves oddly, not that a dominant
/// body's power is hidden behind it.
pub const HIDING: &[FindingCode] = &[
    FindingCode::Dictator,
    FindingCode::VetoPlayer,
    FindingCode::DummySeat,
    FindingCode::PowerSeatGap,
    FindingCode::ConsensusDominance,
    FindingCode::OutsideMeetingDecisions,
    FindingCode::InformalExclusion,
    FindingCode::PowerBlindness,
    FindingCode::ThinConsensus,
    FindingCode::OutsideMeetingDealing,
    FindingCode::ConsensusDoubted,
];

/// The findings among `findings` that show the machinery hiding where power
/// lies: a [`HIDING`] code above info severity, and for `power-seat-gap`
/// only where seats understate a body's power.
pub fn hiding(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings
        .iter()
        .filter(|f| f.severity > Severity::Info && HIDING.contains(&f.code))
        .filter(|f| {
            f.code != FindingCode::PowerSeatGap || f.evidence.get("gap").is_some_and(|&g| g > 0.0)
        })
}

fn symbolic_partnership(m: &Measures, out: &mut Vec<Finding>) {
    let p = m.partnership;
    let (Some(top), Some(c)) = (m.top_body(), &m.composite) else {
        return;
    };
    let ineq = crate::measures::inequality::inequality(c);
    let limits = robust::Concentration::of(&m.thresholds());
    let (max_gini, max_top) = (limits.max_gini, limits.max_top_share);
    let gini = ineq.gini.unwrap_or(0.0);
    let top_share = c[top];
    let concentrated = limits.exceeded(ineq.gini, c.len(), top_share);
    let mut hiding: Vec<FindingCode> = hiding(out).map(|f| f.code).collect();
    hiding.sort();
    hiding.dedup();
    if concentrated && !hiding.is_empty() {
        // Concentrated and hidden at every vertex weighting too, or only at some.
        let robust = robust::symbolic_robust(m, out, true).unwrap_or(true);
        out.push(Finding {
            code: FindingCode::SymbolicPartnership,
            robust: None,
            severity: Severity::Concern,
            bodies: vec![p.bodies[top].id.clone()],
            evidence: Ordered(vec![
                ("composite_gini", gini),
                ("max_composite_gini", max_gini),
                ("top_share", top_share),
                ("max_top_share", max_top),
                ("hiding_findings", hiding.len() as f64),
            ]),
            message: format!(
                "Power is concentrated ({} holds {} of the composite power; Gini {:.2}) and the formal or consensus machinery hides it ({}): as it stands the partnership is at risk of remaining symbolic rather than real (Balloch and Taylor, 2001).",
                name(p, top),
                pct(top_share),
                gini,
                hiding
                    .iter()
                    .map(|c| c.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
        if let Some(f) = out.last_mut() {
            f.robust = Some(robust);
            f.message.push(' ');
            let range = robust::range_of_top_share(m, top_share);
            f.message.push_str(&robust::sentence(robust, range));
            if let Some(limit) = limits.max_normalised_gini {
                f.evidence.0.push(("max_normalised_gini", limit));
            }
        }
    }
}
