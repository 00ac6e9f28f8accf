//! Against a real responder: `openssl ocsp` on loopback, with a PKI made by
//! the openssl CLI. Skipped (loudly) without openssl.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::openssl::{OpensslPki, Responder, Signer, REVOKED_AT};
use common::server::{ocsp, Server};
use common::ureq_transport;
use ocsp_http::{
    Cache, CheckedResponse, Client, ClientConfig, CrlReason, Error, FailureMode, HashAlgorithm,
    Method, ResponderKind, Status, UreqTransport,
};

fn client(config: ClientConfig) -> Client<UreqTransport> {
    Client::with_algorithms(ureq_transport(), ocsp_verify::algorithms::ALL).with_config(config)
}

fn check(pki: &OpensslPki, cert: &[u8], config: ClientConfig) -> Result<CheckedResponse, Error> {
    client(config).check(cert, &pki.ca)
}

#[test]
fn good_revoked_unknown_from_a_delegated_responder_over_get() {
    let Some((pki, mut responder)) = Responder::for_test(
        "good_revoked_unknown_from_a_delegated_responder_over_get",
        "delegated",
        Signer::Delegated,
    ) else {
        return;
    };

    // Good, responder URL from the certificate's AIA, GET, nonce echoed.
    let good = check(&pki, &pki.good, ClientConfig::default()).unwrap();
    assert_eq!(good.status, Status::Good);
    assert_eq!(good.http.method, Method::Get);
    assert!(good.http.url.starts_with(&format!("{}/M", pki.url())));
    assert!(good.nonce_echoed);
    assert!(matches!(good.responder, ResponderKind::Delegated { .. }));
    let next = good.next_update.unwrap().unix_timestamp();
    assert_eq!(next - good.this_update.unix_timestamp(), 300, "-nmin 5");
    assert_eq!(good.valid_until.as_secs(), u64::try_from(next).unwrap());
    assert!(responder.wait_for("1st line: GET /M").is_some());

    // Revoked, with its reason and time.
    let revoked = check(&pki, &pki.revoked, ClientConfig::default()).unwrap();
    match revoked.status {
        Status::Revoked { time, reason } => {
            assert_eq!(time.unix_timestamp(), REVOKED_AT);
            assert_eq!(reason, Some(CrlReason::KeyCompromise));
        }
        other => panic!("expected revoked, got {other:?}"),
    }
    assert!(revoked.nonce_echoed);

    // A serial not in the index.
    let unknown = check(&pki, &pki.unknown, ClientConfig::default()).unwrap();
    assert_eq!(unknown.status, Status::Unknown);

    // SHA-256 CertID.
    let config = ClientConfig {
        hash: HashAlgorithm::Sha256,
        ..ClientConfig::default()
    };
    let sha256 = check(&pki, &pki.good, config).unwrap();
    assert_eq!(sha256.status, Status::Good);
    assert_eq!(sha256.cert_id.issuer_name_hash.len(), 32);
}

#[test]
fn post_for_a_long_url_and_issuer_signed() {
    let Some((pki, mut responder)) = Responder::for_test(
        "post_for_a_long_url_and_issuer_signed",
        "issuer",
        Signer::Issuer,
    ) else {
        return;
    };
    // A responder URL whose GET form exceeds 255 bytes forces POST.
    let config = ClientConfig {
        responder_url: Some(format!("{}/{}", pki.url(), "x".repeat(240))),
        ..ClientConfig::default()
    };
    let good = check(&pki, &pki.good, config.clone()).unwrap();
    assert_eq!(good.status, Status::Good);
    assert_eq!(good.http.method, Method::Post);
    assert_eq!(good.responder, ResponderKind::Issuer);
    assert!(good.nonce_echoed);
    assert!(responder.wait_for("1st line: POST /xxx").is_some());

    let revoked = check(&pki, &pki.revoked, config).unwrap();
    assert!(matches!(revoked.status, Status::Revoked { .. }));

    // Without a nonce, the responder sends none.
    let config = ClientConfig {
        nonce_len: None,
        ..ClientConfig::default()
    };
    let plain = check(&pki, &pki.good, config).unwrap();
    assert!(!plain.nonce_echoed);
    assert_eq!(plain.http.method, Method::Get);
}

#[test]
fn real_response_replayed_or_tampered_is_refused() {
    let Some((pki, responder)) = Responder::for_test(
        "real_response_replayed_or_tampered_is_refused",
        "replay",
        Signer::Delegated,
    ) else {
        return;
    };
    let good = check(&pki, &pki.good, ClientConfig::default()).unwrap();
    assert!(good.nonce_echoed);
    drop(responder);

    // The same response, replayed to a new request (new nonce).
    let server = Server::start(vec![ocsp(&good.der)]);
    let config = ClientConfig {
        responder_url: Some(server.url.clone()),
        ..ClientConfig::default()
    };
    let cache = Cache::new(client(config.clone()));
    let err = cache
        .lookup(&pki.good, &pki.ca, FailureMode::Hard)
        .unwrap_err();
    assert!(
        matches!(err, Error::Verify(ocsp_verify::Error::NonceMismatch)),
        "{err:?}"
    );
    assert_eq!(cache.stats().entries, 0);

    // One byte of the response signature flipped (the embedded responder
    // certificate comes after it).
    let parsed = ocsp_types::OcspResponseRef::parse(&good.der).unwrap();
    let signature = parsed.basic().unwrap().signature();
    let offset = signature.as_ptr() as usize - good.der.as_ptr() as usize;
    let mut tampered = good.der.to_vec();
    tampered[offset + signature.len() - 1] ^= 0x01;
    let server = Server::start(vec![ocsp(&tampered)]);
    let config = ClientConfig {
        responder_url: Some(server.url.clone()),
        nonce_len: None,
        ..ClientConfig::default()
    };
    let err = check(&pki, &pki.good, config).unwrap_err();
    assert!(
        matches!(err, Error::Verify(ocsp_verify::Error::InvalidSignature)),
        "{err:?}"
    );
}

#[test]
fn cache_and_stapler_against_the_responder() {
    let Some((pki, _responder)) = Responder::for_test(
        "cache_and_stapler_against_the_responder",
        "stapler",
        Signer::Delegated,
    ) else {
        return;
    };
    let cache = std::sync::Arc::new(Cache::new(client(ClientConfig::default())));
    let first = cache.lookup(&pki.good, &pki.ca, FailureMode::Hard).unwrap();
    assert!(first.is_good());
    let stapler = ocsp_http::Stapler::new(
        std::sync::Arc::clone(&cache),
        pki.good.clone(),
        pki.ca.clone(),
    );
    assert!(stapler.current_staple().is_none());
    let now = ocsp_http::Clock::now(&ocsp_http::SystemClock);
    let refreshed = stapler.refresh_if_due(now).unwrap();
    assert!(matches!(refreshed, ocsp_http::Refresh::Refreshed(_)));
    let staple = stapler.current_staple().unwrap();
    assert!(ocsp_types::OcspResponseRef::parse(&staple).is_ok());
    assert_eq!(
        stapler.refresh_if_due(now).unwrap(),
        ocsp_http::Refresh::NotDue
    );
}
