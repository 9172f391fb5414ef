//! Weights as a scoring option: a fixed table with a weight for every
//! dimension, so that options stay `Copy` and never hold the file's data.

use super::{Dimension, Weights};

/// The composite weight of every dimension, 1 where none is given.
///
/// A file's `[weights]` ([`Weights`]) turns into one with [`From`]; a
/// programme policy's weights are passed to scoring as one
/// ([`crate::ScoreOptions::weights`]), replacing the file's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightSet([f64; 8]);

impl WeightSet {
    /// The weight of `d`.
    pub fn of(&self, d: Dimension) -> f64 {
        self.0[d as usize]
    }

    /// The same table with the weight of `d` set to `w`.
    pub fn with(mut self, d: Dimension, w: f64) -> Self {
        self.0[d as usize] = w;
        self
    }
}

impl Default for WeightSet {
    /// Every dimension weighs 1.
    fn default() -> Self {
        WeightSet([1.0; 8])
    }
}

impl From<&Weights> for WeightSet {
    fn from(w: &Weights) -> Self {
        let mut out = WeightSet::default();
        for d in Dimension::ALL {
            out.0[d as usize] = w.of(d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn dimensions_not_given_weigh_one() {
        let w = WeightSet::from(&Weights(BTreeMap::from([(Dimension::Voting, 2.5)])));
        for d in Dimension::ALL {
            assert_eq!(w.of(d), if d == Dimension::Voting { 2.5 } else { 1.0 });
        }
        assert_eq!(
            WeightSet::default()
                .with(Dimension::Agenda, 0.0)
                .of(Dimension::Agenda),
            0.0
        );
    }
}
