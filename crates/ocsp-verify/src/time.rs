//! The time rules (RFC 6960 4.2.2.1, RFC 5019 4), all bounds inclusive and
//! widened by the policy's clock skew.

use ocsp_types::{SingleResponseRef, Time};
use rustls_pki_types::UnixTime;

use crate::error::Error;
use crate::policy::Policy;

fn secs(d: core::time::Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// The verification time and the skew, as signed seconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    pub(crate) now: i64,
    skew: i64,
}

impl Clock {
    pub(crate) fn new(time: UnixTime, policy: &Policy) -> Self {
        Clock {
            now: i64::try_from(time.as_secs()).unwrap_or(i64::MAX),
            skew: secs(policy.clock_skew),
        }
    }
}

/// The age limit that applies to a single response, if any.
fn age_limit(policy: &Policy, has_next_update: bool) -> Option<i64> {
    let general = policy.max_age.map(secs);
    if has_next_update {
        general
    } else {
        let fallback = secs(policy.max_age_without_next_update);
        Some(general.map_or(fallback, |g| g.min(fallback)))
    }
}

/// `producedAt`: when the certificate is known, within its validity period
/// (inclusive, no skew: both are signed); with
/// [`Policy::reject_produced_in_future`], not after the time plus skew.
pub(crate) fn check_produced_at(
    clock: &Clock,
    policy: &Policy,
    produced_at: Time,
    validity: Option<(Time, Time)>,
) -> Result<(), Error> {
    if policy.reject_produced_in_future
        && produced_at.unix_timestamp() > clock.now.saturating_add(clock.skew)
    {
        return Err(Error::ProducedInFuture { produced_at });
    }
    if let Some((not_before, not_after)) = validity {
        if produced_at < not_before || produced_at > not_after {
            return Err(Error::ProducedOutsideCertificateValidity { produced_at });
        }
    }
    Ok(())
}

/// `thisUpdate` and `nextUpdate` of one single response.
pub(crate) fn check_single(
    clock: &Clock,
    policy: &Policy,
    single: &SingleResponseRef<'_>,
) -> Result<(), Error> {
    let this_update = single.this_update();
    let next_update = single.next_update();
    if let Some(next_update) = next_update {
        if next_update < this_update {
            return Err(Error::NextUpdateBeforeThisUpdate {
                this_update,
                next_update,
            });
        }
    }
    if this_update.unix_timestamp() > clock.now.saturating_add(clock.skew) {
        return Err(Error::NotYetValid { this_update });
    }
    match next_update {
        Some(next_update)
            if next_update.unix_timestamp() < clock.now.saturating_sub(clock.skew) =>
        {
            return Err(Error::Expired { next_update });
        }
        None if policy.require_next_update => return Err(Error::MissingNextUpdate),
        Some(_) | None => {}
    }
    if let Some(limit) = age_limit(policy, next_update.is_some()) {
        let oldest = clock.now.saturating_sub(limit).saturating_sub(clock.skew);
        if this_update.unix_timestamp() < oldest {
            return Err(Error::TooOld { this_update });
        }
    }
    Ok(())
}

/// Until when the answer may be reused: `nextUpdate` bounded by the age limit.
pub(crate) fn valid_until(policy: &Policy, single: &SingleResponseRef<'_>) -> UnixTime {
    let this_update = single.this_update().unix_timestamp();
    let by_age = age_limit(policy, single.next_update().is_some())
        .map(|limit| this_update.saturating_add(limit));
    let until = match (single.next_update(), by_age) {
        (Some(next), Some(age)) => next.unix_timestamp().min(age),
        (Some(next), None) => next.unix_timestamp(),
        (None, Some(age)) => age,
        (None, None) => this_update,
    };
    UnixTime::since_unix_epoch(core::time::Duration::from_secs(
        u64::try_from(until).unwrap_or(0),
    ))
}
