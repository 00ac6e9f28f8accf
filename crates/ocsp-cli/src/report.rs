//! What `ocsp verify` and `ocsp check` say: one [`Report`], built from an
//! [`ocsp_verify::Verdict`], an [`ocsp_http::CheckedResponse`] or a failure,
//! shown as text for a person ([`Report::render_text`]) or as one JSON
//! object ([`Report::to_json`]), with the exit status that goes with it
//! ([`Report::exit_code`]).
//!
//! ```text
//! let report = Report::from_verdict(&verdict, &context);   // or from_checked, failed
//! report.render_text(&mut out)?;                           // or report.to_json()?
//! report.print(json)                                       // stdout, returns the ExitCode
//! ```
//!
//! JSON (one compact line; keys in the order of the `*Json` structs below,
//! which is the stable contract; times RFC 3339 UTC; hex lowercase):
//!
//! ```text
//! {"verified":true,"status":"good|revoked|unknown",
//!  "revocation_time":TIME|null,"revocation_reason":NAME|null,
//!  "this_update":TIME,"next_update":TIME|null,"produced_at":TIME,
//!  "valid_until":TIME,"responder":"issuer|delegated|trusted",
//!  "cert_id":{"hash_algorithm":OID,"issuer_name_hash":HEX,
//!             "issuer_key_hash":HEX,"serial":HEX},
//!  "http":{...}}                       (ocsp check only)
//! {"verified":false,"error":{"kind":KIND,"message":TEXT},
//!  "http":{...,"status":CODE}}         (ocsp check, when a response arrived)
//! ```

use std::fmt::{self, Write};
use std::io;
use std::process::ExitCode;

use ocsp_http::{CheckedResponse, HttpInfo, HttpResponse, Method, ResponderKind};
use ocsp_types::{CertId, CertIdRef, CrlReason, Time};
use ocsp_verify::{Responder, Status, UnixTime, Verdict};
use serde::{Serialize, Serializer};

use crate::cert_summary::CertSummary;
use crate::error::{print_text, CliError, ErrorJson};
use crate::format::{algorithm_label, hex, serial_hex};

/// Exit status of a verified `good` answer.
pub const EXIT_GOOD: u8 = 0;
/// Exit status when nothing was verified (any error, unreadable inputs
/// included).
pub const EXIT_NOT_VERIFIED: u8 = 1;
/// Exit status of a verified `revoked` answer.
pub const EXIT_REVOKED: u8 = 3;
/// Exit status of a verified `unknown` answer.
pub const EXIT_UNKNOWN: u8 = 4;

/// What the text form of a verdict says about the inputs besides the
/// verdict itself (`ocsp verify`).
#[derive(Debug, Clone, Default)]
pub struct TextContext {
    /// The verification time.
    pub verified_at: Option<String>,
    /// The request nonce given, if any.
    pub nonce: Option<Vec<u8>>,
    /// A description of each locally trusted responder, by index.
    pub trusted_responders: Vec<String>,
    /// A description of each extra candidate responder certificate, by index.
    pub extra_certificates: Vec<String>,
}

/// The outcome of a verification, ready to be shown.
#[derive(Debug, Clone)]
pub struct Report {
    outcome: Outcome,
    /// The `verified at:` line of the text form (`ocsp verify`).
    verified_at: Option<String>,
    /// How the response was fetched (`ocsp check`).
    http: Option<Http>,
}

#[derive(Debug, Clone)]
enum Outcome {
    Verified(Box<Verified>),
    Failed(CliError),
}

/// A verified answer: the JSON fields and what the text form adds.
#[derive(Debug, Clone)]
struct Verified {
    status: Status,
    /// [`status_name`] of `status`.
    status_name: &'static str,
    this_update: Time,
    next_update: Option<Time>,
    produced_at: Time,
    valid_until: UnixTime,
    /// `issuer`, `delegated`, `trusted`, ...
    responder: &'static str,
    /// The `signed by:` line.
    signer: String,
    cert_id: CertIdJson,
    nonce: NonceReport,
}

/// What the `nonce:` line can say.
#[derive(Debug, Clone)]
enum NonceReport {
    /// `ocsp verify`: the nonce given and the one the response carries (the
    /// verifier refused any other).
    Compared {
        sent: Option<Vec<u8>>,
        received: Option<Vec<u8>>,
    },
    /// `ocsp check`: whether the response echoed the client's nonce.
    Echoed(bool),
}

/// The `cert_id` object (`verify`, `check`, `staple` and `inspect`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertIdJson {
    hash_algorithm: String,
    issuer_name_hash: String,
    issuer_key_hash: String,
    serial: String,
}

impl CertIdJson {
    fn new(
        hash_algorithm: impl fmt::Display,
        name_hash: &[u8],
        key_hash: &[u8],
        serial: &[u8],
    ) -> Self {
        CertIdJson {
            hash_algorithm: hash_algorithm.to_string(),
            issuer_name_hash: hex(name_hash),
            issuer_key_hash: hex(key_hash),
            serial: serial_hex(serial),
        }
    }

    /// The object of a parsed CertID.
    pub fn of_ref(id: &CertIdRef<'_>) -> Self {
        Self::new(
            id.hash_algorithm().oid(),
            id.issuer_name_hash(),
            id.issuer_key_hash(),
            id.serial_number(),
        )
    }

    fn of_owned(id: &CertId) -> Self {
        Self::new(
            id.hash_algorithm.oid,
            &id.issuer_name_hash,
            &id.issuer_key_hash,
            &id.serial_number,
        )
    }
}

/// The `http` object of `ocsp check`: how the response was fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Http {
    #[serde(serialize_with = "method_name")]
    method: Method,
    url: String,
    cache_control: Option<String>,
    etag: Option<String>,
    expires: Option<String>,
    last_modified: Option<String>,
    /// The HTTP status, shown for a response that did not verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
}

fn method_name<S: Serializer>(method: &Method, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(method.as_str())
}

impl Http {
    fn of(info: &HttpInfo) -> Self {
        Http {
            method: info.method,
            url: info.url.clone(),
            cache_control: info.cache_control.clone(),
            etag: info.etag.clone(),
            expires: info.expires.clone(),
            last_modified: info.last_modified.clone(),
            status: None,
        }
    }
}

/// The JSON of a verified answer; the field order is the contract.
#[derive(Serialize)]
struct VerifiedJson<'a> {
    verified: bool,
    status: &'static str,
    revocation_time: Option<String>,
    revocation_reason: Option<&'static str>,
    this_update: String,
    next_update: Option<String>,
    produced_at: String,
    valid_until: Option<String>,
    responder: &'static str,
    cert_id: &'a CertIdJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    http: Option<&'a Http>,
}

/// The JSON of a failure; the field order is the contract.
#[derive(Serialize)]
struct FailedJson<'a> {
    verified: bool,
    error: ErrorJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    http: Option<&'a Http>,
}

impl Report {
    /// The report of a verdict of `ocsp_verify`; `context` names the
    /// responders by index and the nonce sent. A status this program does
    /// not know (`Status` is non-exhaustive) is reported as a failure of
    /// kind `UnknownStatus`, never as verified.
    pub fn from_verdict(verdict: &Verdict<'_>, context: &TextContext) -> Self {
        let Some(status_name) = status_name(&verdict.status) else {
            return Report::unknown_status().with_verified_at(context.verified_at.clone());
        };
        let signer = match verdict.responder {
            Responder::Issuer => "the issuer".to_owned(),
            Responder::Delegated { certificate } => delegated_responder(certificate),
            Responder::DelegatedExtra { index } => format!(
                "delegated responder {} (an extra certificate, not embedded)",
                label(&context.extra_certificates, index)
            ),
            Responder::LocallyTrusted { index } => format!(
                "locally trusted responder {}",
                label(&context.trusted_responders, index)
            ),
            _ => "a responder of a kind this program does not know".to_owned(),
        };
        let verified = Verified {
            status: verdict.status,
            status_name,
            this_update: verdict.this_update,
            next_update: verdict.next_update,
            produced_at: verdict.produced_at,
            valid_until: verdict.valid_until,
            responder: responder_name(&verdict.responder),
            signer,
            cert_id: CertIdJson::of_ref(&verdict.cert_id),
            nonce: NonceReport::Compared {
                sent: context.nonce.clone(),
                received: verdict.response_extensions.nonce().map(<[u8]>::to_vec),
            },
        };
        Report::verified(verified).with_verified_at(context.verified_at.clone())
    }

    /// The report of a response `ocsp_http` fetched and verified, with how
    /// it was fetched. An unknown status is a failure, as in
    /// [`Report::from_verdict`].
    pub fn from_checked(checked: &CheckedResponse) -> Self {
        let Some(status_name) = status_name(&checked.status) else {
            return Report::unknown_status();
        };
        let signer = match &checked.responder {
            ResponderKind::Issuer => "the issuer".to_owned(),
            ResponderKind::Delegated { certificate } => delegated_responder(certificate),
            other => other.name().to_owned(),
        };
        let verified = Verified {
            status: checked.status,
            status_name,
            this_update: checked.this_update,
            next_update: checked.next_update,
            produced_at: checked.produced_at,
            valid_until: checked.valid_until,
            responder: checked.responder.name(),
            signer,
            cert_id: CertIdJson::of_owned(&checked.cert_id),
            nonce: NonceReport::Echoed(checked.nonce_echoed),
        };
        let mut report = Report::verified(verified);
        report.http = Some(Http::of(&checked.http));
        report
    }

    /// The report of a failure: nothing verified.
    pub fn failed(error: CliError) -> Self {
        Report {
            outcome: Outcome::Failed(error),
            verified_at: None,
            http: None,
        }
    }

    fn verified(verified: Verified) -> Self {
        Report {
            outcome: Outcome::Verified(Box::new(verified)),
            verified_at: None,
            http: None,
        }
    }

    /// A status added to `ocsp_verify` after this program: not shown as
    /// verified.
    fn unknown_status() -> Self {
        Report::failed(CliError::new(
            "UnknownStatus",
            "the response has a status this program does not know",
        ))
    }

    /// Adds the `verified at:` line of the text form.
    pub fn with_verified_at(mut self, verified_at: Option<String>) -> Self {
        self.verified_at = verified_at;
        self
    }

    /// Adds the HTTP exchange whose response did not verify (`ocsp check`):
    /// the `http` member with the status, and the `fetched:` line.
    pub fn with_exchange(mut self, method: Method, url: &str, response: &HttpResponse) -> Self {
        let mut http = Http::of(&HttpInfo::from_response(method, url, response));
        http.status = Some(response.status);
        self.http = Some(http);
        self
    }

    /// Whether the report is of a verified answer.
    pub fn is_verified(&self) -> bool {
        matches!(self.outcome, Outcome::Verified(_))
    }

    /// The exit status: 0 good, 3 revoked, 4 unknown, 1 not verified.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match &self.outcome {
            Outcome::Verified(verified) => status_exit(&verified.status),
            Outcome::Failed(_) => EXIT_NOT_VERIFIED,
        })
    }

    /// The JSON object, as one compact line (without the line break).
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// The text form: `OK: STATUS` and what was checked, or `FAILED:
    /// MESSAGE` and the error kind.
    pub fn render_text(&self, out: &mut impl Write) -> fmt::Result {
        match &self.outcome {
            Outcome::Verified(verified) => self.render_verified(verified, out),
            Outcome::Failed(error) => {
                writeln!(out, "FAILED: {}", error.message)?;
                writeln!(out, "  error kind:   {}", error.kind)?;
                self.render_verified_at(out)?;
                match &self.http {
                    Some(http) => render_fetched(out, http, http.status),
                    None => Ok(()),
                }
            }
        }
    }

    /// `  verified at:  TIME`, when known.
    fn render_verified_at(&self, out: &mut impl Write) -> fmt::Result {
        match &self.verified_at {
            Some(at) => writeln!(out, "  verified at:  {at}"),
            None => Ok(()),
        }
    }

    fn render_verified(&self, verified: &Verified, out: &mut impl Write) -> fmt::Result {
        writeln!(out, "OK: {}", verified.status_name)?;
        if let Status::Revoked { time, reason } = verified.status {
            writeln!(out, "  revoked at:   {time}")?;
            writeln!(out, "  reason:       {}", shown_or(reason, "(not given)"))?;
        }
        writeln!(out, "  signed by:    {}", verified.signer)?;
        writeln!(
            out,
            "  cert id:      {}, serial {}",
            algorithm_label(&verified.cert_id.hash_algorithm),
            verified.cert_id.serial
        )?;
        writeln!(out, "  this update:  {}", verified.this_update)?;
        writeln!(
            out,
            "  next update:  {}",
            shown_or(verified.next_update, "(none)")
        )?;
        writeln!(out, "  produced at:  {}", verified.produced_at)?;
        writeln!(
            out,
            "  valid until:  {}",
            unix_time_string(verified.valid_until).unwrap_or_else(|| "(out of range)".to_owned())
        )?;
        self.render_verified_at(out)?;
        match &verified.nonce {
            // The verifier accepted the response: a nonce it carries equals
            // the one sent, if one was sent.
            NonceReport::Compared { sent, received } => match (sent, received) {
                (Some(sent), Some(_)) => writeln!(out, "  nonce:        {} (echoed)", hex(sent))?,
                (Some(sent), None) => writeln!(
                    out,
                    "  nonce:        {} sent, none in the response (not required)",
                    hex(sent)
                )?,
                (None, Some(got)) => {
                    writeln!(out, "  nonce:        {} (none sent, not checked)", hex(got))?
                }
                (None, None) => writeln!(out, "  nonce:        (none)")?,
            },
            NonceReport::Echoed(true) => writeln!(out, "  nonce:        echoed")?,
            NonceReport::Echoed(false) => writeln!(out, "  nonce:        not in the response")?,
        }
        if let Some(http) = &self.http {
            render_fetched(out, http, None)?;
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
        }
        Ok(())
    }

    /// Prints the report on stdout (JSON or text) and returns its exit
    /// status; [`EXIT_NOT_VERIFIED`] when it cannot be written, since then
    /// nothing was reported as verified.
    pub fn print(&self, json: bool) -> ExitCode {
        let written = if json {
            self.to_json()
                .map_err(io::Error::from)
                .and_then(|line| print_text(&format!("{line}\n")))
        } else {
            let mut text = String::new();
            match self.render_text(&mut text) {
                Ok(()) => print_text(&text),
                Err(_) => Err(io::Error::other("cannot format the output")),
            }
        };
        match written {
            Ok(()) => self.exit_code(),
            Err(_) => ExitCode::from(EXIT_NOT_VERIFIED),
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let http = self.http.as_ref();
        match &self.outcome {
            Outcome::Verified(v) => {
                let (revocation_time, revocation_reason) = match v.status {
                    Status::Revoked { time, reason } => {
                        (Some(time.to_string()), reason.map(CrlReason::name))
                    }
                    _ => (None, None),
                };
                VerifiedJson {
                    verified: true,
                    status: v.status_name,
                    revocation_time,
                    revocation_reason,
                    this_update: v.this_update.to_string(),
                    next_update: v.next_update.map(|t| t.to_string()),
                    produced_at: v.produced_at.to_string(),
                    valid_until: unix_time_string(v.valid_until),
                    responder: v.responder,
                    cert_id: &v.cert_id,
                    http,
                }
                .serialize(serializer)
            }
            Outcome::Failed(error) => FailedJson {
                verified: false,
                error: error.json(),
                http,
            }
            .serialize(serializer),
        }
    }
}

/// `delegated responder SUBJECT`, the subject taken from its certificate.
fn delegated_responder(certificate: &[u8]) -> String {
    let subject = CertSummary::of(certificate).subject;
    format!(
        "delegated responder {}",
        printable(subject.as_deref().unwrap_or("(subject not shown)"))
    )
}

/// The label at `index`, printable, or `(unknown)`.
fn label(labels: &[String], index: usize) -> String {
    printable(labels.get(index).map_or("(unknown)", String::as_str))
}

/// The status's name, or `None` for a status this program does not know
/// (`Status` is non-exhaustive): such a verdict is not reported as verified.
pub fn status_name(status: &Status) -> Option<&'static str> {
    match status {
        Status::Good => Some("good"),
        Status::Revoked { .. } => Some("revoked"),
        Status::Unknown => Some("unknown"),
        _ => None,
    }
}

/// The exit status of a verified status: 0 good, 3 revoked, 4 unknown (1
/// for a status this program does not know).
pub fn status_exit(status: &Status) -> u8 {
    match status {
        Status::Good => EXIT_GOOD,
        Status::Revoked { .. } => EXIT_REVOKED,
        Status::Unknown => EXIT_UNKNOWN,
        _ => EXIT_NOT_VERIFIED,
    }
}

/// The responder kind: `issuer`, `delegated` or `trusted` (`other` for a
/// kind this program does not know).
pub fn responder_name(responder: &Responder<'_>) -> &'static str {
    match responder {
        Responder::Issuer => "issuer",
        Responder::Delegated { .. } | Responder::DelegatedExtra { .. } => "delegated",
        Responder::LocallyTrusted { .. } => "trusted",
        _ => "other",
    }
}

/// `  fetched:      METHOD URL`, with ` (HTTP STATUS)` when `status` is
/// given.
fn render_fetched(out: &mut impl Write, http: &Http, status: Option<u16>) -> fmt::Result {
    write!(
        out,
        "  fetched:      {}",
        fetched_line(http.method, &http.url)
    )?;
    if let Some(status) = status {
        write!(out, " (HTTP {status})")?;
    }
    writeln!(out)
}

/// `value` as displayed, or `none` without one.
fn shown_or<T: fmt::Display>(value: Option<T>, none: &str) -> String {
    value.map_or_else(|| none.to_owned(), |value| value.to_string())
}

/// A [`UnixTime`] as RFC 3339 UTC, or `None` outside years 0000 to 9999.
pub fn unix_time_string(time: UnixTime) -> Option<String> {
    let secs = i64::try_from(time.as_secs()).ok()?;
    Time::from_unix(secs).map(|t| t.to_string())
}

/// `text` with control characters (line breaks, terminal escapes) escaped,
/// for names taken from certificates.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `METHOD URL (why that method)`, as the `fetched:` line shows it. The
/// client never sends a URL with userinfo (it refuses one), so none is
/// shown.
pub fn fetched_line(method: Method, url: &str) -> String {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use ocsp_http::{
        Client, ClientConfig, HttpRequest, HttpTransport, ManualClock, TransportError,
    };
    use ocsp_testkit::{Flavor, Pki};
    use ocsp_types::{CertStatus, RevokedInfo};

    use super::*;

    /// A transport answering every request with one canned response.
    struct Canned(HttpResponse);

    impl HttpTransport for Canned {
        fn send(&self, _request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
            Ok(self.0.clone())
        }
    }

    const URL: &str = "http://ocsp.invalid/q?x=1";

    fn http_response(der: &[u8]) -> HttpResponse {
        HttpResponse::new(
            200,
            vec![
                ("Content-Type".into(), "application/ocsp-response".into()),
                ("Cache-Control".into(), "max-age=60".into()),
                ("ETag".into(), "\"e1\"".into()),
            ],
            der.to_vec(),
        )
    }

    /// What `ocsp check` gets from an in-memory responder answering `der`,
    /// at the testkit's time, without a nonce.
    fn checked(pki: &Pki, der: &[u8]) -> CheckedResponse {
        let config = ClientConfig {
            nonce_len: None,
            responder_url: Some(URL.to_owned()),
            ..ClientConfig::default()
        };
        Client::new(Canned(http_response(der)))
            .with_clock(ManualClock::new(u64::try_from(ocsp_testkit::NOW).unwrap()))
            .with_config(config)
            .check(&pki.leaf, &pki.ca.cert)
            .unwrap()
    }

    fn text(report: &Report) -> String {
        let mut out = String::new();
        report.render_text(&mut out).unwrap();
        out
    }

    // What `ocsp check` printed before the report was shared with `ocsp
    // verify`, byte for byte: the parts both answers share, then each.
    const TIMES_JSON: &str = r#""this_update":"2030-05-31T23:00:00Z","next_update":"2030-06-04T00:00:00Z","produced_at":"2030-05-31T23:00:00Z","valid_until":"2030-06-04T00:00:00Z""#;
    const CERT_ID_AND_HTTP_JSON: &str = r#""cert_id":{"hash_algorithm":"1.3.14.3.2.26","issuer_name_hash":"26544bf1d67a32bd0d06e1722bff9681d9a25369","issuer_key_hash":"c8a793b7468c3f44f5c1bc73cb70b0546bac1d70","serial":"0a1b2c3d4e5f"},"http":{"method":"POST","url":"http://ocsp.invalid/q?x=1","cache_control":"max-age=60","etag":"\"e1\"","expires":null,"last_modified":null}"#;
    const CERT_ID_TO_HEADERS_TEXT: &str = concat!(
        "  cert id:      sha1 (1.3.14.3.2.26), serial 0a1b2c3d4e5f\n",
        "  this update:  2030-05-31T23:00:00Z\n",
        "  next update:  2030-06-04T00:00:00Z\n",
        "  produced at:  2030-05-31T23:00:00Z\n",
        "  valid until:  2030-06-04T00:00:00Z\n",
        "  nonce:        not in the response\n",
        "  fetched:      POST http://ocsp.invalid/q?x=1 (the URL has a query, which the GET form cannot be appended to)\n",
        "  cache-control max-age=60\n",
        "  etag          \"e1\"\n",
    );

    #[test]
    fn checked_good_by_the_issuer() {
        let pki = Pki::new(Flavor::P256);
        let report = Report::from_checked(&checked(&pki, &pki.issuer_response().sign(&pki.ca.key)));
        assert_eq!(
            report.to_json().unwrap(),
            format!(
                r#"{{"verified":true,"status":"good","revocation_time":null,"revocation_reason":null,{TIMES_JSON},"responder":"issuer",{CERT_ID_AND_HTTP_JSON}}}"#
            )
        );
        assert_eq!(
            text(&report),
            format!("OK: good\n  signed by:    the issuer\n{CERT_ID_TO_HEADERS_TEXT}")
        );
        assert_eq!(report.exit_code(), ExitCode::from(EXIT_GOOD));
    }

    #[test]
    fn checked_revoked_by_a_delegate() {
        let pki = Pki::new(Flavor::P256);
        let mut spec = pki.delegated_response();
        spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
            revocation_time: ocsp_testkit::at(-ocsp_testkit::DAY),
            revocation_reason: Some(CrlReason::KeyCompromise),
        }))];
        let report = Report::from_checked(&checked(&pki, &spec.sign(&pki.delegate.key)));
        assert_eq!(
            report.to_json().unwrap(),
            format!(
                r#"{{"verified":true,"status":"revoked","revocation_time":"2030-05-31T00:00:00Z","revocation_reason":"keyCompromise",{TIMES_JSON},"responder":"delegated",{CERT_ID_AND_HTTP_JSON}}}"#
            )
        );
        assert_eq!(
            text(&report),
            format!(
                "OK: revoked\n  revoked at:   2030-05-31T00:00:00Z\n  reason:       keyCompromise\n  \
                 signed by:    delegated responder CN=Testkit OCSP Responder,O=ocsp-rs testkit\n\
                 {CERT_ID_TO_HEADERS_TEXT}"
            )
        );
        assert_eq!(report.exit_code(), ExitCode::from(EXIT_REVOKED));
    }

    #[test]
    fn failure_with_the_exchange() {
        let error = CliError::new("InvalidSignature", "the response signature is invalid");
        let report = Report::failed(error).with_exchange(Method::Post, URL, &http_response(&[]));
        assert!(!report.is_verified());
        assert_eq!(
            report.to_json().unwrap(),
            r#"{"verified":false,"error":{"kind":"InvalidSignature","message":"the response signature is invalid"},"http":{"method":"POST","url":"http://ocsp.invalid/q?x=1","cache_control":"max-age=60","etag":"\"e1\"","expires":null,"last_modified":null,"status":200}}"#
        );
        assert_eq!(
            text(&report),
            concat!(
                "FAILED: the response signature is invalid\n",
                "  error kind:   InvalidSignature\n",
                "  fetched:      POST http://ocsp.invalid/q?x=1 (the URL has a query, which the GET form cannot be appended to) (HTTP 200)\n",
            )
        );
        assert_eq!(report.exit_code(), ExitCode::from(EXIT_NOT_VERIFIED));
    }

    #[test]
    fn failure_object() {
        let report = Report::failed(CliError::new("Expired", "gone"))
            .with_verified_at(Some("2017-08-19T00:00:00Z".to_owned()));
        assert_eq!(
            report.to_json().unwrap(),
            r#"{"verified":false,"error":{"kind":"Expired","message":"gone"}}"#
        );
        assert_eq!(
            text(&report),
            "FAILED: gone\n  error kind:   Expired\n  verified at:  2017-08-19T00:00:00Z\n"
        );
    }

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
            serde_json::to_string(&Http::of(&info)).unwrap(),
            r#"{"method":"GET","url":"http://x/MA","cache_control":"max-age=60","etag":null,"expires":null,"last_modified":null}"#
        );
    }

    #[test]
    fn exits() {
        assert_eq!(status_exit(&Status::Good), 0);
        assert_eq!(status_exit(&Status::Unknown), 4);
        let revoked = Status::Revoked {
            time: Time::from_unix(0).unwrap(),
            reason: None,
        };
        assert_eq!(status_exit(&revoked), 3);
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("CN=a\u{1b}[2J\nb"), "CN=a\\u{1b}[2J\\nb");
        assert_eq!(printable("CN=é"), "CN=é");
    }
}
