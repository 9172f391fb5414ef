//! The Lorenz curve of the composite: partners ranked from the least to the
//! most powerful along the bottom, their cumulative share of power up the
//! side. The diagonal is perfect equality; the Gini is twice the shaded
//! area between the diagonal and the curve.

use super::svg::{f, figure, pct};
use powershare_core::Report;

const SIZE: f64 = 300.0;
const LEFT: f64 = 56.0;
const TOP: f64 = 16.0;

/// The Lorenz curve figure, or `None` without a composite or with one body.
pub fn render(r: &Report, id: &str) -> Option<String> {
    let mut values: Vec<f64> = r
        .bodies
        .iter()
        .map(|b| b.composite)
        .collect::<Option<Vec<f64>>>()?;
    let n = values.len();
    if n < 2 {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let gini = r.indices.get("composite").and_then(|i| i.gini)?;
    let mut points = vec![(0.0, 0.0)];
    let mut cum = 0.0;
    for (k, v) in values.iter().enumerate() {
        cum += v / total;
        points.push(((k + 1) as f64 / n as f64, cum));
    }
    let px = |x: f64| LEFT + SIZE * x;
    let py = |y: f64| TOP + SIZE * (1.0 - y);
    let mut svg = String::new();
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            f(px(0.0)),
            f(py(t)),
            f(px(1.0)),
            f(py(t)),
            f(px(0.0) - 6.0),
            f(py(t) + 4.0),
            pct(t),
            f(px(t)),
            f(py(0.0) + 16.0),
            pct(t)
        ));
    }
    let curve: Vec<String> = points
        .iter()
        .map(|&(x, y)| format!("{} {}", f(px(x)), f(py(y))))
        .collect();
    svg.push_str(&format!(
        "<path class=\"gap\" d=\"M{} L{} Z\"/>\n",
        curve.join(" L"),
        format_args!("{} {}", f(px(0.0)), f(py(0.0)))
    ));
    svg.push_str(&format!(
        "<line class=\"equality\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
        f(px(0.0)),
        f(py(0.0)),
        f(px(1.0)),
        f(py(1.0))
    ));
    svg.push_str(&format!(
        "<polyline class=\"lorenz\" points=\"{}\"/>\n",
        points
            .iter()
            .map(|&(x, y)| format!("{},{}", f(px(x)), f(py(y))))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    for &(x, y) in &points[1..points.len() - 1] {
        svg.push_str(&format!(
            "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/>\n",
            f(px(x)),
            f(py(y))
        ));
    }
    svg.push_str(&format!(
        "<text class=\"big\" x=\"{}\" y=\"{}\">Gini {:.2}</text>\n\
         <text class=\"note\" x=\"{}\" y=\"{}\" transform=\"rotate(-45 {} {})\" text-anchor=\"middle\">equal shares</text>\n\
         <text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">partners, least powerful first</text>\n\
         <text class=\"axis-label\" x=\"14\" y=\"{}\" transform=\"rotate(-90 14 {})\" text-anchor=\"middle\">share of power</text>\n",
        f(px(0.06)),
        f(py(0.88)),
        gini,
        f(px(0.5) - 8.0),
        f(py(0.5) - 8.0),
        f(px(0.5) - 8.0),
        f(py(0.5) - 8.0),
        f(px(0.5)),
        f(py(0.0) + 36.0),
        f(py(0.5)),
        f(py(0.5)),
    ));
    let half = n / 2;
    let bottom_half = points[half].1;
    let desc = format!(
        "Lorenz curve of the composite power of {n} partners. Cumulative shares, least powerful first: {}. Gini {gini:.2}.",
        points[1..]
            .iter()
            .map(|&(_, y)| pct(y))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let caption = format!(
        "The {half} least powerful of the {n} partners hold {} of the power between them; with equal shares they would hold {}. The further the curve sags below the diagonal, the more unequal the power: the Gini ({gini:.2}) is twice the shaded area, 0 when all are equal and {:.2} when one partner holds everything.",
        pct(bottom_half),
        pct(half as f64 / n as f64),
        1.0 - 1.0 / n as f64
    );
    Some(figure(
        id,
        "lorenz",
        (LEFT + SIZE + 16.0, TOP + SIZE + 44.0),
        "Lorenz curve of the composite power",
        &desc,
        &caption,
        &svg,
    ))
}
