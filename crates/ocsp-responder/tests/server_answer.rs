//! Responder::answer without the network: pre-signed reuse and refresh on
//! an injected clock, nonce echo, caching headers, HTTP refusals.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{leaf_cert_id, leaf_request};

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use ocsp_request::{encode_get_url, RequestBuilder, RustCryptoSigner};
use ocsp_responder::server::{Responder, ServerConfig};
use ocsp_responder::{
    CertificateStatus, Error, MemorySource, ResponseBuilder, StatusQuery, StatusSource,
};
use ocsp_testkit::support::first_single;
use ocsp_testkit::{Flavor, Pki, HOUR};
use ocsp_types::{OcspResponseRef, ResponseStatus, Time};

/// A MemorySource that can be changed behind a shared reference.
#[derive(Default)]
struct Shared(Mutex<MemorySource>);
impl StatusSource for Shared {
    fn status(&self, q: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        self.0.lock().unwrap().status(q)
    }
    fn generation(&self, now: Time) -> u64 {
        self.0.lock().unwrap().generation(now)
    }
}

struct Unavailable;
impl StatusSource for Unavailable {
    fn status(&self, _: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        Err(Error::SourceUnavailable("database restarting".into()))
    }
}

struct Setup {
    pki: Pki,
    responder: Responder<RustCryptoSigner, Arc<Shared>>,
    source: Arc<Shared>,
    clock: Arc<AtomicI64>,
}

fn setup() -> Setup {
    let pki = Pki::new(Flavor::P256);
    let key =
        RustCryptoSigner::from_pkcs8_der(include_bytes!("../../ocsp-testkit/keys/ca-p256.pk8"))
            .unwrap();
    let builder = ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, key)
        .unwrap()
        .validity_seconds(Some(HOUR as u32));
    let source = Arc::new(Shared::default());
    source
        .0
        .lock()
        .unwrap()
        .insert(0, Pki::LEAF_SERIAL, CertificateStatus::Good);
    let clock = Arc::new(AtomicI64::new(pki.now));
    let c = Arc::clone(&clock);
    let responder = Responder::new(builder, Arc::clone(&source), ServerConfig::default())
        .with_clock(Arc::new(move || Time::from_unix(c.load(Ordering::SeqCst))));
    Setup {
        pki,
        responder,
        source,
        clock,
    }
}

#[test]
fn presigned_until_half_the_validity_then_resigned() {
    let s = setup();
    let der = leaf_request(&s.pki, None);
    let first = s
        .responder
        .answer("POST", "/", Some("application/ocsp-request"), &der);
    assert_eq!(first.status, 200);
    assert_eq!(
        first.header("cache-control"),
        Some("max-age=3600, public, no-transform, must-revalidate")
    );
    assert_eq!(
        first.header("last-modified"),
        Some("Sat, 01 Jun 2030 00:00:00 GMT")
    );
    assert_eq!(
        first.header("expires"),
        Some("Sat, 01 Jun 2030 01:00:00 GMT")
    );
    assert!(first.header("etag").unwrap().starts_with('"'));
    // 29 minutes later: the same bytes, max-age counting down.
    s.clock.fetch_add(29 * 60, Ordering::SeqCst);
    let url = encode_get_url("http://x", &der);
    let again = s
        .responder
        .answer("GET", url.trim_start_matches("http://x"), None, &[]);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("etag"), first.header("etag"));
    assert_eq!(
        again.header("cache-control"),
        Some("max-age=1860, public, no-transform, must-revalidate")
    );
    assert_eq!(s.responder.cached(), 1);
    // At half the validity: signed anew.
    s.clock.fetch_add(60, Ordering::SeqCst);
    let fresh = s.responder.answer("POST", "/", None, &der);
    assert_ne!(fresh.body, first.body);
    assert_eq!(
        fresh.header("last-modified"),
        Some("Sat, 01 Jun 2030 00:30:00 GMT")
    );
}

#[test]
fn a_source_change_is_not_hidden_by_the_presigned_response() {
    let s = setup();
    let der = leaf_request(&s.pki, None);
    let first = s.responder.answer("POST", "/", None, &der);
    let revoked = CertificateStatus::Revoked {
        time: s.pki.at(-HOUR),
        reason: None,
    };
    s.source
        .0
        .lock()
        .unwrap()
        .insert(0, Pki::LEAF_SERIAL, revoked);
    let after = s.responder.answer("POST", "/", None, &der);
    assert_ne!(after.body, first.body);
    let parsed = OcspResponseRef::parse(&after.body).unwrap();
    assert_eq!(first_single(&parsed).cert_status().name(), "revoked");
}

#[test]
fn a_nonce_gets_a_fresh_uncacheable_response() {
    let s = setup();
    let a = s
        .responder
        .answer("POST", "/", None, &leaf_request(&s.pki, Some(&[1; 16])));
    let b = s
        .responder
        .answer("POST", "/", None, &leaf_request(&s.pki, Some(&[2; 16])));
    assert_ne!(a.body, b.body);
    assert_eq!(a.header("cache-control"), Some("no-store"));
    assert_eq!(a.header("etag"), None);
    assert_eq!(s.responder.cached(), 0);
}

#[test]
fn only_single_certid_requests_are_presigned() {
    let s = setup();
    let id = leaf_cert_id(&s.pki);
    let mut b = RequestBuilder::new();
    b.cert_id(id.clone()).cert_id(id);
    let der = b.build().unwrap().to_der().unwrap();
    let a = s.responder.answer("POST", "/", None, &der);
    assert_eq!(a.status, 200);
    let parsed = OcspResponseRef::parse(&a.body).unwrap();
    assert_eq!(
        parsed
            .basic()
            .unwrap()
            .tbs_response_data()
            .responses()
            .iter()
            .count(),
        2
    );
    assert_eq!(a.header("etag"), None);
    assert_eq!(s.responder.cached(), 0);
}

#[test]
fn http_refusals_and_error_statuses() {
    let s = setup();
    assert_eq!(s.responder.answer("DELETE", "/", None, &[]).status, 405);
    assert_eq!(
        s.responder
            .answer("POST", "/", Some("text/plain"), &[])
            .status,
        415
    );
    // Parameters and case in the media type are fine.
    let ok = s.responder.answer(
        "POST",
        "/",
        Some("Application/OCSP-Request; charset=x"),
        &leaf_request(&s.pki, None),
    );
    assert_eq!(ok.status, 200);
    for (method, path, body) in [
        ("POST", "/", &b"junk"[..]),
        ("GET", "/%%%", &b""[..]),
        ("GET", "/", &b""[..]),
    ] {
        let a = s.responder.answer(method, path, None, body);
        assert_eq!(a.status, 200);
        assert_eq!(
            OcspResponseRef::parse(&a.body).unwrap().status(),
            ResponseStatus::MalformedRequest
        );
    }
    // A failing source: tryLater, and reported.
    let reported = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&reported);
    let pki = Pki::new(Flavor::P256);
    let key =
        RustCryptoSigner::from_pkcs8_der(include_bytes!("../../ocsp-testkit/keys/ca-p256.pk8"))
            .unwrap();
    let builder = ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, key).unwrap();
    let failing = Responder::new(builder, Unavailable, ServerConfig::default())
        .on_failure(move |e| seen.lock().unwrap().push(e.kind()));
    let a = failing.answer("POST", "/", None, &leaf_request(&pki, None));
    assert_eq!(
        OcspResponseRef::parse(&a.body).unwrap().status(),
        ResponseStatus::TryLater
    );
    failing.answer("POST", "/", None, b"junk");
    assert_eq!(*reported.lock().unwrap(), ["SourceUnavailable"]);
    // A clock beyond year 9999: internalError, not a panic.
    s.clock.store(i64::MAX, Ordering::SeqCst);
    let a = s
        .responder
        .answer("POST", "/", None, &leaf_request(&s.pki, None));
    assert_eq!(
        OcspResponseRef::parse(&a.body).unwrap().status(),
        ResponseStatus::InternalError
    );
}
