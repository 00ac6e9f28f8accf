//! The seed response in every input format (DER, PEM among other blocks,
//! base64, stdin), as JSON and text.

use super::*;

#[test]
fn seed_der_json_matches_the_facts() {
    let value = inspect_json(SEED);
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
    let out = ocsp(&["inspect", "--json", SEED]);
    assert_eq!(text(&out.stdout).lines().count(), 1);
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
    let out = ocsp_with_stdin(&["inspect", "--json", "-"], &seed_der());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(parse_one_object(&text(&out.stdout)), seed_expected());

    let pem_text = pem("OCSP RESPONSE", &seed_der());
    let shown = inspect_text(&["-"], pem_text.as_bytes());
    assert!(shown.contains("Produced At: 2017-08-14T13:41:02Z"));
}

#[test]
fn seed_text_output() {
    assert_contains_all(
        &inspect_text(&[SEED], b""),
        &[
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
        ],
    );
}
