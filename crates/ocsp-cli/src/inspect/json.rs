//! The `--json` form of `ocsp inspect`.
//!
//! Keys come in a fixed order (serde_json's `preserve_order`); hex is
//! lowercase without separators; times are RFC 3339 UTC; OIDs dotted.

use ocsp_types::{
    oid, CertIdRef, CertStatus, ExtensionsRef, OcspRequestRef, OcspResponseRef, ResponderIdRef,
    SingleResponseRef,
};
use serde_json::{Map, Value};

use super::notes::{self, Note};
use crate::cert_summary::CertSummary;
use crate::format::{general_name, hex, name_or_hex, serial_hex};

/// An object with these keys, in this order.
pub(crate) fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<Map<String, Value>>(),
    )
}

fn string(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn optional(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::String)
}

/// The `"notes"` array: `{"kind": ..., "at": ...}` per accepted deviation.
fn notes(list: &[Note]) -> Value {
    Value::Array(
        list.iter()
            .map(|n| object([("kind", string(n.kind)), ("at", string(n.at.clone()))]))
            .collect(),
    )
}

/// The JSON of a response; a non-successful one has only `type`,
/// `response_status` and `notes`.
pub fn response(response: &OcspResponseRef<'_>) -> Value {
    let status = string(response.status().name());
    let notes = notes(&notes::response(response));
    let Some(basic) = response.basic() else {
        return object([
            ("type", string("response")),
            ("response_status", status),
            ("notes", notes),
        ]);
    };
    let tbs = basic.tbs_response_data();
    let responder_id = match tbs.responder_id() {
        ResponderIdRef::ByName(name) => object([("by_name", string(name_or_hex(name.as_der())))]),
        ResponderIdRef::ByKey(key) => object([("by_key", string(hex(key)))]),
    };
    let certs = basic.certs().iter().map(cert).collect();
    let responses = tbs
        .responses()
        .iter()
        .map(|s| single_response(&s))
        .collect();
    object([
        ("type", string("response")),
        ("response_status", status),
        ("response_type", string(oid::OCSP_BASIC.to_string())),
        ("responder_id", responder_id),
        ("produced_at", string(tbs.produced_at().to_string())),
        (
            "signature_algorithm",
            string(basic.signature_algorithm().oid().to_string()),
        ),
        ("certs", Value::Array(certs)),
        ("responses", Value::Array(responses)),
        ("extensions", extensions(&tbs.extensions())),
        ("nonce", nonce(&tbs.extensions())),
        ("notes", notes),
    ])
}

/// The JSON of a request.
pub fn request(request: &OcspRequestRef<'_>) -> Value {
    let tbs = request.tbs_request();
    let requests = tbs
        .requests()
        .iter()
        .map(|r| object([("cert_id", cert_id(&r.cert_id()))]))
        .collect();
    object([
        ("type", string("request")),
        ("requests", Value::Array(requests)),
        (
            "requestor_name",
            optional(tbs.requestor_name().map(|n| general_name(&n))),
        ),
        ("signed", Value::Bool(request.signature().is_some())),
        ("extensions", extensions(&tbs.extensions())),
        ("nonce", nonce(&tbs.extensions())),
        ("notes", notes(&notes::request(request))),
    ])
}

fn cert(der: &[u8]) -> Value {
    let summary = CertSummary::of(der);
    object([
        ("subject", optional(summary.subject)),
        ("issuer", optional(summary.issuer)),
        ("serial", optional(summary.serial)),
    ])
}

/// The JSON of a CertID: the hash algorithm OID, both hashes in hex and
/// the serial as [`serial_hex`] shows it.
pub(crate) fn cert_id(id: &CertIdRef<'_>) -> Value {
    object([
        (
            "hash_algorithm",
            string(id.hash_algorithm().oid().to_string()),
        ),
        ("issuer_name_hash", string(hex(id.issuer_name_hash()))),
        ("issuer_key_hash", string(hex(id.issuer_key_hash()))),
        ("serial", string(serial_hex(id.serial_number()))),
    ])
}

fn single_response(single: &SingleResponseRef<'_>) -> Value {
    let status = single.cert_status();
    let (revocation_time, revocation_reason) = match status {
        CertStatus::Revoked(info) => (
            string(info.revocation_time.to_string()),
            info.revocation_reason
                .map_or(Value::Null, |r| string(r.name())),
        ),
        CertStatus::Good | CertStatus::Unknown => (Value::Null, Value::Null),
    };
    object([
        ("cert_id", cert_id(&single.cert_id())),
        ("status", string(status.name())),
        ("revocation_time", revocation_time),
        ("revocation_reason", revocation_reason),
        ("this_update", string(single.this_update().to_string())),
        (
            "next_update",
            optional(single.next_update().map(|t| t.to_string())),
        ),
        ("extensions", extensions(&single.extensions())),
    ])
}

fn extensions(list: &ExtensionsRef<'_>) -> Value {
    Value::Array(
        list.iter()
            .map(|ext| {
                object([
                    ("oid", string(ext.oid().to_string())),
                    ("critical", Value::Bool(ext.is_critical())),
                    ("value", string(hex(ext.value()))),
                ])
            })
            .collect(),
    )
}

fn nonce(list: &ExtensionsRef<'_>) -> Value {
    optional(list.nonce().map(hex))
}
