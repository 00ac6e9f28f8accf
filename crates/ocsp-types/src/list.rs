//! `SEQUENCE OF` lists, checked once at parse and then iterated lazily.
//!
//! Parsing checks every element and counts them against a limit; the list
//! keeps only the content bytes, and iteration decodes each element again
//! (cheap, and allocation-free). The elements were all checked, so
//! iteration cannot fail.

use core::fmt;

use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::tag;
use crate::error::Error;

/// Decodes one element (a SEQUENCE) of a list.
type DecodeElement<'a, T> = fn(&Tlv<'a>) -> Result<T, Error>;

/// Reads the elements of the `SEQUENCE OF` in `tlv`, each a SEQUENCE, at
/// most `limit` of them, handing each to `each` in encoded order; returns
/// how many there are.
pub(crate) fn for_each_element<'a>(
    tlv: &Tlv<'a>,
    limit: usize,
    path: &'static str,
    mut each: impl FnMut(&Tlv<'a>) -> Result<(), Error>,
) -> Result<usize, Error> {
    let mut r = tlv.contents();
    let mut len = 0usize;
    while !r.is_empty() {
        let element = r.read(tag::SEQUENCE, path)?;
        if len == limit {
            return Err(Error::TooManyElements {
                limit,
                at: element.at(path),
            });
        }
        each(&element)?;
        len += 1;
    }
    Ok(len)
}

/// A checked `SEQUENCE OF` whose elements are decoded on iteration.
pub struct List<'a, T> {
    contents: &'a [u8],
    base: usize,
    /// Offset of the SEQUENCE element itself (tag byte), when present.
    offset: Option<usize>,
    len: usize,
    decode: DecodeElement<'a, T>,
    path: &'static str,
}

impl<T> Clone for List<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for List<'_, T> {}

impl<T> PartialEq for List<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.contents == other.contents
    }
}

impl<T> Eq for List<'_, T> {}

impl<T> fmt::Debug for List<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("path", &self.path)
            .field("len", &self.len)
            .field("offset", &self.base)
            .finish()
    }
}

impl<'a, T> List<'a, T> {
    /// An empty list (an absent field).
    pub(crate) fn empty(decode: DecodeElement<'a, T>, path: &'static str) -> Self {
        List {
            contents: &[],
            base: 0,
            offset: None,
            len: 0,
            decode,
            path,
        }
    }

    /// Checks every element of the `SEQUENCE OF` in `tlv`: each a SEQUENCE
    /// that `decode` accepts, at most `limit` of them.
    pub(crate) fn decode(
        tlv: &Tlv<'a>,
        decode: DecodeElement<'a, T>,
        limit: usize,
        path: &'static str,
    ) -> Result<Self, Error> {
        Self::decode_checked(tlv, decode, limit, path, |_, _| Ok(()))
    }

    /// [`List::decode`], which also hands each decoded element, with its
    /// TLV, to `check`, in encoded order and in the same single pass: for
    /// rules across elements (no duplicate extension OID) without decoding
    /// the list again.
    pub(crate) fn decode_checked(
        tlv: &Tlv<'a>,
        decode: DecodeElement<'a, T>,
        limit: usize,
        path: &'static str,
        mut check: impl FnMut(&Tlv<'a>, T) -> Result<(), Error>,
    ) -> Result<Self, Error> {
        let len = for_each_element(tlv, limit, path, |element| check(element, decode(element)?))?;
        Ok(List {
            contents: tlv.value,
            base: tlv.value_offset,
            offset: Some(tlv.offset),
            len,
            decode,
            path,
        })
    }

    /// The owned form of every element, in encoded order.
    pub(crate) fn to_owned_each<O>(
        self,
        to_owned: fn(&T) -> Result<O, Error>,
    ) -> Result<alloc::vec::Vec<O>, Error> {
        self.iter().map(|element| to_owned(&element)).collect()
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none (an empty list, or the field absent).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the field was encoded (possibly as an empty list).
    pub fn is_present(&self) -> bool {
        self.offset.is_some()
    }

    /// The offset of the encoded `SEQUENCE OF` (its tag byte), if present.
    pub(crate) fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The schema path of the list.
    pub(crate) fn path(&self) -> &'static str {
        self.path
    }

    /// The offset of each element (its tag byte), in encoded order.
    pub(crate) fn offsets(&self) -> impl Iterator<Item = usize> + 'a {
        let mut reader = Reader::with_base(self.contents, self.base);
        let mut remaining = self.len;
        let path = self.path;
        core::iter::from_fn(move || {
            remaining = remaining.checked_sub(1)?;
            let at = reader.offset();
            reader.read_any(path).ok().map(|_| at)
        })
    }

    /// The elements in encoded order.
    pub fn iter(&self) -> ListIter<'a, T> {
        ListIter {
            reader: Reader::with_base(self.contents, self.base),
            remaining: self.len,
            decode: self.decode,
            path: self.path,
        }
    }
}

impl<'a, T> IntoIterator for List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over a [`List`].
pub struct ListIter<'a, T> {
    reader: Reader<'a>,
    remaining: usize,
    decode: DecodeElement<'a, T>,
    path: &'static str,
}

impl<T> Clone for ListIter<'_, T> {
    fn clone(&self) -> Self {
        ListIter {
            reader: self.reader.clone(),
            remaining: self.remaining,
            decode: self.decode,
            path: self.path,
        }
    }
}

impl<T> fmt::Debug for ListIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListIter")
            .field("path", &self.path)
            .field("remaining", &self.remaining)
            .finish()
    }
}

impl<T> Iterator for ListIter<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        // Every element was checked when the list was parsed.
        let tlv = self.reader.read_any(self.path).ok()?;
        (self.decode)(&tlv).ok()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<T> ExactSizeIterator for ListIter<'_, T> {}
