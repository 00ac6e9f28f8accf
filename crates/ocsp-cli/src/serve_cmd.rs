//! `ocsp serve`: an OCSP responder over HTTP for a CA's OpenSSL index, with
//! the options named after `openssl ocsp`'s.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use ocsp_responder::server::{serve, Responder, ServerConfig};
use ocsp_responder::{IndexFile, NoncePolicy, ResponseBuilder, RustCryptoSigner};

use crate::error::CliError;
use crate::input::{pem_first, read_certificates, read_input};

/// What to do with request nonces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NonceArg {
    /// Echo the nonce (a freshly signed response for each such request).
    Echo,
    /// Leave it out (the pre-signed response is sent).
    Ignore,
}

/// How the responder names itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResponderIdArg {
    /// byKey: the SHA-1 hash of the signer's public key (RFC 5019).
    Key,
    /// byName: the signer certificate's subject.
    Name,
}

/// Arguments of `ocsp serve`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Serve OCSP responses for a CA from its OpenSSL index.txt",
    after_help = "Prints `listening on http://ADDR:PORT/` on the first line of stdout once \
                  ready. Stops on SIGTERM or Ctrl-C.\n\
                  The key is PKCS#8 PEM (RSA, P-256, P-384 or Ed25519); certificates are PEM or DER."
)]
pub struct ServeArgs {
    /// The CA database (`openssl ca`'s index.txt); reread when it changes.
    #[arg(long, value_name = "FILE")]
    pub index: PathBuf,

    /// The CA certificate whose certificates are answered for.
    #[arg(long = "ca", visible_alias = "CA", value_name = "FILE")]
    pub ca: PathBuf,

    /// The signer's certificate: the CA itself, or a delegated responder
    /// issued by it with id-kp-OCSPSigning (then embedded in responses).
    #[arg(long, value_name = "FILE")]
    pub rsigner: PathBuf,

    /// The signer's private key (PKCS#8 PEM).
    #[arg(long, value_name = "FILE")]
    pub rkey: PathBuf,

    /// More certificates to embed in responses (e.g. intermediates).
    #[arg(long, value_name = "FILE")]
    pub rother: Option<PathBuf>,

    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub host: String,

    /// The port to listen on (0: any free port, printed at start).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,

    /// nextUpdate is thisUpdate plus this many minutes.
    #[arg(long, value_name = "MINUTES", conflicts_with = "ndays", value_parser = clap::value_parser!(u32).range(1..=14_400))]
    pub nmin: Option<u32>,

    /// nextUpdate is thisUpdate plus this many days (default: 1).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=10))]
    pub ndays: Option<u32>,

    /// What to do with request nonces.
    #[arg(long, value_enum, default_value_t = NonceArg::Echo)]
    pub nonce: NonceArg,

    /// The ResponderID form.
    #[arg(long, value_enum, default_value_t = ResponderIdArg::Key)]
    pub responder_id: ResponderIdArg,

    /// Look at the index file for changes at most every this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1)]
    pub index_recheck: u32,
}

/// Runs `ocsp serve` until SIGTERM or Ctrl-C; exit 0 then, 1 when it
/// cannot start.
pub fn run(args: &ServeArgs) -> ExitCode {
    match serve_until_stopped(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(false),
    }
}

fn one_certificate(path: &Path, what: &str) -> Result<Vec<u8>, CliError> {
    let mut certs = read_certificates(path)?;
    if certs.len() != 1 {
        return Err(CliError::new(
            "Usage",
            format!("{} must hold one {what} certificate", path.display()),
        ));
    }
    Ok(certs.remove(0))
}

fn load_key(path: &Path) -> Result<RustCryptoSigner, CliError> {
    let bytes = read_input(path)?;
    let der = match std::str::from_utf8(&bytes) {
        Ok(text) => pem_first(text, &["PRIVATE KEY"])?,
        Err(_) => bytes,
    };
    RustCryptoSigner::from_pkcs8_der(&der)
        .map_err(|e| CliError::new("InvalidKey", format!("{}: {e}", path.display())))
}

fn serve_until_stopped(args: &ServeArgs) -> Result<(), CliError> {
    let ca = one_certificate(&args.ca, "CA")?;
    let signer_cert = one_certificate(&args.rsigner, "signer")?;
    let key = load_key(&args.rkey)?;
    let responder_error = |e: ocsp_responder::Error| CliError::new(e.kind(), e);
    let mut builder =
        ResponseBuilder::from_certificates_der(&ca, &signer_cert, key).map_err(responder_error)?;
    let minutes = match (args.nmin, args.ndays) {
        (Some(m), _) => m,
        (None, Some(d)) => d * 24 * 60,
        (None, None) => 24 * 60,
    };
    builder = builder
        .validity_seconds(Some(minutes * 60))
        .nonce_policy(match args.nonce {
            NonceArg::Echo => NoncePolicy::Echo,
            NonceArg::Ignore => NoncePolicy::Ignore,
        });
    if args.responder_id == ResponderIdArg::Name {
        builder = builder.responder_id_by_name();
    }
    if let Some(path) = &args.rother {
        let mut certs = if ca == signer_cert {
            Vec::new()
        } else {
            vec![signer_cert.clone()]
        };
        certs.extend(read_certificates(path)?);
        builder = builder.certificates(Some(certs));
    }
    let index = IndexFile::open(&args.index)
        .map_err(responder_error)?
        .recheck_every(args.index_recheck)
        .on_reload_error(|e| {
            eprintln!("ocsp serve: index not reloaded (the previous one stays in service): {e}");
        });
    let responder = Arc::new(
        Responder::new(builder, index, ServerConfig::default())
            .on_failure(|e| eprintln!("ocsp serve: {}: {e}", e.kind())),
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new("Io", format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
            .await
            .map_err(|e| {
                CliError::new(
                    "Io",
                    format!("cannot listen on {}:{}: {e}", args.host, args.port),
                )
            })?;
        let addr: SocketAddr = listener.local_addr().map_err(|e| CliError::new("Io", e))?;
        {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "listening on http://{addr}/");
            let _ = out.flush();
        }
        serve(listener, responder, stop_signal())
            .await
            .map_err(|e| CliError::new("Io", e))?;
        eprintln!("ocsp serve: stopped");
        Ok(())
    })
}

/// Completes on Ctrl-C or (Unix) SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
