//! powershare: measure power asymmetry in partnerships.
//!
//! A pure library: it takes the text of a partnership file and returns
//! plain data and rendered strings. It never reads files, prints or exits.
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
//! let partnership = powershare::load_str(text).unwrap();
//! assert_eq!(partnership.bodies[1].income, Some(10.0));
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod board;
pub mod calculator;
pub mod check;
pub mod dependence;
pub mod diagnostic;
pub mod diff;
pub mod explain;
pub mod findings;
pub mod inequality;
pub mod input;
pub mod limits;
pub mod load;
pub mod network;
pub mod palette;
pub mod partnership;
pub mod rebalance;
pub mod render;
pub mod report;
pub mod schema;
pub mod score;
pub mod template;
pub mod voting;
pub mod whatif;

pub use diagnostic::{Diagnostic, LoadError, Position, Problem};
pub use limits::Limits;
pub use load::{load, load_str, load_with};
pub use partnership::Partnership;
pub use report::Report;
pub use score::{Options, VotingIndex, score};
