//! `Stapler::on_new_staple`: called once per response that becomes the
//! staple, never for the same response again, nor for a failed refresh.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::{Arc, Mutex};

use common::{client, clock, ok, pki, response, tampered, Scripted};
use ocsp_http::{Cache, Clock, Stapler};
use ocsp_testkit::DAY;
use ocsp_types::CertStatus;

/// What the hook was called with: (certificate, issuer, response DER).
type Seen = (Vec<u8>, Vec<u8>, Vec<u8>);

#[test]
fn the_hook_sees_each_new_staple_once() {
    let pki = pki();
    let first = response(&pki, CertStatus::Good, 0, 4 * DAY);
    let second = response(&pki, CertStatus::Good, 2 * DAY, 6 * DAY);
    // The responder has not updated at halfway (the same response again),
    // then answers garbage, then the next response.
    let transport = Scripted::new(vec![
        Ok(ok(&first, None)),
        Ok(ok(&first, None)),
        Ok(ok(&tampered(&first), None)),
        Ok(ok(&second, None)),
    ]);
    let clock = clock();
    let cache = Arc::new(Cache::new(client(Arc::clone(&transport), &clock)));
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let record = Arc::clone(&seen);
    let stapler = Stapler::new(cache, pki.leaf.clone(), pki.ca.cert.clone())
        .with_retry_interval(std::time::Duration::from_secs(60))
        .on_new_staple(move |certificate, issuer, response| {
            record.lock().unwrap().push((
                certificate.to_vec(),
                issuer.to_vec(),
                response.der.to_vec(),
            ));
        });

    stapler.refresh_if_due(clock.now()).unwrap();
    assert_eq!(
        *seen.lock().unwrap(),
        vec![(pki.leaf.clone(), pki.ca.cert.clone(), first.clone())]
    );

    // Halfway: the same response again, no call.
    clock.advance(std::time::Duration::from_secs(2 * 86_400));
    stapler.refresh_if_due(clock.now()).unwrap();
    assert_eq!(seen.lock().unwrap().len(), 1);

    // A refresh that fails: no call.
    clock.advance(std::time::Duration::from_secs(60));
    stapler.refresh_if_due(clock.now()).unwrap_err();
    assert_eq!(seen.lock().unwrap().len(), 1);

    // The next response: one call with it.
    clock.advance(std::time::Duration::from_secs(60));
    stapler.refresh_if_due(clock.now()).unwrap();
    assert_eq!(transport.calls(), 4);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].2, second);
}
