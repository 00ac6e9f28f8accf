//! How a verification result is shown: the JSON object, the text for a
//! person, the exit status, and a stable kind name per
//! [`ocsp_verify::Error`] variant. Shared by the subcommands that verify.
//!
//! JSON (one compact line, keys in this order; times RFC 3339 UTC; hex
//! lowercase):
//!
//! ```text
//! {"verified":true,"status":"good|revoked|unknown",
//!  "revocation_time":TIME|null,"revocation_reason":NAME|null,
//!  "this_update":TIME,"next_update":TIME|null,"produced_at":TIME,
//!  "valid_until":TIME,"responder":"issuer|delegated|trusted",
//!  "cert_id":{"hash_algorithm":OID,"issuer_name_hash":HEX,
//!             "issuer_key_hash":HEX,"serial":HEX}}
//! {"verified":false,"error":{"kind":KIND,"message":TEXT}}
//! ```

use std::fmt::Write;
use std::process::ExitCode;

use ocsp_types::Time;
use ocsp_verify::{Error, Responder, Status, UnixTime, Verdict};
use serde_json::Value;

use crate::cert_summary::CertSummary;
use crate::format::{algorithm_label, hex, serial_hex};
use crate::inspect::json::{cert_id, object};

/// Exit status of a verified `good` answer.
pub const EXIT_GOOD: u8 = 0;
/// Exit status when nothing was verified (any error, unreadable inputs
/// included).
pub const EXIT_NOT_VERIFIED: u8 = 1;
/// Exit status of a verified `revoked` answer.
pub const EXIT_REVOKED: u8 = 3;
/// Exit status of a verified `unknown` answer.
pub const EXIT_UNKNOWN: u8 = 4;

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

/// The [`ExitCode`] of [`status_exit`].
pub fn exit_code(status: &Status) -> ExitCode {
    ExitCode::from(status_exit(status))
}

/// The responder kind: `issuer`, `delegated` or `trusted` (`other` for a
/// kind this program does not know).
pub fn responder_name(responder: &Responder<'_>) -> &'static str {
    match responder {
        Responder::Issuer => "issuer",
        Responder::Delegated { .. } => "delegated",
        Responder::LocallyTrusted { .. } => "trusted",
        _ => "other",
    }
}

/// The name of the [`ocsp_verify::Error`] variant, for machine-readable
/// output. The enum is non-exhaustive: a variant added later shows as
/// `Other` until it is listed here.
pub fn error_kind(error: &Error) -> &'static str {
    match error {
        Error::Malformed(_) => "Malformed",
        Error::Unsuccessful { .. } => "Unsuccessful",
        Error::UnsupportedResponseType { .. } => "UnsupportedResponseType",
        Error::InvalidIssuer(_) => "InvalidIssuer",
        Error::InvalidCertificate(_) => "InvalidCertificate",
        Error::CertIdInputs(_) => "CertIdInputs",
        Error::InvalidTrustedResponder { .. } => "InvalidTrustedResponder",
        Error::UnsupportedSignatureAlgorithm { .. } => "UnsupportedSignatureAlgorithm",
        Error::UnsupportedSignatureAlgorithmForKey { .. } => "UnsupportedSignatureAlgorithmForKey",
        Error::UnsupportedPublicKey { .. } => "UnsupportedPublicKey",
        Error::Sha1SignatureRefused { .. } => "Sha1SignatureRefused",
        Error::InvalidSignature => "InvalidSignature",
        Error::InvalidResponderKeyHash { .. } => "InvalidResponderKeyHash",
        Error::NoAuthorizedResponder => "NoAuthorizedResponder",
        Error::DelegatedResponderMalformed(_) => "DelegatedResponderMalformed",
        Error::DelegatedResponderWrongIssuer => "DelegatedResponderWrongIssuer",
        Error::DelegatedResponderBadSignature => "DelegatedResponderBadSignature",
        Error::DelegatedResponderNotOcspSigning => "DelegatedResponderNotOcspSigning",
        Error::DelegatedResponderNotValid { .. } => "DelegatedResponderNotValid",
        Error::DelegatedResponderKeyUsage => "DelegatedResponderKeyUsage",
        Error::DelegatedResponderUnhandledCriticalExtension { .. } => {
            "DelegatedResponderUnhandledCriticalExtension"
        }
        Error::CertificateIssuerMismatch => "CertificateIssuerMismatch",
        Error::NoMatchingResponse => "NoMatchingResponse",
        Error::NotYetValid { .. } => "NotYetValid",
        Error::Expired { .. } => "Expired",
        Error::NextUpdateBeforeThisUpdate { .. } => "NextUpdateBeforeThisUpdate",
        Error::TooOld { .. } => "TooOld",
        Error::MissingNextUpdate => "MissingNextUpdate",
        Error::ProducedInFuture { .. } => "ProducedInFuture",
        Error::ProducedOutsideCertificateValidity { .. } => "ProducedOutsideCertificateValidity",
        Error::NonceMismatch => "NonceMismatch",
        Error::NonceMissing => "NonceMissing",
        Error::UnhandledCriticalExtension { .. } => "UnhandledCriticalExtension",
        _ => "Other",
    }
}

/// A [`UnixTime`] as RFC 3339 UTC, or `None` outside years 0000 to 9999.
pub fn unix_time_string(time: UnixTime) -> Option<String> {
    let secs = i64::try_from(time.as_secs()).ok()?;
    Time::from_unix(secs).map(|t| t.to_string())
}

fn string(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn optional(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::String)
}

/// The `{"verified":true,...}` object of a verdict.
pub fn verdict_json(verdict: &Verdict<'_>) -> Value {
    let (revocation_time, revocation_reason) = match verdict.status {
        Status::Revoked { time, reason } => (
            string(time.to_string()),
            optional(reason.map(|r| r.name().to_owned())),
        ),
        _ => (Value::Null, Value::Null),
    };
    object([
        ("verified", Value::Bool(true)),
        (
            "status",
            optional(status_name(&verdict.status).map(str::to_owned)),
        ),
        ("revocation_time", revocation_time),
        ("revocation_reason", revocation_reason),
        ("this_update", string(verdict.this_update.to_string())),
        (
            "next_update",
            optional(verdict.next_update.map(|t| t.to_string())),
        ),
        ("produced_at", string(verdict.produced_at.to_string())),
        (
            "valid_until",
            optional(unix_time_string(verdict.valid_until)),
        ),
        ("responder", string(responder_name(&verdict.responder))),
        ("cert_id", cert_id(&verdict.cert_id)),
    ])
}

/// The `{"verified":false,"error":{...}}` object.
pub fn failure_json(kind: &str, message: &str) -> Value {
    object([
        ("verified", Value::Bool(false)),
        (
            "error",
            object([("kind", string(kind)), ("message", string(message))]),
        ),
    ])
}

/// What the text form says about the inputs besides the verdict.
#[derive(Debug, Clone, Default)]
pub struct TextContext {
    /// The verification time.
    pub verified_at: Option<String>,
    /// The request nonce given, if any.
    pub nonce: Option<Vec<u8>>,
    /// A description of each locally trusted responder, by index.
    pub trusted_responders: Vec<String>,
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

/// The text form of a verdict: `OK: STATUS` then what was checked.
pub fn verdict_text(
    verdict: &Verdict<'_>,
    context: &TextContext,
) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let status = status_name(&verdict.status).unwrap_or("(a status this program does not know)");
    writeln!(out, "OK: {status}")?;
    if let Status::Revoked { time, reason } = verdict.status {
        writeln!(out, "  revoked at:   {time}")?;
        match reason {
            Some(reason) => writeln!(out, "  reason:       {reason}")?,
            None => writeln!(out, "  reason:       (not given)")?,
        }
    }
    let responder = match verdict.responder {
        Responder::Issuer => "the issuer".to_owned(),
        Responder::Delegated { certificate } => {
            let subject = CertSummary::of(certificate).subject;
            format!(
                "delegated responder {}",
                printable(subject.as_deref().unwrap_or("(subject not shown)"))
            )
        }
        Responder::LocallyTrusted { index } => format!(
            "locally trusted responder {}",
            printable(
                context
                    .trusted_responders
                    .get(index)
                    .map_or("(unknown)", String::as_str)
            )
        ),
        _ => "a responder of a kind this program does not know".to_owned(),
    };
    writeln!(out, "  signed by:    {responder}")?;
    write_cert_id_and_times(
        &mut out,
        &verdict.cert_id,
        verdict.this_update,
        verdict.next_update,
        verdict.produced_at,
        verdict.valid_until,
    )?;
    if let Some(at) = &context.verified_at {
        writeln!(out, "  verified at:  {at}")?;
    }
    // The verifier accepted the response: a nonce it carries equals the one
    // sent, if one was sent.
    match (&context.nonce, verdict.response_extensions.nonce()) {
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
    }
    Ok(out)
}

/// The text form of a failed verification: `FAILED: MESSAGE` and the kind.
pub fn failure_text(kind: &str, message: &str, context: &TextContext) -> String {
    let mut out = format!("FAILED: {message}\n  error kind:   {kind}\n");
    if let Some(at) = &context.verified_at {
        out.push_str(&format!("  verified at:  {at}\n"));
    }
    out
}

/// The lines `ocsp verify` and `ocsp check` both print: the CertID and the
/// times of the single response used.
pub fn write_cert_id_and_times(
    out: &mut impl Write,
    id: &ocsp_types::CertIdRef<'_>,
    this_update: Time,
    next_update: Option<Time>,
    produced_at: Time,
    valid_until: UnixTime,
) -> std::fmt::Result {
    writeln!(
        out,
        "  cert id:      {}, serial {}",
        algorithm_label(&id.hash_algorithm().oid()),
        serial_hex(id.serial_number())
    )?;
    writeln!(out, "  this update:  {this_update}")?;
    match next_update {
        Some(next) => writeln!(out, "  next update:  {next}")?,
        None => writeln!(out, "  next update:  (none)")?,
    }
    writeln!(out, "  produced at:  {produced_at}")?;
    writeln!(
        out,
        "  valid until:  {}",
        unix_time_string(valid_until).unwrap_or_else(|| "(out of range)".to_owned())
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn kinds_are_variant_names() {
        assert_eq!(error_kind(&Error::InvalidSignature), "InvalidSignature");
        let malformed = ocsp_types::OcspResponseRef::parse(&[0x30]).unwrap_err();
        assert_eq!(error_kind(&Error::from(malformed)), "Malformed");
        assert_eq!(error_kind(&Error::NonceMismatch), "NonceMismatch");
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

    #[test]
    fn failure_object() {
        assert_eq!(
            failure_json("Expired", "gone").to_string(),
            r#"{"verified":false,"error":{"kind":"Expired","message":"gone"}}"#
        );
    }
}
