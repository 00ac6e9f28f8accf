//! The signature algorithms: every ECDSA curve with every hash, Ed25519,
//! every algorithm with matching identifiers tried, and a key no algorithm
//! takes named in the error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_testkit::{Flavor, Pki, SigAlg, NOW};
use ocsp_types::{AlgorithmIdentifier, CertStatus, CrlReason, ObjectIdentifier, RevokedInfo};
use ocsp_verify::{
    algorithms, Error, Issuer, PublicKeyType, SignatureVerificationAlgorithm, Status, Subject,
    UnixTime, Verifier,
};

fn verify_with(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    pki: &Pki,
    der: &[u8],
) -> Result<Status, Error> {
    Verifier::new(algorithms)
        .verify(
            der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            UnixTime::since_unix_epoch(Duration::from_secs(NOW as u64)),
            None,
        )
        .map(|v| v.status)
}

fn verify(pki: &Pki, der: &[u8]) -> Result<Status, Error> {
    verify_with(algorithms::ALL, pki, der)
}

#[test]
fn p521_and_ed25519_good_revoked_and_tampered() {
    for flavor in [Flavor::P521, Flavor::Ed25519] {
        let pki = Pki::new(flavor);
        let issuer = pki.issuer_response();
        assert_eq!(
            verify(&pki, &issuer.sign(&pki.ca.key)),
            Ok(Status::Good),
            "{flavor:?} issuer"
        );
        assert_eq!(
            verify(&pki, &pki.delegated_response().sign(&pki.delegate.key)),
            Ok(Status::Good),
            "{flavor:?} delegated"
        );
        let mut revoked = pki.delegated_response();
        let time = pki.at(-10 * ocsp_testkit::DAY);
        revoked.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
            revocation_time: time,
            revocation_reason: Some(CrlReason::KeyCompromise),
        }))];
        assert_eq!(
            verify(&pki, &revoked.sign(&pki.delegate.key)),
            Ok(Status::Revoked {
                time,
                reason: Some(CrlReason::KeyCompromise)
            }),
            "{flavor:?} revoked"
        );
        let mut tampered = pki.issuer_response();
        tampered.corrupt_signature = true;
        assert_eq!(
            verify(&pki, &tampered.sign(&pki.ca.key)),
            Err(Error::InvalidSignature),
            "{flavor:?} tampered response"
        );
        let mut spec = pki.delegate_spec();
        spec.corrupt_signature = true;
        let mut forged = pki.delegated_response();
        forged.certs = Some(vec![pki.issue_delegate(&spec)]);
        assert_eq!(
            verify(&pki, &forged.sign(&pki.delegate.key)),
            Err(Error::DelegatedResponderBadSignature),
            "{flavor:?} tampered delegate certificate"
        );
        // Signed by another key of the same type.
        let mut other = pki.issuer_response();
        other.responder_id = ocsp_testkit::by_key(&pki.ca.key);
        assert_eq!(
            verify(&pki, &other.sign(&pki.delegate.key)),
            Err(Error::InvalidSignature),
            "{flavor:?} wrong key"
        );
    }
}

#[test]
fn every_ecdsa_curve_with_every_hash() {
    for flavor in [Flavor::P256, Flavor::P384, Flavor::P521] {
        let pki = Pki::new(flavor);
        for alg in [
            SigAlg::EcdsaSha256,
            SigAlg::EcdsaSha384,
            SigAlg::EcdsaSha512,
        ] {
            let mut spec = pki.issuer_response();
            spec.sig_alg = alg;
            assert_eq!(
                verify(&pki, &spec.sign(&pki.ca.key)),
                Ok(Status::Good),
                "{flavor:?} {alg:?}"
            );
            spec.corrupt_signature = true;
            assert_eq!(
                verify(&pki, &spec.sign(&pki.ca.key)),
                Err(Error::InvalidSignature),
                "{flavor:?} {alg:?} tampered"
            );
            // The signature made with this hash, labelled with another one.
            spec.corrupt_signature = false;
            spec.signature_algorithm_override = Some(
                if alg == SigAlg::EcdsaSha256 {
                    SigAlg::EcdsaSha384
                } else {
                    SigAlg::EcdsaSha256
                }
                .algorithm_identifier(),
            );
            assert_eq!(
                verify(&pki, &spec.sign(&pki.ca.key)),
                Err(Error::InvalidSignature),
                "{flavor:?} {alg:?} relabelled"
            );
        }
    }
}

#[test]
fn ed25519_with_parameters_is_not_ed25519() {
    let pki = Pki::new(Flavor::Ed25519);
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(AlgorithmIdentifier::with_null_parameters(
        ObjectIdentifier::new_unwrap("1.3.101.112"),
    ));
    assert_eq!(
        verify(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithm {
            oid: Some(ObjectIdentifier::new_unwrap("1.3.101.112"))
        })
    );
}

/// rustls-webpki's `RSA_PKCS1_3072_8192_SHA384` and
/// `RSA_PKCS1_2048_8192_SHA384` share their identifiers; a 2048-bit key
/// fails the first and must then be tried under the second.
#[test]
fn every_algorithm_with_matching_identifiers_is_tried() {
    let pki = Pki::new(Flavor::Rsa);
    let mut spec = pki.issuer_response();
    spec.sig_alg = SigAlg::RsaSha384;
    let der = spec.sign(&pki.ca.key);
    let ring = &webpki::ring::RSA_PKCS1_3072_8192_SHA384;
    let both = [
        webpki::ring::RSA_PKCS1_3072_8192_SHA384,
        webpki::ring::RSA_PKCS1_2048_8192_SHA384,
    ];
    assert_eq!(verify_with(&both, &pki, &der), Ok(Status::Good));
    let mut reversed = both;
    reversed.reverse();
    assert_eq!(verify_with(&reversed, &pki, &der), Ok(Status::Good));
    assert_eq!(
        verify_with(std::slice::from_ref(ring), &pki, &der),
        Err(Error::InvalidSignature),
        "a 2048-bit key under the 3072-bit minimum alone"
    );
    // A bad signature is still bad after every candidate was tried.
    spec.corrupt_signature = true;
    assert_eq!(
        verify_with(&both, &pki, &spec.sign(&pki.ca.key)),
        Err(Error::InvalidSignature)
    );
}

fn without_p521() -> Vec<&'static dyn SignatureVerificationAlgorithm> {
    algorithms::ALL
        .iter()
        .copied()
        .filter(|a| a.public_key_alg_id() != rustls_pki_types::alg_id::ECDSA_P521)
        .collect()
}

#[test]
fn a_key_no_algorithm_takes_is_named() {
    let pki = Pki::new(Flavor::P521);
    let list = without_p521();
    let err = verify_with(&list, &pki, &pki.issuer_response().sign(&pki.ca.key)).unwrap_err();
    let key = PublicKeyType {
        algorithm: Some(ObjectIdentifier::new_unwrap("1.2.840.10045.2.1")),
        parameter: Some(ObjectIdentifier::new_unwrap("1.3.132.0.35")),
    };
    assert_eq!(err, Error::UnsupportedPublicKey { key: key.clone() });
    assert_eq!(err.to_string(), "no algorithm for a P-521 key");
    assert_eq!(key.name(), Some("P-521"));
    // The same for the delegate's certificate signature (issued by a P-521 CA).
    let err = verify_with(
        &list,
        &pki,
        &pki.delegated_response().sign(&pki.delegate.key),
    )
    .unwrap_err();
    assert_eq!(err, Error::UnsupportedPublicKey { key });
    // An unnamed key type shows its OIDs.
    let unnamed = PublicKeyType {
        algorithm: Some(ObjectIdentifier::new_unwrap("1.2.3.4")),
        parameter: Some(ObjectIdentifier::new_unwrap("1.2.3.5")),
    };
    assert_eq!(unnamed.to_string(), "1.2.3.4 (1.2.3.5)");
}

#[test]
fn a_known_key_with_the_wrong_signature_algorithm_does_not_fit() {
    // ECDSA on an RSA key: the list takes RSA keys, not with ECDSA.
    let pki = Pki::new(Flavor::Rsa);
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(SigAlg::EcdsaSha256.algorithm_identifier());
    assert_eq!(
        verify(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithmForKey {
            signature: Some(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2")),
            key: Some(ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1")),
        })
    );
    // Ed25519 on a P-256 key.
    let pki = Pki::new(Flavor::P256);
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(SigAlg::Ed25519.algorithm_identifier());
    assert!(matches!(
        verify(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithmForKey { .. })
    ));
}

#[test]
fn all_has_every_ecdsa_pair_and_ed25519() {
    use rustls_pki_types::alg_id;
    for key in [alg_id::ECDSA_P256, alg_id::ECDSA_P384, alg_id::ECDSA_P521] {
        for sig in [
            alg_id::ECDSA_SHA256,
            alg_id::ECDSA_SHA384,
            alg_id::ECDSA_SHA512,
        ] {
            assert!(algorithms::ALL
                .iter()
                .any(|a| a.public_key_alg_id() == key && a.signature_alg_id() == sig));
        }
    }
    assert!(algorithms::ALL
        .iter()
        .any(|a| a.public_key_alg_id() == alg_id::ED25519));
}
