//! `AlgorithmIdentifier` (RFC 5280 4.1.1.2), both faces.

use alloc::vec::Vec;

use crate::asn1::oid::{ObjectIdentifier, Oid};
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::{primitives, tag, writer};
use crate::error::Error;

/// A borrowed `AlgorithmIdentifier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlgorithmIdentifierRef<'a> {
    oid: Oid<'a>,
    parameters: Option<&'a [u8]>,
    contents: &'a [u8],
}

impl<'a> AlgorithmIdentifierRef<'a> {
    pub(crate) fn decode(tlv: &Tlv<'a>, path: &'static str) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let oid = Oid::new_unchecked(primitives::oid(&r.read(tag::OID, path)?, path)?);
        let parameters = if r.is_empty() {
            None
        } else {
            Some(r.read_any(path)?.raw)
        };
        r.finish(path)?;
        Ok(AlgorithmIdentifierRef {
            oid,
            parameters,
            contents: tlv.value,
        })
    }

    pub(crate) fn read(r: &mut Reader<'a>, path: &'static str) -> Result<Self, Error> {
        Self::decode(&r.read(tag::SEQUENCE, path)?, path)
    }

    /// The algorithm.
    pub fn oid(&self) -> Oid<'a> {
        self.oid
    }

    /// The parameters as a whole DER element (tag, length, value), if present.
    pub fn parameters(&self) -> Option<&'a [u8]> {
        self.parameters
    }

    /// Whether the parameters are absent or an ASN.1 NULL, the two forms RFC
    /// 5754 and RFC 3279 allow for hash and RSA algorithms.
    pub fn parameters_absent_or_null(&self) -> bool {
        matches!(self.parameters, None | Some([tag::NULL, 0]))
    }

    /// The content of the SEQUENCE (the algorithm OID and parameters elements),
    /// the form `rustls_pki_types::AlgorithmIdentifier` compares against.
    pub fn contents(&self) -> &'a [u8] {
        self.contents
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<AlgorithmIdentifier, Error> {
        Ok(AlgorithmIdentifier {
            oid: owned_oid(self.oid)?,
            parameters: self.parameters.map(<[u8]>::to_vec),
        })
    }
}

/// Converts a borrowed OID to [`ObjectIdentifier`].
pub(crate) fn owned_oid(oid: Oid<'_>) -> Result<ObjectIdentifier, Error> {
    oid.to_object_identifier().ok_or(Error::OidTooLong)
}

/// An owned `AlgorithmIdentifier`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AlgorithmIdentifier {
    /// The algorithm.
    pub oid: ObjectIdentifier,
    /// The parameters as one whole DER element, if present.
    pub parameters: Option<Vec<u8>>,
}

impl AlgorithmIdentifier {
    /// An identifier with NULL parameters (hashes in a CertID, RSA PKCS#1 v1.5).
    pub fn with_null_parameters(oid: ObjectIdentifier) -> Self {
        AlgorithmIdentifier {
            oid,
            parameters: Some(alloc::vec![tag::NULL, 0]),
        }
    }

    /// An identifier with absent parameters (ECDSA, RFC 5758).
    pub fn without_parameters(oid: ObjectIdentifier) -> Self {
        AlgorithmIdentifier {
            oid,
            parameters: None,
        }
    }

    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            writer::tlv(out, tag::OID, self.oid.as_bytes());
            if let Some(p) = &self.parameters {
                out.extend_from_slice(p);
            }
        });
    }
}
