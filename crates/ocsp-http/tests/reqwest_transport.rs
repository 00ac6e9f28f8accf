//! `ReqwestTransport` against a local server: the HTTP rules of the crate
//! (no redirects, size limit while streaming, truncation, timeout, URLs).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::server::{body_faults, http, ocsp, Answer, Server};
use common::{clock, good, pki};
use ocsp_http::{
    AsyncHttpTransport, Cache, Client, ClientConfig, Error, FailureMode, HttpRequest, ManualClock,
    Method, Outcome, ReqwestConfig, ReqwestTransport, TransportError,
};
use ocsp_testkit::Pki;

fn transport() -> ReqwestTransport {
    ReqwestTransport::with_config(&ReqwestConfig {
        proxy_from_env: false,
        ..ReqwestConfig::default()
    })
    .unwrap()
}

fn cache(url: &str) -> Cache<ReqwestTransport, Arc<ManualClock>> {
    let config = ClientConfig {
        responder_url: Some(url.to_owned()),
        max_response_len: 4096,
        timeout: Duration::from_secs(5),
        ..ClientConfig::default()
    };
    Cache::new(
        Client::with_algorithms(transport(), ocsp_verify::algorithms::ALL)
            .with_clock(clock())
            .with_config(config),
    )
}

/// Looks up the testkit leaf through `answer`; returns the error and checks
/// that nothing was cached.
async fn fails_with(pki: &Pki, answer: Answer) -> Error {
    let server = Server::start(vec![answer]);
    let cache = cache(&server.url);
    let err = cache
        .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .await
        .unwrap_err();
    assert_eq!(cache.stats().entries, 0);
    err
}

#[tokio::test(flavor = "current_thread")]
async fn lookup_async_over_reqwest() {
    let pki = pki();
    let der = good(&pki);
    let server = Server::start(vec![ocsp(&der)]);
    let cache = cache(&server.url);
    let outcome = cache
        .lookup_async(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .await
        .unwrap();
    let Outcome::Checked(checked) = outcome else {
        panic!("{outcome:?}");
    };
    assert!(checked.is_good());
    assert_eq!(*checked.der, *der);
    assert_eq!(checked.http.method, Method::Get);
    let request = server.request();
    assert!(request.head.starts_with("GET /"), "{}", request.head);
    assert!(
        request.head.contains("accept: application/ocsp-response")
            || request.head.contains("Accept: application/ocsp-response"),
        "{}",
        request.head
    );
}

#[tokio::test(flavor = "current_thread")]
async fn redirects_are_not_followed() {
    let pki = pki();
    let answer = http(
        "302 Found",
        &[("Location", "http://user:pw@elsewhere.invalid/x")],
        b"",
    );
    let err = fails_with(&pki, answer).await;
    match err {
        Error::Redirect { status, location } => {
            assert_eq!(status, 302);
            assert_eq!(location.as_deref(), Some("http://elsewhere.invalid/x"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn body_faults_are_transport_errors() {
    let pki = pki();
    for fault in body_faults(&good(&pki)) {
        let err = fails_with(&pki, fault.answer).await;
        assert!((fault.expect)(&err), "{}: {err:?}", fault.name);
    }
}

/// Paused time: the runtime, idle while the server says nothing, jumps to
/// the timeout at once.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn response_that_never_comes() {
    let pki = pki();
    let err = fails_with(&pki, Answer::Hang).await;
    assert!(
        matches!(err, Error::Transport(TransportError::Timeout)),
        "{err:?}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn only_plain_http_without_userinfo() {
    let transport = transport();
    for url in [
        "https://ocsp.invalid/",
        "ftp://ocsp.invalid/",
        "http://u:pw@ocsp.invalid/",
    ] {
        let request = HttpRequest::new(Method::Get, url, &[], b"", 1024, Duration::from_secs(5));
        let err = transport.send(&request).await.unwrap_err();
        match err {
            TransportError::UnsupportedUrl { url } => assert!(!url.contains("pw"), "{url}"),
            other => panic!("{url}: {other:?}"),
        }
    }
}
