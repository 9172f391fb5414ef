//! The progress bar of large batches: on stderr, only on a terminal, never in CI.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Batches of at least this many files get a progress bar.
pub const LARGE_BATCH: usize = 500;

/// A bar for `len` files: hidden unless the batch is large, stderr is a
/// terminal, and the `CI` environment variable is not set (CI systems that
/// allocate a terminal would otherwise fill their logs with redraws).
pub fn bar(len: usize) -> ProgressBar {
    let wanted =
        len >= LARGE_BATCH && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !wanted {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed}") {
        bar.set_style(style);
    }
    bar
}
