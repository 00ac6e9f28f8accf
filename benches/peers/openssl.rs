//! OpenSSL, through the `openssl` crate (the system's libcrypto), as a peer
//! of the benches: its parse, its verification path, and its raw signature
//! check, on the same bytes as ours.

use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::ocsp::{
    OcspBasicResponse, OcspCertId, OcspCertStatus, OcspFlag, OcspResponse, OcspResponseStatus,
};
use openssl::pkey::{PKey, Public};
use openssl::stack::Stack;
use openssl::x509::store::{X509Store, X509StoreBuilder};
use openssl::x509::verify::X509VerifyParam;
use openssl::x509::X509;

/// What OpenSSL must do before any field can be read: `d2i_OCSP_RESPONSE`,
/// then `OCSP_response_get1_basic`, which decodes the BasicOCSPResponse
/// (embedded certificates included).
pub fn parse(der: &[u8]) -> Option<OcspBasicResponse> {
    let response = OcspResponse::from_der(der).ok()?;
    if response.status() != OcspResponseStatus::SUCCESSFUL {
        return None;
    }
    response.basic().ok()
}

/// OpenSSL's verification of a response about `leaf`, issued by `issuer`,
/// the way an OpenSSL client does it (`openssl ocsp -verify_other` and
/// `OCSP_basic_verify`'s documentation):
///
/// 1. `d2i_OCSP_RESPONSE`, status, `OCSP_response_get1_basic`;
/// 2. `OCSP_basic_verify` with default flags: find the signer (embedded
///    certificates, then `certs`, which holds the issuer), check the
///    response signature, build and verify the signer's chain to the store
///    (whose only trust anchor is the issuer; verification time pinned to
///    `now`), and check that the signer is the issuer or a delegated
///    responder it issued with id-kp-OCSPSigning;
/// 3. `OCSP_cert_to_id` (SHA-1 CertID of the leaf), `OCSP_resp_find_status`,
///    `OCSP_check_validity` with 300 s of skew.
///
/// The leaf and issuer `X509` objects, the store and the stack are built
/// once, outside the timed call (what a long-lived OpenSSL client keeps);
/// our `Verifier::verify` parses both certificates on every call.
pub struct OpensslVerifier {
    store: X509Store,
    certs: Stack<X509>,
    leaf: X509,
    issuer: X509,
}

impl OpensslVerifier {
    /// From the DER certificates, verifying at `now` (Unix seconds; the
    /// responses' times must be around the wall clock, since
    /// `OCSP_check_validity` only knows the current time).
    pub fn new(leaf_der: &[u8], issuer_der: &[u8], now: i64) -> Result<Self, ErrorStack> {
        let leaf = X509::from_der(leaf_der)?;
        let issuer = X509::from_der(issuer_der)?;
        let mut param = X509VerifyParam::new()?;
        param.set_time(now);
        let mut builder = X509StoreBuilder::new()?;
        builder.add_cert(issuer.clone())?;
        builder.set_param(&param)?;
        let mut certs = Stack::new()?;
        certs.push(issuer.clone())?;
        Ok(OpensslVerifier {
            store: builder.build(),
            certs,
            leaf,
            issuer,
        })
    }

    /// Verifies `der` and returns the leaf's status.
    pub fn verify(&self, der: &[u8]) -> Result<OcspCertStatus, String> {
        let response = OcspResponse::from_der(der).map_err(|e| e.to_string())?;
        if response.status() != OcspResponseStatus::SUCCESSFUL {
            return Err(format!("response status {}", response.status().as_raw()));
        }
        let basic = response.basic().map_err(|e| e.to_string())?;
        basic
            .verify(&self.certs, &self.store, OcspFlag::empty())
            .map_err(|e| e.to_string())?;
        let id = OcspCertId::from_cert(MessageDigest::sha1(), &self.leaf, &self.issuer)
            .map_err(|e| e.to_string())?;
        let status = basic.find_status(&id).ok_or("no status for the leaf")?;
        status
            .check_validity(300, None)
            .map_err(|e| e.to_string())?;
        Ok(status.status)
    }
}

/// One raw signature check with OpenSSL's EVP interface, the key already
/// decoded (the primitive alone).
pub struct RawSignature {
    key: PKey<Public>,
    digest: MessageDigest,
    message: Vec<u8>,
    signature: Vec<u8>,
}

impl RawSignature {
    /// `spki_der`: the signer's SubjectPublicKeyInfo; `signature_algorithm`:
    /// the content octets of the signatureAlgorithm's OID (PKCS#1 v1.5 or
    /// ECDSA, with SHA-256, SHA-384 or SHA-512).
    pub fn new(
        spki_der: &[u8],
        signature_algorithm: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<Self, String> {
        Ok(RawSignature {
            key: PKey::public_key_from_der(spki_der).map_err(|e| e.to_string())?,
            digest: digest_of(signature_algorithm)?,
            message: message.to_vec(),
            signature: signature.to_vec(),
        })
    }

    /// Whether the signature verifies.
    pub fn verify(&self) -> bool {
        openssl::sign::Verifier::new(self.digest, &self.key)
            .and_then(|mut v| v.verify_oneshot(&self.signature, &self.message))
            .unwrap_or(false)
    }
}

/// The digest of a PKCS#1 v1.5 or ECDSA signature algorithm OID.
fn digest_of(oid: &[u8]) -> Result<MessageDigest, String> {
    const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01]; // 1.2.840.113549.1.1
    const ECDSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03]; // 1.2.840.10045.4.3
    match oid.split_at(oid.len().saturating_sub(1)) {
        (RSA, [11]) | (ECDSA, [2]) => Ok(MessageDigest::sha256()),
        (RSA, [12]) | (ECDSA, [3]) => Ok(MessageDigest::sha384()),
        (RSA, [13]) | (ECDSA, [4]) => Ok(MessageDigest::sha512()),
        _ => Err(format!("unsupported signature algorithm {oid:02x?}")),
    }
}
