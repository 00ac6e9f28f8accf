//! The one error type of this crate.

use alloc::string::String;

use ocsp_types::{DisplayOid, ObjectIdentifier};

use crate::signing::SignerError;

/// Why a CertID or a request could not be built, matched or decoded.
///
/// Each variant is one reason a caller can act on. Errors of the OCSP
/// encoder/decoder and of the X.509 parser are wrapped, not stringified.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ocsp-types` refused an OCSP structure: malformed DER of a request or
    /// CertID, or a value it cannot encode.
    #[error("malformed OCSP request: {0}")]
    Malformed(#[from] ocsp_types::Error),

    /// The text is not an OCSP GET URL (or path) carrying a base64 request.
    #[error("not an OCSP GET URL: {0}")]
    InvalidGetUrl(GetUrlError),

    /// The certificate (the one whose status is asked) is not a DER X.509
    /// certificate.
    #[error("invalid certificate: {0}")]
    InvalidCertificate(ocsp_types::Error),

    /// The issuer certificate is not a DER X.509 certificate.
    #[error("invalid issuer certificate: {0}")]
    InvalidIssuerCertificate(ocsp_types::Error),

    /// The issuer Name is not a DER `Name`.
    #[error("invalid issuer Name: {0}")]
    InvalidIssuerName(ocsp_types::Error),

    /// The issuer key is not a DER `SubjectPublicKeyInfo`.
    #[error("invalid issuer SubjectPublicKeyInfo: {0}")]
    InvalidIssuerKey(ocsp_types::Error),

    /// The certificate's `issuer` is not byte for byte the issuer
    /// certificate's `subject`: the issuer certificate given is not the one
    /// that issued it.
    #[error(
        "the certificate was not issued by the given issuer (issuer and subject Names differ)"
    )]
    IssuerMismatch,

    /// A serial number is not minimal, non-empty DER INTEGER content octets.
    #[error("invalid serial number (not minimal DER INTEGER content octets)")]
    InvalidSerialNumber,

    /// A hash algorithm name that is not one of `sha1`, `sha256`, `sha384`,
    /// `sha512`.
    #[error("unknown hash algorithm {0:?} (expected sha1, sha256, sha384 or sha512)")]
    UnknownHashName(String),

    /// A CertID hash algorithm other than SHA-1, SHA-256, SHA-384, SHA-512.
    #[error("unsupported CertID hash algorithm {}", DisplayOid(.0))]
    UnsupportedHashAlgorithm(Option<ObjectIdentifier>),

    /// A CertID hash algorithm whose parameters are neither absent nor NULL.
    #[error("CertID hash algorithm parameters are neither absent nor NULL")]
    InvalidHashParameters,

    /// A nonce outside the 1 to 32 octets RFC 8954 allows.
    #[error("nonce of {len} octets (RFC 8954 allows 1 to 32)")]
    InvalidNonceLength {
        /// The length asked for.
        len: usize,
    },

    /// A request without any CertID.
    #[error("the request has no CertID")]
    NoCertIds,

    /// Two request extensions with the same OID (e.g. a nonce given both as a
    /// nonce and as an extra extension).
    #[error("duplicate request extension {0}")]
    DuplicateExtension(ObjectIdentifier),

    /// A signed request needs a `requestorName` (RFC 6960 4.1.2) and none was
    /// given, and there is no signer certificate to take it from.
    #[error("a signed request needs a requestorName (or a signer certificate to take it from)")]
    MissingRequestorName,

    /// The signer failed.
    #[error("signing the request failed: {0}")]
    Signer(SignerError),

    /// The certificate has no Authority Information Access extension.
    #[error("the certificate has no Authority Information Access extension")]
    NoAuthorityInfoAccess,

    /// The certificate's Authority Information Access has no OCSP URI
    /// (`id-ad-ocsp` with a uniformResourceIdentifier).
    #[error("the certificate's Authority Information Access has no OCSP responder URI")]
    NoOcspResponder,

    /// The Authority Information Access extension does not decode
    /// ([`ocsp_types::Error::InvalidExtensionValue`], with the value's
    /// offset in the certificate).
    #[error("invalid Authority Information Access extension: {0}")]
    InvalidAuthorityInfoAccess(ocsp_types::Error),
}

impl Error {
    /// The variant's name, stable, for logs and machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Malformed(_) => "Malformed",
            Error::InvalidGetUrl(_) => "InvalidGetUrl",
            Error::InvalidCertificate(_) => "InvalidCertificate",
            Error::InvalidIssuerCertificate(_) => "InvalidIssuerCertificate",
            Error::InvalidIssuerName(_) => "InvalidIssuerName",
            Error::InvalidIssuerKey(_) => "InvalidIssuerKey",
            Error::IssuerMismatch => "IssuerMismatch",
            Error::InvalidSerialNumber => "InvalidSerialNumber",
            Error::UnknownHashName(_) => "UnknownHashName",
            Error::UnsupportedHashAlgorithm(_) => "UnsupportedHashAlgorithm",
            Error::InvalidHashParameters => "InvalidHashParameters",
            Error::InvalidNonceLength { .. } => "InvalidNonceLength",
            Error::NoCertIds => "NoCertIds",
            Error::DuplicateExtension(_) => "DuplicateExtension",
            Error::MissingRequestorName => "MissingRequestorName",
            Error::Signer(_) => "Signer",
            Error::NoAuthorityInfoAccess => "NoAuthorityInfoAccess",
            Error::NoOcspResponder => "NoOcspResponder",
            Error::InvalidAuthorityInfoAccess(_) => "InvalidAuthorityInfoAccess",
        }
    }

    /// Where in the DER the wrapped `ocsp-types` error was found, for the
    /// variants that wrap one.
    pub fn position(&self) -> Option<ocsp_types::Position> {
        match self {
            Error::Malformed(e)
            | Error::InvalidCertificate(e)
            | Error::InvalidIssuerCertificate(e)
            | Error::InvalidIssuerName(e)
            | Error::InvalidIssuerKey(e)
            | Error::InvalidAuthorityInfoAccess(e)
            | Error::InvalidGetUrl(GetUrlError::NotAnOcspRequest(e)) => e.position(),
            Error::InvalidGetUrl(
                GetUrlError::TooLong { .. }
                | GetUrlError::EmptyPath
                | GetUrlError::InvalidPercentEncoding
                | GetUrlError::NotBase64,
            )
            | Error::IssuerMismatch
            | Error::InvalidSerialNumber
            | Error::UnknownHashName(_)
            | Error::UnsupportedHashAlgorithm(_)
            | Error::InvalidHashParameters
            | Error::InvalidNonceLength { .. }
            | Error::NoCertIds
            | Error::DuplicateExtension(_)
            | Error::MissingRequestorName
            | Error::Signer(_)
            | Error::NoAuthorityInfoAccess
            | Error::NoOcspResponder => None,
        }
    }
}

/// Why [`crate::decode_get_url`] refused its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GetUrlError {
    /// The input is longer than [`crate::MAX_DECODED_GET_URL_LEN`].
    #[error("URL of {len} bytes is longer than the limit of {limit}")]
    TooLong {
        /// Length of the input.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// There is no path (after removing scheme, authority, query and fragment).
    #[error("the URL has no path")]
    EmptyPath,
    /// A `%` not followed by two hexadecimal digits, in every candidate.
    #[error("invalid percent-encoding")]
    InvalidPercentEncoding,
    /// No `/`-separated suffix of the path is base64.
    #[error("no suffix of the path is base64")]
    NotBase64,
    /// Some suffix is base64, but none decodes to a DER `OCSPRequest`; the
    /// error is the one for the longest candidate that looked like DER.
    #[error("the base64 does not hold an OCSP request: {0}")]
    NotAnOcspRequest(ocsp_types::Error),
}

impl From<GetUrlError> for Error {
    fn from(e: GetUrlError) -> Self {
        Error::InvalidGetUrl(e)
    }
}

impl From<SignerError> for Error {
    fn from(e: SignerError) -> Self {
        Error::Signer(e)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use alloc::format;

    use super::*;

    #[test]
    fn kind_is_the_variant_name() {
        let malformed = ocsp_types::OcspRequestRef::parse(&[0x30]).unwrap_err();
        for e in [
            Error::Malformed(malformed),
            Error::InvalidGetUrl(GetUrlError::NotBase64),
            Error::IssuerMismatch,
            Error::InvalidNonceLength { len: 33 },
            Error::UnsupportedHashAlgorithm(None),
        ] {
            assert!(format!("{e:?}").starts_with(e.kind()), "{e:?}");
        }
        assert_eq!(Error::Malformed(malformed).position(), malformed.position());
        assert!(malformed.position().is_some());
        let in_url = Error::InvalidGetUrl(GetUrlError::NotAnOcspRequest(malformed));
        assert_eq!(in_url.position(), malformed.position());
        assert_eq!(Error::NoCertIds.position(), None);
        assert_eq!(
            format!("{}", Error::UnsupportedHashAlgorithm(None)),
            "unsupported CertID hash algorithm (OID too long to show)"
        );
    }
}
