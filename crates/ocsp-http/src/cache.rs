//! An RFC 5019 cache of verified responses, keyed by CertID, with one
//! shared fetch per CertID and an explicit soft-/hard-fail choice.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use ocsp_verify::{Status, UnixTime};

use crate::checked::{CheckedResponse, ResponderKind};
use crate::client::Client;
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, TransportError};
use crate::log::{self, event};
use crate::transport::HttpTransport;

/// The default number of entries a [`Cache`] keeps.
pub const DEFAULT_MAX_ENTRIES: usize = 10_000;

/// The default most bytes one entry of a [`Cache`] may cost: 16 KiB (a
/// response with one delegated responder certificate costs 2 to 4 KiB; see
/// [`Cache`] for what is counted). A costlier response is returned but not
/// kept, so that responses padded with unsigned certificates cannot crowd
/// out the others.
pub const DEFAULT_MAX_ENTRY_BYTES: usize = 16 * 1024;

/// The default most bytes all entries of a [`Cache`] may cost together:
/// 32 MiB (room for [`DEFAULT_MAX_ENTRIES`] typical entries).
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024 * 1024;

/// What the caller wants when no verified answer can be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureMode {
    /// Fail closed: the failure is returned as an [`Error`].
    Hard,
    /// Fail open, explicitly: the failure is returned as
    /// [`Outcome::Unavailable`], which is never [`Status::Good`]; the caller
    /// decides what "unavailable" allows.
    Soft,
}

/// The answer of [`Cache::lookup`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Outcome {
    /// A verified response, valid now (good, revoked or unknown: see
    /// [`CheckedResponse::status`]).
    Checked(Arc<CheckedResponse>),
    /// Soft-fail only: no verified response could be had, for this reason.
    /// Not a status: the certificate is neither known good nor known
    /// revoked.
    Unavailable(Error),
}

impl Outcome {
    /// The verified status, `None` when unavailable.
    pub fn status(&self) -> Option<Status> {
        match self {
            Outcome::Checked(checked) => Some(checked.status),
            Outcome::Unavailable(_) => None,
        }
    }

    /// Whether a verified response says good (never for
    /// [`Outcome::Unavailable`]).
    pub fn is_good(&self) -> bool {
        self.status() == Some(Status::Good)
    }
}

/// A snapshot of the cache's occupancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CacheStats {
    /// Responses held.
    pub entries: usize,
    /// Fetches under way.
    pub in_flight: usize,
    /// Callers waiting for a fetch another caller started.
    pub waiting: usize,
    /// What the responses held cost, in bytes (see [`Cache`]).
    pub bytes: usize,
}

/// A cache of verified responses, keyed by the DER CertID (under the
/// client's hash algorithm), shared by threads.
///
/// * A response is served until [`CheckedResponse::valid_until`] (its
///   `nextUpdate`, bounded by the policy's maximum age) and **never past
///   it**: it is dropped then.
/// * Once [`CheckedResponse::refresh_after`] has passed (the HTTP `max-age`
///   hint, capped at `valid_until`: RFC 5019 6.2, the signed times rule),
///   the next lookup fetches a fresh response; if that fails, the cached
///   one, still valid, is served.
/// * Concurrent lookups of the same CertID share one fetch: the first
///   caller fetches, the others wait for its result (threads and, with
///   `lookup_async`, tasks alike: one decision, one set of entries).
/// * Failures are never cached: the next lookup tries again.
/// * A response the client has just verified is returned even when it is
///   within the policy's clock skew past `nextUpdate`, but it is not kept.
///
/// # Replay
///
/// A lookup returns what the cache keeps. A fetched response that is older
/// than the one held (by `thisUpdate`, then `producedAt`) counts as a
/// failed fetch: the held one is served and kept. Revocation is final: a
/// held **revoked** response is served without fetching again until it
/// expires, and only a newer revoked response replaces it (a replayed
/// "good" or "unknown" never does; Firefox's cache behaves so), while a
/// fetched revoked response replaces a held "good" whatever its age.
///
/// # Memory
///
/// An entry costs `size_of::<CheckedResponse>()`, plus its DER response,
/// the delegated responder's certificate (if any), twice the DER CertID of
/// the request (the key, and as much for the parsed copy), the URL and the
/// caching header values ([`CacheStats::bytes`] is their sum).
/// The DER is kept whole, because a stapling server serves it; an entry
/// costing more than [`Cache::with_max_entry_bytes`] (default
/// [`DEFAULT_MAX_ENTRY_BYTES`]) is returned but not kept, and all entries
/// together cost at most [`Cache::with_max_bytes`] (default
/// [`DEFAULT_MAX_BYTES`]): expired entries go first, then those expiring
/// soonest. The worst case is `min(max_entries × max_entry_bytes,
/// max_bytes)` plus the hash table's own few dozen bytes per entry: 32 MiB
/// with the defaults, whatever the responders send.
#[derive(Debug)]
pub struct Cache<T, C = SystemClock> {
    client: Client<T, C>,
    max_entries: usize,
    max_entry_bytes: usize,
    max_bytes: usize,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    entries: HashMap<Vec<u8>, Arc<CheckedResponse>>,
    in_flight: HashMap<Vec<u8>, Arc<Flight>>,
    /// The sum of [`cost`] over `entries`.
    bytes: usize,
}

/// What the entry `key` -> `checked` costs (see [`Cache`]).
fn cost(key: &[u8], checked: &CheckedResponse) -> usize {
    let responder = match &checked.responder {
        ResponderKind::Delegated { certificate } => certificate.len(),
        _ => 0,
    };
    let http = &checked.http;
    let headers = [
        &http.cache_control,
        &http.etag,
        &http.expires,
        &http.last_modified,
    ]
    .into_iter()
    .map(|value| value.as_ref().map_or(0, String::len))
    .sum::<usize>();
    [
        std::mem::size_of::<CheckedResponse>(),
        checked.der.len(),
        responder,
        key.len(),
        key.len(),
        http.url.len(),
        headers,
    ]
    .into_iter()
    .fold(0, usize::saturating_add)
}

impl State {
    fn insert(&mut self, key: Vec<u8>, checked: Arc<CheckedResponse>) {
        self.remove(&key);
        self.bytes = self.bytes.saturating_add(cost(&key, &checked));
        self.entries.insert(key, checked);
    }

    fn remove(&mut self, key: &[u8]) -> Option<Arc<CheckedResponse>> {
        let removed = self.entries.remove(key)?;
        self.bytes = self.bytes.saturating_sub(cost(key, &removed));
        Some(removed)
    }

    /// Drops the entries expired at `now`.
    fn drop_expired(&mut self, now: UnixTime) {
        let expired: Vec<Vec<u8>> = self
            .entries
            .iter()
            .filter(|(_, e)| !e.is_valid_at(now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in expired {
            self.remove(&key);
        }
    }

    /// Drops the entry expiring soonest; `false` when empty.
    fn drop_soonest(&mut self) -> bool {
        let soonest = self
            .entries
            .iter()
            .min_by_key(|(_, e)| e.valid_until.as_secs())
            .map(|(k, _)| k.clone());
        soonest.is_some_and(|key| self.remove(&key).is_some())
    }
}

/// Whether `fetched` may replace `held`, both about one certificate and
/// valid now. Revocation is final: a revoked one is replaced only by a
/// newer revoked one, and replaces any other. Otherwise never by an older
/// one (by `thisUpdate`, then `producedAt`).
fn supersedes(fetched: &CheckedResponse, held: &CheckedResponse) -> bool {
    let revoked = |c: &CheckedResponse| matches!(c.status, Status::Revoked { .. });
    match (revoked(held), revoked(fetched)) {
        (true, false) => return false,
        (false, true) => return true,
        _ => {}
    }
    let age = |c: &CheckedResponse| {
        (
            c.this_update.unix_timestamp(),
            c.produced_at.unix_timestamp(),
        )
    };
    age(fetched) >= age(held)
}

type FetchResult = Result<Arc<CheckedResponse>, Error>;

/// One fetch under way, which other callers wait on: threads on `done`,
/// tasks (feature `tokio`) on `notify`. A thread and a task may share one.
#[derive(Debug, Default)]
struct Flight {
    inner: Mutex<FlightState>,
    done: Condvar,
    #[cfg(feature = "tokio")]
    notify: tokio::sync::Notify,
}

#[derive(Debug, Default)]
struct FlightState {
    result: Option<FetchResult>,
    waiting: usize,
}

/// Counts a caller among a flight's waiters while it lives (until a
/// cancelled task's future is dropped, too).
struct Waiter<'a>(&'a Flight);

impl<'a> Waiter<'a> {
    fn new(flight: &'a Flight) -> Self {
        lock(&flight.inner).waiting += 1;
        Waiter(flight)
    }
}

impl Drop for Waiter<'_> {
    fn drop(&mut self) {
        let mut inner = lock(&self.0.inner);
        inner.waiting = inner.waiting.saturating_sub(1);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing panics while a lock is held; a poisoned lock still holds a
    // consistent state.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T, C> Cache<T, C> {
    /// A cache fetching through `client`, holding at most
    /// [`DEFAULT_MAX_ENTRIES`] responses.
    pub fn new(client: Client<T, C>) -> Self {
        Cache {
            client,
            max_entries: DEFAULT_MAX_ENTRIES,
            max_entry_bytes: DEFAULT_MAX_ENTRY_BYTES,
            max_bytes: DEFAULT_MAX_BYTES,
            state: Mutex::new(State::default()),
        }
    }

    /// Sets the most bytes one entry may cost (see [`Cache`]); a costlier
    /// response is returned but not kept. Default
    /// [`DEFAULT_MAX_ENTRY_BYTES`].
    pub fn with_max_entry_bytes(mut self, max_entry_bytes: usize) -> Self {
        self.max_entry_bytes = max_entry_bytes;
        self
    }

    /// Sets the most bytes all entries may cost together (see [`Cache`]).
    /// When full, expired entries go first, then those expiring soonest.
    /// Default [`DEFAULT_MAX_BYTES`].
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the most responses held (at least 1). When full, expired
    /// entries go first, then those expiring soonest.
    pub fn with_max_entries(mut self, max_entries: usize) -> Self {
        self.max_entries = max_entries.max(1);
        self
    }

    /// The client.
    pub fn client(&self) -> &Client<T, C> {
        &self.client
    }

    /// Drops every cached response.
    pub fn clear(&self) {
        let mut state = lock(&self.state);
        state.entries.clear();
        state.bytes = 0;
    }

    /// The occupancy now.
    pub fn stats(&self) -> CacheStats {
        let state = lock(&self.state);
        CacheStats {
            entries: state.entries.len(),
            in_flight: state.in_flight.len(),
            waiting: state
                .in_flight
                .values()
                .map(|flight| lock(&flight.inner).waiting)
                .sum(),
            bytes: state.bytes,
        }
    }
}

impl<T: HttpTransport, C: Clock> Cache<T, C> {
    /// The status of `certificate` (DER), issued by `issuer` (DER, validated
    /// by the caller): from the cache when fresh, else fetched, verified and
    /// cached.
    ///
    /// # Errors
    ///
    /// With [`FailureMode::Hard`], why no verified response could be had.
    /// With [`FailureMode::Soft`], never: that is [`Outcome::Unavailable`].
    pub fn lookup(
        &self,
        certificate: &[u8],
        issuer: &[u8],
        mode: FailureMode,
    ) -> Result<Outcome, Error> {
        outcome(self.get(certificate, issuer, false), mode)
    }

    /// The cached response for `certificate` if it is valid now, without
    /// fetching.
    ///
    /// # Errors
    ///
    /// [`Error::Request`] when the CertID cannot be built.
    pub fn cached(
        &self,
        certificate: &[u8],
        issuer: &[u8],
    ) -> Result<Option<Arc<CheckedResponse>>, Error> {
        let key = self.client.cert_id_der(certificate, issuer)?;
        let now = self.client.clock().now();
        let state = lock(&self.state);
        Ok(state
            .entries
            .get(&key)
            .filter(|e| e.is_valid_at(now))
            .cloned())
    }

    /// Fetches a fresh response whatever the cache holds (sharing a fetch
    /// already under way), caches it and returns what the cache keeps: the
    /// held response when the fetched one is older or the held one is
    /// revoked (then nothing is fetched; see [`Cache`]). A failure leaves
    /// the cached response in place.
    ///
    /// # Errors
    ///
    /// Why no verified response could be had.
    pub fn refresh(
        &self,
        certificate: &[u8],
        issuer: &[u8],
    ) -> Result<Arc<CheckedResponse>, Error> {
        self.get(certificate, issuer, true)
    }

    fn get(&self, certificate: &[u8], issuer: &[u8], force: bool) -> FetchResult {
        let key = self.client.cert_id_der(certificate, issuer)?;
        let (step, fallback) = self.begin(key, force);
        let result = match step {
            Step::Serve(held) => return Ok(held),
            Step::Wait(flight) => self.wait(&flight),
            Step::Lead(mut leader) => {
                let fetched = self.client.check(certificate, issuer).map(Arc::new);
                leader.publish(fetched)
            }
        };
        self.settle(result, fallback)
    }

    /// Waits for another caller's fetch, at most twice the client timeout
    /// (its transport is bound by one).
    fn wait(&self, flight: &Flight) -> FetchResult {
        let deadline = Instant::now() + self.client.config().timeout.saturating_mul(2);
        let _waiter = Waiter::new(flight);
        let mut inner = lock(&flight.inner);
        loop {
            if let Some(result) = &inner.result {
                return result.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left == Duration::ZERO {
                return Err(Error::Transport(TransportError::Timeout));
            }
            inner = flight
                .done
                .wait_timeout(inner, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

#[cfg(feature = "tokio")]
impl<T: crate::transport::AsyncHttpTransport, C: Clock> Cache<T, C> {
    /// As [`Cache::lookup`], fetching over an
    /// [`AsyncHttpTransport`](crate::AsyncHttpTransport) (feature `tokio`).
    /// The same rules and the same entries: what to serve, what to keep,
    /// and one fetch per CertID, shared by the threads and the tasks that
    /// look it up at once. A waiting task gives up after twice the client
    /// timeout; a cancelled fetching task releases its waiters with
    /// [`Error::FetchAbandoned`].
    ///
    /// # Errors
    ///
    /// As [`Cache::lookup`].
    pub async fn lookup_async(
        &self,
        certificate: &[u8],
        issuer: &[u8],
        mode: FailureMode,
    ) -> Result<Outcome, Error> {
        outcome(self.get_async(certificate, issuer, false).await, mode)
    }

    /// As [`Cache::refresh`], over an
    /// [`AsyncHttpTransport`](crate::AsyncHttpTransport) (feature `tokio`).
    ///
    /// # Errors
    ///
    /// As [`Cache::refresh`].
    pub async fn refresh_async(
        &self,
        certificate: &[u8],
        issuer: &[u8],
    ) -> Result<Arc<CheckedResponse>, Error> {
        self.get_async(certificate, issuer, true).await
    }

    async fn get_async(&self, certificate: &[u8], issuer: &[u8], force: bool) -> FetchResult {
        let key = self.client.cert_id_der(certificate, issuer)?;
        let (step, fallback) = self.begin(key, force);
        let result = match step {
            Step::Serve(held) => return Ok(held),
            Step::Wait(flight) => self.wait_async(&flight).await,
            Step::Lead(mut leader) => {
                let fetched = self
                    .client
                    .check_async(certificate, issuer)
                    .await
                    .map(Arc::new);
                leader.publish(fetched)
            }
        };
        self.settle(result, fallback)
    }

    /// As [`Cache::wait`], for a task.
    async fn wait_async(&self, flight: &Flight) -> FetchResult {
        let limit = self.client.config().timeout.saturating_mul(2);
        let _waiter = Waiter::new(flight);
        tokio::time::timeout(limit, async {
            loop {
                let notified = flight.notify.notified();
                let mut notified = std::pin::pin!(notified);
                // Registered before the check: a publish in between wakes it.
                notified.as_mut().enable();
                if let Some(result) = &lock(&flight.inner).result {
                    return result.clone();
                }
                notified.await;
            }
        })
        .await
        .unwrap_or(Err(Error::Transport(TransportError::Timeout)))
    }
}

/// What a lookup does next, decided under the lock.
enum Step<'a, T, C: Clock> {
    /// Serve the response held.
    Serve(Arc<CheckedResponse>),
    /// Wait for the fetch another caller leads.
    Wait(Arc<Flight>),
    /// Fetch, for every caller that comes meanwhile.
    Lead(Leader<'a, T, C>),
}

/// The answer of a lookup for `result`, under `mode`.
fn outcome(result: FetchResult, mode: FailureMode) -> Result<Outcome, Error> {
    match result {
        Ok(checked) => Ok(Outcome::Checked(checked)),
        Err(e) => match mode {
            FailureMode::Hard => Err(e),
            FailureMode::Soft => Ok(Outcome::Unavailable(e)),
        },
    }
}

impl<T, C: Clock> Cache<T, C> {
    /// Decides, under the lock, what a lookup of `key` does (the rules of
    /// [`Cache`]), and the response held to fall back on should the fetch
    /// fail. `force` fetches even when the held response is fresh.
    fn begin(&self, key: Vec<u8>, force: bool) -> (Step<'_, T, C>, Option<Arc<CheckedResponse>>) {
        let now = self.client.clock().now();
        let mut state = lock(&self.state);
        let mut fallback = None;
        if let Some(entry) = state.entries.get(&key) {
            if !entry.is_valid_at(now) {
                state.remove(&key);
            } else if matches!(entry.status, Status::Revoked { .. }) {
                // Revocation is final: nothing fetched could replace it.
                event!(
                    Debug,
                    "OCSP cache hit (revoked, final) for serial {}",
                    log::serial(&key)
                );
                return (Step::Serve(Arc::clone(entry)), None);
            } else if force {
                // The caller wants a fresh response or the failure.
            } else if now.as_secs() < entry.refresh_after().as_secs() {
                event!(Debug, "OCSP cache hit for serial {}", log::serial(&key));
                return (Step::Serve(Arc::clone(entry)), None);
            } else {
                fallback = Some(Arc::clone(entry));
            }
        }
        if let Some(flight) = state.in_flight.get(&key) {
            event!(
                Debug,
                "OCSP cache: joining the fetch under way for serial {}",
                log::serial(&key)
            );
            return (Step::Wait(Arc::clone(flight)), fallback);
        }
        event!(
            Debug,
            "OCSP cache miss for serial {} ({}): fetching",
            log::serial(&key),
            if fallback.is_some() {
                "refresh due"
            } else {
                "none held"
            }
        );
        let flight = Arc::new(Flight::default());
        state.in_flight.insert(key.clone(), Arc::clone(&flight));
        let leader = Leader {
            cache: self,
            key,
            flight,
            published: false,
        };
        (Step::Lead(leader), fallback)
    }

    /// What a lookup returns for the fetch's `result`: a failure falls back
    /// on the held response while it is valid.
    fn settle(&self, result: FetchResult, fallback: Option<Arc<CheckedResponse>>) -> FetchResult {
        match (result, fallback) {
            (Err(e), Some(held)) if held.is_valid_at(self.client.clock().now()) => {
                event!(
                    Info,
                    "OCSP fetch failed ({}), serving the response held: {e}",
                    e.kind()
                );
                Ok(held)
            }
            (result, _) => result,
        }
    }

    /// Stores a verified response, making room when full, and returns the
    /// response to serve: the one held when the fetched one does not
    /// supersede it (see [`Cache`]), else the fetched one (kept when it is
    /// valid now and within the byte limits).
    fn store(
        &self,
        state: &mut State,
        key: Vec<u8>,
        fetched: Arc<CheckedResponse>,
    ) -> Arc<CheckedResponse> {
        let now = self.client.clock().now();
        if let Some(held) = state.entries.get(&key).filter(|e| e.is_valid_at(now)) {
            if !supersedes(&fetched, held) {
                event!(
                    Warn,
                    "OCSP cache: refused a fetched response for serial {} that would undo the one held (older, or not revoked where the held one is)",
                    log::serial(&key)
                );
                return Arc::clone(held);
            }
            if !fetched.is_valid_at(now) {
                // Valid only within the clock skew: the held one stays.
                return Arc::clone(held);
            }
        }
        state.remove(&key);
        let cost = cost(&key, &fetched);
        if !fetched.is_valid_at(now) || cost > self.max_entry_bytes || cost > self.max_bytes {
            return fetched;
        }
        if state.entries.len() >= self.max_entries
            || state.bytes.saturating_add(cost) > self.max_bytes
        {
            state.drop_expired(now);
        }
        while state.entries.len() >= self.max_entries
            || state.bytes.saturating_add(cost) > self.max_bytes
        {
            if !state.drop_soonest() {
                break;
            }
        }
        state.insert(key, Arc::clone(&fetched));
        fetched
    }
}

/// The caller that fetches for a CertID. Dropped without publishing (its
/// transport panicked), it releases the waiters with
/// [`Error::FetchAbandoned`].
struct Leader<'a, T, C: Clock> {
    cache: &'a Cache<T, C>,
    key: Vec<u8>,
    flight: Arc<Flight>,
    published: bool,
}

impl<T, C: Clock> Leader<'_, T, C> {
    /// Stores the fetch's result, hands what the cache keeps to the
    /// waiters, and returns it.
    fn publish(&mut self, fetched: FetchResult) -> FetchResult {
        self.published = true;
        let result = {
            let mut state = lock(&self.cache.state);
            state.in_flight.remove(&self.key);
            fetched.map(|checked| self.cache.store(&mut state, self.key.clone(), checked))
        };
        lock(&self.flight.inner).result = Some(result.clone());
        self.flight.done.notify_all();
        #[cfg(feature = "tokio")]
        self.flight.notify.notify_waiters();
        result
    }
}

impl<T, C: Clock> Drop for Leader<'_, T, C> {
    fn drop(&mut self) {
        if !self.published {
            // The waiters get the error; no one else is left to.
            let _ = self.publish(Err(Error::FetchAbandoned));
        }
    }
}
