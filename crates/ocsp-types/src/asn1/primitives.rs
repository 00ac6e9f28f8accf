//! Decoders for the primitive types, each enforcing DER's canonical form.

use super::reader::Tlv;
use crate::error::Error;

/// The content octets of a minimally encoded INTEGER or ENUMERATED.
pub(crate) fn integer<'a>(tlv: &Tlv<'a>, path: &'static str) -> Result<&'a [u8], Error> {
    let at = tlv.at(path);
    match tlv.value {
        [] => Err(Error::EmptyInteger { at }),
        [0x00, next, ..] if next & 0x80 == 0 => Err(Error::NonMinimalInteger { at }),
        [0xff, next, ..] if next & 0x80 != 0 => Err(Error::NonMinimalInteger { at }),
        value => Ok(value),
    }
}

/// INTEGER content octets without redundant leading `00` / `ff` octets: the
/// same value, minimally encoded (a subslice; empty stays empty).
pub(crate) fn minimal_integer(mut contents: &[u8]) -> &[u8] {
    while let [first, second, ..] = contents {
        let redundant =
            (*first == 0x00 && second & 0x80 == 0) || (*first == 0xff && second & 0x80 != 0);
        match (redundant, contents.split_first()) {
            (true, Some((_, rest))) => contents = rest,
            _ => break,
        }
    }
    contents
}

/// A non-negative INTEGER or ENUMERATED no larger than `max`.
pub(crate) fn small_unsigned(tlv: &Tlv<'_>, max: u64, path: &'static str) -> Result<u64, Error> {
    let at = tlv.at(path);
    let bytes = integer(tlv, path)?;
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        return Err(Error::IntegerOutOfRange { at });
    }
    // A minimal non-negative value has at most one leading zero octet.
    let bytes = match bytes {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => bytes,
    };
    if bytes.len() > 8 {
        return Err(Error::IntegerOutOfRange { at });
    }
    let value = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    if value > max {
        return Err(Error::IntegerOutOfRange { at });
    }
    Ok(value)
}

/// A BOOLEAN: one octet, `0x00` or `0xFF`.
pub(crate) fn boolean(tlv: &Tlv<'_>, path: &'static str) -> Result<bool, Error> {
    match tlv.value {
        [0x00] => Ok(false),
        [0xff] => Ok(true),
        _ => Err(Error::InvalidBoolean { at: tlv.at(path) }),
    }
}

/// A NULL: no content.
pub(crate) fn null(tlv: &Tlv<'_>, path: &'static str) -> Result<(), Error> {
    if tlv.value.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidNull { at: tlv.at(path) })
    }
}

/// A BIT STRING made of whole octets (unused-bits count zero): the octets.
pub(crate) fn bit_string_octets<'a>(tlv: &Tlv<'a>, path: &'static str) -> Result<&'a [u8], Error> {
    match tlv.value.split_first() {
        Some((0, octets)) => Ok(octets),
        _ => Err(Error::InvalidBitString { at: tlv.at(path) }),
    }
}

/// Validates OBJECT IDENTIFIER content octets: non-empty, each subidentifier
/// minimal (no leading `0x80`) and terminated, each arc within 128 bits.
pub(crate) fn oid<'a>(tlv: &Tlv<'a>, path: &'static str) -> Result<&'a [u8], Error> {
    if valid_oid_contents(tlv.value) {
        Ok(tlv.value)
    } else {
        Err(Error::InvalidOid { at: tlv.at(path) })
    }
}

pub(crate) fn valid_oid_contents(bytes: &[u8]) -> bool {
    if bytes.is_empty() || bytes.last().is_some_and(|b| b & 0x80 != 0) {
        return false;
    }
    let mut start_of_arc = true;
    let mut arc_len = 0usize;
    let mut arc_lead = 0u8;
    for &b in bytes {
        if start_of_arc {
            if b == 0x80 {
                return false;
            }
            arc_lead = b;
        }
        arc_len += 1;
        // 19 groups of 7 bits hold 133 bits; the first group (the arc's
        // first octet) may then carry at most 2 bits (0x83).
        if arc_len > 19 || (arc_len == 19 && arc_lead > 0x83) {
            return false;
        }
        start_of_arc = b & 0x80 == 0;
        if start_of_arc {
            arc_len = 0;
        }
    }
    true
}

/// An IA5String (7-bit ASCII).
pub(crate) fn ia5_string<'a>(tlv: &Tlv<'a>, path: &'static str) -> Result<&'a str, Error> {
    if tlv.value.is_ascii() {
        core::str::from_utf8(tlv.value).map_err(|_| Error::InvalidString { at: tlv.at(path) })
    } else {
        Err(Error::InvalidString { at: tlv.at(path) })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::asn1::reader::Reader;

    fn tlv(bytes: &[u8]) -> Tlv<'_> {
        Reader::new(bytes).read_any("t").unwrap()
    }

    #[test]
    fn integers_must_be_minimal() {
        assert_eq!(integer(&tlv(&[2, 1, 0]), "t").unwrap(), &[0]);
        assert_eq!(integer(&tlv(&[2, 2, 0, 0x80]), "t").unwrap(), &[0, 0x80]);
        assert_eq!(
            integer(&tlv(&[2, 2, 0xff, 0x7f]), "t").unwrap(),
            &[0xff, 0x7f]
        );
        assert!(matches!(
            integer(&tlv(&[2, 0]), "t"),
            Err(Error::EmptyInteger { .. })
        ));
        assert!(matches!(
            integer(&tlv(&[2, 2, 0, 1]), "t"),
            Err(Error::NonMinimalInteger { .. })
        ));
        assert!(matches!(
            integer(&tlv(&[2, 2, 0xff, 0x80]), "t"),
            Err(Error::NonMinimalInteger { .. })
        ));
    }

    #[test]
    fn minimal_integers() {
        assert_eq!(minimal_integer(&[0x00, 0x00, 0x01]), &[0x01]);
        assert_eq!(minimal_integer(&[0x00, 0x80]), &[0x00, 0x80]);
        assert_eq!(minimal_integer(&[0xff, 0xff, 0x80]), &[0x80]);
        assert_eq!(minimal_integer(&[0xff, 0x7f]), &[0xff, 0x7f]);
        assert_eq!(minimal_integer(&[0x00]), &[0x00]);
        assert_eq!(minimal_integer(&[]), &[] as &[u8]);
    }

    #[test]
    fn small_unsigned_range() {
        assert_eq!(small_unsigned(&tlv(&[2, 1, 6]), 6, "t").unwrap(), 6);
        assert!(matches!(
            small_unsigned(&tlv(&[2, 1, 7]), 6, "t"),
            Err(Error::IntegerOutOfRange { .. })
        ));
        assert!(matches!(
            small_unsigned(&tlv(&[2, 1, 0xff]), 6, "t"),
            Err(Error::IntegerOutOfRange { .. })
        ));
    }

    #[test]
    fn booleans_and_nulls() {
        assert!(boolean(&tlv(&[1, 1, 0xff]), "t").unwrap());
        assert!(matches!(
            boolean(&tlv(&[1, 1, 1]), "t"),
            Err(Error::InvalidBoolean { .. })
        ));
        assert!(matches!(
            null(&tlv(&[5, 1, 0]), "t"),
            Err(Error::InvalidNull { .. })
        ));
    }

    #[test]
    fn oids() {
        assert!(valid_oid_contents(&[0x2b, 0x0e, 0x03, 0x02, 0x1a]));
        assert!(!valid_oid_contents(&[]));
        assert!(!valid_oid_contents(&[0x2b, 0x80, 0x01]));
        assert!(!valid_oid_contents(&[0x2b, 0x81]));
        // 2.25.(2^128 - 1): a UUID OID fits.
        let mut uuid = alloc::vec![0x69, 0x83];
        uuid.extend([0xff; 17]);
        uuid.push(0x7f);
        assert!(valid_oid_contents(&uuid));
        // 2.25.(2^128): one bit more, in the same 19 octets, does not.
        let mut over = alloc::vec![0x69, 0x84];
        over.extend([0x80; 17]);
        over.push(0x00);
        assert!(!valid_oid_contents(&over));
    }

    #[test]
    fn bit_strings() {
        assert_eq!(
            bit_string_octets(&tlv(&[3, 2, 0, 0xaa]), "t").unwrap(),
            &[0xaa]
        );
        assert!(matches!(
            bit_string_octets(&tlv(&[3, 2, 1, 0xaa]), "t"),
            Err(Error::InvalidBitString { .. })
        ));
        assert!(matches!(
            bit_string_octets(&tlv(&[3, 0]), "t"),
            Err(Error::InvalidBitString { .. })
        ));
    }
}
