//! Typed access to the standard OCSP extensions (RFC 6960 4.4, RFC 8954,
//! RFC 6962 3.3) and constructors for the ones a client or responder writes.
//!
//! The accessors are methods of [`ExtensionRef`] (`nonce`, `crl_id`,
//! `acceptable_responses`, `archive_cutoff`, `service_locator`,
//! `preferred_signature_algorithms`, `null_value`, `sct_list`) and the
//! constructors associated functions of [`Extension`]; this module holds the
//! borrowed values they return and the nonce bounds. The certificate
//! extensions (keyUsage, extendedKeyUsage, basicConstraints,
//! authorityInfoAccess, TLS Feature) are read by [`crate::CertificateRef`].
//! (This module was `known` before 0.1.0.)
//!
//! Accessors never panic; a value that does not decode as its OID says is
//! [`Error::InvalidExtensionValue`] with the offset of the value.

use alloc::vec::Vec;

use crate::algorithm::{AlgorithmIdentifier, AlgorithmIdentifierRef};
use crate::asn1::oid::{self, ObjectIdentifier, Oid};
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::time::Time;
use crate::asn1::{primitives, tag, writer};
use crate::error::Error;
use crate::extension::{Extension, ExtensionRef, ExtensionsRef};
use crate::name::NameRef;

/// The smallest nonce RFC 8954 allows.
pub const MIN_NONCE_LEN: usize = 1;
/// The largest nonce RFC 8954 allows.
pub const MAX_NONCE_LEN: usize = 32;

/// The nonce inside an id-pkix-ocsp-nonce `extnValue`.
///
/// RFC 8954 (and RFC 6960's ASN.1) puts the nonce in an OCTET STRING inside
/// `extnValue`; some responders put the raw bytes there instead. When the
/// value is exactly one DER OCTET STRING its content is the nonce, otherwise
/// the whole value is. The length is not judged here.
pub fn nonce_value(extn_value: &[u8]) -> &[u8] {
    let mut r = Reader::new(extn_value);
    match r.read(tag::OCTET_STRING, "nonce") {
        Ok(inner) if r.is_empty() => inner.value,
        _ => extn_value,
    }
}

/// `CrlID` (RFC 6960 4.4.2), borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrlIdRef<'a> {
    /// `crlUrl [0] EXPLICIT IA5String`.
    pub url: Option<&'a str>,
    /// `crlNum [1] EXPLICIT INTEGER`, as INTEGER content octets.
    pub number: Option<&'a [u8]>,
    /// `crlTime [2] EXPLICIT GeneralizedTime`.
    pub time: Option<Time>,
}

/// `ServiceLocator` (RFC 6960 4.4.6), borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceLocatorRef<'a> {
    /// `issuer Name`.
    pub issuer: NameRef<'a>,
    /// `locator AuthorityInfoAccessSyntax`, as DER, if present.
    pub locator: Option<&'a [u8]>,
}

/// One `PreferredSignatureAlgorithm` (RFC 6960 4.4.7.1), borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreferredSignatureAlgorithmRef<'a> {
    /// `sigIdentifier`.
    pub sig_identifier: AlgorithmIdentifierRef<'a>,
    /// `certIdentifier`: the public key algorithm, if given.
    pub cert_identifier: Option<AlgorithmIdentifierRef<'a>>,
}

/// A `CrlID` field, `[n] EXPLICIT` around an element of tag `inner`, read
/// with `decode` when present.
fn optional_field<'a, T>(
    r: &mut Reader<'a>,
    n: u8,
    inner: u8,
    decode: fn(&Tlv<'a>, &'static str) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    let path = "CrlID";
    r.read_optional_explicit(n, inner, path)?
        .map(|t| decode(&t, path))
        .transpose()
}

impl<'a> ExtensionRef<'a> {
    fn value_reader(&self) -> Reader<'a> {
        Reader::with_base(self.value(), self.value_position().offset)
    }

    fn invalid(&self) -> Error {
        Error::InvalidExtensionValue {
            at: self.value_position(),
        }
    }

    /// Reads the value as a `SEQUENCE OF` elements of `element_tag`, each
    /// checked with `decode`; the iterator then decodes them again, lazily.
    fn sequence_of<T: 'a>(
        &self,
        element_tag: u8,
        path: &'static str,
        decode: fn(&Tlv<'a>) -> Result<T, Error>,
    ) -> Result<impl Iterator<Item = T> + 'a, Error> {
        let seq = self.single(tag::SEQUENCE)?;
        let mut r = seq.contents();
        while !r.is_empty() {
            let t = r.read(element_tag, path).map_err(|_| self.invalid())?;
            decode(&t).map_err(|_| self.invalid())?;
        }
        let mut r = seq.contents();
        Ok(core::iter::from_fn(move || {
            decode(&r.read_any(path).ok()?).ok()
        }))
    }

    /// Reads the value as exactly one element of `tag`.
    fn single(&self, tag: u8) -> Result<Tlv<'a>, Error> {
        let mut r = self.value_reader();
        let tlv = r
            .read(tag, "Extension.extnValue")
            .map_err(|_| self.invalid())?;
        r.finish("Extension.extnValue")
            .map_err(|_| self.invalid())?;
        Ok(tlv)
    }

    /// The nonce, for an id-pkix-ocsp-nonce extension (see [`nonce_value`]).
    pub fn nonce(&self) -> &'a [u8] {
        nonce_value(self.value())
    }

    /// The value of id-pkix-ocsp-crl (CRL references, RFC 6960 4.4.2).
    pub fn crl_id(&self) -> Result<CrlIdRef<'a>, Error> {
        let seq = self.single(tag::SEQUENCE)?;
        let mut r = seq.contents();
        let path = "CrlID";
        let invalid = |_| self.invalid();
        let url = optional_field(&mut r, 0, tag::IA5_STRING, primitives::ia5_string);
        let url = url.map_err(invalid)?;
        let number = optional_field(&mut r, 1, tag::INTEGER, primitives::integer);
        let number = number.map_err(invalid)?;
        let time = optional_field(&mut r, 2, tag::GENERALIZED_TIME, Time::decode);
        let time = time.map_err(invalid)?;
        r.finish(path).map_err(invalid)?;
        Ok(CrlIdRef { url, number, time })
    }

    /// The value of id-pkix-ocsp-response (acceptable response types, RFC 6960 4.4.3).
    pub fn acceptable_responses(&self) -> Result<impl Iterator<Item = Oid<'a>> + 'a, Error> {
        self.sequence_of(tag::OID, "AcceptableResponses", |t| {
            primitives::oid(t, "AcceptableResponses").map(Oid::new_unchecked)
        })
    }

    /// The value of id-pkix-ocsp-archive-cutoff (RFC 6960 4.4.4).
    pub fn archive_cutoff(&self) -> Result<Time, Error> {
        Time::decode(&self.single(tag::GENERALIZED_TIME)?, "ArchiveCutoff")
            .map_err(|_| self.invalid())
    }

    /// The value of id-pkix-ocsp-service-locator (RFC 6960 4.4.6).
    pub fn service_locator(&self) -> Result<ServiceLocatorRef<'a>, Error> {
        let seq = self.single(tag::SEQUENCE)?;
        let mut r = seq.contents();
        let path = "ServiceLocator";
        let issuer_tlv = r.read(tag::SEQUENCE, path).map_err(|_| self.invalid())?;
        let issuer = NameRef::decode(&issuer_tlv, path).map_err(|_| self.invalid())?;
        let locator = r
            .read_optional(tag::SEQUENCE, path)
            .map_err(|_| self.invalid())?
            .map(|t| t.raw);
        r.finish(path).map_err(|_| self.invalid())?;
        Ok(ServiceLocatorRef { issuer, locator })
    }

    /// The value of id-pkix-ocsp-pref-sig-algs (RFC 6960 4.4.7).
    pub fn preferred_signature_algorithms(
        &self,
    ) -> Result<impl Iterator<Item = PreferredSignatureAlgorithmRef<'a>> + 'a, Error> {
        fn one<'a>(t: &Tlv<'a>) -> Result<PreferredSignatureAlgorithmRef<'a>, Error> {
            let path = "PreferredSignatureAlgorithm";
            let mut r = t.contents();
            let sig_identifier = AlgorithmIdentifierRef::read(&mut r, path)?;
            let cert_identifier = match r.read_optional(tag::SEQUENCE, path)? {
                Some(c) => Some(AlgorithmIdentifierRef::decode(&c, path)?),
                None => None,
            };
            r.finish(path)?;
            Ok(PreferredSignatureAlgorithmRef {
                sig_identifier,
                cert_identifier,
            })
        }
        self.sequence_of(tag::SEQUENCE, "PreferredSignatureAlgorithms", one)
    }

    /// Checks the value of a NULL-valued extension: id-pkix-ocsp-extended-revoke
    /// (RFC 6960 4.4.8) or id-pkix-ocsp-nocheck (4.2.2.2.1).
    pub fn null_value(&self) -> Result<(), Error> {
        let t = self.single(tag::NULL)?;
        primitives::null(&t, "NULL").map_err(|_| self.invalid())
    }

    /// The TLS-encoded `SignedCertificateTimestampList` of an RFC 6962 3.3
    /// single extension (the content of the OCTET STRING in `extnValue`).
    pub fn sct_list(&self) -> Result<&'a [u8], Error> {
        Ok(self.single(tag::OCTET_STRING)?.value)
    }
}

impl<'a> ExtensionsRef<'a> {
    /// The nonce, if an id-pkix-ocsp-nonce extension is present (see [`nonce_value`]).
    pub fn nonce(&self) -> Option<&'a [u8]> {
        self.get(&oid::OCSP_NONCE).map(|e| e.nonce())
    }
}

/// A non-critical extension `oid` whose value `encode` writes.
fn non_critical(oid: ObjectIdentifier, encode: impl FnOnce(&mut Vec<u8>)) -> Extension {
    let mut value = Vec::new();
    encode(&mut value);
    Extension {
        oid,
        critical: false,
        value,
    }
}

impl Extension {
    /// An id-pkix-ocsp-nonce extension (not critical) in the RFC 8954 form: the
    /// nonce in an OCTET STRING. Refuses nonces outside 1 to 32 octets.
    pub fn nonce(nonce: &[u8]) -> Result<Self, Error> {
        if !(MIN_NONCE_LEN..=MAX_NONCE_LEN).contains(&nonce.len()) {
            return Err(Error::InvalidNonceLength { len: nonce.len() });
        }
        Ok(non_critical(oid::OCSP_NONCE, |value| {
            writer::tlv(value, tag::OCTET_STRING, nonce)
        }))
    }

    /// An id-pkix-ocsp-response extension listing acceptable response types.
    pub fn acceptable_responses(types: &[ObjectIdentifier]) -> Self {
        non_critical(oid::OCSP_RESPONSE, |value| {
            writer::nested(value, tag::SEQUENCE, |out| {
                for t in types {
                    writer::tlv(out, tag::OID, t.as_bytes());
                }
            })
        })
    }

    /// An id-pkix-ocsp-pref-sig-algs extension (signature algorithms only).
    pub fn preferred_signature_algorithms(algorithms: &[AlgorithmIdentifier]) -> Self {
        non_critical(oid::OCSP_PREF_SIG_ALGS, |value| {
            writer::nested(value, tag::SEQUENCE, |out| {
                for a in algorithms {
                    writer::nested(out, tag::SEQUENCE, |out| a.encode(out));
                }
            })
        })
    }

    /// The id-pkix-ocsp-extended-revoke extension (RFC 6960 4.4.8).
    pub fn extended_revoke() -> Self {
        non_critical(oid::OCSP_EXTENDED_REVOKE, |value| {
            value.extend_from_slice(&[tag::NULL, 0])
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::extension::encode_explicit;

    /// `extension`, written in an `Extensions` list and read back.
    fn read_back(extension: Extension, check: impl FnOnce(ExtensionRef<'_>)) {
        let oid = extension.oid;
        let mut der = Vec::new();
        encode_explicit(&mut der, 1, &[extension], false);
        let mut r = Reader::new(&der);
        let list = ExtensionsRef::read_explicit(&mut r, 1, "t").unwrap();
        check(list.get(&oid).unwrap());
    }

    #[test]
    fn sequence_of_values_read_back() {
        let types = [oid::OCSP_BASIC, oid::OCSP_NONCE];
        read_back(Extension::acceptable_responses(&types), |ext| {
            let read: Vec<_> = ext.acceptable_responses().unwrap().collect();
            assert_eq!(read.len(), 2);
            assert_eq!(read[0].as_bytes(), types[0].as_bytes());
            assert_eq!(read[1].as_bytes(), types[1].as_bytes());
        });
        let algorithms = [
            AlgorithmIdentifier::with_null_parameters(oid::SHA256),
            AlgorithmIdentifier::without_parameters(oid::SHA1),
        ];
        read_back(
            Extension::preferred_signature_algorithms(&algorithms),
            |ext| {
                let read: Vec<_> = ext.preferred_signature_algorithms().unwrap().collect();
                assert_eq!(read.len(), 2);
                assert_eq!(read[0].sig_identifier.to_owned().unwrap(), algorithms[0]);
                assert_eq!(read[1].sig_identifier.to_owned().unwrap(), algorithms[1]);
                assert!(read.iter().all(|p| p.cert_identifier.is_none()));
            },
        );
    }

    #[test]
    fn crl_id_fields_read_back() {
        let mut value = Vec::new();
        writer::nested(&mut value, tag::SEQUENCE, |out| {
            writer::nested(out, tag::explicit(0), |out| {
                writer::tlv(out, tag::IA5_STRING, b"http://crl.example/")
            });
            writer::nested(out, tag::explicit(2), |out| {
                writer::tlv(out, tag::GENERALIZED_TIME, b"20240101000000Z")
            });
        });
        // Without crlNum: the [2] field follows the [0] one.
        let extension = Extension {
            oid: oid::OCSP_CRL,
            critical: false,
            value,
        };
        read_back(extension, |ext| {
            let crl = ext.crl_id().unwrap();
            assert_eq!(crl.url, Some("http://crl.example/"));
            assert_eq!(crl.number, None);
            assert_eq!(crl.time.unwrap().to_string(), "2024-01-01T00:00:00Z");
        });
    }
}
