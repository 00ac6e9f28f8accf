//! `OcspRequestRef::parse` on arbitrary bytes: no panic, every accessor
//! walked, and decode-then-encode byte-identical. `CertIdRef::parse`,
//! `NameRef::parse` and `CertificateRef::parse` (the strict X.509 view) ride
//! along on the same bytes; the corpus holds seeds for each.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocsp_fuzz::check_request(data);
    ocsp_fuzz::check_cert_id(data);
    ocsp_fuzz::check_name(data);
    ocsp_fuzz::check_certificate(data);
});
