//! `Extensions` (RFC 5280 4.1), both faces.
//!
//! The parser checks the list (non-empty, no duplicate OID, at most
//! [`crate::limits::MAX_EXTENSIONS`]) and each extension (a `critical` of
//! FALSE must not be encoded); values stay opaque until a typed accessor in
//! [`crate::known`] decodes them.

use alloc::vec::Vec;

use crate::asn1::oid::{ObjectIdentifier, Oid};
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::{primitives, tag, writer};
use crate::error::{Error, Position};
use crate::limits::MAX_EXTENSIONS;
use crate::list::{List, ListIter};

/// The OIDs of the extensions of one list read so far, sorted by their
/// content octets (DER encodes an OID one way only, so equal octets are
/// equal OIDs), on the stack.
///
/// Each insertion is a binary search and a shift of the greater entries: over
/// the at most [`MAX_EXTENSIONS`] entries the list limit allows, at most
/// 6 comparisons and 63 moves of a slice reference, instead of decoding the
/// earlier extensions again for each one.
struct SeenOids<'a> {
    sorted: [&'a [u8]; MAX_EXTENSIONS],
    len: usize,
}

impl<'a> SeenOids<'a> {
    fn new() -> Self {
        SeenOids {
            sorted: [&[]; MAX_EXTENSIONS],
            len: 0,
        }
    }

    /// Records `oid`, read at `at`: [`Error::DuplicateExtension`] if it was
    /// seen before.
    fn insert(&mut self, oid: Oid<'a>, at: Position) -> Result<(), Error> {
        let oid = oid.as_bytes();
        let seen = self.sorted.get(..self.len).unwrap_or_default();
        let index = match seen.binary_search(&oid) {
            Ok(_) => return Err(Error::DuplicateExtension { at }),
            Err(index) => index,
        };
        // `List::decode_checked` refuses element MAX_EXTENSIONS + 1 before
        // decoding it, so there is always room; fail closed all the same.
        let Some(tail) = self.sorted.get_mut(index..=self.len) else {
            return Err(Error::TooManyElements {
                limit: MAX_EXTENSIONS,
                at,
            });
        };
        tail.rotate_right(1);
        if let Some(slot) = tail.first_mut() {
            *slot = oid;
        }
        self.len += 1;
        Ok(())
    }
}

/// One borrowed extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionRef<'a> {
    oid: Oid<'a>,
    critical: bool,
    value: &'a [u8],
    value_offset: usize,
}

impl<'a> ExtensionRef<'a> {
    fn decode(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let oid = Oid::new_unchecked(primitives::oid(&r.read(tag::OID, path)?, path)?);
        let critical = match r.read_optional(tag::BOOLEAN, path)? {
            Some(b) => {
                if !primitives::boolean(&b, path)? {
                    return Err(Error::DefaultValueEncoded { at: b.at(path) });
                }
                true
            }
            None => false,
        };
        let value = r.read(tag::OCTET_STRING, path)?;
        r.finish(path)?;
        Ok(ExtensionRef {
            oid,
            critical,
            value: value.value,
            value_offset: value.value_offset,
        })
    }

    /// The extension's OID (`extnID`).
    pub fn oid(&self) -> Oid<'a> {
        self.oid
    }

    /// Whether it is marked critical.
    pub fn is_critical(&self) -> bool {
        self.critical
    }

    /// The content of `extnValue` (the DER of the extension's own value).
    pub fn value(&self) -> &'a [u8] {
        self.value
    }

    /// Where the value starts in the input, for errors of typed accessors.
    pub(crate) fn value_position(&self) -> Position {
        Position {
            offset: self.value_offset,
            path: "Extension.extnValue",
        }
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<Extension, Error> {
        Ok(Extension {
            oid: crate::algorithm::owned_oid(self.oid)?,
            critical: self.critical,
            value: self.value.to_vec(),
        })
    }
}

/// A borrowed `Extensions` list; empty when the field is absent.
///
/// Iterate it with `for ext in extensions` or look one up with
/// [`ExtensionsRef::get`].
pub type ExtensionsRef<'a> = List<'a, ExtensionRef<'a>>;

/// Iterator over an [`ExtensionsRef`].
pub type ExtensionsIter<'a> = ListIter<'a, ExtensionRef<'a>>;

fn decode_extension<'a>(tlv: &Tlv<'a>) -> Result<ExtensionRef<'a>, Error> {
    ExtensionRef::decode(tlv, "Extension")
}

impl Default for ExtensionsRef<'_> {
    fn default() -> Self {
        List::empty(decode_extension, "Extensions")
    }
}

impl<'a> List<'a, ExtensionRef<'a>> {
    /// Decodes an `Extensions` SEQUENCE (the inner element of its EXPLICIT
    /// tag): non-empty, and no OID twice.
    pub(crate) fn decode_extensions(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        let mut seen = SeenOids::new();
        let list = Self::decode_checked(
            tlv,
            decode_extension,
            MAX_EXTENSIONS,
            path,
            |element, ext| seen.insert(ext.oid, element.at(path)),
        )?;
        if list.is_empty() {
            return Err(Error::EmptyExtensions { at: tlv.at(path) });
        }
        Ok(list)
    }

    /// Reads `[n] EXPLICIT Extensions OPTIONAL` from `r`.
    pub(crate) fn read_explicit(
        r: &mut Reader<'a>,
        context_tag: u8,
        path: &'static str,
    ) -> Result<Self, Error> {
        match r.read_optional(tag::explicit(context_tag), path)? {
            Some(outer) => {
                let inner = crate::asn1::reader::explicit_inner(&outer, tag::SEQUENCE, path)?;
                Self::decode_extensions(&inner, path)
            }
            None => Ok(ExtensionsRef::default()),
        }
    }

    /// The extension with this OID, if present.
    pub fn get(&self, oid: &ObjectIdentifier) -> Option<ExtensionRef<'a>> {
        self.iter().find(|e| e.oid == *oid)
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<Vec<Extension>, Error> {
        self.iter().map(|e| e.to_owned()).collect()
    }
}

/// An owned extension.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Extension {
    /// `extnID`.
    pub oid: ObjectIdentifier,
    /// `critical`.
    pub critical: bool,
    /// The content of `extnValue`: the DER of the extension's value.
    pub value: Vec<u8>,
}

/// Appends `[n] EXPLICIT Extensions` unless `list` is empty.
pub(crate) fn encode_explicit(out: &mut Vec<u8>, context_tag: u8, list: &[Extension]) {
    if list.is_empty() {
        return;
    }
    writer::nested(out, tag::explicit(context_tag), |out| {
        writer::nested(out, tag::SEQUENCE, |out| {
            for ext in list {
                writer::nested(out, tag::SEQUENCE, |out| {
                    writer::tlv(out, tag::OID, ext.oid.as_bytes());
                    if ext.critical {
                        writer::tlv(out, tag::BOOLEAN, &[0xff]);
                    }
                    writer::tlv(out, tag::OCTET_STRING, &ext.value);
                });
            }
        });
    });
}
