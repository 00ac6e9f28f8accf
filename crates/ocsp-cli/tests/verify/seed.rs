//! The seed response (Wikipedia, 2017): good, expired, not yet valid,
//! its nonce, the time, serial and policy flags, and its input forms.

use super::*;

/// A time the seed response is good at.
const GOOD_AT: &str = "2017-08-15T00:00:00Z";

#[test]
fn seed_good_on_2017_08_15() {
    let value = assert_verified(&seed_args(GOOD_AT, &[]), 0);
    let expected = json!({
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
    });
    assert_eq!(value, expected);
    // Keys in a fixed order, the one above.
    assert_eq!(keys(&value), keys(&expected));
    // The CertID object is exactly the one `ocsp inspect` prints.
    let inspected = ocsp(&["inspect", "--json", SEED]);
    let inspected = parse_one_object(&text(&inspected.stdout));
    assert_eq!(value["cert_id"], inspected["responses"][0]["cert_id"]);
}

#[test]
fn seed_text_output() {
    let out = verify_text(&seed_args(GOOD_AT, &[]));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.starts_with("OK: good\n"), "{shown}");
    assert_contains_all(&shown, &[
        "signed by:    delegated responder CN=GlobalSign Organization Validation CA - SHA256 - G2 - OCSP Responder,",
        "cert id:      sha1 (1.3.14.3.2.26), serial 10e6fc62b7418ad5005e45b6",
        "this update:  2017-08-14T13:41:02Z",
        "next update:  2017-08-18T13:41:02Z",
        "produced at:  2017-08-14T13:41:02Z",
        "valid until:  2017-08-18T13:41:02Z",
        "verified at:  2017-08-15T00:00:00Z",
        "nonce:        f8683d2c1fea62ffcca1889e51efc905 (none sent, not checked)",
    ]);
    let out = verify_text(&seed_args(GOOD_AT, &["--nonce", SEED_NONCE]));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("nonce:        f8683d2c1fea62ffcca1889e51efc905 (echoed)"));

    let out = verify_text(&seed_args("2017-08-19T00:00:00Z", &[]));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(
        shown.starts_with("FAILED: the response expired at 2017-08-18T13:41:02Z\n"),
        "{shown}"
    );
    assert!(shown.contains("error kind:   Expired"), "{shown}");
}

/// The seed's verdict at a time, with the nonce, serial, skew and age
/// flags: (serial, time, extra arguments, `None` for good or the error
/// kind).
#[test]
fn seed_verdicts() {
    let late = "2017-08-18T13:45:02Z";
    let cases: &[(&str, &str, &[&str], Option<&str>)] = &[
        (
            SEED_SERIAL,
            "2017-08-13T00:00:00Z",
            &[],
            Some("NotYetValid"),
        ),
        // The nonce, in either case, and other nonces.
        (
            SEED_SERIAL,
            GOOD_AT,
            &["--nonce", SEED_NONCE, "--require-nonce"],
            None,
        ),
        (
            SEED_SERIAL,
            GOOD_AT,
            &["--nonce", "F8683D2C1FEA62FFCCA1889E51EFC905"],
            None,
        ),
        (
            SEED_SERIAL,
            GOOD_AT,
            &["--nonce", "f8683d2c1fea62ffcca1889e51efc904"],
            Some("NonceMismatch"),
        ),
        (
            SEED_SERIAL,
            GOOD_AT,
            &["--nonce", "f8683d2c1fea62ffcca1889e51efc9"],
            Some("NonceMismatch"),
        ),
        (
            SEED_SERIAL,
            GOOD_AT,
            &["--nonce", "00"],
            Some("NonceMismatch"),
        ),
        // The same instant, written four ways.
        (SEED_SERIAL, GOOD_AT, &[], None),
        (SEED_SERIAL, "1502755200", &[], None),
        (SEED_SERIAL, "2017-08-15T02:00:00.75+02:00", &[], None),
        (SEED_SERIAL, "2017-08-14t19:00:00-05:00", &[], None),
        // The serial with a sign octet, separators and a prefix; another.
        (
            "0x00:10:E6:FC:62:B7:41:8A:D5:00:5E:45:B6",
            "1502755200",
            &[],
            None,
        ),
        ("10e6", "1502755200", &[], Some("NoMatchingResponse")),
        // Four minutes after nextUpdate: inside the default 300 s skew, not
        // with 0.
        (SEED_SERIAL, late, &[], None),
        (SEED_SERIAL, late, &["--skew", "0"], Some("Expired")),
        (SEED_SERIAL, late, &["--skew", "240"], None),
        // thisUpdate is 10h19m old on 2017-08-15.
        (SEED_SERIAL, GOOD_AT, &["--max-age", "3600"], Some("TooOld")),
        (SEED_SERIAL, GOOD_AT, &["--max-age", "86400"], None),
        // The seed has nextUpdate.
        (SEED_SERIAL, GOOD_AT, &["--require-next-update"], None),
    ];
    for (serial, time, extra, kind) in cases {
        let args = seed_args_for(serial, time, extra);
        match kind {
            None => assert_verified(&args, 0),
            Some(kind) => assert_not_verified(&args, kind),
        };
    }
    let value = assert_not_verified(&seed_args("2017-08-19T00:00:00Z", &[]), "Expired");
    assert_eq!(
        value["error"]["message"],
        "the response expired at 2017-08-18T13:41:02Z"
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
        let args = replaced(seed_args(GOOD_AT, &[]), SEED, response);
        assert_verified(&replaced(args, SEED_SPKI, &spki_pem), 0);
    }
}
