//! RFC 5019 GET URLs.

use alloc::vec::Vec;

use crate::Error;

/// Decodes the DER `OCSPRequest` carried by an OCSP GET URL or its path.
///
/// (Skeleton: to be completed by the `ocsp-request` issue.)
pub fn decode_get_url(_url: &str) -> Result<Vec<u8>, Error> {
    Err(Error::InvalidGetUrl("not implemented yet"))
}
