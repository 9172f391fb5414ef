//! Where each body's power comes from: small multiples, one small bar
//! chart per dimension (the composite first), sharing one row per body, so
//! a reader can run along a row to see a body's profile, or down a column
//! to see who holds that kind of power. Bars run from 0 to 100% on every
//! panel, and a dashed line marks an equal share (1/n).

use super::svg::{colour, f, figure, pct, tooltip, wrap};
use crate::render::escape::html_text;
use powershare_core::Report;

const LABEL: f64 = 215.0;
const PANEL: f64 = 112.0;
const BAR: f64 = 66.0;
const ROW: f64 = 27.0;
const HEAD: f64 = 40.0;
const PER_BAND: usize = 5;

/// The small multiples, or `None` when no dimension has data.
pub fn render(r: &Report, id: &str) -> Option<String> {
    let mut panels: Vec<(String, Vec<f64>)> = Vec::new();
    if r.bodies.iter().all(|b| b.composite.is_some()) {
        panels.push((
            "composite".into(),
            r.bodies
                .iter()
                .map(|b| b.composite.unwrap_or(0.0))
                .collect(),
        ));
    }
    for d in r.dimensions.iter().filter(|d| d.present) {
        panels.push((
            d.name.to_string(),
            r.bodies
                .iter()
                .map(|b| b.shares.get(d.name).copied().unwrap_or(0.0))
                .collect(),
        ));
    }
    if panels.len() < 2 {
        return None;
    }
    let n = r.bodies.len();
    let equal = 1.0 / n as f64;
    // At most PER_BAND panels side by side; more go in a second band below,
    // so the text stays readable when the figure is scaled to the page.
    let bands: Vec<&[(String, Vec<f64>)]> = panels.chunks(PER_BAND).collect();
    let band_height = HEAD + ROW * n as f64 + 14.0;
    let width = LABEL + PANEL * PER_BAND.min(panels.len()) as f64 + 8.0;
    let height = band_height * bands.len() as f64;
    let mut svg = String::new();
    for (k, band) in bands.iter().enumerate() {
        let top = band_height * k as f64;
        band_svg(&mut svg, r, band, top, width, equal);
    }
    let mut lines = Vec::new();
    for (i, b) in r.bodies.iter().enumerate() {
        let parts: Vec<String> = panels
            .iter()
            .map(|(label, v)| format!("{label} {}", pct(v[i])))
            .collect();
        lines.push(format!("{}: {}", b.name, parts.join(", ")));
    }
    let desc = format!(
        "One small bar chart per dimension, each bar a partner's share from 0 to 100%. {}.",
        lines.join("; ")
    );
    let caption = format!(
        "Read along a row for a partner's profile, down a column for who holds that kind of power. The dashed line marks an equal share ({}). Resources average income, staff and contribution; voting is the power to swing a board vote; dependence is how much the others depend on a partner.",
        pct(equal)
    );
    Some(figure(
        id,
        "multiples",
        (width, height),
        "Where each partner's power comes from",
        &desc,
        &caption,
        &svg,
    ))
}

/// One band of panels, starting at `top`, with the row labels on the left.
fn band_svg(
    svg: &mut String,
    r: &Report,
    panels: &[(String, Vec<f64>)],
    top: f64,
    width: f64,
    equal: f64,
) {
    let n = r.bodies.len();
    let bottom = top + HEAD + ROW * n as f64;
    for (i, b) in r.bodies.iter().enumerate() {
        let y = top + HEAD + ROW * i as f64;
        if i % 2 == 1 {
            svg.push_str(&format!(
                "<rect class=\"stripe\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                f(y),
                f(width),
                f(ROW)
            ));
        }
        let name = wrap(&b.name, 26, 1).join("");
        svg.push_str(&format!(
            "<rect x=\"4\" y=\"{}\" width=\"11\" height=\"11\" fill=\"{}\"/>\
             <text class=\"label\" x=\"22\" y=\"{}\">{}{}</text>\n",
            f(y + 7.5),
            colour(i),
            f(y + 17.5),
            html_text(&name),
            tooltip(&b.name)
        ));
    }
    svg.push_str(&format!(
        "<text class=\"note\" x=\"4\" y=\"{}\">dashed: equal share ({})</text>\n",
        f(top + 32.0),
        pct(equal)
    ));
    for (p, (label, values)) in panels.iter().enumerate() {
        let x0 = LABEL + PANEL * p as f64;
        let class = if label == "composite" {
            "panel-head key"
        } else {
            "panel-head"
        };
        svg.push_str(&format!(
            "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>\n",
            f(x0),
            f(top + 20.0),
            html_text(label)
        ));
        if let Some(w) = r
            .dimensions
            .iter()
            .find(|d| d.name == label.as_str() && d.weight != 1.0)
            .map(|d| d.weight)
        {
            svg.push_str(&format!(
                "<text class=\"tick\" x=\"{}\" y=\"{}\">weight ×{w}</text>\n",
                f(x0),
                f(top + 33.0)
            ));
        }
        svg.push_str(&format!(
            "<line class=\"axis\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n",
            f(top + HEAD - 6.0),
            f(bottom + 4.0),
            x = f(x0)
        ));
        let ex = x0 + BAR * equal;
        svg.push_str(&format!(
            "<line class=\"equal\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n",
            f(top + HEAD - 10.0),
            f(bottom + 4.0),
            x = f(ex)
        ));
        for (i, v) in values.iter().enumerate() {
            let y = top + HEAD + ROW * i as f64 + 5.0;
            svg.push_str(&format!(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\">{}</rect>\
                 <text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                f(x0),
                f(y),
                f((BAR * v).max(0.0)),
                colour(i),
                tooltip(&format!("{}, {}: {}", r.bodies[i].name, label, pct(*v))),
                f(x0 + BAR * v + 4.0),
                f(y + 12.5),
                pct(*v)
            ));
        }
    }
}
