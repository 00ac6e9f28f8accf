//! The one error type of the crate.

use alloc::string::String;

use ocsp_request::SignerError;
use ocsp_types::ResponseStatus;

/// Why a response could not be built, or a responder not set up.
///
/// [`Error::response_status`] gives the OCSP error status a responder sends
/// for each request-time error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request is not a DER `OCSPRequest` (malformedRequest).
    #[error("malformed request: {0}")]
    MalformedRequest(ocsp_types::Error),
    /// The request's `requestList` is empty (malformedRequest).
    #[error("malformed request: empty requestList")]
    EmptyRequestList,
    /// The request's nonce is outside 1 to 32 octets, or not an OCTET STRING
    /// (malformedRequest, RFC 8954 2.1).
    #[error("malformed request: nonce of {len} octets (RFC 8954 allows 1 to 32)")]
    InvalidNonce {
        /// The length found (of the whole extension value when it is not a
        /// DER OCTET STRING).
        len: usize,
    },
    /// The request carries a critical extension this responder does not
    /// understand (malformedRequest, RFC 6960 4.4).
    #[error("malformed request: unsupported critical extension {0}")]
    UnsupportedCriticalExtension(String),
    /// A CertID names an issuer this responder does not serve, or uses a hash
    /// algorithm it cannot compute (unauthorized).
    #[error("unauthorized: a CertID names an issuer this responder does not serve")]
    UnservedIssuer,
    /// The status source could not answer now (tryLater).
    #[error("status source unavailable: {0}")]
    SourceUnavailable(String),
    /// The status source failed (internalError).
    #[error("status source failed: {0}")]
    SourceFailed(String),
    /// The signer failed (internalError).
    #[error("signing failed: {0}")]
    Signing(SignerError),
    /// A time out of the range GeneralizedTime can carry (internalError).
    #[error("time out of range")]
    TimeOutOfRange,
    /// Encoding the response failed (internalError).
    #[error("encoding the response failed: {0}")]
    Encoding(ocsp_types::Error),
    /// A certificate given to the builder is not a DER X.509 certificate.
    #[error("invalid certificate: {0}")]
    InvalidCertificate(String),
    /// The signer certificate is neither the CA nor a delegated responder of
    /// it (issued by the CA, with id-kp-OCSPSigning).
    #[error("the signer certificate is not authorized to sign for the CA: {0}")]
    SignerNotAuthorized(&'static str),
    /// An OpenSSL index line could not be read.
    #[error("index line {line}: {reason}")]
    InvalidIndex {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// The index file could not be read.
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl Error {
    /// A stable name for the variant, for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::MalformedRequest(_) => "MalformedRequest",
            Error::EmptyRequestList => "EmptyRequestList",
            Error::InvalidNonce { .. } => "InvalidNonce",
            Error::UnsupportedCriticalExtension(_) => "UnsupportedCriticalExtension",
            Error::UnservedIssuer => "UnservedIssuer",
            Error::SourceUnavailable(_) => "SourceUnavailable",
            Error::SourceFailed(_) => "SourceFailed",
            Error::Signing(_) => "Signing",
            Error::TimeOutOfRange => "TimeOutOfRange",
            Error::Encoding(_) => "Encoding",
            Error::InvalidCertificate(_) => "InvalidCertificate",
            Error::SignerNotAuthorized(_) => "SignerNotAuthorized",
            Error::InvalidIndex { .. } => "InvalidIndex",
            #[cfg(feature = "std")]
            Error::Io { .. } => "Io",
        }
    }

    /// The OCSP `responseStatus` a responder answers with for this error:
    /// malformedRequest, unauthorized, tryLater or internalError.
    pub fn response_status(&self) -> ResponseStatus {
        match self {
            Error::MalformedRequest(_)
            | Error::EmptyRequestList
            | Error::InvalidNonce { .. }
            | Error::UnsupportedCriticalExtension(_) => ResponseStatus::MalformedRequest,
            Error::UnservedIssuer => ResponseStatus::Unauthorized,
            Error::SourceUnavailable(_) => ResponseStatus::TryLater,
            _ => ResponseStatus::InternalError,
        }
    }
}
