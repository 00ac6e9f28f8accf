//! The `log` feature: staples accepted and refused (with the reason) by
//! `OcspVerifier`, and set, refused, expired and loaded from the store by
//! `StaplingResolver`, under the target `ocsp_rustls`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::{Arc, Mutex};

use common::{handshake, pki, provider, verifier, TLS13};
use ocsp_rustls::{
    fingerprint_hex, StaplePolicy, StapleStore, StaplingCertResolver, StaplingResolver,
};
use ocsp_testkit::support::TempDir;
use ocsp_types::{CertStatus, CrlReason, RevokedInfo, Time};
use rustls::pki_types::CertificateDer;
use rustls::sign::CertifiedKey;

/// Keeps every record of the target `ocsp_rustls`.
struct Capture(Mutex<Vec<(log::Level, String)>>);

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target() == "ocsp_rustls"
    }
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            self.0
                .lock()
                .unwrap()
                .push((record.level(), record.args().to_string()));
        }
    }
    fn flush(&self) {}
}

static CAPTURE: Capture = Capture(Mutex::new(Vec::new()));

/// The records logged so far, emptied.
fn take() -> Vec<(log::Level, String)> {
    std::mem::take(&mut *CAPTURE.0.lock().unwrap())
}

/// Asserts that a record at `level` containing `text` was logged since
/// the last look.
fn expect_logged(level: log::Level, text: &str) {
    let records = take();
    assert!(
        records.iter().any(|(l, m)| *l == level && m.contains(text)),
        "no {level} record with {text:?} in {records:?}"
    );
}

/// One test: the logger is global to the process.
#[test]
fn outcomes_are_logged_with_their_reasons() {
    log::set_logger(&CAPTURE).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let pki = pki();
    let serial = [0x71];
    let leaf = pki.issue_leaf(&pki.leaf_spec(&serial, false), &pki.intermediate);
    let good = pki
        .response(&pki.intermediate, &serial, CertStatus::Good)
        .sign(&pki.intermediate.key);
    let revoked = pki
        .response(
            &pki.intermediate,
            &serial,
            CertStatus::Revoked(RevokedInfo {
                revocation_time: Time::from_unix(pki.now - 100).unwrap(),
                revocation_reason: Some(CrlReason::KeyCompromise),
            }),
        )
        .sign(&pki.intermediate.key);
    let mut corrupt = pki.response(&pki.intermediate, &serial, CertStatus::Good);
    corrupt.corrupt_signature = true;
    let corrupt = corrupt.sign(&pki.intermediate.key);

    // Client side: accepted, and refused with the reason.
    let chain: [&[u8]; 2] = [&leaf, &pki.intermediate.cert];
    let client_cases = [
        (&good, true, log::Level::Debug, "staple accepted: good"),
        (
            &revoked,
            false,
            log::Level::Warn,
            "staple refused: the certificate is revoked",
        ),
        (&corrupt, false, log::Level::Warn, "staple refused: "),
    ];
    for (staple, accepted, level, text) in client_cases {
        let result = handshake(
            &chain,
            Some(staple.clone()),
            verifier(&pki, StaplePolicy::default()),
            TLS13,
        );
        assert_eq!(result.is_ok(), accepted, "{text}: {result:?}");
        expect_logged(level, text);
    }

    // Server side: refused with the reason, set, loaded from the store.
    let provider = provider();
    let key = CertifiedKey::new(
        vec![CertificateDer::from(leaf.clone())],
        common::leaf_key(&provider),
    );
    let inner = Arc::new(StaplingCertResolver::new(key, || None));
    let dir = TempDir::new("ocsp-rustls-log-test");
    let store = StapleStore::new(dir.path()).unwrap();
    let resolver = StaplingResolver::new(inner, &provider).with_store(store);
    let fingerprint = fingerprint_hex(&leaf);
    let issuer = &pki.intermediate.cert;

    assert!(resolver.load_stored(&leaf, issuer).unwrap().is_none());
    expect_logged(
        log::Level::Debug,
        &format!("no stored staple for certificate {fingerprint}"),
    );
    resolver.set_staple(&leaf, issuer, &corrupt).unwrap_err();
    expect_logged(
        log::Level::Warn,
        &format!("staple for certificate {fingerprint} refused"),
    );
    resolver.set_staple(&leaf, issuer, &good).unwrap();
    expect_logged(
        log::Level::Info,
        &format!("staple set for certificate {fingerprint}"),
    );
    resolver.load_stored(&leaf, issuer).unwrap().unwrap();
    expect_logged(
        log::Level::Info,
        &format!("stored staple for certificate {fingerprint} verified and set"),
    );
}
