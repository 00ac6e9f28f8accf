//! One tokio task keeping the staples of many certificates fresh (feature
//! `tokio`): each refreshed at its own time, halfway through its validity
//! with jitter, and retried with backoff.

use std::sync::Arc;
use std::time::Duration;

use ocsp_verify::UnixTime;

use crate::checked::CheckedResponse;
use crate::clock::{self, Clock};
use crate::log::event;
use crate::stapler::{Refresh, Stapler, DEFAULT_RETRY_INTERVAL};
use crate::transport::AsyncHttpTransport;

/// The default longest wait between two attempts after failures: 1 hour.
pub const DEFAULT_MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

/// The longest the task sleeps before reading the clocks again (so that a
/// clock that jumps, or a machine that slept, is noticed within it).
const MAX_SLEEP: Duration = Duration::from_secs(60 * 60);

/// When the refresh task of [`spawn_refresh_task`] refreshes a staple.
///
/// * After a refresh that brought a response not yet halfway through its
///   validity (`thisUpdate .. valid_until`): at the halfway point plus a
///   jitter of up to a tenth of the window, so that many servers (or many
///   certificates) do not ask the responder at the same second.
/// * After a failure, or a response already past halfway (the responder
///   has not updated yet): after `retry_interval`, doubled at each
///   consecutive failure up to `max_backoff`, plus a jitter of up to a
///   quarter of that delay. Never sooner than one second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RefreshSchedule {
    /// The wait after a first failure. Default [`DEFAULT_RETRY_INTERVAL`].
    pub retry_interval: Duration,
    /// The longest wait after failures. Default [`DEFAULT_MAX_BACKOFF`].
    pub max_backoff: Duration,
}

impl Default for RefreshSchedule {
    fn default() -> Self {
        RefreshSchedule {
            retry_interval: DEFAULT_RETRY_INTERVAL,
            max_backoff: DEFAULT_MAX_BACKOFF,
        }
    }
}

/// `span` scaled by `jitter / u32::MAX`, in whole seconds.
fn jittered(span: Duration, jitter: u32) -> Duration {
    let secs = u128::from(span.as_secs()) * u128::from(jitter) / u128::from(u32::MAX);
    Duration::from_secs(u64::try_from(secs).unwrap_or(u64::MAX))
}

impl RefreshSchedule {
    /// When to refresh next, after an attempt at `now`: `fresh` is the
    /// response that attempt brought if it is valid and not yet halfway
    /// through its validity, `None` otherwise; `failures` counts the
    /// attempts in a row that brought no such response (including this
    /// one); `jitter` is a uniformly random number. A pure function: the
    /// task passes the operating system's random numbers.
    pub fn next_refresh(
        &self,
        now: UnixTime,
        fresh: Option<&CheckedResponse>,
        failures: u32,
        jitter: u32,
    ) -> UnixTime {
        let delay = match fresh {
            Some(fresh) if now.as_secs() < fresh.halfway().as_secs() => {
                let halfway = fresh.halfway().as_secs();
                let window = fresh
                    .valid_until
                    .as_secs()
                    .saturating_sub(clock::from_asn1(fresh.this_update).as_secs());
                let spread = jittered(Duration::from_secs(window / 10), jitter);
                Duration::from_secs(halfway.saturating_sub(now.as_secs())).saturating_add(spread)
            }
            _ => {
                let doublings = failures.saturating_sub(1).min(32);
                let backoff = self
                    .retry_interval
                    .saturating_mul(1u32 << doublings.min(31))
                    .min(self.max_backoff);
                backoff.saturating_add(jittered(backoff / 4, jitter))
            }
        };
        clock::add(now, delay.max(Duration::from_secs(1)))
    }
}

/// The refresh task of [`spawn_refresh_task`]; dropping it (or
/// [`RefreshTask::abort`]) stops the task.
#[derive(Debug)]
pub struct RefreshTask {
    handle: tokio::task::JoinHandle<()>,
}

impl RefreshTask {
    /// Stops the task (a refresh under way is cancelled: the cache's
    /// waiters on it get [`Error::FetchAbandoned`](crate::Error::FetchAbandoned)).
    pub fn abort(self) {
        self.handle.abort();
    }
}

impl Drop for RefreshTask {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

/// Starts one tokio task that keeps every stapler's response fresh, each
/// at its own time per `schedule` (first all at once), reading each
/// stapler's clock. Refreshes run one after the other, each bound by its
/// client's timeout. Failures are kept in
/// [`Stapler::last_error`](crate::Stapler::last_error) (and logged with
/// the feature `log`); the staple held is kept while valid.
///
/// Must be called within a tokio runtime (it uses `tokio::spawn`).
pub fn spawn_refresh_task<T, C>(
    staplers: Vec<Arc<Stapler<T, C>>>,
    schedule: RefreshSchedule,
) -> RefreshTask
where
    T: AsyncHttpTransport + 'static,
    C: Clock + 'static,
{
    RefreshTask {
        handle: tokio::spawn(run(staplers, schedule)),
    }
}

/// A stapler's place in the task's plan.
#[derive(Debug, Clone, Copy)]
struct Slot {
    next: UnixTime,
    failures: u32,
}

async fn run<T, C>(staplers: Vec<Arc<Stapler<T, C>>>, schedule: RefreshSchedule)
where
    T: AsyncHttpTransport,
    C: Clock,
{
    let epoch = UnixTime::since_unix_epoch(Duration::ZERO);
    let mut plan = vec![
        Slot {
            next: epoch,
            failures: 0,
        };
        staplers.len()
    ];
    loop {
        for (stapler, slot) in staplers.iter().zip(plan.iter_mut()) {
            let now = stapler.now();
            if now.as_secs() < slot.next.as_secs() {
                continue;
            }
            let fresh = match stapler.refresh_now_async(now).await {
                Ok(Refresh::Refreshed(current)) if now.as_secs() < current.halfway().as_secs() => {
                    Some(current)
                }
                _ => None,
            };
            slot.failures = match fresh {
                Some(_) => 0,
                None => slot.failures.saturating_add(1),
            };
            // Without a random number, no jitter (still correct).
            let jitter = getrandom::u32().unwrap_or(0);
            slot.next = schedule.next_refresh(now, fresh.as_deref(), slot.failures, jitter);
            event!(
                Debug,
                "next OCSP staple refresh in {} s ({} failures in a row)",
                slot.next.as_secs().saturating_sub(now.as_secs()),
                slot.failures
            );
        }
        let wait = staplers
            .iter()
            .zip(&plan)
            .map(|(stapler, slot)| {
                Duration::from_secs(slot.next.as_secs().saturating_sub(stapler.now().as_secs()))
            })
            .min()
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP);
        tokio::time::sleep(wait).await;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The schedule's backoff part needs no response.
    #[test]
    fn backoff_doubles_up_to_the_cap_with_bounded_jitter() {
        let schedule = RefreshSchedule {
            retry_interval: Duration::from_secs(60),
            max_backoff: Duration::from_secs(600),
        };
        let now = UnixTime::since_unix_epoch(Duration::from_secs(1_000));
        let after =
            |failures, jitter| schedule.next_refresh(now, None, failures, jitter).as_secs() - 1_000;
        assert_eq!(after(1, 0), 60);
        assert_eq!(after(2, 0), 120);
        assert_eq!(after(3, 0), 240);
        assert_eq!(after(5, 0), 600, "capped");
        assert_eq!(after(u32::MAX, 0), 600, "no overflow");
        assert_eq!(after(1, u32::MAX), 75, "a quarter more at most");
        assert_eq!(after(5, u32::MAX), 750);
        let zero = RefreshSchedule {
            retry_interval: Duration::ZERO,
            max_backoff: Duration::ZERO,
        };
        assert_eq!(
            zero.next_refresh(now, None, 1, 0).as_secs(),
            1_001,
            "never a busy loop"
        );
    }

    /// A good response valid from `this_update` to `valid_until`.
    fn response(this_update: i64, valid_until: u64) -> CheckedResponse {
        let time = ocsp_verify::Time::from_unix(this_update).unwrap();
        CheckedResponse {
            status: ocsp_verify::Status::Good,
            this_update: time,
            next_update: None,
            produced_at: time,
            responder: crate::ResponderKind::Issuer,
            cert_id: ocsp_types::CertId {
                hash_algorithm: ocsp_request::HashAlgorithm::Sha1.algorithm_identifier(),
                issuer_name_hash: Vec::new(),
                issuer_key_hash: Vec::new(),
                serial_number: vec![1],
            },
            nonce_echoed: false,
            valid_until: UnixTime::since_unix_epoch(Duration::from_secs(valid_until)),
            fetched_at: UnixTime::since_unix_epoch(Duration::from_secs(1_000)),
            der: std::sync::Arc::from(&[][..]),
            http: crate::HttpInfo::from_response(
                crate::Method::Get,
                "http://h/",
                &crate::HttpResponse::default(),
            ),
        }
    }

    #[test]
    fn a_fresh_response_is_refreshed_halfway_plus_up_to_a_tenth() {
        let schedule = RefreshSchedule::default();
        let now = UnixTime::since_unix_epoch(Duration::from_secs(1_000));
        // Window 0 .. 10_000: halfway at 5_000, jitter up to 1_000.
        let fresh = response(0, 10_000);
        let at = |jitter| {
            schedule
                .next_refresh(now, Some(&fresh), 0, jitter)
                .as_secs()
        };
        assert_eq!(at(0), 5_000);
        assert_eq!(at(u32::MAX), 6_000);
        assert!((5_000..=6_000).contains(&at(12_345_678)));
        // Already past halfway (the responder has not updated): backoff.
        let stale = response(0, 1_600);
        assert_eq!(
            schedule.next_refresh(now, Some(&stale), 1, 0).as_secs(),
            1_000 + DEFAULT_RETRY_INTERVAL.as_secs()
        );
    }

    #[test]
    fn jitter_scales_the_span() {
        assert_eq!(jittered(Duration::from_secs(100), 0), Duration::ZERO);
        assert_eq!(
            jittered(Duration::from_secs(100), u32::MAX),
            Duration::from_secs(100)
        );
        assert_eq!(
            jittered(Duration::from_secs(100), u32::MAX / 2),
            Duration::from_secs(49)
        );
    }
}
