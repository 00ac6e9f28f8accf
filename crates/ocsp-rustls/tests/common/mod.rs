//! A loopback TLS harness: a rustls server with [`StaplingCertResolver`]
//! and a rustls client with [`OcspVerifier`], over std TcpStreams.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ocsp_rustls::{OcspVerifier, StapleError, StaplePolicy, StaplingCertResolver};
use ocsp_testkit::tls::{TlsPki, DNS_NAME, LEAF_KEY_PKCS8};
use rustls::crypto::{ring, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::sign::CertifiedKey;
use rustls::{
    CertificateError, ClientConfig, ClientConnection, RootCertStore, ServerConfig,
    ServerConnection, SupportedProtocolVersion,
};

pub const TLS13: &SupportedProtocolVersion = &rustls::version::TLS13;
pub const TLS12: &SupportedProtocolVersion = &rustls::version::TLS12;

pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// The PKI, built around the real clock (WebPKI checks validity against it).
pub fn pki() -> TlsPki {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    TlsPki::new(i64::try_from(now).unwrap())
}

/// A client verifier trusting the PKI's root.
pub fn verifier(pki: &TlsPki, policy: StaplePolicy) -> OcspVerifier {
    OcspVerifier::new(roots(pki), provider())
        .unwrap()
        .with_policy(policy)
}

/// One handshake on loopback: the server presents `chain` (leaf first) with
/// `staple`; returns the client's handshake error, if any.
pub fn handshake(
    chain: &[&[u8]],
    staple: Option<Vec<u8>>,
    verifier: OcspVerifier,
    version: &'static SupportedProtocolVersion,
) -> Result<(), rustls::Error> {
    let provider = provider();
    let key = leaf_key(&provider);
    let chain: Vec<CertificateDer<'static>> = chain
        .iter()
        .map(|c| CertificateDer::from(c.to_vec()))
        .collect();
    let staple: Option<Arc<[u8]>> = staple.map(Arc::from);
    let resolver = StaplingCertResolver::new(CertifiedKey::new(chain, key), move || staple.clone());
    handshake_with(provider, Arc::new(resolver), verifier, version)
}

/// The server certificates' signing key, loaded by `provider`.
pub fn leaf_key(provider: &CryptoProvider) -> Arc<dyn rustls::sign::SigningKey> {
    provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(LEAF_KEY_PKCS8.to_vec().into()))
        .unwrap()
}

/// One handshake on loopback with `provider` on both sides, the server's
/// certificates chosen by `resolver`, the client verifying with `verifier`
/// for [`DNS_NAME`]; returns the client's handshake error, if any.
pub fn handshake_with(
    provider: Arc<CryptoProvider>,
    resolver: Arc<dyn rustls::server::ResolvesServerCert>,
    verifier: OcspVerifier,
    version: &'static SupportedProtocolVersion,
) -> Result<(), rustls::Error> {
    let server_config = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_protocol_versions(&[version])
        .unwrap()
        .with_no_client_auth()
        .with_cert_resolver(resolver);

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        sock.set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut conn = ServerConnection::new(Arc::new(server_config)).unwrap();
        while conn.is_handshaking() {
            if conn.complete_io(&mut sock).is_err() {
                return;
            }
        }
    });

    let client_config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[version])
        .unwrap()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    let mut conn = ClientConnection::new(
        Arc::new(client_config),
        ServerName::try_from(DNS_NAME).unwrap(),
    )
    .unwrap();
    let mut sock = TcpStream::connect(addr).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut result = Ok(());
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut sock) {
            let inner = e
                .into_inner()
                .unwrap_or_else(|| panic!("an I/O error, not a TLS one"));
            result = Err(*inner
                .downcast::<rustls::Error>()
                .unwrap_or_else(|e| panic!("not a rustls error: {e}")));
            break;
        }
    }
    drop(sock);
    server.join().unwrap();
    result
}

/// The error for a certificate error.
pub fn cert_error(e: CertificateError) -> Result<(), rustls::Error> {
    Err(rustls::Error::InvalidCertificate(e))
}

/// The [`StapleError`] carried by `result`, if any.
pub fn staple_error(result: &Result<(), rustls::Error>) -> Option<StapleError> {
    match result {
        Err(rustls::Error::InvalidCertificate(CertificateError::Other(other))) => {
            other.0.downcast_ref::<StapleError>().cloned()
        }
        _ => None,
    }
}

/// How a handshake ends, as a test expects it.
#[derive(Debug)]
pub enum Outcome {
    /// The handshake completes.
    Connects,
    /// The client refuses the certificate with this error.
    Cert(CertificateError),
    /// The client refuses the staple with exactly this error.
    Staple(StapleError),
    /// The client refuses the staple with an error this function accepts
    /// (for variants with fields the test cannot know, e.g. times).
    StapleMatches(fn(&StapleError) -> bool),
}

impl Outcome {
    /// Whether `result` is this outcome.
    pub fn is(&self, result: &Result<(), rustls::Error>) -> bool {
        match self {
            Outcome::Connects => result.is_ok(),
            Outcome::Cert(e) => *result == cert_error(e.clone()),
            Outcome::Staple(e) => staple_error(result).as_ref() == Some(e),
            Outcome::StapleMatches(f) => staple_error(result).as_ref().is_some_and(f),
        }
    }

    /// Asserts that `result` is this outcome; `case` names the case.
    pub fn assert(&self, case: &str, result: &Result<(), rustls::Error>) {
        assert!(self.is(result), "{case}: expected {self:?}, got {result:?}");
    }
}

/// A root store holding the PKI's root.
pub fn roots(pki: &TlsPki) -> Arc<RootCertStore> {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(pki.root.cert.clone()))
        .unwrap();
    Arc::new(roots)
}

/// A staple about `serial`, with `status`, signed by `issuer`.
pub fn staple_by(
    pki: &TlsPki,
    issuer: &ocsp_testkit::Entity,
    serial: &[u8],
    status: ocsp_types::CertStatus,
) -> Vec<u8> {
    pki.response(issuer, serial, status).sign(&issuer.key)
}
