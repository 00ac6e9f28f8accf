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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;

use clap::Args;
use ocsp_http::{
    CheckedResponse, Client, ClientConfig, Error, HttpInfo, HttpRequest, HttpResponse,
    HttpTransport, Method, ResponderKind, Status, TransportError, UreqConfig, UreqTransport,
};
use ocsp_request::HashAlgorithm;
use ocsp_types::CertIdRef;
use serde_json::Value;

use crate::error::{print_json, print_text, CliError};
use crate::input::{self, InputError};
use crate::inspect::json::{cert_id, object};
use crate::verdict_output::{
    error_kind, exit_code, failure_json, printable, status_name, unix_time_string,
    write_cert_id_and_times, EXIT_NOT_VERIFIED,
};

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
        Err(e) => return report(&e, args.json),
    };
    let timeout = Duration::from_secs(args.timeout);
    let transport = Recording::new(UreqTransport::with_config(&UreqConfig {
        connect_timeout: timeout,
        ..UreqConfig::default()
    }));
    let config = ClientConfig {
        timeout,
        hash: args.hash,
        nonce_len: (!args.no_nonce).then_some(ocsp_http::DEFAULT_NONCE_LEN),
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
                return report(&e, args.json);
            }
        }
    }
    match result {
        Ok(checked) => match status_name(&checked.status) {
            Some(_) => show(&checked, args.json),
            None => failure(
                args.json,
                "UnknownStatus",
                "the response has a status this program does not know",
                received.as_ref(),
            ),
        },
        Err(e) => {
            let kind = match &e {
                Error::Verify(v) => error_kind(v),
                other => other.kind(),
            };
            let message = CliError::new(kind, &e).message;
            failure(args.json, kind, &message, received.as_ref())
        }
    }
}

/// Reads the certificate and the issuer.
fn read_inputs(args: &CheckArgs) -> Result<(Vec<u8>, Vec<u8>), CliError> {
    Ok((
        first_certificate(&args.cert)?,
        first_certificate(&args.issuer)?,
    ))
}

fn first_certificate(path: &Path) -> Result<Vec<u8>, CliError> {
    let in_file = |e: InputError| match e {
        InputError::Io { .. } | InputError::TooLarge { .. } => CliError::from(e),
        other => {
            let e = CliError::from(other);
            CliError::new(e.kind, format!("{}: {}", path.display(), e.message))
        }
    };
    input::read_certificates(path)
        .map_err(in_file)?
        .into_iter()
        .next()
        .ok_or_else(|| in_file(InputError::Empty))
}

/// One line on stderr and, with `--json`, the failure object on stdout.
fn report(e: &CliError, json: bool) -> ExitCode {
    eprintln!("error: {e}");
    if json {
        // Nothing more can be done when stdout is closed.
        let _ = print_json(&failure_json(e.kind, &e.message));
    }
    ExitCode::from(EXIT_NOT_VERIFIED)
}

/// Prints a verified answer; the exit status follows the status.
fn show(checked: &CheckedResponse, json: bool) -> ExitCode {
    let written = if json {
        print_json(&checked_json(checked))
    } else {
        match checked_text(checked) {
            Ok(text) => print_text(&text),
            Err(_) => return report(&CliError::new("Internal", "cannot format the output"), json),
        }
    };
    match written {
        Ok(()) => exit_code(&checked.status),
        // The verdict could not be shown: nothing was reported as verified.
        Err(_) => ExitCode::from(EXIT_NOT_VERIFIED),
    }
}

/// Prints a failure (with the HTTP exchange when a response arrived).
fn failure(json: bool, kind: &str, message: &str, received: Option<&Exchange>) -> ExitCode {
    let written = if json {
        let mut value = failure_json(kind, message);
        if let (Value::Object(map), Some(exchange)) = (&mut value, received) {
            map.insert("http".to_owned(), exchange.json());
        }
        print_json(&value)
    } else {
        let mut text = format!("FAILED: {message}\n  error kind:   {kind}\n");
        if let Some(exchange) = received {
            text.push_str(&format!(
                "  fetched:      {} (HTTP {})\n",
                fetched_line(exchange.method, &exchange.url),
                exchange.response.status
            ));
        }
        print_text(&text)
    };
    // Either way nothing was verified.
    let _ = written;
    ExitCode::from(EXIT_NOT_VERIFIED)
}

fn string(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn optional(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_owned()))
}

/// The `ocsp verify` object of a checked response, plus `"http"`.
fn checked_json(checked: &CheckedResponse) -> Value {
    let (revocation_time, revocation_reason) = match checked.status {
        Status::Revoked { time, reason } => {
            (string(time.to_string()), optional(reason.map(|r| r.name())))
        }
        _ => (Value::Null, Value::Null),
    };
    object([
        ("verified", Value::Bool(true)),
        ("status", optional(status_name(&checked.status))),
        ("revocation_time", revocation_time),
        ("revocation_reason", revocation_reason),
        ("this_update", string(checked.this_update.to_string())),
        (
            "next_update",
            checked
                .next_update
                .map_or(Value::Null, |t| string(t.to_string())),
        ),
        ("produced_at", string(checked.produced_at.to_string())),
        (
            "valid_until",
            unix_time_string(checked.valid_until).map_or(Value::Null, Value::String),
        ),
        ("responder", string(checked.responder.name())),
        ("cert_id", cert_id_json(checked)),
        ("http", http_json(&checked.http)),
    ])
}

/// The CertID object, as `ocsp verify` writes it.
fn cert_id_json(checked: &CheckedResponse) -> Value {
    let der = checked.cert_id.to_der().unwrap_or_default();
    CertIdRef::parse(&der).map_or(Value::Null, |id| cert_id(&id))
}

fn http_json(http: &HttpInfo) -> Value {
    object([
        ("method", string(http.method.as_str())),
        ("url", string(http.url.as_str())),
        ("cache_control", optional(http.cache_control.as_deref())),
        ("etag", optional(http.etag.as_deref())),
        ("expires", optional(http.expires.as_deref())),
        ("last_modified", optional(http.last_modified.as_deref())),
    ])
}

/// The text form: `OK: STATUS`, what was checked, and how it was fetched.
fn checked_text(checked: &CheckedResponse) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let status = status_name(&checked.status).unwrap_or("(a status this program does not know)");
    writeln!(out, "OK: {status}")?;
    if let Status::Revoked { time, reason } = checked.status {
        writeln!(out, "  revoked at:   {time}")?;
        match reason {
            Some(reason) => writeln!(out, "  reason:       {reason}")?,
            None => writeln!(out, "  reason:       (not given)")?,
        }
    }
    let responder = match &checked.responder {
        ResponderKind::Issuer => "the issuer".to_owned(),
        ResponderKind::Delegated { certificate } => {
            let subject = crate::cert_summary::CertSummary::of(certificate).subject;
            format!(
                "delegated responder {}",
                printable(subject.as_deref().unwrap_or("(subject not shown)"))
            )
        }
        other => other.name().to_owned(),
    };
    writeln!(out, "  signed by:    {responder}")?;
    let der = checked.cert_id.to_der().unwrap_or_default();
    if let Ok(id) = CertIdRef::parse(&der) {
        write_cert_id_and_times(
            &mut out,
            &id,
            checked.this_update,
            checked.next_update,
            checked.produced_at,
            checked.valid_until,
        )?;
    }
    let nonce = if checked.nonce_echoed {
        "echoed"
    } else {
        "not in the response"
    };
    writeln!(out, "  nonce:        {nonce}")?;
    let http = &checked.http;
    writeln!(
        out,
        "  fetched:      {}",
        fetched_line(http.method, &http.url)
    )?;
    for (name, value) in [
        ("cache-control", &http.cache_control),
        ("etag", &http.etag),
        ("expires", &http.expires),
        ("last-modified", &http.last_modified),
    ] {
        if let Some(value) = value {
            writeln!(out, "  {name:<14}{}", printable(value))?;
        }
    }
    Ok(out)
}

/// `METHOD URL (why that method)`, as the `fetched:` line shows it. The
/// client never sends a URL with userinfo (it refuses one), so none is
/// shown.
fn fetched_line(method: Method, url: &str) -> String {
    let why = match method {
        Method::Get => "the request fits the 255-byte GET form of RFC 5019",
        // The only `?` of a POST URL is its query: the client refuses
        // fragments and userinfo.
        Method::Post if url.contains('?') => {
            "the URL has a query, which the GET form cannot be appended to"
        }
        Method::Post => "the GET form would be longer than the 255 bytes of RFC 5019",
    };
    format!("{} {} ({why})", method.as_str(), printable(url))
}

/// The last exchange a [`Recording`] transport saw.
#[derive(Debug, Clone)]
struct Exchange {
    method: Method,
    url: String,
    response: HttpResponse,
}

impl Exchange {
    fn json(&self) -> Value {
        let response = &self.response;
        let mut http = http_json(&HttpInfo::from_response(self.method, &self.url, response));
        if let Value::Object(map) = &mut http {
            map.insert("status".to_owned(), Value::from(response.status));
        }
        http
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn fetched_line_says_which_method_and_why() {
        assert_eq!(
            fetched_line(Method::Get, "http://h/MA"),
            "GET http://h/MA (the request fits the 255-byte GET form of RFC 5019)"
        );
        assert_eq!(
            fetched_line(Method::Post, "http://h/ocsp?x=1"),
            "POST http://h/ocsp?x=1 (the URL has a query, which the GET form cannot be appended to)"
        );
        assert_eq!(
            fetched_line(Method::Post, "http://h/long"),
            "POST http://h/long (the GET form would be longer than the 255 bytes of RFC 5019)"
        );
    }

    #[test]
    fn http_object_keys() {
        let response = HttpResponse::new(
            200,
            vec![("Cache-Control".into(), "max-age=60".into())],
            Vec::new(),
        );
        let info = HttpInfo::from_response(Method::Get, "http://x/MA", &response);
        assert_eq!(
            http_json(&info).to_string(),
            r#"{"method":"GET","url":"http://x/MA","cache_control":"max-age=60","etag":null,"expires":null,"last_modified":null}"#
        );
    }
}
