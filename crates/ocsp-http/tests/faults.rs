//! The ureq transport against a small local HTTP server serving canned
//! answers: each fault gives its own error, and nothing is cached.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::server::{body_faults, http, ocsp, Answer, Fault, Server};
use common::{
    clock, good, pki, tampered, ureq_cache, ureq_transport, with_foreign_nonce, LeafLookup,
};
use ocsp_http::{
    Cache, CheckedResponse, Client, ClientConfig, Error, FailureMode, ManualClock, Method, Outcome,
    TransportError, UreqTransport, UrlRefusal,
};
use ocsp_testkit::Pki;
use ocsp_types::OcspRequestRef;

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
    ureq_cache(config, &clock())
}

/// Looks up the testkit leaf through `answer`; returns the error and checks
/// that nothing was cached.
fn fails_with(pki: &Pki, answer: Answer, adjust: impl FnOnce(&mut ClientConfig)) -> Error {
    let server = Server::start(vec![answer]);
    let mut config = config(&server.url);
    adjust(&mut config);
    let cache = cache(config);
    let err = cache.leaf(pki, FailureMode::Hard).unwrap_err();
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
    let outcome = cache.leaf(&pki, FailureMode::Hard).unwrap();
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
    cache.leaf(&pki, FailureMode::Hard).unwrap();
}

#[test]
fn long_url_is_posted_with_the_request_content_type() {
    let pki = pki();
    let server = Server::start(vec![ocsp(&good(&pki))]);
    let url = format!("{}/{}", server.url, "p".repeat(240));
    let client = Client::with_algorithms(ureq_transport(), ocsp_verify::algorithms::ALL)
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
    assert_eq!(nonce.len(), ocsp_http::DEFAULT_CLIENT_NONCE_LEN);
}

/// Each fault gives its own error, and nothing is cached.
#[test]
fn each_fault_is_its_own_error() {
    let pki = pki();
    let der = good(&pki);
    let len = der.len().to_string();
    let mut faults = body_faults(&der);
    faults.extend([
        Fault {
            name: "wrong content type",
            answer: http(
                "200 OK",
                &[("Content-Type", "text/html"), ("Content-Length", &len)],
                &der,
            ),
            expect: |e| {
                matches!(e, Error::ContentType { content_type: Some(t) } if t == "text/html")
            },
        },
        Fault {
            name: "no content type",
            answer: http("200 OK", &[], &der),
            expect: |e| matches!(e, Error::ContentType { content_type: None }),
        },
        Fault {
            name: "404",
            answer: http("404 Not Found", &[("Content-Type", "text/plain")], b"nope"),
            expect: |e| matches!(e, Error::HttpStatus { status: 404 }),
        },
        Fault {
            name: "500",
            answer: http(
                "500 Internal Server Error",
                &[("Content-Type", "text/plain")],
                b"nope",
            ),
            expect: |e| matches!(e, Error::HttpStatus { status: 500 }),
        },
        Fault {
            name: "tampered response",
            answer: ocsp(&tampered(&der)),
            expect: |e| matches!(e, Error::Verify(ocsp_verify::Error::InvalidSignature)),
        },
        Fault {
            name: "replayed response with another nonce",
            answer: ocsp(&with_foreign_nonce(&pki)),
            expect: |e| matches!(e, Error::Verify(ocsp_verify::Error::NonceMismatch)),
        },
    ]);
    for fault in faults {
        let err = fails_with(&pki, fault.answer, |_| {});
        assert!((fault.expect)(&err), "{}: {err:?}", fault.name);
    }
}

#[test]
fn response_that_never_comes() {
    let pki = pki();
    let started = Instant::now();
    let err = fails_with(&pki, Answer::Hang, |c| {
        c.timeout = Duration::from_millis(300);
    });
    assert!(
        matches!(err, Error::Transport(TransportError::Timeout)),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn redirects_are_refused_not_followed() {
    let pki = pki();
    for (line, status) in [
        ("301 Moved Permanently", 301),
        ("302 Found", 302),
        ("307 Temporary Redirect", 307),
    ] {
        // The Location names another host with credentials: it is reported
        // without them, and never connected to.
        let answer = http(
            line,
            &[
                ("Location", "http://user:secret@127.0.0.1:1/elsewhere"),
                ("Content-Length", "0"),
            ],
            b"",
        );
        let err = fails_with(&pki, answer, |_| {});
        assert!(
            matches!(
                &err,
                Error::Redirect { status: s, location: Some(l) }
                    if *s == status && l == "http://127.0.0.1:1/elsewhere"
            ),
            "{err:?}"
        );
        assert!(!err.to_string().contains("secret"));
        assert_eq!(err.kind(), "Redirect");
    }
    // A POST (the URL too long for GET) is not turned into a GET either:
    // one request, the redirect refused.
    let server = Server::start(vec![http(
        "303 See Other",
        &[("Location", "/again"), ("Content-Length", "0")],
        b"",
    )]);
    let url = format!("{}/{}", server.url, "p".repeat(240));
    let err = cache(config(&url))
        .leaf(&pki, FailureMode::Hard)
        .unwrap_err();
    assert!(
        matches!(&err, Error::Redirect { status: 303, location: Some(l) } if l == "/again"),
        "{err:?}"
    );
    assert!(server.request().head.starts_with("POST /ppp"));
    assert!(server.received().is_empty(), "exactly one request");
}

#[test]
fn a_url_with_a_query_is_posted_to_as_it_is() {
    let pki = pki();
    let server = Server::start(vec![ocsp(&good(&pki))]);
    let url = format!("{}/ocsp?x=1", server.url);
    let client = Client::with_algorithms(ureq_transport(), ocsp_verify::algorithms::ALL)
        .with_clock(clock())
        .with_config(config(&url));
    let checked = client.check(&pki.leaf, &pki.ca.cert).unwrap();
    assert_eq!(checked.http.method, Method::Post);
    assert_eq!(checked.http.url, url);
    let request = server.request();
    assert!(
        request.head.starts_with("POST /ocsp?x=1 HTTP/1.1\r\n"),
        "{}",
        request.head
    );
    assert!(OcspRequestRef::parse(&request.body).is_ok());
}

#[test]
fn urls_with_a_fragment_or_credentials_are_refused_before_sending() {
    let pki = pki();
    // Nothing listens on port 1: a connection attempt would be a
    // `Connect` error, not these.
    for (url, refusal, reported) in [
        (
            "http://127.0.0.1:1/ocsp#frag",
            UrlRefusal::Fragment,
            "http://127.0.0.1:1/ocsp#frag",
        ),
        (
            "http://user:secret@127.0.0.1:1/ocsp",
            UrlRefusal::Userinfo,
            "http://127.0.0.1:1/ocsp",
        ),
    ] {
        let cache = cache(config(url));
        let err = cache.leaf(&pki, FailureMode::Hard).unwrap_err();
        assert!(
            matches!(
                &err,
                Error::InvalidResponderUrl { url, refusal: r } if url == reported && *r == refusal
            ),
            "{err:?}"
        );
        assert!(!format!("{err} {err:?}").contains("secret"));
    }
    // The transport alone refuses userinfo too, and does not echo it.
    let headers = [];
    let request = ocsp_http::HttpRequest::new(
        Method::Get,
        "http://user:secret@127.0.0.1:1/",
        &headers,
        b"",
        10,
        Duration::from_secs(1),
    );
    let err = ocsp_http::HttpTransport::send(&ureq_transport(), &request).unwrap_err();
    assert!(
        matches!(&err, TransportError::UnsupportedUrl { url } if url == "http://127.0.0.1:1/"),
        "{err:?}"
    );
}

#[test]
fn a_name_that_does_not_resolve_is_a_connect_error() {
    // `.invalid` never resolves (RFC 6761 6.4): the resolver refuses it at
    // once, without the network.
    let pki = pki();
    let err = cache(config("http://ocsp.invalid/"))
        .leaf(&pki, FailureMode::Hard)
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(TransportError::Connect(_))),
        "{err:?}"
    );
    assert_eq!(err.kind(), "Connect");
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
    let err = cache.leaf(&pki, FailureMode::Hard).unwrap_err();
    assert!(
        matches!(err, Error::Transport(ocsp_http::TransportError::Connect(_))),
        "{err:?}"
    );
    let soft = cache.leaf(&pki, FailureMode::Soft).unwrap();
    assert!(!soft.is_good());
    let https = self::cache(config("https://127.0.0.1:1"));
    let err = https.leaf(&pki, FailureMode::Hard).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(ocsp_http::TransportError::UnsupportedUrl { .. })
        ),
        "{err:?}"
    );
}
