//! `ocsp inspect`: show an OCSP response or request, as text or JSON.
//!
//! Parsing is not judging: whatever parses is shown, whatever its
//! algorithms, extensions or status; only input that is not a valid
//! structure is an error. The deviations from DER the parser accepts are
//! shown as notes (`Notes:` in text, `"notes"` in JSON), so that someone
//! debugging a responder sees what is not DER without being blocked by it.

/// The JSON form (its CertID object is shared with `ocsp verify`).
pub(crate) mod json;
mod notes;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::{print_json, print_text, CliError};
use crate::input;
use crate::message::{parse_message, Message};

/// Arguments of `ocsp inspect`.
#[derive(Debug, Clone, clap::Args)]
pub struct InspectArgs {
    /// The response or request: DER, PEM, base64 text or an OCSP GET URL;
    /// `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `ocsp inspect`; returns the exit code (0, or 1 on invalid input).
pub fn run(args: &InspectArgs) -> ExitCode {
    match render(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(args.json),
    }
}

fn render(args: &InspectArgs) -> Result<(), CliError> {
    let der = input::read_message(&args.file)?;
    let message = parse_message(&der)?;
    let written = if args.json {
        match &message {
            Message::Response(response) => print_json(&json::response(response)),
            Message::Request(request) => print_json(&json::request(request)),
        }
    } else {
        let text = match &message {
            Message::Response(response) => text::response(response),
            Message::Request(request) => text::request(request),
        }
        .map_err(|_| CliError::new("Internal", "cannot format the output"))?;
        print_text(&text)
    };
    written.map_err(|e| CliError::new("Io", format!("cannot write the output: {e}")))
}
