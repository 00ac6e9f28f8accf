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
    /// applied to every response, with or without `nextUpdate` (a later
    /// `nextUpdate` does not extend it). It also bounds
    /// [`crate::Verdict::valid_until`]. `None` trusts `nextUpdate` alone.
    ///
    /// Default: **10 days**, the longest validity interval the CA/Browser
    /// Forum Baseline Requirements (4.9.10) allow a response about a
    /// subscriber certificate; mozilla::pkix caps a response with
    /// `nextUpdate` at the same 10 days after `thisUpdate` (its
    /// `maxOCSPLifetimeInDays` for end-entity certificates). A responder
    /// that signs longer-lived responses is out of policy; a caller that
    /// checks intermediates (whose responses may live a year) raises it.
    pub max_age: Option<Duration>,
    /// The oldest a response **without `nextUpdate`** may be (RFC 6960 4.2.2.1:
    /// such a responder always has newer information, so the response must
    /// be fresh), and how long it may be cached. The stricter of this and
    /// [`Policy::max_age`] applies.
    ///
    /// Default: **10 days**, the same cap as a response with `nextUpdate`:
    /// leaving `nextUpdate` out cannot buy a response more life than the
    /// CA/Browser Forum's 10 days give one that states it, and a shorter
    /// default would refuse stapled responses that browsers other than
    /// Firefox accept (OpenSSL, Chromium and Go set no default age).
    /// mozilla::pkix is stricter here: one day after `thisUpdate`, plus its
    /// one-day slop, as NSS did; set `Duration::from_secs(24 * 3600)` to
    /// match it.
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
    /// Accept a delegated responder certificate (embedded in the response or
    /// passed as an extra certificate) whose basicConstraints say `cA`
    /// ([`crate::Error::DelegatedResponderIsCa`] otherwise).
    ///
    /// Default: `false`, as in mozilla::pkix, which requires the signer to
    /// be an end entity: in 2020 hundreds of intermediate CA certificates
    /// carried id-kp-OCSPSigning (Mozilla bug 1649939), and each of them
    /// could otherwise answer "good" for its siblings' certificates. Set it
    /// only for a private PKI whose responders are CA certificates.
    pub allow_ca_responders: bool,
}

impl Policy {
    /// The defaults, as a `const`.
    pub const DEFAULT: Policy = Policy {
        clock_skew: Duration::from_secs(5 * 60),
        max_age: Some(Duration::from_secs(10 * 24 * 3600)),
        max_age_without_next_update: Duration::from_secs(10 * 24 * 3600),
        require_next_update: false,
        require_nonce: false,
        allow_sha1_signatures: true,
        reject_produced_in_future: false,
        allow_ca_responders: false,
    };
}

impl Default for Policy {
    fn default() -> Self {
        Policy::DEFAULT
    }
}
