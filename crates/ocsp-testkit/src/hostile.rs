//! Hostile but well-formed responses, as large as the parsers accept
//! ([`ocsp_types::limits`]): the worst cases of the parse benches, and of
//! the tests that the parse stays linear and allocation-free.
//!
//! Each is a valid DER `OCSPResponse` signed by the PKI's CA, which strict
//! parsers (ours, OpenSSL, x509-ocsp) accept; only its size is hostile.

use ocsp_types::limits::{MAX_CERTS, MAX_ENTRIES, MAX_EXTENSIONS, MAX_MESSAGE_LEN};
use ocsp_types::{CertStatus, Extension, ObjectIdentifier, SingleResponse};

use crate::{cert_id, der, single, CertSpec, HashAlg, Pki, ResponseSpec, DAY, HOUR};

/// What a hostile response is made of, repeated until it reaches its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Single responses carrying [`MAX_EXTENSIONS`] extensions each, in
    /// descending OID order (for a duplicate check that keeps the OIDs
    /// sorted, every insertion goes to the front).
    ManyExtensions,
    /// Single responses without extensions: about ten thousand in 1 MiB.
    ManySingles,
    /// One single response, and copies of one certificate of about 16 KB
    /// (its [`MAX_EXTENSIONS`] extensions in descending OID order), at most
    /// [`MAX_CERTS`] of them.
    ManyCertificates,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 3] = [
        Shape::ManyExtensions,
        Shape::ManySingles,
        Shape::ManyCertificates,
    ];

    /// A short name, for bench ids.
    pub fn name(self) -> &'static str {
        match self {
            Shape::ManyExtensions => "extensions",
            Shape::ManySingles => "singles",
            Shape::ManyCertificates => "certificates",
        }
    }

    /// The most units the parsers' limits allow.
    fn max_units(self) -> usize {
        match self {
            Shape::ManyExtensions | Shape::ManySingles => MAX_ENTRIES,
            Shape::ManyCertificates => MAX_CERTS,
        }
    }
}

/// The content octets of OID 1.3.6.1.4.1.32473.1.`arc` (32473: the
/// documentation enterprise number of RFC 5612), `arc` below 128.
fn example_oid(arc: usize) -> Vec<u8> {
    let arc = u8::try_from(arc)
        .ok()
        .filter(|a| *a < 0x80)
        .expect("arc < 128");
    vec![0x2b, 0x06, 0x01, 0x04, 0x01, 0x81, 0xfd, 0x59, 0x01, arc]
}

/// [`MAX_EXTENSIONS`] non-critical extensions with distinct OIDs, in
/// descending OID order, each valued `value` (the DER in `extnValue`).
fn extensions(value: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    (0..MAX_EXTENSIONS)
        .rev()
        .map(|arc| (example_oid(arc), value.to_vec()))
        .collect()
}

/// The certificate of [`Shape::ManyCertificates`]: the delegate's key,
/// issued by the CA, with [`MAX_EXTENSIONS`] extensions of 223-octet
/// OCTET STRINGs.
fn large_certificate(pki: &Pki) -> Vec<u8> {
    let mut spec = CertSpec::new(
        &[0x5a, 0x5a],
        der::name("hostile.example"),
        pki.at(-DAY),
        pki.at(DAY),
    );
    spec.extra_extensions = extensions(&der::octets(&[0x5a; 223]))
        .into_iter()
        .map(|(oid, value)| (oid, false, value))
        .collect();
    spec.issue(&pki.delegate.key, &pki.ca.name, &pki.ca.key)
}

/// A good single response for serial `n` (16 octets) under the CA.
fn numbered_single(pki: &Pki, n: usize) -> SingleResponse {
    let mut serial = [0x40; 16];
    serial[8..].copy_from_slice(&(n as u64).to_be_bytes());
    single(
        cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &serial),
        CertStatus::Good,
        pki.at(-HOUR),
        Some(pki.at(3 * DAY)),
    )
}

/// A response of `shape` with `units` units, to be signed by the CA.
fn spec(pki: &Pki, shape: Shape, units: usize, certificate: &[u8]) -> ResponseSpec {
    let mut spec = pki.issuer_response();
    match shape {
        Shape::ManyExtensions => {
            let list: Vec<Extension> = extensions(&[0x05, 0x00])
                .into_iter()
                .map(|(oid, value)| Extension {
                    oid: ObjectIdentifier::from_bytes(&oid).expect("valid OID"),
                    critical: false,
                    value,
                })
                .collect();
            spec.singles = (0..units)
                .map(|n| SingleResponse {
                    extensions: list.clone(),
                    ..numbered_single(pki, n)
                })
                .collect();
        }
        Shape::ManySingles => {
            spec.singles = (0..units).map(|n| numbered_single(pki, n)).collect();
        }
        Shape::ManyCertificates => {
            spec.certs = Some(vec![certificate.to_vec(); units]);
        }
    }
    spec
}

/// The encoded size of one unit of `shape`, exactly (signatures vary).
fn unit_len(pki: &Pki, shape: Shape, certificate: &[u8]) -> usize {
    let tbs_len = |units| spec(pki, shape, units, certificate).tbs_der().len();
    match shape {
        Shape::ManyCertificates => certificate.len(),
        Shape::ManyExtensions | Shape::ManySingles => tbs_len(2) - tbs_len(1),
    }
}

/// The response of `shape` with as many units as fit in `max_len` bytes
/// (at most [`MAX_MESSAGE_LEN`]) and the limits allow.
///
/// # Panics
///
/// If not even one unit fits.
pub fn response(pki: &Pki, shape: Shape, max_len: usize) -> Vec<u8> {
    let max_len = max_len.min(MAX_MESSAGE_LEN);
    let certificate = match shape {
        Shape::ManyCertificates => large_certificate(pki),
        _ => Vec::new(),
    };
    let build = |units| spec(pki, shape, units, &certificate).sign(&pki.ca.key);
    let one = build(1).len();
    let unit = unit_len(pki, shape, &certificate);
    // Length octets grow with the content (at most 3 bytes at each of the
    // 8 levels around the units) and an ECDSA signature varies by a few
    // bytes: keep a margin, so that the encoder's own limit
    // (MAX_MESSAGE_LEN) is never crossed.
    const MARGIN: usize = 64;
    let mut units = (max_len.saturating_sub(one + MARGIN) / unit + 1).min(shape.max_units());
    loop {
        let der = build(units);
        if der.len() <= max_len {
            return der;
        }
        assert!(units > 1, "one unit of {shape:?} exceeds {max_len} bytes");
        units -= 1;
    }
}
