//! The `--json` form of `ocsp inspect`.
//!
//! `#[derive(Serialize)]` structs whose field order is the JSON contract;
//! hex is lowercase without separators; times are RFC 3339 UTC; OIDs dotted.

use ocsp_types::{
    oid, CertStatus, ExtensionsRef, OcspRequestRef, OcspResponseRef, ResponderIdRef,
    SingleResponseRef,
};
use serde::Serialize;

use super::notes::{self, Note};
use crate::cert_summary::CertSummary;
use crate::format::{general_name, hex, name_or_hex};
use crate::report::CertIdJson;

/// The JSON of a response: only `type`, `response_status` and `notes` for
/// a non-successful one.
#[derive(Serialize)]
#[serde(untagged)]
pub enum ResponseJson {
    /// A response without a basic response (not `successful`).
    StatusOnly {
        r#type: &'static str,
        response_status: &'static str,
        notes: Vec<NoteJson>,
    },
    /// A basic response.
    Basic(Box<BasicJson>),
}

/// The JSON of a basic response.
#[derive(Serialize)]
pub struct BasicJson {
    r#type: &'static str,
    response_status: &'static str,
    response_type: String,
    responder_id: ResponderIdJson,
    produced_at: String,
    signature_algorithm: String,
    certs: Vec<CertJson>,
    responses: Vec<SingleResponseJson>,
    extensions: Vec<ExtensionJson>,
    nonce: Option<String>,
    notes: Vec<NoteJson>,
}

/// `{"by_name": ...}` or `{"by_key": ...}`.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum ResponderIdJson {
    ByName(String),
    ByKey(String),
}

/// The JSON of a request.
#[derive(Serialize)]
pub struct RequestJson {
    r#type: &'static str,
    requests: Vec<RequestEntryJson>,
    requestor_name: Option<String>,
    signed: bool,
    extensions: Vec<ExtensionJson>,
    nonce: Option<String>,
    notes: Vec<NoteJson>,
}

#[derive(Serialize)]
struct RequestEntryJson {
    cert_id: CertIdJson,
}

/// One accepted deviation: `{"kind": ..., "at": ...}`.
#[derive(Serialize)]
pub struct NoteJson {
    kind: &'static str,
    at: String,
}

#[derive(Serialize)]
struct CertJson {
    subject: Option<String>,
    issuer: Option<String>,
    serial: Option<String>,
}

#[derive(Serialize)]
struct SingleResponseJson {
    cert_id: CertIdJson,
    status: &'static str,
    revocation_time: Option<String>,
    revocation_reason: Option<&'static str>,
    this_update: String,
    next_update: Option<String>,
    extensions: Vec<ExtensionJson>,
}

#[derive(Serialize)]
struct ExtensionJson {
    oid: String,
    critical: bool,
    value: String,
}

fn notes(list: &[Note]) -> Vec<NoteJson> {
    list.iter()
        .map(|n| NoteJson {
            kind: n.kind,
            at: n.at.clone(),
        })
        .collect()
}

/// The JSON of a response.
pub fn response(response: &OcspResponseRef<'_>) -> ResponseJson {
    let response_status = response.status().name();
    let notes = notes(&notes::response(response));
    let Some(basic) = response.basic() else {
        return ResponseJson::StatusOnly {
            r#type: "response",
            response_status,
            notes,
        };
    };
    let tbs = basic.tbs_response_data();
    let responder_id = match tbs.responder_id() {
        ResponderIdRef::ByName(name) => ResponderIdJson::ByName(name_or_hex(name.as_der())),
        ResponderIdRef::ByKey(key) => ResponderIdJson::ByKey(hex(key)),
    };
    ResponseJson::Basic(Box::new(BasicJson {
        r#type: "response",
        response_status,
        response_type: oid::OCSP_BASIC.to_string(),
        responder_id,
        produced_at: tbs.produced_at().to_string(),
        signature_algorithm: basic.signature_algorithm().oid().to_string(),
        certs: basic.certs().iter().map(cert).collect(),
        responses: tbs
            .responses()
            .iter()
            .map(|s| single_response(&s))
            .collect(),
        extensions: extensions(&tbs.extensions()),
        nonce: nonce(&tbs.extensions()),
        notes,
    }))
}

/// The JSON of a request.
pub fn request(request: &OcspRequestRef<'_>) -> RequestJson {
    let tbs = request.tbs_request();
    RequestJson {
        r#type: "request",
        requests: tbs
            .requests()
            .iter()
            .map(|r| RequestEntryJson {
                cert_id: CertIdJson::of_ref(&r.cert_id()),
            })
            .collect(),
        requestor_name: tbs.requestor_name().map(|n| general_name(&n)),
        signed: request.signature().is_some(),
        extensions: extensions(&tbs.extensions()),
        nonce: nonce(&tbs.extensions()),
        notes: notes(&notes::request(request)),
    }
}

fn cert(der: &[u8]) -> CertJson {
    let summary = CertSummary::of(der);
    CertJson {
        subject: summary.subject,
        issuer: summary.issuer,
        serial: summary.serial,
    }
}

fn single_response(single: &SingleResponseRef<'_>) -> SingleResponseJson {
    let status = single.cert_status();
    let (revocation_time, revocation_reason) = match status {
        CertStatus::Revoked(info) => (
            Some(info.revocation_time.to_string()),
            info.revocation_reason.map(|r| r.name()),
        ),
        CertStatus::Good | CertStatus::Unknown => (None, None),
    };
    SingleResponseJson {
        cert_id: CertIdJson::of_ref(&single.cert_id()),
        status: status.name(),
        revocation_time,
        revocation_reason,
        this_update: single.this_update().to_string(),
        next_update: single.next_update().map(|t| t.to_string()),
        extensions: extensions(&single.extensions()),
    }
}

fn extensions(list: &ExtensionsRef<'_>) -> Vec<ExtensionJson> {
    list.iter()
        .map(|ext| ExtensionJson {
            oid: ext.oid().to_string(),
            critical: ext.is_critical(),
            value: hex(ext.value()),
        })
        .collect()
}

fn nonce(list: &ExtensionsRef<'_>) -> Option<String> {
    list.nonce().map(hex)
}
