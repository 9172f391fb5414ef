//! Score every partnership that validates, with both voting indices: every
//! share in [0, 1] summing to 1, every index finite or null.
#![no_main]

use libfuzzer_sys::fuzz_target;
use powershare_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    if let Some(p) = checks::load(data) {
        for index in checks::INDICES {
            checks::score(&p, index);
        }
    }
});
