//! Response and single extensions: which critical ones are understood, and
//! which values are read.
//!
//! The rule (RFC 5280 4.2, as RFC 6960 4.4 applies it): an unknown critical
//! extension fails the response; a known one is understood even when marked
//! critical. A value is decoded only where the verifier uses it: the nonce
//! (compared by [`crate::nonce`], whose reading never fails). The other known
//! extensions carry information a verifier does not act on, so their values
//! are checked for the outer `Extension` structure only (done by the parser);
//! their typed accessors in `ocsp_types::known` report a malformed value to a
//! caller that asks.
//!
//! Peers: mozilla::pkix (`pkixocsp.cpp`) refuses every critical extension it
//! does not understand and understands only the SCT list among single
//! extensions, which it does not decode (an empty value is refused; the CT
//! verifier reads it later, and its errors do not fail the OCSP check).
//! Chromium (`ocsp.cc`, now BoringSSL's `pki/ocsp.cc`) keeps
//! `singleExtensions` and `responseExtensions` as opaque TLVs and reads
//! nothing in them, so it accepts a critical SCT list with a junk value, and
//! so does this library. Unlike Chromium, an unknown critical extension still
//! fails here, as in mozilla::pkix.

use ocsp_types::{oid, ExtensionsRef, ObjectIdentifier};

use crate::error::Error;

/// The extensions understood even when critical: the nonce (RFC 8954), CRL
/// references (RFC 6960 4.4.2), archive cutoff (4.4.4), extended revoke
/// (4.4.8) and the CT SCT list (RFC 6962 3.3).
const UNDERSTOOD: &[ObjectIdentifier] = &[
    oid::OCSP_NONCE,
    oid::OCSP_CRL,
    oid::OCSP_ARCHIVE_CUTOFF,
    oid::OCSP_EXTENDED_REVOKE,
    oid::CT_SCT_LIST,
];

/// Fails on the first critical extension of the list that is not understood.
pub(crate) fn check(extensions: &ExtensionsRef<'_>) -> Result<(), Error> {
    match extensions
        .iter()
        .find(|ext| ext.is_critical() && !UNDERSTOOD.iter().any(|u| ext.oid() == *u))
    {
        Some(ext) => Err(Error::UnhandledCriticalExtension {
            oid: crate::error::oid_of(ext.oid()),
        }),
        None => Ok(()),
    }
}
