//! One test per strictness rule, each asserting its exact error variant.
//!
//! Responses are assembled from parts by hand, so that each test changes
//! exactly one element of an otherwise valid response. The helpers are
//! here, the tests in one module per topic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use ocsp_testkit::der::tlv;
use ocsp_testkit::support::first_single;
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

/// A SHA-1 `CertID` with `issuer_name_hash` and `serial` (each a whole
/// element, unchecked) and a fixed key hash.
fn cert_id(issuer_name_hash: &[u8], serial: &[u8]) -> Vec<u8> {
    tlv(
        0x30,
        &cat(&[SHA1_NULL, issuer_name_hash, &tlv(0x04, &[0x33; 20]), serial]),
    )
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

/// `[1] EXPLICIT Extensions` holding `list` (concatenated DER).
fn explicit_extensions(list: &[u8]) -> Vec<u8> {
    tlv(0xa1, &tlv(0x30, list))
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
            cert_id: cert_id(&tlv(0x04, &[0x22; 20]), &[0x02, 0x02, 0x01, 0x23]),
            cert_status: vec![0x80, 0x00],
            this_update: gtime("20240101000000Z"),
            next_update: tlv(0xa0, &gtime("20240108000000Z")),
            single_extensions: vec![],
            single_trailer: vec![],
            response_extensions: explicit_extensions(&nonce_ext()),
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

/// An element of [`Parts`], to replace.
#[derive(Debug, Clone, Copy)]
enum F {
    Status,
    ResponseType,
    Version,
    ResponderId,
    ProducedAt,
    CertId,
    CertStatus,
    ThisUpdate,
    NextUpdate,
    SingleExtensions,
    SingleTrailer,
    ResponseExtensions,
    TbsTrailer,
    Signature,
    Certs,
    BasicTrailer,
    OuterTrailer,
}

impl Parts {
    /// The baseline with element `field` replaced by `der`.
    fn with(field: F, der: Vec<u8>) -> Parts {
        let mut p = Parts::default();
        *match field {
            F::Status => &mut p.status,
            F::ResponseType => &mut p.response_type,
            F::Version => &mut p.version,
            F::ResponderId => &mut p.responder_id,
            F::ProducedAt => &mut p.produced_at,
            F::CertId => &mut p.cert_id,
            F::CertStatus => &mut p.cert_status,
            F::ThisUpdate => &mut p.this_update,
            F::NextUpdate => &mut p.next_update,
            F::SingleExtensions => &mut p.single_extensions,
            F::SingleTrailer => &mut p.single_trailer,
            F::ResponseExtensions => &mut p.response_extensions,
            F::TbsTrailer => &mut p.tbs_trailer,
            F::Signature => &mut p.signature,
            F::Certs => &mut p.certs,
            F::BasicTrailer => &mut p.basic_trailer,
            F::OuterTrailer => &mut p.outer_trailer,
        } = der;
        p
    }
}

/// For each `(field, der, variant)`: the baseline with `field` replaced by
/// `der` is rejected with exactly the error variant named; a failure names
/// the case.
fn assert_rejected(cases: &[(F, Vec<u8>, &str)]) {
    for (field, der, variant) in cases {
        let parts = Parts::with(*field, der.clone());
        assert_eq!(kind(parts.parse()), *variant, "{field:?} = {der:02x?}");
    }
}

/// The (variant, ASN.1 path) the baseline with `field` replaced by `der` is
/// rejected with.
fn rejected_at(field: F, der: Vec<u8>) -> (&'static str, &'static str) {
    let err = Parts::with(field, der)
        .parse()
        .expect_err("must be rejected");
    (err.kind(), err.position().map_or("", |at| at.path))
}

/// The baseline with `field` replaced by `der` parses.
fn assert_accepted(field: F, der: Vec<u8>) {
    let parts = Parts::with(field, der.clone());
    assert_eq!(parts.parse(), Ok(()), "{field:?} = {der:02x?}");
}

mod encoding;
mod envelope;
mod extensions;
mod fields;
mod requests;
