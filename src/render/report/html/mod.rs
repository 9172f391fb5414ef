//! The HTML report: one self-contained page (inline CSS and SVG, no script,
//! no font or image from elsewhere, a Content-Security-Policy that forbids
//! loading anything) that tells a partnership's power story to people who
//! do not read tables of indices: the verdict, the see-saw and the findings
//! first, then one chart per question with its numbers in a table beside
//! it, then the details. It prints on A4.
//!
//! Every string from the input goes through [`html_text`] or
//! [`html_attr`](super::escape::html_attr), directly, through [`Table::to_html`], or through
//! the chart helpers in [`svg`].

pub mod bars;
pub mod heatmap;
pub mod lorenz;
pub mod network;
pub mod seesaw;
pub mod svg;
pub mod voting;

use std::fmt::Write;

use crate::render::escape::html_text;
use crate::render::numbers::pct0;
use crate::render::story::{self, name_of};
use crate::render::table::{Align, Table};
use crate::render::tables::{self, Label};
use crate::render::{Document, redesign};
use powershare_core::Report;
use powershare_core::findings::{Finding, Severity};
use powershare_core::model::FindingCode;

/// The style sheet, inlined into every page.
pub const CSS: &str = include_str!("style.css");

/// Forbid loading anything: the page is complete as it is, and no script
/// can run even if a name were ever to slip past the escaping.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The page for one report.
pub fn render(doc: Document) -> String {
    let r = doc.report;
    let title = match &r.partnership.period {
        Some(p) => format!("{} ({p}): power-sharing report", r.partnership.name),
        None => format!("{}: power-sharing report", r.partnership.name),
    };
    page(&title, &article(doc, "r1"))
}

/// One page with a section per report, each starting a new printed page.
pub fn render_many(docs: &[Document]) -> String {
    let mut body = String::from(
        "<nav class=\"contents\" aria-label=\"Partnerships in this report\"><h1>Power-sharing reports</h1><ol>\n",
    );
    for (k, d) in docs.iter().enumerate() {
        let _ = writeln!(
            body,
            "<li><a href=\"#r{}\">{}</a></li>",
            k + 1,
            html_text(&d.report.partnership.name)
        );
    }
    body.push_str("</ol></nav>\n");
    for (k, d) in docs.iter().enumerate() {
        body.push_str(&article(*d, &format!("r{}", k + 1)));
    }
    page("Power-sharing reports", &body)
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"generator\" content=\"powershare {}\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        html_text(title)
    )
}

/// The report of one partnership; `id` prefixes every element id.
fn article(doc: Document, id: &str) -> String {
    let r = doc.report;
    let mut s = String::new();
    let _ = writeln!(s, "<article class=\"report\" id=\"{id}\">");
    header(&mut s, r);
    verdict(&mut s, r, id);

    s.push_str("<section class=\"story\">\n");
    match seesaw::render(r, &format!("{id}-seesaw")) {
        Some(fig) => s.push_str(&fig),
        None => s.push_str(
            "<p class=\"empty\">No dimension has data for every partner, so there is no composite to draw.</p>\n",
        ),
    }
    findings(&mut s, r);
    s.push_str("</section>\n");

    if let Some(fig) = bars::render(r, &format!("{id}-multiples")) {
        section(
            &mut s,
            "Where the power comes from",
            "Each partner's share of eight kinds of power: money and staff, expertise, standing, votes, others' dependence on it, informal contacts, the agenda it sets, and how the others see it. The composite is their weighted mean.",
            &fig,
            &bodies_table(r),
        );
    }
    if let Some(fig) = lorenz::render(r, &format!("{id}-lorenz")) {
        section(
            &mut s,
            "How unequal",
            "The Lorenz curve and the Gini coefficient measure how far the composite power is from an equal share for every partner.",
            &fig,
            &composite_indices_table(r),
        );
    }
    if let Some(fig) = voting::render(r, &format!("{id}-voting")) {
        section(
            &mut s,
            "The board: seats and voting power",
            "What a seat is worth depends on the rule: under a quota or a veto some seats decide everything and others never matter.",
            &fig,
            &voting_table(r),
        );
    } else if let Some(note) = r.board.as_ref().and_then(|b| b.note.as_ref()) {
        let _ = writeln!(
            s,
            "<section><h2>The board</h2><p>{}</p></section>",
            html_text(note)
        );
    }
    s.push_str(&redesign::html(r, doc.redesign));
    if let Some(fig) = heatmap::render(r, &format!("{id}-dependence")) {
        section(
            &mut s,
            "Who depends on whom",
            "A partner that depends on another for its income, premises or referrals may not be free to disagree with it.",
            &fig,
            &dependence_table(r),
        );
    }
    if let Some(fig) = network::render(r, &format!("{id}-network")) {
        section(
            &mut s,
            "Outside the meetings",
            "Partners who deal with each other informally can settle things before the meeting; those left out cannot.",
            &fig,
            &network_table(r),
        );
    }
    s.push_str(&crate::render::survey::html::section(
        r,
        &format!("{id}-survey"),
    ));
    decisions(&mut s, r);
    details(&mut s, r);
    let _ = writeln!(
        s,
        "<footer><p>Made by {}. Every index, dimension and finding is defined by <code>powershare explain NAME</code>; the numbers are in the JSON and CSV outputs.</p></footer>",
        html_text(r.generator)
    );
    s.push_str("</article>\n");
    s
}

fn header(s: &mut String, r: &Report) {
    s.push_str("<header class=\"masthead\">\n<p class=\"kicker\">Power-sharing report");
    if let Some(p) = &r.partnership.period {
        let _ = write!(s, " · {}", html_text(p));
    }
    let _ = writeln!(s, "</p>\n<h1>{}</h1>", html_text(&r.partnership.name));
    let present = r.dimensions.iter().filter(|d| d.present).count();
    let mut meta = vec![format!("{} partners", r.bodies.len())];
    if let Some(b) = &r.board {
        let mut board = format!(
            "a board of {} seats deciding by {} of them",
            b.total_seats, b.quota
        );
        if !b.veto.is_empty() {
            let names: Vec<&str> = b.veto.iter().map(|id| name_of(r, id)).collect();
            board.push_str(&format!(", with a veto for {}", names.join(", ")));
        }
        if b.also_majority_of_bodies {
            board.push_str(" and a majority of the members");
        }
        if b.casting_vote {
            board.push_str(", the chair breaking ties");
        }
        meta.push(board);
    }
    meta.push(format!(
        "{present} of {} dimensions of power measured",
        r.dimensions.len()
    ));
    if r.weights_set_by.is_some() {
        meta.push("weights set by the programme policy".into());
    }
    let _ = writeln!(
        s,
        "<p class=\"meta\">{}</p>\n</header>",
        html_text(&meta.join(" · "))
    );
}

/// The CSS class of a severity (`sev-ok` when there is none).
pub fn severity_class(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Concern) => "sev-concern",
        Some(Severity::Warning) => "sev-warning",
        Some(Severity::Info) | None => "sev-ok",
    }
}

fn verdict(s: &mut String, r: &Report, id: &str) {
    let v = story::verdict(r);
    let _ = writeln!(
        s,
        "<section class=\"verdict {}\" aria-labelledby=\"{}\">\n<h2 class=\"headline\" id=\"{}\">{}</h2>\n<p>{}</p>",
        severity_class(v.severity),
        format_args!("{id}-verdict"),
        format_args!("{id}-verdict"),
        html_text(&v.headline),
        html_text(&v.summary)
    );
    let mut figures: Vec<(String, String)> = Vec::new();
    if let Some(top) = story::top_body(r) {
        figures.push((
            format!("held by {}", top.name),
            pct0(top.composite.unwrap_or(0.0)),
        ));
    }
    if let Some(c) = r.indices.get("composite") {
        if let Some(g) = c.gini {
            figures.push((
                "Gini of the composite (0 = equal)".into(),
                format!("{g:.2}"),
            ));
        }
        if let Some(e) = c.effective_number {
            figures.push((
                format!("effective partners, of {}", r.bodies.len()),
                format!("{e:.1}"),
            ));
        }
    }
    let concerns = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Concern)
        .count();
    let warnings = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    figures.push((
        format!(
            "finding{} ({concerns} concern{}, {warnings} warning{})",
            if r.findings.len() == 1 { "" } else { "s" },
            if concerns == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
        r.findings.len().to_string(),
    ));
    s.push_str("<dl class=\"figures\">\n");
    for (label, value) in figures {
        let _ = writeln!(
            s,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            html_text(&label),
            html_text(&value)
        );
    }
    s.push_str("</dl>\n</section>\n");
}

/// A heading for people for each finding code.
pub fn finding_title(code: FindingCode) -> &'static str {
    match code {
        FindingCode::SymbolicPartnership => "Symbolic rather than real",
        FindingCode::Dictator => "One partner decides alone",
        FindingCode::VetoPlayer => "One partner can block everything",
        FindingCode::DummySeat => "A seat without a say",
        FindingCode::PowerSeatGap => "Seats misstate voting power",
        FindingCode::NonMonotonePower => "More seats, less power",
        FindingCode::FundingDependence => "Dependent on a funder",
        FindingCode::ConsensusDominance => "Consensus led by the strongest",
        FindingCode::OutsideMeetingDecisions => "Decisions taken outside the meetings",
        FindingCode::InformalExclusion => "Left out of informal contact",
        FindingCode::PowerBlindness => "Power not seen by its holder",
        FindingCode::Mistrust => "A history of mistrust",
        FindingCode::HostBody => "The host is also the strongest",
        FindingCode::CommissionerOnBoard => "Judged by a partner they vote with",
        FindingCode::PrioritiesFromAbove => "Priorities set from above",
        FindingCode::PowerRetained => "A proposal to share power blocked",
        FindingCode::ThinConsensus => "A consensus few supported",
        FindingCode::InSectorCompetition => "Partners in competition",
        FindingCode::PositiveHistory => "A history to build on",
        other => crate::render::survey::finding_title(other).unwrap_or("Finding"),
    }
}

fn findings(s: &mut String, r: &Report) {
    s.push_str("<section class=\"findings\">\n<h2>What we found</h2>\n");
    if r.findings.is_empty() {
        s.push_str("<p class=\"empty\">No finding: none of the warning signs that powershare looks for (dummy seats, vetoes, funding dependence, decisions outside meetings, exclusion, mistrust...) is present.</p>\n</section>\n");
        return;
    }
    s.push_str("<ol class=\"finding-list\">\n");
    for f in &r.findings {
        finding(s, r, f);
    }
    s.push_str("</ol>\n</section>\n");
}

fn finding(s: &mut String, r: &Report, f: &Finding) {
    let _ = writeln!(
        s,
        "<li class=\"finding {}\">\n<p class=\"sev\"><span class=\"badge\">{}</span> <code>{}</code></p>\n<h3>{}</h3>\n<p>{}</p>\n<p class=\"action\"><strong>What to do:</strong> {}</p>",
        severity_class(Some(f.severity)),
        f.severity.name(),
        f.code,
        finding_title(f.code),
        html_text(&f.message),
        html_text(f.action())
    );
    let names: Vec<&str> = f.bodies.iter().map(|id| name_of(r, id)).collect();
    let mut items: Vec<(String, String)> = Vec::new();
    if !names.is_empty() {
        items.push(("partners".into(), names.join(", ")));
    }
    items.extend(story::evidence(f));
    s.push_str("<dl class=\"evidence\">");
    for (k, v) in items {
        let _ = write!(
            s,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            html_text(&k),
            html_text(&v)
        );
    }
    s.push_str("</dl>\n</li>\n");
}

fn section(s: &mut String, title: &str, lead: &str, figure: &str, table: &str) {
    let _ = writeln!(
        s,
        "<section class=\"chart-section\">\n<div class=\"keep\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n{figure}</div>\n<details class=\"numbers\" open>\n<summary>The numbers</summary>\n<div class=\"wide\">\n{table}</div>\n</details>\n</section>",
        html_text(title),
        html_text(lead)
    );
}

fn bodies_table(r: &Report) -> String {
    tables::shares(r, Label::Name).map_or_else(String::new, |t| {
        t.to_html("Share of each dimension of power, per partner")
    })
}

fn composite_indices_table(r: &Report) -> String {
    let Some(c) = r.indices.get("composite") else {
        return String::new();
    };
    let mut t = Table::new(&[
        ("index of the composite", Align::Left),
        ("value", Align::Right),
        ("reads", Align::Left),
    ]);
    let reads = |k: &str| match k {
        "gini" => "0 equal; 1 - 1/n one partner holds all",
        "hhi" => "1/n equal; 1 one partner holds all",
        "hhi_normalised" => "0 equal; 1 one partner holds all",
        "effective_number" => "how many equal partners it is like",
        "theil" => "0 equal; ln n one partner holds all",
        "mean_log_deviation" => "0 equal; undefined if anyone has 0",
        "atkinson_0_5" | "atkinson_1" => "0 equal; share of power 'wasted' by inequality",
        "coefficient_of_variation" => "0 equal; spread relative to the mean",
        "top_share" => "the largest partner's share",
        "hoover" => "share that would have to move to equalise",
        "max_min_ratio" => "largest over smallest",
        _ => "",
    };
    for (k, v) in c.indices() {
        t.row(vec![
            tables::index_label(k),
            tables::index_value(k, v),
            reads(k).to_string(),
        ]);
    }
    t.to_html("Inequality of the composite power")
}

fn voting_table(r: &Report) -> String {
    tables::voting(r, Label::Name).map_or_else(String::new, |t| {
        t.to_html("Voting power per partner (indices 0 to 1)")
    })
}

fn dependence_table(r: &Report) -> String {
    match tables::dependence(r, Label::Name, 3) {
        None => "<p>No partner depends on another.</p>\n".into(),
        Some(t) => t.to_html("Dependence of one partner on another (0 to 1)"),
    }
}

fn network_table(r: &Report) -> String {
    let Some(t) = tables::network(r, Label::Name) else {
        return String::new();
    };
    let mut out = t.to_html("Informal contact per partner");
    if !r.ties.is_empty() {
        let mut ties = Table::new(&[
            ("between", Align::Left),
            ("and", Align::Left),
            ("weight", Align::Right),
        ]);
        for tie in &r.ties {
            ties.row(vec![
                name_of(r, &tie.between[0]).to_string(),
                name_of(r, &tie.between[1]).to_string(),
                format!("{}", tie.weight),
            ]);
        }
        out.push_str(&ties.to_html("Informal ties (weight: daily 5 ... rarely 1, added up)"));
    }
    out
}

fn decisions(s: &mut String, r: &Report) {
    let Some(d) = &r.decisions else { return };
    let how: Vec<String> = d
        .how
        .0
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(h, n)| format!("{n} by {}", h.replace('-', " ")))
        .collect();
    let _ = writeln!(
        s,
        "<section class=\"chart-section\">\n<h2>How decisions were taken</h2>\n<p class=\"lead\">{} decisions recorded: {} adopted, {} rejected, {} deferred; {}.</p>",
        d.total,
        d.adopted,
        d.rejected,
        d.deferred,
        html_text(&how.join(", "))
    );
    let mut t = Table::new(&[
        ("decision", Align::Left),
        ("proposed by", Align::Left),
        ("how", Align::Left),
        ("outcome", Align::Left),
        ("date", Align::Left),
    ]);
    for x in &d.record {
        t.row(vec![
            x.title.clone(),
            x.proposed_by
                .as_deref()
                .map_or("-".into(), |id| name_of(r, id).to_string()),
            x.how.name().replace('-', " "),
            story::outcome_name(x.outcome).to_string(),
            x.date.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    s.push_str("<div class=\"wide\">\n");
    s.push_str(&t.to_html("The decision record"));
    s.push_str("</div>\n");
    s.push_str("</section>\n");
}

fn details(s: &mut String, r: &Report) {
    s.push_str("<section class=\"details\">\n<h2>Details and method</h2>\n");
    // Who is who.
    let mut who = Table::new(&[
        ("partner", Align::Left),
        ("id", Align::Left),
        ("sector", Align::Left),
    ]);
    for b in &r.bodies {
        who.row(vec![
            b.name.clone(),
            b.id.clone(),
            b.sector
                .and_then(|x| serde_json::to_value(x).ok())
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "-".into()),
        ]);
    }
    s.push_str(&who.to_html("The partners"));
    if !r.indices.0.is_empty() {
        let mut columns = vec![("index", Align::Left)];
        columns.extend(r.indices.0.iter().map(|(k, _)| (*k, Align::Right)));
        let mut t = Table::new(&columns);
        let rows = r.indices.0[0].1.indices();
        for (k, (name, _)) in rows.iter().enumerate() {
            let mut row = vec![tables::index_label(name)];
            row.extend(
                r.indices
                    .0
                    .iter()
                    .map(|(_, ineq)| tables::index_value(name, ineq.indices()[k].1)),
            );
            t.row(row);
        }
        s.push_str("<div class=\"wide\">");
        s.push_str(
            &t.to_html("Inequality of every dimension (0 = equal; - = undefined for the data)"),
        );
        s.push_str("</div>\n");
    }
    let absent: Vec<_> = r.dimensions.iter().filter(|d| !d.present).collect();
    if !absent.is_empty() {
        s.push_str("<h3>Dimensions left out of the composite</h3>\n<ul>\n");
        for d in absent {
            let _ = writeln!(
                s,
                "<li><strong>{}</strong>: {}</li>",
                d.name,
                html_text(d.note.as_deref().unwrap_or("no data"))
            );
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<h3>How to read this report</h3>\n<ul class=\"method\">\n\
         <li><strong>Composite power</strong>: each partner's share of each dimension with data (shares of a dimension add up to 100%), averaged with the file's weights.</li>\n\
         <li><strong>The see-saw</strong>: ball areas are composite shares; balls are ranked largest first at equal spacing; the fulcrum is at their balance point (centre of mass), which lies half the normalised Gini (Gini × n/(n−1)) of the beam's length from the middle; the beam, balanced on that point, is drawn tilted by the normalised Gini × {:.0}°.</li>\n\
         <li><strong>Gini</strong>: the mean absolute difference between partners' shares over twice the mean; 0 when all are equal.</li>\n\
         <li><strong>Voting power</strong>: Banzhaf is the share of all swings (a coalition that wins with the partner and loses without it); Shapley-Shubik the share of voting orders in which the partner is pivotal.</li>\n\
         <li><strong>Dependence</strong> (Emerson): D(A on B) = funding from B as a share of A's income, plus stated dependence, capped at 1; the power of B over A is A's dependence on B.</li>\n\
         </ul>",
        seesaw::MAX_TILT_DEGREES
    );
    s.push_str("</section>\n");
}
