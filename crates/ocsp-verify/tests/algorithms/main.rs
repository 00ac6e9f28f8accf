//! The signature algorithms: every ECDSA curve with every hash, Ed25519,
//! every algorithm with matching identifiers tried, and a key no algorithm
//! takes named in the error; ML-DSA (feature `ml-dsa`) in its own modules.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;
#[cfg(feature = "ml-dsa")]
mod ml_dsa;
#[cfg(feature = "ml-dsa")]
mod ml_dsa_python;

use common::{
    assert_cases, assert_not_for_key, assert_unsupported_algorithm, issuer_signed, signature_cases,
    Case, Check, GOOD_ISSUER,
};
use ocsp_testkit::{Flavor, Pki, ResponseSpec, SigAlg};
use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
use ocsp_verify::{algorithms, Error, PublicKeyType, SignatureVerificationAlgorithm, Status};

fn verify_with(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    pki: &Pki,
    der: &[u8],
) -> Result<Status, Error> {
    Check {
        algorithms,
        ..Check::default()
    }
    .run(pki, der)
    .map(|s| s.status)
}

#[test]
fn p521_and_ed25519_good_revoked_and_tampered() {
    for flavor in [Flavor::P521, Flavor::Ed25519] {
        let pki = Pki::new(flavor);
        assert_cases(&pki, &format!("{flavor:?}"), signature_cases(&pki));
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
            let sign = |edit: &dyn Fn(&mut ResponseSpec)| {
                issuer_signed(&pki, |spec| {
                    spec.sig_alg = alg;
                    edit(spec);
                })
            };
            // The signature made with this hash, labelled with another one.
            let other = if alg == SigAlg::EcdsaSha256 {
                SigAlg::EcdsaSha384
            } else {
                SigAlg::EcdsaSha256
            };
            let relabelled = |spec: &mut ResponseSpec| {
                spec.signature_algorithm_override = Some(other.algorithm_identifier());
            };
            let cases: Vec<Case> = vec![
                ("good", sign(&|_| ()), GOOD_ISSUER),
                (
                    "tampered",
                    sign(&|spec| spec.corrupt_signature = true),
                    Err(Error::InvalidSignature),
                ),
                (
                    "relabelled",
                    sign(&relabelled),
                    Err(Error::InvalidSignature),
                ),
            ];
            assert_cases(&pki, &format!("{flavor:?} {alg:?}"), cases);
        }
    }
}

#[test]
fn ed25519_with_parameters_is_not_ed25519() {
    assert_unsupported_algorithm(
        &Pki::new(Flavor::Ed25519),
        AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap("1.3.101.112")),
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
    assert_not_for_key(
        Flavor::Rsa,
        SigAlg::EcdsaSha256,
        "1.2.840.10045.4.3.2",
        "1.2.840.113549.1.1.1",
    );
    // Ed25519 on a P-256 key.
    assert_not_for_key(
        Flavor::P256,
        SigAlg::Ed25519,
        "1.3.101.112",
        "1.2.840.10045.2.1",
    );
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

/// Each `_ABSENT_PARAMS` identifier is its NULL-parameters one without the
/// NULL.
#[test]
fn absent_params_identifiers_drop_only_the_null() {
    use rustls_pki_types::alg_id;
    for (absent, null) in [
        (
            algorithms::RSA_PKCS1_SHA1_ABSENT_PARAMS_ALG_ID,
            algorithms::RSA_PKCS1_SHA1_ALG_ID,
        ),
        (
            algorithms::RSA_PKCS1_SHA256_ABSENT_PARAMS_ALG_ID,
            alg_id::RSA_PKCS1_SHA256,
        ),
        (
            algorithms::RSA_PKCS1_SHA384_ABSENT_PARAMS_ALG_ID,
            alg_id::RSA_PKCS1_SHA384,
        ),
        (
            algorithms::RSA_PKCS1_SHA512_ABSENT_PARAMS_ALG_ID,
            alg_id::RSA_PKCS1_SHA512,
        ),
    ] {
        assert_eq!([absent.as_ref(), &[0x05, 0x00]].concat(), null.as_ref());
    }
}
