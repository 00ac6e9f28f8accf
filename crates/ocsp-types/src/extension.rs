//! `Extensions` (RFC 5280 4.1), both faces.
//!
//! The parser checks the list (no duplicate OID, at most
//! [`crate::limits::MAX_EXTENSIONS`]) and each extension's outer structure
//! (`SEQUENCE { OID, BOOLEAN OPTIONAL, OCTET STRING }`); values stay opaque
//! until a typed accessor in [`crate::ocsp_extensions`] or [`crate::x509`] decodes them,
//! so a malformed value is an error only for the caller that asks for it.
//!
//! Two deviations are accepted (and reported by `deviations()`):
//!
//! * an empty `Extensions` SEQUENCE, in OCSP messages and in certificates
//!   ([`DeviationKind::EmptyExtensions`]): mozilla::pkix accepts it in OCSP
//!   responses since bug 991898, rustls-webpki in certificates
//!   (`ALLOW_EMPTY` in its `cert.rs`, after Go and OpenSSL issue reports);
//! * in certificates only, `critical FALSE` encoded explicitly
//!   ([`DeviationKind::ExplicitNonCritical`]), which rustls-webpki
//!   (`FromDer for bool`) and mozilla::pkix (`der::OptionalBoolean`) accept,
//!   and a second instance of an extension that neither this library nor
//!   rustls-webpki uses ([`DeviationKind::DuplicateUnusedExtension`]), which
//!   both ignore. OCSP messages keep refusing both.

use alloc::vec::Vec;

use crate::asn1::oid::{ObjectIdentifier, Oid};
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::{primitives, tag, writer};
use crate::deviation::{Deviation, DeviationKind};
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

    /// Records `oid`: whether it was seen before (then it is not recorded
    /// again). `List::decode_checked` refuses element MAX_EXTENSIONS + 1
    /// before decoding it, so there is always room; an OID that would not
    /// fit counts as seen (fail closed).
    fn seen_before(&mut self, oid: Oid<'a>) -> bool {
        let oid = oid.as_bytes();
        let seen = self.sorted.get(..self.len).unwrap_or_default();
        let index = match seen.binary_search(&oid) {
            Ok(_) => return true,
            Err(index) => index,
        };
        let Some(tail) = self.sorted.get_mut(index..=self.len) else {
            return true;
        };
        tail.rotate_right(1);
        if let Some(slot) = tail.first_mut() {
            *slot = oid;
        }
        self.len += 1;
        false
    }

    /// Records `oid`, read at `at`: [`Error::DuplicateExtension`] if it was
    /// seen before.
    fn insert(&mut self, oid: Oid<'a>, at: Position) -> Result<(), Error> {
        if self.seen_before(oid) {
            return Err(Error::DuplicateExtension { at });
        }
        Ok(())
    }
}

/// One borrowed extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionRef<'a> {
    oid: Oid<'a>,
    critical: bool,
    /// Offset of an encoded `critical FALSE` (certificates only).
    false_encoded_at: Option<usize>,
    value: &'a [u8],
    value_offset: usize,
}

impl<'a> ExtensionRef<'a> {
    fn decode(tlv: &Tlv<'a>, path: &'static str, allow_false: bool) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let oid = Oid::new_unchecked(primitives::oid(&r.read(tag::OID, path)?, path)?);
        let (critical, false_encoded_at) = match r.read_optional(tag::BOOLEAN, path)? {
            Some(b) => match primitives::boolean(&b, path)? {
                true => (true, None),
                // rustls-webpki and mozilla::pkix accept the DEFAULT encoded in
                // certificates; OCSP messages stay DER here (see the module doc).
                false if allow_false => (false, Some(b.offset)),
                false => return Err(Error::DefaultValueEncoded { at: b.at(path) }),
            },
            None => (false, None),
        };
        let value = r.read(tag::OCTET_STRING, path)?;
        r.finish(path)?;
        Ok(ExtensionRef {
            oid,
            critical,
            false_encoded_at,
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
    ExtensionRef::decode(tlv, "Extension", false)
}

fn decode_certificate_extension<'a>(tlv: &Tlv<'a>) -> Result<ExtensionRef<'a>, Error> {
    ExtensionRef::decode(tlv, "Extension", true)
}

impl Default for ExtensionsRef<'_> {
    fn default() -> Self {
        List::empty(decode_extension, "Extensions")
    }
}

impl<'a> List<'a, ExtensionRef<'a>> {
    /// Decodes an `Extensions` SEQUENCE of an OCSP message (the inner element
    /// of its EXPLICIT tag): no OID twice, no `critical FALSE`; empty is
    /// accepted (mozilla::pkix since bug 991898), see [`Self::deviations`].
    pub(crate) fn decode_extensions(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        let mut seen = SeenOids::new();
        let list = Self::decode_checked(
            tlv,
            decode_extension,
            MAX_EXTENSIONS,
            path,
            |element, ext| seen.insert(ext.oid, element.at(path)),
        )?;
        Ok(list)
    }

    /// Decodes a certificate's `Extensions` SEQUENCE: as rustls-webpki does
    /// (`cert.rs`, `remember_cert_extension`), an explicit `critical FALSE`,
    /// an empty list and a repeated extension that is not in `single_instance`
    /// are accepted; a repeated one of `single_instance` (the extensions this
    /// library or rustls-webpki reads) is [`Error::DuplicateExtension`].
    pub(crate) fn decode_certificate_extensions(
        tlv: &Tlv<'a>,
        single_instance: &[ObjectIdentifier],
        path: &'static str,
    ) -> Result<Self, Error> {
        let mut seen = SeenOids::new();
        Self::decode_checked(
            tlv,
            decode_certificate_extension,
            MAX_EXTENSIONS,
            path,
            |element, ext| {
                if single_instance.iter().any(|oid| ext.oid == *oid) {
                    seen.insert(ext.oid, element.at(path))
                } else {
                    Ok(())
                }
            },
        )
    }

    /// The extensions whose OID an earlier one already has, with their
    /// offsets, in one pass.
    fn duplicates(&self) -> impl Iterator<Item = (ExtensionRef<'a>, usize)> + 'a {
        let mut seen = SeenOids::new();
        self.iter()
            .zip(self.offsets())
            .filter(move |(ext, _)| seen.seen_before(ext.oid))
    }

    /// Reads `[n] EXPLICIT Extensions OPTIONAL` of an OCSP message from `r`.
    pub(crate) fn read_explicit(
        r: &mut Reader<'a>,
        context_tag: u8,
        path: &'static str,
    ) -> Result<Self, Error> {
        match r.read_optional_explicit(context_tag, tag::SEQUENCE, path)? {
            Some(inner) => Self::decode_extensions(&inner, path),
            None => Ok(ExtensionsRef::default()),
        }
    }

    /// Whether the list was encoded with no element (a deviation).
    pub(crate) fn encoded_empty(&self) -> bool {
        self.is_present() && self.is_empty()
    }

    /// The deviations of this list: an empty SEQUENCE, an explicit `critical
    /// FALSE`, a repeated unused extension (the last two in certificates only).
    pub(crate) fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        let path = self.path();
        let empty = self
            .offset()
            .filter(|_| self.is_empty())
            .map(|at| Deviation::new(DeviationKind::EmptyExtensions, at, path));
        let explicit_false = self.iter().filter_map(|e| {
            e.false_encoded_at.map(|at| {
                Deviation::new(DeviationKind::ExplicitNonCritical, at, "Extension.critical")
            })
        });
        let duplicates = self
            .duplicates()
            .map(move |(_, at)| Deviation::new(DeviationKind::DuplicateUnusedExtension, at, path));
        empty.into_iter().chain(explicit_false).chain(duplicates)
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

/// Appends `[n] EXPLICIT Extensions` unless `list` is empty and
/// `encode_empty` is false (an empty list with `encode_empty` gives back the
/// empty SEQUENCE some responders send, see [`DeviationKind::EmptyExtensions`]).
pub(crate) fn encode_explicit(
    out: &mut Vec<u8>,
    context_tag: u8,
    list: &[Extension],
    encode_empty: bool,
) {
    if list.is_empty() && !encode_empty {
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
