//! `Arbitrary` mirrors of the owned response types, for the structure-aware
//! `owned_roundtrip` target. Each mirror converts into the `ocsp_types` type
//! with values in their valid domains (OIDs that `ObjectIdentifier` holds,
//! times in years 0000-9999, minimal serials, DER TLVs where the schema says
//! ANY); the combinations may still be invalid (an empty serial, duplicate
//! extensions, a successful status without a basic response), which the
//! encoder is free to refuse.

use arbitrary::Arbitrary;
use ocsp_types::{
    AlgorithmIdentifier, BasicOcspResponse, CertId, CertStatus, CrlReason, Extension,
    ObjectIdentifier, OcspResponse, ResponderId, ResponseData, ResponseStatus, RevokedInfo,
    SingleResponse, Time,
};

/// DER TLV with a definite, minimal length.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let n = bytes.len() - skip;
        out.push(0x80 | n as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// An OID: a known one, or arcs made to fit X.660's first-two-arc rules.
#[derive(Arbitrary, Debug)]
pub enum ArbOid {
    /// One of the OIDs OCSP uses.
    Known(u8),
    /// `first.second.rest...`
    Arcs(u8, u8, Vec<u32>),
}

const KNOWN_OIDS: &[ObjectIdentifier] = &[
    ocsp_types::oid::OCSP_NONCE,
    ocsp_types::oid::OCSP_CRL,
    ocsp_types::oid::OCSP_RESPONSE,
    ocsp_types::oid::OCSP_NOCHECK,
    ocsp_types::oid::OCSP_ARCHIVE_CUTOFF,
    ocsp_types::oid::OCSP_SERVICE_LOCATOR,
    ocsp_types::oid::OCSP_PREF_SIG_ALGS,
    ocsp_types::oid::OCSP_EXTENDED_REVOKE,
    ocsp_types::oid::CT_SCT_LIST,
    ocsp_types::oid::SHA1,
    ocsp_types::oid::SHA256,
    ocsp_types::oid::SHA384,
    ocsp_types::oid::SHA512,
];

impl ArbOid {
    fn build(&self) -> ObjectIdentifier {
        match self {
            ArbOid::Known(i) => KNOWN_OIDS[usize::from(*i) % KNOWN_OIDS.len()],
            ArbOid::Arcs(first, second, rest) => {
                let first = u32::from(*first % 3);
                let second = if first < 2 {
                    u32::from(*second % 40)
                } else {
                    u32::from(*second)
                };
                let arcs = [first, second]
                    .into_iter()
                    .chain(rest.iter().take(12).copied());
                ObjectIdentifier::from_arcs(arcs).unwrap_or(ocsp_types::oid::SHA256)
            }
        }
    }
}

/// A time in years 0000-9999.
#[derive(Arbitrary, Debug)]
pub struct ArbTime(u64);

impl ArbTime {
    fn build(&self) -> Time {
        const MIN: i64 = -62_167_219_200;
        const SPAN: u64 = 253_402_300_799 + 62_167_219_200 + 1;
        let t = MIN + (self.0 % SPAN) as i64;
        Time::from_unix(t).unwrap_or_else(|| panic!("time {t} out of range"))
    }
}

/// An ANY value: a DER TLV.
#[derive(Arbitrary, Debug)]
pub enum ArbAny {
    /// `05 00`
    Null,
    /// An OCTET STRING.
    OctetString(Vec<u8>),
    /// An INTEGER from unsigned bytes (minimal).
    Integer(Vec<u8>),
    /// A SEQUENCE of other values.
    Sequence(Vec<ArbLeaf>),
    /// A UTF8String.
    Utf8(String),
}

/// A leaf of an `ArbAny::Sequence`.
#[derive(Arbitrary, Debug)]
pub enum ArbLeaf {
    /// `05 00`
    Null,
    /// A BOOLEAN TRUE (`FF`).
    True,
    /// An OCTET STRING.
    OctetString(Vec<u8>),
    /// An OBJECT IDENTIFIER.
    Oid(ArbOid),
}

impl ArbAny {
    fn build(&self) -> Vec<u8> {
        match self {
            ArbAny::Null => vec![0x05, 0x00],
            ArbAny::OctetString(b) => tlv(0x04, b),
            ArbAny::Integer(b) => tlv(0x02, &ocsp_types::serial_from_unsigned(b)),
            ArbAny::Sequence(items) => {
                let mut content = Vec::new();
                for item in items.iter().take(8) {
                    content.extend(match item {
                        ArbLeaf::Null => vec![0x05, 0x00],
                        ArbLeaf::True => vec![0x01, 0x01, 0xff],
                        ArbLeaf::OctetString(b) => tlv(0x04, b),
                        ArbLeaf::Oid(o) => tlv(0x06, o.build().as_bytes()),
                    });
                }
                tlv(0x30, &content)
            }
            ArbAny::Utf8(s) => tlv(0x0c, s.as_bytes()),
        }
    }
}

/// An `AlgorithmIdentifier`.
#[derive(Arbitrary, Debug)]
pub struct ArbAlgorithm {
    oid: ArbOid,
    parameters: Option<ArbAny>,
}

impl ArbAlgorithm {
    fn build(&self) -> AlgorithmIdentifier {
        AlgorithmIdentifier {
            oid: self.oid.build(),
            parameters: self.parameters.as_ref().map(ArbAny::build),
        }
    }
}

/// A `Name`: RDNs of (attribute type, UTF8String) pairs.
#[derive(Arbitrary, Debug)]
pub struct ArbName(Vec<Vec<(ArbOid, String)>>);

impl ArbName {
    fn build(&self) -> Vec<u8> {
        let mut rdns = Vec::new();
        for rdn in self.0.iter().take(6) {
            let mut set = Vec::new();
            // Members of a DER SET OF are sorted by their encoding.
            let mut atvs: Vec<Vec<u8>> = rdn
                .iter()
                .take(3)
                .map(|(oid, value)| {
                    let mut atv = tlv(0x06, oid.build().as_bytes());
                    atv.extend(tlv(0x0c, value.as_bytes()));
                    tlv(0x30, &atv)
                })
                .collect();
            atvs.sort();
            for atv in atvs {
                set.extend(atv);
            }
            rdns.extend(tlv(0x31, &set));
        }
        tlv(0x30, &rdns)
    }
}

/// An `Extension`.
#[derive(Arbitrary, Debug)]
pub struct ArbExtension {
    oid: ArbOid,
    critical: bool,
    value: ArbAny,
}

impl ArbExtension {
    fn build(&self) -> Extension {
        Extension {
            oid: self.oid.build(),
            critical: self.critical,
            value: self.value.build(),
        }
    }
}

fn extensions(list: &[ArbExtension]) -> Vec<Extension> {
    list.iter().take(8).map(ArbExtension::build).collect()
}

/// A `CertID`.
#[derive(Arbitrary, Debug)]
pub struct ArbCertId {
    hash_algorithm: ArbAlgorithm,
    issuer_name_hash: Vec<u8>,
    issuer_key_hash: Vec<u8>,
    /// Unsigned magnitude; made minimal DER INTEGER content octets.
    serial: Vec<u8>,
    /// Keep the serial empty (refused by the encoder).
    empty_serial: bool,
}

impl ArbCertId {
    fn build(&self) -> CertId {
        CertId {
            hash_algorithm: self.hash_algorithm.build(),
            issuer_name_hash: self.issuer_name_hash.clone(),
            issuer_key_hash: self.issuer_key_hash.clone(),
            serial_number: if self.empty_serial {
                Vec::new()
            } else {
                ocsp_types::serial_from_unsigned(&self.serial)
            },
        }
    }
}

/// `CRLReason`, any defined value.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ArbReason {
    /// 0
    Unspecified,
    /// 1
    KeyCompromise,
    /// 2
    CaCompromise,
    /// 3
    AffiliationChanged,
    /// 4
    Superseded,
    /// 5
    CessationOfOperation,
    /// 6
    CertificateHold,
    /// 8
    RemoveFromCrl,
    /// 9
    PrivilegeWithdrawn,
    /// 10
    AaCompromise,
}

impl From<ArbReason> for CrlReason {
    fn from(r: ArbReason) -> Self {
        match r {
            ArbReason::Unspecified => CrlReason::Unspecified,
            ArbReason::KeyCompromise => CrlReason::KeyCompromise,
            ArbReason::CaCompromise => CrlReason::CaCompromise,
            ArbReason::AffiliationChanged => CrlReason::AffiliationChanged,
            ArbReason::Superseded => CrlReason::Superseded,
            ArbReason::CessationOfOperation => CrlReason::CessationOfOperation,
            ArbReason::CertificateHold => CrlReason::CertificateHold,
            ArbReason::RemoveFromCrl => CrlReason::RemoveFromCrl,
            ArbReason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
            ArbReason::AaCompromise => CrlReason::AaCompromise,
        }
    }
}

/// `CertStatus`.
#[derive(Arbitrary, Debug)]
pub enum ArbStatus {
    /// good
    Good,
    /// revoked
    Revoked(ArbTime, Option<ArbReason>),
    /// unknown
    Unknown,
}

/// A `SingleResponse`.
#[derive(Arbitrary, Debug)]
pub struct ArbSingle {
    cert_id: ArbCertId,
    status: ArbStatus,
    this_update: ArbTime,
    next_update: Option<ArbTime>,
    extensions: Vec<ArbExtension>,
    /// Write an empty `extensions` as an empty SEQUENCE (an accepted deviation).
    empty_extensions_encoded: bool,
}

impl ArbSingle {
    fn build(&self) -> SingleResponse {
        SingleResponse {
            cert_id: self.cert_id.build(),
            cert_status: match &self.status {
                ArbStatus::Good => CertStatus::Good,
                ArbStatus::Revoked(t, r) => CertStatus::Revoked(RevokedInfo {
                    revocation_time: t.build(),
                    revocation_reason: r.map(CrlReason::from),
                }),
                ArbStatus::Unknown => CertStatus::Unknown,
            },
            this_update: self.this_update.build(),
            next_update: self.next_update.as_ref().map(ArbTime::build),
            extensions: extensions(&self.extensions),
            // Only an empty list can be written empty (a round trip of a
            // non-empty list would not give the flag back).
            empty_extensions_encoded: self.empty_extensions_encoded && self.extensions.is_empty(),
        }
    }
}

/// `ResponderID`.
#[derive(Arbitrary, Debug)]
pub enum ArbResponderId {
    /// byName
    ByName(ArbName),
    /// byKey (any length: parsing does not judge it)
    ByKey(Vec<u8>),
}

/// `ResponseData`.
#[derive(Arbitrary, Debug)]
pub struct ArbResponseData {
    responder_id: ArbResponderId,
    produced_at: ArbTime,
    responses: Vec<ArbSingle>,
    extensions: Vec<ArbExtension>,
    /// Write `version` v1 out (an accepted deviation).
    version_encoded: bool,
    /// Write an empty `extensions` as an empty SEQUENCE (an accepted deviation).
    empty_extensions_encoded: bool,
}

/// A certificate's outer shape: `SEQUENCE { tbs, algorithm, BIT STRING }`
/// with arbitrary contents, or just a SEQUENCE of bytes.
#[derive(Arbitrary, Debug)]
pub enum ArbCert {
    /// A SEQUENCE wrapping arbitrary bytes.
    Opaque(Vec<u8>),
    /// Three-part shape.
    Shaped(Vec<u8>, ArbAlgorithm, Vec<u8>),
}

impl ArbCert {
    fn build(&self) -> Vec<u8> {
        match self {
            ArbCert::Opaque(b) => tlv(0x30, b),
            ArbCert::Shaped(tbs, alg, sig) => {
                let a = alg.build();
                let mut alg_der = tlv(0x06, a.oid.as_bytes());
                if let Some(p) = &a.parameters {
                    alg_der.extend_from_slice(p);
                }
                let mut bits = vec![0u8];
                bits.extend_from_slice(sig);
                let mut content = tlv(0x30, tbs);
                content.extend(tlv(0x30, &alg_der));
                content.extend(tlv(0x03, &bits));
                tlv(0x30, &content)
            }
        }
    }
}

/// `BasicOCSPResponse`.
#[derive(Arbitrary, Debug)]
pub struct ArbBasic {
    tbs: ArbResponseData,
    signature_algorithm: ArbAlgorithm,
    signature: Vec<u8>,
    certs: Option<Vec<ArbCert>>,
}

/// `OCSPResponseStatus`.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ArbResponseStatus {
    /// 0
    Successful,
    /// 1
    MalformedRequest,
    /// 2
    InternalError,
    /// 3
    TryLater,
    /// 5
    SigRequired,
    /// 6
    Unauthorized,
}

/// `OCSPResponse`: the status, and the basic response (normally present
/// exactly when successful; `mismatch` breaks that rule on purpose).
#[derive(Arbitrary, Debug)]
pub struct ArbResponse {
    status: ArbResponseStatus,
    basic: ArbBasic,
    mismatch: bool,
}

impl ArbResponse {
    /// The owned response.
    pub fn build(&self) -> OcspResponse {
        let status = match self.status {
            ArbResponseStatus::Successful => ResponseStatus::Successful,
            ArbResponseStatus::MalformedRequest => ResponseStatus::MalformedRequest,
            ArbResponseStatus::InternalError => ResponseStatus::InternalError,
            ArbResponseStatus::TryLater => ResponseStatus::TryLater,
            ArbResponseStatus::SigRequired => ResponseStatus::SigRequired,
            ArbResponseStatus::Unauthorized => ResponseStatus::Unauthorized,
        };
        let b = &self.basic;
        let basic = BasicOcspResponse {
            tbs_response_data: ResponseData {
                version_encoded: b.tbs.version_encoded,
                empty_extensions_encoded: b.tbs.empty_extensions_encoded
                    && b.tbs.extensions.is_empty(),
                responder_id: match &b.tbs.responder_id {
                    ArbResponderId::ByName(n) => ResponderId::ByName(n.build()),
                    ArbResponderId::ByKey(k) => ResponderId::ByKey(k.clone()),
                },
                produced_at: b.tbs.produced_at.build(),
                responses: b
                    .tbs
                    .responses
                    .iter()
                    .take(16)
                    .map(ArbSingle::build)
                    .collect(),
                extensions: extensions(&b.tbs.extensions),
            },
            signature_algorithm: b.signature_algorithm.build(),
            signature: b.signature.clone(),
            certs: b
                .certs
                .as_ref()
                .map(|c| c.iter().take(4).map(ArbCert::build).collect()),
        };
        let successful = status == ResponseStatus::Successful;
        OcspResponse {
            status,
            basic: (successful != self.mismatch).then_some(basic),
        }
    }
}

/// Whether `OCSP_FUZZ_STATS` is set (read once).
fn stats() -> bool {
    static STATS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *STATS.get_or_init(|| std::env::var_os("OCSP_FUZZ_STATS").is_some())
}

/// Encode; when the encoder accepts, decode and compare, and re-encode.
pub fn check_roundtrip(input: ArbResponse) {
    let response = input.build();
    let der = match response.to_der() {
        Ok(der) => der,
        Err(e) => {
            // `OCSP_FUZZ_STATS=1 cargo fuzz run owned_roundtrip corpus/owned_roundtrip -- -runs=0`
            // shows how often, and why, the encoder refuses.
            if stats() {
                eprintln!("owned_roundtrip: refused: {}", e.kind());
            }
            return;
        }
    };
    if stats() {
        eprintln!("owned_roundtrip: encoded {} bytes", der.len());
    }
    let decoded = match OcspResponse::from_der(&der) {
        Ok(d) => d,
        Err(e) => panic!("to_der output does not decode: {e:?}\n{response:?}"),
    };
    assert_eq!(decoded, response, "decode(encode(x)) != x");
    assert_eq!(
        decoded.to_der().ok().as_deref(),
        Some(der.as_slice()),
        "encode(decode(encode(x))) != encode(x)"
    );
    // The borrowed view agrees, and the shared checks hold on the bytes.
    crate::check_response(&der);
}
