//! A bounded load test on loopback: 8 concurrent clients × 500 requests
//! each against `ocsp_responder::server`, every response verified by
//! `ocsp_http::Client` (the workspace's own client: GET per RFC 5019,
//! status, content type, full `ocsp-verify` verification with the nonce),
//! zero errors allowed. The same load then runs against `openssl ocsp
//! -port` serving the same index with the same CA key, for comparison.
//!
//! ```text
//! cargo run --release -p ocsp-responder --features server,rustcrypto --example load
//! ```
//!
//! Needs the openssl CLI (it makes the PKI and is the comparison peer).
//! Prints requests per second for each server, nonce-less (pre-signed
//! responses reused by `ocsp serve`) and with a nonce (a signature per
//! request everywhere).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Arc;
use std::time::Instant;

use ocsp_http::{Client, ClientConfig, Status, UreqConfig, UreqTransport};
use ocsp_responder::server::{serve, Responder, ServerConfig};
use ocsp_responder::{IndexFile, ResponseBuilder, RustCryptoSigner};
use ocsp_testkit::openssl_pki as openssl;

const CLIENTS: usize = 8;
const REQUESTS: usize = 500;

fn pem_key(path: &std::path::Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    let (label, der) = der::pem::decode_vec(text.as_bytes()).unwrap();
    assert_eq!(label, "PRIVATE KEY");
    der
}

/// Runs the load against `url`; returns requests per second.
fn load(pki: &openssl::OpensslPki, url: &str, nonce: bool) -> f64 {
    let cases = Arc::new([
        (pki.good.clone(), "good"),
        (pki.revoked.clone(), "revoked"),
        (pki.unknown.clone(), "unknown"),
    ]);
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|worker| {
            let cases = Arc::clone(&cases);
            let ca = pki.ca.clone();
            let url = url.to_owned();
            std::thread::spawn(move || {
                let transport = UreqTransport::with_config(&UreqConfig {
                    proxy_from_env: false,
                    ..UreqConfig::default()
                });
                let client = Client::with_algorithms(transport, ocsp_verify::algorithms::ALL)
                    .with_config(ClientConfig {
                        responder_url: Some(url),
                        nonce_len: nonce.then_some(32),
                        ..ClientConfig::default()
                    });
                for i in 0..REQUESTS {
                    let (cert, want) = &cases[(worker + i) % cases.len()];
                    let checked = client
                        .check(cert, &ca)
                        .unwrap_or_else(|e| panic!("request {i} of client {worker}: {e}"));
                    let got = match checked.status {
                        Status::Good => "good",
                        Status::Revoked { .. } => "revoked",
                        Status::Unknown => "unknown",
                        _ => "other",
                    };
                    assert_eq!(got, *want, "request {i} of client {worker}");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a client failed");
    }
    (CLIENTS * REQUESTS) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    assert!(openssl::available("load"), "the openssl CLI is needed");
    let pki = openssl::OpensslPki::new("load");
    let dir = pki.dir.path().to_path_buf();

    // ocsp_responder::server, signing with the CA key (P-256).
    let ca = std::fs::read(dir.join("ca.der")).unwrap();
    let key = RustCryptoSigner::from_pkcs8_der(&pem_key(&dir.join("ca.key"))).unwrap();
    let builder = ResponseBuilder::from_certificates_der(&ca, &ca, key)
        .unwrap()
        .validity_seconds(Some(300));
    let index = IndexFile::open(dir.join("index.txt")).unwrap();
    let responder = Arc::new(Responder::new(builder, index, ServerConfig::default()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(serve(listener, responder, async {
        let _ = stopped.await;
    }));

    let total = CLIENTS * REQUESTS;
    println!("{CLIENTS} clients x {REQUESTS} requests ({total}), every response verified");
    let ours_plain = load(&pki, &url, false);
    println!("ocsp-responder, no nonce (pre-signed): {ours_plain:>8.0} req/s");
    let ours_nonce = load(&pki, &url, true);
    println!("ocsp-responder, nonce (signed each):   {ours_nonce:>8.0} req/s");
    let _ = stop.send(());
    runtime.block_on(server).unwrap().unwrap();

    // openssl ocsp -port on the same index and CA key.
    let _openssl = openssl::Responder::start(&pki, openssl::Signer::Issuer);
    let theirs_plain = load(&pki, &pki.url(), false);
    println!("openssl ocsp -port, no nonce:          {theirs_plain:>8.0} req/s");
    let theirs_nonce = load(&pki, &pki.url(), true);
    println!("openssl ocsp -port, nonce:             {theirs_nonce:>8.0} req/s");
    println!("errors: 0");
}
