//! Fields: times, revocation info, signatures, OIDs, tag numbers,
//! truncation, missing fields, sizes, certificate and name shapes.

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
        let parts = Parts {
            produced_at: gtime(bad),
            ..Default::default()
        };
        assert!(
            matches!(parts.parse(), Err(Error::InvalidTime { at }) if at.path == "ResponseData.producedAt"),
            "{bad}"
        );
    }
    let parts = Parts {
        next_update: tlv(0xa0, &gtime("2024010800000Z")),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidTime");
}

#[test]
fn revoked_info_and_reasons() {
    let revoked = |reason: Option<u8>| {
        let mut content = gtime("20231201000000Z");
        if let Some(r) = reason {
            content.extend(tlv(0xa0, &[0x0a, 0x01, r]));
        }
        Parts {
            cert_status: tlv(0xa1, &content),
            ..Default::default()
        }
    };
    for value in [0u8, 1, 2, 3, 4, 5, 6, 8, 9, 10] {
        let der = revoked(Some(value)).der();
        let r = OcspResponseRef::parse(&der).unwrap();
        let single = r
            .basic()
            .unwrap()
            .tbs_response_data()
            .responses()
            .iter()
            .next()
            .unwrap();
        let CertStatus::Revoked(info) = single.cert_status() else {
            panic!("not revoked")
        };
        assert_eq!(info.revocation_reason.map(CrlReason::value), Some(value));
        assert_eq!(info.revocation_time.to_string(), "2023-12-01T00:00:00Z");
        assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
    }
    assert!(revoked(None).parse().is_ok());
    assert!(matches!(
        revoked(Some(7)).parse(),
        Err(Error::UndefinedCrlReason { value: 7, .. })
    ));
    assert!(matches!(
        revoked(Some(11)).parse(),
        Err(Error::UndefinedCrlReason { value: 11, .. })
    ));
    // The reason with the wrong (IMPLICIT) tagging.
    let mut content = gtime("20231201000000Z");
    content.extend([0x80, 0x01, 0x01]);
    let parts = Parts {
        cert_status: tlv(0xa1, &content),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "TrailingData");
}

#[test]
fn good_and_unknown_must_be_empty_nulls() {
    let parts = Parts {
        cert_status: vec![0x80, 0x01, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidNull");
    let parts = Parts {
        cert_status: vec![0x82, 0x01, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidNull");
    let parts = Parts {
        cert_status: vec![0x82, 0x00],
        ..Default::default()
    };
    assert!(parts.parse().is_ok());
}

#[test]
fn signatures_with_unused_bits_are_rejected() {
    let parts = Parts {
        signature: tlv(0x03, &[0x01, 0x5a, 0x5a]),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::InvalidBitString { at }) if at.path == "BasicOCSPResponse.signature"
    ));
}

#[test]
fn invalid_oids_are_rejected() {
    let parts = Parts {
        response_type: vec![0x06, 0x03, 0x2b, 0x80, 0x01],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidOid");
    let parts = Parts {
        response_type: vec![0x06, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidOid");
}

#[test]
fn high_tag_numbers_are_rejected() {
    let parts = Parts {
        cert_status: vec![0x9f, 0x1f, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "HighTagNumber");
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
    let parts = Parts {
        this_update: vec![],
        next_update: vec![],
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::MissingField { at }) if at.path == "SingleResponse.thisUpdate"
    ));
}

#[test]
fn oversized_input_is_rejected_before_parsing() {
    let big = vec![0u8; limits::MAX_MESSAGE_LEN + 1];
    assert_eq!(
        OcspResponseRef::parse(&big),
        Err(Error::InputTooLarge {
            len: limits::MAX_MESSAGE_LEN + 1,
            limit: limits::MAX_MESSAGE_LEN
        })
    );
    assert!(matches!(
        OcspRequestRef::parse(&big),
        Err(Error::InputTooLarge { .. })
    ));
}

#[test]
fn huge_declared_lengths_are_truncation_not_allocation() {
    let der = [0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x0a, 0x01, 0x00];
    assert!(matches!(
        OcspResponseRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
}

#[test]
fn certificates_must_have_certificate_shape() {
    // A [0] certs list holding an INTEGER instead of a Certificate.
    let parts = Parts {
        certs: tlv(0xa0, &tlv(0x30, &[0x02, 0x01, 0x01])),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedTag");
    // A SEQUENCE that is not tbsCertificate/algorithm/signature.
    let parts = Parts {
        certs: tlv(0xa0, &tlv(0x30, &tlv(0x30, &[0x02, 0x01, 0x01]))),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedTag");
    // An empty certs list is valid and kept distinct from an absent one.
    let parts = Parts {
        certs: tlv(0xa0, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    let r = OcspResponseRef::parse(&der).unwrap();
    assert!(r.basic().unwrap().certs().is_present());
    assert!(r.basic().unwrap().certs().is_empty());
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

#[test]
fn names_must_be_rdn_sequences() {
    // byName holding a SEQUENCE of an INTEGER instead of RDNs.
    let parts = Parts {
        responder_id: tlv(0xa1, &tlv(0x30, &[0x02, 0x01, 0x01])),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidName");
    // An empty RDN SET.
    let parts = Parts {
        responder_id: tlv(0xa1, &tlv(0x30, &tlv(0x31, &[]))),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidName");
    // A valid CN=x name.
    let atv = tlv(
        0x30,
        &cat(&[&[0x06, 0x03, 0x55, 0x04, 0x03], &tlv(0x0c, b"x")]),
    );
    let parts = Parts {
        responder_id: tlv(0xa1, &tlv(0x30, &tlv(0x31, &atv))),
        ..Default::default()
    };
    assert!(parts.parse().is_ok());
}
