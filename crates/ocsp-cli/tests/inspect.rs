//! `ocsp inspect`, run as a real process: every input format, responses and
//! requests, the JSON contract, and the exit codes on bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use base64ct::{Base64, Encoding};
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
const OPENSSL_VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/vectors/openssl-ocsp"
);

// ---------------------------------------------------------------- helpers

/// Writes `bytes` to `name` in `dir`; returns its path.
fn write_temp(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    dir.write(name, bytes)
}

/// Runs `ocsp ARGS`, feeding `stdin`.
fn ocsp(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading (e.g. a usage error).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "panic for {args:?}: {all}");
    assert!(
        !all.contains("RUST_BACKTRACE"),
        "backtrace for {args:?}: {all}"
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `ocsp inspect --json PATH`, which must succeed with one JSON object.
fn inspect_json(path: &Path) -> Value {
    let out = ocsp(&["inspect", "--json", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(out.stderr.is_empty(), "stderr: {}", stderr(&out));
    parse_one_object(&stdout(&out))
}

fn parse_one_object(text: &str) -> Value {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let value = values.next().unwrap().unwrap();
    assert!(values.next().is_none(), "more than one JSON value: {text}");
    assert!(value.is_object());
    value
}

/// Inspecting `bytes` fails with exit 1, one stderr line naming `kind`, and
/// with `--json` the error object.
fn assert_fails(bytes: &[u8], kind: &str) {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let path = write_temp(&tmp, "bad.bin", bytes);
    let path = path.to_str().unwrap();
    let out = ocsp(&["inspect", path], b"");
    assert_eq!(out.status.code(), Some(1), "for {kind}");
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(
        err.starts_with(&format!("error: {kind}: ")),
        "stderr: {err}"
    );

    let out = ocsp(&["inspect", "--json", path], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), err);
    let value = parse_one_object(&stdout(&out));
    assert_eq!(value["error"]["kind"], kind, "{value}");
    let message = value["error"]["message"].as_str().unwrap();
    assert_eq!(err.trim_end(), format!("error: {kind}: {message}"));
    assert_eq!(value.as_object().unwrap().len(), 1);
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

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

// ---------------------------------------------------------------- the seed response

#[test]
fn seed_der_json_matches_the_facts() {
    let value = inspect_json(Path::new(SEED));
    assert_eq!(value, seed_expected());
    assert_eq!(
        keys(&value),
        [
            "type",
            "response_status",
            "response_type",
            "responder_id",
            "produced_at",
            "signature_algorithm",
            "certs",
            "responses",
            "extensions",
            "nonce",
            "notes"
        ]
    );
    assert_eq!(
        keys(&value["responses"][0]),
        [
            "cert_id",
            "status",
            "revocation_time",
            "revocation_reason",
            "this_update",
            "next_update",
            "extensions"
        ]
    );
    // One line of JSON.
    let out = ocsp(&["inspect", "--json", SEED], b"");
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn seed_pem_among_other_blocks() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let der = seed_der();
    let text = format!(
        "explanatory text\n{}{}{}",
        pem("CERTIFICATE", b"\x30\x00 not read"),
        pem("OCSP RESPONSE", &der),
        pem("OCSP REQUEST", b"second block, not read"),
    );
    let path = write_temp(&tmp, "seed.pem", text.as_bytes());
    assert_eq!(inspect_json(&path), seed_expected());

    // CRLF line endings and 76-column lines (what some tools write).
    let b64 = Base64::encode_string(&der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let text = format!(
        "-----BEGIN OCSP RESPONSE-----\r\n{}\r\n-----END OCSP RESPONSE-----\r\n",
        lines.join("\r\n")
    );
    let path = write_temp(&tmp, "seed-76.pem", text.as_bytes());
    assert_eq!(inspect_json(&path), seed_expected());
}

#[test]
fn seed_base64_with_line_breaks() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let b64 = Base64::encode_string(&seed_der());
    let wrapped: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let path = write_temp(
        &tmp,
        "seed.b64",
        format!("{}\n", wrapped.join("\n")).as_bytes(),
    );
    assert_eq!(inspect_json(&path), seed_expected());
    let path = write_temp(&tmp, "seed-one-line.b64", b64.as_bytes());
    assert_eq!(inspect_json(&path), seed_expected());
}

#[test]
fn dash_reads_stdin() {
    let out = ocsp(&["inspect", "--json", "-"], &seed_der());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(parse_one_object(&stdout(&out)), seed_expected());

    let text = pem("OCSP RESPONSE", &seed_der());
    let out = ocsp(&["inspect", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Produced At: 2017-08-14T13:41:02Z"));
}

#[test]
fn seed_text_output() {
    let out = ocsp(&["inspect", SEED], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for line in [
        "OCSP Response Status: successful (0x0)",
        "Responder Id (by key): 9c4d0099000e8bb0018175a1baf0d025d7a01c47",
        "Produced At: 2017-08-14T13:41:02Z",
        "Hash Algorithm: sha1 (1.3.14.3.2.26)",
        "Issuer Name Hash: 0c9e4d9c3dedef84d891e972c7cf8406bc197b07",
        "Issuer Key Hash: 96de61f1bd1c1629531cc0cc7d3b830040e61a7c",
        "Serial Number: 10e6fc62b7418ad5005e45b6",
        "Cert Status: good",
        "This Update: 2017-08-14T13:41:02Z",
        "Next Update: 2017-08-18T13:41:02Z",
        "OCSP Nonce (1.3.6.1.5.5.7.48.1.2):",
        "Nonce: f8683d2c1fea62ffcca1889e51efc905",
        "Signature Algorithm: sha256WithRSAEncryption (1.2.840.113549.1.1.11)",
        "Issuer: CN=GlobalSign Organization Validation CA - SHA256 - G2,O=GlobalSign nv-sa,C=BE",
        "Serial Number: 7a915e55dd3d5b2719d6eb27",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

// ---------------------------------------------------------------- OpenSSL's suite

#[test]
fn openssl_responses_match_their_facts() {
    let dir = Path::new(OPENSSL_VECTORS);
    if !dir.is_dir() {
        eprintln!("SKIPPED: {} not found (CI always has it)", dir.display());
        return;
    }
    let table = std::fs::read_to_string(dir.join("RESPONSES.tsv")).unwrap();
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let mut checked = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let row: Vec<&str> = line.split('\t').collect();
        let file = row[col("response")];
        let v = inspect_json(&dir.join(file));
        let at = |name: &str| row[col(name)];
        assert_eq!(v["type"], "response", "{file}");
        assert_eq!(v["response_status"], at("response_status"), "{file}");
        assert_eq!(v["response_type"], "1.3.6.1.5.5.7.48.1.1", "{file}");
        match at("responder_id_type") {
            "byKey" => assert_eq!(v["responder_id"]["by_key"], at("responder_id"), "{file}"),
            "byName" => {
                // OpenSSL writes "C = AU, ST = NSW, ..."; RFC 4514 reverses
                // the order and drops the spaces.
                let mut rdns: Vec<String> = at("responder_id")
                    .split(", ")
                    .map(|r| r.replace(" = ", "="))
                    .collect();
                rdns.reverse();
                assert_eq!(v["responder_id"]["by_name"], rdns.join(","), "{file}");
            }
            other => panic!("{file}: responder_id_type {other}"),
        }
        assert_eq!(v["signature_algorithm"], "1.2.840.113549.1.1.5", "{file}");
        assert_eq!(at("sig_alg"), "sha1WithRSAEncryption");
        let singles = v["responses"].as_array().unwrap();
        assert_eq!(
            singles.len().to_string(),
            at("n_single_responses"),
            "{file}"
        );
        let single = &singles[0];
        assert_eq!(at("certid_hash_alg"), "sha1");
        assert_eq!(
            single["cert_id"]["hash_algorithm"], "1.3.14.3.2.26",
            "{file}"
        );
        assert_eq!(
            single["cert_id"]["issuer_name_hash"],
            at("issuer_name_hash"),
            "{file}"
        );
        assert_eq!(
            single["cert_id"]["issuer_key_hash"],
            at("issuer_key_hash"),
            "{file}"
        );
        assert_eq!(single["cert_id"]["serial"], at("serial"), "{file}");
        assert_eq!(single["status"], at("cert_status"), "{file}");
        assert_eq!(single["this_update"], at("this_update"), "{file}");
        assert_eq!(single["next_update"], at("next_update"), "{file}");
        assert_eq!(v["produced_at"], at("produced_at"), "{file}");
        let certs = v["certs"].as_array().unwrap();
        assert_eq!(certs.len().to_string(), at("embedded_certs"), "{file}");
        for cert in certs {
            assert!(cert["subject"].is_string(), "{file}");
            assert!(cert["issuer"].is_string(), "{file}");
            assert!(cert["serial"].is_string(), "{file}");
        }
        // Each .ors is also readable as text.
        let out = ocsp(&["inspect", dir.join(file).to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0), "{file}");
        checked += 1;
    }
    assert_eq!(checked, 36);
    let ors = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ors")
        })
        .count();
    assert_eq!(ors, checked, "every .ors has a row");
}

#[test]
fn openssl_embedded_cert_subject_is_rfc4514() {
    let path = Path::new(OPENSSL_VECTORS).join("D3.ors");
    if !path.is_file() {
        eprintln!("SKIPPED: {} not found (CI always has it)", path.display());
        return;
    }
    let v = inspect_json(&path);
    assert_eq!(
        v["certs"][0]["subject"],
        "CN=ocsp.cacert.org,OU=Server Administration,O=CAcert Inc.,L=Sydney,ST=NSW,C=AU"
    );
}

// ---------------------------------------------------------------- requests

fn sample_cert_id(serial: &[u8]) -> CertId {
    CertId {
        hash_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
        issuer_name_hash: unhex("a0720ea06a7c620254f2a8f59dd27ba4f3b72fa4"),
        issuer_key_hash: unhex("b0b04afd1c7528f81c61aa13f6fac1903d6b16a3"),
        serial_number: serial.to_vec(),
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

#[test]
fn unsigned_request_without_nonce() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version_encoded: false,
            empty_extensions_encoded: false,
            requestor_name: None,
            requests: vec![
                Request {
                    empty_extensions_encoded: false,
                    cert_id: sample_cert_id(&[0x00, 0xa7, 0x0d]),
                    extensions: vec![],
                },
                Request {
                    empty_extensions_encoded: false,
                    cert_id: sample_cert_id(&[0x0b, 0xb3, 0xc6]),
                    extensions: vec![],
                },
            ],
            extensions: vec![],
        },
        signature: None,
    };
    let path = write_temp(&tmp, "req.der", &request.to_der().unwrap());
    let v = inspect_json(&path);
    assert_eq!(
        v,
        json!({
            "type": "request",
            "requests": [{"cert_id": cert_id_json("a70d")}, {"cert_id": cert_id_json("0bb3c6")}],
            "requestor_name": null,
            "signed": false,
            "extensions": [],
            "nonce": null,
            "notes": []
        })
    );
    assert_eq!(
        keys(&v),
        [
            "type",
            "requests",
            "requestor_name",
            "signed",
            "extensions",
            "nonce",
            "notes"
        ]
    );
}

#[test]
fn signed_request_with_nonce_and_requestor_name() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version_encoded: false,
            empty_extensions_encoded: false,
            requestor_name: Some(GeneralName::directory_name(&cn_alice())),
            requests: vec![Request {
                empty_extensions_encoded: false,
                cert_id: sample_cert_id(&[0x01]),
                extensions: vec![Extension::nonce(&[0xaa; 4]).unwrap()],
            }],
            extensions: vec![
                Extension::nonce(&[0x01, 0x02, 0x03]).unwrap(),
                Extension::acceptable_responses(&[oid::OCSP_BASIC]),
            ],
        },
        signature: Some(ocsp_types::Signature {
            algorithm: AlgorithmIdentifier::with_null_parameters(
                "1.2.840.113549.1.1.11".parse().unwrap(),
            ),
            signature: vec![0x55; 8],
            certs: None,
        }),
    };
    let der = request.to_der().unwrap();
    let path = write_temp(&tmp, "signed.der", &der);
    let v = inspect_json(&path);
    assert_eq!(
        v,
        json!({
            "type": "request",
            "requests": [{"cert_id": cert_id_json("01")}],
            "requestor_name": "CN=Alice",
            "signed": true,
            "extensions": [
                {"oid": "1.3.6.1.5.5.7.48.1.2", "critical": false, "value": "0403010203"},
                {"oid": "1.3.6.1.5.5.7.48.1.4", "critical": false, "value": "300b06092b0601050507300101"}
            ],
            "nonce": "010203",
            "notes": []
        })
    );

    let path = write_temp(&tmp, "signed.pem", pem("OCSP REQUEST", &der).as_bytes());
    let out = ocsp(&["inspect", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for line in [
        "OCSP Request Data:",
        "Requestor Name (directoryName): CN=Alice",
        "Serial Number: 01",
        "Request Single Extensions:",
        "Nonce: aaaaaaaa",
        "OCSP Acceptable Responses (1.3.6.1.5.5.7.48.1.4):",
        "Acceptable: 1.3.6.1.5.5.7.48.1.1",
        "Nonce: 010203",
        "Signed: yes",
        "Signature Algorithm: sha256WithRSAEncryption (1.2.840.113549.1.1.11)",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn requestor_names_other_than_directory_names() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    for (name, expected) in [
        (vec![0x82, 0x03, b'a', b'.', b'b'], "a.b"),
        (vec![0x81, 0x03, b'a', b'@', b'b'], "a@b"),
        (vec![0x86, 0x03, b'u', b':', b'x'], "u:x"),
        (vec![0x87, 0x04, 10, 0, 0, 1], "87040a000001"),
    ] {
        let request = OcspRequest {
            tbs_request: TbsRequest {
                version_encoded: false,
                empty_extensions_encoded: false,
                requestor_name: Some(GeneralName(name)),
                requests: vec![Request {
                    empty_extensions_encoded: false,
                    cert_id: sample_cert_id(&[0x01]),
                    extensions: vec![],
                }],
                extensions: vec![],
            },
            signature: None,
        };
        let path = write_temp(&tmp, "named.der", &request.to_der().unwrap());
        assert_eq!(inspect_json(&path)["requestor_name"], expected);
    }
}

#[test]
fn requests_made_by_openssl() {
    let dir = Path::new(OPENSSL_VECTORS);
    if !dir.is_dir() {
        eprintln!("SKIPPED: {} not found (CI always has it)", dir.display());
        return;
    }
    let work = TempDir::new("ocsp-cli-inspect");
    for nonce in [false, true] {
        let req = work.join(format!("req-{nonce}.der"));
        let mut cmd = Command::new("openssl");
        cmd.arg("ocsp")
            .arg("-issuer")
            .arg(dir.join("D1_Issuer_ICA.pem"))
            .arg("-cert")
            .arg(dir.join("D1_Cert_EE.pem"))
            .arg("-reqout")
            .arg(&req);
        if !nonce {
            cmd.arg("-no_nonce");
        }
        match cmd.output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => panic!("openssl failed: {}", String::from_utf8_lossy(&out.stderr)),
            Err(e) => {
                eprintln!("SKIPPED: the openssl command is not available ({e})");
                return;
            }
        }
        let v = inspect_json(&req);
        assert_eq!(v["type"], "request");
        // The CertID of D1's row in RESPONSES.tsv.
        assert_eq!(
            v["requests"],
            json!([{"cert_id": {
                "hash_algorithm": "1.3.14.3.2.26",
                "issuer_name_hash": "a0720ea06a7c620254f2a8f59dd27ba4f3b72fa4",
                "issuer_key_hash": "b0b04afd1c7528f81c61aa13f6fac1903d6b16a3",
                "serial": "1121bcbf1e08cc02e792a406d3902f33ed9b"
            }}])
        );
        assert_eq!(v["signed"], false);
        assert_eq!(v["requestor_name"], Value::Null);
        if nonce {
            let ext = &v["extensions"][0];
            assert_eq!(ext["oid"], "1.3.6.1.5.5.7.48.1.2");
            let value = ext["value"].as_str().unwrap();
            let nonce = v["nonce"].as_str().unwrap();
            assert_eq!(value, format!("0410{nonce}"));
            assert_eq!(nonce.len(), 32);
        } else {
            assert_eq!(v["extensions"], json!([]));
            assert_eq!(v["nonce"], Value::Null);
        }
    }
}

#[test]
fn get_url_of_a_request() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version_encoded: false,
            empty_extensions_encoded: false,
            requestor_name: None,
            requests: vec![Request {
                empty_extensions_encoded: false,
                cert_id: sample_cert_id(&[0x0b, 0xb3, 0xc6]),
                extensions: vec![],
            }],
            extensions: vec![],
        },
        signature: None,
    };
    let der = request.to_der().unwrap();
    let expected = inspect_json(&write_temp(&tmp, "get.der", &der));
    // Standard base64, percent-encoded as RFC 5019 GET URLs are.
    let path_part = Base64::encode_string(&der)
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D");
    for url in [
        format!("http://ocsp.example.com/{path_part}"),
        format!("/{path_part}"),
    ] {
        let out = ocsp(&["inspect", "--json", "-"], url.as_bytes());
        let text = stdout(&out);
        if text.contains("not implemented yet") {
            eprintln!("SKIPPED: ocsp_request::decode_get_url is not implemented yet");
            return;
        }
        assert_eq!(out.status.code(), Some(0), "{url}: {}", stderr(&out));
        assert_eq!(parse_one_object(&text), expected, "{url}");
    }
}

// ---------------------------------------------------------------- other responses

#[test]
fn non_successful_responses_have_only_their_status() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    for (value, name) in [
        (1u8, "malformedRequest"),
        (2, "internalError"),
        (3, "tryLater"),
        (5, "sigRequired"),
        (6, "unauthorized"),
    ] {
        let der = [0x30, 0x03, 0x0a, 0x01, value];
        let path = write_temp(&tmp, "error-response.der", &der);
        let v = inspect_json(&path);
        assert_eq!(
            v,
            json!({"type": "response", "response_status": name, "notes": []})
        );
        assert_eq!(keys(&v), ["type", "response_status", "notes"]);
        let out = ocsp(&["inspect", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains(&format!("OCSP Response Status: {name}")));
    }
    let owned = OcspResponse::error(ResponseStatus::TryLater)
        .to_der()
        .unwrap();
    assert_eq!(owned, [0x30, 0x03, 0x0a, 0x01, 0x03]);
}

/// A certificate with the outer shape ocsp-types checks but a
/// `tbsCertificate` x509-cert refuses (no validity, no key).
fn odd_certificate() -> Vec<u8> {
    let name = cn_alice();
    let mut tbs = vec![0x02, 0x01, 0x05, 0x30, 0x03, 0x06, 0x01, 0x2a];
    tbs.extend(&name);
    tbs.extend([0x30, 0x00]);
    tbs.extend(&name);
    let mut body = vec![0x30, u8::try_from(tbs.len()).unwrap()];
    body.extend(tbs);
    body.extend([0x30, 0x03, 0x06, 0x01, 0x2a, 0x03, 0x01, 0x00]);
    let mut cert = vec![0x30, u8::try_from(body.len()).unwrap()];
    cert.extend(body);
    cert
}

#[test]
fn revoked_response_with_unknown_algorithms_and_extensions() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let t = |unix| Time::from_unix(unix).unwrap();
    let unknown_sig: ocsp_types::ObjectIdentifier = "1.2.3.4.5".parse().unwrap();
    let unknown_hash: ocsp_types::ObjectIdentifier = "1.2.3.4.6".parse().unwrap();
    let mut archive_cutoff = vec![0x18, 0x0f];
    archive_cutoff.extend(b"20200101000000Z");
    let single = SingleResponse {
        empty_extensions_encoded: false,
        cert_id: CertId {
            hash_algorithm: AlgorithmIdentifier::without_parameters(unknown_hash),
            issuer_name_hash: vec![1, 2, 3],
            issuer_key_hash: vec![4, 5],
            serial_number: vec![0xff],
        },
        cert_status: CertStatus::Revoked(RevokedInfo {
            revocation_time: t(1_500_000_000),
            revocation_reason: Some(CrlReason::KeyCompromise),
        }),
        this_update: t(1_600_000_000),
        next_update: None,
        extensions: vec![
            Extension::extended_revoke(),
            Extension {
                oid: "1.2.3.4.7".parse().unwrap(),
                critical: true,
                value: vec![0xde, 0xad],
            },
        ],
    };
    let unknown_single = SingleResponse {
        empty_extensions_encoded: false,
        cert_id: sample_cert_id(&[0x00]),
        cert_status: CertStatus::Unknown,
        this_update: t(1_600_000_000),
        next_update: Some(t(1_600_086_400)),
        extensions: vec![],
    };
    let response = OcspResponse::successful(BasicOcspResponse {
        tbs_response_data: ResponseData {
            version_encoded: false,
            empty_extensions_encoded: false,
            responder_id: ResponderId::ByName(cn_alice()),
            produced_at: t(1_600_000_001),
            responses: vec![single, unknown_single],
            extensions: vec![Extension {
                oid: oid::OCSP_ARCHIVE_CUTOFF,
                critical: false,
                value: archive_cutoff,
            }],
        },
        signature_algorithm: AlgorithmIdentifier::without_parameters(unknown_sig),
        signature: vec![0; 4],
        certs: Some(vec![odd_certificate()]),
    });
    let der = response.to_der().unwrap();
    let v = inspect_json(&write_temp(&tmp, "revoked.der", &der));
    assert_eq!(
        v,
        json!({
            "type": "response",
            "response_status": "successful",
            "response_type": "1.3.6.1.5.5.7.48.1.1",
            "responder_id": {"by_name": "CN=Alice"},
            "produced_at": "2020-09-13T12:26:41Z",
            "signature_algorithm": "1.2.3.4.5",
            "certs": [{"subject": "CN=Alice", "issuer": "CN=Alice", "serial": "05"}],
            "responses": [
                {
                    "cert_id": {
                        "hash_algorithm": "1.2.3.4.6",
                        "issuer_name_hash": "010203",
                        "issuer_key_hash": "0405",
                        "serial": "ff"
                    },
                    "status": "revoked",
                    "revocation_time": "2017-07-14T02:40:00Z",
                    "revocation_reason": "keyCompromise",
                    "this_update": "2020-09-13T12:26:40Z",
                    "next_update": null,
                    "extensions": [
                        {"oid": "1.3.6.1.5.5.7.48.1.9", "critical": false, "value": "0500"},
                        {"oid": "1.2.3.4.7", "critical": true, "value": "dead"}
                    ]
                },
                {
                    "cert_id": cert_id_json("00"),
                    "status": "unknown",
                    "revocation_time": null,
                    "revocation_reason": null,
                    "this_update": "2020-09-13T12:26:40Z",
                    "next_update": "2020-09-14T12:26:40Z",
                    "extensions": []
                }
            ],
            "extensions": [
                {"oid": "1.3.6.1.5.5.7.48.1.6", "critical": false, "value": "180f32303230303130313030303030305a"}
            ],
            "nonce": null,
            "notes": []
        })
    );

    let out = ocsp(&["inspect", "-"], &der);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for line in [
        "Responder Id (by name): CN=Alice",
        "Cert Status: revoked",
        "Revocation Time: 2017-07-14T02:40:00Z",
        "Revocation Reason: keyCompromise (0x1)",
        "OCSP Extended Revoke (1.3.6.1.5.5.7.48.1.9):",
        "1.2.3.4.7:",
        "Critical: yes",
        "Cert Status: unknown",
        "Archive Cutoff: 2020-01-01T00:00:00Z",
        "Signature Algorithm: 1.2.3.4.5",
        "x509-cert cannot decode it",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

// ---------------------------------------------------------------- failures

#[test]
fn invalid_structures_exit_1_with_their_kind() {
    let seed = seed_der();
    // Non-minimal length of responseStatus.
    assert_fails(&[0x30, 0x04, 0x0a, 0x81, 0x01, 0x00], "NonMinimalLength");
    // BER indefinite length.
    assert_fails(
        &[0x30, 0x80, 0x0a, 0x01, 0x06, 0x00, 0x00],
        "IndefiniteLength",
    );
    // Truncated.
    assert_fails(&seed[..seed.len() - 10], "Truncated");
    assert_fails(&[0x30], "Truncated");
    // Trailing bytes.
    let mut trailing = seed.clone();
    trailing.push(0);
    assert_fails(&trailing, "TrailingData");
    // responseStatus 4 is not defined; successful needs responseBytes.
    assert_fails(&[0x30, 0x03, 0x0a, 0x01, 0x04], "UndefinedResponseStatus");
    assert_fails(&[0x30, 0x03, 0x0a, 0x01, 0x00], "MissingResponseBytes");
    // Looks like a request (a SEQUENCE first): the request parser's error.
    assert_fails(&[0x30, 0x02, 0x30, 0x00], "MissingField");
    // Binary garbage: the DER parser explains.
    assert_fails(&[0x04, 0x02, 0xff, 0xfe], "UnexpectedTag");
    assert_fails(&[0xff, 0x00, 0x13, 0x37, 0x80], "UnexpectedTag");
    // Text that is none of the formats.
    assert_fails(b"hello, world!\n", "InvalidBase64");
    assert_fails(b"not!base64", "InvalidBase64");
    // PEM without the wanted block, or a broken one.
    assert_fails(pem("CERTIFICATE", &seed).as_bytes(), "InvalidPem");
    assert_fails(b"-----BEGIN OCSP RESPONSE-----\nMIIG\n", "InvalidPem");
    assert_fails(
        b"-----BEGIN OCSP RESPONSE-----\n!!!!\n-----END OCSP RESPONSE-----\n",
        "InvalidPem",
    );
    // GET URLs that carry no request.
    assert_fails(b"http://ocsp.example.com/", "InvalidGetUrl");
    assert_fails(b"/!!!", "InvalidGetUrl");
    // Valid base64 of invalid DER.
    assert_fails(Base64::encode_string(&seed[..100]).as_bytes(), "Truncated");
    // Empty input.
    assert_fails(b"", "EmptyInput");
    assert_fails(b" \n\t\n", "EmptyInput");
}

#[test]
fn unreadable_file_exits_1() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let missing = tmp.join("does-not-exist.der");
    for json in [false, true] {
        let mut args = vec!["inspect", missing.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let out = ocsp(&args, b"");
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1);
        assert!(err.starts_with("error: Io: cannot read "), "{err}");
        if json {
            assert_eq!(parse_one_object(&stdout(&out))["error"]["kind"], "Io");
        } else {
            assert!(out.stdout.is_empty());
        }
    }
    // A directory cannot be read as a file.
    let dir = TempDir::new("ocsp-cli-inspect");
    let out = ocsp(&["inspect", "--json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(parse_one_object(&stdout(&out))["error"]["kind"], "Io");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["inspect"],
        vec!["inspect", "--no-such-flag", SEED],
        vec!["inspect", SEED, "extra"],
        vec!["no-such-command"],
    ] {
        let out = ocsp(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = ocsp(&["inspect", "--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--json"));
}

#[test]
fn no_panic_on_mutations_of_the_seed() {
    // Every single-byte truncation point and a few byte flips near the front.
    let seed = seed_der();
    let mut inputs: Vec<Vec<u8>> = (0..40).map(|n| seed[..n].to_vec()).collect();
    for i in 0..60 {
        let mut flipped = seed.clone();
        flipped[i] ^= 0x41;
        inputs.push(flipped);
    }
    for input in inputs {
        let out = ocsp(&["inspect", "--json", "-"], &input);
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{code:?}");
        let v = parse_one_object(&stdout(&out));
        if code == Some(1) {
            assert!(v["error"]["kind"].is_string());
            assert_eq!(stderr(&out).lines().count(), 1);
        }
    }
}

// ---------------------------------------------------------------- notes

/// Each accepted deviation is a note: `{"kind", "at"}` in JSON, a `Notes:`
/// line in text; the embedded certificate's ones are prefixed with their
/// place in `certs`.
#[test]
fn notes_report_each_accepted_deviation() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let pki = ocsp_testkit::Pki::new(ocsp_testkit::Flavor::P256);
    let mut delegate = pki.delegate_spec();
    delegate.explicit_non_critical = true;
    delegate.padded_key_usage = true;
    delegate.key_usage = Some(ocsp_testkit::cert::KU_DIGITAL_SIGNATURE);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&delegate)]);
    spec.singles[0].empty_extensions_encoded = true;
    let der = spec.sign_edited(&pki.delegate.key, |tbs| tbs.version_encoded = true);
    let path = write_temp(&tmp, "deviations.der", &der);
    let v = inspect_json(&path);
    assert_eq!(
        v["notes"],
        json!([
            {"kind": "ExplicitDefaultVersion", "at": "ResponseData.version"},
            {"kind": "EmptyExtensions", "at": "SingleResponse.singleExtensions"},
            // extendedKeyUsage and id-pkix-ocsp-nocheck, not critical.
            {"kind": "ExplicitNonCritical", "at": "BasicOCSPResponse.certs[0].Extension.critical"},
            {"kind": "ExplicitNonCritical", "at": "BasicOCSPResponse.certs[0].Extension.critical"},
            {"kind": "PaddedKeyUsage", "at": "BasicOCSPResponse.certs[0].KeyUsage"},
        ])
    );
    let out = ocsp(&["inspect", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for line in [
        "Notes:",
        "    ExplicitDefaultVersion at ResponseData.version (byte ",
        "): version v1 (the DEFAULT) encoded explicitly",
        "    EmptyExtensions at SingleResponse.singleExtensions (byte ",
        "    PaddedKeyUsage at BasicOCSPResponse.certs[0].KeyUsage (byte ",
        " of BasicOCSPResponse.certs[0]): keyUsage with trailing zero bits",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    // Without deviations: an empty array, and `Notes: none`.
    let clean = write_temp(&tmp, "clean.der", &pki.issuer_response().sign(&pki.ca.key));
    assert_eq!(inspect_json(&clean)["notes"], json!([]));
    let out = ocsp(&["inspect", clean.to_str().unwrap()], b"");
    assert!(stdout(&out).contains("Notes: none"));
}

#[test]
fn request_notes() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version_encoded: true,
            empty_extensions_encoded: true,
            requestor_name: None,
            requests: vec![Request {
                empty_extensions_encoded: false,
                cert_id: sample_cert_id(&[0x01]),
                extensions: vec![],
            }],
            extensions: vec![],
        },
        signature: None,
    };
    let path = write_temp(&tmp, "request-deviations.der", &request.to_der().unwrap());
    assert_eq!(
        inspect_json(&path)["notes"],
        json!([
            {"kind": "ExplicitDefaultVersion", "at": "TBSRequest.version"},
            {"kind": "EmptyExtensions", "at": "TBSRequest.requestExtensions"},
        ])
    );
}
