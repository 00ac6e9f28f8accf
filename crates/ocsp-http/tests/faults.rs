//! The ureq transport against a small local HTTP server serving canned
//! answers: each fault gives its own error, and nothing is cached.
#![cfg(feature = "ureq")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::server::{http, ocsp, Answer, Server};
use common::{clock, good, pki, tampered, with_foreign_nonce};
use ocsp_http::{
    Cache, CheckedResponse, Client, ClientConfig, Error, FailureMode, ManualClock, Method, Outcome,
    UreqConfig, UreqTransport,
};
use ocsp_testkit::Pki;
use ocsp_types::OcspRequestRef;

fn transport() -> UreqTransport {
    UreqTransport::with_config(&UreqConfig {
        proxy_from_env: false,
        ..UreqConfig::default()
    })
}

fn config(url: &str) -> ClientConfig {
    ClientConfig {
        responder_url: Some(url.to_owned()),
        max_response_len: 4096,
        timeout: Duration::from_secs(5),
        ..ClientConfig::default()
    }
}

type TestCache = Cache<UreqTransport, Arc<ManualClock>>;

fn cache(config: ClientConfig) -> TestCache {
    Cache::new(
        Client::with_algorithms(transport(), ocsp_verify::algorithms::ALL)
            .with_clock(clock())
            .with_config(config),
    )
}

/// Looks up the testkit leaf through `answer`; returns the error and checks
/// that nothing was cached.
fn fails_with(pki: &Pki, answer: Answer, adjust: impl FnOnce(&mut ClientConfig)) -> Error {
    let server = Server::start(vec![answer]);
    let mut config = config(&server.url);
    adjust(&mut config);
    let cache = cache(config);
    let err = cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap_err();
    server.request();
    assert_eq!(cache.stats().entries, 0, "nothing cached after {err:?}");
    err
}

#[test]
fn good_response_over_get() {
    let pki = pki();
    let der = good(&pki);
    let len = der.len().to_string();
    let server = Server::start(vec![http(
        "200 OK",
        &[
            ("Content-Type", "application/ocsp-response"),
            ("Content-Length", &len),
            (
                "Cache-Control",
                "max-age=517054, public, no-transform, must-revalidate",
            ),
            ("ETag", "\"5773c1ba-1d7\""),
            ("Expires", "Wed, 06 Jul 2016 01:24:58 GMT"),
            ("Last-Modified", "Wed, 29 Jun 2016 12:40:26 GMT"),
        ],
        &der,
    )]);
    let cache = cache(config(&server.url));
    let outcome = cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap();
    let Outcome::Checked(checked) = outcome else {
        panic!("checked")
    };
    assert!(checked.is_good());
    assert_eq!(checked.http.method, Method::Get);
    assert_eq!(checked.http.max_age, Some(Duration::from_secs(517_054)));
    assert_eq!(checked.http.etag.as_deref(), Some("\"5773c1ba-1d7\""));
    assert_eq!(
        checked.http.last_modified.as_deref(),
        Some("Wed, 29 Jun 2016 12:40:26 GMT")
    );
    assert_eq!(&*checked.der, &der[..]);
    let request = server.request();
    assert!(request.head.starts_with("GET /M"), "{}", request.head);
    assert!(checked.http.url.starts_with(&server.url));
    // Served from the cache: the server answers one connection only.
    cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap();
}

#[test]
fn long_url_is_posted_with_the_request_content_type() {
    let pki = pki();
    let server = Server::start(vec![ocsp(&good(&pki))]);
    let url = format!("{}/{}", server.url, "p".repeat(240));
    let client = Client::with_algorithms(transport(), ocsp_verify::algorithms::ALL)
        .with_clock(clock())
        .with_config(config(&url));
    let checked: CheckedResponse = client.check(&pki.leaf, &pki.ca.cert).unwrap();
    assert_eq!(checked.http.method, Method::Post);
    let request = server.request();
    assert!(request.head.starts_with("POST /ppp"), "{}", request.head);
    assert!(request
        .head
        .to_ascii_lowercase()
        .contains("content-type: application/ocsp-request"));
    let parsed = OcspRequestRef::parse(&request.body).unwrap();
    let nonce = parsed.tbs_request().extensions().nonce().unwrap();
    assert_eq!(nonce.len(), ocsp_http::DEFAULT_NONCE_LEN);
}

#[test]
fn wrong_content_type() {
    let pki = pki();
    let der = good(&pki);
    let len = der.len().to_string();
    let answer = http(
        "200 OK",
        &[("Content-Type", "text/html"), ("Content-Length", &len)],
        &der,
    );
    let err = fails_with(&pki, answer, |_| {});
    assert!(
        matches!(&err, Error::ContentType { content_type: Some(t) } if t == "text/html"),
        "{err:?}"
    );
    let err = fails_with(&pki, http("200 OK", &[], &der), |_| {});
    assert!(
        matches!(err, Error::ContentType { content_type: None }),
        "{err:?}"
    );
}

#[test]
fn http_error_statuses() {
    let pki = pki();
    for (line, code) in [("404 Not Found", 404), ("500 Internal Server Error", 500)] {
        let answer = http(line, &[("Content-Type", "text/plain")], b"nope");
        let err = fails_with(&pki, answer, |_| {});
        assert!(
            matches!(err, Error::HttpStatus { status } if status == code),
            "{err:?}"
        );
    }
}

#[test]
fn body_over_the_size_limit() {
    let pki = pki();
    let big = vec![0x30; 5000];
    // Declared by Content-Length.
    let err = fails_with(&pki, ocsp(&big), |_| {});
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 4096 }),
        "{err:?}"
    );
    // Undeclared (read until close): the limit holds while reading.
    let answer = http(
        "200 OK",
        &[("Content-Type", "application/ocsp-response")],
        &big,
    );
    let err = fails_with(&pki, answer, |_| {});
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 4096 }),
        "{err:?}"
    );
}

#[test]
fn truncated_body() {
    let pki = pki();
    let der = good(&pki);
    let answer = http(
        "200 OK",
        &[
            ("Content-Type", "application/ocsp-response"),
            ("Content-Length", "1000"),
        ],
        &der[..100],
    );
    let err = fails_with(&pki, answer, |_| {});
    assert!(matches!(err, Error::TruncatedBody), "{err:?}");
}

#[test]
fn response_that_never_comes() {
    let pki = pki();
    let started = Instant::now();
    let err = fails_with(&pki, Answer::Hang, |c| {
        c.timeout = Duration::from_millis(300);
    });
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn tampered_response() {
    let pki = pki();
    let err = fails_with(&pki, ocsp(&tampered(&good(&pki))), |_| {});
    assert!(
        matches!(err, Error::Verify(ocsp_verify::Error::InvalidSignature)),
        "{err:?}"
    );
}

#[test]
fn replayed_response_with_another_nonce() {
    let pki = pki();
    let err = fails_with(&pki, ocsp(&with_foreign_nonce(&pki)), |_| {});
    assert!(
        matches!(err, Error::Verify(ocsp_verify::Error::NonceMismatch)),
        "{err:?}"
    );
}

#[test]
fn redirects_are_bounded() {
    let pki = pki();
    // Four redirects to itself; the transport follows three.
    let listener_answers = (0..4)
        .map(|_| {
            http(
                "302 Found",
                &[("Location", "/again"), ("Content-Length", "0")],
                b"",
            )
        })
        .collect();
    let server = Server::start(listener_answers);
    let cache = cache(config(&server.url));
    let err = cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap_err();
    assert!(matches!(err, Error::TooManyRedirects), "{err:?}");
    assert_eq!(cache.stats().entries, 0);
}

#[test]
fn refused_connection_and_https_are_transport_errors() {
    let pki = pki();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cache = cache(config(&format!("http://127.0.0.1:{port}")));
    let err = cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(ocsp_http::TransportError::Connect(_))),
        "{err:?}"
    );
    let soft = cache
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Soft)
        .unwrap();
    assert!(!soft.is_good());
    let https = self::cache(config("https://127.0.0.1:1"));
    let err = https
        .lookup(&pki.leaf, &pki.ca.cert, FailureMode::Hard)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(ocsp_http::TransportError::UnsupportedUrl { .. })
        ),
        "{err:?}"
    );
}
