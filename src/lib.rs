//! The renderers and texts of the `powershare` command.
//!
//! The scoring is the pure library [`powershare_core`]; this crate turns its
//! data into strings: every document (report, check, diff, power,
//! rebalance, what-if) in every format ([`render`]), the `explain` texts
//! ([`explain`]), the `init` templates ([`template`]) and the terminal
//! colours ([`palette`]). The binary (`src/main.rs`, `src/cli/`) reads
//! files, calls the library, renders and picks the exit code.
//!
//! ```
//! let p = powershare_core::load_str("[[body]]\nid = \"a\"\nseats = 1\n").unwrap();
//! let report = powershare_core::score(&p, Default::default());
//! let json = powershare::render::render((&report).into(), powershare::render::Format::Json);
//! assert!(json.starts_with("{\n  \"format\": 1,"));
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod explain;
pub mod palette;
pub mod render;
pub mod template;
