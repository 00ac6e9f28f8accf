//! Every fault the testkit can inject, each with its exact error variant, and
//! every valid shape with its exact verdict.
//!
//! The tests are in one module per topic (faults by the field they break).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_testkit::{
    at, by_key, cert, cert_id, der, single, CertSpec, Flavor, HashAlg, Key, KeyName, Pki, SigAlg,
    DAY, HOUR, NOW,
};
use ocsp_types::{
    AlgorithmIdentifier, CertStatus, CrlReason, Extension, ObjectIdentifier, OcspResponse,
    ResponderId, ResponseStatus, RevokedInfo,
};
use ocsp_verify::{
    algorithms, Error, Issuer, Policy, Responder, Status, Subject, UnixTime, Verifier,
};

const SKEW: i64 = 300;

fn now(offset: i64) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs((NOW + offset) as u64))
}

/// What a verification gave, without borrows.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: Status,
    responder: &'static str,
    valid_until: u64,
}

fn run_full(
    pki: &Pki,
    der: &[u8],
    policy: Policy,
    time: UnixTime,
    nonce: Option<&[u8]>,
    trusted: &[&[u8]],
) -> Result<Seen, Error> {
    Verifier::new(algorithms::ALL)
        .with_policy(policy)
        .with_trusted_responders(trusted)
        .verify(
            der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            time,
            nonce,
        )
        .map(|v| Seen {
            status: v.status,
            responder: match v.responder {
                Responder::Issuer => "issuer",
                Responder::Delegated { .. } => "delegated",
                Responder::LocallyTrusted { .. } => "trusted",
                _ => "?",
            },
            valid_until: v.valid_until.as_secs(),
        })
}

fn run(pki: &Pki, der: &[u8]) -> Result<Seen, Error> {
    run_full(pki, der, Policy::default(), now(0), None, &[])
}

fn status(pki: &Pki, der: &[u8]) -> Result<(Status, &'static str), Error> {
    run(pki, der).map(|s| (s.status, s.responder))
}

fn status_with(pki: &Pki, der: &[u8], policy: Policy) -> Result<(Status, &'static str), Error> {
    run_full(pki, der, policy, now(0), None, &[]).map(|s| (s.status, s.responder))
}

fn rsa() -> Pki {
    Pki::new(Flavor::Rsa)
}

const GOOD_ISSUER: Result<(Status, &str), Error> = Ok((Status::Good, "issuer"));
const GOOD_DELEGATED: Result<(Status, &str), Error> = Ok((Status::Good, "delegated"));

const UNKNOWN: &str = "1.3.6.1.4.1.99999.1";

fn ext(oid: &str, critical: bool, value: Vec<u8>) -> Extension {
    Extension {
        oid: ObjectIdentifier::new_unwrap(oid),
        critical,
        value,
    }
}

mod algorithm_list;
mod cert_id_faults;
mod compatibility;
mod envelope_and_inputs;
mod extensions;
mod nonces;
mod responder_faults;
mod time;
mod valid_shapes;
