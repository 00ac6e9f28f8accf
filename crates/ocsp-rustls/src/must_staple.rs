//! RFC 7633 TLS Feature ("Must-Staple") detection.

use ocsp_types::CertificateRef;

/// id-pe-tlsfeature, 1.3.6.1.5.5.7.1.24 (RFC 7633).
pub use ocsp_types::x509::TLS_FEATURE;

/// Whether the certificate is Must-Staple: it carries the TLS Feature
/// extension and the feature list contains `status_request` (5).
///
/// The extension value (`Features ::= SEQUENCE OF INTEGER`) is read
/// strictly by [`CertificateRef::tls_features`] (DER definite minimal
/// lengths, minimal non-negative INTEGERs, nothing trailing). **An extension
/// that does not parse counts as Must-Staple** (fail closed): the CA that
/// signed it meant to say something about stapling, and guessing "nothing"
/// would be the unsafe reading.
pub fn is_must_staple(certificate: &CertificateRef<'_>) -> bool {
    match certificate.tls_features() {
        Ok(None) => false,
        Ok(Some(features)) => features.status_request(),
        Err(_) => true,
    }
}
