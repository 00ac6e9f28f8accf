//! The zero-copy view of a request.

use crate::algorithm::AlgorithmIdentifierRef;
use crate::asn1::reader::{read_single, Tlv};
use crate::asn1::{primitives, tag};
use crate::cert_id::CertIdRef;
use crate::certificate::EmbeddedCertificatesRef;
use crate::deviation::Deviation;
use crate::error::Error;
use crate::extension::ExtensionsRef;
use crate::limits::{check_message_len, MAX_ENTRIES};
use crate::list::{List, ListIter};
use crate::name::GeneralNameRef;
use crate::response::{message_deviations, read_version};

/// A parsed `OCSPRequest`, borrowing the input.
///
/// ```text
/// OCSPRequest ::= SEQUENCE {
///    tbsRequest              TBSRequest,
///    optionalSignature   [0] EXPLICIT Signature OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OcspRequestRef<'a> {
    tbs_request: TbsRequestRef<'a>,
    signature: Option<SignatureRef<'a>>,
}

impl<'a> OcspRequestRef<'a> {
    /// Parses a DER `OCSPRequest`.
    pub fn parse(der: &'a [u8]) -> Result<Self, Error> {
        check_message_len(der)?;
        let outer = read_single(der, tag::SEQUENCE, "OCSPRequest")?;
        let mut r = outer.contents();
        let tbs_request = TbsRequestRef::decode(&r.read(tag::SEQUENCE, "OCSPRequest.tbsRequest")?)?;
        let sig_path = "OCSPRequest.optionalSignature";
        let signature = match r.read_optional_explicit(0, tag::SEQUENCE, sig_path)? {
            Some(inner) => Some(SignatureRef::decode(&inner)?),
            None => None,
        };
        r.finish("OCSPRequest")?;
        Ok(OcspRequestRef {
            tbs_request,
            signature,
        })
    }

    /// `tbsRequest`.
    pub fn tbs_request(&self) -> &TbsRequestRef<'a> {
        &self.tbs_request
    }

    /// `optionalSignature`.
    pub fn signature(&self) -> Option<&SignatureRef<'a>> {
        self.signature.as_ref()
    }

    /// The accepted deviations (see [`TbsRequestRef::deviations`]); offsets
    /// are from the start of the `OCSPRequest`. Does not allocate.
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        self.tbs_request.deviations()
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::OcspRequest, Error> {
        Ok(super::OcspRequest {
            tbs_request: self.tbs_request.to_owned()?,
            signature: self.signature.as_ref().map(|s| s.to_owned()).transpose()?,
        })
    }
}

/// A parsed `TBSRequest`.
///
/// ```text
/// TBSRequest ::= SEQUENCE {
///    version             [0] EXPLICIT Version DEFAULT v1,
///    requestorName       [1] EXPLICIT GeneralName OPTIONAL,
///    requestList             SEQUENCE OF Request,
///    requestExtensions   [2] EXPLICIT Extensions OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TbsRequestRef<'a> {
    /// Offset of an explicitly encoded `version v1`.
    version_at: Option<usize>,
    requestor_name: Option<GeneralNameRef<'a>>,
    requests: RequestsRef<'a>,
    extensions: ExtensionsRef<'a>,
    raw: &'a [u8],
}

impl<'a> TbsRequestRef<'a> {
    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let version_at = read_version(&mut r, VERSION)?;
        let name_path = "TBSRequest.requestorName";
        let requestor_name = match r.read_optional(tag::explicit(1), name_path)? {
            Some(outer) => {
                let mut inner = outer.contents();
                let name = GeneralNameRef::decode(&inner.read_any(name_path)?, name_path)?;
                inner.finish(name_path)?;
                Some(name)
            }
            None => None,
        };
        let path = "TBSRequest.requestList";
        let requests = List::decode(
            &r.read(tag::SEQUENCE, path)?,
            RequestRef::decode,
            MAX_ENTRIES,
            path,
        )?;
        let extensions = ExtensionsRef::read_explicit(&mut r, 2, "TBSRequest.requestExtensions")?;
        r.finish("TBSRequest")?;
        Ok(TbsRequestRef {
            version_at,
            requestor_name,
            requests,
            extensions,
            raw: tlv.raw,
        })
    }

    /// `requestorName`.
    pub fn requestor_name(&self) -> Option<GeneralNameRef<'a>> {
        self.requestor_name
    }

    /// `requestList`.
    pub fn requests(&self) -> RequestsRef<'a> {
        self.requests
    }

    /// `requestExtensions` (empty when absent).
    pub fn extensions(&self) -> ExtensionsRef<'a> {
        self.extensions
    }

    /// The exact DER of `tbsRequest`, which a request signature covers.
    pub fn as_der(&self) -> &'a [u8] {
        self.raw
    }

    /// The accepted deviations, in encoded order: an explicit `version v1`
    /// ([`DeviationKind::ExplicitDefaultVersion`]), an empty
    /// `singleRequestExtensions` or `requestExtensions`
    /// ([`DeviationKind::EmptyExtensions`]). Does not allocate.
    ///
    /// [`DeviationKind::ExplicitDefaultVersion`]: crate::DeviationKind::ExplicitDefaultVersion
    /// [`DeviationKind::EmptyExtensions`]: crate::DeviationKind::EmptyExtensions
    pub fn deviations(&self) -> impl Iterator<Item = Deviation> + 'a {
        let entries = self.requests.iter().map(|r| r.extensions);
        message_deviations(self.version_at, VERSION, entries, self.extensions)
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::TbsRequest, Error> {
        Ok(super::TbsRequest {
            version_encoded: self.version_at.is_some(),
            requestor_name: self.requestor_name.map(|n| n.to_owned()),
            requests: self.requests.to_owned_each(RequestRef::to_owned)?,
            extensions: self.extensions.to_owned()?,
            empty_extensions_encoded: self.extensions.encoded_empty(),
        })
    }
}

const VERSION: &str = "TBSRequest.version";

/// The `requestList`, iterated lazily.
pub type RequestsRef<'a> = List<'a, RequestRef<'a>>;

/// Iterator over [`RequestsRef`].
pub type RequestsIter<'a> = ListIter<'a, RequestRef<'a>>;

/// A parsed `Request`.
///
/// ```text
/// Request ::= SEQUENCE {
///    reqCert                     CertID,
///    singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestRef<'a> {
    cert_id: CertIdRef<'a>,
    extensions: ExtensionsRef<'a>,
}

impl<'a> RequestRef<'a> {
    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let cert_id = CertIdRef::read(&mut r)?;
        let extensions =
            ExtensionsRef::read_explicit(&mut r, 0, "Request.singleRequestExtensions")?;
        r.finish("Request")?;
        Ok(RequestRef {
            cert_id,
            extensions,
        })
    }

    /// `reqCert`.
    pub fn cert_id(&self) -> CertIdRef<'a> {
        self.cert_id
    }

    /// `singleRequestExtensions` (empty when absent).
    pub fn extensions(&self) -> ExtensionsRef<'a> {
        self.extensions
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::Request, Error> {
        Ok(super::Request {
            cert_id: self.cert_id.to_owned()?,
            extensions: self.extensions.to_owned()?,
            empty_extensions_encoded: self.extensions.encoded_empty(),
        })
    }
}

/// A parsed request `Signature`.
///
/// ```text
/// Signature ::= SEQUENCE {
///    signatureAlgorithm      AlgorithmIdentifier,
///    signature               BIT STRING,
///    certs               [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureRef<'a> {
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: &'a [u8],
    certs: EmbeddedCertificatesRef<'a>,
}

impl<'a> SignatureRef<'a> {
    fn decode(tlv: &Tlv<'a>) -> Result<Self, Error> {
        let mut r = tlv.contents();
        let algorithm = AlgorithmIdentifierRef::read(&mut r, "Signature.signatureAlgorithm")?;
        let path = "Signature.signature";
        let signature = primitives::bit_string_octets(&r.read(tag::BIT_STRING, path)?, path)?;
        let certs = EmbeddedCertificatesRef::read_explicit(&mut r, "Signature.certs")?;
        r.finish("Signature")?;
        Ok(SignatureRef {
            algorithm,
            signature,
            certs,
        })
    }

    /// `signatureAlgorithm`.
    pub fn algorithm(&self) -> AlgorithmIdentifierRef<'a> {
        self.algorithm
    }

    /// The signature octets.
    pub fn signature(&self) -> &'a [u8] {
        self.signature
    }

    /// `certs`.
    pub fn certs(&self) -> EmbeddedCertificatesRef<'a> {
        self.certs
    }

    /// The owned form.
    pub fn to_owned(&self) -> Result<super::Signature, Error> {
        Ok(super::Signature {
            algorithm: self.algorithm.to_owned()?,
            signature: self.signature.to_vec(),
            certs: self.certs.to_owned(),
        })
    }
}
