//! Verification of OCSP responses (RFC 6960, RFC 5019, RFC 8954), strict and
//! fail-closed, in the manner of mozilla::pkix `pkixocsp.cpp` and Chromium
//! `pki/ocsp.cc`.
//!
//! [`Verifier::verify`] takes the DER response, the certificate in question
//! ([`Subject`]: a certificate or only a serial), its [`Issuer`], the
//! verification time, and the request's nonce if any; it returns a
//! [`Verdict`] or the [`Error`] variant naming the first rule broken.
//!
//! # Security model
//!
//! * **The caller vouches for the issuer.** The issuer (a certificate or a
//!   Name and key pair) has been validated by the caller's path building; it
//!   is trusted as given (its own signature and validity are not checked).
//!   So are the caller's locally trusted responders.
//! * **A response proves nothing until its signer is authorized.** The
//!   ResponderID (byName: exact Name DER; byKey: SHA-1 of the key, 20 octets)
//!   selects candidates among the issuer, the locally trusted responders and
//!   the embedded certificates. An embedded certificate is authorized only
//!   as a *delegated responder* (RFC 6960 4.2.2.2): issued by the issuer (its
//!   issuer Name is the issuer's subject and its signature verifies under
//!   the issuer's key), carrying id-kp-OCSPSigning, valid at the
//!   verification time, with a keyUsage (if any) allowing digitalSignature
//!   and no unhandled critical extension. Every matching candidate is tried;
//!   extra embedded certificates are harmless.
//! * **Signatures are checked over the bytes received** (`tbsResponseData`
//!   and `tbsCertificate`), never over a re-encoding, by the caller's
//!   [`rustls_pki_types::SignatureVerificationAlgorithm`]s, matched exactly
//!   by AlgorithmIdentifier. Anything outside the list (md2, md5, unknown
//!   OIDs) is refused by name. The [`algorithms`] module (feature
//!   `rustcrypto`, on by default) is a pure-Rust set; rustls users pass
//!   their provider's list instead.
//! * **Only the authenticated content is then read**: the CertID (hashes
//!   from the caller's issuer under any of SHA-1/256/384/512, constant
//!   time), the times ([`Policy`] skew and ages), the extensions (unknown
//!   critical ones fail), the nonce, and the status (revoked over unknown
//!   over good when several single responses match).
//!
//! # What the caller must still do
//!
//! * **Validate the issuer** (build and check the path to a trust anchor)
//!   before passing it: this crate trusts it as given.
//! * **Decide soft- or hard-fail.** An [`Error`] means "this response tells
//!   nothing"; whether a TLS connection then proceeds is the caller's
//!   policy. [`Status::Unknown`] is not [`Status::Good`]. A revoked status
//!   should always be final.
//! * **Send and keep the nonce** when freshness matters more than caching
//!   ([`Policy::require_nonce`]), and pass a trustworthy clock.
//! * **Cache by [`Verdict::valid_until`]**, never beyond it.
//!
//! Not checked: the delegated responder's own revocation status (RFC 6960
//! 4.2.2.2.1 leaves it to id-pkix-ocsp-nocheck or the CA's policy), its
//! basicConstraints, name constraints; path building and fetching are other
//! crates' jobs.
//!
//! # Cost
//!
//! Outside the signature algorithms, a verify allocates nothing: the
//! response, the issuer and the certificate are read in place, and the
//! issuer's Name and key are hashed (SHA-1) once for both the CertID match
//! and the byKey ResponderID. That part costs a few microseconds, against
//! tens of microseconds for the signature check(s); the repository's
//! `docs/PERFORMANCE.md` has the figures, with RustCrypto, ring and OpenSSL
//! side by side.
//!
//! # Policy defaults ([`Policy::DEFAULT`])
//!
//! | field | default |
//! |---|---|
//! | [`clock_skew`](Policy::clock_skew) | 5 minutes |
//! | [`max_age`](Policy::max_age) | none (trust `nextUpdate`) |
//! | [`max_age_without_next_update`](Policy::max_age_without_next_update) | 10 days |
//! | [`require_next_update`](Policy::require_next_update) | false (RFC 5019 strict mode: true) |
//! | [`require_nonce`](Policy::require_nonce) | false |
//! | [`allow_sha1_signatures`](Policy::allow_sha1_signatures) | true |
//! | [`reject_produced_in_future`](Policy::reject_produced_in_future) | false |
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

/// The README's examples, compiled as doctests.
#[cfg(all(doctest, feature = "rustcrypto"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

extern crate alloc;

#[cfg(feature = "rustcrypto")]
#[cfg_attr(docsrs, doc(cfg(feature = "rustcrypto")))]
pub mod algorithms;
mod cert_id;
mod error;
mod extensions;
mod input;
mod nonce;
mod policy;
mod responder;
#[cfg(feature = "serde")]
mod serialize;
mod signature;
mod time;
mod verdict;
mod verify;

pub use error::Error;
pub use input::{Issuer, Subject};
pub use policy::Policy;
pub use verdict::{Responder, Status, Verdict};
pub use verify::Verifier;

pub use ocsp_types::{CrlReason, Time};
pub use rustls_pki_types::{SignatureVerificationAlgorithm, UnixTime};
