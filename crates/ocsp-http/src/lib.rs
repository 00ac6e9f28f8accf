//! Fetching, verifying and caching OCSP responses over HTTP (RFC 6960 A.1,
//! RFC 5019, RFC 8954), for TLS clients and for servers that staple.
//!
//! * [`HttpTransport`] (blocking) and `AsyncHttpTransport` (feature
//!   `async`, any runtime): the small traits a caller implements on its own
//!   HTTP stack. They deal in bytes and headers; [`HttpRequest`] documents
//!   the timeout and size limit they must enforce. `UreqTransport`
//!   (feature `ureq`) is a ready one for plain `http://`.
//! * [`Client`]: responder URL (the certificate's AIA or a configured one),
//!   request with a random nonce, GET or POST, checks on the way back, and
//!   verification by `ocsp-verify`. It returns an owned
//!   [`CheckedResponse`].
//! * [`Cache`]: verified responses by CertID, one shared fetch per CertID,
//!   and the soft-/hard-fail choice ([`FailureMode`]).
//! * [`Stapler`]: a server's own response, refreshed halfway through its
//!   validity, to staple.
//! * [`Clock`]: the time, injectable ([`ManualClock`] in tests).
//!
//! # What is checked
//!
//! On the way out: the request is sent with `GET {url}/{base64}` when that
//! URL is at most 255 bytes, else `POST` with `Content-Type:
//! application/ocsp-request` (RFC 5019 5); it carries a fresh nonce from
//! the operating system's generator ([`ClientConfig::nonce_len`]).
//!
//! On the way in, in this order, each failure with its own [`Error`]
//! variant and nothing partial returned:
//!
//! 1. the transport delivered a complete body in time and within the size
//!    limit ([`Error::Timeout`], [`Error::ResponseTooLarge`],
//!    [`Error::TruncatedBody`], [`Error::TooManyRedirects`],
//!    [`Error::Transport`]);
//! 2. the status code is 200 ([`Error::HttpStatus`]);
//! 3. `Content-Type` is `application/ocsp-response` ([`Error::ContentType`]);
//! 4. the response verifies ([`Error::Verify`]): responder authorization,
//!    signature, CertID, times against the injected [`Clock`], critical
//!    extensions, the nonce (a different one is always refused), and the
//!    status (see `ocsp-verify`'s security model).
//!
//! HTTP caching headers (`Cache-Control: max-age`, `ETag`, `Expires`,
//! `Last-Modified`) are reported in [`HttpInfo`] and are only hints (RFC
//! 5019 6.2): `max-age` schedules a refresh, capped at the signed
//! `nextUpdate`; nothing is ever served past
//! [`CheckedResponse::valid_until`].
//!
//! # Soft-fail or hard-fail: the caller's choice
//!
//! An [`Error`] means "no answer", never "good". [`Client::check`] returns
//! it as is; [`Cache::lookup`] takes a [`FailureMode`]: with
//! [`FailureMode::Hard`] the error is returned (fail closed), with
//! [`FailureMode::Soft`] it becomes [`Outcome::Unavailable`], an explicit
//! third answer besides a verified status, which is never
//! [`Status::Good`]. Whether a TLS connection may proceed on
//! "unavailable" is the caller's policy: soft-fail lets an attacker who
//! blocks the responder hide a revocation, which is why hard-fail (or
//! stapling with Must-Staple) is the safe choice where availability allows.
//!
//! # Features
//!
//! * `rustcrypto` (default): `Client::new` verifies with
//!   `ocsp_verify::algorithms::ALL`; without it use
//!   [`Client::with_algorithms`] (e.g. with a rustls provider's list).
//! * `ureq`: `UreqTransport`.
//! * `async`: `AsyncHttpTransport` and `Client::check_async`.
//! * `serde`: `serde::Serialize` on [`CheckedResponse`] (and [`Status`],
//!   [`Time`], [`HttpInfo`], [`ResponderKind`]): times as RFC 3339 UTC
//!   strings, octets as lowercase hex; the shape is in the crate's README.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

/// The README's examples, compiled as doctests.
#[cfg(all(doctest, feature = "ureq", feature = "rustcrypto"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod cache;
mod checked;
mod client;
mod clock;
mod error;
mod headers;
#[cfg(feature = "serde")]
mod serialize;
mod stapler;
mod transport;
#[cfg(feature = "ureq")]
mod ureq_transport;

pub use cache::{Cache, CacheStats, FailureMode, Outcome, DEFAULT_MAX_ENTRIES};
pub use checked::{CheckedResponse, ResponderKind};
pub use client::{
    Client, ClientConfig, DEFAULT_MAX_RESPONSE_LEN, DEFAULT_NONCE_LEN, DEFAULT_TIMEOUT,
};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{BoxError, Error, TransportError};
pub use headers::{HttpInfo, RESPONSE_CONTENT_TYPE};
pub use stapler::{Refresh, RefresherHandle, Stapler, DEFAULT_RETRY_INTERVAL};
#[cfg(feature = "async")]
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
pub use transport::{AsyncHttpTransport, BoxFuture};
pub use transport::{HttpRequest, HttpResponse, HttpTransport, Method};
#[cfg(feature = "ureq")]
#[cfg_attr(docsrs, doc(cfg(feature = "ureq")))]
pub use ureq_transport::{
    UreqConfig, UreqTransport, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_REDIRECTS,
};

pub use ocsp_request::HashAlgorithm;
pub use ocsp_verify::{CrlReason, Policy, Status, Time, UnixTime};
