//! The responder cache skips the delegate's certificate signature, and only
//! it: counted through a wrapping `SignatureVerificationAlgorithm`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ocsp_testkit::{at, Flavor, Pki, DAY, NOW};
use ocsp_verify::{
    algorithms, Error, Issuer, Responder, ResponderCache, Subject, UnixTime, Verifier,
};
use rustls_pki_types::{AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm};

/// Counts the signatures it is asked to verify, then delegates.
#[derive(Debug)]
struct Counting {
    inner: &'static dyn SignatureVerificationAlgorithm,
    calls: AtomicUsize,
}

impl SignatureVerificationAlgorithm for Counting {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        self.calls.fetch_add(1, Ordering::Relaxed);
        self.inner.verify_signature(public_key, message, signature)
    }
    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.inner.public_key_alg_id()
    }
    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.inner.signature_alg_id()
    }
    fn fips(&self) -> bool {
        self.inner.fips()
    }
}

/// The RustCrypto set, each algorithm counted.
fn counted() -> Vec<Counting> {
    algorithms::ALL
        .iter()
        .map(|a| Counting {
            inner: *a,
            calls: AtomicUsize::new(0),
        })
        .collect()
}

fn calls(set: &[Counting]) -> usize {
    set.iter().map(|c| c.calls.load(Ordering::Relaxed)).sum()
}

fn time(offset: i64) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs((NOW + offset) as u64))
}

fn verify(verifier: &Verifier<'_>, der: &[u8], issuer: &[u8], offset: i64) -> Result<(), Error> {
    verifier
        .verify(
            der,
            Subject::Serial(Pki::LEAF_SERIAL),
            Issuer::Certificate(issuer),
            time(offset),
            None,
        )
        .map(|v| assert!(matches!(v.responder, Responder::Delegated { .. })))
}

#[test]
fn a_hit_skips_only_the_certificate_signature() {
    let pki = Pki::new(Flavor::Rsa);
    let der = pki.delegated_response().sign(&pki.delegate.key);
    let set = counted();
    let list: Vec<&dyn SignatureVerificationAlgorithm> = set
        .iter()
        .map(|c| c as &dyn SignatureVerificationAlgorithm)
        .collect();
    let cache: ResponderCache<4> = ResponderCache::new();

    let uncached = Verifier::new(&list);
    verify(&uncached, &der, &pki.ca.cert, 0).unwrap();
    verify(&uncached, &der, &pki.ca.cert, 0).unwrap();
    assert_eq!(calls(&set), 4, "two signatures per call without a cache");

    let cached = Verifier::new(&list).with_responder_cache(&cache);
    verify(&cached, &der, &pki.ca.cert, 0).unwrap();
    assert_eq!(calls(&set), 6, "a miss checks both signatures");
    assert_eq!(cache.len(), 1);
    verify(&cached, &der, &pki.ca.cert, 0).unwrap();
    verify(&cached, &der, &pki.ca.cert, 0).unwrap();
    assert_eq!(calls(&set), 8, "a hit checks the response signature only");
}

/// A fault is still found when the delegate is a hit: the cache is filled
/// by the good delegated response, then each case goes through it.
#[test]
fn faults_are_still_found_on_a_hit() {
    let pki = Pki::new(Flavor::Rsa);
    let good = pki.delegated_response().sign(&pki.delegate.key);
    let mut tampered = pki.delegated_response();
    tampered.corrupt_signature = true;
    let cases = [
        (
            "a bad response signature",
            tampered.sign(&pki.delegate.key),
            &pki.ca.cert,
            0,
            Err(Error::InvalidSignature),
        ),
        // `other_ca` has the same subject Name as `ca` but its own key: the
        // delegate's certificate does not verify under it, cached or not.
        (
            "another issuer key",
            good.clone(),
            &pki.other_ca.cert,
            0,
            Err(Error::DelegatedResponderBadSignature),
        ),
        // The delegate's notAfter is 30 days after NOW.
        (
            "an expired delegate",
            good.clone(),
            &pki.ca.cert,
            31 * DAY,
            Err(Error::DelegatedResponderNotValid {
                not_before: at(-30 * DAY),
                not_after: at(30 * DAY),
            }),
        ),
    ];
    for (name, der, issuer, offset, want) in cases {
        let cache: ResponderCache<4> = ResponderCache::new();
        let verifier = Verifier::new(algorithms::ALL).with_responder_cache(&cache);
        verify(&verifier, &good, &pki.ca.cert, 0).unwrap();
        assert_eq!(verify(&verifier, &der, issuer, offset), want, "{name}");
        assert_eq!(cache.len(), 1, "{name}");
    }
}

#[test]
fn other_delegate_checks_still_run_on_a_hit() {
    // The same certificate bytes, verified once under a policy that allows
    // CA responders, are still refused by a verifier that does not.
    let pki = Pki::new(Flavor::Rsa);
    let mut spec = pki.delegate_spec();
    spec.ca = true;
    let ca_delegate = pki.issue_delegate(&spec);
    let mut response = pki.delegated_response();
    response.certs = Some(vec![ca_delegate]);
    let der = response.sign(&pki.delegate.key);
    let cache: ResponderCache<4> = ResponderCache::new();
    let lenient = Verifier::new(algorithms::ALL)
        .with_policy(ocsp_verify::Policy {
            allow_ca_responders: true,
            ..ocsp_verify::Policy::default()
        })
        .with_responder_cache(&cache);
    verify(&lenient, &der, &pki.ca.cert, 0).unwrap();
    let strict = Verifier::new(algorithms::ALL).with_responder_cache(&cache);
    assert_eq!(
        verify(&strict, &der, &pki.ca.cert, 0),
        Err(Error::DelegatedResponderIsCa)
    );
}

#[test]
fn capacity_is_a_bound_oldest_out_first() {
    let pki = Pki::new(Flavor::Rsa);
    let cache: ResponderCache<2> = ResponderCache::new();
    assert_eq!(cache.capacity(), 2);
    let verifier = Verifier::new(algorithms::ALL).with_responder_cache(&cache);
    // Three distinct delegate certificates (serials differ).
    let delegates: Vec<Vec<u8>> = (1u8..=3)
        .map(|serial| {
            let mut spec = pki.delegate_spec();
            spec.serial = vec![serial];
            pki.issue_delegate(&spec)
        })
        .collect();
    let responses: Vec<Vec<u8>> = delegates
        .iter()
        .map(|cert| {
            let mut spec = pki.delegated_response();
            spec.certs = Some(vec![cert.clone()]);
            spec.sign(&pki.delegate.key)
        })
        .collect();
    for der in &responses {
        verify(&verifier, der, &pki.ca.cert, 0).unwrap();
    }
    assert_eq!(cache.len(), 2, "never more than the capacity");

    // The first was evicted: verifying it again checks two signatures.
    let set = counted();
    let list: Vec<&dyn SignatureVerificationAlgorithm> = set
        .iter()
        .map(|c| c as &dyn SignatureVerificationAlgorithm)
        .collect();
    let counting = Verifier::new(&list).with_responder_cache(&cache);
    verify(&counting, &responses[2], &pki.ca.cert, 0).unwrap();
    assert_eq!(calls(&set), 1, "the newest is remembered");
    verify(&counting, &responses[0], &pki.ca.cert, 0).unwrap();
    assert_eq!(calls(&set), 3, "the oldest was evicted");
    assert_eq!(cache.len(), 2);
    assert!(cache.clear());
    assert!(cache.is_empty());
}
