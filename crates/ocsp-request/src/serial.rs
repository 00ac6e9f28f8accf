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
    // Without allocating: a valid non-negative INTEGER is the magnitude's
    // significant octets, with one 0x00 in front when the first of them has
    // its high bit set, or the single octet 0x00 for zero.
    let significant = strip_leading_zeros(magnitude);
    let value = match integer {
        [first, ..] if first & 0x80 != 0 => return false, // negative
        [0x00, rest @ ..] if !rest.is_empty() => rest,
        _ => integer,
    };
    is_valid(integer)
        && match significant {
            [] => integer == [0x00],
            _ => value == significant,
        }
}

fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    bytes.get(zeros..).unwrap_or_default()
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
        assert!(!serial_matches_unsigned(&[], &[]));
        assert!(!serial_matches_unsigned(&[0x00, 0x00], &[]));
        assert!(serial_matches_unsigned(&[0x01, 0x00], &[0x00, 0x01, 0x00]));
        assert!(!serial_matches_unsigned(&[0x01, 0x00], &[0x01]));
    }

    /// The allocation-free comparison agrees with building the INTEGER.
    #[test]
    fn unsigned_agrees_with_serial_from_unsigned() {
        let samples: [&[u8]; 9] = [
            &[],
            &[0],
            &[0, 0],
            &[1],
            &[0x7f],
            &[0x80],
            &[0, 0x80, 0],
            &[0xff, 0xff],
            &[0, 0, 0x12, 0x34],
        ];
        for magnitude in samples {
            let integer = ocsp_types::serial_from_unsigned(magnitude);
            for candidate in samples.iter().copied().chain([integer.as_slice()]) {
                assert_eq!(
                    serial_matches_unsigned(candidate, magnitude),
                    is_valid(candidate) && candidate == integer.as_slice(),
                    "{candidate:02x?} vs {magnitude:02x?}"
                );
            }
        }
    }
}
