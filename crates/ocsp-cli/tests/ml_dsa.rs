//! `ocsp verify` and `ocsp inspect` of ML-DSA-signed responses, with the
//! CLI's default features.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::{Command, Output, Stdio};

use ocsp_testkit::{Flavor, Pki, NOW};
use serde_json::Value;

fn ocsp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn verify_and_inspect_ml_dsa_responses() {
    let dir = ocsp_testkit::support::TempDir::new("ocsp-cli-ml-dsa");
    let now = NOW.to_string();
    for (flavor, name) in [
        (Flavor::MlDsa44, "ML-DSA-44"),
        (Flavor::MlDsa65, "ML-DSA-65"),
        (Flavor::MlDsa87, "ML-DSA-87"),
    ] {
        let pki = Pki::new(flavor);
        let ca = write(&dir, &format!("{name}-ca.der"), &pki.ca.cert);
        let leaf = write(&dir, &format!("{name}-leaf.der"), &pki.leaf);
        let response = write(
            &dir,
            &format!("{name}-resp.der"),
            &pki.delegated_response().sign(&pki.delegate.key),
        );
        let out = ocsp(&[
            "verify",
            "--json",
            "--response",
            &response,
            "--cert",
            &leaf,
            "--issuer",
            &ca,
            "--at",
            &now,
        ]);
        let value: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {value}");
        assert_eq!(value["verified"], true, "{name}: {value}");
        assert_eq!(value["status"], "good", "{name}: {value}");
        assert_eq!(value["responder"], "delegated", "{name}: {value}");

        let out = ocsp(&["inspect", &response]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&format!(
                "Signature Algorithm: {name} (2.16.840.1.101.3.4.3."
            )),
            "{name} not named in\n{text}"
        );
    }
}
