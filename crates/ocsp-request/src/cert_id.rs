//! Building the `CertID` (RFC 6960 4.1.1) of a certificate.

use ocsp_types::CertId;

use crate::hash::HashAlgorithm;
use crate::issuer::PreparedIssuer;
use crate::matcher::CertIdMatcher;
use crate::Error;

/// The CertID of a DER certificate, given its issuer's DER certificate.
///
/// The serial number is the certificate's, as encoded; the hashes are of the
/// issuer certificate's subject Name and public key (see [`PreparedIssuer`]).
/// This is what `openssl ocsp -issuer I -cert C` sends, byte for byte.
///
/// # Errors
///
/// [`Error::InvalidCertificate`] and [`Error::InvalidIssuerCertificate`]
/// when they are not DER X.509 certificates; [`Error::IssuerMismatch`] when
/// the certificate's issuer Name is not byte for byte the issuer's subject
/// Name (use [`cert_id_for_serial`] to build a CertID regardless).
pub fn cert_id_for_certificate(
    certificate_der: &[u8],
    issuer_der: &[u8],
    alg: HashAlgorithm,
) -> Result<CertId, Error> {
    Ok(CertIdMatcher::from_certificates(certificate_der, issuer_der)?.cert_id(alg))
}

/// The CertID of the certificate with serial number `serial` (DER INTEGER
/// content octets) issued by the CA with this subject Name and
/// `SubjectPublicKeyInfo` (both DER), for callers that hold a trust anchor
/// rather than a certificate.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{cert_id_for_serial, HashAlgorithm};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let serial = ocsp_types::serial_from_unsigned(&[0x10, 0xe6, 0xfc, 0x62]);
/// let id = cert_id_for_serial(&serial, name, spki, HashAlgorithm::Sha256)?;
/// assert_eq!(id.issuer_name_hash.len(), 32);
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::InvalidSerialNumber`], [`Error::InvalidIssuerName`],
/// [`Error::InvalidIssuerKey`].
pub fn cert_id_for_serial(
    serial: &[u8],
    issuer_name_der: &[u8],
    issuer_spki_der: &[u8],
    alg: HashAlgorithm,
) -> Result<CertId, Error> {
    PreparedIssuer::from_name_and_spki(issuer_name_der, issuer_spki_der)?.cert_id(serial, alg)
}
