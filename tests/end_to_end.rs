//! Across the crates, in memory: a request built by `ocsp-request`,
//! carried by `ocsp-http`'s [`HttpTransport`] to `ocsp-responder`'s
//! [`Responder`] (its `ResponseBuilder` signing with the testkit CA's key),
//! and the answer verified by `ocsp-verify` — directly, and inside
//! `ocsp_http::Client`. Good and revoked answers, the nonce echoed, the GET
//! and POST forms.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ocsp_http::{
    Client, ClientConfig, HttpRequest, HttpResponse, HttpTransport, ManualClock, Method,
    TransportError,
};
use ocsp_request::{
    encode_get_url, HashAlgorithm, Nonce, PreparedIssuer, RequestBuilder, RustCryptoSigner,
};
use ocsp_responder::server::{Responder, ServerConfig};
use ocsp_responder::{CertificateStatus, MemorySource, ResponseBuilder};
use ocsp_testkit::{at, Flavor, Pki, DAY, HOUR};
use ocsp_types::{CrlReason, Time};
use ocsp_verify::{algorithms, Issuer, Status, Subject, UnixTime, Verifier};

/// The responder's base URL: short enough for the GET form.
const BASE: &str = "http://ocsp.test";
/// A URL with a query: the client POSTs to it.
const POST_URL: &str = "http://ocsp.test/ocsp?form=post";

/// One exchange as the transport saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    method: Method,
    url: String,
    body_len: usize,
}

/// An [`HttpTransport`] that hands the request's bytes to a [`Responder`]
/// in this process and records what it carried.
struct InMemory {
    responder: Responder<RustCryptoSigner, MemorySource>,
    seen: Mutex<Vec<Seen>>,
}

impl HttpTransport for InMemory {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        self.seen.lock().unwrap().push(Seen {
            method: request.method,
            url: request.url.to_owned(),
            body_len: request.body.len(),
        });
        let path = request
            .url
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("not the responder's URL: {}", request.url));
        let method = match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
        };
        let content_type = request
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| *value);
        let answer = self
            .responder
            .answer(method, path, content_type, request.body);
        let headers = answer
            .headers
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        Ok(HttpResponse::new(answer.status, headers, answer.body))
    }
}

impl InMemory {
    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// The testkit's P-256 PKI, and a responder for its CA knowing the leaf as
/// `status`, signing with the CA's key on the testkit's clock.
fn setup(status: CertificateStatus) -> (Pki, Arc<InMemory>) {
    let pki = Pki::new(Flavor::P256);
    let key =
        RustCryptoSigner::from_pkcs8_der(include_bytes!("../crates/ocsp-testkit/keys/ca-p256.pk8"))
            .unwrap();
    let builder = ResponseBuilder::from_certificates_der(&pki.ca.cert, &pki.ca.cert, key)
        .unwrap()
        .validity_seconds(Some(HOUR as u32));
    let mut source = MemorySource::new();
    source.insert(0, Pki::LEAF_SERIAL, status);
    let now = pki.now;
    let responder = Responder::new(builder, source, ServerConfig::default())
        .with_clock(Arc::new(move || Time::from_unix(now)));
    let transport = Arc::new(InMemory {
        responder,
        seen: Mutex::new(Vec::new()),
    });
    (pki, transport)
}

/// Revoked a day before the testkit's time, for key compromise: what the
/// responder records.
fn revoked() -> CertificateStatus {
    CertificateStatus::Revoked {
        time: at(-DAY),
        reason: Some(CrlReason::KeyCompromise),
    }
}

/// What the verifier must report for [`revoked`].
fn verified_revoked() -> Status {
    Status::Revoked {
        time: at(-DAY),
        reason: Some(CrlReason::KeyCompromise),
    }
}

fn unix(pki: &Pki) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(pki.now).unwrap()))
}

/// A DER request for the leaf, with `nonce` when given.
fn request(pki: &Pki, nonce: Option<&[u8]>) -> Vec<u8> {
    let id = PreparedIssuer::from_certificate(&pki.ca.cert)
        .unwrap()
        .cert_id(Pki::LEAF_SERIAL, HashAlgorithm::Sha1)
        .unwrap();
    let mut builder = RequestBuilder::new();
    builder.cert_id(id);
    if let Some(nonce) = nonce {
        builder.nonce(Nonce::new(nonce).unwrap());
    }
    builder.build().unwrap().to_der().unwrap()
}

/// Carries `der` in `method`'s form over `transport`; returns the answer.
fn exchange(transport: &InMemory, method: Method, der: &[u8]) -> HttpResponse {
    let url = match method {
        Method::Get => encode_get_url(BASE, der),
        Method::Post => format!("{BASE}/"),
    };
    let headers: &[(&str, &str)] = match method {
        Method::Get => &[("Accept", "application/ocsp-response")],
        Method::Post => &[("Content-Type", "application/ocsp-request")],
    };
    let body: &[u8] = match method {
        Method::Get => &[],
        Method::Post => der,
    };
    let request = HttpRequest::new(
        method,
        &url,
        headers,
        body,
        64 * 1024,
        Duration::from_secs(5),
    );
    let response = transport.send(&request).unwrap();
    assert_eq!(response.status, 200, "{method:?}");
    response
}

/// A client on `transport` at the testkit's time, asking `url`.
fn client(pki: &Pki, transport: &Arc<InMemory>, url: &str) -> Client<Arc<InMemory>, ManualClock> {
    let config = ClientConfig {
        responder_url: Some(url.to_owned()),
        ..ClientConfig::default()
    };
    Client::with_algorithms(Arc::clone(transport), algorithms::ALL)
        .with_clock(ManualClock::new(u64::try_from(pki.now).unwrap()))
        .with_config(config)
}

// ------------------------------------------------------------ the pieces by hand

#[test]
fn good_answer_in_both_forms_verifies_with_the_nonce_echoed() {
    let (pki, transport) = setup(CertificateStatus::Good);
    let verifier = Verifier::new(algorithms::ALL);
    for (method, nonce) in [(Method::Get, [0x11; 16]), (Method::Post, [0x22; 16])] {
        let der = request(&pki, Some(&nonce));
        let response = exchange(&transport, method, &der);
        let verdict = verifier
            .verify(
                &response.body,
                Subject::Certificate(&pki.leaf),
                Issuer::Certificate(&pki.ca.cert),
                unix(&pki),
                Some(&nonce),
            )
            .unwrap();
        assert_eq!(verdict.status, Status::Good, "{method:?}");
        assert_eq!(
            verdict.response_extensions.nonce(),
            Some(&nonce[..]),
            "{method:?}: the responder echoes the nonce"
        );
    }
    let seen = transport.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].method, Method::Get);
    assert_eq!(seen[0].body_len, 0, "GET carries the request in the URL");
    assert!(seen[0].url.starts_with(&format!("{BASE}/")));
    assert_eq!(seen[1].method, Method::Post);
    assert!(seen[1].body_len > 0, "POST carries the request as the body");
}

#[test]
fn an_echoed_nonce_is_bound_to_its_request() {
    let (pki, transport) = setup(CertificateStatus::Good);
    let der = request(&pki, Some(&[0x33; 16]));
    let response = exchange(&transport, Method::Post, &der);
    // Verified against another request's nonce: refused.
    let result = Verifier::new(algorithms::ALL).verify(
        &response.body,
        Subject::Certificate(&pki.leaf),
        Issuer::Certificate(&pki.ca.cert),
        unix(&pki),
        Some(&[0x44; 16]),
    );
    assert!(
        matches!(result, Err(ocsp_verify::Error::NonceMismatch)),
        "{result:?}"
    );
}

#[test]
fn revoked_answer_verifies_with_its_time_and_reason() {
    let (pki, transport) = setup(revoked());
    for method in [Method::Get, Method::Post] {
        let response = exchange(&transport, method, &request(&pki, None));
        let verdict = Verifier::new(algorithms::ALL)
            .verify(
                &response.body,
                Subject::Certificate(&pki.leaf),
                Issuer::Certificate(&pki.ca.cert),
                unix(&pki),
                None,
            )
            .unwrap();
        assert_eq!(verdict.status, verified_revoked(), "{method:?}");
    }
}

#[test]
fn without_a_nonce_get_and_post_get_the_same_presigned_answer() {
    let (pki, transport) = setup(CertificateStatus::Good);
    let der = request(&pki, None);
    let get = exchange(&transport, Method::Get, &der);
    let post = exchange(&transport, Method::Post, &der);
    assert_eq!(get.body, post.body);
}

// ------------------------------------------------------------ through ocsp_http::Client

#[test]
fn client_checks_good_over_get_with_its_nonce_echoed() {
    let (pki, transport) = setup(CertificateStatus::Good);
    let checked = client(&pki, &transport, BASE)
        .check(&pki.leaf, &pki.ca.cert)
        .unwrap();
    assert_eq!(checked.status, Status::Good);
    assert!(checked.nonce_echoed);
    assert_eq!(checked.http.method, Method::Get);
    let seen = transport.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, Method::Get);
    assert_eq!(seen[0].body_len, 0);
}

#[test]
fn client_checks_revoked_over_post_to_a_url_with_a_query() {
    let (pki, transport) = setup(revoked());
    let checked = client(&pki, &transport, POST_URL)
        .check(&pki.leaf, &pki.ca.cert)
        .unwrap();
    assert_eq!(checked.status, verified_revoked());
    assert!(checked.nonce_echoed);
    assert_eq!(checked.http.method, Method::Post);
    let seen = transport.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, Method::Post);
    assert_eq!(seen[0].url, POST_URL);
    assert!(seen[0].body_len > 0);
}
