//! A strict, zero-copy view of the X.509 certificate fields OCSP needs.
//!
//! Verification reads a responder's (or issuer's) name, key, validity and the
//! extensions a responder is judged by (RFC 6960 4.2.2.2; RFC 5280 4.2.1.3
//! and 4.2.1.12), and checks the certificate's signature over the exact
//! `tbsCertificate` bytes received. This is not a path validator.

use crate::algorithm::AlgorithmIdentifierRef;
use crate::asn1::oid::{self, ObjectIdentifier};
use crate::asn1::reader::{explicit_inner, read_single, Reader, Tlv};
use crate::asn1::time::Time;
use crate::asn1::{primitives, tag};
use crate::deviation::{Deviation, DeviationKind};
use crate::error::Error;
use crate::extension::{ExtensionRef, ExtensionsRef};
use crate::limits::check_message_len;
use crate::name::NameRef;

/// `id-ce-keyUsage`.
pub const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
/// `id-ce-extKeyUsage`.
pub const EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");

/// `id-ce-basicConstraints` (RFC 5280 4.2.1.9).
pub const BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");

/// `id-pe-authorityInfoAccess` (RFC 5280 4.2.2.1).
pub const AUTHORITY_INFO_ACCESS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.1");

/// `id-pe-tlsfeature` (RFC 7633 6), the TLS Feature ("Must-Staple").
pub const TLS_FEATURE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.24");

pub use crate::certificate_extensions::{OcspResponderUrls, TlsFeatures, STATUS_REQUEST};

/// The schema path of a certificate's extensions.
const EXTENSIONS_PATH: &str = "TBSCertificate.extensions";

/// The certificate extensions that may appear once only: the ones this
/// workspace reads (keyUsage, extendedKeyUsage, basicConstraints,
/// id-pkix-ocsp-nocheck, authorityInfoAccess, the TLS Feature) and the ones
/// rustls-webpki reads (`remember_cert_extension`: subjectAltName,
/// nameConstraints, cRLDistributionPoints, the SCT list). Two instances of one
/// of these would let two readers see different values; any other extension
/// may repeat, as in rustls-webpki and mozilla::pkix, which ignore it.
const SINGLE_INSTANCE_EXTENSIONS: &[ObjectIdentifier] = &[
    KEY_USAGE,
    EXT_KEY_USAGE,
    ObjectIdentifier::new_unwrap("2.5.29.19"), // basicConstraints
    ObjectIdentifier::new_unwrap("2.5.29.17"), // subjectAltName
    ObjectIdentifier::new_unwrap("2.5.29.30"), // nameConstraints
    ObjectIdentifier::new_unwrap("2.5.29.31"), // cRLDistributionPoints
    oid::OCSP_NOCHECK,
    AUTHORITY_INFO_ACCESS,
    TLS_FEATURE,
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2"), // SCT list (RFC 6962 3.3)
];

/// The fields of a certificate outside its extensions, for readers that
/// use only those: a verifier reading an issuer (subject Name, key). A
/// reader of the certificate in question's serial, issuer Name and validity
/// only has [`CertificateHeadRef`], which decodes less.
///
/// Parsed by the same code as [`CertificateRef::parse`], with every field
/// as strict (so the two never disagree on a field both give); the
/// `extensions` are only checked to be one SEQUENCE inside `[3]`, in a v3
/// certificate, at the end of `tbsCertificate`, and are not decoded. A
/// certificate this accepts may still be refused by [`CertificateRef::parse`]
/// for a malformed or repeated extension; [`CertificateFieldsRef::decode_extensions`]
/// finishes the parse when the extensions turn out to be needed (a verifier
/// matching embedded certificates against a ResponderID by subject and key
/// decodes the extensions of the matching one only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateFieldsRef<'a> {
    /// Every field but the extensions, which are empty here.
    cert: CertificateRef<'a>,
    /// The `Extensions` SEQUENCE inside `[3]`, not decoded.
    extensions: Option<Tlv<'a>>,
}

impl<'a> CertificateFieldsRef<'a> {
    /// Parses a DER certificate, extensions aside.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        CertificateRef::parse_fields(der)
    }

    /// Decodes the extensions this parse skipped: the certificate exactly as
    /// [`CertificateRef::parse`] gives it (which is this parse followed by
    /// this call), or its error for a malformed or repeated extension. The
    /// other fields are not read again. Does not allocate.
    pub fn decode_extensions(&self) -> Result<CertificateRef<'a>, Error> {
        let mut cert = self.cert;
        if let Some(list) = &self.extensions {
            cert.extensions = ExtensionsRef::decode_certificate_extensions(
                list,
                SINGLE_INSTANCE_EXTENSIONS,
                EXTENSIONS_PATH,
            )?;
        }
        Ok(cert)
    }

    /// The whole DER.
    pub fn as_der(&self) -> &'a [u8] {
        self.cert.as_der()
    }

    /// The serial, issuer and validity, as [`CertificateHeadRef::parse`]
    /// reads them.
    pub fn head(&self) -> CertificateHeadRef<'a> {
        self.cert.head()
    }

    /// `serialNumber` content octets, as [`CertificateRef::serial_number`].
    pub fn serial_number(&self) -> &'a [u8] {
        self.cert.serial_number()
    }

    /// `issuer`.
    pub fn issuer(&self) -> NameRef<'a> {
        self.cert.issuer()
    }

    /// `notBefore`.
    pub fn not_before(&self) -> Time {
        self.cert.not_before()
    }

    /// `notAfter`.
    pub fn not_after(&self) -> Time {
        self.cert.not_after()
    }

    /// `subject`.
    pub fn subject(&self) -> NameRef<'a> {
        self.cert.subject()
    }

    /// `subjectPublicKeyInfo`.
    pub fn subject_public_key_info(&self) -> SubjectPublicKeyInfoRef<'a> {
        self.cert.subject_public_key_info()
    }
}

/// What a status check needs from the certificate in question, and no more:
/// its serial number, issuer Name and validity, for a verifier that has the
/// certificate already validated by its caller (path building, and so the
/// subject, key and extensions, are the caller's business).
///
/// Read by the same code as [`CertificateRef::parse`] and exactly as strict
/// up to the validity: the outer `Certificate` SEQUENCE and its three
/// elements (`signatureAlgorithm` decoded, `signatureValue` a BIT STRING),
/// the message length limit, `version`, `serialNumber` (its non-minimal
/// encodings accepted as by [`CertificateRef::serial_number`], which gives
/// the same value), the inner `signature` AlgorithmIdentifier and its
/// equality with the outer one, the `issuer` Name and the `validity`.
///
/// After the validity the certificate is only framed, not decoded: the
/// `subject` and `subjectPublicKeyInfo` must each be one DER SEQUENCE, and
/// the optional `issuerUniqueID` `[1]`, `subjectUniqueID` `[2]` (v2 or v3)
/// and `extensions` `[3]` (one SEQUENCE inside, v3) must have their tags and
/// DER lengths, with nothing after them. The contents of the subject Name,
/// of the SubjectPublicKeyInfo and of each extension are not checked: a
/// certificate this accepts may be refused by [`CertificateFieldsRef::parse`]
/// and [`CertificateRef::parse`]; every certificate they accept, this accepts
/// with the same serial, issuer and validity. Does not allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateHeadRef<'a> {
    raw: &'a [u8],
    serial_number: &'a [u8],
    issuer: NameRef<'a>,
    not_before: Time,
    not_after: Time,
}

impl<'a> CertificateHeadRef<'a> {
    /// Reads a DER certificate: the serial, issuer and validity strictly,
    /// the rest framed (see [`CertificateHeadRef`]).
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        let framed = read_framed(der, |_, _| Ok(()), |_| Ok(()))?;
        Ok(framed.head)
    }

    /// The whole DER.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// `serialNumber` content octets, as [`CertificateRef::serial_number`].
    pub fn serial_number(&self) -> &'a [u8] {
        self.serial_number
    }

    /// `issuer`.
    pub fn issuer(&self) -> NameRef<'a> {
        self.issuer
    }

    /// `notBefore`.
    pub fn not_before(&self) -> Time {
        self.not_before
    }

    /// `notAfter`.
    pub fn not_after(&self) -> Time {
        self.not_after
    }
}

/// A certificate as [`read_framed`] leaves it: the head, the other fields
/// before the extensions (the subject and key decoded by the caller's
/// functions, or not), and the extensions framed.
struct Framed<'a, N, K> {
    head: CertificateHeadRef<'a>,
    tbs: &'a [u8],
    signature_algorithm: AlgorithmIdentifierRef<'a>,
    signature: &'a [u8],
    version: u8,
    serial_deviation_at: Option<usize>,
    subject: N,
    spki: K,
    extensions: Option<Tlv<'a>>,
}

/// Reads a certificate, every field strict up to the validity; the subject
/// and the key are each read as one SEQUENCE and given to `subject` and
/// `spki` as they are met (so the errors come in field order whatever the
/// caller decodes); the unique identifiers and the extensions are framed.
fn read_framed<'a, N, K>(
    der: &'a [u8],
    subject: impl FnOnce(&Tlv<'a>, &'static str) -> Result<N, Error>,
    spki: impl FnOnce(&Tlv<'a>) -> Result<K, Error>,
) -> Result<Framed<'a, N, K>, Error> {
    check_message_len(der)?;
    let outer = read_single(der, tag::SEQUENCE, "Certificate")?;
    let mut r = outer.contents();
    let tbs = r.read(tag::SEQUENCE, "Certificate.tbsCertificate")?;
    let signature_algorithm =
        AlgorithmIdentifierRef::read(&mut r, "Certificate.signatureAlgorithm")?;
    let sig_path = "Certificate.signatureValue";
    let signature = primitives::bit_string_octets(&r.read(tag::BIT_STRING, sig_path)?, sig_path)?;
    r.finish("Certificate")?;

    let mut t = tbs.contents();
    let version_path = "TBSCertificate.version";
    let version = match t.read_optional(tag::explicit(0), version_path)? {
        Some(outer) => {
            let inner = explicit_inner(&outer, tag::INTEGER, version_path)?;
            match primitives::small_unsigned(&inner, u64::MAX, version_path)? {
                0 => {
                    return Err(Error::DefaultValueEncoded {
                        at: outer.at(version_path),
                    })
                }
                1 => 2,
                2 => 3,
                version => {
                    return Err(Error::UnsupportedVersion {
                        version,
                        at: outer.at(version_path),
                    })
                }
            }
        }
        None => 1,
    };
    let serial_path = "TBSCertificate.serialNumber";
    let serial_tlv = t.read(tag::INTEGER, serial_path)?;
    // rustls-webpki (`lenient_certificate_serial_number`) takes any
    // INTEGER content, as RFC 5280 4.1.2.2 asks users to be prepared for
    // non-conforming serials; mozilla::pkix refuses the non-minimal ones.
    // Read as its value (what a CertID carries, as OpenSSL builds it).
    let serial_number = primitives::minimal_integer(serial_tlv.value);
    let serial_deviation_at = primitives::integer(&serial_tlv, serial_path)
        .is_err()
        .then_some(serial_tlv.offset);
    let inner_path = "TBSCertificate.signature";
    let inner_tlv = t.read(tag::SEQUENCE, inner_path)?;
    let inner_algorithm = AlgorithmIdentifierRef::decode(&inner_tlv, inner_path)?;
    if inner_algorithm.contents() != signature_algorithm.contents() {
        return Err(Error::SignatureAlgorithmMismatch {
            at: inner_tlv.at(inner_path),
        });
    }
    let issuer = NameRef::decode(
        &t.read(tag::SEQUENCE, "TBSCertificate.issuer")?,
        "TBSCertificate.issuer",
    )?;
    let validity_path = "TBSCertificate.validity";
    let mut validity = t.read(tag::SEQUENCE, validity_path)?.contents();
    let not_before =
        Time::decode_validity(&validity.read_any(validity_path)?, "Validity.notBefore")?;
    let not_after = Time::decode_validity(&validity.read_any(validity_path)?, "Validity.notAfter")?;
    validity.finish(validity_path)?;
    let subject = subject(
        &t.read(tag::SEQUENCE, "TBSCertificate.subject")?,
        "TBSCertificate.subject",
    )?;
    let spki = spki(&t.read(tag::SEQUENCE, "TBSCertificate.subjectPublicKeyInfo")?)?;
    for (n, path) in [
        (1, "TBSCertificate.issuerUniqueID"),
        (2, "TBSCertificate.subjectUniqueID"),
    ] {
        if let Some(id) = t.read_optional(tag::implicit_primitive(n), path)? {
            if version < 2 {
                return Err(Error::UnexpectedTag {
                    expected: tag::explicit(3),
                    found: id.tag,
                    at: id.at(path),
                });
            }
        }
    }
    let ext_path = EXTENSIONS_PATH;
    if version < 3 && t.peek_tag() == Some(tag::explicit(3)) {
        let at = t.read_any(ext_path)?.at(ext_path);
        return Err(Error::TrailingData { at });
    }
    let extensions = match t.read_optional(tag::explicit(3), ext_path)? {
        Some(outer) => Some(explicit_inner(&outer, tag::SEQUENCE, ext_path)?),
        None => None,
    };
    t.finish("TBSCertificate")?;
    Ok(Framed {
        head: CertificateHeadRef {
            raw: outer.raw,
            serial_number,
            issuer,
            not_before,
            not_after,
        },
        tbs: tbs.raw,
        signature_algorithm,
        signature,
        version,
        serial_deviation_at,
        subject,
        spki,
        extensions,
    })
}

/// A borrowed `SubjectPublicKeyInfo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectPublicKeyInfoRef<'a> {
    algorithm: AlgorithmIdentifierRef<'a>,
    subject_public_key: &'a [u8],
    raw: &'a [u8],
}

impl<'a> SubjectPublicKeyInfoRef<'a> {
    /// Parses a DER `SubjectPublicKeyInfo`.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        Self::decode(&read_single(der, tag::SEQUENCE, "SubjectPublicKeyInfo")?)
    }

    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let path = "SubjectPublicKeyInfo";
        let mut r = tlv.contents();
        let algorithm = AlgorithmIdentifierRef::read(&mut r, "SubjectPublicKeyInfo.algorithm")?;
        let key_path = "SubjectPublicKeyInfo.subjectPublicKey";
        let subject_public_key =
            primitives::bit_string_octets(&r.read(tag::BIT_STRING, key_path)?, key_path)?;
        r.finish(path)?;
        Ok(SubjectPublicKeyInfoRef {
            algorithm,
            subject_public_key,
            raw: tlv.raw,
        })
    }

    /// The key's algorithm.
    pub fn algorithm(&self) -> AlgorithmIdentifierRef<'a> {
        self.algorithm
    }

    /// The `subjectPublicKey` BIT STRING's octets: what a CertID's
    /// `issuerKeyHash` and a `byKey` ResponderID hash, and what signature
    /// algorithms take as the public key.
    pub fn subject_public_key(&self) -> &'a [u8] {
        self.subject_public_key
    }

    /// The whole DER.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }
}

/// A borrowed X.509 certificate (v1 to v3).
///
/// It never refuses a certificate rustls-webpki 0.103 accepts: the DER
/// deviations webpki tolerates in certificates are accepted here too, and
/// listed by [`CertificateRef::deviations`] (see [`DeviationKind`]).
/// Extension values are not decoded by `parse`: an extension this library
/// does not use is only checked for its outer `Extension` structure.
///
/// ```text
/// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
/// TBSCertificate ::= SEQUENCE {
///     version         [0] EXPLICIT Version DEFAULT v1,
///     serialNumber        CertificateSerialNumber,
///     signature           AlgorithmIdentifier,
///     issuer              Name,
///     validity            Validity,
///     subject             Name,
///     subjectPublicKeyInfo SubjectPublicKeyInfo,
///     issuerUniqueID  [1] IMPLICIT UniqueIdentifier OPTIONAL, -- v2, v3
///     subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL, -- v2, v3
///     extensions      [3] EXPLICIT Extensions OPTIONAL }      -- v3
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateRef<'a> {
    raw: &'a [u8],
    tbs: &'a [u8],
    signature_algorithm: AlgorithmIdentifierRef<'a>,
    signature: &'a [u8],
    version: u8,
    serial_number: &'a [u8],
    /// Offset of a serialNumber that is not a minimal INTEGER.
    serial_deviation_at: Option<usize>,
    issuer: NameRef<'a>,
    not_before: Time,
    not_after: Time,
    subject: NameRef<'a>,
    spki: SubjectPublicKeyInfoRef<'a>,
    extensions: ExtensionsRef<'a>,
}

impl<'a> CertificateRef<'a> {
    /// Parses a DER certificate.
    ///
    /// Beyond DER itself: the inner and outer signature algorithms must be
    /// identical (RFC 5280 4.1.1.2), an encoded version must be v2 or v3
    /// (v1 is the DEFAULT), unique identifiers need v2 or v3 and extensions
    /// v3, and an extension this library or rustls-webpki reads may not
    /// appear twice.
    ///
    /// Accepted, as rustls-webpki accepts them ([`CertificateRef::deviations`]
    /// lists them): a serialNumber that is not a minimal INTEGER, an empty
    /// extensions SEQUENCE, `critical FALSE` encoded, and a repeated extension
    /// that nothing reads.
    ///
    /// Every field is read first, then the extensions are decoded: a
    /// certificate with both a malformed extension and data after the
    /// extensions is reported for the trailing data. This is
    /// [`CertificateFieldsRef::parse`] followed by
    /// [`CertificateFieldsRef::decode_extensions`].
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        CertificateRef::parse_fields(der)?.decode_extensions()
    }

    /// Every field, the extensions only framed (one SEQUENCE inside `[3]`,
    /// in a v3 certificate, at the end of `tbsCertificate`).
    fn parse_fields(der: &'a [u8]) -> Result<CertificateFieldsRef<'a>, Error> {
        let framed = read_framed(der, NameRef::decode, SubjectPublicKeyInfoRef::decode)?;
        let head = framed.head;
        let cert = CertificateRef {
            raw: head.raw,
            tbs: framed.tbs,
            signature_algorithm: framed.signature_algorithm,
            signature: framed.signature,
            version: framed.version,
            serial_number: head.serial_number,
            serial_deviation_at: framed.serial_deviation_at,
            issuer: head.issuer,
            not_before: head.not_before,
            not_after: head.not_after,
            subject: framed.subject,
            spki: framed.spki,
            extensions: ExtensionsRef::default(),
        };
        Ok(CertificateFieldsRef {
            cert,
            extensions: framed.extensions,
        })
    }

    /// The whole DER.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The exact `tbsCertificate` bytes, which the signature covers.
    pub fn tbs_der(&self) -> &'a [u8] {
        self.tbs
    }

    /// The outer `signatureAlgorithm` (equal to the inner one).
    pub fn signature_algorithm(&self) -> AlgorithmIdentifierRef<'a> {
        self.signature_algorithm
    }

    /// The signature octets.
    pub fn signature(&self) -> &'a [u8] {
        self.signature
    }

    /// 1, 2 or 3.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The accepted deviations from DER and RFC 5280: a non-minimal
    /// serialNumber, an empty extensions SEQUENCE, each explicit `critical
    /// FALSE`, each repeated unused extension, then a keyUsage with trailing
    /// zero bits (in that order). Offsets are from the start of the
    /// certificate. Does not allocate.
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        let serial = self.serial_deviation_at.map(|at| {
            Deviation::new(
                DeviationKind::NonMinimalSerialNumber,
                at,
                "TBSCertificate.serialNumber",
            )
        });
        let key_usage = self
            .extensions
            .get(&KEY_USAGE)
            .filter(|ext| KeyUsage::decode(ext).is_ok_and(|(_, padded)| padded))
            .map(|ext| {
                let at = ext.value_position();
                Deviation::new(DeviationKind::PaddedKeyUsage, at.offset, "KeyUsage")
            });
        serial
            .into_iter()
            .chain(self.extensions.deviations())
            .chain(key_usage)
    }

    /// The serial, issuer and validity, as [`CertificateHeadRef::parse`]
    /// reads them.
    pub fn head(&self) -> CertificateHeadRef<'a> {
        CertificateHeadRef {
            raw: self.raw,
            serial_number: self.serial_number,
            issuer: self.issuer,
            not_before: self.not_before,
            not_after: self.not_after,
        }
    }

    /// The serial number's INTEGER content octets, minimal: a non-minimal
    /// encoding (accepted, see [`CertificateRef::deviations`]) is given as
    /// its value's DER content octets, as OpenSSL reads it into a CertID.
    /// Empty when the certificate encodes an empty INTEGER.
    pub fn serial_number(&self) -> &'a [u8] {
        self.serial_number
    }

    /// The issuer Name.
    pub fn issuer(&self) -> NameRef<'a> {
        self.issuer
    }

    /// The subject Name.
    pub fn subject(&self) -> NameRef<'a> {
        self.subject
    }

    /// `notBefore`.
    pub fn not_before(&self) -> Time {
        self.not_before
    }

    /// `notAfter`.
    pub fn not_after(&self) -> Time {
        self.not_after
    }

    /// The subject's public key.
    pub fn subject_public_key_info(&self) -> SubjectPublicKeyInfoRef<'a> {
        self.spki
    }

    /// The extensions (empty when absent).
    pub fn extensions(&self) -> ExtensionsRef<'a> {
        self.extensions
    }

    /// keyUsage, when present: `Some(bits)` with bit 0 (digitalSignature) as
    /// the most significant bit of the first octet, as encoded. Trailing zero
    /// bits and octets are accepted (see [`DeviationKind::PaddedKeyUsage`]);
    /// a value that is not a BIT STRING, or has more than 7 or non-zero
    /// unused bits, is [`Error::InvalidExtensionValue`].
    pub fn key_usage(&self) -> Result<Option<KeyUsage>, Error> {
        decode_key_usage(self.extensions.get(&KEY_USAGE))
    }

    /// extendedKeyUsage, when present: whether it lists `purpose`.
    pub fn extended_key_usage_contains(
        &self,
        purpose: &ObjectIdentifier,
    ) -> Result<Option<bool>, Error> {
        decode_extended_key_usage(self.extensions.get(&EXT_KEY_USAGE), purpose)
    }

    /// Whether it carries id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1).
    pub fn has_ocsp_nocheck(&self) -> bool {
        self.extensions.get(&oid::OCSP_NOCHECK).is_some()
    }

    /// basicConstraints `cA` (RFC 5280 4.2.1.9): `false` when the extension
    /// is absent or leaves `cA` at its default. An explicitly encoded
    /// `cA FALSE` is read as false (rustls-webpki accepts it too); the
    /// optional `pathLenConstraint` is checked to be an INTEGER, not used.
    pub fn is_ca(&self) -> Result<bool, Error> {
        decode_is_ca(self.extensions.get(&BASIC_CONSTRAINTS))
    }

    /// What a delegated OCSP responder certificate is judged by (RFC 6960
    /// 4.2.2.2, RFC 5280 4.2.1.3, 4.2.1.9 and 4.2.1.12), read in one pass
    /// over the extensions: whether extendedKeyUsage lists
    /// id-kp-OCSPSigning, the keyUsage, the basicConstraints `cA` bit, and
    /// the first critical extension whose OID is not in
    /// `understood_critical`.
    ///
    /// Each value is decoded on its own, as [`CertificateRef::extended_key_usage_contains`],
    /// [`CertificateRef::key_usage`] and [`CertificateRef::is_ca`] decode it:
    /// a malformed one is an error in its own slot only, so that a caller
    /// checking them in its order of precedence sees the same first failure
    /// as with those accessors. Does not allocate.
    pub fn responder_extensions(
        &self,
        understood_critical: &[ObjectIdentifier],
    ) -> ResponderExtensions<'a> {
        let (mut eku, mut key_usage, mut basic_constraints) = (None, None, None);
        let mut unhandled_critical = None;
        // One instance of each of the three at most: `parse` refuses a second.
        for ext in self.extensions.iter() {
            if ext.oid() == EXT_KEY_USAGE {
                eku = Some(ext);
            } else if ext.oid() == KEY_USAGE {
                key_usage = Some(ext);
            } else if ext.oid() == BASIC_CONSTRAINTS {
                basic_constraints = Some(ext);
            }
            if ext.is_critical()
                && unhandled_critical.is_none()
                && !understood_critical.iter().any(|u| ext.oid() == *u)
            {
                unhandled_critical = Some(ext);
            }
        }
        ResponderExtensions {
            ocsp_signing: decode_extended_key_usage(eku, &oid::KP_OCSP_SIGNING),
            key_usage: decode_key_usage(key_usage),
            is_ca: decode_is_ca(basic_constraints),
            unhandled_critical,
        }
    }
}

/// A delegated responder certificate's extensions, as
/// [`CertificateRef::responder_extensions`] reads them in one pass. Each
/// accessor gives what the [`CertificateRef`] accessor of the same name
/// gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponderExtensions<'a> {
    ocsp_signing: Result<Option<bool>, Error>,
    key_usage: Result<Option<KeyUsage>, Error>,
    is_ca: Result<bool, Error>,
    unhandled_critical: Option<ExtensionRef<'a>>,
}

impl<'a> ResponderExtensions<'a> {
    /// extendedKeyUsage, when present: whether it lists id-kp-OCSPSigning
    /// ([`CertificateRef::extended_key_usage_contains`] with
    /// [`oid::KP_OCSP_SIGNING`]).
    pub fn ocsp_signing(&self) -> Result<Option<bool>, Error> {
        self.ocsp_signing
    }

    /// keyUsage, when present ([`CertificateRef::key_usage`]).
    pub fn key_usage(&self) -> Result<Option<KeyUsage>, Error> {
        self.key_usage
    }

    /// basicConstraints `cA` ([`CertificateRef::is_ca`]).
    pub fn is_ca(&self) -> Result<bool, Error> {
        self.is_ca
    }

    /// The first critical extension, in encoded order, whose OID is not in
    /// the `understood_critical` list given.
    pub fn unhandled_critical(&self) -> Option<ExtensionRef<'a>> {
        self.unhandled_critical
    }
}

/// keyUsage's bits, when present.
fn decode_key_usage(ext: Option<ExtensionRef<'_>>) -> Result<Option<KeyUsage>, Error> {
    ext.map(|ext| KeyUsage::decode(&ext).map(|(bits, _)| bits))
        .transpose()
}

/// A reader over the contents of an extension value that must be one
/// SEQUENCE, and the error for anything invalid in them.
fn sequence_value<'a>(
    ext: &ExtensionRef<'a>,
    path: &'static str,
) -> Result<(Reader<'a>, Error), Error> {
    let invalid = Error::InvalidExtensionValue {
        at: ext.value_position(),
    };
    let seq = read_single(ext.value(), tag::SEQUENCE, path).map_err(|_| invalid)?;
    Ok((seq.contents(), invalid))
}

/// extendedKeyUsage, when present: whether it lists `purpose`.
fn decode_extended_key_usage(
    ext: Option<ExtensionRef<'_>>,
    purpose: &ObjectIdentifier,
) -> Result<Option<bool>, Error> {
    let Some(ext) = ext else {
        return Ok(None);
    };
    let (mut purposes, invalid) = sequence_value(&ext, "ExtKeyUsageSyntax")?;
    if purposes.is_empty() {
        return Err(invalid);
    }
    let mut found = false;
    while !purposes.is_empty() {
        let t = purposes
            .read(tag::OID, "KeyPurposeId")
            .map_err(|_| invalid)?;
        found |= primitives::oid(&t, "KeyPurposeId").map_err(|_| invalid)? == purpose.as_bytes();
    }
    Ok(Some(found))
}

/// basicConstraints `cA`: `false` when absent.
fn decode_is_ca(ext: Option<ExtensionRef<'_>>) -> Result<bool, Error> {
    let Some(ext) = ext else {
        return Ok(false);
    };
    let (mut fields, invalid) = sequence_value(&ext, "BasicConstraints")?;
    let ca = match fields
        .read_optional(tag::BOOLEAN, "cA")
        .map_err(|_| invalid)?
    {
        Some(b) => primitives::boolean(&b, "cA").map_err(|_| invalid)?,
        None => false,
    };
    fields
        .read_optional(tag::INTEGER, "pathLenConstraint")
        .map_err(|_| invalid)?;
    fields.finish("BasicConstraints").map_err(|_| invalid)?;
    Ok(ca)
}

/// The keyUsage bits (RFC 5280 4.2.1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyUsage {
    first: u8,
    second: u8,
}

impl KeyUsage {
    /// The bits, and whether the BIT STRING has trailing zero bits (which DER
    /// drops from a named bit list).
    ///
    /// As rustls-webpki's `bit_string_flags` and mozilla::pkix's
    /// `CheckKeyUsage`: at most 7 unused bits, none without octets, the
    /// unused bits zero; trailing zero bits and zero octets are accepted
    /// (GnuTLS's certtool writes `03 03 07 80 00`), and bits past
    /// decipherOnly (undefined) are ignored.
    fn decode(ext: &ExtensionRef<'_>) -> Result<(Self, bool), Error> {
        let invalid = Error::InvalidExtensionValue {
            at: ext.value_position(),
        };
        let bits = read_single(ext.value(), tag::BIT_STRING, "KeyUsage").map_err(|_| invalid)?;
        let (&unused, octets) = bits.value.split_first().ok_or(invalid)?;
        let padded = match (unused, octets.last()) {
            (0, None) => false,
            (8.., _) | (_, None) => return Err(invalid),
            (_, Some(&last)) if u16::from(last) & ((1u16 << unused) - 1) != 0 => {
                return Err(invalid)
            }
            (_, Some(&last)) => u16::from(last) & (1u16 << unused) == 0,
        };
        let bits = KeyUsage {
            first: octets.first().copied().unwrap_or(0),
            second: octets.get(1).copied().unwrap_or(0),
        };
        Ok((bits, padded))
    }

    /// Bit `n` (0 = digitalSignature, 1 = nonRepudiation, ... 8 = decipherOnly).
    pub fn bit(&self, n: u8) -> bool {
        match n {
            0..=7 => self.first & (0x80 >> n) != 0,
            8 => self.second & 0x80 != 0,
            _ => false,
        }
    }

    /// digitalSignature (bit 0): the key may sign OCSP responses.
    pub fn digital_signature(&self) -> bool {
        self.bit(0)
    }

    /// nonRepudiation, renamed contentCommitment by X.509 (bit 1).
    pub fn non_repudiation(&self) -> bool {
        self.bit(1)
    }

    /// keyCertSign (bit 5).
    pub fn key_cert_sign(&self) -> bool {
        self.bit(5)
    }
}
