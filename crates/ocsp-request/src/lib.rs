//! OCSP CertID hashing and request building (RFC 6960 4.1, RFC 5019).
//!
//! (Skeleton: the `ocsp-request` issue fills it.)
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

mod error;
mod get_url;

pub use error::Error;
pub use get_url::decode_get_url;
