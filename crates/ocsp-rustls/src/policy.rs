//! What to do with each outcome of the staple check.

/// Accept the certificate or refuse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Let the handshake proceed.
    Allow,
    /// Fail the handshake.
    Deny,
}

/// What [`crate::OcspVerifier`] does with a chain that passed WebPKI
/// verification, depending on the staple. A plain struct; [`Default`] is
/// soft-fail on a missing staple and fail-closed on everything else.
///
/// A **revoked** status is always refused, and a **Must-Staple** certificate
/// (RFC 7633) without a valid staple is always refused: neither has a knob.
///
/// ```
/// use ocsp_rustls::{Action, StaplePolicy};
/// // Hard-fail: every server must staple.
/// let hard = StaplePolicy { on_missing: Action::Deny, ..StaplePolicy::default() };
/// # let _ = hard;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaplePolicy {
    /// No staple (and the certificate is not Must-Staple).
    ///
    /// Default: [`Action::Allow`] (soft-fail): most servers do not staple,
    /// and the client fetches nothing itself. An attacker with a revoked
    /// certificate can then simply not staple; only Must-Staple or
    /// [`Action::Deny`] closes that hole.
    pub on_missing: Action,
    /// A staple that is present but does not verify: malformed, signed by
    /// an unauthorized responder, about another certificate, expired or not
    /// yet valid, with an unknown critical extension, etc.
    ///
    /// Default: [`Action::Deny`]: a server that staples gets its responses
    /// from its CA; a bad one is either a misconfiguration to fix or an
    /// attack (e.g. replaying an old "good" response).
    pub on_invalid: Action,
    /// A valid staple saying `unknown` (the responder does not know the
    /// certificate: RFC 6960 2.2).
    ///
    /// Default: [`Action::Deny`]: a CA's responder not knowing a certificate
    /// that chains to that CA is a mis-issuance signal (mozilla::pkix treats
    /// a stapled `unknown` as an error too).
    pub on_unknown: Action,
    /// How the response itself is judged (clock skew, maximum ages, SHA-1):
    /// `ocsp-verify`'s policy. A nonce is never required (a staple cannot
    /// carry the client's nonce).
    ///
    /// Default: [`ocsp_verify::Policy::DEFAULT`].
    pub ocsp: ocsp_verify::Policy,
}

impl StaplePolicy {
    /// The defaults, as a `const`.
    pub const DEFAULT: StaplePolicy = StaplePolicy {
        on_missing: Action::Allow,
        on_invalid: Action::Deny,
        on_unknown: Action::Deny,
        ocsp: ocsp_verify::Policy::DEFAULT,
    };
}

impl Default for StaplePolicy {
    fn default() -> Self {
        StaplePolicy::DEFAULT
    }
}
