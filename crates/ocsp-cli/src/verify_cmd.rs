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
use ocsp_types::Time;
use ocsp_verify::{algorithms, Issuer, Policy, Subject, UnixTime, Verifier};

use crate::cert_summary::CertSummary;
use crate::error::{print_json, print_text, CliError};
use crate::format;
use crate::input::{self, InputError};
use crate::verdict_output::{
    error_kind, exit_code, failure_json, failure_text, status_name, verdict_json, verdict_text,
    TextContext, EXIT_NOT_VERIFIED,
};

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
    #[arg(long, value_name = "HEX", value_parser = parse_nonce)]
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

/// Octets given in hex on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexBytes(pub Vec<u8>);

/// Runs `ocsp verify`; returns the exit status (see the module docs).
pub fn run(args: &VerifyArgs) -> ExitCode {
    let inputs = match Inputs::read(args) {
        Ok(inputs) => inputs,
        Err(e) => return report_input_error(&e, args.json),
    };
    let context = TextContext {
        verified_at: crate::verdict_output::unix_time_string(inputs.time),
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
    let (written, code) = match &result {
        Ok(verdict) if status_name(&verdict.status).is_some() => {
            let written = if args.json {
                print_json(&verdict_json(verdict))
            } else {
                match verdict_text(verdict, &context) {
                    Ok(text) => print_text(&text),
                    Err(_) => return internal_error(args.json),
                }
            };
            (written, exit_code(&verdict.status))
        }
        Ok(_) => {
            // A status added to ocsp_verify after this program: not shown as verified.
            let message = "the response has a status this program does not know";
            (
                print_failure(args.json, "UnknownStatus", message, &context),
                ExitCode::from(EXIT_NOT_VERIFIED),
            )
        }
        Err(e) => {
            let message = CliError::new(error_kind(e), e).message;
            (
                print_failure(args.json, error_kind(e), &message, &context),
                ExitCode::from(EXIT_NOT_VERIFIED),
            )
        }
    };
    match written {
        Ok(()) => code,
        // The verdict could not be shown: nothing was reported as verified.
        Err(_) => ExitCode::from(EXIT_NOT_VERIFIED),
    }
}

fn print_failure(
    json: bool,
    kind: &str,
    message: &str,
    context: &TextContext,
) -> std::io::Result<()> {
    if json {
        print_json(&failure_json(kind, message))
    } else {
        print_text(&failure_text(kind, message, context))
    }
}

/// An input that could not be read: one line on stderr (`error: KIND:
/// MESSAGE`) and, with `--json`, the failure object on stdout.
pub(crate) fn report_input_error(e: &CliError, json: bool) -> ExitCode {
    eprintln!("error: {e}");
    if json {
        // Nothing more can be done when stdout is closed.
        let _ = print_json(&failure_json(e.kind, &e.message));
    }
    ExitCode::from(EXIT_NOT_VERIFIED)
}

fn internal_error(json: bool) -> ExitCode {
    report_input_error(&CliError::new("Internal", "cannot format the output"), json)
}

/// The policy the flags set, over [`Policy::DEFAULT`].
fn policy(args: &VerifyArgs) -> Policy {
    let mut policy = Policy::DEFAULT;
    if let Some(skew) = args.skew {
        policy.clock_skew = Duration::from_secs(skew);
    }
    // --max-age replaces both age limits, as `openssl ocsp -status_age`
    // bounds every response it is given.
    if let Some(max_age) = args.max_age {
        policy.max_age = Some(Duration::from_secs(max_age));
        policy.max_age_without_next_update = Duration::from_secs(max_age);
    }
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
            (Some(path), _) => SubjectInput::Certificate(first_certificate(path)?),
            (None, Some(serial)) => SubjectInput::Serial(serial.0.clone()),
            // clap's "subject" group requires one of them.
            (None, None) => return Err(usage_slipped("--cert or --serial")),
        };
        let issuer = match (&args.issuer, &args.issuer_name, &args.issuer_spki) {
            (Some(path), _, _) => IssuerInput::Certificate(first_certificate(path)?),
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
        let time = match args.at {
            Some(secs) => UnixTime::since_unix_epoch(Duration::from_secs(secs)),
            None => now()?,
        };
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

/// The system clock, in whole seconds.
pub(crate) fn now() -> Result<UnixTime, CliError> {
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

/// Prefixes an input error's message with the file it is about (unless the
/// message already names it).
fn in_file(path: &Path) -> impl Fn(InputError) -> CliError + '_ {
    move |e| match e {
        InputError::Io { .. } | InputError::TooLarge { .. } => CliError::from(e),
        other => {
            let e = CliError::from(other);
            CliError::new(e.kind, format!("{}: {}", path.display(), e.message))
        }
    }
}

fn non_empty(read: Result<Vec<u8>, InputError>, path: &Path) -> Result<Vec<u8>, CliError> {
    match read {
        Ok(bytes) if bytes.is_empty() => Err(in_file(path)(InputError::Empty)),
        other => other.map_err(in_file(path)),
    }
}

/// The first certificate of a PEM file, or the DER certificate.
pub(crate) fn first_certificate(path: &Path) -> Result<Vec<u8>, CliError> {
    input::read_certificates(path)
        .map_err(in_file(path))?
        .into_iter()
        .next()
        .ok_or_else(|| in_file(path)(InputError::Empty))
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

fn parse_nonce(text: &str) -> Result<HexBytes, String> {
    format::decode_hex(text)
        .map(HexBytes)
        .ok_or_else(|| "expected an even number of hex digits (at least two)".to_owned())
}

/// A serial number's magnitude in hex: `0x` prefix and `:` separators
/// allowed; an odd number of digits gets a leading zero.
fn parse_serial(text: &str) -> Result<HexBytes, String> {
    let trimmed = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let mut digits: String = trimmed.chars().filter(|&c| c != ':').collect();
    if !digits.len().is_multiple_of(2) {
        digits.insert(0, '0');
    }
    format::decode_hex(&digits)
        .map(HexBytes)
        .ok_or_else(|| "expected hex digits, e.g. 10e6fc62b7418ad5005e45b6".to_owned())
}

/// `--at`: Unix seconds (digits only) or an RFC 3339 date-time, as seconds
/// since the epoch (UTC), between 1970 and 9999.
pub(crate) fn parse_time(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let unix = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<i64>().ok()
    } else {
        parse_rfc3339(text)
    };
    unix.filter(|&secs| Time::from_unix(secs).is_some())
        .and_then(|secs| u64::try_from(secs).ok())
        .ok_or_else(|| {
            "expected an RFC 3339 time (2017-08-15T00:00:00Z, 2017-08-15T02:00:00+02:00) \
             or Unix seconds, from 1970 to 9999"
                .to_owned()
        })
}

/// RFC 3339 `date-time` (`YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`, `T`
/// and `Z` in either case, or a space for `T`) as Unix seconds; the
/// fraction is dropped (verification works in whole seconds). No leap
/// second (`:60`).
fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from.checked_add(len)?)?;
        digits.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let local = Time::from_civil(
        num(0, 4)?,
        num(5, 2)?,
        num(8, 2)?,
        num(11, 2)?,
        num(14, 2)?,
        num(17, 2)?,
    )?;
    let mut rest = b.get(19..)?;
    if let [b'.', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|d| d.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = fraction.get(digits..)?;
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| -> Option<i64> {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
            };
            let (hours, minutes) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let secs = hours * 3600 + minutes * 60;
            if *sign == b'+' {
                secs
            } else {
                -secs
            }
        }
        _ => return None,
    };
    // Local time = UTC + offset.
    local.unix_timestamp().checked_sub(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let t = 1_502_755_200; // 2017-08-15T00:00:00Z
        for text in [
            "2017-08-15T00:00:00Z",
            "2017-08-15t00:00:00z",
            "2017-08-15 00:00:00Z",
            "2017-08-15T00:00:00.999Z",
            "2017-08-15T02:00:00+02:00",
            "2017-08-14T22:30:00.5-01:30",
            "2017-08-15T00:00:00+00:00",
            "2017-08-15T00:00:00-00:00",
            "1502755200",
            " 1502755200 ",
        ] {
            assert_eq!(parse_time(text), Ok(t), "{text}");
        }
        assert_eq!(parse_time("0"), Ok(0));
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_time("9999-12-31T23:59:59Z"), Ok(253_402_300_799));
        for bad in [
            "",
            "-1",
            "+5",
            "1e9",
            "253402300800",
            "99999999999999999999999",
            "1969-12-31T23:59:59Z",
            "1970-01-01T00:30:00+01:00",
            "9999-12-31T23:59:59-00:01",
            "2017-08-15",
            "2017-08-15T00:00:00",
            "2017-08-15T00:00Z",
            "2017-08-15T00:00:00.Z",
            "2017-08-15T00:00:60Z",
            "2017-02-29T00:00:00Z",
            "2017-13-01T00:00:00Z",
            "2017-08-15T24:00:00Z",
            "2017-08-15T00:00:00+24:00",
            "2017-08-15T00:00:00+02:60",
            "2017-08-15T00:00:00+0200",
            "2017-08-15T00:00:00Zjunk",
            "2017-08-15X00:00:00Z",
            "2017-08-15T00:00:00+02:00:00",
            "２017-08-15T00:00:00Z",
            "-017-08-15T00:00:00Z",
            "+017-08-15T00:00:00Z",
        ] {
            assert!(parse_time(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_time("2016-02-29T12:00:00Z"), Ok(1_456_747_200));
    }

    #[test]
    fn hex_arguments() {
        assert_eq!(parse_serial("0a1b"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("a1b"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("0x0A:1B"), Ok(HexBytes(vec![0x0a, 0x1b])));
        assert_eq!(parse_serial("00"), Ok(HexBytes(vec![0])));
        for bad in ["", "0x", ":", "zz", "+1", "-1", "0a 1b", "é"] {
            assert!(parse_serial(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_nonce("00fF"), Ok(HexBytes(vec![0, 0xff])));
        for bad in ["", "abc", "zz", "0x00", "+1"] {
            assert!(parse_nonce(bad).is_err(), "{bad:?}");
        }
    }
}
