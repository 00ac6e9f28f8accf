//! Verification benchmarks for `ocsp-verify`, with allocation counts.
//!
//! ```text
//! cargo bench --bench verify
//! ```
//!
//! Inputs are built once with `ocsp-testkit` (RSA-2048 and P-256 PKIs) and
//! verified at `ocsp_testkit::NOW`, inside their validity window, with the
//! pure-Rust algorithms (`ocsp_verify::algorithms::ALL`).
//!
//! Groups:
//!
//! * `verify/*`: end-to-end `Verifier::verify` (parse, responder search and
//!   authorization, signature(s), CertID, time, extensions, status), for an
//!   issuer-signed and a delegated (one embedded certificate) response.
//! * `floor/*`: the raw `SignatureVerificationAlgorithm::verify_signature`
//!   call(s) alone, with the same algorithm objects, on the same bytes: the
//!   response's tbsResponseData, and for a delegated response also the
//!   responder certificate's tbsCertificate. `verify - floor` is what the
//!   library adds around the cryptography.
//! * `scaling/*`: parse + find the matching single response among 1, 20,
//!   100 and 1000 (the target last), and parse with 0 and 3 embedded
//!   certificates.
//!
//! Before timing, the bench prints the heap allocations and bytes of one
//! verify (counted by a global allocator wrapping the system one, as in
//! `benches/parse.rs`), next to those of the raw signature check(s) alone.
//! The (verify - floor) / verify ratios are computed from criterion's
//! estimates in docs/PERFORMANCE.md.

// The counting allocator is in benches/common.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ocsp_testkit::{Flavor, HashAlg, Pki};
use ocsp_types::{CertIdRef, CertStatus, CertificateRef, OcspResponseRef, SubjectPublicKeyInfoRef};
use ocsp_verify::{
    algorithms, Issuer, SignatureVerificationAlgorithm, Status, Subject, UnixTime, Verifier,
};

mod common;
use common::count_allocs;

/// The verification instant: inside every testkit response's window.
fn now() -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(
        u64::try_from(ocsp_testkit::NOW).expect("positive"),
    ))
}

/// One end-to-end case: a PKI and a response built from it.
struct Case {
    name: &'static str,
    pki: Pki,
    der: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (flavor, issuer_name, delegated_name) in [
        (Flavor::Rsa, "rsa2048/issuer", "rsa2048/delegated"),
        (Flavor::P256, "p256/issuer", "p256/delegated"),
    ] {
        let pki = Pki::new(flavor);
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
            now(),
            None,
        )
        .expect("verifies")
        .status
}

/// The algorithm `Verifier` would pick: exact signatureAlgorithm and key
/// algorithm match in `algorithms::ALL`.
fn pick(
    signature_algorithm: &[u8],
    key: &SubjectPublicKeyInfoRef<'_>,
) -> &'static dyn SignatureVerificationAlgorithm {
    *algorithms::ALL
        .iter()
        .find(|a| {
            a.signature_alg_id().as_ref() == signature_algorithm
                && a.public_key_alg_id().as_ref() == key.algorithm().contents()
        })
        .expect("an algorithm for the key")
}

/// One raw signature check, prepared from the response bytes.
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

/// The signature checks a verify of `case` makes: the response's, signed by
/// the CA or by the embedded delegate, and for a delegate the certificate's.
fn raw_signatures(case: &Case) -> Vec<RawSignature<'_>> {
    let response = OcspResponseRef::parse(&case.der).expect("parses");
    let basic = response.basic().expect("basic");
    let ca = CertificateRef::parse(&case.pki.ca.cert).expect("ca cert");
    let ca_key = ca.subject_public_key_info();
    let mut out = Vec::new();
    match basic.certs().iter().next() {
        None => out.push(RawSignature {
            algorithm: pick(basic.signature_algorithm().contents(), &ca_key),
            public_key: ca_key.subject_public_key(),
            message: basic.tbs_response_data().as_der(),
            signature: basic.signature(),
        }),
        Some(cert_der) => {
            let cert = CertificateRef::parse(cert_der).expect("delegate cert");
            let key = cert.subject_public_key_info();
            out.push(RawSignature {
                algorithm: pick(basic.signature_algorithm().contents(), &key),
                public_key: key.subject_public_key(),
                message: basic.tbs_response_data().as_der(),
                signature: basic.signature(),
            });
            out.push(RawSignature {
                algorithm: pick(cert.signature_algorithm().contents(), &ca_key),
                public_key: ca_key.subject_public_key(),
                message: cert.tbs_der(),
                signature: cert.signature(),
            });
        }
    }
    out
}

fn report_allocations(verifier: &Verifier<'_>, cases: &[Case]) {
    println!();
    println!("allocations per verify (one call, counted by the bench's global allocator):");
    println!("(floor: the raw signature check(s) alone, the share of the allocator)");
    println!(
        "{:<20} {:>6}  {:>7} {:>8}  {:>12} {:>13}",
        "case", "bytes", "allocs", "alloc B", "floor allocs", "floor alloc B"
    );
    for case in cases {
        let (allocs, bytes) = count_allocs(|| verify(verifier, case));
        let raw = raw_signatures(case);
        let (floor_allocs, floor_bytes) = count_allocs(|| raw.iter().all(RawSignature::verify));
        println!(
            "{:<20} {:>6}  {:>7} {:>8}  {:>12} {:>13}",
            case.name,
            case.der.len(),
            allocs,
            bytes,
            floor_allocs,
            floor_bytes
        );
    }
    println!();
}

fn bench_verify(c: &mut Criterion) {
    let verifier = Verifier::new(algorithms::ALL);
    let cases = cases();
    for case in &cases {
        // Fail early rather than time an error path.
        assert_eq!(verify(&verifier, case), Status::Good, "{}", case.name);
        let raw = raw_signatures(case);
        assert!(raw.iter().all(RawSignature::verify), "{}", case.name);
    }
    report_allocations(&verifier, &cases);

    let mut group = c.benchmark_group("verify");
    for case in &cases {
        group.bench_function(case.name, |b| b.iter(|| verify(&verifier, case)));
    }
    group.finish();

    let mut group = c.benchmark_group("floor");
    for case in &cases {
        let raw = raw_signatures(case);
        group.bench_function(case.name, |b| {
            b.iter(|| raw.iter().all(RawSignature::verify))
        });
    }
    group.finish();
}

/// Parses `der` and returns the status of the single response whose CertID
/// equals `target` field by field (hash algorithm, both hashes, serial).
fn find_single(der: &[u8], target: &CertIdRef<'_>) -> Option<CertStatus> {
    let response = OcspResponseRef::parse(der).ok()?;
    let basic = response.basic()?;
    basic
        .tbs_response_data()
        .responses()
        .iter()
        .find(|s| {
            let id = s.cert_id();
            id.serial_number() == target.serial_number()
                && id.issuer_name_hash() == target.issuer_name_hash()
                && id.issuer_key_hash() == target.issuer_key_hash()
                && id.hash_algorithm().contents() == target.hash_algorithm().contents()
        })
        .map(|s| s.cert_status())
}

fn bench_scaling(c: &mut Criterion) {
    // P-256: signing 1000 single responses stays cheap to build.
    let pki = Pki::new(Flavor::P256);
    let target = pki.leaf_cert_id(HashAlg::Sha1);
    let target_der = target.to_der().expect("cert id");
    let target_ref = CertIdRef::parse(&target_der).expect("cert id");

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
        assert_eq!(find_single(&der, &target_ref), Some(CertStatus::Good));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &der, |b, der| {
            b.iter(|| find_single(black_box(der), &target_ref))
        });
        println!("scaling/find_single/{n}: {} bytes", der.len());
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

criterion_group!(benches, bench_verify, bench_scaling);
criterion_main!(benches);
