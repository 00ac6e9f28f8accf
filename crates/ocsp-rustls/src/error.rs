//! The errors this crate adds to rustls's own.

use std::sync::Arc;

use rustls::{CertificateError, OtherError};

/// Why a staple was refused (by [`crate::OcspVerifier`] in a handshake, or
/// by [`crate::StaplingResolver`] before stapling it), when rustls has no
/// variant of its own for it.
///
/// From [`crate::OcspVerifier`] it reaches the application as
/// `rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(arc)))`,
/// where `arc` downcasts to this type:
///
/// ```
/// # use ocsp_rustls::StapleError;
/// fn staple_error(e: &rustls::Error) -> Option<&StapleError> {
///     match e {
///         rustls::Error::InvalidCertificate(rustls::CertificateError::Other(other)) => {
///             other.0.downcast_ref::<StapleError>()
///         }
///         _ => None,
///     }
/// }
/// # let _ = staple_error;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StapleError {
    /// The certificate is Must-Staple (RFC 7633 TLS Feature
    /// `status_request`) and the server stapled nothing.
    MustStapleWithoutStaple,
    /// The server stapled nothing and [`crate::StaplePolicy::on_missing`] is
    /// [`crate::Action::Deny`].
    Missing,
    /// No certificate among the server's intermediates and the trust anchors
    /// has the end entity's issuer Name and a key that verifies its
    /// signature, so the staple cannot be checked (e.g. the server sent no
    /// intermediate and no trust anchors were given to
    /// [`crate::OcspVerifierBuilder::with_trust_anchors`]). For
    /// [`crate::StaplingResolver`]: the issuer given did not sign the
    /// certificate.
    IssuerNotFound,
    /// The stapled response does not verify: the reason, as `ocsp-verify`
    /// gives it (malformed, signed by an unauthorized responder, about
    /// another certificate, expired or not yet valid, an unknown critical
    /// extension, ...). In a handshake rustls then sends the
    /// `certificate_unknown` alert (the alert of `CertificateError::Other`).
    Invalid(ocsp_verify::Error),
    /// The time source gave no current time, so no response can be judged
    /// valid ([`crate::StaplingResolver`]).
    NoCurrentTime,
    /// The staple store could not be read or written
    /// ([`crate::StapleStore`]); the message names the file.
    Store {
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
        /// What failed, with the file's path.
        message: String,
    },
}

impl StapleError {
    /// A stable name per variant, for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            StapleError::MustStapleWithoutStaple => "MustStapleWithoutStaple",
            StapleError::Missing => "Missing",
            StapleError::IssuerNotFound => "IssuerNotFound",
            StapleError::Invalid(_) => "Invalid",
            StapleError::NoCurrentTime => "NoCurrentTime",
            StapleError::Store { .. } => "Store",
        }
    }
}

impl core::fmt::Display for StapleError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            StapleError::MustStapleWithoutStaple => f.write_str(
                "the certificate requires a stapled OCSP response (TLS Feature status_request) and none was sent",
            ),
            StapleError::Missing => {
                f.write_str("no stapled OCSP response, and the policy requires one")
            }
            StapleError::IssuerNotFound => f.write_str(
                "the issuer of the certificate is not among the chain and trust anchors; the stapled OCSP response cannot be checked",
            ),
            StapleError::Invalid(e) => write!(f, "the stapled OCSP response does not verify: {e}"),
            StapleError::NoCurrentTime => {
                f.write_str("no current time: an OCSP response cannot be judged valid")
            }
            StapleError::Store { message, .. } => write!(f, "staple store: {message}"),
        }
    }
}

impl std::error::Error for StapleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StapleError::Invalid(e) => Some(e),
            _ => None,
        }
    }
}

impl From<StapleError> for rustls::Error {
    fn from(e: StapleError) -> Self {
        rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(e))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_the_variant_name() {
        for e in [
            StapleError::MustStapleWithoutStaple,
            StapleError::Missing,
            StapleError::IssuerNotFound,
        ] {
            assert_eq!(format!("{e:?}"), e.kind());
        }
    }
}
