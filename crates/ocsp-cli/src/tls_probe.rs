//! The TLS side of `ocsp staple`: one rustls handshake over a
//! `std::net::TcpStream`, asking for the certificate status (rustls's
//! client always sends `status_request`), recording the chain and the
//! staple the server sent.

use std::io;
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme};

use crate::error::CliError;

/// What the server sent, as seen by the certificate verifier.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The chain, end entity first.
    pub chain: Vec<CertificateDer<'static>>,
    /// The stapled OCSP response (empty: none).
    pub staple: Vec<u8>,
    /// The chain check's result: `None` when it was not checked.
    pub chain_check: Option<Result<(), rustls::Error>>,
}

/// The outcome of [`probe`].
#[derive(Debug)]
pub struct Probe {
    /// What the server sent, if the handshake got that far.
    pub seen: Option<Seen>,
    /// The handshake's own result (a refused chain fails it too).
    pub handshake: Result<(), rustls::Error>,
    /// The protocol version negotiated.
    pub version: Option<String>,
}

/// A verifier that records the chain and staple, then lets `inner` judge
/// the chain (when there is one) at `time`. The handshake signatures are
/// always verified (they prove the server holds the certificate's key).
#[derive(Debug)]
struct Recording {
    inner: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
    time: Option<UnixTime>,
    seen: Mutex<Option<Seen>>,
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let chain_check = self.inner.as_ref().map(|inner| {
            inner
                .verify_server_cert(
                    end_entity,
                    intermediates,
                    server_name,
                    ocsp_response,
                    self.time.unwrap_or(now),
                )
                .map(|_| ())
        });
        let mut chain = vec![end_entity.clone().into_owned()];
        chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        let result = match &chain_check {
            Some(Err(e)) => Err(e.clone()),
            _ => Ok(ServerCertVerified::assertion()),
        };
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(Seen {
            chain,
            staple: ocsp_response.to_vec(),
            chain_check,
        });
        result
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// How to connect.
#[derive(Debug)]
pub struct Target<'a> {
    /// Host name or IP address to connect to.
    pub host: &'a str,
    /// TCP port.
    pub port: u16,
    /// The name sent as SNI and checked against the certificate.
    pub server_name: ServerName<'static>,
    /// The chain verifier (`None`: the chain is not checked).
    pub chain_verifier: Option<Arc<WebPkiServerVerifier>>,
    /// The time the chain is checked at (`None`: now).
    pub time: Option<UnixTime>,
    /// Bound on connecting and on each read and write.
    pub timeout: Duration,
}

/// Connects and runs one handshake; `Err` only when no TLS exchange could
/// start (the connection failed).
pub fn probe(target: Target<'_>, provider: Arc<CryptoProvider>) -> Result<Probe, CliError> {
    let recording = Arc::new(Recording {
        inner: target.chain_verifier,
        provider: Arc::clone(&provider),
        time: target.time,
        seen: Mutex::new(None),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| CliError::new("Tls", e))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::clone(&recording) as Arc<dyn ServerCertVerifier>)
        .with_no_client_auth();
    let mut conn = ClientConnection::new(Arc::new(config), target.server_name)
        .map_err(|e| CliError::new("Tls", e))?;
    let mut sock = connect(target.host, target.port, target.timeout)?;
    let mut handshake = Ok(());
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut sock) {
            handshake = Err(tls_error(e));
            break;
        }
    }
    if handshake.is_ok() {
        // Polite close; the result does not matter any more.
        conn.send_close_notify();
        let _ = conn.complete_io(&mut sock);
    }
    let version = conn.protocol_version().map(|v| format!("{v:?}"));
    let seen = recording
        .seen
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    Ok(Probe {
        seen,
        handshake,
        version,
    })
}

/// The rustls error inside an I/O error from `complete_io`, or the I/O
/// error as a rustls one.
fn tls_error(e: io::Error) -> rustls::Error {
    let text = e.to_string();
    match e
        .into_inner()
        .map(|inner| inner.downcast::<rustls::Error>())
    {
        Some(Ok(tls)) => *tls,
        _ => rustls::Error::General(text),
    }
}

/// TCP to the first address of `host:port` that answers within `timeout`.
fn connect(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, CliError> {
    let addresses = (host, port)
        .to_socket_addrs()
        .map_err(|e| CliError::new("Connect", format!("cannot resolve {host}: {e}")))?;
    let mut last = None;
    for address in addresses {
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(sock) => {
                sock.set_read_timeout(Some(timeout))
                    .and_then(|()| sock.set_write_timeout(Some(timeout)))
                    .map_err(|e| CliError::new("Connect", e))?;
                return Ok(sock);
            }
            Err(e) => last = Some(format!("cannot connect to {address}: {e}")),
        }
    }
    Err(CliError::new(
        "Connect",
        last.unwrap_or_else(|| format!("{host} has no address")),
    ))
}
