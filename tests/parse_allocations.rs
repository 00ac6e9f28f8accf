//! The borrowed parse allocates nothing and reads each hostile response
//! (`ocsp_testkit::hostile`: 1 MiB of single responses with 64 extensions
//! each, of thousands of single responses, of 64 large certificates) in
//! full, counted by the benches' global allocator.
//!
//! No test harness (Cargo.toml: `harness = false`): the counters are
//! global, so nothing else may run while they count.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ocsp_testkit::hostile::{self, Shape};
use ocsp_testkit::{Flavor, Pki};
use ocsp_types::limits::{MAX_CERTS, MAX_EXTENSIONS, MAX_MESSAGE_LEN};
use ocsp_types::{CertificateRef, OcspResponseRef};

#[path = "../benches/common/mod.rs"]
mod common;
use common::count_allocs;

/// What the walk saw: (single responses, extensions, certificates,
/// certificate extensions).
type Seen = (usize, usize, usize, usize);

/// Parses `der` and reads every single response, extension and embedded
/// certificate (through the strict `CertificateRef` parse).
fn parse_and_walk(der: &[u8]) -> Result<Seen, ocsp_types::Error> {
    let response = OcspResponseRef::parse(der)?;
    let basic = response
        .basic()
        .ok_or(ocsp_types::Error::MissingResponseBytes)?;
    let mut seen = (0, 0, 0, 0);
    for single in basic.tbs_response_data().responses() {
        seen.0 += 1;
        seen.1 += single.extensions().iter().count();
    }
    for cert in basic.certs() {
        seen.2 += 1;
        seen.3 += CertificateRef::parse(cert)?.extensions().iter().count();
    }
    Ok(seen)
}

fn main() {
    // RSA signatures have a fixed length, ECDSA ones vary: the generator
    // stays within the limit with both.
    for flavor in [Flavor::Rsa, Flavor::P256] {
        check_shapes(&Pki::new(flavor));
    }
}

fn check_shapes(pki: &Pki) {
    for shape in Shape::ALL {
        let der = hostile::response(pki, shape, MAX_MESSAGE_LEN);
        assert!(
            der.len() > MAX_MESSAGE_LEN / 32 * 31,
            "{shape:?}: {}",
            der.len()
        );
        let ((allocs, bytes), seen) = {
            let mut seen = None;
            let counted = count_allocs(|| seen = Some(parse_and_walk(&der)));
            (counted, seen.unwrap().unwrap())
        };
        assert_eq!((allocs, bytes), (0, 0), "{shape:?} allocates");
        let (singles, extensions, certs, cert_extensions) = seen;
        match shape {
            Shape::ManyExtensions => {
                assert!(singles > 500, "{singles}");
                assert_eq!(extensions, singles * MAX_EXTENSIONS);
            }
            Shape::ManySingles => {
                assert!(singles > 5_000, "{singles}");
                assert_eq!(extensions, 0);
            }
            Shape::ManyCertificates => {
                assert_eq!((singles, certs), (1, MAX_CERTS));
                assert_eq!(cert_extensions, certs * MAX_EXTENSIONS);
            }
        }
        println!(
            "{shape:?}: {} bytes, {singles} single responses, {extensions} extensions, \
             {certs} certificates ({cert_extensions} extensions): parsed, 0 allocations",
            der.len()
        );
    }
}
