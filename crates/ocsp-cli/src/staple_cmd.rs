//! `ocsp staple`: connect to a TLS server with rustls, asking for the
//! certificate status, show the chain and the stapled OCSP response, and
//! verify the staple as `ocsp verify` does.
//!
//! ```text
//! ocsp staple HOST[:PORT] [--servername NAME] [--ca FILE | --no-verify-chain]
//!             [--issuer FILE] [--at TIME] [--skew SECS] [--max-age SECS]
//!             [--timeout SECS] [--json]
//! ```
//!
//! The chain is verified (rustls's WebPKI verifier) against `--ca`'s
//! certificates, or the platform's trust anchors by default, unless
//! `--no-verify-chain`. The staple's issuer is `--issuer`, or else the
//! certificate among the server's intermediates, then the trust anchors,
//! whose Name is the end entity's issuer and whose key verifies the end
//! entity's signature (as `ocsp-rustls` finds it).
//!
//! Exit status: 0 verified `good`, 3 verified `revoked`, 4 verified
//! `unknown`, 1 nothing verified (no staple, the chain or the staple does
//! not verify, the connection failed), 2 usage error. With `--json`, one
//! object: the `ocsp verify` object plus `"stapled"` and `"chain"`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use ocsp_rustls::issuer::{find_issuer, FoundIssuer};
use ocsp_types::CertificateRef;
use ocsp_verify::{Policy, Subject, UnixTime, Verifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::RootCertStore;
use serde::Serialize;

use crate::args::{parse_time, policy_from_flags};
use crate::cert_summary::CertSummary;
use crate::error::{print_json, print_text, CliError};
use crate::input;
use crate::input::read_first_certificate as first_certificate;
use crate::report::{printable, unix_time_string, Report, TextContext, EXIT_NOT_VERIFIED};
use crate::tls_probe::{probe, Seen, Target};
use crate::verify_cmd::at_or_now;

/// Arguments of `ocsp staple`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Connect to a TLS server and verify its stapled OCSP response",
    after_help = "Exit status: 0 good, 3 revoked, 4 unknown, 1 not verified or no staple, 2 usage error."
)]
pub struct StapleArgs {
    /// The server: `HOST`, `HOST:PORT` or `[IPv6]:PORT` (port 443 by default).
    #[arg(value_name = "HOST[:PORT]", value_parser = parse_target)]
    pub target: HostPort,

    /// The name sent as SNI and checked against the certificate. Default:
    /// HOST.
    #[arg(long, value_name = "NAME", value_parser = parse_server_name)]
    pub servername: Option<ServerName<'static>>,

    /// Trust anchors for the chain (PEM or DER certificates). Default: the
    /// platform's.
    #[arg(long, value_name = "FILE", conflicts_with = "no_verify_chain")]
    pub ca: Option<PathBuf>,

    /// Do not verify the chain (the staple is still verified).
    #[arg(long)]
    pub no_verify_chain: bool,

    /// The end entity's issuer certificate (PEM or DER), trusted as given,
    /// instead of finding it in the chain.
    #[arg(long, value_name = "FILE")]
    pub issuer: Option<PathBuf>,

    /// Verification time, for the chain and the staple: RFC 3339 or Unix
    /// seconds. Default: now.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<u64>,

    /// Tolerated clock skew, in seconds. Default: 300.
    #[arg(long, value_name = "SECS")]
    pub skew: Option<u64>,

    /// Refuse responses whose thisUpdate is older than this, in seconds.
    #[arg(long, value_name = "SECS")]
    pub max_age: Option<u64>,

    /// The most connecting, and each read or write, may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A host and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    /// Host name or IP address (without brackets).
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// The host as a TLS server name.
    pub server_name: ServerName<'static>,
}

/// `HOST`, `HOST:PORT`, `[IPv6]` or `[IPv6]:PORT`.
fn parse_target(text: &str) -> Result<HostPort, String> {
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| "missing ']' after an IPv6 address".to_owned())?;
        match after {
            "" => (host, None),
            _ => (
                host,
                Some(
                    after
                        .strip_prefix(':')
                        .ok_or_else(|| "expected ':PORT' after ']'".to_owned())?,
                ),
            ),
        }
    } else {
        match text.split_once(':') {
            Some((host, port)) if !port.contains(':') => (host, Some(port)),
            Some(_) => return Err("an IPv6 address goes in brackets: [ADDRESS]:PORT".to_owned()),
            None => (text, None),
        }
    };
    let port = match port {
        None => 443,
        Some(port) => port
            .parse::<u16>()
            .ok()
            .filter(|&p| p != 0)
            .ok_or_else(|| format!("not a port: {port:?}"))?,
    };
    Ok(HostPort {
        host: host.to_owned(),
        port,
        server_name: parse_server_name(host)?,
    })
}

fn parse_server_name(text: &str) -> Result<ServerName<'static>, String> {
    ServerName::try_from(text.to_owned())
        .map_err(|_| format!("not a DNS name or an IP address: {text:?}"))
}

/// Where the chain's trust anchors come from.
enum Anchors {
    File(PathBuf),
    Platform,
    None,
}

/// Runs `ocsp staple`; returns the exit status (see the module docs).
pub fn run(args: &StapleArgs) -> ExitCode {
    match check(args) {
        Ok(code) => code,
        Err(e) => e.report_with(args.json.then(|| Report::failed(e.clone()))),
    }
}

fn check(args: &StapleArgs) -> Result<ExitCode, CliError> {
    let time = at_or_now(args.at)?;
    let given_issuer = args.issuer.as_deref().map(first_certificate).transpose()?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let anchors = match (&args.ca, args.no_verify_chain) {
        (_, true) => Anchors::None,
        (Some(path), false) => Anchors::File(path.clone()),
        (None, false) => Anchors::Platform,
    };
    let roots = trust_anchors(&anchors)?;
    let chain_verifier = roots
        .as_ref()
        .map(|roots| {
            WebPkiServerVerifier::builder_with_provider(Arc::clone(roots), Arc::clone(&provider))
                .build()
                .map_err(|e| CliError::new("TrustAnchors", e))
        })
        .transpose()?;
    let server_name = args
        .servername
        .clone()
        .unwrap_or_else(|| args.target.server_name.clone());
    let probed = probe(
        Target {
            host: &args.target.host,
            port: args.target.port,
            server_name: server_name.clone(),
            chain_verifier,
            time: args.at.map(|_| time),
            timeout: Duration::from_secs(args.timeout),
        },
        Arc::clone(&provider),
    )?;

    let mut header = format!(
        "Connected to {}:{} as {}",
        args.target.host,
        args.target.port,
        printable(&server_name.to_str())
    );
    if let Some(version) = &probed.version {
        let _ = write!(header, " ({version})");
    }
    header.push('\n');
    let Some(seen) = probed.seen else {
        let message = match &probed.handshake {
            Err(e) => format!("the TLS handshake failed before the certificate: {e}"),
            Ok(()) => "the server sent no certificate".to_owned(),
        };
        return Ok(fail(args, &header, &[], false, "Tls", &message, time));
    };
    // Every failure from here on shows the chain as received.
    let failed = |header: &str, stapled: bool, kind: &'static str, message: &str| {
        Ok(fail(
            args,
            header,
            &seen.chain,
            stapled,
            kind,
            message,
            time,
        ))
    };
    let _ = write!(header, "{}", chain_text(&seen.chain));
    let _ = writeln!(
        header,
        "Chain check:  {}",
        chain_check_text(&seen, &anchors)
    );
    let stapled = !seen.staple.is_empty();
    if let Some(Err(e)) = &seen.chain_check {
        let message = format!("the chain does not verify: {e}");
        return failed(&header, stapled, "ChainNotVerified", &message);
    }
    if let Err(e) = &probed.handshake {
        let message = format!("the TLS handshake failed: {e}");
        return failed(&header, stapled, "Tls", &message);
    }
    if !stapled {
        let message = "the server stapled no OCSP response";
        return failed(&header, false, "NoStaple", message);
    }
    let _ = writeln!(header, "Staple:       {} octets", seen.staple.len());

    let Some(end_entity) = seen.chain.first() else {
        return failed(&header, true, "Tls", "empty chain");
    };
    let certificate = match CertificateRef::parse(end_entity) {
        Ok(certificate) => certificate,
        Err(e) => {
            let message = format!("the end-entity certificate does not parse: {e}");
            return failed(&header, true, e.kind(), &message);
        }
    };
    let anchor_list = roots.as_deref().map_or(&[][..], |r| &r.roots[..]);
    let found = match &given_issuer {
        Some(der) => Some(FoundIssuer::Certificate(der)),
        None => find_issuer(
            provider.signature_verification_algorithms.all,
            &certificate,
            seen.chain.get(1..).unwrap_or_default(),
            anchor_list,
        ),
    };
    let Some(found) = found else {
        let message = "no certificate in the chain or the trust anchors signed the end entity: \
                       give its issuer with --issuer";
        return failed(&header, true, "IssuerNotFound", message);
    };
    let _ = writeln!(
        header,
        "Issuer:       {}",
        issuer_text(&found, given_issuer.is_some())
    );
    let result = Verifier::new(provider.signature_verification_algorithms.all)
        .with_policy(policy(args))
        .verify(
            &seen.staple,
            Subject::Certificate(end_entity),
            found.as_issuer(),
            time,
            None,
        );
    let report = match &result {
        // A status this program does not know is reported as a failure
        // (`UnknownStatus`) by the report itself.
        Ok(verdict) => Report::from_verdict(verdict, &TextContext::default()),
        Err(e) => Report::failed(CliError::new(e.kind(), e)),
    };
    Ok(finish(args, &header, &seen.chain, true, report, time))
}

/// The trust anchors for the chain check (`None`: not checked).
fn trust_anchors(anchors: &Anchors) -> Result<Option<Arc<RootCertStore>>, CliError> {
    let mut roots = RootCertStore::empty();
    match anchors {
        Anchors::None => return Ok(None),
        Anchors::File(path) => {
            let certs = input::read_certificates(path)
                .map_err(|e| CliError::new(e.kind(), format!("{}: {e}", path.display())))?;
            for cert in certs {
                roots.add(CertificateDer::from(cert)).map_err(|e| {
                    CliError::new(
                        "TrustAnchors",
                        format!("{}: not a trust anchor: {e}", path.display()),
                    )
                })?;
            }
        }
        Anchors::Platform => {
            let native = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(native.certs);
        }
    }
    if roots.is_empty() {
        return Err(CliError::new(
            "TrustAnchors",
            "no trust anchors: give them with --ca, or skip the chain check with --no-verify-chain",
        ));
    }
    Ok(Some(Arc::new(roots)))
}

/// The policy the flags set, as `ocsp verify` sets it; a staple cannot
/// carry the client's nonce.
fn policy(args: &StapleArgs) -> Policy {
    let mut policy = policy_from_flags(args.skew, args.max_age);
    policy.require_nonce = false;
    policy
}

/// One certificate of the chain, as shown (text) and its `chain` member
/// (JSON); the field order is the contract.
#[derive(Serialize)]
struct ChainEntry {
    subject: Option<String>,
    issuer: Option<String>,
    serial: Option<String>,
    not_before: Option<String>,
    not_after: Option<String>,
}

impl ChainEntry {
    fn of(der: &[u8]) -> Self {
        let parsed = CertificateRef::parse(der).ok();
        let summary = CertSummary::of(der);
        ChainEntry {
            subject: summary.subject,
            issuer: summary.issuer,
            serial: summary.serial,
            not_before: parsed.as_ref().map(|c| c.not_before().to_string()),
            not_after: parsed.as_ref().map(|c| c.not_after().to_string()),
        }
    }
}

/// The `--json` object: the `ocsp verify` object (the report), then
/// `stapled` and `chain`; the field order is the contract.
#[derive(Serialize)]
struct StapleJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    stapled: bool,
    chain: Vec<ChainEntry>,
}

fn chain_text(chain: &[CertificateDer<'static>]) -> String {
    let mut out = format!("Chain ({} certificates, as sent):\n", chain.len());
    let shown = |s: &Option<String>| printable(s.as_deref().unwrap_or("(not shown)"));
    for (n, der) in chain.iter().enumerate() {
        let entry = ChainEntry::of(der);
        let _ = writeln!(out, "  #{n} subject:  {}", shown(&entry.subject));
        let _ = writeln!(out, "     issuer:   {}", shown(&entry.issuer));
        let _ = writeln!(
            out,
            "     validity: {} to {}",
            shown(&entry.not_before),
            shown(&entry.not_after)
        );
    }
    out
}

fn chain_check_text(seen: &Seen, anchors: &Anchors) -> String {
    match (&seen.chain_check, anchors) {
        (None, _) | (_, Anchors::None) => "skipped (--no-verify-chain)".to_owned(),
        (Some(Err(e)), _) => format!("FAILED: {e}"),
        (Some(Ok(())), Anchors::File(path)) => format!("verified (--ca {})", path.display()),
        (Some(Ok(())), Anchors::Platform) => "verified (the platform's trust anchors)".to_owned(),
    }
}

fn issuer_text(found: &FoundIssuer<'_>, given: bool) -> String {
    match found {
        _ if given => "given with --issuer (trusted as given)".to_owned(),
        FoundIssuer::Certificate(der) => format!(
            "{} (from the chain; its key signed the end entity)",
            printable(
                CertSummary::of(der)
                    .subject
                    .as_deref()
                    .unwrap_or("(not shown)")
            )
        ),
        _ => "a trust anchor (its key signed the end entity)".to_owned(),
    }
}

/// Prints the report after the connection's `header` (text) or as the
/// staple JSON object; returns the report's exit status
/// ([`EXIT_NOT_VERIFIED`] when it cannot be written).
fn finish(
    args: &StapleArgs,
    header: &str,
    chain: &[CertificateDer<'static>],
    stapled: bool,
    report: Report,
    time: UnixTime,
) -> ExitCode {
    let report = report.with_verified_at(unix_time_string(time));
    let written = if args.json {
        print_json(&StapleJson {
            report: &report,
            stapled,
            chain: chain.iter().map(|c| ChainEntry::of(c)).collect(),
        })
    } else {
        let mut text = header.to_owned();
        match report.render_text(&mut text) {
            Ok(()) => print_text(&text),
            Err(_) => return ExitCode::from(EXIT_NOT_VERIFIED),
        }
    };
    match written {
        Ok(()) => report.exit_code(),
        Err(_) => ExitCode::from(EXIT_NOT_VERIFIED),
    }
}

/// [`finish`] with a failure of `kind`: nothing verified.
fn fail(
    args: &StapleArgs,
    header: &str,
    chain: &[CertificateDer<'static>],
    stapled: bool,
    kind: &'static str,
    message: &str,
    time: UnixTime,
) -> ExitCode {
    let report = Report::failed(CliError::new(kind, message));
    finish(args, header, chain, stapled, report, time)
}

#[cfg(test)]
mod tests {
    use super::parse_target;

    fn host_port(text: &str) -> Option<(String, u16)> {
        parse_target(text).ok().map(|t| (t.host, t.port))
    }

    #[test]
    fn targets() {
        let expect = |host: &str, port| Some((host.to_owned(), port));
        assert_eq!(host_port("example.test"), expect("example.test", 443));
        assert_eq!(host_port("127.0.0.1:8443"), expect("127.0.0.1", 8443));
        assert_eq!(host_port("[::1]:4433"), expect("::1", 4433));
        assert_eq!(host_port("[::1]"), expect("::1", 443));
        for bad in [
            "::1",
            "host:0",
            "host:99999",
            "host:",
            "[::1",
            "[::1]x",
            "bad name:1",
        ] {
            assert!(parse_target(bad).is_err(), "{bad}");
        }
    }
}
