//! OCSP stapling for rustls 0.23: a client certificate verifier that checks
//! the stapled OCSP response ([`OcspVerifier`]), and a server certificate
//! resolver that staples one ([`StaplingCertResolver`]).
//!
//! rustls hands a client's [`ServerCertVerifier`](rustls::client::danger::ServerCertVerifier)
//! the stapled response bytes, and its built-in WebPKI verifier ignores
//! them. [`OcspVerifier`] wraps that verifier and adds the revocation check.
//!
//! ```no_run
//! use std::sync::Arc;
//! use ocsp_rustls::{OcspVerifier, StaplePolicy};
//!
//! # fn roots() -> rustls::RootCertStore { rustls::RootCertStore::empty() }
//! let provider = Arc::new(rustls::crypto::ring::default_provider());
//! let verifier = OcspVerifier::new(Arc::new(roots()), Arc::clone(&provider))?
//!     .with_policy(StaplePolicy::default());
//! let config = rustls::ClientConfig::builder_with_provider(provider)
//!     .with_safe_default_protocol_versions()?
//!     .dangerous()
//!     .with_custom_certificate_verifier(Arc::new(verifier))
//!     .with_no_client_auth();
//! # let _ = config;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Security model
//!
//! * **The chain first.** The certificate chain is verified by rustls's own
//!   [`WebPkiServerVerifier`](rustls::client::WebPkiServerVerifier) (trust
//!   anchors, signatures, validity, name, purpose, CRLs if configured);
//!   nothing about the staple is looked at unless it passes.
//! * **The issuer is the one that signed.** The staple is verified against
//!   the certificate's issuer, which is taken only among the certificates
//!   whose subject is the end entity's issuer Name *and whose key verifies
//!   the end entity's signature*: first the intermediates the server sent,
//!   then the caller's trust anchors. The server's chain is untrusted input;
//!   an extra "intermediate" with the issuer's Name but the attacker's key
//!   is never used (otherwise a revoked certificate's holder could staple a
//!   "good" response it signed itself).
//! * **The response is verified by `ocsp-verify`** (RFC 6960 responder
//!   authorization, signature, CertID, times, critical extensions) at the
//!   handshake's time, with the rustls provider's signature algorithms: no
//!   second crypto stack.
//! * **Outcomes** ([`StaplePolicy`], every default chosen to fail closed
//!   where an attacker could gain):
//!
//! | staple | default | rustls error |
//! |---|---|---|
//! | good | accept | — |
//! | revoked | **always refused** | [`CertificateError::Revoked`](rustls::CertificateError::Revoked) |
//! | unknown | refused ([`StaplePolicy::on_unknown`]) | [`CertificateError::UnknownRevocationStatus`](rustls::CertificateError::UnknownRevocationStatus) |
//! | present but invalid or stale | refused ([`StaplePolicy::on_invalid`]) | [`CertificateError::InvalidOcspResponse`](rustls::CertificateError::InvalidOcspResponse) |
//! | absent | **accepted** ([`StaplePolicy::on_missing`], soft-fail: most servers do not staple) | [`StapleError::Missing`] if denied |
//! | absent, invalid, certificate is Must-Staple | **always refused** | [`StapleError::MustStapleWithoutStaple`] / `InvalidOcspResponse` |
//!
//! [`StapleError`]s reach the application as
//! `rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(arc)))`;
//! downcast `arc` to [`StapleError`].
//!
//! * **Must-Staple (RFC 7633).** A certificate with the TLS Feature
//!   extension (1.3.6.1.5.5.7.1.24) listing `status_request` (5) is refused
//!   without a valid staple, whatever [`StaplePolicy::on_missing`] and
//!   [`StaplePolicy::on_invalid`] say. A TLS Feature extension that does not
//!   parse strictly is treated as Must-Staple (fail closed).
//!
//! # What this crate does not do
//!
//! * Fetch responses itself (no OCSP over HTTP from inside a handshake: the
//!   server's staple is the only source), or check intermediates' status
//!   (`status_request_v2`, RFC 6961, is not supported by rustls).
//! * Pin the time: it is the `now` rustls passes, i.e. the client config's
//!   time provider.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

mod error;
mod must_staple;
mod policy;
mod resolver;
mod verifier;

pub use error::StapleError;
pub use must_staple::{is_must_staple, TLS_FEATURE};
pub use policy::{Action, StaplePolicy};
pub use resolver::{StapleSource, StaplingCertResolver};
pub use verifier::OcspVerifier;

pub use ocsp_verify;
