//! Emerson dependence: the power of A over B is B's dependence on A.
//!
//! D(i on j) = (funding from j to i) / income(i) + the stated
//! `[[dependence]]` shares of i on j, capped at 1. Funding from j to i is
//! summed over all entries; stated shares are summed too before the cap.

use crate::model::Partnership;

/// The dependence matrix of a partnership.
#[derive(Debug, Clone, PartialEq)]
pub struct DependenceMatrix {
    /// `d[i][j]` = D(i on j), in 0..=1; the diagonal is 0.
    pub d: Vec<Vec<f64>>,
    /// `funding[i][j]` = the share of i's income that comes from j (uncapped, 0..=1 by validation).
    pub funding: Vec<Vec<f64>>,
    /// `stated[i][j]` = the sum of stated shares of i on j (uncapped).
    pub stated: Vec<Vec<f64>>,
}

impl DependenceMatrix {
    /// Build the matrix, or `None` when the file records no funding and no stated dependence.
    pub fn of(p: &Partnership) -> Option<Self> {
        if p.funding.is_empty() && p.dependence.is_empty() {
            return None;
        }
        let n = p.bodies.len();
        let mut funding = vec![vec![0.0; n]; n];
        for f in &p.funding {
            // Validation guarantees income is present when funding is, and
            // funding to a body never exceeds its income; 0 / 0 counts as 0.
            let income = p.bodies[f.to].income.unwrap_or(0.0);
            if income > 0.0 {
                funding[f.to][f.from] += f.amount / income;
            }
        }
        let mut stated = vec![vec![0.0; n]; n];
        for s in &p.dependence {
            stated[s.of][s.on] += s.share;
        }
        let d = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| (funding[i][j] + stated[i][j]).min(1.0))
                    .collect()
            })
            .collect();
        Some(DependenceMatrix { d, funding, stated })
    }

    /// How much i depends on all the others: sum over j of D(i on j).
    pub fn on_others(&self, i: usize) -> f64 {
        self.d[i].iter().sum()
    }

    /// How much the others depend on i: sum over j of D(j on i).
    pub fn of_others(&self, i: usize) -> f64 {
        self.d.iter().map(|row| row[i]).sum()
    }

    /// Power advantage of j over i: D(i on j) - D(j on i), in -1..=1.
    pub fn power_advantage(&self, j: usize, i: usize) -> f64 {
        self.d[i][j] - self.d[j][i]
    }

    /// Mutual dependence of i and j: D(i on j) + D(j on i), in 0..=2.
    pub fn mutual(&self, i: usize, j: usize) -> f64 {
        self.d[i][j] + self.d[j][i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funding_and_stated_dependence_add_and_cap() {
        let p = crate::load_str(
            r#"
            [[body]]
            id = "council"
            income = 1000
            [[body]]
            id = "cvs"
            income = 200
            [[body]]
            id = "club"
            income = 10
            [[funding]]
            from = "council"
            to = "cvs"
            amount = 120
            [[funding]]
            from = "council"
            to = "club"
            amount = 8
            [[dependence]]
            of = "club"
            on = "council"
            share = 0.5
            [[dependence]]
            of = "council"
            on = "cvs"
            share = 0.1
            "#,
        )
        .unwrap();
        let m = DependenceMatrix::of(&p).unwrap();
        // cvs on council: 120 / 200 = 0.6.
        assert_eq!(m.d[1][0], 0.6);
        // club on council: 8 / 10 + 0.5 = 1.3, capped at 1.
        assert_eq!(m.d[2][0], 1.0);
        assert_eq!(m.d[0][1], 0.1);
        // The others depend on the council 0.6 + 1 = 1.6; it depends on them 0.1.
        assert!((m.of_others(0) - 1.6).abs() < 1e-12);
        assert!((m.on_others(0) - 0.1).abs() < 1e-12);
        // Power advantage of the council over the cvs: 0.6 - 0.1 = 0.5; mutual 0.7.
        assert!((m.power_advantage(0, 1) - 0.5).abs() < 1e-12);
        assert!((m.mutual(0, 1) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn absent_without_data() {
        let p = crate::load_str("[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n").unwrap();
        assert!(DependenceMatrix::of(&p).is_none());
    }
}
