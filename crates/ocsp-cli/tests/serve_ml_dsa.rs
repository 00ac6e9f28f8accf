//! `ocsp serve` with an ML-DSA-65 CA key (`--rkey` in the RFC 9881 seed
//! form), queried by ocsp-http's client, which verifies the ML-DSA
//! signature.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::Served;
use ocsp_http::{Client, ClientConfig, Status, UreqConfig, UreqTransport};
use ocsp_testkit::support::{pem, TempDir};
use ocsp_testkit::{Flavor, KeyName, Pki};

/// The ML-DSA-65 PKCS#8 seed form (RFC 9881 section 6):
/// `OneAsymmetricKey { 0, { id-ml-dsa-65 }, OCTET STRING { [0] seed } }`.
fn ml_dsa_65_seed_pkcs8(seed: &[u8; 32]) -> Vec<u8> {
    let mut der = vec![
        0x30, 0x34, 0x02, 0x01, 0x00, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
        0x04, 0x03, 0x12, 0x04, 0x22, 0x80, 0x20,
    ];
    der.extend_from_slice(seed);
    der
}

#[test]
fn ocsp_serve_signs_with_an_ml_dsa_key() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // Built around the wall clock: `ocsp serve` signs at it.
    let pki = Pki::new_at(Flavor::MlDsa65, i64::try_from(now).unwrap());
    let dir = TempDir::new("ocsp-cli-serve-ml-dsa");
    dir.write("ca.pem", pem("CERTIFICATE", &pki.ca.cert).as_bytes());
    let key = ml_dsa_65_seed_pkcs8(&KeyName::CaMlDsa65.ml_dsa_seed());
    dir.write("ca.key", pem("PRIVATE KEY", &key).as_bytes());
    dir.write(
        "index.txt",
        b"V\t491231235959Z\t\t0A1B2C3D4E5F\tunknown\t/CN=leaf.example\n",
    );
    let server = Served::start(
        dir.path(),
        &[
            "--index",
            "index.txt",
            "--ca",
            "ca.pem",
            "--rsigner",
            "ca.pem",
            "--rkey",
            "ca.key",
            "--port",
            "0",
        ],
        Duration::from_secs(30),
    );

    let transport = UreqTransport::with_config(&UreqConfig {
        proxy_from_env: false,
        ..UreqConfig::default()
    });
    // The CA's only key is ML-DSA-65: a response that verifies is ML-DSA.
    let client = Client::with_algorithms(transport, ocsp_verify::algorithms::ALL).with_config(
        ClientConfig {
            responder_url: Some(server.url.clone()),
            ..ClientConfig::default()
        },
    );
    let checked = client.check(&pki.leaf, &pki.ca.cert).unwrap();
    assert_eq!(checked.status, Status::Good);

    drop(server);
}
