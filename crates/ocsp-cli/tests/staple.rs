//! `ocsp staple`, run as a real process against TLS servers on 127.0.0.1:
//! a rustls server in this test process (stapling through
//! `ocsp_rustls::StaplingCertResolver`) and `openssl s_server -status_file`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::{keys, ocsp, testkit_args, text, verify_json, write_temp};
use ocsp_rustls::StaplingCertResolver;
use ocsp_testkit::support::{pem, TempDir};
use ocsp_testkit::tls::{TlsPki, DNS_NAME, LEAF_KEY_PKCS8};
use ocsp_testkit::DAY;
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::sign::CertifiedKey;
use rustls::{ServerConfig, ServerConnection};
use serde_json::Value;

const SERIAL: &[u8] = &[0x5a, 0x01];

fn pki() -> TlsPki {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    TlsPki::new(i64::try_from(now).unwrap())
}

/// `ocsp staple ADDRESS --servername localhost ARGS`: the exit code and
/// stdout.
fn staple_text(address: &str, args: &[&str]) -> (i32, String) {
    let out = ocsp(&[&["staple", address, "--servername", DNS_NAME], args].concat());
    (out.status.code().unwrap(), text(&out.stdout))
}

/// `ocsp staple ADDRESS --servername localhost ARGS --json`: the exit code
/// and the JSON object.
fn staple_json(address: &str, args: &[&str]) -> (i32, Value) {
    let (code, stdout) = staple_text(address, &[args, &["--json"]].concat());
    let value: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}), exit {code}: {stdout}"));
    (code, value)
}

/// A rustls server on 127.0.0.1 presenting `chain` with `staple`, for
/// `connections` handshakes; returns `127.0.0.1:PORT`.
fn rustls_server(chain: Vec<Vec<u8>>, staple: Option<Vec<u8>>, connections: usize) -> String {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(LEAF_KEY_PKCS8.to_vec().into()))
        .unwrap();
    let chain = chain.into_iter().map(CertificateDer::from).collect();
    let staple: Option<Arc<[u8]>> = staple.map(Arc::from);
    let resolver = StaplingCertResolver::new(CertifiedKey::new(chain, key), move || staple.clone());
    let config = Arc::new(
        ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(resolver)),
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    thread::spawn(move || {
        for _ in 0..connections {
            let Ok((mut sock, _)) = listener.accept() else {
                return;
            };
            let _ = sock.set_read_timeout(Some(Duration::from_secs(10)));
            let mut conn = ServerConnection::new(Arc::clone(&config)).unwrap();
            while conn.is_handshaking() {
                if conn.complete_io(&mut sock).is_err() {
                    break;
                }
            }
        }
    });
    address
}

/// The test PKI's files: the root (the trust anchor), in a scratch
/// directory.
struct Files {
    dir: TempDir,
    root: String,
}

impl Files {
    /// `--ca ROOT`.
    fn ca(&self) -> [&str; 2] {
        ["--ca", &self.root]
    }
}

fn files(pki: &TlsPki) -> Files {
    let dir = TempDir::new("ocsp-cli-staple");
    Files {
        root: write_temp(
            &dir,
            "root.pem",
            pem("CERTIFICATE", &pki.root.cert).as_bytes(),
        ),
        dir,
    }
}

/// A leaf by the intermediate and the chain the server sends.
fn chain(pki: &TlsPki) -> Vec<Vec<u8>> {
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    vec![leaf, pki.intermediate.cert.clone()]
}

fn staple(pki: &TlsPki, status: CertStatus) -> Vec<u8> {
    pki.response(&pki.intermediate, SERIAL, status)
        .sign(&pki.intermediate.key)
}

#[test]
fn good_revoked_unknown_from_a_rustls_server() {
    let pki = pki();
    let files = files(&pki);
    let revoked = CertStatus::Revoked(RevokedInfo {
        revocation_time: pki.at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    });
    let chain = chain(&pki);
    let leaf = write_temp(&files.dir, "leaf.der", &chain[0]);
    let issuer = write_temp(&files.dir, "intermediate.der", &chain[1]);
    let now = pki.now.to_string();
    for (status, code, name) in [
        (CertStatus::Good, 0, "good"),
        (revoked, 3, "revoked"),
        (CertStatus::Unknown, 4, "unknown"),
    ] {
        let der = staple(&pki, status);
        let address = rustls_server(chain.clone(), Some(der.clone()), 1);
        let (got, v) = staple_json(&address, &files.ca());
        assert_eq!(got, code, "{name}: {v}");
        assert_eq!(v["verified"], true, "{v}");
        assert_eq!(v["status"], name);
        assert_eq!(v["responder"], "issuer");
        assert_eq!(v["stapled"], true);
        // The field order is the contract: the object `ocsp verify` prints
        // for the same response, then `stapled` and `chain`.
        let response = write_temp(&files.dir, &format!("{name}.der"), &der);
        let (verify_code, verified) = verify_json(&testkit_args(&response, &leaf, &issuer, &now));
        assert_eq!(verify_code, code, "{verified}");
        assert_eq!(
            keys(&v),
            [keys(&verified), vec!["stapled", "chain"]].concat()
        );
        for key in keys(&verified) {
            assert_eq!(v[key], verified[key], "{key}");
        }
        let chain = v["chain"].as_array().unwrap();
        assert_eq!(chain.len(), 2);
        assert_eq!(
            keys(&chain[0]),
            ["subject", "issuer", "serial", "not_before", "not_after"]
        );
        assert_eq!(chain[0]["subject"], "CN=localhost,O=ocsp-rs testkit");
        assert_eq!(
            chain[0]["issuer"],
            "CN=Testkit TLS Intermediate,O=ocsp-rs testkit"
        );
        assert_eq!(
            chain[1]["subject"],
            "CN=Testkit TLS Intermediate,O=ocsp-rs testkit"
        );
        assert!(chain[0]["not_after"].as_str().unwrap().ends_with('Z'));
    }
}

#[test]
fn text_output_shows_chain_and_verdict() {
    let pki = pki();
    let files = files(&pki);
    let address = rustls_server(chain(&pki), Some(staple(&pki, CertStatus::Good)), 1);
    let (code, text) = staple_text(&address, &files.ca());
    assert_eq!(code, 0, "{text}");
    common::assert_contains_all(
        &text,
        &[
            "#0 subject:  CN=localhost,O=ocsp-rs testkit",
            "Chain check:  verified (--ca",
            "Issuer:       CN=Testkit TLS Intermediate,O=ocsp-rs testkit (from the chain",
            "OK: good",
        ],
    );
}

/// Staples that do not verify, or none: exit 1 with the error kind, and
/// whether a staple came.
#[test]
fn failures_exit_1_with_their_kind() {
    let pki = pki();
    let files = files(&pki);
    // The intermediate alone is not a trust anchor of this chain's root.
    let other_ca = write_temp(
        &files.dir,
        "other.pem",
        pem("CERTIFICATE", &chain(&pki)[0]).as_bytes(),
    );
    let good = || Some(staple(&pki, CertStatus::Good));
    // `--at` past nextUpdate: the staple has expired (the chain is still
    // valid then).
    let later = (pki.now + 4 * DAY).to_string();
    // (the staple, the arguments, the error kind, stapled)
    let cases = [
        (None, files.ca().to_vec(), "NoStaple", false),
        (
            good(),
            vec!["--ca", other_ca.as_str()],
            "ChainNotVerified",
            true,
        ),
        (
            good(),
            [&files.ca()[..], &["--at", later.as_str()]].concat(),
            "Expired",
            true,
        ),
    ];
    for (staple, args, kind, stapled) in cases {
        let address = rustls_server(chain(&pki), staple, 1);
        let (code, v) = staple_json(&address, &args);
        assert_eq!(code, 1, "{kind}: {v}");
        assert_eq!(v["verified"], false, "{v}");
        assert_eq!(v["error"]["kind"], kind, "{v}");
        assert_eq!(v["stapled"], stapled, "{v}");
        assert_eq!(keys(&v), ["verified", "error", "stapled", "chain"]);
        assert_eq!(v["chain"].as_array().unwrap().len(), 2, "{v}");
    }
}

/// A leaf issued by the root, sent alone: without trust anchors
/// (`--no-verify-chain`) its issuer is unknown, unless given with
/// `--issuer`.
#[test]
fn issuer_from_the_command_line_when_not_in_the_chain() {
    let pki = pki();
    let files = files(&pki);
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.root);
    let response = pki
        .response(&pki.root, SERIAL, CertStatus::Good)
        .sign(&pki.root.key);
    let no_verify_chain = ["--no-verify-chain"];
    let with_issuer = ["--no-verify-chain", "--issuer", files.root.as_str()];
    // (the arguments, the exit code): with the root as trust anchor, the
    // issuer is found there.
    for (args, code) in [
        (&no_verify_chain[..], 1),
        (&with_issuer[..], 0),
        (&files.ca()[..], 0),
    ] {
        let address = rustls_server(vec![leaf.clone()], Some(response.clone()), 1);
        let (got, v) = staple_json(&address, args);
        assert_eq!(got, code, "{args:?}: {v}");
        if code == 1 {
            assert_eq!(v["error"]["kind"], "IssuerNotFound");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["host:notaport"][..],
        &["[::1"][..],
        &["127.0.0.1:1", "--ca", "x", "--no-verify-chain"][..],
        &["127.0.0.1:1", "--servername", "not a name"][..],
    ] {
        let out = ocsp(&[&["staple"], args].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
}

/// `openssl s_server`, killed when dropped.
struct OpensslServer(Child);

impl Drop for OpensslServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `openssl s_server -status_file` on a free port of 127.0.0.1 and
/// waits until it accepts connections: its `ACCEPT` line, then a bounded
/// number of connection attempts (no sleeping); `None` when openssl is not
/// installed.
fn openssl_server(
    files: &Files,
    chain: &[Vec<u8>],
    staple: &[u8],
    extra_args: &[&str],
) -> Option<(OpensslServer, String)> {
    let cert = write_temp(
        &files.dir,
        "leaf.pem",
        pem("CERTIFICATE", &chain[0]).as_bytes(),
    );
    let extra = write_temp(
        &files.dir,
        "chain.pem",
        pem("CERTIFICATE", &chain[1]).as_bytes(),
    );
    let key = write_temp(
        &files.dir,
        "leaf-key.pem",
        pem("PRIVATE KEY", LEAF_KEY_PKCS8).as_bytes(),
    );
    let status = write_temp(&files.dir, "staple.der", staple);
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("127.0.0.1:{port}");
    let child = Command::new("openssl")
        .args([
            "s_server",
            "-accept",
            &address,
            "-cert",
            &cert,
            "-key",
            &key,
            "-cert_chain",
            &extra,
            "-status_file",
            &status,
        ])
        .args(extra_args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut server = OpensslServer(child);
    let stdout = server.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    // ACCEPT is printed once the socket listens; EOF means it exited.
    let ready = lines
        .by_ref()
        .take(100)
        .any(|line| line.is_ok_and(|l| l.contains("ACCEPT")));
    assert!(ready, "openssl s_server did not start");
    // Keep reading its per-connection output so it never blocks on a pipe.
    thread::spawn(move || lines.for_each(drop));
    // A probe connection (the server then goes on to the next one).
    let connected = (0..100).any(|_| TcpStream::connect(&address).is_ok());
    assert!(connected, "openssl s_server does not accept connections");
    Some((server, address))
}

/// TLS 1.3 (the staple in the Certificate message) and TLS 1.2 (the
/// CertificateStatus message).
#[test]
fn good_staple_from_openssl_s_server() {
    let pki = pki();
    let files = files(&pki);
    let chain = chain(&pki);
    for (extra, version) in [(&[][..], "TLSv1_3"), (&["-no_tls1_3"][..], "TLSv1_2")] {
        let Some((server, address)) =
            openssl_server(&files, &chain, &staple(&pki, CertStatus::Good), extra)
        else {
            eprintln!("openssl not installed: skipped");
            return;
        };
        let (code, text) = staple_text(&address, &files.ca());
        drop(server);
        assert_eq!(code, 0, "{text}");
        common::assert_contains_all(&text, &[&format!("({version})"), "OK: good"]);
    }
}
