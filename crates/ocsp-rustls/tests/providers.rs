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

use common::{handshake_with, leaf_key, pki, roots, Outcome, TLS12, TLS13};
use ocsp_rustls::{OcspVerifier, StapleError, StaplingCertResolver};
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::DAY;
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::CertificateDer;
use rustls::sign::CertifiedKey;
use rustls::{CertificateError, SupportedProtocolVersion};

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

/// A staple by the intermediate about the leaf, with `status`.
fn staple(pki: &TlsPki, status: CertStatus) -> Vec<u8> {
    common::staple_by(pki, &pki.intermediate, SERIAL, status)
}

fn staple_spec(pki: &TlsPki, status: CertStatus) -> ocsp_testkit::ResponseSpec {
    pki.response(&pki.intermediate, SERIAL, status)
}

/// With each provider and each of `versions`: a handshake stapling
/// `staple` ends as `expect`.
fn with_each_provider(
    pki: &TlsPki,
    staple: &[u8],
    versions: &[&'static SupportedProtocolVersion],
    expect: &Outcome,
) {
    for (name, provider) in providers() {
        for &version in versions {
            let result = run(
                &provider,
                verifier(pki, &provider),
                pki,
                staple.to_vec(),
                version,
            );
            expect.assert(&format!("{name} {version:?}"), &result);
        }
    }
}

#[test]
fn good_staple_accepted_with_each_provider() {
    let pki = pki();
    let good = staple(&pki, CertStatus::Good);
    with_each_provider(&pki, &good, &[TLS13, TLS12], &Outcome::Connects);
}

#[test]
fn revoked_staple_refused_with_each_provider() {
    let pki = pki();
    let revoked = staple(
        &pki,
        CertStatus::Revoked(RevokedInfo {
            revocation_time: pki.at(-DAY),
            revocation_reason: Some(CrlReason::KeyCompromise),
        }),
    );
    let expect = Outcome::Cert(CertificateError::Revoked);
    with_each_provider(&pki, &revoked, &[TLS13], &expect);
}

/// The response's signature is checked with the provider's algorithms: a
/// corrupted one is refused by each.
#[test]
fn bad_signature_refused_with_each_provider() {
    let pki = pki();
    let mut spec = staple_spec(&pki, CertStatus::Good);
    spec.corrupt_signature = true;
    let corrupt = spec.sign(&pki.intermediate.key);
    let expect = Outcome::Staple(StapleError::Invalid(ocsp_verify::Error::InvalidSignature));
    with_each_provider(&pki, &corrupt, &[TLS13], &expect);
}

/// The convenience constructors pick their provider: each accepts a good
/// staple and refuses a revoked one in a handshake on that provider.
#[cfg(all(feature = "aws-lc-rs", feature = "ring"))]
#[test]
fn convenience_constructors() {
    let pki = pki();
    let good = staple(&pki, CertStatus::Good);
    let [(_, aws), (_, ring)] = <[_; 2]>::try_from(providers()).unwrap();
    let by_aws = OcspVerifier::new_aws_lc_rs(roots(&pki)).unwrap();
    assert_eq!(run(&aws, by_aws, &pki, good.clone(), TLS13), Ok(()));
    let by_ring = OcspVerifier::new_ring(roots(&pki)).unwrap();
    assert_eq!(run(&ring, by_ring, &pki, good, TLS13), Ok(()));
}
