//! Owned requests, which encode to DER.

use alloc::vec::Vec;

use super::view::OcspRequestRef;
use crate::algorithm::AlgorithmIdentifier;
use crate::asn1::{tag, writer};
use crate::cert_id::CertId;
use crate::error::Error;
use crate::extension::{self, Extension};
use crate::name::GeneralName;

/// An owned `OCSPRequest`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspRequest {
    /// `tbsRequest`.
    pub tbs_request: TbsRequest,
    /// `optionalSignature`.
    pub signature: Option<Signature>,
}

/// An owned `TBSRequest` (always version v1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TbsRequest {
    /// Whether `version` (v1, the DEFAULT) is written out as `[0] INTEGER 0`,
    /// as some clients do. `false` for DER; `from_der` sets it from the input
    /// so that re-encoding gives back the same bytes.
    pub version_encoded: bool,
    /// `requestorName`.
    pub requestor_name: Option<GeneralName>,
    /// `requestList`.
    pub requests: Vec<Request>,
    /// `requestExtensions`; empty leaves the field out (see
    /// `empty_extensions_encoded`).
    pub extensions: Vec<Extension>,
    /// Whether an empty `extensions` is written as an empty SEQUENCE instead
    /// of being left out. `false` for DER; `from_der` sets it from the input.
    pub empty_extensions_encoded: bool,
}

/// An owned `Request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `reqCert`.
    pub cert_id: CertId,
    /// `singleRequestExtensions`; empty leaves the field out (see
    /// `empty_extensions_encoded`).
    pub extensions: Vec<Extension>,
    /// Whether an empty `extensions` is written as an empty SEQUENCE instead
    /// of being left out. `false` for DER; `from_der` sets it from the input.
    pub empty_extensions_encoded: bool,
}

/// An owned request `Signature`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `signatureAlgorithm`.
    pub algorithm: AlgorithmIdentifier,
    /// The signature octets.
    pub signature: Vec<u8>,
    /// `certs`: each certificate's DER; `None` leaves the field out.
    pub certs: Option<Vec<Vec<u8>>>,
}

impl TbsRequest {
    /// The DER of `tbsRequest`: the bytes a requestor signs.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        self.encode(&mut out);
        // Check it the way it will be read: as an unsigned request.
        let mut probe = Vec::new();
        writer::tlv(&mut probe, tag::SEQUENCE, &out);
        OcspRequestRef::parse(&probe)?;
        Ok(out)
    }

    fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            if self.version_encoded {
                writer::explicit_version_v1(out);
            }
            if let Some(name) = &self.requestor_name {
                writer::tlv(out, tag::explicit(1), &name.0);
            }
            writer::nested(out, tag::SEQUENCE, |out| {
                for request in &self.requests {
                    writer::nested(out, tag::SEQUENCE, |out| {
                        request.cert_id.encode(out);
                        extension::encode_explicit(
                            out,
                            0,
                            &request.extensions,
                            request.empty_extensions_encoded,
                        );
                    });
                }
            });
            extension::encode_explicit(out, 2, &self.extensions, self.empty_extensions_encoded);
        });
    }
}

impl OcspRequest {
    /// Parses DER with [`OcspRequestRef::parse`] and copies it.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        OcspRequestRef::parse(der)?.to_owned()
    }

    /// Encodes to DER.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        writer::nested(&mut out, tag::SEQUENCE, |out| {
            self.tbs_request.encode(out);
            if let Some(sig) = &self.signature {
                writer::nested(out, tag::explicit(0), |out| {
                    writer::nested(out, tag::SEQUENCE, |out| {
                        sig.algorithm.encode(out);
                        writer::bit_string_octets(out, &sig.signature);
                        crate::certificate::encode_explicit(out, sig.certs.as_deref());
                    });
                });
            }
        });
        OcspRequestRef::parse(&out)?;
        Ok(out)
    }
}
