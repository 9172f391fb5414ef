//! The informal contact network: bodies around a circle (file order,
//! clockwise from the top), a line for every pair that deals outside the
//! meetings, its width growing with the frequency weight. A body without
//! any tie is drawn hollow with a dashed outline and marked "no informal
//! ties", so exclusion is visible, not just absent.

use super::svg::{colour, f, figure, text_lines, tooltip, wrap};
use powershare_core::Report;

const RADIUS: f64 = 150.0;
const NODE: f64 = 16.0;
const MARGIN: f64 = 175.0;

/// The network figure, or `None` when no contact is recorded.
pub fn render(r: &Report, id: &str) -> Option<String> {
    if r.bodies.iter().all(|b| b.network.is_none()) {
        return None;
    }
    let n = r.bodies.len();
    let (cx, cy) = (MARGIN + RADIUS, 60.0 + RADIUS);
    let pos = |i: usize| {
        let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (cx + RADIUS * a.cos(), cy + RADIUS * a.sin(), a)
    };
    let index = |id: &str| r.bodies.iter().position(|b| b.id == id);
    let mut svg = String::new();
    let mut described = Vec::new();
    for t in &r.ties {
        let (Some(a), Some(b)) = (index(&t.between[0]), index(&t.between[1])) else {
            continue;
        };
        let (x1, y1, _) = pos(a);
        let (x2, y2, _) = pos(b);
        svg.push_str(&format!(
            "<line class=\"tie\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\">{}</line>\n",
            f(x1),
            f(y1),
            f(x2),
            f(y2),
            f(1.0 + 1.4 * t.weight),
            tooltip(&format!(
                "{} and {}: weight {} ({} contact{})",
                r.bodies[a].name,
                r.bodies[b].name,
                t.weight,
                t.contacts,
                if t.contacts == 1 { "" } else { "s" }
            ))
        ));
        described.push(format!(
            "{} and {} (weight {})",
            r.bodies[a].name, r.bodies[b].name, t.weight
        ));
    }
    let mut alone = Vec::new();
    for (i, b) in r.bodies.iter().enumerate() {
        let (x, y, a) = pos(i);
        let isolated = b.network.as_ref().is_some_and(|n| n.ties == 0);
        if isolated {
            alone.push(b.name.clone());
            svg.push_str(&format!(
                "<circle class=\"node-alone\" cx=\"{}\" cy=\"{}\" r=\"{}\" stroke=\"{}\">{}</circle>\n",
                f(x),
                f(y),
                f(NODE),
                colour(i),
                tooltip(&format!("{}: no informal ties", b.name))
            ));
        } else {
            svg.push_str(&format!(
                "<circle class=\"node\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\">{}</circle>\n",
                f(x),
                f(y),
                f(NODE),
                colour(i),
                tooltip(&format!(
                    "{}: strength {}",
                    b.name,
                    b.network.as_ref().map_or(0.0, |n| n.strength)
                ))
            ));
        }
        // Labels outside the circle, anchored away from the centre.
        let (lx, ly) = (x + (NODE + 10.0) * a.cos(), y + (NODE + 10.0) * a.sin());
        let anchor = if a.cos() > 0.3 {
            "start"
        } else if a.cos() < -0.3 {
            "end"
        } else {
            "middle"
        };
        let mut lines = wrap(&b.name, 21, 2);
        if isolated {
            lines.push("no informal ties".into());
        }
        let dy = if a.sin() < -0.5 {
            -(15.0 * (lines.len() as f64 - 1.0)) - 2.0
        } else if a.sin() > 0.5 {
            12.0
        } else {
            4.0 - 7.5 * (lines.len() as f64 - 1.0)
        };
        let class = if isolated {
            "label alone-label"
        } else {
            "label"
        };
        svg.push_str(&text_lines(lx, ly + dy, &lines, anchor, class, 15.0));
        svg.push('\n');
    }
    // Legend of line widths.
    let ly = cy + RADIUS + 80.0;
    for (k, (w, label)) in [(1.0, "rarely"), (3.0, "monthly"), (5.0, "daily")]
        .iter()
        .enumerate()
    {
        let x0 = 40.0 + 130.0 * k as f64;
        svg.push_str(&format!(
            "<line class=\"tie\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{}\">{label}</text>\n",
            f(x0),
            f(ly),
            f(x0 + 40.0),
            f(ly),
            f(1.0 + 1.4 * w),
            f(x0 + 48.0),
            f(ly + 4.0)
        ));
    }
    let width = 2.0 * (MARGIN + RADIUS);
    let height = ly + 20.0;
    let mut desc = format!(
        "Informal contact network of {n} partners. Ties: {}.",
        if described.is_empty() {
            "none".to_string()
        } else {
            described.join("; ")
        }
    );
    if !alone.is_empty() {
        desc.push_str(&format!(" No informal ties: {}.", alone.join(", ")));
    }
    let caption = if alone.is_empty() {
        "Lines join partners who deal with each other outside the formal meetings; thicker lines mean more frequent contact (daily 5, weekly 4, monthly 3, quarterly 2, rarely 1, added up per pair).".to_string()
    } else {
        format!(
            "Lines join partners who deal with each other outside the formal meetings; thicker lines mean more frequent contact. Left out of every informal tie: {}.",
            alone.join(", ")
        )
    };
    Some(figure(
        id,
        "network",
        (width, height),
        "Who deals with whom outside the meetings",
        &desc,
        &caption,
        &svg,
    ))
}
