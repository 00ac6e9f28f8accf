//! Real TLS handshakes on loopback, one per staple outcome, each asserting
//! the error the client's handshake fails with.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{cert_error, handshake, pki, staple_error, verifier, TLS12, TLS13};
use ocsp_rustls::{Action, StapleError, StaplePolicy};
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::{by_key, cert, der, CertSpec, Entity, Key, KeyName, DAY};
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::CertificateError;

const SERIAL: &[u8] = &[0x51, 0x52, 0x53, 0x54];
const OTHER_SERIAL: &[u8] = &[0x61, 0x62, 0x63, 0x64];

fn revoked(pki: &TlsPki) -> CertStatus {
    CertStatus::Revoked(RevokedInfo {
        revocation_time: pki.at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    })
}

/// A leaf issued directly by the root (the staple's issuer is the trust anchor).
fn leaf(pki: &TlsPki, must_staple: bool) -> Vec<u8> {
    pki.issue_leaf(&pki.leaf_spec(SERIAL, must_staple), &pki.root)
}

fn staple(pki: &TlsPki, status: CertStatus) -> Vec<u8> {
    pki.response(&pki.root, SERIAL, status).sign(&pki.root.key)
}

fn default_verifier(pki: &TlsPki) -> ocsp_rustls::OcspVerifier {
    verifier(pki, StaplePolicy::default())
}

#[test]
fn good_staple_accepted_tls13_and_tls12() {
    let pki = pki();
    for version in [TLS13, TLS12] {
        let result = handshake(
            &[&leaf(&pki, false)],
            Some(staple(&pki, CertStatus::Good)),
            default_verifier(&pki),
            version,
        );
        assert_eq!(result, Ok(()), "{version:?}");
    }
}

#[test]
fn good_staple_from_intermediate_accepted() {
    let pki = pki();
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    let staple = pki
        .response(&pki.intermediate, SERIAL, CertStatus::Good)
        .sign(&pki.intermediate.key);
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(staple),
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(result, Ok(()));
}

#[test]
fn revoked_refused_tls13_and_tls12() {
    let pki = pki();
    for version in [TLS13, TLS12] {
        let result = handshake(
            &[&leaf(&pki, false)],
            Some(staple(&pki, revoked(&pki))),
            default_verifier(&pki),
            version,
        );
        assert_eq!(result, cert_error(CertificateError::Revoked), "{version:?}");
    }
}

#[test]
fn revoked_from_intermediate_refused() {
    let pki = pki();
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    let staple = pki
        .response(&pki.intermediate, SERIAL, revoked(&pki))
        .sign(&pki.intermediate.key);
    let result = handshake(
        &[&leaf, &pki.intermediate.cert],
        Some(staple),
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(result, cert_error(CertificateError::Revoked));
}

#[test]
fn revoked_refused_even_when_everything_else_is_allowed() {
    let pki = pki();
    let lenient = StaplePolicy {
        on_missing: Action::Allow,
        on_invalid: Action::Allow,
        on_unknown: Action::Allow,
        ..StaplePolicy::default()
    };
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(staple(&pki, revoked(&pki))),
        verifier(&pki, lenient),
        TLS13,
    );
    assert_eq!(result, cert_error(CertificateError::Revoked));
}

#[test]
fn no_staple_allowed_by_default() {
    let pki = pki();
    let result = handshake(&[&leaf(&pki, false)], None, default_verifier(&pki), TLS13);
    assert_eq!(result, Ok(()));
}

#[test]
fn no_staple_refused_when_policy_denies() {
    let pki = pki();
    let hard = StaplePolicy {
        on_missing: Action::Deny,
        ..StaplePolicy::default()
    };
    let result = handshake(&[&leaf(&pki, false)], None, verifier(&pki, hard), TLS13);
    assert_eq!(
        staple_error(&result),
        Some(StapleError::Missing),
        "{result:?}"
    );
}

#[test]
fn must_staple_without_staple_refused_despite_soft_fail() {
    let pki = pki();
    for version in [TLS13, TLS12] {
        let result = handshake(&[&leaf(&pki, true)], None, default_verifier(&pki), version);
        assert_eq!(
            staple_error(&result),
            Some(StapleError::MustStapleWithoutStaple),
            "{version:?}: {result:?}"
        );
    }
}

#[test]
fn must_staple_with_good_staple_accepted() {
    let pki = pki();
    let result = handshake(
        &[&leaf(&pki, true)],
        Some(staple(&pki, CertStatus::Good)),
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(result, Ok(()));
}

#[test]
fn must_staple_with_invalid_staple_refused_even_when_invalid_allowed() {
    let pki = pki();
    let lenient = StaplePolicy {
        on_invalid: Action::Allow,
        ..StaplePolicy::default()
    };
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.corrupt_signature = true;
    let result = handshake(
        &[&leaf(&pki, true)],
        Some(spec.sign(&pki.root.key)),
        verifier(&pki, lenient),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(ocsp_verify::Error::InvalidSignature))
        ),
        "{result:?}"
    );
}

#[test]
fn expired_staple_refused() {
    let pki = pki();
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.produced_at = pki.at(-8 * DAY);
    for single in &mut spec.singles {
        single.this_update = pki.at(-8 * DAY);
        single.next_update = Some(pki.at(-DAY));
    }
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(spec.sign(&pki.root.key)),
        default_verifier(&pki),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(ocsp_verify::Error::Expired { .. }))
        ),
        "{result:?}"
    );
}

#[test]
fn staple_for_another_certificate_refused() {
    let pki = pki();
    let other = pki
        .response(&pki.root, OTHER_SERIAL, CertStatus::Good)
        .sign(&pki.root.key);
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(other),
        default_verifier(&pki),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(ocsp_verify::Error::NoMatchingResponse))
        ),
        "{result:?}"
    );
}

/// A responder certificate with id-kp-OCSPSigning, but issued by a rogue
/// CA, not by the leaf's issuer.
#[test]
fn staple_from_unauthorized_responder_refused() {
    let pki = pki();
    let rogue_key = Key::load(KeyName::OtherRsa);
    let rogue_name = der::name("Rogue OCSP Responder");
    let mut rogue_spec = CertSpec::new(&[0x66], rogue_name.clone(), pki.at(-DAY), pki.at(DAY));
    rogue_spec.eku = Some(vec![cert::KP_OCSP_SIGNING.to_vec()]);
    rogue_spec.key_usage = Some(cert::KU_DIGITAL_SIGNATURE);
    let rogue_cert = rogue_spec.issue(&rogue_key, &rogue_name, &rogue_key);
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.responder_id = by_key(&rogue_key);
    spec.sig_alg = rogue_key.default_alg();
    spec.certs = Some(vec![rogue_cert]);
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(spec.sign(&rogue_key)),
        default_verifier(&pki),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(
                ocsp_verify::Error::DelegatedResponderWrongIssuer
            ))
        ),
        "{result:?}"
    );
}

/// The server (holding a revoked certificate's key) adds an "intermediate"
/// with the issuer's Name but its own key, and staples a "good" response
/// signed by that key. WebPKI still builds the path to the real root; the
/// staple must not be checked against the impostor.
#[test]
fn impostor_issuer_in_chain_not_used_for_the_staple() {
    let pki = pki();
    let impostor_key = Key::load(KeyName::OtherRsa);
    let mut impostor_spec =
        CertSpec::new(&[0x99], pki.root.name.clone(), pki.at(-DAY), pki.at(DAY));
    impostor_spec.ca = true;
    impostor_spec.key_usage = Some(cert::KU_CERT_SIGN);
    let impostor = Entity {
        name: pki.root.name.clone(),
        cert: impostor_spec.issue(&impostor_key, &pki.root.name, &impostor_key),
        key: impostor_key,
    };
    let forged = pki
        .response(&impostor, SERIAL, CertStatus::Good)
        .sign(&impostor.key);
    let result = handshake(
        &[&leaf(&pki, false), &impostor.cert],
        Some(forged),
        default_verifier(&pki),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(
                ocsp_verify::Error::NoAuthorizedResponder
            ))
        ),
        "{result:?}"
    );
}

#[test]
fn garbage_staple_refused() {
    let pki = pki();
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(vec![0x30, 0x03, 0x0a, 0x01, 0x00]),
        default_verifier(&pki),
        TLS13,
    );
    assert!(
        matches!(
            staple_error(&result),
            Some(StapleError::Invalid(ocsp_verify::Error::Malformed(
                ocsp_types::Error::MissingResponseBytes
            )))
        ),
        "{result:?}"
    );
}

#[test]
fn invalid_staple_allowed_when_policy_allows() {
    let pki = pki();
    let lenient = StaplePolicy {
        on_invalid: Action::Allow,
        ..StaplePolicy::default()
    };
    let other = pki
        .response(&pki.root, OTHER_SERIAL, CertStatus::Good)
        .sign(&pki.root.key);
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(other),
        verifier(&pki, lenient),
        TLS13,
    );
    assert_eq!(result, Ok(()));
}

#[test]
fn unknown_status_refused_by_default() {
    let pki = pki();
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(staple(&pki, CertStatus::Unknown)),
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(
        result,
        cert_error(CertificateError::UnknownRevocationStatus)
    );
}

#[test]
fn unknown_status_allowed_when_policy_allows() {
    let pki = pki();
    let lenient = StaplePolicy {
        on_unknown: Action::Allow,
        ..StaplePolicy::default()
    };
    let result = handshake(
        &[&leaf(&pki, false)],
        Some(staple(&pki, CertStatus::Unknown)),
        verifier(&pki, lenient),
        TLS13,
    );
    assert_eq!(result, Ok(()));
}

/// The chain is checked first: an untrusted chain fails with WebPKI's
/// error, whatever the staple says.
#[test]
fn chain_failure_comes_first() {
    let pki = pki();
    let untrusted = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    let result = handshake(
        &[&untrusted],
        Some(staple(&pki, revoked(&pki))),
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(result, cert_error(CertificateError::UnknownIssuer));
}

/// The resolver hands out the same `CertifiedKey` while the staple is the
/// same, and a new one (with the new staple) when it changes.
#[test]
fn resolver_caches_per_staple() {
    use std::sync::{Arc, Mutex};

    use ocsp_rustls::StaplingCertResolver;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use rustls::sign::CertifiedKey;

    let pki = pki();
    let provider = common::provider();
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(
            ocsp_testkit::tls::LEAF_KEY_PKCS8.to_vec().into(),
        ))
        .unwrap();
    let chain = vec![CertificateDer::from(leaf(&pki, false))];
    let current: Arc<Mutex<Option<Arc<[u8]>>>> = Arc::new(Mutex::new(None));
    let source = Arc::clone(&current);
    let resolver = StaplingCertResolver::new(CertifiedKey::new(chain, key), move || {
        source.lock().unwrap().clone()
    });

    let none = resolver.current();
    assert_eq!(none.ocsp, None);
    assert!(Arc::ptr_eq(&none, &resolver.current()));

    let first: Arc<[u8]> = Arc::from(staple(&pki, CertStatus::Good));
    *current.lock().unwrap() = Some(Arc::clone(&first));
    let stapled = resolver.current();
    assert_eq!(stapled.ocsp.as_deref(), Some(&first[..]));
    assert!(Arc::ptr_eq(&stapled, &resolver.current()));

    // An empty staple is no staple.
    *current.lock().unwrap() = Some(Arc::from(Vec::new()));
    assert_eq!(resolver.current().ocsp, None);
}

/// A leaf with the encodings rustls accepts and strict DER does not:
/// `critical FALSE` written in every non-critical extension (among them an
/// end-entity basicConstraints) and a keyUsage padded with a zero octet
/// (`03 03 07 80 00`, as GnuTLS's certtool writes it).
fn lax_leaf(pki: &TlsPki, must_staple: bool) -> Vec<u8> {
    let mut spec = pki.leaf_spec(SERIAL, must_staple);
    spec.extra_extensions
        .push((vec![0x55, 0x1d, 0x13], false, der::seq(&[])));
    spec.explicit_non_critical = true;
    spec.padded_key_usage = true;
    let leaf = pki.issue_leaf(&spec, &pki.root);
    let kinds: Vec<_> = ocsp_types::CertificateRef::parse(&leaf)
        .unwrap()
        .deviations()
        .map(|d| d.kind)
        .collect();
    assert!(kinds.contains(&ocsp_types::DeviationKind::ExplicitNonCritical));
    assert!(kinds.contains(&ocsp_types::DeviationKind::PaddedKeyUsage));
    leaf
}

#[test]
fn lax_leaf_without_staple_connects_by_default() {
    let pki = pki();
    for version in [TLS13, TLS12] {
        let result = handshake(
            &[&lax_leaf(&pki, false)],
            None,
            default_verifier(&pki),
            version,
        );
        assert_eq!(result, Ok(()), "{version:?}");
    }
}

#[test]
fn lax_leaf_staple_is_verified() {
    let pki = pki();
    for version in [TLS13, TLS12] {
        let result = handshake(
            &[&lax_leaf(&pki, false)],
            Some(staple(&pki, CertStatus::Good)),
            default_verifier(&pki),
            version,
        );
        assert_eq!(result, Ok(()), "{version:?}");
        // The staple is read, not skipped: a revoked one is refused.
        let result = handshake(
            &[&lax_leaf(&pki, false)],
            Some(staple(&pki, revoked(&pki))),
            default_verifier(&pki),
            version,
        );
        assert_eq!(result, cert_error(CertificateError::Revoked), "{version:?}");
    }
}

/// The TLS Feature with `critical FALSE` written is still read: Must-Staple.
#[test]
fn lax_must_staple_leaf_without_staple_refused() {
    let pki = pki();
    let result = handshake(
        &[&lax_leaf(&pki, true)],
        None,
        default_verifier(&pki),
        TLS13,
    );
    assert_eq!(
        staple_error(&result),
        Some(StapleError::MustStapleWithoutStaple),
        "{result:?}"
    );
}
