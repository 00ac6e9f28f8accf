//! DER encoding: lengths, integers, the version, trailing data, tags and
//! BER constructed strings.

use super::*;

#[test]
fn baseline_is_valid_and_round_trips() {
    let der = Parts::default().der();
    let response = OcspResponseRef::parse(&der).unwrap();
    let single = first_single(&response);
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

/// Lengths and INTEGERs must be minimal; the version, the trailers and
/// tags as below.
#[test]
fn non_der_elements_are_rejected() {
    let garbage = vec![0x05, 0x00];
    let name_hash = tlv(0x04, &[0x22; 20]);
    assert_rejected(&[
        // Lengths: long form for a short one; a leading zero octet.
        (F::Status, vec![0x0a, 0x81, 0x01, 0x00], "NonMinimalLength"),
        (
            F::CertStatus,
            vec![0x80, 0x82, 0x00, 0x00],
            "NonMinimalLength",
        ),
        // INTEGERs (and ENUMERATEDs): empty, leading zero octet.
        (
            F::CertId,
            cert_id(&name_hash, &[0x02, 0x00]),
            "EmptyInteger",
        ),
        (F::Status, vec![0x0a, 0x02, 0x00, 0x00], "NonMinimalInteger"),
        // An encoded default version is still a minimal INTEGER inside one
        // EXPLICIT tag.
        (
            F::Version,
            tlv(0xa0, &[0x02, 0x02, 0x00, 0x00]),
            "NonMinimalInteger",
        ),
        (F::Version, tlv(0xa0, &[0x0a, 0x01, 0x00]), "UnexpectedTag"),
        (
            F::Version,
            tlv(0xa0, &[0x02, 0x01, 0x00, 0x05, 0x00]),
            "TrailingData",
        ),
        // Trailing data at every level.
        (F::OuterTrailer, garbage.clone(), "TrailingData"),
        (F::BasicTrailer, garbage.clone(), "TrailingData"),
        (F::TbsTrailer, garbage.clone(), "TrailingData"),
        (F::SingleTrailer, garbage, "TrailingData"),
        // A certStatus outside the CHOICE.
        (F::CertStatus, vec![0x83, 0x00], "UnexpectedTag"),
        // A responderID outside the CHOICE ([0] is not an alternative).
        (
            F::ResponderId,
            tlv(0xa0, &tlv(0x04, &[0x11; 20])),
            "UnexpectedTag",
        ),
        // byKey with the KeyHash not an OCTET STRING.
        (
            F::ResponderId,
            tlv(0xa2, &tlv(0x03, &[0x00, 0x11])),
            "UnexpectedTag",
        ),
    ]);
    let parts = Parts::with(F::CertId, cert_id(&name_hash, &[0x02, 0x02, 0x00, 0x23]));
    let err = parts.parse().unwrap_err();
    assert!(matches!(err, Error::NonMinimalInteger { at } if at.path == "CertID.serialNumber"));
}

/// `version [0] INTEGER 0` encoded (not DER): accepted as mozilla::pkix
/// (bug 1031093) and Chromium do, reported, and kept on re-encoding.
#[test]
fn encoded_default_version_is_accepted_and_noted() {
    let parts = Parts::with(F::Version, tlv(0xa0, &[0x02, 0x01, 0x00]));
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

#[test]
fn versions_other_than_v1_are_rejected() {
    let parts = Parts::with(F::Version, tlv(0xa0, &[0x02, 0x01, 0x01]));
    assert!(matches!(
        parts.parse(),
        Err(Error::UnsupportedVersion { version: 1, .. })
    ));
}

#[test]
fn trailing_data_is_rejected_at_every_level() {
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

/// The expected and found tags are reported.
#[test]
fn wrong_tags_are_rejected() {
    let constructed = tlv(
        0x24,
        &cat(&[&tlv(0x04, &[0x22; 10]), &tlv(0x04, &[0x22; 10])]),
    );
    for (field, der, tags) in [
        // responseStatus as INTEGER instead of ENUMERATED.
        (F::Status, vec![0x02, 0x01, 0x00], (0x0a, 0x02)),
        // thisUpdate as UTCTime.
        (F::ThisUpdate, tlv(0x17, b"240101000000Z"), (0x18, 0x17)),
        // issuerNameHash as a BER constructed OCTET STRING made of two parts.
        (
            F::CertId,
            cert_id(&constructed, &[0x02, 0x01, 0x01]),
            (0x04, 0x24),
        ),
    ] {
        match Parts::with(field, der).parse() {
            Err(Error::UnexpectedTag {
                expected, found, ..
            }) => {
                assert_eq!((expected, found), tags, "{field:?}")
            }
            other => panic!("{field:?}: {other:?}"),
        }
    }
}
