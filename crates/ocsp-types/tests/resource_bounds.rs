//! Resource bounds, proven on hostile inputs: deep nesting, huge declared
//! lengths, lists at and over `limits`, and inputs over `MAX_MESSAGE_LEN`.
//! Each is refused (or accepted, at the limit) with the exact error variant.
//! No timing assertions: these inputs are the worst cases, and the tests
//! run in milliseconds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::certificate_with_extensions;
use ocsp_testkit::der::{header, seq, tlv};
use ocsp_types::limits::{MAX_CERTS, MAX_ENTRIES, MAX_EXTENSIONS, MAX_MESSAGE_LEN};
use ocsp_types::{
    BasicResponseRef, CertIdRef, CertificateRef, Error, NameRef, OcspRequest, OcspRequestRef,
    OcspResponse, OcspResponseRef,
};

// ------------------------------------------------------------ DER builder

/// `depth` SEQUENCEs, each the only content of the one around it, with
/// minimal definite lengths, around `inner`. Built outside-in from the
/// precomputed lengths (linear, not quadratic).
fn nested(tag: u8, depth: usize, inner: &[u8]) -> Vec<u8> {
    let mut lens = Vec::with_capacity(depth);
    let mut len = inner.len();
    for _ in 0..depth {
        lens.push(len);
        len += header(tag, len).len();
    }
    let mut out = Vec::with_capacity(len);
    for &l in lens.iter().rev() {
        out.extend(header(tag, l));
    }
    out.extend_from_slice(inner);
    assert_eq!(out.len(), len);
    out
}

const SHA1_OID: &[u8] = &[0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a];
const SHA256_RSA_OID: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
];
const BASIC_OID: &[u8] = &[
    0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01,
];

fn time() -> Vec<u8> {
    tlv(0x18, b"20170814134102Z")
}

/// A small CertID: SHA-1 without parameters, empty hashes (parsing does not
/// judge their length), serial `n` (minimal).
fn cert_id(n: u32) -> Vec<u8> {
    let mut serial = n.to_be_bytes().to_vec();
    while serial.len() > 1 && serial[0] == 0 && serial[1] & 0x80 == 0 {
        serial.remove(0);
    }
    if serial[0] & 0x80 != 0 {
        serial.insert(0, 0);
    }
    seq(&[
        &seq(&[SHA1_OID]),
        &tlv(0x04, &[]),
        &tlv(0x04, &[]),
        &tlv(0x02, &serial),
    ])
}

/// `good` SingleResponse for serial `n`.
fn single(n: u32) -> Vec<u8> {
    seq(&[&cert_id(n), &[0x80, 0x00], &time()])
}

/// The content octets of OID 1.2.3.`i`.
fn oid_1_2_3(i: usize) -> Vec<u8> {
    let arc = u16::try_from(i).unwrap();
    // 1.2.3.<arc> with arc in base 128.
    let mut oid = vec![0x2a, 0x03];
    if arc >= 0x80 {
        oid.push(0x80 | (arc >> 7) as u8);
    }
    oid.push((arc & 0x7f) as u8);
    oid
}

/// An Extensions SEQUENCE with these OIDs (content octets), in this order,
/// and NULL values.
fn extension_list(oids: &[Vec<u8>]) -> Vec<u8> {
    let mut list = Vec::new();
    for oid in oids {
        list.extend(seq(&[&tlv(0x06, oid), &tlv(0x04, &[0x05, 0x00])]));
    }
    tlv(0x30, &list)
}

/// `count` Extensions with distinct OIDs 1.2.3.i and NULL values.
fn extensions(count: usize) -> Vec<u8> {
    extension_list(&(0..count).map(oid_1_2_3).collect::<Vec<_>>())
}

/// A minimal certificate: the outer shape only
/// (`SEQUENCE { SEQUENCE {}, AlgorithmIdentifier, BIT STRING }`).
fn certificate() -> Vec<u8> {
    seq(&[
        &seq(&[]),
        &seq(&[SHA256_RSA_OID]),
        &tlv(0x03, &[0x00, 0x01]),
    ])
}

struct Basic {
    singles: usize,
    response_extensions: Option<usize>,
    certs: Option<usize>,
}

fn basic(b: &Basic) -> Vec<u8> {
    let mut singles = Vec::new();
    for i in 0..b.singles {
        singles.extend(single(u32::try_from(i).unwrap() + 1));
    }
    let mut tbs = Vec::new();
    tbs.extend(tlv(0xa2, &tlv(0x04, &[0x11; 20])));
    tbs.extend(time());
    tbs.extend(tlv(0x30, &singles));
    if let Some(n) = b.response_extensions {
        tbs.extend(tlv(0xa1, &extensions(n)));
    }
    let mut out = Vec::new();
    out.extend(tlv(0x30, &tbs));
    out.extend(seq(&[SHA256_RSA_OID, &[0x05, 0x00]]));
    out.extend(tlv(0x03, &[0x00, 0xab, 0xcd]));
    if let Some(n) = b.certs {
        let list: Vec<u8> = (0..n).flat_map(|_| certificate()).collect();
        out.extend(tlv(0xa0, &tlv(0x30, &list)));
    }
    tlv(0x30, &out)
}

fn response(b: &Basic) -> Vec<u8> {
    successful(&basic(b))
}

/// A successful OCSPResponse around the DER of a BasicOCSPResponse.
fn successful(basic: &[u8]) -> Vec<u8> {
    let bytes = seq(&[BASIC_OID, &tlv(0x04, basic)]);
    seq(&[&[0x0a, 0x01, 0x00], &tlv(0xa0, &bytes)])
}

/// A response of one single response whose `responseExtensions` are the
/// Extensions SEQUENCE `list` (any DER, unchecked).
fn response_with_extensions(list: &[u8]) -> Vec<u8> {
    let tbs = seq(&[
        &tlv(0xa2, &tlv(0x04, &[0x11; 20])),
        &time(),
        &tlv(0x30, &single(1)),
        &tlv(0xa1, list),
    ]);
    successful(&seq(&[
        &tbs,
        &seq(&[SHA256_RSA_OID, &[0x05, 0x00]]),
        &tlv(0x03, &[0x00, 0xab]),
    ]))
}

fn plain(singles: usize) -> Basic {
    Basic {
        singles,
        response_extensions: None,
        certs: None,
    }
}

fn request(requests: usize) -> Vec<u8> {
    let mut list = Vec::new();
    for i in 0..requests {
        list.extend(seq(&[&cert_id(u32::try_from(i).unwrap() + 1)]));
    }
    seq(&[&seq(&[&tlv(0x30, &list)])])
}

fn too_many(e: Error, limit: usize) {
    match e {
        Error::TooManyElements { limit: l, .. } => assert_eq!(l, limit, "{e}"),
        other => panic!("expected TooManyElements {{ limit: {limit} }}, got {other:?}"),
    }
}

// ------------------------------------------------------------ the builder

#[test]
fn builder_makes_what_the_parser_accepts() {
    let der = response(&Basic {
        singles: 2,
        response_extensions: Some(2),
        certs: Some(2),
    });
    let r = OcspResponseRef::parse(&der).unwrap();
    let tbs = r.basic().unwrap().tbs_response_data();
    assert_eq!(tbs.responses().len(), 2);
    assert_eq!(tbs.extensions().len(), 2);
    assert_eq!(r.basic().unwrap().certs().len(), 2);
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
    let req = request(3);
    assert_eq!(
        OcspRequestRef::parse(&req)
            .unwrap()
            .tbs_request()
            .requests()
            .len(),
        3
    );
}

// ------------------------------------------------------------ nesting

/// 100 000 nested SEQUENCE headers (minimal definite lengths, about 500 kB):
/// the parser reads one level at a time against the schema, so the second
/// level (a SEQUENCE where `responseStatus` ENUMERATED is due) is refused;
/// nothing recurses into the rest.
#[test]
fn deep_nesting_is_refused_at_the_first_schema_mismatch() {
    let der = nested(0x30, 100_000, &[0x05, 0x00]);
    assert!(der.len() < MAX_MESSAGE_LEN);
    assert!(matches!(
        OcspResponseRef::parse(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    assert!(matches!(
        OcspResponse::from_der(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    assert!(matches!(
        BasicResponseRef::parse(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    assert!(matches!(
        CertIdRef::parse(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    // A certificate's tbsCertificate is opaque to the outer-shape check: it
    // takes the whole content, so signatureAlgorithm is missing.
    assert!(matches!(
        CertificateRef::parse(&der),
        Err(Error::MissingField { .. })
    ));
    // A request's schema is SEQUENCEs several levels down (tbsRequest,
    // requestList, Request, CertID, AlgorithmIdentifier): the first
    // mismatch is the algorithm's OID, six levels in.
    assert!(matches!(
        OcspRequestRef::parse(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    assert!(matches!(
        OcspRequest::from_der(&der),
        Err(Error::UnexpectedTag { .. })
    ));
    // A Name's RDNSequence holds SETs: a SEQUENCE in their place is refused.
    assert!(matches!(
        NameRef::parse(&der),
        Err(Error::InvalidName { .. })
    ));
}

/// Deep nesting where the schema is opaque: an extension value (kept as
/// length-checked DER) holding 100 000 nested SEQUENCEs is accepted as is,
/// and the typed accessors that look inside refuse it without recursing.
#[test]
fn deep_nesting_inside_an_opaque_extension_value() {
    let value = nested(0x30, 100_000, &[]);
    let ext = seq(&[
        &tlv(
            0x06,
            &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x03],
        ), // id-pkix-ocsp-crl
        &tlv(0x04, &value),
    ]);
    let der = response_with_extensions(&tlv(0x30, &ext));
    assert!(der.len() < MAX_MESSAGE_LEN);
    let r = OcspResponseRef::parse(&der).unwrap();
    let exts = r.basic().unwrap().tbs_response_data().extensions();
    let e = exts.iter().next().unwrap();
    assert_eq!(e.value(), value.as_slice());
    // Each typed accessor answers (an error, since this is no CrlID etc.).
    assert!(e.crl_id().is_err());
    assert!(e.acceptable_responses().is_err());
    assert!(e.archive_cutoff().is_err());
    assert!(e.service_locator().is_err());
    assert!(e.preferred_signature_algorithms().is_err());
    assert!(e.null_value().is_err());
    assert!(e.sct_list().is_err());
}

// ------------------------------------------------------------ lengths

/// A declared length of 4 GiB - 1 (`84 ff ff ff ff`) over a few bytes: the
/// header runs past the end, so `Truncated`, at every entry point.
#[test]
fn huge_declared_length_is_truncated() {
    let der = [0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x0a, 0x01, 0x00];
    assert!(matches!(
        OcspResponseRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
    assert!(matches!(
        OcspRequestRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
    assert!(matches!(
        BasicResponseRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
    assert!(matches!(
        CertIdRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
    assert!(matches!(
        CertificateRef::parse(&der),
        Err(Error::Truncated { .. })
    ));
    assert!(matches!(NameRef::parse(&der), Err(Error::Truncated { .. })));
    // The same inside a valid outer SEQUENCE: an inner header declaring
    // 4 GiB - 1 bytes.
    let inner = seq(&[&[0x0a, 0x01, 0x00], &[0xa0, 0x84, 0xff, 0xff, 0xff, 0xff]]);
    assert!(matches!(
        OcspResponseRef::parse(&inner),
        Err(Error::Truncated { .. })
    ));
}

/// Length octets wider than any message (`88` + 8 octets, `84` with a
/// leading zero octet) are refused without arithmetic overflow.
#[test]
fn length_fields_wider_than_needed() {
    let eight = [
        0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00,
    ];
    let e = OcspResponseRef::parse(&eight).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedLength { .. } | Error::Truncated { .. }),
        "{e:?}"
    );
    for (der, variant) in [
        (
            [0x30, 0x84, 0x00, 0x00, 0x00, 0x03, 0x0a, 0x01, 0x00],
            "NonMinimalLength",
        ),
        // A huge declared length is truncation, not an allocation.
        (
            [0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x0a, 0x01, 0x00],
            "Truncated",
        ),
    ] {
        let e = OcspResponseRef::parse(&der).unwrap_err();
        assert_eq!(e.kind(), variant, "{der:02x?}");
    }
}

// ------------------------------------------------------------ sizes

/// One byte over the limit, and 10 MB, are refused before any parsing, at
/// every entry point.
#[test]
fn inputs_over_the_limit_are_input_too_large() {
    for len in [MAX_MESSAGE_LEN + 1, 10_000_000] {
        let mut der = vec![0u8; len];
        der[..6].copy_from_slice(&[0x30, 0x84, 0x00, 0x98, 0x96, 0x7a]);
        let expected = Error::InputTooLarge {
            len,
            limit: MAX_MESSAGE_LEN,
        };
        assert_eq!(OcspResponseRef::parse(&der).unwrap_err(), expected);
        assert_eq!(OcspResponse::from_der(&der).unwrap_err(), expected);
        assert_eq!(BasicResponseRef::parse(&der).unwrap_err(), expected);
        assert_eq!(OcspRequestRef::parse(&der).unwrap_err(), expected);
        assert_eq!(OcspRequest::from_der(&der).unwrap_err(), expected);
    }
}

// ------------------------------------------------------------ list limits

#[test]
fn single_responses_at_the_limit_are_accepted() {
    let der = response(&plain(MAX_ENTRIES));
    assert!(der.len() <= MAX_MESSAGE_LEN, "{}", der.len());
    let r = OcspResponseRef::parse(&der).unwrap();
    let responses = r.basic().unwrap().tbs_response_data().responses();
    assert_eq!(responses.len(), MAX_ENTRIES);
    assert_eq!(responses.iter().count(), MAX_ENTRIES);
    let owned = OcspResponse::from_der(&der).unwrap();
    assert_eq!(
        owned
            .basic
            .as_ref()
            .unwrap()
            .tbs_response_data
            .responses
            .len(),
        MAX_ENTRIES
    );
    assert_eq!(owned.to_der().unwrap(), der);
}

#[test]
fn one_single_response_over_the_limit_is_too_many() {
    let der = response(&plain(MAX_ENTRIES + 1));
    assert!(der.len() <= MAX_MESSAGE_LEN, "{}", der.len());
    too_many(OcspResponseRef::parse(&der).unwrap_err(), MAX_ENTRIES);
    too_many(OcspResponse::from_der(&der).unwrap_err(), MAX_ENTRIES);
    // The encoder refuses to produce it too.
    let mut owned = OcspResponse::from_der(&response(&plain(MAX_ENTRIES))).unwrap();
    let tbs = &mut owned.basic.as_mut().unwrap().tbs_response_data;
    let extra = tbs.responses[0].clone();
    tbs.responses.push(extra);
    too_many(owned.to_der().unwrap_err(), MAX_ENTRIES);
}

#[test]
fn requests_at_and_over_the_limit() {
    let der = request(MAX_ENTRIES);
    let r = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(r.tbs_request().requests().len(), MAX_ENTRIES);
    let der = request(MAX_ENTRIES + 1);
    too_many(OcspRequestRef::parse(&der).unwrap_err(), MAX_ENTRIES);
    too_many(OcspRequest::from_der(&der).unwrap_err(), MAX_ENTRIES);
}

/// `limit` elements (as `make` builds them, as `count` counts them) parse;
/// `limit + 1` are refused, by the view and the owned parse.
fn at_and_over(limit: usize, make: fn(usize) -> Basic, count: fn(&BasicResponseRef) -> usize) {
    let at = response(&make(limit));
    let r = OcspResponseRef::parse(&at).unwrap();
    assert_eq!(count(r.basic().unwrap()), limit);
    let over = response(&make(limit + 1));
    too_many(OcspResponseRef::parse(&over).unwrap_err(), limit);
    too_many(OcspResponse::from_der(&over).unwrap_err(), limit);
}

#[test]
fn certificates_at_and_over_the_limit() {
    at_and_over(
        MAX_CERTS,
        |n| Basic {
            certs: Some(n),
            ..plain(1)
        },
        |b| b.certs().len(),
    );
}

#[test]
fn extensions_at_and_over_the_limit() {
    at_and_over(
        MAX_EXTENSIONS,
        |n| Basic {
            response_extensions: Some(n),
            ..plain(1)
        },
        |b| b.tbs_response_data().extensions().len(),
    );
}

/// A full list (MAX_EXTENSIONS) whose last OID repeats the first is refused
/// with `DuplicateExtension` at the last extension, in a response and in a
/// certificate; the same list with a fresh last OID is accepted, in
/// ascending and in descending order (the worst for the sorted check). OIDs
/// that are prefixes of one another (1.2.3 and 1.2.3.1) are distinct.
#[test]
fn a_duplicate_at_the_end_of_a_full_extension_list() {
    let distinct: Vec<Vec<u8>> = (0..MAX_EXTENSIONS).map(oid_1_2_3).collect();
    let mut descending = distinct.clone();
    descending.reverse();
    let mut prefixes = distinct.clone();
    prefixes[MAX_EXTENSIONS - 1] = vec![0x2a, 0x03];
    for oids in [&distinct, &descending, &prefixes] {
        let list = extension_list(oids);
        let der = response_with_extensions(&list);
        let r = OcspResponseRef::parse(&der).unwrap();
        let exts = r.basic().unwrap().tbs_response_data().extensions();
        assert_eq!(exts.len(), MAX_EXTENSIONS);
        assert!(exts
            .iter()
            .map(|e| e.oid().as_bytes())
            .eq(oids.iter().map(Vec::as_slice)));
        let cert_der = certificate_with_extensions(&list);
        let cert = CertificateRef::parse(&cert_der).unwrap();
        assert_eq!(cert.extensions().len(), MAX_EXTENSIONS);
    }

    let mut duplicated = distinct.clone();
    duplicated[MAX_EXTENSIONS - 1] = duplicated[0].clone();
    let list = extension_list(&duplicated);
    // The first and the last extension are the same bytes: the error is at
    // the last.
    let last = seq(&[&tlv(0x06, &duplicated[0]), &tlv(0x04, &[0x05, 0x00])]);
    let at_last = |der: &[u8]| der.windows(last.len()).rposition(|w| w == last).unwrap();
    let response = response_with_extensions(&list);
    let certificate = certificate_with_extensions(&list);
    for (der, e) in [
        (&response, OcspResponseRef::parse(&response).map(|_| ())),
        (&response, OcspResponse::from_der(&response).map(|_| ())),
    ] {
        match e {
            Err(Error::DuplicateExtension { at }) => assert_eq!(at.offset, at_last(der)),
            other => panic!("expected DuplicateExtension, got {other:?}"),
        }
    }
    // In a certificate an extension this library does not read may repeat
    // (as rustls-webpki accepts): found in the same single pass, and
    // reported as a deviation at the later one.
    let cert = CertificateRef::parse(&certificate).unwrap();
    let duplicates: Vec<usize> = cert
        .deviations()
        .filter(|d| d.kind == ocsp_types::DeviationKind::DuplicateUnusedExtension)
        .map(|d| d.at.offset)
        .collect();
    assert_eq!(duplicates, [at_last(&certificate)]);
}

/// Every pair of positions in a full list: the duplicate is found wherever
/// it is, at the later of the two.
#[test]
fn a_duplicate_is_found_at_every_pair_of_positions() {
    let distinct: Vec<Vec<u8>> = (0..MAX_EXTENSIONS).map(oid_1_2_3).collect();
    for first in 0..MAX_EXTENSIONS {
        for second in first + 1..MAX_EXTENSIONS {
            let mut oids = distinct.clone();
            oids[second] = oids[first].clone();
            let list = extension_list(&oids);
            let der = response_with_extensions(&list);
            let elements: Vec<Vec<u8>> = oids
                .iter()
                .map(|oid| seq(&[&tlv(0x06, oid), &tlv(0x04, &[0x05, 0x00])]))
                .collect();
            let list_at = der.windows(list.len()).position(|w| w == list).unwrap();
            let content_at = list_at + list.len() - elements.concat().len();
            let expected = content_at + elements[..second].concat().len();
            match OcspResponseRef::parse(&der) {
                Err(Error::DuplicateExtension { at }) => {
                    assert_eq!(at.offset, expected, "{first}, {second}");
                }
                other => panic!("{first}, {second}: expected DuplicateExtension, got {other:?}"),
            }
        }
    }
}
