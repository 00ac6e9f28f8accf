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
//! * **The caller vouches for the certificate in question too.** A
//!   [`Subject::Certificate`] has been validated by the caller (path
//!   building is the caller's job, as for the issuer), and the verifier uses
//!   only its serial number, issuer Name and validity: those (and the
//!   fields before them) are read strictly, the rest (subject Name, key,
//!   unique identifiers, extensions) is only framed as DER
//!   ([`ocsp_types::CertificateHeadRef`]).
//! * **A response proves nothing until its signer is authorized.** The
//!   ResponderID (byName: exact Name DER; byKey: SHA-1 of the key, 20 octets)
//!   selects candidates among the issuer, the locally trusted responders,
//!   the embedded certificates and the caller's extra certificates
//!   ([`Verifier::with_extra_certificates`], for responses that embed none;
//!   untrusted). An embedded or extra certificate is authorized only as a
//!   *delegated responder* (RFC 6960 4.2.2.2): issued by the issuer (its
//!   issuer Name is the issuer's subject and its signature verifies under
//!   the issuer's key), carrying id-kp-OCSPSigning, valid at the
//!   verification time, an end entity (basicConstraints `cA` is refused, as
//!   mozilla::pkix does, unless [`Policy::allow_ca_responders`]), with a
//!   keyUsage (if any) allowing digitalSignature or nonRepudiation, and no
//!   unhandled critical extension. Every matching candidate is tried;
//!   unrelated certificates are harmless. With a [`ResponderCache`]
//!   ([`Verifier::with_responder_cache`]) the delegate's certificate
//!   signature is not checked again for the exact certificate bytes already
//!   verified under the exact issuer key (SHA-256 of both); every other
//!   rule, and the response signature, is checked on every call.
//! * **Signatures are checked over the bytes received** (`tbsResponseData`
//!   and `tbsCertificate`), never over a re-encoding, by the caller's
//!   [`rustls_pki_types::SignatureVerificationAlgorithm`]s, matched exactly
//!   by AlgorithmIdentifier. Anything outside the list (md2, md5, unknown
//!   OIDs) is refused by name. The [`algorithms`] module (feature
//!   `rustcrypto`, on by default) is a pure-Rust set; rustls users pass
//!   their provider's list instead.
//! * **Only the authenticated content is then read**: the CertID (hashes
//!   from the caller's issuer under any of SHA-1/256/384/512, constant
//!   time), the times ([`Policy`] skew and ages: by default no response is
//!   relied on more than 10 days after its `thisUpdate`, whatever its
//!   `nextUpdate` says), the extensions (unknown critical ones fail; a
//!   value is decoded only where it is used, so a malformed SCT list or CRL
//!   reference does not fail a response), the
//!   nonce, and the status. When several single responses are about the
//!   certificate, every one must pass the time and extension checks (one
//!   that cannot be used fails the whole response, so a revoked entry is
//!   never dropped in favour of a good one), and the verdict is revoked if
//!   any says revoked, else unknown if any says unknown, else good.
//!
//! # Signature algorithms
//!
//! An algorithm of the caller's list is a candidate when its signature
//! identifier equals the `signatureAlgorithm` and its public-key identifier
//! equals the signer's key algorithm (both byte for byte); every candidate
//! is tried. The pure-Rust [`algorithms::ALL`] holds RSA PKCS#1 v1.5
//! (SHA-1/256/384/512) and RSASSA-PSS (SHA-256/384/512) for 2048 to 8192
//! bit keys, ECDSA on P-256, P-384 and P-521 with SHA-256, SHA-384 or
//! SHA-512 (RFC 5758), and Ed25519 (RFC 8410). With the `ml-dsa` feature
//! it also holds the post-quantum ML-DSA-44, ML-DSA-65 and ML-DSA-87
//! (FIPS 204) with the RFC 9881 identifiers: pure ML-DSA with an empty
//! context string, parameters absent, the public key the raw BIT STRING
//! content; this covers response signatures, delegated responder
//! certificates signed with ML-DSA, and CertIDs over ML-DSA issuer keys.
//! A key type no algorithm of the list takes is named in
//! [`Error::UnsupportedPublicKey`].
//!
//! # What the caller must still do
//!
//! * **Validate the issuer and the certificate in question** (build and
//!   check the path to a trust anchor) before passing them: this crate
//!   trusts them as given.
//! * **Decide soft- or hard-fail.** An [`Error`] means "this response tells
//!   nothing"; whether a TLS connection then proceeds is the caller's
//!   policy. [`Status::Unknown`] is not [`Status::Good`]. A revoked status
//!   should always be final.
//! * **Send and keep the nonce** when freshness matters more than caching
//!   ([`Policy::require_nonce`]), and pass a trustworthy clock.
//! * **Cache by [`Verdict::valid_until`]**, never beyond it.
//!
//! Not checked: the delegated responder's own revocation status (RFC 6960
//! 4.2.2.2.1 leaves it to id-pkix-ocsp-nocheck or the CA's policy), name
//! constraints; path building and fetching are other crates' jobs. The
//! repository's `docs/COMPATIBILITY.md` compares each rule with OpenSSL,
//! mozilla::pkix, Chromium and Go.
//!
//! # Cost
//!
//! Outside the signature algorithms, a verify allocates nothing: the
//! response, the issuer and the certificate are read in place, and the
//! issuer's Name and key are hashed (SHA-1) once for both the CertID match
//! and the byKey ResponderID. Callers that verify many responses against
//! one CA pass [`Issuer::Prepared`] (an [`ocsp_request::PreparedIssuer`]
//! built once): nothing about the issuer is then parsed or hashed per call. That part costs a few microseconds, against
//! tens of microseconds for the signature check(s); the repository's
//! `docs/PERFORMANCE.md` has the figures, with RustCrypto, ring and OpenSSL
//! side by side.
//!
//! # Policy defaults ([`Policy::DEFAULT`])
//!
//! | field | default |
//! |---|---|
//! | [`clock_skew`](Policy::clock_skew) | 5 minutes |
//! | [`max_age`](Policy::max_age) | 10 days, with or without `nextUpdate` (CA/Browser Forum; mozilla::pkix) |
//! | [`max_age_without_next_update`](Policy::max_age_without_next_update) | 10 days (mozilla::pkix: 1 day) |
//! | [`require_next_update`](Policy::require_next_update) | false (RFC 5019 strict mode: true) |
//! | [`require_nonce`](Policy::require_nonce) | false |
//! | [`allow_sha1_signatures`](Policy::allow_sha1_signatures) | true |
//! | [`reject_produced_in_future`](Policy::reject_produced_in_future) | false |
//! | [`allow_ca_responders`](Policy::allow_ca_responders) | false (mozilla::pkix) |
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
mod responder_cache;
#[cfg(feature = "serde")]
mod serialize;
mod signature;
mod time;
mod verdict;
mod verify;

pub use error::Error;
pub use input::{Issuer, Subject};
pub use policy::Policy;
pub use responder_cache::ResponderCache;
pub use signature::PublicKeyType;
pub use verdict::{Responder, Status, Verdict};
pub use verify::Verifier;

pub use ocsp_types::{CrlReason, Time};
pub use rustls_pki_types::{SignatureVerificationAlgorithm, UnixTime};
