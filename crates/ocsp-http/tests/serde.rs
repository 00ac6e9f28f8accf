//! The JSON form of a checked response (feature `serde`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{client, clock, ok, pki, revoked, Scripted};
use ocsp_testkit::support::hex;
use ocsp_testkit::{DAY, HOUR};
use serde_json::{json, Value};

#[test]
fn revoked_checked_response_as_json() {
    let pki = pki();
    let der = revoked(&pki, -HOUR, 3 * DAY);
    let transport = Scripted::new(vec![Ok(ok(&der, Some(600)))]);
    let checked = client(transport, &clock())
        .check(&pki.leaf, &pki.ca.cert)
        .unwrap();

    let text = serde_json::to_string(&checked).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let object = value.as_object().unwrap();
    // The keys, in order (the status fields flattened first).
    assert_eq!(
        object.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "status",
            "revocation_time",
            "revocation_reason",
            "this_update",
            "next_update",
            "produced_at",
            "responder",
            "cert_id",
            "nonce_echoed",
            "valid_until",
            "fetched_at",
            "http",
        ]
    );
    // The testkit's NOW is 2030-06-01T00:00:00Z.
    assert_eq!(object["status"], "revoked");
    assert_eq!(object["revocation_time"], "2030-05-31T00:00:00Z");
    assert_eq!(object["revocation_reason"], "keyCompromise");
    assert_eq!(object["this_update"], "2030-05-31T23:00:00Z");
    assert_eq!(object["next_update"], "2030-06-04T00:00:00Z");
    assert_eq!(object["produced_at"], "2030-05-31T23:00:00Z");
    assert_eq!(object["responder"], "issuer");
    assert_eq!(
        object["cert_id"],
        json!({
            "hash_algorithm": "1.3.14.3.2.26",
            "issuer_name_hash": hex(&checked.cert_id.issuer_name_hash),
            "issuer_key_hash": hex(&checked.cert_id.issuer_key_hash),
            "serial": hex(&checked.cert_id.serial_number),
        })
    );
    assert_eq!(object["nonce_echoed"], false);
    assert_eq!(object["valid_until"], "2030-06-04T00:00:00Z");
    assert_eq!(object["fetched_at"], "2030-06-01T00:00:00Z");
    let http = &object["http"];
    assert_eq!(http["method"], "GET");
    assert_eq!(http["cache_control"], "max-age=600");
    assert_eq!(http["etag"], Value::Null);
    assert_eq!(http["max_age"], 600);
    assert!(http["url"]
        .as_str()
        .unwrap()
        .starts_with("http://ocsp.invalid/"));
}

#[test]
fn good_checked_response_has_no_revocation_fields() {
    let pki = pki();
    let transport = Scripted::new(vec![Ok(ok(&common::good(&pki), None))]);
    let checked = client(transport, &clock())
        .check(&pki.leaf, &pki.ca.cert)
        .unwrap();
    let value = serde_json::to_value(&checked).unwrap();
    assert_eq!(value["status"], "good");
    assert!(value.get("revocation_time").is_none());
    assert!(value.get("revocation_reason").is_none());
    assert_eq!(value["http"]["max_age"], Value::Null);
}
