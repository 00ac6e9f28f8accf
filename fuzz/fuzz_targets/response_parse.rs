//! `OcspResponseRef::parse` and `BasicResponseRef::parse` on arbitrary bytes:
//! no panic, every accessor walked, and decode-then-encode byte-identical.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocsp_fuzz::check_response(data);
    ocsp_fuzz::check_basic_response(data);
});
