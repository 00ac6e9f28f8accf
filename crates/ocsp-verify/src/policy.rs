//! What the caller tolerates: clock skew, ages, nonces, SHA-1.

use core::time::Duration;

/// The verification policy: a plain struct whose [`Default`] suits a TLS
/// client checking stapled or fetched responses.
///
/// ```
/// use core::time::Duration;
/// let strict = ocsp_verify::Policy {
///     require_next_update: true,
///     max_age: Some(Duration::from_secs(4 * 24 * 3600)),
///     allow_sha1_signatures: false,
///     ..ocsp_verify::Policy::default()
/// };
/// # let _ = strict;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// How far the caller's clock may be from the responder's. Every time
    /// bound that compares a response time with the verification time is
    /// widened by it (inclusive): `thisUpdate <= time + skew`, `nextUpdate >=
    /// time - skew`, the maximum ages, and (when
    /// [`Policy::reject_produced_in_future`] is set) `producedAt <= time + skew`.
    ///
    /// Default: **5 minutes**. Responders pre-produce responses with a
    /// `thisUpdate` in the past, so skew matters mostly for a client whose
    /// clock runs slow against a fresh response; five minutes is the usual
    /// tolerance of time-based protocols (Kerberos) and keeps expired
    /// responses from living on. mozilla::pkix allows a full day; raise it
    /// if clients with badly set clocks must keep working.
    pub clock_skew: Duration,
    /// The oldest a response may be: `thisUpdate >= time - max_age - skew`,
    /// applied to every response, with or without `nextUpdate`. It also
    /// bounds [`crate::Verdict::valid_until`].
    ///
    /// Default: `None` (trust `nextUpdate`).
    pub max_age: Option<Duration>,
    /// The oldest a response **without `nextUpdate`** may be (RFC 6960 4.2.2.1:
    /// such a responder always has newer information, so the response must
    /// be fresh), and how long it may be cached.
    ///
    /// Default: **10 days**, the longest validity interval the CA/Browser
    /// Forum Baseline Requirements (4.9.10) allow an OCSP response, and the
    /// value mozilla::pkix uses for responses without `nextUpdate`.
    pub max_age_without_next_update: Duration,
    /// Refuse responses without `nextUpdate` (RFC 5019 2.2.4 requires it).
    ///
    /// Default: `false` (RFC 6960 allows leaving it out).
    pub require_next_update: bool,
    /// Refuse a response that does not echo the request's nonce (RFC 8954).
    /// With it set, a call without a request nonce fails too.
    ///
    /// Default: `false`: many responders (all RFC 5019 pre-producing ones)
    /// ignore nonces, and then the time checks bound replay instead.
    pub require_nonce: bool,
    /// Accept SHA-1 based signatures (on the response and on a delegated
    /// responder's certificate).
    ///
    /// Default: `true`: OCSP responses are short-lived, pre-signed, and some
    /// responders still sign with SHA-1 (a collision does not let an attacker
    /// forge a response it cannot get signed). Set to `false` to refuse them.
    pub allow_sha1_signatures: bool,
    /// Refuse a response whose `producedAt` is after the verification time
    /// plus the skew ([`crate::Error::ProducedInFuture`]).
    ///
    /// Default: `false`. RFC 6960 sets no such rule and neither
    /// mozilla::pkix nor Chromium applies one: how long a status may be
    /// relied on is what `thisUpdate` and `nextUpdate` say, and responders
    /// routinely sign (`producedAt`) hours or days after the `thisUpdate`
    /// they attest to (OpenSSL's test responses from GlobalSign and CAcert
    /// were signed 3 hours to 22 days later). Refusing them would fail
    /// genuine responses for a client whose clock is a little behind, or
    /// when verifying at a pinned past time, for no gain: an attacker who
    /// can sign can choose every time anyway. Set it for a client that
    /// wants to notice a responder clock running ahead.
    ///
    /// `producedAt` is always checked against the validity period of the
    /// certificate in question when that certificate is given.
    pub reject_produced_in_future: bool,
}

impl Policy {
    /// The defaults, as a `const`.
    pub const DEFAULT: Policy = Policy {
        clock_skew: Duration::from_secs(5 * 60),
        max_age: None,
        max_age_without_next_update: Duration::from_secs(10 * 24 * 3600),
        require_next_update: false,
        require_nonce: false,
        allow_sha1_signatures: true,
        reject_produced_in_future: false,
    };
}

impl Default for Policy {
    fn default() -> Self {
        Policy::DEFAULT
    }
}
