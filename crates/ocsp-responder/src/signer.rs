//! Signing `tbsResponseData`: the [`ResponseSigner`] interface.
//!
//! Shaped like `ocsp_request::RequestSigner`: the builder hands the signer
//! the exact DER it signs and puts the returned octets in the BIT STRING.

use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec::Vec;

use ocsp_types::{AlgorithmIdentifier, BasicOcspResponse, ResponseData};

pub use ocsp_request::SignerError;

use crate::Error;

/// Something that signs the DER of a `tbsResponseData`: a key in memory
/// (see `RustCryptoSigner`, feature `rustcrypto`), an HSM, a KMS.
///
/// ```
/// use ocsp_responder::{ResponseSigner, SignerError};
/// use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
///
/// struct HsmSigner;
///
/// impl ResponseSigner for HsmSigner {
///     fn algorithm(&self) -> AlgorithmIdentifier {
///         AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"))
///     }
///     fn sign(&self, tbs_response_data_der: &[u8]) -> Result<Vec<u8>, SignerError> {
///         let _ = tbs_response_data_der;
///         Err(SignerError::new("HSM unavailable"))
///     }
/// }
/// ```
pub trait ResponseSigner {
    /// The `signatureAlgorithm` written in the response.
    fn algorithm(&self) -> AlgorithmIdentifier;

    /// Signs `tbs_response_data_der` (the whole DER `ResponseData`) and
    /// returns the signature octets as they go in the BIT STRING: PKCS#1
    /// v1.5 for RSA, the DER `Ecdsa-Sig-Value` for ECDSA.
    fn sign(&self, tbs_response_data_der: &[u8]) -> Result<Vec<u8>, SignerError>;
}

impl<T: ResponseSigner + ?Sized> ResponseSigner for &T {
    fn algorithm(&self) -> AlgorithmIdentifier {
        (**self).algorithm()
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        (**self).sign(tbs)
    }
}

impl<T: ResponseSigner + ?Sized> ResponseSigner for Box<T> {
    fn algorithm(&self) -> AlgorithmIdentifier {
        (**self).algorithm()
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        (**self).sign(tbs)
    }
}

impl<T: ResponseSigner + ?Sized> ResponseSigner for Arc<T> {
    fn algorithm(&self) -> AlgorithmIdentifier {
        (**self).algorithm()
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        (**self).sign(tbs)
    }
}

/// The key loading and signing of `ocsp_request::RustCryptoSigner` (PKCS#8
/// RSA with PKCS#1 v1.5, ECDSA P-256 and P-384 with RFC 6979 nonces,
/// Ed25519; with the feature `ml-dsa`, ML-DSA-44/65/87 keys in the RFC 9881
/// forms, signing pure ML-DSA with an empty context): one implementation
/// for requests and responses.
#[cfg(feature = "rustcrypto")]
#[cfg_attr(docsrs, doc(cfg(feature = "rustcrypto")))]
impl ResponseSigner for ocsp_request::RustCryptoSigner {
    fn algorithm(&self) -> AlgorithmIdentifier {
        ocsp_request::RequestSigner::algorithm(self)
    }
    fn sign(&self, tbs: &[u8]) -> Result<Vec<u8>, SignerError> {
        ocsp_request::RequestSigner::sign(self, tbs)
    }
}

/// Signs `tbs` with `signer` and returns the `BasicOCSPResponse`, not yet
/// encoded: the lowest layer of [`crate::ResponseBuilder`], for callers that
/// assemble `ResponseData` themselves (test kits that then alter the
/// signature or its algorithm on purpose).
///
/// # Errors
///
/// [`Error::Encoding`] when `tbs` does not encode to strict DER,
/// [`Error::Signing`] when the signer fails.
pub fn sign_response_data(
    tbs: ResponseData,
    signer: &dyn ResponseSigner,
    certs: Option<Vec<Vec<u8>>>,
) -> Result<BasicOcspResponse, Error> {
    let der = tbs.to_der().map_err(Error::Encoding)?;
    let signature = signer.sign(&der).map_err(Error::Signing)?;
    Ok(BasicOcspResponse {
        tbs_response_data: tbs,
        signature_algorithm: signer.algorithm(),
        signature,
        certs,
    })
}
