//! Requests: unsigned, signed with a nonce and a requestor name, made by
//! OpenSSL, and the GET URL form.

use super::*;
use ocsp_testkit::support::shared_vectors;
use std::process::Command;

#[test]
fn unsigned_request_without_nonce() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let request = sample_request(&[&[0x00, 0xa7, 0x0d], &[0x0b, 0xb3, 0xc6]]);
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
    let mut request = sample_request(&[&[0x01]]);
    let tbs = &mut request.tbs_request;
    tbs.requestor_name = Some(GeneralName::directory_name(&cn_alice()));
    tbs.requests[0].extensions = vec![Extension::nonce(&[0xaa; 4]).unwrap()];
    tbs.extensions = vec![
        Extension::nonce(&[0x01, 0x02, 0x03]).unwrap(),
        Extension::acceptable_responses(&[oid::OCSP_BASIC]),
    ];
    request.signature = Some(ocsp_types::Signature {
        algorithm: AlgorithmIdentifier::with_null_parameters(
            "1.2.840.113549.1.1.11".parse().unwrap(),
        ),
        signature: vec![0x55; 8],
        certs: None,
    });
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
    assert_contains_all(
        &inspect_text(&[&path], b""),
        &[
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
        ],
    );
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
        let mut request = sample_request(&[&[0x01]]);
        request.tbs_request.requestor_name = Some(GeneralName(name));
        let path = write_temp(&tmp, "named.der", &request.to_der().unwrap());
        assert_eq!(inspect_json(&path)["requestor_name"], expected);
    }
}

#[test]
fn requests_made_by_openssl() {
    let Some(dir) = shared_vectors("openssl-ocsp") else {
        return;
    };
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
        let v = inspect_json(req.to_str().unwrap());
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
    let request = sample_request(&[&[0x0b, 0xb3, 0xc6]]);
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
        let out = ocsp_with_stdin(&["inspect", "--json", "-"], url.as_bytes());
        let shown = text(&out.stdout);
        if shown.contains("not implemented yet") {
            eprintln!("SKIPPED: ocsp_request::decode_get_url is not implemented yet");
            return;
        }
        assert_eq!(out.status.code(), Some(0), "{url}: {}", text(&out.stderr));
        assert_eq!(parse_one_object(&shown), expected, "{url}");
    }
}
