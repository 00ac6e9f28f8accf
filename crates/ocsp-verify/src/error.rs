//! The one error type of this crate.

use ocsp_types::{DisplayOid, ObjectIdentifier, ResponseStatus, Time};

/// Every reason [`crate::Verifier::verify`] refuses a response.
///
/// Each variant is one rule, named so that a caller can act on it (retry
/// later, fetch a fresh response, report a misconfigured responder, fix its
/// own inputs). Nothing is flattened into strings: the decoding error of
/// `ocsp-types` is wrapped as is in [`Error::Malformed`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The response is not strict DER or breaks the RFC 6960 schema.
    #[error("malformed response: {0}")]
    Malformed(ocsp_types::Error),
    /// `responseStatus` is not `successful` (the response carries no answer).
    #[error("the responder answered {status}")]
    Unsuccessful {
        /// The status the responder sent.
        status: ResponseStatus,
    },
    /// `responseType` is not id-pkix-ocsp-basic.
    #[error("unsupported responseType {}", DisplayOid(oid))]
    UnsupportedResponseType {
        /// The type, when it fits in [`ObjectIdentifier`].
        oid: Option<ObjectIdentifier>,
    },
    /// The issuer the caller passed does not parse (certificate, Name or
    /// SubjectPublicKeyInfo).
    #[error("the issuer given does not parse: {0}")]
    InvalidIssuer(ocsp_types::Error),
    /// The certificate in question the caller passed does not parse.
    #[error("the certificate given does not parse: {0}")]
    InvalidCertificate(ocsp_types::Error),
    /// The certificate in question cannot be named by a CertID: its
    /// serialNumber is an empty INTEGER (which the certificate parser
    /// tolerates, as rustls-webpki does, but no CertID can carry).
    #[error("cannot build the CertID matcher: {0}")]
    CertIdInputs(ocsp_request::Error),
    /// A locally trusted responder certificate the caller passed does not parse.
    #[error("locally trusted responder certificate {index} does not parse: {error}")]
    InvalidTrustedResponder {
        /// Its index in the caller's list.
        index: usize,
        /// Why.
        error: ocsp_types::Error,
    },
    /// No algorithm in the caller's list has this `signatureAlgorithm` (this
    /// covers md2, md5 and unknown OIDs: they are never in a list).
    #[error("unsupported signature algorithm {}", DisplayOid(oid))]
    UnsupportedSignatureAlgorithm {
        /// The signature algorithm, when it fits in [`ObjectIdentifier`].
        oid: Option<ObjectIdentifier>,
    },
    /// The signature algorithm is supported, and so is the signer's key type,
    /// but not together (e.g. an ECDSA signature from an RSA key).
    #[error(
        "signature algorithm {} does not fit a {} key",
        DisplayOid(signature),
        DisplayOid(key)
    )]
    UnsupportedSignatureAlgorithmForKey {
        /// The signature algorithm.
        signature: Option<ObjectIdentifier>,
        /// The signer's public key algorithm.
        key: Option<ObjectIdentifier>,
    },
    /// No algorithm in the caller's list takes the signer's key type (or
    /// curve) at all, whatever the signature algorithm: e.g. a P-521 key with
    /// a list that has no P-521 algorithm.
    #[error("no algorithm for {} key", crate::signature::WithArticle(key))]
    UnsupportedPublicKey {
        /// The signer's key type (algorithm and named curve).
        key: crate::signature::PublicKeyType,
    },
    /// A SHA-1 based signature, refused by [`crate::Policy::allow_sha1_signatures`].
    #[error("SHA-1 signature {} refused by policy", DisplayOid(oid))]
    Sha1SignatureRefused {
        /// The signature algorithm.
        oid: Option<ObjectIdentifier>,
    },
    /// The response signature does not verify under the key of an authorized
    /// responder.
    #[error("the response signature is invalid")]
    InvalidSignature,
    /// A byKey ResponderID that is not a 20-octet SHA-1 hash.
    #[error("byKey ResponderID of {len} octets (SHA-1 gives 20)")]
    InvalidResponderKeyHash {
        /// Its length.
        len: usize,
    },
    /// No certificate among the issuer, the locally trusted responders and the
    /// embedded certificates matches the ResponderID.
    #[error("no authorized responder matches the ResponderID")]
    NoAuthorizedResponder,
    /// An embedded certificate that may be the responder does not parse.
    #[error("an embedded responder certificate does not parse: {0}")]
    DelegatedResponderMalformed(ocsp_types::Error),
    /// The delegated responder's issuer Name is not the issuer's subject.
    #[error("the delegated responder was not issued by the issuer (issuer Name differs)")]
    DelegatedResponderWrongIssuer,
    /// The delegated responder's certificate signature does not verify under
    /// the issuer's key.
    #[error(
        "the delegated responder's certificate signature does not verify under the issuer's key"
    )]
    DelegatedResponderBadSignature,
    /// The delegated responder lacks id-kp-OCSPSigning in extendedKeyUsage.
    #[error("the delegated responder lacks id-kp-OCSPSigning")]
    DelegatedResponderNotOcspSigning,
    /// The verification time is outside the delegated responder's validity.
    #[error("the delegated responder is valid from {not_before} to {not_after}, not at the verification time")]
    DelegatedResponderNotValid {
        /// Its notBefore.
        not_before: Time,
        /// Its notAfter.
        not_after: Time,
    },
    /// The delegated responder has a keyUsage that asserts neither
    /// digitalSignature nor nonRepudiation (e.g. keyCertSign only).
    #[error(
        "the delegated responder's keyUsage allows neither digitalSignature nor nonRepudiation"
    )]
    DelegatedResponderKeyUsage,
    /// The delegated responder's certificate is a CA certificate
    /// (basicConstraints `cA` TRUE) and [`crate::Policy::allow_ca_responders`]
    /// is not set.
    #[error("the delegated responder is a CA certificate (basicConstraints cA)")]
    DelegatedResponderIsCa,
    /// The delegated responder has a critical extension this crate does not
    /// process.
    #[error(
        "the delegated responder has an unhandled critical extension {}",
        DisplayOid(oid)
    )]
    DelegatedResponderUnhandledCriticalExtension {
        /// The extension.
        oid: Option<ObjectIdentifier>,
    },
    /// The certificate given was not issued by the issuer given (its issuer
    /// Name is not the issuer's subject).
    #[error("the certificate's issuer Name is not the issuer's subject")]
    CertificateIssuerMismatch,
    /// No SingleResponse is about the certificate in question (or the
    /// response has none).
    #[error("no single response matches the certificate")]
    NoMatchingResponse,
    /// `thisUpdate` is after the verification time plus the clock skew.
    #[error("the response is not valid before {this_update}")]
    NotYetValid {
        /// `thisUpdate`.
        this_update: Time,
    },
    /// `nextUpdate` is before the verification time minus the clock skew.
    #[error("the response expired at {next_update}")]
    Expired {
        /// `nextUpdate`.
        next_update: Time,
    },
    /// `nextUpdate` is before `thisUpdate`.
    #[error("nextUpdate {next_update} is before thisUpdate {this_update}")]
    NextUpdateBeforeThisUpdate {
        /// `thisUpdate`.
        this_update: Time,
        /// `nextUpdate`.
        next_update: Time,
    },
    /// `thisUpdate` is older than the policy's maximum age allows.
    #[error("the response, of {this_update}, is older than the maximum age")]
    TooOld {
        /// `thisUpdate`.
        this_update: Time,
    },
    /// No `nextUpdate`, and [`crate::Policy::require_next_update`] is set.
    #[error("the response has no nextUpdate")]
    MissingNextUpdate,
    /// `producedAt` is after the verification time plus the clock skew (only
    /// with [`crate::Policy::reject_produced_in_future`]).
    #[error("the response was produced in the future ({produced_at})")]
    ProducedInFuture {
        /// `producedAt`.
        produced_at: Time,
    },
    /// `producedAt` is outside the validity period of the certificate in question.
    #[error("producedAt {produced_at} is outside the certificate's validity")]
    ProducedOutsideCertificateValidity {
        /// `producedAt`.
        produced_at: Time,
    },
    /// The response carries a nonce other than the one the request carried.
    #[error("the response nonce differs from the request nonce")]
    NonceMismatch,
    /// The response carries no nonce and [`crate::Policy::require_nonce`] is
    /// set (or it is set and the caller gave no request nonce).
    #[error("the response carries no nonce")]
    NonceMissing,
    /// A critical response or single extension this crate does not process.
    #[error("unhandled critical extension {}", DisplayOid(oid))]
    UnhandledCriticalExtension {
        /// The extension.
        oid: Option<ObjectIdentifier>,
    },
}

impl Error {
    /// The variant's name, stable, for logs and machine-readable output
    /// (the `error.kind` of `ocsp verify --json`).
    pub fn kind(&self) -> &'static str {
        self.name_and_position().0
    }

    /// Where in the DER the wrapped decoding error was found, for the
    /// variants that wrap one (of the response, of an input, or of the
    /// CertID inputs).
    pub fn position(&self) -> Option<ocsp_types::Position> {
        self.name_and_position().1
    }

    /// The variant's name and the position of the decoding error it wraps:
    /// one exhaustive match, so that a new variant is named and placed.
    fn name_and_position(&self) -> (&'static str, Option<ocsp_types::Position>) {
        match self {
            Error::Malformed(e) => ("Malformed", e.position()),
            Error::Unsuccessful { .. } => ("Unsuccessful", None),
            Error::UnsupportedResponseType { .. } => ("UnsupportedResponseType", None),
            Error::InvalidIssuer(e) => ("InvalidIssuer", e.position()),
            Error::InvalidCertificate(e) => ("InvalidCertificate", e.position()),
            Error::CertIdInputs(e) => ("CertIdInputs", e.position()),
            Error::InvalidTrustedResponder { error, .. } => {
                ("InvalidTrustedResponder", error.position())
            }
            Error::UnsupportedSignatureAlgorithm { .. } => ("UnsupportedSignatureAlgorithm", None),
            Error::UnsupportedSignatureAlgorithmForKey { .. } => {
                ("UnsupportedSignatureAlgorithmForKey", None)
            }
            Error::UnsupportedPublicKey { .. } => ("UnsupportedPublicKey", None),
            Error::Sha1SignatureRefused { .. } => ("Sha1SignatureRefused", None),
            Error::InvalidSignature => ("InvalidSignature", None),
            Error::InvalidResponderKeyHash { .. } => ("InvalidResponderKeyHash", None),
            Error::NoAuthorizedResponder => ("NoAuthorizedResponder", None),
            Error::DelegatedResponderMalformed(e) => ("DelegatedResponderMalformed", e.position()),
            Error::DelegatedResponderWrongIssuer => ("DelegatedResponderWrongIssuer", None),
            Error::DelegatedResponderBadSignature => ("DelegatedResponderBadSignature", None),
            Error::DelegatedResponderNotOcspSigning => ("DelegatedResponderNotOcspSigning", None),
            Error::DelegatedResponderNotValid { .. } => ("DelegatedResponderNotValid", None),
            Error::DelegatedResponderKeyUsage => ("DelegatedResponderKeyUsage", None),
            Error::DelegatedResponderIsCa => ("DelegatedResponderIsCa", None),
            Error::DelegatedResponderUnhandledCriticalExtension { .. } => {
                ("DelegatedResponderUnhandledCriticalExtension", None)
            }
            Error::CertificateIssuerMismatch => ("CertificateIssuerMismatch", None),
            Error::NoMatchingResponse => ("NoMatchingResponse", None),
            Error::NotYetValid { .. } => ("NotYetValid", None),
            Error::Expired { .. } => ("Expired", None),
            Error::NextUpdateBeforeThisUpdate { .. } => ("NextUpdateBeforeThisUpdate", None),
            Error::TooOld { .. } => ("TooOld", None),
            Error::MissingNextUpdate => ("MissingNextUpdate", None),
            Error::ProducedInFuture { .. } => ("ProducedInFuture", None),
            Error::ProducedOutsideCertificateValidity { .. } => {
                ("ProducedOutsideCertificateValidity", None)
            }
            Error::NonceMismatch => ("NonceMismatch", None),
            Error::NonceMissing => ("NonceMissing", None),
            Error::UnhandledCriticalExtension { .. } => ("UnhandledCriticalExtension", None),
        }
    }
}

impl From<ocsp_types::Error> for Error {
    fn from(e: ocsp_types::Error) -> Self {
        match e {
            ocsp_types::Error::UnsupportedResponseType { oid } => {
                Error::UnsupportedResponseType { oid }
            }
            other => Error::Malformed(other),
        }
    }
}

/// The owned form of a borrowed OID, for error variants.
pub(crate) fn oid_of(oid: ocsp_types::Oid<'_>) -> Option<ObjectIdentifier> {
    oid.to_object_identifier()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use alloc::format;

    use super::*;

    #[test]
    fn kind_is_the_variant_name() {
        let malformed = ocsp_types::OcspResponseRef::parse(&[0x30]).unwrap_err();
        let time = Time::from_unix(0).unwrap();
        for e in [
            Error::from(malformed),
            Error::InvalidSignature,
            Error::NonceMismatch,
            Error::Expired { next_update: time },
            Error::InvalidTrustedResponder {
                index: 1,
                error: malformed,
            },
            Error::UnsupportedSignatureAlgorithm { oid: None },
        ] {
            assert!(format!("{e:?}").starts_with(e.kind()), "{e:?}");
        }
        assert_eq!(Error::from(malformed).kind(), "Malformed");
        assert_eq!(Error::from(malformed).position(), malformed.position());
        assert!(malformed.position().is_some());
        assert_eq!(Error::InvalidSignature.position(), None);
    }

    #[test]
    fn long_oids_are_named_so() {
        let e = Error::UnsupportedSignatureAlgorithm { oid: None };
        assert_eq!(
            format!("{e}"),
            "unsupported signature algorithm (OID too long to show)"
        );
    }
}
