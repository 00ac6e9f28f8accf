//! The one error type of this crate.

/// Why a request could not be built or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The DER of a request is invalid.
    #[error("malformed OCSP request: {0}")]
    Malformed(#[from] ocsp_types::Error),
    /// The text is not an OCSP GET URL (or path) carrying a base64 request.
    #[error("not an OCSP GET URL: {0}")]
    InvalidGetUrl(&'static str),
}
