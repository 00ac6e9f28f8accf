//! OCSP responses signed through `ocsp-responder` (its
//! [`sign_response_data`](ocsp_responder::sign_response_data), with a
//! [`KeySigner`] over the testkit's keys), with a knob per fault applied on
//! top.

use ocsp_types::{
    AlgorithmIdentifier, BasicOcspResponse, CertId, CertStatus, Extension, OcspResponse,
    ResponderId, ResponseData, SingleResponse, Time,
};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use std::borrow::Borrow;

use ocsp_responder::{ResponseSigner, SignerError};

use crate::keys::{Key, SigAlg};

/// An [`ocsp_responder::ResponseSigner`] over a testkit key (`&Key` or an
/// owned `Key`): every [`SigAlg`] the testkit knows, RSA-PSS and SHA-1
/// included (which `RustCryptoSigner` does not sign). Panics (tests only)
/// when `alg` does not fit `key`.
#[derive(Debug, Clone)]
pub struct KeySigner<K = Key> {
    /// The key.
    pub key: K,
    /// The algorithm (its AlgorithmIdentifier goes in the response).
    pub alg: SigAlg,
}

impl<K: Borrow<Key>> ResponseSigner for KeySigner<K> {
    fn algorithm(&self) -> AlgorithmIdentifier {
        self.alg.algorithm_identifier()
    }

    fn sign(&self, tbs_response_data_der: &[u8]) -> Result<Vec<u8>, SignerError> {
        Ok(self.key.borrow().sign(self.alg, tbs_response_data_der))
    }
}

/// The hash of a CertID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlg {
    /// Hashes.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha1 => Sha1::digest(data).to_vec(),
            HashAlg::Sha256 => Sha256::digest(data).to_vec(),
            HashAlg::Sha384 => Sha384::digest(data).to_vec(),
            HashAlg::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// The AlgorithmIdentifier (NULL parameters).
    pub fn algorithm_identifier(self) -> AlgorithmIdentifier {
        AlgorithmIdentifier::with_null_parameters(match self {
            HashAlg::Sha1 => ocsp_types::oid::SHA1,
            HashAlg::Sha256 => ocsp_types::oid::SHA256,
            HashAlg::Sha384 => ocsp_types::oid::SHA384,
            HashAlg::Sha512 => ocsp_types::oid::SHA512,
        })
    }
}

/// A CertID for `serial` (magnitude) issued by the holder of `issuer_name` and `issuer_key`.
pub fn cert_id(hash: HashAlg, issuer_name: &[u8], issuer_key: &Key, serial: &[u8]) -> CertId {
    CertId {
        hash_algorithm: hash.algorithm_identifier(),
        issuer_name_hash: hash.digest(issuer_name),
        issuer_key_hash: hash.digest(&issuer_key.public_key_bits()),
        serial_number: ocsp_types::serial_from_unsigned(serial),
    }
}

/// byKey ResponderID of `key`.
pub fn by_key(key: &Key) -> ResponderId {
    ResponderId::ByKey(Sha1::digest(key.public_key_bits()).to_vec())
}

/// A single response.
pub fn single(
    cert_id: CertId,
    status: CertStatus,
    this_update: Time,
    next_update: Option<Time>,
) -> SingleResponse {
    SingleResponse {
        cert_id,
        cert_status: status,
        this_update,
        next_update,
        extensions: Vec::new(),
        empty_extensions_encoded: false,
    }
}

/// Everything in a response, every field a knob.
#[derive(Debug, Clone)]
pub struct ResponseSpec {
    /// `responderID`.
    pub responder_id: ResponderId,
    /// `producedAt`.
    pub produced_at: Time,
    /// `responses`.
    pub singles: Vec<SingleResponse>,
    /// `responseExtensions`.
    pub extensions: Vec<Extension>,
    /// How to sign.
    pub sig_alg: SigAlg,
    /// Put this `signatureAlgorithm` in the response instead of `sig_alg`'s
    /// (the signature is still made with `sig_alg`).
    pub signature_algorithm_override: Option<AlgorithmIdentifier>,
    /// `certs` (`None` leaves the field out).
    pub certs: Option<Vec<Vec<u8>>>,
    /// Flip a bit of the signature.
    pub corrupt_signature: bool,
}

impl ResponseSpec {
    /// Signs with `key` and encodes the `OCSPResponse`.
    pub fn sign(&self, key: &Key) -> Vec<u8> {
        self.sign_edited(key, |_| {})
    }

    /// Like [`ResponseSpec::sign`], after `edit` has changed the
    /// `tbsResponseData` (e.g. `version_encoded`, `empty_extensions_encoded`).
    pub fn sign_edited(&self, key: &Key, edit: impl FnOnce(&mut ResponseData)) -> Vec<u8> {
        let mut tbs = self.tbs();
        edit(&mut tbs);
        let signer = KeySigner {
            key,
            alg: self.sig_alg,
        };
        let basic = ocsp_responder::sign_response_data(tbs, &signer, self.certs.clone())
            .expect("tbsResponseData");
        self.finish(basic)
    }

    /// The DER `tbsResponseData` that [`ResponseSpec::sign`] signs, for a
    /// signature made elsewhere (another implementation's signer).
    pub fn tbs_der(&self) -> Vec<u8> {
        self.tbs().to_der().expect("tbsResponseData")
    }

    fn tbs(&self) -> ResponseData {
        ResponseData {
            version_encoded: false,
            responder_id: self.responder_id.clone(),
            produced_at: self.produced_at,
            responses: self.singles.clone(),
            extensions: self.extensions.clone(),
            empty_extensions_encoded: false,
        }
    }

    /// Encodes the `OCSPResponse` with `signature` over [`ResponseSpec::tbs_der`]
    /// (still flipped when `corrupt_signature` is set).
    pub fn with_signature(&self, signature: Vec<u8>) -> Vec<u8> {
        self.finish(BasicOcspResponse {
            tbs_response_data: self.tbs(),
            signature_algorithm: self.sig_alg.algorithm_identifier(),
            signature,
            certs: self.certs.clone(),
        })
    }

    /// Applies the knobs (`signature_algorithm_override`,
    /// `corrupt_signature`) to a signed response and encodes it.
    fn finish(&self, mut basic: BasicOcspResponse) -> Vec<u8> {
        if self.corrupt_signature {
            if let Some(b) = basic.signature.get_mut(10) {
                *b ^= 0x01;
            }
        }
        if let Some(alg) = &self.signature_algorithm_override {
            basic.signature_algorithm = alg.clone();
        }
        OcspResponse::successful(basic).to_der().expect("response")
    }
}
