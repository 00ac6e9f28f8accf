//! Fields: times, revocation info, signatures, OIDs, tag numbers,
//! truncation, missing fields, certificate and name shapes.

use super::*;

#[test]
fn generalized_time_forms_are_strict() {
    for bad in [
        "20240101000000.5Z",
        "20240101000000",
        "202401010000Z",
        "20240101000000+0100",
        "20241301000000Z",
    ] {
        assert_eq!(
            rejected_at(F::ProducedAt, gtime(bad)),
            ("InvalidTime", "ResponseData.producedAt"),
            "{bad}"
        );
    }
    assert_rejected(&[(
        F::NextUpdate,
        tlv(0xa0, &gtime("2024010800000Z")),
        "InvalidTime",
    )]);
}

#[test]
fn revoked_info_and_reasons() {
    let revoked = |reason: Option<u8>| {
        let mut content = gtime("20231201000000Z");
        if let Some(r) = reason {
            content.extend(tlv(0xa0, &[0x0a, 0x01, r]));
        }
        Parts::with(F::CertStatus, tlv(0xa1, &content))
    };
    for value in [0u8, 1, 2, 3, 4, 5, 6, 8, 9, 10] {
        let der = revoked(Some(value)).der();
        let r = OcspResponseRef::parse(&der).unwrap();
        let CertStatus::Revoked(info) = first_single(&r).cert_status() else {
            panic!("not revoked")
        };
        assert_eq!(info.revocation_reason.map(CrlReason::value), Some(value));
        assert_eq!(info.revocation_time.to_string(), "2023-12-01T00:00:00Z");
        assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
    }
    assert!(revoked(None).parse().is_ok());
    for value in [7, 11] {
        assert!(matches!(
            revoked(Some(value)).parse(),
            Err(Error::UndefinedCrlReason { value: v, .. }) if v == u64::from(value)
        ));
    }
    // The reason with the wrong (IMPLICIT) tagging.
    let mut content = gtime("20231201000000Z");
    content.extend([0x80, 0x01, 0x01]);
    assert_rejected(&[(F::CertStatus, tlv(0xa1, &content), "TrailingData")]);
}

#[test]
fn good_and_unknown_must_be_empty_nulls() {
    assert_rejected(&[
        (F::CertStatus, vec![0x80, 0x01, 0x00], "InvalidNull"),
        (F::CertStatus, vec![0x82, 0x01, 0x00], "InvalidNull"),
    ]);
    assert_accepted(F::CertStatus, vec![0x82, 0x00]);
}

#[test]
fn signatures_with_unused_bits_are_rejected() {
    assert_eq!(
        rejected_at(F::Signature, tlv(0x03, &[0x01, 0x5a, 0x5a])),
        ("InvalidBitString", "BasicOCSPResponse.signature")
    );
}

#[test]
fn invalid_oids_and_high_tag_numbers_are_rejected() {
    assert_rejected(&[
        (
            F::ResponseType,
            vec![0x06, 0x03, 0x2b, 0x80, 0x01],
            "InvalidOid",
        ),
        (F::ResponseType, vec![0x06, 0x00], "InvalidOid"),
        (F::CertStatus, vec![0x9f, 0x1f, 0x00], "HighTagNumber"),
    ]);
}

#[test]
fn truncation_anywhere_is_rejected() {
    let der = Parts::default().der();
    for cut in 0..der.len() {
        let err = OcspResponseRef::parse(&der[..cut]).unwrap_err();
        assert!(
            matches!(err, Error::Truncated { .. } | Error::MissingField { .. }),
            "cut at {cut}: {err:?}"
        );
    }
}

#[test]
fn missing_required_fields_are_rejected() {
    let mut parts = Parts::with(F::ThisUpdate, vec![]);
    parts.next_update.clear();
    let err = parts.parse().unwrap_err();
    assert!(matches!(err, Error::MissingField { at } if at.path == "SingleResponse.thisUpdate"));
}

#[test]
fn certificates_must_have_certificate_shape() {
    let integer = [0x02, 0x01, 0x01];
    assert_rejected(&[
        // A [0] certs list holding an INTEGER instead of a Certificate.
        (F::Certs, tlv(0xa0, &tlv(0x30, &integer)), "UnexpectedTag"),
        // A SEQUENCE that is not tbsCertificate/algorithm/signature.
        (
            F::Certs,
            tlv(0xa0, &tlv(0x30, &tlv(0x30, &integer))),
            "UnexpectedTag",
        ),
    ]);
    // An empty certs list is valid and kept distinct from an absent one.
    let parts = Parts::with(F::Certs, tlv(0xa0, &tlv(0x30, &[])));
    let der = parts.der();
    let r = OcspResponseRef::parse(&der).unwrap();
    assert!(r.basic().unwrap().certs().is_present());
    assert!(r.basic().unwrap().certs().is_empty());
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

#[test]
fn names_must_be_rdn_sequences() {
    assert_rejected(&[
        // byName holding a SEQUENCE of an INTEGER instead of RDNs.
        (
            F::ResponderId,
            tlv(0xa1, &tlv(0x30, &[0x02, 0x01, 0x01])),
            "InvalidName",
        ),
        // An empty RDN SET.
        (
            F::ResponderId,
            tlv(0xa1, &tlv(0x30, &tlv(0x31, &[]))),
            "InvalidName",
        ),
    ]);
    // A valid CN=x name.
    let atv = tlv(
        0x30,
        &cat(&[&[0x06, 0x03, 0x55, 0x04, 0x03], &tlv(0x0c, b"x")]),
    );
    assert_accepted(F::ResponderId, tlv(0xa1, &tlv(0x30, &tlv(0x31, &atv))));
}
