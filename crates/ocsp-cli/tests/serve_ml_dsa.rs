//! `ocsp serve` with an ML-DSA-65 CA key (`--rkey` in the RFC 9881 seed
//! form), queried by ocsp-http's client, which verifies the ML-DSA
//! signature.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use der::pem::LineEnding;
use ocsp_http::{Client, ClientConfig, Status, UreqConfig, UreqTransport};
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

/// Kills the server on drop.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn ocsp_serve_signs_with_an_ml_dsa_key() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // Built around the wall clock: `ocsp serve` signs at it.
    let pki = Pki::new_at(Flavor::MlDsa65, i64::try_from(now).unwrap());
    let dir = std::env::temp_dir().join(format!("ocsp-cli-serve-ml-dsa-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pem =
        |label: &str, der: &[u8]| der::pem::encode_string(label, LineEnding::LF, der).unwrap();
    std::fs::write(dir.join("ca.pem"), pem("CERTIFICATE", &pki.ca.cert)).unwrap();
    let key = ml_dsa_65_seed_pkcs8(&KeyName::CaMlDsa65.ml_dsa_seed());
    std::fs::write(dir.join("ca.key"), pem("PRIVATE KEY", &key)).unwrap();
    std::fs::write(
        dir.join("index.txt"),
        "V\t491231235959Z\t\t0A1B2C3D4E5F\tunknown\t/CN=leaf.example\n",
    )
    .unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .args(["serve", "--index", "index.txt", "--ca", "ca.pem"])
        .args(["--rsigner", "ca.pem", "--rkey", "ca.key", "--port", "0"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("ocsp serve did not start");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("ocsp serve refused the ML-DSA key: {line:?}"))
        .to_owned();

    let transport = UreqTransport::with_config(&UreqConfig {
        proxy_from_env: false,
        ..UreqConfig::default()
    });
    // The CA's only key is ML-DSA-65: a response that verifies is ML-DSA.
    let client = Client::with_algorithms(transport, ocsp_verify::algorithms::ALL).with_config(
        ClientConfig {
            responder_url: Some(url),
            ..ClientConfig::default()
        },
    );
    let checked = client.check(&pki.leaf, &pki.ca.cert).unwrap();
    assert_eq!(checked.status, Status::Good);

    drop(server);
    std::fs::remove_dir_all(&dir).unwrap();
}
