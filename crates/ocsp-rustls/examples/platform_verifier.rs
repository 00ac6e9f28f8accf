//! Both sides of OCSP stapling with ocsp-rustls, on loopback:
//!
//! * the server: rustls's SNI resolver wrapped in a
//!   [`ocsp_rustls::StaplingResolver`], which staples only verified
//!   responses and keeps them in a [`ocsp_rustls::StapleStore`] directory,
//!   so that a restarted server staples at once;
//! * the client: rustls-platform-verifier's verifier (the operating
//!   system's trust store and policy, plus this example's test root)
//!   wrapped in an [`ocsp_rustls::OcspVerifier`] that requires a valid
//!   staple.
//!
//! The certificates and the OCSP response come from the workspace's test
//! PKI; a real server gets its responses from its CA (e.g. with
//! `ocsp_http::Stapler`). Run with `cargo run -p ocsp-rustls --example
//! platform_verifier`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::error::Error;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::{SystemTime, UNIX_EPOCH};

use ocsp_rustls::{Action, OcspVerifier, StapleError, StaplePolicy, StapleStore, StaplingResolver};
use ocsp_testkit::tls::{TlsPki, DNS_NAME, LEAF_KEY_PKCS8};
use ocsp_types::CertStatus;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::server::ResolvesServerCertUsingSni;
use rustls::sign::CertifiedKey;
use rustls::{ClientConfig, ClientConnection, ServerConfig, ServerConnection};

fn main() -> Result<(), Box<dyn Error>> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let now = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs())?;
    let pki = TlsPki::new(now);
    let serial = [0x42];
    let leaf = pki.issue_leaf(&pki.leaf_spec(&serial, false), &pki.intermediate);
    let response = pki
        .response(&pki.intermediate, &serial, CertStatus::Good)
        .sign(&pki.intermediate.key);

    // ---- the server
    let mut sni = ResolvesServerCertUsingSni::new();
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(LEAF_KEY_PKCS8.to_vec().into()))?;
    let chain = vec![
        CertificateDer::from(leaf.clone()),
        CertificateDer::from(pki.intermediate.cert.clone()),
    ];
    sni.add(DNS_NAME, CertifiedKey::new(chain, key))?;
    let store_dir =
        std::env::temp_dir().join(format!("ocsp-rustls-example-{}", std::process::id()));
    let resolver =
        StaplingResolver::new(Arc::new(sni), &provider).with_store(StapleStore::new(&store_dir)?);
    // After a restart, this staples the saved response (if still valid).
    match resolver.load_stored(&leaf, &pki.intermediate.cert) {
        Ok(Some(until)) => println!("server: stapling the stored response until {until:?}"),
        Ok(None) => println!("server: nothing stored yet"),
        Err(e) => println!("server: stored response refused: {e}"),
    }
    // The refresher's job: verified, stapled from now on, saved.
    let until = resolver.set_staple(&leaf, &pki.intermediate.cert, &response)?;
    println!(
        "server: stapling a verified response until {until:?}, saved in {}",
        StapleStore::new(&store_dir)?.path(&leaf).display()
    );
    let server_config = Arc::new(
        ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(resolver)),
    );
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    let server = thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        let mut conn = ServerConnection::new(server_config).unwrap();
        while conn.is_handshaking() {
            if conn.complete_io(&mut sock).is_err() {
                break;
            }
        }
    });

    // ---- the client
    let platform = rustls_platform_verifier::Verifier::new_with_extra_roots(
        [CertificateDer::from(pki.root.cert.clone())],
        Arc::clone(&provider),
    )?;
    let verifier = OcspVerifier::builder(Arc::new(platform), &provider)
        .with_policy(StaplePolicy {
            on_missing: Action::Deny,
            ..StaplePolicy::default()
        })
        .build();
    let client_config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    let mut conn = ClientConnection::new(Arc::new(client_config), ServerName::try_from(DNS_NAME)?)?;
    let mut sock = TcpStream::connect(address)?;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut sock) {
            // Why a staple was refused, as the application sees it.
            let reason = e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                .and_then(|tls| match tls {
                    rustls::Error::InvalidCertificate(rustls::CertificateError::Other(other)) => {
                        other.0.downcast_ref::<StapleError>().cloned()
                    }
                    _ => None,
                });
            println!("client: handshake failed: {e} (staple error: {reason:?})");
            return Err(e.into());
        }
    }
    println!(
        "client: connected to {address} with {:?}; the chain verified by the platform verifier, the staple by ocsp-rustls",
        conn.protocol_version()
    );
    drop(sock);
    server.join().map_err(|_| "server thread panicked")?;
    std::fs::remove_dir_all(&store_dir)?;
    Ok(())
}
