//! Full verification (`ocsp_verify::Verifier::verify` with
//! `algorithms::ALL`) of arbitrary bytes as the response about serial
//! 10e6fc62b7418ad5005e45b6 of the Wikipedia 2017 seed's issuer (Name and
//! SubjectPublicKeyInfo), at 2017-08-15T00:00:00Z, with and without a nonce:
//! never panics, and an `Ok` verdict is consistent with the response.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocsp_fuzz::check_verify(data);
});
