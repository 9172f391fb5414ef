//! The see-saw: the classic picture of power asymmetry, drawn from the data.
//!
//! # The rule
//!
//! - **Balls.** Each body is a ball whose *area* is proportional to its
//!   composite share (radius `R * sqrt(share)`), so a body with twice the
//!   power covers twice the ink.
//! - **Places.** The balls sit on the beam ranked from the largest share
//!   (left end) to the smallest (right end), at equal spacing: ball `k`
//!   (from 0) is at `k / (n - 1)` of the beam's length.
//! - **Fulcrum.** The fulcrum is at the balance point: the centre of mass of
//!   the balls along the beam, `c = sum_k s_k * k / (n - 1)`, each ball
//!   weighing its share. With ranked, equally spaced balls this point is
//!   exactly `c = (1 - G*) / 2`, where `G* = G * n / (n - 1)` is the Gini of
//!   the composite normalised to 0..1: equal shares balance at the middle of
//!   the beam, and the further the balance point lies from the middle
//!   (`G* / 2` of the beam) the more unequal the power. One body holding
//!   everything puts the fulcrum under that body's ball.
//! - **Tilt.** A beam resting on its centre of mass is in balance at any
//!   angle, so the tilt is free to show the imbalance a second time: the
//!   beam tilts down towards the largest share by `G* * 14` degrees, level
//!   when power is equal and 14 degrees when one body holds it all.
//!
//! So the picture reads like the textbook illustration: one large ball
//! close to the fulcrum on one side, balancing all the small balls spread
//! out on the other.

use super::svg::{colour, f, figure, pct, text_lines, tooltip, wrap};
use powershare_core::Report;

/// The largest tilt, in degrees, reached when one body holds all the power.
pub const MAX_TILT_DEGREES: f64 = 14.0;

/// Length of the beam in SVG units.
const BEAM: f64 = 620.0;
/// Largest ball radius (a body with the whole composite).
const MAX_RADIUS: f64 = 96.0;
/// Smallest drawn radius, so a body with no power still shows.
const MIN_RADIUS: f64 = 3.0;
/// Height of the fulcrum (from the beam's underside to the ground).
const FULCRUM: f64 = 64.0;
/// Beam thickness.
const THICK: f64 = 10.0;

/// The geometry of the see-saw, computed from the composite shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Seesaw {
    /// Body indices (file order) ranked by composite share, largest first.
    pub order: Vec<usize>,
    /// Shares in ranked order.
    pub shares: Vec<f64>,
    /// Balance point as a fraction of the beam from its left (heavy) end.
    pub balance: f64,
    /// Normalised Gini `G * n / (n - 1)` of the composite, 0..=1.
    pub gini_normalised: f64,
    /// Tilt in degrees, positive = left (heavy) end down.
    pub tilt: f64,
}

impl Seesaw {
    /// The see-saw of the composite shares (`None` for a body without one).
    pub fn of(composite: &[Option<f64>]) -> Option<Self> {
        let mut order: Vec<usize> = (0..composite.len()).collect();
        let values: Vec<f64> = composite.iter().map(|c| c.unwrap_or(0.0)).collect();
        if composite.iter().any(Option::is_none) || values.is_empty() {
            return None;
        }
        // Stable: ties keep file order.
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
        let total: f64 = values.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let shares: Vec<f64> = order.iter().map(|&i| values[i] / total).collect();
        let n = shares.len();
        let place = |k: usize| {
            if n > 1 {
                k as f64 / (n - 1) as f64
            } else {
                0.5
            }
        };
        let balance: f64 = shares.iter().enumerate().map(|(k, s)| s * place(k)).sum();
        let gini_normalised = if n > 1 {
            (1.0 - 2.0 * balance).clamp(0.0, 1.0)
        } else {
            0.0
        };
        Some(Seesaw {
            order,
            shares,
            balance,
            gini_normalised,
            tilt: MAX_TILT_DEGREES * gini_normalised,
        })
    }

    fn place(&self, k: usize) -> f64 {
        let n = self.shares.len();
        if n > 1 {
            k as f64 / (n - 1) as f64
        } else {
            0.5
        }
    }

    fn radius_scale(&self) -> f64 {
        let n = self.shares.len();
        let spacing = if n > 1 { BEAM / (n - 1) as f64 } else { BEAM };
        // Two neighbours' radii add up to at most R * sqrt(2) (shares a + b <= 1),
        // so R <= spacing / sqrt(2) keeps every pair of neighbours apart.
        (0.92 * spacing / std::f64::consts::SQRT_2).min(MAX_RADIUS)
    }
}

/// The see-saw figure, or `None` when there is no composite.
pub fn render(r: &Report, id: &str) -> Option<String> {
    let composite: Vec<Option<f64>> = r.bodies.iter().map(|b| b.composite).collect();
    let s = Seesaw::of(&composite)?;
    let n = s.shares.len();
    let scale = s.radius_scale();
    let radius = |k: usize| (scale * s.shares[k].sqrt()).max(MIN_RADIUS);
    let theta = (-s.tilt).to_radians(); // SVG y points down: negative = left end down
    let (sin, cos) = theta.sin_cos();
    let pivot_u = s.balance * BEAM;
    // World position of a point at distance u along the beam, v above its top.
    let world = |u: f64, v: f64| {
        let x = u - pivot_u;
        let y = -v;
        (x * cos - y * sin, x * sin + y * cos)
    };
    let spacing = if n > 1 { BEAM / (n - 1) as f64 } else { BEAM };
    let label_width = ((spacing - 8.0) / 7.0).floor().clamp(6.0, 26.0) as usize;

    // Lay out in coordinates centred on the pivot, then shift into view.
    let mut marks = Vec::new();
    let mut min = (f64::MAX, f64::MAX);
    let mut max = (f64::MIN, f64::MIN);
    let mut grow = |x: f64, y: f64| {
        min = (min.0.min(x), min.1.min(y));
        max = (max.0.max(x), max.1.max(y));
    };
    for k in 0..n {
        let r_k = radius(k);
        let (cx, cy) = world(s.place(k) * BEAM, r_k);
        let body = &r.bodies[s.order[k]];
        let lines = wrap(&body.name, label_width, 2);
        let top = cy - r_k - 10.0 - 15.0 * lines.len() as f64;
        grow(cx - r_k, cy - r_k);
        grow(cx + r_k, cy + r_k);
        grow(cx - 4.0 * label_width as f64, top - 14.0);
        grow(cx + 4.0 * label_width as f64, top);
        marks.push((k, cx, cy, r_k, lines, top));
    }
    let (lx, ly) = world(0.0, 0.0);
    let (rx, ry) = world(BEAM, 0.0);
    let ground = FULCRUM + THICK;
    grow(lx - 10.0, ly);
    grow(rx + 10.0, ry);
    grow(-40.0, ground + 26.0);
    let pad = 12.0;
    let (ox, oy) = (pad - min.0, pad - min.1);
    let width = max.0 - min.0 + 2.0 * pad;
    let height = max.1 - min.1 + 2.0 * pad;
    let at = |x: f64, y: f64| (x + ox, y + oy);

    let mut svg = String::new();
    // Ground.
    let (gx0, gy) = at(min.0 - pad, ground);
    svg.push_str(&format!(
        "<line class=\"ground\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
        f(gx0),
        f(gy),
        f(gx0 + width),
        f(gy)
    ));
    // Fulcrum: apex at the pivot, under the beam.
    let (px, py) = at(0.0, THICK);
    svg.push_str(&format!(
        "<path class=\"fulcrum\" d=\"M{} {} L{} {} L{} {} Z\">{}</path>\n",
        f(px),
        f(py),
        f(px - 30.0),
        f(gy),
        f(px + 30.0),
        f(gy),
        tooltip("The balance point (centre of mass of the balls)")
    ));
    let (tx, ty) = at(0.0, ground + 18.0);
    svg.push_str(&format!(
        "<text class=\"note\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">balance point</text>\n",
        f(tx),
        f(ty)
    ));
    // Beam, drawn in its own rotated frame around the pivot.
    let (bx, by) = at(0.0, 0.0);
    svg.push_str(&format!(
        "<g transform=\"translate({} {}) rotate({})\">\n<rect class=\"beam\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"3\"/>\n",
        f(bx),
        f(by),
        f(-s.tilt),
        f(-pivot_u),
        f(BEAM),
        f(THICK)
    ));
    // The middle of the beam, where equal shares would balance.
    let mid = BEAM / 2.0 - pivot_u;
    svg.push_str(&format!(
        "<line class=\"middle\" x1=\"{m}\" y1=\"{}\" x2=\"{m}\" y2=\"{}\"/>\n</g>\n",
        f(THICK + 1.0),
        f(THICK + 16.0),
        m = f(mid)
    ));
    // Its label runs away from the fulcrum, so the two never overlap.
    let (mx, my) = world(BEAM / 2.0, -(THICK + 26.0));
    let (mx, my) = at(mx, my);
    if (BEAM / 2.0 - pivot_u).abs() > 40.0 {
        let (anchor, dx) = if BEAM / 2.0 > pivot_u {
            ("start", -6.0)
        } else {
            ("end", 6.0)
        };
        svg.push_str(&format!(
            "<text class=\"note\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">middle: equal shares balance here</text>\n",
            f(mx + dx),
            f(my)
        ));
    }
    // Balls and their labels.
    for (k, cx, cy, r_k, lines, top) in &marks {
        let i = s.order[*k];
        let body = &r.bodies[i];
        let (cx, cy) = at(*cx, *cy);
        let (_, top) = at(0.0, *top);
        svg.push_str(&format!(
            "<circle class=\"ball\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\">{}</circle>\n",
            f(cx),
            f(cy),
            f(*r_k),
            colour(i),
            tooltip(&format!(
                "{}: {} of the composite power",
                body.name,
                pct(s.shares[*k])
            ))
        ));
        svg.push_str(&text_lines(cx, top, lines, "middle", "label", 15.0));
        svg.push_str(&format!(
            "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            f(cx),
            f(top + 15.0 * lines.len() as f64),
            pct(s.shares[*k])
        ));
    }

    let top = &r.bodies[s.order[0]];
    let rest: f64 = s.shares[1..].iter().sum();
    let names: Vec<String> = s
        .order
        .iter()
        .zip(&s.shares)
        .map(|(&i, sh)| format!("{} {}", r.bodies[i].name, pct(*sh)))
        .collect();
    let desc = format!(
        "A see-saw with one ball per partner, ball area proportional to its share of the composite power, largest on the left: {}. The fulcrum sits at the balance point, {} of the beam's length from its middle; the beam tilts {:.0} degrees towards {}.",
        names.join(", "),
        pct(s.gini_normalised / 2.0),
        s.tilt,
        top.name
    );
    let story = if n < 2 {
        "One partner holds all the power.".to_string()
    } else if s.shares[0] > rest {
        format!(
            "{} outweighs all the other partners together ({} against {}).",
            top.name,
            pct(s.shares[0]),
            pct(rest)
        )
    } else if s.gini_normalised < 0.15 {
        format!(
            "The balls are of similar size and the see-saw balances near its middle: the largest partner, {}, holds {} against an equal {}.",
            top.name,
            pct(s.shares[0]),
            pct(1.0 / n as f64)
        )
    } else {
        format!(
            "{} is the largest partner ({}); the others together hold {}.",
            top.name,
            pct(s.shares[0]),
            pct(rest)
        )
    };
    let caption = format!(
        "{story} Each ball's area is its share of the composite power; balls are ranked from the largest (left). The fulcrum sits at the balance point (the centre of mass): in the middle when power is equal, under one ball when that partner holds everything. Here it is {} of the beam from the middle, and the beam tilts {:.0}° of a possible {:.0}°.",
        pct(s.gini_normalised / 2.0),
        s.tilt,
        MAX_TILT_DEGREES
    );
    Some(figure(
        id,
        "seesaw",
        (width, height),
        "The see-saw of power",
        &desc,
        &caption,
        &svg,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} != {b}");
    }

    #[test]
    fn equal_shares_balance_in_the_middle_and_lie_level() {
        let s = Seesaw::of(&[Some(0.25); 4]).unwrap();
        close(s.balance, 0.5);
        close(s.tilt, 0.0);
    }

    #[test]
    fn one_body_with_everything_puts_the_fulcrum_under_it() {
        let s = Seesaw::of(&[Some(0.0), Some(1.0), Some(0.0)]).unwrap();
        assert_eq!(s.order, vec![1, 0, 2]);
        close(s.balance, 0.0);
        close(s.tilt, MAX_TILT_DEGREES);
    }

    #[test]
    fn balance_point_is_half_the_normalised_gini_from_the_middle() {
        // Shares 0.5, 0.3, 0.2: Gini = sum |xi - xj| / (2 n^2 mu) with mu = 1/3:
        // pairs 0.2 + 0.3 + 0.1 = 0.6, doubled 1.2, / (2 * 9 / 3) = 0.2;
        // normalised 0.2 * 3/2 = 0.3. Balance = 0.3 * 0.5 + 0.2 * 1 = 0.35 = (1 - 0.3) / 2.
        let s = Seesaw::of(&[Some(0.2), Some(0.5), Some(0.3)]).unwrap();
        close(s.balance, 0.35);
        close(s.gini_normalised, 0.3);
        let g = powershare_core::measures::inequality::inequality(&[0.2, 0.5, 0.3])
            .gini
            .unwrap();
        close(s.gini_normalised, g * 3.0 / 2.0);
    }

    #[test]
    fn no_composite_no_seesaw() {
        assert!(Seesaw::of(&[None, Some(1.0)]).is_none());
        assert!(Seesaw::of(&[]).is_none());
    }
}
