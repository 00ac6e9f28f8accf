//! A minimal DER writer for the owned types.

use alloc::vec::Vec;

use super::tag;

/// Appends a definite, minimal length.
fn write_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let significant = bytes.get(skip..).unwrap_or_default();
    out.push(0x80 | significant.len() as u8);
    out.extend_from_slice(significant);
}

/// What `encode` writes, once `check` (the strict parser) accepts it: every
/// encoding of this crate is checked.
pub(crate) fn checked(
    encode: impl FnOnce(&mut Vec<u8>),
    check: impl FnOnce(&[u8]) -> Result<(), crate::Error>,
) -> Result<Vec<u8>, crate::Error> {
    let mut out = Vec::new();
    encode(&mut out);
    check(&out)?;
    Ok(out)
}

/// Appends one element with the given content.
pub(crate) fn tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    write_length(out, content.len());
    out.extend_from_slice(content);
}

/// Appends one constructed element whose content `f` writes.
pub fn nested(out: &mut Vec<u8>, tag: u8, f: impl FnOnce(&mut Vec<u8>)) {
    let mut content = Vec::new();
    f(&mut content);
    tlv(out, tag, &content);
}

/// Appends an INTEGER from content octets that are already minimal.
pub(crate) fn integer(out: &mut Vec<u8>, minimal: &[u8]) {
    tlv(out, tag::INTEGER, minimal);
}

/// Appends a non-negative INTEGER (or ENUMERATED with `tag`) of a small value.
pub(crate) fn small_unsigned(out: &mut Vec<u8>, tag: u8, value: u64) {
    tlv(out, tag, &unsigned_to_integer(&value.to_be_bytes()));
}

/// Appends `[0] EXPLICIT INTEGER 0`: `version v1` written out (not DER, but
/// what some responders send; the owned types remember it to round-trip).
pub(crate) fn explicit_version_v1(out: &mut Vec<u8>) {
    tlv(out, tag::explicit(0), &[tag::INTEGER, 1, 0]);
}

/// Appends a BIT STRING of whole octets.
pub(crate) fn bit_string_octets(out: &mut Vec<u8>, octets: &[u8]) {
    out.push(tag::BIT_STRING);
    write_length(out, octets.len() + 1);
    out.push(0);
    out.extend_from_slice(octets);
}

/// Returns `unsigned` big-endian magnitude as minimal two's-complement INTEGER
/// content octets (a leading zero added when the top bit is set).
pub fn unsigned_to_integer(unsigned: &[u8]) -> Vec<u8> {
    let skip = unsigned.iter().take_while(|&&b| b == 0).count();
    let magnitude = unsigned.get(skip..).unwrap_or_default();
    let mut out = Vec::with_capacity(magnitude.len() + 1);
    if magnitude.first().is_none_or(|b| b & 0x80 != 0) {
        out.push(0);
    }
    out.extend_from_slice(magnitude);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::asn1::{primitives, reader::Reader};

    #[test]
    fn lengths_round_trip() {
        for len in [0usize, 1, 127, 128, 255, 256, 65_535, 65_536, 1 << 20] {
            let mut out = Vec::new();
            tlv(&mut out, tag::OCTET_STRING, &alloc::vec![7u8; len]);
            let t = Reader::new(&out).read_any("t").unwrap();
            assert_eq!(t.value.len(), len);
            assert_eq!(t.raw.len(), out.len());
        }
    }

    #[test]
    fn small_integers_are_minimal() {
        for v in [0u64, 1, 127, 128, 255, 256, u64::MAX] {
            let mut out = Vec::new();
            small_unsigned(&mut out, tag::INTEGER, v);
            let t = Reader::new(&out).read_any("t").unwrap();
            assert_eq!(primitives::small_unsigned(&t, u64::MAX, "t").unwrap(), v);
        }
    }

    #[test]
    fn unsigned_magnitudes() {
        assert_eq!(unsigned_to_integer(&[0x80]), [0, 0x80]);
        assert_eq!(unsigned_to_integer(&[0, 0, 0x7f]), [0x7f]);
        assert_eq!(unsigned_to_integer(&[]), [0]);
    }
}
