//! `ocsp request`: build an OCSP request (RFC 6960) and show it in the
//! RFC 5019 transport form.
//!
//! ```text
//! ocsp request --cert CERT --issuer ISSUER [--cert C2 --issuer I2 ...]
//!              [--hash sha1|sha256|sha384|sha512] [--nonce HEX | --no-nonce]
//!              [--url URL] [--out FILE] [--der | --pem | --get-url]
//! ```
//!
//! Exit status: 0 on success, 1 on an error (one line on stderr), 2 on a
//! usage error.

use std::fmt::Display;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use ocsp_request::{
    cert_id_for_certificate, encode_get_url, HashAlgorithm, Nonce, RequestBuilder, RequestForm,
    CONTENT_TYPE, DEFAULT_NONCE_LEN,
};

use crate::args::parse_hex;
use crate::error::CliError;
use crate::input::read_first_certificate;

/// Arguments of `ocsp request`.
#[derive(Debug, Clone, Args)]
#[command(about = "Build an OCSP request for one or more certificates")]
pub struct RequestArgs {
    /// Certificate to ask about (PEM or DER). Repeat it, each with its
    /// --issuer, to ask about several certificates in one request.
    #[arg(long = "cert", value_name = "CERT", required = true)]
    pub certs: Vec<PathBuf>,

    /// Issuer certificate of the --cert at the same position (PEM or DER;
    /// the first certificate of a PEM file). A single --issuer serves every
    /// --cert.
    #[arg(long = "issuer", value_name = "ISSUER", required = true)]
    pub issuers: Vec<PathBuf>,

    /// Hash algorithm of the CertIDs.
    #[arg(long, value_name = "ALG", default_value = "sha1", value_parser = HashAlgorithm::from_name)]
    pub hash: HashAlgorithm,

    /// Nonce to send, in hex (1 to 32 octets). Without it a random 32-octet
    /// nonce is sent.
    #[arg(long, value_name = "HEX", value_parser = parse_nonce, conflicts_with = "no_nonce")]
    pub nonce: Option<Nonce>,

    /// Send no nonce (RFC 5019 clients usually send none, so that responses
    /// can be cached).
    #[arg(long)]
    pub no_nonce: bool,

    /// Responder URL. Without a form flag, prints the RFC 5019 choice: the
    /// GET URL when it is at most 255 bytes, else POST.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Write the output to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Output the DER request.
    #[arg(long, group = "form")]
    pub der: bool,

    /// Output the request as PEM (label `OCSP REQUEST`).
    #[arg(long, group = "form")]
    pub pem: bool,

    /// Output the GET URL (needs --url).
    #[arg(long, group = "form", requires = "url")]
    pub get_url: bool,
}

/// The PEM label of a request, as OpenSSL writes it.
const PEM_LABEL: &str = "OCSP REQUEST";

/// A failure, with the exit status it maps to.
enum Failure {
    /// Exit 2.
    Usage(String),
    /// Exit 1.
    Error(CliError),
}

fn error(context: impl Display, e: impl Display) -> Failure {
    Failure::Error(CliError::new("RequestFailed", format!("{context}: {e}")))
}

/// Runs `ocsp request`.
pub fn run(args: &RequestArgs) -> ExitCode {
    match execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("ocsp request: {}", one_line(&msg));
            ExitCode::from(2)
        }
        Err(Failure::Error(e)) => e.report(false),
    }
}

/// `msg` with control characters (line breaks) turned into spaces.
fn one_line(msg: &str) -> String {
    msg.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn parse_nonce(hex: &str) -> Result<Nonce, String> {
    let bytes = parse_hex(hex)?;
    Nonce::new(&bytes.0).map_err(|e| e.to_string())
}

fn execute(args: &RequestArgs) -> Result<(), Failure> {
    let issuers: Vec<&PathBuf> = match (args.issuers.len(), args.certs.len()) {
        (1, n) => args.issuers.iter().cycle().take(n).collect(),
        (i, c) if i == c => args.issuers.iter().collect(),
        (i, c) => {
            return Err(Failure::Usage(format!(
                "{c} --cert but {i} --issuer: give one --issuer for all, or one per --cert"
            )))
        }
    };

    let mut builder = RequestBuilder::new();
    for (cert_path, issuer_path) in args.certs.iter().zip(issuers) {
        let cert = read_first_certificate(cert_path).map_err(Failure::Error)?;
        let issuer = read_first_certificate(issuer_path).map_err(Failure::Error)?;
        let id = cert_id_for_certificate(&cert, &issuer, args.hash)
            .map_err(|e| error(cert_path.display(), e))?;
        builder.cert_id(id);
    }
    if let Some(nonce) = &args.nonce {
        builder.nonce(nonce.clone());
    } else if !args.no_nonce {
        let mut fill_error = None;
        let nonce = Nonce::random(DEFAULT_NONCE_LEN, |buf| {
            fill_error = getrandom::fill(buf).err();
        })
        .map_err(|e| error("nonce", e))?;
        if let Some(e) = fill_error {
            return Err(error("no random numbers for the nonce", e));
        }
        builder.nonce(nonce);
    }
    let der = builder
        .build()
        .and_then(|r| r.to_der().map_err(Into::into))
        .map_err(|e| error("building the request", e))?;

    let out = args.out.as_deref();
    if args.der {
        write_output(out, &der)
    } else if args.pem {
        write_output(out, pem(&der)?.as_bytes())
    } else if args.get_url {
        let url = args
            .url
            .as_deref()
            .ok_or_else(|| Failure::Usage("--get-url needs --url".into()))?;
        write_output(out, format!("{}\n", encode_get_url(url, &der)).as_bytes())
    } else if let Some(url) = &args.url {
        match RequestForm::choose(url, &der) {
            RequestForm::Get(get) => write_output(out, format!("{get}\n").as_bytes()),
            RequestForm::Post(body) => {
                let mut text = format!(
                    "POST {url}\nContent-Type: {CONTENT_TYPE}\n(the GET URL would be longer than {} bytes)\n",
                    ocsp_request::MAX_GET_URL_LEN
                );
                match out {
                    Some(path) => {
                        write_file(path, &body)?;
                        text.push_str(&format!(
                            "body: {} bytes of DER written to {}\n",
                            body.len(),
                            path.display()
                        ));
                    }
                    None => {
                        text.push_str("body:\n");
                        text.push_str(&pem(&body)?);
                    }
                }
                write_output(None, text.as_bytes())
            }
        }
    } else {
        // No form given: DER into a file, PEM on a terminal or pipe.
        match out {
            Some(path) => write_file(path, &der),
            None => write_output(None, pem(&der)?.as_bytes()),
        }
    }
}

fn pem(der: &[u8]) -> Result<String, Failure> {
    der::pem::encode_string(PEM_LABEL, der::pem::LineEnding::LF, der).map_err(|e| error("PEM", e))
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    fs::write(path, bytes).map_err(|e| error(path.display(), e))
}

fn write_output(out: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match out {
        Some(path) => write_file(path, bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| error("stdout", e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex() {
        assert!(parse_nonce("+1").is_err());
        assert!(parse_nonce("").is_err());
        assert!(parse_nonce(&"00".repeat(33)).is_err());
        assert!(parse_nonce(&"00".repeat(32)).is_ok());
    }
}
