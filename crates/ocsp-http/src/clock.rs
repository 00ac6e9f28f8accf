//! The time source: injectable, so that tests never sleep.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ocsp_verify::UnixTime;

/// Where the client, the cache and the stapler read the time.
///
/// The time is used to verify responses (`thisUpdate`, `nextUpdate`, the
/// delegated responder's validity) and to decide when a cached response is
/// refreshed or dropped: pass a trustworthy clock.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> UnixTime;
}

/// The system clock ([`SystemTime::now`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> UnixTime {
        // A clock before 1970 reads as the epoch (every response then looks
        // not yet valid: fail closed).
        let since = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        UnixTime::since_unix_epoch(since)
    }
}

/// A clock that only moves when told, with one-second resolution (for
/// tests, and for replaying a past exchange).
#[derive(Debug, Default)]
pub struct ManualClock {
    secs: AtomicU64,
}

impl ManualClock {
    /// A clock reading `secs` seconds after the Unix epoch.
    pub fn new(secs: u64) -> Self {
        ManualClock {
            secs: AtomicU64::new(secs),
        }
    }

    /// Sets the time to `secs` seconds after the Unix epoch.
    pub fn set(&self, secs: u64) {
        self.secs.store(secs, Ordering::SeqCst);
    }

    /// Moves the time forward by `by` (whole seconds).
    pub fn advance(&self, by: Duration) {
        self.secs.fetch_add(by.as_secs(), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> UnixTime {
        UnixTime::since_unix_epoch(Duration::from_secs(self.secs.load(Ordering::SeqCst)))
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> UnixTime {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for &C {
    fn now(&self) -> UnixTime {
        (**self).now()
    }
}

/// `time` plus `by`, saturating.
pub(crate) fn add(time: UnixTime, by: Duration) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(
        time.as_secs().saturating_add(by.as_secs()),
    ))
}

/// An ASN.1 time as a [`UnixTime`] (times before 1970 read as the epoch).
pub(crate) fn from_asn1(time: ocsp_verify::Time) -> UnixTime {
    let secs = u64::try_from(time.unix_timestamp()).unwrap_or(0);
    UnixTime::since_unix_epoch(Duration::from_secs(secs))
}
