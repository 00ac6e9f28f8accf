//! `ocsp verify`: verify an OCSP response (RFC 6960) about one certificate
//! with `ocsp_verify`, and say what it proves.
//!
//! ```text
//! ocsp verify --response FILE (--cert FILE | --serial HEX)
//!             (--issuer FILE | --issuer-name FILE --issuer-spki FILE)
//!             [--trusted-responder FILE]... [--extra-certs FILE]...
//!             [--at TIME] [--skew SECS]
//!             [--max-age SECS] [--nonce HEX [--require-nonce]]
//!             [--require-next-update] [--json]
//! ```
//!
//! The issuer is trusted as given (as `ocsp_verify` documents): validating
//! it is the caller's job.
//!
//! Exit status: 0 verified `good`, 3 verified `revoked`, 4 verified
//! `unknown`, 1 nothing verified (the response fails a rule, or an input
//! cannot be read), 2 usage error. The verdict goes to stdout (`OK: ...` or
//! `FAILED: ...`, or one JSON object with `--json`); an input that cannot
//! be read is also reported on stderr as one line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use clap::{ArgGroup, Args};
use ocsp_verify::{algorithms, Issuer, Policy, Subject, UnixTime, Verifier};

use crate::args::{parse_hex, parse_serial, parse_time, policy_from_flags, HexBytes};
use crate::cert_summary::CertSummary;
use crate::error::CliError;
use crate::input::{self, in_file, read_first_certificate, InputError};
use crate::report::{unix_time_string, Report, TextContext};

/// Arguments of `ocsp verify`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Verify an OCSP response about one certificate",
    after_help = "The issuer is trusted as given: validate it first.\n\
                  Exit status: 0 good, 3 revoked, 4 unknown, 1 not verified, 2 usage error.",
    group(ArgGroup::new("subject").required(true).args(["cert", "serial"])),
    group(ArgGroup::new("issuer_source").required(true).args(["issuer", "issuer_name"])),
)]
pub struct VerifyArgs {
    /// The response: DER, PEM, base64 text (OpenSSL's .ors) or an OCSP GET
    /// URL; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pub response: PathBuf,

    /// The certificate in question (PEM or DER; the first certificate of a
    /// PEM file). Its issuer Name must be the issuer's subject, and
    /// producedAt must fall within its validity.
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,

    /// Only the serial number of the certificate in question, in hex (its
    /// unsigned magnitude; `:` separators and a `0x` prefix allowed).
    #[arg(long, value_name = "HEX", value_parser = parse_serial)]
    pub serial: Option<HexBytes>,

    /// The issuer's certificate (PEM or DER; the first certificate of a PEM
    /// file).
    #[arg(long, value_name = "FILE")]
    pub issuer: Option<PathBuf>,

    /// The issuer's subject Name (DER), with --issuer-spki, instead of its
    /// certificate.
    #[arg(long, value_name = "FILE", requires = "issuer_spki")]
    pub issuer_name: Option<PathBuf>,

    /// The issuer's SubjectPublicKeyInfo (DER, or PEM `PUBLIC KEY`), with
    /// --issuer-name.
    #[arg(long, value_name = "FILE", requires = "issuer_name")]
    pub issuer_spki: Option<PathBuf>,

    /// A locally trusted responder certificate (PEM or DER; every
    /// certificate of a PEM file): a response it signs is accepted for any
    /// issuer. Repeatable.
    #[arg(long = "trusted-responder", value_name = "FILE")]
    pub trusted_responders: Vec<PathBuf>,

    /// Untrusted candidate responder certificates (PEM or DER; every
    /// certificate of the file), for a response that does not embed its
    /// signer's certificate (OpenSSL's -verify_other): each is authorized
    /// exactly like an embedded certificate. Repeatable.
    #[arg(long = "extra-certs", value_name = "FILE")]
    pub extra_certs: Vec<PathBuf>,

    /// Verification time: RFC 3339 (`2017-08-15T00:00:00Z`,
    /// `2017-08-15T02:00:00.5+02:00`) or Unix seconds. Default: now.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<u64>,

    /// Tolerated clock skew, in seconds. Default: 300.
    #[arg(long, value_name = "SECS")]
    pub skew: Option<u64>,

    /// Refuse responses whose thisUpdate is older than this, in seconds,
    /// with or without nextUpdate (it replaces both default limits, 10
    /// days each; like OpenSSL's -status_age). Default: 864000.
    #[arg(long, value_name = "SECS")]
    pub max_age: Option<u64>,

    /// The nonce the request carried, in hex: the response must echo it
    /// when it carries a nonce.
    #[arg(long, value_name = "HEX", value_parser = parse_hex)]
    pub nonce: Option<HexBytes>,

    /// Refuse a response that does not echo --nonce.
    #[arg(long, requires = "nonce")]
    pub require_nonce: bool,

    /// Refuse a response without nextUpdate (RFC 5019).
    #[arg(long)]
    pub require_next_update: bool,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `ocsp verify`; returns the exit status (see the module docs).
pub fn run(args: &VerifyArgs) -> ExitCode {
    let inputs = match Inputs::read(args) {
        Ok(inputs) => inputs,
        Err(e) => return e.report_with(args.json.then(|| Report::failed(e.clone()))),
    };
    let context = TextContext {
        verified_at: unix_time_string(inputs.time),
        nonce: args.nonce.as_ref().map(|n| n.0.clone()),
        trusted_responders: inputs.trusted_labels.clone(),
        extra_certificates: inputs.extra_labels.clone(),
    };
    let trusted: Vec<&[u8]> = inputs.trusted.iter().map(Vec::as_slice).collect();
    let extra: Vec<&[u8]> = inputs.extra.iter().map(Vec::as_slice).collect();
    let verifier = Verifier::new(algorithms::ALL)
        .with_policy(policy(args))
        .with_trusted_responders(&trusted)
        .with_extra_certificates(&extra);
    let subject = match &inputs.subject {
        SubjectInput::Certificate(der) => Subject::Certificate(der),
        SubjectInput::Serial(serial) => Subject::Serial(serial),
    };
    let issuer = match &inputs.issuer {
        IssuerInput::Certificate(der) => Issuer::Certificate(der),
        IssuerInput::NameAndKey { name, spki } => Issuer::NameAndKey {
            subject: name,
            spki,
        },
    };
    let result = verifier.verify(
        &inputs.response,
        subject,
        issuer,
        inputs.time,
        args.nonce.as_ref().map(|n| n.0.as_slice()),
    );
    let report = match &result {
        Ok(verdict) => Report::from_verdict(verdict, &context),
        Err(e) => Report::failed(CliError::new(e.kind(), e)).with_verified_at(context.verified_at),
    };
    report.print(args.json)
}

/// The policy the flags set, over [`Policy::DEFAULT`].
fn policy(args: &VerifyArgs) -> Policy {
    let mut policy = policy_from_flags(args.skew, args.max_age);
    policy.require_nonce = args.require_nonce;
    policy.require_next_update = args.require_next_update;
    policy
}

/// The certificate in question, as read.
enum SubjectInput {
    Certificate(Vec<u8>),
    Serial(Vec<u8>),
}

/// The issuer, as read.
enum IssuerInput {
    Certificate(Vec<u8>),
    NameAndKey { name: Vec<u8>, spki: Vec<u8> },
}

/// Every input, read (not yet judged: `ocsp_verify` parses them).
struct Inputs {
    response: Vec<u8>,
    subject: SubjectInput,
    issuer: IssuerInput,
    trusted: Vec<Vec<u8>>,
    /// `FILE` or `FILE #n` and the subject, per trusted responder.
    trusted_labels: Vec<String>,
    extra: Vec<Vec<u8>>,
    /// The same, per extra certificate.
    extra_labels: Vec<String>,
    time: UnixTime,
}

impl Inputs {
    fn read(args: &VerifyArgs) -> Result<Self, CliError> {
        let response = input::read_message(&args.response).map_err(in_file(&args.response))?;
        let subject = match (&args.cert, &args.serial) {
            (Some(path), _) => SubjectInput::Certificate(read_first_certificate(path)?),
            (None, Some(serial)) => SubjectInput::Serial(serial.0.clone()),
            // clap's "subject" group requires one of them.
            (None, None) => return Err(usage_slipped("--cert or --serial")),
        };
        let issuer = match (&args.issuer, &args.issuer_name, &args.issuer_spki) {
            (Some(path), _, _) => IssuerInput::Certificate(read_first_certificate(path)?),
            (None, Some(name), Some(spki)) => IssuerInput::NameAndKey {
                name: non_empty(input::read_input(name), name)?,
                spki: read_spki(spki)?,
            },
            _ => {
                return Err(usage_slipped(
                    "--issuer or --issuer-name with --issuer-spki",
                ))
            }
        };
        let (trusted, trusted_labels) = labelled_certificates(&args.trusted_responders)?;
        let (extra, extra_labels) = labelled_certificates(&args.extra_certs)?;
        let time = at_or_now(args.at)?;
        Ok(Inputs {
            response,
            subject,
            issuer,
            trusted,
            trusted_labels,
            extra,
            extra_labels,
            time,
        })
    }
}

/// Every certificate of these files, each with a label naming its subject
/// and where it came from (`SUBJECT (FILE)`, or `SUBJECT (FILE #n)` when a
/// file holds several).
fn labelled_certificates(paths: &[PathBuf]) -> Result<(Vec<Vec<u8>>, Vec<String>), CliError> {
    let mut certs_out = Vec::new();
    let mut labels = Vec::new();
    for path in paths {
        let certs = input::read_certificates(path).map_err(in_file(path))?;
        let several = certs.len() > 1;
        for (n, cert) in certs.into_iter().enumerate() {
            let subject = CertSummary::of(&cert)
                .subject
                .unwrap_or_else(|| "(subject not shown)".to_owned());
            let label = if several {
                format!("{subject} ({} #{})", path.display(), n + 1)
            } else {
                format!("{subject} ({})", path.display())
            };
            labels.push(label);
            certs_out.push(cert);
        }
    }
    Ok((certs_out, labels))
}

/// The verification time: `--at`, or else the system clock in whole
/// seconds.
pub(crate) fn at_or_now(at: Option<u64>) -> Result<UnixTime, CliError> {
    if let Some(secs) = at {
        return Ok(UnixTime::since_unix_epoch(Duration::from_secs(secs)));
    }
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| UnixTime::since_unix_epoch(Duration::from_secs(d.as_secs())))
        .map_err(|_| {
            CliError::new(
                "Clock",
                "the system clock is before 1970; give the time with --at",
            )
        })
}

fn usage_slipped(what: &str) -> CliError {
    CliError::new("Usage", format!("{what} is required"))
}

fn non_empty(read: Result<Vec<u8>, InputError>, path: &Path) -> Result<Vec<u8>, CliError> {
    match read {
        Ok(bytes) if bytes.is_empty() => Err(in_file(path)(InputError::Empty)),
        other => other.map_err(in_file(path)),
    }
}

/// A SubjectPublicKeyInfo: DER, or the first PEM `PUBLIC KEY` block.
fn read_spki(path: &Path) -> Result<Vec<u8>, CliError> {
    let bytes = non_empty(input::read_input(path), path)?;
    match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN ") => {
            input::pem_first(text, &["PUBLIC KEY"]).map_err(in_file(path))
        }
        _ => Ok(bytes),
    }
}
