//! A [`RequestSigner`] for keys held in memory, on RustCrypto (feature
//! `rustcrypto-signer`).
//!
//! RSA signs with PKCS#1 v1.5, ECDSA with RFC 6979 deterministic nonces and
//! Ed25519 (RFC 8032, PureEdDSA) deterministically, so no random source is
//! needed (and the signer works under `no_std`). With the `ml-dsa` feature
//! it also takes ML-DSA-44/65/87 keys (RFC 9881 PKCS#8: seed, expanded key
//! or both) and signs with pure ML-DSA, empty context, in FIPS 204's
//! deterministic variant.
//!
//! Side channels: the `rsa` crate's private-key arithmetic has had timing
//! findings (RUSTSEC-2023-0071). Request signing is rare and usually offline
//! of attacker timing, but a service that signs on demand for remote parties
//! should prefer ECDSA keys, or an HSM behind its own [`RequestSigner`].

use alloc::boxed::Box;
use alloc::vec::Vec;

use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
use p256::pkcs8::DecodePrivateKey as _;
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey};
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashSigner;

use crate::signing::{RequestSigner, SignerError};

/// The hash of the signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureHash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512 (RSA only).
    Sha512,
}

#[derive(Clone)]
enum Key {
    Rsa(Box<RsaPrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    #[cfg(feature = "ml-dsa")]
    MlDsa(crate::ml_dsa_key::MlDsaKey),
}

/// Signs requests with an RSA (PKCS#1 v1.5), P-256 or P-384 (ECDSA) or
/// Ed25519 key.
///
/// ```
/// use ocsp_request::{RequestSigner, RustCryptoSigner};
/// # let pkcs8 = include_bytes!("../tests/data/responder-p256.pk8");
/// let signer = RustCryptoSigner::from_pkcs8_der(pkcs8)?;
/// assert_eq!(signer.algorithm().oid.to_string(), "1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
/// # Ok::<(), ocsp_request::SignerError>(())
/// ```
#[derive(Clone)]
pub struct RustCryptoSigner {
    key: Key,
    hash: SignatureHash,
}

impl core::fmt::Debug for RustCryptoSigner {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kind = match &self.key {
            Key::Rsa(_) => "RSA",
            Key::P256(_) => "P-256",
            Key::P384(_) => "P-384",
            Key::Ed25519(_) => "Ed25519",
            #[cfg(feature = "ml-dsa")]
            Key::MlDsa(k) => k.name(),
        };
        // Never the key material.
        f.debug_struct("RustCryptoSigner")
            .field("key", &kind)
            .field("hash", &self.hash)
            .finish()
    }
}

impl RustCryptoSigner {
    /// A signer for a PKCS#8 DER private key (RSA, P-256, P-384 or
    /// Ed25519), with the usual hash: SHA-256 for RSA and P-256, SHA-384 for
    /// P-384 (Ed25519 has its own, SHA-512 inside the algorithm; the hash
    /// setting is then not used). With the `ml-dsa` feature, also
    /// ML-DSA-44/65/87 keys in any RFC 9881 form (the hash then plays no
    /// part).
    ///
    /// # Errors
    ///
    /// When the key is none of those, or does not decode (or, for ML-DSA,
    /// its seed, expanded key and public key disagree).
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, SignerError> {
        #[cfg(feature = "ml-dsa")]
        if let Some(key) = crate::ml_dsa_key::MlDsaKey::from_pkcs8_der(der) {
            return Ok(RustCryptoSigner {
                key: Key::MlDsa(key?),
                hash: SignatureHash::Sha256,
            });
        }
        let (key, hash) = if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(der) {
            (Key::P256(k), SignatureHash::Sha256)
        } else if let Ok(k) = p384::ecdsa::SigningKey::from_pkcs8_der(der) {
            (Key::P384(k), SignatureHash::Sha384)
        } else if let Ok(k) = RsaPrivateKey::from_pkcs8_der(der) {
            (Key::Rsa(Box::new(k)), SignatureHash::Sha256)
        } else if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_der(der) {
            (Key::Ed25519(Box::new(k)), SignatureHash::Sha512)
        } else {
            return Err(SignerError::new(
                "not a PKCS#8 RSA, P-256, P-384 or Ed25519 private key",
            ));
        };
        Ok(RustCryptoSigner { key, hash })
    }

    /// The same key with another signature hash.
    ///
    /// # Errors
    ///
    /// SHA-512 with an ECDSA key (no such identifier is in common use); any
    /// hash with an Ed25519 key (which has its own) or an ML-DSA key (pure
    /// ML-DSA hashes internally).
    pub fn with_hash(self, hash: SignatureHash) -> Result<Self, SignerError> {
        if matches!(self.key, Key::Ed25519(_)) {
            return Err(SignerError::new("Ed25519 signing has no hash choice"));
        }
        #[cfg(feature = "ml-dsa")]
        if matches!(self.key, Key::MlDsa(_)) {
            return Err(SignerError::new("ML-DSA signs without a separate hash"));
        }
        if hash == SignatureHash::Sha512 && !matches!(self.key, Key::Rsa(_)) {
            return Err(SignerError::new(
                "ECDSA signing is offered with SHA-256 and SHA-384",
            ));
        }
        Ok(RustCryptoSigner { hash, ..self })
    }
}

fn digest(hash: SignatureHash, message: &[u8]) -> Vec<u8> {
    match hash {
        SignatureHash::Sha256 => Sha256::digest(message).to_vec(),
        SignatureHash::Sha384 => Sha384::digest(message).to_vec(),
        SignatureHash::Sha512 => Sha512::digest(message).to_vec(),
    }
}

impl RequestSigner for RustCryptoSigner {
    fn algorithm(&self) -> AlgorithmIdentifier {
        match (&self.key, self.hash) {
            (Key::Rsa(_), SignatureHash::Sha256) => rsa_id(SHA256_WITH_RSA),
            (Key::Rsa(_), SignatureHash::Sha384) => rsa_id(SHA384_WITH_RSA),
            (Key::Rsa(_), SignatureHash::Sha512) => rsa_id(SHA512_WITH_RSA),
            // RFC 8410 3: the parameters are absent.
            (Key::Ed25519(_), _) => AlgorithmIdentifier::without_parameters(ED25519),
            #[cfg(feature = "ml-dsa")]
            (Key::MlDsa(k), _) => AlgorithmIdentifier::without_parameters(k.oid()),
            (_, SignatureHash::Sha384) => ecdsa_id(ECDSA_WITH_SHA384),
            (_, _) => ecdsa_id(ECDSA_WITH_SHA256),
        }
    }

    fn sign(&self, tbs_request_der: &[u8]) -> Result<Vec<u8>, SignerError> {
        let prehash = || digest(self.hash, tbs_request_der);
        let failed = |_| SignerError::new("signing failed");
        match &self.key {
            Key::Rsa(key) => {
                let padding = match self.hash {
                    SignatureHash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
                    SignatureHash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
                    SignatureHash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
                };
                key.sign(padding, &prehash())
                    .map_err(|_| SignerError::new("RSA signing failed"))
            }
            Key::P256(key) => {
                let sig: p256::ecdsa::Signature = key.sign_prehash(&prehash()).map_err(failed)?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            Key::P384(key) => {
                let sig: p384::ecdsa::Signature = key.sign_prehash(&prehash()).map_err(failed)?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            Key::Ed25519(key) => {
                // PureEdDSA signs the message itself, not a hash of it.
                let sig: ed25519_dalek::Signature =
                    signature::Signer::sign(key.as_ref(), tbs_request_der);
                Ok(sig.to_bytes().to_vec())
            }
            #[cfg(feature = "ml-dsa")]
            Key::MlDsa(key) => key.sign(tbs_request_der),
        }
    }
}

const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// PKCS#1 v1.5 identifiers carry NULL parameters (RFC 4055).
fn rsa_id(oid: ObjectIdentifier) -> AlgorithmIdentifier {
    AlgorithmIdentifier::with_null_parameters(oid)
}

/// ECDSA identifiers carry no parameters (RFC 5758).
fn ecdsa_id(oid: ObjectIdentifier) -> AlgorithmIdentifier {
    AlgorithmIdentifier::without_parameters(oid)
}
