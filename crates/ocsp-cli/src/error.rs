//! The error every subcommand reports, and how it is reported.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

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

    /// The `{"error":{"kind":..,"message":..}}` object.
    pub fn to_json(&self) -> serde_json::Value {
        let mut inner = serde_json::Map::new();
        inner.insert("kind".to_owned(), self.kind.into());
        inner.insert("message".to_owned(), self.message.clone().into());
        let mut outer = serde_json::Map::new();
        outer.insert("error".to_owned(), serde_json::Value::Object(inner));
        serde_json::Value::Object(outer)
    }

    /// Prints `error: KIND: MESSAGE` on stderr and, with `json`, the error
    /// object on stdout; returns exit code 1.
    pub fn report(&self, json: bool) -> ExitCode {
        // Nothing more can be done when stderr or stdout is closed.
        let _ = writeln!(
            io::stderr().lock(),
            "error: {}: {}",
            self.kind,
            self.message
        );
        if json {
            let _ = print_json(&self.to_json());
        }
        ExitCode::from(1)
    }
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
pub fn print_json(value: &serde_json::Value) -> io::Result<()> {
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
