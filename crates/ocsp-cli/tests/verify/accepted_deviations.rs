//! The deviations the library accepts (and names) verify `good`.

use super::*;
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
    let (code, value) = verify_json(&testkit_args(&response, &leaf, &ca, &now));
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}
