//! The strict DER reader and the DER writer helpers of this crate, for the
//! workspace's other crates.
//!
//! This is the one ASN.1 reader and writer of the core: `ocsp-request`,
//! `ocsp-verify`, `ocsp-rustls`, the CLI and the testkit read and write the
//! few structures this crate has no typed view for through this module
//! rather than each carrying its own TLV code.
//!
//! The surface is deliberately small and stable:
//!
//! * [`Reader`] and [`Tlv`]: the zero-copy cursor the parsers of this crate
//!   are built on. Only definite, minimal lengths of at most four octets and
//!   low tag numbers are accepted (DER); each error carries the absolute
//!   byte offset and the schema path given by the caller ([`Error`]'s
//!   `position()`).
//! * [`read_single`] and [`explicit_inner`]: one element spanning the input,
//!   and the one element inside an EXPLICIT tag.
//! * [`write_tlv`], [`to_tlv`], [`sequence`], [`nested`] and
//!   [`unsigned_to_integer`]: definite, minimal-length encoding.
//! * [`tag`]: the identifier octets RFC 5280 and RFC 6960 use.
//!
//! The writer encodes what it is given: it does not check that `content` is
//! itself valid DER. Its output always has a definite, minimal length.
//!
//! ```
//! use ocsp_types::der::{self, tag, Reader};
//! # fn main() -> Result<(), ocsp_types::Error> {
//! let encoded = der::sequence(&der::to_tlv(tag::INTEGER, &[5]));
//! assert_eq!(encoded, [0x30, 0x03, 0x02, 0x01, 0x05]);
//! let outer = der::read_single(&encoded, tag::SEQUENCE, "Features")?;
//! let mut features = outer.contents();
//! let feature = features.read(tag::INTEGER, "Features.feature")?;
//! features.finish("Features")?;
//! assert_eq!(feature.value, [5]);
//! assert_eq!(feature.offset, 2);
//! # let _ = Reader::new(&[]);
//! # Ok(()) }
//! ```
//!
//! [`Error`]: crate::Error

use alloc::vec::Vec;

pub use crate::asn1::reader::{explicit_inner, read_single, Reader, Tlv};
pub use crate::asn1::tag;
pub use crate::asn1::writer::{nested, unsigned_to_integer};

/// Appends one element, `tag`, the definite minimal length of `content`,
/// then `content`, to `out`.
pub fn write_tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    crate::asn1::writer::tlv(out, tag, content);
}

/// One element: `tag`, the definite minimal length of `content`, `content`.
pub fn to_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len().saturating_add(6));
    write_tlv(&mut out, tag, content);
    out
}

/// `SEQUENCE { content }`: `content` (the concatenated DER of the fields)
/// wrapped in a SEQUENCE tag and length.
pub fn sequence(content: &[u8]) -> Vec<u8> {
    to_tlv(tag::SEQUENCE, content)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn sequence_short_and_long() {
        assert_eq!(sequence(&[1, 2]), [0x30, 2, 1, 2]);
        let wrapped = sequence(&[0u8; 300]);
        assert_eq!(wrapped.get(..4), Some(&[0x30, 0x82, 0x01, 0x2c][..]));
        assert_eq!(wrapped.len(), 304);
        let t = read_single(&wrapped, tag::SEQUENCE, "t").unwrap();
        assert_eq!(t.value.len(), 300);
    }
}
