//! Parse and validate any bytes: never a panic, and a partnership that
//! validates keeps the promises `checks::check_partnership` lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use powershare_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    let _ = checks::load(data);
});
