//! Owned responses, which encode to DER (for responders and tests).
//!
//! Every `to_der` re-reads what it wrote with the strict parser, so an owned
//! value holding bytes that are not valid DER (a bad certificate blob, a
//! non-minimal serial) is refused instead of emitted.

use alloc::vec::Vec;

use super::view::{BasicResponseRef, OcspResponseRef};
use crate::algorithm::AlgorithmIdentifier;
use crate::asn1::oid;
use crate::asn1::time::Time;
use crate::asn1::{tag, writer};
use crate::cert_id::CertId;
use crate::error::Error;
use crate::extension::{self, Extension};
use crate::responder_id::ResponderId;
use crate::status::{CertStatus, ResponseStatus};

/// An owned `OCSPResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspResponse {
    /// `responseStatus`.
    pub status: ResponseStatus,
    /// The basic response; present exactly when `status` is `Successful`.
    pub basic: Option<BasicOcspResponse>,
}

impl OcspResponse {
    /// A successful response carrying `basic`.
    pub fn successful(basic: BasicOcspResponse) -> Self {
        OcspResponse {
            status: ResponseStatus::Successful,
            basic: Some(basic),
        }
    }

    /// An error response (`malformedRequest`, `tryLater`, ...).
    pub fn error(status: ResponseStatus) -> Self {
        OcspResponse {
            status,
            basic: None,
        }
    }

    /// Parses DER with [`OcspResponseRef::parse`] and copies it.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        OcspResponseRef::parse(der)?.to_owned()
    }

    /// Encodes to DER.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        writer::nested(&mut out, tag::SEQUENCE, |out| {
            writer::small_unsigned(out, tag::ENUMERATED, u64::from(self.status.value()));
            if let Some(basic) = &self.basic {
                writer::nested(out, tag::explicit(0), |out| {
                    writer::nested(out, tag::SEQUENCE, |out| {
                        writer::tlv(out, tag::OID, oid::OCSP_BASIC.as_bytes());
                        let mut inner = Vec::new();
                        basic.encode(&mut inner);
                        writer::tlv(out, tag::OCTET_STRING, &inner);
                    });
                });
            }
        });
        OcspResponseRef::parse(&out)?;
        Ok(out)
    }
}

/// An owned `BasicOCSPResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasicOcspResponse {
    /// `tbsResponseData`.
    pub tbs_response_data: ResponseData,
    /// `signatureAlgorithm`.
    pub signature_algorithm: AlgorithmIdentifier,
    /// The signature octets.
    pub signature: Vec<u8>,
    /// `certs`: each certificate's DER; `None` leaves the field out.
    pub certs: Option<Vec<Vec<u8>>>,
}

impl BasicOcspResponse {
    fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            self.tbs_response_data.encode(out);
            self.signature_algorithm.encode(out);
            writer::bit_string_octets(out, &self.signature);
            crate::certificate::encode_explicit(out, self.certs.as_deref());
        });
    }

    /// Encodes to DER.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        writer::checked(
            |out| self.encode(out),
            |der| BasicResponseRef::parse(der).map(drop),
        )
    }

    /// Parses DER with [`BasicResponseRef::parse`] and copies it.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        BasicResponseRef::parse(der)?.to_owned()
    }
}

/// An owned `ResponseData` (always version v1, the only one defined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseData {
    /// Whether `version` (v1, the DEFAULT) is written out as `[0] INTEGER 0`,
    /// as some responders do. `false` for DER; `from_der` sets it from the
    /// input so that re-encoding gives back the same bytes.
    pub version_encoded: bool,
    /// `responderID`.
    pub responder_id: ResponderId,
    /// `producedAt`.
    pub produced_at: Time,
    /// `responses`.
    pub responses: Vec<SingleResponse>,
    /// `responseExtensions`; empty leaves the field out (see
    /// `empty_extensions_encoded`).
    pub extensions: Vec<Extension>,
    /// Whether an empty `extensions` is written as an empty SEQUENCE, as some
    /// responders do, instead of being left out. `false` for DER; `from_der`
    /// sets it from the input.
    pub empty_extensions_encoded: bool,
}

impl ResponseData {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            if self.version_encoded {
                writer::explicit_version_v1(out);
            }
            self.responder_id.encode(out);
            writer::tlv(
                out,
                tag::GENERALIZED_TIME,
                &self.produced_at.to_generalized(),
            );
            writer::nested(out, tag::SEQUENCE, |out| {
                for single in &self.responses {
                    single.encode(out);
                }
            });
            extension::encode_explicit(out, 1, &self.extensions, self.empty_extensions_encoded);
        });
    }

    /// The DER of `tbsResponseData`: the bytes a responder signs.
    ///
    /// Checked by the strict parser, like every encoding of this crate.
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        self.encode(&mut out);
        // Check it the way it will be read: inside a minimal BasicOCSPResponse.
        let mut probe = Vec::new();
        writer::nested(&mut probe, tag::SEQUENCE, |p| {
            p.extend_from_slice(&out);
            AlgorithmIdentifier::with_null_parameters(oid::SHA1).encode(p);
            writer::bit_string_octets(p, &[]);
        });
        BasicResponseRef::parse(&probe)?;
        Ok(out)
    }
}

/// An owned `SingleResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingleResponse {
    /// `certID`.
    pub cert_id: CertId,
    /// `certStatus`.
    pub cert_status: CertStatus,
    /// `thisUpdate`.
    pub this_update: Time,
    /// `nextUpdate`.
    pub next_update: Option<Time>,
    /// `singleExtensions`; empty leaves the field out (see
    /// `empty_extensions_encoded`).
    pub extensions: Vec<Extension>,
    /// Whether an empty `extensions` is written as an empty SEQUENCE instead
    /// of being left out. `false` for DER; `from_der` sets it from the input.
    pub empty_extensions_encoded: bool,
}

impl SingleResponse {
    fn encode(&self, out: &mut Vec<u8>) {
        writer::nested(out, tag::SEQUENCE, |out| {
            self.cert_id.encode(out);
            match self.cert_status {
                CertStatus::Good => writer::tlv(out, tag::implicit_primitive(0), &[]),
                CertStatus::Revoked(info) => writer::nested(out, tag::explicit(1), |out| {
                    writer::tlv(
                        out,
                        tag::GENERALIZED_TIME,
                        &info.revocation_time.to_generalized(),
                    );
                    if let Some(reason) = info.revocation_reason {
                        writer::nested(out, tag::explicit(0), |out| {
                            writer::small_unsigned(out, tag::ENUMERATED, u64::from(reason.value()));
                        });
                    }
                }),
                CertStatus::Unknown => writer::tlv(out, tag::implicit_primitive(2), &[]),
            }
            writer::tlv(
                out,
                tag::GENERALIZED_TIME,
                &self.this_update.to_generalized(),
            );
            if let Some(next) = self.next_update {
                writer::nested(out, tag::explicit(0), |out| {
                    writer::tlv(out, tag::GENERALIZED_TIME, &next.to_generalized());
                });
            }
            extension::encode_explicit(out, 1, &self.extensions, self.empty_extensions_encoded);
        });
    }
}
