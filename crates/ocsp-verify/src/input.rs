//! The caller's inputs: the issuer and the certificate in question.

use ocsp_request::{PreparedIssuer, PreparedIssuerRef};
use ocsp_types::Time;

use crate::error::Error;
use ocsp_types::{CertificateFieldsRef, CertificateHeadRef, NameRef, SubjectPublicKeyInfoRef};

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
    /// An issuer read and hashed once, for callers that verify many
    /// responses against the same CA (TLS stacks, caches): nothing about the
    /// issuer is parsed, hashed or allocated per verification.
    Prepared(&'a PreparedIssuer),
}

/// The certificate whose status is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// Its DER certificate, which the caller has already validated (path
    /// building is not this crate's job, as for the [`Issuer`]): the serial
    /// and issuer Name are taken from it, and `producedAt` is checked against
    /// its validity. Only these (and the fields before them) are read
    /// strictly; the subject, key, unique identifiers and extensions, which
    /// the verifier does not use, are only framed as DER
    /// ([`ocsp_types::CertificateHeadRef`]).
    Certificate(&'a [u8]),
    /// Only its serial number, as the big-endian magnitude or as DER INTEGER
    /// content octets (leading zero octets do not matter).
    Serial(&'a [u8]),
}

/// The issuer, read and hashed (SHA-1 of its Name and key) once.
pub(crate) fn prepare<'a>(issuer: &Issuer<'a>) -> Result<PreparedIssuerRef<'a>, Error> {
    match *issuer {
        Issuer::Certificate(der) => {
            let cert = CertificateFieldsRef::parse(der).map_err(Error::InvalidIssuer)?;
            Ok(PreparedIssuerRef::from_parsed(
                cert.subject(),
                cert.subject_public_key_info(),
            ))
        }
        Issuer::NameAndKey { subject, spki } => Ok(PreparedIssuerRef::from_parsed(
            NameRef::parse(subject).map_err(Error::InvalidIssuer)?,
            SubjectPublicKeyInfoRef::parse(spki).map_err(Error::InvalidIssuer)?,
        )),
        Issuer::Prepared(prepared) => Ok(prepared.as_borrowed()),
    }
}

/// The certificate in question, parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SubjectRef<'a> {
    /// A certificate given: its serial, issuer Name and validity.
    pub(crate) certificate: Option<CertificateHeadRef<'a>>,
    /// A serial number given (INTEGER content octets or a magnitude).
    pub(crate) serial: &'a [u8],
}

impl<'a> SubjectRef<'a> {
    pub(crate) fn parse(subject: &Subject<'a>) -> Result<Self, Error> {
        match *subject {
            Subject::Certificate(der) => {
                let cert = CertificateHeadRef::parse(der).map_err(Error::InvalidCertificate)?;
                Ok(SubjectRef {
                    certificate: Some(cert),
                    serial: cert.serial_number(),
                })
            }
            Subject::Serial(serial) => Ok(SubjectRef {
                certificate: None,
                serial,
            }),
        }
    }

    /// A certificate's validity.
    pub(crate) fn validity(&self) -> Option<(Time, Time)> {
        self.certificate
            .map(|cert| (cert.not_before(), cert.not_after()))
    }
}
