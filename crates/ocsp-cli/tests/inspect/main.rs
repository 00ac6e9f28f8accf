//! `ocsp inspect`, run as a real process: every input format, responses and
//! requests, the JSON contract, and the exit codes on bad input. This file
//! holds the helpers; the tests are in one module per topic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use base64ct::{Base64, Encoding};
use common::{
    assert_contains_all, assert_input_error, keys, ocsp, ocsp_with_stdin, parse_one_object, text,
    write_temp,
};
use ocsp_testkit::support::{pem, unhex, TempDir};
use ocsp_types::{
    oid, AlgorithmIdentifier, BasicOcspResponse, CertId, CertStatus, CrlReason, Extension,
    GeneralName, OcspRequest, OcspResponse, Request, ResponderId, ResponseData, ResponseStatus,
    RevokedInfo, SingleResponse, TbsRequest, Time,
};
use serde_json::{json, Value};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ocsp-types/tests/data/seed-wikipedia-2017.der"
);

// ---------------------------------------------------------------- helpers

/// `ocsp inspect --json PATH`, which must succeed with one JSON object.
fn inspect_json(path: &str) -> Value {
    let out = ocsp(&["inspect", "--json", path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", text(&out.stderr));
    parse_one_object(&text(&out.stdout))
}

/// `ocsp inspect ARGS` fed `stdin`, in text, which must succeed; its
/// stdout.
fn inspect_text(args: &[&str], stdin: &[u8]) -> String {
    let out = ocsp_with_stdin(&[&["inspect"], args].concat(), stdin);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Inspecting `bytes` fails with exit 1, one stderr line naming `kind`, and
/// with `--json` the error object.
fn assert_fails(what: &str, bytes: &[u8], kind: &str) {
    let tmp = TempDir::new("ocsp-cli-inspect");
    assert_fails_on(what, &write_temp(&tmp, "bad.bin", bytes), kind);
}

/// `ocsp inspect PATH` fails with exit 1 and one stderr line naming `kind`;
/// with `--json`, the same line and the error object on stdout. Returns the
/// stderr line.
fn assert_fails_on(what: &str, path: &str, kind: &str) -> String {
    let err = assert_input_error(&ocsp(&["inspect", path]), kind);
    let out = ocsp(&["inspect", "--json", path]);
    assert_eq!(out.status.code(), Some(1), "{what}");
    assert_eq!(text(&out.stderr), err, "{what}");
    let value = parse_one_object(&text(&out.stdout));
    assert_eq!(value["error"]["kind"], kind, "{what}: {value}");
    let message = value["error"]["message"].as_str().unwrap();
    assert_eq!(
        err.trim_end(),
        format!("error: {kind}: {message}"),
        "{what}"
    );
    assert_eq!(value.as_object().unwrap().len(), 1, "{what}: {value}");
    err
}

fn seed_der() -> Vec<u8> {
    std::fs::read(SEED).unwrap()
}

fn seed_expected() -> Value {
    json!({
        "type": "response",
        "response_status": "successful",
        "response_type": "1.3.6.1.5.5.7.48.1.1",
        "responder_id": {"by_key": "9c4d0099000e8bb0018175a1baf0d025d7a01c47"},
        "produced_at": "2017-08-14T13:41:02Z",
        "signature_algorithm": "1.2.840.113549.1.1.11",
        "certs": [{
            "subject": "CN=GlobalSign Organization Validation CA - SHA256 - G2 - OCSP Responder,SERIALNUMBER=201707170018,O=GlobalSign nv-sa,C=BE",
            "issuer": "CN=GlobalSign Organization Validation CA - SHA256 - G2,O=GlobalSign nv-sa,C=BE",
            "serial": "7a915e55dd3d5b2719d6eb27"
        }],
        "responses": [{
            "cert_id": {
                "hash_algorithm": "1.3.14.3.2.26",
                "issuer_name_hash": "0c9e4d9c3dedef84d891e972c7cf8406bc197b07",
                "issuer_key_hash": "96de61f1bd1c1629531cc0cc7d3b830040e61a7c",
                "serial": "10e6fc62b7418ad5005e45b6"
            },
            "status": "good",
            "revocation_time": null,
            "revocation_reason": null,
            "this_update": "2017-08-14T13:41:02Z",
            "next_update": "2017-08-18T13:41:02Z",
            "extensions": []
        }],
        "extensions": [{
            "oid": "1.3.6.1.5.5.7.48.1.2",
            "critical": false,
            "value": "0410f8683d2c1fea62ffcca1889e51efc905"
        }],
        "nonce": "f8683d2c1fea62ffcca1889e51efc905",
        "notes": []
    })
}

fn sample_cert_id(serial: &[u8]) -> CertId {
    CertId {
        hash_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
        issuer_name_hash: unhex("a0720ea06a7c620254f2a8f59dd27ba4f3b72fa4"),
        issuer_key_hash: unhex("b0b04afd1c7528f81c61aa13f6fac1903d6b16a3"),
        serial_number: serial.to_vec(),
    }
}

/// An unsigned request for `serials` of the sample issuer, without
/// extensions or accepted deviations.
fn sample_request(serials: &[&[u8]]) -> OcspRequest {
    OcspRequest {
        tbs_request: TbsRequest {
            version_encoded: false,
            empty_extensions_encoded: false,
            requestor_name: None,
            requests: serials
                .iter()
                .map(|serial| Request {
                    empty_extensions_encoded: false,
                    cert_id: sample_cert_id(serial),
                    extensions: vec![],
                })
                .collect(),
            extensions: vec![],
        },
        signature: None,
    }
}

fn cert_id_json(serial: &str) -> Value {
    json!({
        "hash_algorithm": "1.3.14.3.2.26",
        "issuer_name_hash": "a0720ea06a7c620254f2a8f59dd27ba4f3b72fa4",
        "issuer_key_hash": "b0b04afd1c7528f81c61aa13f6fac1903d6b16a3",
        "serial": serial
    })
}

/// `SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, UTF8String "Alice" } } }`.
fn cn_alice() -> Vec<u8> {
    let mut name = vec![
        0x30, 0x10, 0x31, 0x0e, 0x30, 0x0c, 0x06, 0x03, 0x55, 0x04, 0x03,
    ];
    name.extend([0x0c, 0x05]);
    name.extend(b"Alice");
    name
}

#[path = "../common/mod.rs"]
mod common;
mod exit_codes;
mod notes;
mod openssl_suite;
mod other_responses;
mod requests;
mod seed;
