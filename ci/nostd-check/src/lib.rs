//! no_std proof: compiles only if nothing in the dependency graph links `std`.
//!
//! The `#[panic_handler]` below would clash with std's (`duplicate lang item
//! in crate std: panic_impl`) if any dependency pulled `std` in.
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

// Every no_std crate under check is linked here, even when no function below
// uses it, so that its whole dependency graph is loaded. Add new ones here and
// in CRATES in ../nostd-check.sh.
extern crate ocsp_request as _;
extern crate ocsp_responder as _;
extern crate ocsp_types as _;
extern crate ocsp_verify as _;

use ocsp_types::{CertStatus, OcspResponseRef};

/// The panic handler that makes `std` a compile error.
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}

/// Parses an `OCSPResponse` and walks it, returning how many single responses
/// are `good` (or `None` when it does not parse or is not successful).
pub fn count_good(der: &[u8]) -> Option<usize> {
    let response = OcspResponseRef::parse(der).ok()?;
    let basic = response.basic()?;
    let tbs = basic.tbs_response_data();
    let _ = tbs.responder_id();
    let _ = tbs.produced_at().unix_timestamp();
    for ext in tbs.extensions() {
        let _ = (ext.oid(), ext.is_critical(), ext.value());
    }
    let _ = tbs.extensions().nonce();
    for cert in basic.certs() {
        let _ = cert.len();
    }
    let mut good = 0;
    for single in tbs.responses() {
        let id = single.cert_id();
        let _ = (
            id.hash_algorithm().oid(),
            id.issuer_name_hash(),
            id.issuer_key_hash(),
            id.serial_number(),
        );
        let _ = (single.this_update(), single.next_update());
        for ext in single.extensions() {
            let _ = ext.value();
        }
        if matches!(single.cert_status(), CertStatus::Good) {
            good += 1;
        }
    }
    Some(good)
}
