//! `Issuer::Prepared` gives the verdicts of the other issuer forms, and the
//! certificate fields read without the extensions agree with the full
//! parse.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_request::{HashAlgorithm, PreparedIssuer, PreparedIssuerRef};
use ocsp_testkit::{der, Flavor, Pki, NOW};
use ocsp_types::{CertificateFieldsRef, CertificateRef, Error as ParseError};
use ocsp_verify::{algorithms, Error, Issuer, Subject, UnixTime, Verifier};

fn time() -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(NOW as u64))
}

fn outcome(der: &[u8], subject: Subject<'_>, issuer: Issuer<'_>) -> Result<String, Error> {
    Verifier::new(algorithms::ALL)
        .verify(der, subject, issuer, time(), None)
        .map(|v| format!("{:?} {:?}", v.status, v.responder))
}

#[test]
fn prepared_gives_the_same_verdicts() {
    for flavor in [Flavor::Rsa, Flavor::P256] {
        let pki = Pki::new(flavor).with_webpki_profile();
        let prepared = PreparedIssuer::from_certificate(&pki.ca.cert).unwrap();
        let ca = CertificateRef::parse(&pki.ca.cert).unwrap();
        let mut corrupt = pki.issuer_response();
        corrupt.corrupt_signature = true;
        let responses = [
            pki.issuer_response().sign(&pki.ca.key),
            pki.delegated_response().sign(&pki.delegate.key),
            corrupt.sign(&pki.ca.key),
        ];
        for der in &responses {
            for subject in [
                Subject::Certificate(&pki.leaf),
                Subject::Serial(Pki::LEAF_SERIAL),
            ] {
                let expected = outcome(der, subject, Issuer::Certificate(&pki.ca.cert));
                assert_eq!(outcome(der, subject, Issuer::Prepared(&prepared)), expected);
                assert_eq!(
                    outcome(
                        der,
                        subject,
                        Issuer::NameAndKey {
                            subject: ca.subject().as_der(),
                            spki: ca.subject_public_key_info().as_der(),
                        }
                    ),
                    expected
                );
            }
        }
    }
}

#[test]
fn a_certificate_of_another_issuer_is_refused_with_a_prepared_issuer() {
    let pki = Pki::new(Flavor::Rsa);
    // The delegate as the "issuer", signing as such (so the responder step,
    // which comes first, passes): its subject Name is not the leaf's issuer
    // Name, which the CertID step refuses.
    let mut spec = pki.issuer_response();
    spec.responder_id = ocsp_testkit::by_key(&pki.delegate.key);
    let der = spec.sign(&pki.delegate.key);
    let other = PreparedIssuer::from_certificate(&pki.delegate.cert).unwrap();
    assert_eq!(
        outcome(
            &der,
            Subject::Certificate(&pki.leaf),
            Issuer::Prepared(&other)
        ),
        Err(Error::CertificateIssuerMismatch)
    );
}

#[test]
fn the_sha1_hashes_are_computed_once_and_right() {
    let pki = Pki::new(Flavor::Rsa);
    let owned = PreparedIssuer::from_certificate(&pki.ca.cert).unwrap();
    let borrowed = PreparedIssuerRef::from_certificate(&pki.ca.cert).unwrap();
    assert_eq!(owned.as_borrowed(), borrowed);
    assert_eq!(borrowed.to_owned(), owned);
    assert_eq!(
        &owned.name_sha1()[..],
        HashAlgorithm::Sha1.digest(owned.name_der()).as_bytes()
    );
    assert_eq!(
        &owned.key_sha1()[..],
        HashAlgorithm::Sha1.digest(owned.public_key()).as_bytes()
    );
    let ca = CertificateRef::parse(&pki.ca.cert).unwrap();
    assert_eq!(owned.spki_der(), ca.subject_public_key_info().as_der());
    assert_eq!(
        owned.key_algorithm(),
        ca.subject_public_key_info().algorithm().contents()
    );
}

#[test]
fn certificate_fields_agree_with_the_full_parse() {
    let pki = Pki::new(Flavor::Rsa).with_webpki_profile();
    for der in [&pki.leaf, &pki.ca.cert, &pki.delegate.cert] {
        let full = CertificateRef::parse(der).unwrap();
        let fields = CertificateFieldsRef::parse(der).unwrap();
        assert_eq!(fields.as_der(), full.as_der());
        assert_eq!(fields.serial_number(), full.serial_number());
        assert_eq!(fields.issuer(), full.issuer());
        assert_eq!(fields.subject(), full.subject());
        assert_eq!(fields.not_before(), full.not_before());
        assert_eq!(fields.not_after(), full.not_after());
        assert_eq!(
            fields.subject_public_key_info(),
            full.subject_public_key_info()
        );
    }
}

#[test]
fn certificate_fields_skip_only_the_extension_contents() {
    let pki = Pki::new(Flavor::Rsa);
    // A repeated keyUsage: refused by the full parse, not read here.
    let mut spec = pki.delegate_spec();
    spec.extra_extensions
        .push((vec![0x55, 0x1d, 0x0f], true, der::tlv(0x03, &[7, 0x80])));
    let repeated = pki.issue_delegate(&spec);
    assert!(matches!(
        CertificateRef::parse(&repeated),
        Err(ParseError::DuplicateExtension { .. })
    ));
    assert!(CertificateFieldsRef::parse(&repeated).is_ok());
    // The frame is still strict: trailing data after the certificate, or a
    // truncated one, fails both parses with the same error.
    let mut trailing = pki.leaf.clone();
    trailing.push(0);
    let mut truncated = pki.leaf.clone();
    truncated.pop();
    for bad in [trailing, truncated] {
        assert_eq!(
            CertificateFieldsRef::parse(&bad).err(),
            CertificateRef::parse(&bad).err()
        );
        assert!(CertificateFieldsRef::parse(&bad).is_err());
    }
}
