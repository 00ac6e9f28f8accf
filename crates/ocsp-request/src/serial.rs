//! Certificate serial numbers.
//!
//! In a CertID the serial number is a DER INTEGER; this crate handles it as
//! its content octets (two's complement, minimal), which is how
//! [`ocsp_types::CertIdRef::serial_number`] gives it.

use crate::Error;

/// Whether `contents` are non-empty, minimal DER INTEGER content octets.
pub(crate) fn is_valid(contents: &[u8]) -> bool {
    match contents {
        [] => false,
        [0x00, next, ..] => next & 0x80 != 0,
        [0xff, next, ..] => next & 0x80 == 0,
        _ => true,
    }
}

/// [`is_valid`] as a `Result`.
pub(crate) fn check(contents: &[u8]) -> Result<(), Error> {
    if is_valid(contents) {
        Ok(())
    } else {
        Err(Error::InvalidSerialNumber)
    }
}

/// Whether a serial number given as DER INTEGER content octets (as in a
/// CertID) equals the non-negative number whose big-endian magnitude is
/// `magnitude`. Leading zero octets of `magnitude` do not matter; a negative
/// `integer` never equals a magnitude.
///
/// ```
/// use ocsp_request::serial_matches_unsigned;
/// assert!(serial_matches_unsigned(&[0x00, 0x80], &[0x80]));
/// assert!(serial_matches_unsigned(&[0x01, 0x02], &[0x00, 0x00, 0x01, 0x02]));
/// assert!(!serial_matches_unsigned(&[0x80], &[0x80])); // -128 is not 128
/// ```
pub fn serial_matches_unsigned(integer: &[u8], magnitude: &[u8]) -> bool {
    is_valid(integer) && ocsp_types::serial_from_unsigned(magnitude) == integer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(!is_valid(&[]));
        assert!(is_valid(&[0]));
        assert!(is_valid(&[0xff]));
        assert!(is_valid(&[0x00, 0x80]));
        assert!(!is_valid(&[0x00, 0x7f]));
        assert!(is_valid(&[0xff, 0x7f]));
        assert!(!is_valid(&[0xff, 0x80]));
    }

    #[test]
    fn unsigned() {
        assert!(serial_matches_unsigned(&[0], &[]));
        assert!(serial_matches_unsigned(&[0], &[0, 0]));
        assert!(!serial_matches_unsigned(&[0, 0x7f], &[0x7f]));
        assert!(!serial_matches_unsigned(&[0xff], &[0xff]));
        assert!(serial_matches_unsigned(&[0x00, 0xff], &[0xff]));
    }
}
