//! The request builder: nonce, extensions, requestorName, signing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::RefCell;

use ocsp_request::{
    cert_id_for_certificate, HashAlgorithm, Nonce, RequestBuilder, RequestSigner, SignerError,
    DEFAULT_NONCE_LEN,
};
use ocsp_types::{
    oid, AlgorithmIdentifier, Extension, GeneralName, ObjectIdentifier, OcspRequest,
    OcspRequestRef, Request,
};
use sha2::{Digest, Sha256};

const CA: &[u8] = include_bytes!("data/test-ca.der");
const LEAF: &[u8] = include_bytes!("data/leaf-aia-ocsp.der");
const OTHER_LEAF: &[u8] = include_bytes!("data/leaf-aia-ca-issuers-only.der");

fn ids() -> (ocsp_types::CertId, ocsp_types::CertId) {
    (
        cert_id_for_certificate(LEAF, CA, HashAlgorithm::Sha1).unwrap(),
        cert_id_for_certificate(OTHER_LEAF, CA, HashAlgorithm::Sha256).unwrap(),
    )
}

#[test]
fn random_nonce_default_length() {
    assert_eq!(DEFAULT_NONCE_LEN, 32);
    let mut seen = 0;
    let nonce = Nonce::random(DEFAULT_NONCE_LEN, |buf| {
        seen = buf.len();
        for (i, b) in buf.iter_mut().enumerate() {
            *b = i as u8;
        }
    })
    .unwrap();
    assert_eq!(seen, 32);
    assert_eq!(nonce.as_bytes(), (0..32).collect::<Vec<u8>>());
}

#[test]
fn extensions_and_requestor_name() {
    let (a, b) = ids();
    let sha256_rsa = AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap(
        "1.2.840.113549.1.1.11",
    ));
    let name = GeneralName::directory_name(&[0x30, 0x00]);
    let request = RequestBuilder::new()
        .cert_id(a.clone())
        .request(Request {
            empty_extensions_encoded: false,
            cert_id: b.clone(),
            extensions: vec![Extension::extended_revoke()],
        })
        .extension(Extension::preferred_signature_algorithms(&[sha256_rsa]))
        .extension(Extension::acceptable_responses(&[oid::OCSP_BASIC]))
        .nonce(Nonce::new(&[9; 12]).unwrap())
        .requestor_name(name.clone())
        .build()
        .unwrap();
    let der = request.to_der().unwrap();
    assert_eq!(OcspRequest::from_der(&der).unwrap(), request);

    let parsed = OcspRequestRef::parse(&der).unwrap();
    let tbs = parsed.tbs_request();
    assert!(parsed.signature().is_none());
    assert_eq!(tbs.requestor_name().unwrap().as_der(), name.0);
    let oids: Vec<String> = tbs
        .extensions()
        .iter()
        .map(|e| e.oid().to_string())
        .collect();
    assert_eq!(
        oids,
        [
            oid::OCSP_NONCE.to_string(),
            oid::OCSP_PREF_SIG_ALGS.to_string(),
            oid::OCSP_RESPONSE.to_string()
        ]
    );
    assert_eq!(tbs.extensions().nonce(), Some(&[9u8; 12][..]));
    let requests: Vec<_> = tbs.requests().iter().collect();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].cert_id().to_owned().unwrap(), a);
    assert!(requests[0].extensions().is_empty());
    assert_eq!(requests[1].cert_id().to_owned().unwrap(), b);
    assert_eq!(requests[1].extensions().len(), 1);
}

#[test]
fn nonce_is_replaced_not_duplicated() {
    let (a, _) = ids();
    let mut builder = RequestBuilder::new();
    builder
        .cert_id(a)
        .nonce(Nonce::new(&[1]).unwrap())
        .nonce(Nonce::new(&[2, 2]).unwrap());
    let der = builder.build().unwrap().to_der().unwrap();
    let parsed = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(parsed.tbs_request().extensions().len(), 1);
    assert_eq!(
        parsed.tbs_request().extensions().nonce(),
        Some(&[2u8, 2][..])
    );
}

/// A deterministic signer that records what it signed: the "signature" is
/// SHA-256 of the input.
struct RecordingSigner {
    signed: RefCell<Vec<Vec<u8>>>,
}

impl RequestSigner for RecordingSigner {
    fn algorithm(&self) -> AlgorithmIdentifier {
        AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"))
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        self.signed.borrow_mut().push(tbs.to_vec());
        Ok(Sha256::digest(tbs).to_vec())
    }
}

#[test]
fn signed_request_covers_the_exact_tbs() {
    let (a, b) = ids();
    let signer = RecordingSigner {
        signed: RefCell::new(Vec::new()),
    };
    let mut builder = RequestBuilder::new();
    builder
        .cert_id(a)
        .cert_id(b)
        .nonce(Nonce::new(&[5; 32]).unwrap());
    let request = builder
        .build_signed(&signer, &[LEAF.to_vec(), CA.to_vec()])
        .unwrap();
    let der = request.to_der().unwrap();
    let parsed = OcspRequestRef::parse(&der).unwrap();

    let signed = signer.signed.borrow();
    assert_eq!(signed.len(), 1);
    assert_eq!(parsed.tbs_request().as_der(), signed[0]);
    let sig = parsed.signature().unwrap();
    assert_eq!(sig.signature(), Sha256::digest(&signed[0]).as_slice());
    assert_eq!(sig.algorithm().oid().to_string(), "1.2.840.10045.4.3.2");
    assert!(sig.algorithm().parameters().is_none());
    let certs: Vec<&[u8]> = sig.certs().iter().collect();
    assert_eq!(certs, [LEAF, CA]);

    // requestorName: the directoryName of the signer's subject.
    let name = parsed.tbs_request().requestor_name().unwrap();
    assert_eq!(name.choice(), 4);
    let subject_cn = b"aia.example";
    assert!(name
        .directory_name()
        .unwrap()
        .as_der()
        .windows(subject_cn.len())
        .any(|w| w == subject_cn));
}

#[test]
fn signed_request_keeps_explicit_requestor_name_and_no_certs() {
    let (a, _) = ids();
    let signer = RecordingSigner {
        signed: RefCell::new(Vec::new()),
    };
    let name = GeneralName(b"\x82\x0bexample.com".to_vec());
    let mut builder = RequestBuilder::new();
    builder.cert_id(a).requestor_name(name.clone());
    let with_certs = builder.build_signed(&signer, &[LEAF.to_vec()]).unwrap();
    assert_eq!(with_certs.tbs_request.requestor_name, Some(name.clone()));
    let without = builder.build_signed(&signer, &[]).unwrap();
    assert_eq!(without.tbs_request.requestor_name, Some(name));
    let der = without.to_der().unwrap();
    let parsed = OcspRequestRef::parse(&der).unwrap();
    assert!(parsed.signature().unwrap().certs().is_empty());
}
