//! What both parsers say about a response, as plain owned values.
//!
//! The same types are filled from ocsp-types' `OcspResponseRef` (here, safe
//! code) and from OpenSSL's `OCSP_RESPONSE` (in `crate::openssl_view`), then
//! compared field by field. Values are kept as the bytes the wire carries
//! (times as their GeneralizedTime text, serials as INTEGER content octets,
//! names and algorithm identifiers as DER) so that a comparison never hides
//! a difference behind a conversion.

use ocsp_types::{
    AlgorithmIdentifierRef, BasicResponseRef, CertIdRef, CertStatus, ExtensionsRef,
    OcspResponseRef, Oid, ResponderIdRef, SingleResponseRef, Time,
};

use super::der;

/// An `OCSPResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseSummary {
    /// `responseStatus`.
    pub status: i64,
    /// The `BasicOCSPResponse`, for a successful response.
    pub basic: Option<BasicSummary>,
}

/// A `BasicOCSPResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasicSummary {
    pub responder_id: ResponderIdSummary,
    /// `producedAt`, the GeneralizedTime content.
    pub produced_at: Vec<u8>,
    pub responses: Vec<SingleSummary>,
    pub extensions: Vec<ExtensionSummary>,
    /// The DER of `signatureAlgorithm`.
    pub signature_algorithm: Vec<u8>,
    /// The signature octets (no unused-bits octet).
    pub signature: Vec<u8>,
    /// The DER of each certificate; `None` when the field is absent.
    pub certs: Option<Vec<Vec<u8>>>,
}

/// `ResponderID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponderIdSummary {
    /// The DER of the Name.
    ByName(Vec<u8>),
    /// The key hash octets.
    ByKey(Vec<u8>),
}

/// A `SingleResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingleSummary {
    pub cert_id: CertIdSummary,
    pub status: StatusSummary,
    /// GeneralizedTime content.
    pub this_update: Vec<u8>,
    /// GeneralizedTime content.
    pub next_update: Option<Vec<u8>>,
    pub extensions: Vec<ExtensionSummary>,
}

/// A `CertID`: its fields, and its whole DER (which also covers the hash
/// algorithm's parameters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertIdSummary {
    pub hash_algorithm: OidSummary,
    pub issuer_name_hash: Vec<u8>,
    pub issuer_key_hash: Vec<u8>,
    /// The INTEGER content octets.
    pub serial: Vec<u8>,
    pub der: Vec<u8>,
}

/// `CertStatus`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSummary {
    Good,
    Revoked {
        /// GeneralizedTime content.
        time: Vec<u8>,
        /// The CRLReason value, `None` when absent.
        reason: Option<i64>,
    },
    Unknown,
}

/// An `Extension`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionSummary {
    pub oid: OidSummary,
    pub critical: bool,
    /// The content of `extnValue`.
    pub value: Vec<u8>,
}

/// An OBJECT IDENTIFIER: its content octets and its dotted-decimal text
/// (ocsp-types' `Display`, OpenSSL's `OBJ_obj2txt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidSummary {
    pub bytes: Vec<u8>,
    /// `None` for an OID longer than [`MAX_TEXT_OID_LEN`].
    pub dotted: Option<String>,
}

/// The longest OID (content octets) OpenSSL's `OBJ_obj2txt` translates: it
/// declines longer ones (a guard against quadratic work, since 3.0.9), so
/// the text of those is compared by neither side.
pub const MAX_TEXT_OID_LEN: usize = 586;

impl From<Oid<'_>> for OidSummary {
    fn from(oid: Oid<'_>) -> Self {
        let bytes = oid.as_bytes();
        OidSummary {
            bytes: bytes.to_vec(),
            dotted: (bytes.len() <= MAX_TEXT_OID_LEN).then(|| oid.to_string()),
        }
    }
}

/// What ocsp-types says about a response it accepted.
pub fn ours(response: &OcspResponseRef<'_>) -> ResponseSummary {
    ResponseSummary {
        status: i64::from(response.status().value()),
        basic: response.basic().map(basic),
    }
}

fn basic(b: &BasicResponseRef<'_>) -> BasicSummary {
    let tbs = b.tbs_response_data();
    BasicSummary {
        responder_id: match tbs.responder_id() {
            ResponderIdRef::ByName(name) => ResponderIdSummary::ByName(name.as_der().to_vec()),
            ResponderIdRef::ByKey(hash) => ResponderIdSummary::ByKey(hash.to_vec()),
        },
        produced_at: generalized_time(tbs.produced_at()),
        responses: tbs.responses().iter().map(|s| single(&s)).collect(),
        extensions: extensions(tbs.extensions()),
        signature_algorithm: algorithm_der(b.signature_algorithm()),
        signature: b.signature().to_vec(),
        certs: b.certs().to_owned(),
    }
}

fn single(s: &SingleResponseRef<'_>) -> SingleSummary {
    SingleSummary {
        cert_id: cert_id(s.cert_id()),
        status: match s.cert_status() {
            CertStatus::Good => StatusSummary::Good,
            CertStatus::Revoked(info) => StatusSummary::Revoked {
                time: generalized_time(info.revocation_time),
                reason: info.revocation_reason.map(|r| i64::from(r.value())),
            },
            CertStatus::Unknown => StatusSummary::Unknown,
        },
        this_update: generalized_time(s.this_update()),
        next_update: s.next_update().map(generalized_time),
        extensions: extensions(s.extensions()),
    }
}

fn cert_id(id: CertIdRef<'_>) -> CertIdSummary {
    CertIdSummary {
        hash_algorithm: id.hash_algorithm().oid().into(),
        issuer_name_hash: id.issuer_name_hash().to_vec(),
        issuer_key_hash: id.issuer_key_hash().to_vec(),
        serial: id.serial_number().to_vec(),
        der: id.as_der().to_vec(),
    }
}

fn extensions(list: ExtensionsRef<'_>) -> Vec<ExtensionSummary> {
    list.iter()
        .map(|e| ExtensionSummary {
            oid: e.oid().into(),
            critical: e.is_critical(),
            value: e.value().to_vec(),
        })
        .collect()
}

/// The DER of an AlgorithmIdentifier (the view keeps the SEQUENCE content).
pub fn algorithm_der(a: AlgorithmIdentifierRef<'_>) -> Vec<u8> {
    der::encode(0x30, a.contents())
}

/// The GeneralizedTime content `YYYYMMDDHHMMSSZ`, the only form ocsp-types
/// accepts, so equal text means equal instants and equal encodings.
fn generalized_time(t: Time) -> Vec<u8> {
    let (y, mo, d, h, mi, s) = t.to_civil();
    format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z").into_bytes()
}
