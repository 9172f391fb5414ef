//! The dependence matrix as a heat map: row = the body that depends, column
//! = the body it depends on, darker = more dependent (D from 0 to 1, one
//! blue hue of increasing darkness, readable without colour vision, and
//! every cell also shows its number).

use std::collections::HashMap;

use super::svg::{f, figure, tooltip, wrap};
use powershare_core::Report;

const LABEL: f64 = 232.0;
const CELL: f64 = 58.0;
const HEAD: f64 = 150.0;

/// A colour from white (0) to dark blue (1), interpolated in sRGB between
/// ColorBrewer "Blues" stops.
pub fn blue(x: f64) -> String {
    const STOPS: [(f64, [f64; 3]); 4] = [
        (0.0, [247.0, 251.0, 255.0]),
        (0.25, [198.0, 219.0, 239.0]),
        (0.6, [66.0, 146.0, 198.0]),
        (1.0, [8.0, 48.0, 107.0]),
    ];
    let x = x.clamp(0.0, 1.0);
    let mut k = 0;
    while k + 2 < STOPS.len() && x > STOPS[k + 1].0 {
        k += 1;
    }
    let (a, ca) = STOPS[k];
    let (b, cb) = STOPS[k + 1];
    let t = (x - a) / (b - a);
    let c: Vec<u8> = (0..3)
        .map(|i| (ca[i] + (cb[i] - ca[i]) * t).round() as u8)
        .collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// A cell's number: two decimals, "<0.01" for a dependence too small to
/// show as 0.01, and "0" for none.
fn cell_text(v: f64) -> String {
    if v <= 0.0 {
        "0".into()
    } else if v < 0.005 {
        "<0.01".into()
    } else {
        format!("{v:.2}")
    }
}

/// The heat map, or `None` when the file records no funding or dependence.
pub fn render(r: &Report, id: &str) -> Option<String> {
    if r.bodies.iter().all(|b| b.dependence.is_none()) {
        return None;
    }
    let n = r.bodies.len();
    // Indexed once: a search per cell would cost n^2 times the dyads.
    let mut shares = HashMap::new();
    for x in &r.dependence {
        shares
            .entry((x.of.as_str(), x.on.as_str()))
            .or_insert(x.share);
    }
    let d = |i: usize, j: usize| {
        shares
            .get(&(r.bodies[i].id.as_str(), r.bodies[j].id.as_str()))
            .copied()
            .unwrap_or(0.0)
    };
    let width = LABEL + CELL * n as f64 + 130.0;
    let height = HEAD + CELL * n as f64 + 52.0;
    let mut svg = String::new();
    svg.push_str(&format!(
        "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">depends on →</text>\n",
        f(LABEL - 8.0),
        f(HEAD - 8.0)
    ));
    for (j, b) in r.bodies.iter().enumerate() {
        let x = LABEL + CELL * (j as f64 + 0.5);
        let name = wrap(&b.name, 22, 1).join("");
        svg.push_str(&format!(
            "<text class=\"label\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-45 {x} {y})\">{}{}</text>\n",
            crate::render::escape::html_text(&name),
            tooltip(&b.name),
            x = f(x - 2.0),
            y = f(HEAD - 8.0)
        ));
    }
    let mut lines = Vec::new();
    for (i, b) in r.bodies.iter().enumerate() {
        let y = HEAD + CELL * i as f64;
        let name = wrap(&b.name, 25, 1).join("");
        svg.push_str(&format!(
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\n",
            f(LABEL - 8.0),
            f(y + CELL / 2.0 + 4.0),
            crate::render::escape::html_text(&name),
            tooltip(&b.name)
        ));
        for j in 0..n {
            let x = LABEL + CELL * j as f64;
            if i == j {
                svg.push_str(&format!(
                    "<rect class=\"self\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                    f(x),
                    f(y),
                    f(CELL),
                    f(CELL)
                ));
                continue;
            }
            let v = d(i, j);
            if v > 0.0 {
                lines.push(format!(
                    "{} depends on {} {:.2}",
                    b.name, r.bodies[j].name, v
                ));
            }
            svg.push_str(&format!(
                "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">{}</rect>\
                 <text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                f(x),
                f(y),
                f(CELL),
                f(CELL),
                blue(v),
                tooltip(&format!(
                    "{} depends on {}: {:.2}",
                    b.name, r.bodies[j].name, v
                )),
                if v > 0.5 { "cell-value dark" } else { "cell-value" },
                f(x + CELL / 2.0),
                f(y + CELL / 2.0 + 4.0),
                cell_text(v)
            ));
        }
    }
    // Legend.
    let ly = HEAD + CELL * n as f64 + 18.0;
    let steps = 10;
    for k in 0..steps {
        let x0 = LABEL + 24.0 * k as f64;
        svg.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"24\" height=\"12\" fill=\"{}\"/>",
            f(x0),
            f(ly),
            blue((k as f64 + 0.5) / steps as f64)
        ));
    }
    svg.push_str(&format!(
        "\n<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">not dependent 0</text>\
         <text class=\"tick\" x=\"{}\" y=\"{}\">1 wholly dependent</text>\n",
        f(LABEL - 6.0),
        f(ly + 10.0),
        f(LABEL + 24.0 * steps as f64 + 6.0),
        f(ly + 10.0)
    ));
    let desc = if lines.is_empty() {
        "Dependence matrix: no partner depends on another.".to_string()
    } else {
        format!(
            "Dependence matrix (row depends on column, 0 to 1): {}.",
            lines.join("; ")
        )
    };
    let caption = "Each row is a partner, each column a partner it may depend on, through funding (as a share of its income) and stated dependence (premises, referrals...). Darker means more dependent. Following Emerson, the power of the column's partner over the row's is the row's dependence on it.";
    Some(figure(
        id,
        "heatmap",
        (width, height),
        "Who depends on whom",
        &desc,
        caption,
        &svg,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_dependence_is_not_shown_as_zero() {
        assert_eq!(cell_text(0.0), "0");
        assert_eq!(cell_text(0.002), "<0.01");
        assert_eq!(cell_text(0.666), "0.67");
    }

    #[test]
    fn blue_runs_from_white_to_dark() {
        assert_eq!(blue(0.0), "#f7fbff");
        assert_eq!(blue(1.0), "#08306b");
        assert_eq!(blue(0.25), "#c6dbef");
        assert_eq!(blue(-1.0), "#f7fbff");
    }
}
