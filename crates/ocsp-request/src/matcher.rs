//! Matching a CertID of a response against the certificate it should name.

use alloc::vec::Vec;

use ocsp_types::{CertId, CertIdRef, CertificateHeadRef};

use crate::certificate::{CertificateParts, Role};
use crate::hash::{ct_eq, HashAlgorithm};
use crate::issuer::{PreparedIssuer, PreparedIssuerRef};
use crate::serial;
use crate::Error;

/// One certificate, identified for matching CertIDs: its serial number and
/// its issuer's Name and key.
///
/// A CertID matches when the serial number and both hashes agree under the
/// CertID's **own** hash algorithm, whatever algorithm the request used
/// (a responder may answer a SHA-256 request with SHA-1 CertIDs). Hashes are
/// computed when needed and compared in constant time.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{CertIdMatcher, PreparedIssuer};
/// use ocsp_types::OcspResponseRef;
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// # let der = include_bytes!("../tests/data/seed-wikipedia-2017.der");
/// let issuer = PreparedIssuer::from_name_and_spki(name, spki)?;
/// let matcher = CertIdMatcher::from_unsigned_serial(issuer, &[
///     0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6,
/// ]);
/// let response = OcspResponseRef::parse(der)?;
/// let basic = response.basic().expect("successful");
/// let single = basic.tbs_response_data().responses().iter().next().expect("one");
/// assert!(matcher.matches(&single.cert_id())?);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CertIdMatcher {
    issuer: PreparedIssuer,
    serial: Vec<u8>,
}

impl CertIdMatcher {
    /// From the issuer and a serial number as DER INTEGER content octets.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSerialNumber`] when `serial` is not minimal, non-empty
    /// INTEGER content octets.
    pub fn new(issuer: PreparedIssuer, serial: &[u8]) -> Result<Self, Error> {
        serial::check(serial)?;
        Ok(CertIdMatcher {
            issuer,
            serial: serial.to_vec(),
        })
    }

    /// From the issuer and a non-negative serial number given by its
    /// big-endian magnitude (leading zero octets do not matter).
    pub fn from_unsigned_serial(issuer: PreparedIssuer, magnitude: &[u8]) -> Self {
        CertIdMatcher {
            issuer,
            serial: ocsp_types::serial_from_unsigned(magnitude),
        }
    }

    /// From a DER certificate and its issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCertificate`], [`Error::InvalidIssuerCertificate`],
    /// and [`Error::IssuerMismatch`] when the certificate's issuer Name is
    /// not the issuer certificate's subject Name.
    pub fn from_certificates(certificate_der: &[u8], issuer_der: &[u8]) -> Result<Self, Error> {
        let (issuer, serial) = issuer_and_serial(certificate_der, issuer_der)?;
        Self::new(issuer.to_owned(), serial)
    }

    /// The issuer.
    pub fn issuer(&self) -> &PreparedIssuer {
        &self.issuer
    }

    /// The serial number as DER INTEGER content octets.
    pub fn serial_number(&self) -> &[u8] {
        &self.serial
    }

    /// The CertID under `alg`.
    pub fn cert_id(&self, alg: HashAlgorithm) -> CertId {
        self.issuer
            .as_borrowed()
            .cert_id_unchecked(&self.serial, alg)
    }

    /// Whether `cert_id` names this certificate: same serial number and both
    /// hashes equal under the CertID's own hash algorithm.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedHashAlgorithm`] and [`Error::InvalidHashParameters`]
    /// for a `hashAlgorithm` this crate cannot compute: the CertID can then
    /// be neither matched nor ruled out.
    pub fn matches(&self, cert_id: &CertIdRef<'_>) -> Result<bool, Error> {
        let issuer = self.issuer.matches(cert_id)?;
        let serial = ct_eq(&self.serial, cert_id.serial_number());
        Ok(issuer & serial)
    }

    /// The same certificate, borrowed, for matching many CertIDs without
    /// recomputing the SHA-1 hashes.
    pub fn as_borrowed(&self) -> CertIdMatcherRef<'_> {
        CertIdMatcherRef::with_serial(self.issuer.as_borrowed(), Serial::Integer(&self.serial))
    }
}

/// Parses a certificate and its issuer's certificate, checks that the
/// certificate names that issuer, and returns the issuer (hashed once) and
/// the certificate's serial number (INTEGER content octets).
fn issuer_and_serial<'a>(
    certificate_der: &'a [u8],
    issuer_der: &'a [u8],
) -> Result<(PreparedIssuerRef<'a>, &'a [u8]), Error> {
    let cert = CertificateParts::parse(certificate_der, Role::Subject)?;
    let issuer = PreparedIssuerRef::from_certificate(issuer_der)?;
    let serial = issued_serial(
        &issuer,
        cert.cert.issuer().as_der(),
        cert.cert.serial_number(),
    )?;
    Ok((issuer, serial))
}

/// The serial number of a certificate when `issuer` issued it: the
/// certificate's issuer Name is byte for byte the issuer's subject Name
/// ([`Error::IssuerMismatch`] otherwise), and its serial is usable in a
/// CertID ([`Error::InvalidSerialNumber`] for an empty INTEGER, which the
/// certificate parser tolerates as rustls-webpki does).
fn issued_serial<'a>(
    issuer: &PreparedIssuerRef<'_>,
    certificate_issuer: &[u8],
    serial: &'a [u8],
) -> Result<&'a [u8], Error> {
    if certificate_issuer != issuer.name_der() {
        return Err(Error::IssuerMismatch);
    }
    serial::check(serial)?;
    Ok(serial)
}

/// [`CertIdMatcher`] without the copies, for a verifier's hot path: it
/// borrows the issuer's Name and key and the serial number, allocates
/// nothing, and uses the issuer's SHA-1 hashes (what nearly every responder
/// uses) computed once, when the [`PreparedIssuerRef`] was built. CertIDs
/// under another algorithm are hashed when met.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{CertIdMatcherRef, PreparedIssuerRef};
/// use ocsp_types::OcspResponseRef;
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// # let der = include_bytes!("../tests/data/seed-wikipedia-2017.der");
/// let issuer = PreparedIssuerRef::from_name_and_spki(name, spki)?;
/// let serial = [0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6];
/// let matcher = CertIdMatcherRef::from_unsigned_serial(issuer, &serial);
/// let response = OcspResponseRef::parse(der)?;
/// let basic = response.basic().expect("successful");
/// let single = basic.tbs_response_data().responses().iter().next().expect("one");
/// assert!(matcher.matches(&single.cert_id())?);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CertIdMatcherRef<'a> {
    issuer: PreparedIssuerRef<'a>,
    serial: Serial<'a>,
}

/// How the caller gave the serial number.
#[derive(Debug, Clone, Copy)]
enum Serial<'a> {
    /// DER INTEGER content octets, already checked to be minimal.
    Integer(&'a [u8]),
    /// A non-negative number's big-endian magnitude.
    Magnitude(&'a [u8]),
}

impl<'a> CertIdMatcherRef<'a> {
    /// From the issuer and a serial number as DER INTEGER content octets.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSerialNumber`] when `serial` is not minimal, non-empty
    /// INTEGER content octets.
    pub fn new(issuer: PreparedIssuerRef<'a>, serial: &'a [u8]) -> Result<Self, Error> {
        serial::check(serial)?;
        Ok(Self::with_serial(issuer, Serial::Integer(serial)))
    }

    /// From the issuer and a non-negative serial number given by its
    /// big-endian magnitude (leading zero octets do not matter).
    pub fn from_unsigned_serial(issuer: PreparedIssuerRef<'a>, magnitude: &'a [u8]) -> Self {
        Self::with_serial(issuer, Serial::Magnitude(magnitude))
    }

    /// From a DER certificate and its issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// As [`CertIdMatcher::from_certificates`].
    pub fn from_certificates(
        certificate_der: &'a [u8],
        issuer_der: &'a [u8],
    ) -> Result<Self, Error> {
        let (issuer, serial) = issuer_and_serial(certificate_der, issuer_der)?;
        Self::new(issuer, serial)
    }

    /// From the issuer and a certificate it issued (already read, e.g. by a
    /// verifier; [`CertificateRef::head`](ocsp_types::CertificateRef::head)
    /// and [`CertificateFieldsRef::head`](ocsp_types::CertificateFieldsRef::head) give it from a fuller parse): the
    /// serial number is the certificate's.
    ///
    /// # Errors
    ///
    /// [`Error::IssuerMismatch`] when the certificate's issuer Name is not
    /// the issuer's subject Name; [`Error::InvalidSerialNumber`] when its
    /// serialNumber is an empty INTEGER.
    pub fn from_issued_certificate(
        issuer: PreparedIssuerRef<'a>,
        certificate: &CertificateHeadRef<'a>,
    ) -> Result<Self, Error> {
        let serial = issued_serial(
            &issuer,
            certificate.issuer().as_der(),
            certificate.serial_number(),
        )?;
        Ok(Self::with_serial(issuer, Serial::Integer(serial)))
    }

    fn with_serial(issuer: PreparedIssuerRef<'a>, serial: Serial<'a>) -> Self {
        CertIdMatcherRef { issuer, serial }
    }

    /// The issuer.
    pub fn issuer(&self) -> PreparedIssuerRef<'a> {
        self.issuer
    }

    /// Copies into a [`CertIdMatcher`].
    pub fn to_owned(&self) -> CertIdMatcher {
        let serial = match self.serial {
            Serial::Integer(integer) => integer.to_vec(),
            Serial::Magnitude(magnitude) => ocsp_types::serial_from_unsigned(magnitude),
        };
        CertIdMatcher {
            issuer: self.issuer.to_owned(),
            serial,
        }
    }

    /// Whether `cert_id` names this certificate, as
    /// [`CertIdMatcher::matches`].
    ///
    /// # Errors
    ///
    /// As [`CertIdMatcher::matches`].
    pub fn matches(&self, cert_id: &CertIdRef<'_>) -> Result<bool, Error> {
        let issuer = self.issuer.matches(cert_id)?;
        let serial = match self.serial {
            Serial::Integer(integer) => ct_eq(integer, cert_id.serial_number()),
            Serial::Magnitude(magnitude) => {
                serial::serial_matches_unsigned(cert_id.serial_number(), magnitude)
            }
        };
        Ok(issuer & serial)
    }
}
