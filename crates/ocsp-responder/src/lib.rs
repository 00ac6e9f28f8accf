//! An OCSP responder (RFC 6960, RFC 5019, RFC 8954): signed responses to
//! parsed requests, certificate statuses from OpenSSL's `index.txt` or
//! memory, and (feature `server`) an HTTP responder on hyper and tokio.
//!
//! * [`ResponseBuilder`] checks a parsed request and signs the response
//!   through a [`ResponseSigner`] (`RustCryptoSigner` with the `rustcrypto`
//!   feature: PKCS#8 RSA, P-256, P-384 and Ed25519 keys).
//! * [`StatusSource`] answers good / revoked / unknown: [`Index`] (an
//!   `index.txt`), `IndexFile` (the same, reloaded when the file changes;
//!   feature `std`), [`MemorySource`].
//! * `server` (feature `server`) serves POST and GET (RFC 5019) with the
//!   RFC 5019 caching headers, and reuses pre-signed responses to
//!   nonce-less requests.
//!
//! # Security model
//!
//! **What it signs.** Only statements its [`StatusSource`] makes: for each
//! requested CertID, the status the source gives for that serial number
//! under the issuer the CertID names, at the caller's `now`. A CertID whose
//! issuer hashes do not match a served issuer (compared in constant time,
//! under the CertID's own hash algorithm) gets no signature at all: the
//! whole request is answered with the unsigned `unauthorized` status,
//! never with a signed `unknown` or `good`. A serial the source does not
//! know is `unknown`, never `good`. The CertID in each answer is the one
//! requested, byte for byte; the nonce is echoed byte for byte.
//!
//! **For whom.** For the CAs it is configured with, signing either with a
//! CA's own key or with a delegated responder certificate that the CA
//! issued with id-kp-OCSPSigning ([`ResponseBuilder::from_certificates_der`]
//! checks both before any signing; that certificate is then embedded).
//! Anyone may ask: requests are not authenticated (signed requests are
//! accepted and their signature ignored), as RFC 5019 responders do.
//!
//! **What it refuses**, with an unsigned error response: a request that is
//! not strict DER or has an empty request list, a nonce outside 1 to 32
//! octets (RFC 8954 2.1), or a critical extension it does not know
//! (`malformedRequest`); an issuer it does not serve or a CertID hash it
//! cannot compute (`unauthorized`); a source that cannot answer
//! (`tryLater`) or fails, and a signer that fails (`internalError`). An
//! index file that does not parse is refused whole, and the last good one
//! stays in service.
//!
//! **Replay and freshness.** Responses without a nonce may be reused until
//! their `nextUpdate` (that is what RFC 5019 caching is); a client that
//! needs freshness sends a nonce, and with [`NoncePolicy::Echo`] gets a
//! freshly signed response. A revocation reaches clients when the source
//! changes (pre-signed responses of an older [`StatusSource::generation`]
//! are not reused) and, through HTTP caches, at the latest when the cached
//! response expires: the validity is the revocation latency an operator
//! chooses.
//!
//! **Keys.** The RustCrypto RSA signer has had timing findings
//! (RUSTSEC-2023-0071); an on-line responder should prefer ECDSA keys or an
//! HSM behind its own [`ResponseSigner`]. Signing is deterministic (PKCS#1
//! v1.5, RFC 6979 ECDSA) and needs no random source.
//!
//! # Running a fleet
//!
//! Responses to nonce-less requests (what browsers and RFC 5019 clients
//! send, by GET) are identical for everyone and cacheable: the server sends
//! `Cache-Control: max-age=…, public, no-transform, must-revalidate`,
//! `Last-Modified` (thisUpdate), `Expires` (nextUpdate) and an `ETag`. A
//! large CA runs several instances, each reading the same `index.txt`
//! (shared storage or a copy pushed to each; each instance reloads it on
//! change), behind a CDN or reverse-proxy cache that honours those headers:
//! the cache absorbs the bursts, the instances sign once per certificate per
//! refresh. Instances are stateless; any can answer any request.
//!
//! # Features
//!
//! Without features the crate is `no_std` with `alloc`. `std`: `IndexFile`.
//! `rustcrypto`: `ResponseSigner` for `ocsp_request::RustCryptoSigner`
//! (PKCS#8 RSA, P-256, P-384, Ed25519). `ml-dsa`: the same signer takes
//! ML-DSA-44/65/87 keys (RFC 9881 PKCS#8: seed, expanded key or both) and
//! signs pure ML-DSA (FIPS 204) with an empty context. `server`: the HTTP
//! responder (std, hyper 1, tokio).
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

extern crate alloc;

mod builder;
mod error;
mod index;
#[cfg(feature = "std")]
mod index_file;
#[cfg(feature = "server")]
#[cfg_attr(docsrs, doc(cfg(feature = "server")))]
pub mod server;
mod signer;
mod status;

pub use builder::{error_response, CheckedRequest, NoncePolicy, ResponseBuilder, SignedResponse};
pub use error::Error;
pub use index::{Index, IndexEntry};
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub use index_file::{IndexFile, MAX_INDEX_FILE_LEN};
#[cfg(feature = "rustcrypto")]
#[cfg_attr(docsrs, doc(cfg(feature = "rustcrypto")))]
pub use ocsp_request::RustCryptoSigner;
pub use signer::{sign_response_data, ResponseSigner, SignerError};
pub use status::{CertificateStatus, MemorySource, StatusQuery, StatusSource};
