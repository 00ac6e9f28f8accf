//! The `notes` array: each accepted deviation, in responses and requests.

use super::*;

/// Each accepted deviation is a note: `{"kind", "at"}` in JSON, a `Notes:`
/// line in text; the embedded certificate's ones are prefixed with their
/// place in `certs`.
#[test]
fn notes_report_each_accepted_deviation() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let pki = ocsp_testkit::Pki::new(ocsp_testkit::Flavor::P256);
    let mut spec = common::delegated_response_with_deviant_certificate(&pki);
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
    assert_contains_all(
        &inspect_text(&[&path], b""),
        &[
            "Notes:",
            "    ExplicitDefaultVersion at ResponseData.version (byte ",
            "): version v1 (the DEFAULT) encoded explicitly",
            "    EmptyExtensions at SingleResponse.singleExtensions (byte ",
            "    PaddedKeyUsage at BasicOCSPResponse.certs[0].KeyUsage (byte ",
            " of BasicOCSPResponse.certs[0]): keyUsage with trailing zero bits",
        ],
    );
    // Without deviations: an empty array, and `Notes: none`.
    let clean = write_temp(&tmp, "clean.der", &pki.issuer_response().sign(&pki.ca.key));
    assert_eq!(inspect_json(&clean)["notes"], json!([]));
    assert!(inspect_text(&[&clean], b"").contains("Notes: none"));
}

#[test]
fn request_notes() {
    let tmp = TempDir::new("ocsp-cli-inspect");
    let mut request = sample_request(&[&[0x01]]);
    request.tbs_request.version_encoded = true;
    request.tbs_request.empty_extensions_encoded = true;
    let path = write_temp(&tmp, "request-deviations.der", &request.to_der().unwrap());
    assert_eq!(
        inspect_json(&path)["notes"],
        json!([
            {"kind": "ExplicitDefaultVersion", "at": "TBSRequest.version"},
            {"kind": "EmptyExtensions", "at": "TBSRequest.requestExtensions"},
        ])
    );
}
