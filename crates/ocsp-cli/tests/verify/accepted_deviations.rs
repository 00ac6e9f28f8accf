//! The deviations the library accepts (and names) verify `good`.

use super::*;

/// What careful peers accept verifies through the CLI too: `version [0]
/// INTEGER 0`, an empty `singleExtensions`, a critical SCT list with a junk
/// value (Chromium), and a delegated responder certificate with `critical
/// FALSE` and a padded keyUsage (rustls-webpki).
#[test]
fn accepted_deviations_verify_good() {
    let kit = Testkit::new(Flavor::P256);
    let pki = &kit.pki;
    let mut spec = common::delegated_response_with_deviant_certificate(pki);
    spec.singles[0].extensions = vec![ocsp_types::Extension {
        oid: ocsp_types::oid::CT_SCT_LIST,
        critical: true,
        value: vec![0xde, 0xad],
    }];
    let der = spec.sign_edited(&pki.delegate.key, |tbs| {
        tbs.version_encoded = true;
        tbs.empty_extensions_encoded = true;
    });
    let response = kit.write("deviations.der", &der);
    let value = assert_verified(&kit.args(&response), 0);
    assert_eq!(value["status"], "good");
    assert_eq!(value["responder"], "delegated");
}
