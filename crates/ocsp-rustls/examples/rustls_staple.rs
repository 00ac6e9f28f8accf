//! OCSP stapling over a real TLS connection on 127.0.0.1, with rustls.
//!
//! A test PKI (ocsp-testkit) is built around the current time. Twice, a
//! rustls server staples a response from the CA (via
//! `ocsp_rustls::StaplingCertResolver`) and a rustls client verifies it
//! (via `ocsp_rustls::OcspVerifier`): first "good", accepted; then
//! "revoked", refused with `CertificateError::Revoked`.
//!
//! ```text
//! cargo run -p ocsp-rustls --example rustls_staple
//! ```

use std::error::Error;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ocsp_rustls::{OcspVerifier, StaplePolicy, StaplingCertResolver};
use ocsp_testkit::tls::{TlsPki, DNS_NAME, LEAF_KEY_PKCS8};
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::crypto::{ring, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::sign::CertifiedKey;
use rustls::{ClientConfig, ClientConnection, RootCertStore, ServerConfig, ServerConnection};

const SERIAL: &[u8] = &[0x0e, 0x0a, 0x0f];

fn main() -> Result<(), Box<dyn Error>> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let pki = TlsPki::new(i64::try_from(now)?);
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.root);

    let good = pki.response(&pki.root, SERIAL, CertStatus::Good);
    let revoked = pki.response(
        &pki.root,
        SERIAL,
        CertStatus::Revoked(RevokedInfo {
            revocation_time: pki.at(-3600),
            revocation_reason: Some(CrlReason::KeyCompromise),
        }),
    );

    for (label, staple) in [
        ("good", good.sign(&pki.root.key)),
        ("revoked", revoked.sign(&pki.root.key)),
    ] {
        print!(
            "server staples a {label:>7} response ({} bytes): ",
            staple.len()
        );
        match connect(&pki, &leaf, staple) {
            Ok(greeting) => println!("client accepted, server said {greeting:?}"),
            Err(e) => println!("client refused: {e}"),
        }
    }
    Ok(())
}

/// Serves one connection with `staple` and connects to it with the OCSP
/// verifier; returns what the server wrote.
fn connect(pki: &TlsPki, leaf: &[u8], staple: Vec<u8>) -> Result<String, Box<dyn Error>> {
    let provider: Arc<CryptoProvider> = Arc::new(ring::default_provider());

    // Server: the certificate, its key, and the staple from a source (here
    // a fixed one; in production e.g. `move || stapler.current_staple()`).
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(LEAF_KEY_PKCS8.to_vec().into()))?;
    let staple: Arc<[u8]> = Arc::from(staple);
    let resolver = StaplingCertResolver::new(
        CertifiedKey::new(vec![CertificateDer::from(leaf.to_vec())], key),
        move || Some(Arc::clone(&staple)),
    );
    let server_config = Arc::new(
        ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(resolver)),
    );
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let server = thread::spawn(move || -> std::io::Result<()> {
        let (sock, _) = listener.accept()?;
        sock.set_read_timeout(Some(Duration::from_secs(10)))?;
        let conn = ServerConnection::new(server_config).map_err(std::io::Error::other)?;
        let mut tls = rustls::StreamOwned::new(conn, sock);
        tls.write_all(b"hello from a stapling server")?;
        tls.conn.send_close_notify();
        tls.flush()
    });

    // Client: WebPKI against the test root, then the staple, default policy.
    let mut roots = RootCertStore::empty();
    roots.add(CertificateDer::from(pki.root.cert.clone()))?;
    let verifier = OcspVerifier::new(Arc::new(roots), Arc::clone(&provider))?
        .with_policy(StaplePolicy::default());
    let client_config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    let conn = ClientConnection::new(Arc::new(client_config), ServerName::try_from(DNS_NAME)?)?;
    let sock = TcpStream::connect(addr)?;
    sock.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut tls = rustls::StreamOwned::new(conn, sock);
    let mut greeting = String::new();
    let read = tls.read_to_string(&mut greeting);
    drop(tls);
    // The server's own outcome (an alert when the client refused) is not
    // the point here.
    let _ = server.join();
    read?;
    Ok(greeting)
}
