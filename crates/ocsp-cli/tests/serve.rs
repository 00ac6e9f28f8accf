//! `ocsp serve` against real clients: `openssl ocsp -url` (POST), raw GET
//! and POST over TCP, and `ocsp check`, with a PKI made by the openssl CLI.
//! Skipped (loudly) without openssl.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;

use common::Served;
use ocsp_request::{cert_id_for_certificate, encode_get_url, HashAlgorithm, RequestBuilder};
use ocsp_testkit::openssl_pki::{available, OpensslPki, Signer, LIMIT, REVOKED_AT};
use ocsp_testkit::support::{openssl as run_openssl, TempDir};
use ocsp_types::{OcspResponseRef, ResponseStatus};
use ocsp_verify::{algorithms, Issuer, Status, Subject, UnixTime, Verifier};

/// `ocsp serve` on a free port, for an openssl-made PKI; killed on drop.
struct Serve {
    served: Served,
    url: String,
    addr: String,
}

impl Serve {
    fn start(pki: &OpensslPki, signer: Signer, extra: &[&str]) -> Serve {
        let (rsigner, rkey) = match signer {
            Signer::Issuer => ("ca.pem", "ca.key"),
            Signer::Delegated => ("responder.pem", "responder.key"),
        };
        let args = [
            "--index",
            "index.txt",
            "--ca",
            "ca.pem",
            "--rsigner",
            rsigner,
            "--rkey",
            rkey,
            "--port",
            "0",
            "--nmin",
            "10",
            "--index-recheck",
            "0",
        ];
        let served = Served::start(pki.dir.path(), &[&args[..], extra].concat(), LIMIT);
        let url = served.url.trim_end_matches('/').to_owned();
        let addr = url.trim_start_matches("http://").to_owned();
        Serve { served, url, addr }
    }

    /// Sends SIGTERM and waits (bounded) for a clean exit.
    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.served.child.id().to_string();
        assert!(Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        let mut child = std::mem::replace(
            &mut self.served.child,
            Command::new("true").spawn().unwrap(),
        );
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait());
        });
        rx.recv_timeout(LIMIT)
            .expect("no exit after SIGTERM")
            .unwrap()
    }
}

/// A fresh openssl-made PKI (`tag` names its directory and the test) and
/// `ocsp serve` for it, signing as `signer`; `None`, the test skipped
/// loudly, without openssl.
fn serving(tag: &str, signer: Signer, extra: &[&str]) -> Option<(OpensslPki, Serve)> {
    if !available(tag) {
        return None;
    }
    let pki = OpensslPki::new(tag);
    let serve = Serve::start(&pki, signer, extra);
    Some((pki, serve))
}

/// `openssl ocsp -url` (POST, with a nonce) for `cert`; its stdout+stderr.
fn openssl_query(pki: &OpensslPki, serve: &Serve, cert: &str, extra: &[&str]) -> String {
    let out = Command::new("openssl")
        .args([
            "ocsp",
            "-issuer",
            "ca.pem",
            "-cert",
            cert,
            "-url",
            &serve.url,
            "-CAfile",
            "ca.pem",
            "-resp_text",
            "-timeout",
            "10",
        ])
        .args(extra)
        .current_dir(pki.dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "openssl ocsp failed:\n{text}");
    text
}

/// One HTTP/1.1 exchange on a fresh connection: (status, headers, body).
fn http(addr: &str, request: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(LIMIT)).unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect();
    (status, headers, raw[split + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn post(addr: &str, body: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut req = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/ocsp-request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    http(addr, &req)
}

fn get(addr: &str, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    http(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn request_for(pki: &OpensslPki, cert: &[u8]) -> Vec<u8> {
    let id = cert_id_for_certificate(cert, &pki.ca, HashAlgorithm::Sha1).unwrap();
    RequestBuilder::new()
        .cert_id(id)
        .build()
        .unwrap()
        .to_der()
        .unwrap()
}

fn verify(pki: &OpensslPki, der: &[u8], cert: &[u8]) -> Status {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    Verifier::new(algorithms::ALL)
        .verify(
            der,
            Subject::Certificate(cert),
            Issuer::Certificate(&pki.ca),
            UnixTime::since_unix_epoch(now),
            None,
        )
        .unwrap()
        .status
}

fn ocsp_status(der: &[u8]) -> ResponseStatus {
    OcspResponseRef::parse(der).unwrap().status()
}

#[test]
fn openssl_ocsp_gets_good_revoked_unknown_from_ca_and_delegated_signers() {
    if !available("openssl_ocsp_gets_good_revoked_unknown_from_ca_and_delegated_signers") {
        return;
    }
    let pki = OpensslPki::new("serve-openssl");
    for signer in [Signer::Issuer, Signer::Delegated] {
        let serve = Serve::start(&pki, signer, &[]);
        let good = openssl_query(&pki, &serve, "leaf-good.pem", &[]);
        assert!(good.contains("leaf-good.pem: good"), "{signer:?}:\n{good}");
        assert!(good.contains("Response verify OK"), "{good}");
        // openssl sends a nonce by default and warns when it is not echoed.
        assert!(good.contains("OCSP Nonce"), "{good}");
        assert!(!good.contains("WARNING: no nonce"), "{good}");
        assert!(good.contains("Next Update"), "{good}");
        let revoked = openssl_query(&pki, &serve, "leaf-revoked.pem", &[]);
        assert!(revoked.contains("leaf-revoked.pem: revoked"), "{revoked}");
        assert!(revoked.contains("Reason: keyCompromise"), "{revoked}");
        assert!(
            revoked.contains("Revocation Time: Jan  1 00:00:00 2024 GMT"),
            "{revoked}"
        );
        let unknown = openssl_query(&pki, &serve, "leaf-unknown.pem", &[]);
        assert!(unknown.contains("leaf-unknown.pem: unknown"), "{unknown}");
        // Without a nonce, the pre-signed response.
        let plain = openssl_query(&pki, &serve, "leaf-good.pem", &["-no_nonce"]);
        assert!(plain.contains("leaf-good.pem: good"), "{plain}");
        assert!(serve.terminate().success());
    }
}

#[test]
fn get_and_post_with_rfc_5019_caching_headers_and_presigned_reuse() {
    let Some((pki, serve)) = serving("serve-get", Signer::Delegated, &[]) else {
        return;
    };
    let der = request_for(&pki, &pki.good);
    let url = encode_get_url(&serve.url, &der);
    let path = url.trim_start_matches(&serve.url);
    let (status, headers, body) = get(&serve.addr, path);
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "content-type"),
        Some("application/ocsp-response")
    );
    let cache_control = header(&headers, "cache-control").unwrap();
    let max_age: i64 = cache_control
        .strip_prefix("max-age=")
        .and_then(|r| r.split(',').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!((0..=600).contains(&max_age), "{cache_control}");
    assert!(
        cache_control.ends_with(", public, no-transform, must-revalidate"),
        "{cache_control}"
    );
    assert!(header(&headers, "last-modified").unwrap().ends_with(" GMT"));
    assert!(header(&headers, "expires").unwrap().ends_with(" GMT"));
    let etag = header(&headers, "etag").unwrap().to_owned();
    assert_eq!(verify(&pki, &body, &pki.good), Status::Good);

    // The same CertID again, by POST: the same pre-signed bytes.
    let (status, headers, again) = post(&serve.addr, &der);
    assert_eq!(status, 200);
    assert_eq!(again, body);
    assert_eq!(header(&headers, "etag"), Some(etag.as_str()));

    // Unescaped base64 (a variant decode_get_url accepts).
    let unescaped = path
        .replace("%2F", "/")
        .replace("%2B", "+")
        .replace("%3D", "=");
    let (_, _, body) = get(&serve.addr, &unescaped);
    assert_eq!(verify(&pki, &body, &pki.good), Status::Good);

    let revoked = post(&serve.addr, &request_for(&pki, &pki.revoked)).2;
    assert!(
        matches!(verify(&pki, &revoked, &pki.revoked), Status::Revoked { time, reason: Some(ocsp_types::CrlReason::KeyCompromise) } if time.unix_timestamp() == REVOKED_AT)
    );
}

#[test]
fn malformed_unauthorized_and_http_errors() {
    let Some((pki, serve)) = serving("serve-errors", Signer::Issuer, &[]) else {
        return;
    };
    let (status, headers, body) = post(&serve.addr, b"definitely not DER");
    assert_eq!(status, 200);
    assert_eq!(ocsp_status(&body), ResponseStatus::MalformedRequest);
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));
    assert_eq!(
        ocsp_status(&get(&serve.addr, "/not-base64!").2),
        ResponseStatus::MalformedRequest
    );
    assert_eq!(
        ocsp_status(&get(&serve.addr, "/").2),
        ResponseStatus::MalformedRequest
    );

    // A CertID naming an issuer it does not serve: the leaf as "issuer".
    let id = ocsp_request::PreparedIssuer::from_certificate(&pki.good)
        .unwrap()
        .cert_id(&[0x10, 0x01], HashAlgorithm::Sha1)
        .unwrap();
    let der = RequestBuilder::new()
        .cert_id(id)
        .build()
        .unwrap()
        .to_der()
        .unwrap();
    assert_eq!(
        ocsp_status(&post(&serve.addr, &der).2),
        ResponseStatus::Unauthorized
    );

    // HTTP-level refusals.
    let put = http(
        &serve.addr,
        b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(put.0, 405);
    let wrong_type = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi".to_vec();
    assert_eq!(http(&serve.addr, &wrong_type).0, 415);
    let big = vec![0x30u8; 70 * 1024];
    assert_eq!(post(&serve.addr, &big).0, 413);
    assert!(serve.terminate().success());
}

#[test]
fn survives_garbage_bare_connects_and_slow_clients() {
    let Some((pki, serve)) = serving("serve-abuse", Signer::Issuer, &[]) else {
        return;
    };
    // A bare connect held open, a slow client that sent half a header.
    let _bare = TcpStream::connect(&serve.addr).unwrap();
    let mut slow = TcpStream::connect(&serve.addr).unwrap();
    slow.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Le")
        .unwrap();
    // Garbage: hyper answers 400 and closes.
    let mut garbage = TcpStream::connect(&serve.addr).unwrap();
    garbage.set_read_timeout(Some(LIMIT)).unwrap();
    garbage
        .write_all(b"\x00\x01\x02 garbage \xff\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = garbage.read_to_end(&mut answer);
    assert!(
        answer.is_empty() || answer.starts_with(b"HTTP/1.1 400"),
        "{answer:?}"
    );
    // Still serving everyone else.
    let body = post(&serve.addr, &request_for(&pki, &pki.good)).2;
    assert_eq!(verify(&pki, &body, &pki.good), Status::Good);
    assert!(serve.terminate().success());
}

fn rewrite_index(dir: &Path, text: &str) {
    let tmp = dir.join("index.txt.new");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("index.txt")).unwrap();
}

#[test]
fn the_index_changing_while_serving_is_picked_up_and_a_broken_one_is_not() {
    let Some((pki, serve)) = serving("serve-reload", Signer::Issuer, &[]) else {
        return;
    };
    let der = request_for(&pki, &pki.good);
    assert_eq!(
        verify(&pki, &post(&serve.addr, &der).2, &pki.good),
        Status::Good
    );
    // Revoke 1001 (index recheck 0: the next request looks at the file).
    rewrite_index(
        pki.dir.path(),
        "R\t301231235959Z\t250601120000Z,superseded\t1001\tunknown\t/CN=leaf-good\n",
    );
    // The nonce-less, pre-signed response is not reused across the change.
    let body = post(&serve.addr, &der).2;
    assert!(matches!(
        verify(&pki, &body, &pki.good),
        Status::Revoked {
            reason: Some(ocsp_types::CrlReason::Superseded),
            ..
        }
    ));
    // A broken index is refused whole; the last good one stays in service.
    rewrite_index(pki.dir.path(), "V\tgarbage\n");
    let body = post(&serve.addr, &der).2;
    assert!(matches!(
        verify(&pki, &body, &pki.good),
        Status::Revoked { .. }
    ));
    let text = openssl_query(&pki, &serve, "leaf-good.pem", &[]);
    assert!(text.contains("leaf-good.pem: revoked"), "{text}");
}

#[test]
fn ocsp_check_against_ocsp_serve() {
    let Some((pki, serve)) = serving("serve-check", Signer::Delegated, &[]) else {
        return;
    };
    let check = |cert: &str, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ocsp"))
            .args([
                "check", "--cert", cert, "--issuer", "ca.pem", "--url", &serve.url,
            ])
            .args(extra)
            .current_dir(pki.dir.path())
            .output()
            .unwrap()
    };
    let good = check("leaf-good.pem", &[]);
    assert_eq!(
        good.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert_eq!(
        check("leaf-good.pem", &["--no-nonce"]).status.code(),
        Some(0)
    );
    assert_eq!(check("leaf-revoked.pem", &[]).status.code(), Some(3));
    assert_eq!(check("leaf-unknown.pem", &[]).status.code(), Some(4));
}

#[test]
fn nonce_ignore_sends_the_presigned_response() {
    let Some((pki, serve)) = serving("serve-ignore", Signer::Issuer, &["--nonce", "ignore"]) else {
        return;
    };
    let text = openssl_query(&pki, &serve, "leaf-good.pem", &[]);
    assert!(text.contains("leaf-good.pem: good"), "{text}");
    assert!(text.contains("WARNING: no nonce in response"), "{text}");
}

#[test]
fn an_ed25519_ca_signs_responses_openssl_accepts() {
    if !available("an_ed25519_ca_signs_responses_openssl_accepts") {
        return;
    }
    // The same file names as OpensslPki, with an Ed25519 CA (key in PKCS#8).
    let dir = TempDir::new("ocsp-cli-serve-ed25519");
    let d = dir.path();
    run_openssl(d, &["genpkey", "-algorithm", "ed25519", "-out", "ca.key"]);
    run_openssl(
        d,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=ed25519 CA",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
        ],
    );
    run_openssl(d, &["genpkey", "-algorithm", "ed25519", "-out", "leaf.key"]);
    run_openssl(
        d,
        &[
            "req", "-new", "-key", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=leaf",
        ],
    );
    run_openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "0x1001",
            "-days",
            "30",
            "-out",
            "leaf-good.pem",
        ],
    );
    std::fs::write(
        d.join("index.txt"),
        "V\t301231235959Z\t\t1001\tunknown\t/CN=leaf\n",
    )
    .unwrap();
    let pki = OpensslPki {
        dir,
        port: 0,
        ca: Vec::new(),
        good: Vec::new(),
        revoked: Vec::new(),
        unknown: Vec::new(),
    };
    let serve = Serve::start(&pki, Signer::Issuer, &[]);
    let text = openssl_query(&pki, &serve, "leaf-good.pem", &[]);
    assert!(text.contains("Response verify OK"), "{text}");
    assert!(text.contains("leaf-good.pem: good"), "{text}");
    assert!(text.contains("ED25519"), "{text}");
}
