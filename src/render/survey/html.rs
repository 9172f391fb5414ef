//! "How the partners see it" in the HTML report: the agreement in words, a
//! dot-and-range chart per partner (the others' ratings of its influence
//! from lowest to highest, their mean as a dot, and its own respondents'
//! mean as a hollow diamond when their group is large enough to show), the
//! questions' answers as small bar charts, the numbers in tables, and the
//! partners that were not heard.
//!
//! Every string from the input goes through [`html_text`] or the chart
//! helpers of [`svg`](crate::render::report::html::svg).

use std::fmt::Write;

use super::{SCALED, agreement_words, mean_with_self, one, range, self_cell};
use crate::render::escape::html_text;
use crate::render::numbers::pct0;
use crate::render::report::html::svg::{colour, f, figure, tooltip, wrap};
use crate::render::story::name_of;
use crate::render::table::{Align, Table};
use powershare_core::Report;
use powershare_core::measures::survey::{Rated, Survey};

const LABEL: f64 = 230.0;
const PLOT: f64 = 380.0;
const ROW: f64 = 30.0;
const HEAD: f64 = 44.0;
const RIGHT: f64 = 190.0;

/// The section, or nothing when the file has no `[[response]]`; `id`
/// prefixes its element ids.
pub fn section(r: &Report, id: &str) -> String {
    let Some(s) = &r.survey else {
        return String::new();
    };
    let mut out = String::from(
        "<section class=\"chart-section survey\">\n<div class=\"keep\">\n<h2>How the partners see it</h2>\n",
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">{}</p>",
        html_text(&super::respondents_sentence(s))
    );
    out.push_str("<ul class=\"agreement\">\n");
    for q in Rated::ALL {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            q.name(),
            html_text(&agreement_words(s, q))
        );
    }
    out.push_str("</ul>\n");
    out.push_str(&dots(r, s, &format!("{id}-dots")));
    out.push_str("</div>\n");
    if let Some(fig) = answers(s, &format!("{id}-answers")) {
        let _ = writeln!(
            out,
            "<div class=\"keep\">\n<h3>The questions</h3>\n{fig}</div>"
        );
    }
    let unheard = super::unheard_names(r, s);
    if !unheard.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"unheard\"><strong>Not heard</strong>: no one from {} answered.</p>",
            html_text(&unheard.join(", "))
        );
    }
    out.push_str(
        "<details class=\"numbers\" open>\n<summary>The numbers</summary>\n<div class=\"wide\">\n",
    );
    out.push_str(&tables(r, s));
    out.push_str("</div>\n</details>\n</section>\n");
    out
}

/// The dot-and-range chart of the influence ratings.
fn dots(r: &Report, s: &Survey, id: &str) -> String {
    let n = s.bodies.len();
    let width = LABEL + PLOT + RIGHT;
    let height = HEAD + ROW * n as f64 + 54.0;
    let x = |v: f64| LABEL + PLOT * v / 5.0;
    let mut svg = String::new();
    for t in 0..=5 {
        let tx = x(f64::from(t));
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{t}</text>",
            f(tx),
            f(HEAD - 8.0),
            f(tx),
            f(HEAD + ROW * n as f64),
            f(tx),
            f(HEAD - 14.0)
        );
    }
    let _ = writeln!(
        svg,
        "<text class=\"axis-label\" x=\"{}\" y=\"14\">influence, 0 (none) to 5 (decides)</text>",
        f(LABEL)
    );
    let mut lines = Vec::new();
    for (i, b) in s.bodies.iter().enumerate() {
        let name = name_of(r, &b.id);
        let y = HEAD + ROW * i as f64 + ROW / 2.0;
        if i % 2 == 1 {
            let _ = writeln!(
                svg,
                "<rect class=\"stripe\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                f(y - ROW / 2.0),
                f(width),
                f(ROW)
            );
        }
        let label = wrap(name, 30, 1).join("");
        let _ = writeln!(
            svg,
            "<text class=\"label\" x=\"4\" y=\"{}\">{}{}</text>",
            f(y + 4.5),
            html_text(&label),
            tooltip(name)
        );
        let v = &b.influence;
        let mut said = Vec::new();
        if let (Some(lo), Some(hi), Some(mean)) = (v.others.min, v.others.max, v.others.mean) {
            let _ = writeln!(
                svg,
                "<line class=\"range\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\
                 <circle class=\"others-dot\" cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\">{}</circle>",
                f(x(lo)),
                f(y),
                f(x(hi)),
                f(y),
                colour(i),
                f(x(mean)),
                f(y),
                colour(i),
                tooltip(&format!(
                    "{name}: the others' mean {mean:.1}, from {} to {} ({} ratings)",
                    super::rating(lo),
                    super::rating(hi),
                    v.others.n
                ))
            );
            said.push(format!(
                "others' mean {mean:.1}, range {} to {}, {} ratings",
                super::rating(lo),
                super::rating(hi),
                v.others.n
            ));
        } else {
            said.push("no rating by the others".into());
        }
        let note = match (&v.own, v.self_suppressed) {
            (Some(own), _) => {
                let cx = x(own.mean);
                let _ = writeln!(
                    svg,
                    "<path class=\"self-mark\" d=\"M {} {} L {} {} L {} {} L {} {} Z\">{}</path>",
                    f(cx),
                    f(y - 7.0),
                    f(cx + 7.0),
                    f(y),
                    f(cx),
                    f(y + 7.0),
                    f(cx - 7.0),
                    f(y),
                    tooltip(&format!(
                        "{name}: its own {} respondents' mean {:.1}",
                        own.n, own.mean
                    ))
                );
                said.push(format!("own respondents' mean {:.1}", own.mean));
                format!("own view {:.1}", own.mean)
            }
            (None, true) => {
                said.push(format!("own view not shown (fewer than {})", s.min_group));
                format!("not shown (< {})", s.min_group)
            }
            (None, false) => {
                said.push("no own respondent".into());
                "no own respondent".into()
            }
        };
        let _ = writeln!(
            svg,
            "<text class=\"note\" x=\"{}\" y=\"{}\">{}</text>",
            f(LABEL + PLOT + 14.0),
            f(y + 4.0),
            html_text(&note)
        );
        lines.push(format!("{name}: {}", said.join(", ")));
    }
    let legend_y = HEAD + ROW * n as f64 + 22.0;
    let diamond = |cx: f64, cy: f64| {
        format!(
            "M {} {} L {} {} L {} {} L {} {} Z",
            f(cx),
            f(cy - 6.0),
            f(cx + 6.0),
            f(cy),
            f(cx),
            f(cy + 6.0),
            f(cx - 6.0),
            f(cy)
        )
    };
    let _ = writeln!(
        svg,
        "<circle class=\"others-dot\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#57606a\"/>\
         <text class=\"note\" x=\"{}\" y=\"{}\">the other partners' mean, on the range of their ratings</text>\
         <path class=\"self-mark\" d=\"{}\"/>\
         <text class=\"note\" x=\"{}\" y=\"{}\">the mean of the partner's own respondents</text>",
        f(LABEL),
        f(legend_y - 4.0),
        f(LABEL + 12.0),
        f(legend_y),
        diamond(LABEL, legend_y + 14.0),
        f(LABEL + 12.0),
        f(legend_y + 18.0)
    );
    let desc = format!(
        "How much say each partner has, rated 0 to 5 by the survey's respondents. {}.",
        lines.join("; ")
    );
    let caption = format!(
        "Each line runs from the lowest to the highest rating a partner got from the other partners' respondents; the dot is their mean. The diamond is the mean of the partner's own respondents, shown only when at least {} of them answered.",
        s.min_group
    );
    figure(
        id,
        "survey-dots",
        (width, height),
        "How the partners rate each other's influence",
        &desc,
        &caption,
        &svg,
    )
}

/// Small bar charts of the three scaled questions, side by side.
fn answers(s: &Survey, id: &str) -> Option<String> {
    const PANEL: f64 = 250.0;
    const TOP: f64 = 84.0;
    const BARS: f64 = 110.0;
    let asked: Vec<_> = SCALED
        .iter()
        .filter(|q| super::answers_of(s, q.key).n > 0)
        .collect();
    if asked.is_empty() {
        return None;
    }
    let width = PANEL * asked.len() as f64;
    let height = TOP + BARS + 64.0;
    let mut svg = String::new();
    let mut lines = Vec::new();
    for (p, q) in asked.iter().enumerate() {
        let a = super::answers_of(s, q.key);
        let x0 = PANEL * p as f64 + 10.0;
        for (k, line) in wrap(q.title, 32, 3).iter().enumerate() {
            let _ = writeln!(
                svg,
                "<text class=\"panel-head\" x=\"{}\" y=\"{}\">{}</text>",
                f(x0),
                f(14.0 + 15.0 * k as f64),
                html_text(line)
            );
        }
        let most = a
            .answers
            .0
            .iter()
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
            .max(1);
        let k = a.answers.0.len() as f64;
        let step = (PANEL - 30.0) / k;
        let lowest: i64 = a
            .answers
            .0
            .first()
            .and_then(|(k, _)| k.parse().ok())
            .unwrap_or(0);
        let base = TOP + BARS;
        let _ = writeln!(
            svg,
            "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            f(x0),
            f(base),
            f(x0 + step * k),
            f(base)
        );
        let mut counts = Vec::new();
        for (j, (key, n)) in a.answers.0.iter().enumerate() {
            let h = BARS * *n as f64 / most as f64;
            let bx = x0 + step * j as f64 + 4.0;
            let label = super::answer_label(q, key, lowest);
            let _ = writeln!(
                svg,
                "<rect class=\"bar answer\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{}</rect>\
                 <text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\
                 <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{key}</text>",
                f(bx),
                f(base - h),
                f(step - 8.0),
                f(h),
                tooltip(&format!("{label}: {n}")),
                f(bx + (step - 8.0) / 2.0),
                f(base - h - 4.0),
                f(bx + (step - 8.0) / 2.0),
                f(base + 14.0)
            );
            counts.push(format!("{label} {n}"));
        }
        let first = q.words.first().copied().unwrap_or("");
        let last = q.words.last().copied().unwrap_or("");
        for (k, line) in [
            format!("{lowest} {first}"),
            format!("{} {last}", lowest + a.answers.0.len() as i64 - 1),
        ]
        .iter()
        .enumerate()
        {
            let _ = writeln!(
                svg,
                "<text class=\"tick\" x=\"{}\" y=\"{}\">{}</text>",
                f(x0),
                f(base + 32.0 + 14.0 * k as f64),
                html_text(line)
            );
        }
        let _ = writeln!(
            svg,
            "<text class=\"note\" x=\"{}\" y=\"{}\">{}</text>",
            f(x0),
            f(TOP - 22.0),
            html_text(&format!(
                "median {} · {} answers",
                super::rating(a.median.unwrap_or(0.0)),
                a.n
            ))
        );
        lines.push(format!("{}: {}", q.title, counts.join(", ")));
    }
    Some(figure(
        id,
        "survey-answers",
        (width, height),
        "The questions' answers",
        &format!(
            "How many respondents gave each answer. {}.",
            lines.join(" ")
        ),
        "Each bar is how many respondents gave that answer; the two ends of each scale are named below it, and the table below gives the medians.",
        &svg,
    ))
}

fn tables(r: &Report, s: &Survey) -> String {
    let mut t = Table::new(&[
        ("partner", Align::Left),
        ("respondents", Align::Right),
        ("others' ratings", Align::Right),
        ("mean", Align::Right),
        ("median", Align::Right),
        ("range", Align::Right),
        ("own respondents", Align::Right),
        ("expertise", Align::Right),
        ("position", Align::Right),
    ]);
    for b in &s.bodies {
        let v = &b.influence;
        t.row(vec![
            name_of(r, &b.id).to_string(),
            b.respondents.to_string(),
            v.others.n.to_string(),
            one(v.others.mean),
            one(v.others.median),
            range(v),
            self_cell(v, s.min_group),
            mean_with_self(&b.expertise),
            mean_with_self(&b.position),
        ]);
    }
    let mut out = t.to_html(
        "Influence (0 to 5) by the others and by the partner's own respondents; expertise and position, the others' mean",
    );
    let mut q = Table::new(&[("question", Align::Left), ("answers", Align::Left)]);
    for question in &SCALED {
        q.row(vec![
            question.title.to_string(),
            super::question_summary(s, question.key),
        ]);
    }
    let incl = &s.questions.included_outside;
    if !incl.bodies.is_empty() {
        let groups: Vec<String> = incl
            .bodies
            .iter()
            .map(|g| {
                format!(
                    "{} {} of {}",
                    name_of(r, &g.id),
                    pct0(g.not_included_share),
                    g.n
                )
            })
            .collect();
        q.row(vec![
            "Is your organisation part of the decisions made outside the meetings? (share answering no)".into(),
            groups.join(", "),
        ]);
    }
    let named = &s.questions.priorities_set_by;
    if !named.0.is_empty() {
        let cells: Vec<String> = named
            .0
            .iter()
            .map(|(id, n)| format!("{} {n}", name_of(r, id)))
            .collect();
        q.row(vec![
            "Which partner, in practice, sets the partnership's priorities?".into(),
            cells.join(", "),
        ]);
    }
    out.push_str(&q.to_html("The questions"));
    if !s.trust.is_empty() {
        let mut t = Table::new(&[
            ("respondents of", Align::Left),
            ("their history with", Align::Left),
            ("mean trust (-2 to 2)", Align::Right),
            ("n", Align::Right),
        ]);
        for x in &s.trust {
            t.row(vec![
                name_of(r, &x.from).to_string(),
                name_of(r, &x.to).to_string(),
                format!("{:.1}", x.mean),
                x.n.to_string(),
            ]);
        }
        out.push_str(&t.to_html("Trust as each partner's respondents report it"));
    }
    out
}
