//! The staple outcomes with each rustls crypto provider the crate has a
//! convenience constructor for (aws-lc-rs, ring): the same handshakes,
//! client and server on that provider.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;

use common::{cert_error, handshake_with, leaf_key, pki, staple_error, TLS12, TLS13};
use ocsp_rustls::{OcspVerifier, StapleError, StaplingCertResolver};
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::DAY;
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::CertificateDer;
use rustls::sign::CertifiedKey;
use rustls::{CertificateError, RootCertStore};

const SERIAL: &[u8] = &[0x71, 0x72, 0x73];

/// (name, provider).
fn providers() -> Vec<(&'static str, Arc<CryptoProvider>)> {
    vec![
        (
            "aws-lc-rs",
            Arc::new(rustls::crypto::aws_lc_rs::default_provider()),
        ),
        ("ring", Arc::new(rustls::crypto::ring::default_provider())),
    ]
}

fn roots(pki: &TlsPki) -> Arc<RootCertStore> {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(pki.root.cert.clone()))
        .unwrap();
    Arc::new(roots)
}

fn verifier(pki: &TlsPki, provider: &Arc<CryptoProvider>) -> OcspVerifier {
    OcspVerifier::new(roots(pki), Arc::clone(provider)).unwrap()
}

/// A handshake where the server (an intermediate-issued leaf, the
/// intermediate in the chain) staples `staple`.
fn run(
    provider: &Arc<CryptoProvider>,
    verifier: OcspVerifier,
    pki: &TlsPki,
    staple: Vec<u8>,
    version: &'static rustls::SupportedProtocolVersion,
) -> Result<(), rustls::Error> {
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    let chain = vec![
        CertificateDer::from(leaf),
        CertificateDer::from(pki.intermediate.cert.clone()),
    ];
    let staple: Arc<[u8]> = Arc::from(staple);
    let resolver =
        StaplingCertResolver::new(CertifiedKey::new(chain, leaf_key(provider)), move || {
            Some(Arc::clone(&staple))
        });
    handshake_with(Arc::clone(provider), Arc::new(resolver), verifier, version)
}

#[test]
fn good_staple_accepted_with_each_provider() {
    let pki = pki();
    let good = pki
        .response(&pki.intermediate, SERIAL, CertStatus::Good)
        .sign(&pki.intermediate.key);
    for (name, provider) in providers() {
        for version in [TLS13, TLS12] {
            let result = run(
                &provider,
                verifier(&pki, &provider),
                &pki,
                good.clone(),
                version,
            );
            assert_eq!(result, Ok(()), "{name} {version:?}");
        }
    }
}

#[test]
fn revoked_staple_refused_with_each_provider() {
    let pki = pki();
    let revoked = pki
        .response(
            &pki.intermediate,
            SERIAL,
            CertStatus::Revoked(RevokedInfo {
                revocation_time: pki.at(-DAY),
                revocation_reason: Some(CrlReason::KeyCompromise),
            }),
        )
        .sign(&pki.intermediate.key);
    for (name, provider) in providers() {
        let result = run(
            &provider,
            verifier(&pki, &provider),
            &pki,
            revoked.clone(),
            TLS13,
        );
        assert_eq!(result, cert_error(CertificateError::Revoked), "{name}");
    }
}

/// The response's signature is checked with the provider's algorithms: a
/// corrupted one is refused by each.
#[test]
fn bad_signature_refused_with_each_provider() {
    let pki = pki();
    let mut spec = pki.response(&pki.intermediate, SERIAL, CertStatus::Good);
    spec.corrupt_signature = true;
    let corrupt = spec.sign(&pki.intermediate.key);
    for (name, provider) in providers() {
        let result = run(
            &provider,
            verifier(&pki, &provider),
            &pki,
            corrupt.clone(),
            TLS13,
        );
        assert!(
            matches!(
                staple_error(&result),
                Some(StapleError::Invalid(ocsp_verify::Error::InvalidSignature))
            ),
            "{name}: {result:?}"
        );
    }
}

/// The convenience constructors pick their provider: each accepts a good
/// staple and refuses a revoked one in a handshake on that provider.
#[cfg(all(feature = "aws-lc-rs", feature = "ring"))]
#[test]
fn convenience_constructors() {
    let pki = pki();
    let good = pki
        .response(&pki.intermediate, SERIAL, CertStatus::Good)
        .sign(&pki.intermediate.key);
    let [(_, aws), (_, ring)] = <[_; 2]>::try_from(providers()).unwrap();
    let by_aws = OcspVerifier::new_aws_lc_rs(roots(&pki)).unwrap();
    assert_eq!(run(&aws, by_aws, &pki, good.clone(), TLS13), Ok(()));
    let by_ring = OcspVerifier::new_ring(roots(&pki)).unwrap();
    assert_eq!(run(&ring, by_ring, &pki, good, TLS13), Ok(()));
}
