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
use std::process::Output;

use base64ct::{Base64, Encoding};
use common::{
    assert_contains_all, assert_input_error, keys, ocsp, parse_one_object, testkit_args, text,
    verify_json, write_temp,
};
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

/// `ocsp verify ARGS`, in text.
fn verify_text(args: &[&str]) -> Output {
    ocsp(&[&["verify"], args].concat())
}

/// `ocsp verify --json ARGS` exits `code` (0 good, 3 revoked, 4 unknown)
/// with a verified answer; returns the JSON object.
fn assert_verified(args: &[&str], code: i32) -> Value {
    let (got, value) = verify_json(args);
    assert_eq!(got, code, "{args:?}: {value}");
    assert_eq!(value["verified"], true, "{args:?}: {value}");
    value
}

/// `ocsp verify --json ARGS` exits 1 with a `{"verified":false,...}`
/// object of this kind; returns the object.
fn assert_not_verified(args: &[&str], kind: &str) -> Value {
    let (code, value) = verify_json(args);
    assert_eq!(code, 1, "{args:?}: {value}");
    assert_failure(&value, kind);
    value
}

/// Asserts a `{"verified":false,...}` object of this kind.
fn assert_failure(value: &Value, kind: &str) {
    assert_eq!(value["verified"], false, "{value}");
    assert_eq!(value["error"]["kind"], kind, "{value}");
    assert!(value["error"]["message"].is_string(), "{value}");
    assert_eq!(keys(value), ["verified", "error"]);
}

/// The seed response about its serial, from its issuer's Name and key.
fn seed_args<'a>(time: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    seed_args_for(SEED_SERIAL, time, extra)
}

/// The seed response about `serial`, from its issuer's Name and key.
fn seed_args_for<'a>(serial: &'a str, time: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--response",
        SEED,
        "--serial",
        serial,
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

/// `args` with `to` wherever `from` stands.
fn replaced<'a>(args: Vec<&'a str>, from: &str, to: &'a str) -> Vec<&'a str> {
    args.into_iter()
        .map(|a| if a == from { to } else { a })
        .collect()
}

/// A testkit PKI, its CA (PEM) and leaf (DER) written to a scratch
/// directory, and the testkit's verification instant.
struct Testkit {
    tmp: TempDir,
    pki: Pki,
    ca: String,
    leaf: String,
    now: String,
}

impl Testkit {
    fn new(flavor: Flavor) -> Testkit {
        let tmp = TempDir::new("ocsp-cli-verify");
        let pki = Pki::new(flavor);
        let ca = write_temp(&tmp, "ca.pem", pem("CERTIFICATE", &pki.ca.cert).as_bytes());
        let leaf = write_temp(&tmp, "leaf.der", &pki.leaf);
        Testkit {
            tmp,
            pki,
            ca,
            leaf,
            now: NOW.to_string(),
        }
    }

    /// Writes `bytes` to `name` in the scratch directory; returns the path.
    fn write(&self, name: &str, bytes: &[u8]) -> String {
        write_temp(&self.tmp, name, bytes)
    }

    /// Writes `certificates` as PEM to `name` in the scratch directory;
    /// returns the path.
    fn write_pem_certificates(&self, name: &str, certificates: &[&[u8]]) -> String {
        let text: String = certificates
            .iter()
            .map(|der| pem("CERTIFICATE", der))
            .collect();
        self.write(name, text.as_bytes())
    }

    /// `--response RESPONSE --cert LEAF --issuer CA --at NOW`.
    fn args<'a>(&'a self, response: &'a str) -> [&'a str; 8] {
        testkit_args(response, &self.leaf, &self.ca, &self.now)
    }
}

mod accepted_deviations;
#[path = "../common/mod.rs"]
mod common;
mod exit_codes;
mod openssl_suite;
mod seed;
mod testkit_answers;
