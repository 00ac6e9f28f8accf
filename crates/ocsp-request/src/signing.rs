//! Signed requests (RFC 6960 4.1.2): the signer interface.
//!
//! This crate does not do public-key cryptography itself. A signer (an RSA or
//! ECDSA key in memory, an HSM, a KMS) implements [`RequestSigner`]; the
//! builder hands it the exact DER of `tbsRequest` and puts the signature it
//! returns into `optionalSignature`.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use ocsp_types::AlgorithmIdentifier;

/// Something that signs the DER of a `tbsRequest`.
///
/// ```
/// use ocsp_request::{RequestSigner, SignerError};
/// use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
///
/// /// ecdsa-with-SHA256 through some external key store.
/// struct KeyStoreSigner;
///
/// impl RequestSigner for KeyStoreSigner {
///     fn algorithm(&self) -> AlgorithmIdentifier {
///         // RFC 5758: ECDSA identifiers have absent parameters.
///         AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"))
///     }
///     fn sign(&self, tbs_request_der: &[u8]) -> Result<Vec<u8>, SignerError> {
///         let _ = tbs_request_der;
///         Err(SignerError::new("key store unavailable"))
///     }
/// }
/// ```
pub trait RequestSigner {
    /// The `signatureAlgorithm` written in the request, e.g.
    /// sha256WithRSAEncryption with NULL parameters or ecdsa-with-SHA256
    /// with absent parameters.
    fn algorithm(&self) -> AlgorithmIdentifier;

    /// Signs `tbs_request_der` (the whole DER `TBSRequest`, which the
    /// signature covers) and returns the signature octets as they go in the
    /// BIT STRING: a PKCS#1 v1.5 signature for RSA, the DER `Ecdsa-Sig-Value`
    /// for ECDSA.
    fn sign(&self, tbs_request_der: &[u8]) -> Result<Vec<u8>, SignerError>;
}

impl<T: RequestSigner + ?Sized> RequestSigner for &T {
    fn algorithm(&self) -> AlgorithmIdentifier {
        (**self).algorithm()
    }
    fn sign(&self, tbs_request_der: &[u8]) -> Result<Vec<u8>, SignerError> {
        (**self).sign(tbs_request_der)
    }
}

/// Why a [`RequestSigner`] could not sign.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SignerError {
    message: String,
}

impl SignerError {
    /// An error with a message for people.
    pub fn new(message: impl Into<String>) -> Self {
        SignerError {
            message: message.into(),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SignerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for SignerError {}
