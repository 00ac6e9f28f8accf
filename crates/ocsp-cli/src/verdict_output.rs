//! The first names of the verification output, kept as thin wrappers over
//! [`crate::report::Report`] for the subcommands written against them. New
//! code uses [`Report`] directly.

// Not every wrapper has a caller in every build of the subcommands.
#![allow(dead_code, unused_imports)]

use std::process::ExitCode;

use ocsp_verify::{Error, Status, Verdict};
use serde_json::Value;

use crate::error::CliError;
use crate::report::Report;
pub use crate::report::{
    printable, responder_name, status_exit, status_name, unix_time_string, TextContext, EXIT_GOOD,
    EXIT_NOT_VERIFIED, EXIT_REVOKED, EXIT_UNKNOWN,
};

/// The exit status of a verified status, as an [`ExitCode`].
pub fn exit_code(status: &Status) -> ExitCode {
    ExitCode::from(status_exit(status))
}

/// [`Error::kind`].
pub fn error_kind(error: &Error) -> &'static str {
    error.kind()
}

/// The `{"verified":true,...}` object of a verdict.
pub fn verdict_json(verdict: &Verdict<'_>) -> Value {
    to_value(&Report::from_verdict(verdict, &TextContext::default()))
}

/// The `{"verified":false,"error":{...}}` object.
pub fn failure_json(kind: &'static str, message: &str) -> Value {
    to_value(&Report::failed(CliError::new(kind, message)))
}

/// The text form of a verdict: `OK: STATUS` then what was checked.
pub fn verdict_text(
    verdict: &Verdict<'_>,
    context: &TextContext,
) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    Report::from_verdict(verdict, context).render_text(&mut out)?;
    Ok(out)
}

/// The text form of a failed verification: `FAILED: MESSAGE` and the kind.
pub fn failure_text(kind: &'static str, message: &str, context: &TextContext) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = Report::failed(CliError::new(kind, message))
        .with_verified_at(context.verified_at.clone())
        .render_text(&mut out);
    out
}

fn to_value(report: &Report) -> Value {
    serde_json::to_value(report).unwrap_or(Value::Null)
}
