//! Matching the CertIDs of the response against the certificate in question,
//! through `ocsp-request`'s matcher: the issuer hashes are computed from the
//! issuer the caller gave (its subject Name DER and key), under each
//! CertID's own hash algorithm (SHA-1, SHA-256, SHA-384, SHA-512), and
//! compared in constant time. Nothing is copied: the matcher borrows the
//! issuer's Name and key and the serial number, and hashes the issuer under
//! SHA-1 once.

use ocsp_request::{CertIdMatcherRef, IssuerHashesRef};
use ocsp_types::{BasicResponseRef, SingleResponseRef};

use crate::error::Error;
use crate::input::{IssuerRef, SubjectRef};

/// Builds the matcher. A certificate given must name the issuer as its
/// issuer ([`Error::CertificateIssuerMismatch`] otherwise).
pub(crate) fn matcher<'a>(
    issuer: &IssuerRef<'a>,
    subject: &SubjectRef<'a>,
) -> Result<CertIdMatcherRef<'a>, Error> {
    let hashes = IssuerHashesRef::from_parsed(issuer.subject, issuer.spki);
    match subject.certificate {
        Some((issuer_name, _, _)) => {
            if issuer_name != issuer.subject.as_der() {
                return Err(Error::CertificateIssuerMismatch);
            }
            CertIdMatcherRef::new(hashes, subject.serial).map_err(Error::CertIdInputs)
        }
        None => Ok(CertIdMatcherRef::from_unsigned_serial(
            hashes,
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
