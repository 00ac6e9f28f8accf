//! Structure-aware: an arbitrary owned `OcspResponse` (built from the
//! `Arbitrary` mirror types of `ocsp_fuzz::owned`, values in their valid
//! domains), encoded with `to_der`; when the encoder accepts it (it re-checks
//! its output with the strict parser and may refuse invalid combinations),
//! `OcspResponse::from_der` must give back an equal value and re-encoding it
//! the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: ocsp_fuzz::owned::ArbResponse| {
    ocsp_fuzz::owned::check_roundtrip(input);
});
