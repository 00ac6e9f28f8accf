//! `Name` (RFC 5280 4.1.2.4) and `GeneralName` (4.2.1.6), kept as validated DER.
//!
//! OCSP only compares names byte for byte (ResponderID byName, the issuer
//! name hash) and shows them, so they are not decoded into attributes here;
//! the structure is checked so that a name is a real `RDNSequence`.

use alloc::vec::Vec;

use crate::asn1::reader::Tlv;
use crate::asn1::{primitives, tag};
use crate::error::Error;

/// A borrowed `Name`: its whole DER (the `RDNSequence` SEQUENCE element).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameRef<'a>(&'a [u8]);

impl<'a> NameRef<'a> {
    /// Checks `SEQUENCE OF SET SIZE (1..MAX) OF SEQUENCE { type OID, value ANY }`.
    pub(crate) fn decode(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        if tlv.tag != tag::SEQUENCE {
            return Err(Error::UnexpectedTag {
                expected: tag::SEQUENCE,
                found: tlv.tag,
                at: tlv.at(path),
            });
        }
        let invalid = |t: &Tlv<'_>| Error::InvalidName { at: t.at(path) };
        let mut rdns = tlv.contents();
        while !rdns.is_empty() {
            let rdn = rdns.read_any(path)?;
            if rdn.tag != tag::SET || rdn.value.is_empty() {
                return Err(invalid(&rdn));
            }
            let mut atvs = rdn.contents();
            while !atvs.is_empty() {
                let atv = atvs.read_any(path)?;
                if atv.tag != tag::SEQUENCE {
                    return Err(invalid(&atv));
                }
                let mut fields = atv.contents();
                let oid = fields.read_any(path)?;
                if oid.tag != tag::OID {
                    return Err(invalid(&oid));
                }
                primitives::oid(&oid, path)?;
                fields.read_any(path)?;
                fields.finish(path)?;
            }
        }
        Ok(NameRef(tlv.raw))
    }

    /// The DER of the Name, as it was encoded.
    pub fn as_der(&self) -> &'a [u8] {
        self.0
    }

    /// Parses a DER `Name` on its own.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        let tlv = crate::asn1::reader::read_single(der, tag::SEQUENCE, "Name")?;
        Self::decode(&tlv, "Name")
    }
}

/// A borrowed `GeneralName`: which alternative, and its DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GeneralNameRef<'a> {
    raw: &'a [u8],
    value: &'a [u8],
    choice: u8,
}

impl<'a> GeneralNameRef<'a> {
    pub(crate) fn decode(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        let choice = tlv.tag & 0x1f;
        let constructed = tlv.tag & 0x20 != 0;
        // otherName, x400Address, directoryName and ediPartyName are
        // constructed; the string, address and OID alternatives primitive.
        let want_constructed = matches!(choice, 0 | 3 | 4 | 5);
        if tlv.tag & 0xc0 != 0x80 || choice > 8 || constructed != want_constructed {
            return Err(Error::InvalidGeneralName { at: tlv.at(path) });
        }
        match choice {
            // directoryName is EXPLICIT (Name is a CHOICE).
            4 => {
                let inner = crate::asn1::reader::explicit_inner(tlv, tag::SEQUENCE, path)?;
                NameRef::decode(&inner, path)?;
            }
            1 | 2 | 6 => {
                primitives::ia5_string(tlv, path)?;
            }
            8 => {
                primitives::oid(tlv, path)?;
            }
            _ => {}
        }
        Ok(GeneralNameRef {
            raw: tlv.raw,
            value: tlv.value,
            choice,
        })
    }

    /// The CHOICE alternative: 0 otherName, 1 rfc822Name, 2 dNSName,
    /// 3 x400Address, 4 directoryName, 5 ediPartyName,
    /// 6 uniformResourceIdentifier, 7 iPAddress, 8 registeredID.
    pub fn choice(&self) -> u8 {
        self.choice
    }

    /// The Name, for a directoryName.
    pub fn directory_name(&self) -> Option<NameRef<'a>> {
        (self.choice == 4).then_some(NameRef(self.value))
    }

    /// The text, for rfc822Name, dNSName and uniformResourceIdentifier.
    pub fn as_str(&self) -> Option<&'a str> {
        match self.choice {
            1 | 2 | 6 => core::str::from_utf8(self.value).ok(),
            _ => None,
        }
    }

    /// The content octets of the alternative.
    pub fn value(&self) -> &'a [u8] {
        self.value
    }

    /// The whole DER element (context tag included).
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The owned form.
    pub fn to_owned(&self) -> GeneralName {
        GeneralName(self.raw.to_vec())
    }
}

/// An owned `GeneralName`, as its DER (context tag included).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GeneralName(pub Vec<u8>);

impl GeneralName {
    /// A directoryName from the DER of a Name.
    pub fn directory_name(name_der: &[u8]) -> Self {
        let mut out = Vec::new();
        crate::asn1::writer::tlv(&mut out, tag::explicit(4), name_der);
        GeneralName(out)
    }
}
