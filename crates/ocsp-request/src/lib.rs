//! OCSP CertID hashing and request building (RFC 6960 4.1, RFC 5019,
//! RFC 8954).
//!
//! * **CertID**: [`cert_id_for_certificate`] (from a certificate and its
//!   issuer) and [`cert_id_for_serial`] (from a serial number and the
//!   issuer's Name and key, for trust anchors), under SHA-1 (the default),
//!   SHA-256, SHA-384 or SHA-512 ([`HashAlgorithm`]).
//! * **Matching** the CertIDs of a response: [`CertIdMatcher`] compares under
//!   each CertID's own hash algorithm, in constant time; [`CertIdMatcherRef`]
//!   does the same without allocating (borrowed issuer and serial).
//! * **Requests**: [`RequestBuilder`] (several CertIDs, [`Nonce`],
//!   requestorName, extensions, and signing through [`RequestSigner`]),
//!   producing an [`ocsp_types::OcspRequest`].
//! * **HTTP form** (RFC 5019): the POST body is the DER ([`CONTENT_TYPE`]);
//!   [`encode_get_url`] and [`decode_get_url`] handle the GET form, and
//!   [`RequestForm::choose`] picks one.
//! * **Responder URL**: [`responder_url`] reads a certificate's Authority
//!   Information Access.
//!
//! ```
//! # fn main() -> Result<(), ocsp_request::Error> {
//! use ocsp_request::{cert_id_for_serial, HashAlgorithm, Nonce, RequestBuilder, RequestForm};
//! # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
//! # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
//! # let fill_from_csprng = |buf: &mut [u8]| buf.fill(1);
//! let serial = [0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6];
//! let id = cert_id_for_serial(&serial, name, spki, HashAlgorithm::Sha1)?;
//! let der = RequestBuilder::new()
//!     .cert_id(id)
//!     .nonce(Nonce::random(32, fill_from_csprng)?)
//!     .build()?
//!     .to_der()?;
//! match RequestForm::choose("http://ocsp.example.com", &der) {
//!     RequestForm::Get(url) => println!("GET {url}"),
//!     RequestForm::Post(body) => println!("POST {} bytes", body.len()),
//! }
//! # Ok(()) }
//! ```
//!
//! # Features
//!
//! The crate is `no_std` (with `alloc`); the `std` feature only enables
//! `std` in `ocsp-types`. It has no source of randomness (pass the nonce or
//! a fill function to [`Nonce::random`]) and does no public-key cryptography
//! of its own (signers implement [`RequestSigner`]), except in the optional
//! `RustCryptoSigner`: feature `rustcrypto-signer` (RSA, P-256, P-384 PKCS#8
//! keys), and `ml-dsa` (also ML-DSA-44/65/87 keys in the RFC 9881 PKCS#8
//! forms: seed, expandedKey or both; FIPS 204 pure ML-DSA, empty context).
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

extern crate alloc;

mod aia;
mod builder;
mod cert_id;
mod certificate;
mod error;
mod get_url;
mod hash;
mod issuer;
mod matcher;
#[cfg(feature = "ml-dsa")]
mod ml_dsa_key;
mod nonce;
mod request_form;
#[cfg(feature = "rustcrypto-signer")]
mod rustcrypto_signer;
mod serial;
mod signing;

pub use aia::{responder_url, responder_urls};
pub use builder::RequestBuilder;
pub use cert_id::{cert_id_for_certificate, cert_id_for_serial};
pub use error::{Error, GetUrlError};
pub use get_url::{
    decode_get_url, encode_get_url, MAX_DECODED_GET_URL_LEN, MAX_GET_URL_CANDIDATES,
};
pub use hash::{Digest, HashAlgorithm};
#[allow(deprecated)]
pub use issuer::{IssuerHashes, IssuerHashesRef};
pub use issuer::{PreparedIssuer, PreparedIssuerRef};
pub use matcher::{CertIdMatcher, CertIdMatcherRef};
pub use nonce::{Nonce, DEFAULT_NONCE_LEN};
pub use request_form::{RequestForm, CONTENT_TYPE, MAX_GET_URL_LEN};
#[cfg(feature = "rustcrypto-signer")]
#[cfg_attr(docsrs, doc(cfg(feature = "rustcrypto-signer")))]
pub use rustcrypto_signer::{RustCryptoSigner, SignatureHash};
pub use serial::serial_matches_unsigned;
pub use signing::{RequestSigner, SignerError};
/// Renamed [`RequestForm`]: the GET or POST form of one request, not a
/// transport (that is `ocsp_http::HttpTransport`).
#[deprecated(since = "0.1.0", note = "renamed `RequestForm`")]
pub type Transport = RequestForm;
