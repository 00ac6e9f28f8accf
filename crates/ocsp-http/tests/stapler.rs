//! The stapler: refresh halfway through the validity window, keep the
//! current staple through failures, never staple an expired response.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{ok, pki, response, scripted_stapler, ScriptedStapler, T0};
use ocsp_http::{Clock, Error, ManualClock, Refresh, TransportError};
use ocsp_testkit::DAY;
use ocsp_types::CertStatus;

/// A refresh due by `clock`, expected to succeed.
fn refresh(stapler: &ScriptedStapler, clock: &ManualClock) -> Refresh {
    stapler.refresh_if_due(clock.now()).unwrap()
}

#[test]
fn refreshes_at_half_the_validity_window() {
    let pki = pki();
    // thisUpdate T0, nextUpdate T0 + 4 days: halfway at T0 + 2 days.
    let first = response(&pki, CertStatus::Good, 0, 4 * DAY);
    let second = response(&pki, CertStatus::Good, 2 * DAY, 6 * DAY);
    let (transport, clock, stapler) =
        scripted_stapler(&pki, vec![Ok(ok(&first, None)), Ok(ok(&second, None))]);

    assert!(stapler.current_staple().is_none());
    assert!(matches!(refresh(&stapler, &clock), Refresh::Refreshed(_)));
    assert_eq!(&*stapler.current_staple().unwrap(), &first[..]);
    let halfway = stapler.current().unwrap().halfway().as_secs();
    assert_eq!(halfway, T0 + 2 * 86_400);

    clock.set(halfway - 1);
    assert_eq!(refresh(&stapler, &clock), Refresh::NotDue);
    assert_eq!(transport.calls(), 1);

    clock.set(halfway);
    assert!(matches!(refresh(&stapler, &clock), Refresh::Refreshed(_)));
    assert_eq!(transport.calls(), 2);
    assert_eq!(&*stapler.current_staple().unwrap(), &second[..]);
    assert_eq!(refresh(&stapler, &clock), Refresh::NotDue);
}

#[test]
fn failures_keep_the_staple_then_it_expires() {
    let pki = pki();
    let first = response(&pki, CertStatus::Good, 0, 4 * DAY);
    let (transport, clock, stapler) = scripted_stapler(
        &pki,
        vec![Ok(ok(&first, None)), Err(TransportError::Timeout)],
    );
    let stapler = stapler.with_retry_interval(Duration::from_secs(600));
    refresh(&stapler, &clock);

    clock.set(T0 + 2 * 86_400);
    let err = stapler.refresh_if_due(clock.now()).unwrap_err();
    assert!(matches!(err, Error::Transport(TransportError::Timeout)));
    assert!(matches!(
        stapler.last_error(),
        Some(Error::Transport(TransportError::Timeout))
    ));
    assert_eq!(&*stapler.current_staple().unwrap(), &first[..], "kept");
    // Not again before the retry interval.
    clock.set(T0 + 2 * 86_400 + 599);
    assert_eq!(refresh(&stapler, &clock), Refresh::NotDue);
    assert_eq!(transport.calls(), 2);
    clock.set(T0 + 2 * 86_400 + 600);
    assert!(stapler.refresh_if_due(clock.now()).is_err());
    assert_eq!(transport.calls(), 3);

    // At nextUpdate it is still stapled; one second later never.
    clock.set(T0 + 4 * 86_400);
    assert!(stapler.current_staple().is_some());
    clock.set(T0 + 4 * 86_400 + 1);
    assert!(stapler.current_staple().is_none());
    assert!(stapler.current().is_none());
}

#[test]
fn a_response_no_newer_than_halfway_waits_for_the_retry_interval() {
    let pki = pki();
    // The responder keeps answering the same pre-produced response.
    let only = response(&pki, CertStatus::Good, 0, 4 * DAY);
    let (transport, clock, stapler) = scripted_stapler(&pki, vec![Ok(ok(&only, None))]);
    let stapler = stapler.with_retry_interval(Duration::from_secs(300));
    refresh(&stapler, &clock);
    clock.set(T0 + 3 * 86_400);
    assert!(matches!(refresh(&stapler, &clock), Refresh::Refreshed(_)));
    assert_eq!(refresh(&stapler, &clock), Refresh::NotDue);
    assert_eq!(transport.calls(), 2);
    clock.set(T0 + 3 * 86_400 + 300);
    refresh(&stapler, &clock);
    assert_eq!(transport.calls(), 3);
}

#[test]
fn refresher_thread_stops_on_request() {
    let pki = pki();
    let der = response(&pki, CertStatus::Good, 0, 4 * DAY);
    let (transport, _, stapler) = scripted_stapler(&pki, vec![Ok(ok(&der, None))]);
    let stapler = Arc::new(stapler);
    let handle = stapler.spawn_refresher(Duration::from_millis(5)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while stapler.current_staple().is_none() {
        assert!(Instant::now() < deadline, "the refresher did not run");
        std::thread::yield_now();
    }
    handle.stop();
    // Fresh until halfway: one fetch however often the thread looked.
    assert_eq!(transport.calls(), 1);
}

#[test]
fn a_refresh_that_brings_only_an_expired_response_is_a_failure() {
    let pki = pki();
    // nextUpdate a minute ago: it verifies within the 5-minute clock skew,
    // but it may not be used (nor stapled) now.
    let late = response(&pki, CertStatus::Good, -2 * DAY, -60);
    let (transport, clock, stapler) = scripted_stapler(&pki, vec![Ok(ok(&late, None))]);
    let stapler = stapler.with_retry_interval(Duration::from_secs(300));
    let err = stapler.refresh_if_due(clock.now()).unwrap_err();
    assert!(
        matches!(err, Error::ExpiredResponse { valid_until } if valid_until.as_secs() == T0 - 60),
        "{err:?}"
    );
    assert!(matches!(
        stapler.last_error(),
        Some(Error::ExpiredResponse { .. })
    ));
    assert!(stapler.current_staple().is_none());
    // A failure: the next attempt waits for the retry interval.
    assert_eq!(refresh(&stapler, &clock), Refresh::NotDue);
    assert_eq!(transport.calls(), 1);
}
