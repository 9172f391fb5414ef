//! The programme policy file of `check --policy`, `programme --policy` and
//! `report --policy`, read once and turned into what scoring takes.

use std::path::Path;

use powershare_core::ScoreOptions;
use powershare_core::check::{EffectivePolicy, PolicyLayer, under_policy};
use powershare_core::load::programme::{ProgrammePolicy, load_programme_str};
use powershare_core::model::Partnership;

use super::files;

/// A programme policy as the commands use it: thresholds layered over each
/// file's own, and the weights that replace the files' own, when it sets them.
#[derive(Debug, Clone, Default)]
pub struct Programme {
    /// The thresholds and denied codes.
    pub layer: PolicyLayer,
    /// The weights every file is scored with, when the policy sets them.
    pub weights: Option<powershare_core::model::WeightSet>,
}

impl Programme {
    /// The policy that applies to `p` under this programme and `flags`, and
    /// the options to score it with.
    pub fn apply(
        &self,
        p: &Partnership,
        flags: &PolicyLayer,
        options: ScoreOptions,
    ) -> (EffectivePolicy, ScoreOptions) {
        let options = ScoreOptions {
            weights: self.weights,
            ..options
        };
        under_policy(p, &self.layer, flags, options)
    }
}

impl From<ProgrammePolicy> for Programme {
    fn from(p: ProgrammePolicy) -> Self {
        Programme {
            layer: PolicyLayer::from(&p.policy),
            weights: p.weights,
        }
    }
}

/// Read the programme policy file at `path`: `Ok(None)` without a path,
/// `Err` with the lines to print when it cannot be read or is invalid.
pub fn read(path: Option<&Path>) -> Result<Option<Programme>, Vec<String>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let bytes = files::read(path)?;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Err(vec![format!(
            "{}: the policy file is not UTF-8 text; save it as UTF-8",
            path.display()
        )]);
    };
    load_programme_str(text)
        .map(|p| Some(Programme::from(p)))
        .map_err(|e| files::describe(path, &e))
}
