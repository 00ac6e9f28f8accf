//! `ocsp verify`, run as a real process: the seed response at its good,
//! expired and not-yet-valid times, nonces, OpenSSL's 59 cases through the
//! command line, revoked and unknown answers from the testkit, the JSON
//! contract, and the exit codes (0 good, 3 revoked, 4 unknown, 1 not
//! verified, 2 usage). This file holds the helpers; the tests are in one
//! module per topic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::process::{Command, Output, Stdio};

use base64ct::{Base64, Encoding};
use ocsp_testkit::support::{pem, TempDir};
use ocsp_testkit::{at, single, CertSpec, Flavor, HashAlg, Pki, DAY, HOUR, NOW};
use ocsp_types::{CertStatus, CrlReason, ResponderId, RevokedInfo};
use serde_json::{json, Value};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ocsp-types/tests/data/seed-wikipedia-2017.der"
);
const SEED_NAME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ocsp-verify/tests/data/seed-issuer-name.der"
);
const SEED_SPKI: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ocsp-verify/tests/data/seed-issuer-spki.der"
);
const SEED_SERIAL: &str = "10e6fc62b7418ad5005e45b6";
const SEED_NONCE: &str = "f8683d2c1fea62ffcca1889e51efc905";

// ---------------------------------------------------------------- helpers

/// Writes `bytes` to `name` in `dir`; returns the path as a string.
fn write_temp(dir: &TempDir, name: &str, bytes: &[u8]) -> String {
    dir.write(name, bytes).to_str().unwrap().to_owned()
}

/// Runs `ocsp ARGS` with an empty stdin; no run may panic.
fn ocsp(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!all.contains("panicked"), "panic for {args:?}: {all}");
    assert!(
        !all.contains("RUST_BACKTRACE"),
        "backtrace for {args:?}: {all}"
    );
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn parse_one_object(text: &str) -> Value {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let value = values.next().unwrap().unwrap();
    assert!(values.next().is_none(), "more than one JSON value: {text}");
    assert!(value.is_object());
    value
}

/// `ocsp verify ARGS --json`: the exit code and the JSON object.
fn verify_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["verify", "--json"];
    all.extend_from_slice(args);
    let out = ocsp(&all);
    let code = out.status.code().unwrap();
    (code, parse_one_object(&text(&out.stdout)))
}

/// The seed response about its serial, from its issuer's Name and key.
fn seed_args<'a>(time: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--response",
        SEED,
        "--serial",
        SEED_SERIAL,
        "--issuer-name",
        SEED_NAME,
        "--issuer-spki",
        SEED_SPKI,
        "--at",
        time,
    ];
    args.extend_from_slice(extra);
    args
}

/// Asserts a `{"verified":false,...}` object of this kind.
fn assert_failure(value: &Value, kind: &str) {
    assert_eq!(value["verified"], false, "{value}");
    assert_eq!(value["error"]["kind"], kind, "{value}");
    assert!(value["error"]["message"].is_string(), "{value}");
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["verified", "error"]);
}

/// Writes the testkit PKI's CA (PEM) and leaf (DER); returns their paths.
fn pki_files(pki: &Pki, tmp: &TempDir) -> (String, String) {
    let ca = write_temp(tmp, "ca.pem", pem("CERTIFICATE", &pki.ca.cert).as_bytes());
    let leaf = write_temp(tmp, "leaf.der", &pki.leaf);
    (ca, leaf)
}

/// The testkit's verification instant.
fn testkit_now() -> String {
    NOW.to_string()
}

/// `--response RESPONSE --cert CERT --issuer ISSUER --at AT`.
fn testkit_args<'a>(
    response: &'a str,
    cert: &'a str,
    issuer: &'a str,
    at: &'a str,
) -> [&'a str; 8] {
    [
        "--response",
        response,
        "--cert",
        cert,
        "--issuer",
        issuer,
        "--at",
        at,
    ]
}

mod accepted_deviations;
mod exit_codes;
mod openssl_suite;
mod seed;
mod testkit_answers;
