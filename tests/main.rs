//! The integration tests: one crate (so one build and one link instead of
//! one per file), a module per command or concern, and the helpers they
//! share in `common.rs`. Run one module with `cargo test --test main
//! MODULE::`, e.g. `cargo test --test main formats::`.
//!
//! Snapshots are `tests/snapshots/main__MODULE__NAME.snap` (insta names
//! them after the module path). Property tests take their configuration
//! from `common::proptest_config`, which keeps proptest's regressions next
//! to the module's file (`tests/rebalance.proptest-regressions`).

mod common;

mod arbitrary;
mod brief;
mod browser;
mod ci;
mod cli;
mod formats;
mod hostile;
mod limits;
mod nothing_lost;
mod power;
mod programme;
mod properties;
mod rebalance;
mod reference;
mod robustness;
mod survey;
mod voting_scale;
mod weighting;
mod whatif;
