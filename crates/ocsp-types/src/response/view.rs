//! The zero-copy view of a response.

use crate::algorithm::AlgorithmIdentifierRef;
use crate::asn1::oid::{self, Oid};
use crate::asn1::reader::{explicit_inner, read_single, Reader, Tlv};
use crate::asn1::time::Time;
use crate::asn1::{primitives, tag};
use crate::cert_id::CertIdRef;
use crate::certificate::EmbeddedCertificatesRef;
use crate::deviation::{Deviation, DeviationKind};
use crate::error::Error;
use crate::extension::ExtensionsRef;
use crate::limits::{check_message_len, MAX_ENTRIES};
use crate::list::{List, ListIter};
use crate::responder_id::ResponderIdRef;
use crate::status::{CertStatus, CrlReason, ResponseStatus, RevokedInfo};

/// A parsed `OCSPResponse`, borrowing the input.
///
/// ```text
/// OCSPResponse ::= SEQUENCE {
///    responseStatus         OCSPResponseStatus,
///    responseBytes          [0] EXPLICIT ResponseBytes OPTIONAL }
/// ```
///
/// Parsing checks the whole structure, strictly, without allocating; the
/// accessors then cannot fail.
///
/// ```
/// # fn main() -> Result<(), ocsp_types::Error> {
/// // A `tryLater` response: SEQUENCE { ENUMERATED 3 }.
/// let response = ocsp_types::OcspResponseRef::parse(&[0x30, 0x03, 0x0a, 0x01, 0x03])?;
/// assert_eq!(response.status(), ocsp_types::ResponseStatus::TryLater);
/// assert!(response.basic().is_none());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OcspResponseRef<'a> {
    status: ResponseStatus,
    basic: Option<BasicResponseRef<'a>>,
}

impl<'a> OcspResponseRef<'a> {
    /// Parses a DER `OCSPResponse`.
    ///
    /// A successful response must carry `responseBytes` of type
    /// id-pkix-ocsp-basic (anything else is [`Error::UnsupportedResponseType`]);
    /// a non-successful one must not carry any.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        check_message_len(der)?;
        let outer = read_single(der, tag::SEQUENCE, "OCSPResponse")?;
        let mut r = outer.contents();
        let status_path = "OCSPResponse.responseStatus";
        let status_tlv = r.read(tag::ENUMERATED, status_path)?;
        let value = primitives::small_unsigned(&status_tlv, u64::MAX, status_path)?;
        let status = ResponseStatus::from_value(value).ok_or(Error::UndefinedResponseStatus {
            value,
            at: status_tlv.at(status_path),
        })?;
        let bytes_path = "OCSPResponse.responseBytes";
        let response_bytes = r.read_optional(tag::explicit(0), bytes_path)?;
        r.finish("OCSPResponse")?;

        let Some(response_bytes) = response_bytes else {
            return match status {
                ResponseStatus::Successful => Err(Error::MissingResponseBytes),
                _ => Ok(OcspResponseRef {
                    status,
                    basic: None,
                }),
            };
        };
        if status != ResponseStatus::Successful {
            return Err(Error::UnexpectedResponseBytes {
                at: response_bytes.at(bytes_path),
            });
        }
        let inner = explicit_inner(&response_bytes, tag::SEQUENCE, bytes_path)?;
        let mut rb = inner.contents();
        let type_path = "ResponseBytes.responseType";
        let response_type =
            Oid::new_unchecked(primitives::oid(&rb.read(tag::OID, type_path)?, type_path)?);
        let response = rb.read(tag::OCTET_STRING, "ResponseBytes.response")?;
        rb.finish("ResponseBytes")?;
        if response_type != oid::OCSP_BASIC {
            return Err(Error::UnsupportedResponseType {
                oid: response_type.to_object_identifier(),
            });
        }
        let basic = BasicResponseRef::decode_at(response.value, response.value_offset)?;
        Ok(OcspResponseRef {
            status,
            basic: Some(basic),
        })
    }

    /// `responseStatus`.
    pub fn status(&self) -> ResponseStatus {
        self.status
    }

    /// The basic response, present exactly when the status is `successful`.
    pub fn basic(&self) -> Option<&BasicResponseRef<'a>> {
        self.basic.as_ref()
    }

    /// The deviations from DER and RFC 6960 that parsing accepted (see
    /// [`DeviationKind`]), in encoded order; offsets are from the start of
    /// the `OCSPResponse`. Embedded certificates are not included: parse
    /// each with [`crate::CertificateRef`] and ask it. Does not allocate.
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        self.basic
            .map(|b| b.tbs_response_data.deviations())
            .into_iter()
            .flatten()
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::OcspResponse, Error> {
        Ok(super::OcspResponse {
            status: self.status,
            basic: self.basic.as_ref().map(|b| b.to_owned()).transpose()?,
        })
    }
}

/// A parsed `BasicOCSPResponse`, borrowing the input.
///
/// ```text
/// BasicOCSPResponse ::= SEQUENCE {
///    tbsResponseData      ResponseData,
///    signatureAlgorithm   AlgorithmIdentifier,
///    signature            BIT STRING,
///    certs                [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasicResponseRef<'a> {
    tbs_response_data: ResponseDataRef<'a>,
    signature_algorithm: AlgorithmIdentifierRef<'a>,
    signature: &'a [u8],
    certs: EmbeddedCertificatesRef<'a>,
    raw: &'a [u8],
}

impl<'a> BasicResponseRef<'a> {
    /// Parses a DER `BasicOCSPResponse` (the content of `ResponseBytes.response`).
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        check_message_len(der)?;
        Self::decode_at(der, 0)
    }

    fn decode_at(bytes: &'a [u8], base: usize) -> Result<Self, Error> {
        let path = "BasicOCSPResponse";
        let mut outer_reader = Reader::with_base(bytes, base);
        let outer = outer_reader.read(tag::SEQUENCE, path)?;
        outer_reader.finish(path)?;
        let mut r = outer.contents();
        let tbs = r.read(tag::SEQUENCE, "BasicOCSPResponse.tbsResponseData")?;
        let tbs_response_data = ResponseDataRef::decode(&tbs)?;
        let signature_algorithm =
            AlgorithmIdentifierRef::read(&mut r, "BasicOCSPResponse.signatureAlgorithm")?;
        let sig_path = "BasicOCSPResponse.signature";
        let signature =
            primitives::bit_string_octets(&r.read(tag::BIT_STRING, sig_path)?, sig_path)?;
        let certs = EmbeddedCertificatesRef::read_explicit(&mut r, "BasicOCSPResponse.certs")?;
        r.finish(path)?;
        Ok(BasicResponseRef {
            tbs_response_data,
            signature_algorithm,
            signature,
            certs,
            raw: outer.raw,
        })
    }

    /// `tbsResponseData`, whose exact bytes the signature covers.
    pub fn tbs_response_data(&self) -> &ResponseDataRef<'a> {
        &self.tbs_response_data
    }

    /// `signatureAlgorithm`.
    pub fn signature_algorithm(&self) -> AlgorithmIdentifierRef<'a> {
        self.signature_algorithm
    }

    /// The signature octets (the BIT STRING has no unused bits).
    pub fn signature(&self) -> &'a [u8] {
        self.signature
    }

    /// The embedded certificates (which prove nothing by themselves).
    pub fn certs(&self) -> EmbeddedCertificatesRef<'a> {
        self.certs
    }

    /// The whole DER `BasicOCSPResponse`.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The accepted deviations of `tbsResponseData` (see
    /// [`ResponseDataRef::deviations`]).
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        self.tbs_response_data.deviations()
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::BasicOcspResponse, Error> {
        Ok(super::BasicOcspResponse {
            tbs_response_data: self.tbs_response_data.to_owned()?,
            signature_algorithm: self.signature_algorithm.to_owned()?,
            signature: self.signature.to_vec(),
            certs: self.certs.to_owned(),
        })
    }
}

/// A parsed `ResponseData`, borrowing the input.
///
/// ```text
/// ResponseData ::= SEQUENCE {
///    version              [0] EXPLICIT Version DEFAULT v1,
///    responderID              ResponderID,
///    producedAt               GeneralizedTime,
///    responses                SEQUENCE OF SingleResponse,
///    responseExtensions   [1] EXPLICIT Extensions OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseDataRef<'a> {
    /// Offset of an explicitly encoded `version v1`.
    version_at: Option<usize>,
    responder_id: ResponderIdRef<'a>,
    produced_at: Time,
    responses: SingleResponsesRef<'a>,
    extensions: ExtensionsRef<'a>,
    raw: &'a [u8],
}

/// The deviations of a `ResponseData` or `TBSRequest`, in encoded order:
/// the explicit `version v1` at `version_at`, then those of each entry's
/// extensions, then those of the message's `extensions`.
pub(crate) fn message_deviations<'a>(
    version_at: Option<usize>,
    version_path: &'static str,
    entries: impl Iterator<Item = ExtensionsRef<'a>> + 'a,
    extensions: ExtensionsRef<'a>,
) -> impl Iterator<Item = Deviation> + 'a {
    let version = version_at
        .map(|at| Deviation::new(DeviationKind::ExplicitDefaultVersion, at, version_path));
    version
        .into_iter()
        .chain(entries.flat_map(|e| e.deviations()))
        .chain(extensions.deviations())
}

/// Reads `[0] EXPLICIT Version DEFAULT v1`: absent is v1; any version but
/// v1 is unsupported. An explicitly encoded v1 (not DER) is accepted and its
/// offset returned: in responses mozilla::pkix accepts it since bug 1031093,
/// Chromium (`ParseOCSPResponseData`) too, and cfssl's responder writes it;
/// in requests OpenSSL and Go (`x/crypto/ocsp`) accept it.
pub(crate) fn read_version(r: &mut Reader<'_>, path: &'static str) -> Result<Option<usize>, Error> {
    let Some(outer) = r.read_optional(tag::explicit(0), path)? else {
        return Ok(None);
    };
    let inner = explicit_inner(&outer, tag::INTEGER, path)?;
    match primitives::small_unsigned(&inner, u64::MAX, path)? {
        0 => Ok(Some(outer.offset)),
        version => Err(Error::UnsupportedVersion {
            version,
            at: outer.at(path),
        }),
    }
}

impl<'a> ResponseDataRef<'a> {
    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let version_at = read_version(&mut r, VERSION)?;
        let responder_id = ResponderIdRef::read(&mut r)?;
        let produced_path = "ResponseData.producedAt";
        let produced_at = Time::decode(
            &r.read(tag::GENERALIZED_TIME, produced_path)?,
            produced_path,
        )?;
        let responses = List::decode(
            &r.read(tag::SEQUENCE, RESPONSES)?,
            SingleResponseRef::decode,
            MAX_ENTRIES,
            RESPONSES,
        )?;
        let extensions =
            ExtensionsRef::read_explicit(&mut r, 1, "ResponseData.responseExtensions")?;
        r.finish("ResponseData")?;
        Ok(ResponseDataRef {
            version_at,
            responder_id,
            produced_at,
            responses,
            extensions,
            raw: tlv.raw,
        })
    }

    /// `responderID`.
    pub fn responder_id(&self) -> ResponderIdRef<'a> {
        self.responder_id
    }

    /// `producedAt`.
    pub fn produced_at(&self) -> Time {
        self.produced_at
    }

    /// `responses`.
    pub fn responses(&self) -> SingleResponsesRef<'a> {
        self.responses
    }

    /// `responseExtensions` (empty when absent).
    pub fn extensions(&self) -> ExtensionsRef<'a> {
        self.extensions
    }

    /// The exact DER bytes of `tbsResponseData`, as received: what the
    /// signature covers.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The accepted deviations, in encoded order: an explicit `version v1`
    /// ([`DeviationKind::ExplicitDefaultVersion`]), an empty
    /// `responseExtensions` or `singleExtensions`
    /// ([`DeviationKind::EmptyExtensions`]). Does not allocate.
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        let entries = self.responses.iter().map(|s| s.extensions);
        message_deviations(self.version_at, VERSION, entries, self.extensions)
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::ResponseData, Error> {
        Ok(super::ResponseData {
            version_encoded: self.version_at.is_some(),
            responder_id: self.responder_id.to_owned(),
            produced_at: self.produced_at,
            responses: self.responses.to_owned_each(SingleResponseRef::to_owned)?,
            extensions: self.extensions.to_owned()?,
            empty_extensions_encoded: self.extensions.encoded_empty(),
        })
    }
}

const VERSION: &str = "ResponseData.version";
const RESPONSES: &str = "ResponseData.responses";

/// The `responses` list, iterated lazily.
pub type SingleResponsesRef<'a> = List<'a, SingleResponseRef<'a>>;

/// Iterator over [`SingleResponsesRef`].
pub type SingleResponsesIter<'a> = ListIter<'a, SingleResponseRef<'a>>;

/// A parsed `SingleResponse`, borrowing the input.
///
/// ```text
/// SingleResponse ::= SEQUENCE {
///    certID                  CertID,
///    certStatus              CertStatus,
///    thisUpdate              GeneralizedTime,
///    nextUpdate          [0] EXPLICIT GeneralizedTime OPTIONAL,
///    singleExtensions    [1] EXPLICIT Extensions OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SingleResponseRef<'a> {
    cert_id: CertIdRef<'a>,
    cert_status: CertStatus,
    this_update: Time,
    next_update: Option<Time>,
    extensions: ExtensionsRef<'a>,
}

fn read_cert_status(r: &mut Reader<'_>) -> Result<CertStatus, Error> {
    let path = "SingleResponse.certStatus";
    let tlv = r.read_any(path)?;
    match tlv.tag {
        t if t == tag::implicit_primitive(0) => {
            primitives::null(&tlv, path)?;
            Ok(CertStatus::Good)
        }
        t if t == tag::explicit(1) => {
            let mut ri = tlv.contents();
            let time_path = "RevokedInfo.revocationTime";
            let revocation_time =
                Time::decode(&ri.read(tag::GENERALIZED_TIME, time_path)?, time_path)?;
            let reason_path = "RevokedInfo.revocationReason";
            let revocation_reason =
                match ri.read_optional_explicit(0, tag::ENUMERATED, reason_path)? {
                    Some(inner) => {
                        let value = primitives::small_unsigned(&inner, u64::MAX, reason_path)?;
                        Some(
                            CrlReason::from_value(value).ok_or(Error::UndefinedCrlReason {
                                value,
                                at: inner.at(reason_path),
                            })?,
                        )
                    }
                    None => None,
                };
            ri.finish("RevokedInfo")?;
            Ok(CertStatus::Revoked(RevokedInfo {
                revocation_time,
                revocation_reason,
            }))
        }
        t if t == tag::implicit_primitive(2) => {
            primitives::null(&tlv, path)?;
            Ok(CertStatus::Unknown)
        }
        found => Err(Error::UnexpectedTag {
            expected: tag::implicit_primitive(0),
            found,
            at: tlv.at(path),
        }),
    }
}

impl<'a> SingleResponseRef<'a> {
    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let cert_id = CertIdRef::read(&mut r)?;
        let cert_status = read_cert_status(&mut r)?;
        let this_path = "SingleResponse.thisUpdate";
        let this_update = Time::decode(&r.read(tag::GENERALIZED_TIME, this_path)?, this_path)?;
        let next_path = "SingleResponse.nextUpdate";
        let next_update = match r.read_optional_explicit(0, tag::GENERALIZED_TIME, next_path)? {
            Some(inner) => Some(Time::decode(&inner, next_path)?),
            None => None,
        };
        let extensions =
            ExtensionsRef::read_explicit(&mut r, 1, "SingleResponse.singleExtensions")?;
        r.finish("SingleResponse")?;
        Ok(SingleResponseRef {
            cert_id,
            cert_status,
            this_update,
            next_update,
            extensions,
        })
    }

    /// `certID`.
    pub fn cert_id(&self) -> CertIdRef<'a> {
        self.cert_id
    }

    /// `certStatus`.
    pub fn cert_status(&self) -> CertStatus {
        self.cert_status
    }

    /// `thisUpdate`.
    pub fn this_update(&self) -> Time {
        self.this_update
    }

    /// `nextUpdate`, if given.
    pub fn next_update(&self) -> Option<Time> {
        self.next_update
    }

    /// `singleExtensions` (empty when absent).
    pub fn extensions(&self) -> ExtensionsRef<'a> {
        self.extensions
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::SingleResponse, Error> {
        Ok(super::SingleResponse {
            cert_id: self.cert_id.to_owned()?,
            cert_status: self.cert_status,
            this_update: self.this_update,
            next_update: self.next_update,
            extensions: self.extensions.to_owned()?,
            empty_extensions_encoded: self.extensions.encoded_empty(),
        })
    }
}
