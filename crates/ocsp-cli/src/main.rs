//! `ocsp`: inspect, request and verify OCSP messages (RFC 6960).
//!
//! Exit codes: 0 on success, 1 when the input cannot be read or is not a
//! valid structure, 2 for usage errors (clap's own code). `ocsp verify`
//! also exits 3 for a verified `revoked` answer, 4 for `unknown`, and 1
//! when the response does not verify; so do `ocsp check` and `ocsp staple`
//! (1 also for no staple).

mod args;
mod cert_summary;
mod check_cmd;
mod error;
mod format;
mod input;
mod inspect;
mod message;
mod report;
mod request_cmd;
mod serve_cmd;
mod staple_cmd;
mod tls_probe;
mod verify_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "ocsp",
    version,
    about = "Inspect, request and verify OCSP messages (RFC 6960)"
)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Show an OCSP response or request (DER, PEM, base64 or GET URL).
    Inspect(inspect::InspectArgs),
    /// Build an OCSP request for one or more certificates.
    Request(request_cmd::RequestArgs),
    /// Verify an OCSP response about one certificate.
    Verify(verify_cmd::VerifyArgs),
    /// Fetch and verify the OCSP status of a certificate from its responder.
    Check(check_cmd::CheckArgs),
    /// Connect to a TLS server and verify its stapled OCSP response.
    Staple(staple_cmd::StapleArgs),
    /// Serve OCSP responses for a CA from its OpenSSL index.txt.
    Serve(serve_cmd::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Request(args) => request_cmd::run(&args),
        Command::Verify(args) => verify_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Staple(args) => staple_cmd::run(&args),
        Command::Serve(args) => serve_cmd::run(&args),
    }
}
