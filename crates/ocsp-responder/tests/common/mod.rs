//! Helpers shared by the responder's integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use ocsp_request::{HashAlgorithm, Nonce, PreparedIssuer, RequestBuilder};
use ocsp_testkit::Pki;
use ocsp_types::CertId;

/// The SHA-1 CertID of the testkit leaf.
pub fn leaf_cert_id(pki: &Pki) -> CertId {
    PreparedIssuer::from_certificate(&pki.ca.cert)
        .unwrap()
        .cert_id(Pki::LEAF_SERIAL, HashAlgorithm::Sha1)
        .unwrap()
}

/// The DER request for the testkit leaf (a SHA-1 CertID), with `nonce` when
/// given.
pub fn leaf_request(pki: &Pki, nonce: Option<&[u8]>) -> Vec<u8> {
    let mut b = RequestBuilder::new();
    b.cert_id(leaf_cert_id(pki));
    if let Some(n) = nonce {
        b.nonce(Nonce::new(n).unwrap());
    }
    b.build().unwrap().to_der().unwrap()
}
