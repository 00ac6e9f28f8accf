//! DER encoding: lengths, integers, the version, trailing data, tags and
//! BER constructed strings.

use super::*;

#[test]
fn baseline_is_valid_and_round_trips() {
    let der = Parts::default().der();
    let response = OcspResponseRef::parse(&der).unwrap();
    let single = response
        .basic()
        .unwrap()
        .tbs_response_data()
        .responses()
        .iter()
        .next()
        .unwrap();
    assert_eq!(single.cert_status(), CertStatus::Good);
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

#[test]
fn indefinite_length_is_rejected() {
    let mut der = Parts::default().der();
    // Rewrite the outer length as BER indefinite form with end-of-contents.
    let body = OcspResponseRef::parse(&der).map(|_| ()).ok();
    assert!(body.is_some());
    let content_start = 2 + usize::from(der[1] & 0x7f) * usize::from(der[1] & 0x80 != 0);
    let content = der[content_start..].to_vec();
    der = cat(&[&[0x30, 0x80], &content, &[0, 0]]);
    assert_eq!(
        OcspResponseRef::parse(&der),
        Err(Error::IndefiniteLength {
            at: Position {
                offset: 0,
                path: "OCSPResponse"
            }
        })
    );
}

#[test]
fn non_minimal_length_is_rejected() {
    // responseStatus with its length in long form: 0a 81 01 00.
    let parts = Parts {
        status: vec![0x0a, 0x81, 0x01, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "NonMinimalLength");
    // A long-form length with a leading zero octet, on the certStatus.
    let parts = Parts {
        cert_status: vec![0x80, 0x82, 0x00, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "NonMinimalLength");
}

#[test]
fn non_minimal_integers_are_rejected() {
    let mut parts = Parts::default();
    parts.cert_id = tlv(
        0x30,
        &cat(&[
            SHA1_NULL,
            &tlv(0x04, &[0x22; 20]),
            &tlv(0x04, &[0x33; 20]),
            &[0x02, 0x02, 0x00, 0x23],
        ]),
    );
    let err = parts.parse().unwrap_err();
    assert!(matches!(err, Error::NonMinimalInteger { at } if at.path == "CertID.serialNumber"));
    parts.cert_id = tlv(
        0x30,
        &cat(&[
            SHA1_NULL,
            &tlv(0x04, &[0x22; 20]),
            &tlv(0x04, &[0x33; 20]),
            &[0x02, 0x00],
        ]),
    );
    assert_eq!(kind(parts.parse()), "EmptyInteger");
    let parts = Parts {
        status: vec![0x0a, 0x02, 0x00, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "NonMinimalInteger");
}

/// `version [0] INTEGER 0` encoded (not DER): accepted as mozilla::pkix
/// (bug 1031093) and Chromium do, reported, and kept on re-encoding.
#[test]
fn encoded_default_version_is_accepted_and_noted() {
    let parts = Parts {
        version: tlv(0xa0, &[0x02, 0x01, 0x00]),
        ..Default::default()
    };
    let der = parts.der();
    let deviations: Vec<_> = OcspResponseRef::parse(&der).unwrap().deviations().collect();
    assert_eq!(deviations.len(), 1);
    assert_eq!(deviations[0].kind, DeviationKind::ExplicitDefaultVersion);
    assert_eq!(deviations[0].at.path, "ResponseData.version");
    assert_eq!(
        der[deviations[0].at.offset..][..5],
        [0xa0, 0x03, 0x02, 0x01, 0x00]
    );
    let owned = OcspResponse::from_der(&der).unwrap();
    assert!(
        owned
            .basic
            .as_ref()
            .unwrap()
            .tbs_response_data
            .version_encoded
    );
    assert_eq!(owned.to_der().unwrap(), der);
    // Without the deviation there is nothing to report.
    assert!(response_deviations(&Parts::default().der()).is_empty());
}

/// The version is still an INTEGER, minimally encoded, inside one EXPLICIT tag.
#[test]
fn encoded_default_version_must_still_be_der() {
    for (version, expected) in [
        (tlv(0xa0, &[0x02, 0x02, 0x00, 0x00]), "NonMinimalInteger"),
        (tlv(0xa0, &[0x0a, 0x01, 0x00]), "UnexpectedTag"),
        (tlv(0xa0, &[0x02, 0x01, 0x00, 0x05, 0x00]), "TrailingData"),
    ] {
        let parts = Parts {
            version,
            ..Default::default()
        };
        assert_eq!(kind(parts.parse()), expected);
    }
}

#[test]
fn versions_other_than_v1_are_rejected() {
    let parts = Parts {
        version: tlv(0xa0, &[0x02, 0x01, 0x01]),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::UnsupportedVersion { version: 1, .. })
    ));
}

#[test]
fn trailing_data_is_rejected_at_every_level() {
    let garbage = vec![0x05, 0x00];
    for parts in [
        Parts {
            outer_trailer: garbage.clone(),
            ..Default::default()
        },
        Parts {
            basic_trailer: garbage.clone(),
            ..Default::default()
        },
        Parts {
            tbs_trailer: garbage.clone(),
            ..Default::default()
        },
        Parts {
            single_trailer: garbage.clone(),
            ..Default::default()
        },
    ] {
        assert_eq!(kind(parts.parse()), "TrailingData");
    }
    // After the whole message.
    let mut der = Parts::default().der();
    der.push(0);
    assert!(matches!(
        OcspResponseRef::parse(&der),
        Err(Error::TrailingData { .. })
    ));
    // Inside the ResponseBytes OCTET STRING, after the BasicOCSPResponse.
    let p = Parts::default();
    let mut basic = p.basic();
    basic.extend([0x05, 0x00]);
    let rb = tlv(0x30, &cat(&[&p.response_type, &tlv(0x04, &basic)]));
    let der = tlv(0x30, &cat(&[&p.status, &tlv(0xa0, &rb)]));
    assert!(matches!(
        OcspResponseRef::parse(&der),
        Err(Error::TrailingData { at }) if at.path == "BasicOCSPResponse"
    ));
}

#[test]
fn wrong_tags_are_rejected() {
    // responseStatus as INTEGER instead of ENUMERATED.
    let parts = Parts {
        status: vec![0x02, 0x01, 0x00],
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::UnexpectedTag {
            expected: 0x0a,
            found: 0x02,
            ..
        })
    ));
    // thisUpdate as UTCTime.
    let parts = Parts {
        this_update: tlv(0x17, b"240101000000Z"),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::UnexpectedTag {
            expected: 0x18,
            found: 0x17,
            ..
        })
    ));
    // A certStatus outside the CHOICE.
    let parts = Parts {
        cert_status: vec![0x83, 0x00],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedTag");
    // A responderID outside the CHOICE ([0] is not an alternative).
    let parts = Parts {
        responder_id: tlv(0xa0, &tlv(0x04, &[0x11; 20])),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedTag");
    // byKey with the KeyHash not an OCTET STRING.
    let parts = Parts {
        responder_id: tlv(0xa2, &tlv(0x03, &[0x00, 0x11])),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedTag");
}

#[test]
fn ber_constructed_strings_are_rejected() {
    // issuerNameHash as a constructed OCTET STRING (tag 0x24) made of two parts.
    let constructed = tlv(
        0x24,
        &cat(&[&tlv(0x04, &[0x22; 10]), &tlv(0x04, &[0x22; 10])]),
    );
    let parts = Parts {
        cert_id: tlv(
            0x30,
            &cat(&[
                SHA1_NULL,
                &constructed,
                &tlv(0x04, &[0x33; 20]),
                &[0x02, 0x01, 0x01],
            ]),
        ),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::UnexpectedTag {
            expected: 0x04,
            found: 0x24,
            ..
        })
    ));
}
