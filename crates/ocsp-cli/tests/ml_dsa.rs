//! `ocsp verify` and `ocsp inspect` of ML-DSA-signed responses, with the
//! CLI's default features.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{ocsp, testkit_args, text, verify_json, write_temp};
use ocsp_testkit::support::TempDir;
use ocsp_testkit::{Flavor, Pki, NOW};

/// The ML-DSA parameter sets, as `ocsp inspect` names them.
const PARAMETER_SETS: [(Flavor, &str); 3] = [
    (Flavor::MlDsa44, "ML-DSA-44"),
    (Flavor::MlDsa65, "ML-DSA-65"),
    (Flavor::MlDsa87, "ML-DSA-87"),
];

#[test]
fn verify_and_inspect_ml_dsa_responses() {
    let dir = TempDir::new("ocsp-cli-ml-dsa");
    let now = NOW.to_string();
    for (flavor, name) in PARAMETER_SETS {
        let pki = Pki::new(flavor);
        let ca = write_temp(&dir, &format!("{name}-ca.der"), &pki.ca.cert);
        let leaf = write_temp(&dir, &format!("{name}-leaf.der"), &pki.leaf);
        let response = write_temp(
            &dir,
            &format!("{name}-resp.der"),
            &pki.delegated_response().sign(&pki.delegate.key),
        );
        let (code, value) = verify_json(&testkit_args(&response, &leaf, &ca, &now));
        assert_eq!(code, 0, "{name}: {value}");
        assert_eq!(value["verified"], true, "{name}: {value}");
        assert_eq!(value["status"], "good", "{name}: {value}");
        assert_eq!(value["responder"], "delegated", "{name}: {value}");

        let out = ocsp(&["inspect", &response]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        let shown = text(&out.stdout);
        assert!(
            shown.contains(&format!(
                "Signature Algorithm: {name} (2.16.840.1.101.3.4.3."
            )),
            "{name} not named in\n{shown}"
        );
    }
}
