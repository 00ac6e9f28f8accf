//! `StaplingResolver` and `StapleStore`: many certificates behind one inner
//! resolver, each stapled with its own verified response, only while it is
//! valid by the (injected) clock, and back from the store after a restart.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::{handshake_with, leaf_key, pki, provider, staple_error, verifier, TLS12, TLS13};
use ocsp_rustls::{
    fingerprint_hex, Action, OcspVerifier, StapleError, StaplePolicy, StapleStore, StaplingResolver,
};
use ocsp_testkit::support::TempDir;
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::{cert, CertSpec, Entity, Key, KeyName, DAY, HOUR};
use ocsp_types::CertStatus;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::time_provider::TimeProvider;

const SERIALS: [&[u8]; 2] = [&[0x11, 0x01], &[0x11, 0x02]];

/// A clock the test sets; `None` is "no time".
#[derive(Debug)]
struct ManualClock(Mutex<Option<i64>>);

impl ManualClock {
    fn at(now: i64) -> Arc<Self> {
        Arc::new(ManualClock(Mutex::new(Some(now))))
    }
    fn set(&self, now: Option<i64>) {
        *self.0.lock().unwrap() = now;
    }
}

impl TimeProvider for ManualClock {
    fn current_time(&self) -> Option<UnixTime> {
        let now = (*self.0.lock().unwrap())?;
        Some(UnixTime::since_unix_epoch(std::time::Duration::from_secs(
            u64::try_from(now).ok()?,
        )))
    }
}

/// An inner resolver serving its keys in turn (as SNI would pick among
/// them), counting the handshakes.
#[derive(Debug)]
struct RoundRobin {
    keys: Vec<Arc<CertifiedKey>>,
    next: AtomicUsize,
}

impl ResolvesServerCert for RoundRobin {
    fn resolve(&self, _client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        self.keys.get(n % self.keys.len()).cloned()
    }
}

/// Two server certificates by the intermediate, their chains, and the inner
/// resolver over them. `inner_staple` is put in each inner key's own `ocsp`.
struct Server {
    leaves: Vec<Vec<u8>>,
    inner: Arc<RoundRobin>,
}

fn server(pki: &TlsPki, inner_staple: Option<Vec<u8>>) -> Server {
    let provider = provider();
    let leaves: Vec<Vec<u8>> = SERIALS
        .iter()
        .map(|serial| pki.issue_leaf(&pki.leaf_spec(serial, false), &pki.intermediate))
        .collect();
    let keys = leaves
        .iter()
        .map(|leaf| {
            let chain = vec![
                CertificateDer::from(leaf.clone()),
                CertificateDer::from(pki.intermediate.cert.clone()),
            ];
            let mut key = CertifiedKey::new(chain, leaf_key(&provider));
            key.ocsp = inner_staple.clone();
            Arc::new(key)
        })
        .collect();
    Server {
        leaves,
        inner: Arc::new(RoundRobin {
            keys,
            next: AtomicUsize::new(0),
        }),
    }
}

fn good(pki: &TlsPki, serial: &[u8]) -> Vec<u8> {
    pki.response(&pki.intermediate, serial, CertStatus::Good)
        .sign(&pki.intermediate.key)
}

/// A client that requires a valid staple.
fn hard_fail_client(pki: &TlsPki) -> OcspVerifier {
    let policy = StaplePolicy {
        on_missing: Action::Deny,
        ..StaplePolicy::default()
    };
    verifier(pki, policy)
}

fn connect(
    pki: &TlsPki,
    resolver: &Arc<StaplingResolver>,
    version: &'static rustls::SupportedProtocolVersion,
) -> Result<(), rustls::Error> {
    handshake_with(
        provider(),
        Arc::clone(resolver) as Arc<dyn ResolvesServerCert>,
        hard_fail_client(pki),
        version,
    )
}

fn resolver(server: &Server, clock: &Arc<ManualClock>) -> StaplingResolver {
    StaplingResolver::new(server.inner.clone(), &provider()).with_time_provider(clock.clone())
}

/// The PKI, the server (see [`server`]) and a clock at the PKI's time.
fn setup(inner_staple: Option<Vec<u8>>) -> (TlsPki, Server, Arc<ManualClock>) {
    let pki = pki();
    let server = server(&pki, inner_staple);
    let clock = ManualClock::at(pki.now);
    (pki, server, clock)
}

#[test]
fn each_certificate_gets_its_own_verified_staple() {
    let (pki, server, clock) = setup(None);
    let resolver = Arc::new(resolver(&server, &clock));
    for (leaf, serial) in server.leaves.iter().zip(SERIALS) {
        let until = resolver
            .set_staple(leaf, &pki.intermediate.cert, &good(&pki, serial))
            .unwrap();
        assert_eq!(
            until,
            UnixTime::since_unix_epoch(std::time::Duration::from_secs(
                u64::try_from(pki.now + 3 * DAY).unwrap()
            ))
        );
    }
    // Four handshakes: each certificate twice, TLS 1.3 and 1.2; the client
    // refuses any certificate without its own valid staple.
    for version in [TLS13, TLS13, TLS12, TLS12] {
        assert_eq!(connect(&pki, &resolver, version), Ok(()), "{version:?}");
    }
    assert_eq!(server.inner.next.load(Ordering::SeqCst), 4);
}

#[test]
fn a_response_about_another_certificate_is_not_stapled() {
    let (pki, server, clock) = setup(None);
    let resolver = resolver(&server, &clock);
    let result = resolver.set_staple(
        &server.leaves[0],
        &pki.intermediate.cert,
        &good(&pki, SERIALS[1]),
    );
    assert!(
        matches!(
            result,
            Err(StapleError::Invalid(ocsp_verify::Error::NoMatchingResponse))
        ),
        "{result:?}"
    );
    assert_eq!(resolver.current_staple(&server.leaves[0]), None);
}

/// An issuer certificate whose key did not sign the server certificate
/// (same Name, the attacker's key) is refused even though the response it
/// "issued" verifies against it.
#[test]
fn an_issuer_that_did_not_sign_the_certificate_is_refused() {
    let (pki, server, clock) = setup(None);
    let resolver = resolver(&server, &clock);
    let impostor_key = Key::load(KeyName::OtherRsa);
    let name = pki.intermediate.name.clone();
    let mut spec = CertSpec::new(&[0x77], name.clone(), pki.at(-DAY), pki.at(DAY));
    spec.ca = true;
    spec.key_usage = Some(cert::KU_CERT_SIGN);
    let impostor = Entity {
        cert: spec.issue(&impostor_key, &name, &impostor_key),
        name,
        key: impostor_key,
    };
    let forged = pki
        .response(&impostor, SERIALS[0], CertStatus::Good)
        .sign(&impostor.key);
    let result = resolver.set_staple(&server.leaves[0], &impostor.cert, &forged);
    assert_eq!(result, Err(StapleError::IssuerNotFound));
    assert_eq!(resolver.current_staple(&server.leaves[0]), None);
}

/// Past nextUpdate by the clock, nothing is stapled (and a client that
/// requires a staple is refused), without any new call to the resolver's
/// owner.
#[test]
fn never_stapled_past_its_validity() {
    let (pki, server, clock) = setup(None);
    let resolver = Arc::new(resolver(&server, &clock));
    for (leaf, serial) in server.leaves.iter().zip(SERIALS) {
        resolver
            .set_staple(leaf, &pki.intermediate.cert, &good(&pki, serial))
            .unwrap();
    }
    // nextUpdate is now + 3 days: still stapled at that very second.
    clock.set(Some(pki.now + 3 * DAY));
    assert!(resolver.current_staple(&server.leaves[0]).is_some());
    clock.set(Some(pki.now + 3 * DAY + 1));
    assert_eq!(resolver.current_staple(&server.leaves[0]), None);
    let result = connect(&pki, &resolver, TLS13);
    assert_eq!(staple_error(&result), Some(StapleError::Missing));
    // No time: nothing stapled, nothing accepted.
    clock.set(None);
    assert_eq!(resolver.current_staple(&server.leaves[1]), None);
    assert_eq!(
        resolver.set_staple(
            &server.leaves[1],
            &pki.intermediate.cert,
            &good(&pki, SERIALS[1])
        ),
        Err(StapleError::NoCurrentTime)
    );
}

/// The staple the inner resolver's key carries itself is never sent: only
/// verified responses go out.
#[test]
fn the_inner_resolvers_own_staple_is_dropped() {
    let (pki, server, clock) = setup(Some(vec![0x30, 0x03, 0x0a, 0x01, 0x00]));
    let resolver = Arc::new(resolver(&server, &clock));
    let result = connect(&pki, &resolver, TLS13);
    // The client saw no staple at all (not an invalid one).
    assert_eq!(staple_error(&result), Some(StapleError::Missing));
}

#[test]
fn store_written_atomically_and_read_back_after_a_restart() {
    let (pki, server, clock) = setup(None);
    let dir = TempDir::new("ocsp-rustls-store");
    let store = StapleStore::new(dir.path()).unwrap();
    let before = resolver(&server, &clock).with_store(store.clone());
    let responses: Vec<Vec<u8>> = SERIALS.iter().map(|s| good(&pki, s)).collect();
    for (leaf, response) in server.leaves.iter().zip(&responses) {
        before
            .set_staple(leaf, &pki.intermediate.cert, response)
            .unwrap();
    }
    // One `<SHA-256 hex>.der` file per certificate, nothing else left over.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected: Vec<String> = server
        .leaves
        .iter()
        .map(|leaf| format!("{}.der", fingerprint_hex(leaf)))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(
        std::fs::read(store.path(&server.leaves[0])).unwrap(),
        responses[0]
    );

    // The restart: a new resolver, an hour later, staples at once.
    clock.set(Some(pki.now + HOUR));
    let after = Arc::new(resolver(&server, &clock).with_store(store));
    for leaf in &server.leaves {
        assert!(after
            .load_stored(leaf, &pki.intermediate.cert)
            .unwrap()
            .is_some());
    }
    assert_eq!(
        after.current_staple(&server.leaves[1]).as_deref(),
        Some(responses[1].as_slice())
    );
    assert_eq!(connect(&pki, &after, TLS13), Ok(()));
    assert_eq!(connect(&pki, &after, TLS13), Ok(()));
}

/// A stored file's bytes, the restart's time, the error expected.
type Case = (Vec<u8>, i64, fn(&StapleError) -> bool);

/// Nothing on disk is trusted: a file that was tampered with, one about
/// another certificate, and one that expired while the server was down
/// are all refused, and nothing is stapled.
#[test]
fn stored_responses_are_verified_before_use() {
    let pki = pki();
    let server = server(&pki, None);
    let dir = TempDir::new("ocsp-rustls-store");
    let store = StapleStore::new(dir.path()).unwrap();
    let leaf = &server.leaves[0];

    let mut tampered = good(&pki, SERIALS[0]);
    if let Some(last) = tampered.last_mut() {
        *last ^= 1;
    }
    let cases: [Case; 3] = [
        (tampered, pki.now, |e| {
            matches!(
                e,
                StapleError::Invalid(ocsp_verify::Error::InvalidSignature)
            )
        }),
        (good(&pki, SERIALS[1]), pki.now, |e| {
            matches!(
                e,
                StapleError::Invalid(ocsp_verify::Error::NoMatchingResponse)
            )
        }),
        (good(&pki, SERIALS[0]), pki.now + 4 * DAY, |e| {
            matches!(e, StapleError::Invalid(ocsp_verify::Error::Expired { .. }))
        }),
    ];
    for (n, (bytes, now, expected)) in cases.into_iter().enumerate() {
        std::fs::write(store.path(leaf), &bytes).unwrap();
        let clock = ManualClock::at(now);
        let restarted = resolver(&server, &clock).with_store(store.clone());
        let result = restarted.load_stored(leaf, &pki.intermediate.cert);
        match result {
            Err(ref e) if expected(e) => {}
            other => panic!("case {n}: {other:?}"),
        }
        assert_eq!(restarted.current_staple(leaf), None, "case {n}");
    }
}

#[test]
fn store_without_a_file_and_oversized_file() {
    let (pki, server, clock) = setup(None);
    let dir = TempDir::new("ocsp-rustls-store");
    let store = StapleStore::new(dir.join("nested")).unwrap();
    let resolver = resolver(&server, &clock).with_store(store.clone());
    let leaf = &server.leaves[0];
    assert_eq!(resolver.load_stored(leaf, &pki.intermediate.cert), Ok(None));
    std::fs::write(store.path(leaf), vec![0u8; ocsp_rustls::MAX_STAPLE_LEN + 1]).unwrap();
    assert!(matches!(
        store.load(leaf),
        Err(StapleError::Store {
            kind: std::io::ErrorKind::InvalidData,
            ..
        })
    ));
    store.remove(leaf).unwrap();
    assert_eq!(store.load(leaf), Ok(None));
}
