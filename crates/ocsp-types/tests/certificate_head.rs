//! The head read of a certificate ([`CertificateHeadRef`]): the serial,
//! issuer Name and validity read as strictly as by [`CertificateRef`], the
//! rest framed, not decoded.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use ocsp_testkit::{Flavor, Pki};
use ocsp_types::der::{sequence, tag, to_tlv};
use ocsp_types::{
    CertificateFieldsRef, CertificateHeadRef, CertificateRef, Error, OcspResponseRef,
};

/// The head read gives what the full parse gives, for a certificate the
/// full parse accepts.
fn assert_agrees(der: &[u8], what: &str) {
    let full = CertificateFieldsRef::parse(der).unwrap_or_else(|e| panic!("{what}: {e}"));
    let head = CertificateHeadRef::parse(der).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(head.as_der(), der, "{what}");
    assert_eq!(head.serial_number(), full.serial_number(), "{what}");
    assert_eq!(head.issuer(), full.issuer(), "{what}");
    assert_eq!(head.not_before(), full.not_before(), "{what}");
    assert_eq!(head.not_after(), full.not_after(), "{what}");
}

#[test]
fn agrees_with_the_full_parse_on_testkit_certificates() {
    for flavor in [Flavor::Rsa, Flavor::P256, Flavor::Ed25519] {
        let plain = Pki::new(flavor);
        for pki in [plain.clone(), plain.with_webpki_profile()] {
            for (der, what) in [
                (&pki.ca.cert, "ca"),
                (&pki.leaf, "leaf"),
                (&pki.delegate.cert, "delegate"),
                (&pki.other_ca.cert, "other ca"),
            ] {
                assert_agrees(der, &format!("{flavor:?} {what}"));
            }
        }
    }
}

#[test]
fn agrees_with_the_full_parse_on_stored_certificates() {
    let seed = seed_response();
    let response = OcspResponseRef::parse(&seed).unwrap();
    for der in response.basic().unwrap().certs().iter() {
        assert_agrees(der, "seed responder");
    }
    for (path, der) in openssl_suite_certificates().unwrap_or_default() {
        assert_agrees(&der, &path);
    }
}

/// The certificate the faults below start from: accepted by every parse.
fn base() -> CertParts {
    CertParts::with_extensions(&sequence(&[]))
}

/// `base` with the part `name` replaced by `der`.
fn with(name: &str, der: Vec<u8>) -> Vec<u8> {
    let mut parts = base();
    *parts.part(name) = der;
    parts.build()
}

/// A fault: its name, the certificate, and the error variant expected.
type Fault = (&'static str, Vec<u8>, fn(&Error) -> bool);

#[test]
fn strict_field_faults_are_refused_as_by_the_full_parse() {
    assert!(CertificateRef::parse(&base().build()).is_ok());
    let sha384_rsa = sequence(
        &[
            &[
                0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c,
            ][..],
            &[0x05, 0x00],
        ]
        .concat(),
    );
    let extensions = base().part("extensions").clone();
    let cases: Vec<Fault> = vec![
        (
            "outer tag",
            {
                let mut der = base().build();
                der[0] = tag::SET;
                der
            },
            |e| matches!(e, Error::UnexpectedTag { .. }),
        ),
        (
            "data after the certificate",
            [&base().build()[..], &[0x05, 0x00]].concat(),
            |e| matches!(e, Error::TrailingData { .. }),
        ),
        (
            "data after the extensions in tbsCertificate",
            with("extensions", [&extensions[..], &[0x05, 0x00]].concat()),
            |e| matches!(e, Error::TrailingData { .. }),
        ),
        (
            "extensions in a v1 certificate",
            with("version", Vec::new()),
            |e| matches!(e, Error::TrailingData { .. }),
        ),
        (
            "non-minimal length",
            with("issuer", vec![tag::SEQUENCE, 0x81, 0x00]),
            |e| matches!(e, Error::NonMinimalLength { .. }),
        ),
        (
            "version 4",
            with("version", to_tlv(tag::explicit(0), &[0x02, 0x01, 0x03])),
            |e| matches!(e, Error::UnsupportedVersion { version: 3, .. }),
        ),
        (
            "v1 encoded",
            with("version", to_tlv(tag::explicit(0), &[0x02, 0x01, 0x00])),
            |e| matches!(e, Error::DefaultValueEncoded { .. }),
        ),
        (
            "signature algorithms differ",
            with("signatureAlgorithm", sha384_rsa),
            |e| matches!(e, Error::SignatureAlgorithmMismatch { .. }),
        ),
        (
            "issuer not a Name",
            with("issuer", sequence(&[0x04, 0x00])),
            |e| matches!(e, Error::InvalidName { .. }),
        ),
        (
            "notBefore without seconds",
            with(
                "validity",
                sequence(
                    &[
                        to_tlv(tag::UTC_TIME, b"1708141341Z"),
                        to_tlv(tag::UTC_TIME, b"270814134102Z"),
                    ]
                    .concat(),
                ),
            ),
            |e| matches!(e, Error::InvalidTime { .. }),
        ),
        (
            "subject not a SEQUENCE",
            with("subject", to_tlv(tag::SET, &[])),
            |e| matches!(e, Error::UnexpectedTag { .. }),
        ),
        (
            "subjectPublicKeyInfo not a SEQUENCE",
            with("subjectPublicKeyInfo", to_tlv(tag::OCTET_STRING, &[])),
            |e| matches!(e, Error::UnexpectedTag { .. }),
        ),
    ];
    for (name, der, is) in cases {
        let head = CertificateHeadRef::parse(&der).unwrap_err();
        assert_eq!(Err(head), CertificateRef::parse(&der), "{name}");
        assert!(is(&head), "{name}: {head:?}");
    }
}

#[test]
fn subject_key_and_extension_contents_are_framed_not_decoded() {
    let base_der = base().build();
    let expected = CertificateHeadRef::parse(&base_der).unwrap();
    let not_an_extension = sequence(&to_tlv(tag::OCTET_STRING, &[]));
    for (name, der) in [
        (
            "subject not a Name",
            with("subject", sequence(&to_tlv(tag::OCTET_STRING, &[0x00]))),
        ),
        (
            "key without its BIT STRING",
            with("subjectPublicKeyInfo", sequence(&[0x05, 0x00])),
        ),
        (
            "extension not an Extension",
            with("extensions", to_tlv(tag::explicit(3), &not_an_extension)),
        ),
    ] {
        assert!(CertificateRef::parse(&der).is_err(), "{name}");
        let head = CertificateHeadRef::parse(&der).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(head.serial_number(), expected.serial_number(), "{name}");
        assert_eq!(head.issuer(), expected.issuer(), "{name}");
        assert_eq!(head.not_before(), expected.not_before(), "{name}");
        assert_eq!(head.not_after(), expected.not_after(), "{name}");
    }
}
