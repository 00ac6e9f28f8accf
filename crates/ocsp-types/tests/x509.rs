//! The certificate view, on real certificates.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use ocsp_types::{oid, CertificateRef, Error, OcspResponseRef};

#[test]
fn seed_responder_certificate_fields() {
    let der = seed_response();
    let response = OcspResponseRef::parse(&der).unwrap();
    let cert_der = response.basic().unwrap().certs().iter().next().unwrap();
    let cert = CertificateRef::parse(cert_der).unwrap();
    assert_eq!(cert.version(), 3);
    assert_eq!(hex(cert.serial_number()), "7a915e55dd3d5b2719d6eb27");
    assert_eq!(cert.not_before().to_string(), "2017-07-17T09:12:54Z");
    assert_eq!(cert.not_after().to_string(), "2017-10-17T09:12:54Z");
    assert_eq!(
        cert.signature_algorithm().oid().to_string(),
        "1.2.840.113549.1.1.11"
    );
    let issuer_name = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/vectors/seed-wikipedia-2017/issuer-ca-name.der"
    ));
    if let Ok(issuer_name) = issuer_name {
        assert_eq!(cert.issuer().as_der(), &issuer_name[..]);
    } else {
        eprintln!("SKIPPED: issuer-ca-name.der not found (CI always has it)");
    }
    let ku = cert.key_usage().unwrap().unwrap();
    assert!(ku.digital_signature());
    assert!(!ku.key_cert_sign());
    assert_eq!(
        cert.extended_key_usage_contains(&oid::KP_OCSP_SIGNING)
            .unwrap(),
        Some(true)
    );
    assert_eq!(
        cert.extended_key_usage_contains(&oid::SHA1).unwrap(),
        Some(false)
    );
    assert!(cert.has_ocsp_nocheck());
    assert_eq!(
        cert.subject_public_key_info().algorithm().oid().to_string(),
        "1.2.840.113549.1.1.1"
    );
    assert_eq!(
        cert.subject_public_key_info().subject_public_key().len(),
        270
    );
    // FACTS.md: the 815-byte tbsCertificate the post hashes.
    assert_eq!(cert.tbs_der().len(), 815);
}

#[test]
fn openssl_suite_certificates_parse() {
    let Some(certificates) = openssl_suite_certificates() else {
        return;
    };
    for (path, der) in certificates {
        let cert = CertificateRef::parse(&der).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(cert.as_der(), &der[..]);
        assert!(cert.not_before() < cert.not_after());
    }
}

#[test]
fn mismatched_signature_algorithms_are_rejected() {
    let der = seed_response();
    let response = OcspResponseRef::parse(&der).unwrap();
    let mut cert = response
        .basic()
        .unwrap()
        .certs()
        .iter()
        .next()
        .unwrap()
        .to_vec();
    let cert_ref = CertificateRef::parse(&cert).unwrap();
    // Change the last OID byte of the outer signatureAlgorithm (sha256WithRSA
    // 0x0b -> sha384WithRSA 0x0c), leaving the inner one alone.
    let outer_alg = cert_ref.signature_algorithm().contents();
    let offset = outer_alg.as_ptr() as usize - cert.as_ptr() as usize + 10;
    assert_eq!(cert[offset], 0x0b);
    cert[offset] = 0x0c;
    assert!(matches!(
        CertificateRef::parse(&cert),
        Err(Error::SignatureAlgorithmMismatch { .. })
    ));
}
