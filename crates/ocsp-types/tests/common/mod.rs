//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

/// `../shared/vectors/<sub>` next to the workspace, or `None` (with a loud
/// message) when the shared test data is not there.
pub fn shared_vectors(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/vectors")
        .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: shared test vectors not found at {} (CI always has them)",
            dir.display()
        );
        None
    }
}

/// Decodes a base64 `.ors` file (OpenSSL's test format: base64, no header).
pub fn read_ors(path: &std::path::Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    let joined: String = text.split_whitespace().collect();
    use base64ct::Encoding;
    base64ct::Base64::decode_vec(&joined).unwrap()
}

pub fn seed_response() -> Vec<u8> {
    include_bytes!("../data/seed-wikipedia-2017.der").to_vec()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
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
