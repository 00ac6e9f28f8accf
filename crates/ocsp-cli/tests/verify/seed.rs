//! The seed response (Wikipedia, 2017): good, expired, not yet valid,
//! its nonce, the time, serial and policy flags, and its input forms.

use super::*;

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
