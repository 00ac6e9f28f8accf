//! The error every subcommand reports, and how it is reported.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::input::InputError;

/// A failure a subcommand reports: a stable kind and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    /// A stable name: an `ocsp_types::Error::kind()` or one of the input
    /// kinds of [`InputError::kind`].
    pub kind: &'static str,
    /// The human message, on one line.
    pub message: String,
}

impl CliError {
    /// An error of this kind with this message (line breaks become spaces).
    pub fn new(kind: &'static str, message: impl fmt::Display) -> Self {
        let message = message
            .to_string()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        CliError { kind, message }
    }

    /// The `{"kind":..,"message":..}` object.
    pub fn json(&self) -> ErrorJson<'_> {
        ErrorJson {
            kind: self.kind,
            message: &self.message,
        }
    }

    /// Prints `error: KIND: MESSAGE` on stderr and, with `json`, the
    /// `{"error":{"kind":..,"message":..}}` object on stdout; returns exit
    /// code 1.
    pub fn report(&self, json: bool) -> ExitCode {
        self.report_with(json.then(|| ErrorObject { error: self.json() }))
    }

    /// The one failure reporter of every subcommand: prints `error: KIND:
    /// MESSAGE` on stderr and, when given, `json` on stdout (the
    /// subcommand's own failure object); returns exit code 1.
    pub fn report_with(&self, json: Option<impl Serialize>) -> ExitCode {
        // Nothing more can be done when stderr or stdout is closed.
        let _ = writeln!(
            io::stderr().lock(),
            "error: {}: {}",
            self.kind,
            self.message
        );
        if let Some(json) = json {
            let _ = print_json(&json);
        }
        ExitCode::from(1)
    }
}

/// The `{"kind":..,"message":..}` object of a [`CliError`]; the field
/// order is the contract.
#[derive(Serialize)]
pub struct ErrorJson<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The failure object of `ocsp inspect` and `ocsp request`.
#[derive(Serialize)]
struct ErrorObject<'a> {
    error: ErrorJson<'a>,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl From<ocsp_types::Error> for CliError {
    fn from(e: ocsp_types::Error) -> Self {
        CliError::new(e.kind(), e)
    }
}

impl From<InputError> for CliError {
    fn from(e: InputError) -> Self {
        CliError::new(e.kind(), e)
    }
}

/// Writes `value` as one line of compact JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    out.flush()
}

/// Writes `text` on stdout as it is.
pub fn print_text(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
