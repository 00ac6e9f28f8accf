//! The authorityInfoAccess OCSP URLs and TLS Feature accessors of
//! `CertificateRef`, on certificates written with `ocsp_types::der`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::certificate_with_extensions;
use ocsp_types::der::{self, tag};
use ocsp_types::x509::{AUTHORITY_INFO_ACCESS, STATUS_REQUEST, TLS_FEATURE};
use ocsp_types::{oid, CertificateRef, Error, ObjectIdentifier};

fn seq(parts: &[&[u8]]) -> Vec<u8> {
    der::sequence(&parts.concat())
}

fn oid_element(oid: &ObjectIdentifier) -> Vec<u8> {
    der::to_tlv(tag::OID, oid.as_bytes())
}

/// A v3 certificate whose only extension is `oid` with value `value`.
fn certificate_with(oid: &ObjectIdentifier, value: &[u8]) -> Vec<u8> {
    let extension = seq(&[&oid_element(oid), &der::to_tlv(tag::OCTET_STRING, value)]);
    certificate_with_extensions(&seq(&[&extension]))
}

/// `AccessDescription { method, location }`.
fn access(method: &ObjectIdentifier, location: &[u8]) -> Vec<u8> {
    seq(&[&oid_element(method), location])
}

fn uri(text: &[u8]) -> Vec<u8> {
    der::to_tlv(tag::implicit_primitive(6), text)
}

const CA_ISSUERS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.2");

fn urls(aia_value: &[u8]) -> Result<Option<Vec<String>>, Error> {
    let cert = certificate_with(&AUTHORITY_INFO_ACCESS, aia_value);
    let cert = CertificateRef::parse(&cert).unwrap();
    Ok(cert
        .ocsp_responder_urls()?
        .map(|urls| urls.map(str::to_owned).collect()))
}

#[test]
fn ocsp_urls_in_order_other_methods_and_names_skipped() {
    let value = seq(&[
        &access(&CA_ISSUERS, &uri(b"http://ca.example/ca.crt")),
        &access(&oid::AD_OCSP, &uri(b"http://ocsp.example/a")),
        // A dNSName location of id-ad-ocsp is not a URL.
        &access(
            &oid::AD_OCSP,
            &der::to_tlv(tag::implicit_primitive(2), b"ocsp.example"),
        ),
        &access(&oid::AD_OCSP, &uri(b"http://ocsp.example/b")),
    ]);
    assert_eq!(
        urls(&value).unwrap().unwrap(),
        ["http://ocsp.example/a", "http://ocsp.example/b"]
    );
}

#[test]
fn no_ocsp_url_is_empty_and_no_extension_is_none() {
    let value = seq(&[&access(&CA_ISSUERS, &uri(b"http://ca.example/ca.crt"))]);
    assert_eq!(urls(&value).unwrap(), Some(Vec::new()));
    let cert = certificate_with(&oid::OCSP_NOCHECK, &[0x05, 0x00]);
    let cert = CertificateRef::parse(&cert).unwrap();
    assert!(cert.ocsp_responder_urls().unwrap().is_none());
    assert!(cert.tls_features().unwrap().is_none());
}

#[test]
fn malformed_authority_info_access_is_invalid_extension_value() {
    let non_ascii = seq(&[&access(&oid::AD_OCSP, &uri("http://é.example".as_bytes()))]);
    // Any location must be a valid GeneralName, whatever its method.
    let non_ascii_ca_issuers = seq(&[&access(&CA_ISSUERS, &uri(&[b'h', 0x80]))]);
    let cases: [Vec<u8>; 7] = [
        non_ascii,
        non_ascii_ca_issuers,
        // SIZE (1..MAX).
        seq(&[]),
        // Not a SEQUENCE, trailing data, a description without location,
        // a location with an undefined tag.
        der::to_tlv(tag::SET, &access(&oid::AD_OCSP, &uri(b"http://a"))),
        [seq(&[&access(&oid::AD_OCSP, &uri(b"http://a"))]), vec![0]].concat(),
        seq(&[&seq(&[&oid_element(&oid::AD_OCSP)])]),
        seq(&[&access(&oid::AD_OCSP, &der::to_tlv(0x89, b"x"))]),
    ];
    for value in cases {
        assert!(
            matches!(urls(&value), Err(Error::InvalidExtensionValue { .. })),
            "{value:02x?}"
        );
    }
}

fn features(value: &[u8]) -> Result<Option<bool>, Error> {
    let cert = certificate_with(&TLS_FEATURE, value);
    let cert = CertificateRef::parse(&cert).unwrap();
    Ok(cert.tls_features()?.map(|f| f.status_request()))
}

#[test]
fn tls_feature_status_request() {
    assert_eq!(features(&[0x30, 0x03, 0x02, 0x01, 0x05]), Ok(Some(true)));
    assert_eq!(
        features(&[0x30, 0x06, 0x02, 0x01, 0x11, 0x02, 0x01, 0x05]),
        Ok(Some(true))
    );
    assert_eq!(features(&[0x30, 0x03, 0x02, 0x01, 0x11]), Ok(Some(false)));
    assert_eq!(features(&[0x30, 0x00]), Ok(Some(false)));
    // 0x0105 is not 5; a large feature is passed on, not refused.
    assert_eq!(
        features(&[0x30, 0x04, 0x02, 0x02, 0x01, 0x05]),
        Ok(Some(false))
    );
    assert_eq!(
        features(&[0x30, 0x06, 0x02, 0x04, 0x01, 0x00, 0x00, 0x05]),
        Ok(Some(false))
    );
    let cert = certificate_with(
        &TLS_FEATURE,
        &[0x30, 0x07, 0x02, 0x01, 0x11, 0x02, 0x02, 0x00, 0x80],
    );
    let cert = CertificateRef::parse(&cert).unwrap();
    let list = cert.tls_features().unwrap().unwrap();
    assert!(list.contains(17) && list.contains(128) && !list.contains(STATUS_REQUEST));
    assert_eq!(list.collect::<Vec<_>>(), [&[0x11][..], &[0x00, 0x80][..]]);
}

#[test]
fn malformed_tls_feature_is_invalid_extension_value() {
    // Non-minimal 5, negative, empty INTEGER, trailing data, wrong tags,
    // truncation, non-minimal length.
    let cases: [&[u8]; 9] = [
        &[0x30, 0x04, 0x02, 0x02, 0x00, 0x05],
        &[0x30, 0x03, 0x02, 0x01, 0xfb],
        &[0x30, 0x02, 0x02, 0x00],
        &[0x30, 0x03, 0x02, 0x01, 0x05, 0x00],
        &[0x31, 0x03, 0x02, 0x01, 0x05],
        &[0x30, 0x03, 0x04, 0x01, 0x05],
        &[0x30, 0x04, 0x02, 0x01, 0x05],
        &[0x30, 0x81, 0x03, 0x02, 0x01, 0x05],
        &[],
    ];
    for value in cases {
        assert!(
            matches!(features(value), Err(Error::InvalidExtensionValue { .. })),
            "{value:02x?}"
        );
    }
}
