//! OCSP stapling for rustls 0.23: a client certificate verifier that checks
//! the stapled OCSP response ([`OcspVerifier`]), and server certificate
//! resolvers that staple: [`StaplingResolver`] wraps any resolver (SNI, many
//! certificates) and staples only verified responses, kept across restarts
//! in a [`StapleStore`]; [`StaplingCertResolver`] serves one certificate
//! with the staples of a [`StapleSource`].
//!
//! rustls hands a client's [`ServerCertVerifier`](rustls::client::danger::ServerCertVerifier)
//! the stapled response bytes, and its built-in WebPKI verifier ignores
//! them. [`OcspVerifier`] wraps any verifier (rustls's WebPKI verifier,
//! rustls-platform-verifier's, the application's own:
//! [`OcspVerifier::builder`]) and adds the revocation check.
//!
//! # Features
//!
//! No crypto provider is forced on the application: every constructor takes
//! the [`CryptoProvider`](rustls::crypto::CryptoProvider) it uses. The
//! features `aws-lc-rs` (default, as rustls's) and `ring` only add
//! `OcspVerifier::new_aws_lc_rs` and `OcspVerifier::new_ring`; with
//! `default-features = false` neither provider is compiled.
//!
//! `ocsp-http`: `StaplingResolver::follow`, stapling what an
//! `ocsp_http::Stapler` fetches (see `examples/tokio_server.rs`: a
//! tokio-rustls server that staples and refreshes).
//!
//! `log`: through the `log` crate (target `ocsp_rustls`), each staple
//! [`OcspVerifier`] accepts or refuses with the reason, and each staple
//! [`StaplingResolver`] sets or refuses (with the reason), stops stapling
//! because it expired, or loads from its [`StapleStore`]. Certificates are
//! named by their SHA-256 fingerprint; nothing secret is logged. Without
//! the feature nothing is logged or even formatted.
//!
//! ```no_run
//! use std::sync::Arc;
//! use ocsp_rustls::{OcspVerifier, StaplePolicy};
//!
//! # fn roots() -> rustls::RootCertStore { rustls::RootCertStore::empty() }
//! let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
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
//! * **The chain first.** The certificate chain is verified by the inner
//!   verifier (with [`OcspVerifier::new`], rustls's own
//!   [`WebPkiServerVerifier`](rustls::client::WebPkiServerVerifier): trust
//!   anchors, signatures, validity, name, purpose, CRLs if configured);
//!   nothing about the staple is looked at unless it passes. The chain is
//!   exactly as trustworthy as the inner verifier makes it.
//! * **The issuer is the one that signed.** The staple is verified against
//!   the certificate's issuer, which is taken only among the certificates
//!   whose subject is the end entity's issuer Name *and whose key verifies
//!   the end entity's signature*: first the intermediates the server sent,
//!   then the trust anchors given to the builder
//!   ([`OcspVerifierBuilder::with_trust_anchors`]). The server's chain is
//!   untrusted input; an extra "intermediate" with the issuer's Name but
//!   the attacker's key is never used (otherwise a revoked certificate's
//!   holder could staple a "good" response it signed itself).
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
//! | present but invalid or stale | refused ([`StaplePolicy::on_invalid`]) | [`StapleError::Invalid`] with the `ocsp_verify::Error` (or [`StapleError::IssuerNotFound`]) |
//! | absent | **accepted** ([`StaplePolicy::on_missing`], soft-fail: most servers do not staple) | [`StapleError::Missing`] if denied |
//! | absent, invalid, certificate is Must-Staple | **always refused** | [`StapleError::MustStapleWithoutStaple`] / [`StapleError::Invalid`] |
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
//! * **The server staples only what verifies.** [`StaplingResolver`] takes a
//!   response (from the application's fetcher, or from its
//!   [`StapleStore`] after a restart) only after `ocsp-verify` accepts it
//!   about that certificate, against an issuer whose key verifies the
//!   certificate's signature, at the time source's current time; at every
//!   handshake it staples it only while the time source says it is valid
//!   (`now <= nextUpdate`, bounded by the policy's maximum age), and drops
//!   any staple the wrapped resolver's keys carry. No time, no staple.
//! * **The store is trusted for nothing.** A [`StapleStore`] file may have
//!   been altered, swapped for another certificate's, or expired while the
//!   server was down: it is verified exactly like a fresh response before
//!   it is stapled, so the worst a writer of the directory can do is make
//!   the server staple nothing. Files are written atomically (temporary
//!   file in the same directory, `fsync`, rename), and read up to
//!   [`MAX_STAPLE_LEN`] octets.
//!
//! # What this crate does not do
//!
//! * Fetch responses itself (no OCSP over HTTP from inside a handshake: the
//!   server's staple is the only source), or check intermediates' status
//!   (`status_request_v2`, RFC 6961, is not supported by rustls).
//! * Pin the time: the client side checks at the `now` rustls passes, i.e.
//!   the client config's time provider; the server side at its
//!   [`StaplingResolver::with_time_provider`] (the system clock by default).
//! * Fetch or refresh the server's responses: `ocsp_http::Stapler` does
//!   that (its tokio task `ocsp_http::spawn_refresh_task` for many
//!   certificates); [`StaplingResolver::set_staple`] takes each new one,
//!   and with the feature `ocsp-http`, `StaplingResolver::follow` wires a
//!   stapler to it in one call (each response still verified by the
//!   resolver: the stapler's own verification is not relied on).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

mod error;
#[cfg(feature = "ocsp-http")]
mod follow;
pub mod issuer;
mod log;
mod must_staple;
mod policy;
mod resolver;
mod stapling_resolver;
mod store;
mod verifier;

pub use error::StapleError;
pub use must_staple::{is_must_staple, TLS_FEATURE};
pub use policy::{Action, StaplePolicy};
pub use resolver::{StapleSource, StaplingCertResolver};
pub use stapling_resolver::StaplingResolver;
pub use store::{fingerprint_hex, StapleStore, MAX_STAPLE_LEN};
pub use verifier::{OcspVerifier, OcspVerifierBuilder};

pub use ocsp_verify;
