//! The fields of a certificate that a CertID needs, as the exact bytes that
//! were encoded.
//!
//! The certificate is first parsed in full with `x509-cert` (strict DER), so
//! only real certificates are accepted. The fields are then taken from the
//! input itself rather than re-encoded from the parsed value: `der` sorts a
//! `SET OF` while decoding, so a re-encoded Name may differ from the bytes
//! the CA hashed, and the serial is wanted as its DER content octets.

use der::{Decode, Header, Reader, SliceReader, Tag};
use x509_cert::Certificate;

/// Which certificate failed to parse, for the error variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The certificate whose status is asked.
    Subject,
    /// Its issuer.
    Issuer,
}

impl Role {
    fn error(self, e: der::Error) -> crate::Error {
        match self {
            Role::Subject => crate::Error::InvalidCertificate(e),
            Role::Issuer => crate::Error::InvalidIssuerCertificate(e),
        }
    }
}

/// A parsed certificate and the encoded bytes of some of its fields.
pub(crate) struct CertificateParts<'a> {
    /// The parsed certificate.
    pub parsed: Certificate,
    /// `serialNumber`: DER INTEGER content octets.
    pub serial: &'a [u8],
    /// `issuer`: the whole DER Name.
    pub issuer: &'a [u8],
    /// `subject`: the whole DER Name.
    pub subject: &'a [u8],
    /// `subjectPublicKey`: the BIT STRING contents after the unused-bits octet.
    pub public_key: &'a [u8],
}

impl<'a> CertificateParts<'a> {
    /// Parses a DER certificate.
    pub(crate) fn parse(der: &'a [u8], role: Role) -> Result<Self, crate::Error> {
        let parsed = Certificate::from_der(der).map_err(|e| role.error(e))?;
        let raw = RawFields::read(der).map_err(|e| role.error(e))?;
        let public_key = public_key_bits(raw.spki).map_err(|e| role.error(e))?;
        Ok(CertificateParts {
            parsed,
            serial: raw.serial,
            issuer: raw.issuer,
            subject: raw.subject,
            public_key,
        })
    }
}

/// The `subjectPublicKey` BIT STRING contents (no unused-bits octet) of a
/// DER `SubjectPublicKeyInfo`.
pub(crate) fn public_key_bits(spki_der: &[u8]) -> Result<&[u8], der::Error> {
    let spki = spki::SubjectPublicKeyInfoRef::from_der(spki_der)?;
    Ok(spki.subject_public_key.raw_bytes())
}

struct RawFields<'a> {
    serial: &'a [u8],
    issuer: &'a [u8],
    subject: &'a [u8],
    spki: &'a [u8],
}

/// `[0]` constructed: the `version` field of a TBSCertificate.
const VERSION_TAG: u8 = 0xa0;

impl<'a> RawFields<'a> {
    /// Walks `Certificate` and `TBSCertificate` (RFC 5280 4.1) element by
    /// element, keeping the bytes of the fields it needs.
    fn read(der: &'a [u8]) -> Result<Self, der::Error> {
        let mut reader = SliceReader::new(der)?;
        let fields = reader.sequence(|cert| {
            let fields = cert.sequence(|tbs| {
                if tbs.peek_byte() == Some(VERSION_TAG) {
                    tbs.tlv_bytes()?;
                }
                let serial = contents(tbs.tlv_bytes()?, Tag::Integer)?;
                let _signature = tbs.tlv_bytes()?;
                let issuer = tbs.tlv_bytes()?;
                let _validity = tbs.tlv_bytes()?;
                let subject = tbs.tlv_bytes()?;
                let spki = tbs.tlv_bytes()?;
                // issuerUniqueID, subjectUniqueID, extensions.
                while !tbs.is_finished() {
                    tbs.tlv_bytes()?;
                }
                Ok::<_, der::Error>(RawFields {
                    serial,
                    issuer,
                    subject,
                    spki,
                })
            })?;
            // signatureAlgorithm, signatureValue.
            cert.tlv_bytes()?;
            cert.tlv_bytes()?;
            Ok::<_, der::Error>(fields)
        })?;
        reader.finish()?;
        Ok(fields)
    }
}

/// The content octets of one whole DER element with tag `tag`.
fn contents(tlv: &[u8], tag: Tag) -> Result<&[u8], der::Error> {
    let mut r = SliceReader::new(tlv)?;
    let header = Header::decode(&mut r)?;
    header.tag().assert_eq(tag)?;
    let value = r.read_slice(header.length())?;
    r.finish()?;
    Ok(value)
}
