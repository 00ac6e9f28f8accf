//! Replay over revocation, through the real `Client` + `Cache` path: a
//! local HTTP server plays the on-path attacker who answers a refresh with
//! an older, still valid, nonce-less response; the clock is injected.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::server::{ocsp_max_age, Server};
use common::{clock, response, revoked, ureq_cache, LeafLookup, T0};
use ocsp_http::{Cache, ClientConfig, FailureMode, ManualClock, Status, UreqTransport};
use ocsp_testkit::{DAY, HOUR};
use ocsp_types::CertStatus;

fn cache(url: &str, clock: &Arc<ManualClock>) -> Cache<UreqTransport, Arc<ManualClock>> {
    let config = ClientConfig {
        responder_url: Some(url.to_owned()),
        timeout: Duration::from_secs(5),
        ..ClientConfig::default()
    };
    ureq_cache(config, clock)
}

#[test]
fn a_replayed_older_good_never_beats_a_held_revoked() {
    let pki = common::pki();
    // Revoked, thisUpdate an hour ago, max-age one minute; then the
    // attacker's replay: good, thisUpdate two hours ago, still valid.
    let held = revoked(&pki, -HOUR, DAY);
    let replay = response(&pki, CertStatus::Good, -2 * HOUR, DAY);
    let server = Server::start(vec![ocsp_max_age(&held, 60), ocsp_max_age(&replay, 60)]);
    let clock = clock();
    let cache = cache(&server.url, &clock);

    let first = cache.checked_leaf(&pki, FailureMode::Soft);
    assert!(matches!(first.status, Status::Revoked { .. }));
    server.request();

    // Past max-age: the lookup, the refresh, and every later lookup give
    // the held revoked response, and nothing is fetched (the replay is
    // never even asked for).
    clock.set(T0 + 61);
    for _ in 0..2 {
        let again = cache.checked_leaf(&pki, FailureMode::Soft);
        assert!(Arc::ptr_eq(&first, &again));
        let refreshed = cache.refresh(&pki.leaf, &pki.ca.cert).unwrap();
        assert!(Arc::ptr_eq(&first, &refreshed));
    }
    assert!(server.received().is_empty(), "revocation is final");
    assert_eq!(
        &*cache.cached(&pki.leaf, &pki.ca.cert).unwrap().unwrap().der,
        &held[..]
    );
}

#[test]
fn a_replayed_older_response_counts_as_a_failed_fetch() {
    let pki = common::pki();
    let newer = response(&pki, CertStatus::Good, -HOUR, DAY);
    // Older by thisUpdate; then one as old by thisUpdate, older by
    // producedAt.
    let older = response(&pki, CertStatus::Good, -2 * HOUR, DAY);
    let mut spec = pki.issuer_response();
    spec.produced_at = ocsp_testkit::at(-2 * HOUR);
    spec.singles = vec![ocsp_testkit::single(
        pki.leaf_cert_id(ocsp_testkit::HashAlg::Sha1),
        CertStatus::Good,
        ocsp_testkit::at(-HOUR),
        Some(ocsp_testkit::at(DAY)),
    )];
    let older_produced = spec.sign(&pki.ca.key);
    let server = Server::start(vec![
        ocsp_max_age(&newer, 60),
        ocsp_max_age(&older, 60),
        ocsp_max_age(&older_produced, 60),
    ]);
    let clock = clock();
    let cache = cache(&server.url, &clock);
    let first = cache.checked_leaf(&pki, FailureMode::Hard);
    clock.set(T0 + 61);
    let looked_up = cache.checked_leaf(&pki, FailureMode::Hard);
    assert!(Arc::ptr_eq(&first, &looked_up), "the held one is served");
    let refreshed = cache.refresh(&pki.leaf, &pki.ca.cert).unwrap();
    assert!(Arc::ptr_eq(&first, &refreshed), "also by refresh()");
    assert_eq!(server.received().len(), 3, "both replays were fetched");
    assert_eq!(
        &*cache.cached(&pki.leaf, &pki.ca.cert).unwrap().unwrap().der,
        &newer[..]
    );
    assert_eq!(cache.stats().entries, 1);
}

#[test]
fn a_fetched_revoked_replaces_a_held_good_whatever_its_age() {
    let pki = common::pki();
    let good = response(&pki, CertStatus::Good, -HOUR, DAY);
    // Older than the held good, but a signed revocation: final.
    let now_revoked = revoked(&pki, -2 * HOUR, DAY);
    let server = Server::start(vec![
        ocsp_max_age(&good, 60),
        ocsp_max_age(&now_revoked, 60),
    ]);
    let clock = clock();
    let cache = cache(&server.url, &clock);
    assert!(cache.leaf(&pki, FailureMode::Hard).unwrap().is_good());
    clock.set(T0 + 61);
    let outcome = cache.leaf(&pki, FailureMode::Hard).unwrap();
    assert!(matches!(outcome.status(), Some(Status::Revoked { .. })));
}
