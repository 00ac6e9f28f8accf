//! Non-successful responses, and a revoked response with unknown
//! algorithms and extensions.

use super::*;

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
        assert!(inspect_text(&[&path], b"").contains(&format!("OCSP Response Status: {name}")));
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

    assert_contains_all(
        &inspect_text(&["-"], &der),
        &[
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
        ],
    );
}
