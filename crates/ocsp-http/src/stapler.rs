//! Keeping a server's own response fresh for OCSP stapling.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use ocsp_verify::UnixTime;

use crate::cache::Cache;
use crate::checked::CheckedResponse;
use crate::clock::{self, Clock, SystemClock};
use crate::error::Error;
use crate::log::event;
use crate::transport::HttpTransport;

/// The default time between two attempts when a refresh failed or brought
/// no newer response: 5 minutes.
pub const DEFAULT_RETRY_INTERVAL: Duration = Duration::from_secs(5 * 60);

/// What [`Stapler::refresh_if_due`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refresh {
    /// Nothing: the current response is fresh, or the last attempt was less
    /// than the retry interval ago.
    NotDue,
    /// A response was fetched and verified, or the cache served the one it
    /// keeps (see [`Cache::refresh`]); the staple is now this (or an even
    /// newer one already held).
    Refreshed(Arc<CheckedResponse>),
}

/// The OCSP response a TLS server staples for its own certificate, kept
/// fresh through a [`Cache`].
///
/// A refresh is due once half the validity window (`thisUpdate` ..
/// `nextUpdate`) has passed, or when there is no valid response; after a
/// failed attempt (or one that brought nothing newer) the next is made no
/// sooner than the retry interval. The staple handed out is always valid
/// at the clock's time: an expired response is never stapled.
///
/// A hook ([`Stapler::on_new_staple`]) hands each new staple to the
/// server's TLS stack as it arrives (e.g. `ocsp_rustls::StaplingResolver::follow`).
///
/// No thread is started unless asked for ([`Stapler::spawn_refresher`]);
/// a server may instead call [`Stapler::refresh_if_due`] from its own
/// timer, or (feature `tokio`) keep many staplers fresh from one tokio task
/// with `spawn_refresh_task`.
#[derive(Debug)]
pub struct Stapler<T, C = SystemClock> {
    cache: Arc<Cache<T, C>>,
    certificate: Vec<u8>,
    issuer: Vec<u8>,
    retry_interval: Duration,
    state: Mutex<StaplerState>,
    on_new_staple: Option<NewStapleHook>,
}

/// The callback of [`Stapler::on_new_staple`]: `(certificate, issuer,
/// response)`.
type NewStapleFn = dyn Fn(&[u8], &[u8], &CheckedResponse) + Send + Sync;

/// The callback of [`Stapler::on_new_staple`], with a `Debug` impl.
struct NewStapleHook(Box<NewStapleFn>);

impl std::fmt::Debug for NewStapleHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewStapleHook")
    }
}

#[derive(Debug, Default)]
struct StaplerState {
    current: Option<Arc<CheckedResponse>>,
    next_attempt: Option<UnixTime>,
    last_error: Option<Error>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T, C: Clock> Stapler<T, C> {
    /// A stapler for `certificate` (DER), issued by `issuer` (DER), using
    /// `cache` (which may serve other lookups too). It holds nothing until
    /// the first refresh.
    pub fn new(cache: Arc<Cache<T, C>>, certificate: Vec<u8>, issuer: Vec<u8>) -> Self {
        Stapler {
            cache,
            certificate,
            issuer,
            retry_interval: DEFAULT_RETRY_INTERVAL,
            state: Mutex::new(StaplerState::default()),
            on_new_staple: None,
        }
    }

    /// Calls `hook(certificate, issuer, response)` (the DER certificate and
    /// issuer given to [`Stapler::new`]) each time a refresh makes another
    /// response the staple: a response whose DER differs from the one held,
    /// never the same one twice in a row. It runs on the refreshing thread
    /// or task, after the stapler's lock is released, before the refresh
    /// returns; it should be quick (it delays the next refresh). Replaces
    /// any previous hook.
    pub fn on_new_staple(
        mut self,
        hook: impl Fn(&[u8], &[u8], &CheckedResponse) + Send + Sync + 'static,
    ) -> Self {
        self.on_new_staple = Some(NewStapleHook(Box::new(hook)));
        self
    }

    /// Sets the retry interval (default [`DEFAULT_RETRY_INTERVAL`]).
    pub fn with_retry_interval(mut self, retry_interval: Duration) -> Self {
        self.retry_interval = retry_interval;
        self
    }

    /// The DER response to staple, if one is valid now.
    pub fn current_staple(&self) -> Option<Arc<[u8]>> {
        self.current().map(|c| Arc::clone(&c.der))
    }

    /// The response stapled, if one is valid now (its status may be good,
    /// revoked or unknown: it is what the responder said).
    pub fn current(&self) -> Option<Arc<CheckedResponse>> {
        let now = self.cache.client().clock().now();
        lock(&self.state)
            .current
            .as_ref()
            .filter(|c| c.is_valid_at(now))
            .cloned()
    }

    /// Why the last refresh failed, if it did.
    pub fn last_error(&self) -> Option<Error> {
        lock(&self.state).last_error.clone()
    }

    /// Whether a refresh is due at `now`.
    pub fn is_due(&self, now: UnixTime) -> bool {
        let state = lock(&self.state);
        if state
            .next_attempt
            .is_some_and(|at| now.as_secs() < at.as_secs())
        {
            return false;
        }
        match &state.current {
            Some(current) => {
                !current.is_valid_at(now) || now.as_secs() >= current.halfway().as_secs()
            }
            None => true,
        }
    }
}

impl<T: HttpTransport, C: Clock> Stapler<T, C> {
    /// Fetches a fresh response when one is due at `now`.
    ///
    /// # Errors
    ///
    /// Why the refresh failed, [`Error::ExpiredResponse`] when the response
    /// fetched is not valid at `now` (it verified only within the clock
    /// skew); the current staple (if still valid) is kept, and the next
    /// attempt waits for the retry interval.
    pub fn refresh_if_due(&self, now: UnixTime) -> Result<Refresh, Error> {
        if !self.is_due(now) {
            return Ok(Refresh::NotDue);
        }
        let fetched = self.cache.refresh(&self.certificate, &self.issuer);
        self.settle(now, fetched)
    }
}

impl<T, C: Clock> Stapler<T, C> {
    /// Takes in what a refresh at `now` fetched (the sync and async paths
    /// alike): the staple becomes the fetched response when it is valid now
    /// and not older than the one held; the next attempt is set.
    pub(crate) fn settle(
        &self,
        now: UnixTime,
        fetched: Result<Arc<CheckedResponse>, Error>,
    ) -> Result<Refresh, Error> {
        let fetched = fetched.and_then(|fetched| {
            // Verified only within the clock skew past nextUpdate:
            // nothing to staple, so the refresh failed.
            if fetched.is_valid_at(now) {
                Ok(fetched)
            } else {
                Err(Error::ExpiredResponse {
                    valid_until: fetched.valid_until,
                })
            }
        });
        let mut state = lock(&self.state);
        match fetched {
            Ok(fetched) => {
                let newer = state.current.as_ref().is_none_or(|held| {
                    !held.is_valid_at(now)
                        || fetched.this_update.unix_timestamp() >= held.this_update.unix_timestamp()
                });
                let changed = newer
                    && state
                        .current
                        .as_ref()
                        .is_none_or(|held| held.der != fetched.der);
                if newer {
                    state.current = Some(Arc::clone(&fetched));
                }
                let current = state.current.clone().unwrap_or(fetched);
                // Nothing newer than halfway: the responder has not updated
                // yet, so wait before asking again.
                state.next_attempt = (now.as_secs() >= current.halfway().as_secs())
                    .then(|| clock::add(now, self.retry_interval));
                state.last_error = None;
                event!(
                    Info,
                    "OCSP staple refreshed: {:?}, valid until {} (Unix time)",
                    current.status,
                    current.valid_until.as_secs()
                );
                drop(state);
                if let (true, Some(hook)) = (changed, &self.on_new_staple) {
                    (hook.0)(&self.certificate, &self.issuer, &current);
                }
                Ok(Refresh::Refreshed(current))
            }
            Err(e) => {
                state.next_attempt = Some(clock::add(now, self.retry_interval));
                state.last_error = Some(e.clone());
                event!(
                    Warn,
                    "OCSP staple refresh failed ({}): {e}; the staple held is kept",
                    e.kind()
                );
                Err(e)
            }
        }
    }
}

#[cfg(feature = "tokio")]
impl<T: crate::transport::AsyncHttpTransport, C: Clock> Stapler<T, C> {
    /// As [`Stapler::refresh_if_due`], over an
    /// [`AsyncHttpTransport`](crate::AsyncHttpTransport) (feature `tokio`).
    ///
    /// # Errors
    ///
    /// As [`Stapler::refresh_if_due`].
    pub async fn refresh_if_due_async(&self, now: UnixTime) -> Result<Refresh, Error> {
        if !self.is_due(now) {
            return Ok(Refresh::NotDue);
        }
        self.refresh_now_async(now).await
    }

    /// Refreshes whether due or not (the refresh task keeps its own
    /// schedule).
    pub(crate) async fn refresh_now_async(&self, now: UnixTime) -> Result<Refresh, Error> {
        let fetched = self
            .cache
            .refresh_async(&self.certificate, &self.issuer)
            .await;
        self.settle(now, fetched)
    }

    /// The clock of the stapler's cache.
    pub(crate) fn now(&self) -> UnixTime {
        self.cache.client().clock().now()
    }
}

impl<T, C> Stapler<T, C>
where
    T: HttpTransport + 'static,
    C: Clock + 'static,
{
    /// Starts a thread that calls [`Stapler::refresh_if_due`] every
    /// `check_every` (at the clock's time) until the handle is stopped or
    /// dropped. Failures are kept in [`Stapler::last_error`].
    ///
    /// # Errors
    ///
    /// The system's error when the thread cannot be started.
    pub fn spawn_refresher(
        self: &Arc<Self>,
        check_every: Duration,
    ) -> std::io::Result<RefresherHandle> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let stapler = Arc::clone(self);
        let thread_stop = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("ocsp-stapler".into())
            .spawn(move || {
                let (flag, wake) = &*thread_stop;
                loop {
                    let now = stapler.cache.client().clock().now();
                    // The error is kept in `last_error`.
                    let _ = stapler.refresh_if_due(now);
                    let stopped = lock(flag);
                    let (stopped, _) = wake
                        .wait_timeout_while(stopped, check_every, |stopped| !*stopped)
                        .unwrap_or_else(PoisonError::into_inner);
                    if *stopped {
                        break;
                    }
                }
            })?;
        Ok(RefresherHandle {
            stop,
            thread: Some(thread),
        })
    }
}

/// Stops the refresher thread of [`Stapler::spawn_refresher`] when
/// [`RefresherHandle::stop`] is called or it is dropped.
#[derive(Debug)]
pub struct RefresherHandle {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl RefresherHandle {
    /// Stops the thread and waits for it (at most one refresh in progress).
    pub fn stop(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        let (flag, wake) = &*self.stop;
        *lock(flag) = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            // A panic in the thread has nothing more to report.
            let _ = thread.join();
        }
    }
}

impl Drop for RefresherHandle {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}
