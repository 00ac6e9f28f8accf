//! `ocsp staple`, run as a real process against TLS servers on 127.0.0.1:
//! a rustls server in this test process (stapling through
//! `ocsp_rustls::StaplingCertResolver`) and `openssl s_server -status_file`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> String {
    dir.write(name, bytes).to_str().unwrap().to_owned()
}

/// Runs `ocsp staple ARGS`.
fn ocsp_staple(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocsp"))
        .arg("staple")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
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

fn files(pki: &TlsPki) -> Files {
    let dir = TempDir::new("ocsp-cli-staple");
    Files {
        root: write(
            &dir,
            "root.pem",
            pem("CERTIFICATE", &pki.root.cert).as_bytes(),
        ),
        dir,
    }
}

/// The keys of a JSON object, in order.
fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
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
    for (status, code, name) in [
        (CertStatus::Good, 0, "good"),
        (revoked, 3, "revoked"),
        (CertStatus::Unknown, 4, "unknown"),
    ] {
        let address = rustls_server(chain(&pki), Some(staple(&pki, status)), 1);
        let out = ocsp_staple(&[
            &address,
            "--servername",
            DNS_NAME,
            "--ca",
            &files.root,
            "--json",
        ]);
        assert_eq!(out.status.code(), Some(code), "{name}: {out:?}");
        let v = json(&out);
        assert_eq!(v["verified"], true, "{v}");
        assert_eq!(v["status"], name);
        assert_eq!(v["responder"], "issuer");
        assert_eq!(v["stapled"], true);
        // The field order is the contract: the `ocsp verify` object, then
        // `stapled` and `chain`.
        assert_eq!(
            keys(&v),
            [
                "verified",
                "status",
                "revocation_time",
                "revocation_reason",
                "this_update",
                "next_update",
                "produced_at",
                "valid_until",
                "responder",
                "cert_id",
                "stapled",
                "chain"
            ]
        );
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
    let out = ocsp_staple(&[&address, "--servername", DNS_NAME, "--ca", &files.root]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("#0 subject:  CN=localhost,O=ocsp-rs testkit"),
        "{text}"
    );
    assert!(text.contains("Chain check:  verified (--ca"), "{text}");
    assert!(
        text.contains(
            "Issuer:       CN=Testkit TLS Intermediate,O=ocsp-rs testkit (from the chain"
        ),
        "{text}"
    );
    assert!(text.contains("OK: good"), "{text}");
}

#[test]
fn no_staple_exits_1() {
    let pki = pki();
    let files = files(&pki);
    let address = rustls_server(chain(&pki), None, 1);
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--ca",
        &files.root,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["verified"], false);
    assert_eq!(v["stapled"], false);
    assert_eq!(keys(&v), ["verified", "error", "stapled", "chain"]);
    assert_eq!(v["error"]["kind"], "NoStaple");
    assert_eq!(v["chain"].as_array().unwrap().len(), 2);
}

#[test]
fn chain_that_does_not_verify_exits_1() {
    let pki = pki();
    let files = files(&pki);
    // The intermediate alone is not a trust anchor of this chain's root.
    let other_ca = write(
        &files.dir,
        "other.pem",
        pem("CERTIFICATE", &chain(&pki)[0]).as_bytes(),
    );
    let address = rustls_server(chain(&pki), Some(staple(&pki, CertStatus::Good)), 1);
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--ca",
        &other_ca,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["error"]["kind"], "ChainNotVerified");
    assert_eq!(v["stapled"], true);
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
    let address = rustls_server(vec![leaf.clone()], Some(response.clone()), 1);
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--no-verify-chain",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(json(&out)["error"]["kind"], "IssuerNotFound");

    let address = rustls_server(vec![leaf.clone()], Some(response.clone()), 1);
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--no-verify-chain",
        "--issuer",
        &files.root,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // With the root as trust anchor, it is found there.
    let address = rustls_server(vec![leaf], Some(response), 1);
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--ca",
        &files.root,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// `--at` past nextUpdate: the staple has expired (the chain is still
/// valid then).
#[test]
fn expired_staple_at_a_later_time_exits_1() {
    let pki = pki();
    let files = files(&pki);
    let address = rustls_server(chain(&pki), Some(staple(&pki, CertStatus::Good)), 1);
    let later = (pki.now + 4 * DAY).to_string();
    let out = ocsp_staple(&[
        &address,
        "--servername",
        DNS_NAME,
        "--ca",
        &files.root,
        "--at",
        &later,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["verified"], false);
    assert_eq!(v["error"]["kind"], "Expired");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["host:notaport"][..],
        &["[::1"][..],
        &["127.0.0.1:1", "--ca", "x", "--no-verify-chain"][..],
        &["127.0.0.1:1", "--servername", "not a name"][..],
    ] {
        let out = ocsp_staple(args);
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
    let cert = write(
        &files.dir,
        "leaf.pem",
        pem("CERTIFICATE", &chain[0]).as_bytes(),
    );
    let extra = write(
        &files.dir,
        "chain.pem",
        pem("CERTIFICATE", &chain[1]).as_bytes(),
    );
    let key = write(
        &files.dir,
        "leaf-key.pem",
        pem("PRIVATE KEY", LEAF_KEY_PKCS8).as_bytes(),
    );
    let status = write(&files.dir, "staple.der", staple);
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
        let out = ocsp_staple(&[&address, "--servername", DNS_NAME, "--ca", &files.root]);
        drop(server);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&format!("({version})")), "{text}");
        assert!(text.contains("OK: good"), "{text}");
    }
}
