//! The certificate extensions OCSP clients and TLS stacks read beside
//! keyUsage and extendedKeyUsage: the OCSP responder URLs of
//! authorityInfoAccess (RFC 5280 4.2.2.1) and the TLS Feature (RFC 7633,
//! "Must-Staple").
//!
//! Both values are validated in full when asked for (a malformed value is
//! [`Error::InvalidExtensionValue`] with the value's offset), then iterated
//! without allocating.

use crate::asn1::oid::{self, ObjectIdentifier};
use crate::asn1::reader::{read_single, Reader, Tlv};
use crate::asn1::{primitives, tag};
use crate::error::Error;
use crate::extension::ExtensionRef;
use crate::name::GeneralNameRef;
use crate::x509::{CertificateRef, AUTHORITY_INFO_ACCESS, TLS_FEATURE};

/// The `GeneralName` alternative `uniformResourceIdentifier [6] IA5String`.
const URI: u8 = 6;

/// The TLS extension type `status_request` (RFC 6066 8), which a TLS Feature
/// lists to say "Must-Staple" (RFC 7633 4.2.3).
pub const STATUS_REQUEST: u16 = 5;

/// Reads `value` as one SEQUENCE, refusing an empty one when `non_empty`.
fn sequence_contents<'a>(
    ext: &ExtensionRef<'a>,
    path: &'static str,
    non_empty: bool,
) -> Result<Reader<'a>, Error> {
    let at = ext.value_position();
    let invalid = |_| Error::InvalidExtensionValue { at };
    let seq = read_single(ext.value(), tag::SEQUENCE, path).map_err(invalid)?;
    let contents = seq.contents();
    if non_empty && contents.is_empty() {
        return Err(Error::InvalidExtensionValue { at });
    }
    Ok(contents)
}

/// The `id-ad-ocsp` access locations that are a uniformResourceIdentifier,
/// in encoded order, as text (IA5String, so ASCII); see
/// [`CertificateRef::ocsp_responder_urls`].
#[derive(Debug, Clone)]
pub struct OcspResponderUrls<'a> {
    descriptions: Reader<'a>,
}

impl<'a> OcspResponderUrls<'a> {
    /// Checks the whole `AuthorityInfoAccessSyntax`:
    ///
    /// ```text
    /// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
    /// AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER,
    ///                                  accessLocation GeneralName }
    /// ```
    ///
    /// Each `accessLocation` must be a valid `GeneralName` (a URI, a DNS
    /// name or an email address an IA5String of ASCII, a directoryName a
    /// Name), whatever its `accessMethod`.
    fn decode(ext: &ExtensionRef<'a>) -> Result<Self, Error> {
        let descriptions = sequence_contents(ext, "AuthorityInfoAccessSyntax", true)?;
        let mut check = descriptions.clone();
        while !check.is_empty() {
            read_access_description(&mut check).map_err(|_| Error::InvalidExtensionValue {
                at: ext.value_position(),
            })?;
        }
        Ok(OcspResponderUrls { descriptions })
    }
}

/// One `AccessDescription`: its method and its location.
fn read_access_description<'a>(r: &mut Reader<'a>) -> Result<(Tlv<'a>, GeneralNameRef<'a>), Error> {
    let path = "AccessDescription";
    let description = r.read(tag::SEQUENCE, path)?;
    let mut fields = description.contents();
    let method = fields.read(tag::OID, "AccessDescription.accessMethod")?;
    primitives::oid(&method, "AccessDescription.accessMethod")?;
    let location_path = "AccessDescription.accessLocation";
    let location = GeneralNameRef::decode(&fields.read_any(location_path)?, location_path)?;
    fields.finish(path)?;
    Ok((method, location))
}

impl<'a> Iterator for OcspResponderUrls<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        while !self.descriptions.is_empty() {
            // Validated by `decode`: an error cannot happen; it ends the
            // iteration rather than panicking.
            let (method, location) = read_access_description(&mut self.descriptions).ok()?;
            if method.value == oid::AD_OCSP.as_bytes() && location.choice() == URI {
                return location.as_str();
            }
        }
        None
    }
}

/// The TLS Feature extension's list (RFC 7633 `Features ::= SEQUENCE OF
/// INTEGER`); see [`CertificateRef::tls_features`].
#[derive(Debug, Clone)]
pub struct TlsFeatures<'a> {
    features: Reader<'a>,
}

impl<'a> TlsFeatures<'a> {
    /// Checks the whole list: each feature a minimal, non-negative INTEGER,
    /// nothing trailing. An empty list is accepted (it asks for nothing).
    fn decode(ext: &ExtensionRef<'a>) -> Result<Self, Error> {
        let at = ext.value_position();
        let features = sequence_contents(ext, "Features", false)?;
        let mut check = features.clone();
        while !check.is_empty() {
            read_feature(&mut check).map_err(|_| Error::InvalidExtensionValue { at })?;
        }
        Ok(TlsFeatures { features })
    }

    /// Whether the list holds the TLS extension type `extension_type`.
    pub fn contains(&self, extension_type: u16) -> bool {
        let wanted = u64::from(extension_type);
        self.clone().any(|feature| {
            // Minimal and non-negative: at most one leading zero octet.
            feature.len() <= 3
                && feature
                    .iter()
                    .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
                    == wanted
        })
    }

    /// Whether the list holds `status_request` (5): the certificate is
    /// "Must-Staple" (RFC 7633 4.2.3).
    pub fn status_request(&self) -> bool {
        self.contains(STATUS_REQUEST)
    }
}

/// One feature: a minimal, non-negative INTEGER's content octets.
fn read_feature<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], Error> {
    let path = "Features.feature";
    let feature = r.read(tag::INTEGER, path)?;
    let value = primitives::integer(&feature, path)?;
    if value.first().is_some_and(|b| b & 0x80 != 0) {
        return Err(Error::IntegerOutOfRange {
            at: feature.at(path),
        });
    }
    Ok(value)
}

impl<'a> Iterator for TlsFeatures<'a> {
    /// A feature's INTEGER content octets, minimal and non-negative (a TLS
    /// extension type is below 65536, but larger values are passed on, not
    /// refused).
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.features.is_empty() {
            return None;
        }
        // Validated by `decode`; an error ends the iteration.
        read_feature(&mut self.features).ok()
    }
}

impl<'a> CertificateRef<'a> {
    /// The extension with `oid`, when present.
    fn extension(&self, oid: &ObjectIdentifier) -> Option<ExtensionRef<'a>> {
        self.extensions().get(oid)
    }

    /// The OCSP responder URLs of authorityInfoAccess (RFC 5280 4.2.2.1):
    /// each `id-ad-ocsp` access location that is a
    /// uniformResourceIdentifier, in encoded order, as written (the scheme is
    /// not judged). `None` when the extension is absent; an empty iterator
    /// when it names no OCSP responder.
    ///
    /// The whole extension is checked first: an empty list, an
    /// `AccessDescription` that is not `SEQUENCE { OID, GeneralName }`, or a
    /// location that is not a valid `GeneralName` (a URI that is not an
    /// IA5String of ASCII, for one) is [`Error::InvalidExtensionValue`].
    pub fn ocsp_responder_urls(&self) -> Result<Option<OcspResponderUrls<'a>>, Error> {
        self.extension(&AUTHORITY_INFO_ACCESS)
            .map(|ext| OcspResponderUrls::decode(&ext))
            .transpose()
    }

    /// The TLS Feature extension (RFC 7633), when present. A value that is
    /// not a DER `SEQUENCE OF INTEGER` of minimal non-negative INTEGERs is
    /// [`Error::InvalidExtensionValue`]; a caller deciding Must-Staple
    /// should treat it as Must-Staple (fail closed).
    pub fn tls_features(&self) -> Result<Option<TlsFeatures<'a>>, Error> {
        self.extension(&TLS_FEATURE)
            .map(|ext| TlsFeatures::decode(&ext))
            .transpose()
    }
}
