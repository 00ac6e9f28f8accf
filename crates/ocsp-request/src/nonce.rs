//! The request nonce (RFC 8954).

use alloc::vec;
use alloc::vec::Vec;

use ocsp_types::ocsp_extensions::{MAX_NONCE_LEN, MIN_NONCE_LEN};
use ocsp_types::Extension;

use crate::Error;

/// The nonce length used when none is given: 32 octets, the most RFC 8954
/// allows (and what it recommends responders accept).
pub const DEFAULT_NONCE_LEN: usize = 32;

/// A request nonce of 1 to 32 octets (RFC 8954 2.1).
///
/// This crate has no source of randomness of its own: pass the bytes, or a
/// function that fills a buffer from a cryptographically secure generator.
///
/// ```
/// use ocsp_request::{Error, Nonce};
/// let nonce = Nonce::random(16, |buf| buf.fill(0x42))?; // use a real CSPRNG
/// assert_eq!(nonce.as_bytes(), [0x42; 16]);
/// assert_eq!(Nonce::new(&[]), Err(Error::InvalidNonceLength { len: 0 }));
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nonce(Vec<u8>);

impl Nonce {
    /// A nonce with these bytes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidNonceLength`] outside 1 to 32 octets.
    pub fn new(bytes: &[u8]) -> Result<Self, Error> {
        check_len(bytes.len())?;
        Ok(Nonce(bytes.to_vec()))
    }

    /// A nonce of `len` octets filled by `fill` (which should draw from a
    /// cryptographically secure generator).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidNonceLength`] outside 1 to 32 octets (`fill` is then
    /// not called).
    pub fn random(len: usize, fill: impl FnOnce(&mut [u8])) -> Result<Self, Error> {
        check_len(len)?;
        let mut bytes = vec![0u8; len];
        fill(&mut bytes);
        Ok(Nonce(bytes))
    }

    /// The nonce octets.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The id-pkix-ocsp-nonce request extension (not critical), with the
    /// nonce inside an OCTET STRING as RFC 8954 specifies.
    pub fn to_extension(&self) -> Result<Extension, Error> {
        Ok(Extension::nonce(&self.0)?)
    }
}

fn check_len(len: usize) -> Result<(), Error> {
    if (MIN_NONCE_LEN..=MAX_NONCE_LEN).contains(&len) {
        Ok(())
    } else {
        Err(Error::InvalidNonceLength { len })
    }
}
