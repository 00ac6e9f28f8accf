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
//! Path building, revocation of the delegated responder (id-pkix-ocsp-nocheck)
//! and fetching are out of scope.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

#[cfg(feature = "rustcrypto")]
pub mod algorithms;
mod cert_id;
mod error;
mod extensions;
mod input;
mod nonce;
mod policy;
mod responder;
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
