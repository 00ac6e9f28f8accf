//! The ASN.1 types of the Online Certificate Status Protocol (RFC 6960), with
//! strict, zero-copy DER decoding and DER encoding.
//!
//! # Two faces
//!
//! * **Borrowed views** ([`OcspResponseRef`], [`OcspRequestRef`], ...) for the
//!   hot path. `parse` checks the whole message against the RFC 6960 schema
//!   and DER, without copying or allocating; it keeps the exact bytes of
//!   `tbsResponseData` ([`ResponseDataRef::as_der`]) so that a signature is
//!   always checked over what was received, never over a re-encoding. Single
//!   responses, extensions and certificates are iterated lazily.
//! * **Owned types** ([`OcspResponse`], [`OcspRequest`], ...) for requests and
//!   responders. `to_der` encodes, then re-reads its own output with the
//!   strict parser, so it never emits what this crate would refuse. `from_der`
//!   is the borrowed parse followed by a copy: there is one parser.
//!
//! For every input the parser accepts, `from_der(x)?.to_der()? == x`.
//!
//! # Strictness (fail closed)
//!
//! Refused, each with its own [`Error`] variant and the byte offset and field:
//! indefinite and non-minimal lengths, high tag numbers, constructed (BER)
//! strings, wrong tags, trailing bytes at any level, non-minimal INTEGERs, a
//! BOOLEAN other than `00`/`FF`, an encoded `critical FALSE` in an OCSP
//! message, any version but v1, GeneralizedTime not of the form
//! `YYYYMMDDHHMMSSZ`, an undefined `responseStatus` or `CRLReason`, a
//! successful response without `responseBytes` (or an error response with
//! them), a duplicated extension, and signatures with unused bits. A
//! `responseType` other than id-pkix-ocsp-basic is
//! [`Error::UnsupportedResponseType`].
//!
//! # Accepted deviations (compatible where it is harmless)
//!
//! A few deviations that careful peers accept and real responders and CAs
//! produce are accepted, never silently: `deviations()` on the parsed views
//! lists each one as a [`Deviation`] (kind and position), without
//! allocating. In OCSP messages: `version [0] INTEGER 0` encoded explicitly
//! (mozilla::pkix bug 1031093, Chromium) and an empty `Extensions` SEQUENCE
//! (mozilla::pkix bug 991898); the owned types remember both, so
//! decode-then-encode still gives back the received bytes. In certificates,
//! whatever rustls-webpki 0.103 accepts (see [`CertificateRef`]). The full
//! table is `docs/COMPATIBILITY.md`.
//!
//! What parsing does **not** judge: algorithm OIDs, extension OIDs,
//! criticality and values (a typed accessor reports a malformed value when
//! asked), key hash lengths, and the certificates beyond their outer
//! shape. Parsing is not verification: a parsed response proves nothing until
//! `ocsp-verify` has checked it.
//!
//! # Bounded work
//!
//! Inputs above [`limits::MAX_MESSAGE_LEN`] are refused; list lengths are
//! bounded by [`limits`]; the decoder's depth is fixed by the schema (opaque
//! parts such as extension values are length-checked, not recursed into);
//! parsing never panics and never allocates.
//!
//! ```
//! # fn main() -> Result<(), ocsp_types::Error> {
//! use ocsp_types::{CertStatus, OcspResponseRef};
//! # let der = include_bytes!("../tests/data/seed-wikipedia-2017.der");
//! let response = OcspResponseRef::parse(der)?;
//! let basic = response.basic().expect("successful");
//! for single in basic.tbs_response_data().responses() {
//!     println!("serial {:02x?}: {}", single.cert_id().serial_number(), single.cert_status().name());
//! }
//! # Ok(()) }
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

extern crate alloc;

/// `Display` for the enums with a `name()`: the name.
macro_rules! display_name {
    ($($t:ty),+ $(,)?) => {$(
        impl core::fmt::Display for $t {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }
    )+};
}

mod algorithm;
mod asn1;
mod cert_id;
mod certificate;
mod certificate_extensions;
pub mod der;
mod deviation;
mod error;
mod extension;
pub mod limits;
mod list;
mod name;
pub mod ocsp_extensions;
mod request;
mod responder_id;
mod response;
#[cfg(feature = "serde")]
mod serialize;
mod status;
pub mod x509;

pub use algorithm::{AlgorithmIdentifier, AlgorithmIdentifierRef};
pub use asn1::oid;
pub use asn1::oid::{ObjectIdentifier, Oid};
pub use asn1::time::Time;
pub use asn1::writer::unsigned_to_integer as serial_from_unsigned;
pub use cert_id::{CertId, CertIdRef};
pub use certificate::{EmbeddedCertificatesIter, EmbeddedCertificatesRef};
/// Renamed [`EmbeddedCertificatesRef`]: the embedded `certs` list, not one
/// certificate (that is [`CertificateRef`]).
#[deprecated(since = "0.1.0", note = "renamed `EmbeddedCertificatesRef`")]
pub type CertificatesRef<'a> = EmbeddedCertificatesRef<'a>;
/// Renamed [`EmbeddedCertificatesIter`].
#[deprecated(since = "0.1.0", note = "renamed `EmbeddedCertificatesIter`")]
pub type CertificatesIter<'a> = EmbeddedCertificatesIter<'a>;
pub use deviation::{Deviation, DeviationKind};
pub use error::{DisplayOid, Error, Position};
pub use extension::{Extension, ExtensionRef, ExtensionsIter, ExtensionsRef};
pub use list::{List, ListIter};
pub use name::{GeneralName, GeneralNameRef, NameRef};
pub use request::{
    OcspRequest, OcspRequestRef, Request, RequestRef, RequestsIter, RequestsRef, Signature,
    SignatureRef, TbsRequest, TbsRequestRef,
};
pub use responder_id::{ResponderId, ResponderIdRef};
pub use response::{
    BasicOcspResponse, BasicResponseRef, OcspResponse, OcspResponseRef, ResponseData,
    ResponseDataRef, SingleResponse, SingleResponseRef, SingleResponsesIter, SingleResponsesRef,
};
pub use status::{CertStatus, CrlReason, ResponseStatus, RevokedInfo};
pub use x509::{
    CertificateFieldsRef, CertificateHeadRef, CertificateRef, KeyUsage, ResponderExtensions,
    SubjectPublicKeyInfoRef,
};

/// Renamed [`ocsp_extensions`]: the typed values of the standard OCSP
/// extensions.
#[deprecated(since = "0.1.0", note = "renamed `ocsp_types::ocsp_extensions`")]
pub mod known {
    pub use crate::ocsp_extensions::*;
}
