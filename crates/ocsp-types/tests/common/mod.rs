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
    CertParts::with_extensions(list).build()
}

/// The certificate [`certificate_with_extensions`] builds, by parts (each
/// any DER, unchecked), to replace one at a time: the `tbsCertificate`
/// fields in order, then the outer `signatureAlgorithm`, named as in
/// [`CertParts::NAMES`] (`version` includes its `[0]` and is empty for v1;
/// `extensions` is everything after the key, its `[3]` included).
#[derive(Debug, Clone)]
pub struct CertParts {
    parts: Vec<Vec<u8>>,
}

impl CertParts {
    /// The parts' names: the `tbsCertificate` fields, then the outer algorithm.
    pub const NAMES: [&str; 9] = [
        "version",
        "serialNumber",
        "signature",
        "issuer",
        "validity",
        "subject",
        "subjectPublicKeyInfo",
        "extensions",
        "signatureAlgorithm",
    ];

    /// The parts of [`certificate_with_extensions`]`(list)`.
    pub fn with_extensions(list: &[u8]) -> Self {
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
        let parts = vec![
            to_tlv(tag::explicit(0), &[0x02, 0x01, 0x02]),
            vec![0x02, 0x01, 0x01],
            algorithm.clone(),
            name.clone(),
            validity,
            name,
            spki,
            to_tlv(tag::explicit(3), list),
            algorithm,
        ];
        CertParts { parts }
    }

    /// The part named `name` (one of [`CertParts::NAMES`]).
    pub fn part(&mut self, name: &str) -> &mut Vec<u8> {
        let index = Self::NAMES.iter().position(|n| *n == name).expect(name);
        &mut self.parts[index]
    }

    /// The DER certificate.
    pub fn build(&self) -> Vec<u8> {
        use ocsp_types::der::{sequence, tag, to_tlv};
        let (tbs, outer) = self.parts.split_at(Self::NAMES.len() - 1);
        let signature = to_tlv(tag::BIT_STRING, &[0x00, 0xab]);
        sequence(&[&sequence(&tbs.concat())[..], &outer.concat(), &signature].concat())
    }
}

/// Every certificate of the OpenSSL OCSP suite's PEM files (at least 32),
/// with its file's path; `None` when the shared vectors are absent.
pub fn openssl_suite_certificates() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = shared_vectors("openssl-ocsp")?;
    let mut certificates = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pem") {
            let text = std::fs::read_to_string(&path).unwrap();
            for der in ocsp_testkit::support::pem_blocks(&text, "CERTIFICATE") {
                certificates.push((path.display().to_string(), der));
            }
        }
    }
    assert!(
        certificates.len() >= 32,
        "{} certificates",
        certificates.len()
    );
    Some(certificates)
}
