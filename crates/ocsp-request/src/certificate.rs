//! The fields of a certificate that a CertID needs, as the exact bytes that
//! were encoded.
//!
//! Certificates are read with `ocsp_types::CertificateRef`: one strict,
//! zero-copy parse whose Name, serial and key bytes are exactly those the CA
//! encoded (and hashed), never a re-encoding.

use ocsp_types::CertificateRef;

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

/// A parsed certificate, with the error of its role.
pub(crate) struct CertificateParts<'a> {
    /// The parsed certificate.
    pub cert: CertificateRef<'a>,
    /// `subject`: the whole DER Name.
    pub subject: &'a [u8],
}

impl<'a> CertificateParts<'a> {
    /// Parses a DER certificate.
    pub(crate) fn parse(der: &'a [u8], role: Role) -> Result<Self, crate::Error> {
        let cert = CertificateRef::parse(der).map_err(|e| role.error(e))?;
        Ok(CertificateParts {
            cert,
            subject: cert.subject().as_der(),
        })
    }
}
