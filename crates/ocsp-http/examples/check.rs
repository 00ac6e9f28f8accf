//! Checks a certificate's revocation status end to end: responder URL from
//! its Authority Information Access (or the third argument), request with a
//! random nonce, GET or POST (RFC 5019), verification, and a cached second
//! lookup.
//!
//! ```text
//! cargo run -p ocsp-http --features ureq --example check -- CERT ISSUER [URL]
//! ```
//!
//! CERT and ISSUER are PEM or DER certificates. Exit status: 0 good,
//! 3 revoked, 4 unknown, 1 no verified answer, 2 usage.

use std::process::ExitCode;
use std::sync::Arc;

use base64ct::{Base64, Encoding};
use ocsp_http::{Cache, Client, ClientConfig, FailureMode, Outcome, Status, UreqTransport};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cert, issuer, url) = match args.as_slice() {
        [cert, issuer] => (cert, issuer, None),
        [cert, issuer, url] => (cert, issuer, Some(url.clone())),
        _ => {
            eprintln!("usage: check CERT ISSUER [URL]");
            return ExitCode::from(2);
        }
    };
    match run(cert, issuer, url) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(
    cert: &str,
    issuer: &str,
    url: Option<String>,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let cert = read_certificate(cert)?;
    let issuer = read_certificate(issuer)?;
    let config = ClientConfig {
        responder_url: url,
        ..ClientConfig::default()
    };
    let client = Client::new(UreqTransport::new()).with_config(config);
    println!("responder: {}", client.responder_url(&cert)?);
    let cache = Arc::new(Cache::new(client));

    // Hard-fail: no verified answer is an error. (FailureMode::Soft would
    // return Outcome::Unavailable instead, which is never "good".)
    let outcome = cache.lookup(&cert, &issuer, FailureMode::Hard)?;
    let Outcome::Checked(checked) = outcome else {
        return Err("no verified answer".into());
    };
    println!("status:      {:?}", checked.status);
    println!("this update: {}", checked.this_update);
    if let Some(next) = checked.next_update {
        println!("next update: {next}");
    }
    println!("responder:   {}", checked.responder.name());
    println!(
        "nonce:       {}",
        if checked.nonce_echoed {
            "echoed"
        } else {
            "not echoed"
        }
    );
    println!(
        "fetched by:  {} {}",
        checked.http.method.as_str(),
        checked.http.url
    );
    if let Some(max_age) = checked.http.max_age {
        println!(
            "max-age:     {}s (refresh hint, capped at nextUpdate)",
            max_age.as_secs()
        );
    }

    // A second lookup is served from the cache until max-age or nextUpdate.
    let again = cache.lookup(&cert, &issuer, FailureMode::Hard)?;
    if let Outcome::Checked(again) = again {
        println!("cached:      {}", Arc::ptr_eq(&checked, &again));
    }

    Ok(ExitCode::from(match checked.status {
        Status::Good => 0,
        Status::Revoked { .. } => 3,
        Status::Unknown => 4,
        _ => 1,
    }))
}

/// The first certificate of a PEM file, or the DER file as it is.
fn read_certificate(path: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(bytes);
    };
    let Some((_, rest)) = text.split_once("-----BEGIN CERTIFICATE-----") else {
        return Ok(bytes);
    };
    let (body, _) = rest
        .split_once("-----END CERTIFICATE-----")
        .ok_or_else(|| format!("{path}: unterminated PEM block"))?;
    let base64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(Base64::decode_vec(&base64).map_err(|e| format!("{path}: {e}"))?)
}
