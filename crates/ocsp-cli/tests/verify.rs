//! `ocsp verify`, run as a real process: the seed response at its good,
//! expired and not-yet-valid times, nonces, OpenSSL's 59 cases through the
//! command line, revoked and unknown answers from the testkit, the JSON
//! contract, and the exit codes (0 good, 3 revoked, 4 unknown, 1 not
//! verified, 2 usage).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::path::Path;
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
const OPENSSL_VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/vectors/openssl-ocsp"
);

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

// ---------------------------------------------------------------- the seed response

#[test]
fn seed_good_on_2017_08_15() {
    let (code, value) = verify_json(&seed_args("2017-08-15T00:00:00Z", &[]));
    assert_eq!(code, 0, "{value}");
    assert_eq!(
        value,
        json!({
            "verified": true,
            "status": "good",
            "revocation_time": null,
            "revocation_reason": null,
            "this_update": "2017-08-14T13:41:02Z",
            "next_update": "2017-08-18T13:41:02Z",
            "produced_at": "2017-08-14T13:41:02Z",
            "valid_until": "2017-08-18T13:41:02Z",
            "responder": "delegated",
            "cert_id": {
                "hash_algorithm": "1.3.14.3.2.26",
                "issuer_name_hash": "0c9e4d9c3dedef84d891e972c7cf8406bc197b07",
                "issuer_key_hash": "96de61f1bd1c1629531cc0cc7d3b830040e61a7c",
                "serial": "10e6fc62b7418ad5005e45b6"
            }
        })
    );
    // Keys in a fixed order.
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "verified",
            "status",
            "revocation_time",
            "revocation_reason",
            "this_update",
            "next_update",
            "produced_at",
            "valid_until",
            "responder",
            "cert_id"
        ]
    );
    // The CertID object is exactly the one `ocsp inspect` prints.
    let inspected = ocsp(&["inspect", "--json", SEED]);
    let inspected = parse_one_object(&text(&inspected.stdout));
    assert_eq!(value["cert_id"], inspected["responses"][0]["cert_id"]);
}

#[test]
fn seed_text_output() {
    let out = ocsp(&[&["verify"], &seed_args("2017-08-15T00:00:00Z", &[])[..]].concat());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.starts_with("OK: good\n"), "{shown}");
    for line in [
        "signed by:    delegated responder CN=GlobalSign Organization Validation CA - SHA256 - G2 - OCSP Responder,",
        "cert id:      sha1 (1.3.14.3.2.26), serial 10e6fc62b7418ad5005e45b6",
        "this update:  2017-08-14T13:41:02Z",
        "next update:  2017-08-18T13:41:02Z",
        "produced at:  2017-08-14T13:41:02Z",
        "valid until:  2017-08-18T13:41:02Z",
        "verified at:  2017-08-15T00:00:00Z",
        "nonce:        f8683d2c1fea62ffcca1889e51efc905 (none sent, not checked)",
    ] {
        assert!(shown.contains(line), "missing {line:?} in\n{shown}");
    }
    let out = ocsp(
        &[
            &["verify"],
            &seed_args("2017-08-15T00:00:00Z", &["--nonce", SEED_NONCE])[..],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("nonce:        f8683d2c1fea62ffcca1889e51efc905 (echoed)"));

    let out = ocsp(&[&["verify"], &seed_args("2017-08-19T00:00:00Z", &[])[..]].concat());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(
        shown.starts_with("FAILED: the response expired at 2017-08-18T13:41:02Z\n"),
        "{shown}"
    );
    assert!(shown.contains("error kind:   Expired"), "{shown}");
}

#[test]
fn seed_expired_on_2017_08_19() {
    let (code, value) = verify_json(&seed_args("2017-08-19T00:00:00Z", &[]));
    assert_eq!(code, 1);
    assert_failure(&value, "Expired");
    assert_eq!(
        value["error"]["message"],
        "the response expired at 2017-08-18T13:41:02Z"
    );
}

#[test]
fn seed_not_yet_valid_on_2017_08_13() {
    let (code, value) = verify_json(&seed_args("2017-08-13T00:00:00Z", &[]));
    assert_eq!(code, 1);
    assert_failure(&value, "NotYetValid");
}

#[test]
fn seed_nonce() {
    let (code, value) = verify_json(&seed_args(
        "2017-08-15T00:00:00Z",
        &["--nonce", SEED_NONCE, "--require-nonce"],
    ));
    assert_eq!((code, &value["status"]), (0, &json!("good")), "{value}");
    let (code, value) = verify_json(&seed_args(
        "2017-08-15T00:00:00Z",
        &["--nonce", "F8683D2C1FEA62FFCCA1889E51EFC905"],
    ));
    assert_eq!(code, 0, "{value}");
    for other in [
        "f8683d2c1fea62ffcca1889e51efc904",
        "f8683d2c1fea62ffcca1889e51efc9",
        "00",
    ] {
        let (code, value) = verify_json(&seed_args("2017-08-15T00:00:00Z", &["--nonce", other]));
        assert_eq!(code, 1);
        assert_failure(&value, "NonceMismatch");
    }
}

#[test]
fn time_forms_serial_forms_and_policy_flags() {
    // The same instant, written four ways; and the serial with a sign octet.
    for time in [
        "2017-08-15T00:00:00Z",
        "1502755200",
        "2017-08-15T02:00:00.75+02:00",
        "2017-08-14t19:00:00-05:00",
    ] {
        let (code, value) = verify_json(&seed_args(time, &[]));
        assert_eq!(code, 0, "{time}: {value}");
    }
    let (code, _) = verify_json(&[
        "--response",
        SEED,
        "--serial",
        "0x00:10:E6:FC:62:B7:41:8A:D5:00:5E:45:B6",
        "--issuer-name",
        SEED_NAME,
        "--issuer-spki",
        SEED_SPKI,
        "--at",
        "1502755200",
    ]);
    assert_eq!(code, 0);
    let (code, value) = verify_json(&[
        "--response",
        SEED,
        "--serial",
        "10e6",
        "--issuer-name",
        SEED_NAME,
        "--issuer-spki",
        SEED_SPKI,
        "--at",
        "1502755200",
    ]);
    assert_eq!(code, 1);
    assert_failure(&value, "NoMatchingResponse");

    // Four minutes after nextUpdate: inside the default 300 s skew, not with 0.
    let late = "2017-08-18T13:45:02Z";
    assert_eq!(verify_json(&seed_args(late, &[])).0, 0);
    let (code, value) = verify_json(&seed_args(late, &["--skew", "0"]));
    assert_eq!(code, 1);
    assert_failure(&value, "Expired");
    assert_eq!(verify_json(&seed_args(late, &["--skew", "240"])).0, 0);
    // thisUpdate is 10h19m old on 2017-08-15.
    let (code, value) = verify_json(&seed_args("2017-08-15T00:00:00Z", &["--max-age", "3600"]));
    assert_eq!(code, 1);
    assert_failure(&value, "TooOld");
    assert_eq!(
        verify_json(&seed_args("2017-08-15T00:00:00Z", &["--max-age", "86400"])).0,
        0
    );
    // The seed has nextUpdate.
    assert_eq!(
        verify_json(&seed_args(
            "2017-08-15T00:00:00Z",
            &["--require-next-update"]
        ))
        .0,
        0
    );
}

#[test]
fn response_as_pem_and_base64_issuer_spki_as_pem() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let der = std::fs::read(SEED).unwrap();
    let as_pem = write_temp(&tmp, "seed.pem", pem("OCSP RESPONSE", &der).as_bytes());
    let as_b64 = write_temp(&tmp, "seed.ors", Base64::encode_string(&der).as_bytes());
    let spki = std::fs::read(SEED_SPKI).unwrap();
    let spki_pem = write_temp(&tmp, "spki.pem", pem("PUBLIC KEY", &spki).as_bytes());
    for response in [&as_pem, &as_b64] {
        let (code, value) = verify_json(&[
            "--response",
            response,
            "--serial",
            SEED_SERIAL,
            "--issuer-name",
            SEED_NAME,
            "--issuer-spki",
            &spki_pem,
            "--at",
            "2017-08-15T00:00:00Z",
        ]);
        assert_eq!(code, 0, "{value}");
    }
}

// ---------------------------------------------------------------- testkit answers

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

#[test]
fn revoked_exits_3() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let mut spec = pki.issuer_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    }))];
    let response = write_temp(&tmp, "revoked.der", &spec.sign(&pki.ca.key));
    let now = testkit_now();
    let args = [
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ];
    let (code, value) = verify_json(&args);
    assert_eq!(code, 3, "{value}");
    assert_eq!(value["verified"], true);
    assert_eq!(value["status"], "revoked");
    assert_eq!(value["revocation_time"], at(-10 * DAY).to_string());
    assert_eq!(value["revocation_reason"], "keyCompromise");
    assert_eq!(value["responder"], "issuer");
    assert_eq!(value["cert_id"]["serial"], "0a1b2c3d4e5f");

    let out = ocsp(&[&["verify"], &args[..]].concat());
    assert_eq!(out.status.code(), Some(3));
    let shown = text(&out.stdout);
    assert!(shown.starts_with("OK: revoked\n"), "{shown}");
    assert!(shown.contains("reason:       keyCompromise"), "{shown}");
    assert!(shown.contains("signed by:    the issuer"), "{shown}");
    assert!(shown.contains("nonce:        (none)"), "{shown}");
    // A nonce sent but not echoed passes unless required.
    let with_nonce = [&args[..], &["--nonce", "0102"]].concat();
    let out = ocsp(&[&["verify"], &with_nonce[..]].concat());
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stdout).contains("nonce:        0102 sent, none in the response (not required)"),
        "{}",
        text(&out.stdout)
    );
    let (code, value) = verify_json(&[&with_nonce[..], &["--require-nonce"]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "NonceMissing");

    // Without a reason.
    spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-10 * DAY),
        revocation_reason: None,
    }))];
    let response = write_temp(&tmp, "revoked.der", &spec.sign(&pki.ca.key));
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ]);
    assert_eq!(code, 3);
    assert_eq!(value["revocation_reason"], Value::Null);
}

#[test]
fn unknown_exits_4_and_delegated_and_trusted_responders() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::P256);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let mut spec = pki.delegated_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Unknown)];
    let response = write_temp(&tmp, "unknown.der", &spec.sign(&pki.delegate.key));
    let args = [
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ];
    let (code, value) = verify_json(&args);
    assert_eq!(code, 4, "{value}");
    assert_eq!(value["status"], "unknown");
    assert_eq!(value["responder"], "delegated");
    assert_eq!(value["revocation_time"], Value::Null);
    let out = ocsp(&[&["verify"], &args[..]].concat());
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stdout).starts_with("OK: unknown\n"));

    // A responder the CA never certified: refused, unless trusted locally.
    let rogue = ocsp_testkit::Key::load(ocsp_testkit::KeyName::OtherRsa);
    let rogue_name = ocsp_testkit::der::name("Local responder");
    let rogue_cert = CertSpec::new(&[9], rogue_name.clone(), at(-DAY), at(DAY)).issue(
        &rogue,
        &rogue_name,
        &rogue,
    );
    let mut spec = pki.issuer_response();
    spec.responder_id = ResponderId::ByName(rogue_name);
    spec.sig_alg = rogue.default_alg();
    let response = write_temp(&tmp, "rogue.der", &spec.sign(&rogue));
    let base = [
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ];
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    let trusted = write_temp(
        &tmp,
        "trusted.pem",
        format!(
            "{}{}",
            pem("CERTIFICATE", &pki.delegate.cert),
            pem("CERTIFICATE", &rogue_cert)
        )
        .as_bytes(),
    );
    let with_trusted = [&base[..], &["--trusted-responder", &trusted]].concat();
    let (code, value) = verify_json(&with_trusted);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["responder"], "trusted");
    let out = ocsp(&[&["verify"], &with_trusted[..]].concat());
    let shown = text(&out.stdout);
    assert!(
        shown.contains(
            "signed by:    locally trusted responder CN=Local responder,O=ocsp-rs testkit ("
        ) && shown.contains("trusted.pem #2)"),
        "{shown}"
    );
}

#[test]
fn missing_next_update_and_certificate_checks() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let mut spec = pki.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha256),
        CertStatus::Good,
        at(-HOUR),
        None,
    )];
    let response = write_temp(&tmp, "no-next.der", &spec.sign(&pki.ca.key));
    let args = [
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ];
    let (code, value) = verify_json(&args);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["next_update"], Value::Null);
    assert_eq!(value["cert_id"]["hash_algorithm"], "2.16.840.1.101.3.4.2.1");
    let (code, value) = verify_json(&[&args[..], &["--require-next-update"]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "MissingNextUpdate");
    // The issuer given is not the certificate's: the other CA has the same
    // Name but another key, which the byKey ResponderID does not name.
    let other = write_temp(&tmp, "other.der", &pki.other_ca.cert);
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &other,
        "--at",
        &now,
    ]);
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    // The CA given as the certificate in question: its issuer Name is the
    // CA's subject (self-signed), but the serial differs.
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &ca,
        "--issuer",
        &ca,
        "--at",
        &now,
    ]);
    assert_eq!(code, 1);
    assert_failure(&value, "NoMatchingResponse");
    // Before the response.
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &(NOW - 2 * HOUR).to_string(),
    ]);
    assert_eq!(code, 1);
    assert_failure(&value, "NotYetValid");
}

#[test]
fn extra_certs_authorize_a_response_without_embedded_certs() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    // The testkit's knob for `openssl ocsp -resp_no_certs`: no certs field.
    let mut spec = pki.delegated_response();
    spec.certs = None;
    let response = write_temp(&tmp, "bare.der", &spec.sign(&pki.delegate.key));
    let base = [
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ];
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1);
    assert_failure(&value, "NoAuthorizedResponder");
    // Every certificate of a PEM file is a candidate; a DER file holds one.
    let pem_file = write_temp(
        &tmp,
        "extra.pem",
        format!(
            "{}{}",
            pem("CERTIFICATE", &pki.ca.cert),
            pem("CERTIFICATE", &pki.delegate.cert)
        )
        .as_bytes(),
    );
    let der_file = write_temp(&tmp, "extra.der", &pki.delegate.cert);
    for file in [&pem_file, &der_file] {
        let args = [&base[..], &["--extra-certs", file]].concat();
        let (code, value) = verify_json(&args);
        assert_eq!(code, 0, "{value}");
        assert_eq!(value["responder"], "delegated");
        let shown = text(&ocsp(&[&["verify"], &args[..]].concat()).stdout);
        assert!(
            shown.contains("signed by:    delegated responder CN=Testkit OCSP Responder")
                && shown.contains("(an extra certificate, not embedded)"),
            "{shown}"
        );
    }
    // Repeatable; an extra certificate is authorized like an embedded one.
    let mut no_eku = pki.delegate_spec();
    no_eku.eku = None;
    let no_eku = write_temp(&tmp, "no-eku.der", &pki.issue_delegate(&no_eku));
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &no_eku]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "DelegatedResponderNotOcspSigning");
    let (code, value) = verify_json(
        &[
            &base[..],
            &["--extra-certs", &no_eku, "--extra-certs", &der_file],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{value}");
    // A CA certificate as delegated responder is refused.
    let mut ca_spec = pki.delegate_spec();
    ca_spec.ca = true;
    let ca_delegate = write_temp(&tmp, "ca-delegate.der", &pki.issue_delegate(&ca_spec));
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &ca_delegate]].concat());
    assert_eq!(code, 1);
    assert_failure(&value, "DelegatedResponderIsCa");
    // A missing file is an input error.
    let missing = tmp.join("missing.pem").to_str().unwrap().to_owned();
    let (code, _) = verify_json(&[&base[..], &["--extra-certs", &missing]].concat());
    assert_eq!(code, 1);
}

#[test]
fn extra_certs_with_an_openssl_response_without_certs() {
    let openssl_works = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !openssl_works {
        eprintln!("SKIPPED: the openssl CLI is not available");
        return;
    }
    // OpenSSL stamps the wall clock: build the PKI around it, verify now.
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let pki = Pki::new_at(Flavor::Rsa, wall);
    let dir = TempDir::new("ocsp-cli-verify");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    std::fs::write(path("ca.pem"), pem("CERTIFICATE", &pki.ca.cert)).unwrap();
    std::fs::write(path("leaf.pem"), pem("CERTIFICATE", &pki.leaf)).unwrap();
    std::fs::write(path("rsigner.pem"), pem("CERTIFICATE", &pki.delegate.cert)).unwrap();
    let rkey = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ocsp-testkit/keys/responder-rsa.pk8"
    );
    // The leaf, valid (status V), in OpenSSL's index format.
    std::fs::write(
        path("index.txt"),
        "V\t491231235959Z\t\t0A1B2C3D4E5F\tunknown\t/CN=leaf.example\n",
    )
    .unwrap();
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    };
    openssl(&[
        "ocsp",
        "-issuer",
        &path("ca.pem"),
        "-cert",
        &path("leaf.pem"),
        "-no_nonce",
        "-reqout",
        &path("req.der"),
    ]);
    openssl(&[
        "ocsp",
        "-index",
        &path("index.txt"),
        "-CA",
        &path("ca.pem"),
        "-rsigner",
        &path("rsigner.pem"),
        "-rkey",
        rkey,
        "-reqin",
        &path("req.der"),
        "-respout",
        &path("resp.der"),
        "-resp_no_certs",
        "-ndays",
        "1",
    ]);
    let (response, leaf, ca) = (path("resp.der"), path("leaf.pem"), path("ca.pem"));
    let base = ["--response", &response, "--cert", &leaf, "--issuer", &ca];
    let (code, value) = verify_json(&base);
    assert_eq!(code, 1, "{value}");
    assert_failure(&value, "NoAuthorizedResponder");
    let rsigner = path("rsigner.pem");
    let (code, value) = verify_json(&[&base[..], &["--extra-certs", &rsigner]].concat());
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}

#[test]
fn max_age_replaces_both_age_limits() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::Rsa);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let now = testkit_now();
    let response = |this: i64, next: Option<i64>| {
        let mut spec = pki.issuer_response();
        spec.singles = vec![single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            at(this),
            next.map(at),
        )];
        spec.produced_at = at(this);
        write_temp(&tmp, "aged.der", &spec.sign(&pki.ca.key))
    };
    for next in [None, Some(DAY)] {
        // 14 days old: refused by the 10-day defaults, with or without
        // nextUpdate.
        let file = response(-14 * DAY, next);
        let base = [
            "--response",
            &file,
            "--cert",
            &leaf,
            "--issuer",
            &ca,
            "--at",
            &now,
        ];
        let (code, value) = verify_json(&base);
        assert_eq!(code, 1, "{next:?}");
        assert_failure(&value, "TooOld");
        // 30 days allowed (openssl ocsp -status_age 2592000).
        let (code, value) = verify_json(&[&base[..], &["--max-age", "2592000"]].concat());
        assert_eq!(code, 0, "{next:?} {value}");
        // One day allowed: refused again.
        let (code, value) = verify_json(&[&base[..], &["--max-age", "86400"]].concat());
        assert_eq!(code, 1, "{next:?}");
        assert_failure(&value, "TooOld");
    }
}

// ---------------------------------------------------------------- bad inputs

#[test]
fn bad_inputs_exit_1_with_their_kind() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let garbage = write_temp(&tmp, "garbage.bin", &[0x30, 0x03, 0x02, 0x01]);
    let binary_junk = write_temp(&tmp, "junk.bin", &[0xff, 0x00, 0x13, 0x37]);
    let empty = write_temp(&tmp, "empty.der", b"");
    let not_pem = write_temp(&tmp, "cert.txt", b"hello");
    let bad_cert = write_temp(&tmp, "bad-cert.der", &[0x30, 0x00]);
    let missing = tmp.join("missing.der").to_str().unwrap().to_owned();
    let unsuccessful = write_temp(&tmp, "try-later.der", &[0x30, 0x03, 0x0a, 0x01, 0x03]);
    let with = |response: &str, issuer_name: &str, issuer_spki: &str| {
        vec![
            "--response".to_owned(),
            response.to_owned(),
            "--serial".to_owned(),
            SEED_SERIAL.to_owned(),
            "--issuer-name".to_owned(),
            issuer_name.to_owned(),
            "--issuer-spki".to_owned(),
            issuer_spki.to_owned(),
            "--at".to_owned(),
            "2017-08-15T00:00:00Z".to_owned(),
        ]
    };
    let cases: Vec<(Vec<String>, &str, bool)> = vec![
        // (args, kind, reported on stderr as an input error)
        (with(&garbage, SEED_NAME, SEED_SPKI), "Malformed", false),
        (with(&binary_junk, SEED_NAME, SEED_SPKI), "Malformed", false),
        (
            with(&unsuccessful, SEED_NAME, SEED_SPKI),
            "Unsuccessful",
            false,
        ),
        (with(&empty, SEED_NAME, SEED_SPKI), "EmptyInput", true),
        (with(&not_pem, SEED_NAME, SEED_SPKI), "InvalidBase64", true),
        (with(&missing, SEED_NAME, SEED_SPKI), "Io", true),
        (with(SEED, &empty, SEED_SPKI), "EmptyInput", true),
        (with(SEED, SEED_SPKI, SEED_SPKI), "InvalidIssuer", false),
        (with(SEED, SEED_NAME, SEED_NAME), "InvalidIssuer", false),
        (with(SEED, SEED_NAME, &missing), "Io", true),
        (
            vec![
                "--response".into(),
                SEED.into(),
                "--cert".into(),
                bad_cert.clone(),
                "--issuer-name".into(),
                SEED_NAME.into(),
                "--issuer-spki".into(),
                SEED_SPKI.into(),
            ],
            "InvalidCertificate",
            false,
        ),
        (
            vec![
                "--response".into(),
                SEED.into(),
                "--serial".into(),
                "01".into(),
                "--issuer".into(),
                not_pem.clone(),
            ],
            "InvalidPem",
            true,
        ),
        (
            vec![
                "--response".into(),
                SEED.into(),
                "--serial".into(),
                "01".into(),
                "--issuer".into(),
                bad_cert.clone(),
            ],
            "InvalidIssuer",
            false,
        ),
        (
            [
                with(SEED, SEED_NAME, SEED_SPKI),
                vec!["--trusted-responder".into(), bad_cert.clone()],
            ]
            .concat(),
            "InvalidTrustedResponder",
            false,
        ),
    ];
    for (args, kind, input_error) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, value) = verify_json(&args);
        assert_eq!(code, 1, "{args:?}");
        assert_failure(&value, kind);
        // Text form: input errors on stderr (one line), verdicts on stdout.
        let out = ocsp(&[&["verify"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(1));
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        if input_error {
            assert!(stdout.is_empty(), "{stdout}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(stderr.starts_with(&format!("error: {kind}: ")), "{stderr}");
        } else {
            assert!(stderr.is_empty(), "{stderr}");
            assert!(stdout.starts_with("FAILED: "), "{stdout}");
            assert!(
                stdout.contains(&format!("error kind:   {kind}\n")),
                "{stdout}"
            );
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let base = ["--response", SEED, "--serial", "01", "--issuer", SEED];
    for args in [
        vec!["verify"],
        vec!["verify", "--serial", "01", "--issuer", SEED],
        vec!["verify", "--response", SEED, "--issuer", SEED],
        vec!["verify", "--response", SEED, "--serial", "01"],
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "01",
            "--cert",
            SEED,
            "--issuer",
            SEED,
        ],
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "01",
            "--issuer",
            SEED,
            "--issuer-name",
            SEED,
            "--issuer-spki",
            SEED,
        ],
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "01",
            "--issuer-name",
            SEED,
        ],
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "01",
            "--issuer-spki",
            SEED,
        ],
        [&["verify"], &base[..], &["--at", "yesterday"]].concat(),
        [&["verify"], &base[..], &["--at", "2017-08-15"]].concat(),
        [&["verify"], &base[..], &["--at", "-5"]].concat(),
        [&["verify"], &base[..], &["--skew", "-1"]].concat(),
        [&["verify"], &base[..], &["--max-age", "1h"]].concat(),
        [&["verify"], &base[..], &["--nonce", "abc"]].concat(),
        [&["verify"], &base[..], &["--nonce", ""]].concat(),
        [&["verify"], &base[..], &["--require-nonce"]].concat(),
        [&["verify"], &base[..], &["--no-such-flag"]].concat(),
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "xyz",
            "--issuer",
            SEED,
        ],
        vec![
            "verify",
            "--response",
            SEED,
            "--serial",
            "",
            "--issuer",
            SEED,
        ],
    ] {
        let out = ocsp(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = ocsp(&["verify", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("--trusted-responder"));
}

#[test]
fn no_panic_on_mutations_of_the_seed() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let seed = std::fs::read(SEED).unwrap();
    let mut inputs: Vec<Vec<u8>> = (0..30).map(|n| seed[..n].to_vec()).collect();
    for i in (0..seed.len()).step_by(37) {
        let mut flipped = seed.clone();
        flipped[i] ^= 0x41;
        inputs.push(flipped);
    }
    for input in inputs {
        let path = write_temp(&tmp, "mutated.der", &input);
        let (code, value) = verify_json(
            &seed_args("2017-08-15T00:00:00Z", &[])
                .into_iter()
                .map(|a| if a == SEED { path.as_str() } else { a })
                .collect::<Vec<_>>(),
        );
        assert!(code == 0 || code == 1, "{code}");
        if code == 1 {
            assert_eq!(value["verified"], false);
            assert!(value["error"]["kind"].is_string());
        }
    }
}

// ---------------------------------------------------------------- OpenSSL's 59 cases

fn tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The hierarchy (ND1..D3) a case is about.
fn hierarchy(case: &str) -> &'static str {
    for h in ["ND1", "ND2", "ND3", "D1", "D2", "D3"] {
        if case.split('_').any(|part| part == h) {
            return h;
        }
    }
    panic!("no hierarchy in {case}")
}

/// The error kind each failing case must give (as `ocsp-verify`'s
/// `openssl_vectors.rs` explains), or `None` for a verified good answer.
fn expected_kind(case: &str) -> Option<&'static str> {
    let delegated = hierarchy(case).starts_with('D');
    match case.split('_').next().unwrap() {
        "ND1" | "ND2" | "ND3" | "D1" | "D2" | "D3" | "ISIC" => None,
        "ISOP" | "WINH" | "WIKH" => Some("InvalidSignature"),
        "WRID" | "ISSUER" => Some("NoAuthorizedResponder"),
        "WKDOSC" if hierarchy(case) == "D3" => Some("DelegatedResponderBadSignature"),
        "WKDOSC" => Some("NoAuthorizedResponder"),
        "ISDOSC" => Some("DelegatedResponderBadSignature"),
        "WSNIC" if delegated => Some("DelegatedResponderWrongIssuer"),
        "WSNIC" => Some("CertificateIssuerMismatch"),
        "WKIC" if delegated => Some("DelegatedResponderBadSignature"),
        "WKIC" => Some("NoAuthorizedResponder"),
        other => panic!("unmapped case prefix {other}"),
    }
}

#[test]
fn openssl_manifest_through_the_cli() {
    let dir = Path::new(OPENSSL_VECTORS);
    if !dir.join("MANIFEST.tsv").exists() {
        eprintln!(
            "SKIPPED: OpenSSL OCSP vectors not found at {} (shared/ is absent)",
            dir.display()
        );
        return;
    }
    let this_updates: HashMap<String, String> = tsv(&dir.join("RESPONSES.tsv"))
        .into_iter()
        .map(|r| (r["response"].clone(), r["this_update"].clone()))
        .collect();
    let files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();

    let (mut passed, mut failed) = (0, 0);
    let cases = tsv(&dir.join("MANIFEST.tsv"));
    assert_eq!(cases.len(), 59);
    for case in &cases {
        let name = case["case"].as_str();
        // The issuer: the first certificate of the CA file (of the untrusted
        // file for ND1_CROSS, whose CA file is the cross root).
        let issuer = if name == "ND1_CROSS" {
            &case["untrusted_files"]
        } else {
            &case["ca_files"]
        };
        let h = hierarchy(name);
        let cert = files
            .iter()
            .find(|f| f.starts_with(&format!("{h}_Cert_")))
            .unwrap();
        let at = &this_updates[&case["response"]];
        let (code, value) = verify_json(&[
            "--response",
            &path(&case["response"]),
            "--cert",
            &path(cert),
            "--issuer",
            &path(issuer),
            "--at",
            at,
        ]);
        let want_code = if case["expected"] == "pass" { 0 } else { 1 };
        let kind_ok = match expected_kind(name) {
            None => value["verified"] == true && value["status"] == "good",
            Some(kind) => value["verified"] == false && value["error"]["kind"] == kind,
        };
        if code == want_code && kind_ok {
            passed += 1;
        } else {
            failed += 1;
            eprintln!(
                "MISMATCH {name}: exit {code}, {value} (openssl: {}, want kind {:?})",
                case["expected"],
                expected_kind(name)
            );
        }
    }
    println!("{passed} passed, {failed} failed");
    assert_eq!((passed, failed), (59, 0));
}

/// What careful peers accept verifies through the CLI too: `version [0]
/// INTEGER 0`, an empty `singleExtensions`, a critical SCT list with a junk
/// value (Chromium), and a delegated responder certificate with `critical
/// FALSE` and a padded keyUsage (rustls-webpki).
#[test]
fn accepted_deviations_verify_good() {
    let tmp = TempDir::new("ocsp-cli-verify");
    let pki = Pki::new(Flavor::P256);
    let (ca, leaf) = pki_files(&pki, &tmp);
    let mut delegate = pki.delegate_spec();
    delegate.explicit_non_critical = true;
    delegate.padded_key_usage = true;
    delegate.key_usage = Some(ocsp_testkit::cert::KU_DIGITAL_SIGNATURE);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&delegate)]);
    spec.singles[0].extensions = vec![ocsp_types::Extension {
        oid: ocsp_types::oid::CT_SCT_LIST,
        critical: true,
        value: vec![0xde, 0xad],
    }];
    let der = spec.sign_edited(&pki.delegate.key, |tbs| {
        tbs.version_encoded = true;
        tbs.empty_extensions_encoded = true;
    });
    let response = write_temp(&tmp, "deviations.der", &der);
    let now = testkit_now();
    let (code, value) = verify_json(&[
        "--response",
        &response,
        "--cert",
        &leaf,
        "--issuer",
        &ca,
        "--at",
        &now,
    ]);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}
