//! Parse benchmarks for `ocsp-types`, with allocation counts.
//!
//! ```text
//! cargo bench --bench parse
//! ```
//!
//! Inputs: the Wikipedia 2017 seed response (crates/ocsp-types/tests/data),
//! and OpenSSL's D1.ors and ND1.ors from ../shared/vectors/openssl-ocsp when
//! that directory exists (or `$OCSP_VECTORS/openssl-ocsp`; base64, decoded
//! at run time; skipped loudly if absent). For each input: the borrowed `OcspResponseRef::parse`, the same
//! followed by a walk of every single response, extension and certificate,
//! and the owned `OcspResponse::from_der`.
//!
//! Before timing, the bench prints the number of allocations and bytes
//! allocated by one call of each, counted by a global allocator that wraps
//! the system one. The borrowed parse must not allocate.

// The counting allocator is in benches/common (the workspace's only unsafe
// code, which only delegates to `std::alloc::System`).
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use base64ct::{Base64, Encoding};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ocsp_types::{CertStatus, OcspResponse, OcspResponseRef};

mod common;
use common::count_allocs;

struct Input {
    name: &'static str,
    der: Vec<u8>,
}

fn inputs() -> Vec<Input> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("crates/ocsp-types/tests/data/seed-wikipedia-2017.der");
    let mut out = vec![Input {
        name: "wikipedia-2017",
        der: std::fs::read(&seed).unwrap_or_else(|e| panic!("{}: {e}", seed.display())),
    }];
    // OCSP_VECTORS overrides the location of the shared vectors directory.
    let vectors = std::env::var_os("OCSP_VECTORS")
        .map_or_else(|| root.join("../shared/vectors"), Into::into)
        .join("openssl-ocsp");
    for (name, file) in [("openssl-D1", "D1.ors"), ("openssl-ND1", "ND1.ors")] {
        let path = vectors.join(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let b64: String = text.split_whitespace().collect();
                let der = Base64::decode_vec(&b64)
                    .unwrap_or_else(|e| panic!("{}: bad base64: {e}", path.display()));
                out.push(Input { name, der });
            }
            Err(e) => {
                eprintln!();
                eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
                eprintln!("!!! SKIPPED {name}: cannot read {}: {e}", path.display());
                eprintln!("!!! (only the seed response is benchmarked)");
                eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
                eprintln!();
            }
        }
    }
    out
}

/// Parses and touches everything a client would: each single response
/// (CertID, status, times, extensions), the response extensions (nonce
/// included) and the embedded certificates. Returns a value depending on all
/// of it so nothing is optimised away.
fn parse_and_walk(der: &[u8]) -> usize {
    let response = OcspResponseRef::parse(der).expect("parses");
    let Some(basic) = response.basic() else {
        return 0;
    };
    let tbs = basic.tbs_response_data();
    let mut acc = tbs.as_der().len() + tbs.produced_at().unix_timestamp() as usize;
    for single in tbs.responses() {
        let id = single.cert_id();
        acc += id.hash_algorithm().oid().as_bytes().len()
            + id.issuer_name_hash().len()
            + id.issuer_key_hash().len()
            + id.serial_number().len();
        acc += match single.cert_status() {
            CertStatus::Good => 1,
            CertStatus::Revoked(info) => info.revocation_time.unix_timestamp() as usize,
            CertStatus::Unknown => 2,
        };
        acc += single.this_update().unix_timestamp() as usize;
        acc += single
            .next_update()
            .map_or(0, |t| t.unix_timestamp() as usize);
        for ext in single.extensions() {
            acc += ext.oid().as_bytes().len() + ext.value().len() + usize::from(ext.is_critical());
        }
    }
    for ext in tbs.extensions() {
        acc += ext.oid().as_bytes().len() + ext.value().len() + usize::from(ext.is_critical());
    }
    acc += tbs.extensions().nonce().map_or(0, <[u8]>::len);
    for cert in basic.certs() {
        acc += cert.len();
    }
    acc + basic.signature().len() + basic.signature_algorithm().oid().as_bytes().len()
}

fn report_allocations(inputs: &[Input]) {
    println!();
    println!("allocations per call (one call, counted by the bench's global allocator):");
    println!(
        "{:<16} {:>6}  {:<28} {:>7} {:>8}",
        "input", "bytes", "operation", "allocs", "alloc B"
    );
    let mut borrowed_allocates = false;
    for input in inputs {
        let der = input.der.as_slice();
        let rows: [(&str, (u64, u64)); 3] = [
            (
                "OcspResponseRef::parse",
                count_allocs(|| OcspResponseRef::parse(black_box(der)).map(|r| r.status())),
            ),
            (
                "parse + walk",
                count_allocs(|| parse_and_walk(black_box(der))),
            ),
            (
                "OcspResponse::from_der",
                count_allocs(|| OcspResponse::from_der(black_box(der))),
            ),
        ];
        for (i, (op, (allocs, bytes))) in rows.iter().enumerate() {
            if i < 2 && *allocs != 0 {
                borrowed_allocates = true;
            }
            println!(
                "{:<16} {:>6}  {:<28} {:>7} {:>8}",
                input.name,
                der.len(),
                op,
                allocs,
                bytes
            );
        }
    }
    if borrowed_allocates {
        println!("!!! the borrowed parse ALLOCATES: the zero-allocation target is missed");
    } else {
        println!("borrowed parse (and walk): zero allocations on every input");
    }
    println!();
}

fn bench_parse(c: &mut Criterion) {
    let inputs = inputs();
    for input in &inputs {
        // Fail early rather than time an error path.
        OcspResponseRef::parse(&input.der)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", input.name));
    }
    report_allocations(&inputs);

    let mut group = c.benchmark_group("parse");
    for input in &inputs {
        let der = input.der.as_slice();
        group.throughput(Throughput::Bytes(der.len() as u64));
        group.bench_function(format!("OcspResponseRef::parse/{}", input.name), |b| {
            b.iter(|| OcspResponseRef::parse(black_box(der)))
        });
        group.bench_function(format!("parse+walk/{}", input.name), |b| {
            b.iter(|| parse_and_walk(black_box(der)))
        });
        group.bench_function(format!("OcspResponse::from_der/{}", input.name), |b| {
            b.iter(|| OcspResponse::from_der(black_box(der)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
