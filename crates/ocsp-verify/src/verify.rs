//! The ordered pipeline (mozilla::pkix order): strict parse, responseStatus,
//! response type, responder, signature, CertID, time, extensions, nonce,
//! status.

use ocsp_types::{CertStatus, OcspResponseRef, ResponseStatus, SingleResponseRef};
use rustls_pki_types::{SignatureVerificationAlgorithm, UnixTime};

use crate::error::Error;
use crate::input::{self, Issuer, Subject, SubjectRef};
use crate::policy::Policy;
use crate::responder::{self, Context};
use crate::responder_cache::Slots;
use crate::time::{self, Clock};
use crate::verdict::{Status, Verdict};
use crate::{cert_id, extensions, nonce};

/// Verifies OCSP responses: the signature algorithms, the locally trusted
/// responders and the policy, set once and reused.
///
/// ```
/// # #[cfg(feature = "rustcrypto")] {
/// use ocsp_verify::{algorithms, Issuer, Policy, Status, Subject, Verifier};
/// use rustls_pki_types::UnixTime;
/// # let response = include_bytes!("../tests/data/seed-wikipedia-2017.der");
/// # let name = include_bytes!("../tests/data/seed-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/seed-issuer-spki.der");
/// let verifier = Verifier::new(algorithms::ALL).with_policy(Policy::default());
/// let verdict = verifier.verify(
///     response,
///     Subject::Serial(&[0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6]),
///     Issuer::NameAndKey { subject: name, spki },
///     UnixTime::since_unix_epoch(core::time::Duration::from_secs(1_502_755_200)),
///     None,
/// ).expect("a good response");
/// assert_eq!(verdict.status, Status::Good);
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Verifier<'a> {
    algorithms: &'a [&'a dyn SignatureVerificationAlgorithm],
    trusted_responders: &'a [&'a [u8]],
    extra_certificates: &'a [&'a [u8]],
    policy: Policy,
    responder_cache: Option<&'a dyn Slots>,
}

impl<'a> Verifier<'a> {
    /// A verifier accepting signatures by these algorithms, with the default
    /// [`Policy`] and no locally trusted responder.
    pub fn new(algorithms: &'a [&'a dyn SignatureVerificationAlgorithm]) -> Self {
        Verifier {
            algorithms,
            trusted_responders: &[],
            extra_certificates: &[],
            policy: Policy::DEFAULT,
            responder_cache: None,
        }
    }

    /// Sets the policy.
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Sets the locally trusted responders (DER certificates): a response
    /// whose ResponderID names one of them and whose signature verifies
    /// under its key is accepted for any issuer. They are trusted as given,
    /// like the issuer: only their subject Name and key are used.
    pub fn with_trusted_responders(mut self, certificates: &'a [&'a [u8]]) -> Self {
        self.trusted_responders = certificates;
        self
    }

    /// Sets extra candidate responder certificates (DER), for responses that
    /// do not embed their signer's certificate (the job of OpenSSL's
    /// `ocsp -verify_other`). They are **not** trusted: each is authorized
    /// exactly like an embedded certificate (issued and signed by the
    /// issuer, id-kp-OCSPSigning, valid at the verification time, not a CA
    /// unless [`Policy::allow_ca_responders`], keyUsage and critical
    /// extensions as for any delegated responder) and is tried after the
    /// embedded ones. One that does not parse is skipped like a malformed
    /// embedded certificate. A response they authorize reports
    /// [`crate::Responder::DelegatedExtra`].
    pub fn with_extra_certificates(mut self, certificates: &'a [&'a [u8]]) -> Self {
        self.extra_certificates = certificates;
        self
    }

    /// Remembers, in `cache`, delegated responder certificates whose
    /// signature verified under the issuer's key, and skips that one
    /// signature check when the same certificate bytes come again with the
    /// same issuer key. Every other check of the delegate (ResponderID,
    /// issuer Name, id-kp-OCSPSigning, keyUsage, CA bit, critical
    /// extensions, validity at the verification time, the signature
    /// algorithm against the policy) and the response signature run on
    /// every call. Share one cache only among verifiers with the same
    /// algorithm list. See [`ResponderCache`](crate::ResponderCache).
    pub fn with_responder_cache<const N: usize>(
        mut self,
        cache: &'a crate::ResponderCache<N>,
    ) -> Self {
        self.responder_cache = Some(cache);
        self
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Verifies `response` (DER `OCSPResponse`) as an answer about `subject`,
    /// issued by `issuer`, at `time`, for a request that carried `nonce` (its
    /// value, e.g. the 16 or 32 random octets) if any.
    ///
    /// # Errors
    ///
    /// The first rule the response breaks, as an [`Error`] variant.
    pub fn verify<'r>(
        &self,
        response: &'r [u8],
        subject: Subject<'_>,
        issuer: Issuer<'_>,
        time: UnixTime,
        nonce: Option<&[u8]>,
    ) -> Result<Verdict<'r>, Error> {
        // The issuer's SHA-1 key hash, computed once here (or when it was
        // prepared), is both its CertID issuerKeyHash and its byKey
        // ResponderID. An error in the certificate's naming of the issuer is
        // reported at the CertID step, in mozilla::pkix order.
        let prepared = match issuer {
            Issuer::Prepared(prepared) => Some(prepared),
            Issuer::Certificate(_) | Issuer::NameAndKey { .. } => None,
        };
        let issuer = input::prepare(&issuer)?;
        let subject = SubjectRef::parse(&subject)?;
        let matcher = cert_id::matcher(issuer, &subject);
        let clock = Clock::new(time, &self.policy);

        // Strict parse; responseStatus; response type (parse refuses any but basic).
        let parsed = OcspResponseRef::parse(response)?;
        if parsed.status() != ResponseStatus::Successful {
            return Err(Error::Unsuccessful {
                status: parsed.status(),
            });
        }
        let basic = parsed
            .basic()
            .ok_or(Error::Malformed(ocsp_types::Error::MissingResponseBytes))?;
        let data = basic.tbs_response_data();

        // Responder and signature.
        let ctx = Context {
            issuer: &issuer,
            prepared,
            trusted: self.trusted_responders,
            extra: self.extra_certificates,
            allow_ca_responders: self.policy.allow_ca_responders,
            algorithms: self.algorithms,
            allow_sha1: self.policy.allow_sha1_signatures,
            now: clock.now,
            cache: self.responder_cache,
        };
        let responder = responder::find_and_verify(&ctx, basic)?;

        // CertID.
        let matcher = matcher?;
        let mut matching = cert_id::matching(&matcher, basic).peekable();
        if matching.peek().is_none() {
            return Err(Error::NoMatchingResponse);
        }

        // Time and single extensions of every matching single response,
        // then producedAt. A matching entry that cannot be used fails the
        // whole response: mozilla::pkix fails it on an unhandled critical
        // single extension, a nextUpdate before thisUpdate or a future
        // thisUpdate, Chromium on an unhandled critical single extension.
        // Otherwise a responder's revoked entry with, say, an unknown
        // critical extension would be dropped in favour of a good one. Stale entries fail it too (Chromium skips
        // them when another matching entry is fresh; mozilla::pkix refuses
        // a good answer when any matching entry is stale): a revoked entry
        // is never outvoted. The verdict is the strictest status (revoked
        // over unknown over good, the first entry of it in encoded order),
        // cacheable until the earliest entry's limit.
        let mut chosen: Option<SingleResponseRef<'r>> = None;
        let mut valid_until: Option<UnixTime> = None;
        for single in matching {
            time::check_single(&clock, &self.policy, &single)?;
            extensions::check(&single.extensions())?;
            if chosen.is_none_or(|c| severity(&single) > severity(&c)) {
                chosen = Some(single);
            }
            let until = time::valid_until(&self.policy, &single);
            valid_until = Some(valid_until.map_or(until, |v| v.min(until)));
        }
        let (Some(single), Some(valid_until)) = (chosen, valid_until) else {
            return Err(Error::NoMatchingResponse);
        };
        time::check_produced_at(&clock, &self.policy, data.produced_at(), subject.validity())?;

        // Response extensions and the nonce.
        extensions::check(&data.extensions())?;
        nonce::check(&self.policy, nonce, &data.extensions())?;

        // Status.
        let status = match single.cert_status() {
            CertStatus::Good => Status::Good,
            CertStatus::Revoked(info) => Status::Revoked {
                time: info.revocation_time,
                reason: info.revocation_reason,
            },
            CertStatus::Unknown => Status::Unknown,
        };
        Ok(Verdict {
            status,
            this_update: single.this_update(),
            next_update: single.next_update(),
            produced_at: data.produced_at(),
            responder,
            cert_id: single.cert_id(),
            single_extensions: single.extensions(),
            response_extensions: data.extensions(),
            valid_until,
        })
    }
}

/// revoked > unknown > good.
fn severity(single: &SingleResponseRef<'_>) -> u8 {
    match single.cert_status() {
        CertStatus::Revoked(_) => 2,
        CertStatus::Unknown => 1,
        CertStatus::Good => 0,
    }
}
