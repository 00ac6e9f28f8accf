//! Checks a certificate's status on tokio, through the cache, over
//! `ReqwestTransport`:
//!
//! ```text
//! cargo run -p ocsp-http --example async_check --features reqwest,tokio -- CERT.der ISSUER.der
//! ```
//!
//! The responder is the certificate's AIA OCSP URL (plain `http://`).
//! Hard-fail: no verified answer is an error, never "good".

use std::process::ExitCode;

use ocsp_http::{Cache, Client, FailureMode, Outcome, ReqwestTransport, Status};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cert, issuer] = args.as_slice() else {
        eprintln!("usage: async_check CERT.der ISSUER.der");
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(check(cert, issuer))
}

async fn check(cert: &str, issuer: &str) -> ExitCode {
    let (cert, issuer) = match (std::fs::read(cert), std::fs::read(issuer)) {
        (Ok(cert), Ok(issuer)) => (cert, issuer),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot read the inputs: {e}");
            return ExitCode::from(2);
        }
    };
    let transport = match ReqwestTransport::new() {
        Ok(transport) => transport,
        Err(e) => {
            eprintln!("cannot build the transport: {e}");
            return ExitCode::FAILURE;
        }
    };
    // One cache for the whole program: concurrent lookups of one
    // certificate share one fetch.
    let cache = Cache::new(Client::new(transport));
    match cache.lookup_async(&cert, &issuer, FailureMode::Hard).await {
        Ok(Outcome::Checked(checked)) => {
            println!(
                "{:?} (signed by the {} responder, valid until {} Unix time)",
                checked.status,
                checked.responder.name(),
                checked.valid_until.as_secs()
            );
            if checked.status == Status::Good {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(3)
            }
        }
        Ok(other) => {
            println!("unavailable: {other:?}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("no verified answer ({}): {e}", e.kind());
            ExitCode::FAILURE
        }
    }
}
