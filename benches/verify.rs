//! Verification benchmarks: `ocsp-verify` with the pure-Rust (RustCrypto),
//! the ring and the aws-lc-rs algorithm sets, against OpenSSL's
//! verification path on the same response and issuer, in the same run; the
//! raw signature floor of each backend; scaling; allocations.
//!
//! ```text
//! cargo bench --features peers --bench verify
//! ```
//!
//! Inputs are built once with `ocsp-testkit` (RSA-2048, P-256 and
//! ML-DSA-65 PKIs)
//! around the wall clock at start-up (OpenSSL's `OCSP_check_validity` only
//! knows the current time) and verified at that instant.
//!
//! Groups:
//!
//! * `verify/<case>`: end to end. `ours-rustcrypto`, `ours-ring` and
//!   `ours-aws-lc-rs`: `Verifier::verify` (parse, both input certificates
//!   parsed, responder search and authorization, signature(s), CertID,
//!   time, extensions, status) with `ocsp_verify::algorithms::ALL` or with
//!   rustls's ring or aws-lc-rs (its default) provider's algorithms
//!   (rustls-webpki's). `openssl`: parse, `OCSP_basic_verify`, CertID,
//!   `OCSP_resp_find_status`, `OCSP_check_validity`
//!   (benches/peers/openssl.rs), with the leaf and
//!   issuer `X509`s and the store prepared once. `ours-no-crypto`: our
//!   verify with stand-in algorithms that accept any signature: every step
//!   but the cryptography, the library's own cost measured directly.
//! * `floor/<case>`: the raw signature check(s) alone, with each backend
//!   (`rustcrypto`, `ring`, `aws-lc-rs`, `openssl`), on the same bytes:
//!   the response's tbsResponseData, and for a delegated
//!   response also the responder certificate's tbsCertificate. `verify -
//!   floor` is what the library adds around the cryptography.
//! * `verify/mldsa65-*` and `floor/mldsa65-*`: the same for ML-DSA-65
//!   (FIPS 204, feature `ml-dsa`), RustCrypto only: ring and this OpenSSL
//!   have no ML-DSA.
//! * `webpki/<case>` and `webpki-floor/<case>`: RSA-2048 and P-256 on the
//!   testkit's WebPKI-like certificates, with ring: the issuer as a
//!   certificate or prepared (`Issuer::Prepared`), a delegated response
//!   also with a `ResponderCache`, the no-crypto stand-ins and OpenSSL.
//! * `scaling/*`: parse + find the matching single response among 1, 20,
//!   100 and 1000 (the target last), and parse with 0 and 3 embedded
//!   certificates.
//!
//! Before timing, the bench prints the heap allocations and bytes of one
//! verify (counted by a global allocator wrapping the system one, as in
//! `benches/parse.rs`), next to those of the raw signature check(s) alone.
//! benches/table.py turns criterion's estimates into the ratio tables of
//! docs/PERFORMANCE.md.

// The counting allocator is in benches/common.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ocsp_request::CertIdMatcherRef;
use ocsp_testkit::{Flavor, HashAlg, Pki};
use ocsp_types::{
    AlgorithmIdentifierRef, CertStatus, CertificateRef, OcspResponseRef, SubjectPublicKeyInfoRef,
};
use ocsp_verify::{
    algorithms, Issuer, SignatureVerificationAlgorithm, Status, Subject, UnixTime, Verifier,
};
use openssl::ocsp::OcspCertStatus;
use rustls::pki_types::{AlgorithmIdentifier, InvalidSignature};

mod common;
use common::count_allocs;
mod timing;
use timing::{interleaved_min, measuring};

#[path = "peers/openssl.rs"]
#[allow(dead_code)] // `parse` is the parse bench's
mod openssl_peer;
use openssl_peer::OpensslVerifier;

/// The pure-Rust algorithm set, the crate's default.
const RUSTCRYPTO: &[&dyn SignatureVerificationAlgorithm] = algorithms::ALL;

/// rustls's ring provider's algorithms (rustls-webpki's ring set).
fn ring_algorithms() -> &'static [&'static dyn SignatureVerificationAlgorithm] {
    rustls::crypto::ring::default_provider()
        .signature_verification_algorithms
        .all
}

/// rustls's aws-lc-rs provider's algorithms (its default provider's;
/// rustls-webpki's aws-lc-rs set).
fn aws_lc_rs_algorithms() -> &'static [&'static dyn SignatureVerificationAlgorithm] {
    rustls::crypto::aws_lc_rs::default_provider()
        .signature_verification_algorithms
        .all
}

/// A named algorithm set.
type AlgorithmSet = (
    &'static str,
    &'static [&'static dyn SignatureVerificationAlgorithm],
);

/// The algorithm sets benched side by side, in table order.
fn algorithm_sets() -> [AlgorithmSet; 3] {
    [
        ("rustcrypto", RUSTCRYPTO),
        ("ring", ring_algorithms()),
        ("aws-lc-rs", aws_lc_rs_algorithms()),
    ]
}

/// A stand-in for a real algorithm, with its identifiers, whose
/// `verify_signature` accepts everything: a verify with these runs every
/// step but the cryptography, which measures the library's own cost
/// directly (`verify - floor` is the difference of two noisy figures).
#[derive(Debug)]
struct NoCrypto(&'static dyn SignatureVerificationAlgorithm);

impl SignatureVerificationAlgorithm for NoCrypto {
    fn verify_signature(
        &self,
        _public_key: &[u8],
        _message: &[u8],
        _signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        Ok(())
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.0.public_key_alg_id()
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.0.signature_alg_id()
    }
}

/// [`NoCrypto`] for every algorithm of `set`.
fn no_crypto(
    set: &'static [&'static dyn SignatureVerificationAlgorithm],
) -> &'static [&'static dyn SignatureVerificationAlgorithm] {
    let stand_ins: Vec<&'static dyn SignatureVerificationAlgorithm> = set
        .iter()
        .map(|a| &*Box::leak(Box::new(NoCrypto(*a))) as &'static dyn SignatureVerificationAlgorithm)
        .collect();
    stand_ins.leak()
}

/// One end-to-end case: a PKI and a response built from it.
struct Case {
    name: &'static str,
    pki: Pki,
    der: Vec<u8>,
}

impl Case {
    /// The instant the case is verified at.
    fn now(&self) -> UnixTime {
        UnixTime::since_unix_epoch(Duration::from_secs(
            u64::try_from(self.pki.now).expect("after 1970"),
        ))
    }
}

fn cases(now: i64) -> Vec<Case> {
    cases_of(
        now,
        &[
            (Flavor::Rsa, "rsa2048-issuer", "rsa2048-delegated"),
            (Flavor::P256, "p256-issuer", "p256-delegated"),
        ],
    )
}

/// An issuer-signed and a delegated case per (flavor, issuer case name,
/// delegated case name).
fn cases_of(now: i64, flavors: &[(Flavor, &'static str, &'static str)]) -> Vec<Case> {
    let mut out = Vec::new();
    for &(flavor, issuer_name, delegated_name) in flavors {
        let pki = Pki::new_at(flavor, now);
        let issuer = pki.issuer_response().sign(&pki.ca.key);
        let delegated = pki.delegated_response().sign(&pki.delegate.key);
        out.push(Case {
            name: issuer_name,
            pki: pki.clone(),
            der: issuer,
        });
        out.push(Case {
            name: delegated_name,
            pki,
            der: delegated,
        });
    }
    out
}

fn verify(verifier: &Verifier<'_>, case: &Case) -> Status {
    verifier
        .verify(
            black_box(&case.der),
            Subject::Certificate(&case.pki.leaf),
            Issuer::Certificate(&case.pki.ca.cert),
            case.now(),
            None,
        )
        .expect("verifies")
        .status
}

/// The algorithm `Verifier` would pick from `set`: exact signatureAlgorithm
/// and key algorithm match.
fn pick(
    set: &[&'static dyn SignatureVerificationAlgorithm],
    signature_algorithm: &[u8],
    key: &SubjectPublicKeyInfoRef<'_>,
) -> &'static dyn SignatureVerificationAlgorithm {
    *set.iter()
        .find(|a| {
            a.signature_alg_id().as_ref() == signature_algorithm
                && a.public_key_alg_id().as_ref() == key.algorithm().contents()
        })
        .expect("an algorithm for the key")
}

/// One signature a verify checks, as bytes: the signer's key, the
/// signatureAlgorithm, the signed message and the signature.
struct SignedBytes<'a> {
    spki: SubjectPublicKeyInfoRef<'a>,
    signature_algorithm: AlgorithmIdentifierRef<'a>,
    message: &'a [u8],
    signature: &'a [u8],
}

/// The signature checks a verify of `case` makes: the response's, signed by
/// the CA or by the embedded delegate, and for a delegate the certificate's.
fn signed_bytes(case: &Case) -> Vec<SignedBytes<'_>> {
    let response = OcspResponseRef::parse(&case.der).expect("parses");
    let basic = response.basic().expect("basic");
    let ca = CertificateRef::parse(&case.pki.ca.cert).expect("ca cert");
    let response_signer = match basic.certs().iter().next() {
        None => ca.subject_public_key_info(),
        Some(cert_der) => CertificateRef::parse(cert_der)
            .expect("delegate cert")
            .subject_public_key_info(),
    };
    let mut out = vec![SignedBytes {
        spki: response_signer,
        signature_algorithm: basic.signature_algorithm(),
        message: basic.tbs_response_data().as_der(),
        signature: basic.signature(),
    }];
    if let Some(cert_der) = basic.certs().iter().next() {
        let cert = CertificateRef::parse(cert_der).expect("delegate cert");
        out.push(SignedBytes {
            spki: ca.subject_public_key_info(),
            signature_algorithm: cert.signature_algorithm(),
            message: cert.tbs_der(),
            signature: cert.signature(),
        });
    }
    out
}

/// One raw signature check through a `SignatureVerificationAlgorithm`.
struct RawSignature<'a> {
    algorithm: &'static dyn SignatureVerificationAlgorithm,
    public_key: &'a [u8],
    message: &'a [u8],
    signature: &'a [u8],
}

impl RawSignature<'_> {
    fn verify(&self) -> bool {
        self.algorithm
            .verify_signature(
                black_box(self.public_key),
                black_box(self.message),
                black_box(self.signature),
            )
            .is_ok()
    }
}

fn raw_signatures<'a>(
    set: &[&'static dyn SignatureVerificationAlgorithm],
    signed: &[SignedBytes<'a>],
) -> Vec<RawSignature<'a>> {
    signed
        .iter()
        .map(|s| RawSignature {
            algorithm: pick(set, s.signature_algorithm.contents(), &s.spki),
            public_key: s.spki.subject_public_key(),
            message: s.message,
            signature: s.signature,
        })
        .collect()
}

fn openssl_signatures(signed: &[SignedBytes<'_>]) -> Vec<openssl_peer::RawSignature> {
    signed
        .iter()
        .map(|s| {
            openssl_peer::RawSignature::new(
                s.spki.as_der(),
                s.signature_algorithm.oid().as_bytes(),
                s.message,
                s.signature,
            )
            .expect("OpenSSL reads the key")
        })
        .collect()
}

fn report_allocations(cases: &[Case]) {
    println!();
    println!("allocations per verify (one call, counted by the bench's global allocator):");
    println!("(floor: the raw signature check(s) alone, the share of the allocator;");
    println!("AWS-LC allocates with its own malloc calls, which this does not see)");
    println!(
        "{:<18} {:<11} {:>6}  {:>7} {:>8}  {:>12} {:>13}",
        "case", "algorithms", "bytes", "allocs", "alloc B", "floor allocs", "floor alloc B"
    );
    for case in cases {
        let signed = signed_bytes(case);
        for (set_name, set) in algorithm_sets() {
            let verifier = Verifier::new(set);
            let (allocs, bytes) = count_allocs(|| verify(&verifier, case));
            let raw = raw_signatures(set, &signed);
            let (floor_allocs, floor_bytes) = count_allocs(|| raw.iter().all(RawSignature::verify));
            println!(
                "{:<18} {:<11} {:>6}  {:>7} {:>8}  {:>12} {:>13}",
                case.name,
                set_name,
                case.der.len(),
                allocs,
                bytes,
                floor_allocs,
                floor_bytes
            );
        }
    }
    println!();
}

fn bench_verify(c: &mut Criterion) {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let cases = cases(i64::try_from(now).expect("in range"));
    let verifiers = algorithm_sets().map(|(name, set)| (name, Verifier::new(set)));
    let without_crypto = Verifier::new(no_crypto(ring_algorithms()));
    let openssl: Vec<OpensslVerifier> = cases
        .iter()
        .map(|case| {
            OpensslVerifier::new(&case.pki.leaf, &case.pki.ca.cert, case.pki.now)
                .expect("OpenSSL reads the certificates")
        })
        .collect();
    // Fail early rather than time an error path.
    for (case, openssl) in cases.iter().zip(&openssl) {
        for (name, verifier) in &verifiers {
            assert_eq!(
                verify(verifier, case),
                Status::Good,
                "{name}, {}",
                case.name
            );
        }
        assert_eq!(verify(&without_crypto, case), Status::Good, "{}", case.name);
        assert_eq!(
            openssl.verify(&case.der),
            Ok(OcspCertStatus::GOOD),
            "openssl, {}",
            case.name
        );
        let signed = signed_bytes(case);
        for (_, set) in algorithm_sets() {
            assert!(raw_signatures(set, &signed)
                .iter()
                .all(RawSignature::verify));
        }
        assert!(openssl_signatures(&signed).iter().all(|s| s.verify()));
    }
    report_allocations(&cases);

    for (case, openssl) in cases.iter().zip(&openssl) {
        let mut group = c.benchmark_group(format!("verify/{}", case.name));
        for (name, verifier) in &verifiers {
            group.bench_function(format!("ours-{name}"), |b| {
                b.iter(|| verify(verifier, case))
            });
        }
        group.bench_function("ours-no-crypto", |b| {
            b.iter(|| verify(&without_crypto, case))
        });
        group.bench_function("openssl", |b| {
            b.iter(|| openssl.verify(black_box(&case.der)))
        });
        group.finish();

        let signed = signed_bytes(case);
        let mut group = c.benchmark_group(format!("floor/{}", case.name));
        for (set_name, set) in algorithm_sets() {
            let raw = raw_signatures(set, &signed);
            group.bench_function(set_name, |b| {
                b.iter(|| raw.iter().all(RawSignature::verify))
            });
        }
        let raw = openssl_signatures(&signed);
        group.bench_function("openssl", |b| b.iter(|| raw.iter().all(|s| s.verify())));
        group.finish();
    }
}

/// ML-DSA-65 (feature `ml-dsa`), beside RSA-2048 and P-256 above: end to
/// end and the signature floor with the RustCrypto set, and the no-crypto
/// stand-ins. Neither ring (rustls's ring provider) nor OpenSSL before 3.5
/// has ML-DSA, so there is no peer column here.
fn bench_post_quantum(c: &mut Criterion) {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let cases = cases_of(
        i64::try_from(now).expect("in range"),
        &[(Flavor::MlDsa65, "mldsa65-issuer", "mldsa65-delegated")],
    );
    let rustcrypto = Verifier::new(RUSTCRYPTO);
    let without_crypto = Verifier::new(no_crypto(RUSTCRYPTO));
    for case in &cases {
        assert_eq!(verify(&rustcrypto, case), Status::Good, "{}", case.name);
        assert_eq!(verify(&without_crypto, case), Status::Good, "{}", case.name);
        let raw = raw_signatures(RUSTCRYPTO, &signed_bytes(case));
        assert!(raw.iter().all(RawSignature::verify), "{}", case.name);

        let mut group = c.benchmark_group(format!("verify/{}", case.name));
        group.bench_function("ours-rustcrypto", |b| b.iter(|| verify(&rustcrypto, case)));
        group.bench_function("ours-no-crypto", |b| {
            b.iter(|| verify(&without_crypto, case))
        });
        group.finish();
        let mut group = c.benchmark_group(format!("floor/{}", case.name));
        group.bench_function("rustcrypto", |b| {
            b.iter(|| raw.iter().all(RawSignature::verify))
        });
        group.finish();
    }
}

/// Parses `der` and returns the status of the first single response that
/// names the certificate, matched as `Verifier` does (`CertIdMatcherRef`:
/// both hashes under the CertID's own algorithm, in constant time, and the
/// serial).
fn find_single(der: &[u8], matcher: &CertIdMatcherRef<'_>) -> Option<CertStatus> {
    let response = OcspResponseRef::parse(der).ok()?;
    let basic = response.basic()?;
    basic
        .tbs_response_data()
        .responses()
        .iter()
        .find(|s| matcher.matches(&s.cert_id()).unwrap_or(false))
        .map(|s| s.cert_status())
}

fn bench_scaling(c: &mut Criterion) {
    // P-256: signing 1000 single responses stays cheap to build.
    let pki = Pki::new(Flavor::P256);
    let matcher =
        CertIdMatcherRef::from_certificates(&pki.leaf, &pki.ca.cert).expect("certificates");

    let mut group = c.benchmark_group("scaling/find_single");
    for n in [1usize, 20, 100, 1000] {
        let mut spec = pki.issuer_response();
        let mut singles = Vec::with_capacity(n);
        for i in 0..n - 1 {
            let serial = [0x7f, (i >> 8) as u8, i as u8];
            singles.push(ocsp_testkit::single(
                ocsp_testkit::cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &serial),
                CertStatus::Good,
                ocsp_testkit::at(-ocsp_testkit::HOUR),
                Some(ocsp_testkit::at(3 * ocsp_testkit::DAY)),
            ));
        }
        singles.push(pki.leaf_single(CertStatus::Good));
        spec.singles = singles;
        let der = spec.sign(&pki.ca.key);
        assert_eq!(find_single(&der, &matcher), Some(CertStatus::Good));
        let (allocs, _) = count_allocs(|| find_single(black_box(&der), &matcher));
        assert_eq!(allocs, 0, "find-status allocates");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &der, |b, der| {
            b.iter(|| find_single(black_box(der), &matcher))
        });
        println!(
            "scaling/find_single/{n}: {} bytes, 0 allocations",
            der.len()
        );
    }
    group.finish();

    let mut group = c.benchmark_group("scaling/embedded_certs");
    for n in [0usize, 3] {
        let mut spec = pki.issuer_response();
        spec.certs = (n > 0).then(|| {
            vec![
                pki.delegate.cert.clone(),
                pki.ca.cert.clone(),
                pki.other_ca.cert.clone(),
            ]
        });
        let der = spec.sign(&pki.ca.key);
        let parsed = OcspResponseRef::parse(&der).expect("parses");
        assert_eq!(parsed.basic().expect("basic").certs().len(), n);
        group.throughput(Throughput::Bytes(der.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &der, |b, der| {
            b.iter(|| OcspResponseRef::parse(black_box(der)).map(|r| r.status()))
        });
        println!("scaling/embedded_certs/{n}: {} bytes", der.len());
    }
    group.finish();
}

/// The WebPKI-like certificates (`ocsp_testkit::webpki`: a leaf with ten
/// extensions, a CA with seven) for RSA-2048 and P-256, with ring: the
/// issuer given as a certificate (`ours-ring`) or prepared once
/// (`ours-ring-prepared`, `Issuer::Prepared`), and for a delegated response
/// also with a responder cache (`ours-ring-prepared-cached`), beside the
/// no-crypto stand-ins (the library's own cost), OpenSSL, and the ring
/// signature floor (`webpki-floor/<case>`).
fn bench_webpki(c: &mut Criterion) {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let cases: Vec<Case> = cases(i64::try_from(now).expect("in range"))
        .into_iter()
        .map(|case| Case {
            pki: case.pki.with_webpki_profile(),
            ..case
        })
        .collect();
    let ring = Verifier::new(ring_algorithms());
    let without_crypto = Verifier::new(no_crypto(ring_algorithms()));
    for case in &cases {
        let prepared =
            ocsp_request::PreparedIssuer::from_certificate(&case.pki.ca.cert).expect("CA");
        let cache: ocsp_verify::ResponderCache<8> = ocsp_verify::ResponderCache::new();
        let cached = ring.with_responder_cache(&cache);
        let openssl = OpensslVerifier::new(&case.pki.leaf, &case.pki.ca.cert, case.pki.now)
            .expect("OpenSSL reads the certificates");
        let run = |verifier: &Verifier<'_>, issuer: Issuer<'_>| {
            verifier
                .verify(
                    black_box(&case.der),
                    Subject::Certificate(&case.pki.leaf),
                    issuer,
                    case.now(),
                    None,
                )
                .expect("verifies")
                .status
        };
        let by_certificate = Issuer::Certificate(&case.pki.ca.cert);
        let by_prepared = Issuer::Prepared(&prepared);
        for verifier in [&ring, &without_crypto, &cached] {
            assert_eq!(run(verifier, by_certificate), Status::Good, "{}", case.name);
            assert_eq!(run(verifier, by_prepared), Status::Good, "{}", case.name);
        }
        assert_eq!(openssl.verify(&case.der), Ok(OcspCertStatus::GOOD));
        let raw = raw_signatures(ring_algorithms(), &signed_bytes(case));
        assert!(raw.iter().all(RawSignature::verify));
        report_interleaved(
            case.name,
            &mut [
                ("verify", &mut || {
                    black_box(run(&ring, by_prepared));
                }),
                ("floor", &mut || {
                    black_box(raw.iter().all(RawSignature::verify));
                }),
                ("own", &mut || {
                    black_box(run(&without_crypto, by_prepared));
                }),
                ("cached", &mut || {
                    black_box(run(&cached, by_prepared));
                }),
                ("openssl", &mut || {
                    let _ = black_box(openssl.verify(black_box(&case.der)));
                }),
            ],
        );

        let mut group = c.benchmark_group(format!("webpki/{}", case.name));
        group.bench_function("ours-ring", |b| b.iter(|| run(&ring, by_certificate)));
        group.bench_function("ours-ring-prepared", |b| b.iter(|| run(&ring, by_prepared)));
        if case.name.ends_with("delegated") {
            group.bench_function("ours-ring-prepared-cached", |b| {
                b.iter(|| run(&cached, by_prepared))
            });
        }
        group.bench_function("ours-no-crypto", |b| {
            b.iter(|| run(&without_crypto, by_certificate))
        });
        group.bench_function("ours-no-crypto-prepared", |b| {
            b.iter(|| run(&without_crypto, by_prepared))
        });
        group.bench_function("openssl", |b| {
            b.iter(|| openssl.verify(black_box(&case.der)))
        });
        group.finish();
        let mut group = c.benchmark_group(format!("webpki-floor/{}", case.name));
        group.bench_function("ring", |b| b.iter(|| raw.iter().all(RawSignature::verify)));
        if let Some(response_only) = raw.first() {
            group.bench_function("ring-response-only", |b| b.iter(|| response_only.verify()));
        }
        group.finish();
    }
}

/// Prints, for one WebPKI-profile case, the figures that the targets
/// compare, measured interleaved (see `common::interleaved_min`): the ring
/// verify with a prepared issuer, its signature floor, the own cost
/// (no-crypto stand-ins), the verify with a responder cache, and OpenSSL's
/// path. `calls` are named `verify`, `floor`, `own`, `cached`, `openssl`.
fn report_interleaved(case: &str, calls: &mut [(&str, &mut dyn FnMut())]) {
    let (rounds, budget) = if measuring() {
        (15, Duration::from_millis(40))
    } else {
        (1, Duration::ZERO)
    };
    let names: Vec<String> = calls.iter().map(|(name, _)| name.to_string()).collect();
    let ns = interleaved_min(calls, rounds, budget);
    let get = |name: &str| ns[names.iter().position(|n| *n == name).expect("named")];
    let (verify, floor, own) = (get("verify"), get("floor"), get("own"));
    let (cached, openssl) = (get("cached"), get("openssl"));
    println!(
        "webpki/{case} interleaved (min of {rounds} rounds), ring, prepared issuer: \
         verify {:.2} µs, floor {:.2} µs, own {:.2} µs, \
         (verify - floor) / verify {:.1} %, own / (own + floor) {:.1} %, \
         cached {:.2} µs, OpenSSL {:.2} µs, OpenSSL / verify {:.1}x, OpenSSL / cached {:.1}x",
        verify / 1e3,
        floor / 1e3,
        own / 1e3,
        (verify - floor) / verify * 100.0,
        own / (own + floor) * 100.0,
        cached / 1e3,
        openssl / 1e3,
        openssl / verify,
        openssl / cached,
    );
}

criterion_group!(
    benches,
    bench_verify,
    bench_post_quantum,
    bench_scaling,
    bench_webpki
);
criterion_main!(benches);
