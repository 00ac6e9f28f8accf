//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub use ocsp_testkit::support::{hex, read_base64_file as read_ors, shared_vectors, unhex};

pub fn seed_response() -> Vec<u8> {
    include_bytes!("../data/seed-wikipedia-2017.der").to_vec()
}

/// A v3 certificate with the Extensions SEQUENCE `list` (any DER,
/// unchecked): every field the strict `CertificateRef` parse reads, none of
/// them meaningful (sha256WithRSAEncryption, empty Names, a one-octet key
/// and signature).
pub fn certificate_with_extensions(list: &[u8]) -> Vec<u8> {
    use ocsp_types::der::{sequence, tag, to_tlv};
    let seq = |parts: &[&[u8]]| sequence(&parts.concat());
    let sha256_rsa = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
    ];
    let algorithm = seq(&[&sha256_rsa, &[0x05, 0x00]]);
    let name = seq(&[]);
    let validity = seq(&[
        &to_tlv(tag::UTC_TIME, b"170814134102Z"),
        &to_tlv(tag::UTC_TIME, b"270814134102Z"),
    ]);
    let spki = seq(&[&algorithm, &to_tlv(tag::BIT_STRING, &[0x00, 0x01])]);
    let tbs = seq(&[
        &to_tlv(tag::explicit(0), &[0x02, 0x01, 0x02]),
        &[0x02, 0x01, 0x01],
        &algorithm,
        &name,
        &validity,
        &name,
        &spki,
        &to_tlv(tag::explicit(3), list),
    ]);
    seq(&[&tbs, &algorithm, &to_tlv(tag::BIT_STRING, &[0x00, 0xab])])
}
