//! One test per strictness rule, each asserting its exact error variant.
//!
//! Responses are assembled from parts by hand, so that each test changes
//! exactly one element of an otherwise valid response. The helpers are
//! here, the tests in one module per topic.
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

mod encoding;
mod envelope;
mod extensions;
mod fields;
mod requests;
