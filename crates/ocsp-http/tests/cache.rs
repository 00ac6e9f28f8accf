//! The cache, with an injected clock and counting fake transports.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{
    client, clock, expect_checked, good, ok, pki, response, revoked, scripted_cache, tampered,
    LeafLookup, Scripted, T0,
};
use ocsp_http::{
    Cache, Error, FailureMode, HttpRequest, HttpResponse, HttpTransport, Outcome, Status,
    TransportError,
};
use ocsp_testkit::{DAY, HOUR};
use ocsp_types::{CertStatus, CrlReason};

#[test]
fn served_until_next_update_then_refetched() {
    let pki = pki();
    // No max-age: the entry lives until nextUpdate (T0 + 3 days).
    let first = good(&pki);
    let second = response(&pki, CertStatus::Good, 3 * DAY, 6 * DAY);
    let (transport, clock, cache) =
        scripted_cache(vec![Ok(ok(&first, None)), Ok(ok(&second, None))]);

    let a = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(a.status, Status::Good);
    assert_eq!(transport.calls(), 1);
    for secs in [1, 3600, 2 * 86_400, 3 * 86_400 - 1] {
        clock.set(T0 + secs);
        let b = cache.checked_leaf(&pki, FailureMode::Hard);
        assert!(Arc::ptr_eq(&a, &b), "served from the cache at +{secs}s");
    }
    assert_eq!(transport.calls(), 1);
    // One second past nextUpdate: never served, a new fetch.
    clock.set(T0 + 3 * 86_400 + 1);
    let c = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(transport.calls(), 2);
    assert_eq!(&*c.der, &second[..]);
}

#[test]
fn refetched_after_max_age() {
    let pki = pki();
    let der = good(&pki);
    let (transport, clock, cache) = scripted_cache(vec![Ok(ok(&der, Some(3600)))]);
    let a = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(a.http.max_age, Some(Duration::from_secs(3600)));
    assert_eq!(a.refresh_after().as_secs(), T0 + 3600);
    clock.set(T0 + 3599);
    cache.leaf(&pki, FailureMode::Hard).unwrap();
    assert_eq!(transport.calls(), 1);
    clock.set(T0 + 3600);
    let b = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(transport.calls(), 2);
    assert!(!Arc::ptr_eq(&a, &b));
    // The refreshed entry is served for another max-age.
    clock.set(T0 + 3600 + 3599);
    cache.leaf(&pki, FailureMode::Hard).unwrap();
    assert_eq!(transport.calls(), 2);
}

#[test]
fn max_age_beyond_next_update_is_capped() {
    let pki = pki();
    // nextUpdate in one hour, max-age of a week.
    let der = response(&pki, CertStatus::Good, -HOUR, HOUR);
    let (transport, clock, cache) = scripted_cache(vec![
        Ok(ok(&der, Some(7 * 86_400))),
        Err(TransportError::Timeout),
    ]);
    let a = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(a.refresh_after().as_secs(), T0 + 3600);
    assert_eq!(a.valid_until.as_secs(), T0 + 3600);
    clock.set(T0 + 3599);
    cache.leaf(&pki, FailureMode::Hard).unwrap();
    assert_eq!(transport.calls(), 1);
    // Past nextUpdate the week-long max-age does not keep it: the responder
    // is down, and the expired entry is not served.
    clock.set(T0 + 3600 + 1);
    let err = cache.leaf(&pki, FailureMode::Hard).unwrap_err();
    assert!(
        matches!(err, Error::Transport(TransportError::Timeout)),
        "{err:?}"
    );
    assert_eq!(cache.stats().entries, 0);
    let soft = cache.leaf(&pki, FailureMode::Soft).unwrap();
    assert!(matches!(
        soft,
        Outcome::Unavailable(Error::Transport(TransportError::Timeout))
    ));
    assert!(!soft.is_good());
}

#[test]
fn stale_but_valid_entry_is_served_when_refresh_fails() {
    let pki = pki();
    let der = good(&pki);
    let (transport, clock, cache) = scripted_cache(vec![
        Ok(ok(&der, Some(60))),
        Ok(HttpResponse::new(503, Vec::new(), Vec::new())),
    ]);
    let a = cache.checked_leaf(&pki, FailureMode::Hard);
    clock.set(T0 + 61);
    let b = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(transport.calls(), 2, "a refresh was attempted");
    assert!(Arc::ptr_eq(&a, &b), "the still-valid response is served");
    // `refresh` reports the failure itself.
    let err = cache.refresh(&pki.leaf, &pki.ca.cert).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }));
}

#[test]
fn failures_are_not_cached() {
    let pki = pki();
    let der = good(&pki);
    let (transport, _, cache) = scripted_cache(vec![
        Ok(HttpResponse::new(500, Vec::new(), Vec::new())),
        Ok(ok(&tampered(&der), None)),
        Err(TransportError::Truncated),
        Ok(ok(&der, None)),
    ]);
    let lookup = || cache.leaf(&pki, FailureMode::Hard);
    assert!(matches!(lookup(), Err(Error::HttpStatus { status: 500 })));
    assert_eq!(cache.stats().entries, 0);
    assert!(matches!(
        lookup(),
        Err(Error::Verify(ocsp_verify::Error::InvalidSignature))
    ));
    assert_eq!(cache.stats().entries, 0);
    assert!(matches!(
        lookup(),
        Err(Error::Transport(TransportError::Truncated))
    ));
    assert_eq!(cache.stats().entries, 0);
    assert!(lookup().unwrap().is_good());
    assert_eq!(cache.stats().entries, 1);
    assert_eq!(transport.calls(), 4);
}

#[test]
fn soft_fail_never_yields_good() {
    let pki = pki();
    let der = good(&pki);
    let failures: Vec<Result<HttpResponse, TransportError>> = vec![
        Err(TransportError::Timeout),
        Err(TransportError::BodyTooLarge { limit: 10 }),
        Ok(HttpResponse::new(404, Vec::new(), Vec::new())),
        Ok(HttpResponse::new(
            200,
            vec![("Content-Type".into(), "text/html".into())],
            der.clone(),
        )),
        Ok(ok(&tampered(&der), None)),
        Ok(ok(b"\x30\x03\x0a\x01\x01", None)), // malformedRequest
    ];
    for failure in failures {
        let (_, _, cache) = scripted_cache(vec![failure]);
        let outcome = cache.leaf(&pki, FailureMode::Soft).unwrap();
        assert!(matches!(outcome, Outcome::Unavailable(_)), "{outcome:?}");
        assert!(!outcome.is_good());
        assert_eq!(outcome.status(), None);
        assert_eq!(cache.stats().entries, 0);
    }
    // A verified revoked answer is a status, not "unavailable".
    let revoked = revoked(&pki, -HOUR, DAY);
    let (_, _, cache) = scripted_cache(vec![Ok(ok(&revoked, None))]);
    let outcome = cache.leaf(&pki, FailureMode::Soft).unwrap();
    assert!(matches!(
        outcome.status(),
        Some(Status::Revoked {
            reason: Some(CrlReason::KeyCompromise),
            ..
        })
    ));
    assert!(!outcome.is_good());
}

/// Blocks every call until released; reports each call's start.
struct Gate {
    started: Mutex<Sender<()>>,
    release: Mutex<std::sync::mpsc::Receiver<()>>,
    calls: AtomicUsize,
    reply: Result<HttpResponse, TransportError>,
}

impl HttpTransport for Gate {
    fn send(&self, _request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.started.lock().unwrap().send(()).unwrap();
        self.release
            .lock()
            .unwrap()
            .recv_timeout(Duration::from_secs(10))
            .expect("released");
        self.reply.clone()
    }
}

type GatedCache = Arc<Cache<Arc<Gate>, Arc<ocsp_http::ManualClock>>>;

/// Starts `n` concurrent lookups through a gated transport, waits until one
/// fetch is under way and the others wait on it, releases it, and returns
/// the results and the number of transport calls.
fn concurrent(
    n: usize,
    reply: Result<HttpResponse, TransportError>,
) -> (Vec<Result<Outcome, Error>>, usize, GatedCache) {
    let pki = Arc::new(pki());
    let (started_tx, started_rx) = channel();
    let (release_tx, release_rx) = channel();
    let gate = Arc::new(Gate {
        started: Mutex::new(started_tx),
        release: Mutex::new(release_rx),
        calls: AtomicUsize::new(0),
        reply,
    });
    let clock = clock();
    let cache = Arc::new(Cache::new(client(Arc::clone(&gate), &clock)));
    let threads: Vec<_> = (0..n)
        .map(|_| {
            let cache = Arc::clone(&cache);
            let pki = Arc::clone(&pki);
            std::thread::spawn(move || cache.leaf(&pki, FailureMode::Hard))
        })
        .collect();
    started_rx
        .recv_timeout(Duration::from_secs(10))
        .expect("a fetch started");
    // Bounded wait for the other callers to join the fetch.
    let deadline = Instant::now() + Duration::from_secs(10);
    while cache.stats().waiting < n - 1 {
        assert!(
            Instant::now() < deadline,
            "callers did not join: {:?}",
            cache.stats()
        );
        std::thread::yield_now();
    }
    assert_eq!(cache.stats().in_flight, 1);
    release_tx.send(()).unwrap();
    let results = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let calls = gate.calls.load(Ordering::SeqCst);
    (results, calls, cache)
}

#[test]
fn concurrent_lookups_share_one_fetch() {
    let der = good(&pki());
    let (results, calls, cache) = concurrent(8, Ok(ok(&der, None)));
    assert_eq!(calls, 1);
    let responses: Vec<_> = results
        .into_iter()
        .map(|r| expect_checked(r.unwrap()))
        .collect();
    assert!(responses.iter().all(|r| Arc::ptr_eq(r, &responses[0])));
    assert_eq!(cache.stats().entries, 1);
    assert_eq!(cache.stats().in_flight, 0);
    assert_eq!(cache.stats().waiting, 0);
}

#[test]
fn concurrent_failure_is_shared_and_not_cached() {
    let (results, calls, cache) = concurrent(6, Err(TransportError::Timeout));
    assert_eq!(calls, 1);
    assert_eq!(results.len(), 6);
    for result in results {
        assert!(matches!(
            result,
            Err(Error::Transport(TransportError::Timeout))
        ));
    }
    assert_eq!(cache.stats().entries, 0);
    assert_eq!(cache.stats().in_flight, 0);
}

/// Panics on its first call.
struct Panicky {
    calls: AtomicUsize,
    reply: HttpResponse,
}

impl HttpTransport for Panicky {
    fn send(&self, _request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        if self.calls.fetch_add(1, Ordering::SeqCst) == 0 {
            panic!("transport bug");
        }
        Ok(self.reply.clone())
    }
}

#[test]
fn a_panicking_fetch_releases_its_marker() {
    let pki = pki();
    let transport = Arc::new(Panicky {
        calls: AtomicUsize::new(0),
        reply: ok(&good(&pki), None),
    });
    let clock = clock();
    let cache = Cache::new(client(Arc::clone(&transport), &clock));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cache.leaf(&pki, FailureMode::Hard)
    }));
    assert!(caught.is_err());
    assert_eq!(cache.stats().in_flight, 0);
    assert!(cache.leaf(&pki, FailureMode::Hard).unwrap().is_good());
}

#[test]
fn an_older_response_does_not_replace_a_newer_one() {
    let pki = pki();
    let newer = response(&pki, CertStatus::Good, -HOUR, 3 * DAY);
    let older = response(&pki, CertStatus::Good, -2 * HOUR, 3 * DAY);
    let (_, clock, cache) =
        scripted_cache(vec![Ok(ok(&newer, Some(60))), Ok(ok(&older, Some(60)))]);
    cache.leaf(&pki, FailureMode::Hard).unwrap();
    clock.set(T0 + 61);
    cache.refresh(&pki.leaf, &pki.ca.cert).unwrap();
    let held = cache.cached(&pki.leaf, &pki.ca.cert).unwrap().unwrap();
    assert_eq!(&*held.der, &newer[..]);
}

#[test]
fn bad_inputs_are_request_errors() {
    let pki = pki();
    let (transport, _, cache) = scripted_cache(vec![Ok(ok(&good(&pki), None))]);
    let err = cache
        .lookup(b"not a certificate", &pki.ca.cert, FailureMode::Hard)
        .unwrap_err();
    assert!(matches!(err, Error::Request(_)), "{err:?}");
    assert_eq!(transport.calls(), 0);
}

/// The documented cost of an entry about the testkit leaf (see `Cache`).
fn documented_cost(pki: &ocsp_testkit::Pki, checked: &ocsp_http::CheckedResponse) -> usize {
    let cert_id = ocsp_request::cert_id_for_certificate(
        &pki.leaf,
        &pki.ca.cert,
        ocsp_http::HashAlgorithm::Sha1,
    )
    .unwrap()
    .to_der()
    .unwrap()
    .len();
    let responder = match &checked.responder {
        ocsp_http::ResponderKind::Delegated { certificate } => certificate.len(),
        _ => 0,
    };
    let http = &checked.http;
    let headers: usize = [
        &http.cache_control,
        &http.etag,
        &http.expires,
        &http.last_modified,
    ]
    .into_iter()
    .map(|v| v.as_ref().map_or(0, String::len))
    .sum();
    std::mem::size_of::<ocsp_http::CheckedResponse>()
        + checked.der.len()
        + responder
        + 2 * cert_id
        + http.url.len()
        + headers
}

#[test]
fn a_response_padded_with_certificates_costs_what_the_docs_say() {
    let pki = pki();
    // A delegated response whose unsigned `certs` also carries 60 copies
    // of another (RSA) certificate: tens of KiB anyone on the path can add.
    let mut spec = pki.delegated_response();
    let mut certs = vec![pki.delegate.cert.clone()];
    certs.extend(std::iter::repeat_n(pki.other_ca.cert.clone(), 60));
    spec.certs = Some(certs);
    let padded = spec.sign(&pki.delegate.key);
    assert!(padded.len() > 20 * 1024, "{}", padded.len());
    let transport = Scripted::new(vec![Ok(ok(&padded, Some(60)))]);
    let clock = clock();

    // With the defaults, it costs more than an entry may: returned, not
    // kept, and it evicted nothing.
    let cache = Cache::new(client(Arc::clone(&transport), &clock));
    let returned = cache.checked_leaf(&pki, FailureMode::Hard);
    let cost = documented_cost(&pki, &returned);
    assert!(cost > ocsp_http::DEFAULT_MAX_ENTRY_BYTES);
    assert_eq!(cache.stats().entries, 0);
    assert_eq!(cache.stats().bytes, 0);

    // Allowed per entry, it costs exactly the documented sum (the GET URL,
    // with a fresh nonce, may be a few escapes longer this time).
    let cache = Cache::new(client(Arc::clone(&transport), &clock)).with_max_entry_bytes(cost + 64);
    let kept = cache.checked_leaf(&pki, FailureMode::Hard);
    assert_eq!(cache.stats().entries, 1);
    assert_eq!(cache.stats().bytes, documented_cost(&pki, &kept));
    cache.clear();
    assert_eq!(cache.stats().bytes, 0);

    // An unpadded response costs a few KiB at most.
    let plain = Scripted::new(vec![Ok(ok(
        &pki.delegated_response().sign(&pki.delegate.key),
        Some(60),
    ))]);
    let cache = Cache::new(client(Arc::clone(&plain), &clock));
    cache.leaf(&pki, FailureMode::Hard).unwrap();
    assert!(cache.stats().bytes < 4 * 1024, "{}", cache.stats().bytes);
}

#[test]
fn the_total_byte_cap_evicts_the_entry_expiring_soonest() {
    // Two issuers: two CertIDs.
    let (a, b) = (pki(), ocsp_testkit::Pki::new(ocsp_testkit::Flavor::P384));
    let first = response(&a, CertStatus::Good, -HOUR, DAY);
    let second = response(&b, CertStatus::Good, -HOUR, 2 * DAY);
    let transport = Scripted::new(vec![Ok(ok(&first, None)), Ok(ok(&second, None))]);
    let clock = clock();
    // Measure one entry, then allow a little less than two.
    let probe = Cache::new(client(Scripted::new(vec![Ok(ok(&first, None))]), &clock));
    probe.leaf(&a, FailureMode::Hard).unwrap();
    let one = probe.stats().bytes;
    let cache = Cache::new(client(Arc::clone(&transport), &clock)).with_max_bytes(2 * one - 1);
    cache.leaf(&a, FailureMode::Hard).unwrap();
    cache.leaf(&b, FailureMode::Hard).unwrap();
    assert_eq!(cache.stats().entries, 1);
    assert!(cache.stats().bytes < 2 * one);
    assert!(
        cache.cached(&a.leaf, &a.ca.cert).unwrap().is_none(),
        "expiring soonest: evicted"
    );
    assert!(cache.cached(&b.leaf, &b.ca.cert).unwrap().is_some());
}
