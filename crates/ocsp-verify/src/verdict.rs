//! What a successful verification says.

use ocsp_types::{CertIdRef, CrlReason, ExtensionsRef, Time};
use rustls_pki_types::UnixTime;

/// The status of the certificate, from the response (RFC 6960 4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Not revoked (which is all `good` says).
    Good,
    /// Revoked.
    Revoked {
        /// When.
        time: Time,
        /// Why, when the responder says.
        reason: Option<CrlReason>,
    },
    /// The responder does not know the certificate.
    Unknown,
}

/// Who signed the response (RFC 6960 4.2.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Responder<'a> {
    /// The issuer itself.
    Issuer,
    /// A delegated responder: an embedded certificate issued by the issuer
    /// with id-kp-OCSPSigning.
    Delegated {
        /// Its DER certificate (borrowed from the response).
        certificate: &'a [u8],
    },
    /// A delegated responder whose certificate the response does not embed:
    /// one of the caller's extra certificates
    /// ([`crate::Verifier::with_extra_certificates`]), authorized by the
    /// same rules as an embedded one.
    DelegatedExtra {
        /// Its index in the caller's list.
        index: usize,
    },
    /// One of the caller's locally trusted responders.
    LocallyTrusted {
        /// Its index in the caller's list.
        index: usize,
    },
}

/// A verified answer about one certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verdict<'a> {
    /// The status.
    pub status: Status,
    /// `thisUpdate` of the single response used (with several about the
    /// certificate: the first that carries the verdict's status).
    pub this_update: Time,
    /// `nextUpdate` of the single response used.
    pub next_update: Option<Time>,
    /// `producedAt`.
    pub produced_at: Time,
    /// Who signed.
    pub responder: Responder<'a>,
    /// The CertID of the single response used.
    pub cert_id: CertIdRef<'a>,
    /// `singleExtensions` of the single response used (every critical one
    /// was understood; typed accessors are on [`ocsp_types::ExtensionRef`],
    /// e.g. `sct_list()`, `crl_id()`, `archive_cutoff()`).
    pub single_extensions: ExtensionsRef<'a>,
    /// `responseExtensions` (every critical one was understood).
    pub response_extensions: ExtensionsRef<'a>,
    /// Until when the answer may be cached and reused: `nextUpdate`, bounded
    /// by `thisUpdate` plus [`crate::Policy::max_age`] (or, without
    /// `nextUpdate`, by [`crate::Policy::max_age_without_next_update`]);
    /// the earliest such instant over every single response about the
    /// certificate when the response carries several.
    /// Reusing it later needs no new verification except `now <= valid_until`.
    pub valid_until: UnixTime,
}
