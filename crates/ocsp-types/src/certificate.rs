//! The `certs` fields: `SEQUENCE OF Certificate`, kept as DER.
//!
//! The parser checks each certificate's outer shape (`SEQUENCE {
//! tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier,
//! signatureValue BIT STRING }`) and leaves the rest to an X.509 parser
//! (`x509-cert`, `webpki`) when a certificate is actually used.

use alloc::vec::Vec;

use crate::algorithm::AlgorithmIdentifierRef;
use crate::asn1::reader::{Reader, Tlv};
use crate::asn1::{primitives, tag, writer};
use crate::error::Error;
use crate::limits::MAX_CERTS;
use crate::list::for_each_element;

/// The embedded `certs` list of a response or a request signature (`[0]
/// EXPLICIT SEQUENCE OF Certificate OPTIONAL`), each kept as DER; empty when
/// absent. One certificate is read with [`crate::CertificateRef`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbeddedCertificatesRef<'a> {
    contents: &'a [u8],
    len: usize,
    present: bool,
}

fn check_certificate(tlv: &Tlv<'_>, path: &'static str) -> Result<(), Error> {
    let mut r = tlv.contents();
    r.read(tag::SEQUENCE, path)?;
    AlgorithmIdentifierRef::read(&mut r, path)?;
    primitives::bit_string_octets(&r.read(tag::BIT_STRING, path)?, path)?;
    r.finish(path)
}

impl<'a> EmbeddedCertificatesRef<'a> {
    /// Reads `[0] EXPLICIT SEQUENCE OF Certificate OPTIONAL`.
    pub(crate) fn read_explicit(r: &mut Reader<'a>, path: &'static str) -> Result<Self, Error> {
        let Some(list) = r.read_optional_explicit(0, tag::SEQUENCE, path)? else {
            return Ok(EmbeddedCertificatesRef::default());
        };
        let len = for_each_element(&list, MAX_CERTS, path, |cert| check_certificate(cert, path))?;
        Ok(EmbeddedCertificatesRef {
            contents: list.value,
            len,
            present: true,
        })
    }

    /// Number of certificates.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none (an empty list, or the field absent).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the field was encoded (possibly as an empty list).
    pub fn is_present(&self) -> bool {
        self.present
    }

    /// The DER of each certificate, in encoded order.
    pub fn iter(&self) -> EmbeddedCertificatesIter<'a> {
        EmbeddedCertificatesIter {
            reader: Reader::new(self.contents),
        }
    }

    /// Owned copies of the certificates' DER; `None` when the field was absent.
    pub fn to_owned(&self) -> Option<Vec<Vec<u8>>> {
        self.present
            .then(|| self.iter().map(<[u8]>::to_vec).collect())
    }
}

impl<'a> IntoIterator for EmbeddedCertificatesRef<'a> {
    type Item = &'a [u8];
    type IntoIter = EmbeddedCertificatesIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over the DER of each certificate.
#[derive(Debug, Clone)]
pub struct EmbeddedCertificatesIter<'a> {
    reader: Reader<'a>,
}

impl<'a> Iterator for EmbeddedCertificatesIter<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<Self::Item> {
        self.reader.read_any("Certificate").ok().map(|t| t.raw)
    }
}

/// Appends `[0] EXPLICIT SEQUENCE OF Certificate` when `certs` is `Some`,
/// even when the list is empty.
pub(crate) fn encode_explicit(out: &mut Vec<u8>, certs: Option<&[Vec<u8>]>) {
    let Some(certs) = certs else { return };
    writer::nested(out, tag::explicit(0), |out| {
        writer::nested(out, tag::SEQUENCE, |out| {
            for cert in certs {
                out.extend_from_slice(cert);
            }
        });
    });
}
