//! Shared test helpers: responses signed by the testkit, fake transports,
//! a canned local HTTP server, and an OpenSSL responder.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[allow(unused_imports)]
pub use ocsp_testkit::openssl_pki as openssl;
pub mod server;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use ocsp_http::{
    Cache, CheckedResponse, Client, ClientConfig, Clock, Error, FailureMode, HttpRequest,
    HttpResponse, HttpTransport, ManualClock, Outcome, Stapler, TransportError,
};
use ocsp_testkit::{at, single, Flavor, HashAlg, Pki, DAY, HOUR, NOW};
use ocsp_types::{CertStatus, CrlReason, Extension, RevokedInfo};

/// The testkit's "now" as seconds.
pub const T0: u64 = NOW as u64;

/// A P-256 testkit PKI (fast to sign).
pub fn pki() -> Pki {
    Pki::new(Flavor::P256)
}

/// A response about the leaf, signed by the CA, with these times (seconds
/// relative to `NOW`) and status.
pub fn response(pki: &Pki, status: CertStatus, this_update: i64, next_update: i64) -> Vec<u8> {
    let mut spec = pki.issuer_response();
    spec.produced_at = at(this_update);
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha1),
        status,
        at(this_update),
        Some(at(next_update)),
    )];
    spec.sign(&pki.ca.key)
}

/// A revoked response (key compromise, a day ago) with these times.
pub fn revoked(pki: &Pki, this_update: i64, next_update: i64) -> Vec<u8> {
    let status = CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    });
    response(pki, status, this_update, next_update)
}

/// A good response: thisUpdate an hour ago, nextUpdate in 3 days.
pub fn good(pki: &Pki) -> Vec<u8> {
    response(pki, CertStatus::Good, -HOUR, 3 * DAY)
}

/// A good response carrying a nonce the client never sent.
pub fn with_foreign_nonce(pki: &Pki) -> Vec<u8> {
    let mut spec = pki.issuer_response();
    spec.extensions = vec![Extension::nonce(&[0x42; 16]).unwrap()];
    spec.sign(&pki.ca.key)
}

/// `der` with its last byte (inside the signature) flipped.
pub fn tampered(der: &[u8]) -> Vec<u8> {
    let mut der = der.to_vec();
    *der.last_mut().unwrap() ^= 0x01;
    der
}

/// A 200 `application/ocsp-response` with an optional `max-age`.
pub fn ok(der: &[u8], max_age: Option<u64>) -> HttpResponse {
    let mut headers = vec![(
        "Content-Type".to_owned(),
        "application/ocsp-response".to_owned(),
    )];
    if let Some(max_age) = max_age {
        headers.push(("Cache-Control".to_owned(), format!("max-age={max_age}")));
    }
    HttpResponse::new(200, headers, der.to_vec())
}

/// A transport's answer.
pub type Reply = Result<HttpResponse, TransportError>;

/// A transport that answers from a queue (the last answer repeats) and
/// counts its calls.
#[derive(Default)]
pub struct Scripted {
    replies: Mutex<VecDeque<Reply>>,
    calls: AtomicUsize,
}

impl Scripted {
    pub fn new(replies: Vec<Reply>) -> Arc<Self> {
        Arc::new(Scripted {
            replies: Mutex::new(replies.into()),
            calls: AtomicUsize::new(0),
        })
    }

    /// Queues another answer.
    pub fn push(&self, reply: Reply) {
        self.replies.lock().unwrap().push_back(reply);
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl HttpTransport for Scripted {
    fn send(&self, _request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut replies = self.replies.lock().unwrap();
        if replies.len() > 1 {
            replies.pop_front().unwrap()
        } else {
            replies.front().cloned().expect("a scripted reply")
        }
    }
}

/// A client on `transport` at the testkit's time (the clock shared), with
/// the responder URL set (the testkit leaf has no AIA).
pub fn client<T, C: Clock>(transport: T, clock: &Arc<C>) -> Client<T, Arc<C>> {
    let config = ClientConfig {
        responder_url: Some("http://ocsp.invalid".to_owned()),
        ..ClientConfig::default()
    };
    Client::with_algorithms(transport, ocsp_verify::algorithms::ALL)
        .with_clock(Arc::clone(clock))
        .with_config(config)
}

/// A manual clock at the testkit's time.
pub fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(T0))
}

/// A cache over a [`Scripted`] transport, on a manual clock.
pub type ScriptedCache = Cache<Arc<Scripted>, Arc<ManualClock>>;

/// A stapler over a [`Scripted`] transport, on a manual clock.
pub type ScriptedStapler = Stapler<Arc<Scripted>, Arc<ManualClock>>;

/// A cache over a [`Scripted`] transport answering `replies`, on a manual
/// clock at the testkit's time: the transport, the clock and the cache.
pub fn scripted_cache(replies: Vec<Reply>) -> (Arc<Scripted>, Arc<ManualClock>, ScriptedCache) {
    let transport = Scripted::new(replies);
    let clock = clock();
    let cache = Cache::new(client(Arc::clone(&transport), &clock));
    (transport, clock, cache)
}

/// The checked response of `outcome`; any other outcome fails the test.
pub fn expect_checked(outcome: Outcome) -> Arc<CheckedResponse> {
    match outcome {
        Outcome::Checked(checked) => checked,
        other => panic!("expected a checked response, got {other:?}"),
    }
}

/// Lookups of a testkit PKI's leaf.
pub trait LeafLookup {
    /// Looks up the PKI's leaf with `mode`.
    fn leaf(&self, pki: &Pki, mode: FailureMode) -> Result<Outcome, Error>;

    /// Looks up the PKI's leaf with `mode`, expecting a checked response.
    fn checked_leaf(&self, pki: &Pki, mode: FailureMode) -> Arc<CheckedResponse> {
        expect_checked(self.leaf(pki, mode).unwrap())
    }
}

impl<T: HttpTransport, C: Clock> LeafLookup for Cache<T, C> {
    fn leaf(&self, pki: &Pki, mode: FailureMode) -> Result<Outcome, Error> {
        self.lookup(&pki.leaf, &pki.ca.cert, mode)
    }
}

/// A stapler of the testkit leaf over a [`Scripted`] transport answering
/// `replies`, on a manual clock at the testkit's time: the transport, the
/// clock and the stapler.
pub fn scripted_stapler(
    pki: &Pki,
    replies: Vec<Reply>,
) -> (Arc<Scripted>, Arc<ManualClock>, ScriptedStapler) {
    let (transport, clock, cache) = scripted_cache(replies);
    let stapler = Stapler::new(Arc::new(cache), pki.leaf.clone(), pki.ca.cert.clone());
    (transport, clock, stapler)
}

/// The ureq transport, ignoring proxy variables (the servers are local).
#[cfg(feature = "ureq")]
pub fn ureq_transport() -> ocsp_http::UreqTransport {
    ocsp_http::UreqTransport::with_config(&ocsp_http::UreqConfig {
        proxy_from_env: false,
        ..ocsp_http::UreqConfig::default()
    })
}

/// A cache over [`ureq_transport`] with `config`, on `clock`.
#[cfg(feature = "ureq")]
pub fn ureq_cache(
    config: ClientConfig,
    clock: &Arc<ManualClock>,
) -> Cache<ocsp_http::UreqTransport, Arc<ManualClock>> {
    Cache::new(
        Client::with_algorithms(ureq_transport(), ocsp_verify::algorithms::ALL)
            .with_clock(Arc::clone(clock))
            .with_config(config),
    )
}
