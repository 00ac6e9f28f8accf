//! One test per strictness rule, each asserting its exact error variant.
//!
//! Responses are assembled from parts by hand, so that each test changes
//! exactly one element of an otherwise valid response.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::field_reassign_with_default
)]

use ocsp_types::{
    limits, CertStatus, CrlReason, DeviationKind, Error, OcspRequestRef, OcspResponse,
    OcspResponseRef, Position, ResponseStatus,
};

/// The (kind, path) of each deviation a response parse accepted.
fn response_deviations(der: &[u8]) -> Vec<(DeviationKind, &'static str)> {
    OcspResponseRef::parse(der)
        .unwrap()
        .deviations()
        .map(|d| (d.kind, d.at.path))
        .collect()
}

fn len_bytes(len: usize) -> Vec<u8> {
    if len < 0x80 {
        vec![len as u8]
    } else {
        let b = len.to_be_bytes();
        let skip = b.iter().take_while(|&&x| x == 0).count();
        let mut out = vec![0x80 | (8 - skip) as u8];
        out.extend_from_slice(&b[skip..]);
        out
    }
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(len_bytes(content.len()));
    out.extend_from_slice(content);
    out
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

const SHA1_NULL: &[u8] = &[
    0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00,
];
const SHA256_RSA: &[u8] = &[
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
];
const NONCE_OID: &[u8] = &[
    0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02,
];

fn gtime(s: &str) -> Vec<u8> {
    tlv(0x18, s.as_bytes())
}

/// The parts of a response, each the DER of one element.
#[derive(Clone)]
struct Parts {
    status: Vec<u8>,
    response_type: Vec<u8>,
    version: Vec<u8>,
    responder_id: Vec<u8>,
    produced_at: Vec<u8>,
    cert_id: Vec<u8>,
    cert_status: Vec<u8>,
    this_update: Vec<u8>,
    next_update: Vec<u8>,
    single_extensions: Vec<u8>,
    single_trailer: Vec<u8>,
    response_extensions: Vec<u8>,
    tbs_trailer: Vec<u8>,
    signature_algorithm: Vec<u8>,
    signature: Vec<u8>,
    certs: Vec<u8>,
    basic_trailer: Vec<u8>,
    outer_trailer: Vec<u8>,
}

fn extension(oid: &[u8], critical: Option<&[u8]>, value: &[u8]) -> Vec<u8> {
    let mut content = oid.to_vec();
    if let Some(c) = critical {
        content.extend_from_slice(c);
    }
    content.extend(tlv(0x04, value));
    tlv(0x30, &content)
}

fn nonce_ext() -> Vec<u8> {
    extension(NONCE_OID, None, &tlv(0x04, &[0xab; 16]))
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            status: vec![0x0a, 0x01, 0x00],
            response_type: vec![
                0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01,
            ],
            version: vec![],
            responder_id: tlv(0xa2, &tlv(0x04, &[0x11; 20])),
            produced_at: gtime("20240101000000Z"),
            cert_id: tlv(
                0x30,
                &cat(&[
                    SHA1_NULL,
                    &tlv(0x04, &[0x22; 20]),
                    &tlv(0x04, &[0x33; 20]),
                    &[0x02, 0x02, 0x01, 0x23],
                ]),
            ),
            cert_status: vec![0x80, 0x00],
            this_update: gtime("20240101000000Z"),
            next_update: tlv(0xa0, &gtime("20240108000000Z")),
            single_extensions: vec![],
            single_trailer: vec![],
            response_extensions: tlv(0xa1, &tlv(0x30, &nonce_ext())),
            tbs_trailer: vec![],
            signature_algorithm: SHA256_RSA.to_vec(),
            signature: tlv(0x03, &cat(&[&[0x00], &[0x5a; 32]])),
            certs: vec![],
            basic_trailer: vec![],
            outer_trailer: vec![],
        }
    }
}

impl Parts {
    fn single(&self) -> Vec<u8> {
        tlv(
            0x30,
            &cat(&[
                &self.cert_id,
                &self.cert_status,
                &self.this_update,
                &self.next_update,
                &self.single_extensions,
                &self.single_trailer,
            ]),
        )
    }

    fn tbs(&self) -> Vec<u8> {
        tlv(
            0x30,
            &cat(&[
                &self.version,
                &self.responder_id,
                &self.produced_at,
                &tlv(0x30, &self.single()),
                &self.response_extensions,
                &self.tbs_trailer,
            ]),
        )
    }

    fn basic(&self) -> Vec<u8> {
        tlv(
            0x30,
            &cat(&[
                &self.tbs(),
                &self.signature_algorithm,
                &self.signature,
                &self.certs,
                &self.basic_trailer,
            ]),
        )
    }

    fn der(&self) -> Vec<u8> {
        let response_bytes = tlv(
            0x30,
            &cat(&[&self.response_type, &tlv(0x04, &self.basic())]),
        );
        tlv(
            0x30,
            &cat(&[
                &self.status,
                &tlv(0xa0, &response_bytes),
                &self.outer_trailer,
            ]),
        )
    }

    fn parse(&self) -> Result<(), Error> {
        let der = self.der();
        OcspResponseRef::parse(&der).map(|_| ())
    }
}

fn kind(result: Result<(), Error>) -> &'static str {
    result.expect_err("must be rejected").kind()
}

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

#[test]
fn undefined_response_status_is_rejected() {
    for value in [4u8, 7, 0x7f] {
        let parts = Parts {
            status: vec![0x0a, 0x01, value],
            ..Default::default()
        };
        assert!(matches!(
            parts.parse(),
            Err(Error::UndefinedResponseStatus { value: v, .. }) if v == u64::from(value)
        ));
    }
    let parts = Parts {
        status: vec![0x0a, 0x01, 0xff],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "IntegerOutOfRange");
}

#[test]
fn every_defined_status_parses() {
    for status in [
        ResponseStatus::MalformedRequest,
        ResponseStatus::InternalError,
        ResponseStatus::TryLater,
        ResponseStatus::SigRequired,
        ResponseStatus::Unauthorized,
    ] {
        let der = tlv(0x30, &[0x0a, 0x01, status.value()]);
        let parsed = OcspResponseRef::parse(&der).unwrap();
        assert_eq!(parsed.status(), status);
        assert!(parsed.basic().is_none());
        assert_eq!(OcspResponse::error(status).to_der().unwrap(), der);
    }
}

#[test]
fn successful_without_response_bytes_is_rejected() {
    let der = tlv(0x30, &[0x0a, 0x01, 0x00]);
    assert_eq!(
        OcspResponseRef::parse(&der),
        Err(Error::MissingResponseBytes)
    );
    assert_eq!(
        OcspResponse {
            status: ResponseStatus::Successful,
            basic: None
        }
        .to_der(),
        Err(Error::MissingResponseBytes)
    );
}

#[test]
fn error_status_with_response_bytes_is_rejected() {
    let parts = Parts {
        status: vec![0x0a, 0x01, 0x03],
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "UnexpectedResponseBytes");
}

#[test]
fn non_basic_response_type_is_unsupported() {
    // id-pkix-ocsp-nonce used as a response type.
    let parts = Parts {
        response_type: NONCE_OID.to_vec(),
        ..Default::default()
    };
    assert_eq!(
        parts.parse(),
        Err(Error::UnsupportedResponseType {
            oid: Some(ocsp_types::oid::OCSP_NONCE)
        })
    );
}

#[test]
fn critical_false_encoded_is_rejected() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0x00]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "DefaultValueEncoded");
}

#[test]
fn non_der_booleans_are_rejected() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0x01]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidBoolean");
}

#[test]
fn critical_true_is_kept() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0xff]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    let der = parts.der();
    let r = OcspResponseRef::parse(&der).unwrap();
    let ext = r
        .basic()
        .unwrap()
        .tbs_response_data()
        .extensions()
        .iter()
        .next()
        .unwrap();
    assert!(ext.is_critical());
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

/// An empty `responseExtensions` / `singleExtensions` SEQUENCE: accepted as
/// mozilla::pkix does since bug 991898, reported, and kept on re-encoding.
#[test]
fn empty_extensions_are_accepted_and_noted() {
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [(
            DeviationKind::EmptyExtensions,
            "ResponseData.responseExtensions"
        )]
    );
    let owned = OcspResponse::from_der(&der).unwrap();
    let tbs = &owned.basic.as_ref().unwrap().tbs_response_data;
    assert!(tbs.extensions.is_empty() && tbs.empty_extensions_encoded);
    assert_eq!(owned.to_der().unwrap(), der);

    let parts = Parts {
        single_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [(
            DeviationKind::EmptyExtensions,
            "SingleResponse.singleExtensions"
        )]
    );
    let owned = OcspResponse::from_der(&der).unwrap();
    assert!(owned.basic.as_ref().unwrap().tbs_response_data.responses[0].empty_extensions_encoded);
    assert_eq!(owned.to_der().unwrap(), der);
}

/// Deviations are listed in encoded order, several at once.
#[test]
fn several_deviations_are_listed_in_order() {
    let parts = Parts {
        version: tlv(0xa0, &[0x02, 0x01, 0x00]),
        single_extensions: tlv(0xa1, &tlv(0x30, &[])),
        response_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [
            (
                DeviationKind::ExplicitDefaultVersion,
                "ResponseData.version"
            ),
            (
                DeviationKind::EmptyExtensions,
                "SingleResponse.singleExtensions"
            ),
            (
                DeviationKind::EmptyExtensions,
                "ResponseData.responseExtensions"
            ),
        ]
    );
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

#[test]
fn duplicate_extensions_are_rejected() {
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &cat(&[&nonce_ext(), &nonce_ext()]))),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "DuplicateExtension");
}

#[test]
fn too_many_extensions_are_rejected() {
    let mut list = Vec::new();
    for i in 0..=limits::MAX_EXTENSIONS {
        // 1.2.(i+1): distinct OIDs.
        let oid = [0x06, 0x02, 0x2a, (i + 1) as u8 & 0x7f];
        list.extend(extension(&oid, None, &[0x05, 0x00]));
    }
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &list)),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::TooManyElements {
            limit: limits::MAX_EXTENSIONS,
            ..
        })
    ));
}

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

/// Requests: the same rules on the request side.
mod requests {
    use super::*;

    fn request(tbs_content: &[u8]) -> Vec<u8> {
        tlv(0x30, &tlv(0x30, tbs_content))
    }

    fn one_request() -> Vec<u8> {
        let cert_id = Parts::default().cert_id;
        tlv(0x30, &tlv(0x30, &cert_id))
    }

    #[test]
    fn minimal_request_parses_and_round_trips() {
        let der = request(&one_request());
        let r = OcspRequestRef::parse(&der).unwrap();
        assert_eq!(r.tbs_request().requests().len(), 1);
        assert!(r.signature().is_none());
        assert_eq!(
            ocsp_types::OcspRequest::from_der(&der)
                .unwrap()
                .to_der()
                .unwrap(),
            der
        );
    }

    /// `version [0] INTEGER 0` and empty extensions in a request: accepted
    /// (as in responses), reported, and kept on re-encoding.
    #[test]
    fn encoded_default_version_and_empty_extensions_are_accepted_and_noted() {
        let empty_single = tlv(
            0x30,
            &tlv(
                0x30,
                &cat(&[&Parts::default().cert_id, &tlv(0xa0, &tlv(0x30, &[]))]),
            ),
        );
        let der = request(&cat(&[
            &tlv(0xa0, &[0x02, 0x01, 0x00]),
            &empty_single,
            &tlv(0xa2, &tlv(0x30, &[])),
        ]));
        let r = OcspRequestRef::parse(&der).unwrap();
        let found: Vec<_> = r.deviations().map(|d| (d.kind, d.at.path)).collect();
        assert_eq!(
            found,
            [
                (DeviationKind::ExplicitDefaultVersion, "TBSRequest.version"),
                (
                    DeviationKind::EmptyExtensions,
                    "Request.singleRequestExtensions"
                ),
                (
                    DeviationKind::EmptyExtensions,
                    "TBSRequest.requestExtensions"
                ),
            ]
        );
        let owned = ocsp_types::OcspRequest::from_der(&der).unwrap();
        assert!(owned.tbs_request.version_encoded);
        assert!(owned.tbs_request.empty_extensions_encoded);
        assert!(owned.tbs_request.requests[0].empty_extensions_encoded);
        assert_eq!(owned.to_der().unwrap(), der);
    }

    #[test]
    fn requestor_name_must_be_a_general_name() {
        // [1] EXPLICIT holding a universal INTEGER.
        let der = request(&cat(&[&tlv(0xa1, &[0x02, 0x01, 0x01]), &one_request()]));
        assert_eq!(
            kind(OcspRequestRef::parse(&der).map(|_| ())),
            "InvalidGeneralName"
        );
        // dNSName as a constructed element.
        let der = request(&cat(&[&tlv(0xa1, &tlv(0xa2, b"")), &one_request()]));
        assert_eq!(
            kind(OcspRequestRef::parse(&der).map(|_| ())),
            "InvalidGeneralName"
        );
        // A dNSName is fine.
        let der = request(&cat(&[
            &tlv(0xa1, &tlv(0x82, b"ocsp.test")),
            &one_request(),
        ]));
        let r = OcspRequestRef::parse(&der).unwrap();
        assert_eq!(
            r.tbs_request().requestor_name().unwrap().as_str(),
            Some("ocsp.test")
        );
    }

    #[test]
    fn request_extensions_follow_the_extension_rules() {
        let dup = tlv(0xa2, &tlv(0x30, &cat(&[&nonce_ext(), &nonce_ext()])));
        let der = request(&cat(&[&one_request(), &dup]));
        assert_eq!(
            kind(OcspRequestRef::parse(&der).map(|_| ())),
            "DuplicateExtension"
        );
        let ok = tlv(0xa2, &tlv(0x30, &nonce_ext()));
        let der = request(&cat(&[&one_request(), &ok]));
        let r = OcspRequestRef::parse(&der).unwrap();
        assert_eq!(r.tbs_request().extensions().nonce(), Some(&[0xab; 16][..]));
    }

    #[test]
    fn trailing_data_is_rejected() {
        let mut der = request(&one_request());
        der.extend([0x00, 0x00]);
        assert_eq!(
            kind(OcspRequestRef::parse(&der).map(|_| ())),
            "TrailingData"
        );
    }
}
