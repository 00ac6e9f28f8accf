//! The owned result of a successful check.

use std::sync::Arc;
use std::time::Duration;

use ocsp_types::CertId;
use ocsp_verify::{Responder, Status, Time, UnixTime, Verdict};

use crate::clock;
use crate::headers::HttpInfo;

/// Who signed a checked response: the owned form of
/// [`ocsp_verify::Responder`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponderKind {
    /// The issuer itself.
    Issuer,
    /// A delegated responder (id-kp-OCSPSigning, issued by the issuer).
    Delegated {
        /// Its DER certificate, as embedded in the response.
        certificate: Vec<u8>,
    },
    /// One of the client's locally trusted responders.
    LocallyTrusted {
        /// Its index in the list given to the client.
        index: usize,
    },
    /// A kind of authorized responder this version of `ocsp-http` does not
    /// name (a newer `ocsp-verify`).
    Unrecognized,
}

impl ResponderKind {
    /// `"issuer"`, `"delegated"`, `"trusted"` or `"unrecognized"`.
    pub fn name(&self) -> &'static str {
        match self {
            ResponderKind::Issuer => "issuer",
            ResponderKind::Delegated { .. } => "delegated",
            ResponderKind::LocallyTrusted { .. } => "trusted",
            ResponderKind::Unrecognized => "unrecognized",
        }
    }
}

/// A verified OCSP response about one certificate, owned: what
/// [`ocsp_verify::Verdict`] says (which borrows the response bytes), the DER
/// itself, and how it was fetched.
///
/// Every field comes from a response that passed [`ocsp_verify::Verifier`]
/// at [`CheckedResponse::fetched_at`]; it stays usable until
/// [`CheckedResponse::valid_until`] and not a second longer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckedResponse {
    /// The certificate's status.
    pub status: Status,
    /// `thisUpdate` of the single response used.
    pub this_update: Time,
    /// `nextUpdate` of the single response used.
    pub next_update: Option<Time>,
    /// `producedAt`.
    pub produced_at: Time,
    /// Who signed.
    pub responder: ResponderKind,
    /// The CertID of the single response used.
    pub cert_id: CertId,
    /// Whether the response echoed the request's nonce (a response nonce
    /// that differs is refused, so `true` means it matched).
    pub nonce_echoed: bool,
    /// Until when the answer may be used: [`Verdict::valid_until`].
    pub valid_until: UnixTime,
    /// When it was fetched and verified (the client's clock).
    pub fetched_at: UnixTime,
    /// The DER `OCSPResponse`, e.g. to staple or to save.
    pub der: Arc<[u8]>,
    /// How it was fetched, and the HTTP caching headers.
    pub http: HttpInfo,
}

impl CheckedResponse {
    /// The owned result of `verdict`, about the certificate whose CertID
    /// the client asked for (`requested`). It cannot fail: the CertID the
    /// verifier matched is under a hash algorithm the matcher computes
    /// (SHA-1 or SHA-2), whose OID always has an owned form; were it ever
    /// not so, `requested`, which names the same certificate, stands in.
    pub(crate) fn new(
        verdict: &Verdict<'_>,
        requested: &CertId,
        der: Arc<[u8]>,
        fetched_at: UnixTime,
        http: HttpInfo,
    ) -> Self {
        let responder = match verdict.responder {
            Responder::Issuer => ResponderKind::Issuer,
            Responder::Delegated { certificate } => ResponderKind::Delegated {
                certificate: certificate.to_vec(),
            },
            Responder::LocallyTrusted { index } => ResponderKind::LocallyTrusted { index },
            _ => ResponderKind::Unrecognized,
        };
        let cert_id = verdict
            .cert_id
            .to_owned()
            .unwrap_or_else(|_| requested.clone());
        CheckedResponse {
            status: verdict.status,
            this_update: verdict.this_update,
            next_update: verdict.next_update,
            produced_at: verdict.produced_at,
            responder,
            cert_id,
            nonce_echoed: verdict.response_extensions.nonce().is_some(),
            valid_until: verdict.valid_until,
            fetched_at,
            der,
            http,
        }
    }

    /// Whether the answer may still be used at `now` (`now <= valid_until`).
    pub fn is_valid_at(&self, now: UnixTime) -> bool {
        now.as_secs() <= self.valid_until.as_secs()
    }

    /// When a fresher response should be asked for: `fetched_at` plus the
    /// HTTP `max-age` (RFC 5019 6.2), capped at
    /// [`CheckedResponse::valid_until`]; `valid_until` without `max-age`.
    pub fn refresh_after(&self) -> UnixTime {
        let until = self.valid_until;
        match self.http.max_age {
            Some(max_age) => {
                let hinted = clock::add(self.fetched_at, max_age);
                if hinted.as_secs() < until.as_secs() {
                    hinted
                } else {
                    until
                }
            }
            None => until,
        }
    }

    /// The middle of the validity window `thisUpdate .. valid_until`: when a
    /// stapling server fetches a fresh response, so that it keeps holding a
    /// valid one through a responder outage of up to half the window.
    pub fn halfway(&self) -> UnixTime {
        let from = clock::from_asn1(self.this_update).as_secs();
        let until = self.valid_until.as_secs();
        let half = until.saturating_sub(from) / 2;
        UnixTime::since_unix_epoch(Duration::from_secs(from.saturating_add(half)))
    }

    /// Whether the status is [`Status::Good`].
    pub fn is_good(&self) -> bool {
        self.status == Status::Good
    }
}
