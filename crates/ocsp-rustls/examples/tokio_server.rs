//! An HTTPS server on tokio-rustls that staples its OCSP response and keeps
//! it fresh, and a client that refuses the server without a valid staple.
//!
//! ```text
//! cargo run -p ocsp-rustls --example tokio_server
//! ```
//!
//! Offline and bounded (about three seconds): the test PKI of
//! `ocsp-testkit` (a Must-Staple certificate for `localhost`), and an OCSP
//! responder in the same process (`ocsp_responder::server` on 127.0.0.1,
//! signing with the intermediate CA's key, responses valid for 4 seconds so
//! that a refresh happens while the example runs). The wiring a real server
//! needs is in `main`:
//!
//! * `StaplingResolver` around the server's own resolver (here rustls's SNI
//!   resolver), so that only verified, unexpired responses are stapled;
//! * an `ocsp_http::Stapler` per certificate, handed to the resolver with
//!   `StaplingResolver::follow`, and one `ocsp_http::spawn_refresh_task`
//!   for all of them (halfway through each response's validity, with
//!   jitter and backoff);
//! * on the client, `OcspVerifier` with `on_missing: Deny` (and the
//!   certificate's Must-Staple would refuse a missing staple anyway).
//!
//! Exits with status 0 after two verified handshakes, the second with the
//! refreshed staple.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::error::Error;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ocsp_http::{
    spawn_refresh_task, Cache, Client, ClientConfig, Clock as _, RefreshSchedule, ReqwestConfig,
    ReqwestTransport, Stapler, SystemClock,
};
use ocsp_responder::server::{serve, Responder, ServerConfig as ResponderConfig};
use ocsp_responder::{CertificateStatus, MemorySource, ResponseBuilder};
use ocsp_rustls::{Action, OcspVerifier, StaplePolicy, StaplingResolver};
use ocsp_testkit::tls::{TlsPki, DNS_NAME, LEAF_KEY_PKCS8};
use ocsp_testkit::KeySigner;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::server::ResolvesServerCertUsingSni;
use rustls::sign::CertifiedKey;
use rustls::RootCertStore;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::{TlsAcceptor, TlsConnector};

type BoxError = Box<dyn Error + Send + Sync>;

/// How long each OCSP response is valid: the stapler refreshes halfway.
const VALIDITY_SECONDS: u32 = 4;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), BoxError> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let pki = TlsPki::new(i64::try_from(now)?);
    let serial = [0x42, 0x01];
    let leaf = pki.issue_leaf(&pki.leaf_spec(&serial, true), &pki.intermediate);
    let issuer = pki.intermediate.cert.clone();

    // The CA's OCSP responder, on loopback.
    let (ocsp_url, stop_responder) = start_responder(&pki, &serial).await?;
    println!("OCSP responder at {ocsp_url}");

    // The server: rustls's SNI resolver, wrapped by the stapling resolver.
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(LEAF_KEY_PKCS8.to_vec().into()))?;
    let chain = vec![
        CertificateDer::from(leaf.clone()),
        CertificateDer::from(issuer.clone()),
    ];
    let mut sni = ResolvesServerCertUsingSni::new();
    sni.add(DNS_NAME, CertifiedKey::new(chain, key))?;
    let resolver = Arc::new(StaplingResolver::new(Arc::new(sni), &provider));

    // A stapler per certificate, followed by the resolver, refreshed by one
    // tokio task. (This certificate has no AIA: the URL is configured.)
    let transport = ReqwestTransport::with_config(&ReqwestConfig {
        proxy_from_env: false,
        ..ReqwestConfig::default()
    })?;
    let client = Client::new(transport).with_config(ClientConfig {
        responder_url: Some(ocsp_url),
        ..ClientConfig::default()
    });
    let cache = Arc::new(Cache::new(client));
    let stapler = Arc::new(resolver.follow(Stapler::new(cache, leaf.clone(), issuer)));
    // A first staple before serving: a Must-Staple certificate without one
    // fails every handshake. (A restarted server would first try
    // `resolver.load_stored` with a `StapleStore`.)
    stapler.refresh_if_due_async(SystemClock.now()).await?;
    let first = resolver
        .current_staple(&leaf)
        .ok_or("the first response was not stapled")?;
    let refresh_task = spawn_refresh_task(vec![Arc::clone(&stapler)], RefreshSchedule::default());

    let server_config = rustls::ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_cert_resolver(Arc::clone(&resolver) as Arc<dyn rustls::server::ResolvesServerCert>);
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(https_server(
        listener,
        TlsAcceptor::from(Arc::new(server_config)),
    ));
    println!(
        "HTTPS server at https://{DNS_NAME}:{} (127.0.0.1)",
        addr.port()
    );

    // The client: the chain by WebPKI, then a valid staple required.
    let mut roots = RootCertStore::empty();
    roots.add(CertificateDer::from(pki.root.cert.clone()))?;
    let policy = StaplePolicy {
        on_missing: Action::Deny,
        ..StaplePolicy::default()
    };
    let verifier = OcspVerifier::new(Arc::new(roots), Arc::clone(&provider))?.with_policy(policy);
    let client_config = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    let connector = TlsConnector::from(Arc::new(client_config));

    let answer = https_get(&connector, addr).await?;
    println!(
        "handshake 1 (staple of {} octets verified): {answer}",
        first.len()
    );

    // The refresh task fetches a new response halfway through the first
    // one's validity; the resolver verifies it and staples it.
    let refreshed = tokio::time::timeout(Duration::from_secs(15), async {
        loop {
            match resolver.current_staple(&leaf) {
                Some(current) if current != first => return current,
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    })
    .await
    .map_err(|_| "the staple was not refreshed within 15 s")?;
    let answer = https_get(&connector, addr).await?;
    println!(
        "handshake 2 (refreshed staple of {} octets verified): {answer}",
        refreshed.len()
    );

    refresh_task.abort();
    server.abort();
    let _ = stop_responder.send(());
    Ok(())
}

/// Starts an OCSP responder for the intermediate CA (signing with its own
/// key) that says `serial` is good; returns its URL and its stop switch.
async fn start_responder(
    pki: &TlsPki,
    serial: &[u8],
) -> Result<(String, tokio::sync::oneshot::Sender<()>), BoxError> {
    let ca = &pki.intermediate;
    let signer = KeySigner {
        key: ca.key.clone(),
        alg: ca.key.default_alg(),
    };
    let builder = ResponseBuilder::from_certificates_der(&ca.cert, &ca.cert, signer)?
        .validity_seconds(Some(VALIDITY_SECONDS));
    let mut source = MemorySource::new();
    source.insert(0, serial, CertificateStatus::Good);
    let responder = Arc::new(Responder::new(builder, source, ResponderConfig::default()));
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/", listener.local_addr()?);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, responder, async {
        let _ = stopped.await;
    }));
    Ok((url, stop))
}

/// Answers every TLS connection with a small HTTP response.
async fn https_server(listener: TcpListener, acceptor: TlsAcceptor) {
    while let Ok((tcp, _)) = listener.accept().await {
        let acceptor = acceptor.clone();
        tokio::spawn(async move {
            let Ok(mut tls) = acceptor.accept(tcp).await else {
                return;
            };
            let mut request = [0u8; 1024];
            let _ = tls.read(&mut request).await;
            let _ = tls
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nhello\n",
                )
                .await;
            let _ = tls.shutdown().await;
        });
    }
}

/// One GET over TLS to `localhost` at `addr`; the status line.
async fn https_get(connector: &TlsConnector, addr: SocketAddr) -> Result<String, BoxError> {
    let tcp = TcpStream::connect(addr).await?;
    let mut tls = connector
        .connect(ServerName::try_from(DNS_NAME)?, tcp)
        .await?;
    tls.write_all(b"GET / HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
        .await?;
    let mut response = Vec::new();
    tls.read_to_end(&mut response).await?;
    let text = String::from_utf8_lossy(&response);
    Ok(text.lines().next().unwrap_or_default().to_owned())
}
