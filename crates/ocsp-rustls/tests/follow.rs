//! `StaplingResolver::follow`: the tokio refresh task of ocsp-http feeds the
//! resolver, on a current-thread runtime with paused time and manual
//! clocks (no sleeps, no network: an in-memory transport signs with the
//! testkit).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use ocsp_http::{
    spawn_refresh_task, AsyncHttpTransport, BoxFuture, Cache, Client, ClientConfig, Clock,
    HttpRequest, HttpResponse, ManualClock, RefreshSchedule, Stapler, TransportError,
    RESPONSE_CONTENT_TYPE,
};
use ocsp_rustls::{StaplingCertResolver, StaplingResolver};
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::{offset, HOUR};
use ocsp_types::CertStatus;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::sign::CertifiedKey;

/// A responder in memory: each request gets a good response from the
/// intermediate, thisUpdate now, nextUpdate two hours later.
struct SigningTransport {
    pki: TlsPki,
    serial: Vec<u8>,
    clock: Arc<ManualClock>,
    requests: AtomicUsize,
}

impl AsyncHttpTransport for SigningTransport {
    fn send<'a>(
        &'a self,
        _request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        self.requests.fetch_add(1, Ordering::SeqCst);
        let now = i64::try_from(self.clock.now().as_secs()).unwrap();
        let mut spec = self
            .pki
            .response(&self.pki.intermediate, &self.serial, CertStatus::Good);
        spec.produced_at = offset(now, 0);
        spec.singles[0].this_update = offset(now, 0);
        spec.singles[0].next_update = Some(offset(now, 2 * HOUR));
        let body = spec.sign(&self.pki.intermediate.key);
        Box::pin(async move {
            Ok(HttpResponse::new(
                200,
                vec![("content-type".into(), RESPONSE_CONTENT_TYPE.into())],
                body,
            ))
        })
    }
}

/// rustls's time source on the same manual clock.
#[derive(Debug)]
struct ManualTime(Arc<ManualClock>);

impl rustls::time_provider::TimeProvider for ManualTime {
    fn current_time(&self) -> Option<UnixTime> {
        Some(self.0.now())
    }
}

/// Lets the spawned task run until `done` (bounded: the in-memory transport
/// never waits, so a few turns suffice).
async fn run_until(done: impl Fn() -> bool) {
    for _ in 0..1_000 {
        if done() {
            return;
        }
        tokio::task::yield_now().await;
    }
    panic!("the refresh task did not get there");
}

/// A leaf by the intermediate, a manual clock at the PKI's time, the
/// in-memory responder for the leaf, and an inner resolver serving it.
struct Setup {
    pki: TlsPki,
    leaf: Vec<u8>,
    clock: Arc<ManualClock>,
    transport: Arc<SigningTransport>,
    provider: Arc<rustls::crypto::CryptoProvider>,
    inner: Arc<dyn rustls::server::ResolvesServerCert>,
}

fn setup(serial: &[u8], must_staple: bool) -> Setup {
    let pki = common::pki();
    let leaf = pki.issue_leaf(&pki.leaf_spec(serial, must_staple), &pki.intermediate);
    let clock = Arc::new(ManualClock::new(u64::try_from(pki.now).unwrap()));
    let provider = common::provider();
    let key = CertifiedKey::new(
        vec![CertificateDer::from(leaf.clone())],
        common::leaf_key(&provider),
    );
    let inner = Arc::new(StaplingCertResolver::new(key, || None));
    let transport = Arc::new(SigningTransport {
        pki: pki.clone(),
        serial: serial.to_vec(),
        clock: Arc::clone(&clock),
        requests: AtomicUsize::new(0),
    });
    Setup {
        pki,
        leaf,
        clock,
        transport,
        provider,
        inner,
    }
}

impl Setup {
    /// A stapler for the leaf, fetching through the in-memory responder at
    /// the manual clock's time.
    fn stapler(&self) -> Stapler<Arc<SigningTransport>, Arc<ManualClock>> {
        let client = Client::new(Arc::clone(&self.transport))
            .with_clock(Arc::clone(&self.clock))
            .with_config(ClientConfig {
                responder_url: Some("http://127.0.0.1/ocsp".into()),
                ..ClientConfig::default()
            });
        let issuer = self.pki.intermediate.cert.clone();
        Stapler::new(Arc::new(Cache::new(client)), self.leaf.clone(), issuer)
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_refresh_task_staples_each_new_response_through_the_resolver() {
    let setup = setup(&[0x51, 0x52], true);
    let Setup {
        leaf,
        clock,
        transport,
        ..
    } = &setup;
    let resolver = Arc::new(
        StaplingResolver::new(Arc::clone(&setup.inner), &setup.provider)
            .with_time_provider(Arc::new(ManualTime(Arc::clone(clock)))),
    );
    let stapler = Arc::new(resolver.follow(setup.stapler()));
    assert_eq!(resolver.current_staple(leaf), None);

    let task = spawn_refresh_task(vec![Arc::clone(&stapler)], RefreshSchedule::default());

    // First pass: fetched at once, verified again and stapled.
    run_until(|| resolver.current_staple(leaf).is_some()).await;
    let first = resolver.current_staple(leaf).unwrap();
    assert_eq!(Some(Arc::clone(&first)), stapler.current_staple());
    assert_eq!(transport.requests.load(Ordering::SeqCst), 1);

    // Nothing happens before halfway (one hour; jitter up to 12 minutes).
    clock.advance(Duration::from_secs(50 * 60));
    tokio::time::advance(Duration::from_secs(50 * 60)).await;
    for _ in 0..100 {
        tokio::task::yield_now().await;
    }
    assert_eq!(transport.requests.load(Ordering::SeqCst), 1);
    assert_eq!(resolver.current_staple(leaf), Some(Arc::clone(&first)));

    // Past halfway plus the largest jitter: refreshed, and the resolver
    // staples the new response.
    clock.advance(Duration::from_secs(25 * 60));
    tokio::time::advance(Duration::from_secs(25 * 60)).await;
    run_until(|| {
        resolver
            .current_staple(leaf)
            .is_some_and(|current| current != first)
    })
    .await;
    assert_eq!(transport.requests.load(Ordering::SeqCst), 2);
    assert_eq!(resolver.current_staple(leaf), stapler.current_staple());

    // Past the second response's validity with no refresh (the task is
    // stopped): nothing is stapled any more.
    task.abort();
    clock.advance(Duration::from_secs(3 * 3600));
    assert_eq!(resolver.current_staple(leaf), None);
}

#[test]
fn a_dropped_resolver_ends_the_stapling_not_the_stapler() {
    let setup = setup(&[0x61], false);
    let resolver = Arc::new(StaplingResolver::new(
        Arc::clone(&setup.inner),
        &setup.provider,
    ));
    let stapler = resolver.follow(setup.stapler());
    drop(resolver);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let refreshed = runtime.block_on(stapler.refresh_if_due_async(setup.clock.now()));
    assert!(
        matches!(refreshed, Ok(ocsp_http::Refresh::Refreshed(_))),
        "{refreshed:?}"
    );
    assert!(stapler.current_staple().is_some());
}
