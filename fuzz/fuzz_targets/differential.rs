//! Differential: `OcspResponseRef::parse` against OpenSSL's
//! `d2i_OCSP_RESPONSE` + `OCSP_response_get1_basic` on the same bytes. Both
//! accept with equal fields, or both refuse, or a listed known difference
//! explains the disagreement (`ocsp_fuzz::differential::known`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocsp_fuzz::check_differential(data);
});
