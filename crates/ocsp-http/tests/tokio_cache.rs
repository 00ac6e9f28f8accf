//! The async cache and the refresh task, on a current-thread tokio runtime
//! with paused time: the clock reads tokio's time, so nothing sleeps.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{client, ok, pki, response, Scripted, T0};
use ocsp_http::{
    spawn_refresh_task, AsyncHttpTransport, BoxFuture, Cache, Clock, Error, FailureMode,
    HttpRequest, HttpResponse, HttpTransport, ManualClock, Outcome, RefreshSchedule, Stapler,
    TransportError, UnixTime,
};
use ocsp_testkit::{DAY, HOUR};
use ocsp_types::CertStatus;
use tokio::sync::Semaphore;

/// A clock reading tokio's (paused) time, from the testkit's "now".
struct TokioClock {
    start: tokio::time::Instant,
}

impl TokioClock {
    fn new() -> Arc<Self> {
        Arc::new(TokioClock {
            start: tokio::time::Instant::now(),
        })
    }
}

impl Clock for TokioClock {
    fn now(&self) -> UnixTime {
        UnixTime::since_unix_epoch(Duration::from_secs(T0 + self.start.elapsed().as_secs()))
    }
}

/// An async transport answering from a script once the gate lets it,
/// noting the clock's time (seconds after `T0`) of each call.
struct Gated<C> {
    script: Arc<Scripted>,
    gate: Semaphore,
    clock: C,
    times: Mutex<Vec<u64>>,
}

impl<C: Clock> Gated<C> {
    fn new(script: Arc<Scripted>, open: bool, clock: C) -> Arc<Self> {
        let gate = Semaphore::new(if open { Semaphore::MAX_PERMITS } else { 0 });
        Arc::new(Gated {
            script,
            gate,
            clock,
            times: Mutex::new(Vec::new()),
        })
    }

    fn times(&self) -> Vec<u64> {
        self.times.lock().unwrap().clone()
    }
}

impl<C: Clock> AsyncHttpTransport for Gated<C> {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            self.times
                .lock()
                .unwrap()
                .push(self.clock.now().as_secs() - T0);
            let _permit = self.gate.acquire().await.unwrap();
            self.script.send(request)
        })
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn concurrent_async_lookups_share_one_fetch() {
    let pki = Arc::new(pki());
    let clock = Arc::new(ManualClock::new(T0));
    let script = Scripted::new(vec![Ok(ok(&common::good(&pki), None))]);
    let transport = Gated::new(Arc::clone(&script), false, Arc::clone(&clock));
    let cache = Arc::new(Cache::new(client(Arc::clone(&transport), &clock)));
    let tasks: Vec<_> = (0..3)
        .map(|_| {
            let (cache, pki) = (Arc::clone(&cache), Arc::clone(&pki));
            tokio::spawn(async move {
                cache
                    .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
                    .await
            })
        })
        .collect();
    // Let every task reach the cache: one fetches, two wait on it.
    while cache.stats().waiting < 2 {
        tokio::task::yield_now().await;
    }
    assert_eq!(cache.stats().in_flight, 1);
    transport.gate.add_permits(1);
    let mut ders = Vec::new();
    for task in tasks {
        match task.await.unwrap().unwrap() {
            Outcome::Checked(checked) => ders.push(checked.der.clone()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(script.calls(), 1);
    assert!(ders.iter().all(|der| **der == *ders[0]));
    // Cached now: a hit, no fetch.
    let again = cache
        .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .await
        .unwrap();
    assert!(again.is_good());
    assert_eq!(script.calls(), 1);
    assert_eq!(cache.stats().waiting, 0);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_cancelled_fetch_releases_its_waiters() {
    let pki = Arc::new(pki());
    let clock = Arc::new(ManualClock::new(T0));
    let script = Scripted::new(vec![Ok(ok(&common::good(&pki), None))]);
    let transport = Gated::new(script, false, Arc::clone(&clock));
    let cache = Arc::new(Cache::new(client(transport, &clock)));
    let spawn = || {
        let (cache, pki) = (Arc::clone(&cache), Arc::clone(&pki));
        tokio::spawn(async move {
            cache
                .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Soft)
                .await
        })
    };
    let leader = spawn();
    while cache.stats().in_flight < 1 {
        tokio::task::yield_now().await;
    }
    // A waiter cancelled while waiting is no longer counted.
    let cancelled = spawn();
    while cache.stats().waiting < 1 {
        tokio::task::yield_now().await;
    }
    cancelled.abort();
    assert!(cancelled.await.unwrap_err().is_cancelled());
    assert_eq!(cache.stats().waiting, 0);
    let waiter = spawn();
    while cache.stats().waiting < 1 {
        tokio::task::yield_now().await;
    }
    leader.abort();
    let outcome = waiter.await.unwrap().unwrap();
    assert!(
        matches!(outcome, Outcome::Unavailable(Error::FetchAbandoned)),
        "{outcome:?}"
    );
    assert_eq!(cache.stats().in_flight, 0);
    assert_eq!(cache.stats().waiting, 0);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn async_lookup_keeps_the_replay_rule() {
    let pki = pki();
    let clock = Arc::new(ManualClock::new(T0));
    let newer = response(&pki, CertStatus::Good, -HOUR, 3 * DAY);
    let older = response(&pki, CertStatus::Good, -2 * HOUR, 3 * DAY);
    // max-age 60: the next lookup after a minute fetches again.
    let script = Scripted::new(vec![Ok(ok(&newer, Some(60))), Ok(ok(&older, None))]);
    let transport = Gated::new(Arc::clone(&script), true, Arc::clone(&clock));
    let cache = Cache::new(client(transport, &clock));
    let first = cache
        .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .await
        .unwrap();
    clock.advance(Duration::from_secs(120));
    let second = cache
        .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .await
        .unwrap();
    assert_eq!(script.calls(), 2);
    let (Outcome::Checked(first), Outcome::Checked(second)) = (first, second) else {
        panic!("both checked");
    };
    assert_eq!(
        first.der, second.der,
        "the older response must not replace the held one"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn one_task_refreshes_each_staple_at_its_own_time() {
    let pki = pki();
    let clock = TokioClock::new();
    // A: valid 73 h (halfway at +35.5 h); B: valid 24 h (halfway at +11 h).
    // The replacements are valid from before the earliest time the jittered
    // schedule can fetch them, and their own halfway points lie after the
    // end of the test, so the outcome does not depend on the jitter drawn.
    let a1 = response(&pki, CertStatus::Good, -HOUR, 3 * DAY);
    let a2 = response(&pki, CertStatus::Good, 30 * HOUR, 5 * DAY);
    let b1 = response(&pki, CertStatus::Good, -HOUR, 23 * HOUR);
    let b2 = response(&pki, CertStatus::Good, 9 * HOUR, 4 * DAY);
    let script_a = Scripted::new(vec![
        Ok(ok(&a1, None)),
        Err(TransportError::Timeout),
        Err(TransportError::Timeout),
        Ok(ok(&a2, None)),
    ]);
    let script_b = Scripted::new(vec![Ok(ok(&b1, None)), Ok(ok(&b2, None))]);
    let transport_a = Gated::new(script_a, true, Arc::clone(&clock));
    let transport_b = Gated::new(script_b, true, Arc::clone(&clock));
    let stapler = |transport| {
        let cache = Arc::new(Cache::new(client(transport, &clock)));
        Arc::new(Stapler::new(cache, pki.leaf.clone(), pki.ca.cert.clone()))
    };
    let (a, b) = (
        stapler(Arc::clone(&transport_a)),
        stapler(Arc::clone(&transport_b)),
    );
    let task = spawn_refresh_task(
        vec![Arc::clone(&a), Arc::clone(&b)],
        RefreshSchedule::default(),
    );
    // Paused time: the runtime jumps from one timer to the next.
    tokio::time::sleep(Duration::from_secs(45 * 3600)).await;
    let (ta, tb) = (transport_a.times(), transport_b.times());
    // Both at once at the start.
    assert_eq!((ta[0], tb[0]), (0, 0));
    // B halfway through its 24 h (+11 h, the window ending at nextUpdate
    // plus the clock skew), with up to 2.4 h of jitter; then nothing more.
    let h = |hours_x10: u64| hours_x10 * 360;
    assert_eq!(tb.len(), 2, "{tb:?}");
    assert!((h(110)..=h(135)).contains(&tb[1]), "{tb:?}");
    // A halfway through its 73 h (+35.5 h), with up to 7.3 h of jitter;
    // then, after failures, 5 min and 10 min later (plus up to a quarter).
    assert_eq!(ta.len(), 4, "{ta:?}");
    assert!((h(355)..=h(430)).contains(&ta[1]), "{ta:?}");
    assert!((ta[1] + 300..=ta[1] + 375).contains(&ta[2]), "{ta:?}");
    assert!((ta[2] + 600..=ta[2] + 750).contains(&ta[3]), "{ta:?}");
    assert_eq!(a.current_staple().as_deref(), Some(&a2[..]));
    assert!(a.last_error().is_none());
    assert_eq!(b.current_staple().as_deref(), Some(&b2[..]));
    task.abort();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn refresh_if_due_async_keeps_the_staple_through_a_failure() {
    let pki = pki();
    let clock = Arc::new(ManualClock::new(T0));
    let first = common::good(&pki);
    let script = Scripted::new(vec![Ok(ok(&first, None)), Err(TransportError::Timeout)]);
    let transport = Gated::new(Arc::clone(&script), true, Arc::clone(&clock));
    let cache = Arc::new(Cache::new(client(transport, &clock)));
    let stapler = Stapler::new(cache, pki.leaf.clone(), pki.ca.cert.clone());
    let refreshed = stapler.refresh_if_due_async(clock.now()).await.unwrap();
    assert!(matches!(refreshed, ocsp_http::Refresh::Refreshed(_)));
    assert_eq!(
        stapler.refresh_if_due_async(clock.now()).await.unwrap(),
        ocsp_http::Refresh::NotDue
    );
    // Past halfway: due; the fetch fails and the staple held stays.
    clock.advance(Duration::from_secs(2 * 24 * 3600));
    let err = stapler.refresh_if_due_async(clock.now()).await.unwrap_err();
    assert!(
        matches!(err, Error::Transport(TransportError::Timeout)),
        "{err:?}"
    );
    assert_eq!(stapler.current_staple().as_deref(), Some(&first[..]));
    assert_eq!(script.calls(), 2);
}
