//! Matching the CertIDs of the response against the certificate in question,
//! through `ocsp-request`'s matcher: the issuer hashes are computed from the
//! issuer the caller gave (its subject Name DER and key), under each
//! CertID's own hash algorithm (SHA-1, SHA-256, SHA-384, SHA-512), and
//! compared in constant time. Nothing is copied: the matcher borrows the
//! issuer's Name and key and the serial number, and uses the issuer's SHA-1
//! hashes computed once (per call, or once for an `Issuer::Prepared`).

use ocsp_request::{CertIdMatcherRef, PreparedIssuerRef};
use ocsp_types::{BasicResponseRef, SingleResponseRef};

use crate::error::Error;
use crate::input::SubjectRef;

/// Builds the matcher. A certificate given must name the issuer as its
/// issuer ([`Error::CertificateIssuerMismatch`] otherwise, ocsp-request's
/// [`ocsp_request::Error::IssuerMismatch`]).
pub(crate) fn matcher<'a>(
    issuer: PreparedIssuerRef<'a>,
    subject: &SubjectRef<'a>,
) -> Result<CertIdMatcherRef<'a>, Error> {
    match &subject.certificate {
        Some(cert) => {
            CertIdMatcherRef::from_issued_certificate(issuer, cert).map_err(|e| match e {
                ocsp_request::Error::IssuerMismatch => Error::CertificateIssuerMismatch,
                other => Error::CertIdInputs(other),
            })
        }
        None => Ok(CertIdMatcherRef::from_unsigned_serial(
            issuer,
            subject.serial,
        )),
    }
}

/// The single responses about the certificate, in encoded order. A CertID
/// under a hash algorithm the matcher cannot compute names nothing we know.
pub(crate) fn matching<'a, 'm>(
    matcher: &'m CertIdMatcherRef<'m>,
    basic: &BasicResponseRef<'a>,
) -> impl Iterator<Item = SingleResponseRef<'a>> + 'm
where
    'a: 'm,
{
    basic
        .tbs_response_data()
        .responses()
        .iter()
        .filter(move |single| matcher.matches(&single.cert_id()).unwrap_or(false))
}
