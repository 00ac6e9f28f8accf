//! The fields of a certificate that a CertID needs, as the exact bytes that
//! were encoded.
//!
//! Certificates are read with `ocsp_types::CertificateRef`: one strict,
//! zero-copy parse whose Name, serial and key bytes are exactly those the CA
//! encoded (and hashed), never a re-encoding.

use ocsp_types::{CertificateRef, SubjectPublicKeyInfoRef};

/// Which certificate failed to parse, for the error variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The certificate whose status is asked.
    Subject,
    /// Its issuer.
    Issuer,
}

impl Role {
    fn error(self, e: ocsp_types::Error) -> crate::Error {
        match self {
            Role::Subject => crate::Error::InvalidCertificate(e),
            Role::Issuer => crate::Error::InvalidIssuerCertificate(e),
        }
    }
}

/// A parsed certificate and the encoded bytes of the fields a CertID uses.
pub(crate) struct CertificateParts<'a> {
    /// The parsed certificate.
    pub cert: CertificateRef<'a>,
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
        let cert = CertificateRef::parse(der).map_err(|e| role.error(e))?;
        Ok(CertificateParts {
            cert,
            serial: cert.serial_number(),
            issuer: cert.issuer().as_der(),
            subject: cert.subject().as_der(),
            public_key: cert.subject_public_key_info().subject_public_key(),
        })
    }
}

/// The `subjectPublicKey` BIT STRING contents (no unused-bits octet) of a
/// DER `SubjectPublicKeyInfo`.
pub(crate) fn public_key_bits(spki_der: &[u8]) -> Result<&[u8], ocsp_types::Error> {
    Ok(SubjectPublicKeyInfoRef::parse(spki_der)?.subject_public_key())
}
