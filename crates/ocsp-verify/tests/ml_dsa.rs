//! ML-DSA (FIPS 204) with the RFC 9881 identifiers, feature `ml-dsa`: an
//! ML-DSA CA, delegated responder and leaf from the testkit's fixed seeds.
#![cfg(feature = "ml-dsa")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_testkit::{der, Flavor, HashAlg, Key, KeyName, Pki, SigAlg, DAY, NOW};
use ocsp_types::{AlgorithmIdentifier, CertStatus, CrlReason, ObjectIdentifier, RevokedInfo};
use ocsp_verify::{
    algorithms, Error, Issuer, PublicKeyType, Responder, Status, Subject, UnixTime, Verifier,
};

const FLAVORS: [Flavor; 3] = [Flavor::MlDsa44, Flavor::MlDsa65, Flavor::MlDsa87];

fn time() -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(NOW as u64))
}

fn verify_as(pki: &Pki, issuer: Issuer<'_>, der: &[u8]) -> Result<(Status, &'static str), Error> {
    Verifier::new(algorithms::ALL)
        .verify(der, Subject::Certificate(&pki.leaf), issuer, time(), None)
        .map(|v| {
            let responder = match v.responder {
                Responder::Issuer => "issuer",
                Responder::Delegated { .. } => "delegated",
                _ => "other",
            };
            (v.status, responder)
        })
}

fn verify(pki: &Pki, der: &[u8]) -> Result<(Status, &'static str), Error> {
    verify_as(pki, Issuer::Certificate(&pki.ca.cert), der)
}

fn ml_dsa_44_id(parameters: Option<Vec<u8>>) -> AlgorithmIdentifier {
    AlgorithmIdentifier {
        oid: ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17"),
        parameters,
    }
}

#[test]
fn all_holds_the_three_parameter_sets() {
    use rustls_pki_types::alg_id;
    for id in [alg_id::ML_DSA_44, alg_id::ML_DSA_65, alg_id::ML_DSA_87] {
        assert!(algorithms::ALL
            .iter()
            .any(|a| a.public_key_alg_id() == id && a.signature_alg_id() == id));
    }
}

#[test]
fn issuer_and_delegated_good_revoked_and_tampered() {
    for flavor in FLAVORS {
        let pki = Pki::new(flavor);
        assert_eq!(
            verify(&pki, &pki.issuer_response().sign(&pki.ca.key)),
            Ok((Status::Good, "issuer")),
            "{flavor:?}"
        );
        // The delegate's certificate is signed with ML-DSA by the CA.
        assert_eq!(
            verify(&pki, &pki.delegated_response().sign(&pki.delegate.key)),
            Ok((Status::Good, "delegated")),
            "{flavor:?}"
        );
        let revocation_time = pki.at(-5 * DAY);
        let mut revoked = pki.delegated_response();
        revoked.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
            revocation_time,
            revocation_reason: Some(CrlReason::Superseded),
        }))];
        assert_eq!(
            verify(&pki, &revoked.sign(&pki.delegate.key)),
            Ok((
                Status::Revoked {
                    time: revocation_time,
                    reason: Some(CrlReason::Superseded)
                },
                "delegated"
            )),
            "{flavor:?}"
        );
        let mut tampered = pki.issuer_response();
        tampered.corrupt_signature = true;
        assert_eq!(
            verify(&pki, &tampered.sign(&pki.ca.key)),
            Err(Error::InvalidSignature),
            "{flavor:?}"
        );
        let mut spec = pki.delegate_spec();
        spec.corrupt_signature = true;
        let mut forged = pki.delegated_response();
        forged.certs = Some(vec![pki.issue_delegate(&spec)]);
        assert_eq!(
            verify(&pki, &forged.sign(&pki.delegate.key)),
            Err(Error::DelegatedResponderBadSignature),
            "{flavor:?}"
        );
    }
}

/// CertID hashes the ML-DSA issuer key as any key: the raw BIT STRING
/// content (1312 to 2592 octets), under every hash.
#[test]
fn cert_ids_over_ml_dsa_issuer_keys() {
    for flavor in FLAVORS {
        let pki = Pki::new(flavor);
        for hash in [
            HashAlg::Sha1,
            HashAlg::Sha256,
            HashAlg::Sha384,
            HashAlg::Sha512,
        ] {
            let mut spec = pki.issuer_response();
            spec.singles[0].cert_id = pki.leaf_cert_id(hash);
            assert_eq!(
                verify(&pki, &spec.sign(&pki.ca.key)),
                Ok((Status::Good, "issuer")),
                "{flavor:?} {hash:?}"
            );
        }
        // A CertID over another ML-DSA key does not match.
        let mut spec = pki.issuer_response();
        spec.singles[0].cert_id = ocsp_testkit::cert_id(
            HashAlg::Sha1,
            &pki.ca.name,
            &pki.delegate.key,
            Pki::LEAF_SERIAL,
        );
        assert_eq!(
            verify(&pki, &spec.sign(&pki.ca.key)),
            Err(Error::NoMatchingResponse),
            "{flavor:?}"
        );
    }
}

#[test]
fn a_signature_under_another_parameter_set_is_refused() {
    // An ML-DSA-65 key's signature labelled ML-DSA-44: the list takes
    // ML-DSA-65 keys, but not with the ML-DSA-44 algorithm.
    let pki = Pki::new(Flavor::MlDsa65);
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(SigAlg::MlDsa44.algorithm_identifier());
    assert_eq!(
        verify(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithmForKey {
            signature: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17")),
            key: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18")),
        })
    );
    // An ML-DSA-65 signature (3309 octets) under an ML-DSA-44 CA's key and
    // the ML-DSA-44 identifier: the lengths do not fit, it does not verify.
    let pki = Pki::new(Flavor::MlDsa44);
    let other = Key::load(KeyName::LeafMlDsa65);
    let mut spec = pki.issuer_response();
    spec.sig_alg = SigAlg::MlDsa65;
    spec.signature_algorithm_override = Some(SigAlg::MlDsa44.algorithm_identifier());
    assert_eq!(
        verify(&pki, &spec.sign(&other)),
        Err(Error::InvalidSignature)
    );
}

#[test]
fn parameters_are_refused() {
    let pki = Pki::new(Flavor::MlDsa44);
    // In the signatureAlgorithm.
    for parameters in [vec![0x05, 0x00], vec![0x30, 0x00]] {
        let mut spec = pki.issuer_response();
        spec.signature_algorithm_override = Some(ml_dsa_44_id(Some(parameters)));
        assert_eq!(
            verify(&pki, &spec.sign(&pki.ca.key)),
            Err(Error::UnsupportedSignatureAlgorithm {
                oid: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17"))
            })
        );
    }
    // In the signer's SubjectPublicKeyInfo: no algorithm takes that key.
    let spki = der::seq(&[
        &der::seq(&[
            &der::oid(&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11]),
            &[0x05, 0x00],
        ]),
        &der::bits(&pki.ca.key.public_key_bits()),
    ]);
    let issuer = Issuer::NameAndKey {
        subject: &pki.ca.name,
        spki: &spki,
    };
    assert_eq!(
        verify_as(&pki, issuer, &pki.issuer_response().sign(&pki.ca.key)),
        Err(Error::UnsupportedPublicKey {
            key: PublicKeyType {
                algorithm: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17")),
                parameter: None,
            }
        })
    );
    // The same key without parameters verifies.
    let spki = pki.ca.key.spki_der();
    let issuer = Issuer::NameAndKey {
        subject: &pki.ca.name,
        spki: &spki,
    };
    assert_eq!(
        verify_as(&pki, issuer, &pki.issuer_response().sign(&pki.ca.key)),
        Ok((Status::Good, "issuer"))
    );
}

#[test]
fn a_list_without_ml_dsa_names_the_key() {
    let pki = Pki::new(Flavor::MlDsa65);
    let classical: Vec<_> = algorithms::ALL
        .iter()
        .copied()
        .filter(|a| a.public_key_alg_id() != rustls_pki_types::alg_id::ML_DSA_65)
        .collect();
    let err = Verifier::new(&classical)
        .verify(
            &pki.issuer_response().sign(&pki.ca.key),
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            time(),
            None,
        )
        .unwrap_err();
    // ML-DSA-65 is named by the signatureAlgorithm first: not in the list.
    assert!(matches!(err, Error::UnsupportedSignatureAlgorithm { .. }));
    let err = Error::UnsupportedPublicKey {
        key: PublicKeyType {
            algorithm: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18")),
            parameter: None,
        },
    };
    assert_eq!(err.to_string(), "no algorithm for an ML-DSA-65 key");
}

/// Signatures and keys of the right length but arbitrary content are
/// refused, never a panic in the decoders (z at the range limit, hint
/// indices out of order, all-ones and all-zeros).
#[test]
fn arbitrary_signature_and_key_bytes_do_not_verify() {
    for (alg, key_len, sig_len) in [
        (algorithms::ML_DSA_44, 1312, 2420),
        (algorithms::ML_DSA_65, 1952, 3309),
        (algorithms::ML_DSA_87, 2592, 4627),
    ] {
        let mut lcg = 0x9e37_79b9_7f4a_7c15_u64;
        let mut noise = |len: usize| -> Vec<u8> {
            (0..len)
                .map(|_| {
                    lcg = lcg
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    (lcg >> 56) as u8
                })
                .collect()
        };
        let key = noise(key_len);
        for signature in [
            vec![0xff; sig_len],
            vec![0x00; sig_len],
            noise(sig_len),
            noise(sig_len),
        ] {
            assert!(alg.verify_signature(&key, b"m", &signature).is_err());
            assert!(alg.verify_signature(&[0xff; 4], b"m", &signature).is_err());
        }
        assert!(alg.verify_signature(&key, b"m", &[]).is_err());
        assert!(alg
            .verify_signature(&key, b"m", &vec![0; sig_len + 1])
            .is_err());
    }
}
