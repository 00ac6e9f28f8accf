//! The known differences between ocsp-types and OpenSSL, each with its
//! reason, and the three small functions that recognise them.
//!
//! A disagreement is "known" only when it is confirmed independently of the
//! parser under test: our error says *where* to look, and the element found
//! there (read with the target's own DER reader, or OpenSSL's values) must
//! show the listed cause. Anything else is a crash for a person to look at.

use std::fmt;

use ocsp_types::limits::{MAX_CERTS, MAX_ENTRIES, MAX_EXTENSIONS};
use ocsp_types::{Error, OcspResponse, OcspResponseRef, ResponderId, ResponderIdRef};

use super::der;
use super::summary::{self, BasicSummary, ExtensionSummary, ResponseSummary};
use crate::openssl_view;

/// A disagreement between the two parsers that is not a bug.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownDifference {
    // OpenSSL accepts, ocsp-types refuses.
    /// The input is not DER (BER lengths or constructed strings, an encoded
    /// `critical FALSE`, a BOOLEAN other than `FF`, bytes after the
    /// BasicOCSPResponse inside `responseBytes.response`, ...): OpenSSL's
    /// decoder accepts BER and ignores what follows an unpacked OCTET STRING
    /// value; ocsp-types accepts DER only, so that a signature is always
    /// checked over the bytes that were sent.
    NotDer,
    /// A GeneralizedTime that is not `YYYYMMDDHHMMSSZ` naming a real instant
    /// (fractional seconds, an offset, month 13, February 30, second 60).
    /// RFC 5280 4.1.2.5.2 (which RFC 6960 follows) allows only that form;
    /// OpenSSL checks just that the value has at least 15 octets.
    TimeNotProfiled,
    /// A `responseStatus` RFC 6960 4.2.1 does not define (4, 7 and up,
    /// negative): OpenSSL takes any ENUMERATED (and `OCSP_response_status`
    /// truncates it to an `int`, so 2^32 even reads as `successful`).
    UndefinedResponseStatus,
    /// A `CRLReason` RFC 5280 5.3.1 does not define (7, 11 and up,
    /// negative): OpenSSL takes any ENUMERATED.
    UndefinedCrlReason,
    /// A field equal to its DEFAULT encoded: `version` v1 or an extension's
    /// `critical` FALSE. X.690 11.5 forbids encoding a DEFAULT value;
    /// OpenSSL's templates declare both fields OPTIONAL (no DEFAULT), so it
    /// keeps and re-encodes them.
    DefaultValueEncoded,
    /// A `version` other than v1, the only one RFC 6960 defines (a later
    /// version could change the syntax): OpenSSL never reads the field.
    UnsupportedVersion,
    /// A non-successful `responseStatus` with `responseBytes`: RFC 6960
    /// 4.2.1 sends them only for `successful`; OpenSSL reads the status and
    /// does not look further.
    ResponseBytesWithError,
    /// An empty `Extensions` list: RFC 5280 4.1 has `SIZE (1..MAX)` (an
    /// absent list is omitted); OpenSSL decodes an empty SEQUENCE OF.
    EmptyExtensions,
    /// One extension OID twice in a list: RFC 5280 4.2 ("MUST NOT include
    /// more than one instance of a particular extension"); OpenSSL keeps both.
    DuplicateExtension,
    /// More certificates, extensions or single responses than
    /// `ocsp_types::limits` allows (bounded work for any input); OpenSSL has
    /// no such limits.
    ListOverLimit,
    /// An OBJECT IDENTIFIER with an arc of more than 128 bits: valid X.690,
    /// which OpenSSL decodes; ocsp-types bounds arcs to 128 bits (enough for
    /// the 2.25 UUID arcs) so that every OID can be shown without bignums.
    OidArcOver128Bits,
    /// A tag number of 31 or more (high-tag-number form) in an element
    /// ocsp-types reads as ANY (algorithm parameters): valid DER, but no type
    /// of OCSP or X.509 uses such a tag, and ocsp-types' reader refuses the form.
    HighTagNumber,
    /// An empty RDN (`SET {}`) in a Name: RFC 5280 4.1.2.4 has
    /// `RelativeDistinguishedName ::= SET SIZE (1..MAX)`; OpenSSL accepts an
    /// empty SET.
    EmptyRdn,
    /// A signature BIT STRING (the response's or a certificate's) with
    /// unused bits: every signature algorithm produces whole octets, and
    /// ocsp-types refuses a signature it would otherwise have to truncate;
    /// OpenSSL keeps the bit count.
    BitStringUnusedBits,

    // ocsp-types accepts, OpenSSL refuses.
    /// An embedded certificate OpenSSL's X.509 decoder refuses: parsing a
    /// response, ocsp-types checks only each certificate's outer shape (the
    /// crate documents this: certificates prove nothing by themselves, and
    /// ocsp-verify parses the one it uses with the strict X.509 view).
    CertificateContent,
    /// A responder Name OpenSSL refuses: it decodes and canonicalises each
    /// attribute value (refusing, e.g., a BMPString of odd length, invalid
    /// UTF-8, a value type it does not list); ocsp-types checks the RDN
    /// structure and compares Names byte for byte, as RFC 6960 needs.
    NameContent,
    /// AlgorithmIdentifier parameters OpenSSL refuses: it decodes the
    /// universal types in an ANY (refusing, e.g., a BOOLEAN of two octets or
    /// a non-minimal INTEGER); ocsp-types keeps the parameters as one opaque
    /// element, which the verifier checks for the algorithm it uses.
    AlgorithmParameters,

    // Both accept.
    /// Both accept, but the input is not DER inside an element ocsp-types
    /// keeps opaque (the same three: certificate contents, Name attribute
    /// values, algorithm parameters), so OpenSSL's re-encoding differs there.
    OpaqueElementNotDer,
}

impl KnownDifference {
    /// Every variant, in declaration order (the index of the counters).
    pub const ALL: [KnownDifference; 18] = [
        KnownDifference::NotDer,
        KnownDifference::TimeNotProfiled,
        KnownDifference::UndefinedResponseStatus,
        KnownDifference::UndefinedCrlReason,
        KnownDifference::DefaultValueEncoded,
        KnownDifference::UnsupportedVersion,
        KnownDifference::ResponseBytesWithError,
        KnownDifference::EmptyExtensions,
        KnownDifference::DuplicateExtension,
        KnownDifference::ListOverLimit,
        KnownDifference::OidArcOver128Bits,
        KnownDifference::HighTagNumber,
        KnownDifference::EmptyRdn,
        KnownDifference::BitStringUnusedBits,
        KnownDifference::CertificateContent,
        KnownDifference::NameContent,
        KnownDifference::AlgorithmParameters,
        KnownDifference::OpaqueElementNotDer,
    ];
}

// `ALL[i] as usize == i`, which the counters rely on.
const _: () = {
    let mut i = 0;
    while i < KnownDifference::ALL.len() {
        assert!(KnownDifference::ALL[i] as usize == i);
        i += 1;
    }
};

impl fmt::Display for KnownDifference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

const ENUMERATED: u8 = 0x0a;
const INTEGER: u8 = 0x02;
const BOOLEAN: u8 = 0x01;

/// OpenSSL accepted `input` and ocsp-types refused it with `err`: the known
/// difference that explains it, if any (`NotDer` is decided by the caller).
pub fn explain_our_refusal(
    input: &[u8],
    err: &Error,
    openssl: &ResponseSummary,
) -> Option<KnownDifference> {
    use KnownDifference::*;
    let at = err.position()?;
    let element = der::element_at(input, at.offset);
    let tag_is = |tag: u8| element.is_some_and(|e| e.first == tag);
    let value = element.map(|e| e.value).unwrap_or_default();
    // Each arm: the difference our error points at, and whether the element
    // at that position (or OpenSSL's reading) really shows it.
    let (difference, confirmed) = match err {
        Error::InvalidTime { .. } => (
            TimeNotProfiled,
            tag_is(0x18) && !der::is_profiled_time(value),
        ),
        Error::UndefinedResponseStatus { .. } => (
            UndefinedResponseStatus,
            tag_is(ENUMERATED) && !status_defined(value),
        ),
        Error::UndefinedCrlReason { .. } => (
            UndefinedCrlReason,
            tag_is(ENUMERATED) && !reason_defined(value),
        ),
        Error::IntegerOutOfRange { .. } => {
            return explain_out_of_range(at.path, element?.first, value)
        }
        Error::DefaultValueEncoded { .. } => (
            DefaultValueEncoded,
            version_value(element) == Some(&[0][..]) || (tag_is(BOOLEAN) && value == [0]),
        ),
        Error::UnsupportedVersion { .. } => (
            UnsupportedVersion,
            version_value(element).is_some_and(|v| v != [0]),
        ),
        Error::UnexpectedResponseBytes { .. } => (ResponseBytesWithError, openssl.status != 0),
        Error::EmptyExtensions { .. } => (EmptyExtensions, tag_is(0x30) && value.is_empty()),
        Error::DuplicateExtension { .. } => (
            DuplicateExtension,
            openssl.basic.as_ref().is_some_and(has_duplicate),
        ),
        Error::TooManyElements { .. } => (
            ListOverLimit,
            openssl.basic.as_ref().is_some_and(over_limit),
        ),
        Error::InvalidOid { .. } => (
            OidArcOver128Bits,
            tag_is(0x06) && der::is_oid_with_huge_arc(value),
        ),
        Error::HighTagNumber { .. } => (HighTagNumber, element.is_some_and(|e| e.number >= 31)),
        Error::InvalidName { .. } => (EmptyRdn, tag_is(0x31) && value.is_empty()),
        Error::InvalidBitString { .. } => (
            BitStringUnusedBits,
            tag_is(0x03) && matches!(value, [1..=7, _, ..]),
        ),
        _ => return None,
    };
    confirmed.then_some(difference)
}

/// Whether `err` breaks a rule about values, which no choice of encoding
/// (BER or DER) can cause: such a refusal needs a known difference even for
/// an input that is not DER. (Any other error may be ocsp-types refusing the
/// BER that OpenSSL tolerates.)
pub fn is_content_rule(err: &Error) -> bool {
    matches!(
        err,
        Error::InvalidTime { .. }
            | Error::UndefinedResponseStatus { .. }
            | Error::UndefinedCrlReason { .. }
            | Error::IntegerOutOfRange { .. }
            | Error::UnsupportedVersion { .. }
            | Error::UnexpectedResponseBytes { .. }
            | Error::EmptyExtensions { .. }
            | Error::DuplicateExtension { .. }
            | Error::TooManyElements { .. }
    )
}

/// A negative or huge INTEGER/ENUMERATED, by the field it was read for.
fn explain_out_of_range(path: &str, tag: u8, value: &[u8]) -> Option<KnownDifference> {
    let undefined = der::unsigned_value(value).is_none();
    match path {
        "OCSPResponse.responseStatus" if tag == ENUMERATED && undefined => {
            Some(KnownDifference::UndefinedResponseStatus)
        }
        "RevokedInfo.revocationReason" if tag == ENUMERATED && undefined => {
            Some(KnownDifference::UndefinedCrlReason)
        }
        "ResponseData.version" if tag == INTEGER && undefined => {
            Some(KnownDifference::UnsupportedVersion)
        }
        _ => None,
    }
}

/// The content of the INTEGER inside `[0] EXPLICIT` (a `version` field).
fn version_value(element: Option<der::Tlv<'_>>) -> Option<&[u8]> {
    let outer = element.filter(|e| e.first == 0xa0)?;
    let inner = der::single(outer.value).filter(|i| i.first == INTEGER)?;
    Some(inner.value)
}

fn status_defined(value: &[u8]) -> bool {
    matches!(der::unsigned_value(value), Some(0..=3 | 5 | 6))
}

fn reason_defined(value: &[u8]) -> bool {
    matches!(der::unsigned_value(value), Some(0..=6 | 8..=10))
}

fn extension_lists(b: &BasicSummary) -> impl Iterator<Item = &[ExtensionSummary]> {
    std::iter::once(b.extensions.as_slice()).chain(b.responses.iter().map(|s| &s.extensions[..]))
}

fn has_duplicate(b: &BasicSummary) -> bool {
    extension_lists(b).any(|list| {
        list.iter().enumerate().any(|(i, e)| {
            list[..i]
                .iter()
                .any(|earlier| earlier.oid.bytes == e.oid.bytes)
        })
    })
}

fn over_limit(b: &BasicSummary) -> bool {
    b.responses.len() > MAX_ENTRIES
        || b.certs.as_ref().is_some_and(|c| c.len() > MAX_CERTS)
        || extension_lists(b).any(|list| list.len() > MAX_EXTENSIONS)
}

/// The elements ocsp-types keeps opaque, as DER: certificates, the
/// responder Name, and AlgorithmIdentifiers (the parameters are opaque).
struct OpaqueElements {
    certificates: Vec<Vec<u8>>,
    name: Option<Vec<u8>>,
    algorithms: Vec<Vec<u8>>,
}

fn opaque_elements(ours: &OcspResponseRef<'_>) -> Option<OpaqueElements> {
    let basic = ours.basic()?;
    let tbs = basic.tbs_response_data();
    let mut algorithms = vec![summary::algorithm_der(basic.signature_algorithm())];
    for single in tbs.responses() {
        algorithms.push(summary::algorithm_der(single.cert_id().hash_algorithm()));
    }
    Some(OpaqueElements {
        certificates: basic.certs().iter().map(<[u8]>::to_vec).collect(),
        name: match tbs.responder_id() {
            ResponderIdRef::ByName(n) => Some(n.as_der().to_vec()),
            ResponderIdRef::ByKey(_) => None,
        },
        algorithms,
    })
}

/// ocsp-types accepted a response OpenSSL refuses: the known difference
/// that explains it, if OpenSSL refuses one of the opaque elements alone and
/// accepts the response once they are all replaced by plain ones.
pub fn explain_openssl_refusal(ours: &OcspResponseRef<'_>) -> Option<KnownDifference> {
    let opaque = opaque_elements(ours)?;
    let difference = if opaque
        .certificates
        .iter()
        .any(|c| openssl_view::reencode_certificate(c).is_none())
    {
        KnownDifference::CertificateContent
    } else if opaque
        .name
        .is_some_and(|n| openssl_view::reencode_name(&n).is_none())
    {
        KnownDifference::NameContent
    } else if opaque
        .algorithms
        .iter()
        .any(|a| openssl_view::reencode_algorithm(a).is_none())
    {
        KnownDifference::AlgorithmParameters
    } else {
        return None;
    };
    // The owned form cannot hold an OID longer than `ObjectIdentifier`
    // does; such a response keeps the classification unconfirmed.
    let Ok(owned) = ours.to_owned() else {
        return Some(difference);
    };
    let plain = without_opaque_elements(owned)?;
    openssl_view::parse(&plain).is_some().then_some(difference)
}

/// The response re-encoded with no certificates, a byKey responder ID and
/// algorithm identifiers without parameters: nothing OpenSSL decodes
/// further than ocsp-types does.
fn without_opaque_elements(mut response: OcspResponse) -> Option<Vec<u8>> {
    let basic = response.basic.as_mut()?;
    basic.certs = None;
    basic.signature_algorithm.parameters = None;
    let tbs = &mut basic.tbs_response_data;
    tbs.responder_id = ResponderId::ByKey(vec![0; 20]);
    for single in &mut tbs.responses {
        single.cert_id.hash_algorithm.parameters = None;
    }
    response.to_der().ok()
}

/// Both accepted an input that is not DER: the known difference that
/// explains it, if one of the opaque elements alone is not DER (by the
/// target's reader or by OpenSSL's re-encoding).
pub fn explain_accepted_non_der(ours: &OcspResponseRef<'_>) -> Option<KnownDifference> {
    let opaque = opaque_elements(ours)?;
    let same =
        |der: &[u8], again: Option<Vec<u8>>| der::is_der(der) && again.as_deref() == Some(der);
    let not_der = opaque
        .certificates
        .iter()
        .any(|c| !same(c, openssl_view::reencode_certificate(c)))
        || opaque
            .name
            .is_some_and(|n| !same(&n, openssl_view::reencode_name(&n)))
        || opaque
            .algorithms
            .iter()
            .any(|a| !same(a, openssl_view::reencode_algorithm(a)));
    not_der.then_some(KnownDifference::OpaqueElementNotDer)
}
