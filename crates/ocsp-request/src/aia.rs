//! The responder URL from a certificate's Authority Information Access
//! extension (RFC 5280 4.2.2.1).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use der::Decode;
use ocsp_types::oid::AD_OCSP;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::AuthorityInfoAccessSyntax;

use crate::certificate::{CertificateParts, Role};
use crate::Error;

/// The OCSP responder URIs (`id-ad-ocsp` access locations that are a
/// uniformResourceIdentifier) of a DER certificate, in encoded order.
///
/// They are returned as written: the scheme is not checked (RFC 6960 clients
/// expect `http`).
///
/// # Errors
///
/// [`Error::InvalidCertificate`] (which includes an extension present
/// twice), [`Error::InvalidAuthorityInfoAccess`] (the extension does not decode),
/// [`Error::NoAuthorityInfoAccess`] (no such extension) and
/// [`Error::NoOcspResponder`] (no OCSP URI in it).
pub fn responder_urls(certificate_der: &[u8]) -> Result<Vec<String>, Error> {
    let cert = CertificateParts::parse(certificate_der, Role::Subject)?;
    let extension = cert
        .cert
        .extensions()
        .get(&ocsp_types::x509::AUTHORITY_INFO_ACCESS)
        .ok_or(Error::NoAuthorityInfoAccess)?;
    let aia = AuthorityInfoAccessSyntax::from_der(extension.value())
        .map_err(Error::InvalidAuthorityInfoAccess)?;
    let urls: Vec<String> = aia
        .0
        .iter()
        .filter(|d| d.access_method == AD_OCSP)
        .filter_map(|d| match &d.access_location {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.to_string()),
            _ => None,
        })
        .collect();
    if urls.is_empty() {
        return Err(Error::NoOcspResponder);
    }
    Ok(urls)
}

/// The first OCSP responder URI of a DER certificate; see
/// [`responder_urls`].
///
/// # Errors
///
/// Those of [`responder_urls`].
pub fn responder_url(certificate_der: &[u8]) -> Result<String, Error> {
    responder_urls(certificate_der)?
        .into_iter()
        .next()
        .ok_or(Error::NoOcspResponder)
}
