//! `OcspVerifier` around an inner verifier of the application's own,
//! through the builder: the inner verifier decides the chain, the staple
//! is checked after it, and the reason a staple was refused reaches the
//! application.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::{cert_error, handshake, pki, provider, roots, staple_error, TLS13};
use ocsp_rustls::{Action, OcspVerifier, StapleError, StaplePolicy};
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::DAY;
use ocsp_types::CertStatus;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};

const SERIAL: &[u8] = &[0x41, 0x42, 0x43];

/// An application's verifier: accepts exactly one pinned end-entity
/// certificate (no path building at all), counts its calls, and checks the
/// handshake signatures with the provider's algorithms.
#[derive(Debug)]
struct Pinned {
    end_entity: Vec<u8>,
    calls: AtomicUsize,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if end_entity.as_ref() == self.end_entity.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::UnknownIssuer,
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &provider().signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &provider().signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn pinned(end_entity: &[u8]) -> Arc<Pinned> {
    Arc::new(Pinned {
        end_entity: end_entity.to_vec(),
        calls: AtomicUsize::new(0),
    })
}

fn intermediate_leaf(pki: &TlsPki) -> Vec<u8> {
    pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate)
}

fn staple_by(pki: &TlsPki, issuer: &ocsp_testkit::Entity, status: CertStatus) -> Vec<u8> {
    common::staple_by(pki, issuer, SERIAL, status)
}

#[test]
fn custom_inner_verifier_with_good_staple_from_the_chain() {
    let pki = pki();
    let leaf = intermediate_leaf(&pki);
    let inner = pinned(&leaf);
    let verifier = OcspVerifier::builder(inner.clone(), &provider()).build();
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(staple_by(&pki, &pki.intermediate, CertStatus::Good)),
        verifier,
        TLS13,
    );
    assert_eq!(result, Ok(()));
    assert_eq!(inner.calls.load(Ordering::SeqCst), 1);
}

#[test]
fn custom_inner_verifier_refusal_comes_first() {
    let pki = pki();
    let leaf = intermediate_leaf(&pki);
    let verifier = OcspVerifier::builder(pinned(b"another certificate"), &provider()).build();
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(staple_by(&pki, &pki.intermediate, CertStatus::Good)),
        verifier,
        TLS13,
    );
    assert_eq!(result, cert_error(CertificateError::UnknownIssuer));
}

#[test]
fn custom_inner_verifier_revoked_staple_refused() {
    let pki = pki();
    let leaf = intermediate_leaf(&pki);
    let revoked = CertStatus::Revoked(ocsp_types::RevokedInfo {
        revocation_time: pki.at(-DAY),
        revocation_reason: None,
    });
    let verifier = OcspVerifier::builder(pinned(&leaf), &provider()).build();
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(staple_by(&pki, &pki.intermediate, revoked)),
        verifier,
        TLS13,
    );
    assert_eq!(result, cert_error(CertificateError::Revoked));
}

/// A leaf issued by the root itself: its issuer is found only among the
/// trust anchors handed to the builder.
#[test]
fn trust_anchors_given_once_to_the_builder() {
    let pki = pki();
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.root);
    let staple = staple_by(&pki, &pki.root, CertStatus::Good);

    let without = OcspVerifier::builder(pinned(&leaf), &provider()).build();
    let result = handshake(&[&leaf], Some(staple.clone()), without, TLS13);
    assert_eq!(staple_error(&result), Some(StapleError::IssuerNotFound));

    let with = OcspVerifier::builder(pinned(&leaf), &provider())
        .with_trust_anchors(roots(&pki))
        .build();
    assert_eq!(handshake(&[&leaf], Some(staple), with, TLS13), Ok(()));
}

/// The reason reaches the application: the `ocsp_verify::Error`, by
/// downcasting, and through `source()`.
#[test]
fn refusal_reason_is_the_ocsp_verify_error() {
    let pki = pki();
    let leaf = intermediate_leaf(&pki);
    let mut spec = pki.response(&pki.intermediate, SERIAL, CertStatus::Good);
    spec.produced_at = pki.at(-8 * DAY);
    for single in &mut spec.singles {
        single.this_update = pki.at(-8 * DAY);
        single.next_update = Some(pki.at(-DAY));
    }
    let inner = WebPkiServerVerifier::builder_with_provider(roots(&pki), provider())
        .build()
        .unwrap();
    let verifier = OcspVerifier::builder(inner, &provider())
        .with_policy(StaplePolicy {
            on_missing: Action::Deny,
            ..StaplePolicy::default()
        })
        .build();
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(spec.sign(&pki.intermediate.key)),
        verifier,
        TLS13,
    );
    let Some(StapleError::Invalid(reason)) = staple_error(&result) else {
        panic!("not a StapleError::Invalid: {result:?}");
    };
    assert!(
        matches!(reason, ocsp_verify::Error::Expired { .. }),
        "{reason:?}"
    );
    let error = StapleError::Invalid(reason.clone());
    let source = std::error::Error::source(&error)
        .and_then(|s| s.downcast_ref::<ocsp_verify::Error>())
        .cloned();
    assert_eq!(source, Some(reason));
}
