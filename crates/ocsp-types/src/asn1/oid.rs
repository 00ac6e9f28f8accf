//! Object identifiers: a borrowed view of any OID, and the constants OCSP uses.

use core::fmt;

pub use const_oid::ObjectIdentifier;

/// A validated OBJECT IDENTIFIER borrowed from the input (content octets only).
///
/// Unlike [`ObjectIdentifier`] it has no length limit and arcs may be as large
/// as 128 bits (e.g. `2.25.<UUID>`), so any OID a peer sends can be shown.
/// Compare it with the constants of this module with `==`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Oid<'a>(&'a [u8]);

impl<'a> Oid<'a> {
    /// Wraps validated content octets.
    pub(crate) fn new_unchecked(contents: &'a [u8]) -> Self {
        Oid(contents)
    }

    /// Wraps content octets after checking them.
    pub fn from_contents(contents: &'a [u8]) -> Option<Self> {
        super::primitives::valid_oid_contents(contents).then_some(Oid(contents))
    }

    /// The content octets (no tag or length).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The owned form, when it fits in [`ObjectIdentifier`].
    pub fn to_object_identifier(&self) -> Option<ObjectIdentifier> {
        ObjectIdentifier::from_bytes(self.0).ok()
    }
}

impl PartialEq<ObjectIdentifier> for Oid<'_> {
    fn eq(&self, other: &ObjectIdentifier) -> bool {
        self.0 == other.as_bytes()
    }
}

impl PartialEq<Oid<'_>> for ObjectIdentifier {
    fn eq(&self, other: &Oid<'_>) -> bool {
        self.as_bytes() == other.0
    }
}

impl fmt::Display for Oid<'_> {
    /// Dotted decimal, e.g. `1.3.6.1.5.5.7.48.1.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut value: u128 = 0;
        for &b in self.0 {
            // Validation bounds every arc to 128 bits, so this cannot overflow;
            // `wrapping_shl` keeps the formatter panic-free all the same.
            value = value.wrapping_shl(7) | u128::from(b & 0x7f);
            if b & 0x80 != 0 {
                continue;
            }
            if first {
                let (a, b) = match value {
                    0..=39 => (0, value),
                    40..=79 => (1, value - 40),
                    _ => (2, value - 80),
                };
                write!(f, "{a}.{b}")?;
                first = false;
            } else {
                write!(f, ".{value}")?;
            }
            value = 0;
        }
        Ok(())
    }
}

impl fmt::Debug for Oid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Oid({self})")
    }
}

/// `id-pkix-ocsp-basic` (RFC 6960 4.2.1): the only response type defined.
pub const OCSP_BASIC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1");
/// `id-pkix-ocsp-nonce` (RFC 8954).
pub const OCSP_NONCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.2");
/// `id-pkix-ocsp-crl`: CRL references (RFC 6960 4.4.2).
pub const OCSP_CRL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.3");
/// `id-pkix-ocsp-response`: acceptable response types (RFC 6960 4.4.3).
pub const OCSP_RESPONSE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.4");
/// `id-pkix-ocsp-nocheck` (RFC 6960 4.2.2.2.1), in a responder certificate.
pub const OCSP_NOCHECK: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5");
/// `id-pkix-ocsp-archive-cutoff` (RFC 6960 4.4.4).
pub const OCSP_ARCHIVE_CUTOFF: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.6");
/// `id-pkix-ocsp-service-locator` (RFC 6960 4.4.6).
pub const OCSP_SERVICE_LOCATOR: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.7");
/// `id-pkix-ocsp-pref-sig-algs`: preferred signature algorithms (RFC 6960 4.4.7).
pub const OCSP_PREF_SIG_ALGS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.8");
/// `id-pkix-ocsp-extended-revoke` (RFC 6960 4.4.8).
pub const OCSP_EXTENDED_REVOKE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.9");
/// The signed certificate timestamp list in a SingleResponse (RFC 6962 3.3).
pub const CT_SCT_LIST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.5");
/// `id-kp-OCSPSigning` (RFC 5280 4.2.1.12).
pub const KP_OCSP_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.9");
/// `id-ad-ocsp`, the OCSP access method in Authority Information Access.
pub const AD_OCSP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");

/// SHA-1 (`id-sha1`).
pub const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
/// SHA-256.
pub const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// SHA-384.
pub const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
/// SHA-512.
pub const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    extern crate alloc;
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn display_matches_const_oid() {
        for oid in [OCSP_BASIC, SHA256, CT_SCT_LIST, KP_OCSP_SIGNING] {
            let ours = Oid::from_contents(oid.as_bytes()).unwrap();
            assert_eq!(ours.to_string(), oid.to_string());
            assert_eq!(ours, oid);
        }
    }

    #[test]
    fn display_of_large_arcs() {
        let mut uuid = alloc::vec![0x69, 0x83];
        uuid.extend([0xff; 17]);
        uuid.push(0x7f);
        let oid = Oid::from_contents(&uuid).unwrap();
        assert_eq!(oid.to_string(), alloc::format!("2.25.{}", u128::MAX));
        assert_eq!(oid.to_object_identifier(), None);
    }
}
