//! Byte-for-byte interoperability with `openssl ocsp` (OpenSSL 3.x).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{have_openssl, hex, openssl, skip};
use ocsp_request::{
    cert_id_for_certificate, responder_urls, CertIdMatcher, HashAlgorithm, Nonce, RequestBuilder,
    RequestSigner, SignerError,
};
use ocsp_testkit::openssl_pki::{KeyKind, OpensslChain as Pki};
use ocsp_types::{AlgorithmIdentifier, CertId, ObjectIdentifier, OcspRequest, OcspRequestRef};

/// The openssl-built PKI of `kind`, or `None` after a loud skip of `test`
/// when the openssl binary is not installed.
fn pki(test: &str, kind: KeyKind) -> Option<Pki> {
    if !have_openssl() {
        skip(test, "the openssl binary is not installed");
        return None;
    }
    Some(Pki::new(kind))
}

/// The CertID of `cert` issued by `issuer` (names in the PKI).
fn cert_id(pki: &Pki, cert: &str, issuer: &str, alg: HashAlgorithm) -> CertId {
    cert_id_for_certificate(&pki.der(cert), &pki.der(issuer), alg).unwrap()
}

/// `openssl ocsp -req_text` of the request file `name` in the PKI directory.
fn req_text(pki: &Pki, name: &str) -> String {
    String::from_utf8(openssl(&pki.dir, &["ocsp", "-reqin", name, "-req_text"]).stdout).unwrap()
}

fn unsigned_request(pki: &Pki, pairs: &[(&str, &str)], alg: HashAlgorithm) -> Vec<u8> {
    let mut builder = RequestBuilder::new();
    for (cert, issuer) in pairs {
        builder.cert_id(cert_id(pki, cert, issuer, alg));
    }
    builder.build().unwrap().to_der().unwrap()
}

fn openssl_args(pairs: &[(&str, &str)], alg: HashAlgorithm) -> Vec<String> {
    let mut args = Vec::new();
    let digest = format!("-{}", alg.name());
    for (cert, issuer) in pairs {
        args.extend(["-issuer".into(), format!("{issuer}.pem")]);
        args.push(digest.clone());
        args.extend(["-cert".into(), format!("{cert}.pem")]);
    }
    args
}

fn check_byte_equality(kind: KeyKind) {
    let Some(pki) = pki("openssl byte equality", kind) else {
        return;
    };
    let cases: [&[(&str, &str)]; 4] = [
        &[("leaf1", "int")],
        &[("leaf2", "int")],
        &[("leaf1", "int"), ("leaf2", "int")],
        // A leaf and its intermediate in one request.
        &[("leaf1", "int"), ("int", "root")],
    ];
    for pairs in cases {
        for alg in HashAlgorithm::ALL {
            let ours = unsigned_request(&pki, pairs, alg);
            let mut args = openssl_args(pairs, alg);
            args.push("-no_nonce".into());
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let theirs = pki.openssl_request(&args, "openssl.der");
            assert_eq!(
                hex(&ours),
                hex(&theirs),
                "{kind:?} {pairs:?} {alg}: our request differs from openssl's"
            );
            eprintln!(
                "{kind:?} {pairs:?} {alg}: byte-identical to openssl ({} bytes)",
                ours.len()
            );
        }
    }
}

#[test]
fn byte_equal_to_openssl_rsa() {
    check_byte_equality(KeyKind::Rsa);
}

#[test]
fn byte_equal_to_openssl_ec() {
    check_byte_equality(KeyKind::P256);
}

#[test]
fn openssl_reads_ours_with_nonce() {
    let Some(pki) = pki("openssl reads ours", KeyKind::P256) else {
        return;
    };
    let nonce = Nonce::new(&(1..=32).collect::<Vec<u8>>()).unwrap();
    let mut builder = RequestBuilder::new();
    builder
        .cert_id(cert_id(&pki, "leaf1", "int", HashAlgorithm::Sha256))
        .cert_id(cert_id(&pki, "int", "root", HashAlgorithm::Sha1))
        .nonce(nonce.clone());
    let der = builder.build().unwrap().to_der().unwrap();
    std::fs::write(pki.dir.join("ours.der"), &der).unwrap();
    let text = req_text(&pki, "ours.der");
    assert!(text.contains("OCSP Nonce"), "{text}");
    // OpenSSL prints the extnValue: the OCTET STRING around the nonce.
    let expected = format!("0420{}", hex(nonce.as_bytes())).to_uppercase();
    assert!(text.contains(&expected), "nonce {expected} not in:\n{text}");
    assert!(text.contains("Hash Algorithm: sha256"), "{text}");
    assert!(text.contains("Hash Algorithm: sha1"), "{text}");
    assert!(
        text.contains("Serial Number: 0102030405060708090A"),
        "{text}"
    );
}

#[test]
fn we_read_openssls_with_nonce() {
    let Some(pki) = pki("we read openssl's", KeyKind::Rsa) else {
        return;
    };
    for (nonce_args, nonce_len) in [(vec![], 16usize), (vec!["-nonce"], 16)] {
        let mut args = vec![
            "-issuer",
            "int.pem",
            "-cert",
            "leaf1.pem",
            "-cert",
            "leaf2.pem",
        ];
        args.extend(nonce_args);
        let der = pki.openssl_request(&args, "with-nonce.der");
        let text = req_text(&pki, "with-nonce.der");

        let parsed = OcspRequestRef::parse(&der).unwrap();
        let nonce = parsed.tbs_request().extensions().nonce().expect("nonce");
        assert_eq!(nonce.len(), nonce_len);
        assert!(text.to_uppercase().contains(&hex(nonce).to_uppercase()));

        // Each CertID matches its certificate, and not the other one.
        let m1 = CertIdMatcher::from_certificates(&pki.der("leaf1"), &pki.der("int")).unwrap();
        let m2 = CertIdMatcher::from_certificates(&pki.der("leaf2"), &pki.der("int")).unwrap();
        let ids: Vec<_> = parsed
            .tbs_request()
            .requests()
            .iter()
            .map(|r| r.cert_id())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(m1.matches(&ids[0]).unwrap() && !m1.matches(&ids[1]).unwrap());
        assert!(m2.matches(&ids[1]).unwrap() && !m2.matches(&ids[0]).unwrap());

        // And the owned form re-encodes to the same bytes.
        assert_eq!(OcspRequest::from_der(&der).unwrap().to_der().unwrap(), der);
    }
}

#[test]
fn responder_urls_from_openssl_certificates() {
    let Some(pki) = pki("responder URLs", KeyKind::P256) else {
        return;
    };
    assert_eq!(
        responder_urls(&pki.der("leaf1")).unwrap(),
        ["http://ocsp.example.com/", "http://ocsp2.example.com/ocsp"]
    );
    assert_eq!(
        ocsp_request::responder_url(&pki.der("int")).unwrap(),
        "http://root-ocsp.example.com/"
    );
    assert_eq!(
        responder_urls(&pki.der("noaia")),
        Err(ocsp_request::Error::NoAuthorityInfoAccess)
    );
    assert_eq!(
        responder_urls(&pki.der("root")),
        Err(ocsp_request::Error::NoAuthorityInfoAccess)
    );
}

/// Signs with `openssl dgst -sha256 -sign KEY` (PKCS#1 v1.5 for RSA, DER
/// ECDSA-Sig-Value for EC).
struct OpenSslSigner<'a> {
    pki: &'a Pki,
    key: &'a str,
    algorithm: AlgorithmIdentifier,
}

impl RequestSigner for OpenSslSigner<'_> {
    fn algorithm(&self) -> AlgorithmIdentifier {
        self.algorithm.clone()
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        std::fs::write(self.pki.dir.join("tbs.der"), tbs)
            .map_err(|e| SignerError::new(e.to_string()))?;
        openssl(
            &self.pki.dir,
            &[
                "dgst", "-sha256", "-sign", self.key, "-out", "sig.bin", "tbs.der",
            ],
        );
        std::fs::read(self.pki.dir.join("sig.bin")).map_err(|e| SignerError::new(e.to_string()))
    }
}

fn check_signed(kind: KeyKind, algorithm: AlgorithmIdentifier, alg_text: &str) {
    let Some(pki) = pki("signed requests", kind) else {
        return;
    };
    let signer = OpenSslSigner {
        pki: &pki,
        key: "leaf1.key",
        algorithm,
    };
    let mut builder = RequestBuilder::new();
    builder
        .cert_id(cert_id(&pki, "leaf2", "int", HashAlgorithm::Sha1))
        .nonce(Nonce::new(&[0xab; 20]).unwrap());
    let request = builder
        .build_signed(&signer, &[pki.der("leaf1"), pki.der("int")])
        .unwrap();
    let der = request.to_der().unwrap();
    std::fs::write(pki.dir.join("signed.der"), &der).unwrap();

    // OpenSSL reads it.
    let text = req_text(&pki, "signed.der");
    assert!(text.contains(alg_text), "{text}");
    assert!(
        text.contains("Requestor Name: DirName:CN = leaf1.example"),
        "{text}"
    );
    assert!(
        text.contains("Subject: C=XX, O=ocsp-rs tests, CN=Test Intermediate"),
        "{text}"
    );

    // The signature covers the exact tbsRequest sent, and verifies.
    let parsed = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(
        parsed.tbs_request().as_der(),
        std::fs::read(pki.dir.join("tbs.der")).unwrap()
    );
    let sig = parsed.signature().expect("signed");
    assert_eq!(sig.certs().iter().count(), 2);
    std::fs::write(pki.dir.join("sent-sig.bin"), sig.signature()).unwrap();
    std::fs::write(pki.dir.join("sent-tbs.der"), parsed.tbs_request().as_der()).unwrap();
    openssl(
        &pki.dir,
        &[
            "x509",
            "-in",
            "leaf1.pem",
            "-pubkey",
            "-noout",
            "-out",
            "leaf1.pub",
        ],
    );
    let verify = openssl(
        &pki.dir,
        &[
            "dgst",
            "-sha256",
            "-verify",
            "leaf1.pub",
            "-signature",
            "sent-sig.bin",
            "sent-tbs.der",
        ],
    );
    assert!(String::from_utf8_lossy(&verify.stdout).contains("Verified OK"));
}

#[test]
fn signed_request_rsa() {
    check_signed(
        KeyKind::Rsa,
        AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap(
            "1.2.840.113549.1.1.11",
        )),
        "sha256WithRSAEncryption",
    );
}

#[test]
fn signed_request_ecdsa() {
    check_signed(
        KeyKind::P256,
        AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap(
            "1.2.840.10045.4.3.2",
        )),
        "ecdsa-with-SHA256",
    );
}

#[test]
fn issuer_mismatch_is_refused() {
    let Some(pki) = pki("issuer mismatch", KeyKind::P256) else {
        return;
    };
    assert_eq!(
        cert_id_for_certificate(&pki.der("leaf1"), &pki.der("root"), HashAlgorithm::Sha1),
        Err(ocsp_request::Error::IssuerMismatch)
    );
}
