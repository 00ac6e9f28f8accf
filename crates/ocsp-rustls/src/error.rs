//! The errors this crate adds to rustls's own.

use std::sync::Arc;

use rustls::{CertificateError, OtherError};

/// Why [`crate::OcspVerifier`] refused a certificate, when rustls has no
/// variant of its own for it.
///
/// It reaches the application as
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
    /// signature, so the staple cannot be checked (e.g. the
    /// [`rustls::RootCertStore`] given to [`crate::OcspVerifier::with_inner`]
    /// is not the one the inner verifier uses).
    IssuerNotFound,
}

impl StapleError {
    /// The variant's name, stable, for logs and machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            StapleError::MustStapleWithoutStaple => "MustStapleWithoutStaple",
            StapleError::Missing => "Missing",
            StapleError::IssuerNotFound => "IssuerNotFound",
        }
    }
}

impl core::fmt::Display for StapleError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            StapleError::MustStapleWithoutStaple => {
                "the certificate requires a stapled OCSP response (TLS Feature status_request) and none was sent"
            }
            StapleError::Missing => "no stapled OCSP response, and the policy requires one",
            StapleError::IssuerNotFound => {
                "the issuer of the certificate is not among the chain and trust anchors; the stapled OCSP response cannot be checked"
            }
        })
    }
}

impl std::error::Error for StapleError {}

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
