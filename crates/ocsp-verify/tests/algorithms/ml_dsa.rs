//! ML-DSA (FIPS 204) with the RFC 9881 identifiers, feature `ml-dsa`: an
//! ML-DSA CA, delegated responder and leaf from the testkit's fixed seeds.

use crate::common::{
    assert_cases, assert_not_for_key, assert_unsupported_algorithm, issuer_signed, signature_cases,
    status, Check, GOOD_ISSUER,
};
use ocsp_testkit::{der, Flavor, HashAlg, Key, KeyName, Pki, SigAlg};
use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
use ocsp_verify::{algorithms, Error, PublicKeyType};

const FLAVORS: [Flavor; 3] = [Flavor::MlDsa44, Flavor::MlDsa65, Flavor::MlDsa87];

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

/// The delegate's certificate is signed with ML-DSA by the CA.
#[test]
fn issuer_and_delegated_good_revoked_and_tampered() {
    for flavor in FLAVORS {
        let pki = Pki::new(flavor);
        assert_cases(&pki, &format!("{flavor:?}"), signature_cases(&pki));
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
            let der = issuer_signed(&pki, |spec| {
                spec.singles[0].cert_id = pki.leaf_cert_id(hash)
            });
            assert_eq!(status(&pki, &der), GOOD_ISSUER, "{flavor:?} {hash:?}");
        }
        // A CertID over another ML-DSA key does not match.
        let der = issuer_signed(&pki, |spec| {
            spec.singles[0].cert_id = ocsp_testkit::cert_id(
                HashAlg::Sha1,
                &pki.ca.name,
                &pki.delegate.key,
                Pki::LEAF_SERIAL,
            );
        });
        assert_eq!(
            status(&pki, &der),
            Err(Error::NoMatchingResponse),
            "{flavor:?}"
        );
    }
}

#[test]
fn a_signature_under_another_parameter_set_is_refused() {
    // An ML-DSA-65 key's signature labelled ML-DSA-44: the list takes
    // ML-DSA-65 keys, but not with the ML-DSA-44 algorithm.
    assert_not_for_key(
        Flavor::MlDsa65,
        SigAlg::MlDsa44,
        "2.16.840.1.101.3.4.3.17",
        "2.16.840.1.101.3.4.3.18",
    );
    // An ML-DSA-65 signature (3309 octets) under an ML-DSA-44 CA's key and
    // the ML-DSA-44 identifier: the lengths do not fit, it does not verify.
    let pki = Pki::new(Flavor::MlDsa44);
    let other = Key::load(KeyName::LeafMlDsa65);
    let mut spec = pki.issuer_response();
    spec.sig_alg = SigAlg::MlDsa65;
    spec.signature_algorithm_override = Some(SigAlg::MlDsa44.algorithm_identifier());
    assert_eq!(
        status(&pki, &spec.sign(&other)),
        Err(Error::InvalidSignature)
    );
}

#[test]
fn parameters_are_refused() {
    let pki = Pki::new(Flavor::MlDsa44);
    // In the signatureAlgorithm.
    for parameters in [vec![0x05, 0x00], vec![0x30, 0x00]] {
        assert_unsupported_algorithm(&pki, ml_dsa_44_id(Some(parameters)));
    }
    // In the signer's SubjectPublicKeyInfo: no algorithm takes that key.
    let spki = der::seq(&[
        &der::seq(&[
            &der::oid(&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11]),
            &[0x05, 0x00],
        ]),
        &der::bits(&pki.ca.key.public_key_bits()),
    ]);
    let by_spki = |spki| {
        Check {
            issuer_spki: Some(spki),
            ..Check::default()
        }
        .status(&pki, &pki.issuer_response().sign(&pki.ca.key))
    };
    assert_eq!(
        by_spki(&spki),
        Err(Error::UnsupportedPublicKey {
            key: PublicKeyType {
                algorithm: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17")),
                parameter: None,
            }
        })
    );
    // The same key without parameters verifies.
    assert_eq!(by_spki(&pki.ca.key.spki_der()), GOOD_ISSUER);
}

#[test]
fn a_list_without_ml_dsa_names_the_key() {
    let pki = Pki::new(Flavor::MlDsa65);
    let classical: Vec<_> = algorithms::ALL
        .iter()
        .copied()
        .filter(|a| a.public_key_alg_id() != rustls_pki_types::alg_id::ML_DSA_65)
        .collect();
    let err = Check {
        algorithms: &classical,
        ..Check::default()
    }
    .run(&pki, &pki.issuer_response().sign(&pki.ca.key))
    .unwrap_err();
    // ML-DSA-65 is named by the signatureAlgorithm first: not in the list.
    assert_eq!(
        err,
        Error::UnsupportedSignatureAlgorithm {
            oid: Some(ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18"))
        }
    );
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
