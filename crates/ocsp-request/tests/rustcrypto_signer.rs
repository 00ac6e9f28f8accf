//! The RustCrypto request signer: each key type signs a request whose
//! signature verifies over the exact `tbsRequest` bytes, under the advertised
//! algorithm, and OpenSSL reads the signed request.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use ocsp_request::{
    cert_id_for_serial, HashAlgorithm, RequestBuilder, RequestSigner, RustCryptoSigner,
    SignatureHash,
};
use ocsp_testkit::support::{openssl, openssl_available, TempDir};
use ocsp_types::OcspRequestRef;
use p256::pkcs8::DecodePrivateKey as _;
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use signature::Verifier as _;

const RSA: &[u8] = include_bytes!("../../ocsp-testkit/keys/responder-rsa.pk8");
const P256: &[u8] = include_bytes!("../../ocsp-testkit/keys/responder-p256.pk8");
const P384: &[u8] = include_bytes!("../../ocsp-testkit/keys/responder-p384.pk8");
/// Made with `openssl genpkey -algorithm ed25519 -outform DER`.
const ED25519: &[u8] = include_bytes!("data/ed25519.pk8");
const CERT: &[u8] = include_bytes!("data/test-ca.der");
const NAME: &[u8] = include_bytes!("data/wikipedia-issuer-name.der");
const SPKI: &[u8] = include_bytes!("data/wikipedia-issuer-spki.der");

fn signed_request(signer: &RustCryptoSigner) -> Vec<u8> {
    let id = cert_id_for_serial(&[0x10, 0xe6], NAME, SPKI, HashAlgorithm::Sha1).unwrap();
    RequestBuilder::new()
        .cert_id(id)
        .build_signed(signer, &[CERT.to_vec()])
        .unwrap()
        .to_der()
        .unwrap()
}

/// (tbsRequest, signature algorithm OID, signature)
fn parts(der: &[u8]) -> (Vec<u8>, String, Vec<u8>) {
    let view = OcspRequestRef::parse(der).unwrap();
    let sig = view.signature().expect("signed");
    assert_eq!(sig.certs().len(), 1);
    (
        view.tbs_request().as_der().to_vec(),
        sig.algorithm().oid().to_string(),
        sig.signature().to_vec(),
    )
}

#[test]
fn rsa_pkcs1_signatures_verify() {
    let key = rsa::PrivateKey::from_pkcs8_der(RSA).unwrap();
    let public = key.to_public_key();
    for (hash, oid) in [
        (SignatureHash::Sha256, "1.2.840.113549.1.1.11"),
        (SignatureHash::Sha384, "1.2.840.113549.1.1.12"),
        (SignatureHash::Sha512, "1.2.840.113549.1.1.13"),
    ] {
        let signer = RustCryptoSigner::from_pkcs8_der(RSA)
            .unwrap()
            .with_hash(hash)
            .unwrap();
        let (tbs, alg, sig) = parts(&signed_request(&signer));
        assert_eq!(alg, oid);
        assert_eq!(signer.algorithm().parameters, Some(vec![0x05, 0x00]));
        let (padding, digest) = match hash {
            SignatureHash::Sha256 => (
                rsa::Pkcs1v15Sign::new::<Sha256>(),
                Sha256::digest(&tbs).to_vec(),
            ),
            SignatureHash::Sha384 => (
                rsa::Pkcs1v15Sign::new::<Sha384>(),
                Sha384::digest(&tbs).to_vec(),
            ),
            _ => (
                rsa::Pkcs1v15Sign::new::<Sha512>(),
                Sha512::digest(&tbs).to_vec(),
            ),
        };
        public
            .verify(padding, &digest, &sig)
            .expect("RSA signature verifies");
    }
}

#[test]
fn ecdsa_signatures_verify() {
    let p256_key = p256::ecdsa::SigningKey::from_pkcs8_der(P256).unwrap();
    let signer = RustCryptoSigner::from_pkcs8_der(P256).unwrap();
    let (tbs, alg, sig) = parts(&signed_request(&signer));
    assert_eq!(alg, "1.2.840.10045.4.3.2");
    assert_eq!(signer.algorithm().parameters, None);
    let sig = p256::ecdsa::Signature::from_der(&sig).unwrap();
    p256_key
        .verifying_key()
        .verify(&tbs, &sig)
        .expect("P-256 signature verifies");

    let p384_key = p384::ecdsa::SigningKey::from_pkcs8_der(P384).unwrap();
    let signer = RustCryptoSigner::from_pkcs8_der(P384).unwrap();
    let (tbs, alg, sig) = parts(&signed_request(&signer));
    assert_eq!(alg, "1.2.840.10045.4.3.3");
    let sig = p384::ecdsa::Signature::from_der(&sig).unwrap();
    p384_key
        .verifying_key()
        .verify(&tbs, &sig)
        .expect("P-384 signature verifies");
}

#[test]
fn ed25519_signatures_verify() {
    let key = ed25519_dalek::SigningKey::from_pkcs8_der(ED25519).unwrap();
    let signer = RustCryptoSigner::from_pkcs8_der(ED25519).unwrap();
    let (tbs, alg, sig) = parts(&signed_request(&signer));
    assert_eq!(alg, "1.3.101.112");
    // RFC 8410 3: absent parameters.
    assert_eq!(signer.algorithm().parameters, None);
    let sig = ed25519_dalek::Signature::from_slice(&sig).unwrap();
    key.verifying_key()
        .verify(&tbs, &sig)
        .expect("Ed25519 signature verifies");
    assert!(signer.with_hash(SignatureHash::Sha256).is_err());
}

#[test]
fn deterministic_signatures() {
    for key in [RSA, P256, P384, ED25519] {
        let signer = RustCryptoSigner::from_pkcs8_der(key).unwrap();
        assert_eq!(signed_request(&signer), signed_request(&signer));
    }
}

#[test]
fn refusals() {
    assert!(RustCryptoSigner::from_pkcs8_der(&[0x30, 0x00]).is_err());
    assert!(RustCryptoSigner::from_pkcs8_der(CERT).is_err());
    let p256 = RustCryptoSigner::from_pkcs8_der(P256).unwrap();
    assert!(p256.with_hash(SignatureHash::Sha512).is_err());
    // The key never shows in Debug output.
    let shown = format!("{:?}", RustCryptoSigner::from_pkcs8_der(RSA).unwrap());
    assert_eq!(shown, "RustCryptoSigner { key: \"RSA\", hash: Sha256 }");
}

#[test]
fn openssl_reads_signed_requests() {
    if !openssl_available("openssl_reads_signed_requests") {
        return;
    }
    let dir = TempDir::new("ocsp-signer");
    for key in [RSA, P256, P384, ED25519] {
        let der = signed_request(&RustCryptoSigner::from_pkcs8_der(key).unwrap());
        dir.write("req.der", &der);
        let out = openssl(dir.path(), &["ocsp", "-req_text", "-reqin", "req.der"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Signature Algorithm"), "{text}");
    }
}
