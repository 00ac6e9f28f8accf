//! An RFC 5019 cache of verified responses, keyed by CertID, with one
//! shared fetch per CertID and an explicit soft-/hard-fail choice.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use ocsp_verify::Status;

use crate::checked::CheckedResponse;
use crate::client::Client;
use crate::clock::{Clock, SystemClock};
use crate::error::Error;
use crate::transport::HttpTransport;

/// The default number of entries a [`Cache`] keeps.
pub const DEFAULT_MAX_ENTRIES: usize = 10_000;

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
///   caller fetches, the others wait for its result.
/// * Failures are never cached: the next lookup tries again.
/// * A response the client has just verified is returned even when it is
///   within the policy's clock skew past `nextUpdate`, but it is not kept.
#[derive(Debug)]
pub struct Cache<T, C = SystemClock> {
    client: Client<T, C>,
    max_entries: usize,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    entries: HashMap<Vec<u8>, Arc<CheckedResponse>>,
    in_flight: HashMap<Vec<u8>, Arc<Flight>>,
}

type FetchResult = Result<Arc<CheckedResponse>, Error>;

/// One fetch under way, which other callers wait on.
#[derive(Debug, Default)]
struct Flight {
    inner: Mutex<FlightState>,
    done: Condvar,
}

#[derive(Debug, Default)]
struct FlightState {
    result: Option<FetchResult>,
    waiting: usize,
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
            state: Mutex::new(State::default()),
        }
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
        lock(&self.state).entries.clear();
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
        match self.get(certificate, issuer, false) {
            Ok(checked) => Ok(Outcome::Checked(checked)),
            Err(e) => match mode {
                FailureMode::Hard => Err(e),
                FailureMode::Soft => Ok(Outcome::Unavailable(e)),
            },
        }
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
    /// already under way), caches it and returns it. A failure leaves the
    /// cached response in place.
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
        let now = self.client.clock().now();
        let mut state = lock(&self.state);
        let mut fallback = None;
        if let Some(entry) = state.entries.get(&key) {
            if !entry.is_valid_at(now) {
                state.entries.remove(&key);
            } else if force {
                // The caller wants a fresh response or the failure.
            } else if now.as_secs() < entry.refresh_after().as_secs() {
                return Ok(Arc::clone(entry));
            } else {
                fallback = Some(Arc::clone(entry));
            }
        }
        let result = if let Some(flight) = state.in_flight.get(&key).cloned() {
            drop(state);
            self.wait(&flight)
        } else {
            let flight = Arc::new(Flight::default());
            state.in_flight.insert(key.clone(), Arc::clone(&flight));
            drop(state);
            let mut leader = Leader {
                cache: self,
                key,
                flight,
                published: false,
            };
            let result = self.client.check(certificate, issuer).map(Arc::new);
            leader.publish(result.clone());
            result
        };
        match (result, fallback) {
            (Err(_), Some(cached)) if cached.is_valid_at(self.client.clock().now()) => Ok(cached),
            (result, _) => result,
        }
    }

    /// Waits for another caller's fetch, at most twice the client timeout
    /// (its transport is bound by one).
    fn wait(&self, flight: &Flight) -> FetchResult {
        let deadline = Instant::now() + self.client.config().timeout.saturating_mul(2);
        let mut inner = lock(&flight.inner);
        inner.waiting += 1;
        let result = loop {
            if let Some(result) = &inner.result {
                break result.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left == Duration::ZERO {
                break Err(Error::Timeout);
            }
            inner = flight
                .done
                .wait_timeout(inner, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        };
        inner.waiting -= 1;
        result
    }
}

impl<T, C: Clock> Cache<T, C> {
    /// Stores a verified response, making room when full.
    /// A response older (by `thisUpdate`) than the one held does not
    /// replace it: a replayed older response cannot undo a newer one.
    fn store(&self, state: &mut State, key: Vec<u8>, checked: Arc<CheckedResponse>) {
        if let Some(held) = state.entries.remove(&key) {
            if held.this_update.unix_timestamp() > checked.this_update.unix_timestamp()
                && held.is_valid_at(self.client.clock().now())
            {
                state.entries.insert(key, held);
                return;
            }
        }
        if state.entries.len() >= self.max_entries {
            let now = self.client.clock().now();
            state.entries.retain(|_, e| e.is_valid_at(now));
            if state.entries.len() >= self.max_entries {
                let soonest = state
                    .entries
                    .iter()
                    .min_by_key(|(_, e)| e.valid_until.as_secs())
                    .map(|(k, _)| k.clone());
                if let Some(soonest) = soonest {
                    state.entries.remove(&soonest);
                }
            }
        }
        if checked.is_valid_at(self.client.clock().now()) {
            state.entries.insert(key, checked);
        }
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
    fn publish(&mut self, result: FetchResult) {
        self.published = true;
        {
            let mut state = lock(&self.cache.state);
            state.in_flight.remove(&self.key);
            if let Ok(checked) = &result {
                self.cache
                    .store(&mut state, self.key.clone(), Arc::clone(checked));
            }
        }
        lock(&self.flight.inner).result = Some(result);
        self.flight.done.notify_all();
    }
}

impl<T, C: Clock> Drop for Leader<'_, T, C> {
    fn drop(&mut self) {
        if !self.published {
            self.publish(Err(Error::FetchAbandoned));
        }
    }
}
