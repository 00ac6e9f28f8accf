//! The `log` feature: what the cache and the stapler say, and that no nonce
//! or request URL is ever in it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::{Arc, Mutex};

use common::{client, clock, good, ok, pki, response, Scripted};
use ocsp_http::{
    Cache, FailureMode, HttpRequest, HttpResponse, HttpTransport, Stapler, TransportError,
};
use ocsp_testkit::{DAY, HOUR};
use ocsp_types::CertStatus;

/// Every record logged by this test binary (one test: no interleaving).
struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        self.0.lock().unwrap().push(format!(
            "{} {} {}",
            record.level(),
            record.target(),
            record.args()
        ));
    }

    fn flush(&self) {}
}

static CAPTURE: Capture = Capture(Mutex::new(Vec::new()));

/// A transport noting each request URL, then answering from a script.
struct Noting {
    script: Arc<Scripted>,
    urls: Mutex<Vec<String>>,
}

impl HttpTransport for Noting {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        self.urls.lock().unwrap().push(request.url.to_owned());
        self.script.send(request)
    }
}

/// The records since the last call; all of them are kept in `all`.
fn drain(all: &mut Vec<String>) -> Vec<String> {
    let lines = std::mem::take(&mut *CAPTURE.0.lock().unwrap());
    all.extend(lines.iter().cloned());
    lines
}

/// Asserts that a record since the last look satisfies `wanted`.
fn expect_record(all: &mut Vec<String>, wanted: impl Fn(&str) -> bool) {
    let lines = drain(all);
    assert!(lines.iter().any(|l| wanted(l)), "{lines:?}");
}

#[test]
fn hits_misses_replays_failures_and_refreshes_are_logged_without_secrets() {
    log::set_logger(&CAPTURE).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let pki = pki();
    let clock = clock();
    let newer = good(&pki);
    let older = response(&pki, CertStatus::Good, -2 * HOUR, 3 * DAY);
    let script = Scripted::new(vec![
        Ok(ok(&newer, None)),
        Ok(ok(&older, None)),
        Err(TransportError::Timeout),
    ]);
    let transport = Arc::new(Noting {
        script,
        urls: Mutex::new(Vec::new()),
    });
    let cache = Arc::new(Cache::new(client(Arc::clone(&transport), &clock)));
    let lookup = || cache.lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard);
    let mut all = Vec::new();

    lookup().unwrap();
    expect_record(&mut all, |l| {
        l.starts_with("DEBUG ocsp_http OCSP cache miss for serial ")
    });
    lookup().unwrap();
    expect_record(&mut all, |l| l.contains("OCSP cache hit for serial"));

    // The older one fetched by a forced refresh is refused as a replay.
    cache.refresh(&pki.leaf, &pki.ca.cert).unwrap();
    expect_record(&mut all, |l| {
        l.starts_with("WARN") && l.contains("refused a fetched response")
    });

    // A failed refresh of the staple: the fetch error and the outcome.
    let stapler = Stapler::new(Arc::clone(&cache), pki.leaf.clone(), pki.ca.cert.clone());
    let now = ocsp_http::Clock::now(&*clock);
    assert!(stapler.refresh_if_due(now).is_err());
    let lines = drain(&mut all);
    for wanted in [
        "fetch failed (Timeout)",
        "OCSP staple refresh failed (Timeout)",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(wanted)),
            "{wanted}: {lines:?}"
        );
    }

    // Nothing of a request URL (a GET URL carries the nonce) was logged.
    let urls = transport.urls.lock().unwrap().clone();
    assert_eq!(urls.len(), 3);
    drain(&mut all);
    let all = all.join("\n");
    for url in urls {
        let encoded = url.rsplit('/').next().unwrap();
        assert!(!all.contains(encoded), "{all}");
    }
}
