//! A strict, zero-copy DER reader over a byte slice.
//!
//! Only the definite-length, minimal-length, low-tag-number forms of DER are
//! accepted. Every error carries the absolute byte offset of the element at
//! fault and the schema path being read.

use crate::asn1::tag;
use crate::error::{Error, Position};

/// One decoded tag-length-value element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet.
    pub tag: u8,
    /// The content octets.
    pub value: &'a [u8],
    /// The whole element: identifier, length and content.
    pub raw: &'a [u8],
    /// Absolute offset of the identifier octet.
    pub offset: usize,
    /// Absolute offset of the first content octet.
    pub value_offset: usize,
}

impl<'a> Tlv<'a> {
    /// A reader over the content, keeping absolute offsets.
    pub fn contents(&self) -> Reader<'a> {
        Reader {
            input: self.value,
            pos: 0,
            base: self.value_offset,
        }
    }

    /// The position of this element, for errors.
    pub fn at(&self, path: &'static str) -> Position {
        Position {
            offset: self.offset,
            path,
        }
    }
}

/// A cursor over DER input.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    input: &'a [u8],
    pos: usize,
    /// Absolute offset of `input[0]` in the caller's original buffer.
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over a whole message, offsets starting at zero.
    pub fn new(input: &'a [u8]) -> Self {
        Reader {
            input,
            pos: 0,
            base: 0,
        }
    }

    /// A reader over bytes that start at absolute offset `base`.
    pub fn with_base(input: &'a [u8], base: usize) -> Self {
        Reader {
            input,
            pos: 0,
            base,
        }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.input.len()
    }

    /// The absolute offset of the next byte.
    pub fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    /// The position of the next byte, for errors.
    pub fn here(&self, path: &'static str) -> Position {
        Position {
            offset: self.offset(),
            path,
        }
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    /// Reads the next element, whatever its tag.
    pub fn read_any(&mut self, path: &'static str) -> Result<Tlv<'a>, Error> {
        let start = self.pos;
        let at = self.here(path);
        let rest = self.input.get(start..).unwrap_or_default();
        let (&tag, rest) = rest.split_first().ok_or(Error::MissingField { at })?;
        if tag & 0x1f == 0x1f {
            return Err(Error::HighTagNumber { at });
        }
        let (&first, mut rest) = rest.split_first().ok_or(Error::Truncated { at })?;
        let len = match first {
            0..=0x7f => usize::from(first),
            0x80 => return Err(Error::IndefiniteLength { at }),
            0x81..=0x84 => {
                let n = usize::from(first & 0x7f);
                let (len_bytes, after) = rest.split_at_checked(n).ok_or(Error::Truncated { at })?;
                rest = after;
                if len_bytes.first() == Some(&0) {
                    return Err(Error::NonMinimalLength { at });
                }
                let len = len_bytes
                    .iter()
                    .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
                if len < 0x80 {
                    return Err(Error::NonMinimalLength { at });
                }
                len
            }
            _ => return Err(Error::UnsupportedLength { at }),
        };
        let header_len = self.input.len() - start - rest.len();
        let value = rest.get(..len).ok_or(Error::Truncated { at })?;
        let end = start + header_len + len;
        let raw = self.input.get(start..end).ok_or(Error::Truncated { at })?;
        self.pos = end;
        Ok(Tlv {
            tag,
            value,
            raw,
            offset: at.offset,
            value_offset: at.offset + header_len,
        })
    }

    /// Reads the next element, which must have tag `tag`.
    pub fn read(&mut self, tag: u8, path: &'static str) -> Result<Tlv<'a>, Error> {
        let at = self.here(path);
        match self.peek_tag() {
            None => Err(Error::MissingField { at }),
            Some(found) if found != tag => Err(Error::UnexpectedTag {
                expected: tag,
                found,
                at,
            }),
            Some(_) => self.read_any(path),
        }
    }

    /// Reads the next element if it has tag `tag`.
    pub fn read_optional(&mut self, tag: u8, path: &'static str) -> Result<Option<Tlv<'a>>, Error> {
        if self.peek_tag() == Some(tag) {
            self.read(tag, path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Reads `[n] EXPLICIT` around one element with tag `inner`, if the
    /// next element has that context tag: the inner element.
    pub(crate) fn read_optional_explicit(
        &mut self,
        n: u8,
        inner: u8,
        path: &'static str,
    ) -> Result<Option<Tlv<'a>>, Error> {
        match self.read_optional(tag::explicit(n), path)? {
            Some(outer) => explicit_inner(&outer, inner, path).map(Some),
            None => Ok(None),
        }
    }

    /// Fails unless every byte has been read.
    pub fn finish(&self, path: &'static str) -> Result<(), Error> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Error::TrailingData {
                at: self.here(path),
            })
        }
    }
}

/// Reads exactly one element with tag `tag` spanning all of `input`.
pub fn read_single<'a>(input: &'a [u8], tag: u8, path: &'static str) -> Result<Tlv<'a>, Error> {
    let mut reader = Reader::new(input);
    let tlv = reader.read(tag, path)?;
    reader.finish(path)?;
    Ok(tlv)
}

/// Reads the single element inside an EXPLICIT tag's content.
pub fn explicit_inner<'a>(outer: &Tlv<'a>, tag: u8, path: &'static str) -> Result<Tlv<'a>, Error> {
    let mut reader = outer.contents();
    let inner = reader.read(tag, path)?;
    reader.finish(path)?;
    Ok(inner)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn read(input: &[u8]) -> Result<Tlv<'_>, Error> {
        Reader::new(input).read_any("t")
    }

    #[test]
    fn short_and_long_lengths() {
        let t = read(&[0x04, 0x01, 0xaa]).unwrap();
        assert_eq!(t.value, &[0xaa]);
        let mut long = alloc::vec![0x04, 0x81, 0x80];
        long.extend([0u8; 128]);
        let t = read(&long).unwrap();
        assert_eq!(t.value.len(), 128);
        assert_eq!(t.value_offset, 3);
    }

    #[test]
    fn rejects_ber_lengths() {
        let at = Position {
            offset: 0,
            path: "t",
        };
        assert_eq!(
            read(&[0x30, 0x80, 0, 0]),
            Err(Error::IndefiniteLength { at })
        );
        assert_eq!(
            read(&[0x04, 0x81, 0x01, 0xaa]),
            Err(Error::NonMinimalLength { at })
        );
        assert_eq!(
            read(&[0x04, 0x82, 0x00, 0x81]),
            Err(Error::NonMinimalLength { at })
        );
        assert_eq!(
            read(&[0x04, 0x85, 1, 0, 0, 0, 0]),
            Err(Error::UnsupportedLength { at })
        );
        assert_eq!(read(&[0x04, 0xff]), Err(Error::UnsupportedLength { at }));
        assert_eq!(read(&[0x1f, 0x01, 0x00]), Err(Error::HighTagNumber { at }));
    }

    #[test]
    fn rejects_truncation() {
        let at = Position {
            offset: 0,
            path: "t",
        };
        assert_eq!(read(&[0x04]), Err(Error::Truncated { at }));
        assert_eq!(read(&[0x04, 0x02, 0x00]), Err(Error::Truncated { at }));
        assert_eq!(read(&[0x04, 0x82, 0x01]), Err(Error::Truncated { at }));
        assert_eq!(
            read(&[0x04, 0x84, 0xff, 0xff, 0xff, 0xff]),
            Err(Error::Truncated { at })
        );
        assert_eq!(read(&[]), Err(Error::MissingField { at }));
    }

    #[test]
    fn offsets_are_absolute() {
        let outer = read(&[0x30, 0x05, 0x04, 0x01, 0xaa, 0x05, 0x01]).unwrap();
        let mut r = outer.contents();
        let first = r.read(0x04, "a").unwrap();
        assert_eq!(first.offset, 2);
        assert_eq!(
            r.read(0x05, "b"),
            Err(Error::Truncated {
                at: Position {
                    offset: 5,
                    path: "b"
                }
            })
        );
    }
}
