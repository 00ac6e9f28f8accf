//! The responder signs with ML-DSA keys (feature `ml-dsa`): an ML-DSA-65
//! PKCS#8 key in the RFC 9881 seed form, made here from the testkit CA's
//! fixed seed, signs responses that ocsp-verify's ML-DSA algorithms accept.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::leaf_request;

use ocsp_request::RustCryptoSigner;
use ocsp_responder::{CertificateStatus, MemorySource, ResponseBuilder, ResponseSigner};
use ocsp_testkit::{Flavor, KeyName, Pki, HOUR};
use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier, OcspResponseRef, ResponseStatus};
use ocsp_verify::{
    algorithms, Issuer, SignatureVerificationAlgorithm, Status, Subject, UnixTime, Verifier,
};

/// id-ml-dsa-65 (2.16.840.1.101.3.4.3.18), content octets.
const ID_ML_DSA_65: [u8; 9] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x12];

/// `OneAsymmetricKey { version 0, AlgorithmIdentifier { id-ml-dsa-65 },
/// privateKey OCTET STRING { seed [0] IMPLICIT OCTET STRING (SIZE 32) } }`
/// (RFC 9881 section 6, the seed form).
fn ml_dsa_65_seed_pkcs8(seed: &[u8; 32]) -> Vec<u8> {
    let mut der = vec![0x30, 0x34, 0x02, 0x01, 0x00, 0x30, 0x0b, 0x06, 0x09];
    der.extend_from_slice(&ID_ML_DSA_65);
    der.extend_from_slice(&[0x04, 0x22, 0x80, 0x20]);
    der.extend_from_slice(seed);
    assert_eq!(der.len(), 0x36);
    der
}

fn verify<'r>(
    pki: &Pki,
    der: &'r [u8],
    algs: &[&'static dyn SignatureVerificationAlgorithm],
) -> Result<ocsp_verify::Verdict<'r>, ocsp_verify::Error> {
    Verifier::new(algs).verify(
        der,
        Subject::Certificate(&pki.leaf),
        Issuer::Certificate(&pki.ca.cert),
        UnixTime::since_unix_epoch(std::time::Duration::from_secs(pki.now as u64)),
        None,
    )
}

#[test]
fn an_ml_dsa_65_seed_key_signs_responses_ocsp_verify_accepts() {
    let pki = Pki::new(Flavor::MlDsa65);
    let pkcs8 = ml_dsa_65_seed_pkcs8(&KeyName::CaMlDsa65.ml_dsa_seed());
    let signer = RustCryptoSigner::from_pkcs8_der(&pkcs8).unwrap();
    assert_eq!(
        ResponseSigner::algorithm(&signer),
        AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap(
            "2.16.840.1.101.3.4.3.18"
        )),
        "id-ml-dsa-65 with absent parameters (RFC 9881)"
    );
    let builder = ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, signer)
        .unwrap()
        .validity_seconds(Some(HOUR as u32));
    let mut source = MemorySource::new();
    source.insert(0, Pki::LEAF_SERIAL, CertificateStatus::Good);
    let der = builder
        .respond_der(&leaf_request(&pki, None), &source, pki.at(-HOUR))
        .unwrap();
    assert_eq!(
        OcspResponseRef::parse(&der).unwrap().status(),
        ResponseStatus::Successful
    );

    // Only ML-DSA-65 offered: the signature is ML-DSA-65 over the CA key
    // derived from the same seed as the testkit's certificate.
    let verdict = verify(&pki, &der, &[algorithms::ML_DSA_65]).unwrap();
    assert_eq!(verdict.status, Status::Good);

    // The wrong parameter set does not verify it.
    let refused = verify(&pki, &der, &[algorithms::ML_DSA_44, algorithms::ML_DSA_87]);
    assert!(
        matches!(
            refused,
            Err(ocsp_verify::Error::UnsupportedSignatureAlgorithm { .. })
        ),
        "{refused:?}"
    );
}
