//! `CertID` (RFC 6960 4.1.1), both faces.

use alloc::vec::Vec;

use crate::algorithm::{AlgorithmIdentifier, AlgorithmIdentifierRef};
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::{primitives, tag, writer};
use crate::error::Error;

/// A borrowed `CertID`.
///
/// ```text
/// CertID ::= SEQUENCE {
///     hashAlgorithm   AlgorithmIdentifier,
///     issuerNameHash  OCTET STRING, -- hash of the issuer's DN
///     issuerKeyHash   OCTET STRING, -- hash of the issuer's public key
///     serialNumber    CertificateSerialNumber }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertIdRef<'a> {
    hash_algorithm: AlgorithmIdentifierRef<'a>,
    issuer_name_hash: &'a [u8],
    issuer_key_hash: &'a [u8],
    serial_number: &'a [u8],
    raw: &'a [u8],
}

const PATH: &str = "CertID";

impl<'a> CertIdRef<'a> {
    pub(crate) fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        let tlv = r.read(tag::SEQUENCE, PATH)?;
        Self::decode(&tlv)
    }

    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let hash_algorithm = AlgorithmIdentifierRef::read(&mut r, "CertID.hashAlgorithm")?;
        let issuer_name_hash = r.read(tag::OCTET_STRING, "CertID.issuerNameHash")?.value;
        let issuer_key_hash = r.read(tag::OCTET_STRING, "CertID.issuerKeyHash")?.value;
        let serial = r.read(tag::INTEGER, "CertID.serialNumber")?;
        let serial_number = primitives::integer(&serial, "CertID.serialNumber")?;
        r.finish(PATH)?;
        Ok(CertIdRef {
            hash_algorithm,
            issuer_name_hash,
            issuer_key_hash,
            serial_number,
            raw: tlv.raw,
        })
    }

    /// Parses a DER `CertID` on its own.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        let tlv = crate::asn1::reader::read_single(der, tag::SEQUENCE, PATH)?;
        Self::decode(&tlv)
    }

    /// The hash algorithm of both hashes.
    pub fn hash_algorithm(&self) -> AlgorithmIdentifierRef<'a> {
        self.hash_algorithm
    }

    /// Hash of the DER of the issuer's subject Name.
    pub fn issuer_name_hash(&self) -> &'a [u8] {
        self.issuer_name_hash
    }

    /// Hash of the issuer's subjectPublicKey BIT STRING contents.
    pub fn issuer_key_hash(&self) -> &'a [u8] {
        self.issuer_key_hash
    }

    /// The serial number as DER INTEGER content octets (two's complement,
    /// minimal; a leading `0x00` when the top bit would otherwise be set).
    pub fn serial_number(&self) -> &'a [u8] {
        self.serial_number
    }

    /// The whole DER `CertID`.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<CertId, Error> {
        Ok(CertId {
            hash_algorithm: self.hash_algorithm.to_owned()?,
            issuer_name_hash: self.issuer_name_hash.to_vec(),
            issuer_key_hash: self.issuer_key_hash.to_vec(),
            serial_number: self.serial_number.to_vec(),
        })
    }
}

/// An owned `CertID`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CertId {
    /// The hash algorithm of both hashes.
    pub hash_algorithm: AlgorithmIdentifier,
    /// Hash of the DER of the issuer's subject Name.
    pub issuer_name_hash: Vec<u8>,
    /// Hash of the issuer's subjectPublicKey BIT STRING contents.
    pub issuer_key_hash: Vec<u8>,
    /// The serial number as minimal DER INTEGER content octets; see
    /// [`crate::serial_from_unsigned`] to build it from a magnitude.
    pub serial_number: Vec<u8>,
}

impl CertId {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            self.hash_algorithm.encode(out);
            writer::tlv(out, tag::OCTET_STRING, &self.issuer_name_hash);
            writer::tlv(out, tag::OCTET_STRING, &self.issuer_key_hash);
            writer::integer(out, &self.serial_number);
        });
    }

    /// The DER encoding, checked by the strict parser.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        writer::checked(
            |out| self.encode(out),
            |der| CertIdRef::parse(der).map(drop),
        )
    }

    /// Parses a DER `CertID`.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        CertIdRef::parse(der)?.to_owned()
    }
}
