//! `ocsp check`: fetch the status of a certificate from its OCSP responder
//! over HTTP (`ocsp_http` with the ureq transport), verify it, and show the
//! verdict as `ocsp verify` does, plus how it was fetched.
//!
//! ```text
//! ocsp check --cert CERT --issuer ISSUER [--url URL]
//!            [--hash sha1|sha256|sha384|sha512] [--no-nonce]
//!            [--timeout SECS] [--json] [--save FILE]
//! ```
//!
//! The responder URL is the certificate's Authority Information Access
//! unless `--url` is given; GET when the URL fits in 255 bytes, else POST
//! (RFC 5019), and POST to a URL with a query (the GET form cannot be
//! appended to one); the `fetched:` line says which and why. A URL with
//! userinfo or a fragment is refused, and redirects are not followed. A
//! random 16-octet nonce is sent unless `--no-nonce`; a response carrying
//! another nonce is refused.
//!
//! Exit status: 0 verified `good`, 3 verified `revoked`, 4 verified
//! `unknown`, 1 no verified answer (an input, the exchange or the response
//! failed), 2 usage error. With `--json`, one object: the `ocsp verify`
//! object with an `"http"` member added when a response arrived.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;

use clap::Args;
use ocsp_http::{
    Client, ClientConfig, Error, HttpRequest, HttpResponse, HttpTransport, Method, TransportError,
    UreqConfig, UreqTransport,
};
use ocsp_request::HashAlgorithm;

use crate::error::CliError;
use crate::input::read_first_certificate;
use crate::report::Report;

/// Arguments of `ocsp check`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Fetch and verify the OCSP status of a certificate",
    after_help = "The issuer is trusted as given: validate it first.\n\
                  Exit status: 0 good, 3 revoked, 4 unknown, 1 no verified answer, 2 usage error."
)]
pub struct CheckArgs {
    /// The certificate to check (PEM or DER; the first certificate of a PEM
    /// file).
    #[arg(long, value_name = "CERT")]
    pub cert: PathBuf,

    /// Its issuer's certificate (PEM or DER; the first certificate of a PEM
    /// file).
    #[arg(long, value_name = "ISSUER")]
    pub issuer: PathBuf,

    /// Responder URL (plain http://, without userinfo or fragment; one with
    /// a query is POSTed to). Default: the certificate's Authority
    /// Information Access.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Hash algorithm of the CertID.
    #[arg(long, value_name = "ALG", default_value = "sha1", value_parser = HashAlgorithm::from_name)]
    pub hash: HashAlgorithm,

    /// Send no nonce (the response may then be a cached, pre-produced one).
    #[arg(long)]
    pub no_nonce: bool,

    /// The most the whole exchange may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,

    /// Write the DER response received to FILE (also when it does not
    /// verify, to examine it).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

/// Runs `ocsp check`; returns the exit status (see the module docs).
pub fn run(args: &CheckArgs) -> ExitCode {
    let (cert, issuer) = match read_inputs(args) {
        Ok(inputs) => inputs,
        Err(e) => return e.report_with(args.json.then(|| Report::failed(e.clone()))),
    };
    let timeout = Duration::from_secs(args.timeout);
    let transport = Recording::new(UreqTransport::with_config(&UreqConfig {
        connect_timeout: timeout,
        ..UreqConfig::default()
    }));
    let config = ClientConfig {
        timeout,
        hash: args.hash,
        nonce_len: (!args.no_nonce).then_some(ocsp_http::DEFAULT_CLIENT_NONCE_LEN),
        responder_url: args.url.clone(),
        ..ClientConfig::default()
    };
    let client = Client::new(transport).with_config(config);
    let result = client.check(&cert, &issuer);
    let received = client.transport().last();
    if let Some(path) = &args.save {
        let der = match (&result, &received) {
            (Ok(checked), _) => Some(checked.der.to_vec()),
            (Err(Error::Verify(_)), Some(exchange)) => Some(exchange.response.body.clone()),
            _ => None,
        };
        if let Some(der) = der {
            if let Err(e) = std::fs::write(path, der) {
                let e = CliError::new("Io", format!("cannot write {}: {e}", path.display()));
                return e.report_with(args.json.then(|| Report::failed(e.clone())));
            }
        }
    }
    let mut report = match &result {
        Ok(checked) => Report::from_checked(checked),
        Err(e) => Report::failed(CliError::new(error_kind(e), e)),
    };
    if let (false, Some(exchange)) = (report.is_verified(), &received) {
        report = report.with_exchange(exchange.method, &exchange.url, &exchange.response);
    }
    report.print(args.json)
}

/// The kind of an `ocsp_http` error; a verification failure by the
/// `ocsp_verify` variant.
fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::Verify(v) => v.kind(),
        other => other.kind(),
    }
}

/// Reads the certificate and the issuer.
fn read_inputs(args: &CheckArgs) -> Result<(Vec<u8>, Vec<u8>), CliError> {
    Ok((
        read_first_certificate(&args.cert)?,
        read_first_certificate(&args.issuer)?,
    ))
}

/// The last exchange a [`Recording`] transport saw.
#[derive(Debug, Clone)]
struct Exchange {
    method: Method,
    url: String,
    response: HttpResponse,
}

/// A transport that keeps the last response, to save or describe it when
/// it does not verify.
struct Recording<T> {
    inner: T,
    last: Mutex<Option<Exchange>>,
}

impl<T> Recording<T> {
    fn new(inner: T) -> Self {
        Recording {
            inner,
            last: Mutex::new(None),
        }
    }

    fn last(&self) -> Option<Exchange> {
        self.last.lock().map_or_else(
            |poisoned| poisoned.into_inner().clone(),
            |last| last.clone(),
        )
    }
}

impl<T: HttpTransport> HttpTransport for Recording<T> {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        let response = self.inner.send(request)?;
        let exchange = Exchange {
            method: request.method,
            url: request.url.to_owned(),
            response: response.clone(),
        };
        match self.last.lock() {
            Ok(mut last) => *last = Some(exchange),
            Err(poisoned) => *poisoned.into_inner() = Some(exchange),
        }
        Ok(response)
    }
}
