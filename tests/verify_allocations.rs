//! A verify with a prepared issuer (`Issuer::Prepared`) and a responder
//! cache allocates nothing outside the signature algorithms, on WebPKI-like
//! certificates (`ocsp_testkit::webpki`), counted by the benches' global
//! allocator. The algorithms are stand-ins that accept any signature (the
//! RustCrypto ones allocate inside the RSA arithmetic, which is not the
//! library's cost); the real ones are checked to agree first.
//!
//! No test harness (Cargo.toml: `harness = false`): the counters are
//! global, so nothing else may run while they count.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use ocsp_request::PreparedIssuer;
use ocsp_testkit::{Flavor, Pki};
use ocsp_types::CertificateRef;
use ocsp_verify::{
    algorithms, Issuer, ResponderCache, SignatureVerificationAlgorithm, Status, Subject, UnixTime,
    Verifier,
};
use rustls::pki_types::{AlgorithmIdentifier, InvalidSignature};

#[path = "../benches/common/mod.rs"]
mod common;
use common::count_allocs;

/// Accepts any signature, with the identifiers of a real algorithm.
#[derive(Debug)]
struct AcceptAll(&'static dyn SignatureVerificationAlgorithm);

impl SignatureVerificationAlgorithm for AcceptAll {
    fn verify_signature(&self, _: &[u8], _: &[u8], _: &[u8]) -> Result<(), InvalidSignature> {
        Ok(())
    }
    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.0.public_key_alg_id()
    }
    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.0.signature_alg_id()
    }
}

fn main() {
    for flavor in [Flavor::Rsa, Flavor::P256] {
        let pki = Pki::new(flavor).with_webpki_profile();
        check(&pki, flavor);
    }
}

fn check(pki: &Pki, flavor: Flavor) {
    let leaf = CertificateRef::parse(&pki.leaf).unwrap();
    assert_eq!(leaf.extensions().iter().count(), 10, "WebPKI leaf profile");
    let ca = CertificateRef::parse(&pki.ca.cert).unwrap();
    assert_eq!(ca.extensions().iter().count(), 7, "WebPKI CA profile");

    let stand_ins: Vec<AcceptAll> = algorithms::ALL.iter().map(|a| AcceptAll(*a)).collect();
    let accept_all: Vec<&dyn SignatureVerificationAlgorithm> = stand_ins
        .iter()
        .map(|a| a as &dyn SignatureVerificationAlgorithm)
        .collect();
    let prepared = PreparedIssuer::from_certificate(&pki.ca.cert).unwrap();
    let cache: ResponderCache<4> = ResponderCache::new();
    let time = UnixTime::since_unix_epoch(Duration::from_secs(pki.now as u64));
    let responses = [
        ("issuer", pki.issuer_response().sign(&pki.ca.key)),
        (
            "delegated",
            pki.delegated_response().sign(&pki.delegate.key),
        ),
    ];
    for (name, der) in &responses {
        for algorithms in [algorithms::ALL, &accept_all[..]] {
            let verifier = Verifier::new(algorithms).with_responder_cache(&cache);
            for issuer in [
                Issuer::Certificate(&pki.ca.cert),
                Issuer::Prepared(&prepared),
            ] {
                let verdict = verifier
                    .verify(der, Subject::Certificate(&pki.leaf), issuer, time, None)
                    .unwrap();
                assert_eq!(verdict.status, Status::Good, "{flavor:?} {name}");
            }
        }
        let verifier = Verifier::new(&accept_all).with_responder_cache(&cache);
        let mut status = None;
        let (allocs, bytes) = count_allocs(|| {
            status = Some(
                verifier
                    .verify(
                        der,
                        Subject::Certificate(&pki.leaf),
                        Issuer::Prepared(&prepared),
                        time,
                        None,
                    )
                    .map(|v| v.status),
            );
        });
        assert_eq!(status, Some(Ok(Status::Good)));
        assert_eq!(
            (allocs, bytes),
            (0, 0),
            "{flavor:?} {name}: the prepared path allocates"
        );
        println!("{flavor:?} {name}: prepared issuer, responder cache: 0 allocations");
    }
}
