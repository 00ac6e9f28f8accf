//! The caller's inputs: the issuer and the certificate in question.

use ocsp_types::Time;

use crate::error::Error;
use ocsp_types::{CertificateRef, NameRef, SubjectPublicKeyInfoRef};

/// The CA that issued the certificate in question, which the caller has
/// already validated (path building is not this crate's job).
///
/// It is trusted as given: its own signature and validity are not checked,
/// only its subject Name and key are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issuer<'a> {
    /// The issuer's DER certificate.
    Certificate(&'a [u8]),
    /// A trust-anchor-like pair: the DER of the subject Name and the DER of
    /// the SubjectPublicKeyInfo.
    NameAndKey {
        /// DER `Name`.
        subject: &'a [u8],
        /// DER `SubjectPublicKeyInfo`.
        spki: &'a [u8],
    },
}

/// The certificate whose status is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// Its DER certificate: the serial and issuer Name are taken from it, and
    /// `producedAt` is checked against its validity.
    Certificate(&'a [u8]),
    /// Only its serial number, as the big-endian magnitude or as DER INTEGER
    /// content octets (leading zero octets do not matter).
    Serial(&'a [u8]),
}

/// The issuer, parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IssuerRef<'a> {
    /// Its subject Name.
    pub(crate) subject: NameRef<'a>,
    /// Its key.
    pub(crate) spki: SubjectPublicKeyInfoRef<'a>,
}

impl<'a> IssuerRef<'a> {
    pub(crate) fn parse(issuer: &Issuer<'a>) -> Result<Self, Error> {
        match *issuer {
            Issuer::Certificate(der) => {
                let cert = CertificateRef::parse(der).map_err(Error::InvalidIssuer)?;
                Ok(IssuerRef {
                    subject: cert.subject(),
                    spki: cert.subject_public_key_info(),
                })
            }
            Issuer::NameAndKey { subject, spki } => Ok(IssuerRef {
                subject: NameRef::parse(subject).map_err(Error::InvalidIssuer)?,
                spki: SubjectPublicKeyInfoRef::parse(spki).map_err(Error::InvalidIssuer)?,
            }),
        }
    }
}

/// The certificate in question, parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SubjectRef<'a> {
    /// The serial number (INTEGER content octets or a magnitude).
    pub(crate) serial: &'a [u8],
    /// For a certificate: its issuer Name DER and its validity.
    pub(crate) certificate: Option<(&'a [u8], Time, Time)>,
}

impl<'a> SubjectRef<'a> {
    pub(crate) fn parse(subject: &Subject<'a>) -> Result<Self, Error> {
        match *subject {
            Subject::Certificate(der) => {
                let cert = CertificateRef::parse(der).map_err(Error::InvalidCertificate)?;
                Ok(SubjectRef {
                    serial: cert.serial_number(),
                    certificate: Some((
                        cert.issuer().as_der(),
                        cert.not_before(),
                        cert.not_after(),
                    )),
                })
            }
            Subject::Serial(serial) => Ok(SubjectRef {
                serial,
                certificate: None,
            }),
        }
    }
}
