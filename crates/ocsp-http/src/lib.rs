//! Fetching, verifying and caching OCSP responses over HTTP (RFC 6960 A.1,
//! RFC 5019, RFC 8954), for TLS clients and for servers that staple.
//!
//! * [`HttpTransport`] (blocking) and `AsyncHttpTransport` (feature
//!   `async`, any runtime): the small traits a caller implements on its own
//!   HTTP stack. They deal in bytes and headers; [`HttpRequest`] documents
//!   the timeout and size limit they must enforce. `UreqTransport`
//!   (feature `ureq`) and `ReqwestTransport` (feature `reqwest`, async) are
//!   ready ones for plain `http://`.
//! * [`Client`]: responder URL (the certificate's AIA or a configured one),
//!   request with a random nonce, GET or POST, checks on the way back, and
//!   verification by `ocsp-verify`. It returns an owned
//!   [`CheckedResponse`].
//! * [`Cache`]: verified responses by CertID, one shared fetch per CertID,
//!   and the soft-/hard-fail choice ([`FailureMode`]); `Cache::lookup_async`
//!   (feature `tokio`) shares the same entries, rules and fetches.
//! * [`Stapler`]: a server's own response, refreshed halfway through its
//!   validity, to staple; `spawn_refresh_task` (feature `tokio`) keeps many
//!   staplers fresh from one tokio task.
//! * [`Clock`]: the time, injectable ([`ManualClock`] in tests).
//!
//! # What is checked
//!
//! The responder URL first, before anything is sent
//! ([`Error::InvalidResponderUrl`], reported without userinfo):
//!
//! * a URL with userinfo (`http://user:password@host/`) is refused
//!   ([`UrlRefusal::Userinfo`]): a responder needs no credentials, and they
//!   would travel in clear and be shown wherever the URL is reported;
//! * a URL with a fragment (`#...`) is refused ([`UrlRefusal::Fragment`]):
//!   a fragment is never sent, so the GET form would never reach the
//!   responder;
//! * a URL with a query (`?...`) is POSTed to as it is: the RFC 5019 GET
//!   form appends the request as a path segment, which a query cannot take.
//!
//! On the way out: otherwise the request is sent with `GET {url}/{base64}`
//! when that URL is at most 255 bytes, else `POST` with `Content-Type:
//! application/ocsp-request` (RFC 5019 5); it carries a fresh nonce from
//! the operating system's generator ([`ClientConfig::nonce_len`]).
//!
//! On the way in, in this order, each failure with its own [`Error`]
//! variant and nothing partial returned:
//!
//! 1. the transport delivered a complete body in time and within the size
//!    limit, else [`Error::Transport`] with the transport's reason
//!    ([`TransportError::Timeout`], [`TransportError::BodyTooLarge`],
//!    [`TransportError::Truncated`]; a name that does not resolve is
//!    [`TransportError::Connect`]);
//! 2. no redirect: a 3xx is [`Error::Redirect`] (its status and
//!    `Location`, userinfo removed). Redirects are never followed: a
//!    responder has no need of them, a followed 301/302/303 turns the
//!    POST into a body-less GET, and a followed redirect reaches a host
//!    (or scheme) the configuration never named. This fails closed;
//!    Chromium's fetcher, the most permissive peer, follows only `http`
//!    targets. `UreqTransport` and `ReqwestTransport` follow none;
//! 3. the status code is 200 ([`Error::HttpStatus`]);
//! 4. `Content-Type` is `application/ocsp-response` ([`Error::ContentType`]);
//! 5. the response verifies ([`Error::Verify`]): responder authorization,
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
//! **Replay.** A nonce-less response can be replayed by anyone on the path
//! until its `nextUpdate`. [`Cache`] therefore never lets a fetched response
//! undo the one it holds: a lookup returns what the cache keeps; a fetched
//! response older than the held one (by `thisUpdate`, then `producedAt`)
//! counts as a failed fetch and the held one is served; a held revoked
//! response is final (never replaced by a good or unknown one, served
//! without fetching again until it expires), as in Firefox's cache.
//! [`Stapler::refresh_if_due`] reports a refresh that brought nothing
//! usable now (a response valid only within the clock skew) as
//! [`Error::ExpiredResponse`].
//!
//! **Memory.** A response body is at most
//! [`ClientConfig::max_response_len`] (64 KiB). A cache entry costs its DER
//! (kept whole: a stapling server serves it) plus the parsed facts; an
//! entry costing more than [`DEFAULT_MAX_ENTRY_BYTES`] (16 KiB; typical
//! entries cost 2 to 4 KiB) is returned but not kept, so that responses
//! padded with unsigned certificates cannot crowd out others, and all
//! entries together cost at most [`DEFAULT_MAX_BYTES`] (32 MiB). Worst
//! case: `min(max_entries × max_entry_bytes, max_bytes)`, plus the hash
//! table's few dozen bytes per entry, whatever the responders send (see
//! [`Cache`] for what an entry counts).
//!
//! **Proxies** (`UreqTransport`, `ReqwestTransport`): the environment is
//! read the way curl reads it: lower-case `http_proxy` only (the upper-case
//! `HTTP_PROXY` is ignored: a CGI-style server sets it from a client's
//! `Proxy:` header, "httpoxy"), else `all_proxy` / `ALL_PROXY`, with
//! `no_proxy` / `NO_PROXY`; or not at all (`UreqConfig::proxy_from_env`,
//! `ReqwestConfig::proxy_from_env`). reqwest's and ureq's own readings of
//! the environment are switched off.
//!
//! **Async.** The async path (`Client::check_async`,
//! `Cache::lookup_async`, the refresh task, `ReqwestTransport`) keeps every
//! rule above: the same URL rules, redirect refusal, size limit, replay
//! and revocation rules and memory bound, decided by the same functions
//! as the blocking path, over the same cache entries and shared fetches.
//!
//! **Logging** (feature `log`): cache hits, misses and shared fetches,
//! refused replays, fetch errors and refresh outcomes, through the `log`
//! crate. Nothing secret is logged: no nonce, no response body, no request
//! URL (a GET URL carries the nonce); certificates are named by serial
//! number. Without the feature nothing is logged or even formatted.
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
//! * `async`: `AsyncHttpTransport` and `Client::check_async` (no runtime).
//! * `tokio`: `Cache::lookup_async` and `Cache::refresh_async`,
//!   `Stapler::refresh_if_due_async`, and `spawn_refresh_task` with its
//!   `RefreshSchedule` (halfway through validity
//!   with jitter, retries with backoff).
//! * `reqwest`: `ReqwestTransport`, an `AsyncHttpTransport` on reqwest
//!   (without a TLS stack; plain `http://`).
//! * `log`: log through the `log` crate (see above).
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
mod log;
#[cfg(any(feature = "ureq", feature = "reqwest"))]
mod proxy;
#[cfg(feature = "tokio")]
mod refresh_task;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
#[cfg(feature = "serde")]
mod serialize;
mod stapler;
mod transport;
#[cfg(feature = "ureq")]
mod ureq_transport;
mod url;

pub use cache::{
    Cache, CacheStats, FailureMode, Outcome, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES,
    DEFAULT_MAX_ENTRY_BYTES,
};
pub use checked::{CheckedResponse, ResponderKind};
pub use client::{
    Client, ClientConfig, DEFAULT_CLIENT_NONCE_LEN, DEFAULT_MAX_RESPONSE_LEN, DEFAULT_TIMEOUT,
};
/// Renamed [`DEFAULT_CLIENT_NONCE_LEN`] (16), so that it is not mistaken for
/// `ocsp_request::DEFAULT_NONCE_LEN` (32).
#[deprecated(since = "0.1.0", note = "renamed `DEFAULT_CLIENT_NONCE_LEN`")]
pub const DEFAULT_NONCE_LEN: usize = DEFAULT_CLIENT_NONCE_LEN;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{BoxError, Error, TransportError};
pub use headers::{HttpInfo, RESPONSE_CONTENT_TYPE};
#[cfg(feature = "tokio")]
pub use refresh_task::{spawn_refresh_task, RefreshSchedule, RefreshTask, DEFAULT_MAX_BACKOFF};
#[cfg(feature = "reqwest")]
pub use reqwest_transport::{ReqwestConfig, ReqwestTransport};
pub use stapler::{Refresh, RefresherHandle, Stapler, DEFAULT_RETRY_INTERVAL};
#[cfg(feature = "async")]
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
pub use transport::{AsyncHttpTransport, BoxFuture};
pub use transport::{HttpRequest, HttpResponse, HttpTransport, Method, DEFAULT_CONNECT_TIMEOUT};
#[cfg(feature = "ureq")]
#[cfg_attr(docsrs, doc(cfg(feature = "ureq")))]
pub use ureq_transport::{UreqConfig, UreqTransport};
pub use url::UrlRefusal;

pub use ocsp_request::HashAlgorithm;
pub use ocsp_verify::{CrlReason, Policy, Status, Time, UnixTime};
