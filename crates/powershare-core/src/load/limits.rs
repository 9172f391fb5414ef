//! The bounds that keep the work on any input file small and finite.
//!
//! A partnership file comes from many hands (often a pull request from
//! outside the funder) and is read unattended in CI, so every input is
//! bounded before it is scored: the file's size, the number of bodies, the
//! entries of every array, the length of every text, the size of every
//! amount and seat count. The voting engine has its own memory limits
//! ([`crate::measures::voting::EngineLimits`]) and falls back to sampling beyond them, so
//! with at most [`MAX_BODIES`] bodies of at most [`MAX_SEATS`] seats each
//! (10^9 seats in all) no method can exhaust memory or run for hours.
//!
//! Each limit is far above any real partnership. The two that a very large
//! assembly could reach, the file size and the number of bodies, can be
//! raised by the caller ([`Limits`]; the command line reads
//! `POWERSHARE_MAX_FILE_BYTES` and `POWERSHARE_MAX_BODIES`).

/// Largest file read by default: 16 MiB (the 10,000 generated files of
/// `bench/gen.py`, 5 to 30 bodies with every table used, average 8 KiB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Most bodies by default. A 1,000-body board with seats takes about 3 s
/// to score (release build); the cost of exact voting power and of the
/// network and dependence measures grows faster than the number of bodies.
pub const MAX_BODIES: usize = 1_000;

/// Most players of the `power` calculator by default. Exact power of
/// 5,000 players with equal weights takes about 16 s (release build) and
/// the cost grows with about the cube of the number of players.
pub const MAX_PLAYERS: usize = 5_000;

/// Most entries in any one array: `[[funding]]`, `[[decision]]` and the
/// other tables, a decision's `supported` list, a `veto` list.
pub const MAX_ENTRIES: usize = 100_000;

/// Longest body id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Longest text (a name, a title, a key), in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// Largest seat count of one body.
pub const MAX_SEATS: u64 = 1_000_000;

/// Largest amount (income, staff, contribution, funding, a weight): 10^15,
/// far above any budget in any currency unit. With at most [`MAX_BODIES`]
/// bodies every sum stays below 10^18 (or the raised body limit times
/// 10^15), nowhere near the `f64` overflow at 1.8 × 10^308 that a value
/// such as `1e308` would reach in a sum of two.
pub const MAX_AMOUNT: f64 = 1e15;

/// The limits a load applies; [`Limits::default`] gives the constants above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub file_bytes: usize,
    /// Most bodies.
    pub bodies: usize,
    /// Most players of the `power` calculator.
    pub players: usize,
    /// Files above this many bytes get the loader's first pass
    /// ([`crate::load::scan`]); smaller ones are parsed directly, their
    /// memory bounded by their size. 0 makes every file take it (the fuzz
    /// targets do, since their inputs are small).
    pub scan_from_bytes: usize,
}

/// Bytes of TOML parser memory allowed for each byte of the file-size
/// limit: 16, so 256 MiB (268 MB) with the default 16 MiB, as bounded by
/// the first pass ([`crate::load::scan::Counts::parse_bytes`], which is at
/// least a quarter above what the parser was measured to take). Typical
/// files need 40 to 60 bytes of parser memory per byte but are far below
/// the file-size limit; a file dense in tokens or tables (a few MiB of
/// `[[funding]]` entries, 16 MiB of `{},`) is refused before it is parsed.
pub const PARSE_BYTES_PER_FILE_BYTE: usize = 16;

impl Limits {
    /// The parser's memory budget: [`PARSE_BYTES_PER_FILE_BYTE`] times the
    /// file-size limit.
    pub fn parse_bytes(&self) -> usize {
        self.file_bytes.saturating_mul(PARSE_BYTES_PER_FILE_BYTE)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: MAX_FILE_BYTES,
            bodies: MAX_BODIES,
            players: MAX_PLAYERS,
            scan_from_bytes: crate::load::scan::SCAN_FROM_BYTES,
        }
    }
}
