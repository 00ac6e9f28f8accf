//! The JSON form of a verified status (feature `serde`).
#![cfg(feature = "serde")]
#![allow(clippy::unwrap_used)]

use ocsp_verify::{CrlReason, Status, Time};

fn json(status: &Status) -> String {
    serde_json::to_string(status).unwrap()
}

#[test]
fn good_and_unknown_are_their_names() {
    assert_eq!(json(&Status::Good), r#"{"status":"good"}"#);
    assert_eq!(json(&Status::Unknown), r#"{"status":"unknown"}"#);
}

#[test]
fn revoked_has_rfc3339_time_and_rfc5280_reason() {
    let status = Status::Revoked {
        time: Time::from_unix(1_502_718_062).unwrap(),
        reason: Some(CrlReason::KeyCompromise),
    };
    assert_eq!(
        json(&status),
        r#"{"status":"revoked","revocation_time":"2017-08-14T13:41:02Z","revocation_reason":"keyCompromise"}"#
    );
}

#[test]
fn revoked_without_reason_has_null_reason() {
    let status = Status::Revoked {
        time: Time::from_unix(0).unwrap(),
        reason: None,
    };
    assert_eq!(
        json(&status),
        r#"{"status":"revoked","revocation_time":"1970-01-01T00:00:00Z","revocation_reason":null}"#
    );
}
