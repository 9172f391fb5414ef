//! powershare-core: the pure scoring library of powershare.
//!
//! It takes the text of a partnership file and returns plain data: the
//! validated partnership, every measure of power, the findings, the report,
//! and what `check`, `diff`, `rebalance`, `whatif` and `power` build on
//! them. It never reads files, prints, reads the environment or exits, and
//! depends on none of the command line's crates: a web service or a
//! notebook binding can depend on it alone.
//!
//! Its modules import one way, each only from those before it:
//! [`model`] -> [`load`] -> [`measures`] -> [`findings`] -> [`report`] ->
//! ([`check`], [`diff`], [`import`], [`rebalance`], [`whatif`], [`power`],
//! [`programme`]).
//!
//! ```
//! let text = r#"
//! [[body]]
//! id = "council"
//! income = 1000
//! [[body]]
//! id = "club"
//! income = 10
//! "#;
//! let partnership = powershare_core::load_str(text).unwrap();
//! assert_eq!(partnership.bodies[1].income, Some(10.0));
//! let report = powershare_core::score(&partnership, Default::default());
//! let council = report.bodies[0].composite.unwrap();
//! assert!((council - 1000.0 / 1010.0).abs() < 1e-12);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod model;

pub mod load;

pub mod measures;

pub mod findings;

pub mod report;

pub mod check;
pub mod diff;
pub mod import;
pub mod power;
pub mod programme;
pub mod rebalance;
pub mod whatif;

pub use load::diagnostic::{Diagnostic, LoadError, Position, Problem};
pub use load::limits::Limits;
pub use load::{load, load_str, load_with};
pub use measures::voting::VotingIndex;
pub use measures::{IndexTables, ScoreOptions, VotingDetail};
pub use model::{GENERATOR, Partnership};
pub use report::{Report, score};
