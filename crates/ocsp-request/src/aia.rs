//! The responder URL from a certificate's Authority Information Access
//! extension (RFC 5280 4.2.2.1).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

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
    let urls: Vec<String> = cert
        .cert
        .ocsp_responder_urls()
        .map_err(Error::InvalidAuthorityInfoAccess)?
        .ok_or(Error::NoAuthorityInfoAccess)?
        .map(ToString::to_string)
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
