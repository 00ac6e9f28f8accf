//! The `log` feature: staples accepted and refused (with the reason) by
//! `OcspVerifier`, and set, refused, expired and loaded from the store by
//! `StaplingResolver`, under the target `ocsp_rustls`.
#![cfg(feature = "log")]
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

fn logged(records: &[(log::Level, String)], level: log::Level, text: &str) -> bool {
    records.iter().any(|(l, m)| *l == level && m.contains(text))
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

    // Client side: accepted, and refused with the reason.
    let chain: [&[u8]; 2] = [&leaf, &pki.intermediate.cert];
    handshake(
        &chain,
        Some(good.clone()),
        verifier(&pki, StaplePolicy::default()),
        TLS13,
    )
    .unwrap();
    let records = take();
    assert!(
        logged(&records, log::Level::Debug, "staple accepted: good"),
        "{records:?}"
    );

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
    handshake(
        &chain,
        Some(revoked),
        verifier(&pki, StaplePolicy::default()),
        TLS13,
    )
    .unwrap_err();
    let records = take();
    assert!(
        logged(
            &records,
            log::Level::Warn,
            "staple refused: the certificate is revoked"
        ),
        "{records:?}"
    );

    let mut corrupt = pki.response(&pki.intermediate, &serial, CertStatus::Good);
    corrupt.corrupt_signature = true;
    let corrupt = corrupt.sign(&pki.intermediate.key);
    handshake(
        &chain,
        Some(corrupt.clone()),
        verifier(&pki, StaplePolicy::default()),
        TLS13,
    )
    .unwrap_err();
    let records = take();
    assert!(
        logged(&records, log::Level::Warn, "staple refused: "),
        "{records:?}"
    );

    // Server side: refused with the reason, set, loaded from the store.
    let provider = provider();
    let key = CertifiedKey::new(
        vec![CertificateDer::from(leaf.clone())],
        common::leaf_key(&provider),
    );
    let inner = Arc::new(StaplingCertResolver::new(key, || None));
    let dir = std::env::temp_dir().join(format!("ocsp-rustls-log-test-{}", std::process::id()));
    let store = StapleStore::new(&dir).unwrap();
    let resolver = StaplingResolver::new(inner, &provider).with_store(store);
    let fingerprint = fingerprint_hex(&leaf);

    assert!(resolver
        .load_stored(&leaf, &pki.intermediate.cert)
        .unwrap()
        .is_none());
    let records = take();
    assert!(
        logged(
            &records,
            log::Level::Debug,
            &format!("no stored staple for certificate {fingerprint}")
        ),
        "{records:?}"
    );

    resolver
        .set_staple(&leaf, &pki.intermediate.cert, &corrupt)
        .unwrap_err();
    let records = take();
    assert!(
        logged(
            &records,
            log::Level::Warn,
            &format!("staple for certificate {fingerprint} refused")
        ),
        "{records:?}"
    );

    resolver
        .set_staple(&leaf, &pki.intermediate.cert, &good)
        .unwrap();
    let records = take();
    assert!(
        logged(
            &records,
            log::Level::Info,
            &format!("staple set for certificate {fingerprint}")
        ),
        "{records:?}"
    );

    resolver
        .load_stored(&leaf, &pki.intermediate.cert)
        .unwrap()
        .unwrap();
    let records = take();
    assert!(
        logged(
            &records,
            log::Level::Info,
            &format!("stored staple for certificate {fingerprint} verified and set")
        ),
        "{records:?}"
    );

    std::fs::remove_dir_all(&dir).unwrap();
}
